"""The README documents every CLI option and every exit code, and its two commands name files that exist; the report
schema's docs name every emphasis group of the built-in taxonomy."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import typer.main

from gapcheck.command import app
from gapcheck.knowledge import load_taxonomy

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_cli_option_is_in_the_readme() -> None:
    command = typer.main.get_command(app)
    options = [opt for param in command.params for opt in param.opts if opt.startswith("--")]
    assert "--level" in options  # the introspection found the real options
    missing = [opt for opt in options if f"`{opt}`" not in README and opt != "--help"]
    assert not missing, f"README does not document: {missing}"


def test_exit_codes_are_documented() -> None:
    table = README.split("### Exit codes", 1)[1]
    for code in ("0", "1", "2"):
        assert re.search(rf"^\| {code} \|", table, re.MULTILINE), code


def test_the_example_in_the_first_command_exists() -> None:
    first = re.search(r"```sh\n(.*?)\n```", README, re.DOTALL)
    assert first is not None
    paths = re.findall(r"examples/\S+", first.group(1))
    assert paths, "the first command runs gapcheck on a bundled example"
    root = Path(__file__).resolve().parents[1]
    assert all((root / p).is_file() for p in paths)


def test_the_schema_docs_name_every_emphasis_group() -> None:
    ids = [group.id for group in load_taxonomy().scoring.emphasis]
    assert "prerequisite" in ids  # the built-in taxonomy's groups were read
    docs = (ROOT / "docs" / "report-schema.md").read_text(encoding="utf-8")
    schema = (ROOT / "schema" / "report.schema.json").read_text(encoding="utf-8")
    emphasis = _find(json.loads(schema), "emphasis")["description"]
    assert [i for i in ids if f"`{i}`" not in docs] == []
    assert [i for i in ids if not re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", emphasis)] == []


def _find(node: Any, key: str) -> Any:
    """The first value under ``key`` anywhere in a JSON document, else None."""
    if isinstance(node, dict):
        if key in node:
            return node[key]
        node = list(node.values())
    if isinstance(node, list):
        for child in node:
            if (found := _find(child, key)) is not None:
                return found
    return None
