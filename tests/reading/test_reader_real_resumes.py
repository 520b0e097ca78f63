"""The reader on the real resumes in ../shared/real-resumes (skipped when that folder is absent).

They are personal data: read in place, never copied. Checks:
- words intact. Reference words: for a PDF, the words of pypdfium2's raw text (letters only, 3+ long, so the
  reference does not depend on our normalization); for a DOCX, the words of every w:t of word/document.xml,
  paragraph by paragraph with w:tab/w:br as spaces. Recall of those words in Resume.text must be >= 0.99
  (a run-together "Responsibleforimplementing" loses all three words). Against the same reference, pypdf's
  own extraction scores 0.36 on the XeTeX file and 0.56 on the LuaTeX one, so the check can fail.
- no run-together text (under 1% of words 20+ letters long) and lines not broken into single words (under 35%
  of lines one word long: pypdf's plain mode on Google Docs exports gives ~60%).
- files without a text layer (every glyph a vector outline) are refused as needing OCR; every other test reads
  the readable files only.
- sections found: experience, education and skills where the file has them; experience and education or
  skills on >= 95% of the readable files.
- years of professional work within 0.4 of gold-years.tsv, its ref_date as "Present"; and, gated as the
  issue measures it, within max(1 year, 25%) on >= 90% of the readable files, both with the gold ref_date and
  with the reader's own inference of when the resume was written (the per-file table is printed with -s).
- the same resume as PDF and as DOCX gives the same section kinds, positions and years.
"""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from gapcheck.errors import NoTextLayerError
from gapcheck.reading import Resume, SectionKind, read_resume

REAL = Path(__file__).resolve().parents[2].parent / "shared" / "real-resumes"
pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/real-resumes is absent")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ALL_FILES = sorted(p.name for p in REAL.iterdir() if p.suffix in (".pdf", ".docx")) if REAL.is_dir() else []
# Files with no text layer at all (the README says which): they must be refused, and are left out of the rest.
UNREADABLE = {"student-math-hard-outlined-text.pdf"}
FILES = [f for f in ALL_FILES if f not in UNREADABLE]
PDFS = [f for f in FILES if f.endswith(".pdf")]
K = SectionKind

# Which of experience / education / skills each known file has (checked by reading them).
HAS: dict[str, set[SectionKind]] = {
    "google-docs-mlops-engineer.pdf": {K.EXPERIENCE, K.EDUCATION, K.SKILLS},
    "google-docs-table-software-engineer.pdf": {K.EXPERIENCE, K.EDUCATION, K.SKILLS},
    "latex-luatex-devops-lead.pdf": {K.EXPERIENCE, K.EDUCATION},
    "latex-luatex-principal-ai-engineer.pdf": {K.EXPERIENCE, K.EDUCATION, K.SKILLS},
    "latex-pdftex-software-engineer.pdf": {K.EXPERIENCE, K.EDUCATION},
    "latex-two-column-software-engineer.pdf": {K.EXPERIENCE, K.EDUCATION, K.SKILLS},
    "latex-xetex-data-engineer.pdf": {K.EXPERIENCE, K.EDUCATION, K.SKILLS},
    "word-bullets-data-science-student.docx": {K.EXPERIENCE, K.EDUCATION, K.SKILLS},
    "word-cs-student.docx": {K.EXPERIENCE, K.EDUCATION, K.SKILLS},
    "word-export-cs-student.pdf": {K.EXPERIENCE, K.EDUCATION, K.SKILLS},
    "word-plain-cs-student.docx": {K.EXPERIENCE, K.EDUCATION, K.SKILLS},
    "word-plain-software-developer.docx": {K.EXPERIENCE, K.EDUCATION},
    "word-table-content-controls-software-engineer.docx": {K.EXPERIENCE, K.EDUCATION, K.SKILLS},
}
# Gold counts the co-op as "five semester-long internships" (~20 months), the text's range is 36 months.
# The moderncv CV's ten dated jobs sum to 98 months (8.2 years, no overlaps); gold says 8.8.
YEARS_KNOWN_MISS = {"word-plain-software-developer.docx", "ml-engineer-senior-moderncv-ch.pdf"}


