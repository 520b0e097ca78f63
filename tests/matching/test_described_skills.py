"""Skills described rather than named, by class of phrasing, in English and in the other languages the tool reads;
each class beside the look-alikes that must stay unread. Every sentence is invented for the test; the real taxonomy
and the real spaCy matcher are used."""

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
        # an alert on what a model outputs, or on how well it does
        ("- CloudWatch alarms on latency and on the share of low-confidence predictions.", True),
        ("- Set up an alert that fires when the word error rate on a weekly sample rises.", True),
        ("- PagerDuty alerts if recall on the audited sample falls below 0.8.", True),
        ("- Alerts when the API error rate rises above 1%.", False),
        ("- Set up alerts on disk usage and CPU load for the cluster.", False),
        # models, or their predictions or errors, watched: Spanish, German, Dutch, Portuguese
        ("- 40 modelos de pricing en producción, con monitorización semanal del desempeño de cada uno.", True),
        ("- Wöchentliches Monitoring des Vorhersagefehlers in Grafana.", True),
        ("- Maandelijkse monitoring van de voorspelfout per regio.", True),
        ("- Monitorização mensal do desempenho dos modelos de churn.", True),
        ("- Monitoreo del rendimiento de los servidores y de la red.", False),
        ("- Monitoramento de desempenho de aplicações web com New Relic.", False),
    ],
)
def test_model_monitoring_described(line: str, read: bool, taxonomy: Taxonomy) -> None:
    assert ("model-monitoring" in found(line, taxonomy)) is read


@pytest.mark.parametrize(
    ("line", "read"),
    [
        # a metric with its value (a decimal: a percentage after the metric is often the cut-off), or moved by points
        ("- Churn model for the retention team; recall 0.71 at the chosen threshold.", True),
        ("- Lead scoring: precision in the top decile 0.38.", True),
        ("- Fraud classifier: precision at fixed recall up 9 points.", True),
        ("- Machined parts to a precision of 0.02 mm on CNC lathes.", False),
        ("- Precision Farming Ltd, 2019 - 2021: field technician.", False),
        ("- Product recall 2021: handled 300 customer calls a day.", False),
        # an error rate of a model's outputs
        ("- OCR pipeline; character error rate down to 2.1% on scanned invoices.", True),
        # precision and recall, a mean error, checking against labelled examples: other languages
        ("- Modelo de fraude con precisión y recall medidos en cada versión.", True),
        ("- Pronóstico semanal por tienda; el error medio bajó de 18 % a 11 %.", True),
        ("- Klassifikator gegen 2.000 annotierte Beispiele ausgewertet.", True),
    ],
)
def test_model_evaluation_described(line: str, read: bool, taxonomy: Taxonomy) -> None:
    assert ("model-evaluation" in found(line, taxonomy)) is read


@pytest.mark.parametrize(
    ("line", "read"),
    [
        # another team, area or department, named by what it does, in the other languages the tool reads
        ("- Colaboro con el área comercial para definir qué se pronostica.", True),
        ("- Defino la hoja de ruta con el equipo de ML y con los equipos de negocio.", True),
        ("- Lancé, con la dirección de operaciones, un asistente para los agentes.", True),
        ("- Lancei, com a direção comercial, um assistente para os gestores.", True),
        ("- Trabalhei com a equipa de produto na definição das métricas.", True),
        ("- Modellen samen met het platformteam in productie gebracht.", True),
        ("- Gemeinsam mit dem Produktteam die Prognosen eingeführt.", True),
        ("- Abstimmung der Anforderungen mit den Fachabteilungen.", True),
        ("- Progetto svolto insieme al team di prodotto.", True),
        # one's own team, equipment, an address
        ("- Trabajé con el equipo.", False),
        ("- Lideré un equipo de cinco analistas.", False),
        ("- Café com a equipa toda às sextas.", False),
        ("- Ich arbeite gern im Team.", False),
        ("- Envío de facturas con la dirección de entrega validada.", False),
    ],
)
def test_cross_functional_collaboration_described(line: str, read: bool, taxonomy: Taxonomy) -> None:
    assert ("cross-functional-collaboration" in found(line, taxonomy)) is read


