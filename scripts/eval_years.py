"""Measure the years of professional work the reader finds against gold-years.tsv, resume by resume.

    python scripts/eval_years.py                 # every set that has a gold-years.tsv
    python scripts/eval_years.py --set blind2    # one set: real, or a set of scripts/datasets.py

Years are right when within max(1 year, 25%) of gold, read twice: with the gold ref_date as "Present", and with
the date gapcheck infers itself (the file's own date, dates in the text, else today), which is what a user gets.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import datasets

from gapcheck.errors import GapcheckError
from gapcheck.reading import read_resume
from gapcheck.scoring.evaluation import read_gold_years, years_right

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
SETS = datasets.with_gold("gold-years.tsv")


@dataclass(frozen=True)
class YearsScore:
    file: str
    gold: float
    given: float | None  # read with the gold ref_date
    own: float | None  # read with the date gapcheck infers
    own_date: str

    @property
    def given_right(self) -> bool:
        return years_right(self.given, self.gold)

    @property
    def own_right(self) -> bool:
        return years_right(self.own, self.gold)


def measure(folder: Path, files: list[str] | None = None) -> list[YearsScore]:
    out: list[YearsScore] = []
    for file, (gold, ref) in sorted(read_gold_years(folder / "gold-years.tsv").items()):
        if files and file not in files:
            continue
        try:
            given, own = read_resume(folder / file, today=ref), read_resume(folder / file)
        except GapcheckError:  # e.g. a file without a text layer
            continue
        out.append(YearsScore(file, gold, given.years_experience, own.years_experience,
                              f"{own.reference_date:%Y-%m} {own.reference_source}"))
    return out


def show(name: str, scores: list[YearsScore]) -> None:
    for s in scores:
        mark = "=" if s.given_right and s.own_right else ("~" if s.given_right or s.own_right else "X")
        print(f"{mark} {s.file:55} gold {s.gold:5.1f}  read {s.given!s:>6}  own date {s.own!s:>6} ({s.own_date})")
    given = sum(s.given_right for s in scores)
    own = sum(s.own_right for s in scores)
    print(f"{name}: years right {given}/{len(scores)} with the gold date, {own}/{len(scores)} with gapcheck's own")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--set", choices=sorted(SETS), action="append")
    parser.add_argument("--files", nargs="*")
    args = parser.parse_args(argv)
    for name in args.set or list(SETS):
        folder = SETS[name]
        if not (folder / "gold-years.tsv").is_file():
            print(f"{name}: {folder} has no gold-years.tsv; skipped", file=sys.stderr)
            continue
        show(name, measure(folder, args.files))
    return 0


if __name__ == "__main__":
    sys.exit(main())
