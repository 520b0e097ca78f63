"""Reading ahead of a batch's start-up: readers read the first resumes as the workers would; what they finish is
used and not read again, what they could not finish (a crash, a hang) is left to the workers; spawned workers
(macOS, Windows) give the rows forked ones give."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from gapcheck.analysis import AnalysisFailure, Analyzer, Options
from gapcheck.batch import pool
from gapcheck.batch.ahead import STOP_WAIT, ReadAhead, Reading
from gapcheck.batch.inputs import Input
from gapcheck.batch.run import run_batch
from gapcheck.errors import GapcheckError
from gapcheck.reading import DEFAULT_LIMITS
from gapcheck.report.model import Report

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(p for p in (REPO / "examples").glob("*/resume.*") if p.suffix in (".pdf", ".docx", ".md"))
TODAY = date(2026, 11, 1)
READING = Reading.of(TODAY, "auto", DEFAULT_LIMITS)


def _read_ahead(reading: Reading, paths: list[Path], readers: int, want: int) -> dict[int, bytes]:
    """What the readers finished, given (on a busy machine, in turn) more time, until they finished ``want``."""
    found: dict[int, bytes] = {}
    for seconds in (1.0, 4.0, 15.0):
        ahead = ReadAhead.start(reading, paths, readers=readers)
        time.sleep(seconds)
        found = ahead.stop()
        if len(found) >= want:
            break
    return found


def _same(a: object, b: object) -> bool:
    if isinstance(a, GapcheckError) and isinstance(b, GapcheckError):
        return type(a) is type(b) and a.message == b.message
    return a == b


def test_readers_read_each_resume_as_a_worker_would(tmp_path: Path) -> None:
    paths = [*EXAMPLES, tmp_path / "missing.pdf"]
    found = _read_ahead(READING, paths, readers=2, want=len(paths))
    assert 0 in found and len(found) >= 2 and set(found) <= set(range(len(paths)))
    for index, data in found.items():
        assert _same(pickle.loads(data), READING(paths[index]))
    assert any(isinstance(pickle.loads(data), GapcheckError) for data in found.values()) == (len(paths) - 1 in found)


@dataclass(frozen=True)
class _Troubled(Reading):
    """Crashes (the process is gone) on a file named crash.md, never returns on one named hang.md."""

    def __call__(self, path: Path) -> object:  # type: ignore[override]
        if path.name == "crash.md":
            os._exit(9)
        if path.name == "hang.md":
            time.sleep(600)
        if path.name == "slow.md":
            time.sleep(1.5)
        return super().__call__(path)


def test_a_reader_that_crashes_or_hangs_leaves_its_resumes_to_the_workers(tmp_path: Path) -> None:
    crash, hang = tmp_path / "crash.md", tmp_path / "hang.md"
    for path in (crash, hang):
        path.write_text("Skills: Python", encoding="utf-8")
    good = EXAMPLES[0]
    troubled = _Troubled(READING.today, READING.pdf_engine, READING.limits)
    # the readers get [good, crash, good] and [good, hang, good]
    found = _read_ahead(troubled, [good, good, crash, hang, good, good], readers=2, want=1)
    assert set(found) == {1}  # the crashed reader's results went with it; the hung one's first is kept
    started = time.monotonic()
    ahead = ReadAhead.start(troubled, [hang], readers=1)
    time.sleep(0.5)
    assert ahead.stop() == {}
    assert time.monotonic() - started < 0.5 + STOP_WAIT + 5  # the hung reader is not waited for


def test_readers_are_not_started_where_workers_are_spawned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "_context", lambda: multiprocessing.get_context("spawn"))
    ahead = ReadAhead.start(READING, EXAMPLES, readers=2)
    time.sleep(0.5)
    assert ahead.stop() == {}


class _Prepared(ReadAhead):
    """Read-ahead results made in this process (what a reader would have sent)."""

    def __init__(self, reading: Reading, found: dict[int, bytes]) -> None:
        super().__init__(reading, [])
        self.found = found

    def stop(self) -> dict[int, bytes]:
        return self.found


def _skills(result: Report | AnalysisFailure) -> set[str]:
    assert isinstance(result, Report)
    return {skill.name for skill in result.skills}


def test_the_workers_use_what_was_read_ahead_only_when_read_as_they_would_read(tmp_path: Path) -> None:
    resume = tmp_path / "resume.md"
    resume.write_text("# Ana\n## Skills\nPython, Docker, PyTorch\n", encoding="utf-8")
    before = pickle.dumps(READING(resume))
    resume.write_text("# Ana\n## Skills\nKubernetes, Terraform\n", encoding="utf-8")  # changed since read ahead
    analyzer = Analyzer(options=Options(today=TODAY))
    inputs = [Input(resume, "resume.md"), Input(tmp_path / "gone.md", "gone.md")]
    gone = pickle.dumps(READING(tmp_path / "gone.md"))

    used = [r for _, r in run_batch(analyzer, inputs, jobs=1, ahead=_Prepared(READING, {0: before, 1: gone}))]
    assert {"Python", "Docker", "PyTorch"} <= _skills(used[0]) and "Kubernetes" not in _skills(used[0])
    assert isinstance(used[1], AnalysisFailure) and used[1].error == "MissingFileError"
    assert used[1].source == "gone.md"

    other = Reading.of(date(2001, 1, 1), "auto", DEFAULT_LIMITS)  # read with another "today": read again
    again = [r for _, r in run_batch(analyzer, inputs, jobs=1, ahead=_Prepared(other, {0: before}))]
    assert "Kubernetes" in _skills(again[0]) and "Python" not in _skills(again[0])
    assert again[1] == used[1]


def test_spawned_workers_give_the_rows_forked_ones_give(monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = [Input(path, path.name) for path in EXAMPLES]
    analyzer = Analyzer(options=Options(today=TODAY))
    forked = [r for _, r in run_batch(analyzer, inputs, jobs=2)]
    monkeypatch.setattr(pool, "_context", lambda: multiprocessing.get_context("spawn"))
    spawned = [r for _, r in run_batch(analyzer, inputs, jobs=2)]
    assert spawned == forked and all(isinstance(r, Report) for r in spawned)


def _crash() -> None:
    os._exit(3)


def _bug() -> None:
    raise ValueError("a bug in planning")


def test_a_planner_gives_its_plan_then_reads_ahead_as_the_first_reader() -> None:
    """A reader forked before the command line is parsed parses it (its plan), sends what it found, then reads the
    batch's first resumes; the batch's ReadAhead keeps it. A plan with no job, or none, ends it; a planner that
    crashes or meets a bug gives nothing (the command then parses its line itself)."""
    from gapcheck.batch import ahead as module

    paths = list(EXAMPLES)
    large = "x" * (4 << 20)  # more than a pipe holds: sent while the planner reads
    planner = module.Planner.fork(lambda: (("the plan", large), module.job_for(READING, paths, 1)))
    assert planner is not None
    time.sleep(3.0)  # the parent busy importing spaCy: the planner reads meanwhile
    assert planner.result() == ("the plan", large)
    ((spare, _conn, _job),) = module._SPARE
    started = ReadAhead.start(READING, paths, readers=1)
    assert [process.pid for process, _ in started._readers] == [spare.pid] and not module._SPARE
    found = started.stop()
    assert 0 in found  # read before the plan was taken
    for index, data in found.items():
        assert _same(pickle.loads(data), READING(paths[index]))
    for plan, result in ((lambda: ("no reader", None), "no reader"), (lambda: None, None), (_crash, None),
                         (_bug, None)):  # fmt: skip
        planner = module.Planner.fork(plan)  # type: ignore[arg-type]
        assert planner is not None and planner.result() == result and not module._SPARE
        planner._process.join(timeout=10)
        assert not planner._process.is_alive()


def test_a_spare_no_batch_takes_is_ended() -> None:
    from gapcheck.batch import ahead as module
    from gapcheck.cli import _end_spare

    paths = list(EXAMPLES)
    module.fork_spare(module.job_for(READING, paths, 1))
    module.fork_spare(module.job_for(READING, paths, 1))  # one spare at most
    ((spare, _conn, _job),) = module._SPARE
    assert ReadAhead.start(READING, paths, readers=0).stop() == {}  # --jobs 1: the spare is ended
    spare.join(timeout=10)
    assert not spare.is_alive() and not module._SPARE
    module.fork_spare(module.job_for(READING, paths, 1))
    ((spare, _conn, _job),) = module._SPARE
    _end_spare()  # one file after all, or a usage error
    spare.join(timeout=10)
    assert not spare.is_alive() and not module._SPARE


def test_the_cli_guesses_a_batch_before_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from gapcheck import cli

    monkeypatch.setattr(cli, "_default_jobs", lambda: 2)
    a, b = tmp_path / "a.pdf", tmp_path / "b.txt"
    a.write_bytes(b"%PDF-1.4")
    b.write_text("x", encoding="utf-8")
    def guess(*args: str) -> bool:
        return cli.looks_like_batch(cli.RawArgs.of(args))

    assert guess(str(a), str(b), "-f", "jsonl")
    assert guess(str(tmp_path)) and guess(str(tmp_path / "*.pdf"))
    assert not guess(str(a))
    assert not guess(str(a), "--output", str(b))  # the value of --output is no resume
    assert not guess(str(a), str(b), "--jobs", "1")
    assert not guess(str(tmp_path), "-j1")
    monkeypatch.setattr(cli, "_default_jobs", lambda: 1)
    assert not guess(str(a), str(b))


def test_the_cli_guesses_one_report_before_parsing_as_it_parses(tmp_path: Path) -> None:
    """The reader forked for one resume's report is forked when the raw command line asks what RunOptions'
    single_report asks after parsing (one file, not a folder or pattern, a report format, no --summary)."""
    from gapcheck import cli

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("x", encoding="utf-8")
    b.write_text("x", encoding="utf-8")

    def guess(*args: str) -> bool:
        return cli.single_job(cli.RawArgs.of(args)) is not None

    assert guess(str(a)) and guess(str(a), "-f", "json") and guess(str(a), "--format=html", "-o", str(b))
    assert not guess(str(a), "-f", "jsonl") and not guess(str(a), "--summary", str(b))
    assert not guess(str(a), str(b)) and not guess(str(tmp_path)) and not guess(str(tmp_path / "*.txt"))
    assert not guess(str(tmp_path / "missing.txt"))


_COUNTED_MAIN = """
import os, sys
from gapcheck import cli
from gapcheck.batch import ahead, inputs
parse, walk, start = cli.RawArgs.of.__func__, inputs._folder, ahead.ReadAhead.start.__func__

