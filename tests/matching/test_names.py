"""Names of other things (degrees, companies, job titles, web addresses): the line prefilter loses none."""

from __future__ import annotations

from pathlib import Path

import pytest

from gapcheck.matching import names

LABELLED = Path(__file__).resolve().parents[1] / "data" / "labelled"
TEXTS = sorted(p for p in LABELLED.glob("*") if p.suffix in {".txt", ".md"} and p.name != "README.md")
EDGES = (
    "Northwind Communications Inc.\nData Visualization Specialist\nAcme Ltd",  # first, middle and last line
    "Senior ML Engineer at Foo Bar LLC, 2021\n\nCommunications Assistant, Globex GmbH",  # two on one line
    "Inc\nEngineer\nLLC at the start of a line, Manager",  # the last words alone make no name
)


def _whole_text(text: str) -> list[names.NameSpan]:
    """The companies and job titles the patterns find searching the whole text."""
    found = [names.NameSpan(m.start(), m.end(), "company") for m in names._COMPANY.finditer(text)]
    found += [names.NameSpan(m.start(), m.end(), "job title") for m in names._JOB_TITLE.finditer(text)]
    return sorted(found, key=lambda s: (s.start, s.end))


@pytest.mark.parametrize("text", [*EDGES, *(p.read_text(encoding="utf-8") for p in TEXTS)])
def test_searching_only_the_lines_with_a_last_word_finds_every_company_and_title(text: str) -> None:
    kept = [s for s in names.name_spans(text) if s.kind in {"company", "job title"}]
    assert kept == _whole_text(text)


def test_the_edges_hold_names_of_both_kinds() -> None:
    kinds = {s.kind for text in EDGES for s in names.name_spans(text)}
    assert {"company", "job title"} <= kinds  # the comparison above is not vacuous
