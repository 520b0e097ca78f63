"""A job posting as a target: the skills it names, each required or recommended by where it is written.

The same matcher runs on the posting's text. A skill is *required* when any line naming it says so
("required", "must", "minimum qualifications", ...) or sits under a heading that does; lines or headings saying
"nice to have", "preferred", "bonus", "a plus" make it *recommended*; anything else is *recommended*. A heading
(a short line that is not a bullet and does not end like a sentence, or ends with a colon) sets the cue for the
lines under it; a heading without a cue ends the previous heading's cue. Skills only implied (not written in the
posting) are left out.
Each job skill keeps the guides' citations and the largest weight the taxonomy gives it at any level.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from gapcheck.knowledge.model import Expectation, Importance, SourceRef, Taxonomy
from gapcheck.matching.model import SkillMatch, Strength
from gapcheck.reading.sections import line_role
from gapcheck.report.model import JobInfo, JobSkill

_NICE = re.compile(
    r"\b(nice[- ]to[- ]haves?|preferred|bonus|a plus|is a plus|plus(?=\s*:)|desirable|desired|optional|"
    r"good to have|would be great|ideally)\b",
    re.IGNORECASE,
)
_REQUIRED = re.compile(
    r"\b(required|requirements?|must|must[- ]haves?|minimum qualifications?|basic qualifications?|"
    r"essential|mandatory|you have|what you(?:'|’)ll need|we require)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    importance: Importance


def _cue(text: str) -> Importance | None:
    if _NICE.search(text):
        return Importance.RECOMMENDED
    if _REQUIRED.search(text):
        return Importance.REQUIRED
    return None


def _classify_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    mode = Importance.RECOMMENDED
    offset = 0
    for raw in text.splitlines(keepends=True):
        start, end = offset, offset + len(raw)
        offset = end
        cue = _cue(raw)
        if line_role(raw).title_like:
            mode = cue or Importance.RECOMMENDED
            importance = mode
        else:
            importance = cue or mode
        lines.append(_Line(start, end, importance))
    return lines


def _importance_at(lines: Sequence[_Line], offset: int) -> Importance:
    for line in lines:
        if line.start <= offset < line.end:
            return line.importance
    return Importance.RECOMMENDED


def job_expectations(
    text: str, matches: Sequence[SkillMatch], taxonomy: Taxonomy, *, name: str = ""
) -> tuple[tuple[Expectation, ...], JobInfo]:
    """The posting's skills as expectations (``introduced_at="job"``), and their summary for the report."""
    lines = _classify_lines(text)
    expectations: list[Expectation] = []
    skills: list[JobSkill] = []
    for match in matches:
        written = [e for e in match.evidence if e.implied_by is None]
        if match.strength == Strength.IMPLIED or not written:
            continue
        required = any(_importance_at(lines, e.start) == Importance.REQUIRED for e in written)
        importance = Importance.REQUIRED if required else Importance.RECOMMENDED
        weight = 1.0
        sources: tuple[SourceRef, ...] = ()
        for level in taxonomy.levels:
            exp = level.expectation(match.skill_id)
            if exp is not None and exp.weight >= weight:
                weight = exp.weight
                sources = exp.sources
        expectations.append(
            Expectation(
                skill_id=match.skill_id, importance=importance, weight=weight, sources=sources, introduced_at="job"
            )
        )
        skills.append(JobSkill(id=match.skill_id, name=match.name, importance=str(importance)))
    order = sorted(range(len(skills)), key=lambda i: (skills[i].importance != "required", skills[i].name.lower()))
    return tuple(expectations[i] for i in order), JobInfo(name=name, skills=tuple(skills[i] for i in order))
