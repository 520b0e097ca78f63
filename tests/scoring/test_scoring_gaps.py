"""Gap ranking and the learning plan, on the real taxonomy with constructed matches."""

from __future__ import annotations

import dataclasses
from types import MappingProxyType

import pytest

from gapcheck.knowledge import load_taxonomy
from gapcheck.knowledge.model import Importance
from gapcheck.matching.model import Evidence, Method, SkillMatch, Strength
from gapcheck.report.advice import gap_entries
from gapcheck.scoring import rank_gaps, score

TAXONOMY = load_taxonomy()
LEVEL_IDS = [lv.id for lv in TAXONOMY.levels]
STAGE_ORDER = {stage.id: i for i, stage in enumerate(TAXONOMY.stages)}


def match(skill_id: str, strength: Strength = Strength.DEMONSTRATED) -> SkillMatch:
    skill = TAXONOMY.skill(skill_id)
    evidence = Evidence(
        section="skills",
        text=skill.name,
        start=0,
        end=len(skill.name),
        method=Method.EXACT,
        matched=skill.name,
        hedged=strength == Strength.HEDGED,
    )
    return SkillMatch(
        skill_id=skill.id, name=skill.name, category=skill.category, strength=strength, evidence=(evidence,)
    )


def transitive_requires(skill_id: str) -> set[str]:
    seen: set[str] = set()
    todo = list(TAXONOMY.skill(skill_id).requires)
    while todo:
        item = todo.pop()
        if item not in seen:
            seen.add(item)
            todo.extend(TAXONOMY.skill(item).requires)
    return seen


@pytest.mark.parametrize("level_id", LEVEL_IDS)
def test_gaps_are_sorted_by_priority_with_ranks(level_id: str) -> None:
    gaps = score(TAXONOMY, [], None, level=level_id).gaps
    assert [g.rank for g in gaps] == list(range(1, len(gaps) + 1))
    priorities = [g.priority for g in gaps]
    assert priorities == sorted(priorities, reverse=True)
    assert len({g.id for g in gaps}) == len(gaps)


@pytest.mark.parametrize("level_id", LEVEL_IDS)
def test_prerequisites_rank_before_what_builds_on_them(level_id: str) -> None:
    gaps = score(TAXONOMY, [], None, level=level_id).gaps
    rank = {g.id: g.rank for g in gaps}
    pairs = 0
    for gap in gaps:
        for req in transitive_requires(gap.id):
            if req in rank:
                assert rank[req] < rank[gap.id], f"{req} should rank before {gap.id}"
                pairs += 1
    assert pairs > 0  # the data has prerequisites among the gaps


def test_named_roadmap_orders() -> None:
    """Python and SQL before deep-learning frameworks, Docker before Kubernetes, classical ML before LLM fine-tuning."""
    gaps = score(TAXONOMY, [], None, level=LEVEL_IDS[-1]).gaps
    rank = {g.id: g.rank for g in gaps}
    for first, then in [("python", "pytorch"), ("docker", "kubernetes"), ("machine-learning", "fine-tuning")]:
        if first in rank and then in rank:
            assert rank[first] < rank[then], (first, then)
    assert "python" in rank and "docker" in rank


def test_without_prerequisites_required_ranks_before_recommended_before_bonus() -> None:
    """Among gaps that no other gap needs first, importance decides the order."""
    gaps = score(TAXONOMY, [], None, level="junior").gaps
    lifted = {r for g in gaps for r in transitive_requires(g.id)}
    order = {Importance.REQUIRED: 0, Importance.RECOMMENDED: 1, Importance.BONUS: 2}
    free = [order[Importance(g.importance)] for g in gaps if g.id not in lifted]
    assert free == sorted(free)


def test_weak_and_missing_kinds_and_deficit() -> None:
    level = TAXONOMY.level("entry")
    required = [e.skill_id for e in level.expectations if e.importance == Importance.REQUIRED]
    listed, hedged, shown = required[0], required[1], required[2]
    found = [match(listed, Strength.LISTED), match(hedged, Strength.HEDGED), match(shown, Strength.DEMONSTRATED)]
    gaps = {g.id: g for g in gap_entries(TAXONOMY, score(TAXONOMY, found, None, level="entry").gaps, "entry")}
    assert shown not in gaps
    assert gaps[listed].kind == "weak" and gaps[listed].strength == "listed"
    assert gaps[hedged].kind == "weak" and gaps[hedged].strength == "hedged"
    assert gaps[listed].next_step.action == "show" and "project or an experience bullet" in gaps[listed].next_step.text
    assert all(g.kind == "missing" and g.strength is None for k, g in gaps.items() if k not in (listed, hedged))
    # the same skill missing ranks higher than listed (the deficit multiplies the priority)
    missing_gaps = {g.id: g for g in score(TAXONOMY, [], None, level="entry").gaps}
    assert missing_gaps[listed].priority > gaps[listed].priority
    assert missing_gaps[hedged].priority > gaps[hedged].priority
    as_hedged = {g.id: g for g in score(TAXONOMY, [match(listed, Strength.HEDGED)], None, level="entry").gaps}
    assert as_hedged[listed].priority > gaps[listed].priority  # hedged counts less than listed: a bigger gap


