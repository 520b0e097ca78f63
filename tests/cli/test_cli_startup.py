"""What one CLI call loads and starts: no scikit-learn or SciPy once the cache is warm, no Rich for JSON, the PDF's
child process started ahead and claimed once (the same report as the library's), the file's name handed to it
over its pipe (never on its command line), and a child ended from another thread without a second reader of its
pipes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from gapcheck import cache
from gapcheck.analysis import Analyzer, Options
from gapcheck.command import app
from gapcheck.errors import TooLargeError
from gapcheck.reading import DEFAULT_LIMITS, isolate, read_resume
from gapcheck.reading.source import open_ahead

REPO = Path(__file__).resolve().parents[2]
PDF = sorted((REPO / "examples").glob("*/resume.pdf"))[0]
TODAY = date(2026, 11, 1)

_LOADED = """
import sys
from gapcheck.cli import main
sys.argv = ["gapcheck", *sys.argv[1:]]
try:
    main()
except SystemExit as done:
    assert not done.code, done.code
print("\\n" + " ".join(sorted({name.split(".")[0] for name in sys.modules})), file=sys.stderr)
"""


def _top_modules(tmp_path: Path, *args: str) -> set[str]:
    env = {**os.environ, cache.ENVIRONMENT: str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-c", _LOADED, *args], capture_output=True, text=True, env=env, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-1000:]
    return set(done.stderr.strip().splitlines()[-1].split())


def test_a_warm_json_call_loads_no_scikit_learn_scipy_or_rich(tmp_path: Path) -> None:
    command = [str(PDF), "--format", "json", "--today", TODAY.isoformat()]
    cold = _top_modules(tmp_path, *command)
    assert "sklearn" in cold  # the first call fits the TF-IDF index with scikit-learn, and keeps it
    warm = _top_modules(tmp_path, *command)
    assert "spacy" in warm and "numpy" in warm
    assert not {"sklearn", "scipy", "rich"} & warm
    assert "rich" in _top_modules(tmp_path, str(PDF), "--today", TODAY.isoformat())  # the terminal report


_READING_RULES = """
import sys
from gapcheck.cli import main
sys.argv = ["gapcheck", *sys.argv[1:]]
try:
    main()
except SystemExit as done:
    assert not done.code, done.code
print("\\n" + " ".join(sorted(n for n in sys.modules if n.startswith("gapcheck.reading."))), file=sys.stderr)
"""


@pytest.mark.parametrize("example", [PDF, REPO / "examples" / "junior-ml" / "resume.docx"], ids=["pdf", "docx"])
def test_one_cli_call_reads_its_resume_in_a_reader_on_another_core(tmp_path: Path, example: Path) -> None:
    """The process that imports spaCy never loads the reading rules (sections, history): the reader forked before
    the command line is parsed reads the resume meanwhile, and the report is the library's."""
    env = {**os.environ, cache.ENVIRONMENT: str(tmp_path / "cache")}
    command = [sys.executable, "-c", _READING_RULES, str(example), "-f", "json", "--today", TODAY.isoformat()]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-1000:]
    loaded = set(done.stderr.strip().splitlines()[-1].split())
    assert "gapcheck.reading.source" in loaded and not {"gapcheck.reading.reader", "gapcheck.reading.history"} & loaded
    expected = Analyzer(options=Options(today=TODAY)).analyze(example).to_dict()
    assert json.loads(done.stdout) == json.loads(json.dumps(expected))


def test_a_pdf_started_ahead_is_claimed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[str] = []
    real = isolate._Child.__init__

    def counting(self: isolate._Child, *args: object, **kwargs: object) -> None:
        started.append(str(args[2]))  # (target, data, name, limits, args)
        real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(isolate._Child, "__init__", counting)
    limits = replace(DEFAULT_LIMITS, isolate_pdf_over_bytes=0)
    opened = open_ahead(PDF, limits)
    open_ahead(PDF, limits)  # the same file again: still one child
    assert started == [PDF.name] and len(isolate._AHEAD) == 1
    (child,) = isolate._AHEAD.values()
    assert not any(PDF.stem in str(arg) for arg in child.proc.args)  # `ps` shows no file name
    assert opened is not None
    ahead = read_resume(opened, today=TODAY, limits=limits)
    assert started == [PDF.name] and not isolate._AHEAD  # claimed, not started again
    assert ahead == read_resume(PDF, today=TODAY, limits=limits)  # the same text as a child started on demand
    assert len(started) == 2


