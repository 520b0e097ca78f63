"""Building the immutable taxonomy objects from the merged TOML data, validating as it goes.

Each ``build_*`` function reads one kind of entry and raises :class:`gapcheck.errors.TaxonomyError` naming the file
and the entry at the first problem. The order matters: sources first (everything cites them), then skills (levels,
stages, certifications and prerequisites refer to them).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from gapcheck.knowledge.fields import Entry, fail, normal_form
from gapcheck.knowledge.files import RawTaxonomy
from gapcheck.knowledge.frozen import FrozenMap
from gapcheck.knowledge.graph import find_cycle
from gapcheck.knowledge.model import (
    Certification,
    Expectation,
    Importance,
    Level,
    Phrase,
    ScoringRules,
    Skill,
    Source,
    SourceRef,
    Stage,
    Strength,
)
from gapcheck.knowledge.patterns import check_pattern, freeze_pattern
from gapcheck.knowledge.phrases import PhraseError, compile_phrase
from gapcheck.knowledge.shared_words import shared_word_patterns, shared_word_rejects
from gapcheck.knowledge.translations import read_translations

PRIORITY_KEYS = ("importance", "weight", "guides", "stage", "emphasis", "separates")
SCORING_KEYS = ("best_fit_required_coverage", "met_threshold", "strength_factors", "importance_weights", "priority",
                "experience", "emphasis", "profile", "alternatives", "umbrella", "shows", "skills_only",
                "outgrown")  # fmt: skip

SKILL_KEYS = ("id", "name", "category", "description", "aliases", "sources", "implies", "exact_forms",
              "needs_context", "patterns", "rejects", "phrases")  # fmt: skip
LEVEL_KEYS = ("id", "name", "years_min", "years_max", "summary", "sources", "expects")
EXPECT_KEYS = ("skill", "importance", "weight", "sources")
STAGE_KEYS = ("order", "id", "name", "months_min", "months_max", "covers", "resources", "skills", "sources")
CERT_KEYS = ("id", "name", "provider", "cost", "time", "skills", "sources")
SOURCE_KEYS = ("key", "title", "short", "file")
REF_KEYS = ("source", "section")
# The labelling rules (shared/real-resumes/annotation-guide.md): a phrase may cite them, quoting them in `section`.
ANNOTATION_GUIDE = "annotation-guide"


def entries(raw: RawTaxonomy, key: str, *, required: bool) -> list[Entry]:
    """The ``[[key]]`` array of tables, each wrapped as an Entry labelled ``kind #n`` until its id is known."""
    file = raw.origin.get(key, str(raw.root))
    value = raw.data.get(key)
    if value is None:
        if required:
            fail(str(raw.root), "", f"no [[{key}]] entries in any file")
        return []
    if not isinstance(value, list) or not value:
        fail(file, "", f"{key!r} must be a non-empty array of tables ([[{key}]])")
    return [Entry(item, file, f"{key} #{n}", key) for n, item in enumerate(value, start=1)]


def unique(entry: Entry, ident: str, seen: set[str], what: str) -> None:
    if ident in seen:
        entry.fail(f"{what} {ident!r} is defined twice")
    seen.add(ident)


def _listed(keys: tuple[str, ...]) -> str:
    """``'a', 'b' and 'c'``."""
    quoted = [repr(k) for k in keys]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _ref(entry: Entry, where: str, table: Mapping[str, Any], source_keys: set[str], extra: tuple[str, ...] = (),
         *, also: str = "") -> SourceRef:  # fmt: skip
    """One citation table (``{ source, section }``, plus the ``extra`` keys its caller reads), checked: known keys, a
    string source that ``source_keys`` holds (or equals ``also``), a non-empty string section. ``where``: how
    messages name the table ("sources #2", "phrases #1")."""
    allowed = (*extra, *REF_KEYS)
    unknown = sorted(set(table) - set(allowed))
    if unknown:
        entry.fail(f"{where}: unknown key {unknown[0]!r} (allowed: {', '.join(allowed)})")
    source, section = table.get("source"), table.get("section")
    if not isinstance(source, str) or not isinstance(section, str):
        entry.fail(f"{where} needs the strings {_listed(allowed)}")
    if not section.strip():
        entry.fail(f"{where}: 'section' is empty")
    if source not in source_keys and (not also or source != also):
        entry.fail(f"{where} cites unknown source {source!r}")
    return SourceRef(source=source, section=section)


