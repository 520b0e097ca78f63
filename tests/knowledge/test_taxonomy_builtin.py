"""Integrity of the shipped ml-engineer taxonomy (taxonomy/ml-engineer/*.toml), checked on the loaded objects."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from taxonomy_data import REPO, SHARED

from gapcheck.knowledge import (
    Importance,
    Taxonomy,
    builtin_taxonomy_dir,
    load_taxonomy,
    validate_with_spacy,
)
from gapcheck.knowledge.fields import normal_form

MINIMUM = SHARED / "skill-minimum.tsv"
GUIDES = SHARED / "guides"
ANNOTATION_GUIDE = SHARED / "real-resumes" / "annotation-guide.md"


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


def test_builtin_is_found_and_versioned(taxonomy: Taxonomy) -> None:
    assert builtin_taxonomy_dir().name == "ml-engineer"
    assert Path(taxonomy.path) == builtin_taxonomy_dir().resolve()
    assert taxonomy.role == "ml-engineer"
    assert re.fullmatch(r"\d{4}\.\d{1,2}\.\d+", taxonomy.version)


def test_ids_are_unique_slugs(taxonomy: Taxonomy) -> None:
    for group in (taxonomy.skills, taxonomy.levels, taxonomy.stages, taxonomy.certifications):
        ids = [item.id for item in group]
        assert len(ids) == len(set(ids))
        assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)
    keys = [s.key for s in taxonomy.sources]
    assert len(keys) == len(set(keys)) == 5


def test_no_name_or_alias_is_claimed_by_two_skills(taxonomy: Taxonomy) -> None:
    owners: dict[str, set[str]] = {}
    for skill in taxonomy.skills:
        for phrase in (skill.name, *skill.aliases):
            owners.setdefault(normal_form(phrase), set()).add(skill.id)
    shared = {form: ids for form, ids in owners.items() if len(ids) > 1}
    assert not shared
    exact = Counter(form for skill in taxonomy.skills for form in skill.exact_forms)
    assert all(n == 1 for n in exact.values())


def test_every_reference_points_to_something_that_exists(taxonomy: Taxonomy) -> None:
    skill_ids = {s.id for s in taxonomy.skills}
    source_keys = {s.key for s in taxonomy.sources}
    for skill in taxonomy.skills:
        assert skill.sources, skill.id
        assert {r.source for r in skill.sources} <= source_keys
        assert set(skill.implies) <= skill_ids - {skill.id}
        assert set(skill.requires) <= skill_ids - {skill.id}
    for level in taxonomy.levels:
        assert level.sources and {r.source for r in level.sources} <= source_keys
        for exp in level.expectations:
            assert exp.skill_id in skill_ids
            assert exp.sources and {r.source for r in exp.sources} <= source_keys
            assert exp.weight > 0
    for stage in taxonomy.stages:
        assert set(stage.skills) <= skill_ids
    for cert in taxonomy.certifications:
        assert set(cert.skills) <= skill_ids and cert.sources


def test_every_skill_has_exactly_one_stage(taxonomy: Taxonomy) -> None:
    taught = Counter(skill_id for stage in taxonomy.stages for skill_id in stage.skills)
    assert all(n == 1 for n in taught.values())
    assert set(taught) == {s.id for s in taxonomy.skills}
    for skill in taxonomy.skills:
        assert skill.stage is not None and skill.id in taxonomy.stage(skill.stage).skills
    assert [s.order for s in taxonomy.stages] == sorted(s.order for s in taxonomy.stages)


def test_prerequisites_come_no_later_than_the_skill(taxonomy: Taxonomy) -> None:
    """Learning order: a skill's prerequisites are taught in its stage or an earlier one."""
    order = {s.id: s.order for s in taxonomy.stages}
    late = [
        (skill.id, first)
        for skill in taxonomy.skills
        for first in skill.requires
        if order[taxonomy.skill(first).stage or ""] > order[skill.stage or ""]
    ]
    assert not late


def test_levels_are_ordered_with_increasing_bands(taxonomy: Taxonomy) -> None:
    assert [lv.id for lv in taxonomy.levels] == ["entry", "junior", "mid", "senior", "lead"]
    assert [lv.order for lv in taxonomy.levels] == list(range(5))
    for lower, higher in zip(taxonomy.levels, taxonomy.levels[1:], strict=False):
        assert lower.years_max is not None
        assert lower.years_min < lower.years_max == higher.years_min
    assert taxonomy.levels[0].years_min == 0
    assert taxonomy.levels[-1].years_max is None


