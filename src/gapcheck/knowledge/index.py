"""Lookups derived from a taxonomy, computed once when it is built (``Taxonomy.index``).

Scoring asks the same questions of a taxonomy for every resume: the skill with an id, a stage's place in the
roadmap, every skill a skill (transitively) implies, the certifications that teach a skill. (What a skill requires is
walked per resume, through the skills it does not show: ``scoring.gaps``.) The answers
depend only on the taxonomy, so they are built once, with it, and kept read-only beside it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gapcheck.knowledge.frozen import FrozenMap

if TYPE_CHECKING:
    from gapcheck.knowledge.model import Certification, Skill, Stage


@dataclass(frozen=True)
class TaxonomyIndex:
    skills: Mapping[str, Skill]  # id -> skill
    stage_order: Mapping[str, int]  # stage id -> position in roadmap order (0 first)
    implies_closure: Mapping[str, frozenset[str]]  # skill id -> every skill it (transitively) implies
    certifications_by_skill: Mapping[str, tuple[Certification, ...]]  # skill id -> certifications teaching it
    stages: Mapping[str, Stage]  # id -> stage


def closure(direct: Mapping[str, Iterable[str]]) -> dict[str, frozenset[str]]:
    """For each key, every id reachable from it through ``direct`` (itself excluded)."""
    out: dict[str, frozenset[str]] = {}
    for start in direct:
        seen: set[str] = set()
        todo = list(direct[start])
        while todo:
            item = todo.pop()
            if item in seen or item == start:
                continue
            seen.add(item)
            todo.extend(direct.get(item, ()))
        out[start] = frozenset(seen)
    return out


def build_index(
    skills: tuple[Skill, ...], stages: tuple[Stage, ...], certifications: tuple[Certification, ...]
) -> TaxonomyIndex:
    certs: dict[str, list[Certification]] = {}
    for cert in certifications:
        for skill_id in cert.skills:
            certs.setdefault(skill_id, []).append(cert)
    return TaxonomyIndex(
        skills=FrozenMap({s.id: s for s in skills}),
        stage_order=FrozenMap({stage.id: i for i, stage in enumerate(stages)}),
        implies_closure=FrozenMap(closure({s.id: s.implies for s in skills})),
        certifications_by_skill=FrozenMap({k: tuple(v) for k, v in certs.items()}),
        stages=FrozenMap({stage.id: stage for stage in stages}),
    )