def refs(entry: Entry, key: str, source_keys: set[str], *, required: bool = True) -> tuple[SourceRef, ...]:
    tables = entry.tables(key, required=required)
    if required and not tables:
        entry.fail(f"{key!r} must cite at least one source")
    return tuple(_ref(entry, f"{key} #{n}", table, source_keys) for n, table in enumerate(tables, start=1))


def check_known(entry: Entry, what: str, ids: Iterable[str], known: Mapping[str, Any] | set[str]) -> None:
    for ident in ids:
        if ident not in known:
            entry.fail(f"{what} unknown skill {ident!r}")


# ------------------------------------------------------------------------------------------------ top level


def build_header(raw: RawTaxonomy) -> tuple[str, str]:
    """The role id and the data version."""
    values: list[str] = []
    for key in ("role", "version"):
        if key not in raw.data:
            fail(str(raw.root), "", f"missing top-level key {key!r}")
        top = Entry({key: raw.data[key]}, raw.origin[key], "")
        values.append(top.slug(key) if key == "role" else top.text(key))
    return values[0], values[1]


def build_sources(raw: RawTaxonomy) -> tuple[Source, ...]:
    out: list[Source] = []
    seen: set[str] = set()
    for entry in entries(raw, "source", required=True):
        key = entry.named("key")
        entry.only(SOURCE_KEYS)
        unique(entry, key, seen, "source")
        title = entry.text("title")
        short = entry.text("short", required=False, default=title)
        out.append(Source(key=key, title=title, file=entry.text("file"), short=short))
    return tuple(out)


# ------------------------------------------------------------------------------------------------ skills


def token_patterns(entry: Entry, key: str, kind: str) -> list[list[dict[str, Any]]]:
    """The list of spaCy token patterns under ``key``, each checked structurally (messages say "<kind> <n>")."""
    raw = entry.data.get(key, [])
    if not isinstance(raw, list):
        entry.fail(f"{key!r} must be a list of token patterns")
    for index, pattern in enumerate(raw, start=1):
        check_pattern(entry, index, pattern, kind)
    return raw


def skill_phrases(entry: Entry, source_keys: set[str]) -> tuple[tuple[Phrase, ...], list[list[dict[str, Any]]]]:
    """The entry's ``phrases`` (each ``{ phrase, source, section }``) and the token patterns they compile to."""
    phrases: list[Phrase] = []
    patterns: list[list[dict[str, Any]]] = []
    seen: set[str] = set()
    for n, table in enumerate(entry.tables("phrases"), start=1):
        cited = _ref(entry, f"phrases #{n}", table, source_keys, ("phrase",), also=ANNOTATION_GUIDE)
        text = table.get("phrase")
        if not isinstance(text, str):
            entry.fail(f"phrases #{n} needs the strings {_listed(('phrase', *REF_KEYS))}")
        key = " ".join(text.lower().split())
        if key in seen:
            entry.fail(f"phrases #{n}: {text!r} is listed twice")
        seen.add(key)
        try:
            compiled = compile_phrase(text)
        except PhraseError as exc:
            entry.fail(f"phrases #{n} ({text!r}): {exc}")
        for index, pattern in enumerate(compiled, start=1):
            check_pattern(entry, index, pattern, f"phrases #{n} pattern")
        phrases.append(Phrase(text=text, cited=cited))
        patterns.extend(compiled)
    return tuple(phrases), patterns


