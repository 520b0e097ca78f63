"""The written date's shortcuts read what the full reading reads: each section's date lines taken from the text's
(history.located_date_lines), and a line passed over only when no date in it can be later than the latest found."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from gapcheck.reading import read_resume
from gapcheck.reading.history import DATE_POINT, date_lines, located_date_lines, point_of
from gapcheck.reading.model import Section, SectionKind
from gapcheck.reading.sections import split_sections
from gapcheck.reading.written import _latest_year, _section_lines, latest_text_date

DATA = Path(__file__).resolve().parents[1] / "data"
RESUMES = sorted(
    p
    for p in DATA.glob("*/*")
    if p.suffix in (".txt", ".md", ".pdf", ".docx") and p.name != "README.md" and p.parent.name != "blind7"
)
CLOCK = date(2026, 12, 1)


def _texts() -> list[str]:
    return [read_resume(p, today=CLOCK).text for p in RESUMES]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _texts()


def test_a_section_has_the_date_lines_of_the_text_that_start_in_it(texts: list[str]) -> None:
    assert len(texts) > 100  # the resumes of every set
    for text in texts:
        located = located_date_lines(text)
        assert [line for _, line in located] == date_lines(text)
        starts = [start for start, _ in located]
        for section in split_sections(text):
            assert _section_lines(text, section, located, starts) == date_lines(section.text)


def test_a_section_that_does_not_start_at_a_line_break_finds_its_own_lines() -> None:
    text = "Acme 2019 - 2021\nBeta 2022 - 2023\n"
    located = located_date_lines(text)
    cut = Section(SectionKind.EXPERIENCE, "", 5, len(text), text[5:])  # inside the first line
    assert _section_lines(text, cut, located, [s for s, _ in located]) == ["2019 - 2021", "Beta 2022 - 2023"]


def test_no_date_of_a_line_is_later_than_its_latest_year(texts: list[str]) -> None:
    lines = [line for text in texts for line in date_lines(text)]
    lines += ["Jan '21 – Mar '23", "12.03.2019 - 2024-06-15", "Q3 2022 to H1 2024", "Summer 2019, 2021", "19601"]
    for line in lines:
        points = [found[0][0] for match in DATE_POINT.finditer(line) if (found := point_of(match)) is not None]
        assert max(points, default=0) <= _latest_year(line), line


def test_the_latest_date_is_the_same_from_the_text_s_lines_and_from_each_section_s(texts: list[str]) -> None:
    for text in texts:
        sections = split_sections(text)
        assert latest_text_date(text, sections, CLOCK, located_date_lines(text)) == latest_text_date(
            text, sections, CLOCK
        )


def test_a_line_of_the_latest_year_so_far_is_still_read_for_its_month() -> None:
    jobs = "Experience\nData Engineer, Acme  Jan 2021 – Mar 2021\nAnalyst, Beta  2019 – 2020\n"
    text = jobs + "Talk at PyData, Jun 2021\n"  # the year of the latest date so far, a later month
    assert latest_text_date(text, split_sections(text), CLOCK) == date(2021, 6, 1)
    text = jobs + "Paper, Feb 2021\n"
    assert latest_text_date(text, split_sections(text), CLOCK) == date(2021, 3, 1)
