"""Reading ahead: while the process starting a batch imports spaCy and builds the matcher (about a second that no
other core can share), reader processes read the first resumes, which needs neither; the workers then only match
and score those.

``ReadAhead.start(reading, paths, readers=N)`` forks N readers now (only where processes are forked: a spawned
reader would spend the start-up importing what it reads with), reader ``r`` reading paths ``r``, ``r + N``, ...
of the first ``AHEAD_PER_READER * N``, in order. The first may have been forked earlier still, before the command
line is parsed: ``Planner.fork(plan)`` forks it to run ``plan()`` first, which parses the command line (Typer's
parsing, with pydantic, and collecting the inputs: about a tenth of a second this process then spends importing
spaCy instead) and gives the batch it asks for and that reader's job; ``Planner.result()`` takes the batch, and
the next ``ReadAhead.start`` keeps the reader if its job is the batch's first. ``stop()``, called once the
start-up is done and before the workers start, ends the readers and returns what they finished: ``{index:
pickled Resume or GapcheckError}``. What a reader was in the middle of, or could not finish (a crash, a
MemoryError, a bug), is left for the workers, which read it again: a row is the same whether its resume was read
ahead or not. A reader is capped in memory as a worker is, holds at most ``AHEAD_BYTES`` of results, and is
killed if it does not answer within ``STOP_WAIT``.

The one-file command reads its resume the same way, as the command reads it (its PDF text in a child process), in a
reader forked before the command line is parsed (``fork_spare(job)``; ``claim`` takes it), and waits for it to
finish (``finish()``): the process that imports spaCy never loads the reading rules, and the reading is done on
another core.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import pickle
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from gapcheck.batch.pool import cap_memory, forking, quietly
from gapcheck.errors import GapcheckError
from gapcheck.reading.limits import Limits

if TYPE_CHECKING:
    from gapcheck.reading.model import Resume

AHEAD_PER_READER = 256  # paths a reader is given (it reads what it can before it is stopped)
AHEAD_BYTES = 32 * 1024 * 1024  # pickled results a reader holds at most
STOP_WAIT = 1.0  # seconds to wait for the readers' answer to stop (a reader deep in a regex may hold the GIL)
SWITCH_INTERVAL = 0.001  # a reader's thread switch interval: its main thread answers the stop within about this
_FINISH = "finish"  # what asks a reader to finish its job before answering (None: stop now)


@dataclass(frozen=True)
class Reading:
    """How a resume is read: ``read_resume`` with these arguments, a GapcheckError returned, not raised. A batch's
    (``of``) extracts PDF text in the process itself (a worker or a reader is the isolation: a crash is its end, not
    the batch's); the one-file command's keeps its limits (PDF text in a child process)."""

    today: date | None
    pdf_engine: str
    limits: Limits

    @classmethod
    def of(cls, today: date | None, pdf_engine: str, limits: Limits) -> Reading:
        return cls(today, pdf_engine, replace(limits, isolate_pdf=False))

    def __call__(self, path: Path) -> Resume | GapcheckError:
        from gapcheck.reading.reader import read_resume

        try:
            return read_resume(path, today=self.today, pdf_engine=self.pdf_engine, limits=self.limits)
        except GapcheckError as error:
            return error


Job = tuple[Reading, list[tuple[int, Path]]]
T = TypeVar("T")
Plan = Callable[[], "tuple[T, Job | None] | None"]  # run in a reader: what to run, and that reader's job


def _read(conn: Connection, job: Job, sending: threading.Thread | None = None) -> None:
    """A reader: read the job's items in a thread, answer the parent's stop (or its end) with what was finished
    (once ``sending``, a thread sending the parent something before, is done)."""
    gc.enable()  # off in the CLI's process until its start-up is done; this one makes garbage from the start
    reading, items = job
    cap_memory(reading.limits.max_child_memory_bytes)
    sys.setswitchinterval(SWITCH_INTERVAL)
    done: list[tuple[int, bytes]] = []
    stopping = threading.Event()

    def read_all() -> None:
        size = 0
        for index, path in items:
            if stopping.is_set() or size > AHEAD_BYTES:
                return
            try:
                data = pickle.dumps(reading(path), protocol=pickle.HIGHEST_PROTOCOL)
            except Exception:  # MemoryError, a bug: left for a worker, whose row says what it was
                continue
            done.append((index, data))
            size += len(data)

    thread = threading.Thread(target=read_all, daemon=True)
    with contextlib.suppress(RuntimeError):  # no thread under a tight memory cap: nothing read ahead, no traceback
        thread.start()
    with contextlib.suppress(EOFError, OSError, KeyboardInterrupt):
        if conn.recv() == _FINISH and thread.ident is not None:
            thread.join()
        stopping.set()
        if sending is not None:
            sending.join()
        conn.send(done[:])  # what is finished now; the resume being read is dropped with this process


def _plan_then_read(conn: Connection, plan: Plan[Any]) -> None:
    """A planner (:class:`Planner`): send what ``plan()`` gives, then read its job, if any. The sending is a thread
    of its own: what is sent may be more than the pipe holds, and the parent takes it only once its imports are
    done, while this reads."""
    gc.enable()
    try:
        planned = plan()
        data = pickle.dumps(planned, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # a bug in planning: the parent runs the command itself, which says what it is
        planned, data = None, pickle.dumps(None)
    if planned is None or planned[1] is None:
        _send(conn, data)
        return
    sending = threading.Thread(target=_send, args=(conn, data), daemon=True)
    try:
        sending.start()
    except RuntimeError:  # no thread could be started: sent from here, nothing read ahead
        _send(conn, data)
        return
    _read(conn, planned[1], sending)


def _send(conn: Connection, data: bytes) -> None:
    with contextlib.suppress(OSError):
        conn.send_bytes(data)


# what one resume may take beyond the reader's time limit (in a worker, or the CLI's reader) before it is given up
EXTRA_SECONDS = 60.0


_SPARE: list[tuple[BaseProcess, Connection, Job]] = []  # a reader forked before parsing, and the job it reads


def _fork(target: Callable[..., None], *args: Any) -> tuple[BaseProcess, Connection]:
    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe()
    process = context.Process(target=quietly, args=(target, child, *args), daemon=True)
    process.start()
    child.close()
    return process, parent


def fork_spare(job: Job) -> None:
    """Fork one reader now, before the command line is parsed (see the module docstring), reading ``job`` (a
    guess) at once. The next ``claim`` or ``ReadAhead.start`` keeps it (the guess was right) or ends it. Where
    processes are not forked, nothing."""
    if _SPARE or not forking():
        return
    process, parent = _fork(_read, job)
    _SPARE.append((process, parent, job))


class Planner(Generic[T]):
    """A reader forked before the command line is parsed, that parses it (``plan``) while this process imports
    spaCy, and then reads ahead the batch it found (see the module docstring)."""

    def __init__(self, process: BaseProcess, conn: Connection) -> None:
        self._process, self._conn = process, conn

    @classmethod
    def fork(cls, plan: Plan[T]) -> Planner[T] | None:
        """The planner running ``plan()``; None where processes are not forked (a spawned one would import all
        that this process imports)."""
        if not forking():
            return None
        return cls(*_fork(_plan_then_read, plan))

    def result(self) -> T | None:
        """What ``plan()`` gave (waiting for it), or None (it found nothing to run, or its process is gone). The
        planner is the spare reader after, if it reads a job; else it is ended. (No other spare is held then: the
        command forks a planner or a spare, never both.)"""
        try:
            planned = self._conn.recv()
        except (EOFError, OSError):
            planned = None
        if planned is None or planned[1] is None:
            _end([(self._process, self._conn)])
            return None if planned is None else planned[0]
        _SPARE[:] = [(self._process, self._conn, planned[1])]
        return planned[0]  # type: ignore[no-any-return]


def job_for(reading: Reading, paths: Sequence[Path], readers: int, first: int = 0) -> Job:
    """What reader ``first`` of ``readers`` is given: every ``readers``-th of the first paths, from ``first``."""
    ahead = min(len(paths), AHEAD_PER_READER * readers)
    return reading, [(index, paths[index]) for index in range(first, ahead, readers)]


def readers_for(jobs: int, paths: Sequence[Path]) -> int:
    """How many readers a batch of ``paths`` over ``jobs`` workers starts: one fewer than the workers it uses (the
    core left is this process's, busy with the start-up)."""
    return max(0, min(jobs, len(paths)) - 1)


def first_job(reading: Reading, paths: Sequence[Path], jobs: int) -> Job | None:
    """The first reader's job of a batch of ``paths`` over ``jobs`` workers (None: it starts no reader)."""
    readers = readers_for(jobs, paths)
    return job_for(reading, paths, readers) if readers else None


def _end(readers: Sequence[tuple[BaseProcess, Connection] | tuple[BaseProcess, Connection, Job]]) -> None:
    for process, conn, *_job in readers:
        process.kill()
        process.join(timeout=5)
        conn.close()


class ReadAhead:
    """Reader processes started ahead of a batch's start-up (see the module docstring)."""

    def __init__(self, reading: Reading, readers: list[tuple[BaseProcess, Connection]]) -> None:
        self.reading = reading
        self._readers = readers

    @classmethod
    def claim(cls, reading: Reading, path: Path) -> ReadAhead | None:
        """The spare reader, when it was forked to read ``path`` as ``reading`` says (the one-file command); None
        when there is none (it is ended if it reads something else)."""
        spare = _SPARE[:]
        _SPARE.clear()
        if spare and spare[0][2] == job_for(reading, [path], 1):
            process, conn, _job = spare[0]
            return cls(reading, [(process, conn)])
        _end(spare)
        return None

    @classmethod
    def start(cls, reading: Reading, paths: Sequence[Path], *, readers: int) -> ReadAhead:
        spare = _SPARE[:]
        _SPARE.clear()
        if readers < 1 or not paths or not forking():
            _end(spare)
            return cls(reading, [])
        started: list[tuple[BaseProcess, Connection]] = []
        for first in range(min(readers, len(paths))):
            job = job_for(reading, paths, readers, first)
            if spare:
                process, parent, guessed = spare.pop()
                if guessed == job:  # reading the right paths since before the command line was parsed
                    started.append((process, parent))
                    continue
                _end([(process, parent)])  # it reads other paths: a fresh one instead
            started.append(_fork(_read, job))
        return cls(reading, started)

    def stop(self) -> dict[int, bytes]:
        """What the readers finished, by input index; the readers are gone after."""
        return self._collect(None, STOP_WAIT)

    def finish(self, seconds: float) -> dict[int, bytes]:
        """What the readers made of their whole jobs, waiting at most ``seconds`` for them (a reader that crashed or
        did not finish in that time gives nothing); the readers are gone after."""
        return self._collect(_FINISH, seconds)

    def _collect(self, message: str | None, seconds: float) -> dict[int, bytes]:
        for _process, conn in self._readers:
            with contextlib.suppress(OSError):
                conn.send(message)
        found: dict[int, bytes] = {}
        deadline = time.monotonic() + seconds
        for _process, conn in self._readers:
            with contextlib.suppress(EOFError, OSError):
                if conn.poll(max(0.0, deadline - time.monotonic())):
                    found.update(conn.recv())
        self.close()
        return found

    def close(self) -> None:
        """End the readers now (a batch that stops before its workers start: a bad level, Ctrl-C)."""
        _end(self._readers)
        self._readers = []


def end_spare() -> None:
    """End a spare reader no batch took (one file, --version, a usage error)."""
    _end(_SPARE)
    _SPARE.clear()