def count(what):
    with open(os.environ["COUNTS"], "a") as counts:
        counts.write(f"{what} {os.getpid()}\\n")

def counted_parse(cls, args):
    count("parsed")
    return parse(cls, args)

def counted_walk(arg):
    count("walked")
    return walk(arg)

def spied_start(cls, reading, paths, *, readers):
    spare = [process.pid for process, _conn, _job in ahead._SPARE]
    started = start(cls, reading, paths, readers=readers)
    count(f"kept {[process.pid for process, _conn in started._readers][:1] == spare}")
    return started

cli.RawArgs.of = classmethod(counted_parse)
inputs._folder = counted_walk
ahead.ReadAhead.start = classmethod(spied_start)
cli._default_jobs = lambda: 2
sys.argv = ["gapcheck", *sys.argv[1:]]
try:
    cli.main()
except SystemExit as done:
    assert done.code in (0, None), done.code
count(f"typer {'typer' in sys.modules}")
"""


def test_a_batch_command_line_is_parsed_by_its_first_reader(tmp_path: Path) -> None:
    """The process that imports spaCy reads the raw command line once and never imports Typer: its first reader,
    forked then, parses it, walks the folder (once) and then reads ahead as the batch's first reader."""
    folder = tmp_path / "cohort"
    folder.mkdir()
    for path in EXAMPLES[:2]:
        (folder / f"{path.parent.name}{path.suffix}").write_bytes(path.read_bytes())
    out, counts = tmp_path / "rows.jsonl", tmp_path / "counts"
    args = [str(folder), "-f", "jsonl", "-o", str(out), "--quiet", "--jobs", "2", "--today", TODAY.isoformat()]
    done = subprocess.run(
        [sys.executable, "-c", _COUNTED_MAIN, *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "COUNTS": str(counts)},
    )
    assert done.returncode == 0, done.stderr[-1000:]
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    seen = [line.split() for line in counts.read_text(encoding="utf-8").splitlines()]
    main = [row[-1] for row in seen if row[0] == "parsed"]
    assert len(main) == 1  # the raw command line, read once before it is parsed
    assert [row[-1] in main for row in seen if row[0] == "walked"] == [False]  # by the planner, once
    assert [row[:2] for row in seen if row[0] in ("kept", "typer")] == [["kept", "True"], ["typer", "False"]]


