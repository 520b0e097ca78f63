"""Typed reading of one TOML entry, with errors that name the file and the entry.

Every check raises :class:`gapcheck.errors.TaxonomyError` with a one-line message of the form
``"<file>: <entry>: <problem>"``, e.g. ``"taxonomy/ml-engineer/skills.toml: skill 'pytorch': 'aliases' must be a
list of strings"``.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, NoReturn

from gapcheck.errors import TaxonomyError

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# letters that NFKD does not split into a base letter and a mark
_UNSPLIT = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "œ": "oe", "đ": "d"})


def normal_form(phrase: str) -> str:
    """How names, aliases and translations are compared for clashes: case-folded, spaces collapsed."""
    return " ".join(phrase.casefold().split())


def without_accents(text: str) -> str:
    """``text`` with its accents dropped ("regresión" -> "regresion", "uczenie maszynowe" unchanged)."""
    split = unicodedata.normalize("NFKD", text.translate(_UNSPLIT))
    return unicodedata.normalize("NFC", "".join(ch for ch in split if not unicodedata.combining(ch)))


def fail(file: str, entry: str, problem: str) -> NoReturn:
    where = f"{file}: {entry}: " if entry else f"{file}: "
    raise TaxonomyError(where + problem)


def type_name(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


class Entry:
    """One table of the data (a skill, a level, ...) being read; knows where it came from."""

    def __init__(self, data: object, file: str, label: str, kind: str = "") -> None:
        if not isinstance(data, dict):
            fail(file, label, f"must be a table, not {type_name(data)}")
        self.data: dict[str, Any] = data
        self.file = file
        self.label = label
        self.kind = kind  # for an entry of an array of tables ("skill", "scoring.profile"): what :meth:`named` says

    def named(self, key: str = "id") -> str:
        """The entry's slug ``key`` (its id), the entry labelled by it from now on (``skill 'pytorch'``)."""
        ident = self.slug(key)
        self.relabel(f"{self.kind} {ident!r}")
        return ident

    def entries(self, key: str, allowed: Iterable[str], *, required: bool = False) -> Iterator[Entry]:
        """The array of tables ``key`` below this entry (``[[scoring.profile]]``), an Entry each, labelled by its
        place (``scoring.profile #2``) until it is named, its keys checked against ``allowed``; one at a time, so
        each is checked after what is read of the ones before it."""
        kind = f"{self.label}.{key}"
        for n, raw in enumerate(self.tables(key, required=required), start=1):
            entry = Entry(raw, self.file, f"{kind} #{n}", kind)
            entry.only(allowed)
            yield entry

    def part(self, key: str, allowed: Iterable[str]) -> Entry:
        """The table ``key`` below this entry (``[scoring.experience]``) as an Entry labelled by its path
        (``scoring.experience``), its keys checked against ``allowed``."""
        entry = Entry(self.table(key), self.file, f"{self.label}.{key}")
        entry.only(allowed)
        return entry

    def fail(self, problem: str) -> NoReturn:
        fail(self.file, self.label, problem)

    def relabel(self, label: str) -> None:
        self.label = label

    def only(self, allowed: Iterable[str]) -> None:
        allowed_set = set(allowed)
        unknown = sorted(k for k in self.data if k not in allowed_set)
        if unknown:
            self.fail(f"unknown key {unknown[0]!r} (allowed: {', '.join(sorted(allowed_set))})")

    def has(self, key: str) -> bool:
        return key in self.data

    def _get(self, key: str, required: bool) -> Any:
        if key not in self.data:
            if required:
                self.fail(f"missing required key {key!r}")
            return None
        return self.data[key]

    def text(self, key: str, *, required: bool = True, default: str = "", allow_empty: bool = False) -> str:
        value = self._get(key, required)
        if value is None:
            return default
        if not isinstance(value, str):
            self.fail(f"{key!r} must be a string, not {type_name(value)}")
        if not allow_empty and not value.strip():
            self.fail(f"{key!r} must not be empty")
        return value

    def slug(self, key: str) -> str:
        value = self.text(key)
        if not SLUG.match(value):
            self.fail(f"{key!r} {value!r} is not a slug (lower-case letters, digits and single hyphens)")
        return value

    def flag(self, key: str, *, default: bool = False) -> bool:
        value = self._get(key, False)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.fail(f"{key!r} must be true or false, not {type_name(value)}")
        return value

    def number(self, key: str, *, required: bool = True, default: float | None = None) -> float | None:
        value = self._get(key, required)
        if value is None:
            return default
        return self.as_number(key, value)

    def as_number(self, what: str, value: object) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(f"{what!r} must be a number, not {type_name(value)}")
        number = float(value)
        if not math.isfinite(number):
            self.fail(f"{what!r} must be a finite number")
        return number

    def integer(self, key: str) -> int:
        value = self._get(key, True)
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(f"{key!r} must be an integer, not {type_name(value)}")
        return value

    def texts(self, key: str, *, required: bool = False, non_empty: bool = False) -> tuple[str, ...]:
        value = self._get(key, required)
        if value is None:
            value = []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(f"{key!r} must be a list of strings")
        for item in value:
            if not item.strip():
                self.fail(f"{key!r} holds an empty string")
            if item != item.strip():
                self.fail(f"{key!r} item {item!r} has leading or trailing spaces")
        if non_empty and not value:
            self.fail(f"{key!r} must not be empty")
        seen: set[str] = set()
        for item in value:
            if item in seen:
                self.fail(f"{key!r} lists {item!r} twice")
            seen.add(item)
        return tuple(value)

    def tables(self, key: str, *, required: bool = False) -> list[dict[str, Any]]:
        value = self._get(key, required)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.fail(f"{key!r} must be a list of tables")
        return value

    def table(self, key: str, *, required: bool = True) -> Mapping[str, Any]:
        value = self._get(key, required)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.fail(f"{key!r} must be a table, not {type_name(value)}")
        return value
