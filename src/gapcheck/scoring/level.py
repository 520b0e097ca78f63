"""Levels: the best fit by skills, the level by years, and the target.

Best fit
    Walking the levels upward from the first, the last level whose ``required_coverage`` reaches
    ``best_fit_required_coverage`` before one falls short (expectations are cumulative, so a level above one
    that falls short would only fit through importances raised at it). ``None`` when the first level falls short.

Level by years
    The level whose years band holds the years (``years_min <= years < years_max``); in a hole between bands,
    the highest level whose ``years_min`` is reached. ``None`` when years are unknown.

Target
    The level asked for; without one, the level after the best fit (the first level when nothing fits, the
    last level when the best fit is already the last).
"""

from __future__ import annotations

from collections.abc import Sequence

from gapcheck.knowledge.model import Level, Taxonomy
from gapcheck.report.model import LevelScore


def best_fit(levels: Sequence[LevelScore]) -> str | None:
    """The last level met, walking upward until one is not."""
    fit: str | None = None
    for score in levels:
        if not score.met:
            break
        fit = score.level
    return fit


def level_by_years(taxonomy: Taxonomy, years: float | None) -> str | None:
    if years is None:
        return None
    chosen: str | None = None
    for level in taxonomy.levels:
        if years >= level.years_min:
            chosen = level.id
            if level.years_max is None or years < level.years_max:
                return level.id
    return chosen if chosen is not None else (taxonomy.levels[0].id if taxonomy.levels else None)


def check_level(taxonomy: Taxonomy, level: str) -> Level:
    """The level with this id, or UnknownLevelError naming the valid ones."""
    return taxonomy.find_level(level)


def target_level(taxonomy: Taxonomy, best: str | None, level: str | None) -> tuple[Level, bool]:
    """The target level and whether the user chose it."""
    if level is not None:
        return check_level(taxonomy, level), True
    if best is None:
        return taxonomy.levels[0], False
    index = [lv.id for lv in taxonomy.levels].index(best)
    return taxonomy.levels[min(index + 1, len(taxonomy.levels) - 1)], False
