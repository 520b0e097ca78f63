"""Measure the skill matcher against gold labels: per-resume false positives / negatives, then micro P/R.

    python scripts/eval_matching.py                 # the labelled set, and the real resumes when present
    python scripts/eval_matching.py --set heldout   # one set: any of scripts/datasets.py, real-older,
                                                    # real-newer, real
    python scripts/eval_matching.py --fuzzy-curve   # precision/recall for a range of fuzzy thresholds
    python scripts/eval_matching.py --show          # also print the matched phrase of each false positive

Sets: the folders of tests/data with a gold.tsv (scripts/datasets.py), and ../shared/real-resumes/
(gold-skills.tsv, read with read_resume; skipped when absent), split by tests/data/real-sets.tsv into the 13 older
ones the matcher was tuned on and the 9 newer readable ones. Found = skills seen directly (not implied) that map to a
name of the shared minimum list.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

import datasets

from gapcheck.knowledge import load_taxonomy
from gapcheck.knowledge.model import Taxonomy
from gapcheck.matching import SkillMatcher, match_skills, matcher_for
from gapcheck.matching.evaluation import (
    FileScore,
    Gold,
    found_names,
    read_gold,
    score_file,
    totals,
    vocabulary_map,
)
from gapcheck.matching.model import SkillMatch
from gapcheck.reading import read_resume
from gapcheck.reading.model import Resume

REPO = Path(__file__).resolve().parents[1]
REAL_SETS = REPO / "tests" / "data" / "real-sets.tsv"
REAL = REPO.parent / "shared" / "real-resumes"
FOLDERS = datasets.synthetic()  # tests/data/*/gold.tsv: labelled, heldout (written after tuning), the blind sets
SETS = (*FOLDERS, "real-older", "real-newer")
MINIMUM = REPO.parent / "shared" / "skill-minimum.tsv"


def minimum_names(gold_names: set[str]) -> set[str]:
    if MINIMUM.is_file():
        lines = [ln for ln in MINIMUM.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
        return {ln.split("\t")[0] for ln in lines[1:]}
    return gold_names


def real_subset(name: str) -> set[str] | None:
    """The real-resume files of ``name`` ("older" | "newer") per tests/data/real-sets.tsv; None: all of them."""
    if name == "real" or not REAL_SETS.is_file():
        return None
    rows = [ln.split("\t") for ln in REAL_SETS.read_text(encoding="utf-8").splitlines() if ln and ln[0] != "#"]
    return {row[0] for row in rows[1:] if f"real-{row[1]}" == name}


def load_set(name: str) -> Iterator[tuple[str, Resume, dict[str, str]]]:
    folders = FOLDERS
    if name in folders:
        folder = folders[name]
        gold_file = folder / "gold.tsv"
    else:
        folder, gold_file = REAL, REAL / "gold-skills.tsv"
    if not gold_file.is_file():
        return
    subset = None if name in folders else real_subset(name)
    for file, gold in sorted(read_gold(gold_file).items()):
        path = folder / file
        if path.is_file() and (subset is None or file in subset):
            yield file, read_resume(path), dict(gold.labels)


def evaluate(
    taxonomy: Taxonomy, items: list[tuple[str, Resume, dict[str, str]]], show: bool, quiet: bool = False
) -> list[FileScore]:
    names = minimum_names({n for _, _, labels in items for n in labels})
    vocab = vocabulary_map(taxonomy, names)
    scores: list[FileScore] = []
    for file, resume, labels in items:
        matches = match_skills(resume, taxonomy)
        score = score_file(Gold(file, labels), found_names(matches, vocab))
        scores.append(score)
        if quiet or not (score.false_positives or score.false_negatives):
            continue
        print(f"  {file}")
        if score.false_positives:
            print(f"    FP: {', '.join(sorted(score.false_positives))}")
            if show:
                for line in _fp_evidence(matches, vocab, score.false_positives):
                    print(f"        {line}")
        if score.false_negatives:
            fn = [f"{n}{'' if labels[n] == 'explicit' else ' (para)'}" for n in sorted(score.false_negatives)]
            print(f"    FN: {', '.join(fn)}")
    return scores


def _fp_evidence(matches: tuple[SkillMatch, ...], vocab: dict[str, str], fps: frozenset[str]) -> Iterator[str]:
    for m in matches:
        if vocab.get(m.skill_id) in fps:
            for e in m.evidence:
                yield f"{m.name}: {e.method.value} {e.matched!r} [{e.section}] score={e.score}"


def report(name: str, scores: list[FileScore]) -> None:
    t = totals(scores)
    print(
        f"{name}: files={t.files} TP={t.true_positives} FP={t.false_positives} FN={t.false_negatives} "
        f"precision={t.precision:.3f} explicit recall={t.explicit_recall:.3f} ({t.explicit_found}/{t.explicit_total})"
        f" recall(all)={t.recall:.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=[*SETS, "real", "all"], default="all")
    parser.add_argument("--fuzzy-curve", action="store_true")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args(argv)
    taxonomy = load_taxonomy()
    sets = list(SETS) if args.set == "all" else [args.set]
    loaded = {name: list(load_set(name)) for name in sets}
    if args.fuzzy_curve:
        matcher: SkillMatcher = matcher_for(taxonomy)
        default = matcher.fuzzy.threshold
        print("threshold  " + "  ".join(f"{n}: P / explicit R / R" for n in sets))
        for threshold in (0.5, 0.55, 0.6, 0.65, 0.7, 0.72, 0.74, 0.76, 0.78, 0.8, 0.85, 0.9, 0.95, 1.01):
            matcher.fuzzy.threshold = threshold
            cells = []
            for name in sets:
                t = totals(evaluate(taxonomy, loaded[name], show=False, quiet=True))
                cells.append(f"{t.precision:.3f} / {t.explicit_recall:.3f} / {t.recall:.3f} (FP {t.false_positives})")
            print(f"{threshold:8.2f}   " + "   ".join(cells))
        matcher.fuzzy.threshold = default
        return 0
    for name in sets:
        if not loaded[name]:
            print(f"{name}: no files (folder absent)")
            continue
        print(f"== {name}")
        report(name, evaluate(taxonomy, loaded[name], show=args.show))
    return 0


if __name__ == "__main__":
    sys.exit(main())
