"""Measure the advice (current level, first five gaps) against expert judgments, resume by resume.

    python scripts/eval_advice.py                # the real resumes (when present) and the blind sets
    python scripts/eval_advice.py --set real     # one set only: real, or a set of scripts/datasets.py
    python scripts/eval_advice.py --set real --files a.pdf b.docx   # some files of a set
    python scripts/eval_advice.py --set blind3 --summary           # and where the judges' skills rank, per skill
    python scripts/eval_advice.py --skills-only                    # every resume placed with its years withheld
    python scripts/eval_advice.py --undated                        # dates withheld, years kept as stated
    python scripts/eval_advice.py --set blind3 --judge-level       # gaps toward the first judge's next level

Sets: ../shared/real-resumes/ (gold-judgments.tsv, two judges; skipped when absent), tests/data/blind/ and
tests/data/blind2/ (one judge each; held out: measure on them before tuning, report that figure). Each resume is
read with its gold-years.tsv ref_date as today.
Per resume: our level and first five gaps beside each judge's level and top five (a shared skill is marked *), and
where our gaps rank the judge's skills that our first five miss ('skill@12'; '@-': not a gap of ours). With
--summary, after a set: how many of the judges' skills our order puts at ranks 1-5, 6-10, 11-20, 21+ or not at
all, and per skill how often a judge named it, how often our first five hold it, and how often only ours do.
With --skills-only, each resume is placed as if its years could not be read (no professional years, no dated
position: the skills alone decide), and per set only the level equal / within one of the judges' is printed, with
the files placed more than one level from every judge: how the placement of an undated resume holds up. With
--undated, the same with the reader's years kept as if stated ("6+ years of experience") and no dated position.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

import datasets

from gapcheck import analyze, match_skills, read_resume
from gapcheck.knowledge import load_taxonomy
from gapcheck.knowledge.model import Taxonomy
from gapcheck.scoring.evaluation import (
    AdviceScore,
    Judgment,
    advice_totals,
    level_undated,
    level_without_years,
    read_judgments,
    read_ref_dates,
    score_advice,
    where_judged_skills_rank,
)
from gapcheck.scoring.gaps import rank_gaps
from gapcheck.scoring.shown import shown_skills

REPO = Path(__file__).resolve().parents[1]
SETS = datasets.with_gold("gold-judgments.tsv")


def measure(
    folder: Path,
    files: list[str] | None = None,
    order: dict[str, list[str]] | None = None,
    judge_level: bool = False,
) -> list[AdviceScore]:
    """Each judged resume's score; ``order``, when given, receives each file's gap ids in our order. With
    ``judge_level``, the gaps are ranked as if the resume stood at the first judge's level, toward the judge's next
    level (our level is still ours): the order's errors apart from the level's."""
    taxonomy = load_taxonomy()
    levels = [lv.id for lv in taxonomy.levels]
    judgments = read_judgments(folder / "gold-judgments.tsv", taxonomy)
    dates = read_ref_dates(folder / "gold-years.tsv")
    out: list[AdviceScore] = []
    for file, judged in sorted(judgments.items()):
        if files and file not in files:
            continue
        report = analyze(folder / file, today=dates.get(file))
        gaps = [g.id for g in report.gaps]
        if judge_level:
            gaps = judged_gaps(folder / file, taxonomy, judged[0], dates.get(file))
        if order is not None:
            order[file] = gaps
        out.append(score_advice(file, report.best_fit_level, gaps[:5], judged, levels))
    return out


def judged_gaps(path: Path, taxonomy: Taxonomy, judged: Judgment, today: date | None) -> list[str]:
    """The resume's gap ids ranked as if it stood at the judge's current level, toward the judge's next level."""
    resume = read_resume(path, today=today)
    shown = shown_skills(taxonomy, match_skills(resume, taxonomy))
    target = taxonomy.level(judged.next_level)
    gaps = rank_gaps(taxonomy, target.expectations, shown, current=judged.current_level, target=target.id)
    return [g.id for g in gaps]


def measure_without_years(folder: Path, undated: bool = False) -> list[AdviceScore]:
    """Each judged resume's level when its years are withheld (the skills alone decide), or with ``undated`` when
    only its dates are (its years kept as a stated figure); no gaps."""
    taxonomy = load_taxonomy()
    levels = [lv.id for lv in taxonomy.levels]
    dates = read_ref_dates(folder / "gold-years.tsv")
    out: list[AdviceScore] = []
    for file, judged in sorted(read_judgments(folder / "gold-judgments.tsv", taxonomy).items()):
        placed = (level_undated if undated else level_without_years)(folder / file, taxonomy, dates.get(file))
        out.append(score_advice(file, placed, [], judged, levels))
    return out


