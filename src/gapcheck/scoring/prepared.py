"""What scoring reads of a taxonomy for every resume, computed once per taxonomy object.

A gap's stage, the stage's resources that serve it, its certifications, its place in the roadmap and its sort
name depend on the skill alone; the strength factors, importance weights, level positions and category order on
the taxonomy alone. :func:`prepared` builds them the first time a taxonomy is scored and keeps them while that
taxonomy object lives (as :func:`gapcheck.matching.matcher_for` keeps its matcher), so scoring a resume only looks
them up. They live here rather than in :class:`gapcheck.knowledge.index.TaxonomyIndex` because they are scoring's
types (:mod:`.model`), which the knowledge layer does not import.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Generic, TypeVar

from gapcheck.knowledge.model import Importance, SourceRef, Strength, Taxonomy
from gapcheck.scoring.model import CertificationRef, GuideRef, StageRef

MAX_RESOURCES = 3  # a gap names at most this many of its stage's resources


@dataclass(frozen=True)
class SkillFacts:
    """What a gap of one skill says that depends on the skill alone."""

    stage: StageRef | None  # its roadmap stage (None: none, or one the learning path does not have)
    position: int | None  # the stage's place in roadmap order (0 first; None without a stage)
    resources: tuple[str, ...]  # the first MAX_RESOURCES of its stage's resources that serve it
    certifications: tuple[CertificationRef, ...]
    sort_name: str  # its name in lower case (the gaps' last tie-break)


@dataclass(frozen=True)
class Prepared:
    """A taxonomy's lookups for scoring (read-only mappings)."""

    skills: Mapping[str, SkillFacts]  # skill id -> its facts
    strength_factors: Mapping[str, float]  # strength value -> factor (a strength the data omits: absent, i.e. 0)
    importance_weights: Mapping[str, float]  # importance value -> weight (absent: 0)
    coverage_factors: Mapping[str, float]  # each Strength's factor clamped to [0, 1], as coverage counts it
    level_at: Mapping[str, int]  # level id -> its position (0 = the first level)
    serves: Mapping[tuple[str, str], tuple[str, ...]]  # (a skill's stage id, skill id) -> its resources serving it
    category_at: Mapping[str, int]  # category -> its place in the order the taxonomy lists its skills' categories
    requires: Mapping[str, frozenset[str]]  # skill id -> its prerequisites, transitively (skills that have any)
    first_required: frozenset[str]  # skill ids required by the level that first expects them
    outgrown: frozenset[str]  # [scoring.outgrown]'s levels (none without the table)
    guide_refs: dict[tuple[str, str], GuideRef]  # (guide, section) -> its GuideRef, filled as gaps cite them
    cited: dict[tuple[int, ...], tuple[tuple[tuple[SourceRef, ...], ...], tuple[GuideRef, ...]]]  # see cited()


def stage_ref(taxonomy: Taxonomy, stage_id: str | None) -> StageRef | None:
    """The citation of a roadmap stage (None for none, or an id the learning path does not have)."""
    stage = taxonomy.index.stages.get(stage_id or "")
    if stage is None:
        return None
    return StageRef(
        id=stage.id, name=stage.name, order=stage.order, months_min=stage.months_min, months_max=stage.months_max
    )


def _requires(taxonomy: Taxonomy) -> dict[str, frozenset[str]]:
    """Each skill's prerequisites (``Skill.requires``), transitively, for the skills that have any."""
    skills = taxonomy.index.skills
    out: dict[str, frozenset[str]] = {}
    for skill in taxonomy.skills:
        if not skill.requires:
            continue
        found: set[str] = set()
        todo = list(skill.requires)
        while todo:
            req = todo.pop()
            if req not in found:
                found.add(req)
                todo.extend(skills[req].requires)
        out[skill.id] = frozenset(found)
    return out


def _facts(taxonomy: Taxonomy) -> dict[str, SkillFacts]:
    index = taxonomy.index
    stages = {stage.id: stage_ref(taxonomy, stage.id) for stage in taxonomy.stages}
    out: dict[str, SkillFacts] = {}
    for skill in taxonomy.skills:
        stage = index.stages.get(skill.stage or "")
        served = stage.resources_for(skill.id) if stage is not None else ()
        out[skill.id] = SkillFacts(
            stage=stages[stage.id] if stage is not None else None,
            position=index.stage_order.get(skill.stage or ""),
            resources=served[:MAX_RESOURCES],
            certifications=tuple(
                CertificationRef(id=c.id, name=c.name, provider=c.provider, cost=c.cost, time=c.time)
                for c in index.certifications_by_skill.get(skill.id, ())
            ),
            sort_name=skill.name.lower(),
        )
    return out


T = TypeVar("T")