def test_the_cli_knows_which_options_take_a_value() -> None:
    import typer.main

    from gapcheck import cli, command

    parsed = typer.main.get_command(command.app)
    valued = {opt for p in parsed.params if p.param_type_name == "option" and not p.is_flag for opt in p.opts}
    assert valued == set(cli._TAKES_VALUE)


def test_a_spare_with_the_right_job_is_kept_and_one_with_another_is_replaced() -> None:
    from gapcheck.batch import ahead as module

    paths = list(EXAMPLES)
    module.fork_spare(module.job_for(READING, paths, 1))
    ((spare, _conn, _job),) = module._SPARE
    kept = ReadAhead.start(READING, paths, readers=1)
    assert [process.pid for process, _ in kept._readers] == [spare.pid]
    kept.close()
    module.fork_spare(module.job_for(READING, paths[1:], 1))  # guessed other paths
    ((spare, _conn, _job),) = module._SPARE
    replaced = ReadAhead.start(READING, paths, readers=1)
    assert [process.pid for process, _ in replaced._readers] != [spare.pid]
    spare.join(timeout=10)
    assert not spare.is_alive()
    time.sleep(2.0)
    for index, data in replaced.stop().items():
        assert _same(pickle.loads(data), READING(paths[index]))


def test_a_reader_under_a_tight_memory_cap_prints_no_traceback(tmp_path: Path) -> None:
    """Under a memory cap too small for a thread, a reader reads nothing ahead; each row says why it failed."""
    for example in EXAMPLES:
        (tmp_path / f"{example.parent.name}{example.suffix}").write_bytes(example.read_bytes())
    env = {**os.environ, "GAPCHECK_LIMITS": "max_child_memory_bytes=4000000"}
    done = subprocess.run(
        [sys.executable, "-m", "gapcheck", str(tmp_path), "--jobs", "2", "--format", "jsonl"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert "Traceback" not in done.stderr
    assert done.returncode == 2
    assert done.stderr.strip() == f"gapcheck: none of the {len(EXAMPLES)} resumes could be read"


def test_a_reader_claimed_for_one_file_is_waited_for_or_gives_nothing(tmp_path: Path) -> None:
    """The one-file command's reader: claimed only for the file and reading it was forked for, waited for until it
    has read it (not stopped halfway as a batch's readers are), and giving nothing when it crashes or runs past
    the time given (the command then reads the file itself)."""
    from gapcheck.batch import ahead as module

    slow, crash, hang = tmp_path / "slow.md", tmp_path / "crash.md", tmp_path / "hang.md"
    for path in (slow, crash, hang):
        path.write_text("# Ana\n## Skills\nPython, Docker\n", encoding="utf-8")
    troubled = _Troubled(READING.today, READING.pdf_engine, READING.limits)
    module.fork_spare(module.job_for(troubled, [slow], 1))
    claimed = ReadAhead.claim(troubled, slow)
    assert claimed is not None and not module._SPARE
    found = claimed.finish(60.0)  # asked at once: the reader is still asleep
    assert list(found) == [0] and _same(pickle.loads(found[0]), READING(slow))
    module.fork_spare(module.job_for(troubled, [crash], 1))
    crashed = ReadAhead.claim(troubled, crash)
    assert crashed is not None and crashed.finish(60.0) == {}
    module.fork_spare(module.job_for(troubled, [hang], 1))
    hung = ReadAhead.claim(troubled, hang)
    started = time.monotonic()
    assert hung is not None and hung.finish(0.5) == {} and time.monotonic() - started < 5
    module.fork_spare(module.job_for(READING, [slow], 1))
    ((spare, _conn, _job),) = module._SPARE
    assert ReadAhead.claim(READING, crash) is None and not module._SPARE  # forked for another file: ended
    spare.join(timeout=10)
    assert not spare.is_alive()
    assert ReadAhead.claim(READING, slow) is None  # nothing forked