def show_without_years(name: str, scores: list[AdviceScore], what: str = "years withheld") -> None:
    levels = [lv.id for lv in load_taxonomy().levels]
    t = advice_totals(scores, levels)
    far = [f"{s.file} ({s.level}; {', '.join(j.current_level for j in s.judgments)})"
           for s in scores if not s.within_one]  # fmt: skip
    print(f"{name}: {what}, {t.files} resumes; level equal to a judge's {t.equal}/{t.files}, within one "
          f"{t.within_one}/{t.files}" + (f"; further: {', '.join(far)}" if far else ""))


def _ranks(theirs: tuple[str, ...], ours: list[str]) -> str:
    """Where our gaps put a judge's skills that our first five miss: 'skill@12', or 'skill@-' when not a gap."""
    missed = [sid for sid in theirs if sid not in ours[:5]]
    return ", ".join(f"{sid}@{ours.index(sid) + 1 if sid in ours else '-'}" for sid in missed)


def show(name: str, scores: list[AdviceScore], order: dict[str, list[str]] | None = None) -> None:
    taxonomy = load_taxonomy()
    levels = [lv.id for lv in taxonomy.levels]
    for s in scores:
        mark = "=" if s.equal else ("~" if s.within_one else "X")
        print(f"\n{mark} {s.file}: ours {s.level}, judges {', '.join(j.current_level for j in s.judgments)}; "
              f"overlap {s.overlap:.2f}")
        theirs = {sid for j in s.judgments for sid in j.top5}
        print("    ours:    " + "; ".join(f"{sid}{'*' if sid in theirs else ''}" for sid in s.top5))
        for j in s.judgments:
            ranks = f"   (ours: {_ranks(j.top5, order[s.file])})" if order and s.file in order else ""
            print(f"    judge {j.judge}: " + "; ".join(f"{sid}{'*' if sid in s.top5 else ''}" for sid in j.top5)
                  + ranks)
    t = advice_totals(scores, levels)
    print(f"\n{name}: {t.files} resumes; level equal to a judge's {t.equal}/{t.files}, within one "
          f"{t.within_one}/{t.files}; mean top-5 overlap {t.overlap:.2f}")
    if t.judged_twice:
        print(f"{name}: the judges with each other ({t.judged_twice} resumes): equal {t.judges_equal}, "
              f"within one {t.judges_within_one}, top-5 overlap {t.judges_overlap:.2f}")


def summary(name: str, scores: list[AdviceScore], order: dict[str, list[str]]) -> None:
    buckets, tally = where_judged_skills_rank(scores, order)
    print(f"{name}: the judges' skills at our ranks " + ", ".join(f"{b} {n}" for b, n in buckets.items()))
    print(f"{name}: skill | named by a judge | in our first five | in ours only")
    for sid, t in sorted(tally.items(), key=lambda item: (-item[1].named - item[1].ours, item[0])):
        print(f"    {sid:30} {t.named:4} {t.ours:4} {t.ours_only:4}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--set", choices=sorted(SETS), action="append")
    parser.add_argument("--files", nargs="*")
    parser.add_argument("--summary", action="store_true", help="where the judges' skills rank, per skill")
    parser.add_argument("--skills-only", action="store_true", help="place every resume with its years withheld")
    parser.add_argument(
        "--undated",
        action="store_true",
        help="place every resume with its dates withheld and its years kept, as a stated figure",
    )
    parser.add_argument(
        "--judge-level",
        action="store_true",
        help="rank the gaps from the first judge's level toward the judge's next level",
    )
    args = parser.parse_args(argv)
    for name in args.set or list(SETS):
        folder = SETS[name]
        if not (folder / "gold-judgments.tsv").is_file():
            print(f"{name}: {folder} has no gold-judgments.tsv; skipped", file=sys.stderr)
            continue
        if args.skills_only or args.undated:
            what = "dates withheld, years kept" if args.undated else "years withheld"
            show_without_years(name, measure_without_years(folder, args.undated), what)
            continue
        order: dict[str, list[str]] = {}
        scores = measure(folder, args.files, order, args.judge_level)
        show(name, scores, order)
        if args.summary:
            summary(name, scores, order)
    return 0


if __name__ == "__main__":
    sys.exit(main())
