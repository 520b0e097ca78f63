"""The matcher's knowledge comes from the taxonomy it is given: another role inherits none of the ML engineer's
reject patterns or symbol words, and brings its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from gapcheck.knowledge import load_taxonomy
from gapcheck.knowledge.model import Taxonomy
from gapcheck.matching import Strength, match_skills, matcher_for
from gapcheck.reading import read_text

ROLE = """
role = "frontend-developer"
version = "0.1.0"
[[source]]
key = "s1"
title = "A guide"
file = "guide.txt"
"""

SKILLS = """
[[skill]]
id = "java"
name = "Java"
category = "programming"
description = "A language."
sources = [{ source = "s1", section = "Intro" }]

[[skill]]
id = "ui-ux"
name = "UI/UX design"
category = "design"
description = "Interfaces."
aliases = ["UI/UX"]
sources = [{ source = "s1", section = "Intro" }]

[[skill]]
id = "react"
name = "React"
category = "programming"
description = "A UI library."
rejects = [[{ LOWER = { IN = ["react", "reacted"] } }, { LOWER = "to" }]]
sources = [{ source = "s1", section = "Intro" }]
"""

LEVELS = """
[[level]]
id = "apprentice"
name = "Apprentice"
years_min = 0
summary = "Starts."
sources = [{ source = "s1", section = "Intro" }]
expects = [{ skill = "react", importance = "required", weight = 1.0, sources = [{ source = "s1", section = "Intro" }] }]

[scoring]
best_fit_required_coverage = 0.7
met_threshold = 0.5
strength_factors = { demonstrated = 1.0, listed = 0.7, mentioned = 0.5, hedged = 0.3, implied = 0.4 }
importance_weights = { required = 3.0, recommended = 1.5, bonus = 0.5 }
priority = { importance = 1.0, weight = 0.5, guides = 0.1, stage = 0.05 }
"""

TEXT = (
    "Jane Roe\n\nEXPERIENCE\nAcme - Developer, Jan 2019 - Jan 2022\n"
    "- Supported field teams in Surabaya, East Java, Indonesia.\n"
    "- Reacted to incidents within the hour.\n"
    "- Rebuilt the UI/UX of the booking flow.\n"
)


@pytest.fixture(scope="module")
def role(tmp_path_factory: pytest.TempPathFactory) -> Taxonomy:
    folder: Path = tmp_path_factory.mktemp("frontend")
    for name, text in (("role.toml", ROLE), ("skills.toml", SKILLS), ("levels.toml", LEVELS)):
        (folder / name).write_text(text, encoding="utf-8")
    return load_taxonomy(folder)


def found(text: str, taxonomy: Taxonomy) -> set[str]:
    return {m.skill_id for m in match_skills(read_text(text), taxonomy) if m.strength != Strength.IMPLIED}


def test_another_role_does_not_inherit_the_ml_engineer_rejects(role: Taxonomy) -> None:
    # "East Java" is a place to the ML-engineer taxonomy (its reject patterns); this role did not say so
    assert "java" not in found(TEXT, load_taxonomy())
    assert "java" in found(TEXT, role)


def test_another_role_brings_its_own_rejects(role: Taxonomy) -> None:
    assert "react" not in found(TEXT, role)
    assert "react" in found(TEXT + "- Rewrote the front end in React.\n", role)


def test_symbol_words_come_from_the_taxonomy(role: Taxonomy) -> None:
    assert [t.text for t in matcher_for(role).tokenizer("UI/UX, CI/CD")] == ["UI/UX", ",", "CI", "/", "CD"]
    ml = [t.text for t in matcher_for(load_taxonomy()).tokenizer("UI/UX, CI/CD")]
    assert ml == ["UI", "/", "UX", ",", "CI/CD"]
    assert "ui-ux" in found(TEXT, role)