def test_expectations_are_cumulative(taxonomy: Taxonomy) -> None:
    for lower, higher in zip(taxonomy.levels, taxonomy.levels[1:], strict=False):
        assert {e.skill_id for e in lower.expectations} <= {e.skill_id for e in higher.expectations}
        for exp in lower.expectations:
            raised = higher.expectation(exp.skill_id)
            assert raised is not None
            assert raised.importance.rank <= exp.importance.rank  # never lowered
            assert raised.introduced_at == exp.introduced_at
            if raised.importance == exp.importance:
                assert raised.weight >= exp.weight
    level_ids = [lv.id for lv in taxonomy.levels]
    for level in taxonomy.levels:
        for exp in level.expectations:
            assert level_ids.index(exp.introduced_at) <= level.order


def test_each_level_adds_or_raises_something(taxonomy: Taxonomy) -> None:
    for lower, higher in zip(taxonomy.levels, taxonomy.levels[1:], strict=False):
        changed = [e for e in higher.expectations if lower.expectation(e.skill_id) != e]
        assert changed, higher.id
    required_counts = [sum(e.importance == Importance.REQUIRED for e in lv.expectations) for lv in taxonomy.levels]
    assert required_counts == sorted(required_counts)


def test_specific_expectations_follow_the_guides(taxonomy: Taxonomy) -> None:
    entry, junior, mid, senior, lead = taxonomy.levels
    python = entry.expectation("python")
    assert python is not None and python.importance == Importance.REQUIRED
    assert junior.expectation("model-deployment") is not None  # 002: junior handles deployment
    assert entry.expectation("model-deployment") is None
    mentoring = senior.expectation("mentoring")  # 002: seniors mentor juniors
    assert mentoring is not None and mentoring.introduced_at == "senior"
    leadership = lead.expectation("technical-leadership")  # 002: leads oversee teams
    assert leadership is not None and leadership.importance == Importance.REQUIRED
    docker = mid.expectation("docker")
    assert docker is not None and docker.importance == Importance.REQUIRED and docker.introduced_at == "junior"


def test_implies_links_from_the_brief(taxonomy: Taxonomy) -> None:
    expected = {
        "xgboost": "gradient-boosting",
        "lightgbm": "gradient-boosting",
        "lora": "fine-tuning",
        "aws-sagemaker": "aws",
        "bentoml": "model-serving",
        "triton": "model-serving",
    }
    for source, target in expected.items():
        assert target in taxonomy.skill(source).implies


def test_scoring_rules(taxonomy: Taxonomy) -> None:
    rules = taxonomy.scoring
    assert set(rules.strength_factors) == {"demonstrated", "listed", "mentioned", "hedged", "implied"}
    assert rules.strength_factors["demonstrated"] == 1.0
    assert all(0 <= v <= 1 for v in rules.strength_factors.values())
    assert set(rules.importance_weights) == {i.value for i in Importance}
    assert (
        rules.importance_weights["required"]
        > rules.importance_weights["recommended"]
        > rules.importance_weights["bonus"]
        > 0
    )
    assert set(rules.priority_weights) == {"importance", "weight", "guides", "stage", "emphasis", "separates"}
    assert 0 < rules.best_fit_required_coverage <= 1 and 0 <= rules.met_threshold <= 1


def test_patterns_are_valid_for_spacy(taxonomy: Taxonomy) -> None:
    validate_with_spacy(taxonomy)


def test_one_letter_skills_need_context(taxonomy: Taxonomy) -> None:
    """A one-letter name or form ("R") is a letter in ordinary text: only a skills context can make it a skill.

    Which other skills need context is the matcher's call (issue 4), tuned on labelled resumes.
    """
    for skill in taxonomy.skills:
        if any(len(form) == 1 for form in (skill.name, *skill.exact_forms)):
            assert skill.needs_context, skill.id
    assert not taxonomy.skill("python").needs_context


