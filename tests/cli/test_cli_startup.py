"""What one CLI call loads and starts: no scikit-learn or SciPy once the cache is warm, no Rich for JSON, the PDF's
child process started ahead and claimed once (the same report as the library's)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from gapcheck import cache
from gapcheck.analysis import Analyzer, Options
from gapcheck.reading import DEFAULT_LIMITS, isolate, read_resume
from gapcheck.reading.pdf import start_extraction

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


def test_a_pdf_started_ahead_is_claimed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[str] = []
    real = isolate._Child.__init__

    def counting(self: isolate._Child, *args: object, **kwargs: object) -> None:
        started.append(str(args[2]))  # (target, data, name, limits, args)
        real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(isolate._Child, "__init__", counting)
    limits = replace(DEFAULT_LIMITS, isolate_pdf_over_bytes=0)
    start_extraction(PDF, limits)
    start_extraction(PDF, limits)  # the same file again: still one child
    assert started == [PDF.name] and len(isolate._AHEAD) == 1
    ahead = read_resume(PDF, today=TODAY, limits=limits)
    assert started == [PDF.name] and not isolate._AHEAD  # claimed, not started again
    assert ahead == read_resume(PDF, today=TODAY, limits=limits)  # the same text as a child started on demand
    assert len(started) == 2


def test_files_that_are_no_pdf_start_nothing(tmp_path: Path) -> None:
    limits = replace(DEFAULT_LIMITS, isolate_pdf_over_bytes=0)
    text = tmp_path / "resume.txt"
    text.write_text("Skills: Python", encoding="utf-8")
    zero = tmp_path / "zero.pdf"
    zero.symlink_to("/dev/zero")  # endless: must not be read
    for path in (text, tmp_path / "missing.pdf", tmp_path, zero):
        start_extraction(path, limits)
    assert not isolate._AHEAD


def test_the_cli_report_equals_the_librarys(tmp_path: Path) -> None:
    env = {**os.environ, cache.ENVIRONMENT: str(tmp_path / "cache")}
    command = [sys.executable, "-m", "gapcheck", str(PDF), "--format", "json", "--today", TODAY.isoformat()]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300, check=True)
    expected = Analyzer(options=Options(today=TODAY)).analyze(PDF).to_dict()
    assert json.loads(done.stdout) == json.loads(json.dumps(expected))
