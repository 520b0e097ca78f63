"""Work spread over processes, results in input order, a lost worker becoming a result instead of a crash.

``ordered_map(work, items, jobs=N)`` runs ``work(item)`` in N worker processes (0: in this one) and yields the
results in the order of ``items``. Workers are started by fork where the platform has it (they inherit what the
parent built: the taxonomy and the matcher), by spawn elsewhere. At most a few items per worker are in flight or
waiting to be yielded, so memory stays flat however long the batch. A worker that dies (a crash in a native
library, the OOM killer) or runs past ``timeout`` on one item is replaced by a fresh one, and that item's result is
``lost(item, reason)``; each worker is also replaced after ``max_tasks`` items.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

IN_FLIGHT_PER_WORKER = 4
_END = object()
MAX_TASKS = 500


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def forking() -> bool:
    """Whether worker processes are forked (they inherit what this process built), rather than spawned."""
    return bool(_context().get_start_method() == "fork")


def cap_memory(extra: int) -> None:
    """In a worker: cap its address space at what it holds now plus ``extra`` (the reader's child-process cap),
    so a runaway allocation fails in this worker (an error row) rather than exhausting the machine."""
    try:
        import resource

        with open("/proc/self/statm") as handle:
            held = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        resource.setrlimit(resource.RLIMIT_AS, (held + extra, resource.RLIM_INFINITY))
    except (ImportError, OSError, ValueError):  # pragma: no cover - not Linux
        pass


def _serve(conn: Connection, work: Callable[[Any], Any]) -> None:
    """A worker's loop: receive (index, item), send (index, result); None ends it."""
    try:
        while True:
            message = conn.recv()
            if message is None:
                return
            index, item = message
            conn.send((index, work(item)))
    except (EOFError, KeyboardInterrupt, BrokenPipeError):
        return


@dataclass
class _Worker(Generic[T]):
    process: BaseProcess
    conn: Connection
    task: tuple[int, T] | None = None
    since: float = 0.0
    done: int = field(default=0)


class _Pool(Generic[T, R]):
    def __init__(self, work: Callable[[T], R], jobs: int) -> None:
        self._work = work
        self._ctx = _context()
        self.workers = [self._start() for _ in range(jobs)]

    def _start(self) -> _Worker[T]:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(target=_serve, args=(child, self._work), daemon=True)
        process.start()
        child.close()
        return _Worker(process, parent)

    def replace(self, worker: _Worker[T], *, kill: bool) -> None:
        if kill:
            worker.process.kill()
        else:
            with contextlib.suppress(BrokenPipeError, OSError):
                worker.conn.send(None)
        worker.process.join(timeout=5)
        worker.conn.close()
        self.workers[self.workers.index(worker)] = self._start()

    def close(self) -> None:
        for worker in self.workers:
            with contextlib.suppress(BrokenPipeError, OSError):
                worker.conn.send(None)
        for worker in self.workers:
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.process.kill()
            worker.conn.close()


def ordered_map(
    work: Callable[[T], R],
    items: Iterable[T],
    *,
    jobs: int,
    lost: Callable[[T, str], R],
    timeout: float | None = None,
    max_tasks: int = MAX_TASKS,
) -> Iterator[R]:
    """``work(item)`` for each item, over ``jobs`` worker processes (0: in this process), in input order."""
    if jobs < 1:
        yield from map(work, items)
        return
    pool: _Pool[T, R] = _Pool(work, jobs)
    try:
        yield from _run(pool, iter(items), lost, timeout, max_tasks, jobs * IN_FLIGHT_PER_WORKER)
    finally:
        pool.close()


def _run(
    pool: _Pool[T, R],
    pending: Iterator[T],
    lost: Callable[[T, str], R],
    timeout: float | None,
    max_tasks: int,
    window: int,
) -> Iterator[R]:
    done: dict[int, R] = {}
    next_in, next_out = 0, 0
    exhausted = False
    while True:
        for worker in pool.workers:
            if worker.task is None and not exhausted and next_in - next_out < window:
                item = next(pending, _END)
                if item is _END:
                    exhausted = True
                    break
                worker.task, worker.since = (next_in, item), time.monotonic()  # type: ignore[assignment]
                worker.conn.send(worker.task)
                next_in += 1
        busy = [w for w in pool.workers if w.task is not None]
        if not busy:
            if exhausted:
                return
            continue
        wait_for = None if timeout is None else max(0.0, min(w.since + timeout for w in busy) - time.monotonic())
        ready = set(wait([x for w in busy for x in (w.conn, w.process.sentinel)], timeout=wait_for))
        now = time.monotonic()
        for worker in busy:
            assert worker.task is not None
            index, item = worker.task
            if worker.conn in ready:
                try:
                    got_index, result = worker.conn.recv()
                except (EOFError, OSError):
                    done[index] = lost(item, "the worker process stopped while analysing it")
                    pool.replace(worker, kill=True)
                    continue
                done[got_index] = result
                worker.task = None
                worker.done += 1
                if worker.done >= max_tasks:
                    pool.replace(worker, kill=False)
            elif worker.process.sentinel in ready:
                done[index] = lost(item, "the worker process stopped while analysing it")
                pool.replace(worker, kill=True)
            elif timeout is not None and now - worker.since >= timeout:
                done[index] = lost(item, f"analysis took longer than {timeout:g} s; stopped")
                pool.replace(worker, kill=True)
        while next_out in done:
            yield done.pop(next_out)
            next_out += 1
