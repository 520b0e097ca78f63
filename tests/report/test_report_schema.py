"""Every report validates against the shipped JSON Schema; a property test over arbitrary text."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gapcheck.analysis import analyze, analyze_text
from gapcheck.errors import GapcheckError, NoTextLayerError
from gapcheck.knowledge import load_taxonomy
from gapcheck.report.json_render import render_json, report_schema

REPO = Path(__file__).resolve().parents[2]
REAL = REPO.parent / "shared" / "real-resumes"
VALIDATOR = jsonschema.Draft202012Validator(report_schema())
TODAY = date(2026, 11, 1)
UNREADABLE = {"student-math-hard-outlined-text.pdf"}  # every glyph a vector outline (its README says so)
TAXONOMY = load_taxonomy()

WORDS = [
    "Python", "SQL", "PyTorch", "Docker", "Kubernetes", "k8s", "scikit-learn", "R", "Go", "Spark", "Excel",
    "familiar with", "no experience with", "led a team", "deployed", "models", "2019 - Present", "Jan 2020",
    "EXPERIENCE", "SKILLS", "Education", "Projects:", "•", "-", "|", ",", "\n", "\n\n", "C++", "CI/CD",
    "built a recommendation engine", "A/B tests", "Engineer", "Acme", "transformers", "LLM", "RAG", "AWS",
]


def check(report_dict: dict[str, object]) -> None:
    VALIDATOR.validate(report_dict)


def test_the_schema_is_valid_draft_2020_12_and_matches_the_repo_copy() -> None:
    schema = report_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    repo_copy = REPO / "schema" / "report.schema.json"
    assert json.loads(repo_copy.read_text(encoding="utf-8")) == schema


def test_the_schema_rejects_a_broken_report() -> None:
    report = analyze_text("SKILLS\nPython, SQL\n", today=TODAY).to_dict()
    check(report)
    for breakage in ("coverage", "level", "extra"):
        broken = json.loads(json.dumps(report))
        if breakage == "coverage":
            broken["levels"][0]["coverage"] = 1.5
        elif breakage == "level":
            del broken["levels"][0]["required_coverage"]
        else:
            broken["unexpected"] = True
        assert not VALIDATOR.is_valid(broken), breakage


def test_json_rendering_is_to_dict() -> None:
    report = analyze_text("EXPERIENCE\nEngineer, Acme\n2020 - 2023\n- Built models in PyTorch\n", today=TODAY)
    assert json.loads(render_json(report)) == report.to_dict()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=20)), max_size=60))
def test_any_text_gives_a_valid_report(parts: list[str]) -> None:
    text = " ".join(parts)
    try:
        report = analyze_text(text, today=TODAY)
    except GapcheckError:
        return  # e.g. empty text: a typed error is the right answer
    data = report.to_dict()
    check(data)
    for level in report.levels:
        assert 0.0 <= level.coverage <= 1.0 and 0.0 <= level.required_coverage <= 1.0
    priorities = [g.priority for g in report.gaps]
    assert priorities == sorted(priorities, reverse=True)
    assert [g.rank for g in report.gaps] == list(range(1, len(report.gaps) + 1))
    assert report.target_level in [lv.level for lv in report.levels]
    # the gaps are the target's expectations that are not demonstrated, an umbrella skill replaced by its first part,
    # one of a set of alternatives standing for the others
    expected = {e.skill_id for e in TAXONOMY.level(report.target_level).expectations}
    demonstrated = {s.skill_id for s in report.skills if s.strength == "demonstrated"}
    umbrellas = {u.skill: u.learn for u in TAXONOMY.scoring.umbrellas}
    grouped = {sid for group in TAXONOMY.scoring.alternatives for sid in group.skills}
    gaps = {g.id for g in report.gaps}
    assert not gaps & demonstrated and not gaps & set(umbrellas)
    assert gaps <= expected | set(umbrellas.values())
    implied = {s.skill_id for s in report.skills if s.strength == "implied"}  # shown when what implies it is
    # a demonstrated skill shows the skills its taxonomy `shows` rule names (Kubernetes shows Docker)
    shown = {sid for rule in TAXONOMY.scoring.shows if rule.skill in demonstrated for sid in rule.skills}
    assert expected - demonstrated - shown - set(umbrellas) - grouped <= gaps | implied
    target = report.level(report.target_level)
    assert {g.id for g in report.gaps if g.kind == "missing"} <= set(target.missing) | set(umbrellas.values())


def real_resumes() -> list[Path]:
    if not REAL.is_dir():
        return []
    return sorted(p for p in REAL.iterdir() if p.suffix.lower() in (".pdf", ".docx"))


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/real-resumes is not present")
@pytest.mark.parametrize("path", real_resumes(), ids=lambda p: p.name)
def test_real_resumes_give_valid_reports(path: Path) -> None:
    if path.name in UNREADABLE:  # no text layer at all: refused, never an empty report
        with pytest.raises(NoTextLayerError, match="needs OCR"):
            analyze(path, today=TODAY)
        return
    report = analyze(path, today=TODAY)
    check(report.to_dict())
    assert report.source.name == path.name
    assert report.skills  # every real resume names some taxonomy skill
