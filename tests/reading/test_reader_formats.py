"""Reading the made fixtures (tests/fixtures/make_fixtures.py): every format, both PDF engines."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from gapcheck.errors import UsageError
from gapcheck.reading import Resume, SectionKind, read_resume, read_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TODAY = date(2024, 6, 1)
ENGINES = ["pypdfium2", "pypdf"]
K = SectionKind


def read(name: str, engine: str = "auto") -> Resume:
    return read_resume(FIXTURES / name, today=TODAY, pdf_engine=engine)


def kinds(resume: Resume) -> list[SectionKind]:
    return [s.kind for s in resume.sections if s.heading]


def words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z][A-Za-z+#.-]*[A-Za-z+#]|[A-Za-z]", text)


@pytest.mark.parametrize("engine", ENGINES)
def test_one_column_pdf_sections_words_and_ligatures(engine: str) -> None:
    resume = read("one_column.pdf", engine)
    assert resume.format == "pdf" and resume.pages == 1 and resume.warnings == ()
    assert kinds(resume) == [K.SUMMARY, K.SKILLS, K.EXPERIENCE, K.PROJECTS, K.EDUCATION]
    assert [s.heading for s in resume.sections][1:] == [
        "SUMMARY",
        "Technical Skills",
        "Professional Experience",
        "Projects",
        "EDUCATION",
    ]
    # ligature glyphs (U+FB01) come out as two letters
    for word in ("first", "classifier", "filtering", "Kubernetes", "scikit-learn", "PyTorch"):
        assert word in words(resume.text)
    assert "\ufb01" not in resume.text
    skills = next(s for s in resume.sections if s.kind is K.SKILLS)
    assert "Kubernetes" in skills.text and "Northwind" not in skills.text


@pytest.mark.parametrize("engine", ENGINES)
def test_one_column_pdf_history(engine: str) -> None:
    resume = read("one_column.pdf", engine)
    got = [(p.start, p.end, p.current, p.kind.value) for p in resume.positions]
    assert got == [
        (date(2021, 1, 1), TODAY, True, "work"),
        (date(2018, 3, 1), date(2020, 12, 1), False, "work"),
        (date(2017, 6, 1), date(2017, 9, 1), False, "internship"),
    ]
    assert resume.positions[0].title == "Senior ML Engineer, Northwind Labs"
    # projects and education dates are not work
    assert all(resume.section_at(p.span_start).kind is K.EXPERIENCE for p in resume.positions)  # type: ignore[union-attr]
    assert resume.years_stated == 6.0 and resume.years_experience == 6.0  # the stated figure is preferred
    assert resume.years_work == pytest.approx((41 + 33) / 12, abs=0.01)
    assert resume.years_internship == pytest.approx(0.25, abs=0.01)


@pytest.mark.parametrize("engine", ENGINES)
def test_two_column_pdf_keeps_each_column_together(engine: str) -> None:
    text = read("two_column.pdf", engine).text
    left = ["SKILLS", "Python", "Terraform", "EDUCATION", "Example University", "2013 – 2017"]
    right = ["EXPERIENCE", "Northwind Labs", "Contoso Data", "Fabrikam", "OpenCV"]
    at = [text.index(w) for w in left + right]
    assert at == sorted(at), "columns interleaved"
    resume = read("two_column.pdf", engine)
    assert kinds(resume) == [K.SKILLS, K.EDUCATION, K.EXPERIENCE]
    assert len(resume.positions) == 3


@pytest.mark.parametrize("engine", ENGINES)
def test_blank_page_gives_a_warning_not_an_error(engine: str) -> None:
    resume = read("blank_page.pdf", engine)
    assert resume.pages == 3
    assert resume.warnings == ("page 2 has no text layer",)
    assert kinds(resume) == [K.EXPERIENCE, K.SKILLS]
    assert resume.years_experience == 3.0


@pytest.mark.parametrize("engine", ENGINES)
def test_empty_password_pdf_is_read(engine: str) -> None:
    resume = read("encrypted_empty_password.pdf", engine)
    assert "Woodgrove" in resume.text
    assert resume.positions[0].start == date(2019, 6, 1) and resume.positions[0].end == date(2021, 8, 1)


def test_engines_agree_on_the_fixtures() -> None:
    for name in ("one_column.pdf", "two_column.pdf", "blank_page.pdf"):
        a, b = read(name, "pypdfium2"), read(name, "pypdf")
        assert words(a.text) == words(b.text), name


def test_table_layout_docx() -> None:
    resume = read("table_layout.docx")
    assert resume.format == "docx" and resume.pages is None
    assert kinds(resume) == [K.SUMMARY, K.SKILLS, K.EXPERIENCE, K.EDUCATION]
    assert [p.title for p in resume.positions] == [
        "Senior ML Engineer, Northwind Labs",
        "ML Engineer, Contoso Data",
        "Machine Learning Intern, Fabrikam",
    ]
    # heading cell, then its content cell, in document order
    assert resume.text.index("SKILLS") < resume.text.index("Kubernetes") < resume.text.index("EXPERIENCE")


def test_content_controls_text_box_header_footer_docx() -> None:
    resume = read("content_controls.docx")
    text = resume.text
    lines = text.split("\n")
    assert lines[0] == "Morgan Quill — morgan.quill@example.com"  # header first
    assert lines[-1] == "References available on request"  # footer last
    assert "• Ran Kubernetes clusters for model serving." in lines  # inside w:sdt
    assert text.count("Terraform, Go, Prometheus") == 1  # text box read once (mc:Fallback skipped)
    assert "Certifications" in lines  # a word split across two runs is whole
    assert "Deletedword" not in text  # tracked deletions are not text
    assert "Interests: chess, climbing, Quillball" in lines  # w:sdt inside a table cell
    assert kinds(resume) == [K.EXPERIENCE, K.EDUCATION, K.SKILLS, K.CERTIFICATIONS]
    assert [(p.start, p.current) for p in resume.positions] == [(date(2019, 9, 1), True)]


@pytest.mark.parametrize("name", ["plain.txt", "utf8_bom.txt", "utf16.txt", "text_named.pdf"])
def test_text_encodings_give_the_same_resume(name: str) -> None:
    resume = read(name)
    reference = read("plain.txt")
    assert resume.format == "text"  # text_named.pdf: judged by content, not by extension
    assert resume.text == reference.text and resume.warnings == ()
    assert kinds(resume) == [K.SKILLS, K.EXPERIENCE, K.EDUCATION]
    assert resume.sections[1].heading == "SKILLS"  # run into its line: "SKILLS: Python, Java, SQL"


def test_undecodable_text_is_replaced_with_a_warning() -> None:
    resume = read("latin1.txt")
    assert resume.text.startswith("Casey L\ufffdn")
    assert resume.warnings == ("latin1.txt: text is not valid UTF-8; undecodable bytes were replaced",)


def test_markdown() -> None:
    resume = read("resume.md")
    assert resume.format == "markdown"
    assert kinds(resume) == [K.SUMMARY, K.SKILLS, K.EXPERIENCE, K.EDUCATION]
    assert next(s.heading for s in resume.sections if s.heading) == "Summary"
    assert resume.positions[0].title == "Data Scientist, Adventure Works"
    assert resume.positions[0].start == date(2020, 2, 1)


def test_every_date_format() -> None:
    resume = read("dates.txt")
    got = [(p.title.split(",")[1].strip(), p.start, p.end, p.current, p.kind.value) for p in resume.positions]
    assert got == [
        ("Alpha Corp", date(2020, 1, 1), TODAY, True, "work"),
        ("Beta LLC", date(2019, 1, 1), date(2021, 3, 1), False, "work"),
        ("Gamma Inc", date(2016, 1, 1), date(2018, 1, 1), False, "work"),
        ("Delta Co", date(2014, 3, 1), date(2015, 6, 1), False, "work"),
        ("Epsilon", date(2021, 1, 1), TODAY, True, "work"),
        ("Zeta Lab", date(2013, 6, 1), date(2013, 9, 1), False, "internship"),
        ("Eta Group", date(2022, 1, 1), TODAY, True, "work"),
        ("Theta", date(2012, 9, 1), date(2012, 12, 1), False, "work"),
        ("Iota", date(2011, 5, 1), date(2011, 11, 1), False, "work"),
        ("Kappa", date(2010, 6, 1), date(2010, 8, 1), False, "work"),
    ]
    # merged: 2019-01..2024-06 (65) + 2016-01..2018-01 (24) + 15 + 3 + 6 + 2 months; the internship alone
    assert resume.years_work == pytest.approx((65 + 24 + 15 + 3 + 6 + 2) / 12, abs=0.01)
    assert resume.years_internship == pytest.approx(0.25, abs=0.01)
    assert resume.years_experience == pytest.approx((65 + 24 + 15 + 3 + 6 + 2) / 12 + 0.125, abs=0.01)
    assert resume.reference_date == TODAY


def test_sections_cover_the_text_in_order() -> None:
    for name in ("one_column.pdf", "two_column.pdf", "table_layout.docx", "content_controls.docx", "dates.txt"):
        resume = read(name)
        assert resume.sections[0].start == 0 and resume.sections[-1].end == len(resume.text)
        for a, b in zip(resume.sections, resume.sections[1:], strict=False):
            assert a.end == b.start
        for s in resume.sections:
            assert s.text == resume.text[s.start : s.end]


def test_bytes_source_and_source_name() -> None:
    data = (FIXTURES / "one_column.pdf").read_bytes()
    resume = read_resume(data, today=TODAY)
    assert resume.source_name == "" and resume.format == "pdf"
    named = read_resume(data, today=TODAY, source_name="/some/where/cv.pdf")
    assert named.source_name == "cv.pdf"
    assert named.text == resume.text
    assert read_resume(str(FIXTURES / "one_column.pdf"), today=TODAY).source_name == "one_column.pdf"


def test_read_text_matches_read_resume() -> None:
    raw = (FIXTURES / "dates.txt").read_text()
    from_text = read_text(raw, today=TODAY, source_name="posting.txt")
    from_file = read("dates.txt")
    assert from_text.text == from_file.text and from_text.positions == from_file.positions
    assert from_text.source_name == "posting.txt" and from_text.format == "text"
    assert read_text("## Skills\nPython", format="markdown").format == "markdown"


def test_present_without_any_date_witness_is_today() -> None:
    resume = read_text("Experience\nEngineer, Acme | Present\nSkills\nPython\n")
    assert resume.reference_date == date(date.today().year, date.today().month, 1)
    assert resume.reference_source == "today"


def test_present_from_the_text_when_the_file_has_no_date() -> None:
    """The latest date written is a lower bound for when the resume was written; when it is the start of the
    current job, a year after it (never after today), with a warning saying so."""
    closed = read_text("Experience\nEngineer, Acme | Jan 2015 – Present\nAnalyst, Beta | 2012 – Mar 2016\n")
    assert (closed.reference_date, closed.reference_source) == (date(2016, 3, 1), "text")
    assert closed.years_experience == 4.17
    open_start = read_text("Experience\nEngineer, Acme | Jan 2015 – Present\n")
    assert open_start.reference_date == date(2016, 1, 1)
    assert any("'Present' read as 2016-01" in w for w in open_start.warnings)
    given = read_text("Experience\nEngineer, Acme | Jan 2015 – Present\n", today=date(2020, 1, 1))
    assert (given.reference_date, given.reference_source, given.years_experience) == (date(2020, 1, 1), "given", 5.0)


def test_bad_arguments() -> None:
    with pytest.raises(UsageError, match="unknown PDF engine 'mupdf'"):
        read_resume(FIXTURES / "one_column.pdf", pdf_engine="mupdf")
    with pytest.raises(UsageError, match="unknown format 'html'"):
        read_text("x", format="html")


def test_threads_read_pdfs_safely() -> None:
    """PDFium is not thread-safe; the reader serializes it, so parallel reads give the same text."""
    from concurrent.futures import ThreadPoolExecutor

    names = ["one_column.pdf", "two_column.pdf", "blank_page.pdf"] * 4
    expected = {name: read(name).text for name in set(names)}
    with ThreadPoolExecutor(max_workers=4) as pool:
        texts = list(pool.map(lambda name: read(name).text, names))
    assert texts == [expected[name] for name in names]
