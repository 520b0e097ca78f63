"""The command line: parse options into one RunOptions, call the library, render, map errors to exit codes.

One file: its report. Several files, folders or patterns: one row per resume, in input order, then the cohort
summary (:mod:`gapcheck.batch`). Exit codes: 0 ok; 1 a target's coverage is under --fail-under; 2 bad input or
usage (the error's one line on stderr, no traceback), or no resume of a batch could be read; 3 some resumes of a
batch could not be read (their rows say why). Reports and rows go to stdout (or --output FILE); messages, the
progress bar and errors go to stderr.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from gapcheck.errors import GapcheckError, UsageError

if TYPE_CHECKING:
    from gapcheck.analysis import AnalysisFailure, Analyzer, Options
    from gapcheck.batch.ahead import Job, ReadAhead
    from gapcheck.batch.cohort import Cohort, Facts
    from gapcheck.batch.inputs import Input
    from gapcheck.reading.limits import Limits
    from gapcheck.reading.model import Resume
    from gapcheck.reading.source import SourceFile
    from gapcheck.report.model import Report

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__, rich_markup_mode=None)


class Format(StrEnum):
    """The report formats (one file) and the row formats (a batch: jsonl and csv are rows only)."""

    TERMINAL = "terminal"
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"
    JSONL = "jsonl"
    CSV = "csv"


REPORT_FORMATS = frozenset({Format.TERMINAL, Format.JSON, Format.MARKDOWN, Format.HTML})
EXIT_SOME_FAILED = 3


class PdfEngine(StrEnum):
    AUTO = "auto"
    PYPDFIUM2 = "pypdfium2"
    PYPDF = "pypdf"


def _version(value: bool) -> None:
    if value:
        from gapcheck import __version__

        typer.echo(f"gapcheck {__version__}")
        raise typer.Exit()


def _fail(message: str) -> typer.Exit:
    typer.echo(f"gapcheck: {message}", err=True)
    return typer.Exit(2)


def _cli_limits() -> Limits:
    """The reader's limits for the CLI: every PDF is extracted in a child process (a crash in PDFium is one line
    and exit 2; the child costs little beside the CLI's start-up), then $GAPCHECK_LIMITS on top."""
    from dataclasses import replace

    from gapcheck.reading.limits import DEFAULT_LIMITS, limits_from_environment

    return limits_from_environment(replace(DEFAULT_LIMITS, isolate_pdf_over_bytes=0))


