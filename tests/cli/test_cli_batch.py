"""Batch mode through the CLI: several files, folders and patterns; one row per resume in input order; error rows;
exit codes 0 / 2 / 3; row formats; --jobs N gives the rows of --jobs 1; the cohort summary."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gapcheck.cli import EXIT_SOME_FAILED
from gapcheck.command import app

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
EXAMPLES = REPO / "examples"
TODAY = ["--today", "2026-11-01"]


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def cohort(tmp_path: Path) -> Path:
    """Two folders, each with a resume.* of its own, one unreadable PDF, one file of another kind (ignored)."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b" / "deep").mkdir(parents=True)
    shutil.copy(EXAMPLES / "junior-ml" / "resume.pdf", tmp_path / "a" / "resume.pdf")
    shutil.copy(EXAMPLES / "senior-mle" / "resume.txt", tmp_path / "b" / "deep" / "resume.txt")
    shutil.copy(FIXTURES / "encrypted.pdf", tmp_path / "b" / "locked.pdf")
    (tmp_path / "b" / "notes.csv").write_text("not,a,resume\n", encoding="utf-8")
    return tmp_path


def rows(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_a_folder_gives_one_row_per_resume_named_relative_to_the_folder(
    runner: CliRunner, cohort: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(cohort)
    result = runner.invoke(app, [".", "-f", "jsonl", "-j", "1", *TODAY])
    got = rows(result.stdout)
    assert [r["file"] for r in got] == ["a/resume.pdf", "b/deep/resume.txt", "b/locked.pdf"]
    assert got[0]["current"]["level"] != got[1]["current"]["level"]  # two different resume.* stay apart
    assert result.exit_code == EXIT_SOME_FAILED


def test_an_unreadable_file_is_an_error_row_with_the_single_file_message(runner: CliRunner, cohort: Path) -> None:
    locked = cohort / "b" / "locked.pdf"
    single = runner.invoke(app, [str(locked)])
    assert single.exit_code == 2
    message = single.stderr.strip().removeprefix("gapcheck: ")
    result = runner.invoke(app, [str(cohort / "a" / "resume.pdf"), str(locked), "-f", "jsonl", *TODAY])
    got = rows(result.stdout)
    assert [r["file"] for r in got] == [str(cohort / "a" / "resume.pdf"), str(locked)]
    assert got[1]["error"] == message and got[1]["error_type"] == "EncryptedDocumentError"
    assert "skills" in got[0] and "error" not in got[0]
    assert result.exit_code == EXIT_SOME_FAILED


def test_exit_codes_all_read_none_read(runner: CliRunner, cohort: Path, tmp_path: Path) -> None:
    good = runner.invoke(app, [str(cohort / "a"), str(cohort / "b" / "deep"), "-f", "csv", *TODAY])
    assert good.exit_code == 0, good.output
    missing = str(tmp_path / "nope.pdf")
    bad = runner.invoke(app, [str(FIXTURES / "encrypted.pdf"), missing, "-f", "csv"])
    assert bad.exit_code == 2
    table = list(csv.DictReader(io.StringIO(bad.stdout)))
    assert [r["file"] for r in table] == [str(FIXTURES / "encrypted.pdf"), missing]
    assert "nope.pdf" in table[1]["error"]
    assert "none of the 2 resumes" in bad.stderr


def test_a_quoted_pattern_is_expanded(runner: CliRunner, cohort: Path) -> None:
    result = runner.invoke(app, [str(cohort / "**" / "resume.*"), "-f", "jsonl", *TODAY])
    assert [r["file"] for r in rows(result.stdout)] == [
        str(cohort / "a" / "resume.pdf"),
        str(cohort / "b" / "deep" / "resume.txt"),
    ]
    empty = runner.invoke(app, [str(cohort / "*.docx")])
    assert empty.exit_code == 2 and "no resume found" in empty.stderr


def test_row_formats_agree(runner: CliRunner, cohort: Path) -> None:
    args = [str(cohort), *TODAY]
    lines = rows(runner.invoke(app, [*args, "-f", "jsonl"]).stdout)
    array = json.loads(runner.invoke(app, [*args, "-f", "json"]).stdout)
    assert array == lines
    table = list(csv.DictReader(io.StringIO(runner.invoke(app, [*args, "-f", "csv"]).stdout)))
    assert [r["file"] for r in table] == [r["file"] for r in lines]
    assert table[0]["best_fit_level"] == lines[0]["current"]["level"]
    assert float(table[0]["target_coverage"]) == pytest.approx(lines[0]["target"]["coverage"] * 100, abs=0.05)
    markdown = runner.invoke(app, [*args, "-f", "markdown"]).stdout
    assert markdown.count("\n|") == len(lines) + 1  # header rule + one row each
    terminal = runner.invoke(app, [*args]).stdout
    assert all(str(r["file"]) in terminal for r in lines) and "Cohort summary" in terminal


def test_jobs_2_gives_the_rows_of_jobs_1_in_order(runner: CliRunner, cohort: Path) -> None:
    paths = [str(cohort / "a"), str(cohort / "b"), str(EXAMPLES / "career-changer" / "resume.docx")] * 2
    one = runner.invoke(app, [*paths, "-f", "jsonl", "-j", "1", *TODAY])
    two = runner.invoke(app, [*paths, "-f", "jsonl", "-j", "2", *TODAY])
    assert one.exit_code == two.exit_code == EXIT_SOME_FAILED
    assert rows(two.stdout) == rows(one.stdout)
    assert len(rows(one.stdout)) == 8


def test_summary_file_counts_the_cohort(runner: CliRunner, cohort: Path, tmp_path: Path) -> None:
    summary = tmp_path / "cohort.md"
    result = runner.invoke(app, [str(cohort), "-f", "jsonl", "--summary", str(summary), *TODAY])
    got = [r for r in rows(result.stdout) if "error" not in r]
    text = summary.read_text(encoding="utf-8")
    assert "3 resumes: 2 analysed, 1 could not be read" in text
    for section in ("## Resumes per best-fit level", "## Most common gaps", "## Skills most shown"):
        assert section in text
    shared = set.intersection(*({s["name"] for s in r["skills"] if s["strength"] != "implied"} for r in got))
    assert any(f"| {name} | 2 | 100% |" in text for name in shared)


def test_piped_or_quiet_batch_writes_nothing_but_errors_on_stderr(runner: CliRunner, cohort: Path) -> None:
    result = runner.invoke(app, [str(cohort / "a"), str(cohort / "b" / "deep"), "-f", "jsonl", *TODAY])
    assert result.exit_code == 0 and result.stderr == ""
    out = cohort / "rows.jsonl"
    quiet = runner.invoke(app, [str(cohort / "a"), "-f", "jsonl", "-o", str(out), "-q", *TODAY])
    assert quiet.exit_code == 0 and quiet.stderr == "" and quiet.stdout == ""
    assert len(rows(out.read_text(encoding="utf-8"))) == 1


def test_one_file_keeps_the_single_report(runner: CliRunner) -> None:
    result = runner.invoke(app, [str(EXAMPLES / "senior-mle" / "resume.txt"), "-f", "json", *TODAY])
    data = json.loads(result.stdout)
    assert "file" not in data and data["source"]["name"] == "resume.txt"


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "markdown", "terminal"])
def test_rows_made_in_the_workers_equal_the_writers_rows(runner: CliRunner, cohort: Path, fmt: str) -> None:
    """The workers make each row's text; the CLI writes it: the same bytes as RowWriter given the reports."""
    from datetime import date

    from gapcheck.analysis import Analyzer, Options
    from gapcheck.batch.inputs import collect
    from gapcheck.batch.rows import RowFormat, write_all

    analyzer = Analyzer(options=Options(today=date(2026, 11, 1)))
    inputs = collect([str(cohort)])
    expected = io.StringIO()
    write_all(RowFormat(fmt), expected, [(i.label, analyzer.try_analyze(i.path, i.label)) for i in inputs])
    got = runner.invoke(app, [str(cohort), "-f", fmt, "-j", "2", "--quiet", *TODAY])
    assert got.exit_code == EXIT_SOME_FAILED
    assert got.stdout == expected.getvalue()
    assert "locked.pdf" in got.stdout and len(inputs) == 3


