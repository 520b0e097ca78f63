"""Rebuild the PDF and DOCX resumes of the blind10 held-out set from their sources.

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
    @header text / @footer text  PDF: printed at the top / bottom of every page (the footer adds "page N of M",
                               unless it writes {page} and {pages} itself); DOCX: the section's page header / footer
    @box text                  DOCX: a line of a floating text box anchored at the top of the body
    | a | b // c               DOCX: `` // `` starts a new paragraph inside a table cell
    (blank line)               a small gap
    anything else              a paragraph

Run: ``python tests/data/blind10/make.py`` (needs fpdf2 and python-docx, the dev extras).
"""

from __future__ import annotations

import copy
import re
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.shared import Cm, Pt, RGBColor
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
DATE_FIRST = 30.0  # mm, the dates before the title (datefirst)
LEFT_HEADS = 36.0  # mm, the heading column (leftheads)
TIMELINE = 7.0  # mm, the indent right of the timeline rule
SIDEBAR = (38, 50, 64)  # the dark sidebar
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


@dataclass(frozen=True)
class Layout:
    """How one document is produced: its format and the style it imitates."""

    fmt: str  # "pdf" or "docx"
    # pdf: "classic", "moderncv", "typst", "ratings", "linkedin", "justified", "datefirst", "sidebar", "timeline",
    # "dense", "jakes", "datesunder", "leftheads", "banner"; docx: "plain", "numbered", "textbox", "lists", "europass",
    # "headings", "drawingbox", "softbreaks", "tabs", "columns", "rolestable", "tracked", "gdocs"
    style: str
    font: str = "dejavu"  # pdf: a key of EMBEDDED, or a core font: "times", "helvetica"
    imitates: str = ""
    header_from: int = 1  # pdf: the first page that prints the @header line


