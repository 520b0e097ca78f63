"""``translations``: skill names in other languages, checked at load, each under the skill it translates."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from gapcheck.errors import TaxonomyError
from gapcheck.knowledge import load_taxonomy
from gapcheck.knowledge.fields import without_accents
from gapcheck.knowledge.translations import MIN_ONE_WORD


def test_translations_load_with_their_language_and_their_forms_without_accents(
    base: dict[str, Any], write: Callable[[dict[str, Any]], Path]
) -> None:
    base["translations"] = {"dashboards": {"es": ["paneles de control"], "pl": ["tablice wskaźników"]}}
    skill = {s.id: s for s in load_taxonomy(write(base)).skills}["dashboards"]
    assert [(t.language, t.form) for t in skill.translations] == [
        ("es", "paneles de control"),
        ("pl", "tablice wskaźników"),
    ]
    assert skill.translated_forms == ("paneles de control", "tablice wskaźników", "tablice wskaznikow")


@pytest.mark.parametrize(
    ("translations", "message"),
    [
        ({"dashbords": {"es": ["paneles de control"]}}, r"translations 'dashbords': unknown skill"),
        ({"dashboards": {"spanish": ["paneles de control"]}}, r"'spanish' is not a two-letter language code"),
        ({"dashboards": {"es": ["panel"]}}, rf"one-word form 'panel' is shorter than {MIN_ONE_WORD} letters"),
        ({"dashboards": {"es": ["MySQL consultas", "mysql  CONSULTAS"]}}, r"is listed twice"),
        ({"dashboards": {"de": ["Tableau"]}}, r"de: 'Tableau' is already claimed by skill 'dashboards'"),
        ({"sql": {"de": ["tableau"]}}, r"translations 'sql': de: 'tableau' is already claimed by skill 'dashboards'"),
        ({"sql": {"es": ["consultas SQL"]}, "excel": {"pt": ["consultas SQL"]}}, r"already claimed by skill 'sql'"),
        ({"sql": {"es": "consultas SQL"}}, r"'es' must be a list of strings"),
        ({"sql": {"es": []}}, r"'es' must not be empty"),
    ],
)
def test_invalid_translations_name_the_file_and_the_skill(
    base: dict[str, Any], write: Callable[[dict[str, Any]], Path], translations: dict[str, Any], message: str
) -> None:
    base["translations"] = translations
    with pytest.raises(TaxonomyError, match=message) as raised:
        load_taxonomy(write(base))
    assert re.match(r"\S*translations\.toml: translations '[a-z-]+': ", str(raised.value))


def test_a_form_without_accents_that_another_skill_claims_is_refused(
    base: dict[str, Any], write: Callable[[dict[str, Any]], Path]
) -> None:
    base["translations"] = {"sql": {"fr": ["Tableáu"]}}
    with pytest.raises(TaxonomyError, match=r"'Tableau' is already claimed by skill 'dashboards'"):
        load_taxonomy(write(base))


@pytest.mark.parametrize(
    ("written", "plain"),
    [("regresión lineal", "regresion lineal"), ("Wahrscheinlichkeitsräume", "Wahrscheinlichkeitsraume"),
     ("sieć neuronowa", "siec neuronowa"), ("uczenie głębokie", "uczenie glebokie"), ("Straße", "Strasse")],
)  # fmt: skip
def test_without_accents(written: str, plain: str) -> None:
    assert without_accents(written) == plain