def test_a_line_break_in_a_file_name_stays_inside_its_csv_cell(tmp_path: Path) -> None:
    """File labels and error messages reach the cells; a quoted cell keeps a name with a line break one record."""
    from gapcheck.analysis import failure
    from gapcheck.batch.rows import RowFormat, RowWriter
    from gapcheck.errors import EmptyDocumentError

    out = io.StringIO()
    writer = RowWriter(RowFormat.CSV, out)
    label = "two\nlines.md"
    writer.write(label, failure(EmptyDocumentError(f"{label}: no text"), label))
    writer.write("plain.md", failure(EmptyDocumentError("plain.md: no text"), "plain.md"))
    writer.close()
    table = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [row["file"] for row in table] == [label, "plain.md"]


def test_a_csv_row_gives_the_years_the_level_counted(runner: CliRunner, tmp_path: Path) -> None:
    """A resume with projects and education only is placed as having 0 years of work: its row says 0.0, not a
    blank beside a level placed by its years."""
    (tmp_path / "student.txt").write_text(
        "Ada Example\nProjects\nChurn model in scikit-learn and Python.\nEducation\nB.Sc. Physics, 2024\n"
        "Skills\nPython\n",
        encoding="utf-8",
    )
    (tmp_path / "unread.txt").write_text(
        "Ada Example\nExperience\nData Scientist at Acme; built models in Python.\n", encoding="utf-8"
    )
    result = runner.invoke(app, [str(tmp_path), "-f", "csv", "-j", "1", *TODAY])
    got = {Path(row["file"]).name: row["years"] for row in csv.DictReader(io.StringIO(result.stdout))}
    assert got == {"student.txt": "0.0", "unread.txt": ""}


