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
from dataclasses import dataclass, field

from gapcheck.knowledge.model import Expectation, Importance, Level, Taxonomy
from gapcheck.matching.model import Strength
from gapcheck.scoring.model import CategoryCoverage, LevelScore
from gapcheck.scoring.prepared import ByIdentity, per_taxonomy, prepared


def strength_factor(taxonomy: Taxonomy, strength: Strength | str | None) -> float:
    """The taxonomy's factor for a strength; 0 for a skill not found."""
    if strength is None:
        return 0.0
    return prepared(taxonomy).strength_factors.get(strength, 0.0)


def importance_weight(taxonomy: Taxonomy, importance: Importance | str) -> float:
    return prepared(taxonomy).importance_weights.get(importance, 0.0)


def coverage(
    taxonomy: Taxonomy, expectations: Iterable[Expectation], found: Mapping[str, Strength], *, required_only: bool
) -> float:
    """Weighted coverage of ``expectations`` by the skills shown (id -> effective strength), in [0, 1].

    1 when nothing is expected.
    """
    sums = _sums(taxonomy, expectations, found)
    return _ratio(sums.required_covered, sums.required_total) if required_only else _ratio(sums.covered, sums.total)


@dataclass
class _Sums:
    """The weighted sums of a set of expectations (the module docstring's), over all and over the required ones;
    the skills expected that are missing, and those found but not demonstrated (in the expectations' order)."""

    total: float = 0.0
    covered: float = 0.0
    required_total: float = 0.0
    required_covered: float = 0.0
    missing: list[str] = field(default_factory=list)
    weak: list[str] = field(default_factory=list)


def _sums(taxonomy: Taxonomy, expectations: Iterable[Expectation], found: Mapping[str, Strength]) -> _Sums:
    weights = _weights(taxonomy, expectations)
    sums = _Sums(total=weights.total, required_total=weights.required_total)
    covered = required_covered = 0.0
    missing, weak = sums.missing, sums.weak
    coverage_factors = prepared(taxonomy).coverage_factors
    for skill_id, w, required in weights.terms:
        strength = found.get(skill_id)
        if strength is None:
            missing.append(skill_id)
            continue
        got = w * coverage_factors[strength]
        covered += got
        if required:
            required_covered += got
        if strength != Strength.DEMONSTRATED:
            weak.append(skill_id)
    sums.covered, sums.required_covered = covered, required_covered
    return sums


@dataclass(frozen=True)
class _Weights:
    """What a set of expectations weighs, whatever the resume: each one's (skill id, weight x importance weight,
    required), and the totals over all and over the required ones (summed in the expectations' order)."""

    terms: tuple[tuple[str, float, bool], ...]
    total: float
    required_total: float


def _weigh(taxonomy: Taxonomy, expectations: Iterable[Expectation]) -> _Weights:
    weights = prepared(taxonomy).importance_weights
    terms = tuple(
        (exp.skill_id, exp.weight * weights.get(exp.importance, 0.0), exp.importance == Importance.REQUIRED)
        for exp in expectations
    )
    total = required_total = 0.0
    for _, w, required in terms:
        total += w
        if required:
            required_total += w
    return _Weights(terms, total, required_total)


_Group = tuple[tuple[str, tuple[Expectation, ...]], ...]  # (category, its expectations), in category order


@per_taxonomy
def _levels_weights(taxonomy: Taxonomy) -> ByIdentity[tuple[Expectation, ...], tuple[_Weights, _Group]]:
    """Each level's :class:`_Weights` and its expectations by category (and those of each category's), by the
    expectations tuple."""
    out: ByIdentity[tuple[Expectation, ...], tuple[_Weights, _Group]] = ByIdentity()
    for level in taxonomy.levels:
        groups = _by_category(taxonomy, level.expectations)
        out.add(level.expectations, (_weigh(taxonomy, level.expectations), groups))
        for _, exps in groups:
            out.add(exps, (_weigh(taxonomy, exps), ()))
    return out


def _known(taxonomy: Taxonomy, expectations: Iterable[Expectation]) -> tuple[_Weights, _Group] | None:
    return _levels_weights(taxonomy).get(expectations)


def _weights(taxonomy: Taxonomy, expectations: Iterable[Expectation]) -> _Weights:
    known = _known(taxonomy, expectations)  # a level's own, or one of its categories': weighed once
    return known[0] if known is not None else _weigh(taxonomy, expectations)


def _ratio(covered: float, total: float) -> float:
    """``covered / total`` in [0, 1], rounded to 4 decimals; 1 when nothing is expected."""
    if total <= 0.0:
        return 1.0
    return round(min(max(covered / total, 0.0), 1.0), 4)


def category_coverage(
    taxonomy: Taxonomy, expectations: Iterable[Expectation], found: Mapping[str, Strength]
) -> tuple[CategoryCoverage, ...]:
    """:func:`coverage` within each skill category of ``expectations``, in the order the taxonomy lists its skills'
    categories (categories with nothing expected are left out)."""
    known = _known(taxonomy, expectations)
    groups = known[1] if known is not None else _by_category(taxonomy, expectations)
    return tuple(
        CategoryCoverage(category=c, coverage=coverage(taxonomy, exps, found, required_only=False), expected=len(exps))
        for c, exps in groups
    )


def _by_category(taxonomy: Taxonomy, expectations: Iterable[Expectation]) -> _Group:
    by_category: dict[str, list[Expectation]] = {}
    for exp in expectations:
        skill = taxonomy.index.skills.get(exp.skill_id)
        if skill is not None:
            by_category.setdefault(skill.category, []).append(exp)
    order = prepared(taxonomy).category_at
    return tuple((c, tuple(exps)) for c, exps in sorted(by_category.items(), key=lambda item: order.get(item[0], 0)))


def score_level(taxonomy: Taxonomy, level: Level, found: Mapping[str, Strength]) -> LevelScore:
    """A level's coverage and required coverage (:func:`coverage`'s sums, both made in one pass), and the skills it
    expects that are missing or weak."""
    sums = _sums(taxonomy, level.expectations, found)
    required = _ratio(sums.required_covered, sums.required_total)
    return LevelScore(
        level=level.id,
        name=level.name,
        years_min=level.years_min,
        years_max=level.years_max,
        coverage=_ratio(sums.covered, sums.total),
        required_coverage=required,
        met=required >= taxonomy.scoring.best_fit_required_coverage,
        missing=tuple(sums.missing),
        weak=tuple(sums.weak),
    )
