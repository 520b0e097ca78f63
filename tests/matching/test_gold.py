"""Micro precision and recall of the matcher against hand-made gold labels.

(a) the labelled set in tests/data/labelled (resumes written for the project, gold.tsv), and the held-out set in
    tests/data/heldout (written after tuning, by someone who had not seen the matcher);
(b) the real resumes in ../shared/real-resumes (personal data, never copied into the repo; skipped when absent).
Found = skills seen directly (implied ones do not count, as the annotation guide says), mapped to the names of the
shared minimum list. Fails below precision 0.95 or explicit recall 0.90; recall on all labels is printed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gapcheck.knowledge import load_taxonomy
from gapcheck.matching import match_skills
from gapcheck.matching.evaluation import Totals, found_names, read_gold, score_file, totals, vocabulary_map
from gapcheck.reading import read_resume

REPO = Path(__file__).resolve().parents[2]
LABELLED = REPO / "tests" / "data" / "labelled"
HELDOUT = REPO / "tests" / "data" / "heldout"
REAL = REPO.parent / "shared" / "real-resumes"

MIN_PRECISION = 0.95
MIN_EXPLICIT_RECALL = 0.90


def _measure(folder: Path, gold_file: Path) -> Totals:
    taxonomy = load_taxonomy()
    golds = read_gold(gold_file)
    names = {name for gold in golds.values() for name in gold.labels}
    vocab = vocabulary_map(taxonomy, names)
    assert set(vocab.values()) == names, f"gold names the taxonomy does not cover: {names - set(vocab.values())}"
    scores = []
    for file, gold in sorted(golds.items()):
        path = folder / file
        assert path.is_file(), f"gold names a missing file: {file}"
        scores.append(score_file(gold, found_names(match_skills(read_resume(path), taxonomy), vocab)))
    return totals(scores)


def _check(name: str, t: Totals) -> None:
    print(
        f"\n{name}: files={t.files} precision={t.precision:.3f} explicit recall={t.explicit_recall:.3f} "
        f"recall(all)={t.recall:.3f} (TP={t.true_positives} FP={t.false_positives} FN={t.false_negatives})"
    )
    assert t.precision >= MIN_PRECISION, f"{name}: precision {t.precision:.3f} < {MIN_PRECISION}"
    assert t.explicit_recall >= MIN_EXPLICIT_RECALL, f"{name}: explicit recall {t.explicit_recall:.3f}"


def test_labelled_set_precision_and_recall() -> None:
    gold = LABELLED / "gold.tsv"
    if not gold.is_file():
        pytest.skip("tests/data/labelled/gold.tsv not written yet")
    t = _measure(LABELLED, gold)
    assert t.files >= 15
    _check("labelled", t)


def test_heldout_set_precision_and_recall() -> None:
    """Resumes written after the matcher was tuned (tests/data/heldout/README.md): a check on generalization."""
    t = _measure(HELDOUT, HELDOUT / "gold.tsv")
    assert t.files >= 8
    _check("held-out", t)


@pytest.mark.skipif(not (REAL / "gold-skills.tsv").is_file(), reason="../shared/real-resumes is absent")
def test_real_resumes_precision_and_recall() -> None:
    t = _measure(REAL, REAL / "gold-skills.tsv")
    assert t.files >= 10
    _check("real resumes", t)
