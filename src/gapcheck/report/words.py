"""What the terminal, Markdown and HTML reports say, worded once from the serialized report (``Report.to_dict()``).

The renderers read the JSON shape, not the dataclasses: a saved JSON report renders the same way, and the wording of
a fact (a citation, a duration, where the resume stands) is the same in every format.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from gapcheck.knowledge.model import Strength
from gapcheck.report.names import CATEGORY_NAMES, CREDENTIAL_CATEGORIES, SECTION_NAMES, STRENGTH_WORDS
from gapcheck.report.text import as_of_text, number, percent, strength_rank

Data = Mapping[str, Any]


def plural(count: int, word: str, words: str | None = None) -> str:
    """ "1 gap", "2 gaps"; ``words`` for an irregular plural."""
    return f"{count} {word if count == 1 else (words or word + 's')}"


def category_name(category: str) -> str:
    return CATEGORY_NAMES.get(category, category[:1].upper() + category[1:])


def category_order(categories: Iterable[str]) -> list[str]:
    """Categories in the order reports list them (names.CATEGORY_NAMES first, then alphabetically)."""
    known = list(CATEGORY_NAMES)
    return sorted(set(categories), key=lambda c: (known.index(c) if c in known else len(known), c))


def section_name(kind: str) -> str:
    return SECTION_NAMES.get(kind, kind[:1].upper() + kind[1:])


def months_phrase(months_min: float, months_max: float, *, estimate: bool = True) -> str:
    """A duration as a person says it, the one wording of months in every report. An estimate (the plan's):
    "under a month", "about 2 months", "about 1.5–3 months"; a length as the roadmap gives it (``estimate=False``):
    "1 month", "3–6 months", "up to 2 months". Never "0 months"."""
    if estimate and months_max < 1:
        return "under a month"

    def rounded(value: float) -> str:
        if not estimate:
            return number(value)
        return number(round(value * 2) / 2) if value < 6 else f"{value:.0f}"

    low, high = rounded(max(months_min, 0.5) if estimate else months_min), rounded(months_max)
    about = "about " if estimate else ""
    if low == high:
        return f"{about}{high} month{'' if high == '1' else 's'}"
    if low == "0":
        return f"up to {high} month{'' if high == '1' else 's'}"
    return f"{about}{low}–{high} months"


def level_names(data: Data) -> dict[str, str]:
    return {lv["level"]: lv["name"] for lv in data.get("levels", [])}


def skill_names(data: Data) -> dict[str, str]:
    """Skill id -> display name, for every skill the report names."""
    names = {s["skill_id"]: s["name"] for s in data.get("skills", [])}
    names.update({g["id"]: g["name"] for g in data.get("gaps", [])})
    for step in data.get("plan", []):
        names.update(dict(zip(step.get("skills", []), step.get("names", []), strict=False)))
    return names


def standing(data: Data) -> tuple[str, str]:
    """Where the resume stands: the level's name and how it is judged."""
    best = (data.get("current") or {}).get("level")
    if best is None:
        return "not yet entry level", "the entry level's required skills are not covered enough yet"
    reason = (data.get("current") or {}).get("reason", "")
    how = {
        "no-ml": "no ML work shown yet: where anyone aiming at the role starts",
        "years": "by the years of relevant work and the skills shown",
        "skills": "by the skills shown, which hold it below the years",
        "skills-only": "by the skills the resume shows (no dated work history)",
        "in-work": "by the current job, which is ML work, and the years of professional work",
        "title": "by a title of the ML engineer's ladder, held for the years the guides give it",
    }.get(reason, "by the skills the resume shows")
    return str(level_names(data).get(best, best)), how


def years_phrase(years: float) -> str:
    """ "6 years", "1 year", "6.9 years": cut, not rounded, to one decimal (6.95 years sit below a 7-year band edge
    and must not read as "7 years")."""
    text = f"{math.floor(years * 10 + 1e-9) / 10:.1f}".rstrip("0").rstrip(".")
    return f"{text} year{'' if text == '1' else 's'}"


def experience_parts(data: Data) -> tuple[str, str]:
    """ ("6 years", "counting as 1.9 years of ML engineering; as of 2026-11, as given; the years alone
    suggest Junior ML engineer") """
    experience = data.get("experience") or {}
    years = experience.get("years")
    as_of = as_of_text(experience.get("reference_date", ""), experience.get("reference_source", "today"))
    if years is None:
        if (data.get("current") or {}).get("years") == 0:  # the level counted the resume as showing no work
            return "none", f"no work history found, counted as 0 years ({as_of})"
        return "unknown", f"no dated work history found ({as_of})"
    rest = as_of
    current = data.get("current") or {}
    relevant = current.get("relevant_years")
    if relevant is not None and years_phrase(relevant) != years_phrase(years):
        rest = f"counting as {years_phrase(relevant)} of ML engineering; {as_of}"
    by_years = current.get("by_years")
    if by_years and by_years != current.get("level"):
        rest += f"; the years alone suggest {level_names(data).get(by_years, by_years)}"
    return years_phrase(years), rest


def experience_line(data: Data) -> str:
    """ "2 years, as of 2026-11, as given; the years alone suggest Junior ML engineer" """
    years, rest = experience_parts(data)
    return f"{years}: {rest}" if years in ("unknown", "none") else f"{years}, {rest}"


def target_reason(data: Data) -> str:
    """Why the target is the target: "the level after yours", "as you asked", "the posting's skills"."""
    target = data["target"]
    best = (data.get("current") or {}).get("level")
    if target.get("chosen"):
        return "as you asked" if target.get("kind") == "level" else "the skills it names"
    if best is None:
        return "the first level"
    if best == target.get("id"):
        return "you already stand at the top level"
    return "the level after yours"


def target_line(data: Data) -> str:
    """ "Senior ML engineer, the level after yours: 46% covered (53% of its required skills)" """
    target = data["target"]
    if target.get("kind") == "job":
        file = (data.get("job") or {}).get("name") or ""
        return (
            f"{target['name']}{f' ({file})' if file else ''}: {percent(target['coverage'])} of its skills covered "
            f"({percent(target['required_coverage'])} of the required ones)"
        )
    return (
        f"{target['name']}, {target_reason(data)}: {percent(target['coverage'])} covered "
        f"({percent(target['required_coverage'])} of the required skills)"
    )


def job_lines(data: Data) -> list[tuple[str, str]]:
    """What a job posting asks for: ("Required", "CI/CD, Docker"), ("Recommended", ...), ("Years", "3+; yours: 2
    years, short of it")."""
    job = data.get("job")
    if not job:
        return []
    out = []
    for importance in ("required", "recommended"):
        names = [s["name"] for s in job.get("skills", []) if s.get("importance", "recommended") == importance]
        if names:
            out.append((importance.capitalize(), ", ".join(names)))
    need = job.get("years_required")
    if need is not None:
        have = (data.get("experience") or {}).get("years")
        said = f"{number(need)}+ years of experience"
        if have is not None:
            met = job.get("years_met")
            said += f"; yours: {years_phrase(have)}" + ("" if met is None else ", enough" if met else ", short of it")
        out.append(("Years", said))
    return out


def source_line(data: Data) -> str:
    source = data.get("source") or {}
    parts = [str(source.get("format", ""))]
    if source.get("pages") is not None:
        parts.append(plural(int(source["pages"]), "page"))
    parts.append(plural(len(source.get("sections", [])), "section"))
    return ", ".join(p for p in parts if p)


# --- citations -------------------------------------------------------------------------------------------------


def guide_table(data: Data) -> dict[str, Data]:
    return {g["key"]: g for g in data.get("guides", [])}


def group_citations(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, list[str]]]:
    """(guide key, section) citations as one entry per guide, in first-cited order, with its sections: the same
    guide cited for two sections is one guide. The one grouping of citations (report/advice.py words them too)."""
    by_guide: dict[str, list[str]] = {}
    for source, section in pairs:
        sections = by_guide.setdefault(source, [])
        if section and section not in sections:
            sections.append(section)
    return list(by_guide.items())


