"""Rebuild the PDF and DOCX resumes of the blind7 held-out set from their sources.

Each document's text lives in ``source/<stem>.src`` in a small line markup; LAYOUTS below says which format and
which layout (imitating a real resume producer) each one gets. The outputs are written beside this script.

Markup, one construct per line:
    = Name                     the person's name, large
    : text                     a line under the name (title, contact)
    # HEADING                  a section heading
    ## left || right           an entry line; ``right`` (usually dates) goes where the layout puts dates
    ### text                   a secondary entry line (company, place), italic
    - text                     a bullet
    + text                     a numbered item
    * name :: n                a skill rated n of 5, drawn as dots (the rating is a drawing, not text)
    | a | b | c                a table row (consecutive rows form one table)
    @side / @main              lines between them go into the sidebar (sidebar layouts)
    @page                      a page break
    @header text / @footer text  PDF: printed at the top / bottom of the pages (the footer adds "page N of M");
                               DOCX: the text of the section's page header / footer (outside the body)
    @box text                  DOCX: a line of a floating text box anchored at the top of the body
    (blank line)               a small gap
    anything else              a paragraph

Run: ``python tests/data/blind7/make.py`` (needs fpdf2 and python-docx, the dev extras).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.shared import Cm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph
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
ACCENT = (52, 84, 150)  # moderncv's blue, the ratings sidebar's dots
WRITTEN = datetime(2026, 12, 3, tzinfo=UTC)  # fixed, so that a rebuild gives the same files (zip members)


def written(stem: str) -> datetime:
    """When the resume was written (gold-years.tsv's ref_date, the 15th): its file's creation date, as a real
    resume's file would carry it, so that a reader's own date is not misled by the day the set was built."""
    for row in (HERE / "gold-years.tsv").read_text(encoding="utf-8").splitlines():
        cells = row.split("\t")
        if cells[0].rsplit(".", 1)[0] == stem and len(cells) == 3:
            year, month = cells[2].split("-")
            return datetime(int(year), int(month), 15, tzinfo=UTC)
    raise SystemExit(f"{stem}: no ref_date in gold-years.tsv")


DATE_COLUMN = 32.0  # mm, the moderncv date column
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclass(frozen=True)
class Layout:
    """How one document is produced: its format and the style it imitates."""

    fmt: str  # "pdf" or "docx"
    # pdf: "classic", "moderncv", "typst", "ratings"; docx: "plain", "numbered", "textbox", "lists"
    style: str
    font: str = "dejavu"  # pdf: a key of EMBEDDED, or a core font: "times", "helvetica"
    imitates: str = ""
    header_from: int = 1  # pdf: the first page that prints the @header line


LAYOUTS: dict[str, Layout] = {
    "g01_statistician_to_mle_poland": Layout("pdf", "moderncv", "libserif", "LaTeX moderncv, dates in a left column"),
    "g02_physicist_postdoc_sweden": Layout("pdf", "typst", "libsans", "Typst template, dates after a pipe"),
    "g03_qa_to_mlops_turkey": Layout("pdf", "ratings", "dejavu", "online builder, sidebar with dot ratings"),
    "g04_staff_ml_platform_usa": Layout("pdf", "classic", "libsans", "Word export, two pages, header on page 2",
                                        header_from=2),
    "g05_bootcamp_graduate_indonesia": Layout("pdf", "classic", "dejavu", "Word export, skills in a 3-column table"),
    "g06_product_manager_ml_spain": Layout("pdf", "moderncv", "dejavu", "moderncv-like, Spanish"),
    "g07_director_data_portugal": Layout("pdf", "classic", "libserif", "Word export, Portuguese"),
    "g08_teacher_to_analyst_canada": Layout("pdf", "typst", "dejavu", "Typst template, seasons as dates"),
    "g09_phd_student_korea": Layout("pdf", "classic", "dejavuserif", "LaTeX-like academic CV, Korean-style dates"),
    "g10_ml_consultant_denmark": Layout("docx", "numbered", imitates="Word, roles as a numbered list"),
    "g11_ml_engineer_vietnam": Layout("docx", "textbox", imitates="Word, contact in a floating text box"),
    "g12_senior_mle_canada": Layout("docx", "lists", imitates="Word list paragraphs, tab-stopped dates"),
    "g13_data_scientist_chile": Layout("docx", "plain", imitates="Word, Spanish, contact in the page header"),
}


@dataclass(frozen=True)
class Line:
    """One parsed markup line."""

    kind: str  # name, sub, h, entry, subentry, bullet, number, rating, row, page, gap, para
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
        if line.startswith(("@header ", "@footer ", "@box ")):
            continue
        target.append(parse_line(line))
    return main, side


def marks(text: str, name: str) -> list[str]:
    """The texts of the ``@<name>`` lines of a source, in order."""
    prefix = f"@{name} "
    return [raw[len(prefix):].strip() for raw in text.splitlines() if raw.startswith(prefix)]


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
    if line.startswith("+ "):
        return Line("number", line[2:].strip())
    if line.startswith("* "):
        name, _, score = line[2:].partition(" :: ")
        return Line("rating", name.strip(), score.strip())
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

    def __init__(self, font: str, header_text: str = "", footer_text: str = "", header_from: int = 1) -> None:
        super().__init__(format="A4")
        self.header_text = header_text
        self.footer_text = footer_text
        self.header_from = header_from
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
        if not self.header_text or self.page_no() < self.header_from:
            return
        self.set_font(self.family, "I", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 4, self.header_text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        y = self.get_y() + 0.5
        self.set_draw_color(160, 160, 160)
        self.line(self.l_margin, y, self.w - self.r_margin, y)
        self.set_text_color(0, 0, 0)
        self.ln(4)

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
    if style == "moderncv":
        # a short thick coloured rule in the date column, the heading in colour beside it
        y = pdf.get_y() + 3.2
        pdf.set_draw_color(*ACCENT)
        pdf.set_line_width(1.2)
        pdf.line(pdf.l_margin, y, pdf.l_margin + DATE_COLUMN - 2, y)
        pdf.set_line_width(0.2)
        pdf.set_x(pdf.l_margin + DATE_COLUMN)
        pdf.set_text_color(*ACCENT)
        pdf.font("", 13)
        pdf.cell(0, 6.5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_text_color(0, 0, 0)
        pdf.ln(0.5)
        return
    if style == "typst":
        pdf.line_text(text, "B", 11.5, 6)
        y = pdf.get_y()
        pdf.set_draw_color(0, 0, 0)
        pdf.set_line_width(0.3)
        pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
        pdf.set_line_width(0.2)
        pdf.ln(1.5)
        return
    if style == "ratings":
        pdf.set_text_color(*ACCENT)
        pdf.line_text(text.upper(), "B", 11, 6)
        pdf.set_text_color(0, 0, 0)
    else:
        pdf.line_text(text.upper() if style == "classic" else text, "B", 11, 6)
    y = pdf.get_y()
    pdf.set_draw_color(120, 120, 120)
    pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
    pdf.ln(1.5)


def pdf_entry(pdf: Resume, line: Line, style: str) -> None:
    width = pdf.w - pdf.l_margin - pdf.r_margin
    if style == "moderncv":
        pdf.font("", 9)
        x = pdf.l_margin
        pdf.set_text_color(80, 80, 80)
        pdf.set_x(x)
        pdf.cell(DATE_COLUMN - 3, 5, line.right, align="R")
        pdf.set_text_color(0, 0, 0)
        pdf.set_left_margin(x + DATE_COLUMN)
        pdf.set_x(x + DATE_COLUMN)
        pdf.line_text(line.text, "B", 10)
        pdf.set_left_margin(x)
        return
    if style == "typst":
        pdf.line_text(line.text + (f" | {line.right}" if line.right else ""), "B", 10)
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


def pdf_rating(pdf: Resume, line: Line) -> None:
    """A skill name, then five dots, as many filled as its rating: the rating is drawn, not written."""
    score = int(line.right or "0")
    pdf.font("", 9)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    y = pdf.get_y()
    pdf.cell(width - 20, 5, line.text)
    pdf.set_draw_color(*ACCENT)
    pdf.set_fill_color(*ACCENT)
    for i in range(5):
        x = pdf.l_margin + width - 19 + i * 3.8
        pdf.ellipse(x, y + 1.4, 2.4, 2.4, style="DF" if i < score else "D")
    pdf.set_xy(pdf.l_margin, y + 5)


def pdf_lines(pdf: Resume, lines: list[Line], style: str) -> None:
    """Flow the lines between the current margins."""
    base = pdf.l_margin
    indent = DATE_COLUMN if style == "moderncv" else 0
    number = 0
    for item in group_rows(lines):
        if isinstance(item, list):
            pdf_table(pdf, item)
            continue
        kind = item.kind
        if kind in ("subentry", "bullet", "number", "para"):
            pdf.set_left_margin(base + indent)
        else:
            pdf.set_left_margin(base)
        pdf.set_x(pdf.l_margin)
        if kind == "name":
            if style == "moderncv":
                pdf.set_text_color(*ACCENT)
            pdf.line_text(item.text, "B", 20 if style != "ratings" else 16, 9,
                          align="C" if style == "classic" else "L")
            pdf.set_text_color(0, 0, 0)
        elif kind == "sub":
            pdf.line_text(item.text, "", 9.5, 4.8, align="C" if style == "classic" else "L")
        elif kind == "h":
            number = 0
            pdf_heading(pdf, item.text, style)
        elif kind == "entry":
            pdf_entry(pdf, item, style)
        elif kind == "subentry":
            pdf.line_text(item.text + (f"  ({item.right})" if item.right else ""), "I", 9.5)
        elif kind in ("bullet", "number"):
            number += 1
            mark = pdf.bullet if kind == "bullet" else f"{number}."
            pdf.font("", 9.5)
            pdf.cell(5, 4.8, mark)
            pdf.set_left_margin(pdf.l_margin + 5)
            pdf.multi_cell(0, 4.8, item.text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.set_left_margin(pdf.l_margin - 5)
        elif kind == "rating":
            pdf_rating(pdf, item)
        elif kind == "page":
            pdf.add_page()
        elif kind == "gap":
            pdf.ln(1.5)
        else:
            pdf.line_text(item.text, "", 9.5, 4.8)
    pdf.set_left_margin(base)


def build_pdf(stem: str, layout: Layout, text: str) -> Path:
    main, side = parse(text)
    header = marks(text, "header")
    footer = marks(text, "footer")
    pdf = Resume(layout.font, header[0] if header else "", footer[0] if footer else "", layout.header_from)
    pdf.set_creator(f"blind7/make.py (fpdf2), imitating {layout.imitates}")
    pdf.set_title(stem)
    pdf.set_creation_date(written(stem))
    pdf.add_page()
    if layout.style == "ratings":
        pdf.set_fill_color(238, 240, 244)
        pdf.rect(0, 0, 64, pdf.h, style="F")
        pdf.set_margins(8, 12, pdf.w - 58)
        pdf.set_xy(8, 12)
        pdf.set_auto_page_break(False)
        pdf_lines(pdf, side, "ratings")
        pdf.set_auto_page_break(True, margin=15)
        pdf.set_margins(70, 12, 14)
        pdf.set_xy(70, 12)
    pdf_lines(pdf, main, layout.style)
    out = HERE / f"{stem}.pdf"
    pdf.output(str(out))
    return out


# --------------------------------------------------------------------------------------------------------- DOCX


def list_paragraph(doc: DocxDocument, text: str, num_id: int) -> Paragraph:
    """A Word list paragraph as Word writes one: the List Paragraph style and its own w:numPr."""
    p = doc.add_paragraph(text, style="List Paragraph")
    ppr = p._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return p


def add_text_box(doc: DocxDocument, lines: list[str]) -> None:
    """A floating VML text box (w:pict, v:textbox, w:txbxContent) anchored in the first body paragraph."""
    paras = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{escape(t)}</w:t></w:r></w:p>" for t in lines)
    xml = (
        f'<w:r xmlns:w="{W_NS}" xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:o="urn:schemas-microsoft-com:office:office">'
        '<w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">'
        '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
        '<v:shape id="ContactBox" o:spid="_x0000_s1026" type="#_x0000_t202" '
        'style="position:absolute;margin-left:300pt;margin-top:0;width:170pt;height:70pt;z-index:1;'
        'mso-position-horizontal-relative:margin;mso-position-vertical-relative:margin" strokecolor="#999999">'
        f"<v:textbox><w:txbxContent>{paras}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )
    first = doc.paragraphs[0] if doc.paragraphs else doc.add_paragraph()
    first._p.insert(0 if first._p.pPr is None else 1, parse_xml(xml))


def docx_lines(doc_or_cell: DocxDocument | _Cell, lines: list[Line], style: str, doc: DocxDocument) -> None:
    """Append the lines to a document or a table cell."""
    add_paragraph = doc_or_cell.add_paragraph
    for item in group_rows(lines):
        if isinstance(item, list):
            ncols = max(len(r.cells) for r in item)
            table = doc_or_cell.add_table(rows=0, cols=ncols)
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
            doc.add_heading(item.text, level=1 if style != "lists" else 2)
        elif kind == "entry":
            p = add_paragraph(style="List Number") if style == "numbered" else add_paragraph()
            p.add_run(item.text).bold = True
            if item.right:
                p.paragraph_format.tab_stops.add_tab_stop(Cm(17), WD_TAB_ALIGNMENT.RIGHT)
                p.add_run("\t" + item.right)
            p.paragraph_format.space_after = Pt(0)
        elif kind == "subentry":
            p = add_paragraph()
            p.add_run(item.text + (f", {item.right}" if item.right else "")).italic = True
            p.paragraph_format.space_after = Pt(0)
        elif kind == "bullet":
            if style == "lists":
                list_paragraph(doc, item.text, 1)
            else:
                add_paragraph(item.text, style="List Bullet")
        elif kind == "number":
            add_paragraph(item.text, style="List Number")
        elif kind == "page":
            doc.add_page_break()  # type: ignore[no-untyped-call]
        elif kind == "gap":
            continue
        else:
            add_paragraph(item.text)


def build_docx(stem: str, layout: Layout, text: str) -> Path:
    main, _side = parse(text)
    doc = Document()
    doc.core_properties.title = stem
    doc.core_properties.created = doc.core_properties.modified = written(stem)
    doc.core_properties.comments = f"blind7/make.py (python-docx), imitating {layout.imitates}"
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)
    for section in doc.sections:
        section.left_margin = section.right_margin = Cm(2)
    header = marks(text, "header")
    footer = marks(text, "footer")
    for section in doc.sections:
        if header:
            section.header.paragraphs[0].text = header[0]
        if footer:
            section.footer.paragraphs[0].text = footer[0]
    docx_lines(doc, main, layout.style, doc)
    box = marks(text, "box")
    if box:
        add_text_box(doc, box)
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