@pytest.mark.parametrize(
    ("line", "read"),
    [
        # credit scoring's metrics together, a metric with its value right after it, a model checked on the past
        ("- Logistic regression scorecards; Gini and KS on the out-of-time sample.", True),
        ("- Spam classifier with logistic regression (accuracy 81%).", True),
        ("- Compared in a rolling backtest against the old model.", True),
        ("- Backtested each forecast model on three years of sales.", True),
        ("- Out-of-sample errors reported in the working paper.", True),
        ("- Built a strategy backtesting engine for simulating trading strategies.", False),
        ("- Monthly monitoring pack: Gini, PSI on every input variable.", False),
        ("- Gini coefficient of household income by region.", False),
        ("- Billing accuracy checks for the finance team.", False),
    ],
)
def test_model_evaluation_in_scoring_and_forecasting(line: str, read: bool, taxonomy: Taxonomy) -> None:
    assert ("model-evaluation" in found(line, taxonomy)) is read


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # one's work explained or reported to whoever uses it; written up for a single client
        (EXPERIENCE + "- Ran the trial at two farms and wrote up the results for the client.\n", True),
        (EXPERIENCE + "- I explained the results to the nurses in their own language.\n", True),
        (EXPERIENCE + "- Loss forecasts reported to the risk committee every month.\n", True),
        (EXPERIENCE + "- Reported to the CTO; team of six.\n", False),
        (EXPERIENCE + "- Explained to me by my mentor.\n", False),
        # the verb at a bullet's head, capitalised as the date word is; the date word read on into the next line
        (EXPERIENCE + "- Present the AI portfolio to the executive committee twice a year.\n", True),
        (EXPERIENCE + "- Present findings to the board every quarter.\n", True),
        (
            "Jane Roe\n\nEXPERIENCE\nAcme Ltd - Data Scientist, Jan 2020 - Present\n"
            "The team ships forecasts to the board.\n",
            False,
        ),
        ("Jane Roe\n\nEXPERIENCE\nAcme Ltd - Data Scientist, 2020 - Present\n- Ship forecasts to the board.\n", False),
        (
            "Jane Roe\n\nEXPERIENCE\nAcme Ltd - Data Scientist, 03/2021 – present\nForecasts shipped to the board.\n",
            False,
        ),
        # a rejected long match hides no shorter one beside the reject
        (
            "Jane Roe\n\nEXPERIENCE\nAcme Ltd - Data Scientist, 2020 - Present\n- Presented findings to the board.\n",
            True,
        ),
    ],
)
def test_communication_explained_reported_presented(text: str, read: bool, taxonomy: Taxonomy) -> None:
    matches = match_skills(read_text(text, today=TODAY), taxonomy)
    assert ("communication" in {m.skill_id for m in matches if m.strength != Strength.IMPLIED}) is read


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # a course or an event named with "Deep Learning" shows the course or the event, not neural networks
        ("Jane Roe\n\nCERTIFICATIONS\nfast.ai Practical Deep Learning (self-study), 2023\n", False),
        ("Jane Roe\n\nCERTIFICATIONS\nNVIDIA DLI Fundamentals of Deep Learning, 2022\n", False),
        ("Jane Roe\n\nCERTIFICATIONS\nIntroduction to TensorFlow for Deep Learning (online), 2021\n", False),
        ("Jane Roe\n\nCERTIFICATIONS\nJDLA Deep Learning for Engineer (E certificate), 2022\n", False),
        (EXPERIENCE + "- Volunteer at the Deep Learning Indaba 2023 and the Deep Learning Summit.\n", False),
        (EXPERIENCE + "- Deep learning for documents: layout models for invoices.\n", True),
        (EXPERIENCE + "- Applied deep learning to defect detection on the line.\n", True),
        (EXPERIENCE + "- Deep Learning with PyTorch for crop images.\n", True),
    ],
)
def test_deep_learning_in_a_title_is_the_title(text: str, read: bool, taxonomy: Taxonomy) -> None:
    matches = match_skills(read_text(text, today=TODAY), taxonomy)
    assert ("neural-networks" in {m.skill_id for m in matches if m.strength != Strength.IMPLIED}) is read


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # a model made small to run where it is used
        (EXPERIENCE + "- Leaf-rust segmentation quantised to run offline on low-end Android phones.\n", True),
        (EXPERIENCE + "- Converted the reports to run on the new server.\n", False),
        # a role sought, and what it is to hold, is an aim, not a record
        (
            "Jane Roe\n\nSUMMARY\nData scientist. Looking for an ML engineer role where the models go to production.\n",
            False,
        ),
        ("Jane Roe\n\nSUMMARY\nData scientist; my models go to production every month.\n", True),
    ],
)
def test_model_deployment_on_devices_and_not_in_an_aim(text: str, read: bool, taxonomy: Taxonomy) -> None:
    matches = match_skills(read_text(text, today=TODAY), taxonomy)
    assert ("model-deployment" in {m.skill_id for m in matches if m.strength != Strength.IMPLIED}) is read


