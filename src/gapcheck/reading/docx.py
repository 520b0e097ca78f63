"""DOCX text extraction by walking the WordprocessingML itself.

python-docx's ``.paragraphs`` and ``cell.text`` miss text inside content controls (w:sdt) and text boxes
(w:txbxContent), so the document XML is walked directly, in document order: paragraphs, tables (cell by
cell), content controls, text boxes (the mc:Choice branch only, never its duplicate mc:Fallback), inserted
runs (deleted runs skipped), and the headers and footers. The archive is opened with zipfile; every part is
size-checked before it is inflated (zip bombs), and any part that declares a DOCTYPE or an ENTITY is refused
before parsing, so no entity (external or internal) is ever resolved.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from xml.etree import ElementTree as ET

from gapcheck.errors import CorruptDocumentError, UnsafeDocumentError
from gapcheck.reading.limits import Limits, check_chars, check_zip_part

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
V = "{urn:schemas-microsoft-com:vml}"
WPS = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}"

DOCUMENT = "word/document.xml"
_HEADER_FOOTER = re.compile(r"word/(header|footer)\d*\.xml")
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)

# Containers whose children are walked for runs, inside a paragraph.
_INLINE_CONTAINERS = {
    f"{W}hyperlink",
    f"{W}ins",
    f"{W}smartTag",
    f"{W}fldSimple",
    f"{W}customXml",
    f"{W}sdt",
    f"{W}sdtContent",
    f"{W}moveTo",
    f"{W}dir",
    f"{W}bdo",
}
_SKIPPED = {f"{W}del", f"{W}moveFrom", f"{W}sdtPr", f"{W}sdtEndPr", f"{W}rPr", f"{W}pPr", f"{MC}Fallback"}


def is_docx(data: bytes) -> bool:
    if not data.startswith(b"PK"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return DOCUMENT in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError):
        return False


def extract_docx(data: bytes, name: str, limits: Limits) -> str:
    """The text of the document: headers, body, footers, one paragraph per line."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError):
        raise CorruptDocumentError(f"{name}: DOCX is not a valid zip archive (corrupt or truncated)") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > limits.max_zip_entries:
            raise UnsafeDocumentError(
                f"{name}: DOCX has {len(infos)} parts, over the limit of {limits.max_zip_entries}"
            )
        by_name = {info.filename: info for info in infos}
        if DOCUMENT not in by_name:
            raise CorruptDocumentError(f"{name}: DOCX has no word/document.xml part")
        headers = sorted(n for n in by_name if _HEADER_FOOTER.fullmatch(n) and "header" in n)
        footers = sorted(n for n in by_name if _HEADER_FOOTER.fullmatch(n) and "footer" in n)
        parts = [*headers, DOCUMENT, *footers]
        declared = 0
        for part in parts:
            info = by_name[part]
            check_zip_part(name, part, info.file_size, info.compress_size, limits)
            declared += info.file_size
        if declared > limits.max_docx_total_bytes:
            raise UnsafeDocumentError(
                f"{name}: DOCX text parts would inflate to {declared} bytes, over the limit of "
                f"{limits.max_docx_total_bytes} bytes"
            )
        blocks: list[str] = []
        seen_hf: set[str] = set()
        for part in parts:
            xml = _read_part(archive, by_name[part], name, limits)
            lines = _part_lines(xml, name, part)
            if part != DOCUMENT:
                key = "\n".join(lines)
                if key in seen_hf:  # first/even/default headers often repeat the same text
                    continue
                seen_hf.add(key)
            blocks.append("\n".join(lines))
            check_chars(name, sum(len(b) for b in blocks), limits)
    return "\n".join(blocks)


def _read_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, limits: Limits) -> bytes:
    cap = min(limits.max_docx_part_bytes, max(info.file_size, 0))
    try:
        with archive.open(info) as handle:
            data = handle.read(cap + 1)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, zlib.error):
        raise CorruptDocumentError(f"{name}: DOCX part {info.filename} is corrupt or truncated") from None
    except RuntimeError:  # encrypted zip member
        raise CorruptDocumentError(f"{name}: DOCX part {info.filename} is encrypted") from None
    if len(data) > cap:
        raise UnsafeDocumentError(
            f"{name}: part {info.filename} inflates past its declared size of {info.file_size} bytes (zip bomb?)"
        )
    return data


