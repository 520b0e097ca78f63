"""A job posting's skills as the target: required or recommended by where they are written (real matcher)."""

from __future__ import annotations

from gapcheck.analysis import job_years
from gapcheck.job import job_expectations
from gapcheck.knowledge import load_taxonomy
from gapcheck.matching import match_skills
from gapcheck.reading import read_text
from gapcheck.scoring import score

TAXONOMY = load_taxonomy()

POSTING = """Senior ML Engineer

About us
We sell outdoor gear and use Python everywhere.

Requirements
- Strong SQL.
- Experience with Docker.
- Kubernetes is a plus.

Nice to have:
- MLflow
- Airflow, but we must say Terraform is required here.

Benefits
- Free Kaggle swag.
"""


def importances(text: str) -> dict[str, str]:
    posting = read_text(text, source_name="posting.txt")
    expectations, info = job_expectations(posting.text, match_skills(posting, TAXONOMY), TAXONOMY, name="posting.txt")
    assert [e.skill_id for e in expectations] == [s.id for s in info.skills]
    assert all(e.introduced_at == "job" and e.weight > 0 for e in expectations)
    return {s.id: s.importance for s in info.skills}


def test_headings_and_lines_decide_importance() -> None:
    found = importances(POSTING)
    assert found["sql"] == "required"  # under a Requirements heading
    assert found["docker"] == "required"
    assert found["kubernetes"] == "recommended"  # "is a plus" on its own line wins over the heading
    assert found["mlflow"] == "recommended"  # under Nice to have
    assert found["python"] == "recommended"  # in the About section: no cue
    if "kaggle" in found:
        assert found["kaggle"] == "recommended"  # a heading without a cue ends the previous cue


def test_required_sorted_first_and_implied_left_out() -> None:
    posting = read_text("Must have: XGBoost and Docker.\nNice to have: Rust.\n")
    matches = match_skills(posting, TAXONOMY)
    expectations, info = job_expectations(posting.text, matches, TAXONOMY)
    kinds = [s.importance for s in info.skills]
    assert kinds == sorted(kinds, key=lambda k: k != "required")
    implied = {m.skill_id for m in matches if str(m.strength) == "implied"}
    assert implied.isdisjoint({e.skill_id for e in expectations})
    assert {"xgboost", "docker"} <= {s.id for s in info.skills if s.importance == "required"}


def test_weights_and_citations_come_from_the_taxonomy() -> None:
    posting = read_text("Required: Python.\n")
    expectations, _ = job_expectations(posting.text, match_skills(posting, TAXONOMY), TAXONOMY)
    python = next(e for e in expectations if e.skill_id == "python")
    top = max(
        (lv.expectation("python") for lv in TAXONOMY.levels if lv.expectation("python") is not None),
        key=lambda e: e.weight if e else 0,
    )
    assert top is not None and python.weight == top.weight and python.sources


def test_alternatives_in_a_posting_are_satisfied_by_either() -> None:
    text = (
        "Requirements\n- Hands-on experience with PyTorch or TensorFlow.\n- Spark/Airflow for pipelines.\n"
        "- At least one of AWS, GCP, Azure.\n- Strong SQL and Docker.\n"
    )
    posting = read_text(text, source_name="posting.txt")
    expectations, info = job_expectations(posting.text, match_skills(posting, TAXONOMY), TAXONOMY)
    groups = {frozenset(g) for g in info.alternatives}
    assert frozenset({"pytorch", "tensorflow"}) in groups
    assert frozenset({"aws", "gcp", "azure"}) in groups
    assert not any({"sql", "docker"} <= g for g in groups)  # "and" joins required skills, not alternatives
    assert frozenset({"big-data", "data-pipelines"}) in groups  # Spark/Airflow
    text_resume = "Experience\n- Trained PyTorch models on AWS; built Airflow data pipelines for them.\n"
    resume = match_skills(read_text(text_resume), TAXONOMY)
    scores = score(TAXONOMY, resume, 2.0, job=expectations, job_alternatives=info.alternatives)
    gaps = {g.id for g in scores.gaps}
    assert not gaps & {"tensorflow", "gcp", "azure", "big-data"}
    assert {"sql", "docker"} <= gaps
    alone = score(TAXONOMY, resume, 2.0, job=expectations)  # read as all required, Spark would be a gap
    assert "big-data" in {g.id for g in alone.gaps}


