"""The JSON renderer: ``Report.to_dict()`` as indented JSON, and the JSON Schema it follows."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any, cast

from gapcheck.report.model import Report

SCHEMA_RESOURCE = "report.schema.json"


def render_json(report: Report) -> str:
    """The report as JSON text (UTF-8, two-space indent, trailing newline)."""
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"


@cache
def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``Report.to_dict()``, shipped inside the package."""
    text = files("gapcheck.report").joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8")
    return cast(dict[str, Any], json.loads(text))