def test_files_that_are_no_pdf_start_nothing(tmp_path: Path) -> None:
    limits = replace(DEFAULT_LIMITS, isolate_pdf_over_bytes=0)
    text = tmp_path / "resume.txt"
    text.write_text("Skills: Python", encoding="utf-8")
    zero = tmp_path / "zero.pdf"
    zero.symlink_to("/dev/zero")  # endless: must not be read
    assert open_ahead(text, limits) is not None  # opened, for read_resume: no PDF, no child
    for path in (tmp_path / "missing.pdf", tmp_path, zero):
        assert open_ahead(path, limits) is None  # read_resume says what is wrong
    assert not isolate._AHEAD


def test_one_cli_call_reads_and_checks_its_pdf_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import builtins
    import io

    from gapcheck.reading import source

    opens: list[str] = []
    checks: list[str] = []
    real_open, real_check = builtins.open, source.check_pdf_streams

    def counting_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if str(file) == str(PDF):
            opens.append(str(file))
        return real_open(file, *args, **kwargs)

    def counting_check(data: bytes, name: str, limits: Any) -> int:
        checks.append(name)
        return real_check(data, name, limits)

    for module in (builtins, io):  # open() and Path.open()
        monkeypatch.setattr(module, "open", counting_open)
    monkeypatch.setattr(source, "check_pdf_streams", counting_check)
    out = tmp_path / "report.json"
    done = CliRunner().invoke(app, [str(PDF), "-f", "json", "--today", TODAY.isoformat(), "-o", str(out), "-q"])
    assert done.exit_code == 0, done.output
    assert json.loads(out.read_text(encoding="utf-8"))["source"]["pages"] >= 1
    assert opens == [str(PDF)] and checks == [PDF.name]


def test_the_cli_report_equals_the_librarys(tmp_path: Path) -> None:
    env = {**os.environ, cache.ENVIRONMENT: str(tmp_path / "cache")}
    command = [sys.executable, "-m", "gapcheck", str(PDF), "--format", "json", "--today", TODAY.isoformat()]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300, check=True)
    expected = Analyzer(options=Options(today=TODAY)).analyze(PDF).to_dict()
    assert json.loads(done.stdout) == json.loads(json.dumps(expected))