def cited(refs: Sequence[Data]) -> list[tuple[str, list[str]]]:
    """A serialized gap's citations (``gap["sources"]``), grouped by :func:`group_citations`."""
    return group_citations((ref.get("source", ""), ref.get("section", "")) for ref in refs)


def citation_text(data: Data, refs: Sequence[Data], *, sections: bool = True) -> str:
    """ "2 guides: Step-by-step roadmap (Step-by-Step Roadmap); Career guide (Career Path, FAQ)"; without
    ``sections``: "2 guides: Step-by-step roadmap, Career guide" """
    table = guide_table(data)
    groups = cited(refs)
    shorts = [str(table[key]["short"]) if key in table else key for key, _ in groups]
    if not sections:
        return f"{plural(len(groups), 'guide')}: " + ", ".join(shorts)
    parts = [short + (f" ({', '.join(secs)})" if secs else "") for short, (_, secs) in zip(shorts, groups, strict=True)]
    return f"{plural(len(groups), 'guide')}: " + "; ".join(parts)


def cited_guides(data: Data, gaps: Sequence[Data]) -> list[Data]:
    """The guides the listed gaps cite, in first-cited order, for the legend."""
    table = guide_table(data)
    keys: list[str] = []
    for gap in gaps:
        for key, _ in cited(gap.get("sources", [])):
            if key not in keys:
                keys.append(key)
    return [table.get(k, {"key": k, "short": k, "title": k, "file": ""}) for k in keys]


