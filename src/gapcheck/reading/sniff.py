"""Judging a file's type by its content (magic bytes), the extension only breaking ties."""

from __future__ import annotations

from gapcheck.errors import CorruptDocumentError, UnsupportedFormatError
from gapcheck.reading.docx import is_docx
from gapcheck.reading.text import looks_binary

_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
_KNOWN_BINARY: tuple[tuple[bytes, str], ...] = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Word .doc (or other OLE) file; save it as DOCX or PDF"),
    (b"{\\rtf", "an RTF file; save it as DOCX or PDF"),
    (b"\x89PNG", "a PNG image; a resume must be PDF, DOCX, plain text or Markdown"),
    (b"\xff\xd8\xff", "a JPEG image; a resume must be PDF, DOCX, plain text or Markdown"),
    (b"GIF8", "a GIF image; a resume must be PDF, DOCX, plain text or Markdown"),
    (b"II*\x00", "a TIFF image; a resume must be PDF, DOCX, plain text or Markdown"),
    (b"MM\x00*", "a TIFF image; a resume must be PDF, DOCX, plain text or Markdown"),
    (b"%!PS", "a PostScript file; convert it to PDF"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
)
_TEXT_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def sniff_format(data: bytes, name: str, suffix: str) -> str:
    """ "pdf", "docx", "markdown" or "text"; UnsupportedFormatError for anything else."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        if is_docx(data):
            return "docx"
        if suffix == ".docx":
            raise CorruptDocumentError(f"{name}: DOCX is corrupt or truncated (no readable word/document.xml)")
        raise UnsupportedFormatError(f"{name}: a zip archive that is not a DOCX document (ODT, XLSX, ...?)")
    for magic, what in _KNOWN_BINARY:
        if data.startswith(magic):
            raise UnsupportedFormatError(f"{name}: {what}")
    if not data.startswith(_TEXT_BOMS) and looks_binary(data):
        if suffix == ".pdf":
            raise CorruptDocumentError(f"{name}: not a valid PDF (no %PDF header)")
        if suffix == ".docx":
            raise CorruptDocumentError(f"{name}: not a valid DOCX (not a zip archive)")
        raise UnsupportedFormatError(f"{name}: binary content that is not PDF, DOCX, plain text or Markdown")
    return "markdown" if suffix in _MARKDOWN_SUFFIXES else "text"