def _parse_today(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--today {value!r}: expected a date as YYYY-MM-DD") from None


def _default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class RunOptions:
    """Everything one command line asks for, after parsing."""

    inputs: tuple[str, ...]
    level: str | None
    fmt: Format
    output: Path | None
    top: int | None
    show_all: bool  # --all: every gap (else --top N, or the format's default)
    taxonomy: Path | None
    job: Path | None
    fail_under: float | None
    redact: bool
    today: date | None  # how resumes are read (the library's Options, made by read_options)
    pdf_engine: str
    limits: Limits
    cache: bool
    jobs: int
    summary: Path | None
    quiet: bool

    def read_options(self) -> Options:
        from gapcheck.analysis import Options

        return Options(today=self.today, pdf_engine=self.pdf_engine, limits=self.limits, cache=self.cache)

    def single_report(self) -> bool:
        """One file (not a folder or a pattern) in a report format: today's one-report behaviour."""
        from gapcheck.batch.inputs import is_glob

        if len(self.inputs) != 1 or self.fmt not in REPORT_FORMATS or self.summary is not None:
            return False
        return not (Path(self.inputs[0]).is_dir() or is_glob(self.inputs[0]))


def _show_taxonomy(taxonomy_path: Path | None, level: str | None, fmt: Format, output: Path | None) -> None:
    # No spaCy here: printing the taxonomy needs only the loader and the view.
    from gapcheck.knowledge import load_taxonomy
    from gapcheck.report.render import make_console
    from gapcheck.report.taxonomy_view import render_taxonomy, taxonomy_to_markdown

    if fmt not in (Format.TERMINAL, Format.MARKDOWN):
        raise UsageError(f"--show-taxonomy prints as terminal or markdown, not {fmt.value}")
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
    try:
        if show_taxonomy:
            _show_taxonomy(taxonomy, level, fmt, output)
            return
        if not inputs:
            raise UsageError("missing RESUME (a PDF, DOCX, text or Markdown file, or a folder of them)")
        options = RunOptions(
            inputs=tuple(inputs),
            level=level,
            fmt=fmt,
            output=output,
            top=None if show_all else top,
            show_all=show_all,
            taxonomy=taxonomy,
            job=job,
            fail_under=fail_under,
            redact=redact,
            today=_parse_today(today),
            pdf_engine=str(pdf_engine),
            limits=_cli_limits(),
            cache=not no_cache,
            jobs=jobs or _default_jobs(),
            summary=summary,
            quiet=quiet,
        )
        early = context.obj if isinstance(context.obj, Early) else None
        code = _single(options) if options.single_report() else _batch(options, early)
    except GapcheckError as error:
        raise _fail(error.message) from None
    except (MemoryError, RecursionError) as error:  # a limit missed: still one line, never a traceback
        raise _fail(f"the input is past what gapcheck can hold ({type(error).__name__})") from None
    except OSError as error:  # writing --output or --summary
        raise _fail(f"{error.filename or 'output'}: {error.strerror or error}") from None
    finally:
        _end_spare()
    if code:
        raise typer.Exit(code)


def _analyzer(options: RunOptions, *, build: bool = True) -> Analyzer:
    """The run's Analyzer with its matcher built (unless ``build`` is False: a batch's spawned workers build their
    own); then what start-up made (modules, spaCy's tables, the matcher, all kept to the end) is frozen out of the
    garbage collector, and the collector, off since :func:`main`, turned back on: collecting over a heap that only
    grows cost about a quarter of the start-up."""
    from gapcheck.analysis import Analyzer

    analyzer = Analyzer(options.taxonomy, options.level, options.job, options.read_options())
    if build:
        analyzer.matcher()
    gc.freeze()
    gc.enable()
    return analyzer


def _end_spare() -> None:
    """End the reader forked ahead of parsing (:func:`main`) if no batch took it."""
    if "gapcheck.batch.ahead" in sys.modules:
        from gapcheck.batch.ahead import end_spare

        end_spare()


def _single(options: RunOptions) -> int:
    path = Path(options.inputs[0])
    ahead = _claim_reader(options, path)
    opened: SourceFile | None = None
    if ahead is None:
        from gapcheck.reading.source import open_ahead

        # A PDF's text is extracted in a child process: started first, it works while spaCy loads and the matcher
        # is built. The file is read once: the analysis takes it opened (or, if it cannot be, says why in its turn).
        opened = open_ahead(path, options.limits, options.pdf_engine)
    try:
        analyzer = _analyzer(options)
        resume = None if ahead is None else _read_by(ahead, options.limits)
    finally:
        if ahead is not None:
            ahead.close()
    from gapcheck.report.redact import redact as redact_report
    from gapcheck.report.render import OutputFormat, gaps_shown, render

    report = analyzer.analyze(path if opened is None else opened) if resume is None else analyzer.report(resume)
    if options.redact:
        report = redact_report(report)
    fmt = OutputFormat(options.fmt.value)
    top = gaps_shown(fmt, options.top, options.show_all)
    if options.output is None:
        render(report, fmt, sys.stdout, top=top)
    else:
        with options.output.open("w", encoding="utf-8") as stream:
            render(report, fmt, stream, plain=True, top=top)
        if not options.quiet:
            typer.echo(f"gapcheck: report written to {options.output}", err=True)
    coverage = report.target.coverage * 100
    if options.fail_under is not None and coverage < options.fail_under:
        typer.echo(
            f"gapcheck: coverage of {report.target.name} is {coverage:.1f}%, under --fail-under "
            f"{options.fail_under:g}%",
            err=True,
        )
        return 1
    return 0


def _claim_reader(options: RunOptions, path: Path) -> ReadAhead | None:
    """The reader :func:`main` forked to read this one resume (see :func:`single_job`), if it reads it as this
    command line says; a wrong guess of :func:`looks_like_batch` is ended here (its core is free for the PDF's
    child)."""
    if "gapcheck.batch.ahead" not in sys.modules:  # nothing was forked
        return None
    from gapcheck.batch.ahead import ReadAhead, Reading

    return ReadAhead.claim(Reading(options.today, options.pdf_engine, options.limits), path)


def _read_by(ahead: ReadAhead, limits: Limits) -> Resume | None:
    """The resume ``ahead``'s reader read, or None when it could not say (it crashed, or was not done past the
    reader's time limit and a minute): then it is read here, as it would have been. A file that cannot be read
    raises its error here, as reading it here would."""
    import pickle

    found = ahead.finish(limits.max_seconds + 60.0)
    if 0 not in found:
        return None
    read = pickle.loads(found[0])  # made by this command's own reader process
    if isinstance(read, GapcheckError):
        raise read
    resume: Resume = read
    return resume


def _batch(options: RunOptions, early: Early | None = None) -> int:
    from gapcheck.batch.ahead import ReadAhead, Reading, readers_for
    from gapcheck.batch.inputs import collect
    from gapcheck.batch.pool import forking

    if options.fmt == Format.HTML:
        raise UsageError("--format html is one resume's page: give one file (a batch writes terminal, json, "
                         "markdown, jsonl or csv)")
    if early is not None and early.inputs is not None and early.positionals == options.inputs:
        inputs = list(early.inputs)  # collected by main() already, from the same arguments
    else:
        inputs = collect(options.inputs)
    if not inputs:
        raise UsageError(f"no resume found in {', '.join(options.inputs)} (looked for PDF, DOCX, TXT and MD files)")
    # The cores the workers will use read the first resumes while this process imports spaCy and builds the matcher.
    reading = Reading.of(options.today, options.pdf_engine, options.limits)
    paths = [item.path for item in inputs]
    ahead = ReadAhead.start(reading, paths, readers=readers_for(options.jobs, paths))
    try:
        analyzer = _analyzer(options, build=forking())
        from gapcheck.batch.cohort import Cohort

        cohort = Cohort(levels=[(lv.id, lv.name) for lv in analyzer.taxonomy.levels])
        if options.output is None:
            under = _write_rows(options, analyzer, inputs, cohort, sys.stdout, ahead)
        else:
            with options.output.open("w", encoding="utf-8", newline="") as stream:
                under = _write_rows(options, analyzer, inputs, cohort, stream, ahead)
            if not options.quiet:
                typer.echo(f"gapcheck: {len(inputs)} rows written to {options.output}", err=True)
    finally:
        ahead.close()
    _summarize(options, cohort)
    if cohort.read == 0:
        typer.echo(f"gapcheck: none of the {cohort.failed} resumes could be read", err=True)
        return 2
    if cohort.failed:
        if not options.quiet:
            typer.echo(f"gapcheck: {cohort.failed} of {len(inputs)} resumes could not be read", err=True)
        return EXIT_SOME_FAILED
    if under:
        typer.echo(f"gapcheck: {under} of {cohort.read} resumes under --fail-under {options.fail_under:g}%", err=True)
        return 1
    return 0


@dataclass(frozen=True)
class _Row:
    """What a batch worker sends back for one resume: its row's text, what the summary counts, and whether it is
    under --fail-under."""

    text: str
    facts: Facts
    under: bool


@dataclass(frozen=True)
class _MakeRow:
    """Run in the batch workers (so the rows are made in parallel, and the process writing them only writes)."""

    fmt: str
    top: int | None
    redact: bool
    fail_under: float | None

    def __call__(self, item: Input, result: Report | AnalysisFailure) -> _Row:
        from gapcheck.batch.cohort import facts_of
        from gapcheck.batch.rows import RowFormat, row_text
        from gapcheck.report.model import Report
        from gapcheck.report.redact import redact as redact_report

        row: Report | AnalysisFailure = result
        under = False
        if isinstance(result, Report):
            row = (redact_report(result) if self.redact else result).top(self.top)
            under = self.fail_under is not None and result.target.coverage * 100 < self.fail_under
        return _Row(row_text(RowFormat(self.fmt), item.label, row), facts_of(result), under)


def _write_rows(
    options: RunOptions,
    analyzer: Analyzer,
    inputs: Sequence[Input],
    cohort: Cohort,
    stream: TextIO,
    ahead: ReadAhead,
) -> int:
    """Stream the rows; returns how many resumes are under --fail-under."""
    from gapcheck.batch.progress import progress_bar
    from gapcheck.batch.rows import RowFormat, RowWriter
    from gapcheck.batch.run import map_batch

    writer = RowWriter(RowFormat(options.fmt.value), stream)
    make_row = _MakeRow(options.fmt.value, options.top, options.redact, options.fail_under)
    under = 0
    with progress_bar(len(inputs), enabled=not options.quiet) as advance:
        for _item, row in map_batch(analyzer, inputs, make_row, jobs=options.jobs, ahead=ahead):
            writer.write_text(row.text)
            cohort.add(row.facts)
            under += row.under
            advance()
    writer.close()
    return under


def _summarize(options: RunOptions, cohort: Cohort) -> None:
    from gapcheck.batch.cohort import render_cohort, to_markdown

    if options.summary is not None:
        options.summary.write_text(to_markdown(cohort), encoding="utf-8")
        return
    if options.quiet:
        return
    from gapcheck.report.render import make_console

    if options.fmt == Format.TERMINAL and options.output is None:
        render_cohort(cohort, make_console(sys.stdout))
    elif sys.stderr.isatty():
        render_cohort(cohort, make_console(sys.stderr))


_ONE_THREAD = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
_TAKES_VALUE = {  # the options that take a value (tests check this against the command), short forms to long
    **{name: name for name in ("--level", "--format", "--output", "--top", "--taxonomy", "--job", "--fail-under")},
    **{name: name for name in ("--pdf-engine", "--today", "--jobs", "--summary")},
    "-l": "--level",
    "-f": "--format",
    "-o": "--output",
    "-j": "--jobs",
}


@dataclass(frozen=True)
class RawArgs:
    """The command line before Typer parses it: the positional arguments, and the options' values (long names)."""

    positionals: tuple[str, ...]
    values: Mapping[str, str]

    @classmethod
    def of(cls, args: Sequence[str]) -> RawArgs:
        positionals: list[str] = []
        values: dict[str, str] = {}
        pending = ""
        for arg in args:
            if pending:
                values[pending], pending = arg, ""
            elif arg.startswith("--") and "=" in arg:
                name, _, value = arg.partition("=")
                values[_TAKES_VALUE.get(name, name)] = value
            elif arg in _TAKES_VALUE:
                pending = _TAKES_VALUE[arg]
            elif len(arg) > 2 and arg[:2] in _TAKES_VALUE and not arg.startswith("--"):
                values[_TAKES_VALUE[arg[:2]]] = arg[2:]  # -j2
            elif not arg.startswith("-"):
                positionals.append(arg)
        return cls(tuple(positionals), values)


def looks_like_batch(args: RawArgs) -> bool:
    """Whether a command line seems to name several resumes, guessed before it is parsed so that a batch's
    first reader can be forked before Typer parses it (:func:`gapcheck.batch.ahead.fork_spare`). A wrong guess
    costs a fork and a tenth of a second of another core, or that head start; never a different result."""
    if _default_jobs() < 2:
        return False
    from gapcheck.batch.inputs import is_glob

    if args.values.get("--jobs") == "1":
        return False
    named = 0
    for arg in args.positionals:
        if is_glob(arg) or os.path.isdir(arg):
            return True
        named += os.path.isfile(arg)
        if named >= 2:
            return True
    return False


@dataclass(frozen=True)
class Early:
    """What :func:`main` made of the raw command line before Typer parsed it: the resumes its positional arguments
    name (collected once: :func:`_batch` takes them when its inputs are those arguments), and the first reader's
    job as :func:`_batch` will make it (None: no guess; a wrong guess is only not used)."""

    positionals: tuple[str, ...]
    inputs: tuple[Input, ...] | None  # None: not collected (the options could not be read)
    job: Job | None


def early_batch(args: RawArgs) -> Early:
    """The batch's inputs and its first reader's job, guessed from the raw arguments (see :class:`Early`)."""
    from gapcheck.batch.ahead import Reading, first_job
    from gapcheck.batch.inputs import collect

    values = args.values
    try:
        jobs = int(values["--jobs"]) if "--jobs" in values else _default_jobs()
        reading = Reading.of(_parse_today(values.get("--today")), values.get("--pdf-engine", "auto"), _cli_limits())
    except (GapcheckError, ValueError):
        return Early(args.positionals, None, None)
    inputs = tuple(collect(args.positionals))
    return Early(args.positionals, inputs, first_job(reading, [item.path for item in inputs], jobs))


def single_job(args: RawArgs) -> Job | None:
    """What a reader forked before the command line is parsed is given when it seems to name one resume for its
    report (:meth:`RunOptions.single_report`): that file, read as the command reads it (its PDF text in a child
    process). That reader then loads the reading rules and reads the resume on another core while this process
    imports spaCy and builds the matcher. None when the guess is not that (or the options cannot be read)."""
    values = args.values
    if len(args.positionals) != 1 or "--summary" in values or not os.path.isfile(args.positionals[0]):
        return None
    if values.get("--format", Format.TERMINAL.value) not in {fmt.value for fmt in REPORT_FORMATS}:
        return None
    from gapcheck.batch.ahead import Reading, job_for

    try:
        reading = Reading(_parse_today(values.get("--today")), values.get("--pdf-engine", "auto"), _cli_limits())
    except (GapcheckError, ValueError):
        return None
    return job_for(reading, [Path(args.positionals[0])], 1)


def main() -> None:
    # The matrices here are tiny: BLAS threads only contend with each other and with --jobs workers.
    for name in _ONE_THREAD:
        os.environ.setdefault(name, "1")
    gc.disable()  # until the long-lived objects are built (_analyzer)
    args = RawArgs.of(sys.argv[1:])
    early = None
    if looks_like_batch(args):
        from gapcheck.batch.ahead import fork_spare

        early = early_batch(args)
        fork_spare(early.job)
    elif (job := single_job(args)) is not None:
        from gapcheck.batch.ahead import fork_spare

        fork_spare(job)
    app(obj=early)
