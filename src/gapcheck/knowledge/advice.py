"""Building the advice rules of ``[scoring]``: relevant years, emphasis, profiles, alternatives and umbrella skills.

``[scoring.experience]`` with ``[[scoring.experience.kind]]`` tables, ``[[scoring.emphasis]]``,
``[[scoring.profile]]``, ``[[scoring.alternatives]]``, ``[[scoring.umbrella]]``, ``[[scoring.shows]]`` and
``[scoring.outgrown]``
(taxonomy/README.md says what each means). Each is optional; an error names the file and the entry.
"""

from __future__ import annotations

from gapcheck.knowledge.build import check_known, refs
from gapcheck.knowledge.fields import Entry
from gapcheck.knowledge.model import (
    Alternatives,
    Emphasis,
    ExperienceRules,
    Outgrown,
    Profile,
    Rung,
    Shows,
    Skill,
    Umbrella,
    WorkKind,
)

EXPERIENCE_KEYS = (
    "other_credit", "kind", "sources", "above_skills", "undated_above", "in_work_level", "rung", "ladder_not_titles",
    "work_shown_levels",
)
KIND_KEYS = ("id", "credit", "categories", "skills", "titles", "sources", "min_skills", "not_titles")
RUNG_KEYS = ("level", "years", "titles", "sources")
EMPHASIS_KEYS = ("id", "name", "boost", "skills", "sources", "below", "from", "only_first", "unless", "when")
PROFILE_KEYS = ("id", "name", "skills", "min_skills", "over", "ratio", "sources")
ALTERNATIVES_KEYS = ("id", "name", "skills", "sources")
UMBRELLA_KEYS = ("skill", "learn", "sources")
SHOWS_KEYS = ("skill", "shows", "sources")
OUTGROWN_KEYS = ("from", "levels", "factor", "sources")


def _unit(entry: Entry, key: str) -> float:
    value = entry.number(key)
    assert value is not None
    if not 0 <= value <= 1:
        entry.fail(f"{key!r} = {value:g} must be within [0, 1]")
    return value


def _count(entry: Entry, key: str, default: int) -> int:
    if not entry.has(key):
        return default
    value = entry.integer(key)
    if value < 0:
        entry.fail(f"{key!r} = {value} must not be negative")
    return value


def build_experience(
    scoring: Entry, source_keys: set[str], skills: tuple[Skill, ...], level_ids: set[str]
) -> ExperienceRules | None:
    if not scoring.has("experience"):
        return None
    table = scoring.part("experience", EXPERIENCE_KEYS)
    categories = {s.category for s in skills}
    skill_ids = {s.id for s in skills}
    kinds: list[WorkKind] = []
    for entry in table.entries("kind", KIND_KEYS, required=True):
        ident = entry.named()
        cats = entry.texts("categories")
        for cat in cats:
            if cat not in categories:
                entry.fail(f"unknown skill category {cat!r}")
        listed = entry.texts("skills")
        check_known(entry, "lists", listed, skill_ids)
        kinds.append(
            WorkKind(
                id=ident,
                credit=_unit(entry, "credit"),
                categories=cats,
                skills=listed,
                titles=tuple(t.casefold() for t in entry.texts("titles")),
                sources=refs(entry, "sources", source_keys),
                min_skills=_count(entry, "min_skills", 1),
                not_titles=tuple(t.casefold() for t in entry.texts("not_titles")),
            )
        )
    return ExperienceRules(
        kinds=tuple(kinds),
        other_credit=_unit(table, "other_credit"),
        sources=refs(table, "sources", source_keys),
        above_skills=_count(table, "above_skills", 1),
        in_work_level=_level_id(table, "in_work_level", level_ids),
        rungs=_rungs(table, source_keys, level_ids),
        ladder_not_titles=tuple(t.casefold() for t in table.texts("ladder_not_titles")),
        work_shown_levels=_level_ids(table, "work_shown_levels", level_ids),
        undated_above=_count(table, "undated_above", 0) if table.has("undated_above") else None,
    )


def _rungs(table: Entry, source_keys: set[str], level_ids: set[str]) -> tuple[Rung, ...]:
    """``[[scoring.experience.rung]]``: the title ladder, one rung per level at most."""
    out: list[Rung] = []
    for entry in table.entries("rung", RUNG_KEYS):
        level = entry.text("level")
        if level not in level_ids:
            entry.fail(f"'level' = {level!r} is not a level id ({', '.join(sorted(level_ids))})")
        entry.relabel(f"{entry.kind} {level!r}")
        if any(r.level == level for r in out):
            entry.fail("names a level of an earlier rung")
        years = entry.number("years")
        assert years is not None
        if years < 0:
            entry.fail(f"'years' = {years:g} must not be negative")
        out.append(
            Rung(
                level=level,
                years=years,
                titles=tuple(t.casefold() for t in entry.texts("titles", required=True, non_empty=True)),
                sources=refs(entry, "sources", source_keys),
            )
        )
    return tuple(out)


def _level_ids(entry: Entry, key: str, level_ids: set[str], *, required: bool = False) -> tuple[str, ...]:
    """``key``'s list of level ids (``required``: present and not empty), each checked to be a level's."""
    values = entry.texts(key, required=required, non_empty=required)
    for value in values:
        if value not in level_ids:
            entry.fail(f"{key!r} holds {value!r}, not a level id ({', '.join(sorted(level_ids))})")
    return values


def _level_id(entry: Entry, key: str, level_ids: set[str]) -> str | None:
    if not entry.has(key):
        return None
    value = entry.text(key)
    if value not in level_ids:
        entry.fail(f"{key!r} = {value!r} is not a level id ({', '.join(sorted(level_ids))})")
    return value