_MAIN = """
import sys
from gapcheck import cli
cli._default_jobs = lambda: 2
if sys.argv[1] == "typer":  # the command line parsed here by the Typer app, not by a planning reader
    cli.looks_like_batch = lambda args: False
sys.argv = ["gapcheck", *sys.argv[2:]]
cli.main()
"""


def _main(how: str, *args: str) -> tuple[int, str, str]:
    done = subprocess.run(
        [sys.executable, "-c", _MAIN, how, *args], capture_output=True, text=True, timeout=300, check=False
    )
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize(
    "extra",
    [
        ["-f", "csv"],
        ["-f", "csv", "--fail-under", "99"],
        ["-f", "csv", "-o", "{tmp}/rows.csv", "--summary", "{tmp}/cohort.md"],
        ["-f", "jsonl", "{tmp}/missing.pdf"],
        ["--today", "01/11/2026"],
        ["--format", "nope"],
        ["--format", "html"],
        ["-f", "csv", "--level", "wizard"],
        ["-f", "csv", "--taxonomy", "{tmp}/broken.toml"],
        ["-f", "csv", "--job", "{tmp}/missing.txt"],
        ["{tmp}/empty"],
        ["--help"],
    ],
    ids=["rows", "fail-under", "output", "error-row", "bad-date", "bad-format", "html", "bad-level", "bad-taxonomy",
         "bad-job", "no-resume", "help"],
)
def test_a_batch_parsed_by_its_first_reader_says_what_the_typer_app_says(tmp_path: Path, extra: list[str]) -> None:
    """A command line that looks like a batch is parsed by its first reader while the command imports spaCy: the
    rows, messages and exit codes are those of the command line parsed by the Typer app, wrong lines included."""
    (tmp_path / "broken.toml").write_text("role = [", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    files = [str(EXAMPLES / "senior-mle" / "resume.txt"), str(EXAMPLES / "junior-ml" / "resume.pdf")]
    args = [*files, *TODAY, *(arg.replace("{tmp}", str(tmp_path)) for arg in extra)]
    planned, written = _main("planned", *args), _written(tmp_path)
    assert planned == _main("typer", *args) and written == _written(tmp_path)
    assert "Traceback" not in planned[2]


def _written(folder: Path) -> list[str]:
    return [path.read_text(encoding="utf-8") for path in (folder / "rows.csv", folder / "cohort.md") if path.exists()]
