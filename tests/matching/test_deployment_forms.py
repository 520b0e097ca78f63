"""Model deployment, Responsible AI and Model evaluation forms. Model deployment shown by a model put into production
with the model named first, by where a model lives or which machines it reaches, by a model made small so it runs on
a device, by the platforms student projects deploy to, and by the Spanish, Portuguese, Dutch and Turkish forms;
Responsible AI by bias tests and probes and by a responsible-AI policy in Spanish and Portuguese; Model evaluation by
a forecast evaluated and out-of-sample testing; retrieval-augmented generation by answers drawn from retrieval and
retrieval named beside a language model. Each class beside look-alikes that must stay unread. Every sentence
is invented for the test; the real taxonomy and the real spaCy matcher are used."""

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
        # put into production, the model named first
        ("- A churn model, the second model the bank put into production.", True),
        ("- I take a model from a rough notebook all the way to production.", True),
        # where a model lives, the machines it reaches
        ("- All of our detection models live on the device itself.", True),
        ("- The classifier runs on 300 cameras in the warehouse.", True),
        ("- Models reach 2,500 vehicles through firmware updates.", True),
        # made small so it runs where it is used
        ("- Used quantization and pruning so they run on a Raspberry Pi.", True),
        # the platforms small projects are deployed to, and the course of that name
        ("- A Streamlit app deployed to Hugging Face Spaces.", True),
        ("- Coursera: Machine Learning Engineering for Production (MLOps) Specialization.", True),
        # other languages
        ("- Puesta en producción de los modelos de riesgo con el equipo de sistemas.", True),
        ("- 40 modelos de preço, churn e fraude em produção.", True),
        ("- Voorspelmodellen samen met de engineers in productie gebracht.", True),
        ("- 8 modelin Kubernetes üzerinde canlıya alınması.", True),
        # look-alikes: a model that reached a score, production planning, a model of a product, software shipped
        ("- The model reached 91% recall on the held-out weeks.", False),
        ("- Planned the production of new phone models for the factory.", False),
        ("- Moved the team from Jira to Linear.", False),
        ("- Firmware updates reach 4,000 vehicles over the air.", False),
        ("- Puesta en marcha del almacén de datos.", False),
        ("- Productieplanning en voorraadbeheer in Excel.", False),
    ],
)
def test_model_deployment_forms(line: str, read: bool, taxonomy: Taxonomy) -> None:
    assert ("model-deployment" in found(line, taxonomy)) is read


@pytest.mark.parametrize(
    ("line", "read"),
    [
        # bias tested or probed; a responsible-AI policy and bias reviews in Spanish and Portuguese
        ("- Explainability reports and bias tests by age and region before each release.", True),
        ("- Toxicity and bias probes for the Thai chat model.", True),
        ("- Wrote the política de IA responsable with the legal team.", True),
        ("- Criei a política de IA responsável do grupo.", True),
        ("- Revisión de sesgos antes de cada lanzamiento.", True),
        # look-alikes: the engineer in charge of something, a sensor's bias, a review of other things
        ("- Ingeniero de IA responsable de la plataforma de pagos.", False),
        ("- Calibrated the bias of the pressure sensor on the test bench.", False),
        ("- Revisión de los sistemas de pago del banco.", False),
    ],
)
def test_responsible_ai_forms(line: str, read: bool, taxonomy: Taxonomy) -> None:
    assert ("responsible-ai" in found(line, taxonomy)) is read


@pytest.mark.parametrize(
    ("line", "read"),
    [
        # a forecast evaluated, a model tested out of sample
        ("- Wrote a Python library for probabilistic forecast evaluation.", True),
        ("- Out-of-sample testing of every credit model before sign-off.", True),
        # look-alikes: a forecast made, a sample tested in a lab
        ("- Weekly sales forecast for the regional managers.", False),
        ("- Blood sample testing in the hospital laboratory.", False),
    ],
)
def test_model_evaluation_forms(line: str, read: bool, taxonomy: Taxonomy) -> None:
    assert ("model-evaluation" in found(line, taxonomy)) is read


@pytest.mark.parametrize(
    ("line", "read"),
    [
        # answers written from what was retrieved; retrieval done with a language model, or named after one
        ("- A support chatbot that answers from retrieved FAQ entries.", True),
        ("- Tried retrieval with an open LLM over the contract library.", True),
        ("- An internal assistant on a GPT-4-class model with retrieval over the policy wordings.", True),
        ("- A clinic chatbot built on GPT-3.5, using retrieval over the clinic's own pages.", True),
        # look-alikes: search without a language model, an answer not drawn from retrieval, an LLM in another clause
        ("- Image retrieval over 2 million product photos with CLIP embeddings.", False),
        ("- Answered from the on-call rota for customer escalations.", False),
        ("- Retrieval with BM25 and a cross-encoder re-ranker for site search.", False),
        ("- Evaluated LLM prompts. Built document retrieval over the archive.", False),
    ],
)
def test_retrieval_augmented_generation_forms(line: str, read: bool, taxonomy: Taxonomy) -> None:
    assert ("rag" in found(line, taxonomy)) is read
