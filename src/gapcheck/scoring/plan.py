"""The learning plan: the gaps grouped by roadmap stage, in stage order (skills without a stage last).

A stage's estimate is its duration (``months_min``..``months_max`` from the guides) times the share of the stage's
skills that are missing (weak skills need showing, not learning). The total is the sum of the stages' estimates.
"""

from __future__ import annotations

from collections.abc import Sequence

from gapcheck.knowledge.model import Taxonomy
from gapcheck.scoring.gaps import RankedGap
from gapcheck.scoring.model import PlanStep, PlanTotal
from gapcheck.scoring.prepared import prepared


def plan(taxonomy: Taxonomy, gaps: Sequence[RankedGap]) -> tuple[tuple[PlanStep, ...], PlanTotal]:
    """The gaps grouped by roadmap stage, in roadmap order, with duration estimates."""
    order_of = taxonomy.index.stage_order
    serves = prepared(taxonomy).serves
    groups: dict[str | None, list[RankedGap]] = {}
    for gap in gaps:
        groups.setdefault(gap.stage.id if gap.stage is not None else None, []).append(gap)
    order = sorted(groups, key=lambda s: (s is None, order_of.get(s or "", 0)))
    steps: list[PlanStep] = []
    total_min = 0.0
    total_max = 0.0
    for stage_id in order:
        members = groups[stage_id]
        learn = tuple(g.id for g in members if g.kind == "missing")
        show = tuple(g.id for g in members if g.kind == "weak")
        months_min = months_max = 0.0
        resources: tuple[str, ...] = ()
        if stage_id is not None:
            stage = taxonomy.stage(stage_id)
            share = min(len(learn) / max(len(stage.skills), 1), 1.0)
            months_min = round(stage.months_min * share, 1)
            months_max = round(stage.months_max * share, 1)
            serving = {r for g in members for r in serves.get((stage_id, g.id)) or stage.resources_for(g.id)}
            resources = tuple(r for r in stage.resources if r in serving)
        total_min += months_min
        total_max += months_max
        steps.append(
            PlanStep(
                stage=members[0].stage,
                skills=tuple(g.id for g in members),
                names=tuple(g.name for g in members),
                learn=learn,
                show=show,
                resources=resources,
                months_min=months_min,
                months_max=months_max,
            )
        )
    return tuple(steps), PlanTotal(months_min=round(total_min, 1), months_max=round(total_max, 1))
