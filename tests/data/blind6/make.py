"""Rebuild the PDF and DOCX resumes of the blind6 held-out set from their sources.

Each document's text lives in ``source/<stem>.src`` in a small line markup; LAYOUTS below says which format and
which layout (imitating a real resume producer) each one gets. The outputs are written beside this script.

Markup, one construct per line:
    = Name                     the person's name, large
    : text                     a line under the name (title, contact)
    # HEADING                  a section heading
    ## left || right           an entry line; ``right`` (usually dates) goes where the layout puts dates
    ### text                   a secondary entry line (company, place), italic
    - text                     a bullet
    | a | b | c                a table row (consecutive rows form one table)
    @side / @main              lines between them go into the sidebar (sidebar layouts) or the right-hand
                               column (the two-column layout, whose left column is the main lines after the name)
    @page                      a page break
    @header text / @footer text  PDF: printed at the top / bottom of every page (the footer adds "page N of M");
                               DOCX: the text of the section's page header / footer (outside the body)
    (blank line)               a small gap
    anything else              a paragraph

Run: ``python tests/data/blind6/make.py`` (needs fpdf2 and python-docx, the dev extras).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Cm, Pt
from docx.table import _Cell
from fpdf import FPDF
from fpdf.enums import XPos, YPos

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "source"
FONTS = Path("/usr/share/fonts/truetype/dejavu")
LIBERATION = Path("/usr/share/fonts/truetype/liberation")
# embedded TrueType families: folder, file stem, suffix of the regular face, suffix of the italic face
EMBEDDED: dict[str, tuple[Path, str, str, str]] = {
    "dejavu": (FONTS, "DejaVuSans", "", "Oblique"),
    "dejavuserif": (FONTS, "DejaVuSerif", "", "Italic"),
    "libsans": (LIBERATION, "LiberationSans", "-Regular", "Italic"),
    "libserif": (LIBERATION, "LiberationSerif", "-Regular", "Italic"),
}
BANNER = (24, 92, 96)  # the banner layout's band colour
WRITTEN = datetime(2026, 12, 2, tzinfo=UTC)  # fixed, so that a rebuild gives the same files


@dataclass(frozen=True)
class Layout:
    """How one document is produced: its format and the style it imitates."""

    fmt: str  # "pdf" or "docx"
    # pdf: "classic", "smallcaps", "sidebar", "leftdates", "dateline", "twocol", "banner";
    # docx: "plain", "tables", "sidebar"
    style: str
    font: str = "dejavu"  # pdf: a key of EMBEDDED, or a core font: "times", "helvetica"
    imitates: str = ""


LAYOUTS: dict[str, Layout] = {
    "f01_mlops_engineer_france": Layout("pdf", "banner", "dejavu", "online builder, coloured name band, French"),
    "f02_research_scientist_canada": Layout("pdf", "smallcaps", "libserif", "LaTeX academic CV, two pages"),
    "f03_new_grad_india": Layout("pdf", "classic", "libserif", "Word export, one-page new-graduate resume"),
    "f04_principal_mle_uk": Layout("pdf", "classic", "libsans", "Word export, two pages, durations in brackets"),
    "f05_bi_analyst_italy": Layout("pdf", "leftdates", "dejavu", "Europass-like dates column, Italian"),
    "f06_data_engineer_to_mle_japan": Layout("pdf", "twocol", "dejavu", "Google Docs two-column template"),
    "f07_cv_engineer_israel": Layout("pdf", "classic", "dejavu", "Word export, skills as a table"),
    "f08_head_of_ds_australia": Layout("pdf", "sidebar", "dejavu", "online builder, left sidebar"),
    "f09_backend_to_mle_egypt": Layout("pdf", "dateline", "libsans", "Word export, dates on their own line"),
    "f10_ml_engineer_switzerland": Layout("docx", "tables", imitates="Word tables, German, contact in the page header"),
    "f11_data_scientist_netherlands": Layout("docx", "plain", imitates="Word, Dutch headings and months"),
    "f12_data_engineer_ireland": Layout("docx", "sidebar", imitates="Word layout table with a sidebar, page header"),
    "f13_analyst_career_break_philippines": Layout("docx", "plain", imitates="Word, plain, a career break"),
}


@dataclass(frozen=True)
class Line:
    """One parsed markup line."""

    kind: str  # name, sub, h, entry, subentry, bullet, row, page, gap, para
    text: str
    right: str = ""
    cells: tuple[str, ...] = ()


def parse(text: str) -> tuple[list[Line], list[Line]]:
    """Split the markup into main lines and sidebar lines."""
    main: list[Line] = []
    side: list[Line] = []
    target = main
    for raw in text.splitlines():
        line = raw.rstrip()
        if line == "@side":
            target = side
            continue
        if line == "@main":
            target = main
            continue
        if line.startswith(("@header ", "@footer ")):
            continue
        target.append(parse_line(line))
    return main, side


def page_marks(text: str) -> tuple[str, str]:
    """The ``@header`` and ``@footer`` texts of a source ("" where there is none)."""
    header = footer = ""
    for raw in text.splitlines():
        if raw.startswith("@header "):
            header = raw[len("@header "):].strip()
        elif raw.startswith("@footer "):
            footer = raw[len("@footer "):].strip()
    return header, footer


def parse_line(line: str) -> Line:
    """One markup line to a Line."""
    if not line:
        return Line("gap", "")
    if line == "@page":
        return Line("page", "")
    for prefix, kind in (("### ", "subentry"), ("## ", "entry"), ("# ", "h"), ("= ", "name"), (": ", "sub")):
        if line.startswith(prefix):
            body = line[len(prefix):]
            left, _, right = body.partition(" || ")
            return Line(kind, left.strip(), right.strip())
    if line.startswith("- "):
        return Line("bullet", line[2:].strip())
    if line.startswith("| "):
        cells = tuple(c.strip() for c in line.strip().strip("|").split(" | "))
        return Line("row", "", cells=cells)
    return Line("para", line.strip())


def group_rows(lines: list[Line]) -> list[Line | list[Line]]:
    """Consecutive table rows become one list."""
    out: list[Line | list[Line]] = []
    for line in lines:
        if line.kind == "row":
            last = out[-1] if out else None
            if isinstance(last, list):
                last.append(line)
            else:
                out.append([line])
        else:
            out.append(line)
    return out


# ---------------------------------------------------------------------------------------------------------- PDF


class Resume(FPDF):
    """An A4 page with the fonts registered."""

    def __init__(self, font: str, header_text: str = "", footer_text: str = "") -> None:
        super().__init__(format="A4")
        self.header_text = header_text
        self.footer_text = footer_text
        self.set_auto_page_break(True, margin=15)
        self.set_margins(18, 15, 18)
        if font in EMBEDDED:
            folder, base, regular, italic = EMBEDDED[font]
            self.add_font("body", "", str(folder / f"{base}{regular}.ttf"))
            self.add_font("body", "B", str(folder / f"{base}-Bold.ttf"))
            self.add_font("body", "I", str(folder / f"{base}-{italic}.ttf"))
            self.family = "body"
            self.bullet = "\u2022"
        else:
            self.family = font
            self.bullet = "-"
        self.set_font(self.family, "", 10)

    def header(self) -> None:
        if not self.header_text:
            return
        self.set_font(self.family, "I", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 4, self.header_text, align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(0, 0, 0)
        self.ln(3)

    def footer(self) -> None:
        if not self.footer_text:
            return
        self.set_y(-12)
        self.set_font(self.family, "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 4, f"{self.footer_text}  |  page {self.page_no()} of {{nb}}", align="C")
        self.set_text_color(0, 0, 0)

    def font(self, style: str = "", size: float = 10) -> None:
        self.set_font(self.family, style, size)

    def line_text(self, text: str, style: str = "", size: float = 10, h: float = 5, align: str = "L") -> None:
        self.font(style, size)
        self.multi_cell(0, h, text, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def pdf_table(pdf: Resume, rows: list[Line]) -> None:
    pdf.font("", 9)
    with pdf.table(first_row_as_headings=False, line_height=5, padding=1) as table:
        for row in rows:
            cells = table.row()
            for cell in row.cells:
                cells.cell(cell)
    pdf.ln(1)


def pdf_heading(pdf: Resume, text: str, style: str) -> None:
    pdf.ln(2)
    if style == "sidebar":
        pdf.set_text_color(30, 70, 120)
        pdf.line_text(text.upper(), "B", 11, 6)
        pdf.set_text_color(0, 0, 0)
    elif style == "leftdates":
        pdf.set_text_color(40, 80, 140)
        pdf.line_text(text, "", 13, 7)
        pdf.set_text_color(0, 0, 0)
    elif style == "smallcaps":
        small_caps(pdf, text)
    elif style == "banner":
        pdf.set_text_color(*BANNER)
        pdf.line_text(text, "B", 12, 6)
        pdf.set_text_color(0, 0, 0)
    else:
        pdf.line_text(text.upper() if style == "classic" else text, "B", 11, 6)
    y = pdf.get_y()
    pdf.set_draw_color(120, 120, 120)
    pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
    pdf.ln(1.5)


def small_caps(pdf: Resume, text: str) -> None:
    """A heading in faked small caps: each word's first letter large, the rest as smaller capitals."""
    pdf.set_x(pdf.l_margin)
    for i, word in enumerate(text.split()):
        if i:
            pdf.font("", 12)
            pdf.cell(pdf.get_string_width(" "), 6, " ")
        pdf.font("", 12)
        pdf.cell(pdf.get_string_width(word[0]), 6, word[0])
        if len(word) > 1:
            pdf.font("", 9)
            rest = word[1:].upper()
            pdf.cell(pdf.get_string_width(rest), 6, rest)
    pdf.ln(6)


