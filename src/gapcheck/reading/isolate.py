"""Running native-code extraction in a child process, so that a crash, a hang or a runaway allocation in it
becomes a GapcheckError for that one file instead of the end of the program.

``run_isolated("gapcheck.reading.pdf:extract_in_child", data, name, limits, engine)`` starts a fresh Python
(``sys.executable -c``, no fork of a process that holds spaCy), hands it the file's bytes on stdin, caps its
address space (``limits.max_child_memory_bytes``) and its CPU time, and waits at most ``limits.max_seconds``.
The function runs in the child as ``function(data, name, limits, *args)`` and returns something JSON can carry;
a GapcheckError it raises is raised again here, same class and message.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from dataclasses import asdict
from typing import Any

from gapcheck import errors
from gapcheck.errors import CorruptDocumentError, GapcheckError, TooLargeError
from gapcheck.reading.limits import Limits

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
request = json.loads(sys.argv[4])
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


def run_isolated(target: str, data: bytes, name: str, limits: Limits, *args: Any) -> Any:
    """``target`` ("module:function") called on ``data`` in a child process; see the module docstring."""
    request = json.dumps({"name": name, "limits": asdict(limits), "args": list(args)})
    seconds = max(1, int(limits.max_seconds + 0.999))
    command = [sys.executable, "-c", _CHILD, target, str(limits.max_child_memory_bytes), str(seconds), request]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    env.pop("PYTHONSTARTUP", None)
    try:
        proc = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env
        )
    except OSError as exc:
        raise CorruptDocumentError(f"{name}: cannot start the extraction process ({exc.strerror or exc})") from None
    try:
        out, _ = proc.communicate(data, timeout=limits.max_seconds)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise TooLargeError(
            f"{name}: reading the file took longer than {limits.max_seconds:g} seconds, the limit"
        ) from None
    except BaseException:
        proc.kill()
        proc.communicate()
        raise
    return _result(out, proc.returncode, name, limits)


def _result(out: bytes, code: int, name: str, limits: Limits) -> Any:
    try:
        result = json.loads(out) if out else None
    except ValueError:
        result = None
    if isinstance(result, dict):
        if "ok" in result:
            return result["ok"]
        if "memory" in result:
            raise TooLargeError(f"{name}: reading the file needs more than {_mib(limits)} of memory, the limit")
        cls = getattr(errors, str(result.get("error")), None)
        if isinstance(cls, type) and issubclass(cls, GapcheckError):
            raise cls(str(result.get("message")))
    if code in (-signal.SIGXCPU, -signal.SIGKILL):
        raise TooLargeError(f"{name}: reading the file took longer than {limits.max_seconds:g} seconds, the limit")
    if code < 0:
        what = _signal_name(-code)
        raise CorruptDocumentError(
            f"{name}: the PDF engine crashed on this file ({what}; out of memory past {_mib(limits)}, or damage)"
        )
    raise CorruptDocumentError(f"{name}: the PDF engine failed on this file (exit code {code})")


def _mib(limits: Limits) -> str:
    return f"{limits.max_child_memory_bytes // (1024 * 1024)} MiB"


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"