def test_why_and_next_step_come_from_the_taxonomy() -> None:
    gaps = gap_entries(TAXONOMY, score(TAXONOMY, [], None, level="junior").gaps, "Junior ML engineer")
    for gap in gaps:
        exp = TAXONOMY.level("junior").expectation(gap.id)
        assert exp is not None
        assert gap.importance == str(exp.importance) and gap.weight == exp.weight and gap.since == exp.introduced_at
        assert gap.why.startswith(str(exp.importance).capitalize())
        cited = {(r.source, r.section) for r in gap.sources}
        assert {(r.source, r.section) for r in exp.sources} <= cited
        for ref in gap.sources:  # cited by the guide's short title (the report's guides list the full one)
            assert TAXONOMY.source(ref.source).short in gap.why
        skill = TAXONOMY.skill(gap.id)
        if skill.stage is not None:
            stage = TAXONOMY.stage(skill.stage)
            assert gap.next_step.stage is not None and gap.next_step.stage.id == stage.id
            assert stage.name in gap.next_step.text
            # the stage's resources that serve this skill (not the stage's first resources for every skill)
            assert gap.next_step.resources == stage.resources_for(gap.id)[: len(gap.next_step.resources)]
        for cert in gap.next_step.certifications:
            assert gap.id in next(c for c in TAXONOMY.certifications if c.id == cert.id).skills


def test_plan_groups_gaps_by_stage_in_roadmap_order() -> None:
    scores = score(TAXONOMY, [match("python", Strength.LISTED)], None, level="mid")
    planned = [sid for step in scores.plan for sid in step.skills]
    assert sorted(planned) == sorted(g.id for g in scores.gaps)  # every gap once
    staged = [STAGE_ORDER[step.stage.id] for step in scores.plan if step.stage is not None]
    assert staged == sorted(staged) and len(staged) == len(set(staged))
    assert all(step.stage is not None for step in scores.plan[: len(staged)])  # unstaged last
    for step in scores.plan:
        assert set(step.learn) | set(step.show) == set(step.skills)
        assert 0 <= step.months_min <= step.months_max
        if step.stage is not None:
            stage = TAXONOMY.stage(step.stage.id)
            assert step.months_max <= stage.months_max
            serving = {r for sid in step.skills for r in stage.resources_for(sid)}
            assert step.resources == tuple(r for r in stage.resources if r in serving)
    assert "python" in next(step.show for step in scores.plan if "python" in step.skills)
    assert scores.plan_total.months_min == pytest.approx(sum(s.months_min for s in scores.plan), abs=0.11)
    assert scores.plan_total.months_max == pytest.approx(sum(s.months_max for s in scores.plan), abs=0.11)
    assert scores.plan_total.months_max > 0


def test_priority_weights_are_data() -> None:
    """With only the importance weight left, the priority is the deficit times the importance multiplier."""
    weights = {"importance": 1.0, "weight": 0.0, "guides": 0.0, "stage": 0.0}
    changed = dataclasses.replace(
        TAXONOMY, scoring=dataclasses.replace(TAXONOMY.scoring, priority_weights=MappingProxyType(weights))
    )
    level = changed.level("junior")
    gaps = rank_gaps(changed, level.expectations, {})
    multipliers = changed.scoring.importance_weights
    for gap in gaps:
        assert gap.priority >= multipliers[gap.importance] - 1e-9


def test_lookups_are_built_with_the_taxonomy() -> None:
    """The requirement closure, stage order and certifications are the taxonomy's own, rebuilt by replace()."""
    index = TAXONOMY.index
    assert index.requires_closure["kubernetes"] == frozenset(transitive_requires("kubernetes"))
    assert [index.stage_order[s.id] for s in TAXONOMY.stages] == list(range(len(TAXONOMY.stages)))
    for cert in TAXONOMY.certifications:
        for skill_id in cert.skills:
            assert cert in index.certifications_by_skill[skill_id]
    fewer = dataclasses.replace(TAXONOMY, certifications=())
    assert fewer.index is not index and not fewer.index.certifications_by_skill
    assert all(not g.certifications for g in score(fewer, [], None, level="mid").gaps)
