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