def _counting_children(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    started: list[str] = []
    real = isolate._Child.__init__

    def counting(self: isolate._Child, *args: object, **kwargs: object) -> None:
        started.append(str(args[2]))
        real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(isolate._Child, "__init__", counting)
    return started


def _large_pdf(path: Path) -> Path:
    """A resume PDF past the library's ``isolate_pdf_over_bytes`` (1 MiB): text and a photo of noise."""
    from fpdf import FPDF
    from PIL import Image

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    for line in ("Ana Silva", "SKILLS", "Python, PyTorch, Docker, Kubernetes", "EXPERIENCE",
                 "ML Engineer, Acme, Jan 2021 - Present", "- Trained PyTorch models and served them on Kubernetes"):
        pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    noise = Image.frombytes("RGB", (640, 640), os.urandom(640 * 640 * 3))  # does not compress
    pdf.image(noise, x=10, y=90, w=60)
    pdf.output(str(path))
    assert path.stat().st_size > DEFAULT_LIMITS.isolate_pdf_over_bytes
    return path


def test_the_cli_claims_the_child_started_ahead_for_a_pdf_over_a_mib(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Over 1 MiB the library isolates the PDF too; the CLI's child started ahead is the one used, not a second."""
    large = _large_pdf(tmp_path / "large.pdf")
    started = _counting_children(monkeypatch)
    done = CliRunner().invoke(app, [str(large), "--format", "json", "--today", TODAY.isoformat()])
    assert done.exit_code == 0, done.output
    assert started == ["large.pdf"] and not isolate._AHEAD
    assert {s["name"] for s in json.loads(done.stdout)["skills"]} >= {"Python", "PyTorch", "Kubernetes"}


def test_a_child_ended_from_another_thread_leaves_its_pipes_to_the_talking_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ending children started ahead (at exit, or Ctrl-C while waiting) only kills, without waiting on the child's
    pipes: the thread reading them sees them close and ends, with no error in it. (A process the child started
    holds its stdout open for 4 s here: a second reader of the pipes would make the exit wait as long.)"""
    ready, holder = tmp_path / "ready", tmp_path / "holder.py"
    holder.write_text(f"import time\nopen({str(ready)!r}, 'w').close()\ntime.sleep(4)\n", encoding="utf-8")
    (tmp_path / "slow_child.py").write_text(
        "import subprocess, sys, time\n"
        "def wait(data, name, limits):\n"
        f"    subprocess.Popen([sys.executable, {str(holder)!r}])\n"
        "    time.sleep(120)\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))  # the child's PYTHONPATH is this sys.path
    failures: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: failures.append(args.exc_value))
    isolate.start_isolated("slow_child:wait", b"%PDF-1.4", "slow.pdf", DEFAULT_LIMITS)
    (child,) = [c for key, c in isolate._AHEAD.items() if key[1] == "slow.pdf"]
    for _ in range(300):  # until the child has started its own (the talking thread is inside communicate())
        if ready.exists():
            break
        time.sleep(0.1)
    started = time.monotonic()
    isolate._kill_unclaimed()
    assert time.monotonic() - started < 2.0
    child._thread.join(timeout=30)
    assert not child._thread.is_alive() and not failures
    assert child.proc.wait(timeout=30) < 0  # killed
    with pytest.raises(TooLargeError):  # a killed child reads as one stopped for its time
        isolate._result(child.out, child.proc.returncode, "slow.pdf", DEFAULT_LIMITS)


_ENDED = """
import atexit
import sys
from gapcheck.cli import run
class Probe:
    def __del__(self) -> None:
        print("torn down", file=sys.stderr)
probe = Probe()  # freed when the interpreter is torn down, never when the process ends at once
atexit.register(lambda: print("exit handlers ran", file=sys.stderr))
sys.argv = ["gapcheck", *sys.argv[1:]]
run()
"""


def test_the_command_ends_without_tearing_the_interpreter_down(tmp_path: Path) -> None:
    """``gapcheck`` (cli.run) flushes its output, runs the exit handlers and ends the process, without freeing every
    object first: the same output and exit code as main(), a pipe closed early an exit code, not a traceback."""
    env = {**os.environ, cache.ENVIRONMENT: str(tmp_path / "cache")}

    def ended(*args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", _ENDED, *args], capture_output=True, text=True, env=env, timeout=300,
            check=False, **kwargs,
        )

    done = ended(str(PDF), "-f", "json", "--today", TODAY.isoformat())
    assert done.returncode == 0, done.stderr[-1000:]
    assert done.stderr.splitlines() == ["exit handlers ran"]
    expected = Analyzer(options=Options(today=TODAY)).analyze(PDF).to_dict()
    assert json.loads(done.stdout) == json.loads(json.dumps(expected))
    under = ended(str(PDF), "-f", "json", "--today", TODAY.isoformat(), "--fail-under", "100")
    assert under.returncode == 1 and json.loads(under.stdout) == json.loads(done.stdout)
    missing = ended(str(tmp_path / "missing.pdf"))
    assert missing.returncode == 2 and missing.stdout == ""
    assert missing.stderr.splitlines()[-1] == "exit handlers ran" and "torn down" not in missing.stderr
    batch = ended(str(PDF), str(PDF.parent.parent / "junior-ml" / "resume.docx"), "-f", "jsonl", "-q", "-j", "2",
                  "--today", TODAY.isoformat())
    assert batch.returncode == 0 and len(batch.stdout.splitlines()) == 2, batch.stderr[-1000:]
    assert batch.stderr.splitlines() == ["exit handlers ran"]
