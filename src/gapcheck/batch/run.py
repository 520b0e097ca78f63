"""A batch: each input analysed once, over ``jobs`` processes, results in input order."""

from __future__ import annotations

import gc
import pickle
from collections.abc import Callable, Iterator, Sequence
from copy import copy
from dataclasses import dataclass, replace
from typing import Generic, TypeVar

from gapcheck.analysis import AnalysisFailure, Analyzer, failure
from gapcheck.batch.ahead import EXTRA_SECONDS, ReadAhead, Reading
from gapcheck.batch.inputs import Input
from gapcheck.batch.pool import cap_memory, forking, ordered_map
from gapcheck.errors import GapcheckError, TooLargeError
from gapcheck.reading.limits import size_text
from gapcheck.report.model import Report

T = TypeVar("T")


class InternalError(GapcheckError):
    """A row's error when analysing one resume raised something other than a GapcheckError (a bug)."""


class WorkerError(GapcheckError):
    """A row's error when its worker process stopped, or ran past its time, while analysing it."""




@dataclass(frozen=True)
class Task:
    """One resume for a worker: the input, and its index in the batch (what a reader made of it ahead is looked up
    by it: :class:`_WorkerAnalyzer`)."""

    item: Input
    index: int = -1


def analyze_input(analyzer: Analyzer, item: Input, read: bytes | None = None) -> Report | AnalysisFailure:
    """One resume (read ahead already, when ``read`` is given), never raising: a GapcheckError or any other
    failure becomes an AnalysisFailure row."""
    try:
        if read is None:
            return analyzer.try_analyze(item.path, item.label)
        try:
            resume = pickle.loads(read)  # made by this batch's own reader process
            if isinstance(resume, GapcheckError):
                raise resume
            return analyzer.report(resume)
        except GapcheckError as unreadable:
            return failure(unreadable, item.label)
    except MemoryError:
        memory = size_text(analyzer.options.limits.max_child_memory_bytes)
        error: GapcheckError = TooLargeError(
            f"{item.path.name}: reading the file needs more than {memory} of memory, the limit"
        )
    except Exception as bug:  # a bug must not end the batch; the row says what it was
        error = _internal(item, bug)
    return failure(error, item.label)


def _internal(item: Input, bug: Exception) -> InternalError:
    return InternalError(f"{item.path.name}: internal error ({type(bug).__name__}); please report it")


def _lost(item: Input, reason: str) -> AnalysisFailure:
    return failure(WorkerError(f"{item.path.name}: {reason}"), item.label)


Result = Report | AnalysisFailure
Finish = Callable[[Input, Result], T]


class _WorkerAnalyzer(Generic[T]):
    """What a worker runs: the worker process is itself the isolation (a crash or a hang is an error row and a
    fresh worker), so PDF text is extracted in it rather than in one more child process per file; its memory is
    capped as that child's would be. ``finish`` turns the result into what is sent back (in the worker). ``read``:
    what readers read ahead (:mod:`.ahead`), by input index: a pickled Resume or GapcheckError. A forked worker
    inherits it (so a task is a few hundred bytes, sent while the worker is busy with the one before); the batch's
    process lets go of each entry as its task is handed out (a worker forked after that reads the resume itself)."""

    def __init__(self, analyzer: Analyzer, finish: Finish[T]) -> None:
        options = analyzer.options
        self.reading = Reading.of(options.today, options.pdf_engine, options.limits)
        self.analyzer = copy(analyzer)
        self.analyzer.options = replace(options, limits=self.reading.limits)
        self.capped = False
        self.finish = finish
        self.read: dict[int, bytes] = {}

    def __call__(self, task: Task) -> T:
        if not self.capped:
            cap_memory(self.reading.limits.max_child_memory_bytes)
            self.capped = True
        item = task.item
        result = analyze_input(self.analyzer, item, self.read.pop(task.index, None))
        try:
            return self.finish(item, result)
        except Exception as bug:  # a bug in making the row is that row's error, not the worker's end
            return self.finish(item, failure(_internal(item, bug), item.label))

    def lost(self, task: Task, reason: str) -> T:
        return self.finish(task.item, _lost(task.item, reason))


def _as_is(_item: Input, result: Result) -> Result:
    return result


def run_batch(
    analyzer: Analyzer, inputs: Sequence[Input], *, jobs: int, ahead: ReadAhead | None = None
) -> Iterator[tuple[Input, Result]]:
    """(input, result) for each input, in order, from ``jobs`` worker processes (one or more)."""
    return map_batch(analyzer, inputs, _as_is, jobs=jobs, ahead=ahead)


def map_batch(
    analyzer: Analyzer,
    inputs: Sequence[Input],
    finish: Finish[T],
    *,
    jobs: int,
    ahead: ReadAhead | None = None,
) -> Iterator[tuple[Input, T]]:
    """(input, ``finish(input, result)``) for each input, in order, ``finish`` run in the worker: what the workers
    can make of a result (a row's text) is not left to the one process collecting them, and a small value crosses
    the pipe instead of a pickled Report. Where workers are forked, the matcher is built here first (with what a
    first report loads: :meth:`Analyzer.prepare`), so they inherit it instead of each making its own, and the
    long-lived objects are frozen out of the garbage collector (not scanned again; fewer copy-on-write pages
    touched in the workers). ``ahead``: readers started before the start-up (:mod:`.ahead`), stopped here, just
    before the workers start; what they read is not read again (unless it was read otherwise than the workers
    would: then it is all read again)."""
    jobs = max(1, min(jobs, len(inputs)))
    if forking():
        analyzer.prepare()
        gc.freeze()
    timeout = analyzer.options.limits.max_seconds + EXTRA_SECONDS
    work = _WorkerAnalyzer(analyzer, finish)
    if ahead is not None:
        work.read = ahead.stop()
        if ahead.reading != work.reading:
            work.read.clear()
    tasks = _tasks(inputs, work.read)
    return zip(inputs, ordered_map(work, tasks, jobs=jobs, lost=work.lost, timeout=timeout), strict=True)


def _tasks(inputs: Sequence[Input], read: dict[int, bytes]) -> Iterator[Task]:
    """The workers' tasks, each read-ahead result let go of (in this process) as its task is handed out."""
    for index, item in enumerate(inputs):
        read.pop(index, None)
        yield Task(item, index)
