"""The bundled examples' outputs for the report tests, made once per test session (imported by test modules)."""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("update_golden", REPO / "scripts" / "update_golden.py")
assert _spec is not None and _spec.loader is not None
golden = importlib.util.module_from_spec(_spec)
sys.modules["update_golden"] = golden
_spec.loader.exec_module(golden)


@dataclass(frozen=True)
class ExampleOutput:
    case: Any  # update_golden.Case
    data: dict[str, Any]  # the normalized JSON
    markdown: str
    html: str
    terminal: str  # width 100, no colour


_OUTPUTS: dict[str, ExampleOutput] = {}


def case_id(case: Any) -> str:
    return f"{case.folder}{case.suffix}"


def example_output(case: Any) -> ExampleOutput:
    """The outputs of one golden case, computed once per test session."""
    key = case_id(case)
    if key not in _OUTPUTS:
        data, markdown, page, terminal = golden.outputs(case)
        _OUTPUTS[key] = ExampleOutput(case, data, markdown, page, terminal)
    return _OUTPUTS[key]
