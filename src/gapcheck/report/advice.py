"""The sentences of a report's advice: where the resume stands, why each gap matters, and the next step.

Scoring (:mod:`gapcheck.scoring`) returns data only; this module words it, from the taxonomy's names, stages,
resources and certifications.
"""

from __future__ import annotations

from collections.abc import Sequence

from gapcheck.knowledge.model import Taxonomy
from gapcheck.report.model import Gap, GuideRef, NextStep
from gapcheck.scoring.gaps import RankedGap

_STRENGTH_WORDS = {
    "listed": "the resume only lists it",
    "mentioned": "the resume only mentions it (summary, education or elsewhere)",
    "hedged": "the resume hedges it (familiar with, basic, learning)",
    "implied": "the resume does not write it; it only follows from another skill",
}


def guide_label(taxonomy: Taxonomy, key: str) -> str:
    """How a report cites a guide: its short title (the report's legend gives the full one)."""
    try:
        source = taxonomy.source(key)
    except KeyError:
        return key
    return source.short or source.title


def citations(taxonomy: Taxonomy, refs: Sequence[GuideRef]) -> list[str]:
    """One entry per guide, in first-cited order, with its sections: "Career guide (Career Path, FAQ)"."""
    sections: dict[str, list[str]] = {}
    for ref in refs:
        listed = sections.setdefault(ref.source, [])
        if ref.section and ref.section not in listed:
            listed.append(ref.section)
    return [
        guide_label(taxonomy, key) + (f" ({', '.join(secs)})" if secs else "") for key, secs in sections.items()
    ]


def months_range(low: float, high: float) -> str:
    """ "3–4 months", "6 months" """
    return f"{_months(low)} months" if low == high else f"{_months(low)}–{_months(high)} months"


def _level_phrase(level_id: str) -> str:
    article = "an" if level_id[:1].lower() in "aeiou" else "a"
    return f"{article} {level_id}-level engineer"


def _years_phrase(years: float) -> str:
    text = f"{years:.1f}".rstrip("0").rstrip(".")
    return f"{text} year{'' if text == '1' else 's'} of experience"


def assessment(best: str | None, by_years: str | None, years: float | None) -> str:
    """One line on where the resume stands; says so when skills and years disagree."""
    skills = "skills below the entry level's requirements" if best is None else f"skills of {_level_phrase(best)}"
    if years is None:
        return f"{skills.capitalize()}; years of experience could not be read."
    line = f"{skills.capitalize()}, {_years_phrase(years)}"
    if by_years is not None and by_years != best:
        return f"{line} (the years alone suggest {by_years} level)."
    return f"{line} (skills and years agree)."


def _months(value: float) -> str:
    return f"{value:g}"


def _strength_words(taxonomy: Taxonomy, gap: RankedGap) -> str:
    if gap.strength == "implied" and gap.implied_by:
        source = taxonomy.index.skills.get(gap.implied_by)
        name = source.name if source is not None else gap.implied_by
        return f"the resume does not write it; it only follows from {name}"
    return _STRENGTH_WORDS.get(gap.strength or "", "the resume shows no use of it")


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
    if gap.kind == "weak":
        head += f"; {_strength_words(taxonomy, gap)}"
    return head + "."


def next_step(taxonomy: Taxonomy, gap: RankedGap) -> NextStep:
    """What to do: learn a missing skill (where in the roadmap, after what, with what), or show a weak one."""
    stage = gap.stage
    if gap.kind == "missing":
        parts = ["Learn it"]
        if stage is not None:
            parts[0] += (
                f" in roadmap stage {stage.order}, {stage.name} ({months_range(stage.months_min, stage.months_max)})"
            )
        if gap.learn_first:
            parts[0] += ", after " + ", ".join(taxonomy.skill(s).name for s in gap.learn_first)
        if gap.resources:
            parts.append("resources: " + ", ".join(gap.resources))
        if gap.certifications:
            c = gap.certifications[0]
            detail = ", ".join(x for x in (c.provider, c.cost, c.time) if x)
            parts.append(f"certification: {c.name}" + (f" ({detail})" if detail else ""))
        text = "; ".join(parts) + "."
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
    return NextStep(
        action=action,
        text=text,
        stage=stage,
        resources=gap.resources,
        certifications=gap.certifications,
        learn_first=gap.learn_first,
    )


def gap_entries(taxonomy: Taxonomy, gaps: Sequence[RankedGap], target_name: str) -> tuple[Gap, ...]:
    """The report's gaps: the ranked data with its sentences."""
    return tuple(
        Gap(
            rank=g.rank,
            id=g.id,
            name=g.name,
            category=g.category,
            kind=g.kind,
            strength=g.strength,
            importance=g.importance,
            weight=g.weight,
            priority=g.priority,
            since=g.since,
            why=why(taxonomy, g, target_name),
            sources=g.sources,
            next_step=next_step(taxonomy, g),
        )
        for g in gaps
    )
