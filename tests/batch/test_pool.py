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