@pytest.mark.parametrize(
    ("line", "read"),
    [
        # someone more junior helped, named as such; a thesis supervised; the same verbs in French, German, Spanish
        ("- Trained a junior data engineer who joined in 2023.", True),
        ("- Paired with the two junior engineers every Friday.", True),
        ("- Hired and coach the four squad leads.", True),
        ("- Talks at two conferences; supervised one master's thesis.", True),
        ("- J'accompagne deux data scientists juniors sur Git.", True),
        ("- Einarbeitung der Praktikanten im Team.", True),
        ("- Acompaño a los becarios del equipo de datos.", True),
        # code reviewed for juniors, a junior's own job, a thesis of one's own, a league, a partner
        ("- Code reviews for the two junior engineers on the team.", False),
        ("- Worked as a junior analyst on the pricing team.", False),
        ("- Master's thesis on graph models, supervised by Prof. Ito.", False),
        ("- Trained a classifier on junior-league match data.", False),
        ("- Reviewed by a junior partner of the firm.", False),
    ],
)
def test_mentoring_described(line: str, read: bool, taxonomy: Taxonomy) -> None:
    assert ("mentoring" in found(line, taxonomy)) is read


@pytest.mark.parametrize(
    ("line", "read"),
    [
        # the faults of records named as fixed, and sheets or pages tidied or cleaned
        ("- Entered parcel records and fixed duplicates in the customer spreadsheet.", True),
        ("- Tidy the monthly clinic visit sheets (missing dates, duplicated patients).", True),
        ("- Household survey weighting and imputation of missing incomes.", True),
        ("- Cleaned and relabelled 20,000 scanned pages after OCR.", True),
        ("- Fixed bugs in the billing service.", False),
        ("- Kept a tidy workshop and clean desks.", False),
        ("- Duplicated the dashboard for the second region.", False),
    ],
)
def test_data_cleaning_described(line: str, read: bool, taxonomy: Taxonomy) -> None:
    assert ("data-cleaning" in found(line, taxonomy)) is read


@pytest.mark.parametrize(
    ("line", "read"),
    [
        # an API named by what it answers is one built; using or calling someone else's is not
        ("- Packaged the inference API in Docker on Google Cloud Run.", True),
        ("- Wrote the scoring API that the checkout calls.", True),
        ("- Called the vendor's prediction API from the nightly job.", False),
        ("- Used the vendor prediction API for the pilot.", False),
        ("- Used the OpenAI embeddings API for search.", False),
    ],
)
def test_an_api_named_by_what_it_answers(line: str, read: bool, taxonomy: Taxonomy) -> None:
    assert ("api-development" in found(line, taxonomy)) is read


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # R after a tool named after a preposition ("in SAS and R"), also at a sentence's end before a new line's
        # capital; an initial before a name stays no skill
        (EXPERIENCE + "- Churn and segmentation models (logistic regression, k-means) in SAS and R.\n", True),
        (EXPERIENCE + "- Informes de ventas en Stata y R para la dirección.\n", True),
        (EXPERIENCE + "- Churn models in SAS and R.\nJunior Actuary, Assurances du Brabant\n", True),
        (EXPERIENCE + "- Churn models in Python and R. Built more later.\n", True),
        (EXPERIENCE + "- Churn models in R. Junior analysts used them.\n", True),
        (EXPERIENCE + "- Worked with R. Patel on pricing.\n", False),
        (EXPERIENCE + "- Worked in London and R. Smith joined later.\n", False),
        (EXPERIENCE + "- Thanks to J. Doe and R. Smith for the review.\n", False),
        (EXPERIENCE + "- Grew the team in Lisbon and R&D in Porto.\n", False),
        ("Jane Roe\n\nSKILLS\nReferees: R. Patel, J. Smith\n", False),
    ],
)
def test_r_after_a_tool_and_at_a_sentence_end(text: str, read: bool, taxonomy: Taxonomy) -> None:
    matches = match_skills(read_text(text, today=TODAY), taxonomy)
    assert ("r" in {m.skill_id for m in matches if m.strength != Strength.IMPLIED}) is read