def build_skills(raw: RawTaxonomy, source_keys: set[str]) -> tuple[Skill, ...]:
    skills: list[Skill] = []
    skill_entries: dict[str, Entry] = {}
    claimed: dict[str, str] = {}  # normal form of a name or alias -> skill id
    exact_claimed: dict[str, str] = {}
    for entry in entries(raw, "skill", required=True):
        ident = entry.named()
        entry.only(SKILL_KEYS)
        if ident in skill_entries:
            entry.fail(f"skill id {ident!r} is defined twice")
        skill_entries[ident] = entry
        name = entry.text("name")
        aliases = entry.texts("aliases")
        for phrase in (name, *aliases):
            form = normal_form(phrase)
            owner = claimed.get(form)
            if owner == ident:
                entry.fail(f"name or alias {phrase!r} is listed twice (case and spacing ignored)")
            if owner is not None:
                entry.fail(f"name or alias {phrase!r} is already claimed by skill {owner!r}")
            claimed[form] = ident
        exact_forms = entry.texts("exact_forms")
        for form in exact_forms:
            owner = exact_claimed.get(form)
            if owner is not None:
                entry.fail(f"exact form {form!r} is already claimed by skill {owner!r}")
            exact_claimed[form] = ident
        raw_patterns = token_patterns(entry, "patterns", "pattern")
        raw_rejects = token_patterns(entry, "rejects", "reject pattern")
        phrases, phrase_patterns = skill_phrases(entry, source_keys)
        implies = entry.texts("implies")
        if ident in implies:
            entry.fail("implies itself")
        skills.append(
            Skill(
                id=ident,
                name=name,
                category=entry.text("category"),
                description=entry.text("description"),
                aliases=aliases,
                sources=refs(entry, "sources", source_keys),
                exact_forms=exact_forms,
                needs_context=entry.flag("needs_context"),
                patterns=tuple(freeze_pattern(p) for p in (*raw_patterns, *phrase_patterns)),
                rejects=tuple(freeze_pattern(p) for p in raw_rejects),
                phrases=phrases,
                implies=implies,
            )
        )
    if "translations" in raw.data:
        file = raw.origin["translations"]
        translated = read_translations(raw.data["translations"], file, set(skill_entries), claimed)
        skills = [replace(s, translations=translated[s.id]) if s.id in translated else s for s in skills]
    terms = {s.id: (s.name, *s.aliases) for s in skills}
    shared = shared_word_patterns(terms)
    shared_rejects = shared_word_rejects(terms, {s.id: s.implies for s in skills})
    skills = [replace(s, patterns=(*s.patterns, *map(freeze_pattern, shared.get(s.id, ()))),
                      rejects=(*s.rejects, *map(freeze_pattern, shared_rejects.get(s.id, ()))))
              for s in skills]  # fmt: skip
    for skill in skills:
        check_known(skill_entries[skill.id], "implies", skill.implies, skill_entries)
    cycle = find_cycle({s.id: s.implies for s in skills})
    if cycle:
        skill_entries[cycle[0]].fail(f"implies links form a cycle: {' -> '.join(cycle)}")
    return tuple(skills)


# ------------------------------------------------------------------------------------------------ levels


