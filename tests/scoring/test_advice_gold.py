"""The advice against expert judgments: the current level and the five skills most needed next.

(a) the real resumes in ../shared/real-resumes (two judges each, gold-judgments.tsv; personal data, never copied into
    the repo; skipped when absent): gated. Level within one of a judge's on every resume, equal to a judge's on at
    least 80%; mean top-5 overlap at least 0.8 times the judges' own agreement.
(b) the blind synthetic sets in tests/data/blind, blind2 and blind3 (one judge each, written and judged before
    gapcheck saw them): held-out checks, printed and held to looser floors.
Each resume is read with its gold-years.tsv ref_date as today. ``scripts/eval_advice.py`` prints every resume.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gapcheck import analyze
from gapcheck.knowledge import load_taxonomy
from gapcheck.scoring.evaluation import (
    AdviceScore,
    AdviceTotals,
    advice_totals,
    level_without_years,
    read_judgments,
    read_ref_dates,
    score_advice,
)

REPO = Path(__file__).resolve().parents[2]
REAL = REPO.parent / "shared" / "real-resumes"
BLIND = REPO / "tests" / "data" / "blind"
BLIND2 = REPO / "tests" / "data" / "blind2"
BLIND3 = REPO / "tests" / "data" / "blind3"
BLIND4 = REPO / "tests" / "data" / "blind4"
BLIND5 = REPO / "tests" / "data" / "blind5"
BLIND6 = REPO / "tests" / "data" / "blind6"
BLIND7 = REPO / "tests" / "data" / "blind7"
BLIND8 = REPO / "tests" / "data" / "blind8"
BLIND9 = REPO / "tests" / "data" / "blind9"
BLIND10 = REPO / "tests" / "data" / "blind10"


def _measure(folder: Path) -> tuple[list[AdviceScore], AdviceTotals]:
    taxonomy = load_taxonomy()
    levels = [lv.id for lv in taxonomy.levels]
    judgments = read_judgments(folder / "gold-judgments.tsv", taxonomy)
    dates = read_ref_dates(folder / "gold-years.tsv")
    scores = []
    for file, judged in sorted(judgments.items()):
        assert (folder / file).is_file(), f"judgments name a missing file: {file}"
        report = analyze(folder / file, today=dates[file])
        scores.append(score_advice(file, report.best_fit_level, [g.id for g in report.gaps[:5]], judged, levels))
    return scores, advice_totals(scores, levels)


def _print(name: str, t: AdviceTotals) -> None:
    print(f"\n{name} ({t.files} resumes) | gapcheck | the judges with each other ({t.judged_twice} judged twice)")
    print(f"level equal to a judge's | {t.equal}/{t.files} | {t.judges_equal}/{t.judged_twice}")
    print(f"level within one of a judge's | {t.within_one}/{t.files} | {t.judges_within_one}/{t.judged_twice}")
    print(f"top-5 gaps shared with a judge's (mean) | {t.overlap:.2f} | {t.judges_overlap:.2f}")


@pytest.mark.skipif(not (REAL / "gold-judgments.tsv").is_file(), reason="../shared/real-resumes is absent")
def test_real_resumes_advice_agrees_with_the_judges() -> None:
    scores, t = _measure(REAL)
    _print("real resumes", t)
    assert t.files >= 20 and t.judged_twice >= 20
    far = [s.file for s in scores if not s.within_one]
    assert not far, f"level more than one from both judges: {far}"
    assert all(s.level is not None for s in scores)
    assert t.equal >= 0.8 * t.files, f"level equal to a judge's on {t.equal}/{t.files}"
    assert t.overlap >= 0.8 * t.judges_overlap, f"top-5 overlap {t.overlap:.2f} < 0.8 x {t.judges_overlap:.2f}"


def test_blind_set_advice_agrees_with_the_judge() -> None:
    """Held out: written and judged blind (tests/data/blind/README.md). Floors well below the real set's gates."""
    scores, t = _measure(BLIND)
    _print("blind synthetic set", t)
    assert t.files >= 16
    assert all(s.level is not None for s in scores)
    assert t.within_one >= 0.75 * t.files
    assert t.overlap >= 0.3


def test_second_blind_set_advice_agrees_with_the_judge() -> None:
    """Measured before anyone looked at it: level equal 13/18, within one 18/18, top-5 overlap 0.37; floors a
    little below the figures reached since (tests/data/blind2/README.md, "Measured")."""
    scores, t = _measure(BLIND2)
    _print("second blind synthetic set", t)
    assert t.files >= 18
    assert all(s.level is not None for s in scores)
    assert t.within_one >= t.files - 1
    assert t.equal >= 0.7 * t.files, f"level equal to the judge's on {t.equal}/{t.files}"
    assert t.overlap >= 0.36, f"top-5 overlap {t.overlap:.2f}"