def _minimum_rows() -> list[dict[str, str]]:
    with MINIMUM.open(encoding="utf-8") as fh:
        return list(csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"))


@pytest.mark.skipif(not MINIMUM.exists(), reason="../shared/skill-minimum.tsv is absent")
def test_minimum_list_is_covered_by_name_or_alias(taxonomy: Taxonomy) -> None:
    known = {normal_form(p): s.id for s in taxonomy.skills for p in (s.name, *s.aliases)}
    rows = _minimum_rows()
    assert len(rows) >= 90
    missing = [row["name"] for row in rows if normal_form(row["name"]) not in known]
    assert not missing
    # Each minimum line maps to its own skill: two lines never collapse into one.
    targets = Counter(known[normal_form(row["name"])] for row in rows)
    assert all(n == 1 for n in targets.values()), [t for t, n in targets.items() if n > 1]


@pytest.mark.skipif(not MINIMUM.exists(), reason="../shared/skill-minimum.tsv is absent")
def test_skills_cite_the_guides_the_minimum_list_names(taxonomy: Taxonomy) -> None:
    """A skill from the minimum list cites every guide that the list says names it."""
    known = {normal_form(p): s for s in taxonomy.skills for p in (s.name, *s.aliases)}
    for row in _minimum_rows():
        skill = known[normal_form(row["name"])]
        wanted = {f"g{n}" for n in row["guides"].split()}
        assert wanted <= {ref.source for ref in skill.sources}, (skill.id, wanted)


@pytest.mark.skipif(not GUIDES.is_dir(), reason="../shared/guides is absent")
def test_cited_sections_are_headings_of_the_cited_guide(taxonomy: Taxonomy) -> None:
    lines: dict[str, set[str]] = {}
    for source in taxonomy.sources:
        text = (GUIDES / source.file).read_text(encoding="utf-8")
        lines[source.key] = {line.strip() for line in text.splitlines()}
    refs = [r for s in taxonomy.skills for r in s.sources]
    refs += [r for lv in taxonomy.levels for r in (*lv.sources, *(r for e in lv.expectations for r in e.sources))]
    refs += [r for st in taxonomy.stages for r in st.sources]
    refs += [r for c in taxonomy.certifications for r in c.sources]
    bad = sorted({(r.source, r.section) for r in refs if r.section not in lines[r.source]})
    assert not bad


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9+#]+", text.lower())


@pytest.mark.skipif(not GUIDES.is_dir(), reason="../shared/guides is absent")
def test_own_words_no_sentence_copied_from_the_guides(taxonomy: Taxonomy) -> None:
    """No run of 7 words from a guide appears in our descriptions, summaries or stage texts."""
    n = 7
    guide_grams: set[tuple[str, ...]] = set()
    for path in GUIDES.glob("*.txt"):
        words = _words(path.read_text(encoding="utf-8"))
        guide_grams.update(tuple(words[i : i + n]) for i in range(len(words) - n + 1))
    ours = [s.description for s in taxonomy.skills] + [lv.summary for lv in taxonomy.levels]
    ours += [st.covers for st in taxonomy.stages]
    copied = []
    for text in ours:
        words = _words(text)
        if any(tuple(words[i : i + n]) in guide_grams for i in range(len(words) - n + 1)):
            copied.append(text)
    assert not copied


def test_loaded_taxonomy_is_cached_and_immutable(taxonomy: Taxonomy) -> None:
    assert load_taxonomy() is taxonomy
    assert load_taxonomy(builtin_taxonomy_dir()) is taxonomy
    skill = taxonomy.skill("ensemble-methods")
    with pytest.raises(AttributeError):
        skill.name = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        taxonomy.levels[0].years_min = 3  # type: ignore[misc]
    with pytest.raises(TypeError):
        taxonomy.scoring.strength_factors["listed"] = 1.0  # type: ignore[index]
    with pytest.raises(TypeError):
        skill.patterns[0][0]["LOWER"] = "x"  # type: ignore[index]
    with pytest.raises(TypeError):
        skill.patterns[0][1]["LOWER"]["IN"][0] = "x"  # type: ignore[index]
    assert isinstance(taxonomy.skills, tuple) and isinstance(skill.aliases, tuple)
    # Frozen all the way down, hence hashable: usable as a cache key or in a set.
    assert hash(skill) == hash(taxonomy.skill("ensemble-methods"))
    assert isinstance(hash(taxonomy), int)
    assert skill.patterns[0][0] == {"LOWER": "random"}


def test_a_single_file_loads_the_same_taxonomy(taxonomy: Taxonomy, tmp_path: Path) -> None:
    folder = builtin_taxonomy_dir()
    files = sorted(folder.glob("*.toml"), key=lambda p: (p.name != "role.toml", p.name))
    single = tmp_path / "ml-engineer.toml"
    single.write_text("\n".join(p.read_text(encoding="utf-8") for p in files), encoding="utf-8")
    alone = load_taxonomy(single)
    assert alone is not taxonomy
    assert alone.skills == taxonomy.skills
    assert alone.levels == taxonomy.levels
    assert alone.stages == taxonomy.stages
    assert alone.certifications == taxonomy.certifications
    assert alone.path == str(single.resolve())


def test_the_source_tree_and_builtin_dir_agree() -> None:
    assert (REPO / "taxonomy" / "ml-engineer").is_dir()
    names = sorted(p.name for p in builtin_taxonomy_dir().glob("*.toml"))
    assert names == ["learning.toml", "levels.toml", "role.toml", "skills.toml", "translations.toml"]


def test_loading_does_not_import_spacy() -> None:
    """Loading stays cheap (``gapcheck --show-taxonomy`` needs no NLP): patterns are checked without spaCy."""
    code = "import sys, gapcheck; gapcheck.load_taxonomy(); print('spacy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
