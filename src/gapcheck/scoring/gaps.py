"""Gaps: the target's expectations the resume lacks, ranked by priority (data only; report/advice.py words them).

Each expectation of the target whose skill is **missing** (not found) or **weak** (found, but only listed,
mentioned, hedged or implied: the resume claims it without showing use).

Priority (the gaps are sorted by it, highest first), with ``P`` = ``priority_weights``::

    base     = P.importance * I[importance] + P.weight * weight + P.guides * guides + P.stage * early
    raw      = (1 - F[strength]) * base          # the deficit: 1 for a missing skill
    priority = max(raw, max(priority(d) for d in gaps that (transitively) require this skill) + 0.001)
                                                 # (the lift applies to missing prerequisites only)

``guides`` is the number of distinct guides that cite the skill (its own sources and the expectation's);
``early`` is ``(S - i) / S`` for the skill's roadmap stage at position ``i`` of the taxonomy's ``S`` stages (1 for
the first stage, 0 when the skill has no stage), so foundations rank before what builds on them; the last line
lifts every prerequisite (``Skill.requires``) above the gaps that need it. Missing ``P`` keys count 0. Ties break
on importance, then roadmap order, then name. Priorities are rounded to 4 decimals.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from gapcheck.knowledge.model import Expectation, Importance, Skill, Taxonomy
from gapcheck.matching.model import SkillMatch, Strength
from gapcheck.report.model import CertificationRef, GuideRef, StageRef
from gapcheck.scoring.coverage import importance_weight, strength_factor

PREREQUISITE_STEP = 0.001
_IMPORTANCE_ORDER = {Importance.REQUIRED: 0, Importance.RECOMMENDED: 1, Importance.BONUS: 2}
MAX_RESOURCES = 3


@dataclass(frozen=True)
class RankedGap:
    """One gap of the target, with everything a report says about it (no sentences)."""

    rank: int  # 1 = do first
    id: str
    name: str
    category: str
    kind: str  # "missing" or "weak"
    strength: str | None  # the strength found, for a weak skill
    implied_by: str | None  # for an implied skill: the skill id it follows from
    importance: str
    weight: float
    priority: float
    since: str  # the level that first expects it ("job" for a job posting's skill)
    sources: tuple[GuideRef, ...]
    stage: StageRef | None
    resources: tuple[str, ...]  # the stage's named resources that serve this skill (at most MAX_RESOURCES)
    certifications: tuple[CertificationRef, ...]
    learn_first: tuple[str, ...]  # missing prerequisite skill ids that are gaps too (ranked before this one)


def stage_ref(taxonomy: Taxonomy, skill: Skill) -> StageRef | None:
    if skill.stage is None:
        return None
    try:
        stage = taxonomy.stage(skill.stage)
    except KeyError:
        return None
    return StageRef(
        id=stage.id, name=stage.name, order=stage.order, months_min=stage.months_min, months_max=stage.months_max
    )


def guide_refs(taxonomy: Taxonomy, skill: Skill, exp: Expectation) -> tuple[GuideRef, ...]:
    refs: list[GuideRef] = []
    seen: set[tuple[str, str]] = set()
    for ref in (*exp.sources, *skill.sources):
        key = (ref.source, ref.section)
        if key in seen:
            continue
        seen.add(key)
        refs.append(GuideRef(source=ref.source, section=ref.section))
    return tuple(refs)


def _certifications(taxonomy: Taxonomy, skill_id: str) -> tuple[CertificationRef, ...]:
    return tuple(
        CertificationRef(id=c.id, name=c.name, provider=c.provider, cost=c.cost, time=c.time)
        for c in taxonomy.index.certifications_by_skill.get(skill_id, ())
    )


def rank_gaps(
    taxonomy: Taxonomy, expectations: Sequence[Expectation], found: Mapping[str, SkillMatch]
) -> tuple[RankedGap, ...]:
    """The missing and weak skills among ``expectations``, ranked by priority (see the module docstring)."""
    pw = taxonomy.scoring.priority_weights
    index = taxonomy.index
    n_stages = len(taxonomy.stages)
    candidates: list[tuple[Expectation, Skill, SkillMatch | None, float]] = []
    for exp in expectations:
        match = found.get(exp.skill_id)
        if match is not None and match.strength == Strength.DEMONSTRATED:
            continue
        skill = index.skills.get(exp.skill_id)
        if skill is None:
            continue
        deficit = 1.0 - strength_factor(taxonomy, match.strength if match else None)
        guides = len({r.source for r in (*exp.sources, *skill.sources)})
        position = index.stage_order.get(skill.stage or "")
        early = (n_stages - position) / n_stages if position is not None and n_stages else 0.0
        base = (
            pw.get("importance", 0.0) * importance_weight(taxonomy, exp.importance)
            + pw.get("weight", 0.0) * exp.weight
            + pw.get("guides", 0.0) * guides
            + pw.get("stage", 0.0) * early
        )
        candidates.append((exp, skill, match, round(max(deficit, 0.0) * base, 4)))

    gap_ids = {skill.id for _, skill, _, _ in candidates}
    raw = {skill.id: value for _, skill, _, value in candidates}
    # dependents[x]: gap skills that (transitively) require the missing gap skill x (a weak one is known already)
    dependents: dict[str, list[str]] = {sid: [] for sid in gap_ids}
    for sid in gap_ids:
        for req in index.requires_closure.get(sid, frozenset()):
            if req in gap_ids and req not in found:
                dependents[req].append(sid)
    priority: dict[str, float] = {}

    def lifted(sid: str, visiting: frozenset[str]) -> float:
        if sid in priority:
            return priority[sid]
        value = raw[sid]
        for dep in dependents[sid]:
            if dep not in visiting:
                value = max(value, lifted(dep, visiting | {sid}) + PREREQUISITE_STEP)
        priority[sid] = round(value, 4)
        return priority[sid]

    for sid in sorted(gap_ids):
        lifted(sid, frozenset())

    def sort_key(item: tuple[Expectation, Skill, SkillMatch | None, float]) -> tuple[float, int, int, str]:
        exp, skill, _, _ = item
        position = index.stage_order.get(skill.stage or "", n_stages)
        return (-priority[skill.id], _IMPORTANCE_ORDER.get(exp.importance, 3), position, skill.name.lower())

    gaps: list[RankedGap] = []
    for rank, (exp, skill, match, _) in enumerate(sorted(candidates, key=sort_key), start=1):
        learn_first = tuple(
            sorted(
                (r for r in index.requires_closure.get(skill.id, frozenset()) if r in gap_ids and r not in found),
                key=lambda r: (-priority[r], r),
            )
        )
        stage = stage_ref(taxonomy, skill)
        resources = taxonomy.stage(stage.id).resources_for(skill.id)[:MAX_RESOURCES] if stage is not None else ()
        implied_by = None
        if match is not None and match.strength == Strength.IMPLIED:
            implied_by = next((e.implied_by for e in match.evidence if e.implied_by), None)
        gaps.append(
            RankedGap(
                rank=rank,
                id=skill.id,
                name=skill.name,
                category=skill.category,
                kind="missing" if match is None else "weak",
                strength=None if match is None else str(match.strength),
                implied_by=implied_by,
                importance=str(exp.importance),
                weight=exp.weight,
                priority=priority[skill.id],
                since=exp.introduced_at,
                sources=guide_refs(taxonomy, skill, exp),
                stage=stage,
                resources=resources,
                certifications=_certifications(taxonomy, skill.id),
                learn_first=learn_first if match is None else (),
            )
        )
    return tuple(gaps)
