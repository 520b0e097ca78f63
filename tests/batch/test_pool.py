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
    assert list(ordered_map(square_or_die, [5, 6, 7], jobs=1, lost=lost, timeout=2.0)) == [-5, 36, 49]  # 6 waited
    assert list(ordered_map(abs, [-1, 2], jobs=0, lost=lost)) == [1, 2]


_RAISES_IN_A_WORKER = """
from gapcheck.batch.pool import ordered_map

def work(n):
    if n == 1:
        raise MemoryError  # escapes the worker's loop, as an allocation under a tight memory cap can
    return n

print(list(ordered_map(work, range(3), jobs=1, lost=lambda n, reason: -n, timeout=20.0)))
"""


def test_a_worker_ended_by_an_exception_is_lost_without_a_word_on_stderr() -> None:
    """multiprocessing prints "Process ForkProcess-N:" and a traceback for an exception out of a child's target
    (under a tight memory cap, only that first line): a child ends quietly instead, its item lost."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _RAISES_IN_A_WORKER], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[0, -1, 2]"
    assert done.stderr == ""


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


_WORKER_LOADS = """
import sys
from datetime import date
from pathlib import Path

from gapcheck.analysis import Analyzer, Options
from gapcheck.batch.inputs import Input
from gapcheck.batch.run import map_batch

def loaded(item, result):
    return {m for m in sys.modules if m.startswith(("gapcheck.scoring", "gapcheck.report"))}

paths = [Path(p) for p in sys.argv[1:]]
rows = map_batch(Analyzer(options=Options(today=date(2026, 11, 1))), [Input(p, p.name) for p in paths], loaded, jobs=2)
before = {m for m in sys.modules if m.startswith(("gapcheck.scoring", "gapcheck.report"))}  # as the workers start
print(sorted(set.union(*(row for _item, row in rows)) - before), file=sys.stderr)
"""


def test_forked_workers_inherit_what_a_first_report_loads() -> None:
    """The modules that score and word a report are loaded once, before the workers are forked, not in each."""
    import subprocess
    import sys
    from pathlib import Path

    examples = sorted(str(p) for p in (Path(__file__).resolve().parents[2] / "examples").glob("*/resume.md"))
    done = subprocess.run(
        [sys.executable, "-c", _WORKER_LOADS, *examples, *examples], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-1000:]
    assert done.stderr.strip().splitlines()[-1] == "[]"


def slow_first(n: int) -> tuple[int, int]:
    time.sleep(1.0 if n == 0 else 0.01)
    return n, os.getpid()


def test_a_worker_holds_a_next_item_but_the_last_goes_to_the_worker_idle_first() -> None:
    """Each worker is sent its next item while it works (it need not wait for this process), except the last one:
    queued behind a slow item it would wait while another worker has nothing to do."""
    got = list(ordered_map(slow_first, range(3), jobs=2, lost=lambda n, _reason: (n, 0)))
    assert [n for n, _pid in got] == [0, 1, 2]
    assert got[2][1] == got[1][1] != got[0][1]  # not queued behind the slow first one
    got = list(ordered_map(slow_first, range(4), jobs=2, lost=lambda n, _reason: (n, 0)))
    assert got[2][1] == got[0][1] != got[3][1]  # the worker of the slow one was sent the next while busy
