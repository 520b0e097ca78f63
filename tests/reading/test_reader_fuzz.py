"""Damaged or arbitrary input never escapes as anything but a GapcheckError (or a Resume)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gapcheck.errors import GapcheckError
from gapcheck.reading import Resume, read_resume

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SOURCES = {name: (FIXTURES / name).read_bytes() for name in ("one_column.pdf", "table_layout.docx", "plain.txt")}


def _read(data: bytes, name: str, engine: str = "auto") -> None:
    try:
        resume = read_resume(data, source_name=name, pdf_engine=engine)
    except GapcheckError as error:
        assert error.message.startswith(f"{name}: ")
        assert "\n" not in error.message
    else:
        assert isinstance(resume, Resume)
        assert resume.sections[0].start == 0 and resume.sections[-1].end == len(resume.text)


@given(st.binary(max_size=2048), st.sampled_from(["cv.pdf", "cv.docx", "cv.txt", "cv"]))
@settings(max_examples=150, deadline=None)
def test_arbitrary_bytes(data: bytes, name: str) -> None:
    _read(data, name)


@given(
    st.sampled_from(sorted(SOURCES)),
    st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=0, max_value=255)), min_size=1, max_size=8),
    st.sampled_from(["pypdfium2", "pypdf"]),
)
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_damaged_documents(name: str, flips: list[tuple[int, int]], engine: str) -> None:
    data = bytearray(SOURCES[name])
    for position, value in flips:
        data[position % len(data)] = value
    _read(bytes(data), name, engine)


@given(st.sampled_from(sorted(SOURCES)), st.floats(min_value=0.0, max_value=0.99))
@settings(max_examples=60, deadline=None)
def test_truncated_documents(name: str, keep: float) -> None:
    data = SOURCES[name]
    _read(data[: int(len(data) * keep)], name)


_PIECES = st.sampled_from(
    [
        "Experience",
        "EDUCATION",
        "Skills:",
        "Engineer, Acme |",
        "Intern",
        "Jan 2020",
        "–",
        "-",
        "to",
        "Present",
        "2019",
        "03/2018",
        "Summer 2017",
        "Since 2021",
        "June - August 2016",
        "•",
        "6+ years of experience",
        "\n",
        "\n\n",
        " ",
    ]
)


@given(st.lists(_PIECES | st.text(max_size=12), max_size=60))
@settings(max_examples=200, deadline=None)
def test_read_text_history_is_consistent(pieces: list[str]) -> None:
    from datetime import date

    from gapcheck.errors import EmptyDocumentError
    from gapcheck.reading import read_text

    today = date(2024, 6, 1)
    try:
        resume = read_text(" ".join(pieces), today=today)
    except EmptyDocumentError:
        return
    for position in resume.positions:
        assert position.start <= position.end <= today
        assert position.months >= 0
        assert 0 <= position.span_start <= position.span_end <= len(resume.text)
        section = resume.section_at(position.span_start)
        assert section is not None and section.kind.value == "experience"
    assert resume.years_work >= 0 and resume.years_internship >= 0
    if resume.years_experience is not None and resume.years_stated is None:
        assert resume.years_experience == round(resume.years_work + resume.years_internship / 2, 2)


_ANY_CHARACTER = st.characters(exclude_categories=())  # lone surrogates included: Hypothesis leaves them out
_HOSTILE_PIECES = st.sampled_from(
    ["Python", "PyTorch", "SKILLS", "no experience with", "familiar with", "=" * 300, "!?#*" * 40, "(" * 200,
     "> " * 50, " " * 500, "\n" * 40, "\t", "\u202e", "\ud800", "\udfff", "\x00", "\x1b[2J", "a\u0301" * 50]
)


@given(st.lists(_HOSTILE_PIECES | st.text(_ANY_CHARACTER, max_size=40), max_size=30))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_analyze_text_never_crashes(pieces: list[str]) -> None:
    """Arbitrary text (surrogates, controls, punctuation runs) gives a report or a GapcheckError, nothing else."""
    from gapcheck.analysis import analyze_text

    try:
        report = analyze_text("".join(pieces))
    except GapcheckError as error:
        assert "\n" not in error.message
    else:
        assert report.source.characters >= 0
        for skill in report.skills:
            for evidence in skill.evidence:
                evidence.text.encode("utf-8")  # every string of the report is encodable


@given(st.text(_ANY_CHARACTER, max_size=300), st.sampled_from(["cv.txt", "cv.md", "cv"]))
@settings(max_examples=100, deadline=None)
def test_arbitrary_text_files(text: str, name: str) -> None:
    """Text files in every encoding error there is: bytes written with surrogatepass, so lone surrogates too."""
    _read(text.encode("utf-8", "surrogatepass"), name)
    _read(text.encode("utf-16-le", "surrogatepass"), name)
