"""Scoring on the real taxonomy with constructed matches: coverage, cumulative levels, best fit, years, target."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from types import MappingProxyType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gapcheck.errors import UnknownLevelError
from gapcheck.knowledge import load_taxonomy
from gapcheck.knowledge.model import Importance, Taxonomy
from gapcheck.matching.model import Evidence, Method, SkillMatch, Strength
from gapcheck.report.advice import assessment
from gapcheck.scoring import coverage, level_by_years, score

TAXONOMY = load_taxonomy()
LEVEL_IDS = [lv.id for lv in TAXONOMY.levels]
STRENGTHS = list(Strength)


def match(skill_id: str, strength: Strength = Strength.DEMONSTRATED) -> SkillMatch:
    skill = TAXONOMY.skill(skill_id)
    section = {"demonstrated": "experience", "listed": "skills"}.get(str(strength), "summary")
    evidence = Evidence(
        section=section,
        text=f"Used {skill.name}",
        start=5,
        end=5 + len(skill.name),
        method=Method.IMPLIED if strength == Strength.IMPLIED else Method.EXACT,
        matched=skill.name,
        hedged=strength == Strength.HEDGED,
        implied_by="python" if strength == Strength.IMPLIED else None,
    )
    return SkillMatch(
        skill_id=skill.id, name=skill.name, category=skill.category, strength=strength, evidence=(evidence,)
    )


def matches_for(skill_ids: Iterable[str], strength: Strength = Strength.DEMONSTRATED) -> list[SkillMatch]:
    return [match(s, strength) for s in skill_ids]


def expected_ids(level_id: str) -> list[str]:
    return [e.skill_id for e in TAXONOMY.level(level_id).expectations]


def test_nothing_found_scores_zero_and_targets_the_first_level() -> None:
    scores = score(TAXONOMY, [], None)
    assert [s.level for s in scores.levels] == LEVEL_IDS
    assert all(s.coverage == 0.0 and s.required_coverage == 0.0 and not s.met for s in scores.levels)
    assert scores.best_fit_level is None
    assert scores.target_level == LEVEL_IDS[0]
    assert {g.id for g in scores.gaps} == set(expected_ids(LEVEL_IDS[0]))
    assert all(g.kind == "missing" for g in scores.gaps)


def test_everything_demonstrated_fits_the_top_level_with_no_gaps() -> None:
    every = {e.skill_id for lv in TAXONOMY.levels for e in lv.expectations}
    scores = score(TAXONOMY, matches_for(every), 12.0)
    assert all(s.coverage == 1.0 and s.required_coverage == 1.0 and s.met for s in scores.levels)
    assert scores.best_fit_level == LEVEL_IDS[-1]
    assert scores.target_level == LEVEL_IDS[-1]  # nothing after the top level
    assert scores.gaps == ()
    assert scores.plan == ()


@pytest.mark.parametrize("index", range(len(LEVEL_IDS) - 1))
def test_levels_are_cumulative_and_the_target_is_the_next_level(index: int) -> None:
    level_id = LEVEL_IDS[index]
    scores = score(TAXONOMY, matches_for(expected_ids(level_id)), None)
    by_level = {s.level: s for s in scores.levels}
    for lower in LEVEL_IDS[: index + 1]:
        assert by_level[lower].coverage == 1.0, lower  # everything a lower level expects is expected here too
        assert by_level[lower].met
    above = by_level[LEVEL_IDS[index + 1]]
    new_skills = set(expected_ids(LEVEL_IDS[index + 1])) - set(expected_ids(level_id))
    assert (above.coverage < 1.0) == bool(new_skills)  # the next level may only raise importances (lead)
    assert scores.best_fit_level in LEVEL_IDS[index:]
    best = LEVEL_IDS.index(scores.best_fit_level or "")
    assert scores.target_level == LEVEL_IDS[min(best + 1, len(LEVEL_IDS) - 1)]
    assert not scores.target.chosen
    # the gaps are exactly the next level's expectations that are not demonstrated
    target_ids = set(expected_ids(scores.target_level)) - set(expected_ids(level_id))
    assert {g.id for g in scores.gaps} == target_ids


def test_coverage_decreases_with_weaker_strength() -> None:
    order = [Strength.DEMONSTRATED, Strength.LISTED, Strength.MENTIONED, Strength.HEDGED]
    factors = TAXONOMY.scoring.strength_factors
    for level in TAXONOMY.levels:
        values = []
        for strength in sorted(STRENGTHS, key=lambda s: -factors[str(s)]):
            found = {m.skill_id: m for m in matches_for(expected_ids(level.id), strength)}
            values.append(coverage(TAXONOMY, level.expectations, found, required_only=False))
        assert values == sorted(values, reverse=True)
        assert values[0] == 1.0
    # with every expected skill at one strength, coverage is that strength's factor
    level = TAXONOMY.levels[-1]
    for strength in order:
        found = {m.skill_id: m for m in matches_for(expected_ids(level.id), strength)}
        assert coverage(TAXONOMY, level.expectations, found, required_only=False) == pytest.approx(
            factors[str(strength)], abs=1e-4
        )


@settings(max_examples=60, deadline=None)
@given(
    st.dictionaries(st.sampled_from(sorted(expected_ids("lead"))), st.sampled_from(STRENGTHS), max_size=40),
    st.sampled_from(sorted(expected_ids("lead"))),
)
def test_coverage_is_monotone_in_strength(chosen: dict[str, Strength], upgraded: str) -> None:
    """Raising one skill's strength (or adding it) never lowers any level's coverage."""
    before = score(TAXONOMY, [match(s, st_) for s, st_ in chosen.items()], None)
    after_map = dict(chosen)
    after_map[upgraded] = Strength.DEMONSTRATED
    after = score(TAXONOMY, [match(s, st_) for s, st_ in after_map.items()], None)
    for b, a in zip(before.levels, after.levels, strict=True):
        assert 0.0 <= b.coverage <= a.coverage <= 1.0
        assert 0.0 <= b.required_coverage <= a.required_coverage <= 1.0


def test_factors_are_data_not_constants() -> None:
    """Changing the taxonomy's strength factor for 'listed' changes a listed-only resume's coverage."""
    level = TAXONOMY.levels[0]
    found = {m.skill_id: m for m in matches_for(expected_ids(level.id), Strength.LISTED)}
    factors = dict(TAXONOMY.scoring.strength_factors)
    factors["listed"] = 0.25
    changed = dataclasses.replace(
        TAXONOMY, scoring=dataclasses.replace(TAXONOMY.scoring, strength_factors=MappingProxyType(factors))
    )
    assert coverage(changed, level.expectations, found, required_only=False) == pytest.approx(0.25, abs=1e-4)
    assert coverage(TAXONOMY, level.expectations, found, required_only=False) == pytest.approx(
        TAXONOMY.scoring.strength_factors["listed"], abs=1e-4
    )


def test_required_coverage_counts_required_expectations_only() -> None:
    level = TAXONOMY.levels[0]
    required = [e.skill_id for e in level.expectations if e.importance == Importance.REQUIRED]
    others = [e.skill_id for e in level.expectations if e.importance != Importance.REQUIRED]
    only_required = score(TAXONOMY, matches_for(required), None).levels[0]
    only_others = score(TAXONOMY, matches_for(others), None).levels[0]
    assert only_required.required_coverage == 1.0 and only_required.coverage < 1.0
    assert only_others.required_coverage == 0.0 and only_others.coverage > 0.0
    assert only_required.met and not only_others.met


def test_best_fit_threshold_comes_from_the_data() -> None:
    level = TAXONOMY.levels[0]
    required = [e for e in level.expectations if e.importance == Importance.REQUIRED]
    total = sum(e.weight for e in required)
    # demonstrate the heaviest required skills until just under / at the threshold
    chosen: list[str] = []
    weight = 0.0
    for exp in sorted(required, key=lambda e: (-e.weight, e.skill_id)):
        if (weight + exp.weight) / total >= TAXONOMY.scoring.best_fit_required_coverage:
            below = score(TAXONOMY, matches_for(chosen), None)
            at = score(TAXONOMY, matches_for([*chosen, exp.skill_id]), None)
            assert below.best_fit_level is None and below.target_level == LEVEL_IDS[0]
            assert at.best_fit_level == LEVEL_IDS[0] and at.target_level == LEVEL_IDS[1]
            return
        chosen.append(exp.skill_id)
        weight += exp.weight
    pytest.fail("threshold never reached")


@pytest.mark.parametrize("level", TAXONOMY.levels, ids=lambda lv: lv.id)
def test_level_by_years_follows_the_bands(level: object) -> None:
    lv = TAXONOMY.level(getattr(level, "id"))  # noqa: B009 - keeps the parametrize id readable
    assert level_by_years(TAXONOMY, lv.years_min) == lv.id
    if lv.years_max is not None:
        assert level_by_years(TAXONOMY, lv.years_max - 0.01) == lv.id
    else:
        assert level_by_years(TAXONOMY, lv.years_min + 30) == lv.id


def test_level_by_years_unknown() -> None:
    assert level_by_years(TAXONOMY, None) is None
    assert score(TAXONOMY, [], None).level_by_years is None


def test_disagreement_between_skills_and_years_is_said() -> None:
    mid_skills = matches_for(expected_ids("mid"))
    few_years = TAXONOMY.level("entry").years_min + 0.5
    scores = score(TAXONOMY, mid_skills, few_years)
    assert scores.best_fit_level in ("mid", "senior", "lead")
    assert scores.level_by_years == "entry"
    said = assessment(scores.best_fit_level, scores.level_by_years, scores.years)
    assert said.startswith(f"Skills of a {scores.best_fit_level}-level engineer, 0.5 years of experience")
    assert "years alone suggest entry level" in said
    agree = score(TAXONOMY, matches_for(expected_ids("entry")), TAXONOMY.level("entry").years_min + 0.5)
    if agree.best_fit_level == "entry":
        assert "agree" in assessment(agree.best_fit_level, agree.level_by_years, agree.years)


def test_assessment_wording() -> None:
    assert assessment("mid", "entry", 1.5) == (
        "Skills of a mid-level engineer, 1.5 years of experience (the years alone suggest entry level)."
    )
    assert assessment("entry", "entry", 1.0) == (
        "Skills of an entry-level engineer, 1 year of experience (skills and years agree)."
    )
    assert "could not be read" in assessment(None, None, None)


def test_chosen_level_is_the_target() -> None:
    scores = score(TAXONOMY, matches_for(expected_ids("entry")), 0.5, level="senior")
    assert scores.target_level == "senior" and scores.target.chosen
    assert scores.target.coverage == next(s.coverage for s in scores.levels if s.level == "senior")
    assert {g.id for g in scores.gaps} == set(expected_ids("senior")) - set(expected_ids("entry"))


def test_level_ids_are_case_insensitive() -> None:
    assert score(TAXONOMY, [], None, level="Senior").target_level == "senior"


def test_unknown_level_names_the_valid_ones() -> None:
    with pytest.raises(UnknownLevelError) as info:
        score(TAXONOMY, [], None, level="principal")
    message = info.value.message
    assert "principal" in message and "\n" not in message
    for level_id in LEVEL_IDS:
        assert level_id in message


def test_taxonomy_type() -> None:
    assert isinstance(TAXONOMY, Taxonomy)
