"""Running native-code extraction in a child process, so that a crash, a hang or a runaway allocation in it
becomes a GapcheckError for that one file instead of the end of the program.

``run_isolated("gapcheck.reading.pdf:extract_in_child", data, name, limits, engine)`` starts a fresh Python
(``sys.executable -c``, no fork of a process that holds spaCy), hands it on stdin a line of JSON (the file's name,
the limits, the arguments: nothing of the file on its command line, which other users' ``ps`` shows) and then the
file's bytes, caps its address space (``limits.max_child_memory_bytes``) and its CPU time, and waits at most
``limits.max_seconds``.
The function runs in the child as ``function(data, name, limits, *args)`` and returns something JSON can carry;
a GapcheckError it raises is raised again here, same class and message.

``start_isolated`` (same arguments) starts that child ahead, so it works while this process does something else
(the CLI starts a PDF's extraction before it imports spaCy and builds the matcher); the ``run_isolated`` call with
the same arguments then takes its result instead of starting another. A child started ahead and never asked for is
killed when the program ends.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
from dataclasses import asdict
from typing import Any

from gapcheck import errors
from gapcheck.errors import CorruptDocumentError, GapcheckError, TooLargeError
from gapcheck.reading.limits import Limits, size_text

_CHILD = r"""
import json, sys
try:
    import resource
    memory, seconds = int(sys.argv[2]), int(sys.argv[3])
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
except (ImportError, ValueError, OSError):
    pass
from importlib import import_module
from gapcheck.errors import GapcheckError
from gapcheck.reading.limits import Limits
module, _, function = sys.argv[1].partition(":")
request = json.loads(sys.stdin.buffer.readline())
data = sys.stdin.buffer.read()
try:
    result = {"ok": getattr(import_module(module), function)(data, request["name"], Limits(**request["limits"]),
                                                          *request["args"])}
except GapcheckError as error:
    result = {"error": type(error).__name__, "message": error.message}
except MemoryError:
    result = {"memory": True}
sys.stdout.write(json.dumps(result))
"""


class _Child:
    """One child process, and the thread that hands it the bytes and collects what it writes (so that starting it
    does not wait for it)."""

    def __init__(self, target: str, data: bytes, name: str, limits: Limits, args: tuple[Any, ...]) -> None:
        # one line: json.dumps escapes every line break of a name
        request = json.dumps({"name": name, "limits": asdict(limits), "args": list(args)}).encode() + b"\n"
        seconds = max(1, int(limits.max_seconds + 0.999))
        command = [sys.executable, "-c", _CHILD, target, str(limits.max_child_memory_bytes), str(seconds)]
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
        env.pop("PYTHONSTARTUP", None)
        try:
            self.proc = subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env
            )
        except OSError as exc:
            raise CorruptDocumentError(
                f"{name}: cannot start the extraction process ({exc.strerror or exc})"
            ) from None
        self.out = b""
        self.timed_out = False
        self._thread = threading.Thread(target=self._talk, args=(request + data, limits.max_seconds), daemon=True)
        self._thread.start()

    def _talk(self, data: bytes, seconds: float) -> None:
        """The child's pipes are read here only (the talking thread), never by two threads at once."""
        try:
            self.out, _ = self.proc.communicate(data, timeout=seconds)
        except subprocess.TimeoutExpired:
            self.timed_out = True
            self.kill()
        except OSError:  # the child went away while being fed: its exit code says how
            self.kill()
        else:
            return
        with contextlib.suppress(OSError, ValueError, subprocess.SubprocessError):
            self.proc.communicate()  # what it wrote before it was killed; the pipes close with it

    def kill(self) -> None:
        """End the child (from any thread): the talking thread, reading its pipes, sees them close and ends."""
        with contextlib.suppress(OSError):
            self.proc.kill()

    def wait(self) -> tuple[bytes, int, bool]:
        """What the child wrote, its exit code, and whether it ran out of time."""
        try:
            self._thread.join()
        except BaseException:  # Ctrl-C while waiting: the child goes too
            self.kill()
            raise
        return self.out, self.proc.wait(), self.timed_out


_AHEAD: dict[tuple[Any, ...], _Child] = {}
_AHEAD_LOCK = threading.Lock()


def start_isolated(target: str, data: bytes, name: str, limits: Limits, *args: Any) -> None:
    """Start the child of ``run_isolated(target, data, name, limits, *args)`` now (see the module docstring); a
    child that cannot be started is left for run_isolated to report."""
    key = (target, name, limits, args, data)
    with _AHEAD_LOCK:
        if key in _AHEAD:
            return
        try:
            _AHEAD[key] = _Child(target, data, name, limits, args)
        except CorruptDocumentError:
            return


@atexit.register
def _kill_unclaimed() -> None:
    with _AHEAD_LOCK:
        for child in _AHEAD.values():
            child.kill()
        _AHEAD.clear()


def run_isolated(target: str, data: bytes, name: str, limits: Limits, *args: Any) -> Any:
    """``target`` ("module:function") called on ``data`` in a child process; see the module docstring."""
    with _AHEAD_LOCK:
        child = _AHEAD.pop((target, name, limits, args, data), None)
    if child is None:
        child = _Child(target, data, name, limits, args)
    out, code, timed_out = child.wait()
    if timed_out:
        raise TooLargeError(f"{name}: reading the file took longer than {limits.max_seconds:g} seconds, the limit")
    return _result(out, code, name, limits)


def _result(out: bytes, code: int, name: str, limits: Limits) -> Any:
    memory = size_text(limits.max_child_memory_bytes)
    try:
        result = json.loads(out) if out else None
    except ValueError:
        result = None
    if isinstance(result, dict):
        if "ok" in result:
            return result["ok"]
        if "memory" in result:
            raise TooLargeError(f"{name}: reading the file needs more than {memory} of memory, the limit")
        cls = getattr(errors, str(result.get("error")), None)
        if isinstance(cls, type) and issubclass(cls, GapcheckError):
            raise cls(str(result.get("message")))
    if code in (-signal.SIGXCPU, -signal.SIGKILL):
        raise TooLargeError(f"{name}: reading the file took longer than {limits.max_seconds:g} seconds, the limit")
    if code < 0:
        what = _signal_name(-code)
        raise CorruptDocumentError(
            f"{name}: the PDF engine crashed on this file ({what}; out of memory past {memory}, or damage)"
        )
    raise CorruptDocumentError(f"{name}: the PDF engine failed on this file (exit code {code})")


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"
