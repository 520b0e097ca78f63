"""spaCy Matcher token patterns in the taxonomy: checked, deep-frozen, and thawed for spaCy.

Loading the taxonomy must stay fast and must not import spaCy, so :func:`check_pattern` does a structural check
against what a blank English pipeline (``spacy.blank("en")``, no tagger or parser) can match on. The full check with
spaCy's own validator, ``Matcher(vocab, validate=True)``, is :func:`validate_with_spacy`; the matcher runs it once
when it builds, and the integrity tests run it on the shipped data.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from gapcheck.errors import TaxonomyError
from gapcheck.knowledge.fields import Entry, type_name
from gapcheck.knowledge.frozen import FrozenMap
from gapcheck.knowledge.model import TokenPattern

if TYPE_CHECKING:
    from gapcheck.knowledge.model import Taxonomy

# Token attributes a blank pipeline sets. POS, TAG, DEP, LEMMA, MORPH and ENT_* need trained components that
# gapcheck never loads: a pattern using them would silently never match, so they are refused.
STRING_ATTRS = frozenset({"ORTH", "TEXT", "LOWER", "NORM", "SHAPE", "PREFIX", "SUFFIX"})
INT_ATTRS = frozenset({"LENGTH"})
FLAG_ATTRS = frozenset(
    {
        "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE",
        "IS_STOP", "IS_BRACKET", "IS_QUOTE", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT", "IS_CURRENCY",
        "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL", "SPACY",
    }
)  # fmt: skip
UNAVAILABLE_ATTRS = frozenset(
    {
        "POS",
        "TAG",
        "DEP",
        "LEMMA",
        "MORPH",
        "ENT_TYPE",
        "ENT_IOB",
        "ENT_ID",
        "ENT_KB_ID",
        "SENT_START",
        "IS_SENT_START",
        "_",
    }
)
SET_PREDICATES = frozenset({"IN", "NOT_IN", "IS_SUBSET", "IS_SUPERSET", "INTERSECTS"})
COMPARE_PREDICATES = frozenset({"==", "!=", ">=", "<=", ">", "<"})
OP_FORM = re.compile(r"^(?:[!?+*]|\{\d+\}|\{\d*,\d*\})$")


def _check_string_value(entry: Entry, where: str, attr: str, value: object) -> None:
    if isinstance(value, str):
        if not value:
            entry.fail(f"{where}: {attr} is an empty string")
        return
    if not isinstance(value, dict) or not value:
        entry.fail(f"{where}: {attr} must be a string or a table of predicates, not {type_name(value)}")
    for predicate, operand in value.items():
        if predicate in SET_PREDICATES:
            if not isinstance(operand, list) or not operand or not all(isinstance(v, str) and v for v in operand):
                entry.fail(f"{where}: {attr}.{predicate} must be a non-empty list of strings")
        elif predicate == "REGEX":
            if not isinstance(operand, str):
                entry.fail(f"{where}: {attr}.REGEX must be a string")
            try:
                re.compile(operand)
            except re.error as exc:
                entry.fail(f"{where}: {attr}.REGEX is not a valid regular expression ({exc})")
        elif predicate == "FUZZY" or re.fullmatch(r"FUZZY[1-9]", predicate):
            if not isinstance(operand, str | dict):
                entry.fail(f"{where}: {attr}.{predicate} must be a string or a table")
        else:
            entry.fail(f"{where}: {attr} has unknown predicate {predicate!r}")


def _check_int_value(entry: Entry, where: str, attr: str, value: object) -> None:
    if isinstance(value, int) and not isinstance(value, bool):
        return
    if not isinstance(value, dict) or not value:
        entry.fail(f"{where}: {attr} must be an integer or a table of predicates, not {type_name(value)}")
    for predicate, operand in value.items():
        if predicate in COMPARE_PREDICATES:
            if isinstance(operand, bool) or not isinstance(operand, int):
                entry.fail(f"{where}: {attr}.{predicate} must be an integer")
        elif predicate in SET_PREDICATES:
            if not isinstance(operand, list) or not all(
                isinstance(v, int) and not isinstance(v, bool) for v in operand
            ):
                entry.fail(f"{where}: {attr}.{predicate} must be a list of integers")
        else:
            entry.fail(f"{where}: {attr} has unknown predicate {predicate!r}")


def check_pattern(entry: Entry, index: int, pattern: object, kind: str = "pattern") -> None:
    """Structural check of one token pattern (no spaCy import); fails naming the entry and the pattern number
    (``kind`` names the field in messages: "pattern 3", "reject pattern 2")."""
    where = f"{kind} {index}"
    if not isinstance(pattern, list) or not pattern:
        entry.fail(f"{where} must be a non-empty list of token tables")
    if all(isinstance(token, dict) and token.get("OP") in ("?", "*", "!") for token in pattern):
        entry.fail(f"{where} has only optional or negated tokens, so it could match nothing")
    for position, token in enumerate(pattern, start=1):
        token_where = f"{where}, token {position}"
        if not isinstance(token, dict):
            entry.fail(f"{token_where} must be a table, not {type_name(token)}")
        for attr, value in token.items():
            if attr == "OP":
                if not isinstance(value, str) or not OP_FORM.match(value):
                    entry.fail(f"{token_where}: OP {value!r} is not one of ! ? + * {{n}} {{n,m}}")
            elif attr in STRING_ATTRS:
                _check_string_value(entry, token_where, attr, value)
            elif attr in INT_ATTRS:
                _check_int_value(entry, token_where, attr, value)
            elif attr in FLAG_ATTRS:
                if not isinstance(value, bool):
                    entry.fail(f"{token_where}: {attr} must be true or false")
            elif attr in UNAVAILABLE_ATTRS:
                entry.fail(f"{token_where}: {attr} needs a trained spaCy component; gapcheck uses a blank pipeline")
            else:
                entry.fail(f"{token_where}: unknown token attribute {attr!r}")


def freeze(value: Any) -> Any:
    """Deep-freeze TOML data: tables become read-only mappings, lists become tuples."""
    if isinstance(value, dict):
        return FrozenMap({k: freeze(v) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return tuple(freeze(v) for v in value)
    return value


def freeze_pattern(pattern: Sequence[Mapping[str, Any]]) -> TokenPattern:
    return tuple(freeze(dict(token)) for token in pattern)


def thaw(value: Any) -> Any:
    """The inverse of :func:`freeze`: plain dicts and lists, as spaCy's Matcher wants them."""
    if isinstance(value, Mapping):
        return {k: thaw(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [thaw(v) for v in value]
    return value


def thaw_pattern(pattern: TokenPattern) -> list[dict[str, Any]]:
    """A frozen token pattern as a fresh ``list[dict]`` for ``Matcher.add``."""
    return [thaw(token) for token in pattern]


def validate_with_spacy(taxonomy: Taxonomy) -> None:
    """Add every skill's patterns and reject patterns to ``Matcher(validate=True)``; turn spaCy's complaint into a
    TaxonomyError.

    Imports spaCy (slow): call it where spaCy is loaded anyway, e.g. when the matcher is built.
    """
    from gapcheck.offline import import_spacy

    import_spacy()  # spaCy without spacy.cli: no socket
    import spacy
    from spacy.matcher import Matcher

    from gapcheck.knowledge.loader import origin_of

    matcher = Matcher(spacy.blank("en").vocab, validate=True)
    for skill in taxonomy.skills:
        for kind, patterns in (("pattern", skill.patterns), ("reject pattern", skill.rejects)):
            for index, pattern in enumerate(patterns, start=1):
                try:
                    matcher.add(f"{skill.id}#{kind}{index}", [thaw_pattern(pattern)])
                except (ValueError, KeyError, TypeError) as exc:
                    detail = " ".join(str(exc).split())[:200]
                    where = f"{origin_of(taxonomy, 'skill')}: skill {skill.id!r}: {kind} {index}"
                    raise TaxonomyError(f"{where} is not a valid spaCy token pattern: {detail}") from exc
