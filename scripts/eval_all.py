"""Every quality figure on every set, as one table: skill matching, years, and the advice against the judges.

    python scripts/eval_all.py                   # every set of scripts/datasets.py, and real (those present)
    python scripts/eval_all.py --set blind2      # one set (repeatable)

A row per set: matching precision / explicit recall / recall of all labels (TP FP FN); years right (within
max(1 year, 25%) of gold) read with the gold ref_date and with gapcheck's own date; level equal to a judge's,
within one, and the mean share of a judge's top five among our first five gaps. "-": the set has no such gold.
The per-resume figures behind each cell: scripts/eval_matching.py, eval_years.py, eval_advice.py.
"""

from __future__ import annotations

import argparse
import sys

import datasets
import eval_advice
import eval_matching
import eval_years

from gapcheck.knowledge import load_taxonomy
from gapcheck.matching.evaluation import totals
from gapcheck.scoring.evaluation import advice_totals

SETS = (*datasets.synthetic(), "real")


def matching_cell(name: str) -> str:
    taxonomy = load_taxonomy()
    items = list(eval_matching.load_set(name))
    if not items:
        return "-"
    t = totals(eval_matching.evaluate(taxonomy, items, show=False, quiet=True))
    return (f"{t.precision:.3f} / {t.explicit_recall:.3f} / {t.recall:.3f} "
            f"({t.true_positives} {t.false_positives} {t.false_negatives})")


def years_cell(name: str) -> str:
    folder = eval_years.SETS.get(name)
    if folder is None or not (folder / "gold-years.tsv").is_file():
        return "-"
    scores = eval_years.measure(folder)
    n = len(scores)
    return f"{sum(s.given_right for s in scores)}/{n} · {sum(s.own_right for s in scores)}/{n}"


def advice_cell(name: str) -> str:
    folder = eval_advice.SETS.get(name)
    if folder is None or not (folder / "gold-judgments.tsv").is_file():
        return "-"
    levels = [lv.id for lv in load_taxonomy().levels]
    t = advice_totals(eval_advice.measure(folder), levels)
    return f"{t.equal}/{t.files} / {t.within_one}/{t.files} / {t.overlap:.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--set", choices=SETS, action="append")
    args = parser.parse_args(argv)
    print("| set | matching P / explicit R / R (TP FP FN) | years right: gold date · own date "
          "| level equal / within one / top-5 overlap |")
    print("| --- | --- | --- | --- |")
    for name in args.set or SETS:
        rows = [name] if name != "real" else ["real-older", "real-newer", "real"]
        for i, row in enumerate(rows):
            last = i == len(rows) - 1
            years = years_cell(name) if last else ""
            advice = advice_cell(name) if last else ""
            print(f"| {row} | {matching_cell(row)} | {years} | {advice} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