LAYOUTS: dict[str, Layout] = {
    "h01_hydro_senior_norway": Layout("pdf", "jakes", "dejavuserif", "LaTeX one-page template, dates and places right"),
    "h02_pfe_intern_tunisia": Layout("pdf", "datesunder", "libsans", "Google Docs template, dates below each role"),
    "h03_dairy_ds_new_zealand": Layout("pdf", "classic", "libsans", "Word export, MM/YYYY dates at the right margin"),
    "h04_junior_mle_iran": Layout("pdf", "leftheads", "dejavu", "headings in a left column, Solar Hijri years"),
    "h05_head_of_ml_georgia": Layout("pdf", "banner", "dejavu", "online builder, coloured name band, drawn skill dots"),
    "h06_mech_to_ml_austria": Layout("pdf", "moderncv", "dejavuserif", "moderncv-like, German month forms"),
    "h07_nlp_freelance_senegal": Layout("pdf", "timeline", "libsans", "timeline, French dates, overlapping missions"),
    "h08_principal_fintech_estonia": Layout("pdf", "dense", "dejavu", "one dense page, small type"),
    "h09_graduate_ecuador": Layout("pdf", "jakes", "libserif", "LaTeX one-page template, Spanish dates"),
    "h10_junior_mle_uzbekistan": Layout("docx", "columns", imitates="Word, two text columns after a one-column top"),
    "h11_data_scientist_jordan": Layout("docx", "rolestable", imitates="Word builder, each role a borderless table"),
    "h12_senior_mle_puerto_rico": Layout("docx", "tracked", imitates="Word, tracked changes left in the file"),
    "h13_senior_cv_mongolia": Layout("docx", "gdocs", imitates="Google Docs export, hyperlinks, dates below roles"),
    "h16_accountant_zimbabwe": Layout("pdf", "datesunder", "dejavu", "Google Docs template, dates below each role"),
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
    if line == "@section":
        return Line("section", "")
    if line == "@col":
        return Line("colbreak", "")
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
        if "{page}" in self.footer_text:
            text = self.footer_text.replace("{page}", str(self.page_no())).replace("{pages}", "{nb}")
        else:
            text = f"{self.footer_text}  |  page {self.page_no()} of {{nb}}"
        self.cell(0, 4, text, align="C")
        self.set_text_color(0, 0, 0)

    def font(self, style: str = "", size: float = 10) -> None:
        self.set_font(self.family, style, size)

    def line_text(self, text: str, style: str = "", size: float = 10, h: float = 5, align: str = "L") -> None:
        self.font(style, size)
        self.multi_cell(0, h, text, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def pdf_table(pdf: Resume, rows: list[Line]) -> None:
    pdf.font("", 9)
    ncols = max(len(r.cells) for r in rows)
    widths = (22, 34, 64) if ncols == 3 else None  # a period column, a narrow role column, a wide text column
    with pdf.table(first_row_as_headings=False, line_height=5, padding=1, col_widths=widths,
                   text_align="LEFT") as table:
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
    if style == "linkedin":
        pdf.ln(1)
        pdf.line_text(text, "", 13, 7)
        pdf.ln(0.5)
        return
    if style == "side":
        pdf.line_text(text, "B", 10.5, 6)
        return
    if style == "dense":
        pdf.ln(-1)
        pdf.line_text(text.upper(), "B", 8.5, 4.2)
        y = pdf.get_y()
        pdf.set_draw_color(0, 0, 0)
        pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
        pdf.ln(0.8)
        return
    if style == "sidebar":
        pdf.set_text_color(*SIDEBAR)
        pdf.line_text(text.upper(), "B", 11, 6)
        pdf.set_text_color(0, 0, 0)
        pdf.ln(0.5)
        return
    if style == "leftheads":
        # the heading in a left column, level with the first line of its section's text
        left = pdf.l_margin - LEFT_HEADS
        pdf.set_draw_color(200, 200, 200)
        pdf.line(left, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
        pdf.ln(1.5)
        y = pdf.get_y()
        pdf.set_text_color(*ACCENT)
        pdf.font("B", 9.5)
        pdf.set_left_margin(left)
        pdf.set_x(left)
        pdf.multi_cell(LEFT_HEADS - 3, 5, text, new_x=XPos.LEFT, new_y=YPos.NEXT)
        pdf.set_left_margin(left + LEFT_HEADS)
        pdf.set_text_color(0, 0, 0)
        pdf.set_y(y)
        return
    if style == "datesunder":
        # Google Docs: a coloured heading, no rule
        pdf.ln(1.5)
        pdf.set_text_color(*ACCENT)
        pdf.line_text(text, "B", 12, 6.5)
        pdf.set_text_color(0, 0, 0)
        return
    if style == "jakes":
        pdf.line_text(text.upper(), "", 11.5, 6)
    elif style in ("ratings", "banner"):
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
    if style == "datefirst" and line.right:
        # the dates first, then the title, on one line: "2019–21   Research Engineer, ..."
        pdf.font("", 9.5)
        pdf.cell(DATE_FIRST, 5, line.right)
        pdf.set_left_margin(pdf.l_margin + DATE_FIRST)
        pdf.line_text(line.text, "B", 10)
        pdf.set_left_margin(pdf.l_margin - DATE_FIRST)
        return
    if style == "dense":
        pdf.font("B", 8.3)
        pdf.write(4.2, line.text)
        if line.right:
            pdf.font("", 8)
            pdf.write(4.2, f"  \u00b7  {line.right}")
        pdf.ln(4.2)
        return
    if style == "timeline":
        # a filled dot on the rule left of the title; the dates on the right, grey
        pdf.set_fill_color(*ACCENT)
        pdf.ellipse(pdf.l_margin - TIMELINE + 0.9, pdf.get_y() + 1.2, 2.6, 2.6, style="F")
        if line.right:
            pdf.font("B", 10)
            pdf.cell(width - 45, 5, line.text)
            pdf.set_text_color(110, 110, 110)
            pdf.font("I", 9)
            pdf.cell(45, 5, line.right, align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.set_text_color(0, 0, 0)
        else:
            pdf.line_text(line.text, "B", 10)
        return
    if style in ("linkedin", "side"):
        pdf.line_text(line.text + (f"  {line.right}" if line.right else ""), "B", 10.5)
        return
    if style == "datesunder":
        # the role in bold, the dates on the line below in small grey capitals
        pdf.line_text(line.text, "B", 10.5, 5.5)
        if line.right:
            pdf.set_text_color(120, 120, 120)
            pdf.line_text(line.right.upper(), "", 8, 4.2)
            pdf.set_text_color(0, 0, 0)
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


VOWELS = set("aeiouyáéíóúýěůAEIOUY")
SOFT_HYPHEN = "\u00ad"
WORD = re.compile(r"[^\W\d_]{8,}")


def hyphenate(text: str) -> str:
    """Soft hyphens between a vowel and a consonant-vowel pair ("classi-fica-tion"), at least 3 letters from either
    end, so that justified lines break inside words as a typesetter's would."""

    def one(match: re.Match[str]) -> str:
        word = match.group(0)
        out = []
        for i, ch in enumerate(word):
            if (3 <= i <= len(word) - 3 and word[i - 1] in VOWELS and ch not in VOWELS and word[i + 1] in VOWELS
                    and SOFT_HYPHEN not in word[i - 1 : i + 1]):
                out.append(SOFT_HYPHEN)
            out.append(ch)
        return "".join(out)

    return WORD.sub(one, text)


def pdf_lines(pdf: Resume, lines: list[Line], style: str) -> None:
    """Flow the lines between the current margins."""
    base = pdf.l_margin
    indent = DATE_COLUMN if style == "moderncv" else 0
    if style == "timeline":
        indent = TIMELINE
    number = 0
    if style == "leftheads":
        base += LEFT_HEADS  # all text right of the heading column; the heading itself is placed by pdf_heading
    align = "J" if style == "justified" else "L"
    size = {"linkedin": 11.0, "justified": 10.5, "dense": 7.8}.get(style, 9.5)  # LinkedIn prints its body large
    for item in group_rows(lines):
        if isinstance(item, list):
            pdf_table(pdf, item)
            continue
        kind = item.kind
        if style == "justified" and kind in ("bullet", "para"):
            item = Line(kind, hyphenate(item.text))
        if kind in ("subentry", "bullet", "number", "para") or (style == "timeline" and kind == "entry"):
            pdf.set_left_margin(base + indent)
        else:
            pdf.set_left_margin(base)
        pdf.set_x(pdf.l_margin)
        top = pdf.get_y()
        if style == "timeline" and kind == "h":
            pdf.ln(1)
        if style == "leftheads" and kind in ("name", "sub"):
            pdf.set_left_margin(base - LEFT_HEADS)
            pdf.set_x(pdf.l_margin)
        if kind == "name":
            if style == "moderncv":
                pdf.set_text_color(*ACCENT)
            if style == "banner":
                pdf.set_text_color(255, 255, 255)
            name_size = {"ratings": 22, "linkedin": 22, "dense": 15}.get(style, 20)
            pdf.line_text(item.text, "B", name_size, 10 if style != "dense" else 7,
                          align="C" if style in ("classic", "jakes") else "L")
            pdf.set_text_color(0, 0, 0)
        elif kind == "sub":
            if style == "banner":
                pdf.set_text_color(255, 255, 255)
            pdf.line_text(item.text, "", 9.5 if style != "dense" else 8, 4.8 if style != "dense" else 4,
                          align="C" if style in ("classic", "jakes") else "L")
            pdf.set_text_color(0, 0, 0)
        elif kind == "h":
            number = 0
            pdf_heading(pdf, item.text, style)
        elif kind == "entry":
            pdf_entry(pdf, item, style)
        elif kind == "subentry" and style == "jakes" and item.right:
            # the organisation in italics on the left, the place in italics at the right margin
            pdf.font("I", 9.5)
            place_w = pdf.get_string_width(item.right) + 2
            pdf.cell(pdf.w - pdf.l_margin - pdf.r_margin - place_w, 5, item.text)
            pdf.cell(place_w, 5, item.right, align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        elif kind == "subentry":
            pdf.line_text(item.text + (f"  ({item.right})" if item.right else ""), "I", 9.5)
        elif kind in ("bullet", "number"):
            number += 1
            mark = pdf.bullet if kind == "bullet" else f"{number}."
            pdf.font("", size)
            pdf.cell(5, 4.8 * size / 9.5, mark)
            pdf.set_left_margin(pdf.l_margin + 5)
            pdf.multi_cell(0, 4.8 * size / 9.5, item.text, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.set_left_margin(pdf.l_margin - 5)
        elif kind == "rating":
            pdf_rating(pdf, item)
        elif kind == "page":
            pdf.add_page()
        elif kind == "gap":
            pdf.ln(1.5)
        else:
            pdf.line_text(item.text, "", size if style != "side" else 9, 4.8 * size / 9.5, align=align)
        if style == "timeline" and kind in ("entry", "subentry", "bullet", "para") and pdf.get_y() > top:
            # the timeline rule runs down beside the entries
            pdf.set_draw_color(*ACCENT)
            pdf.set_line_width(0.4)
            pdf.line(base + 2.2, top, base + 2.2, pdf.get_y())
            pdf.set_line_width(0.2)
    pdf.set_left_margin(base)


def build_pdf(stem: str, layout: Layout, text: str) -> Path:
    main, side = parse(text)
    header = marks(text, "header")
    footer = marks(text, "footer")
    pdf = Resume(layout.font, header[0] if header else "", footer[0] if footer else "", layout.header_from)
    pdf.set_creator(f"blind10/make.py (fpdf2), imitating {layout.imitates}")
    pdf.set_title(stem)
    pdf.set_creation_date(written(stem))
    if layout.style == "justified":
        pdf.set_margins(24, 15, 24)
    if layout.style == "dense":
        pdf.set_margins(11, 9, 11)
        pdf.set_auto_page_break(True, margin=8)
    pdf.add_page()
    if layout.style == "banner":
        # an online builder's coloured band across the top, the name and contact lines in white on it
        pdf.set_fill_color(*ACCENT)
        pdf.rect(0, 0, pdf.w, 36, style="F")
        head = [line for line in main[:4] if line.kind in ("name", "sub")]
        pdf.set_xy(pdf.l_margin, 8)
        pdf_lines(pdf, head, "banner")
        pdf.set_y(42)
        main = main[len(head):]
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
    if layout.style == "sidebar":
        # an online builder's page: a dark column on the left (contact, skills, languages), white text
        pdf.set_fill_color(*SIDEBAR)
        pdf.rect(0, 0, 66, pdf.h, style="F")
        pdf.set_margins(7, 12, pdf.w - 60)
        pdf.set_xy(7, 12)
        pdf.set_auto_page_break(False)
        pdf.set_text_color(255, 255, 255)
        pdf_lines(pdf, side, "side")
        pdf.set_text_color(0, 0, 0)
        pdf.set_auto_page_break(True, margin=15)
        pdf.set_margins(72, 12, 12)
        pdf.set_xy(72, 12)
        pdf_lines(pdf, main, layout.style)
        pdf.set_margins(18, 15, 18)
    elif layout.style == "linkedin":
        # LinkedIn's export: a grey column (contact, top skills, languages, certifications) beside the main text,
        # here on the right, on the first page only
        pdf.set_fill_color(236, 238, 240)
        pdf.rect(pdf.w - 64, 0, 64, pdf.h, style="F")
        pdf.set_margins(pdf.w - 58, 14, 8)
        pdf.set_xy(pdf.w - 58, 14)
        pdf.set_auto_page_break(False)
        pdf_lines(pdf, side, "side")
        pdf.set_auto_page_break(True, margin=18)
        pdf.set_margins(14, 14, 70)
        pdf.set_xy(14, 14)
        pdf_lines(pdf, main, layout.style)
        pdf.set_margins(14, 14, 14)
    else:
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


def add_drawing_box(doc: DocxDocument, lines: list[str]) -> None:
    """A floating DrawingML text box (wps:txbx) as Word 2010+ writes one: inside mc:AlternateContent, with the same
    text again in a VML fallback, anchored in the first body paragraph and placed in a column on the left."""
    paras = "".join(
        f'<w:p><w:r>{"<w:rPr><w:b/></w:rPr>" if t.isupper() else ""}<w:t xml:space="preserve">{escape(t)}</w:t>'
        "</w:r></w:p>"
        for t in lines
    )
    xml = (
        f'<w:r xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="page"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="page"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="2160000" cy="10692000"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        '<wp:wrapSquare wrapText="right"/>'
        '<wp:docPr id="1" name="Sidebar"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2160000" cy="10692000"/>'
        '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="E8EEF4"/></a:solidFill>'
        f"</wps:spPr><wps:txbx><w:txbxContent>{paras}</w:txbxContent></wps:txbx>"
        '<wps:bodyPr rot="0" vert="horz" lIns="180000" tIns="360000" rIns="108000" bIns="45720" anchor="t"/>'
        "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        '<mc:Fallback><w:pict><v:shape id="Sidebar" o:spid="_x0000_s1026" type="#_x0000_t202" '
        'style="position:absolute;margin-left:0;margin-top:0;width:170pt;height:842pt;z-index:1;'
        'mso-position-horizontal-relative:page;mso-position-vertical-relative:page" fillcolor="#e8eef4" stroked="f">'
        f"<v:textbox><w:txbxContent>{paras}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )
    first = doc.paragraphs[0] if doc.paragraphs else doc.add_paragraph()
    first._p.insert(0 if first._p.pPr is None else 1, parse_xml(xml))


def docx_lines(doc_or_cell: DocxDocument | _Cell, lines: list[Line], style: str, doc: DocxDocument) -> None:
    """Append the lines to a document or a table cell."""
    add_paragraph = doc_or_cell.add_paragraph
    last: Paragraph | None = None  # softbreaks: the entry paragraph that its bullets continue
    for item in group_rows(lines):
        if isinstance(item, list):
            ncols = max(len(r.cells) for r in item)
            table = doc_or_cell.add_table(rows=0, cols=ncols)
            table.alignment = WD_TABLE_ALIGNMENT.LEFT
            for row in item:
                cells = table.add_row().cells
                for i, text in enumerate(row.cells):
                    first, *rest = text.split(" // ")
                    cells[i].text = first
                    for more in rest:
                        cells[i].add_paragraph(more)
            if style == "europass" and ncols == 2:
                for row_ in table.rows:
                    row_.cells[0].width = Cm(4.5)
                    row_.cells[1].width = Cm(12.5)
            continue
        kind = item.kind
        if kind == "section":
            # the end of the one-column top: a continuous section break (its sectPr in this paragraph's pPr)
            p = add_paragraph()
            body_sect = doc.sections[0]._sectPr
            sect = copy.deepcopy(body_sect)
            p._p.get_or_add_pPr().append(sect)
            continue
        if kind == "colbreak":
            add_paragraph().add_run().add_break(WD_BREAK.COLUMN)
            continue
        if kind == "entry" and style == "rolestable":
            # a builder's role block: a borderless two-cell table, the title left, the dates right-aligned
            table = doc_or_cell.add_table(rows=1, cols=2)
            left, right = table.rows[0].cells
            left.width, right.width = Cm(12.5), Cm(4.5)
            left.paragraphs[0].add_run(item.text).bold = True
            right.paragraphs[0].add_run(item.right).italic = True
            right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            continue
        if kind == "entry" and style == "gdocs":
            p = add_paragraph()
            p.add_run(item.text).bold = True
            p.paragraph_format.space_after = Pt(0)
            if item.right:
                q = add_paragraph()
                run = q.add_run(item.right.upper())
                run.font.size = Pt(8)
                run.font.color.rgb = RGBColor(0x66, 0x66, 0x66)
            continue
        if style == "softbreaks" and kind in ("entry", "subentry", "bullet") and (kind == "entry" or last):
            # one paragraph per role, its lines broken with Shift+Enter (w:br), as hurried Word users write them
            if kind == "entry" or last is None:
                last = add_paragraph()
                last.add_run(item.text).bold = True
                if item.right:
                    last.add_run(f"  ({item.right})")
            else:
                last.add_run().add_break()
                last.add_run(("\u2013 " if kind == "bullet" else "") + item.text).italic = kind == "subentry"
            continue
        last = None
        if kind == "entry" and style == "tabs":
            # the dates first, then a tab to the title at 3.8 cm
            p = add_paragraph()
            p.paragraph_format.tab_stops.add_tab_stop(Cm(3.8))
            p.paragraph_format.first_line_indent = Cm(-3.8)
            p.paragraph_format.left_indent = Cm(3.8)
            p.add_run(item.right + "\t")
            p.add_run(item.text).bold = True
            p.paragraph_format.space_after = Pt(0)
            continue
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
        elif kind == "entry" and style == "headings":
            # the role as a Word heading, its dates in a paragraph of their own below it
            doc.add_heading(item.text, level=2)
            if item.right:
                add_paragraph().add_run(item.right).italic = True
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
    doc.core_properties.comments = f"blind10/make.py (python-docx), imitating {layout.imitates}"
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
    if layout.style == "columns":
        two_columns(doc)
    if layout.style in ("tracked", "gdocs"):
        rewrite_marks(doc, "Author")
    box = marks(text, "box")
    if box and layout.style == "drawingbox":
        for section in doc.sections:
            section.left_margin = Cm(7)
        add_drawing_box(doc, box)
    elif box:
        add_text_box(doc, box)
    out = HERE / f"{stem}.docx"
    doc.save(str(out))
    stable_zip(out)
    return out


TRACKED = re.compile(r"\{\+(.+?)\+\}|\{-(.+?)-\}|\[([^\]]+)\]\((https?://[^)\s]+)\)")
W = f"{{{W_NS}}}"


def rewrite_marks(doc: DocxDocument, author: str) -> None:
    """Turn ``{+inserted+}`` and ``{-deleted-}`` inside runs into tracked changes (w:ins with w:t, w:del with
    w:delText, as Word leaves them when the writer never accepted the changes), and ``[text](url)`` into external
    w:hyperlink elements; the run's formatting is kept on every piece."""
    change = 0
    for run in list(doc.element.body.iter(f"{W}r")):
        texts = run.findall(f"{W}t")
        if len(texts) != 1 or not TRACKED.search(texts[0].text or ""):
            continue
        text = texts[0].text or ""
        rpr = run.find(f"{W}rPr")
        rpr_xml = "" if rpr is None else rpr.xml
        # a tab before the text (a right-aligned date) stays in front of it
        pieces: list[str] = [f"<w:r>{rpr_xml}<w:tab/></w:r>"] * len(run.findall(f"{W}tab"))
        pos = 0
        for match in TRACKED.finditer(text):
            if match.start() > pos:
                pieces.append(f'<w:r>{rpr_xml}<w:t xml:space="preserve">{escape(text[pos:match.start()])}</w:t></w:r>')
            inserted, deleted, label, url = match.groups()
            change += 1
            stamp = f'w:id="{change}" w:author="{author}" w:date="2024-03-02T10:{change:02d}:00Z"'
            if inserted is not None:
                pieces.append(f'<w:ins {stamp}><w:r>{rpr_xml}<w:t xml:space="preserve">{escape(inserted)}</w:t>'
                              "</w:r></w:ins>")
            elif deleted is not None:
                pieces.append(f'<w:del {stamp}><w:r>{rpr_xml}<w:delText xml:space="preserve">{escape(deleted)}'
                              "</w:delText></w:r></w:del>")
            else:
                rid = doc.part.relate_to(url, RT.HYPERLINK, is_external=True)
                pieces.append(f'<w:hyperlink r:id="{rid}" w:history="1"><w:r><w:rPr><w:color w:val="1155CC"/>'
                              f'<w:u w:val="single"/></w:rPr><w:t xml:space="preserve">{escape(label)}</w:t></w:r>'
                              "</w:hyperlink>")
            pos = match.end()
        if pos < len(text):
            pieces.append(f'<w:r>{rpr_xml}<w:t xml:space="preserve">{escape(text[pos:])}</w:t></w:r>')
        wrapper = parse_xml(f'<w:wrap xmlns:w="{W_NS}" xmlns:r="{R_NS}">{"".join(pieces)}</w:wrap>')
        parent = run.getparent()
        index = parent.index(run)
        for offset, element in enumerate(list(wrapper)):
            parent.insert(index + offset, element)
        parent.remove(run)


def two_columns(doc: DocxDocument) -> None:
    """The body's last section: continuous, in two newspaper columns with a gap of 1 cm."""
    sect = doc.sections[-1]._sectPr
    cols = sect.find(f"{W}cols")
    if cols is None:
        cols = parse_xml(f'<w:cols xmlns:w="{W_NS}"/>')
        sect.append(cols)
    cols.set(f"{W}num", "2")
    cols.set(f"{W}space", "567")
    size = sect.find(f"{W}pgSz")
    kind = parse_xml(f'<w:type xmlns:w="{W_NS}" w:val="continuous"/>')
    if size is not None:
        size.addprevious(kind)
    else:
        sect.insert(0, kind)


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
