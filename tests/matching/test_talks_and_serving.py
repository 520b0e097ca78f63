"""Communication shown by talks given and reports presented, and model serving shown by a model put behind the
interface that answers for it: each class beside look-alikes that must stay unread. Every sentence is invented for
the test; the real taxonomy and the real spaCy matcher are used."""

from __future__ import annotations

from datetime import date

import pytest

from gapcheck.knowledge import load_taxonomy
from gapcheck.knowledge.model import Taxonomy
from gapcheck.matching import Strength, match_skills
from gapcheck.reading import read_text

TODAY = date(2024, 6, 1)
EXPERIENCE = "Jane Roe\n\nEXPERIENCE\nAcme Analytics - Data Scientist, Jan 2019 - Jan 2022\n"


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


def found(line: str, taxonomy: Taxonomy) -> set[str]:
    matches = match_skills(read_text(EXPERIENCE + line + "\n", today=TODAY), taxonomy)
    return {m.skill_id for m in matches if m.strength != Strength.IMPLIED}


@pytest.mark.parametrize(
    ("line", "read"),
    [
        # a talk given somewhere, named as a talk or by its title and venue
        ('- "Sorting parcels with graphs", talk at EuroSciPy 2023.', True),
        ("- Gave talks at the Lagos Data Festival in 2022 and 2023.", True),
        ('- Talk: "Labels are expensive", Oslo ML Meetup, 2024.', True),
        ('- "Forecasting bread demand", Berlin data meetup, 2023.', True),
        ("- Presented our speech recognition work at Interspeech 2022.", True),
        # reports presented or sent to the people who decide on them
        ("- Power BI reports that I presented every week to the store managers.", True),
        ("- Monthly reports on model risk to the supervisory board.", True),
        # look-alikes: a talk heard, a report line in the org chart, an appointment in a calendar
        ("- Attended talks at NeurIPS 2023.", False),
        ("- Head of analytics, reporting directly to the CEO.", False),
        ("- Booked meeting rooms for the team.", False),
    ],
)
def test_communication_by_talks_and_reports(line: str, read: bool, taxonomy: Taxonomy) -> None:
    assert ("communication" in found(line, taxonomy)) is read


@pytest.mark.parametrize(
    ("line", "read"),
    [
        ("- Moved nine models from notebooks to SageMaker endpoints.", True),
        ("- The ranking models sit behind an internal API that answers in 20 ms.", True),
        ("- Entity extraction with a fine-tuned T5; shipped behind an internal API.", True),
        ("- Deployed the churn model (XGBoost, calibrated) behind a FastAPI endpoint.", True),
        ("- Packaged the forecast as a Docker image with a small FastAPI endpoint.", True),
        ("- Wrote a small FastAPI service so that the nurses could try the model on a tablet.", True),
        ("- API REST en FastAPI qui expose un modèle de scoring aux applications métier.", True),
        ("- Modelle mit MLflow versioniert und als REST-API bereitgestellt.", True),
        # look-alikes: an API with no model behind it, a model wrapped in an API (API development), a person behind
        ("- Wrote a FastAPI service for the booking calendar.", False),
        ("- Wrapped the model in a small Flask API for the demo.", False),
        ("- Led the team behind the payments API.", False),
    ],
)
def test_model_serving_behind_an_interface(line: str, read: bool, taxonomy: Taxonomy) -> None:
    assert ("model-serving" in found(line, taxonomy)) is read


@pytest.mark.parametrize(
    ("line", "read"),
    [
        ("- Drift dashboards for each model in production.", True),
        ("- Grafana dashboards for latency and answer-quality alerts on the assistant.", True),
        ("- Monitoring dashboards in Grafana for feature freshness, score distributions and uptime.", True),
        ("- Each Monday I check that the inputs still look like the training data.", True),
        # look-alikes: dashboards of business figures, clock drift, data matched by hand
        ("- Sales dashboards in Power BI for the regional managers.", False),
        ("- Fixed clock drift on the edge devices.", False),
        ("- Matched the invoices against the ledger data.", False),
    ],
)
def test_model_monitoring_by_dashboards_and_inputs(line: str, read: bool, taxonomy: Taxonomy) -> None:
    assert ("model-monitoring" in found(line, taxonomy)) is read


@pytest.mark.parametrize(
    ("line", "read"),
    [
        ("- Rewrote the feature code from notebooks into a tested Python package.", True),
        ("- Gradient-boosted trees on transaction features computed in Flink.", True),
        ("- Feature work on repayment history in pandas and SQL.", True),
        ("- Construí variables de calendario y clima para el pronóstico de demanda.", True),
        # look-alikes: product features, a feature shipped
        ("- Led the migration of all feature code behind well-defined APIs.", False),
        ("- Shipped the new checkout feature for the mobile app.", False),
    ],
)
def test_feature_engineering_by_feature_code_and_variables(line: str, read: bool, taxonomy: Taxonomy) -> None:
    assert ("feature-engineering" in found(line, taxonomy)) is read
