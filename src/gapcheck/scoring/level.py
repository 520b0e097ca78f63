"""Levels: the best fit by skills, the level by years, and the target.

Best fit
    Walking the levels upward from the first, the last level whose ``required_coverage`` reaches
    ``best_fit_required_coverage`` before one falls short (expectations are cumulative, so a level above one
    that falls short would only fit through importances raised at it). ``None`` when the first level falls short.

Level by years
    The level whose years band holds the years (``years_min <= years < years_max``); in a hole between bands,
    the highest level whose ``years_min`` is reached. ``None`` when years are unknown.

Current level
    One level, always, from both signals: the level by relevant years (:mod:`.experience`), held to at most
    ``above_skills`` levels above the best fit by skills (the first level when nothing fits), since the guides'
    bands describe what people at a level do, not only how long they have worked (stated years with no dated position,
    at most ``undated_above`` levels above the skills-only placement below); unless the resume shows what
    the years' level adds over the level below, as ``[scoring.skills_only]`` reads an undated resume (a head of
    data science's technical leadership, without the deployment the lower bands require): then that work is
    visible, and the years place it. A resume whose current job is ML
    work is at least ``in_work_level`` (junior; reason ``in-work``) once its professional years reach that level's
    band: the entry band describes people starting out, not people past it in the job (guide 002); an internship or
    a working student's post is still starting out. Neither the years nor the current job reach a level of
    ``work_shown_levels`` (junior) on years of other work alone: unless the ML years alone reach its band, the resume
    must show what the level adds over the one below (``confirms`` of it: a model deployed), else it is a level
    below (reason ``skills``): an analyst whose first models are not in production is entry. The first level
    is the floor for anyone aiming at the role: a resume that demonstrates no ML skill and has no position of ML
    work is there ("no ML shown yet"). A resume that holds a title of the ML engineer's ladder (a rung of
    ``[[scoring.experience.rung]]``: "Senior Machine Learning Engineer") and shows an ML skill (listed will do) is
    at least the highest rung whose ``years`` its years in titles at that rung or above reach and whose level's
    band its professional years of any kind reach (reason ``title``): the employer's title is what the guides'
    progression names (guide 004), guide 003's years for it are the career's, and for its holder guide 002's band
    counts the whole career, not only the ML-weighted years; a promotion of a few months places no one. It holds
    even above the skills' cap, since it shows the level's scope where the skills a resume lists may not. Without
    years, the skills decide, read as an undated resume is read (``[scoring.skills_only]``; without that table, the
    best fit): each level above the first whose mark is shown (demonstrated skills covering ``coverage`` of what its
    required expectations add over the level below, the rise of importance x weight, a listed skill counting
    ``listed``) places the resume one level higher, in any order; that is then the resume's fit by skills. With no
    mark shown, it is the first level (none when the skills fall below the first level's requirements too). A
    headline title of the ladder (the lines under the name: "Lead Machine Learning Engineer") lifts an undated
    resume that shows an ML skill to the rung it names (reason ``title``): the employer's word for its scope.

Target
    The level asked for; without one, the level after the current one (the last level stays the target).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from gapcheck.knowledge.model import Importance, Level, Taxonomy
from gapcheck.matching.model import Strength
from gapcheck.scoring.experience import RelevantYears
from gapcheck.scoring.model import LevelScore
from gapcheck.scoring.prepared import per_taxonomy, prepared

_SHOWN = frozenset({Strength.DEMONSTRATED})
_LISTED = frozenset({Strength.DEMONSTRATED, Strength.LISTED})


class Reason(StrEnum):
    """What placed the resume at its current level."""

    NO_ML = "no-ml"  # no ML skill demonstrated and no ML work: the first level
    YEARS = "years"  # the band of the relevant years (the skills agree or allow it)
    SKILLS = "skills"  # the skills hold it below the years
    SKILLS_ONLY = "skills-only"  # years unknown: the skills decide
    IN_WORK = "in-work"  # the current job is ML work: lifted to ``in_work_level`` above the years' band
    TITLE = "title"  # a title of the ladder, held long enough: lifted to its rung above the years' band


@dataclass(frozen=True)
class CurrentLevel:
    """Where the resume stands, and the two signals it comes from."""

    level: str
    reason: Reason
    by_skills: str | None  # the best fit by skills alone
    by_years: str | None  # the level of the relevant years alone
    years: float | None
    relevant_years: float | None
    ml_years: float
    title: str | None = None  # the ladder title of the highest rung held (None: no title on the ladder)
    title_years: float = 0.0  # years in positions whose titles are on the ladder


def best_fit(levels: Sequence[LevelScore]) -> str | None:
    """The last level met, walking upward until one is not."""
    fit: str | None = None
    for score in levels:
        if not score.met:
            break
        fit = score.level
    return fit


@per_taxonomy
def _rises(taxonomy: Taxonomy) -> tuple[tuple[tuple[str, float], ...], ...]:
    """Per level: each required expectation's rise of importance x weight over the level below (skill id, rise)."""
    weight = prepared(taxonomy).importance_weights.get(Importance.REQUIRED, 0.0)
    out: list[tuple[tuple[str, float], ...]] = []
    below: dict[str, float] = {}
    for level in taxonomy.levels:
        here = {e.skill_id: e.weight * weight for e in level.expectations if e.importance == Importance.REQUIRED}
        out.append(tuple((sid, w - below.get(sid, 0.0)) for sid, w in here.items() if w > below.get(sid, 0.0)))
        below = here
    return tuple(out)