def pdf_entry(pdf: Resume, line: Line, style: str) -> None:
    width = pdf.w - pdf.l_margin - pdf.r_margin
    if style == "leftdates":
        pdf.font("", 9)
        x = pdf.l_margin
        pdf.set_x(x)
        pdf.cell(38, 5, line.right)
        pdf.set_left_margin(x + 40)
        pdf.set_x(x + 40)
        pdf.line_text(line.text, "B", 10)
        pdf.set_left_margin(x)
        return
    if style == "dateline":
        pdf.line_text(line.text, "B", 10.5)
        if line.right:
            pdf.line_text(line.right, "I", 9.5)
        return
    if line.right:
        pdf.font("", 9.5)
        date_w = pdf.get_string_width(line.right) + 2
        pdf.font("B", 10)
        if pdf.get_string_width(line.text) + 4 > width - date_w:
            pdf.line_text(line.text, "B", 10)
            pdf.font("", 9.5)
            pdf.cell(width, 5, line.right, align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            return
        pdf.cell(width - date_w, 5, line.text)
        pdf.font("", 9.5)
        pdf.cell(date_w, 5, line.right, align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    else:
        pdf.line_text(line.text, "B", 10)


def pdf_lines(pdf: Resume, lines: list[Line], style: str, indent: float = 0) -> None:
    """Flow the lines between the current margins."""
    base = pdf.l_margin
    for item in group_rows(lines):
        if isinstance(item, list):
            pdf_table(pdf, item)
            continue
        kind = item.kind
        if style == "leftdates" and kind in ("subentry", "bullet", "para"):
            pdf.set_left_margin(base + indent)
        else:
            pdf.set_left_margin(base)
        pdf.set_x(pdf.l_margin)
        if kind == "name":
            pdf.line_text(item.text, "B", 20 if style != "sidebar" else 16, 9,
                          align="C" if style in ("classic", "smallcaps", "twocol") else "L")
        elif kind == "sub":
            pdf.line_text(item.text, "", 9.5, 4.8,
                          align="C" if style in ("classic", "smallcaps", "twocol") else "L")
        elif kind == "h":
            pdf_heading(pdf, item.text, style)
        elif kind == "entry":
            pdf_entry(pdf, item, style)
        elif kind == "subentry":
            pdf.line_text(item.text + (f"  ({item.right})" if item.right else ""), "I", 9.5)
        elif kind == "bullet":
            pdf.font("", 9.5)
            pdf.cell(4, 4.8, pdf.bullet)
            pdf.set_left_margin(pdf.l_margin + 4)
            pdf.multi_cell(0, 4.8, item.text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.set_left_margin(pdf.l_margin - 4)
        elif kind == "page":
            pdf.add_page()
        elif kind == "gap":
            pdf.ln(1.5)
        else:
            pdf.line_text(item.text, "", 9.5, 4.8)
    pdf.set_left_margin(base)


def two_columns(pdf: Resume, main: list[Line], right: list[Line]) -> None:
    """The name block across the page, then the rest of ``main`` in the left column and ``right`` beside it."""
    split = next((i for i, line in enumerate(main) if line.kind not in ("name", "sub", "gap")), len(main))
    pdf_lines(pdf, main[:split], "twocol")
    pdf.ln(2)
    top, page = pdf.get_y(), pdf.page
    middle = pdf.w / 2
    pdf.set_margins(18, 15, middle + 4)
    pdf.set_xy(18, top)
    pdf_lines(pdf, main[split:], "twocol")
    pdf.page = page
    pdf.set_margins(middle + 4, 15, 18)
    pdf.set_xy(middle + 4, top)
    pdf_lines(pdf, right, "twocol")
    pdf.set_draw_color(170, 170, 170)
    pdf.line(middle, top, middle, pdf.h - 20)


def banner(pdf: Resume, main: list[Line]) -> None:
    """The name block in white on a coloured band across the top of the page, then the rest of ``main`` below it."""
    split = next((i for i, line in enumerate(main) if line.kind not in ("name", "sub", "gap")), len(main))
    block = main[:split]
    height = 14 + sum(9 if line.kind == "name" else 4.8 for line in block if line.kind != "gap")
    pdf.set_fill_color(*BANNER)
    pdf.rect(0, 0, pdf.w, height, style="F")
    pdf.set_text_color(255, 255, 255)
    pdf.set_xy(pdf.l_margin, 8)
    pdf_lines(pdf, block, "banner")
    pdf.set_text_color(0, 0, 0)
    pdf.set_xy(pdf.l_margin, height + 4)
    pdf_lines(pdf, main[split:], "banner")


def build_pdf(stem: str, layout: Layout, text: str) -> Path:
    main, side = parse(text)
    pdf = Resume(layout.font, *page_marks(text))
    pdf.set_creator(f"blind6/make.py (fpdf2), imitating {layout.imitates}")
    pdf.set_title(stem)
    pdf.set_creation_date(WRITTEN)
    pdf.add_page()
    if layout.style == "sidebar":
        pdf.set_fill_color(232, 238, 246)
        pdf.rect(0, 0, 66, pdf.h, style="F")
        pdf.set_margins(8, 12, pdf.w - 60)
        pdf.set_xy(8, 12)
        pdf.set_auto_page_break(False)
        pdf_lines(pdf, side, "sidebar")
        pdf.set_auto_page_break(True, margin=15)
        pdf.set_margins(72, 12, 14)
        pdf.set_xy(72, 12)
    if layout.style == "twocol":
        two_columns(pdf, main, side)
    elif layout.style == "banner":
        banner(pdf, main)
    else:
        pdf_lines(pdf, main, layout.style, indent=40)
    out = HERE / f"{stem}.pdf"
    pdf.output(str(out))
    return out


# --------------------------------------------------------------------------------------------------------- DOCX


def docx_lines(doc_or_cell: DocxDocument | _Cell, lines: list[Line], style: str, doc: DocxDocument) -> None:
    """Append the lines to a document or a table cell."""
    add_paragraph = doc_or_cell.add_paragraph
    for item in group_rows(lines):
        if isinstance(item, list):
            ncols = max(len(r.cells) for r in item)
            table = doc_or_cell.add_table(rows=0, cols=ncols)
            if style == "tables":
                table.style = "Table Grid"
            table.alignment = WD_TABLE_ALIGNMENT.LEFT
            for row in item:
                cells = table.add_row().cells
                for i, text in enumerate(row.cells):
                    cells[i].text = text
            continue
        kind = item.kind
        if kind == "name":
            p = add_paragraph()
            run = p.add_run(item.text)
            run.bold = True
            run.font.size = Pt(20)
        elif kind == "sub":
            p = add_paragraph(item.text)
            p.paragraph_format.space_after = Pt(0)
        elif kind == "h":
            if doc_or_cell is doc:
                doc.add_heading(item.text, level=1)
            else:
                p = add_paragraph()
                run = p.add_run(item.text.upper())
                run.bold = True
        elif kind == "entry":
            p = add_paragraph()
            p.add_run(item.text).bold = True
            if item.right:
                p.paragraph_format.tab_stops.add_tab_stop(Cm(16 if doc_or_cell is doc else 11),
                                                          WD_TAB_ALIGNMENT.RIGHT)
                p.add_run("\t" + item.right)
            p.paragraph_format.space_after = Pt(0)
        elif kind == "subentry":
            p = add_paragraph()
            p.add_run(item.text + (f", {item.right}" if item.right else "")).italic = True
            p.paragraph_format.space_after = Pt(0)
        elif kind == "bullet":
            add_paragraph(item.text, style="List Bullet")
        elif kind == "page":
            if doc_or_cell is doc:
                doc.add_page_break()  # type: ignore[no-untyped-call]
        elif kind == "gap":
            continue
        else:
            add_paragraph(item.text)


def build_docx(stem: str, layout: Layout, text: str) -> Path:
    main, side = parse(text)
    doc = Document()
    doc.core_properties.title = stem
    doc.core_properties.created = doc.core_properties.modified = WRITTEN
    doc.core_properties.comments = f"blind6/make.py (python-docx), imitating {layout.imitates}"
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)
    for section in doc.sections:
        section.left_margin = section.right_margin = Cm(2)
    header, footer = page_marks(text)
    for section in doc.sections:
        if header:
            section.header.paragraphs[0].text = header
        if footer:
            section.footer.paragraphs[0].text = footer
    if layout.style == "sidebar":
        table = doc.add_table(rows=1, cols=2)
        left, right = table.rows[0].cells
        left.width, right.width = Cm(5.5), Cm(11.5)
        left.paragraphs[0].text = ""
        right.paragraphs[0].text = ""
        docx_lines(left, side, layout.style, doc)
        docx_lines(right, main, layout.style, doc)
    else:
        docx_lines(doc, main, layout.style, doc)
    out = HERE / f"{stem}.docx"
    doc.save(str(out))
    stable_zip(out)
    return out


def stable_zip(path: Path) -> None:
    """Rewrite a DOCX with fixed member timestamps, so that a rebuild gives the same bytes."""
    with zipfile.ZipFile(path) as src:
        members = [(info, src.read(info)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, data in members:
            fixed = zipfile.ZipInfo(info.filename, date_time=WRITTEN.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, data)


def main() -> None:
    for stem, layout in LAYOUTS.items():
        src = SOURCE / f"{stem}.src"
        text = src.read_text(encoding="utf-8")
        out = build_pdf(stem, layout, text) if layout.fmt == "pdf" else build_docx(stem, layout, text)
        print(out.name)


if __name__ == "__main__":
    main()
