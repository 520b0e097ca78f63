"""PDF text extraction behind one small interface, with two engines.

- ``pypdfium2`` (default): PDFium's text page, read in content-stream order. Keeps the spaces that TeX
  engines do not write as characters, follows columns in the order they were drawn, and is fast.
- ``pypdf`` (pure Python; used when pypdfium2 cannot be imported, or when asked for): its plain mode, or its
  layout mode for pages that plain mode breaks into one word per line (Google Docs exports). Corrections make
  it read as pypdfium2 does: a font whose code 32 is a letter gets a space's width (``_spaced_font``; on its
  own pypdf loses the spaces between words of XeTeX/LuaTeX files), a glyph pypdf has no character for gives no
  text (``_unnamed_glyphs``; pypdf writes its name, "/github"), and a text matrix set and at once moved is one
  matrix (``_fold_text_moves``; on its own pypdf breaks wkhtmltopdf's lines at every run of text).

Before either engine sees the file, every content-like stream (page contents, forms, fonts' character maps,
object streams: all but images) is inflated with a cap and thrown away (``check_pdf_streams``): a small PDF can
inflate to hundreds of MiB of text operators, and PDFium builds every page object in memory before any count of
characters can be taken. The engine then runs in a child process (``isolate.run_isolated``), with capped
memory and time, so that a crash in PDFium is a CorruptDocumentError for that file: every PDF from the CLI,
and from the library each PDF larger than ``Limits.isolate_pdf_over_bytes`` as stored or inflated (a child
costs more than a warm analysis; set it to 0 to isolate every file).
"""

from __future__ import annotations

import importlib.util
import io
import logging
import re
import threading
import warnings
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from gapcheck.errors import (
    CorruptDocumentError,
    EmptyDocumentError,
    EncryptedDocumentError,
    UnsafeDocumentError,
    UsageError,
)
from gapcheck.reading.limits import Limits, check_chars, check_pages, size_text

if TYPE_CHECKING:
    from pypdf.generic._font import Font

ENGINES = ("auto", "pypdfium2", "pypdf")


@dataclass(frozen=True)
class PdfText:
    """The raw text of each page, in page order, and the engine that read it."""

    pages: tuple[str, ...]
    engine: str
    dates: tuple[str, ...] = ()  # the document's ModDate and CreationDate as written ("D:20240129003311-05'00'")


Extractor = Callable[[bytes, str, Limits], PdfText]


def extract_pdf(
    data: bytes, name: str, limits: Limits, engine: str, inflated: int
) -> PdfText:
    """The PDF's text; ``inflated``: what its streams inflate to, as ``check_pdf_streams`` found when
    reading.source opened the file (every file is opened with that check)."""
    extractor = resolve_engine(engine)
    if not _isolated(data, inflated, limits):
        return extractor(data, name, limits)
    from gapcheck.reading.isolate import run_isolated

    found = run_isolated("gapcheck.reading.pdf:extract_in_child", data, name, limits, _engine_name(extractor))
    fields: dict[str, Any] = {key: tuple(value) if isinstance(value, list) else value for key, value in found.items()}
    return PdfText(**fields)


def _isolated(data: bytes, inflated: int, limits: Limits) -> bool:
    """Whether this PDF is read in a child process (``limits.isolate_pdf``, past ``isolate_pdf_over_bytes``)."""
    return limits.isolate_pdf and max(len(data), inflated) > limits.isolate_pdf_over_bytes


def start_extraction(data: bytes, name: str, limits: Limits, inflated: int, engine: str = "auto") -> None:
    """Start ahead the child process that :func:`extract_pdf` will read this PDF in (its streams checked: they
    inflate to ``inflated``), when it will read it in one, so that it works while the caller does something else
    (``isolate.start_isolated``; ``reading.source.open_ahead`` opens the file and calls this)."""
    if _isolated(data, inflated, limits):
        from gapcheck.reading.isolate import start_isolated

        engine = _engine_name(resolve_engine(engine))
        start_isolated("gapcheck.reading.pdf:extract_in_child", data, name, limits, engine)


