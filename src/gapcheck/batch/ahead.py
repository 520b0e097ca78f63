"""Reading ahead: while the process starting a batch imports spaCy and builds the matcher (about a second that no
other core can share), reader processes read the first resumes, which needs neither; the workers then only match
and score those.

``ReadAhead.start(reading, paths, readers=N)`` forks N readers now (only where processes are forked: a spawned
reader would spend the start-up importing what it reads with), reader ``r`` reading paths ``r``, ``r + N``, ...
of the first ``AHEAD_PER_READER * N``, in order. The first may have been forked earlier still, by
``fork_spare(job)`` before the command line is parsed (Typer's parsing, mostly importing pydantic, takes about a
tenth of a second): given a job guessed from the raw arguments, it starts reading at once, and is kept if the
batch's real job is the same; given None, it imports the reading modules meanwhile and waits for its paths.
``stop()``, called once the start-up is done and before the workers start, ends the readers and returns what they
finished: ``{index: pickled Resume or GapcheckError}``. What a reader was in the middle of, or could not finish (a
crash, a MemoryError, a bug), is left for the workers, which read it again: a row is the same whether its resume
was read ahead or not. A reader is capped in memory as a worker is, holds at most ``AHEAD_BYTES`` of results, and
is killed if it does not answer within ``STOP_WAIT``.

The one-file command reads its resume the same way, as the command reads it (its PDF text in a child process), in a
reader forked before the command line is parsed (``claim`` takes it), and waits for it to finish (``finish()``):
the process that imports spaCy never loads the reading rules, and the reading is done on another core.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import pickle
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TYPE_CHECKING

from gapcheck.batch.pool import cap_memory, forking
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


def _read(conn: Connection, job: Job | None) -> None:
    """A reader: read the job's items in a thread, answer the parent's stop (or its end) with what was finished.
    A spare (``job`` None) first imports what reading needs, then waits for its job (None: not needed)."""
    gc.enable()  # off in the CLI's process until its start-up is done; this one makes garbage from the start
    if job is None:
        import gapcheck.reading.reader  # noqa: F401

        try:
            job = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        if job is None:
            return
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
        conn.send(done[:])  # what is finished now; the resume being read is dropped with this process


_SPARE: list[tuple[BaseProcess, Connection, Job | None]] = []  # a reader forked by fork_spare, and its guessed job


def fork_spare(job: Job | None = None) -> None:
    """Fork one reader now, before the command line is parsed (see the module docstring): reading ``job`` (a
    guess) at once, or waiting for its paths. The next ``ReadAhead.start`` keeps it (the guess was right, or it
    had none: it gets its paths) or ends it. Where processes are not forked, nothing."""
    if _SPARE or not forking():
        return
    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe()
    process = context.Process(target=_read, args=(child, job), daemon=True)
    process.start()
    child.close()
    _SPARE.append((process, parent, job))


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


def _give(conn: Connection, job: Job) -> bool:
    try:
        conn.send(job)
    except OSError:
        return False
    return True


def _end(readers: Sequence[tuple[BaseProcess, Connection] | tuple[BaseProcess, Connection, Job | None]]) -> None:
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
        context = multiprocessing.get_context("fork")
        started: list[tuple[BaseProcess, Connection]] = []
        for first in range(min(readers, len(paths))):
            job = job_for(reading, paths, readers, first)
            if spare:
                process, parent, guessed = spare.pop()
                if guessed == job:  # reading the right paths since before the command line was parsed
                    started.append((process, parent))
                    continue
                if guessed is None and _give(parent, job):
                    started.append((process, parent))
                    continue
                _end([(process, parent)])  # it reads other paths, or it is gone: a fresh one instead
            parent, child = context.Pipe()
            process = context.Process(target=_read, args=(child, job), daemon=True)
            process.start()
            child.close()
            started.append((process, parent))
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