def build_levels(raw: RawTaxonomy, source_keys: set[str], skill_ids: set[str]) -> tuple[Level, ...]:
    levels: list[Level] = []
    seen: set[str] = set()
    inherited: dict[str, Expectation] = {}
    previous: tuple[str, float, float | None] | None = None
    for order, entry in enumerate(entries(raw, "level", required=True)):
        ident = entry.named()
        entry.only(LEVEL_KEYS)
        unique(entry, ident, seen, "level")
        years_min = entry.number("years_min")
        years_max = entry.number("years_max", required=False)
        assert years_min is not None
        if years_min < 0:
            entry.fail("'years_min' must not be negative")
        if years_max is not None and years_max <= years_min:
            entry.fail(f"'years_max' ({years_max:g}) must be greater than 'years_min' ({years_min:g})")
        if previous is not None:
            prev_id, prev_min, prev_max = previous
            if prev_max is None:
                entry.fail(f"comes after level {prev_id!r}, whose years band is open-ended")
            if years_min < prev_max or years_min <= prev_min:
                entry.fail(
                    f"years band {years_min:g}-{'' if years_max is None else f'{years_max:g}'} overlaps or precedes "
                    f"level {prev_id!r} ({prev_min:g}-{prev_max:g}); levels must be in increasing, "
                    "non-overlapping order"
                )
        previous = (ident, years_min, years_max)
        sources = refs(entry, "sources", source_keys)
        current = dict(inherited)
        stated: set[str] = set()
        for n, table in enumerate(entry.tables("expects", required=True), start=1):
            exp = Entry(table, entry.file, f"{entry.label}: expectation #{n}")
            skill_id = exp.text("skill")
            exp.relabel(f"{entry.label}: expectation {skill_id!r}")
            exp.only(EXPECT_KEYS)
            if skill_id not in skill_ids:
                exp.fail(f"refers to unknown skill {skill_id!r}")
            if skill_id in stated:
                exp.fail("is stated twice in this level")
            stated.add(skill_id)
            importance_text = exp.text("importance")
            try:
                importance = Importance(importance_text)
            except ValueError:
                exp.fail(f"importance {importance_text!r} is not one of required, recommended, bonus")
            weight = exp.number("weight")
            assert weight is not None
            if weight <= 0:
                exp.fail(f"weight {weight:g} must be greater than 0")
            exp_sources = refs(exp, "sources", source_keys)
            earlier = current.get(skill_id)
            introduced_at = ident
            if earlier is not None:
                if importance.rank > earlier.importance.rank:
                    exp.fail(f"lowers importance from {earlier.importance.value} (level {earlier.introduced_at!r})")
                if importance == earlier.importance and weight < earlier.weight:
                    exp.fail(f"lowers weight from {earlier.weight:g} at the same importance")
                introduced_at = earlier.introduced_at
                exp_sources = tuple(dict.fromkeys((*earlier.sources, *exp_sources)))
            current[skill_id] = Expectation(
                skill_id=skill_id,
                importance=importance,
                weight=weight,
                sources=exp_sources,
                introduced_at=introduced_at,
                raised_at=ident,
            )
        if not stated:
            entry.fail("'expects' must list at least one expectation")
        levels.append(
            Level(
                id=ident,
                name=entry.text("name"),
                order=order,
                years_min=years_min,
                years_max=years_max,
                summary=entry.text("summary"),
                expectations=tuple(current.values()),
                sources=sources,
            )
        )
        inherited = current
    return tuple(levels)


# ------------------------------------------------------------------------------------------------ learning path


def stage_resources(entry: Entry, skill_ids: set[str]) -> list[tuple[str, tuple[str, ...]]]:
    """A stage's ``resources``: a name (it serves the whole stage) or ``{ name = "...", skills = [...] }`` (it
    serves those skills only). Returns (name, skills) pairs, skills empty for the whole stage."""
    value = entry.data.get("resources", [])
    if not isinstance(value, list):
        entry.fail("'resources' must be a list of names or { name, skills } tables")
    out: list[tuple[str, tuple[str, ...]]] = []
    for item in value:
        if isinstance(item, str) and item.strip():
            out.append((item, ()))
            continue
        if not isinstance(item, dict) or set(item) != {"name", "skills"}:
            entry.fail(f"resource {item!r} must be a name or a {{ name, skills }} table")
        name, served = item["name"], item["skills"]
        if not isinstance(name, str) or not name.strip():
            entry.fail(f"resource {item!r}: 'name' must be a non-empty string")
        if not isinstance(served, list) or not served or not all(isinstance(s, str) for s in served):
            entry.fail(f"resource {name!r}: 'skills' must be a non-empty list of skill ids")
        check_known(entry, f"resource {name!r} serves", served, skill_ids)
        out.append((name, tuple(served)))
    return out


