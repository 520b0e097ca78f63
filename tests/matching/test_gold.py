"""Micro precision and recall of the matcher against hand-made gold labels, printed and gated for every set.

- labelled: tests/data/labelled, resumes written for the project (the matcher was tuned on them);
- heldout: tests/data/heldout, written after tuning by someone who had not seen the matcher;
- blind: tests/data/blind, written and labelled from the annotation guide alone, without reading the matcher
  (measured on the original matcher and on this one before any tuning: see tests/data/blind/README.md);
- blind2: tests/data/blind2, 18 PDF/DOCX/TXT/MD resumes written the same way later (tests/data/blind2/README.md);
- blind3: tests/data/blind3, 16 more, aimed at real resumes' mess (tests/data/blind3/README.md);
- blind4: tests/data/blind4, 16 more, other people and date forms again (tests/data/blind4/README.md);
- blind5: tests/data/blind5, 16 more, held out in session 5 and tuned on since (tests/data/blind5/README.md);
- blind6: tests/data/blind6, 16 held out in session 7, a tuning set since session 9 (tests/data/blind6/README.md);
- blind7: tests/data/blind7, 16 held out in session 9 until measured, then a tuning set (tests/data/blind7/README.md);
- blind8: tests/data/blind8, 16 held out in session 9, measured at its start and end (tests/data/blind8/README.md);
- blind9: tests/data/blind9, 16 written blind for session 10, measured on its start, then tuned on;
- blind10: tests/data/blind10, 16 held out in session 10, measured at its start and end (tests/data/blind10/README.md);
- real-older / real-newer: ../shared/real-resumes (personal data, never copied into the repo; skipped when absent),
  split by tests/data/real-sets.tsv into the 13 the matcher was tuned on and the 9 readable ones added later.
Found = skills seen directly (implied ones do not count, as the annotation guide says), mapped to the names of the
shared minimum list (as scripts/eval_matching.py counts them). Each set is gated a little below the level measured
when its gate was set, so a change that loses ground on any set fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gapcheck.knowledge import load_taxonomy
from gapcheck.matching import match_skills
from gapcheck.matching.evaluation import Totals, found_names, read_gold, score_file, totals, vocabulary_map
from gapcheck.reading import read_resume

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"
REAL = REPO.parent / "shared" / "real-resumes"
MINIMUM = REPO.parent / "shared" / "skill-minimum.tsv"

# set -> (folder, gold file, minimum files, minimum precision, minimum explicit recall, minimum recall of all labels)
SETS: dict[str, tuple[Path, Path, int, float, float, float]] = {
    # 0.96: five matches its gold leaves out that the annotation guide's rules give ("Explained model behaviour to
    # regulators", "explaining ... to non-technical", "Speaker at a meetup", "wrote up ... for an audience",
    # "text classifier for SMS spam"), kept since the other sets' labellers label them
    "labelled": (DATA / "labelled", DATA / "labelled" / "gold.tsv", 20, 0.96, 0.99, 0.99),
    # after the paraphrases people write (session 5): heldout 0.977 / 1.000 / 0.991, blind 0.983 / 0.996 / 0.942
    # after the forms any resume may write (session 6): heldout unchanged, blind 0.983 / 1.000 / 0.964
    "heldout": (DATA / "heldout", DATA / "heldout" / "gold.tsv", 8, 0.97, 0.98, 0.98),
    "blind": (DATA / "blind", DATA / "blind" / "gold.tsv", 16, 0.97, 0.99, 0.955),
    # measured before anyone looked at it: 0.939 / 0.977 / 0.868 (tests/data/blind2/README.md, "Measured")
    # after the skill phrases and the list negations: 0.956 / 0.983 / 0.932
    # after the paraphrases people write (session 5): 0.955 / 0.997 / 0.970
    # after the forms any resume may write (session 6): 0.956 / 0.997 / 0.982
    "blind2": (DATA / "blind2", DATA / "blind2" / "gold.tsv", 18, 0.945, 0.99, 0.975),
    # measured before anyone looked at it: 0.979 / 0.931 / 0.839 (tests/data/blind3/README.md, "Measured")
    # after the paraphrases people write (session 5): 0.981 / 0.972 / 0.930
    # after the forms any resume may write (session 6): 0.982 / 0.994 / 0.971
    "blind3": (DATA / "blind3", DATA / "blind3" / "gold.tsv", 16, 0.95, 0.985, 0.96),
    # measured before anyone looked at it: 0.971 / 0.964 / 0.887 (tests/data/blind4/README.md, "Measured")
    # after the paraphrases people write (session 5): 0.972 / 0.979 / 0.951
    # after the forms any resume may write (session 6): 0.976 / 0.994 / 0.983
    "blind4": (DATA / "blind4", DATA / "blind4" / "gold.tsv", 16, 0.95, 0.985, 0.975),
    # held out: measured before anyone looked at it: 0.977 / 0.956 / 0.873 (tests/data/blind5/README.md, "Measured");
    # tuned on in session 6 (its misses studied with every other set's): 0.979 / 0.990 / 0.972
    "blind5": (DATA / "blind5", DATA / "blind5" / "gold.tsv", 16, 0.95, 0.98, 0.96),
    # held out: measured before anyone looked at it: 0.967 / 0.983 / 0.866 (tests/data/blind6/README.md, "Measured");
    # tuned on in session 9 (its misses studied with every other set's; three Neural networks labels added for
    # "Deep Learning" as the real resumes' labels read it): 0.985 / 1.000 / 0.937
    "blind6": (DATA / "blind6", DATA / "blind6" / "gold.tsv", 16, 0.97, 0.99, 0.92),
    # measured before anyone looked at it: 0.980 / 0.913 / 0.816 (tests/data/blind7/README.md, "Measured")
    "blind7": (DATA / "blind7", DATA / "blind7" / "gold.tsv", 16, 0.96, 0.90, 0.80),
    # held out: measured before anyone looked at it: 0.971 / 0.987 / 0.897 (tests/data/blind8/README.md, "Measured");
    # a change that fails this lowered the estimate for unseen resumes: do not tune on these files
    "blind8": (DATA / "blind8", DATA / "blind8" / "gold.tsv", 16, 0.95, 0.97, 0.87),
    # written blind, measured on session 10's start before anyone looked at it: 0.963 / 0.977 / 0.843
    # (tests/data/blind9/README.md, "Measured"), then a tuning set
    "blind9": (DATA / "blind9", DATA / "blind9" / "gold.tsv", 16, 0.94, 0.96, 0.82),
    # held out: measured on session 10's start and end, nobody having seen it: 0.971 / 0.971 / 0.854 at the start,
    # 0.972 / 0.971 / 0.867 at the end (tests/data/blind10/README.md, "Measured"); do not tune on these files
    "blind10": (DATA / "blind10", DATA / "blind10" / "gold.tsv", 16, 0.95, 0.95, 0.84),
    "real-older": (REAL, REAL / "gold-skills.tsv", 13, 0.99, 0.99, 0.99),
    # real-newer after the forms any resume may write (session 6): 0.972 / 1.000 / 0.995
    "real-newer": (REAL, REAL / "gold-skills.tsv", 9, 0.96, 0.99, 0.985),
}


def _real_subset(name: str) -> set[str]:
    rows = [ln.split("\t") for ln in (DATA / "real-sets.tsv").read_text(encoding="utf-8").splitlines()]
    return {row[0] for row in rows[1:] if row[0] and not row[0].startswith("#") and f"real-{row[1]}" == name}


def _measure(name: str, folder: Path, gold_file: Path) -> Totals:
    taxonomy = load_taxonomy()
    golds = read_gold(gold_file)
    if name.startswith("real-"):
        subset = _real_subset(name)
        golds = {file: gold for file, gold in golds.items() if file in subset}
    names = {label for gold in golds.values() for label in gold.labels}
    if MINIMUM.is_file():  # a skill of the minimum list found but not labelled is a false positive
        lines = [ln for ln in MINIMUM.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
        names |= {ln.split("\t")[0] for ln in lines[1:]}
    vocab = vocabulary_map(taxonomy, names)
    assert set(vocab.values()) == names, f"names the taxonomy does not cover: {names - set(vocab.values())}"
    scores = []
    for file, gold in sorted(golds.items()):
        path = folder / file
        assert path.is_file(), f"gold names a missing file: {file}"
        scores.append(score_file(gold, found_names(match_skills(read_resume(path), taxonomy), vocab)))
    return totals(scores)


@pytest.mark.parametrize("name", list(SETS))
def test_precision_and_recall(name: str) -> None:
    folder, gold_file, min_files, min_precision, min_explicit, min_recall = SETS[name]
    if not gold_file.is_file():
        pytest.skip(f"{gold_file} is absent")
    t = _measure(name, folder, gold_file)
    print(
        f"\n{name}: files={t.files} precision={t.precision:.3f} explicit recall={t.explicit_recall:.3f} "
        f"recall(all)={t.recall:.3f} (TP={t.true_positives} FP={t.false_positives} FN={t.false_negatives})"
    )
    assert t.files >= min_files
    assert t.precision >= min_precision, f"{name}: precision {t.precision:.3f} < {min_precision}"
    assert t.explicit_recall >= min_explicit, f"{name}: explicit recall {t.explicit_recall:.3f} < {min_explicit}"
    assert t.recall >= min_recall, f"{name}: recall {t.recall:.3f} < {min_recall}"
