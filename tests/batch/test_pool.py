"""The process pool behind --jobs: input order, a worker that dies or hangs becomes a result, the rest goes on."""

from __future__ import annotations

import os
import time

from gapcheck.batch.pool import ordered_map


def square_or_die(n: int) -> int:
    if n == 3:
        os._exit(9)  # a native crash or the OOM killer: the process is gone
    if n == 5:
        time.sleep(60)
    time.sleep(0.01 * (n % 3))  # out-of-order completion
    return n * n


def lost(n: int, reason: str) -> int:
    assert "worker" in reason or "longer than" in reason
    return -n


def test_results_in_input_order_with_lost_items_in_place() -> None:
    got = list(ordered_map(square_or_die, range(10), jobs=2, lost=lost, timeout=2.0))
    assert got == [0, 1, 4, -3, 16, -5, 36, 49, 64, 81]


def test_workers_are_recycled_one_worker_works_and_zero_runs_in_process() -> None:
    assert list(ordered_map(square_or_die, [0, 1, 2, 4], jobs=2, lost=lost, max_tasks=1)) == [0, 1, 4, 16]
    assert list(ordered_map(square_or_die, [2, 3, 4], jobs=1, lost=lost, timeout=5.0)) == [4, -3, 16]
    assert list(ordered_map(abs, [-1, 2], jobs=0, lost=lost)) == [1, 2]


def test_a_bug_in_making_a_row_is_that_rows_error_not_the_workers_end() -> None:
    """The row is made in the worker (redaction, top gaps, its text): a failure there is an InternalError row."""
    from pathlib import Path

    from gapcheck.analysis import AnalysisFailure, Analyzer
    from gapcheck.batch.inputs import Input
    from gapcheck.batch.run import Task, _WorkerAnalyzer

    def finish(_item: Input, result: object) -> object:
        if not isinstance(result, AnalysisFailure):
            raise ValueError("a bug in the row")
        return result

    example = Path(__file__).resolve().parents[2] / "examples" / "junior-ml" / "resume.md"
    worker = _WorkerAnalyzer(Analyzer(), finish)
    worker.capped = True  # leave this test process's address space alone
    row = worker(Task(Input(example, "junior-ml/resume.md")))
    assert isinstance(row, AnalysisFailure) and row.error == "InternalError"
    assert row.source == "junior-ml/resume.md" and "ValueError" in row.message
