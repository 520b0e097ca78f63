"""Helpers for the taxonomy tests: a small valid taxonomy as data, written to TOML files in a temp folder.

A module of its own, not the conftest: ``from conftest import ...`` gets whichever conftest pytest imported first
under that name, so running tests/knowledge beside tests/report failed on an import."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"

# Which file each top-level key goes to when a test taxonomy is written as a folder.
FILE_OF = {
    "role": "role.toml",
    "version": "role.toml",
    "source": "role.toml",
    "skill": "skills.toml",
    "translations": "translations.toml",
    "level": "levels.toml",
    "scoring": "levels.toml",
    "stage": "learning.toml",
    "certification": "learning.toml",
    "prerequisites": "learning.toml",
}


def toml_value(value: Any) -> str:
    """Inline TOML for the value types the taxonomy uses (no dates)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(type(value))


def toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key)


def toml_dumps(data: dict[str, Any]) -> str:
    return "".join(f"{toml_key(k)} = {toml_value(v)}\n" for k, v in data.items())


def ref(section: str = "Intro") -> dict[str, str]:
    return {"source": "s1", "section": section}


def base_taxonomy() -> dict[str, Any]:
    """A small, valid taxonomy for a made-up role, in the same format as the built-in one."""
    return {
        "role": "data-analyst",
        "version": "1.0.0",
        "source": [{"key": "s1", "title": "A guide", "file": "guide.txt"}],
        "skill": [
            {
                "id": "sql",
                "name": "SQL",
                "category": "data",
                "description": "Queries.",
                "aliases": ["MySQL"],
                "sources": [ref()],
            },
            {
                "id": "excel",
                "name": "Excel",
                "category": "tools",
                "description": "Sheets.",
                "aliases": [],
                "needs_context": True,
                "exact_forms": ["Excel"],
                "sources": [ref()],
            },
            {
                "id": "dashboards",
                "name": "Dashboards",
                "category": "tools",
                "description": "Charts.",
                "aliases": ["Tableau"],
                "implies": ["excel"],
                "sources": [ref()],
                "patterns": [[{"LOWER": {"IN": ["built", "build"]}}, {"LOWER": "dashboards"}]],
            },
        ],
        "level": [
            {
                "id": "entry",
                "name": "Entry",
                "years_min": 0,
                "years_max": 2,
                "summary": "Starts.",
                "sources": [ref()],
                "expects": [
                    {"skill": "sql", "importance": "required", "weight": 1.0, "sources": [ref()]},
                    {"skill": "excel", "importance": "bonus", "weight": 1.0, "sources": [ref()]},
                ],
            },
            {
                "id": "senior",
                "name": "Senior",
                "years_min": 2,
                "summary": "Leads.",
                "sources": [ref()],
                "expects": [
                    {"skill": "excel", "importance": "required", "weight": 2.0, "sources": [ref("Later")]},
                    {"skill": "dashboards", "importance": "recommended", "weight": 0.5, "sources": [ref()]},
                ],
            },
        ],
        "scoring": {
            "best_fit_required_coverage": 0.7,
            "met_threshold": 0.5,
            "strength_factors": {"demonstrated": 1.0, "listed": 0.7, "mentioned": 0.5, "hedged": 0.3, "implied": 0.4},
            "importance_weights": {"required": 3.0, "recommended": 1.5, "bonus": 0.5},
            "priority": {"importance": 1.0, "weight": 0.5, "guides": 0.1, "stage": 0.05},
        },
        "stage": [
            {
                "order": 1,
                "id": "basics",
                "name": "Basics",
                "months_min": 1,
                "months_max": 2,
                "covers": "Queries.",
                "resources": ["A book"],
                "skills": ["sql", "excel"],
                "sources": [ref()],
            },
            {
                "order": 2,
                "id": "reporting",
                "name": "Reporting",
                "months_min": 1,
                "months_max": 1,
                "covers": "Charts.",
                "resources": [],
                "skills": ["dashboards"],
                "sources": [ref()],
            },
        ],
        "certification": [
            {
                "id": "cert",
                "name": "A cert",
                "provider": "Someone",
                "cost": "$10",
                "time": "",
                "skills": ["sql"],
                "sources": [ref()],
            },
        ],
        "prerequisites": {"dashboards": ["sql", "excel"]},
    }


def write_taxonomy(folder: Path, data: dict[str, Any]) -> Path:
    """Write the data as a folder of TOML files (split as the built-in taxonomy is); return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, dict[str, Any]] = {}
    for key, value in data.items():
        files.setdefault(FILE_OF.get(key, "extra.toml"), {})[key] = value
    for name, content in files.items():
        (folder / name).write_text(toml_dumps(content), encoding="utf-8")
    return folder