@pytest.mark.parametrize(
    ("text", "skill_id", "read"),
    [
        # an aim: a role sought and what it is to hold, a plan to study, a next goal
        ("Jane Roe\n\nSUMMARY\nSeeking a role in MLOps where I can use Kubernetes and Airflow.\n", "kubernetes", False),
        (
            "Jane Roe\n\nSUMMARY\nSeeking a senior role where the Kubernetes platform is mine to build.\n",
            "kubernetes",
            False,
        ),
        ("Jane Roe\n\nOTHER\nAlso plan to study Docker next year.\n", "docker", False),
        ("Jane Roe\n\nOTHER\nNext goal: AWS Certified Machine Learning – Specialty.\n", "cert-aws-ml-specialty", False),
        # what other people are asked for: a recruiter's candidates, a job ad's roles
        (EXPERIENCE + "- Screened candidates for roles requiring Python, TensorFlow and AWS.\n", "tensorflow", False),
        (EXPERIENCE + "- Sourced applicants skilled in PyTorch and Kubernetes for two clients.\n", "pytorch", False),
        # one's own record beside such words stays
        (
            EXPERIENCE + "- Built the Kubernetes platform for roles requiring GPUs; hired two engineers.\n",
            "kubernetes",
            True,
        ),
        (EXPERIENCE + "- Ran Kubernetes in production; now seeking a role where I lead a team.\n", "kubernetes", True),
    ],
)
def test_aims_and_other_peoples_requirements_are_not_shown(
    text: str, skill_id: str, read: bool, taxonomy: Taxonomy
) -> None:
    matches = match_skills(read_text(text, today=TODAY), taxonomy)
    assert (skill_id in {m.skill_id for m in matches if m.strength != Strength.IMPLIED}) is read


@pytest.mark.parametrize(
    ("line", "skill_id", "read"),
    [
        # the model named first, then served by a service
        ("- Models are packaged with MLflow and served by a small Flask service on Kubernetes.", "model-serving", True),
        ("- The forecast is served from a small REST API I wrote in FastAPI.", "model-serving", True),
        ("- Intent models in Twi and Ewe; the models are served behind a gRPC API.", "model-serving", True),
        ("- Models of the supply chain; reports served from SharePoint to the planners.", "model-serving", False),
        # models moved from where they were made to where they run, or shipped as containers
        ("- Moved 14 models from a data scientist's laptop to SageMaker endpoints.", "model-deployment", True),
        ("- I move models from notebooks into scheduled jobs and small services.", "model-deployment", True),
        ("- Models ship as containers to an on-prem Kubernetes cluster.", "model-deployment", True),
        ("- Moved the model files from the old share to a new folder.", "model-deployment", False),
        ("- Took the models from the vendor and compared them in Excel.", "model-deployment", False),
    ],
)
def test_models_served_and_moved_to_production(line: str, skill_id: str, read: bool, taxonomy: Taxonomy) -> None:
    assert (skill_id in found(line, taxonomy)) is read


@pytest.mark.parametrize(
    ("line", "skill_id", "read"),
    [
        # skill names as German and Spanish resumes write them (translations.toml), and prompt templates
        ("- Feinabstimmung eines deutschsprachigen BERT-Modells mit LoRA.", "fine-tuning", True),
        ("- Ajuste fino de un modelo BERT para clasificar reclamos.", "fine-tuning", True),
        ("- Ajuste de precios semanal para las tiendas.", "fine-tuning", False),
        (
            "- Fachliche Führung von drei Engineers, Code-Reviews und Architekturentscheide.",
            "technical-leadership",
            True,
        ),
        ("- Prompt-Vorlagen versioniert und gegen annotierte Dokumente ausgewertet.", "prompt-engineering", True),
        ("- Plantillas de prompts versionadas en Git.", "prompt-engineering", True),
    ],
)
def test_names_in_german_and_spanish(line: str, skill_id: str, read: bool, taxonomy: Taxonomy) -> None:
    assert (skill_id in found(line, taxonomy)) is read