# --- gaps and skills -------------------------------------------------------------------------------------------


def strength_state(strength: str | None) -> str:
    """ "only listed", "hedged", "shown in use" (names.STRENGTH_WORDS)."""
    return STRENGTH_WORDS.get(strength or "", (strength or "weak", ""))[0]


def strength_meaning(strength: str | None, source: str | None = None) -> str:
    """ "only listed (in a skills list)"; implied, with the name of the skill it follows from: "implied (not
    written: it follows from Kubernetes)". """
    state, detail = STRENGTH_WORDS.get(strength or "", (strength or "weak", ""))
    if strength == "implied" and source:
        detail = f"not written: it follows from {source}"
    return f"{state} ({detail})" if detail else state


def gap_state(gap: Data) -> str:
    """ "missing, required" / "only listed, recommended" """
    state = "missing" if gap["kind"] == "missing" else strength_state(gap.get("strength"))
    return f"{state}, {gap.get('importance', '')}"


def found_evidence(data: Data, skill_id: str) -> tuple[str, str] | None:
    """The first evidence of a found skill: (its sentence, where), or None."""
    for skill in data.get("skills", []):
        if skill["skill_id"] == skill_id and skill.get("evidence"):
            ev = skill["evidence"][0]
            if ev.get("implied_by"):
                names = skill_names(data)
                return ev.get("text", ""), f"via {names.get(ev['implied_by'], ev['implied_by'])}"
            return ev.get("text", ""), section_name(ev.get("section", "other"))
    return None


def skills_by_category(data: Data) -> list[tuple[str, list[Data]]]:
    groups: dict[str, list[Data]] = {}
    for skill in data.get("skills", []):
        groups.setdefault(skill["category"], []).append(skill)
    return [
        (c, sorted(groups[c], key=lambda s: (strength_rank(s["strength"]), s["name"].lower())))
        for c in category_order(groups)
    ]


def compact_skills(skills: Sequence[Data]) -> str:
    """ "Python, SQL; listed: Bash; hedged: AWS" - shown-in-use skills first, then each weaker strength."""
    by_strength: dict[str, list[str]] = {}
    for skill in skills:
        by_strength.setdefault(skill["strength"], []).append(skill["name"])
    parts = []
    for strength in sorted(by_strength, key=strength_rank):
        names = ", ".join(by_strength[strength])
        parts.append(names if strength == "demonstrated" else f"{strength}: {names}")
    return "; ".join(parts)


def evidence_by_sentence(data: Data) -> list[tuple[str, str, list[str]]]:
    """The sentences that show skills in use, each once: (where, sentence, the skills it shows), resume order."""
    groups: dict[tuple[str, str], tuple[int, list[str]]] = {}
    for skill in data.get("skills", []):
        if skill["strength"] != "demonstrated":
            continue
        for ev in skill.get("evidence", [])[:1]:
            key = (section_name(ev.get("section", "other")), ev.get("text", ""))
            start, names = groups.get(key, (ev.get("start", 0), []))
            names.append(skill["name"])
            groups[key] = (min(start, ev.get("start", 0)), names)
    ordered = sorted(groups.items(), key=lambda item: item[1][0])
    return [(where, sentence, names) for (where, sentence), (_, names) in ordered]


