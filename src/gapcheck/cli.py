"""The command line: parse options, call the library, render, map errors to exit codes. Nothing more.

Exit codes: 0 ok; 1 the target's coverage is under --fail-under; 2 bad input or usage (the error's one line on
stderr, no traceback). The report goes to stdout (or --output FILE); messages go to stderr.
"""

from __future__ import annotations

import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from gapcheck import __version__
from gapcheck.errors import GapcheckError, UsageError
from gapcheck.report.render import OutputFormat as Format
from gapcheck.report.render import render

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__, rich_markup_mode=None)


class PdfEngine(StrEnum):
    AUTO = "auto"
    PYPDFIUM2 = "pypdfium2"
    PYPDF = "pypdf"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"gapcheck {__version__}")
        raise typer.Exit()


def _fail(message: str) -> typer.Exit:
    typer.echo(f"gapcheck: {message}", err=True)
    return typer.Exit(2)


def _parse_today(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--today {value!r}: expected a date as YYYY-MM-DD") from None


def _show_taxonomy(taxonomy_path: Path | None, level: str | None, fmt: Format, output: Path | None) -> None:
    # No spaCy here: printing the taxonomy needs only the loader and the view.
    from gapcheck.knowledge import load_taxonomy
    from gapcheck.report.render import make_console
    from gapcheck.report.taxonomy_view import render_taxonomy, taxonomy_to_markdown

    if fmt == Format.JSON:
        raise UsageError("--show-taxonomy prints as terminal or markdown, not json")
    taxonomy = load_taxonomy(taxonomy_path)
    if level is not None:
        taxonomy.find_level(level)
    if output is None:
        if fmt == Format.MARKDOWN:
            sys.stdout.write(taxonomy_to_markdown(taxonomy, level))
        else:
            render_taxonomy(taxonomy, make_console(sys.stdout), level)
        return
    with output.open("w", encoding="utf-8") as stream:
        if fmt == Format.MARKDOWN:
            stream.write(taxonomy_to_markdown(taxonomy, level))
        else:
            render_taxonomy(taxonomy, make_console(stream, plain=True), level)


@app.command()
def run(
    resume: Annotated[Path | None, typer.Argument(help="The resume: PDF, DOCX, plain text or Markdown.")] = None,
    level: Annotated[
        str | None,
        typer.Option("--level", "-l", help="Target level: entry, junior, mid, senior, lead (default: the next one)."),
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.TERMINAL,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to FILE instead of stdout.")
    ] = None,
    top: Annotated[int | None, typer.Option("--top", min=0, help="Show only the first N gaps.")] = None,
    taxonomy: Annotated[
        Path | None, typer.Option("--taxonomy", help="A taxonomy folder or .toml file (default: built-in).")
    ] = None,
    job: Annotated[
        Path | None, typer.Option("--job", help="A job posting: its skills become the target.")
    ] = None,
    fail_under: Annotated[
        float | None,
        typer.Option("--fail-under", min=0, max=100, help="Exit with 1 when the target's coverage is under PCT."),
    ] = None,
    redact: Annotated[bool, typer.Option("--redact", help="Mask emails, phone numbers and URLs.")] = False,
    pdf_engine: Annotated[PdfEngine, typer.Option("--pdf-engine", help="PDF text engine.")] = PdfEngine.AUTO,
    today: Annotated[
        str | None, typer.Option("--today", help="The date 'Present' means, YYYY-MM-DD (default: today).")
    ] = None,
    show_taxonomy: Annotated[
        bool, typer.Option("--show-taxonomy", help="Print the taxonomy (what each level expects) and exit.")
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Measure RESUME against each career level of a machine-learning engineer, and say what to learn next."""
    try:
        if show_taxonomy:
            _show_taxonomy(taxonomy, level, fmt, output)
            return
        if resume is None:
            raise UsageError("missing RESUME (a PDF, DOCX, text or Markdown file)")
        _analyze(resume, level, fmt, output, top, taxonomy, job, fail_under, redact, pdf_engine, _parse_today(today))
    except GapcheckError as error:
        raise _fail(error.message) from None
    except OSError as error:  # writing --output
        raise _fail(f"{error.filename or 'output'}: {error.strerror or error}") from None


def _analyze(
    resume: Path,
    level: str | None,
    fmt: Format,
    output: Path | None,
    top: int | None,
    taxonomy: Path | None,
    job: Path | None,
    fail_under: float | None,
    redact: bool,
    pdf_engine: PdfEngine,
    today: date | None,
) -> None:
    from gapcheck.analysis import analyze
    from gapcheck.report.redact import redact as redact_report
    report = analyze(resume, level=level, taxonomy=taxonomy, job=job, today=today, pdf_engine=str(pdf_engine))
    if redact:
        report = redact_report(report)
    shown = report.top(top)
    if output is None:
        render(shown, fmt, sys.stdout)
    else:
        with output.open("w", encoding="utf-8") as stream:
            render(shown, fmt, stream, plain=True)
        typer.echo(f"gapcheck: report written to {output}", err=True)
    coverage = report.target.coverage * 100
    if fail_under is not None and coverage < fail_under:
        typer.echo(
            f"gapcheck: coverage of {report.target.name} is {coverage:.1f}%, under --fail-under {fail_under:g}%",
            err=True,
        )
        raise typer.Exit(1)


def main() -> None:
    app()
