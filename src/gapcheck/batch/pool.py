"""Work spread over processes, results in input order, a lost worker becoming a result instead of a crash.

``ordered_map(work, items, jobs=N)`` runs ``work(item)`` in N worker processes (0: in this one) and yields the
results in the order of ``items``. Workers are started by fork where the platform has it (they inherit what the
parent built: the taxonomy and the matcher), by spawn elsewhere. A worker holds two items: the one it works on and
the next, waiting in its pipe, so that it never waits for this process to send it one (on a busy machine this
process may not run for milliseconds). At most a few items per worker are in flight or waiting to be yielded, so
memory stays flat however long the batch. A worker that dies (a crash in a native library, the OOM killer) or runs
past ``timeout`` on one item is replaced by a fresh one, and that item's result is ``lost(item, reason)`` (the item
waiting behind it goes to another worker); each worker is also replaced after ``max_tasks`` items.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

IN_FLIGHT_PER_WORKER = 4
HELD_PER_WORKER = 2  # items sent to a worker at once: the one it works on, and the next
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


def quietly(target: Callable[..., None], *args: Any) -> None:
    """A child process's whole run: ``target(*args)``, then the process ends at once (code 0), or with code 1 on any
    exception. Under a tight memory cap even multiprocessing's own ending (and the traceback it would print for an
    exception) can fail halfway and write "Process ForkProcess-3:" alone on stderr; the parent already treats a
    child that ends early as lost, so nothing is printed."""
    code = 1
    try:
        target(*args)
        code = 0
    except BaseException:  # MemoryError, a bug, an interrupt: the parent sees the child gone
        pass
    finally:
        with contextlib.suppress(BaseException):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)


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
    tasks: deque[tuple[int, T]] = field(default_factory=deque)  # sent, in order: it works on the first
    since: float = 0.0  # when it began the first
    done: int = 0

    def takes(self, max_tasks: int) -> bool:
        return len(self.tasks) < HELD_PER_WORKER and self.done + len(self.tasks) < max_tasks

    def give(self, task: tuple[int, T]) -> bool:
        """Send ``task``; False when the process is gone (its end is seen by the caller)."""
        try:
            self.conn.send(task)
        except OSError:  # BrokenPipeError: it stopped since it was last heard from
            return False
        if not self.tasks:
            self.since = time.monotonic()
        self.tasks.append(task)
        return True


class _Pool(Generic[T, R]):
    def __init__(self, work: Callable[[T], R], jobs: int) -> None:
        self._work = work
        self._ctx = _context()
        self.workers = [self._start() for _ in range(jobs)]

    def _start(self) -> _Worker[T]:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(target=quietly, args=(_serve, child, self._work), daemon=True)
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


class _Feed(Generic[T]):
    """The tasks to hand out, in order: those a stopped worker held before it began them first, then the next items
    while fewer than ``window`` are in flight. ``held``: one taken but not given yet (see :func:`_hand_out`)."""

    def __init__(self, items: Iterator[T], window: int) -> None:
        self.items, self.window = items, window
        self.again: deque[tuple[int, T]] = deque()
        self.held: tuple[int, T] | None = None
        self.next_in = self.next_out = 0
        self.exhausted = False

    def take(self) -> tuple[int, T] | None:
        if self.held is not None:
            task, self.held = self.held, None
            return task
        if self.again:
            return self.again.popleft()
        if self.exhausted or self.next_in - self.next_out >= self.window:
            return None
        item = next(self.items, _END)
        if item is _END:
            self.exhausted = True
            return None
        self.next_in += 1
        return self.next_in - 1, item  # type: ignore[return-value]

    def done(self) -> bool:
        return self.exhausted and self.held is None and not self.again


def _hand_out(pool: _Pool[T, R], feed: _Feed[T], max_tasks: int) -> None:
    """A task to each idle worker, then a next to each busy one, but not a last one: it is held for the worker that
    is idle first (queued behind a running task, it could wait while another worker has nothing to do)."""
    for worker in pool.workers:
        if not worker.tasks and worker.takes(max_tasks) and (task := feed.take()) is not None:
            _give(pool, worker, task, feed)
    for worker in pool.workers:
        while worker.takes(max_tasks) and (task := feed.take()) is not None:
            following = feed.take()
            if following is None:
                feed.held = task
                return
            feed.held = following
            if not _give(pool, worker, task, feed):
                break


def _give(pool: _Pool[T, R], worker: _Worker[T], task: tuple[int, T], feed: _Feed[T]) -> bool:
    """``task`` to ``worker``, or back to the feed when its process is gone (an idle one is replaced here; a busy
    one when its end is seen: its running task is then lost)."""
    if worker.give(task):
        return True
    feed.again.appendleft(task)
    if not worker.tasks:
        pool.replace(worker, kill=True)
    return False


def _run(
    pool: _Pool[T, R],
    pending: Iterator[T],
    lost: Callable[[T, str], R],
    timeout: float | None,
    max_tasks: int,
    window: int,
) -> Iterator[R]:
    done: dict[int, R] = {}
    feed = _Feed(pending, window)
    while True:
        _hand_out(pool, feed, max_tasks)
        busy = [w for w in pool.workers if w.tasks]
        if not busy:
            if feed.done():
                return
            continue
        wait_for = None if timeout is None else max(0.0, min(w.since + timeout for w in busy) - time.monotonic())
        ready = set(wait([x for w in busy for x in (w.conn, w.process.sentinel)], timeout=wait_for))
        now = time.monotonic()
        for worker in busy:
            index, item = worker.tasks[0]
            stopped = ""
            if worker.conn in ready:
                try:
                    got_index, result = worker.conn.recv()
                except (EOFError, OSError):
                    stopped = "the worker process stopped while analysing it"
                else:
                    done[got_index] = result
                    worker.tasks.popleft()
                    worker.since = now  # it began the next
                    worker.done += 1
                    if worker.done >= max_tasks and not worker.tasks:
                        pool.replace(worker, kill=False)
            elif worker.process.sentinel in ready:
                stopped = "the worker process stopped while analysing it"
            elif timeout is not None and now - worker.since >= timeout:
                stopped = f"analysis took longer than {timeout:g} s; stopped"
            if stopped:
                done[index] = lost(item, stopped)
                feed.again.extend(list(worker.tasks)[1:])
                pool.replace(worker, kill=True)
        while feed.next_out in done:
            yield done.pop(feed.next_out)
            feed.next_out += 1
