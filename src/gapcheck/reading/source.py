"""A resume file opened: its bytes read once (with the size caps), its type judged by content, and a PDF's streams
checked. ``read_resume`` opens every file here, and the CLI opens its one file here ahead of the start-up
(``open_ahead``) to start the PDF's extraction early, then hands the opened file to ``read_resume``: one read
and one stream check per file either way."""

from __future__ import annotations

import stat
from dataclasses import dataclass
from pathlib import Path

from gapcheck.errors import CorruptDocumentError, EmptyDocumentError, GapcheckError, MissingFileError, NotAFileError
from gapcheck.reading.limits import Limits, check_file_size
from gapcheck.reading.pdf import check_engine, check_pdf_streams, start_extraction
from gapcheck.reading.sniff import sniff_format


@dataclass(frozen=True)
class SourceFile:
    """A file as :func:`open_source` read and checked it."""

    data: bytes
    name: str  # how messages name the file
    suffix: str  # the file name's extension, lowercased ("" for bytes without a name)
    kind: str  # "pdf", "docx", "markdown" or "text", judged by content (reading.sniff)
    limits: Limits  # the caps it was checked against
    inflated: int = 0  # a PDF: what its content-like streams inflate to in all (pdf.check_pdf_streams)


def open_source(source: str | Path | bytes, source_name: str | None, limits: Limits) -> SourceFile:
    """``source`` (a path, or the file's bytes) read and checked: its size, that it holds something, its type, and
    a PDF's streams. ``source_name`` names it in messages (default: the path's file name, or "<bytes>")."""
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        name = source_name or "<bytes>"
        check_file_size(name, len(data), limits)
        suffix = Path(source_name).suffix.lower() if source_name else ""
    else:
        path = Path(source)
        name = source_name or path.name or str(path)
        data = _read_file(path, name, limits)
        suffix = path.suffix.lower()
    if not data or data.isspace():  # as `not data.strip()` says, without copying the file
        raise EmptyDocumentError(f"{name}: file is empty (only whitespace)")
    kind = sniff_format(data, name, suffix)
    inflated = check_pdf_streams(data, name, limits) if kind == "pdf" else 0
    return SourceFile(data, name, suffix, kind, limits, inflated)


def open_ahead(path: Path, limits: Limits, engine: str = "auto") -> SourceFile | None:
    """The file at ``path`` opened as ``read_resume`` opens it, and a PDF's extraction started in its child process
    when it will be read in one (``pdf.start_extraction``), so that it works while the caller loads the rest.
    None when the file cannot be opened: ``read_resume(path)`` says why in its turn."""
    try:
        check_engine(engine)
        source = open_source(path, None, limits)
    except GapcheckError:
        return None
    if source.kind == "pdf":
        start_extraction(source.data, source.name, limits, source.inflated, engine)
    return source


def _read_file(path: Path, name: str, limits: Limits) -> bytes:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise MissingFileError(f"{name}: no such file") from None
    except NotADirectoryError:
        raise MissingFileError(f"{name}: no such file (a parent is not a folder)") from None
    except PermissionError:
        raise NotAFileError(f"{name}: permission denied") from None
    except OSError as exc:
        raise NotAFileError(f"{name}: cannot be read ({exc.strerror or 'OS error'})") from None
    if stat.S_ISDIR(info.st_mode):
        raise NotAFileError(f"{name}: is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise NotAFileError(f"{name}: is not a regular file")
    check_file_size(name, info.st_size, limits)
    if info.st_size == 0:
        raise EmptyDocumentError(f"{name}: file is empty")
    try:
        with open(path, "rb") as handle:
            data = handle.read(limits.max_file_bytes + 1)
    except PermissionError:
        raise NotAFileError(f"{name}: permission denied") from None
    except OSError as exc:
        raise CorruptDocumentError(f"{name}: cannot be read ({exc.strerror or 'OS error'})") from None
    check_file_size(name, len(data), limits)
    return data
