"""Write the hostile corpus (broken and crafted resumes) into a folder, for tests/hostile/ and the fuzz scripts.

    python scripts/make_hostile.py OUT_DIR [--only NAME ...]

Every file is made from scratch here (nothing is downloaded, no resume text is used): PDFs are written by hand
with a small writer (so a content stream can be anything), DOCX files with zipfile. Each case has a name and
an expectation: ``"refuse"`` (exit 2, one line naming the file) or ``"report"`` (a normal report) or ``"either"``
(readable or refused, but cleanly). The big inflating cases are small on disk (they compress well) but take a few
seconds to write; ``CASES`` lists them all.
"""

from __future__ import annotations

import argparse
import io
import os
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

MIB = 1024 * 1024
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SKILLS = "Python, PyTorch, scikit-learn, SQL, Kubernetes, Docker, Airflow, AWS, Spark, TensorFlow, MLflow, Git. "
# A marker that must never appear in a message (the tests look for it).
SECRET = "Zephyrine"
RESUME = (
    "Ada Quill\nMachine learning engineer, Zephyrine ranking.\n\nEXPERIENCE\nML Engineer, Contoso\n"
    "Jan 2020 - Present\n- Trained PyTorch models in Python and served them with Docker.\n\nSKILLS\n"
    "Python, SQL, Kubernetes\n"
)


@dataclass(frozen=True)
class Case:
    name: str  # the file name written (may hold odd characters)
    expect: str  # "refuse", "report" or "either"
    make: Callable[[Path], None]
    why: str


# --- a minimal PDF writer ----------------------------------------------------------------------------------------