def test_third_blind_set_advice_agrees_with_the_judge() -> None:
    """Measured before anyone looked at it: level equal 11/16, within one 14/16, top-5 overlap 0.42
    (tests/data/blind3/README.md, "Measured"); floors a little below the figures reached since (14/16, 16/16,
    0.56)."""
    scores, t = _measure(BLIND3)
    _print("third blind synthetic set", t)
    assert t.files >= 16
    assert all(s.level is not None for s in scores)
    assert t.within_one >= 15, f"level within one of the judge's on {t.within_one}/{t.files}"
    assert t.equal >= 13, f"level equal to the judge's on {t.equal}/{t.files}"
    assert t.overlap >= 0.53, f"top-5 overlap {t.overlap:.2f}"


def test_fourth_blind_set_advice_agrees_with_the_judge() -> None:
    """Measured before anyone looked at it: level equal 5/16, within one 12/16, top-5 overlap 0.47, most misses
    from years not read (tests/data/blind4/README.md, "Measured"); floors a little below the figures reached since
    (14/16, 15/16, 0.67)."""
    scores, t = _measure(BLIND4)
    _print("fourth blind synthetic set", t)
    assert t.files >= 16
    assert all(s.level is not None for s in scores)
    assert t.within_one >= 14, f"level within one of the judge's on {t.within_one}/{t.files}"
    assert t.equal >= 13, f"level equal to the judge's on {t.equal}/{t.files}"
    assert t.overlap >= 0.64, f"top-5 overlap {t.overlap:.2f}"


def test_fifth_blind_set_advice_agrees_with_the_judge() -> None:
    """Held out: measured before anyone looked at it: level equal 8/16, within one 15/16, top-5 overlap 0.53
    (tests/data/blind5/README.md, "Measured"); floors a little below the figures reached since it became a tuning
    set (11/16, 16/16, 0.54)."""
    scores, t = _measure(BLIND5)
    _print("fifth blind synthetic set", t)
    assert t.files >= 16
    assert all(s.level is not None for s in scores)
    assert t.within_one >= 14, f"level within one of the judge's on {t.within_one}/{t.files}"
    assert t.equal >= 10, f"level equal to the judge's on {t.equal}/{t.files}"
    assert t.overlap >= 0.5, f"top-5 overlap {t.overlap:.2f}"


# With the years withheld (every resume placed as one whose dates cannot be read: the skills alone decide), the
# level within one of a judge's per set: what [scoring.skills_only] reached (before it, with the best fit: real 16,
# blind 13, blind2 16, blind3 9, blind4 7, blind5 14; 75/104). scripts/eval_advice.py --skills-only prints them.
# blind3 15 -> 13 and blind4 15 -> 14 (h5, session 6): the matcher's recall rose (blind3 0.930 -> 0.971, blind4 0.951
# -> 0.983, no new false positive on any set), and a resume showing more of its skills is placed higher by the
# skills-only thresholds tuned on the old recall (d02, d14, e14 a level above the judge); the thresholds want
# recalibrating on the new matches, not the matches lowering.
# Session 10 (h1): each level's mark counts in any order, at half of its rise (no walk ending at the first level that
# falls short): within one 127/152 -> 132/152 on the nine judged tuning sets (real 16 -> 19, blind 14, blind2 17 -> 15,
# blind3 13 -> 16, blind4 14, blind5 12 -> 14, blind6 15 -> 14, blind7 13 -> 14, blind9 13 -> 12), equal 69 -> 77;
# heads and directors who write no deployment words are no longer at the first level. blind2 loses c11 (a lead whose
# junior and mid marks are each under half shown) and c18 (a senior data scientist with one mark), blind6 f11 (a data
# scientist with none), blind9 one: resumes whose level the years carry, not the marks. Then the headline's title of
# the ladder as its rung (the dates withheld, not the words): 132 -> 135 (blind2 16, blind5 15, blind9 13), equal 81;
# and job titles read in the translations' languages: 136 (blind7 15, "Diretor de ... Inteligência Artificial"), 82.
# Floors one below the figures.
WITHOUT_YEARS = [
    (REAL, 18),
    (BLIND, 13),
    (BLIND2, 15),
    (BLIND3, 15),
    (BLIND4, 13),
    (BLIND5, 14),
    (BLIND6, 13),
    (BLIND7, 14),
    (BLIND8, 12),
    (BLIND9, 12),
    (BLIND10, 10),
]


