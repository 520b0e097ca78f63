"""The command line: parse options, call the library, render, map errors to exit codes. Nothing more."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gapcheck import __version__

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"gapcheck {__version__}")
        raise typer.Exit()


@app.command()
def run(
    resume: Annotated[Path | None, typer.Argument(help="The resume: PDF, DOCX, plain text or Markdown.")] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Measure RESUME against each career level of a machine-learning engineer."""
    typer.echo("gapcheck: analysis is not built yet", err=True)
    raise typer.Exit(2)


def main() -> None:
    app()