@per_taxonomy
def _mark_factors(taxonomy: Taxonomy) -> Mapping[Strength, float]:
    """What each strength counts towards a level's mark (``[scoring.skills_only]``: demonstrated 1, listed its
    ``listed``; any other nothing); empty without that table."""
    rules = taxonomy.scoring.skills_only
    return MappingProxyType({} if rules is None else {Strength.DEMONSTRATED: 1.0, Strength.LISTED: rules["listed"]})


def _shows_rise(taxonomy: Taxonomy, found: Mapping[str, Strength], index: int, share: str = "confirms") -> bool:
    """Whether the resume shows what the level at ``index`` requires over the level below (``[scoring.skills_only]``:
    its ``share`` of that rise: ``confirms`` beside known years, ``coverage`` alone; a listed skill counting
    ``listed``); False without that table or rise."""
    rules = taxonomy.scoring.skills_only
    if rules is None:
        return False
    factors = _mark_factors(taxonomy)
    rises = _rises(taxonomy)[index]
    total = sum(w for _, w in rises)
    shown = sum(w * factors.get(found.get(sid, Strength.IMPLIED), 0.0) for sid, w in rises)
    return total > 0.0 and shown >= rules[share] * total


def fit_without_years(taxonomy: Taxonomy, found: Mapping[str, Strength], best: str | None) -> str | None:
    """The fit by skills of a resume whose years are unknown (the module docstring); ``best``: the best fit."""
    if taxonomy.scoring.skills_only is None:
        return best
    reached = sum(1 for index in range(1, len(taxonomy.levels)) if _shows_rise(taxonomy, found, index, "coverage"))
    return taxonomy.levels[reached].id if reached or best is not None else None


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


def ml_shown(taxonomy: Taxonomy, found: Mapping[str, Strength], strengths: frozenset[Strength] = _SHOWN) -> bool:
    """Whether the resume shows any ML skill (the first work kind's skills, or any when none is defined) at one of
    ``strengths`` (demonstrated, unless told)."""
    rules = taxonomy.scoring.experience
    kind = rules.kinds[0] if rules is not None and rules.kinds else None
    return any(
        strength in strengths
        and (kind is None or skill_id in kind.skills or taxonomy.skill(skill_id).category in kind.categories)
        for skill_id, strength in found.items()
    )


