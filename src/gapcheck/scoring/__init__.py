"""Scoring: coverage of each level, the levels, the ranked gaps of the target and the learning plan (data only).

Everything numeric comes from the taxonomy's ``[scoring]`` data (:class:`gapcheck.knowledge.model.ScoringRules`).
The modules: :mod:`.coverage` (coverage and each level's score), :mod:`.level` (best fit, level by years,
target), :mod:`.gaps` (the ranked gaps), :mod:`.plan` (the learning plan). The sentences a report says about these
(why a gap matters, the next step, the assessment) are written by :mod:`gapcheck.report.advice`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from gapcheck.knowledge.model import Expectation, Taxonomy
from gapcheck.matching.model import SkillMatch
from gapcheck.report.model import LevelScore, PlanStep, PlanTotal, Target
from gapcheck.scoring.coverage import coverage, importance_weight, score_level, strength_factor
from gapcheck.scoring.gaps import RankedGap, rank_gaps
from gapcheck.scoring.level import best_fit, check_level, level_by_years, target_level
from gapcheck.scoring.plan import plan

__all__ = [
    "RankedGap",
    "Scores",
    "best_fit",
    "check_level",
    "coverage",
    "importance_weight",
    "level_by_years",
    "plan",
    "rank_gaps",
    "score",
    "score_level",
    "strength_factor",
    "target_level",
]


@dataclass(frozen=True)
class Scores:
    """The scoring part of a report."""

    levels: tuple[LevelScore, ...]
    best_fit_level: str | None
    level_by_years: str | None
    years: float | None
    target: Target
    target_level: str
    gaps: tuple[RankedGap, ...]
    plan: tuple[PlanStep, ...]
    plan_total: PlanTotal


def score(
    taxonomy: Taxonomy,
    matches: Iterable[SkillMatch],
    years: float | None,
    *,
    level: str | None = None,
    job: Sequence[Expectation] | None = None,
) -> Scores:
    """Score the matched skills against every level and rank the gaps of the target (a level or a job)."""
    if level is not None:
        check_level(taxonomy, level)
    found = {m.skill_id: m for m in matches}
    levels = tuple(score_level(taxonomy, lv, found) for lv in taxonomy.levels)
    best = best_fit(levels)
    by_years = level_by_years(taxonomy, years)
    target, chosen = target_level(taxonomy, best, level)
    if job is None:
        expectations: Sequence[Expectation] = target.expectations
        level_score = next(s for s in levels if s.level == target.id)
        target_info = Target(
            kind="level",
            id=target.id,
            name=target.name,
            coverage=level_score.coverage,
            required_coverage=level_score.required_coverage,
            chosen=chosen,
        )
    else:
        expectations = job
        target_info = Target(
            kind="job",
            id="job",
            name="the job posting",
            coverage=coverage(taxonomy, job, found, required_only=False),
            required_coverage=coverage(taxonomy, job, found, required_only=True),
            chosen=True,
        )
    gaps = rank_gaps(taxonomy, expectations, found)
    steps, total = plan(taxonomy, gaps)
    return Scores(
        levels=levels,
        best_fit_level=best,
        level_by_years=by_years,
        years=years,
        target=target_info,
        target_level=target.id,
        gaps=gaps,
        plan=steps,
        plan_total=total,
    )
