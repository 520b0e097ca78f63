"""The public API end to end on the real reader, matcher and taxonomy: analyze, analyze_text, analyze_many."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import jsonschema
import pytest

import gapcheck
from gapcheck import analyze, analyze_many, analyze_text
from gapcheck.analysis import AnalysisFailure
from gapcheck.errors import EncryptedDocumentError, MissingFileError, UnknownLevelError
from gapcheck.knowledge import load_taxonomy
from gapcheck.matching import matcher_for
from gapcheck.report.json_render import report_schema
from gapcheck.report.model import Report

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
EXAMPLES = REPO / "examples"
TODAY = date(2026, 11, 1)

RESUME = """Sam Rivera
sam.rivera@example.com | (555) 010-2233 | https://github.com/sam-rivera-example

SUMMARY
Machine learning engineer who ships models to production.

EXPERIENCE
Machine Learning Engineer, Acme Analytics
Jan 2023 - Present
- Trained gradient boosted models with XGBoost and scikit-learn in Python on SQL data.
- Deployed the models behind a FastAPI service in Docker containers on AWS.
- Designed A/B tests with the product team.

Data Analyst, Beta Logistics
Jun 2021 - Dec 2022
- Built dashboards in Tableau and cleaned data with pandas.

SKILLS
Python, SQL, PyTorch, Git, Kubernetes, NumPy

