"""A batch: each input analysed once, over ``jobs`` processes, results in input order."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator, Sequence
from copy import copy
from dataclasses import replace

from gapcheck.analysis import AnalysisFailure, Analyzer
from gapcheck.batch.inputs import Input
from gapcheck.batch.pool import ordered_map
from gapcheck.report.model import Report

EXTRA_SECONDS = 60.0  # what one resume may take in a worker beyond the reader's time limit, before it is stopped


def analyze_input(analyzer: Analyzer, item: Input) -> Report | AnalysisFailure:
    """One resume, never raising: a GapcheckError or any other failure becomes an AnalysisFailure row."""
    try:
        return analyzer.try_analyze(item.path, item.label)
    except MemoryError:
        mib = analyzer.options.limits.max_child_memory_bytes // (1024 * 1024)
        return AnalysisFailure(
            source=item.label,
            error="TooLargeError",
            message=f"{item.path.name}: reading the file needs more than {mib} MiB of memory, the limit",
            exit_code=2,
        )
    except Exception as error:  # a bug must not end the batch; the row says what it was
        return AnalysisFailure(
            source=item.label,
            error="InternalError",
            message=f"{item.path.name}: internal error ({type(error).__name__}); please report it",
            exit_code=2,
        )


def _lost(item: Input, reason: str) -> AnalysisFailure:
    return AnalysisFailure(source=item.label, error="WorkerError", message=f"{item.path.name}: {reason}", exit_code=2)


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


class _WorkerAnalyzer:
    """What a worker runs: the worker process is itself the isolation (a crash or a hang is an error row and a
    fresh worker), so PDF text is extracted in it rather than in one more child process per file; its memory is
    capped as that child's would be."""

    def __init__(self, analyzer: Analyzer) -> None:
        limits = replace(analyzer.options.limits, isolate_pdf=False)
        self.analyzer = copy(analyzer)
        self.analyzer.options = replace(analyzer.options, limits=limits)
        self.extra = analyzer.options.limits.max_child_memory_bytes
        self.capped = False

    def __call__(self, item: Input) -> Report | AnalysisFailure:
        if not self.capped:
            _cap_memory(self.extra)
            self.capped = True
        return analyze_input(self.analyzer, item)


def run_batch(
    analyzer: Analyzer, inputs: Sequence[Input], *, jobs: int
) -> Iterator[tuple[Input, Report | AnalysisFailure]]:
    """(input, result) for each input, in order, from ``jobs`` worker processes (one or more). The matcher is
    built here first, so forked workers inherit it instead of building their own, and the long-lived objects are
    frozen out of the garbage collector (not scanned again; fewer copy-on-write pages touched in the workers)."""
    jobs = max(1, min(jobs, len(inputs)))
    analyzer.matcher()
    gc.freeze()
    timeout = analyzer.options.limits.max_seconds + EXTRA_SECONDS
    results = ordered_map(_WorkerAnalyzer(analyzer), inputs, jobs=jobs, lost=_lost, timeout=timeout)
    return zip(inputs, results, strict=True)
