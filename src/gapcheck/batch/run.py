"""A batch: each input analysed once, over ``jobs`` processes, results in input order."""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from functools import partial

from gapcheck.analysis import AnalysisFailure, Analyzer
from gapcheck.batch.inputs import Input
from gapcheck.batch.pool import ordered_map
from gapcheck.report.model import Report

DEFAULT_TIMEOUT = 300.0  # seconds one resume may take in a worker before it is stopped and reported


def analyze_input(analyzer: Analyzer, item: Input) -> Report | AnalysisFailure:
    """One resume, never raising: a GapcheckError or any other failure becomes an AnalysisFailure row."""
    try:
        return analyzer.try_analyze(item.path, item.label)
    except Exception as error:  # a bug must not end the batch; the row says what it was
        return AnalysisFailure(
            source=item.label,
            error="InternalError",
            message=f"{item.path.name}: internal error ({type(error).__name__}); please report it",
            exit_code=2,
        )


def _lost(item: Input, reason: str) -> AnalysisFailure:
    return AnalysisFailure(source=item.label, error="WorkerError", message=f"{item.path.name}: {reason}", exit_code=2)


def run_batch(
    analyzer: Analyzer, inputs: Sequence[Input], *, jobs: int, timeout: float | None = DEFAULT_TIMEOUT
) -> Iterator[tuple[Input, Report | AnalysisFailure]]:
    """(input, result) for each input, in order. The matcher is built here first, so forked workers inherit it
    instead of building their own, and the long-lived objects are frozen out of the garbage collector (not
    scanned again, and fewer copy-on-write pages touched in the workers)."""
    jobs = max(1, min(jobs, len(inputs)))
    from gapcheck.matching import matcher_for

    matcher_for(analyzer.taxonomy)
    gc.freeze()
    results = ordered_map(partial(analyze_input, analyzer), inputs, jobs=jobs, lost=_lost, timeout=timeout)
    return zip(inputs, results, strict=True)