def _gold_years() -> dict[str, tuple[float, date]]:
    gold: dict[str, tuple[float, date]] = {}
    if not REAL.is_dir():
        return gold
    for line in (REAL / "gold-years.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith(("#", "file\t")):
            continue
        name, years, ref = line.split("\t")
        year, month = map(int, ref.split("-"))
        gold[name] = (float(years), date(year, month, 1))
    return gold


GOLD = _gold_years()


def words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]{3,}", text.lower())


def reference_words(path: Path) -> list[str]:
    if path.suffix == ".pdf":
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(path)
        try:
            raw = "\n".join(page.get_textpage().get_text_range() for page in doc)
        finally:
            doc.close()
        # U+FFFE marks a line-end hyphen pdfium has joined; U+00AD is a drawn hyphen in TeX fonts
        return words(raw.replace("\ufffe", "").replace("\u00ad", "-"))
    with zipfile.ZipFile(path) as archive:
        root = ET.fromstring(archive.read("word/document.xml"))
    paragraphs = []
    for paragraph in root.iter(f"{W}p"):
        parts = []
        for node in paragraph.iter():
            if node.tag == f"{W}t":
                parts.append(node.text or "")
            elif node.tag in (f"{W}tab", f"{W}br", f"{W}cr"):
                parts.append(" ")
        paragraphs.append("".join(parts))
    return words("\n".join(paragraphs))


def read(name: str, engine: str = "auto") -> Resume:
    today = GOLD[name][1] if name in GOLD else None
    return read_resume(REAL / name, today=today, pdf_engine=engine)


def word_recall(name: str, resume: Resume) -> float:
    reference = reference_words(REAL / name)
    found = set(words(resume.text))
    return sum(1 for w in reference if w in found) / len(reference)


def shape(resume: Resume) -> tuple[float, float]:
    """(share of words 20+ letters long, share of non-empty lines holding one word)."""
    tokens = re.findall(r"[^\W\d_]+", resume.text)
    lines = [line for line in resume.text.split("\n") if line.strip()]
    long_words = sum(1 for t in tokens if len(t) >= 20) / max(len(tokens), 1)
    single = sum(1 for line in lines if len(line.split()) == 1) / max(len(lines), 1)
    return long_words, single


@pytest.mark.parametrize("name", sorted(UNREADABLE & set(ALL_FILES)))
def test_files_without_text_are_refused_as_needing_ocr(name: str) -> None:
    with pytest.raises(NoTextLayerError, match="needs OCR") as info:
        read_resume(REAL / name)
    assert name in str(info.value)


@pytest.mark.parametrize("name", FILES)
def test_words_intact(name: str) -> None:
    resume = read(name)
    assert word_recall(name, resume) >= 0.99
    long_words, single = shape(resume)
    assert long_words < 0.01
    assert single < 0.35


@pytest.mark.parametrize("name", PDFS)
def test_words_intact_with_pypdf(name: str) -> None:
    """pypdf (with layout mode on one-word-per-line pages, and a space's width for fonts whose code 32 is a
    letter: the XeTeX and LuaTeX files) reads every file's words."""
    resume = read(name, "pypdf")
    assert word_recall(name, resume) >= 0.98
    long_words, single = shape(resume)
    assert long_words < 0.01 and single < 0.35


@pytest.mark.parametrize("name", FILES)
def test_sections_found(name: str) -> None:
    resume = read(name)
    found = {s.kind for s in resume.sections}
    expected = HAS.get(name, {K.EXPERIENCE})
    assert expected <= found
    for section in resume.sections:
        assert section.text == resume.text[section.start : section.end]


@pytest.mark.parametrize("name", sorted(GOLD))
def test_years_match_gold(name: str) -> None:
    if name in YEARS_KNOWN_MISS:
        pytest.xfail("gold counts other spans than the text's ranges (see YEARS_KNOWN_MISS)")
    gold, _ = GOLD[name]
    resume = read(name)
    assert resume.years_experience is not None
    assert abs(resume.years_experience - gold) <= 0.4


def _within(read: float | None, gold: float) -> bool:
    return read is not None and abs(read - gold) <= max(1.0, 0.25 * gold)


