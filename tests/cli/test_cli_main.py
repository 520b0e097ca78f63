"""The CLI through Typer's CliRunner: exit codes, formats, --output, --fail-under, --redact, --show-taxonomy."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from gapcheck import __version__
from gapcheck.analysis import analyze
from gapcheck.command import app
from gapcheck.report.json_render import report_schema
from gapcheck.report.render import OutputFormat

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
VALIDATOR = jsonschema.Draft202012Validator(report_schema())

RESUME = """Robin Okafor
robin.okafor@example.com | 555-020-3344 | robin-okafor.example.com

EXPERIENCE
Junior Machine Learning Engineer, Helio Systems
Feb 2024 - Present
- Trained PyTorch models in Python and served them with FastAPI in Docker.
- Wrote SQL feature pipelines; reviewed code with the team.

SKILLS
Python, SQL, Git, scikit-learn, pandas, NumPy, Kubernetes
"""


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def resume(tmp_path: Path) -> Path:
    path = tmp_path / "robin.txt"
    path.write_text(RESUME, encoding="utf-8")
    return path


def test_version_and_help(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"gapcheck {__version__}"
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for option in ("--level", "--format", "--output", "--top", "--taxonomy", "--job", "--fail-under", "--redact",
                   "--pdf-engine", "--today", "--show-taxonomy"):
        assert option in result.stdout


@pytest.mark.parametrize("fmt", list(OutputFormat))
def test_every_format_exits_0(runner: CliRunner, resume: Path, fmt: OutputFormat) -> None:
    result = runner.invoke(app, [str(resume), "--format", fmt.value, "--today", "2026-11-01"])
    assert result.exit_code == 0, result.output
    assert "robin.txt" in result.stdout
    assert result.stderr == ""


def test_json_output_is_analyze_to_dict(runner: CliRunner, resume: Path) -> None:
    result = runner.invoke(app, [str(resume), "--format", "json", "--level", "mid", "--today", "2026-11-01"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    VALIDATOR.validate(data)
    assert data == analyze(resume, level="mid", today=date(2026, 11, 1)).to_dict()


def test_top_limits_the_gaps(runner: CliRunner, resume: Path) -> None:
    result = runner.invoke(app, [str(resume), "-f", "json", "--top", "2", "--today", "2026-11-01"])
    data = json.loads(result.stdout)
    VALIDATOR.validate(data)
    assert [g["rank"] for g in data["gaps"]] == [1, 2]


def test_output_file(runner: CliRunner, resume: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    result = runner.invoke(app, [str(resume), "-f", "markdown", "-o", str(out), "--today", "2026-11-01"])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "report written to" in result.stderr
    assert out.read_text(encoding="utf-8").startswith("# gapcheck report: robin.txt")


def test_terminal_output_to_a_file_is_plain(runner: CliRunner, resume: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    result = runner.invoke(app, [str(resume), "-o", str(out)])
    assert result.exit_code == 0
    assert "\x1b[" not in out.read_text(encoding="utf-8")


def test_fail_under_exit_codes(runner: CliRunner, resume: Path) -> None:
    data = json.loads(runner.invoke(app, [str(resume), "-f", "json"]).stdout)
    coverage = data["target"]["coverage"] * 100
    low = runner.invoke(app, [str(resume), "-f", "json", "--fail-under", f"{max(coverage - 1, 0):.1f}"])
    assert low.exit_code == 0
    high = runner.invoke(app, [str(resume), "-f", "json", "--fail-under", f"{min(coverage + 1, 100):.1f}"])
    assert high.exit_code == 1
    assert json.loads(high.stdout) == data  # the report is still printed
    assert "under --fail-under" in high.stderr


def test_redact_masks_contact_details(runner: CliRunner, resume: Path) -> None:
    plain = runner.invoke(app, [str(resume), "-f", "json"])
    assert plain.exit_code == 0
    for fmt in OutputFormat:
        result = runner.invoke(app, [str(resume), "-f", fmt.value, "--redact"])
        assert result.exit_code == 0
        for secret in ("robin.okafor@example.com", "555-020-3344", "robin-okafor.example.com"):
            assert secret not in result.stdout


def test_job_posting_option(runner: CliRunner, resume: Path, tmp_path: Path) -> None:
    posting = tmp_path / "job.txt"
    posting.write_text("Requirements:\n- Python\n- Kubernetes\n- Airflow\n", encoding="utf-8")
    result = runner.invoke(app, [str(resume), "--job", str(posting), "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    VALIDATOR.validate(data)
    assert data["target"]["kind"] == "job" and data["job"]["name"] == "job.txt"


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["{resume}", "--level", "staff"], "entry, junior, mid, senior, lead"),
        (["{missing}"], "nope.pdf"),
        (["{resume}", "--today", "yesterday"], "--today"),
        (["{resume}", "--taxonomy", "{missing}"], "nope.pdf"),
        (["{resume}", "--job", "{missing}"], "nope.pdf"),
        (["--show-taxonomy", "--level", "staff"], "staff"),
        ([], ""),
    ],
)
def test_bad_input_exits_2_with_one_line(
    runner: CliRunner, resume: Path, tmp_path: Path, args: list[str], needle: str
) -> None:
    missing = tmp_path / "nope.pdf"
    argv = [a.format(resume=resume, missing=missing) for a in args]
    if not argv:
        argv = ["--level", "mid"]  # no RESUME
    result = runner.invoke(app, argv)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("gapcheck: ")
    assert needle in lines[0]
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("name", ["encrypted.pdf", "truncated.pdf", "zip_bomb.docx", "empty.txt", "garbage.bin"])
def test_bad_documents_exit_2(runner: CliRunner, name: str) -> None:
    path = FIXTURES / name
    if not path.exists():
        pytest.skip(f"fixture {name} not present")
    result = runner.invoke(app, [str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith("gapcheck: ") and len(result.stderr.strip().splitlines()) == 1
    assert name in result.stderr


@pytest.mark.parametrize("args", [["--format", "yaml"], ["--pdf-engine", "ocr"], ["--top", "-1"], ["--bogus"]])
def test_usage_errors_exit_2(runner: CliRunner, resume: Path, args: list[str]) -> None:
    result = runner.invoke(app, [str(resume), *args])
    assert result.exit_code == 2
    assert result.stdout == ""


def test_pdf_engines(runner: CliRunner) -> None:
    pdf = FIXTURES / "one_column.pdf"
    if not pdf.exists():
        pytest.skip("fixture one_column.pdf not present")
    outputs = []
    for engine in ("pypdfium2", "pypdf"):
        result = runner.invoke(app, [str(pdf), "-f", "json", "--pdf-engine", engine, "--today", "2026-11-01"])
        assert result.exit_code == 0, result.output
        VALIDATOR.validate(json.loads(result.stdout))
        outputs.append({s["skill_id"] for s in json.loads(result.stdout)["skills"]})
    assert outputs[0] == outputs[1]


def test_show_taxonomy(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--show-taxonomy"])
    assert result.exit_code == 0, result.output
    assert "Python" in result.stdout and "lead" in result.stdout.lower()
    md = runner.invoke(app, ["--show-taxonomy", "--format", "markdown", "--level", "junior"])
    assert md.exit_code == 0 and "|" in md.stdout
    bad = runner.invoke(app, ["--show-taxonomy", "--format", "json"])
    assert bad.exit_code == 2


def test_unwritable_output_exits_2(runner: CliRunner, resume: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, [str(resume), "-o", str(tmp_path / "no-such-dir" / "report.md")])
    assert result.exit_code == 2
    assert result.stderr.startswith("gapcheck: ") and len(result.stderr.strip().splitlines()) == 1


def test_show_taxonomy_does_not_load_spacy() -> None:
    import subprocess
    import sys

    code = (
        "import sys\nfrom typer.testing import CliRunner\nfrom gapcheck.command import app\n"
        "r = CliRunner().invoke(app, ['--show-taxonomy', '--level', 'mid'])\n"
        "print(r.exit_code, 'spacy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["0", "False"]