def extract_in_child(data: bytes, name: str, limits: Limits, engine: str) -> dict[str, Any]:
    """The child process's side of extract_pdf: the text, as JSON can carry it."""
    return asdict(resolve_engine(engine)(data, name, limits))


def check_engine(engine: str) -> None:
    """Refuse an unknown engine name (without importing either engine)."""
    if engine not in ENGINES:
        raise UsageError(f"unknown PDF engine {engine!r}: choose one of {', '.join(ENGINES)}")


def resolve_engine(engine: str) -> Extractor:
    check_engine(engine)
    if engine == "pypdf":
        return _extract_pypdf
    if engine == "pypdfium2":
        return _extract_pdfium
    try:
        available = importlib.util.find_spec("pypdfium2") is not None  # without importing it here
    except (ImportError, ValueError):  # pragma: no cover - depends on the environment
        available = False
    return _extract_pdfium if available else _extract_pypdf


def _check_chars_so_far(name: str, pages: list[str], limits: Limits) -> None:
    check_chars(name, sum(len(p) for p in pages), limits)


# --- pypdfium2 -------------------------------------------------------------------------------------------------


# PDFium is not thread-safe: one document at a time per process, whichever thread asks.
_PDFIUM_LOCK = threading.Lock()


def _extract_pdfium(data: bytes, name: str, limits: Limits) -> PdfText:
    with _PDFIUM_LOCK:
        return _extract_pdfium_unlocked(data, name, limits)


def _extract_pdfium_unlocked(data: bytes, name: str, limits: Limits) -> PdfText:
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise _pdfium_error(name, str(exc)) from None
    try:
        count = len(doc)
        if count == 0:
            raise EmptyDocumentError(f"{name}: PDF has no pages")
        check_pages(name, count, limits)
        pages: list[str] = []
        for index in range(count):
            try:
                page = doc[index]
                textpage = page.get_textpage()
                pages.append(textpage.get_text_range())
                textpage.close()
                page.close()
            except pdfium.PdfiumError:
                raise CorruptDocumentError(f"{name}: page {index + 1} of the PDF cannot be read") from None
            _check_chars_so_far(name, pages, limits)
        dates = _pdfium_dates(doc)
    finally:
        doc.close()
    return PdfText(tuple(pages), "pypdfium2", dates)


def _pdfium_dates(doc: object) -> tuple[str, ...]:
    """The document's ModDate and CreationDate as written: only these two are read (not the whole Info
    dictionary)."""
    try:
        read = doc.get_metadata_value  # type: ignore[attr-defined]
        return tuple(str(read(key) or "") for key in ("ModDate", "CreationDate"))
    except Exception:  # metadata is optional: a damaged Info dictionary only loses the file's date
        return ()


def _pdfium_error(name: str, detail: str) -> Exception:
    if "password" in detail.lower():
        return EncryptedDocumentError(f"{name}: PDF is encrypted and needs a password")
    if "security" in detail.lower():
        return EncryptedDocumentError(f"{name}: PDF uses an unsupported security handler")
    return CorruptDocumentError(f"{name}: PDF is corrupt or truncated and cannot be opened")


# --- pypdf -----------------------------------------------------------------------------------------------------


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs repairs of damaged files ("EOF marker not found") on its logger; the reader reports problems
    through its own errors and warnings only, so that logger is silenced while it runs."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


# pypdf reads one document at a time per process: it reads with the fonts of _fonts_corrected.
_PYPDF_LOCK = threading.Lock()


def _extract_pypdf(data: bytes, name: str, limits: Limits) -> PdfText:
    with _PYPDF_LOCK, _fonts_corrected():
        return _extract_pypdf_unlocked(data, name, limits)


