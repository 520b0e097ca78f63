"""The README documents every CLI option and every exit code, and its two commands name files that exist."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from gapcheck.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


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
