"""Scoring: coverage of each level, the levels, the ranked gaps of the target and the learning plan (data only).

Everything numeric comes from the taxonomy's ``[scoring]`` data (:class:`gapcheck.knowledge.model.ScoringRules`).
The modules: :mod:`.coverage` (coverage and each level's score), :mod:`.level` (best fit, level by years,
target), :mod:`.gaps` (the ranked gaps), :mod:`.plan` (the learning plan). The sentences a report says about these
(why a gap matters, the next step, the assessment) are written by :mod:`gapcheck.report.advice`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from gapcheck.knowledge.model import Alternatives, Expectation, Taxonomy
from gapcheck.matching.model import SkillMatch
from gapcheck.reading.model import Position, Section
from gapcheck.scoring.coverage import category_coverage, coverage, importance_weight, score_level, strength_factor
from gapcheck.scoring.experience import RelevantYears, headline, relevant_years
from gapcheck.scoring.gaps import RankedGap, rank_gaps
from gapcheck.scoring.level import CurrentLevel, best_fit, check_level, current_level, level_by_years, target_level
from gapcheck.scoring.model import LevelScore, PlanStep, PlanTotal, Target, TargetKind
from gapcheck.scoring.plan import plan
from gapcheck.scoring.shown import Shown, shown_skills, strengths

__all__ = [
    "CurrentLevel",
    "RankedGap",
    "RelevantYears",
    "Scores",
    "Shown",
    "best_fit",
    "check_level",
    "coverage",
    "current_level",
    "importance_weight",
    "level_by_years",
    "plan",
    "rank_gaps",
    "relevant_years",
    "score",
    "score_level",
    "shown_skills",
    "strength_factor",
    "strengths",
    "target_level",
]


@dataclass(frozen=True)
class Scores:
    """The scoring part of a report."""

    levels: tuple[LevelScore, ...]
    current: CurrentLevel  # the one level the resume is at, with its two signals
    work: tuple[str, ...]  # per position of the resume: the kind of work it shows ("" when not counted)
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
    positions: Sequence[Position] = (),
    sections: Sequence[Section] = (),
    level: str | None = None,
    job: Sequence[Expectation] | None = None,
    job_alternatives: Sequence[Sequence[str]] = (),
    today: date | None = None,
) -> Scores:
    """Score the matched skills against every level, place the resume, and rank the gaps of the target.

    ``years``: the reader's professional years, ``positions`` its dated positions (for the relevant years),
    ``sections`` its sections (years not read on a resume that shows no work at all count as 0) and ``today``
    its reference date (what "Present" means there; default: today);
    ``level``: the target level (default: the level after the current one); ``job``: a job posting's skills,
    which replace the target's expectations, and ``job_alternatives`` its "X or Y" groups (either satisfies both).
    """
    matches = tuple(matches)
    extra = tuple(
        Alternatives(id=f"job-{n}", name="one of these", skills=tuple(group), sources=())
        for n, group in enumerate(job_alternatives, start=1)
    )
    # The levels and the current level weigh the resume alone; a posting's "X or Y" groups count for the posting.
    shown = shown_skills(taxonomy, matches)
    found = strengths(shown)
    levels = tuple(score_level(taxonomy, lv, found) for lv in taxonomy.levels)
    if years is None and sections:
        # imported here: the reader's history is rarely needed (years unread), and a CLI call scores in a process
        # that never reads a resume
        from gapcheck.reading.history import shows_no_work

        if shows_no_work(positions, sections, today or date.today()):
            years = 0.0
    counted = relevant_years(taxonomy, years, positions, matches, headline(sections))
    now = current_level(taxonomy, levels, found, counted)
    target, chosen = target_level(taxonomy, now.level, level)  # an unknown level raises UnknownLevelError
    if job is None:
        expectations: Sequence[Expectation] = target.expectations
        level_score = next(s for s in levels if s.level == target.id)
        target_info = Target(
            kind=TargetKind.LEVEL,
            id=target.id,
            name=target.name,
            coverage=level_score.coverage,
            required_coverage=level_score.required_coverage,
            chosen=chosen,
            categories=category_coverage(taxonomy, expectations, found),
        )
    else:
        expectations = job
        if extra:
            shown = shown_skills(taxonomy, matches, extra)
            found = strengths(shown)
        target_info = Target(
            kind=TargetKind.JOB,
            id="job",
            name="the job posting",
            coverage=coverage(taxonomy, job, found, required_only=False),
            required_coverage=coverage(taxonomy, job, found, required_only=True),
            chosen=True,
            categories=category_coverage(taxonomy, job, found),
        )
    gaps = rank_gaps(
        taxonomy, expectations, shown, current=now.level, target=target.id if job is None else None, alternatives=extra
    )
    steps, total = plan(taxonomy, gaps)
    return Scores(
        levels=levels,
        current=now,
        work=counted.kinds,
        target=target_info,
        target_level=target.id,
        gaps=gaps,
        plan=steps,
        plan_total=total,
    )
