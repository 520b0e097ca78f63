"""Invalid taxonomies are refused with a TaxonomyError whose one-line message names the file and the entry."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from taxonomy_data import ref, toml_dumps

import gapcheck
from gapcheck.errors import TaxonomyError
from gapcheck.knowledge import load_taxonomy, validate_with_spacy
from gapcheck.knowledge.fields import Entry
from gapcheck.knowledge.patterns import freeze_pattern

Mutation = Callable[[dict[str, Any]], None]


def skill(data: dict[str, Any], ident: str) -> dict[str, Any]:
    return next(s for s in data["skill"] if s["id"] == ident)


def level(data: dict[str, Any], ident: str) -> dict[str, Any]:
    return next(lv for lv in data["level"] if lv["id"] == ident)


def set_in(getter: Callable[[dict[str, Any]], dict[str, Any]], key: str, value: Any) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        getter(data)[key] = value

    return mutate


def drop(getter: Callable[[dict[str, Any]], dict[str, Any]], key: str) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        del getter(data)[key]

    return mutate


def sql(d: dict[str, Any]) -> dict[str, Any]:
    return skill(d, "sql")


def dash(d: dict[str, Any]) -> dict[str, Any]:
    return skill(d, "dashboards")


def entry(d: dict[str, Any]) -> dict[str, Any]:
    return level(d, "entry")


def senior(d: dict[str, Any]) -> dict[str, Any]:
    return level(d, "senior")


def first_expect(d: dict[str, Any]) -> dict[str, Any]:
    return entry(d)["expects"][0]


def first_stage(d: dict[str, Any]) -> dict[str, Any]:
    return d["stage"][0]


def scoring(d: dict[str, Any]) -> dict[str, Any]:
    return d["scoring"]


def strengths(d: dict[str, Any]) -> dict[str, Any]:
    return d["scoring"]["strength_factors"]


def duplicate_skill(d: dict[str, Any]) -> None:
    d["skill"].append(dict(skill(d, "sql"), name="SQL again", aliases=[]))


def lower_importance(d: dict[str, Any]) -> None:
    senior(d)["expects"].append({"skill": "sql", "importance": "bonus", "weight": 1.0, "sources": [ref()]})


def state_twice(d: dict[str, Any]) -> None:
    entry(d)["expects"].append({"skill": "sql", "importance": "required", "weight": 2.0, "sources": [ref()]})


def stage_twice(d: dict[str, Any]) -> None:
    d["stage"][1]["skills"].append("sql")


def implies_cycle(d: dict[str, Any]) -> None:
    skill(d, "excel")["implies"] = ["dashboards"]


CASES: list[tuple[str, Mutation, str, str]] = [
    ("unknown skill key", set_in(sql, "alias", ["x"]), "skills.toml", r"skill 'sql': unknown key 'alias'"),
    ("wrong type", set_in(sql, "aliases", "MySQL"), "skills.toml", r"skill 'sql': 'aliases' must be a list of strings"),
    ("missing field", drop(sql, "name"), "skills.toml", r"skill 'sql': missing required key 'name'"),
    ("needs_context not bool", set_in(sql, "needs_context", "yes"), "skills.toml", r"skill 'sql': 'needs_context'"),
    ("id not a slug", set_in(sql, "id", "SQL Lang"), "skills.toml", r"skill #1: 'id' 'SQL Lang' is not a slug"),
    ("duplicate id", duplicate_skill, "skills.toml", r"skill 'sql': skill id 'sql' is defined twice"),
    ("alias of two skills", set_in(dash, "aliases", ["mysql"]), "skills.toml",
     r"skill 'dashboards': name or alias 'mysql' is already claimed by skill 'sql'"),
    ("alias equal to a name", set_in(dash, "aliases", ["Excel"]), "skills.toml",
     r"skill 'dashboards': name or alias 'Excel' is already claimed by skill 'excel'"),
    ("alias repeats own name", set_in(sql, "aliases", ["sql"]), "skills.toml", r"skill 'sql': .*listed twice"),
    ("empty alias", set_in(sql, "aliases", [" "]), "skills.toml", r"skill 'sql': 'aliases' holds an empty string"),
    ("implies unknown", set_in(dash, "implies", ["exel"]), "skills.toml",
     r"skill 'dashboards': implies unknown skill 'exel'"),
    ("implies itself", set_in(dash, "implies", ["dashboards"]), "skills.toml", r"skill 'dashboards': implies itself"),
    ("implies cycle", implies_cycle, "skills.toml", r"implies links form a cycle: .*dashboards -> excel"),
    ("no sources", set_in(sql, "sources", []), "skills.toml", r"skill 'sql': 'sources' must cite at least one source"),
    ("unknown source", set_in(sql, "sources", [{"source": "s9", "section": "x"}]), "skills.toml",
     r"skill 'sql': sources #1 cites unknown source 's9'"),
    ("bad pattern attribute", set_in(dash, "patterns", [[{"LOWR": "x"}]]), "skills.toml",
     r"skill 'dashboards': pattern 1, token 1: unknown token attribute 'LOWR'"),
    ("pattern needs a tagger", set_in(dash, "patterns", [[{"LEMMA": "build"}]]), "skills.toml",
     r"skill 'dashboards': pattern 1, token 1: LEMMA needs a trained spaCy component"),
    ("bad pattern operator", set_in(dash, "patterns", [[{"LOWER": "a", "OP": "??"}]]), "skills.toml",
     r"skill 'dashboards': pattern 1, token 1: OP '\?\?'"),
    ("bad IN list", set_in(dash, "patterns", [[{"LOWER": {"IN": "abc"}}]]), "skills.toml",
     r"skill 'dashboards': pattern 1, token 1: LOWER.IN must be a non-empty list of strings"),
    ("empty pattern", set_in(dash, "patterns", [[]]), "skills.toml", r"skill 'dashboards': pattern 1 must be"),
    ("reject pattern needs a tagger", set_in(dash, "rejects", [[{"LOWER": "x"}], [{"POS": "NOUN"}]]), "skills.toml",
     r"skill 'dashboards': reject pattern 2, token 1: POS needs a trained spaCy component"),
    ("rejects not a list", set_in(dash, "rejects", {"LOWER": "x"}), "skills.toml",
     r"skill 'dashboards': 'rejects' must be a list of token patterns"),
    ("phrase cites unknown source", set_in(dash, "phrases", [{"phrase": "built … dashboards", "source": "s9",
     "section": "x"}]), "skills.toml", r"skill 'dashboards': phrases #1 cites unknown source 's9'"),
    ("phrase without section", set_in(dash, "phrases", [{"phrase": "built … dashboards", "source": "s1"}]),
     "skills.toml", r"skill 'dashboards': phrases #1 needs the strings 'phrase', 'source' and 'section'"),
    ("phrase of gaps only", set_in(dash, "phrases", [{"phrase": "(built) …", **ref()}]), "skills.toml",
     r"skill 'dashboards': phrases #1 \('\(built\) …'\): may not start or end with …"),
    ("phrase with a bad word", set_in(dash, "phrases", [{"phrase": "built {x}", **ref()}]), "skills.toml",
     r"skill 'dashboards': phrases #1 \('built \{x\}'\): '\{x\}' is not a word"),
    ("phrase listed twice", set_in(dash, "phrases", [{"phrase": "built dashboards", **ref()},
     {"phrase": "Built  dashboards", **ref()}]), "skills.toml", r"skill 'dashboards': phrases #2: .* listed twice"),
    ("phrase unknown key", set_in(dash, "phrases", [{"phrase": "built dashboards", "quote": "x", **ref()}]),
     "skills.toml", r"skill 'dashboards': phrases #1: unknown key 'quote'"),
    ("expectation of unknown skill", set_in(first_expect, "skill", "sqll"), "levels.toml",
     r"level 'entry': expectation 'sqll': refers to unknown skill 'sqll'"),
    ("bad importance", set_in(first_expect, "importance", "must"), "levels.toml",
     r"level 'entry': expectation 'sql': importance 'must' is not one of required, recommended, bonus"),
    ("zero weight", set_in(first_expect, "weight", 0), "levels.toml",
     r"level 'entry': expectation 'sql': weight 0 must be greater than 0"),
    ("weight not a number", set_in(first_expect, "weight", "1"), "levels.toml",
     r"expectation 'sql': 'weight' must be a number"),
    ("stated twice", state_twice, "levels.toml", r"level 'entry': expectation 'sql': is stated twice"),
    ("lowered importance", lower_importance, "levels.toml",
     r"level 'senior': expectation 'sql': lowers importance from required \(level 'entry'\)"),
    ("overlapping years", set_in(senior, "years_min", 1), "levels.toml",
     r"level 'senior': years band 1- overlaps or precedes level 'entry'"),
    ("years_max below min", set_in(entry, "years_max", 0), "levels.toml",
     r"level 'entry': 'years_max' \(0\) must be greater than 'years_min' \(0\)"),
    ("open-ended level not last", drop(entry, "years_max"), "levels.toml",
     r"level 'senior': comes after level 'entry', whose years band is open-ended"),
    ("factor above one", set_in(strengths, "listed", 1.5), "levels.toml",
     r"scoring.strength_factors: 'listed' = 1.5 must be within \[0, 1\]"),
    ("missing factor", drop(strengths, "hedged"), "levels.toml",
     r"scoring.strength_factors: missing required key 'hedged'"),
    ("coverage out of range", set_in(scoring, "met_threshold", -0.1), "levels.toml",
     r"scoring: 'met_threshold' = -0.1 must be within \[0, 1\]"),
    ("floor level unknown", lambda d: d["scoring"].update(experience={
        "other_credit": 0.0, "in_work_level": "expert", "sources": [ref()],
        "kind": [{"id": "ml", "credit": 1.0, "skills": ["sql"], "sources": [ref()]}]}), "levels.toml",
     r"scoring.experience: 'in_work_level' = 'expert' is not a level id \(entry, senior\)"),
    ("work-shown level unknown", lambda d: d["scoring"].update(experience={
        "other_credit": 0.0, "work_shown_levels": ["entry", "junior"], "sources": [ref()],
        "kind": [{"id": "ml", "credit": 1.0, "skills": ["sql"], "sources": [ref()]}]}), "levels.toml",
     r"scoring.experience: 'work_shown_levels' holds 'junior', not a level id \(entry, senior\)"),
    ("undated cap negative", lambda d: d["scoring"].update(experience={
        "other_credit": 0.0, "undated_above": -1, "sources": [ref()],
        "kind": [{"id": "ml", "credit": 1.0, "skills": ["sql"], "sources": [ref()]}]}), "levels.toml",
     r"scoring.experience: 'undated_above' = -1 must not be negative"),
    ("undated cap not a number", lambda d: d["scoring"].update(experience={
        "other_credit": 0.0, "undated_above": "one", "sources": [ref()],
        "kind": [{"id": "ml", "credit": 1.0, "skills": ["sql"], "sources": [ref()]}]}), "levels.toml",
     r"scoring.experience: 'undated_above' must be an integer, not a string"),
    ("rung of unknown level", lambda d: d["scoring"].update(experience={
        "other_credit": 0.0, "sources": [ref()],
        "kind": [{"id": "ml", "credit": 1.0, "skills": ["sql"], "sources": [ref()]}],
        "rung": [{"level": "guru", "years": 5, "titles": ["senior"], "sources": [ref()]}]}), "levels.toml",
     r"scoring.experience.rung #1: 'level' = 'guru' is not a level id \(entry, senior\)"),
    ("rung stated twice", lambda d: d["scoring"].update(experience={
        "other_credit": 0.0, "sources": [ref()],
        "kind": [{"id": "ml", "credit": 1.0, "skills": ["sql"], "sources": [ref()]}],
        "rung": [{"level": "senior", "years": 5, "titles": ["senior"], "sources": [ref()]},
                 {"level": "senior", "years": 8, "titles": ["lead"], "sources": [ref()]}]}), "levels.toml",
     r"scoring.experience.rung 'senior': names a level of an earlier rung"),
    ("rung with negative years", lambda d: d["scoring"].update(experience={
        "other_credit": 0.0, "sources": [ref()],
        "kind": [{"id": "ml", "credit": 1.0, "skills": ["sql"], "sources": [ref()]}],
        "rung": [{"level": "senior", "years": -1, "titles": ["senior"], "sources": [ref()]}]}), "levels.toml",
     r"scoring.experience.rung 'senior': 'years' = -1 must not be negative"),
    ("emphasis below unknown level", lambda d: d["scoring"].update(emphasis=[{
        "id": "basics", "name": "a basic", "boost": 1.0, "skills": ["sql"], "sources": [ref()], "below": "expert"}]),
     "levels.toml", r"scoring.emphasis 'basics': 'below' = 'expert' is not a level id"),
    ("emphasis from unknown level", lambda d: d["scoring"].update(emphasis=[{
        "id": "later", "name": "a later", "boost": 1.0, "skills": ["sql"], "sources": [ref()], "from": "guru"}]),
     "levels.toml", r"scoring.emphasis 'later': 'from' = 'guru' is not a level id"),
    ("emphasis only_first not a flag", lambda d: d["scoring"].update(emphasis=[{
        "id": "one", "name": "one", "boost": 1.0, "skills": ["sql"], "sources": [ref()], "only_first": "yes"}]),
     "levels.toml", r"scoring.emphasis 'one': 'only_first' must be true or false, not"),
    ("emphasis unless names an unknown skill", lambda d: d["scoring"].update(emphasis=[{
        "id": "one", "name": "one", "boost": 1.0, "skills": ["sql"], "sources": [ref()], "unless": ["excell"]}]),
     "levels.toml", r"scoring.emphasis 'one': names in 'unless' unknown skill 'excell'"),
    ("emphasis when names no profile", lambda d: d["scoring"].update(emphasis=[{
        "id": "one", "name": "one", "boost": 1.0, "skills": ["sql"], "sources": [ref()], "when": "analyst-side"}]),
     "levels.toml", r"scoring.emphasis 'one': 'when' = 'analyst-side' is not a \[\[scoring.profile\]\] id \(none"),
    ("emphasis when names an unknown profile", lambda d: d["scoring"].update(
        profile=[{"id": "reporter", "name": "r", "skills": ["dashboards"], "sources": [ref()]}],
        emphasis=[{"id": "one", "name": "one", "boost": 1.0, "skills": ["sql"], "sources": [ref()],
                   "when": "analyst-side"}]),
     "levels.toml", r"'when' = 'analyst-side' is not a \[\[scoring.profile\]\] id \(reporter\)"),
    ("profile lists an unknown skill", lambda d: d["scoring"].update(profile=[{
        "id": "reporter", "name": "r", "skills": ["dashbords"], "sources": [ref()]}]),
     "levels.toml", r"scoring.profile 'reporter': lists unknown skill 'dashbords'"),
    ("profile over names an unknown skill", lambda d: d["scoring"].update(profile=[{
        "id": "reporter", "name": "r", "skills": ["dashboards"], "over": ["sequel"], "sources": [ref()]}]),
     "levels.toml", r"scoring.profile 'reporter': names in 'over' unknown skill 'sequel'"),
    ("profile skill on both sides", lambda d: d["scoring"].update(profile=[{
        "id": "reporter", "name": "r", "skills": ["dashboards", "sql"], "over": ["sql"], "sources": [ref()]}]),
     "levels.toml", r"scoring.profile 'reporter': lists 'sql' in both 'skills' and 'over'"),
    ("profile with a negative ratio", lambda d: d["scoring"].update(profile=[{
        "id": "reporter", "name": "r", "skills": ["dashboards"], "over": ["sql"], "ratio": -1, "sources": [ref()]}]),
     "levels.toml", r"scoring.profile 'reporter': 'ratio' = -1 must not be negative"),
    ("profile defined twice", lambda d: d["scoring"].update(profile=[
        {"id": "reporter", "name": "r", "skills": ["dashboards"], "sources": [ref()]},
        {"id": "reporter", "name": "s", "skills": ["sql"], "sources": [ref()]}]),
     "levels.toml", r"scoring.profile 'reporter': is defined twice"),
    ("profile with an unknown key", lambda d: d["scoring"].update(profile=[{
        "id": "reporter", "name": "r", "skills": ["dashboards"], "sources": [ref()], "min": 2}]),
     "levels.toml", r"scoring.profile #1.*'min'"),
    ("outgrown from an unknown level", lambda d: d["scoring"].update(outgrown={
        "from": "guru", "levels": ["entry"], "factor": 0.5, "sources": [ref()]}),
     "levels.toml", r"scoring.outgrown: 'from' = 'guru' is not a level id"),
    ("outgrown names an unknown level", lambda d: d["scoring"].update(outgrown={
        "from": "senior", "levels": ["novice"], "factor": 0.5, "sources": [ref()]}),
     "levels.toml", r"scoring.outgrown: 'levels' holds 'novice', not a level id"),
    ("outgrown factor above one", lambda d: d["scoring"].update(outgrown={
        "from": "senior", "levels": ["entry"], "factor": 2.0, "sources": [ref()]}),
     "levels.toml", r"scoring.outgrown: 'factor' = 2 must be within \[0, 1\]"),
    ("outgrown without from", lambda d: d["scoring"].update(outgrown={
        "levels": ["entry"], "factor": 0.5, "sources": [ref()]}),
     "levels.toml", r"scoring.outgrown: missing 'from'"),
    ("outgrown with an unknown key", lambda d: d["scoring"].update(outgrown={
        "from": "senior", "levels": ["entry"], "factor": 0.5, "sources": [ref()], "below": "senior"}),
     "levels.toml", r"scoring.outgrown.*'below'"),
    ("stage teaches unknown skill", set_in(first_stage, "skills", ["sql", "excell"]), "learning.toml",
     r"stage 'basics': teaches unknown skill 'excell'"),
    ("skill in two stages", stage_twice, "learning.toml",
     r"stage 'reporting': skill 'sql' is already taught by stage 'basics'"),
    ("months reversed", set_in(first_stage, "months_max", 0.5), "learning.toml", r"stage 'basics': months 1-0.5"),
    ("certification of unknown skill", lambda d: d["certification"][0].update(skills=["nosql"]), "learning.toml",
     r"certification 'cert': teaches unknown skill 'nosql'"),
    ("prerequisite unknown", lambda d: d["prerequisites"].update(sql=["pandas"]), "learning.toml",
     r"prerequisites of 'sql': lists unknown skill 'pandas'"),
    ("prerequisite cycle", lambda d: d["prerequisites"].update(sql=["dashboards"]), "learning.toml",
     r"prerequisites: form a cycle: dashboards -> sql -> dashboards"),
    ("unknown top-level key", lambda d: d.update(role="data-analyst", levels=[]), "extra.toml",
     r"unknown top-level key 'levels'"),
]  # fmt: skip


@pytest.mark.parametrize(("mutate", "file", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_invalid_data_names_file_and_entry(
    base: dict[str, Any], write: Callable[[dict[str, Any]], Path], mutate: Mutation, file: str, message: str
) -> None:
    mutate(base)
    folder = write(base)
    with pytest.raises(TaxonomyError) as info:
        load_taxonomy(folder)
    text = info.value.message
    assert "\n" not in text
    assert text.startswith(str(folder / file)) or re.search(rf"\b{re.escape(file)}:", text), text
    assert re.search(message, text), text


def test_the_base_taxonomy_is_valid(base: dict[str, Any], write: Callable[[dict[str, Any]], Path]) -> None:
    folder = write(base)
    taxonomy = gapcheck.load_taxonomy(folder)  # a user's own role, through the public API
    assert taxonomy is load_taxonomy(str(folder))
    assert taxonomy.role == "data-analyst" and taxonomy.version == "1.0.0"
    assert [lv.id for lv in taxonomy.levels] == ["entry", "senior"]
    senior = taxonomy.level("senior")
    excel = senior.expectation("excel")
    assert excel is not None and excel.importance == "required" and excel.weight == 2.0
    assert excel.introduced_at == "entry" and len(excel.sources) == 2
    assert taxonomy.skill("dashboards").requires == ("sql", "excel")
    assert taxonomy.skill("dashboards").stage == "reporting"
    assert [s.id for s in taxonomy.stages] == ["basics", "reporting"]


def test_level_order_is_the_files_order_whatever_the_names(
    base: dict[str, Any], write: Callable[[dict[str, Any]], Path]
) -> None:
    """No level names are built into the code: another role may call its first level "senior" if it likes."""
    first, second = base["level"]
    first["id"], second["id"] = "senior", "entry"
    taxonomy = load_taxonomy(write(base))
    assert [(lv.id, lv.order) for lv in taxonomy.levels] == [("senior", 0), ("entry", 1)]


def test_key_defined_in_two_files_names_both(base: dict[str, Any], write: Callable[[dict[str, Any]], Path]) -> None:
    folder = write(base)
    (folder / "more.toml").write_text(toml_dumps({"skill": base["skill"]}), encoding="utf-8")
    with pytest.raises(
        TaxonomyError, match=r"(more|skills)\.toml and .*(more|skills)\.toml: both define the top-level key 'skill'"
    ):
        load_taxonomy(folder)


def test_invalid_toml_names_the_file(base: dict[str, Any], write: Callable[[dict[str, Any]], Path]) -> None:
    folder = write(base)
    (folder / "skills.toml").write_text("[[skill]]\nid = \n", encoding="utf-8")
    with pytest.raises(TaxonomyError, match=r"skills\.toml: invalid TOML"):
        load_taxonomy(folder)


@pytest.mark.parametrize("missing", ["role", "version", "skill", "level", "scoring", "source"])
def test_missing_top_level_key(base: dict[str, Any], write: Callable[[dict[str, Any]], Path], missing: str) -> None:
    del base[missing]
    with pytest.raises(TaxonomyError, match=missing):
        load_taxonomy(write(base))


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(TaxonomyError, match="no such taxonomy file or folder"):
        load_taxonomy(tmp_path / "nowhere")
    with pytest.raises(TaxonomyError, match=r"holds no \.toml file"):
        load_taxonomy(tmp_path)
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(TaxonomyError, match=r"must be a \.toml file"):
        load_taxonomy(tmp_path / "notes.txt")


def test_spacy_rejects_a_pattern_the_structural_check_lets_through(
    base: dict[str, Any], write: Callable[[dict[str, Any]], Path]
) -> None:
    taxonomy = load_taxonomy(write(base))
    validate_with_spacy(taxonomy)  # the base patterns are valid for spaCy
    broken = dataclasses.replace(taxonomy.skill("dashboards"), patterns=(freeze_pattern([{"LOWER": {"IN": [1]}}]),))
    skills = tuple(broken if s.id == "dashboards" else s for s in taxonomy.skills)
    bad = dataclasses.replace(taxonomy, skills=skills)
    with pytest.raises(TaxonomyError, match=r"skill 'dashboards': pattern 1 is not a valid spaCy token pattern"):
        validate_with_spacy(bad)


def test_an_array_of_tables_is_read_an_entry_at_a_time_labelled_by_place_then_by_id() -> None:
    """``Entry.entries`` gives each table of an array labelled by its place until :meth:`named` names it; each
    table's keys are checked as it is reached, so an error in an earlier table is the one told. ``part`` labels a
    table by its path."""
    scoring = Entry({"profile": [{"id": "a"}, {"id": "b", "odd": 1}], "outgrown": {"from": "x"}}, "f.toml", "scoring")
    seen = scoring.entries("profile", ("id",))
    first = next(seen)
    assert first.label == "scoring.profile #1" and first.named() == "a" and first.label == "scoring.profile 'a'"
    with pytest.raises(TaxonomyError, match=r"^f\.toml: scoring\.profile #2: unknown key 'odd' \(allowed: id\)$"):
        next(seen)
    assert scoring.part("outgrown", ("from",)).label == "scoring.outgrown"
    with pytest.raises(TaxonomyError, match=r"scoring\.outgrown: unknown key 'from'"):
        scoring.part("outgrown", ("levels",))
    with pytest.raises(TaxonomyError, match=r"scoring\.profile #1: 'id' 'A b' is not a slug"):
        next(Entry({"profile": [{"id": "A b"}]}, "f.toml", "scoring").entries("profile", ("id",))).named()