def build_stages(
    raw: RawTaxonomy, source_keys: set[str], skill_ids: set[str]
) -> tuple[tuple[Stage, ...], dict[str, str]]:
    stages: list[Stage] = []
    seen: set[str] = set()
    orders: dict[int, str] = {}
    stage_of: dict[str, str] = {}
    for entry in entries(raw, "stage", required=False):
        ident = entry.named()
        entry.only(STAGE_KEYS)
        unique(entry, ident, seen, "stage")
        order = entry.integer("order")
        if order in orders:
            entry.fail(f"order {order} is already used by stage {orders[order]!r}")
        orders[order] = ident
        months_min = entry.number("months_min")
        months_max = entry.number("months_max")
        assert months_min is not None and months_max is not None
        if months_min < 0 or months_max < months_min:
            entry.fail(f"months {months_min:g}-{months_max:g} must satisfy 0 <= months_min <= months_max")
        skills = entry.texts("skills", required=True, non_empty=True)
        check_known(entry, "teaches", skills, skill_ids)
        for skill_id in skills:
            if skill_id in stage_of:
                entry.fail(f"skill {skill_id!r} is already taught by stage {stage_of[skill_id]!r}")
            stage_of[skill_id] = ident
        resources = stage_resources(entry, skill_ids)
        stages.append(
            Stage(
                id=ident,
                order=order,
                name=entry.text("name"),
                months_min=months_min,
                months_max=months_max,
                covers=entry.text("covers"),
                resources=tuple(name for name, _ in resources),
                resource_skills=tuple((name, served) for name, served in resources if served),
                skills=skills,
                sources=refs(entry, "sources", source_keys),
            )
        )
    return tuple(sorted(stages, key=lambda s: s.order)), stage_of


def build_certifications(raw: RawTaxonomy, source_keys: set[str], skill_ids: set[str]) -> tuple[Certification, ...]:
    out: list[Certification] = []
    seen: set[str] = set()
    for entry in entries(raw, "certification", required=False):
        ident = entry.named()
        entry.only(CERT_KEYS)
        unique(entry, ident, seen, "certification")
        skills = entry.texts("skills", required=True, non_empty=True)
        check_known(entry, "teaches", skills, skill_ids)
        out.append(
            Certification(
                id=ident,
                name=entry.text("name"),
                provider=entry.text("provider"),
                cost=entry.text("cost", allow_empty=True),
                time=entry.text("time", allow_empty=True),
                skills=skills,
                sources=refs(entry, "sources", source_keys),
            )
        )
    return tuple(out)


def build_prerequisites(raw: RawTaxonomy, skill_ids: set[str]) -> dict[str, tuple[str, ...]]:
    if "prerequisites" not in raw.data:
        return {}
    table = Entry(raw.data["prerequisites"], raw.origin["prerequisites"], "prerequisites")
    out: dict[str, tuple[str, ...]] = {}
    for skill_id in table.data:
        if skill_id not in skill_ids:
            table.fail(f"unknown skill {skill_id!r}")
        table.relabel(f"prerequisites of {skill_id!r}")
        first = table.texts(skill_id, required=True)
        check_known(table, "lists", first, skill_ids)
        if skill_id in first:
            table.fail("lists the skill itself")
        out[skill_id] = first
        table.relabel("prerequisites")
    cycle = find_cycle(out)
    if cycle:
        table.fail(f"form a cycle: {' -> '.join(cycle)}")
    return out


def attach_learning(skills: tuple[Skill, ...], requires: dict[str, tuple[str, ...]],
                    stage_of: dict[str, str]) -> tuple[Skill, ...]:  # fmt: skip
    return tuple(replace(s, requires=requires.get(s.id, ()), stage=stage_of.get(s.id)) for s in skills)


