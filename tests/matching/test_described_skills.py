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