def test_years_gate_on_all_readable_files() -> None:
    """The issue's measure: years within max(1 year, 25%) of gold on >= 90% of the readable files, read with the
    gold ref_date and with the reader's own date; experience plus education/skills sections on >= 95%."""
    names = [n for n in FILES if n in GOLD]
    rows, given_ok, own_ok, sections_ok = [], 0, 0, 0
    for name in names:
        gold, ref = GOLD[name]
        given, own = read_resume(REAL / name, today=ref), read_resume(REAL / name)
        kinds = {s.kind for s in given.sections}
        has_sections = K.EXPERIENCE in kinds and bool(kinds & {K.EDUCATION, K.SKILLS})
        given_ok += _within(given.years_experience, gold)
        own_ok += _within(own.years_experience, gold)
        sections_ok += has_sections
        rows.append(
            f"{name:52} gold {gold:5.2f} read {given.years_experience!s:>6} own-date {own.years_experience!s:>6}"
            f" (as of {own.reference_date:%Y-%m}, {own.reference_source}) sections {'ok' if has_sections else 'MISS'}"
        )
    print("\n".join(rows))
    print(f"years ok {given_ok}/{len(names)} (gold date), {own_ok}/{len(names)} (own date); sections {sections_ok}")
    assert given_ok >= 0.9 * len(names)
    assert own_ok >= 0.9 * len(names)
    assert sections_ok >= 0.95 * len(names)


def test_written_date_is_the_files_own() -> None:
    """Where the file's own date and its text agree, "Present" is that month, and the report can say so."""
    resume = read_resume(REAL / "data-engineer-mid-word365.pdf")
    assert (resume.reference_date, resume.reference_source) == (date(2024, 1, 1), "file")
    docx = read_resume(REAL / "word-plain-software-developer.docx")
    assert (docx.reference_date, docx.reference_source) == (date(2016, 2, 1), "file")


def test_same_resume_as_pdf_and_docx() -> None:
    pdf, docx = read("word-export-cs-student.pdf"), read("word-cs-student.docx")
    assert [s.kind for s in pdf.sections] == [s.kind for s in docx.sections]
    assert [s.heading for s in pdf.sections] == [s.heading for s in docx.sections]
    assert [(p.start, p.end, p.kind, p.professional) for p in pdf.positions] == [
        (p.start, p.end, p.kind, p.professional) for p in docx.positions
    ]
    assert pdf.years_experience == docx.years_experience
    assert set(words(pdf.text)) == set(words(docx.text))


@pytest.mark.parametrize("engine", ["pypdfium2", "pypdf"])
def test_two_column_latex_is_read_column_by_column(engine: str) -> None:
    """Left column (education, links, coursework, skills) wholly before the right (experience, research,
    awards, publications): interleaved lines would break this run of section kinds and the six dated entries."""
    resume = read("latex-two-column-software-engineer.pdf", engine)
    assert [s.kind for s in resume.sections] == [
        K.OTHER,
        K.EDUCATION,
        K.OTHER,
        K.EDUCATION,
        K.SKILLS,
        K.SKILLS,
        K.EXPERIENCE,
        K.EXPERIENCE,
        K.OTHER,
        K.OTHER,
    ]
    assert len(resume.positions) == 6


@pytest.mark.parametrize("name", [f for f in PDFS if not f.startswith(("latex-xetex", "latex-luatex-devops"))])
def test_pypdfium2_reading_holds_the_words_pypdf_sees(name: str) -> None:
    """A reference from the other engine: the words of pypdf's own plain extraction (ligatures expanded) are in
    what the default engine reads. Files where pypdf drops the spaces are left out (its words are run together);
    what is missed is the halves of words hyphenated across lines, which the reader joins."""
    import unicodedata
    import warnings

    import pypdf

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        raw = "\n".join(page.extract_text() for page in pypdf.PdfReader(REAL / name).pages)
    # pypdf writes icon glyphs by their names ("/sort-amount-up-alt", "¶obile-alt"): no words of the resume
    raw = re.sub(r"[^\w\s-]+[a-z]+(?:-[a-z]+)+", " ", raw)
    reference = words(unicodedata.normalize("NFKC", raw.replace("\u00ad", "-")))
    found = set(words(read(name, "pypdfium2").text))
    assert sum(1 for w in reference if w in found) / len(reference) >= 0.98


@pytest.mark.parametrize("name", PDFS)
def test_pypdf_text_is_not_run_together(name: str) -> None:
    """pypdf on its own runs words together on the XeTeX and LuaTeX (Awesome-CV) files; read by gapcheck, no
    file is flagged for it."""
    resume = read(name, "pypdf")
    assert not any("run together" in w for w in resume.warnings)