# ------------------------------------------------------------------------------------------------ scoring


SKILLS_ONLY_KEYS = ("coverage", "confirms", "listed")


def _factor_table(
    parent: Entry, key: str, keys: tuple[str, ...], *, unit: bool, optional: tuple[str, ...] = ()
) -> Mapping[str, float]:
    table = parent.part(key, keys)
    values: dict[str, float] = {}
    for name in keys:
        value = table.number(name, required=name not in optional, default=0.0)
        assert value is not None
        if unit and not 0 <= value <= 1:
            table.fail(f"{name!r} = {value:g} must be within [0, 1]")
        if value < 0:
            table.fail(f"{name!r} = {value:g} must not be negative")
        values[name] = value
    return FrozenMap(values)


def build_scoring(
    raw: RawTaxonomy, source_keys: set[str], skills: tuple[Skill, ...], levels: tuple[Level, ...]
) -> ScoringRules:
    from gapcheck.knowledge.advice import (
        build_alternatives,
        build_emphasis,
        build_experience,
        build_outgrown,
        build_profiles,
        build_shows,
        build_umbrellas,
    )

    if "scoring" not in raw.data:
        fail(str(raw.root), "", "missing the [scoring] table")
    scoring = Entry(raw.data["scoring"], raw.origin["scoring"], "scoring")
    scoring.only(SCORING_KEYS)
    coverage = scoring.number("best_fit_required_coverage")
    threshold = scoring.number("met_threshold")
    assert coverage is not None and threshold is not None
    if not 0 < coverage <= 1:
        scoring.fail(f"'best_fit_required_coverage' = {coverage:g} must be within (0, 1]")
    if not 0 <= threshold <= 1:
        scoring.fail(f"'met_threshold' = {threshold:g} must be within [0, 1]")
    strengths = _factor_table(scoring, "strength_factors", tuple(s.value for s in Strength), unit=True)
    weights = _factor_table(scoring, "importance_weights", tuple(i.value for i in Importance), unit=False)
    for name, value in weights.items():
        if value <= 0:
            fail(scoring.file, "scoring.importance_weights", f"{name!r} = {value:g} must be greater than 0")
    if strengths["demonstrated"] != 1:
        fail(scoring.file, "scoring.strength_factors", "'demonstrated' must be 1 (the full credit)")
    ordered = ("demonstrated", "listed", "mentioned", "hedged")
    for stronger, weaker in itertools.pairwise(ordered):
        if strengths[weaker] > strengths[stronger]:
            fail(scoring.file, "scoring.strength_factors", f"{weaker!r} must not exceed {stronger!r}")
    priority = _factor_table(scoring, "priority", PRIORITY_KEYS, unit=False, optional=("emphasis", "separates"))
    skills_only = (
        _factor_table(scoring, "skills_only", SKILLS_ONLY_KEYS, unit=True) if scoring.has("skills_only") else None
    )
    skill_ids, level_ids = {s.id for s in skills}, {lv.id for lv in levels}
    profiles = build_profiles(scoring, source_keys, skill_ids)
    return ScoringRules(
        strength_factors=strengths,
        importance_weights=weights,
        best_fit_required_coverage=coverage,
        met_threshold=threshold,
        priority_weights=priority,
        experience=build_experience(scoring, source_keys, skills, level_ids),
        emphasis=build_emphasis(scoring, source_keys, skill_ids, level_ids, profiles),
        profiles=profiles,
        alternatives=build_alternatives(scoring, source_keys, skill_ids),
        umbrellas=build_umbrellas(scoring, source_keys, skills),
        shows=build_shows(scoring, source_keys, skill_ids),
        outgrown=build_outgrown(scoring, source_keys, level_ids),
        skills_only=skills_only,
    )
