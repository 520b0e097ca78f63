"""A batch: each input analysed once, over ``jobs`` processes, results in input order."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Sequence
from copy import copy
from dataclasses import replace
from typing import Generic, TypeVar

from gapcheck.analysis import AnalysisFailure, Analyzer, failure
from gapcheck.batch.inputs import Input
from gapcheck.batch.pool import ordered_map
from gapcheck.errors import GapcheckError, TooLargeError
from gapcheck.reading.limits import size_text
from gapcheck.report.model import Report

T = TypeVar("T")


class InternalError(GapcheckError):
    """A row's error when analysing one resume raised something other than a GapcheckError (a bug)."""


class WorkerError(GapcheckError):
    """A row's error when its worker process stopped, or ran past its time, while analysing it."""


EXTRA_SECONDS = 60.0  # what one resume may take in a worker beyond the reader's time limit, before it is stopped


def analyze_input(analyzer: Analyzer, item: Input) -> Report | AnalysisFailure:
    """One resume, never raising: a GapcheckError or any other failure becomes an AnalysisFailure row."""
    try:
        return analyzer.try_analyze(item.path, item.label)
    except MemoryError:
        memory = size_text(analyzer.options.limits.max_child_memory_bytes)
        error: GapcheckError = TooLargeError(
            f"{item.path.name}: reading the file needs more than {memory} of memory, the limit"
        )
    except Exception as bug:  # a bug must not end the batch; the row says what it was
        error = InternalError(f"{item.path.name}: internal error ({type(bug).__name__}); please report it")
    return failure(error, item.label)


def _lost(item: Input, reason: str) -> AnalysisFailure:
    return failure(WorkerError(f"{item.path.name}: {reason}"), item.label)


def _cap_memory(extra: int) -> None:
    """In a worker: cap its address space at what it holds now plus ``extra`` (the reader's child-process cap),
    so a runaway allocation fails in this worker (an error row) rather than exhausting the machine."""
    try:
        import resource

        with open("/proc/self/statm") as handle:
            held = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        resource.setrlimit(resource.RLIMIT_AS, (held + extra, resource.RLIM_INFINITY))
    except (ImportError, OSError, ValueError):  # pragma: no cover - not Linux
        pass


Result = Report | AnalysisFailure
Finish = Callable[[Input, Result], T]


class _WorkerAnalyzer(Generic[T]):
    """What a worker runs: the worker process is itself the isolation (a crash or a hang is an error row and a
    fresh worker), so PDF text is extracted in it rather than in one more child process per file; its memory is
    capped as that child's would be. ``finish`` turns the result into what is sent back (in the worker)."""

    def __init__(self, analyzer: Analyzer, finish: Finish[T]) -> None:
        limits = replace(analyzer.options.limits, isolate_pdf=False)
        self.analyzer = copy(analyzer)
        self.analyzer.options = replace(analyzer.options, limits=limits)
        self.extra = analyzer.options.limits.max_child_memory_bytes
        self.capped = False
        self.finish = finish

    def __call__(self, item: Input) -> T:
        if not self.capped:
            _cap_memory(self.extra)
            self.capped = True
        result = analyze_input(self.analyzer, item)
        try:
            return self.finish(item, result)
        except Exception as bug:  # a bug in making the row is that row's error, not the worker's end
            error = InternalError(f"{item.path.name}: internal error ({type(bug).__name__}); please report it")
            return self.finish(item, failure(error, item.label))

    def lost(self, item: Input, reason: str) -> T:
        return self.finish(item, _lost(item, reason))


def _as_is(_item: Input, result: Result) -> Result:
    return result


def run_batch(analyzer: Analyzer, inputs: Sequence[Input], *, jobs: int) -> Iterator[tuple[Input, Result]]:
    """(input, result) for each input, in order, from ``jobs`` worker processes (one or more)."""
    return map_batch(analyzer, inputs, _as_is, jobs=jobs)


def map_batch(
    analyzer: Analyzer, inputs: Sequence[Input], finish: Finish[T], *, jobs: int
) -> Iterator[tuple[Input, T]]:
    """(input, ``finish(input, result)``) for each input, in order, ``finish`` run in the worker: what the workers
    can make of a result (a row's text) is not left to the one process collecting them, and a small value crosses
    the pipe instead of a pickled Report. The matcher is built here first, so forked workers inherit it instead of
    building their own, and the long-lived objects are frozen out of the garbage collector (not scanned again;
    fewer copy-on-write pages touched in the workers)."""
    jobs = max(1, min(jobs, len(inputs)))
    analyzer.matcher()
    gc.freeze()
    timeout = analyzer.options.limits.max_seconds + EXTRA_SECONDS
    work = _WorkerAnalyzer(analyzer, finish)
    return zip(inputs, ordered_map(work, inputs, jobs=jobs, lost=work.lost, timeout=timeout), strict=True)
