"""The command line: parse options into one RunOptions, call the library, render, map errors to exit codes.

One file: its report. Several files, folders or patterns: one row per resume, in input order, then the cohort
summary (:mod:`gapcheck.batch`). Exit codes: 0 ok; 1 a target's coverage is under --fail-under; 2 bad input or
usage (the error's one line on stderr, no traceback), or no resume of a batch could be read; 3 some resumes of a
batch could not be read (their rows say why). Reports and rows go to stdout (or --output FILE); messages, the
progress bar and errors go to stderr.
"""

from __future__ import annotations

import atexit
import gc
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from gapcheck.errors import GapcheckError, UsageError

if TYPE_CHECKING:
    from gapcheck.analysis import AnalysisFailure, Analyzer, Options
    from gapcheck.batch.ahead import Job, ReadAhead
    from gapcheck.batch.cohort import Cohort, Facts
    from gapcheck.batch.inputs import Input
    from gapcheck.command import app as app  # for `from gapcheck.cli import app` (see __getattr__)
    from gapcheck.knowledge.model import Taxonomy
    from gapcheck.reading.limits import Limits
    from gapcheck.reading.model import Resume
    from gapcheck.reading.source import SourceFile
    from gapcheck.report.model import Report

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


def __getattr__(name: str) -> object:
    """``app``, the Typer app, kept in :mod:`gapcheck.command` (imported only when asked for: see there)."""
    if name == "app":
        from gapcheck.command import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def note(message: str) -> None:
    """A line on stderr, after "gapcheck: " (errors and notes; the report or rows go to stdout or --output)."""
    sys.stderr.write(f"gapcheck: {message}\n")
    sys.stderr.flush()


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
        return names_one_report(self.inputs, self.fmt.value, summary=self.summary is not None)


def names_one_report(inputs: Sequence[str], fmt: str, *, summary: bool) -> bool:
    """Whether a command line's ``inputs`` and ``--format`` ask for one resume's report: one input, not a folder or
    a pattern, in a report format, with no ``--summary`` (:meth:`RunOptions.single_report` after parsing,
    :func:`single_job` before)."""
    from gapcheck.batch.inputs import is_glob

    if len(inputs) != 1 or fmt not in REPORT_FORMATS or summary:
        return False
    return not (Path(inputs[0]).is_dir() or is_glob(inputs[0]))


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


def execute(act: Callable[[], int]) -> int:
    """The exit code of ``act``: a GapcheckError, a limit missed (MemoryError, RecursionError) or an OSError (writing
    --output or --summary) is its one line on stderr and exit code 2, never a traceback."""
    try:
        return act()
    except GapcheckError as error:
        message = error.message
    except (MemoryError, RecursionError) as error:  # a limit missed: still one line, never a traceback
        message = f"the input is past what gapcheck can hold ({type(error).__name__})"
    except OSError as error:
        message = f"{error.filename or 'output'}: {error.strerror or error}"
    finally:
        _end_spare()
    note(message)
    return 2


def run_options(options: RunOptions) -> int:
    """Run what one command line asks for: one report, or a batch."""
    return _single(options) if options.single_report() else _batch(options)


@dataclass(frozen=True)
class BatchPlan:
    """A batch as one command line asks for it, made by its first reader (:func:`plan_batch`) while the process
    that runs it imports spaCy: its options, the resumes it names and its taxonomy, loaded (sent pickled: about a
    third of the time loading it takes)."""

    options: RunOptions
    inputs: tuple[Input, ...]
    taxonomy: Taxonomy


def plan_batch(options: RunOptions) -> BatchPlan | None:
    """The batch ``options`` ask for; None when they ask for one report, or for a batch that cannot start (a format
    no batch writes, no resume found: :func:`_batch` says why). A taxonomy that cannot be loaded raises."""
    from gapcheck.batch.inputs import collect
    from gapcheck.knowledge import load_taxonomy

    if options.single_report() or options.fmt == Format.HTML:
        return None
    inputs = tuple(collect(options.inputs))
    return BatchPlan(options, inputs, load_taxonomy(options.taxonomy)) if inputs else None


def _analyzer(options: RunOptions, *, build: bool = True, taxonomy: Taxonomy | None = None) -> Analyzer:
    """The run's Analyzer (of ``taxonomy`` when loaded already) with its matcher built (unless ``build`` is False: a
    batch's spawned workers build their own); then what start-up made (modules, spaCy's tables, the matcher, all
    kept to the end) is frozen out of the garbage collector, and the collector, off since :func:`main`, turned back
    on: collecting over a heap that only grows cost about a quarter of the start-up."""
    from gapcheck.analysis import Analyzer

    analyzer = Analyzer(taxonomy or options.taxonomy, options.level, options.job, options.read_options())
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
            note(f"report written to {options.output}")
    coverage = report.target.coverage * 100
    if options.fail_under is not None and coverage < options.fail_under:
        note(f"coverage of {report.target.name} is {coverage:.1f}%, under --fail-under {options.fail_under:g}%")
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

    from gapcheck.batch.ahead import EXTRA_SECONDS

    found = ahead.finish(limits.max_seconds + EXTRA_SECONDS)
    if 0 not in found:
        return None
    read = pickle.loads(found[0])  # made by this command's own reader process
    if isinstance(read, GapcheckError):
        raise read
    resume: Resume = read
    return resume