def some(names: Sequence[str], most: int | None) -> str:
    """ "A, B, C" or, past ``most`` names (at least one), "A, B and 5 more" """
    if most is None or len(names) <= most:
        return ", ".join(names)
    most = max(most, 1)
    return ", ".join(names[:most]) + f" and {len(names) - most} more"


def is_credential(category: str | None) -> bool:
    """Whether a skill of ``category`` is a credential (names.CREDENTIAL_CATEGORIES): earned, not learned."""
    return category in CREDENTIAL_CATEGORIES


def credential_ids(data: Data) -> frozenset[str]:
    """The report's gap and skill ids that are credentials (:func:`is_credential`)."""
    gaps = {g["id"] for g in data.get("gaps", []) if is_credential(g.get("category"))}
    found = {s["skill_id"] for s in data.get("skills", []) if is_credential(s.get("category"))}
    return frozenset(gaps | found)


def plan_parts(step: Data, credentials: frozenset[str] = frozenset()) -> list[tuple[str, list[str]]]:
    """A plan step's skills by what to do with them, as display names: [("learn", [...]), ("earn", [...]) (the
    credentials among the missing), ("show", [...])], each only when it has any."""
    names = dict(zip(step.get("skills", []), step.get("names", []), strict=False))
    learn = [s for s in step.get("learn", []) if s not in credentials]
    earn = [s for s in step.get("learn", []) if s in credentials]
    out = [(verb, [names.get(s, s) for s in ids]) for verb, ids in (("learn", learn), ("earn", earn))]
    out.append(("show", [names.get(s, s) for s in step.get("show", [])]))
    return [(verb, listed) for verb, listed in out if listed]


def plan_line(
    step: Data,
    most: int | None = None,
    most_shown: int | None = None,
    credentials: frozenset[str] = frozenset(),
) -> tuple[str, str, str]:
    """A plan step: (its title, its duration, "learn A, B; earn C; show D"), at most ``most`` names to learn or
    earn and ``most_shown`` (default: ``most``) to show."""
    parts = []
    for verb, listed in plan_parts(step, credentials):
        cap = (most if most_shown is None else most_shown) if verb == "show" else most
        parts.append(f"{verb} {some(listed, cap)}")
    return plan_title(step), plan_duration(step), "; ".join(parts)


def plan_title(step: Data) -> str:
    """ "3. Deep learning", or "Other skills (no roadmap stage)" for the skills no stage teaches."""
    stage = step.get("stage")
    return f"{stage['order']}. {stage['name']}" if stage else "Other skills (no roadmap stage)"


def plan_duration(step: Data) -> str:
    """How long a plan step should take: "about 2 months", "nothing new to learn" ("" without a stage)."""
    if not step.get("stage"):
        return ""
    if not step.get("learn"):
        return "nothing new to learn"
    return months_phrase(step.get("months_min", 0.0), step.get("months_max", 0.0))


def strength_legend() -> list[tuple[str, str]]:
    """(strength, what it means) for every strength, strongest first."""
    return [(strength.value, strength_meaning(strength.value)) for strength in Strength]  # the enum's order


def resources_text(step: Data) -> str:
    """A next step's resources and certification as a sentence: "Resources: Fast.ai, Kaggle. Certification: IBM
    Machine Learning Professional Certificate (IBM, about $39/month, 3-6 months)." ("" when it has neither)."""
    parts = []
    if step.get("resources"):
        parts.append("Resources: " + ", ".join(step["resources"]) + ".")
    for cert in step.get("certifications", [])[:1]:
        detail = ", ".join(x for x in (cert.get("provider"), cert.get("cost"), cert.get("time")) if x)
        parts.append(f"Certification: {cert['name']}" + (f" ({detail})" if detail else "") + ".")
    return " ".join(parts)
