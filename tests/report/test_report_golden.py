"""Golden examples: the bundled example resumes give the checked-in expected JSON (field by field) and Markdown.

Regenerate after a deliberate change: .venv/bin/python scripts/update_golden.py (then review the diff).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from gapcheck.report.json_render import report_schema

REPO = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("update_golden", REPO / "scripts" / "update_golden.py")
assert _spec is not None and _spec.loader is not None
golden = importlib.util.module_from_spec(_spec)
sys.modules["update_golden"] = golden
_spec.loader.exec_module(golden)

HINT = "regenerate with: python scripts/update_golden.py (after a deliberate change), then review the diff"


def case_id(case: Any) -> str:
    return f"{case.folder}{case.suffix}"


@pytest.fixture(scope="module", params=golden.CASES, ids=case_id)
def case_outputs(request: pytest.FixtureRequest) -> tuple[Any, dict[str, Any], str, dict[str, Any], str]:
    case = request.param
    json_path, md_path = golden.expected_paths(case)
    if not json_path.exists() or not md_path.exists():
        pytest.skip(f"no golden files for {case_id(case)} yet; {HINT}")
    data, markdown = golden.outputs(case)
    expected = json.loads(json_path.read_text(encoding="utf-8"))
    return case, data, markdown, expected, md_path.read_text(encoding="utf-8")


def test_golden_json_field_by_field(case_outputs: tuple[Any, dict[str, Any], str, dict[str, Any], str]) -> None:
    _, data, _, expected, _ = case_outputs
    jsonschema.Draft202012Validator(report_schema()).validate(expected)
    assert sorted(data) == sorted(expected), HINT
    for key in ("schema_version", "taxonomy", "source", "experience", "best_fit_level", "target_level", "target",
                "assessment", "plan_total", "job", "warnings"):
        assert data[key] == expected[key], f"{key} differs; {HINT}"
    assert [lv["level"] for lv in data["levels"]] == [lv["level"] for lv in expected["levels"]]
    for got, want in zip(data["levels"], expected["levels"], strict=True):
        assert got == want, f"level {want['level']} differs; {HINT}"
    assert [s["id"] for s in data["skills"]] == [s["id"] for s in expected["skills"]], f"skills differ; {HINT}"
    for got, want in zip(data["skills"], expected["skills"], strict=True):
        assert got == want, f"skill {want['id']} differs; {HINT}"
    assert [g["id"] for g in data["gaps"]] == [g["id"] for g in expected["gaps"]], f"gap order differs; {HINT}"
    for got, want in zip(data["gaps"], expected["gaps"], strict=True):
        assert got == want, f"gap {want['id']} differs; {HINT}"
    assert data["plan"] == expected["plan"], HINT
    assert data == expected


def test_golden_markdown_as_a_whole(case_outputs: tuple[Any, dict[str, Any], str, dict[str, Any], str]) -> None:
    _, _, markdown, _, expected = case_outputs
    assert markdown == expected, HINT