def _part_lines(xml: bytes, name: str, part: str) -> list[str]:
    if _DTD.search(xml) or _DTD.search(_as_utf8(xml)):
        raise UnsafeDocumentError(f"{name}: part {part} declares a DOCTYPE or ENTITY, which is never resolved")
    try:
        root = ET.fromstring(xml)
    except ET.ParseError:
        raise CorruptDocumentError(f"{name}: DOCX part {part} is not well-formed XML") from None
    lines: list[str] = []
    _walk_blocks(root, lines)
    return lines


def _as_utf8(xml: bytes) -> bytes:
    """UTF-16 parts would hide a DOCTYPE from a byte search."""
    if xml[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return xml.decode("utf-16", errors="replace").encode("utf-8")
    return b""


def _walk_blocks(element: ET.Element, lines: list[str]) -> None:
    """Block level: paragraphs, tables, content controls; anything else is searched for them."""
    for child in element:
        tag = child.tag
        if tag == f"{W}p":
            _paragraph(child, lines)
        elif tag == f"{W}tbl":
            _table(child, lines)
        elif tag in _SKIPPED:
            continue
        elif tag == f"{MC}AlternateContent":
            choice = child.find(f"{MC}Choice")
            if choice is not None:
                _walk_blocks(choice, lines)
        else:
            _walk_blocks(child, lines)


def _table(element: ET.Element, lines: list[str]) -> None:
    """Rows, then cells, each cell's blocks in order; rows and cells may sit inside content controls."""
    for child in element:
        if child.tag in (f"{W}tr", f"{W}tc", f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
            if child.tag == f"{W}tc":
                _walk_blocks(child, lines)
            else:
                _table(child, lines)


def _paragraph(p: ET.Element, lines: list[str]) -> None:
    parts: list[str] = []
    boxes: list[ET.Element] = []
    _runs(p, parts, boxes)
    text = "".join(parts)
    for line in text.split("\n"):
        lines.append(line)
    for box in boxes:
        _walk_blocks(box, lines)


def _runs(element: ET.Element, parts: list[str], boxes: list[ET.Element]) -> None:
    for child in element:
        tag = child.tag
        if tag == f"{W}r":
            _run(child, parts, boxes)
        elif tag in _SKIPPED:
            continue
        elif tag in _INLINE_CONTAINERS:
            _runs(child, parts, boxes)
        elif tag == f"{MC}AlternateContent":
            choice = child.find(f"{MC}Choice")
            if choice is not None:
                _runs(choice, parts, boxes)
        else:
            _collect_boxes(child, boxes)


def _run(run: ET.Element, parts: list[str], boxes: list[ET.Element]) -> None:
    for child in run:
        tag = child.tag
        if tag == f"{W}t":
            parts.append(child.text or "")
        elif tag in (f"{W}tab", f"{W}ptab"):
            parts.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
        elif tag == f"{W}noBreakHyphen":
            parts.append("-")
        elif tag == f"{W}sym":
            continue  # symbol-font glyphs (bullets, icons)
        elif tag == f"{MC}AlternateContent":
            choice = child.find(f"{MC}Choice")
            if choice is not None:
                _collect_boxes(choice, boxes)
        elif tag in (f"{W}drawing", f"{W}pict", f"{W}object"):
            _collect_boxes(child, boxes)


def _collect_boxes(element: ET.Element, boxes: list[ET.Element]) -> None:
    """Text boxes inside a drawing: their content is block-level and read after the host paragraph."""
    for child in element:
        if child.tag == f"{W}txbxContent":
            boxes.append(child)
        elif child.tag == f"{MC}Fallback":
            continue
        elif child.tag == f"{MC}AlternateContent":
            choice = child.find(f"{MC}Choice")
            if choice is not None:
                _collect_boxes(choice, boxes)
        else:
            _collect_boxes(child, boxes)