def current_level(
    taxonomy: Taxonomy, levels: Sequence[LevelScore], found: Mapping[str, Strength], years: RelevantYears
) -> CurrentLevel:
    """The one level the resume is at now (see the module docstring)."""
    ids = [lv.id for lv in taxonomy.levels]
    level_at = prepared(taxonomy).level_at
    by_skills = best_fit(levels)
    by_years = level_by_years(taxonomy, years.relevant)
    skills_index = level_at[by_skills] if by_skills is not None else 0
    if not ml_shown(taxonomy, found) and years.ml_years <= 0:
        index, reason = 0, Reason.NO_ML
    elif by_years is None:
        by_skills = fit_without_years(taxonomy, found, by_skills)
        index, reason = level_at[by_skills] if by_skills is not None else 0, Reason.SKILLS_ONLY
        # the headline's title of the ladder ("Lead Machine Learning Engineer") is the employer's word for the scope
        # the skills may not show; with no years to weigh, it stands as the rung it names
        if years.title_level is not None and level_at[years.title_level] > index and ml_shown(taxonomy, found, _LISTED):
            index, reason = level_at[years.title_level], Reason.TITLE
    else:
        years_index = level_at[by_years]
        rules = taxonomy.scoring.experience
        cap = min(skills_index + (rules.above_skills if rules is not None else 1), len(ids) - 1)
        if years.undated and rules is not None and rules.undated_above is not None:
            # stated years with no dated position to weigh them: at most ``undated_above`` over the skills alone
            alone = fit_without_years(taxonomy, found, by_skills)
            cap = min(cap, (level_at[alone] if alone is not None else 0) + rules.undated_above)
        # the cap holds while the years' level is not visible in the work; a resume that shows what that level adds
        # over the one below (a head of data science's technical leadership) is at it, whatever it lacks below
        shows_level = years_index > cap and _shows_rise(taxonomy, found, years_index)
        index, reason = (years_index, Reason.YEARS) if years_index <= cap or shows_level else (cap, Reason.SKILLS)
        # years of other work alone do not make a level of ``work_shown_levels`` (a junior's first model in production)
        work_shown = functools.cache(functools.partial(_work_shown, taxonomy, found, years))
        if index > 0 and not work_shown(index):
            index, reason = index - 1, Reason.SKILLS
        floor = _in_work_floor(taxonomy, years, work_shown)
        if floor is not None and index < floor:
            index, reason = floor, Reason.IN_WORK
        # a ladder title counts when the resume also shows an ML skill, in its work or in its lists ("AI Platform
        # team" in the title of a Java engineer who names no ML skill is no rung)
        rung = _title_floor(taxonomy, years) if ml_shown(taxonomy, found, _LISTED) else None
        if rung is not None and index < rung:
            index, reason = rung, Reason.TITLE
    return CurrentLevel(
        level=ids[index],
        reason=reason,
        by_skills=by_skills,
        by_years=by_years,
        years=years.years,
        relevant_years=years.relevant,
        ml_years=years.ml_years,
        title=years.title,
        title_years=years.title_years,
    )


def _work_shown(taxonomy: Taxonomy, found: Mapping[str, Strength], years: RelevantYears, index: int) -> bool:
    """Whether the level at ``index`` may be reached by the years: True unless it is one of ``work_shown_levels``
    whose ``years_min`` the ML years alone fall short of while the resume does not show what the level adds over
    the one below (``_shows_rise``: its ``confirms`` share)."""
    rules = taxonomy.scoring.experience
    level = taxonomy.levels[index]
    if rules is None or level.id not in rules.work_shown_levels or years.ml_years >= level.years_min:
        return True
    return _shows_rise(taxonomy, found, index)


def _in_work_floor(taxonomy: Taxonomy, years: RelevantYears, work_shown: Callable[[int], bool]) -> int | None:
    """The index of ``in_work_level`` when the resume's current job is ML work, its professional years reach that
    level's ``years_min`` and the level's work is shown (``work_shown``: :func:`_work_shown` of this resume, per
    level index); else None."""
    rules = taxonomy.scoring.experience
    if rules is None or rules.in_work_level is None or not years.in_work or years.years is None:
        return None
    index = prepared(taxonomy).level_at[rules.in_work_level]
    if years.years < taxonomy.levels[index].years_min or not work_shown(index):
        return None
    return index


def _title_floor(taxonomy: Taxonomy, years: RelevantYears) -> int | None:
    """The index of the highest rung whose ``years`` the years in titles at that rung or above reach, and whose
    level's band the professional years (all kinds) reach (a lead's title with a senior's career is senior); None
    without such a rung."""
    rules = taxonomy.scoring.experience
    if rules is None or years.title_level is None:
        return None
    at_rung = dict(years.rung_years)
    level_at = prepared(taxonomy).level_at
    total = years.years if years.years is not None else 0.0
    reached = [
        level_at[r.level]
        for r in rules.rungs
        if at_rung.get(r.level, 0.0) >= r.years and total >= taxonomy.levels[level_at[r.level]].years_min
    ]
    return max(reached) if reached else None


def target_level(taxonomy: Taxonomy, best: str | None, level: str | None) -> tuple[Level, bool]:
    """The target level and whether the user chose it."""
    if level is not None:
        return check_level(taxonomy, level), True
    if best is None:
        return taxonomy.levels[0], False
    index = prepared(taxonomy).level_at[best]
    return taxonomy.levels[min(index + 1, len(taxonomy.levels) - 1)], False
