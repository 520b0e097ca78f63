"""Names of other things (degrees, companies, job titles, web addresses): the prefilters lose none."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gapcheck.matching import names

LABELLED = Path(__file__).resolve().parents[1] / "data" / "labelled"
TEXTS = sorted(p for p in LABELLED.glob("*") if p.suffix in {".txt", ".md"} and p.name != "README.md")
EDGES = (
    "Northwind Communications Inc.\nData Visualization Specialist\nAcme Ltd",  # first, middle and last line
    "Senior ML Engineer at Foo Bar LLC, 2021\n\nCommunications Assistant, Globex GmbH",  # two on one line
    "Inc\nEngineer\nLLC at the start of a line, Manager",  # the last words alone make no name
    "B.Sc. in Physics; xB.Sc. in Physics, .MSc Data\nBSc in Computer Science, 2019\nM.Sc. Statistics",  # degrees
    "BachelorBachelor of Science in Maths and Master of Engineering: Robotics",  # two words, one after the other
    "see https://x.org/a, www.Example.com and http://localhost:8080; me@x.org. github.com/jroe/llm-list",  # addresses
    "e-mail:a.b@c.co.uk (Acme.io/x) foo.COM\u00a0bar.io/x\ta.b.c.de, ML. Built: 3.5 x.y",  # in runs of non-spaces
)


def _whole_text(text: str) -> list[names.NameSpan]:
    """The companies and job titles the patterns find searching the whole text."""
    found = [names.NameSpan(m.start(), m.end(), "company") for m in names._COMPANY.finditer(text)]
    found += [names.NameSpan(m.start(), m.end(), "job title") for m in names._JOB_TITLE.finditer(text)]
    return sorted(found, key=lambda s: (s.start, s.end))


def _every_place(text: str) -> list[names.NameSpan]:
    """The degrees the pattern finds tried at every character, and the web addresses it finds in every run of
    non-spaces holding a dot, an "@" or a colon."""
    found = [names.NameSpan(m.start(), m.end(), "degree") for m in names._DEGREE.finditer(text)]
    for chunk in re.finditer(r"(?<!\S)[^\s.@:]*+[.@:]\S*", text):
        addresses = names._WEB_ADDRESS.finditer(text, *chunk.span())
        found += [names.NameSpan(m.start(), m.end(), "web address") for m in addresses]
    return sorted(found, key=lambda s: (s.start, s.end))


CASES = [*EDGES, *(p.read_text(encoding="utf-8") for p in TEXTS)]


@pytest.mark.parametrize("text", CASES)
def test_searching_only_the_lines_with_a_last_word_finds_every_company_and_title(text: str) -> None:
    kept = [s for s in names.name_spans(text) if s.kind in {"company", "job title"}]
    assert kept == _whole_text(text)


@pytest.mark.parametrize("text", CASES)
def test_trying_only_where_a_degree_word_or_an_address_mark_is_finds_every_degree_and_address(text: str) -> None:
    kept = [s for s in names.name_spans(text) if s.kind in {"degree", "web address"}]
    assert kept == _every_place(text)


def test_the_edges_hold_names_of_every_kind() -> None:
    found = [s for text in EDGES for s in names.name_spans(text)]
    assert {s.kind for s in found} == {"company", "job title", "degree", "web address"}
    assert sum(s.kind == "web address" for s in found) >= 8  # the comparisons above are not vacuous
