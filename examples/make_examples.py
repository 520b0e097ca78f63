"""Rebuild the bundled example resumes' PDF and DOCX files from their text sources.

Each ``examples/<name>/`` folder holds ``resume.txt`` or ``resume.md`` as the source of truth; this script
renders it to ``resume.pdf`` (fpdf2, with the DejaVu Sans TTF fonts from
``/usr/share/fonts/truetype/dejavu``, so any Unicode in the text comes out) and/or ``resume.docx``
(python-docx, with real heading and bullet styles). Both writers are given fixed dates, and the DOCX zip is
rewritten with fixed timestamps, so a rerun with the same fpdf2/python-docx versions gives identical bytes.

Usage (from the repository root)::

    .venv/bin/python examples/make_examples.py           # rewrite the made files
    .venv/bin/python examples/make_examples.py --check   # exit 1 if a made file is out of date

The layout understood in the sources is deliberately small:

* Markdown: ``# Name``, ``## Heading``, ``### Sub-heading``, ``- bullet``, ``**bold**`` and ``*italic*``
  (italic is rendered plain), other lines as paragraphs.
* Text: the first line is the name; a line in capitals is a heading; ``-`` or ``•`` starts a bullet (indented
  lines continue it); a line with a run of three or more spaces is a title on the left and a date on the right.

Paragraph lines that the source wrapped by hand (a long line not ending in a full stop) are joined.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path

from docx import Document
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Cm, Emu, Inches, Pt
from docx.text.paragraph import Paragraph
from fpdf import FPDF

EXAMPLES_DIR = Path(__file__).resolve().parent
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)
ZIP_DATE = (2026, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Example:
    """One example folder and the formats made from its source."""

    name: str
    formats: tuple[str, ...]  # "pdf" and/or "docx"


EXAMPLES: tuple[Example, ...] = (
    Example("junior-ml", ("pdf", "docx")),
    Example("career-changer", ("docx",)),
    Example("senior-mle", ("pdf",)),
)


class Kind(Enum):
    NAME = "name"
    HEADING = "heading"
    SUBHEADING = "subheading"
    BULLET = "bullet"
    DATED = "dated"  # title on the left, date on the right
    PARAGRAPH = "paragraph"
    BLANK = "blank"


@dataclass(frozen=True)
class Block:
    kind: Kind
    text: str  # may hold **bold** markers; italics already removed
    right: str = ""  # the date part of a DATED line


_ITALIC = re.compile(r"(?<!\*)\*(?!\*)([^*]+)(?<!\*)\*(?!\*)")
_DATED = re.compile(r"^(\S.*?\S)\s{3,}(\S.*)$")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def _strip_italic(text: str) -> str:
    return _ITALIC.sub(r"\1", text)


def plain(text: str) -> str:
    """The text without any emphasis markers."""
    return _BOLD.sub(r"\1", _strip_italic(text))


def parse_markdown(source: str) -> list[Block]:
    blocks: list[Block] = []
    for raw in source.splitlines():
        line = raw.rstrip()
        if not line.strip():
            blocks.append(Block(Kind.BLANK, ""))
        elif line.startswith("### "):
            blocks.append(Block(Kind.SUBHEADING, line[4:].strip()))
        elif line.startswith("## "):
            blocks.append(Block(Kind.HEADING, line[3:].strip()))
        elif line.startswith("# "):
            blocks.append(Block(Kind.NAME, line[2:].strip()))
        elif line.lstrip().startswith(("- ", "* ")) and not line.lstrip().startswith("**"):
            blocks.append(Block(Kind.BULLET, _strip_italic(line.lstrip()[2:].strip())))
        elif blocks and blocks[-1].kind is Kind.BULLET and raw.startswith("  "):
            blocks[-1] = Block(Kind.BULLET, blocks[-1].text + " " + _strip_italic(line.strip()))
        else:
            blocks.append(Block(Kind.PARAGRAPH, _strip_italic(line.strip())))
    return blocks


def _is_heading(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def parse_text(source: str) -> list[Block]:
    blocks: list[Block] = []
    for raw in source.splitlines():
        line = raw.rstrip()
        if not line.strip():
            blocks.append(Block(Kind.BLANK, ""))
        elif not blocks:
            blocks.append(Block(Kind.NAME, line.strip()))
        elif _is_heading(line):
            blocks.append(Block(Kind.HEADING, line.strip()))
        elif line.lstrip().startswith(("- ", "• ")):
            blocks.append(Block(Kind.BULLET, line.lstrip()[2:].strip()))
        elif blocks[-1].kind is Kind.BULLET and raw.startswith(" "):
            blocks[-1] = Block(Kind.BULLET, blocks[-1].text + " " + line.strip())
        elif (match := _DATED.match(line.strip())) is not None:
            blocks.append(Block(Kind.DATED, match.group(1), match.group(2)))
        else:
            blocks.append(Block(Kind.PARAGRAPH, line.strip()))
    return blocks


SOFT_WRAP = 80  # a paragraph line at least this long that runs on was wrapped by hand in the source


def join_soft_wraps(blocks: Iterable[Block]) -> list[Block]:
    """Join paragraph lines that the source wrapped by hand, so the made files re-flow them."""
    out: list[Block] = []
    for block in blocks:
        previous = out[-1] if out else None
        if (
            block.kind is Kind.PARAGRAPH
            and previous is not None
            and previous.kind is Kind.PARAGRAPH
            and len(plain(previous.text)) >= SOFT_WRAP
            and not previous.text.endswith(".")
        ):
            out[-1] = Block(Kind.PARAGRAPH, previous.text + " " + block.text)
        else:
            out.append(block)
    return out


def parse(path: Path) -> list[Block]:
    source = path.read_text(encoding="utf-8")
    blocks = parse_markdown(source) if path.suffix == ".md" else parse_text(source)
    return join_soft_wraps(blocks)


def _collapse_blanks(blocks: Iterable[Block]) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        if block.kind is Kind.BLANK and (not out or out[-1].kind is Kind.BLANK):
            continue
        out.append(block)
    while out and out[-1].kind is Kind.BLANK:
        out.pop()
    return out


def render_pdf(blocks: Sequence[Block], title: str) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_title(title)
    pdf.set_author("gapcheck examples")
    pdf.set_creator("examples/make_examples.py")
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(auto=True, margin=16)
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.add_page()
    width = pdf.epw
    for block in _collapse_blanks(blocks):
        if block.kind is Kind.BLANK:
            pdf.ln(2)
        elif block.kind is Kind.NAME:
            pdf.set_font("DejaVu", "B", 16)
            pdf.multi_cell(width, 8, plain(block.text), new_x="LMARGIN", new_y="NEXT")
        elif block.kind is Kind.HEADING:
            pdf.ln(1)
            pdf.set_font("DejaVu", "B", 11.5)
            pdf.multi_cell(width, 6.5, plain(block.text), new_x="LMARGIN", new_y="NEXT")
            y = pdf.get_y()
            pdf.line(pdf.l_margin, y, pdf.l_margin + width, y)
            pdf.ln(1)
        elif block.kind is Kind.SUBHEADING:
            pdf.set_font("DejaVu", "B", 10)
            pdf.multi_cell(width, 5.5, plain(block.text), new_x="LMARGIN", new_y="NEXT")
        elif block.kind is Kind.DATED:
            pdf.set_font("DejaVu", "", 9.5)
            date_width = pdf.get_string_width(block.right) + 2
            pdf.set_font("DejaVu", "B", 9.5)
            pdf.multi_cell(width - date_width, 5, plain(block.text), new_x="RIGHT", new_y="TOP")
            pdf.set_font("DejaVu", "", 9.5)
            pdf.cell(date_width, 5, block.right, align="R", new_x="LMARGIN", new_y="NEXT")
        elif block.kind is Kind.BULLET:
            pdf.set_font("DejaVu", "", 9.5)
            pdf.cell(5, 5, "•")
            pdf.multi_cell(width - 5, 5, block.text, markdown=True, align="L", new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("DejaVu", "", 9.5)
            pdf.multi_cell(width, 5, block.text, markdown=True, align="L", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _add_runs(paragraph: Paragraph, text: str) -> None:
    """Add ``text`` to a python-docx paragraph, with **bold** parts as bold runs."""
    parts = _BOLD.split(text)
    for index, part in enumerate(parts):
        if part:
            run = paragraph.add_run(part)
            run.bold = index % 2 == 1


def render_docx(blocks: Sequence[Block], title: str) -> bytes:
    document = Document()
    props = document.core_properties
    props.author = "gapcheck examples"
    props.last_modified_by = "gapcheck examples"
    props.title = title
    props.created = FIXED_DATE.replace(tzinfo=None)
    props.modified = FIXED_DATE.replace(tzinfo=None)
    props.revision = 1
    section = document.sections[0]
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin = section.bottom_margin = Cm(1.8)
    text_width = Emu((section.page_width or Inches(8.5)) - Cm(4))
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)
    for block in _collapse_blanks(blocks):
        if block.kind is Kind.BLANK:
            continue
        if block.kind is Kind.NAME:
            document.add_heading(plain(block.text), level=0)
        elif block.kind is Kind.HEADING:
            document.add_heading(plain(block.text), level=1)
        elif block.kind is Kind.SUBHEADING:
            document.add_heading(plain(block.text), level=2)
        elif block.kind is Kind.BULLET:
            _add_runs(document.add_paragraph(style="List Bullet"), block.text)
        elif block.kind is Kind.DATED:
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
            paragraph.add_run(plain(block.text)).bold = True
            paragraph.add_run("\t" + block.right)
        else:
            _add_runs(document.add_paragraph(), block.text)
    buffer = io.BytesIO()
    document.save(buffer)
    return _normalize_zip(buffer.getvalue())


def _normalize_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps and attributes, so equal content gives equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def source_of(folder: Path) -> Path:
    for name in ("resume.md", "resume.txt"):
        if (folder / name).is_file():
            return folder / name
    raise FileNotFoundError(f"{folder.name}: no resume.md or resume.txt")


def build(example: Example) -> dict[Path, bytes]:
    """The made files of one example, by path."""
    folder = EXAMPLES_DIR / example.name
    blocks = parse(source_of(folder))
    title = f"Example resume: {example.name}"
    made: dict[Path, bytes] = {}
    if "pdf" in example.formats:
        made[folder / "resume.pdf"] = render_pdf(blocks, title)
    if "docx" in example.formats:
        made[folder / "resume.docx"] = render_docx(blocks, title)
    return made


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="report out-of-date files instead of writing them")
    args = parser.parse_args(argv)
    stale: list[str] = []
    for example in EXAMPLES:
        for path, data in build(example).items():
            rel = path.relative_to(EXAMPLES_DIR.parent)
            if args.check:
                if not path.is_file() or path.read_bytes() != data:
                    stale.append(str(rel))
            else:
                path.write_bytes(data)
                print(f"wrote {rel} ({len(data)} bytes)")
    if stale:
        print("out of date (run examples/make_examples.py): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
