"""DOCX text extraction by walking the WordprocessingML itself.

python-docx's ``.paragraphs`` and ``cell.text`` miss text inside content controls (w:sdt) and text boxes
(w:txbxContent), so the document XML is walked directly, in document order: paragraphs, tables (cell by
cell), content controls, text boxes (the mc:Choice branch only, never its duplicate mc:Fallback), inserted
runs (deleted runs skipped), and the headers and footers. The archive is opened with zipfile; every part is
size-checked before it is inflated (zip bombs); a part is decoded as an XML parser would (BOM, UTF-16/32 without
BOM, declared encoding) and refused before parsing when it declares a DOCTYPE or an ENTITY, so no entity
(external or internal) is ever resolved. The walk keeps its own stack, and refuses nesting past a cap.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
import zlib
from xml.etree import ElementTree as ET

from gapcheck.errors import CorruptDocumentError, UnsafeDocumentError
from gapcheck.reading.limits import Limits, check_chars, check_depth, check_zip_part

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
V = "{urn:schemas-microsoft-com:vml}"

DOCUMENT = "word/document.xml"
_HEADER_FOOTER = re.compile(r"word/(header|footer)\d*\.xml")
_DTD = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)

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
            lines = _part_lines(xml, name, part, limits)
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


def _part_lines(xml: bytes, name: str, part: str, limits: Limits) -> list[str]:
    text = _decode_xml(xml, name, part)
    if _DTD.search(text):
        raise UnsafeDocumentError(f"{name}: part {part} declares a DOCTYPE or ENTITY, which is never resolved")
    try:
        root = ET.fromstring(text)  # a str: expat parses exactly the characters searched above
    except ET.ParseError:
        raise CorruptDocumentError(f"{name}: DOCX part {part} is not well-formed XML") from None
    return _walk(root, name, part, limits)


_XML_DECL = re.compile(rb"""^<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']""")
_PREFIXES: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00", "utf-16-le"),
    (b"\x00<", "utf-16-be"),
)


def _decode_xml(xml: bytes, name: str, part: str) -> str:
    """The part's characters, decoded the way an XML parser would (a byte-order mark, the first bytes of
    ``<?xml`` in UTF-16/32, or the declared encoding), so that no encoding hides a DOCTYPE from the search."""
    encoding = "utf-8"
    for prefix, codec in _PREFIXES:
        if xml.startswith(prefix):
            encoding = codec
            break
    else:
        declared = _XML_DECL.match(xml)
        if declared is not None:
            encoding = declared.group(1).decode("ascii")
    try:
        text = xml.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        raise CorruptDocumentError(f"{name}: DOCX part {part} is not well-formed XML (bad {encoding} text)") from None
    return text[1:] if text.startswith("\ufeff") else text


# What the walk does with an element (an explicit stack, not recursion: nesting depth is the file's choice).
_BLOCKS, _TABLE, _PARAGRAPH, _RUNS, _RUN, _BOXES, _BOX = range(7)
_TABLE_PARTS = frozenset({f"{W}tr", f"{W}sdt", f"{W}sdtContent", f"{W}customXml"})
_Task = tuple[int, ET.Element, int]  # (what to do, element, its depth)


def _walk(root: ET.Element, name: str, part: str, limits: Limits) -> list[str]:
    """The lines of a part, in document order: block level first (paragraphs, tables, content controls;
    anything else is searched for them), a paragraph's text boxes after its own lines."""
    lines: list[str] = []
    stack: list[_Task] = [(_BLOCKS, root, 0)]
    while stack:
        mode, element, depth = stack.pop()
        check_depth(name, part, depth, limits)
        if mode == _BLOCKS:
            stack.extend(reversed(_block_children(element, depth)))
        elif mode == _TABLE:
            rows: list[_Task] = []
            for child in element:
                if child.tag in _TABLE_PARTS:
                    rows.append((_TABLE, child, depth + 1))
                elif child.tag == f"{W}tc":
                    rows.append((_BLOCKS, child, depth + 1))
            stack.extend(reversed(rows))
        else:  # _PARAGRAPH
            parts, boxes = _paragraph(element, depth, name, part, limits)
            lines.extend("".join(parts).split("\n"))
            stack.extend((_BLOCKS, box, box_depth) for box, box_depth in reversed(boxes))
    return lines


def _block_children(element: ET.Element, depth: int) -> list[_Task]:
    tasks: list[_Task] = []
    for child in element:
        tag = child.tag
        if tag == f"{W}p":
            tasks.append((_PARAGRAPH, child, depth + 1))
        elif tag == f"{W}tbl":
            tasks.append((_TABLE, child, depth + 1))
        elif tag in _SKIPPED:
            continue
        elif tag == f"{MC}AlternateContent":
            choice = child.find(f"{MC}Choice")
            if choice is not None:
                tasks.append((_BLOCKS, choice, depth + 2))
        else:
            tasks.append((_BLOCKS, child, depth + 1))
    return tasks


def _paragraph(
    p: ET.Element, depth: int, name: str, part: str, limits: Limits
) -> tuple[list[str], list[tuple[ET.Element, int]]]:
    """A paragraph's text pieces (runs, in order, through inline containers) and the text boxes it holds."""
    parts: list[str] = []
    boxes: list[tuple[ET.Element, int]] = []
    stack: list[_Task] = [(_RUNS, p, depth)]
    while stack:
        mode, element, level = stack.pop()
        check_depth(name, part, level, limits)
        tasks: list[_Task] = []
        if mode == _RUNS:
            for child in element:
                tag = child.tag
                if tag == f"{W}r":
                    tasks.append((_RUN, child, level + 1))
                elif tag in _SKIPPED:
                    continue
                elif tag in _INLINE_CONTAINERS:
                    tasks.append((_RUNS, child, level + 1))
                elif tag == f"{MC}AlternateContent":
                    choice = child.find(f"{MC}Choice")
                    if choice is not None:
                        tasks.append((_RUNS, choice, level + 2))
                else:
                    tasks.append((_BOXES, child, level + 1))
        elif mode == _RUN:
            for child in element:
                tag = child.tag
                if tag == f"{W}t":
                    parts.append(child.text or "")
                elif tag in (f"{W}tab", f"{W}ptab"):
                    parts.append("\t")
                elif tag in (f"{W}br", f"{W}cr"):
                    parts.append("\n")
                elif tag == f"{W}noBreakHyphen":
                    parts.append("-")
                elif tag == f"{MC}AlternateContent":
                    choice = child.find(f"{MC}Choice")
                    if choice is not None:
                        tasks.append((_BOXES, choice, level + 2))
                elif tag in (f"{W}drawing", f"{W}pict", f"{W}object"):
                    tasks.append((_BOXES, child, level + 1))
                # w:sym (symbol-font bullets and icons) and anything else: no text
        elif mode == _BOXES:  # text boxes inside a drawing: block-level content, read after the host paragraph
            for child in element:
                if child.tag == f"{W}txbxContent":
                    tasks.append((_BOX, child, level + 1))
                elif child.tag == f"{MC}Fallback":
                    continue
                elif child.tag == f"{MC}AlternateContent":
                    choice = child.find(f"{MC}Choice")
                    if choice is not None:
                        tasks.append((_BOXES, choice, level + 2))
                else:
                    tasks.append((_BOXES, child, level + 1))
        else:  # _BOX
            boxes.append((element, level))
        stack.extend(reversed(tasks))
    return parts, boxes
