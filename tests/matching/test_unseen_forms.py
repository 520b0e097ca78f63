"""Skill names as resumes in other languages write them (taxonomy/ml-engineer/translations.toml).

Every sentence here is invented for the test; the real taxonomy and the real spaCy matcher are used."""

from __future__ import annotations

from datetime import date

import pytest

from gapcheck.knowledge import load_taxonomy
from gapcheck.knowledge.model import Taxonomy
from gapcheck.matching import SkillMatch, Strength, match_skills
from gapcheck.reading import read_text

TODAY = date(2024, 6, 1)
EXPERIENCE = "Ana Ruiz\n\nEXPERIENCE\nNorte Datos - Data Scientist, Jan 2019 - Jan 2022\n"


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


def found(line: str, taxonomy: Taxonomy) -> dict[str, SkillMatch]:
    matches = match_skills(read_text(EXPERIENCE + line + "\n", today=TODAY), taxonomy)
    return {m.skill_id: m for m in matches if m.strength != Strength.IMPLIED}


# ------------------------------------------------------------------ skill names in other languages


@pytest.mark.parametrize(
    ("line", "skill_id"),
    [
        ("- Modelos de regresión lineal para estimar la demanda semanal.", "linear-regression"),
        ("- Curso de álgebra lineal y cálculo multivariable.", "linear-algebra"),
        ("- Análisis estadístico de encuestas a clientes.", "statistics"),
        ("- Proyectos de aprendizaje automático con Python.", "machine-learning"),
        ("- Predicción de ventas con series temporales.", "time-series"),
        ("- Entwicklung von Modellen für maschinelles Lernen im Vertrieb.", "machine-learning"),
        ("- Datenvisualisierung der Lagerbestände für das Management.", "data-visualization"),
        ("- Aufbau neuronaler Netze zur Bilderkennung.", "neural-networks"),
        ("- Prévision des séries temporelles de consommation électrique.", "time-series"),
        ("- Projet d'apprentissage automatique pour la détection de fraude.", "machine-learning"),
        ("- Régression logistique pour le score de crédit.", "logistic-regression"),
        ("- Aprendizado de máquina aplicado a crédito rural.", "machine-learning"),
        ("- Visualização de dados para a diretoria comercial.", "data-visualization"),
        ("- Apprendimento automatico per la manutenzione predittiva.", "machine-learning"),
        ("- Elaborazione del linguaggio naturale per i ticket di assistenza.", "nlp"),
        ("- Tijdreeksanalyse van sensordata voor onderhoud.", "time-series"),
        ("- Uczenie maszynowe w prognozowaniu popytu.", "machine-learning"),
        ("- Wizualizacja danych sprzedażowych dla zarządu.", "data-visualization"),
    ],
)
def test_a_skill_named_in_another_language_is_found(line: str, skill_id: str, taxonomy: Taxonomy) -> None:
    assert skill_id in found(line, taxonomy)


def test_a_translation_written_without_its_accents_is_found(taxonomy: Taxonomy) -> None:
    assert "statistics" in found("- Analisis estadistico de encuestas a clientes.", taxonomy)
    assert "linear-regression" in found("- Modelos de regresion lineal para la demanda.", taxonomy)


def test_every_translation_cites_a_skill_of_the_taxonomy_and_a_language(taxonomy: Taxonomy) -> None:
    translated = [s for s in taxonomy.skills if s.translations]
    assert len(translated) >= 20
    for skill in translated:
        assert all(len(t.language) == 2 and t.language.islower() for t in skill.translations)
        assert all(t.form in skill.translated_forms for t in skill.translations)


def test_a_translation_is_not_found_in_an_ordinary_sentence(taxonomy: Taxonomy) -> None:
    got = found("- Wrote the quarterly report on regional sales for the board.", taxonomy)
    assert not {"statistics", "machine-learning", "time-series", "data-visualization"} & set(got)


# ------------------------------------------------------------------ their negations and hedges


@pytest.mark.parametrize(
    ("line", "skill_id"),
    [
        ("- Sin experiencia en aprendizaje automático todavía.", "machine-learning"),
        ("- Keine Erfahrung mit neuronalen Netzen.", "neural-networks"),
        ("- Aucune expérience en séries temporelles.", "time-series"),
        ("- Sem experiência com visão computacional.", "computer-vision"),
        ("- Nessuna esperienza di reti neurali.", "neural-networks"),
        ("- Geen ervaring met tijdreeksanalyse.", "time-series"),
        ("- Brak doświadczenia w uczenie maszynowe.", "machine-learning"),
    ],
)
def test_a_translation_negated_in_its_language_is_not_found(line: str, skill_id: str, taxonomy: Taxonomy) -> None:
    assert skill_id not in found(line, taxonomy)


@pytest.mark.parametrize(
    ("line", "skill_id"),
    [
        ("- Conocimientos básicos de series temporales.", "time-series"),
        ("- Grundkenntnisse in Zeitreihenanalyse.", "time-series"),
        ("- Notions d'apprentissage automatique.", "machine-learning"),
        ("- Noções de visão computacional.", "computer-vision"),
        ("- Conoscenze di base di reti neurali.", "neural-networks"),
        ("- Podstawowa znajomość uczenie maszynowe.", "machine-learning"),
    ],
)
def test_a_translation_hedged_in_its_language_is_hedged(line: str, skill_id: str, taxonomy: Taxonomy) -> None:
    match = found(line, taxonomy)[skill_id]
    assert match.strength == Strength.HEDGED


def test_the_same_skill_without_a_cue_is_shown(taxonomy: Taxonomy) -> None:
    assert found("- Cinco años de experiencia en aprendizaje automático.", taxonomy)["machine-learning"].strength \
        == Strength.DEMONSTRATED
