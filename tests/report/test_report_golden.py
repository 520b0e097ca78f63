"""Golden examples: the bundled example resumes give the checked-in expected JSON (field by field) and Markdown.

Regenerate after a deliberate change: .venv/bin/python scripts/update_golden.py (then review the diff).
"""

from __future__ import annotations

import json
from typing import Any

import html5lib
import jsonschema
import pytest
from report_examples import case_id, example_output, golden

from gapcheck.report.json_render import report_schema

HINT = "regenerate with: python scripts/update_golden.py (after a deliberate change), then review the diff"


@pytest.fixture(scope="module", params=golden.CASES, ids=case_id)
def case_outputs(request: pytest.FixtureRequest) -> tuple[Any, dict[str, Any], str, dict[str, Any], str]:
    case = request.param
    json_path, md_path, _, _ = golden.expected_paths(case)
    if not json_path.exists() or not md_path.exists():
        pytest.skip(f"no golden files for {case_id(case)} yet; {HINT}")
    out = example_output(case)
    expected = json.loads(json_path.read_text(encoding="utf-8"))
    return case, out.data, out.markdown, expected, md_path.read_text(encoding="utf-8")


def test_golden_json_field_by_field(case_outputs: tuple[Any, dict[str, Any], str, dict[str, Any], str]) -> None:
    _, data, _, expected, _ = case_outputs
    jsonschema.Draft202012Validator(report_schema()).validate(expected)
    assert sorted(data) == sorted(expected), HINT
    for key in ("schema_version", "taxonomy", "source", "experience", "current", "target_level", "target",
                "assessment", "plan_total", "job", "warnings"):
        assert data[key] == expected[key], f"{key} differs; {HINT}"
    assert [lv["level"] for lv in data["levels"]] == [lv["level"] for lv in expected["levels"]]
    for got, want in zip(data["levels"], expected["levels"], strict=True):
        assert got == want, f"level {want['level']} differs; {HINT}"
    ids = [s["skill_id"] for s in expected["skills"]]
    assert [s["skill_id"] for s in data["skills"]] == ids, f"skills differ; {HINT}"
    for got, want in zip(data["skills"], expected["skills"], strict=True):
        assert got == want, f"skill {want['skill_id']} differs; {HINT}"
    assert [g["id"] for g in data["gaps"]] == [g["id"] for g in expected["gaps"]], f"gap order differs; {HINT}"
    for got, want in zip(data["gaps"], expected["gaps"], strict=True):
        assert got == want, f"gap {want['id']} differs; {HINT}"
    assert data["plan"] == expected["plan"], HINT
    assert data == expected


def test_golden_markdown_as_a_whole(case_outputs: tuple[Any, dict[str, Any], str, dict[str, Any], str]) -> None:
    _, _, markdown, _, expected = case_outputs
    assert markdown == expected, HINT


def outline(page: str) -> list[str]:
    """The page's structure: one line per element (depth, tag, id, classes) and per text, without the stylesheet
    and without attributes that only style (so a CSS change does not touch it, a content change does)."""
    document = html5lib.parse(page, namespaceHTMLElements=False)
    lines: list[str] = []

    def walk(node: Any, depth: int) -> None:
        for child in node:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in ("style",) or not tag:
                continue
            name = tag.split("}")[-1]
            ident = f"#{child.get('id')}" if child.get("id") else ""
            classes = "".join(f".{c}" for c in (child.get("class") or "").split())
            lines.append(f"{'  ' * depth}{name}{ident}{classes}")
            if child.text and child.text.strip():
                lines.append(f"{'  ' * (depth + 1)}{' '.join(child.text.split())!r}")
            walk(child, depth + 1)
            if child.tail and child.tail.strip():
                lines.append(f"{'  ' * depth}{' '.join(child.tail.split())!r}")

    walk(document, 0)
    return lines


@pytest.mark.parametrize("case", golden.CASES, ids=case_id)
def test_golden_html_by_structure(case: Any) -> None:
    _, _, html_path, _ = golden.expected_paths(case)
    if not html_path.exists():
        pytest.skip(f"no golden HTML for {case_id(case)} yet; {HINT}")
    got = outline(example_output(case).html)
    want = outline(html_path.read_text(encoding="utf-8"))
    assert got == want, HINT


@pytest.mark.parametrize("case", golden.CASES, ids=case_id)
def test_golden_terminal_as_a_whole(case: Any) -> None:
    _, _, _, txt_path = golden.expected_paths(case)
    if not txt_path.exists():
        pytest.skip(f"no golden terminal report for {case_id(case)} yet; {HINT}")
    assert example_output(case).terminal == txt_path.read_text(encoding="utf-8"), HINT