def _pdf(contents: list[bytes], *, compress: bool = True, extra: bytes = b"", filters: bytes | None = None) -> bytes:
    """A PDF with one page per content stream, Helvetica as the font."""
    objects: list[bytes] = []
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(len(contents)))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(contents)} >>".encode())
    font = 3 + 2 * len(contents)
    for i, content in enumerate(contents):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * i} 0 R "
            f"/Resources << /Font << /F1 {font} 0 R >> >> >>".encode()
        )
        data = zlib.compress(content, 9) if compress else content
        flt = filters if filters is not None else (b"/Filter /FlateDecode " if compress else b"")
        objects.append(b"<< " + flt + f"/Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    out.write(extra)
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def _text_ops(lines: list[str]) -> bytes:
    body = ["BT /F1 10 Tf 50 750 Td 12 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        body.append(f"({escaped}) Tj T*")
    body.append("ET")
    return "\n".join(body).encode("latin-1", errors="replace")


def _resume_pdf() -> bytes:
    return _pdf([_text_ops(RESUME.splitlines())])


def _deflate_repeated(unit: bytes, total: int, head: bytes = b"", tail: bytes = b"") -> bytes:
    """zlib data inflating to head + unit * (total // len(unit)) + tail, built without holding it whole."""
    comp = zlib.compressobj(9)
    out = [comp.compress(head)]
    block = unit * max(1, MIB // len(unit))
    written = 0
    while written < total:
        out.append(comp.compress(block))
        written += len(block)
    out.append(comp.compress(tail))
    out.append(comp.flush())
    return b"".join(out)


def _pdf_raw_stream(stream: bytes, *, filters: bytes = b"/Filter /FlateDecode ") -> bytes:
    """A one-page PDF whose content stream is ``stream`` exactly as stored."""
    body = b"<< " + filters + f"/Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        body,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def _pdf_text_bomb(inflated: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        unit = b"(Python PyTorch) Tj T*\n"
        path.write_bytes(_pdf_raw_stream(_deflate_repeated(unit, inflated, b"BT /F1 10 Tf 50 750 Td 12 TL\n", b"ET")))

    return make


def _pdf_space_bomb(path: Path) -> None:
    path.write_bytes(_pdf_raw_stream(_deflate_repeated(b" " * 1024, 200 * MIB, b"BT /F1 10 Tf 50 750 Td (Hi) Tj ")))


def _pdf_uncompressed_ops(path: Path) -> None:
    ops = b"BT /F1 10 Tf 50 750 Td 12 TL\n" + b"(x) Tj\n" * (2 * MIB // 7) + b"ET"
    path.write_bytes(_pdf_raw_stream(ops, filters=b""))


def _pdf_many_pages(path: Path) -> None:
    path.write_bytes(_pdf([_text_ops(["page"])] * 5000))


def _pdf_truncated(path: Path) -> None:
    data = _resume_pdf()
    path.write_bytes(data[: len(data) // 2])


def _pdf_flipped(path: Path) -> None:
    data = bytearray(_resume_pdf())
    for i in range(40, len(data), 37):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))


def _pdf_page_loop(path: Path) -> None:
    # the page tree's kid is the tree itself
    data = _resume_pdf().replace(b"/Kids [3 0 R]", b"/Kids [2 0 R]")
    path.write_bytes(data)


def _pdf_deep_arrays(path: Path) -> None:
    deep = b"[" * 50_000 + b"]" * 50_000
    path.write_bytes(_pdf([_text_ops(["deep"])], extra=b"9 0 obj\n" + deep + b"\nendobj\n"))


def _pdf_encrypted(path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_resume_pdf())))
    writer.encrypt("s3cret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    path.write_bytes(buffer.getvalue())


def _pdf_bad_flate(path: Path) -> None:
    path.write_bytes(_pdf_raw_stream(b"x\x9c" + os.urandom(4000)))


def _pdf_many_streams(path: Path) -> None:
    # 300 pages, each a stream inflating to 1 MiB of "0 0 m" path operators (no text): 300 MiB in all
    comp = _deflate_repeated(b"0 0 m 1 1 l S\n", MIB)
    pages = [b"X"] * 300
    data = _pdf(pages, compress=False)
    stream = b"<< /Filter /FlateDecode /Length " + str(len(comp)).encode() + b" >>\nstream\n" + comp + b"\nendstream"
    data = data.replace(b"<< /Length 1 >>\nstream\nX\nendstream", stream)
    path.write_bytes(data)  # offsets in the xref are now wrong: PDFium and pypdf rebuild it


def _pdf_long_line(path: Path) -> None:
    # one text line of 60,000 characters (a page's text without any line break)
    line = (SKILLS * 600)[:60_000]
    path.write_bytes(_pdf([b"BT /F1 1 Tf 0 700 Td (" + line.encode() + b") Tj ET"]))


def _pdf_surrogate_text(path: Path) -> None:
    # a ToUnicode-less hex string; bytes that map to odd code points
    path.write_bytes(_pdf([b"BT /F1 10 Tf 50 750 Td <D800DC00DFFF00FF> Tj ET\n" + _text_ops(RESUME.splitlines())]))


# --- DOCX --------------------------------------------------------------------------------------------------------


def _docx(document: bytes, *, extra: dict[str, bytes] | None = None, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        archive.writestr("[Content_Types].xml", b'<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", document)
        for part, data in (extra or {}).items():
            archive.writestr(part, data)
    return buffer.getvalue()


def _body(inner: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}"><w:body>'
        f"{inner}</w:body></w:document>"
    ).encode()


def _para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _resume_paras() -> str:
    return "".join(_para(line) for line in RESUME.splitlines())


def _docx_deep_elements(path: Path) -> None:
    depth = 10_000
    path.write_bytes(_docx(_body(_resume_paras() + "<w:customXml>" * depth + _para("deep") + "</w:customXml>" * depth)))


def _docx_deep_hyperlinks(path: Path) -> None:
    depth = 10_000
    inner = "<w:p>" + "<w:hyperlink>" * depth + "<w:r><w:t>deep</w:t></w:r>" + "</w:hyperlink>" * depth + "</w:p>"
    path.write_bytes(_docx(_body(_resume_paras() + inner)))


def _docx_deep_tables(path: Path) -> None:
    depth = 1_000
    inner = "<w:tbl><w:tr><w:tc>" * depth + _para("deep") + "</w:tc></w:tr></w:tbl>" * depth
    path.write_bytes(_docx(_body(_resume_paras() + inner)))


def _docx_moderately_deep(path: Path) -> None:
    # 40 nested tables: deeper than any real resume, but under the cap: read normally
    depth = 40
    inner = "<w:tbl><w:tr><w:tc>" * depth + _para("Python and SQL") + "</w:tc></w:tr></w:tbl>" * depth
    path.write_bytes(_docx(_body(_resume_paras() + inner)))


def _docx_big_xml(path: Path) -> None:
    para = "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>x</w:t></w:r></w:p>"
    body = _body(_resume_paras() + para * (31 * MIB // len(para)))
    path.write_bytes(_docx(body))


def _docx_utf16_nobom(path: Path) -> None:
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    xml = (
        f'<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE d [<!ENTITY l0 "lol">{laughs}]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>'
    )
    path.write_bytes(_docx(xml.encode("utf-16-le")))


def _docx_utf16be_nobom(path: Path) -> None:
    xml = (
        f'<?xml version="1.0" encoding="UTF-16BE"?><!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:body></w:document>'
    )
    path.write_bytes(_docx(xml.encode("utf-16-be")))


def _docx_billion_laughs(path: Path) -> None:
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    body = _body("<w:p><w:r><w:t>&l9;</w:t></w:r></w:p>").decode().split("?>", 1)[1]
    xml = f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY l0 "lol">{laughs}]>' + body
    path.write_bytes(_docx(xml.encode()))


def _docx_utf32(path: Path) -> None:
    xml = _body(_resume_paras()).decode().replace('encoding="UTF-8"', 'encoding="UTF-32"')
    path.write_bytes(_docx(xml.encode("utf-32")))


def _docx_zip_bomb(path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as handle:
            handle.write(_body(_resume_paras())[:-len("</w:body></w:document>")])
            block = b"<w:p/>" * (MIB // 6)
            for _ in range(200):
                handle.write(block)
            handle.write(b"</w:body></w:document>")
    path.write_bytes(buffer.getvalue())


def _docx_many_parts(path: Path) -> None:
    path.write_bytes(_docx(_body(_resume_paras()), extra={f"word/media/x{i}.bin": b"" for i in range(20_000)}))


def _docx_many_headers(path: Path) -> None:
    # 400 header parts of 200 KiB each (80 MiB in all): over the total-size cap
    header = _body(_para("x" * 200 * 1024))
    path.write_bytes(_docx(_body(_resume_paras()), extra={f"word/header{i}.xml": header for i in range(400)}))


def _docx_encrypted_member(path: Path) -> None:
    data = bytearray(_docx(_body(_resume_paras())))
    index = data.find(b"PK\x03\x04" + bytes(data[4:6]))
    # set the "encrypted" flag on every local and central header
    for sig, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        pos = data.find(sig)
        while pos >= 0:
            data[pos + offset] |= 1
            pos = data.find(sig, pos + 4)
    del index
    path.write_bytes(bytes(data))


def _docx_truncated(path: Path) -> None:
    data = _docx(_body(_resume_paras()))
    path.write_bytes(data[: len(data) * 2 // 3])


def _docx_flipped(path: Path) -> None:
    data = bytearray(_docx(_body(_resume_paras())))
    for i in range(30, len(data), 23):
        data[i] ^= 0xA5
    path.write_bytes(bytes(data))


def _docx_stored_long_run(path: Path) -> None:
    path.write_bytes(_docx(_body(_resume_paras() + _para("=" * 100_000))))


# --- text and Markdown -------------------------------------------------------------------------------------------


def _text(content: str, encoding: str = "utf-8") -> Callable[[Path], None]:
    def make(path: Path) -> None:
        path.write_bytes(content.encode(encoding, errors="surrogatepass"))

    return make


def _skills_line(size: int) -> str:
    return (SKILLS * (size // len(SKILLS) + 1))[:size]


def _odd_symlink_loop(path: Path) -> None:
    path.symlink_to(path)


def _odd_dev_zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _odd_fifo(path: Path) -> None:
    os.mkfifo(path)


def _odd_folder(path: Path) -> None:
    path.mkdir()


def _odd_unreadable(path: Path) -> None:
    path.write_text(RESUME, encoding="utf-8")
    path.chmod(0)


CASES: tuple[Case, ...] = (
    # 1. deep DOCX nesting
    Case("deep_elements.docx", "refuse", _docx_deep_elements, "10,000 nested elements"),
    Case("deep_hyperlinks.docx", "refuse", _docx_deep_hyperlinks, "10,000 nested w:hyperlink"),
    Case("deep_tables.docx", "refuse", _docx_deep_tables, "1,000 nested tables"),
    Case("nested_40_tables.docx", "report", _docx_moderately_deep, "40 nested tables, under the depth cap"),
    # 2-3. PDF content streams that inflate
    Case("stream_200mib.pdf", "refuse", _pdf_text_bomb(200 * MIB), "content stream inflating to 200 MiB of Tj"),
    Case("stream_2mib.pdf", "refuse", _pdf_text_bomb(2 * MIB), "content stream inflating to 2 MiB of Tj"),
    Case("spaces_200mib.pdf", "either", _pdf_space_bomb, "200 MiB of whitespace in a stream"),
    Case("uncompressed_ops.pdf", "refuse", _pdf_uncompressed_ops, "2 MiB of uncompressed text operators"),
    Case("many_streams.pdf", "either", _pdf_many_streams, "300 pages of 1 MiB path operators"),
    Case("big_document_xml.docx", "either", _docx_big_xml, "a 31 MB document.xml"),
    # 4. long lines and runs in text
    Case("long_line.txt", "either", _text(_skills_line(399_000).replace(". ", ", ")), "one line of 399,000 chars"),
    Case("quotes.md", "either", _text(RESUME + ">" * 200_000 + "\n"), "200,000 > quote markers"),
    Case("quotes_spaced.md", "either", _text(RESUME + "> " * 100_000 + "\n"), "100,000 '> ' quote markers"),
    Case("spaces.txt", "either", _text(RESUME + " " * MIB + "x\n"), "1 MiB of spaces"),
    Case("spaces_only_line.txt", "either", _text(RESUME + " " * 300_000), "300,000 spaces, no newline after"),
    Case("equals.txt", "either", _text(RESUME + "=" * 10_000 + "\n"), "10,000 '='"),
    Case("dashes.txt", "either", _text(RESUME + "-" * 300_000 + "\n"), "300,000 '-'"),
    Case("dots.txt", "either", _text(RESUME + ". " * 100_000 + "\n"), "100,000 '. '"),
    Case("punct_mix.txt", "either", _text(RESUME + "!?#*" * 50_000 + "\n"), "200,000 mixed punctuation"),
    Case("skills_399k.txt", "either", _text(RESUME + "\n".join(_skills_line(399_000).split(". "))), "skill lists"),
    Case("line_25k.txt", "either", _text(RESUME + _skills_line(25_000) + "\n"), "25 KB on one line"),
    Case("newlines.txt", "either", _text(RESUME + "\n" * 390_000), "390,000 newlines"),
    Case("headings.md", "either", _text(RESUME + "#" * 100_000 + " SKILLS\n"), "a heading of 100,000 #"),
    Case("bullets.md", "either", _text(RESUME + "- " * 150_000 + "Python\n"), "150,000 nested bullet markers"),
    Case("over_chars.txt", "refuse", _text("Python " * 70_000), "490,000 characters: over the cap"),
    Case("dates.txt", "either", _text(RESUME + "Jan 2020 - " * 30_000 + "\n"), "30,000 date ranges on a line"),
    # 6. odd code points
    Case("surrogates.txt", "report", _text(RESUME + "\ud800 \udfff Python\n"), "lone surrogates (UTF-8 surrogatepass)"),
    Case("nul_bytes.txt", "refuse", _text(RESUME + "\x00" * 100), "NUL bytes"),
    Case("utf16_nobom.txt", "either", _text(RESUME, "utf-16-le"), "UTF-16LE text without a BOM"),
    Case("utf32.txt", "report", _text("\ufeff" + RESUME, "utf-32"), "UTF-32 with BOM"),
    Case("bidi_controls.txt", "report", _text(RESUME + "\u202e\u2066Python\u2069\u202c\n"), "bidi controls"),
    Case("combining.txt", "either", _text(RESUME + "a" + "\u0301" * 100_000 + "\n"), "100,000 combining marks"),
    # 8. entity refusal
    Case("utf16le_nobom_entities.docx", "refuse", _docx_utf16_nobom, "UTF-16LE document.xml, no BOM, entities"),
    Case("utf16be_nobom_xxe.docx", "refuse", _docx_utf16be_nobom, "UTF-16BE document.xml, no BOM, XXE"),
    Case("billion_laughs.docx", "refuse", _docx_billion_laughs, "billion laughs"),
    Case("utf32_document.docx", "either", _docx_utf32, "document.xml in UTF-32"),
    Case("zip_bomb.docx", "refuse", _docx_zip_bomb, "document.xml inflating to 200 MiB"),
    Case("many_parts.docx", "refuse", _docx_many_parts, "20,000 zip parts"),
    Case("many_headers.docx", "refuse", _docx_many_headers, "400 headers, 80 MiB in all"),
    Case("encrypted_member.docx", "refuse", _docx_encrypted_member, "zip members flagged encrypted"),
    Case("truncated.docx", "refuse", _docx_truncated, "truncated DOCX"),
    Case("flipped.docx", "refuse", _docx_flipped, "bit-flipped DOCX"),
    Case("long_run.docx", "either", _docx_stored_long_run, "a paragraph of 100,000 '='"),
    # PDFs, broken
    Case("truncated.pdf", "either", _pdf_truncated, "truncated PDF"),
    Case("flipped.pdf", "either", _pdf_flipped, "bit-flipped PDF"),
    Case("encrypted.pdf", "refuse", _pdf_encrypted, "RC4 encryption with a user password"),
    Case("page_loop.pdf", "refuse", _pdf_page_loop, "a page tree that contains itself"),
    Case("deep_arrays.pdf", "either", _pdf_deep_arrays, "50,000 nested arrays"),
    Case("bad_flate.pdf", "refuse", _pdf_bad_flate, "a content stream of random deflate data"),
    Case("many_pages.pdf", "refuse", _pdf_many_pages, "5,000 pages"),
    Case("long_line.pdf", "either", _pdf_long_line, "60,000 characters on one text line"),
    Case("odd_hex.pdf", "report", _pdf_surrogate_text, "hex strings of odd code units"),
    Case("resume.pdf", "report", lambda p: p.write_bytes(_resume_pdf()), "a plain one-page PDF (control)"),
    # 5, 9 and odd paths
    Case("\x1b[2J\x1b[31mcv.txt", "report", _text(RESUME), "escape codes in the file name"),
    Case("new\nline.txt", "report", _text(RESUME), "a newline in the file name"),
    Case("\u202eexe.txt", "report", _text(RESUME), "a right-to-left override in the name"),
    Case("unreadable.txt", "refuse", _odd_unreadable, "mode 000 (refused unless run as root)"),
    Case("loop.txt", "refuse", _odd_symlink_loop, "a symlink to itself"),
    Case("zero.txt", "refuse", _odd_dev_zero, "a symlink to /dev/zero"),
    Case("fifo.txt", "refuse", _odd_fifo, "a named pipe"),
    Case("folder.pdf", "refuse", _odd_folder, "a folder"),
    Case("empty.pdf", "refuse", _text(""), "an empty file"),
    Case("x" * 250 + ".txt", "report", _text(RESUME), "a 254-character file name"),
)


def make_corpus(out: Path, only: set[str] | None = None) -> list[tuple[Case, Path]]:
    out.mkdir(parents=True, exist_ok=True)
    made: list[tuple[Case, Path]] = []
    for case in CASES:
        if only and case.name not in only:
            continue
        path = out / case.name
        if path.exists() or path.is_symlink():
            made.append((case, path))
            continue
        case.make(path)
        made.append((case, path))
    # a name that is not valid UTF-8 (bytes on Linux)
    return made


def run_cli(path: Path, timeout: float = 60.0, args: tuple[str, ...] = ()) -> dict[str, object]:
    """Run ``python -m gapcheck PATH`` and measure it: exit code, stderr, CPU seconds (user + system, child
    processes included), peak resident memory in MB (the largest of the process and its children), wall time."""
    import subprocess
    import sys
    import tempfile
    import time

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        began = time.monotonic()
        proc = subprocess.Popen(
            [sys.executable, "-m", "gapcheck", *args, os.fsencode(path)],
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
        )
        killed = False
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - began > timeout:
                proc.kill()
                killed = True
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.02)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.monotonic() - began
        out.seek(0)
        err.seek(0)
        return {
            "rc": "killed" if killed else proc.returncode,
            "stdout": out.read().decode("utf-8", "replace"),
            "stderr": err.read().decode("utf-8", "replace"),
            "cpu": usage.ru_utime + usage.ru_stime,
            "rss_mb": usage.ru_maxrss / 1024,
            "wall": wall,
        }


_SERVER = r"""
import json, os, sys
from gapcheck.analysis import analyze_text
from gapcheck.cli import main
analyze_text("Python engineer\nSKILLS\nPython, SQL\n")  # load spaCy, the taxonomy and the matcher once
for line in sys.stdin:
    path, out, err = json.loads(line)
    pid = os.fork()
    if pid == 0:
        os.dup2(os.open(out, os.O_WRONLY), 1)
        os.dup2(os.open(err, os.O_WRONLY), 2)
        sys.argv = ["gapcheck", os.fsdecode(path.encode("utf-8", "surrogateescape"))]
        code = 0
        try:
            main()
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 1
        except BaseException:
            import traceback
            traceback.print_exc()
            code = 1
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    _, status, usage = os.wait4(pid, 0)
    print(json.dumps({"rc": os.waitstatus_to_exitcode(status), "cpu": usage.ru_utime + usage.ru_stime,
                      "rss_mb": usage.ru_maxrss / 1024}), flush=True)
"""


class WarmRunner:
    """A process with gapcheck, spaCy and the matcher loaded, that forks once per file to run the CLI on it and
    reports each run's exit code, CPU seconds and peak memory (the fork's own rusage: the work for that file,
    on top of the memory it inherits), so that many files cost one spaCy load."""

    def __init__(self) -> None:
        import subprocess
        import sys

        self.proc = subprocess.Popen(
            [sys.executable, "-c", _SERVER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )

    def run(self, path: Path) -> dict[str, object]:
        import json
        import tempfile

        assert self.proc.stdin is not None and self.proc.stdout is not None
        with tempfile.NamedTemporaryFile() as out, tempfile.NamedTemporaryFile() as err:
            self.proc.stdin.write(json.dumps([os.fsdecode(path), out.name, err.name]) + "\n")
            self.proc.stdin.flush()
            result: dict[str, object] = json.loads(self.proc.stdout.readline())
            result["stdout"] = Path(out.name).read_bytes().decode("utf-8", "replace")
            result["stderr"] = Path(err.name).read_bytes().decode("utf-8", "replace")
        return result

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait(timeout=30)
        if self.proc.stdout is not None:
            self.proc.stdout.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--only", nargs="*")
    parser.add_argument("--run", action="store_true", help="run the CLI on each file and print what it did")
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--cold", action="store_true", help="one `python -m gapcheck` per file (default: warm)")
    args = parser.parse_args()
    runner = None if args.cold or not args.run else WarmRunner()
    for case, path in make_corpus(args.out, set(args.only) if args.only else None):
        size = path.lstat().st_size if path.is_symlink() or not path.is_dir() else 0
        if not args.run:
            print(f"{case.expect:7} {size:>10} {case.name!r}: {case.why}")
            continue
        result = run_cli(path, args.timeout) if runner is None else runner.run(path)
        err = str(result["stderr"]).strip().splitlines()
        first = err[0][:150] if err else ""
        print(
            f"{case.name[:28]!r:32} rc={result['rc']!s:6} cpu={result['cpu']:6.1f}s rss={result['rss_mb']:6.0f}MB "
            f"wall={result.get('wall', 0.0):6.1f}s errlines={len(err):4} | {first}",
            flush=True,
        )


if __name__ == "__main__":
    main()