def _batch(options: RunOptions, plan: BatchPlan | None = None) -> int:
    """The batch ``options`` ask for (``plan``: its inputs and taxonomy, when its first reader made them)."""
    from gapcheck.batch.ahead import ReadAhead, Reading, readers_for
    from gapcheck.batch.inputs import collect
    from gapcheck.batch.pool import forking

    if options.fmt == Format.HTML:
        raise UsageError("--format html is one resume's page: give one file (a batch writes terminal, json, "
                         "markdown, jsonl or csv)")
    inputs = list(collect(options.inputs) if plan is None else plan.inputs)
    if not inputs:
        raise UsageError(f"no resume found in {', '.join(options.inputs)} (looked for PDF, DOCX, TXT and MD files)")
    # The cores the workers will use read the first resumes while this process imports spaCy and builds the matcher.
    reading = Reading.of(options.today, options.pdf_engine, options.limits)
    paths = [item.path for item in inputs]
    ahead = ReadAhead.start(reading, paths, readers=readers_for(options.jobs, paths))
    try:
        analyzer = _analyzer(options, build=forking(), taxonomy=None if plan is None else plan.taxonomy)
        from gapcheck.batch.cohort import Cohort

        cohort = Cohort(levels=[(lv.id, lv.name) for lv in analyzer.taxonomy.levels])
        if options.output is None:
            under = _write_rows(options, analyzer, inputs, cohort, sys.stdout, ahead)
        else:
            with options.output.open("w", encoding="utf-8", newline="") as stream:
                under = _write_rows(options, analyzer, inputs, cohort, stream, ahead)
            if not options.quiet:
                note(f"{len(inputs)} rows written to {options.output}")
    finally:
        ahead.close()
    _summarize(options, cohort)
    if cohort.read == 0:
        note(f"none of the {cohort.failed} resumes could be read")
        return 2
    if cohort.failed:
        if not options.quiet:
            note(f"{cohort.failed} of {len(inputs)} resumes could not be read")
        return EXIT_SOME_FAILED
    if under:
        note(f"{under} of {cohort.read} resumes under --fail-under {options.fail_under:g}%")
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
    first reader can be forked to parse it (:func:`_planned_batch`). A wrong guess costs a fork, spaCy imported
    before the command says what is wrong, or that head start; never a different result."""
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


def single_job(args: RawArgs) -> Job | None:
    """What a reader forked before the command line is parsed is given when it seems to name one resume for its
    report (:meth:`RunOptions.single_report`): that file, read as the command reads it (its PDF text in a child
    process). That reader then loads the reading rules and reads the resume on another core while this process
    imports spaCy and builds the matcher. None when the guess is not that (or the options cannot be read)."""
    values = args.values
    fmt = values.get("--format", Format.TERMINAL.value)
    if not names_one_report(args.positionals, fmt, summary="--summary" in values):
        return None
    if not os.path.isfile(args.positionals[0]):
        return None
    from gapcheck.batch.ahead import Reading, job_for

    try:
        reading = Reading(_parse_today(values.get("--today")), values.get("--pdf-engine", "auto"), _cli_limits())
    except (GapcheckError, ValueError):
        return None
    return job_for(reading, [Path(args.positionals[0])], 1)


def _plan(args: Sequence[str]) -> tuple[BatchPlan, Job | None] | None:
    """Run in a batch's first reader (:class:`gapcheck.batch.ahead.Planner`): the batch ``args`` ask for, parsed by
    the Typer app, and the job that reader reads ahead for it."""
    from gapcheck.batch.ahead import Reading, first_job
    from gapcheck.command import plan

    batch = plan(args)
    if batch is None:
        return None
    options = batch.options
    reading = Reading.of(options.today, options.pdf_engine, options.limits)
    return batch, first_job(reading, [item.path for item in batch.inputs], options.jobs)


def _planned_batch(args: Sequence[str]) -> BatchPlan | None:
    """A command line that looks like a batch is parsed by its first reader, forked now, while this process imports
    spaCy and the matcher's code (that reader then reads ahead); this process never imports Typer. None: that
    reader found no batch to start (one report, help, a usage error: :func:`main` then runs the Typer app)."""
    from gapcheck.batch.ahead import Planner

    planner = Planner.fork(lambda: _plan(args))
    if planner is None:
        return None
    import gapcheck.matching  # noqa: F401

    return planner.result()


def run() -> None:
    """The ``gapcheck`` command as a process: :func:`main`, then the process ends without tearing the interpreter
    down. Once the report or rows are written and flushed, freeing every object one by one (spaCy's vocabularies,
    the matcher, the taxonomy, every module) only delays the exit, by about 0.05 s a call; the exit handlers (the
    children ended, logging flushed) still run. A standard stream that cannot be flushed (a closed pipe) ends the
    process with 120, as Python's own exit would."""
    try:
        main()
        code: object = 0
    except SystemExit as done:
        code = done.code
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            code = code or 120
    atexit._run_exitfuncs()
    os._exit(code)


def main() -> None:
    # The matrices here are tiny: BLAS threads only contend with each other and with --jobs workers.
    for name in _ONE_THREAD:
        os.environ.setdefault(name, "1")
    gc.disable()  # until the long-lived objects are built (_analyzer)
    args = RawArgs.of(sys.argv[1:])
    if looks_like_batch(args):
        batch = _planned_batch(sys.argv[1:])
        if batch is not None:
            sys.exit(execute(lambda: _batch(batch.options, batch)))
    elif (job := single_job(args)) is not None:
        from gapcheck.batch.ahead import fork_spare

        fork_spare(job)
    from gapcheck.command import app

    app()