@contextmanager
def _fonts_corrected() -> Iterator[None]:
    """pypdf's text extraction with its fonts corrected, for as long as it runs: a space's width for the space
    (``_spaced_font``) and no text for glyphs it has no character for (``_unnamed_glyphs``). The lock keeps other
    threads' pypdf reading out while pypdf's own Font is replaced. Both lean on pypdf's private modules: a pypdf
    whose internals differ is read as it reads, uncorrected, never with an error of ours."""
    try:
        from pypdf import _page
        from pypdf.generic._font import Font
    except ImportError:
        yield
        return
    if getattr(_page, "Font", None) is not Font:
        yield
        return

    class CorrectedFont(Font):
        @classmethod
        def from_font_resource(cls, pdf_font_dict: Any) -> Font:
            font = Font.from_font_resource(pdf_font_dict)
            try:
                return _unnamed_glyphs(_spaced_font(font))
            except (AttributeError, KeyError, TypeError, ValueError, ImportError):  # internals not as expected
                return font

    setattr(_page, "Font", CorrectedFont)  # noqa: B010 - pypdf._page does not export the name
    try:
        yield
    finally:
        setattr(_page, "Font", Font)  # noqa: B010


def _unnamed_glyphs(font: Font) -> Font:
    """``font`` with no text for the codes whose glyph name pypdf could not map to a character: it writes the
    name itself ("/mobile-alt", "/github": the icons of FontAwesome's Type 1 fonts in moderncv resumes), which
    PDFium leaves out, as icons are no words of the resume."""
    encoding = font.encoding
    if isinstance(encoding, dict) and any(map(_glyph_name, encoding.values())):
        font.encoding = {code: "" if _glyph_name(char) else char for code, char in encoding.items()}
    return font


def _glyph_name(char: str) -> bool:
    return len(char) > 1 and char.startswith("/")


_NO_CODE = "\uffff"  # a noncharacter: no font's text decodes to it


def _spaced_font(font: Font) -> Font:
    """``font`` (a pypdf Font) read as a font with no space glyph when the code pypdf took for a space maps to a
    character that is not one (the font's text map says so): that glyph keeps its own width (pypdf measures the
    space code with the space's width), and the space is half the mean width of the font's glyphs (the whole of
    it at a fixed pitch), as pypdf estimates it for a font with no space glyph. pypdf tells a word gap from
    kerning by half the space's width, which it takes from the glyph at code 32 when no code maps to a space, as
    in the Identity-H fonts XeTeX, LuaTeX and wkhtmltopdf write: their glyph 32 is a letter, often twice as wide
    as a space, so every word gap of TeX's TJ arrays read as kerning and the words ran together (pypdf issue
    #3978)."""
    from pypdf.constants import FontFlags

    mapped = font.character_map.get(font.space_char)
    if not mapped or mapped.isspace():
        return font
    widths = [w for key, w in font.character_widths.items() if key != "default" and w > 0]
    if widths:
        fixed = font.font_descriptor.flags & FontFlags.FIXED_PITCH
        font.space_char = _NO_CODE
        font.space_width = font.character_widths[_NO_CODE] = sum(widths) / len(widths) / (1 if fixed else 2)
    return font


def _extract_pypdf_unlocked(data: bytes, name: str, limits: Limits) -> PdfText:
    import pypdf
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    with _quiet_pypdf():
        try:
            reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                try:
                    ok = reader.decrypt("")
                except (DependencyError, NotImplementedError):
                    raise EncryptedDocumentError(
                        f"{name}: PDF is encrypted with a method pypdf cannot open here; try --pdf-engine pypdfium2"
                    ) from None
                if not ok:
                    raise EncryptedDocumentError(f"{name}: PDF is encrypted and needs a password")
            count = len(reader.pages)
        except (EncryptedDocumentError, EmptyDocumentError):
            raise
        except FileNotDecryptedError:
            raise EncryptedDocumentError(f"{name}: PDF is encrypted and needs a password") from None
        except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError):
            raise CorruptDocumentError(f"{name}: PDF is corrupt or truncated and cannot be opened") from None
        except Exception:  # pypdf raises many kinds on damaged input
            raise CorruptDocumentError(f"{name}: PDF is corrupt or truncated and cannot be opened") from None
        if count == 0:
            raise EmptyDocumentError(f"{name}: PDF has no pages")
        check_pages(name, count, limits)
        pages: list[str] = []
        for index in range(count):
            try:
                page = reader.pages[index]
                _fold_text_moves(page, reader)
                plain = page.extract_text() or ""
                if _one_word_per_line(plain):
                    plain = page.extract_text(extraction_mode="layout") or plain
            except FileNotDecryptedError:
                raise EncryptedDocumentError(f"{name}: PDF is encrypted and needs a password") from None
            except Exception:
                raise CorruptDocumentError(f"{name}: page {index + 1} of the PDF cannot be read") from None
            pages.append(plain)
            _check_chars_so_far(name, pages, limits)
        dates = _pypdf_dates(reader)
    return PdfText(tuple(pages), "pypdf", dates)


