"""A job posting as a target: the skills it names, each required or recommended by where it is written.

The same matcher runs on the posting's text. A skill is *required* when any line naming it says so
("required", "must", "minimum qualifications", ...) or sits under a heading that does; lines or headings saying
"nice to have", "preferred", "bonus", "a plus" make it *recommended*; anything else is *recommended*. A heading
(a short line that is not a bullet and does not end like a sentence, or ends with a colon) sets the cue for the
lines under it; a heading without a cue ends the previous heading's cue. Skills only implied (not written in the
posting) are left out.
Each job skill keeps the guides' citations and the largest weight the taxonomy gives it at any level.

Alternatives: skills written next to each other on one line and joined by "or" or "/" ("PyTorch or TensorFlow",
"Spark/Airflow", "LLMs, RAG or fine-tuning"), or listed on a line that asks for "one of", "at least one" or
"either", form a group that either member satisfies. Years: "3+ years", "at least 5 years of experience" on a line
(the largest figure the posting asks for) are the years required, compared with the resume's.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from gapcheck.knowledge.model import Expectation, Importance, SourceRef, Taxonomy
from gapcheck.matching.model import SkillMatch, Strength
from gapcheck.reading.sections import line_role
from gapcheck.scoring.model import JobInfo, JobSkill

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
# What may stand between two skills of one group: "or", "/", a list comma (the group needs one "or" or "/").
_OR_JOIN = re.compile(r"^\s*(?:,\s*)?(?:or(?:\s+(?:another|other|any))?|/|\|)\s*$", re.IGNORECASE)
_LIST_JOIN = re.compile(r"^\s*,\s*$")
_ONE_OF = re.compile(r"\b(one of|at least one|either|any of)\b", re.IGNORECASE)
_YEARS = re.compile(
    r"\b(?:at least |minimum (?:of )?)?(\d{1,2}(?:\.\d)?)\s*\+?\s*(?:-\s*\d{1,2}\s*)?(?:years?|yrs?)\b", re.IGNORECASE
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


def _line_of(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def alternatives(text: str, written: dict[str, list[tuple[int, int]]]) -> tuple[tuple[str, ...], ...]:
    """Groups of skill ids the posting offers as alternatives (see the module docstring)."""
    by_line: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
    for skill_id, spans in written.items():
        for start, end in spans:
            by_line.setdefault(_line_of(text, start), []).append((start, end, skill_id))
    groups: list[tuple[str, ...]] = []
    for (line_start, line_end), hits in sorted(by_line.items()):
        hits.sort()
        one_of = _ONE_OF.search(text, line_start, line_end)
        if one_of is not None:
            after = tuple(dict.fromkeys(h[2] for h in hits if h[0] >= one_of.end()))
            if len(after) >= 2:
                groups.append(after)
                continue
        run: list[str] = [hits[0][2]] if hits else []
        has_or = False
        for (_, prev_end, _), (start, _, skill_id) in itertools.pairwise(hits):
            between = text[prev_end:start]
            is_or = _OR_JOIN.match(between) is not None
            if is_or or _LIST_JOIN.match(between):
                has_or = has_or or is_or
                if skill_id not in run:
                    run.append(skill_id)
                continue
            if has_or and len(run) >= 2:
                groups.append(tuple(run))
            run, has_or = [skill_id], False
        if has_or and len(run) >= 2:
            groups.append(tuple(run))
    return tuple(groups)


def years_required(text: str) -> float | None:
    """The largest number of years of experience the posting asks for, or None."""
    found = [float(m.group(1)) for m in _YEARS.finditer(text)]
    return max(found) if found else None


def job_expectations(
    text: str, matches: Sequence[SkillMatch], taxonomy: Taxonomy, *, name: str = ""
) -> tuple[tuple[Expectation, ...], JobInfo]:
    """The posting's skills as expectations (``introduced_at="job"``), and their summary for the report."""
    lines = _classify_lines(text)
    expectations: list[Expectation] = []
    skills: list[JobSkill] = []
    spans: dict[str, list[tuple[int, int]]] = {}
    for match in matches:
        written = [e for e in match.evidence if e.implied_by is None]
        if match.strength == Strength.IMPLIED or not written:
            continue
        spans[match.skill_id] = [(e.start, e.end) for e in written]
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
        skills.append(JobSkill(id=match.skill_id, name=match.name, importance=importance))
    order = sorted(range(len(skills)), key=lambda i: (skills[i].importance.rank, skills[i].name.lower()))
    info = JobInfo(
        name=name,
        skills=tuple(skills[i] for i in order),
        years_required=years_required(text),
        alternatives=alternatives(text, spans),
    )
    return tuple(expectations[i] for i in order), info
