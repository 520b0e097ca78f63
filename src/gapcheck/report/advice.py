"""The sentences of a report's advice: where the resume stands, why each gap matters, and the next step.

Scoring (:mod:`gapcheck.scoring`) returns data only; this module words it, from the taxonomy's names, stages,
resources and certifications.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING

from gapcheck.knowledge.frozen import maker
from gapcheck.knowledge.model import Taxonomy
from gapcheck.report.model import Gap, NextStep
from gapcheck.report.words import group_citations, is_credential, months_phrase, strength_meaning, years_phrase
from gapcheck.scoring.gaps import RankedGap
from gapcheck.scoring.level import CurrentLevel, Reason
from gapcheck.scoring.model import GuideRef, StageRef
from gapcheck.scoring.prepared import per_taxonomy, prepared

# Gap(...) and NextStep(...), built without their generated __init__ (some 60 of each a resume; mypy checks the calls)
_Gap = Gap if TYPE_CHECKING else maker(Gap)
_NextStep = NextStep if TYPE_CHECKING else maker(NextStep)


def guide_label(taxonomy: Taxonomy, key: str) -> str:
    """How a report cites a guide: its short title (the report's legend gives the full one)."""
    try:
        source = taxonomy.source(key)
    except KeyError:
        return key
    return source.short or source.title


def citations(taxonomy: Taxonomy, refs: Sequence[GuideRef]) -> list[str]:
    """One entry per guide, in first-cited order, with its sections: "Career guide (Career Path, FAQ)"."""
    pairs = tuple((r.source, r.section) for r in refs)
    known = _said(taxonomy).citations
    found = known.get(pairs)
    if found is None:
        found = known[pairs] = tuple(
            guide_label(taxonomy, key) + (f" ({', '.join(secs)})" if secs else "")
            for key, secs in group_citations(pairs)
        )
    return list(found)


@dataclass(frozen=True)
class _Said:
    """Wordings that depend on the taxonomy alone, kept per taxonomy as the gaps first need them."""

    citations: dict[tuple[tuple[str, str], ...], tuple[str, ...]] = field(default_factory=dict)  # by citations
    stages: dict[str, tuple[StageRef, str]] = field(default_factory=dict)  # stage id -> (the stage, its phrase)
    worded: dict[tuple[object, ...], tuple[tuple[object, ...], tuple[str, NextStep]]] = field(
        default_factory=dict
    )  # see _worded()


@per_taxonomy
def _said(taxonomy: Taxonomy) -> _Said:
    return _Said()


def _in_stage(taxonomy: Taxonomy, stage: StageRef) -> str:
    """ " in roadmap stage 2, Machine learning (2–3 months)" """
    known = _said(taxonomy).stages
    found = known.get(stage.id)
    if found is None or (found[0] is not stage and found[0] != stage):
        length = months_phrase(stage.months_min, stage.months_max, estimate=False)
        found = known[stage.id] = (stage, f" in roadmap stage {stage.order}, {stage.name} ({length})")
    return found[1]


def assessment(taxonomy: Taxonomy, now: CurrentLevel) -> str:
    """One sentence: the current level and why, from its two signals (skills shown, relevant years)."""
    name = taxonomy.level(now.level).name
    skills = (
        f"skills fit {taxonomy.level(now.by_skills).name}"
        if now.by_skills is not None
        else "skills fall below the first level's requirements"
    )
    if now.years is None:
        years = "years of experience could not be read"
    else:
        years = f"{years_phrase(now.years)} of professional work"
        if now.relevant_years is not None and years_phrase(now.relevant_years) != years_phrase(now.years):
            years = (
                f"{years_phrase(now.relevant_years)} of ML-engineering experience "
                f"(from {years_phrase(now.years)} of professional work)"
            )
    if now.reason == "no-ml":
        return f"{name}: no ML work shown yet ({years}); the first level is where anyone aiming at the role starts."
    if now.reason == "skills-only":
        return f"{name}: the {skills}; {years}, so the skills alone decide."
    if now.reason == "skills":
        by_years = taxonomy.level(now.by_years).name if now.by_years is not None else "a higher level"
        at = prepared(taxonomy).level_at
        if now.by_skills is not None and at[now.by_skills] > at[now.level]:
            # held by the work shown, not by the fit (a junior's model in production, scoring.experience)
            above = taxonomy.levels[at[now.level] + 1].name
            skills = f"resume does not yet show the ML work that {above} adds"
        return (
            f"{name}: the years alone suggest {by_years} ({years}), but the {skills}, "
            "and the guides' levels describe what people do, not only how long."
        )
    agree = "and the skills agree" if now.by_skills == now.level else f"and the {skills}"
    if now.reason == Reason.IN_WORK and now.years is not None:  # a current ML job's floor
        relevant = f"{years_phrase(now.relevant_years)} of" if now.relevant_years is not None else "the"
        suggest = "suggests" if relevant in ("the", "1 year of") else "suggest"
        alone = (
            f", though {relevant} ML-engineering experience alone {suggest} "
            f"{taxonomy.level(now.by_years).name}"
            if now.by_years is not None and now.by_years != now.level
            else ""
        )
        return (
            f"{name}: the current job is ML work and {years_phrase(now.years)} of professional work reach its "
            f"band{alone}; {agree.removeprefix('and ')}."
        )
    if now.reason == Reason.TITLE and now.title is not None and now.years is None:  # the headline's title, undated
        return (
            f"{name}: the headline's title \u201c{now.title}\u201d is a rung of the ML engineer's ladder and {years}, "
            f"so the title places it; the {skills}."
        )
    if now.reason == Reason.TITLE and now.title is not None:  # a title of the ladder, held long enough
        return (
            f"{name}: the title \u201c{now.title}\u201d is a rung of the ML engineer's ladder, held at that rung or "
            f"above as long as the guides ask, with {years_phrase(now.years or 0.0)} of professional work in the "
            f"level's band; {agree.removeprefix('and ')}."
        )
    level = taxonomy.level(now.level)
    band = citations(taxonomy, [GuideRef(source=r.source, section=r.section) for r in level.sources[:1]])
    fall = "falls" if years.startswith("1 year ") else "fall"
    return f"{name}: {years} {fall} in its band{' per ' + band[0] if band else ''}, {agree}."


def _found(taxonomy: Taxonomy, gap: RankedGap) -> str:
    """ "found, but only listed (in a skills list)" """
    source = taxonomy.index.skills.get(gap.implied_by or "")
    return "found, but " + strength_meaning(gap.strength, source.name if source is not None else None)


def why(taxonomy: Taxonomy, gap: RankedGap, target_name: str) -> str:
    """One sentence: the importance, for what, which guides ask for it (where), and what the resume shows."""
    importance = gap.importance.capitalize()
    if gap.since == "job":
        head = f"{importance} by the job posting"
    else:
        head = f"{importance} for {target_name}, expected from the {gap.since} level on"
    cites = citations(taxonomy, gap.sources)
    if cites:
        asks = "guides ask" if len(cites) != 1 else "guide asks"
        head += f"; {len(cites)} {asks} for it: " + "; ".join(cites)
    if gap.emphasis is not None:
        emphasis = next((e for e in taxonomy.scoring.emphasis if e.id == gap.emphasis), None)
        if emphasis is not None:
            head += f"; {emphasis.name}, as the guides put it"
    if gap.separates:
        head += "; it separates the target from where you stand"
    if gap.stands_for is not None:
        head += f"; the concrete first step of {taxonomy.skill(gap.stands_for).name}"
    if gap.alternatives:
        head += "; " + " or ".join(taxonomy.skill(s).name for s in gap.alternatives) + " would do as well"
    if gap.kind == "weak":
        head += f"; {_found(taxonomy, gap)}"
    return head + "."


def next_step(taxonomy: Taxonomy, gap: RankedGap) -> NextStep:
    """What to do: learn a missing skill (first, when others build on it; where in the roadmap; after what), or
    show a weak one. The sentence leaves the resources and the certification to their fields, which the renderers
    list."""
    stage = gap.stage
    if gap.kind == "missing":
        text = "Earn it" if is_credential(gap.category) else "Learn it"
        if gap.first_for:
            builds = ", ".join(taxonomy.skill(s).name for s in gap.first_for)
            text += f" first (needed for {builds})"
            text += "," if stage is not None else ""
        if stage is not None:
            text += _in_stage(taxonomy, stage)
        if gap.learn_first:
            text += ", after " + ", ".join(taxonomy.skill(s).name for s in gap.learn_first)
        text += "."
        action = "learn"
    else:
        text = (
            "Show it: add a project or an experience bullet that uses it "
            "(what you built with it, and the result)"
        )
        if gap.strength == "hedged":
            text += ", and drop the hedge once you have"
        text += "."
        action = "show"
    return _NextStep(
        action=action,
        text=text,
        stage=stage,
        resources=gap.resources,
        certifications=gap.certifications,
        learn_first=gap.learn_first,
    )


_WORDED_LIMIT = 8192  # wordings kept per taxonomy (a level's gaps make a few hundred)


def _worded(taxonomy: Taxonomy, gap: RankedGap, target_name: str) -> tuple[str, NextStep]:
    """:func:`why` and :func:`next_step` of ``gap``, kept per taxonomy by what they read of it (its citations,
    stage, resources and certifications by identity: scoring's tuples recur for every resume; each kept entry holds
    them, so no id is reused)."""
    held = (gap.sources, gap.stage, gap.resources, gap.certifications)
    key = (
        target_name,
        gap.kind,
        gap.importance,
        gap.since,
        gap.category,
        gap.emphasis,
        gap.separates,
        gap.stands_for,
        gap.alternatives,
        gap.strength,
        gap.implied_by,
        gap.first_for,
        gap.learn_first,
        *map(id, held),
    )
    known = _said(taxonomy).worded
    hit = known.get(key)
    if hit is not None and all(a is b for a, b in zip(hit[0], held, strict=True)):
        return hit[1]
    said = (why(taxonomy, gap, target_name), next_step(taxonomy, gap))
    if len(known) >= _WORDED_LIMIT:
        known.clear()
    known[key] = (held, said)
    return said


# the fields a report's Gap takes as they are from scoring's RankedGap: all but the two sentences made here
_WORDED_FIELDS = frozenset({"why", "next_step"})
_SHARED_FIELDS = tuple(f.name for f in fields(Gap) if f.name not in _WORDED_FIELDS)


def gap_entries(taxonomy: Taxonomy, gaps: Sequence[RankedGap], target_name: str) -> tuple[Gap, ...]:
    """The report's gaps: the ranked data with its sentences."""
    out = []
    for g in gaps:
        said, step = _worded(taxonomy, g, target_name)
        out.append(_Gap(**{name: getattr(g, name) for name in _SHARED_FIELDS}, why=said, next_step=step))
    return tuple(out)