# A text matrix set and at once moved ("1 0 0 -1 0 0 Tm 84.98 -432 Td"), as Qt's PDF writer (wkhtmltopdf) places
# every run of text.
_TM_TD = re.compile(rb"\bTm\s+\S+\s+\S+\s+Td\b")


def _fold_text_moves(page: Any, reader: Any) -> None:
    """Each text matrix set and at once moved by Td becomes the one matrix it makes, in the page's content as
    pypdf will read it. pypdf judges line breaks from every matrix it is given, so the matrix set before the move
    (its origin is the page's corner) broke the line at every run of text ('Lumen Labs' / '(2019-Present, Lyon)' on
    one baseline, a bold run then a regular one); what the page shows is unchanged."""
    from pypdf.generic import ArrayObject, ContentStream, FloatObject, NameObject, StreamObject

    stream = page.get("/Contents")
    stream = stream.get_object() if stream is not None else None
    if not isinstance(stream, (StreamObject, ArrayObject)) or isinstance(stream, ContentStream):
        return
    content = ContentStream(stream, reader, "bytes")  # the strings as bytes, as pypdf's extraction reads them
    if not _TM_TD.search(content.get_data()):
        return
    folded: list[tuple[Any, bytes]] = []
    for operands, operator in content.operations:
        if operator == b"Td" and folded and folded[-1][1] == b"Tm" and _numbers(operands, 2):
            matrix = folded[-1][0]
            if _numbers(matrix, 6):
                a, b, c, d, e, f = (float(x) for x in matrix)
                tx, ty = float(operands[0]), float(operands[1])
                moved = (a, b, c, d, e + a * tx + c * ty, f + b * tx + d * ty)
                folded[-1] = ([FloatObject(x) for x in moved], b"Tm")
                continue
        folded.append((operands, operator))
    content.operations = folded
    page[NameObject("/Contents")] = content


def _numbers(operands: Any, count: int) -> bool:
    return isinstance(operands, list) and len(operands) == count and all(
        isinstance(x, (int, float)) for x in operands
    )


def _pypdf_dates(reader: object) -> tuple[str, ...]:
    try:
        meta = reader.metadata or {}  # type: ignore[attr-defined]
        return tuple(str(meta.get(key) or "") for key in ("/ModDate", "/CreationDate"))
    except Exception:  # metadata is optional: a damaged Info dictionary only loses the file's date
        return ()


def _one_word_per_line(text: str) -> bool:
    """pypdf's plain mode on Google Docs exports: most lines hold a single word (or only a space)."""
    lines = text.split("\n")
    if len(lines) < 30:
        return False
    short = sum(1 for line in lines if len(line.split()) <= 1)
    return short / len(lines) > 0.6


def _engine_name(extractor: Extractor) -> str:
    """The ``--pdf-engine`` name of an extractor (``resolve_engine``'s inverse)."""
    return "pypdfium2" if extractor is _extract_pdfium else "pypdf"


# --- the stream check ------------------------------------------------------------------------------------------

