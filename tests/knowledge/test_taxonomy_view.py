"""The taxonomy as shown to users (terminal and Markdown): every skill, and what each level expects."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from gapcheck.errors import UnknownLevelError
from gapcheck.knowledge import Taxonomy, load_taxonomy
from gapcheck.report.taxonomy_view import render_taxonomy, taxonomy_to_markdown


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


def rendered(taxonomy: Taxonomy, level: str | None = None) -> str:
    out = io.StringIO()
    render_taxonomy(taxonomy, Console(file=out, width=200, no_color=True, highlight=False), level=level)
    return out.getvalue()


def test_terminal_view_lists_every_skill_and_level(taxonomy: Taxonomy) -> None:
    text = rendered(taxonomy)
    assert taxonomy.version in text
    for skill in taxonomy.skills:
        assert skill.name in text
    for level in taxonomy.levels:
        assert level.name in text and level.summary in text
    assert "\x1b[" not in text


def test_one_level_shows_its_cumulative_expectations_only(taxonomy: Taxonomy) -> None:
    text = rendered(taxonomy, level="mid")
    mid = taxonomy.level("mid")
    assert mid.name in text
    assert taxonomy.level("senior").name not in text
    body = text.split(mid.name, 1)[1].split("Expects", 1)[1]
    rows = [line for line in body.splitlines() if line.strip().split("  ")[0] in {"required", "recommended", "bonus"}]
    assert not rows  # importance is never the first column
    for exp in mid.expectations:
        assert taxonomy.skill(exp.skill_id).name in body
    # Python is asked for since entry, MLOps first at mid.
    python_row = next(line for line in body.splitlines() if line.strip().startswith("Python "))
    assert "required" in python_row and python_row.rstrip().endswith("entry")
    mlops_row = next(line for line in body.splitlines() if line.strip().startswith("MLOps "))
    assert mlops_row.rstrip().endswith("mid")


def test_level_ids_are_case_insensitive(taxonomy: Taxonomy) -> None:
    assert rendered(taxonomy, level=" Mid ") == rendered(taxonomy, level="mid")


def test_unknown_level_names_the_valid_ones(taxonomy: Taxonomy) -> None:
    with pytest.raises(UnknownLevelError, match="entry, junior, mid, senior, lead"):
        rendered(taxonomy, level="principal")
    with pytest.raises(UnknownLevelError):
        taxonomy_to_markdown(taxonomy, level="principal")


def is_row(line: str) -> bool:
    return line.startswith("| ") and not line.startswith(("| Skill", "| ---"))


def test_markdown_has_one_row_per_skill_and_expectation(taxonomy: Taxonomy) -> None:
    text = taxonomy_to_markdown(taxonomy)
    skills_part, levels_part = text.split("\n## Levels\n")
    skill_rows = [ln for ln in skills_part.splitlines() if is_row(ln)]
    assert len(skill_rows) == len(taxonomy.skills)
    level_rows = [ln for ln in levels_part.splitlines() if is_row(ln)]
    assert len(level_rows) == sum(len(lv.expectations) for lv in taxonomy.levels)
    # Table cells stay intact even for names with special characters.
    assert "| C++ |" in text and "| CI/CD |" in text
    one = taxonomy_to_markdown(taxonomy, level="lead")
    assert one.count("\n### ") == len({s.category for s in taxonomy.skills}) + 1


@pytest.mark.parametrize("width", [80, 60])
def test_narrow_terminal_folds_rather_than_truncates(taxonomy: Taxonomy, width: int) -> None:
    out = io.StringIO()
    render_taxonomy(taxonomy, Console(file=out, width=width, no_color=True), level="lead")
    text = out.getvalue()
    assert "…" not in text
    assert all(len(line) <= width for line in text.splitlines())
    for weight in {f"{e.weight:g}" for e in taxonomy.level("lead").expectations}:
        assert f" {weight} " in text
