"""From the places skills were seen to one SkillMatch per skill: strength, evidence, years used, implied skills.

Strength of one place: hedged ("familiar with", "Some experience:") -> HEDGED; coursework -> MENTIONED (a course
shows the topic was studied, more than a hedge and less than use); inside a dated position's entry or an
experience/projects section -> DEMONSTRATED; a skills section or a "Skills:"-labelled line -> LISTED; elsewhere
(summary, education, awards...) -> MENTIONED. A skill takes its strongest place.

Skills reached through the taxonomy's ``implies`` links (transitively) and not seen themselves get IMPLIED, with one
evidence per source skill (its first place, ``implied_by`` naming the source). A skill seen directly keeps its own
strength.

Years used: the dated positions (Resume.positions) whose entries hold a non-hedged place of the skill, their spans
merged where they overlap, in years (one decimal); last used: the latest end year among them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from gapcheck.knowledge.model import Taxonomy
from gapcheck.matching.matcher import Hit
from gapcheck.matching.model import Evidence, Method, SkillMatch, Strength
from gapcheck.reading.model import Position, Resume, SectionKind

_USED_SECTIONS = frozenset({SectionKind.EXPERIENCE, SectionKind.PROJECTS})


def _position_of(resume: Resume, offset: int) -> Position | None:
    for position in resume.positions:
        if position.span_start <= offset < position.span_end:
            return position
    return None


def hit_strength(hit: Hit, position: Position | None) -> Strength:
    """The strength one place shows; ``position``: the dated position whose entry holds it, if any."""
    place = hit.evidence
    if place.hedged:
        return Strength.HEDGED
    if hit.coursework:
        return Strength.MENTIONED
    if place.section in _USED_SECTIONS or position is not None:
        return Strength.DEMONSTRATED
    if place.section == SectionKind.SKILLS or hit.skills_line:
        return Strength.LISTED
    return Strength.MENTIONED


def _month(day: date) -> int:
    return day.year * 12 + day.month - 1


def _merged_years(positions: Iterable[Position]) -> float:
    """Years covered by the positions' spans, overlaps counted once (months as the reader counts them)."""
    spans = sorted((_month(p.start), _month(p.end)) for p in positions)
    months = 0
    cur: tuple[int, int] | None = None
    for start, end in spans:
        if cur is None:
            cur = (start, end)
        elif start <= cur[1]:
            cur = (cur[0], max(cur[1], end))
        else:
            months += cur[1] - cur[0]
            cur = (start, end)
    if cur is not None:
        months += cur[1] - cur[0]
    return round(months / 12, 1)


def build_matches(resume: Resume, taxonomy: Taxonomy, hits: list[Hit]) -> tuple[SkillMatch, ...]:
    by_skill: dict[str, list[Hit]] = {}
    for hit in hits:
        by_skill.setdefault(hit.skill_id, []).append(hit)

    matches: dict[str, SkillMatch] = {}
    for skill_id, skill_hits in by_skill.items():
        skill = taxonomy.skill(skill_id)
        positions = [_position_of(resume, h.evidence.start) for h in skill_hits]
        strengths = [hit_strength(h, p) for h, p in zip(skill_hits, positions, strict=True)]
        ranks = [s.rank for s in strengths]
        best = strengths[ranks.index(min(ranks))]
        used = {
            id(p): p
            for h, p in zip(skill_hits, positions, strict=True)
            if p is not None and not h.evidence.hedged and not h.coursework
        }
        years = _merged_years(used.values()) if used else None
        last = max(p.end.year for p in used.values()) if used else None
        matches[skill_id] = SkillMatch(
            skill_id=skill_id,
            name=skill.name,
            category=skill.category,
            strength=best,
            # strongest place first (what a report shows as the reason), then in reading order
            evidence=tuple(
                h.evidence
                for _, h in sorted(zip(ranks, skill_hits, strict=True), key=lambda rh: (rh[0], rh[1].evidence.start))
            ),
            years_used=years,
            last_used=last,
        )

    implied: dict[str, list[Evidence]] = {}
    closure = taxonomy.index.implies_closure  # built once per taxonomy: every skill a skill reaches by implies
    for source_id, source_hits in by_skill.items():
        first = source_hits[0]
        for target in closure[source_id]:
            if target not in matches:
                implied.setdefault(target, []).append(
                    replace(first.evidence, method=Method.IMPLIED, score=1.0, implied_by=source_id)
                )
    for target, evidence in implied.items():
        skill = taxonomy.skill(target)
        matches[target] = SkillMatch(
            skill_id=target,
            name=skill.name,
            category=skill.category,
            strength=Strength.IMPLIED,
            evidence=tuple(sorted(evidence, key=lambda e: (e.start, e.implied_by or ""))),
        )
    return tuple(sorted(matches.values(), key=lambda m: (m.strength.rank, m.name.casefold(), m.skill_id)))