# Streams are found by their keyword with bytes.find (a fast search), then its end of line checked: the matches of
# rb"stream(?:\r\n|\n|\r)" in order, at several times the speed of the pattern itself.
_KEYWORD = b"stream"
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_FLATE = re.compile(rb"/(?:FlateDecode|Fl)\b")
_FILTER = re.compile(rb"/Filter\b")
_CHUNK = 64 * 1024


def check_pdf_streams(data: bytes, name: str, limits: Limits) -> int:
    """Refuse a PDF whose content-like streams inflate past ``max_pdf_stream_bytes`` each or
    ``max_pdf_content_bytes`` together; return what they inflate to in all. Streams are found by their
    ``stream`` keyword and inflated in chunks, output discarded, so the check costs at most the caps in time and
    a chunk in memory. Images are skipped (text extraction never decodes them); filters other than Flate are left
    to the engine's own limits."""
    total = 0
    view = memoryview(data)  # the chunks inflated are read through it, not copied out of the file
    for start, body in _stream_keywords(data):
        if data.endswith(b"end", 0, start):  # the "endstream" that closes a stream
            continue
        head = data.rfind(b"obj", max(0, start - 4096), start)
        dictionary = data[head if head >= 0 else max(0, start - 4096) : start]
        if _IMAGE.search(dictionary):
            continue
        if _FLATE.search(dictionary):
            size = _inflated_size(view, body, limits.max_pdf_stream_bytes + 1)
        elif _FILTER.search(dictionary):
            continue
        else:
            end = data.find(b"endstream", body)
            size = (len(data) if end < 0 else end) - body
        if size > limits.max_pdf_stream_bytes:
            raise UnsafeDocumentError(
                f"{name}: a PDF stream inflates past {size_text(limits.max_pdf_stream_bytes)}, the limit per stream"
            )
        total += size
        if total > limits.max_pdf_content_bytes:
            raise UnsafeDocumentError(
                f"{name}: the PDF's streams inflate past {size_text(limits.max_pdf_content_bytes)} in all, the limit"
            )
    return total


def _stream_keywords(data: bytes) -> Iterator[tuple[int, int]]:
    """(start, end) of each ``stream`` keyword that an end of line follows (CR LF, LF or CR), in order: where
    rb"stream(?:\r\n|\n|\r)" matches (the keyword cannot overlap itself, so no match starts inside another)."""
    start = data.find(_KEYWORD)
    while start >= 0:
        after = start + len(_KEYWORD)
        end_of_line = data[after : after + 2]
        if end_of_line == b"\r\n":
            yield start, after + 2
        elif end_of_line[:1] in (b"\n", b"\r"):
            yield start, after + 1
        start = data.find(_KEYWORD, after)


def _inflated_size(data: memoryview, start: int, cap: int) -> int:
    """How many bytes the zlib data at ``start`` inflates to, counting no further than ``cap``. Its two-byte header
    is checked as zlib checks it, then the deflate data inflated raw: what follows it (the Adler-32 of the data,
    which costs a tenth of the check to compute) is not read, so a stream whose checksum is wrong counts in full,
    as PDFium, which does not refuse such a stream either, would inflate it."""
    header = bytes(data[start : start + 2])
    if len(header) < 2 or not _zlib_header(header[0], header[1]):
        return 0  # zlib refuses it at once: nothing inflates
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    size = 0
    position = start + 2
    try:
        while size < cap and position < len(data) and not inflater.eof:
            chunk = inflater.unconsumed_tail or data[position : position + _CHUNK]
            if not inflater.unconsumed_tail:
                position += len(chunk)
            size += len(inflater.decompress(chunk, cap - size))
    except zlib.error:
        pass  # damaged data: the engine decides what to make of it
    return size


def _zlib_header(cmf: int, flg: int) -> bool:
    """A zlib header zlib's inflate accepts: a multiple of 31, deflate, a window of at most 32 KiB, no preset
    dictionary (which it would ask for)."""
    return (cmf * 256 + flg) % 31 == 0 and cmf & 0x0F == 8 and cmf >> 4 <= 7 and not flg & 0x20