@pytest.mark.parametrize(("folder", "floor"), WITHOUT_YEARS, ids=[f.name for f, _ in WITHOUT_YEARS])
def test_the_level_without_years_is_within_one_of_the_judges(folder: Path, floor: int) -> None:
    if not (folder / "gold-judgments.tsv").is_file():
        pytest.skip(f"{folder} is absent")
    taxonomy = load_taxonomy()
    levels = [lv.id for lv in taxonomy.levels]
    dates = read_ref_dates(folder / "gold-years.tsv")
    scores = [
        score_advice(file, level_without_years(folder / file, taxonomy, dates[file]), [], judged, levels)
        for file, judged in sorted(read_judgments(folder / "gold-judgments.tsv", taxonomy).items())
    ]
    t = advice_totals(scores, levels)
    assert t.within_one >= floor, f"{folder.name}: years withheld, level within one on {t.within_one}/{t.files}"


def test_sixth_blind_set_advice_agrees_with_the_judge() -> None:
    """Held out: measured before anyone looked at it: level equal 11/16, within one 15/16, top-5 overlap 0.46
    (tests/data/blind6/README.md, "Measured"); floors a little below. A change that fails this lowered the estimate
    for unseen resumes: do not tune on these files to make it pass."""
    scores, t = _measure(BLIND6)
    _print("sixth blind synthetic set (held out)", t)
    assert t.files >= 16
    assert all(s.level is not None for s in scores)
    assert t.within_one >= 14, f"level within one of the judge's on {t.within_one}/{t.files}"
    assert t.equal >= 9, f"level equal to the judge's on {t.equal}/{t.files}"
    assert t.overlap >= 0.42, f"top-5 overlap {t.overlap:.2f}"


def test_seventh_blind_set_advice_agrees_with_the_judge() -> None:
    """Measured before anyone looked at it: level equal 7/16, within one 13/16, top-5 overlap 0.38; years withheld,
    within one 13/16 (tests/data/blind7/README.md, "Measured"); floors a little below."""
    scores, t = _measure(BLIND7)
    _print("seventh blind synthetic set", t)
    assert t.files >= 16
    assert all(s.level is not None for s in scores)
    assert t.within_one >= 12, f"level within one of the judge's on {t.within_one}/{t.files}"
    assert t.equal >= 6, f"level equal to the judge's on {t.equal}/{t.files}"
    assert t.overlap >= 0.34, f"top-5 overlap {t.overlap:.2f}"


def test_eighth_blind_set_advice_agrees_with_the_judge() -> None:
    """Held out: measured before anyone looked at it: level equal 13/16, within one 16/16, top-5 overlap 0.59; years
    withheld, within one 13/16 (tests/data/blind8/README.md, "Measured"); floors a little below. A change that fails
    this lowered the estimate for unseen resumes: do not tune on these files to make it pass."""
    scores, t = _measure(BLIND8)
    _print("eighth blind synthetic set (held out)", t)
    assert t.files >= 16
    assert all(s.level is not None for s in scores)
    assert t.within_one >= 15, f"level within one of the judge's on {t.within_one}/{t.files}"
    assert t.equal >= 11, f"level equal to the judge's on {t.equal}/{t.files}"
    assert t.overlap >= 0.54, f"top-5 overlap {t.overlap:.2f}"


def test_ninth_blind_set_advice_agrees_with_the_judge() -> None:
    """Measured on session 10's start before anyone looked at it: level equal 8/16, within one 12/16, top-5 overlap
    0.50; years withheld, within one 13/16 (tests/data/blind9/README.md, "Measured"); floors a little below."""
    scores, t = _measure(BLIND9)
    _print("ninth blind synthetic set", t)
    assert t.files >= 16
    assert all(s.level is not None for s in scores)
    assert t.within_one >= 11, f"level within one of the judge's on {t.within_one}/{t.files}"
    assert t.equal >= 7, f"level equal to the judge's on {t.equal}/{t.files}"
    assert t.overlap >= 0.45, f"top-5 overlap {t.overlap:.2f}"


def test_tenth_blind_set_advice_agrees_with_the_judge() -> None:
    """Held out: measured on session 10's start and end, nobody having seen it: level equal 12/16, within one 16/16,
    top-5 overlap 0.49 both times; years withheld, within one 12/16 and 11/16 (tests/data/blind10/README.md,
    "Measured"); floors a little below. A change that fails this lowered the estimate for unseen resumes: do not
    tune on these files to make it pass."""
    scores, t = _measure(BLIND10)
    _print("tenth blind synthetic set (held out)", t)
    assert t.files >= 16
    assert all(s.level is not None for s in scores)
    assert t.within_one >= 15, f"level within one of the judge's on {t.within_one}/{t.files}"
    assert t.equal >= 10, f"level equal to the judge's on {t.equal}/{t.files}"
    assert t.overlap >= 0.44, f"top-5 overlap {t.overlap:.2f}"