EDUCATION
B.S. Computer Science, State University, 2021
"""

VALIDATOR = jsonschema.Draft202012Validator(report_schema())


def test_public_names_are_exported() -> None:
    assert gapcheck.analyze is analyze and gapcheck.Report is Report


def test_analyze_text_builds_a_valid_report() -> None:
    report = analyze_text(RESUME, today=TODAY, source_name="sam.txt")
    VALIDATOR.validate(report.to_dict())
    assert report.source.name == "sam.txt"
    assert [lv.level for lv in report.levels] == [lv.id for lv in load_taxonomy().levels]
    found = {s.skill_id for s in report.skills}
    assert {"python", "sql", "xgboost", "docker", "aws", "pandas"} <= found
    assert next(s for s in report.skills if s.skill_id == "kubernetes").strength == "listed"
    assert report.experience.years is not None and 4.5 <= report.experience.years <= 6.0
    assert report.target.kind == "level"


def test_path_str_and_bytes_give_the_same_report(tmp_path: Path) -> None:
    path = tmp_path / "sam.txt"
    path.write_text(RESUME, encoding="utf-8")
    by_path = analyze(path, today=TODAY).to_dict()
    by_str = analyze(str(path), today=TODAY).to_dict()
    by_bytes = analyze(path.read_bytes(), today=TODAY).to_dict()
    assert by_path == by_str
    by_bytes["source"]["name"] = by_path["source"]["name"]  # bytes have no file name
    assert by_bytes == by_path


def test_today_is_what_present_means() -> None:
    early = analyze_text(RESUME, today=date(2024, 1, 1))
    late = analyze_text(RESUME, today=date(2026, 1, 1))
    assert early.experience.years is not None and late.experience.years is not None
    assert late.experience.years - early.experience.years == pytest.approx(2.0, abs=0.1)
    assert early.experience.reference_date == date(2024, 1, 1)


def test_level_and_unknown_level() -> None:
    report = analyze_text(RESUME, level="senior", today=TODAY)
    assert report.target_level == "senior" and report.target.chosen
    with pytest.raises(UnknownLevelError, match="entry, junior, mid, senior, lead"):
        analyze_text(RESUME, level="staff")


def test_unknown_level_fails_before_reading(tmp_path: Path) -> None:
    with pytest.raises(UnknownLevelError):
        analyze(tmp_path / "does-not-exist.pdf", level="staff")


def test_taxonomy_argument_accepts_object_path_and_none() -> None:
    taxonomy = load_taxonomy()
    from gapcheck.knowledge import builtin_taxonomy_dir

    a = analyze_text(RESUME, taxonomy=taxonomy, today=TODAY).to_dict()
    b = analyze_text(RESUME, taxonomy=builtin_taxonomy_dir(), today=TODAY).to_dict()
    c = analyze_text(RESUME, today=TODAY).to_dict()
    assert a == b == c


def test_taxonomy_and_matcher_are_built_once() -> None:
    analyze_text(RESUME, today=TODAY)
    taxonomy = load_taxonomy()
    matcher = matcher_for(taxonomy)
    analyze_text(RESUME, today=TODAY)
    assert load_taxonomy() is taxonomy
    assert matcher_for(load_taxonomy()) is matcher


def test_job_posting_becomes_the_target() -> None:
    posting = (
        "ML Engineer\n\nRequired:\n- Python and SQL\n- Kubernetes in production\n\nNice to have:\n- Rust\n- MLflow\n"
    )
    report = analyze_text(RESUME, job=posting, today=TODAY)
    VALIDATOR.validate(report.to_dict())
    assert report.target.kind == "job" and report.job is not None
    importance = {s.id: s.importance for s in report.job.skills}
    assert importance.get("python") == "required" and importance.get("kubernetes") == "required"
    assert importance.get("mlflow") == "recommended"
    gaps = {g.id: g for g in report.gaps}
    assert "python" not in gaps  # demonstrated in the resume
    assert gaps["kubernetes"].kind == "weak" and gaps["kubernetes"].importance == "required"
    assert gaps["mlflow"].kind == "missing" and gaps["mlflow"].since == "job"
    assert set(gaps) <= set(importance)


def test_job_posting_from_a_file(tmp_path: Path) -> None:
    posting = tmp_path / "posting.txt"
    posting.write_text("Must have: Docker, Kubernetes and Airflow.\n", encoding="utf-8")
    from_file = analyze_text(RESUME, job=posting, today=TODAY)
    from_str_path = analyze_text(RESUME, job=str(posting), today=TODAY)
    assert from_file.job is not None and from_file.job.name == "posting.txt"
    assert from_file.to_dict() == from_str_path.to_dict()
    assert {s.importance for s in from_file.job.skills} == {"required"}


def test_bad_files_raise_specific_errors(tmp_path: Path) -> None:
    with pytest.raises(MissingFileError) as info:
        analyze(tmp_path / "nope.pdf")
    assert "nope.pdf" in info.value.message
    encrypted = FIXTURES / "encrypted.pdf"
    if encrypted.exists():
        with pytest.raises(EncryptedDocumentError):
            analyze(encrypted)


def test_analyze_many_yields_a_typed_failure_for_a_bad_file(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(RESUME, encoding="utf-8")
    results = list(analyze_many([good, tmp_path / "missing.docx", good.read_bytes()], today=TODAY))
    assert len(results) == 3
    assert isinstance(results[0], Report) and isinstance(results[2], Report)
    failure = results[1]
    assert isinstance(failure, AnalysisFailure)
    assert failure.source == "missing.docx" and failure.error == "MissingFileError" and failure.exit_code == 2
    assert "missing.docx" in failure.message
    assert failure.to_dict()["error"] == "MissingFileError"


def test_analyze_many_rejects_an_unknown_level_at_once() -> None:
    with pytest.raises(UnknownLevelError):
        analyze_many([RESUME.encode()], level="staff")


@pytest.mark.parametrize("name", ["junior-ml", "career-changer", "senior-mle"])
def test_examples_analyze_and_validate(name: str) -> None:
    folder = EXAMPLES / name
    files = sorted(p for p in folder.glob("resume.*") if p.suffix in (".pdf", ".docx", ".txt", ".md"))
    if not files:
        pytest.skip(f"examples/{name} not there yet")
    reports = [analyze(f, today=TODAY) for f in files]
    for report in reports:
        VALIDATOR.validate(report.to_dict())
    # the same resume as text, PDF and DOCX finds the same skills
    skill_sets = [{s.skill_id for s in r.skills} for r in reports]
    for other in skill_sets[1:]:
        assert len(other ^ skill_sets[0]) <= 2, (files, other ^ skill_sets[0])


def test_a_job_posting_without_skills_is_warned_about() -> None:
    report = analyze_text(RESUME, job="We are a friendly team in a sunny office.\n", today=TODAY)
    assert report.job is not None and report.job.skills == ()
    assert report.gaps == ()
    assert any("job posting" in w for w in report.warnings)


def test_an_analyzer_holds_the_run_state_and_gives_what_the_functions_give(tmp_path: Path) -> None:
    from gapcheck import Analyzer, JobTarget, Options

    posting = "Requirements:\n- Python\n- Kubernetes\n- Airflow\n"
    analyzer = Analyzer(None, "mid", posting, Options(today=TODAY))
    assert isinstance(analyzer.job, JobTarget) and {s.id for s in analyzer.job.info.skills} >= {"python", "kubernetes"}
    path = tmp_path / "sam.txt"
    path.write_text(RESUME, encoding="utf-8")
    expected = analyze(path, level="mid", job=posting, today=TODAY).to_dict()
    assert analyzer.analyze(path).to_dict() == expected
    assert analyzer.analyze_text(RESUME, source_name="sam.txt").to_dict() == expected
    many = analyzer.analyze_many(iter([path, tmp_path / "gone.pdf", path]))
    assert not isinstance(many, list)  # lazy
    got = list(many)
    assert [type(r).__name__ for r in got] == ["Report", "AnalysisFailure", "Report"]
    assert isinstance(got[1], AnalysisFailure) and got[1].source == "gone.pdf" and got[1].error == "MissingFileError"
    with pytest.raises(UnknownLevelError):
        Analyzer(level="staff")


def test_reports_and_failures_are_picklable(tmp_path: Path) -> None:
    import pickle

    report = analyze_text(RESUME, today=TODAY)
    assert pickle.loads(pickle.dumps(report)) == report
    failure = next(iter(analyze_many([tmp_path / "gone.pdf"])))
    assert pickle.loads(pickle.dumps(failure)) == failure


def test_an_analyzers_limits_reach_analyze_text_and_the_job_posting() -> None:
    """Options.limits governs every read the Analyzer makes, text and job posting included, not only files."""
    from dataclasses import replace

    from gapcheck import Analyzer
    from gapcheck.analysis import Options
    from gapcheck.errors import TooLargeError
    from gapcheck.reading import DEFAULT_LIMITS

    tight = Options(limits=replace(DEFAULT_LIMITS, max_chars=20))
    with pytest.raises(TooLargeError):
        Analyzer(options=tight).analyze_text("Skills: Python, SQL, PyTorch, Docker")
    with pytest.raises(TooLargeError):
        Analyzer(job="Required: Python and SQL, three years or more", options=tight)
    assert Analyzer().analyze_text("Skills: Python, SQL, PyTorch, Docker").best_fit_level
