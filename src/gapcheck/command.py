"""The command line's Typer app: it parses the options into one :class:`gapcheck.cli.RunOptions` and runs it with
:func:`gapcheck.cli.execute`, or, asked to plan (:func:`plan`, in a batch's first reader), only says what batch
the command line asks for. Kept apart from :mod:`gapcheck.cli` so that a batch's process that imports spaCy, whose
command line a reader parses meanwhile, never imports Typer (with pydantic, about a tenth of a second)."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer

from gapcheck import cli
from gapcheck.cli import Format, PdfEngine
from gapcheck.errors import UsageError

app = typer.Typer(add_completion=False, no_args_is_help=True, help=cli.__doc__, rich_markup_mode=None)


class Planning:
    """The ``obj`` that asks :func:`run` to plan instead of running: it keeps the batch the command line asks for."""

    def __init__(self) -> None:
        self.plan: cli.BatchPlan | None = None


def _version(value: bool) -> None:
    if value:
        from gapcheck import __version__

        typer.echo(f"gapcheck {__version__}")
        raise typer.Exit()


@app.command()
def run(
    context: typer.Context,
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="FILE_OR_DIR...",
            help="Resumes (PDF, DOCX, plain text or Markdown), folders of them (searched recursively) or patterns.",
            show_default=False,
        ),
    ] = None,
    level: Annotated[
        str | None,
        typer.Option("--level", "-l", help="Target level: entry, junior, mid, senior, lead (default: the next one)."),
    ] = None,
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="Output format (jsonl and csv: one row per resume).")
    ] = Format.TERMINAL,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report (or rows) to FILE instead of stdout.")
    ] = None,
    top: Annotated[
        int | None, typer.Option("--top", min=0, help="Show the first N gaps (default 10; JSON: all).")
    ] = None,
    show_all: Annotated[bool, typer.Option("--all", help="Show every gap.")] = False,
    taxonomy: Annotated[
        Path | None, typer.Option("--taxonomy", help="A taxonomy folder or .toml file (default: built-in).")
    ] = None,
    job: Annotated[
        Path | None, typer.Option("--job", help="A job posting: its skills become the target.")
    ] = None,
    fail_under: Annotated[
        float | None,
        typer.Option("--fail-under", min=0, max=100, help="Exit with 1 when a target's coverage is under PCT."),
    ] = None,
    redact: Annotated[bool, typer.Option("--redact", help="Mask emails, phone numbers and URLs.")] = False,
    pdf_engine: Annotated[PdfEngine, typer.Option("--pdf-engine", help="PDF text engine.")] = PdfEngine.AUTO,
    today: Annotated[
        str | None, typer.Option("--today", help="The date 'Present' means, YYYY-MM-DD (default: today).")
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Batch: analyse with N processes (default: the CPU count)."),
    ] = None,
    summary: Annotated[
        Path | None, typer.Option("--summary", help="Batch: write the cohort summary to FILE as Markdown.")
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar, summary or notes on stderr (errors still).")
    ] = False,
    no_cache: Annotated[
        bool,
        typer.Option("--no-cache", help="Build the matcher afresh: neither read nor write the on-disk cache."),
    ] = False,
    show_taxonomy: Annotated[
        bool, typer.Option("--show-taxonomy", help="Print the taxonomy (what each level expects) and exit.")
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Measure each resume against each career level of a machine-learning engineer, and say what to learn next."""

    def options() -> cli.RunOptions:
        return cli.RunOptions(
            inputs=tuple(inputs or ()),
            level=level,
            fmt=fmt,
            output=output,
            top=None if show_all else top,
            show_all=show_all,
            taxonomy=taxonomy,
            job=job,
            fail_under=fail_under,
            redact=redact,
            today=cli._parse_today(today),
            pdf_engine=str(pdf_engine),
            limits=cli._cli_limits(),
            cache=not no_cache,
            jobs=jobs or cli._default_jobs(),
            summary=summary,
            quiet=quiet,
        )

    if isinstance(context.obj, Planning):
        if not show_taxonomy and inputs:
            context.obj.plan = cli.plan_batch(options())
        return

    def act() -> int:
        if show_taxonomy:
            cli._show_taxonomy(taxonomy, level, fmt, output)
            return 0
        if not inputs:
            raise UsageError("missing RESUME (a PDF, DOCX, text or Markdown file, or a folder of them)")
        return cli.run_options(options())

    code = cli.execute(act)
    if code:
        raise typer.Exit(code)


def plan(args: Sequence[str]) -> cli.BatchPlan | None:
    """The batch ``args`` ask for, parsed as the command parses them, or None when they ask for something else
    (one report, help, the version), are wrong (the command then says so), or the batch cannot start (no resume
    found, a format no batch writes). Nothing is printed."""
    planning = Planning()
    quiet = io.StringIO()
    try:
        with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
            app(args=list(args), obj=planning, standalone_mode=False, prog_name="gapcheck")
    except BaseException:  # any refusal (a usage error, an exit) is the command's to say when it parses the line
        return None
    return None if quiet.getvalue() else planning.plan
