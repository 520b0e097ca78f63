"""Relevant years: professional years counted by the kind of work each position shows (``[scoring.experience]``).

A position's kind is the first of the taxonomy's work kinds (in order: ML work, then software work) that its entry
shows: a word of the kind's titles in its title line, or else (unless a word of its ``not_titles`` is there: a data
analyst's entry may show ML, the position is a stepping stone to it) ``min_skills`` distinct skills of the kind's
categories or skills seen (not implied) in the entry's text, on at least as many distinct lines (one bullet naming a
forecast model in an SRE's entry is a passing mention, not years of ML work). Each calendar month counts once, by
the best credit of the professional positions that cover it (at the reader's weight: an internship at half its
credit), else not at all. A current job of the first kind is noted (``in_work``: the level's floor, :mod:`.level`);
an internship or a working student's post is not a job at the level's band yet, however long. When the reader's
years come from a stated figure ("15+ years"), that figure is scaled by the positions' mean credit, but never below
the months of ML work alone (up to the figure itself); with no dated position at all (how the years split is
unknown), they count at the credit of the first kind whose titles the resume's headline names (the lines under the
name: "Senior Machine Learning Engineer"; :func:`headline`), else at the best credit among the kinds whose skills
the resume demonstrates anywhere (but a kind the headline bars: "Data Analyst"), else at ``other_credit``; such
years are marked ``undated``, and :mod:`.level` holds them near the skills.

The title ladder (``[[scoring.experience.rung]]``): a position whose title holds a word of the first kind's titles
and none of ``ladder_not_titles`` is on the ladder ("Senior Machine Learning Engineer", not "Senior Data
Scientist"); its months count once each (at the reader's weight) as ``title_years``, and the highest rung any of
those titles names is ``title_level`` (with that title, the first the reader lists). ``rung_years`` holds, for each
rung, the months in titles naming that rung or a higher one (:mod:`.level` decides whether they carry it).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from gapcheck.knowledge.model import ExperienceRules, Rung, Taxonomy, WorkKind
from gapcheck.matching.model import SkillMatch, Strength
from gapcheck.reading.model import Position, Section
from gapcheck.scoring.prepared import prepared


@dataclass(frozen=True)
class RelevantYears:
    years: float | None  # the reader's professional years
    relevant: float | None  # the same, each year weighted by the kind of work it shows
    ml_years: float  # months of ML work alone (internships at half), in years
    kinds: tuple[str, ...]  # per position, in the reader's order: the work kind id, "other", or "" (not counted)
    in_work: bool = False  # a current position (to "Present", full work, not an internship) shows ML work
    title: str | None = None  # the ladder title of the highest rung (None: no position is on the ladder)
    title_level: str | None = None  # the level of that title's rung
    title_years: float = 0.0  # months in positions on the ladder (internships at half), in years
    rung_years: tuple[tuple[str, float], ...] = ()  # per rung's level: years in ladder titles at that rung or above
    undated: bool = False  # the years are a stated figure with no dated position to split them


@functools.lru_cache(maxsize=64)
def _any_word(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """One expression finding any of ``words`` as a whole word (None for no word), made once per word list."""
    if not words:
        return None
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w])")


def _has_word(title: str, words: tuple[str, ...]) -> bool:
    pattern = _any_word(words)
    return pattern is not None and pattern.search(title) is not None


def _title_says(kind: WorkKind, title: str, *, strict: bool = False) -> bool | None:
    """What a title says of ``kind``: True for a word of its titles, else False for a word of its ``not_titles``
    ("Data Analyst" is no ML work), else None (the title does not say). ``strict`` (a headline, whose lines may name
    the roles sought too: "Data Analyst | Open to: ML Engineer"): a word of ``not_titles`` anywhere says False."""
    words = title.casefold()
    barred = _has_word(words, kind.not_titles)
    if _has_word(words, kind.titles) and not (strict and barred):
        return True
    return False if barred else None


def _shows(
    kind: WorkKind, taxonomy: Taxonomy, seen: Mapping[str, frozenset[str]], title: str, *, least: int = 1
) -> bool:
    """Whether a title or the skills ``seen`` (each with the lines it was seen on) show work of ``kind``: what the
    title says (:func:`_title_says`), else ``least`` distinct skills of the kind, seen on at least as many distinct
    lines."""
    said = _title_says(kind, title)
    if said is not None:
        return said
    shown = [s for s in seen if s in kind.skills or taxonomy.skill(s).category in kind.categories]
    lines = {line for s in shown for line in seen[s]}
    return len(shown) >= least and len(lines) >= least


def position_kind(
    rules: ExperienceRules, taxonomy: Taxonomy, position: Position, matches: Sequence[SkillMatch]
) -> WorkKind | None:
    seen: dict[str, set[str]] = {}
    for m in matches:
        if m.strength == Strength.IMPLIED:
            continue
        for e in m.evidence:
            if e.implied_by is None and position.span_start <= e.start < position.span_end:
                seen.setdefault(m.skill_id, set()).add(e.text)
    lines = {sid: frozenset(texts) for sid, texts in seen.items()}
    for kind in rules.kinds:
        if _shows(kind, taxonomy, lines, position.title, least=kind.min_skills):
            return kind
    return None


def on_ladder(rules: ExperienceRules, title: str) -> bool:
    """Whether a job title is on the title ladder: a word of the first kind's titles ("machine learning") and none
    of ``ladder_not_titles`` ("scientist")."""
    words = title.casefold()
    return (
        bool(rules.rungs and rules.kinds)
        and _has_word(words, rules.kinds[0].titles)
        and not _has_word(words, rules.ladder_not_titles)
    )


def rung_of(rules: ExperienceRules, title: str, order: Mapping[str, int]) -> Rung | None:
    """The highest rung (by ``order``, the levels' index) whose words the title holds; None when it names none."""
    words = title.casefold()
    named = [rung for rung in rules.rungs if _has_word(words, rung.titles)]
    return max(named, key=lambda rung: order[rung.level]) if named else None


def _months(start: date, end: date) -> Iterable[int]:
    first = start.year * 12 + start.month - 1
    last = end.year * 12 + end.month - 1
    return range(first, max(last, first))


def relevant_years(
    taxonomy: Taxonomy,
    years: float | None,
    positions: Sequence[Position],
    matches: Sequence[SkillMatch],
    headline: str = "",
) -> RelevantYears:
    """The relevant years (the module docstring); ``headline``: the lines under the resume's name (:func:`headline`),
    read only when no position is dated; with the years unknown, a headline title on the ladder is the ``title``
    (its rung the ``title_level``, no years in it)."""
    rules = taxonomy.scoring.experience
    if rules is None:
        return RelevantYears(years, years, 0.0, ())
    if years is None:
        line = next((ln for ln in headline.splitlines() if on_ladder(rules, ln)), None)
        rung = rung_of(rules, line, prepared(taxonomy).level_at) if line is not None else None
        if line is None or rung is None:
            return RelevantYears(years, years, 0.0, ())
        return RelevantYears(years, years, 0.0, (), title=line, title_level=rung.level)
    credit: dict[int, float] = {}
    counted: dict[int, float] = {}
    ml: dict[int, float] = {}
    kinds: list[str] = []
    in_work = False
    first_kind = rules.kinds[0].id if rules.kinds else ""
    titled: dict[int, float] = {}
    at_rung: dict[str, dict[int, float]] = {rung.level: {} for rung in rules.rungs}
    order = prepared(taxonomy).level_at
    top: tuple[str, str] | None = None  # (title, level) of the highest rung named
    for position in positions:
        share = position.weight  # the reader's share: 1 for work, 0.5 for internships, 0 when not counted
        if share <= 0:
            kinds.append("")
            continue
        kind = position_kind(rules, taxonomy, position, matches)
        kinds.append(kind.id if kind is not None else "other")
        in_work = in_work or (position.current and share >= 1.0 and kind is not None and kind.id == first_kind)
        value = share * (kind.credit if kind is not None else rules.other_credit)
        for month in _months(position.start, position.end):
            credit[month] = max(credit.get(month, 0.0), value)
            counted[month] = max(counted.get(month, 0.0), share)
            if kind is not None and kind.id == first_kind:
                ml[month] = max(ml.get(month, 0.0), share)
        if not on_ladder(rules, position.title):
            continue
        for month in _months(position.start, position.end):
            titled[month] = max(titled.get(month, 0.0), share)
        rung = rung_of(rules, position.title, order)
        if rung is None:
            continue
        if top is None or order[rung.level] > order[top[1]]:
            top = (position.title, rung.level)
        for level, months in at_rung.items():
            if order[level] <= order[rung.level]:
                for month in _months(position.start, position.end):
                    months[month] = max(months.get(month, 0.0), share)
    ml_years = round(sum(ml.values()) / 12, 2)
    title, title_level = top if top is not None else (None, None)
    title_years = round(sum(titled.values()) / 12, 2)
    rung_years = tuple((level, round(sum(months.values()) / 12, 2)) for level, months in at_rung.items())
    if counted:
        mean = sum(credit.values()) / sum(counted.values())
        # A stated total shorter than the dated positions must not count fewer years than the ML months alone.
        relevant = max(years * mean, min(ml_years, years))
        return RelevantYears(
            years, round(relevant, 2), ml_years, tuple(kinds), in_work, title, title_level, title_years, rung_years
        )
    # No dated position to read lines from: the role the resume's headline names ("Senior Machine Learning Engineer"
    # under the name) is the work of its stated years; without one, each demonstrated skill stands as seen on a line
    # of its own (its id for the line), so _shows' rule of as many distinct lines as skills asks only for distinct
    # skills, and the years count at the best credit among the kinds shown: a stated "6+ years" is taken at its word
    # for the work the resume shows, and the level it reaches is held near the skills by ``undated_above``.
    named = next((kind for kind in rules.kinds if _title_says(kind, headline, strict=True)), None)
    if named is not None:
        fallback = named.credit
    else:
        shown = {m.skill_id: frozenset({m.skill_id}) for m in matches if m.strength == Strength.DEMONSTRATED}
        credits = [  # a kind the headline bars ("Data Analyst | Open to: ML Engineer") is not the figure's work
            kind.credit
            for kind in rules.kinds
            if _title_says(kind, headline, strict=True) is not False and _shows(kind, taxonomy, shown, "")
        ]
        fallback = max(credits) if credits else rules.other_credit
    return RelevantYears(years, round(years * fallback, 2), ml_years, tuple(kinds), in_work, undated=True)


_CONTACT = re.compile(r"@|://|www\.|\w\.(?:com|io|org|net|dev|me|fyi)\b|\d{6,}|(?:\d[\s().-]*){7,}")


def headline(sections: Sequence[Section]) -> str:
    """The lines under the name, above the first heading ("Senior Machine Learning Engineer"): the text before the
    first heading without its first line (the name) and without contact lines (an address, a link, a number)."""
    if not sections or sections[0].heading:
        return ""
    lines = [line.strip() for line in sections[0].text.splitlines() if line.strip()]
    return "\n".join(line for line in lines[1:] if not _CONTACT.search(line))
