"""A file's own date: a PDF's ModDate/CreationDate, a DOCX's docProps/core.xml modified/created.

core.xml is read with a size cap and a pattern search, never an XML parser, so nothing in it is resolved or
expanded. A missing, damaged or implausible date is None: the file's date is a hint, never an error.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from datetime import date

_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?")
_CORE = "docProps/core.xml"
_CORE_MAX = 256 * 1024
_CORE_DATE = re.compile(rb"<dcterms:(modified|created)\b[^>]*>\s*(\d{4})-(\d{2})")


def pdf_date(values: tuple[str, ...]) -> date | None:
    """The first readable of (ModDate, CreationDate)."""
    for value in values:
        match = _PDF_DATE.match(value.strip())
        if match is None:
            continue
        year, month = int(match.group(1)), int(match.group(2) or 1)
        if 1 <= month <= 12:
            return date(year, month, 1)
    return None


def docx_date(data: bytes) -> date | None:
    """core.xml's modified date, else its created date."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo(_CORE)
            if info.file_size > _CORE_MAX:
                return None
            with archive.open(info) as handle:
                xml = handle.read(_CORE_MAX + 1)
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError, zlib.error):
        return None
    if len(xml) > _CORE_MAX:
        return None
    found = {m.group(1): (int(m.group(2)), int(m.group(3))) for m in _CORE_DATE.finditer(xml)}
    for key in (b"modified", b"created"):
        if key in found and 1 <= found[key][1] <= 12:
            return date(found[key][0], found[key][1], 1)
    return None