def test_required_years_are_read_and_compared() -> None:
    posting = read_text("Requirements\n- 3+ years of experience in ML.\n- Python.\n")
    _, info = job_expectations(posting.text, match_skills(posting, TAXONOMY), TAXONOMY)
    assert info.years_required == 3.0
    assert job_years(info, 2.5).years_met is False and job_years(info, 4.0).years_met is True
    assert job_years(info, None).years_met is None
    none = read_text("Requirements\n- Python.\n")
    assert job_expectations(none.text, match_skills(none, TAXONOMY), TAXONOMY)[1].years_required is None


def test_a_postings_alternatives_missing_together_are_one_gap() -> None:
    from gapcheck.analysis import Analyzer

    posting = (
        "Requirements\n- Experience with Spark or Kubernetes for our jobs.\n- Strong SQL.\n"
        "Nice to have\n- MLflow or another model registry.\n"
    )
    analyzer = Analyzer(job=posting)
    assert {frozenset(g) for g in analyzer.job.info.alternatives} >= {  # type: ignore[union-attr]
        frozenset({"big-data", "kubernetes"}),
        frozenset({"mlflow", "model-registry"}),
    }
    report = analyzer.analyze_text("Experience\n- Built Python services and wrote SQL reports for them.\n")
    gaps = {g.id: g for g in report.gaps}
    assert len({"big-data", "kubernetes"} & set(gaps)) == 1  # one gap for "Spark or Kubernetes"
    assert len({"mlflow", "model-registry"} & set(gaps)) == 1
    infra = gaps.get("big-data") or gaps["kubernetes"]
    other = "kubernetes" if infra.id == "big-data" else "big-data"
    assert infra.alternatives == (other,) and infra.importance == "required"
    assert f"{TAXONOMY.skill(other).name} would do as well" in infra.why
    assert [g.rank for g in report.gaps] == list(range(1, len(report.gaps) + 1))


def test_an_alternative_does_not_raise_the_skill_it_follows_from() -> None:
    posting = read_text("Requirements\n- Experience with at least one cloud platform (AWS preferred).\n")
    expectations, info = job_expectations(posting.text, match_skills(posting, TAXONOMY), TAXONOMY)
    assert frozenset({"cloud-computing", "aws"}) in {frozenset(g) for g in info.alternatives}
    resume = match_skills(read_text("Skills\nFamiliar with AWS (S3, EC2)\n"), TAXONOMY)
    assert {m.skill_id: str(m.strength) for m in resume}["aws"] == "hedged"
    scores = score(TAXONOMY, resume, 2.0, job=expectations, job_alternatives=info.alternatives)
    aws = next(g for g in scores.gaps if g.id == "aws")
    assert aws.strength == "hedged" and aws.implied_by is None  # not "implied by Cloud computing"


def test_a_postings_groups_leave_the_levels_and_the_current_level_alone() -> None:
    """"Spark/Airflow" lets Airflow stand for Spark in the posting, not in the resume's coverage of each level."""
    posting = read_text("Requirements\n- Spark/Airflow for pipelines.\n- PyTorch or TensorFlow.\n")
    expectations, info = job_expectations(posting.text, match_skills(posting, TAXONOMY), TAXONOMY)
    assert frozenset({"big-data", "data-pipelines"}) in {frozenset(g) for g in info.alternatives}
    resume = match_skills(read_text("Experience\n- Built Airflow data pipelines; trained PyTorch models.\n"), TAXONOMY)
    plain = score(TAXONOMY, resume, 2.0)
    with_job = score(TAXONOMY, resume, 2.0, job=expectations, job_alternatives=info.alternatives)
    assert with_job.levels == plain.levels
    assert with_job.current == plain.current
    assert "big-data" not in {g.id for g in with_job.gaps}  # the posting's group still holds for the posting
