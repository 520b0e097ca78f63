"""The reader on the hand-labelled synthetic set (tests/data/labelled, helper E's): years of professional work
against its gold-years.tsv, and an experience section found in every file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from gapcheck.reading import SectionKind, read_resume

LABELLED = Path(__file__).resolve().parents[1] / "data" / "labelled"
GOLD_FILE = LABELLED / "gold-years.tsv"


def _gold() -> list[tuple[str, float, date]]:
    if not GOLD_FILE.is_file():
        return []
    rows = []
    for line in GOLD_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith(("#", "file\t")):
            continue
        name, years, ref = line.split("\t")[:3]
        year, month = map(int, ref.split("-"))
        rows.append((name, float(years), date(year, month, 1)))
    return rows


GOLD = _gold()


@pytest.mark.skipif(not GOLD, reason="tests/data/labelled/gold-years.tsv is absent")
@pytest.mark.parametrize(("name", "years", "today"), GOLD, ids=[row[0] for row in GOLD])
def test_years_and_experience_section(name: str, years: float, today: date) -> None:
    resume = read_resume(LABELLED / name, today=today)
    assert SectionKind.EXPERIENCE in {s.kind for s in resume.sections}
    assert resume.years_experience is not None
    assert abs(resume.years_experience - years) <= 0.4