def per_taxonomy(build: Callable[[Taxonomy], T]) -> Callable[[Taxonomy], T]:
    """``build(taxonomy)`` made once per taxonomy object and kept while that object lives (keyed by identity: a
    taxonomy's own hash would walk all of its data)."""
    cache: dict[int, tuple[weakref.ref[Taxonomy], T]] = {}

    @functools.wraps(build)
    def get(taxonomy: Taxonomy) -> T:
        key = id(taxonomy)
        entry = cache.get(key)
        if entry is not None and entry[0]() is taxonomy:
            return entry[1]
        built = build(taxonomy)

        def forget(_ref: weakref.ref[Taxonomy], k: int = key) -> None:
            cache.pop(k, None)

        cache[key] = (weakref.ref(taxonomy, forget), built)
        return built

    return get


K = TypeVar("K")
V = TypeVar("V")


class ByIdentity(Generic[K, V]):
    """Values kept by the identity of an object of the taxonomy's (a level's expectations tuple, an expectation):
    hashing them would walk their data. Each entry holds its object, so no id is reused while it is kept."""

    __slots__ = ("_entries",)

    def __init__(self, pairs: Iterable[tuple[K, V]] = ()) -> None:
        self._entries: dict[int, tuple[K, V]] = {id(key): (key, value) for key, value in pairs}

    def get(self, key: object) -> V | None:
        """The value kept for this very object; None for any other (an equal copy included)."""
        entry = self._entries.get(id(key))
        return entry[1] if entry is not None and entry[0] is key else None

    def __contains__(self, key: object) -> bool:
        entry = self._entries.get(id(key))
        return entry is not None and entry[0] is key

    def add(self, key: K, value: V) -> None:
        self._entries[id(key)] = (key, value)


@per_taxonomy
def prepared(taxonomy: Taxonomy) -> Prepared:
    """The scoring lookups of ``taxonomy``, built on first use and kept while the taxonomy object lives."""
    rules = taxonomy.scoring
    categories = dict.fromkeys(s.category for s in taxonomy.skills)
    stages = taxonomy.index.stages
    return Prepared(
        skills=MappingProxyType(_facts(taxonomy)),
        strength_factors=MappingProxyType({str(k): float(v) for k, v in rules.strength_factors.items()}),
        importance_weights=MappingProxyType({str(k): float(v) for k, v in rules.importance_weights.items()}),
        coverage_factors=MappingProxyType(
            {s: min(max(float(rules.strength_factors.get(s.value, 0.0)), 0.0), 1.0) for s in Strength}
        ),
        level_at=MappingProxyType({lv.id: i for i, lv in enumerate(taxonomy.levels)}),
        serves=MappingProxyType(  # a gap is planned in its skill's own stage only (plan.py)
            {(st.id, sk.id): st.resources_for(sk.id) for sk in taxonomy.skills if (st := stages.get(sk.stage or ""))}
        ),
        category_at=MappingProxyType({c: i for i, c in enumerate(categories)}),
        requires=MappingProxyType(_requires(taxonomy)),
        first_required=frozenset(
            e.skill_id
            for lv in taxonomy.levels
            for e in lv.expectations
            if e.introduced_at == lv.id and e.importance is Importance.REQUIRED
        ),
        outgrown=frozenset(rules.outgrown.levels) if rules.outgrown is not None else frozenset(),
        guide_refs={},
        cited={},
    )


def guide_refs(refs: Sequence[SourceRef], known: dict[tuple[str, str], GuideRef] | None = None) -> tuple[GuideRef, ...]:
    """The citations ``refs`` as GuideRefs, each (guide, section) once, in first-cited order. ``known``: the
    GuideRefs made so far (a :attr:`Prepared.guide_refs`), reused rather than made again."""
    known = {} if known is None else known
    out: list[GuideRef] = []
    seen: set[tuple[str, str]] = set()
    for ref in refs:
        pair = (ref.source, ref.section)
        if pair in seen:
            continue
        seen.add(pair)
        made = known.get(pair)
        if made is None:
            made = known[pair] = GuideRef(source=ref.source, section=ref.section)
        out.append(made)
    return tuple(out)


_CITED_LIMIT = 4096  # citation lists kept per taxonomy (its own expectations' make a few hundred)


def cited(ready: Prepared, parts: tuple[tuple[SourceRef, ...], ...]) -> tuple[GuideRef, ...]:
    """:func:`guide_refs` of the citation tuples ``parts`` joined, kept in ``ready`` by the tuples' identity (the
    taxonomy's own tuples recur for every resume; each kept entry holds its tuples, so no id is reused)."""
    key = tuple(map(id, parts))
    hit = ready.cited.get(key)
    if hit is not None and all(a is b for a, b in zip(hit[0], parts, strict=True)):
        return hit[1]
    refs = guide_refs([ref for part in parts for ref in part], ready.guide_refs)
    if len(ready.cited) >= _CITED_LIMIT:
        ready.cited.clear()
    ready.cited[key] = (parts, refs)
    return refs
