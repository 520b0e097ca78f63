"""Coverage: how much of a set of expectations the found skills cover, and each level's score.

For a set of expectations E (a level's cumulative expectations, or a job posting's skills)::

    coverage(E) = sum(w_e * I[imp_e] * F[strength_e]) / sum(w_e * I[imp_e])

where ``w_e`` is the expectation's weight, ``I`` = ``importance_weights``, ``F`` = ``strength_factors`` (0 for a
skill not found). ``required_coverage`` is the same sum over the required expectations alone. Both are in [0, 1]
(a level with no expectations has coverage 1). Strengths are the effective ones (:mod:`.shown`): a skill implied
by a demonstrated one, or an alternative to one, counts as demonstrated.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from gapcheck.knowledge.model import Expectation, Importance, Level, Taxonomy
from gapcheck.matching.model import Strength
from gapcheck.scoring.model import CategoryCoverage, LevelScore


def strength_factor(taxonomy: Taxonomy, strength: Strength | str | None) -> float:
    """The taxonomy's factor for a strength; 0 for a skill not found."""
    if strength is None:
        return 0.0
    return float(taxonomy.scoring.strength_factors.get(str(strength), 0.0))


def importance_weight(taxonomy: Taxonomy, importance: Importance | str) -> float:
    return float(taxonomy.scoring.importance_weights.get(str(importance), 0.0))


def coverage(
    taxonomy: Taxonomy, expectations: Iterable[Expectation], found: Mapping[str, Strength], *, required_only: bool
) -> float:
    """Weighted coverage of ``expectations`` by the skills shown (id -> effective strength), in [0, 1].

    1 when nothing is expected.
    """
    # the taxonomy's factors, read once per call (not per expectation); a strength's factor clamped to [0, 1]
    weights = {imp: importance_weight(taxonomy, imp) for imp in Importance}
    factors = {s: min(max(strength_factor(taxonomy, s), 0.0), 1.0) for s in Strength}
    total = 0.0
    covered = 0.0
    for exp in expectations:
        if required_only and exp.importance != Importance.REQUIRED:
            continue
        w = exp.weight * weights[exp.importance]
        total += w
        strength = found.get(exp.skill_id)
        if strength is not None:
            covered += w * factors[strength]
    if total <= 0.0:
        return 1.0
    return round(min(max(covered / total, 0.0), 1.0), 4)


def category_coverage(
    taxonomy: Taxonomy, expectations: Iterable[Expectation], found: Mapping[str, Strength]
) -> tuple[CategoryCoverage, ...]:
    """:func:`coverage` within each skill category of ``expectations``, in the order the taxonomy lists its skills'
    categories (categories with nothing expected are left out)."""
    by_category: dict[str, list[Expectation]] = {}
    for exp in expectations:
        skill = taxonomy.index.skills.get(exp.skill_id)
        if skill is not None:
            by_category.setdefault(skill.category, []).append(exp)
    order = list(dict.fromkeys(s.category for s in taxonomy.skills))
    return tuple(
        CategoryCoverage(category=c, coverage=coverage(taxonomy, exps, found, required_only=False), expected=len(exps))
        for c, exps in sorted(by_category.items(), key=lambda item: order.index(item[0]) if item[0] in order else 0)
    )


def score_level(taxonomy: Taxonomy, level: Level, found: Mapping[str, Strength]) -> LevelScore:
    required = coverage(taxonomy, level.expectations, found, required_only=True)
    missing: list[str] = []
    weak: list[str] = []
    for exp in level.expectations:
        strength = found.get(exp.skill_id)
        if strength is None:
            missing.append(exp.skill_id)
        elif strength != Strength.DEMONSTRATED:
            weak.append(exp.skill_id)
    return LevelScore(
        level=level.id,
        name=level.name,
        years_min=level.years_min,
        years_max=level.years_max,
        coverage=coverage(taxonomy, level.expectations, found, required_only=False),
        required_coverage=required,
        met=required >= taxonomy.scoring.best_fit_required_coverage,
        missing=tuple(missing),
        weak=tuple(weak),
    )