def build_profiles(scoring: Entry, source_keys: set[str], skill_ids: set[str]) -> tuple[Profile, ...]:
    """``[[scoring.profile]]``: kinds of resume told by the skills they demonstrate, named by an emphasis's ``when``."""
    out: list[Profile] = []
    for entry in scoring.entries("profile", PROFILE_KEYS):
        ident = entry.named()
        if any(p.id == ident for p in out):
            entry.fail("is defined twice")
        listed = entry.texts("skills", required=True, non_empty=True)
        check_known(entry, "lists", listed, skill_ids)
        over = entry.texts("over")
        check_known(entry, "names in 'over'", over, skill_ids)
        shared = sorted(set(listed) & set(over))
        if shared:
            entry.fail(f"lists {', '.join(map(repr, shared))} in both 'skills' and 'over'")
        ratio = entry.number("ratio", required=False, default=0.0)
        assert ratio is not None
        if ratio < 0:
            entry.fail(f"'ratio' = {ratio:g} must not be negative")
        out.append(
            Profile(
                id=ident,
                name=entry.text("name"),
                skills=listed,
                min_skills=_count(entry, "min_skills", 1),
                over=over,
                ratio=ratio,
                sources=refs(entry, "sources", source_keys),
            )
        )
    return tuple(out)


def build_emphasis(
    scoring: Entry,
    source_keys: set[str],
    skill_ids: set[str],
    level_ids: set[str],
    profiles: tuple[Profile, ...] = (),
) -> tuple[Emphasis, ...]:
    profile_ids = {p.id for p in profiles}
    out: list[Emphasis] = []
    for entry in scoring.entries("emphasis", EMPHASIS_KEYS):
        ident = entry.named()
        listed = entry.texts("skills", required=True, non_empty=True)
        check_known(entry, "lists", listed, skill_ids)
        unless = entry.texts("unless")
        check_known(entry, "names in 'unless'", unless, skill_ids)
        boost = entry.number("boost")
        assert boost is not None
        if boost < 0:
            entry.fail(f"'boost' = {boost:g} must not be negative")
        cites = refs(entry, "sources", source_keys)
        when = entry.text("when") if entry.has("when") else None
        if when is not None and when not in profile_ids:
            known = ", ".join(sorted(profile_ids)) or "none defined"
            entry.fail(f"'when' = {when!r} is not a [[scoring.profile]] id ({known})")
        out.append(
            Emphasis(
                id=ident,
                name=entry.text("name"),
                boost=boost,
                skills=listed,
                sources=cites,
                below=_level_id(entry, "below", level_ids),
                since=_level_id(entry, "from", level_ids),
                only_first=entry.flag("only_first"),
                unless=unless,
                when=when,
            )
        )
    return tuple(out)


def build_alternatives(scoring: Entry, source_keys: set[str], skill_ids: set[str]) -> tuple[Alternatives, ...]:
    out: list[Alternatives] = []
    member_of: dict[str, str] = {}
    for entry in scoring.entries("alternatives", ALTERNATIVES_KEYS):
        ident = entry.named()
        listed = entry.texts("skills", required=True, non_empty=True)
        check_known(entry, "lists", listed, skill_ids)
        if len(listed) < 2:
            entry.fail("'skills' must list at least two alternatives")
        for skill_id in listed:
            if skill_id in member_of:
                entry.fail(f"skill {skill_id!r} is already an alternative in {member_of[skill_id]!r}")
            member_of[skill_id] = ident
        name = entry.text("name")
        out.append(Alternatives(id=ident, name=name, skills=listed, sources=refs(entry, "sources", source_keys)))
    return tuple(out)


def build_umbrellas(scoring: Entry, source_keys: set[str], skills: tuple[Skill, ...]) -> tuple[Umbrella, ...]:
    by_id = {s.id: s for s in skills}
    out: list[Umbrella] = []
    seen: set[str] = set()
    for entry in scoring.entries("umbrella", UMBRELLA_KEYS):
        skill = entry.named("skill")
        learn = entry.slug("learn")
        check_known(entry, "names", (skill, learn), by_id)
        if skill in seen:
            entry.fail(f"umbrella {skill!r} is defined twice")
        seen.add(skill)
        if skill not in by_id[learn].implies:
            entry.fail(f"'learn' {learn!r} must imply {skill!r} (skills.toml 'implies'), so that learning it shows it")
        out.append(Umbrella(skill=skill, learn=learn, sources=refs(entry, "sources", source_keys)))
    return tuple(out)


def build_shows(scoring: Entry, source_keys: set[str], skill_ids: set[str]) -> tuple[Shows, ...]:
    out: list[Shows] = []
    seen: set[str] = set()
    for entry in scoring.entries("shows", SHOWS_KEYS):
        skill = entry.named("skill")
        listed = entry.texts("shows", required=True, non_empty=True)
        check_known(entry, "names", (skill, *listed), skill_ids)
        if skill in seen:
            entry.fail(f"{skill!r} is defined twice")
        if skill in listed:
            entry.fail("shows itself")
        seen.add(skill)
        out.append(Shows(skill=skill, skills=listed, sources=refs(entry, "sources", source_keys)))
    return tuple(out)


def build_outgrown(scoring: Entry, source_keys: set[str], level_ids: set[str]) -> Outgrown | None:
    """``[scoring.outgrown]``: from which level on the gaps of which levels' own expectations weigh less."""
    if not scoring.has("outgrown"):
        return None
    table = scoring.part("outgrown", OUTGROWN_KEYS)
    since = _level_id(table, "from", level_ids)
    if since is None:
        table.fail("missing 'from' (a level id)")
    levels = _level_ids(table, "levels", level_ids, required=True)
    factor = _unit(table, "factor")
    return Outgrown(since=since, levels=levels, factor=factor, sources=refs(table, "sources", source_keys))
