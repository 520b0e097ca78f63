"""Two skills written with one shared word: "linear/logistic regression", "regression (linear, logistic)",
"convolutional/recurrent neural networks", "model deployment and monitoring", "data cleaning, validation".

A term (a name or an alias) of two to four plain words is a modifier and a head ("linear" + "regression") and also a
stem and a tail ("model" + "monitoring"). Where terms of two or more skills share a head, a list of their modifiers
before the head names each of them ("linear and logistic regression" shows Linear regression, whose own term is not
written whole); so does the head followed by the list in brackets ("regression (linear/logistic)"). Where terms of two
or more skills share a stem, the stem followed by a list of their tails names each ("model deployment and
monitoring" shows Model monitoring). Only the words of the taxonomy's own terms are read, so the patterns made here
are as specific as the terms: "model training and planning" names nothing ("model training" is no term).

:func:`shared_word_patterns` makes these as token patterns, added to each skill's ``patterns`` at load. A tail that
takes its own object is no tail of the stem: in "data cleaning, validation of invoices" the invoices are validated,
not data; :func:`shared_word_rejects` makes those lists followed by "of" rejects of the tail's skill.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

# The words and signs that join the items of a list ("linear, ridge and logistic regression").
JOINERS = ("/", ",", "&", "and", "or")
OPEN = ("(", "[")
MAX_ITEMS_BETWEEN = 4  # list tokens between the first and the last item

Token = dict[str, Any]


def _words(term: str) -> tuple[str, ...] | None:
    """The lower-case words of a term of two to four plain words, else None ("A/B testing", "k-means" are not)."""
    words = tuple(term.lower().split())
    return words if 2 <= len(words) <= 4 and all(w.isalpha() for w in words) else None


def _with_plural(word: str) -> list[str]:
    return [word, word + "s"] if not word.endswith("s") else [word]


def _any(words: Iterable[str]) -> Token:
    return {"LOWER": {"IN": sorted(set(words))}}


Groups = dict[tuple[str, ...], dict[str, set[str]]]


def _groups(terms: dict[str, tuple[str, ...]]) -> tuple[Groups, Groups]:
    """Head words -> skill id -> its modifiers, and stem words -> skill id -> its tails."""
    heads: Groups = {}
    stems: Groups = {}
    for skill_id, skill_terms in terms.items():
        for term in skill_terms:
            words = _words(term)
            if words is None:
                continue
            heads.setdefault(words[1:], {}).setdefault(skill_id, set()).add(words[0])
            stems.setdefault(words[:-1], {}).setdefault(skill_id, set()).add(words[-1])
    return heads, stems


def _stem_lists(stems: Groups) -> Iterator[tuple[str, tuple[str, ...], list[Token]]]:
    """Each skill sharing a stem, the stem, and the pattern of the stem, another skill's tail, then a list ending in
    its own."""
    joiner = _any(JOINERS)
    for stem, by_skill in sorted(stems.items()):
        if len(by_skill) < 2:
            continue
        every = {t for tails in by_skill.values() for t in tails}
        every_forms = {f for t in every for f in _with_plural(t)}
        between = {"LOWER": {"IN": sorted(every_forms | set(JOINERS))}, "OP": f"{{0,{MAX_ITEMS_BETWEEN}}}"}
        for skill_id, tails in sorted(by_skill.items()):
            others = {f for t in every - tails for f in _with_plural(t)}
            own = {f for t in tails for f in _with_plural(t)}
            # "model deployment and monitoring", "data cleaning, validation"
            yield skill_id, stem, [*({"LOWER": w} for w in stem), _any(others), joiner, dict(between), _any(own)]


def shared_word_patterns(terms: dict[str, tuple[str, ...]]) -> dict[str, list[list[Token]]]:
    """Skill id -> the patterns of its terms written with a word shared with another skill's terms.

    ``terms``: skill id -> its names and aliases (case ignored)."""
    heads, stems = _groups(terms)
    out: dict[str, list[list[Token]]] = {}
    joiner = _any(JOINERS)
    for head, by_skill in sorted(heads.items()):
        if len(by_skill) < 2:
            continue
        every = {m for mods in by_skill.values() for m in mods}
        head_tokens = [*({"LOWER": w} for w in head[:-1]), _any(_with_plural(head[-1]))]
        between = {"LOWER": {"IN": sorted(every | set(JOINERS))}, "OP": f"{{0,{MAX_ITEMS_BETWEEN}}}"}
        for skill_id, mods in sorted(by_skill.items()):
            others = every - mods
            patterns = out.setdefault(skill_id, [])
            # "linear and logistic regression", "linear, ridge or lasso regression"
            patterns.append([_any(mods), joiner, dict(between), _any(others), *head_tokens])
            # "regression (linear/logistic)", "regression (logistic, linear)"
            patterns.append([*head_tokens, _any(OPEN), dict(between), _any(mods)])
    for skill_id, _, pattern in _stem_lists(stems):
        out.setdefault(skill_id, []).append(pattern)
    return out


def shared_word_rejects(
    terms: dict[str, tuple[str, ...]], implies: Mapping[str, Iterable[str]]
) -> dict[str, list[list[Token]]]:
    """Skill id -> rejects of its stem lists whose last tail takes an object of its own ("data cleaning, validation
    of invoices"), so the list names no skill of that tail; an object that is the stem again ("validation of data",
    "monitoring of model drift"), or a word of a skill the tail's skill implies or is implied by ("monitoring of
    drift": Data drift implies Model monitoring), keeps it.

    ``implies``: skill id -> the ids it implies."""
    _, stems = _groups(terms)
    related = _related_words(terms, implies)
    out: dict[str, list[list[Token]]] = {}
    for skill_id, stem, pattern in _stem_lists(stems):
        kept = {f for w in stem for f in _with_plural(w)} | related.get(skill_id, set())
        out.setdefault(skill_id, []).append([*pattern, {"LOWER": "of"}, {"LOWER": {"NOT_IN": sorted(kept)}}])
    return out


def _related_words(terms: dict[str, tuple[str, ...]], implies: Mapping[str, Iterable[str]]) -> dict[str, set[str]]:
    """Skill id -> the words (and plurals) of the terms of the skills it implies or that imply it."""
    words = {
        skill_id: {f for term in skill_terms for w in term.lower().split() if w.isalpha() for f in _with_plural(w)}
        for skill_id, skill_terms in terms.items()
    }
    out: dict[str, set[str]] = {}
    for skill_id, targets in implies.items():
        for target in targets:
            out.setdefault(skill_id, set()).update(words.get(target, set()))
            out.setdefault(target, set()).update(words.get(skill_id, set()))
    return out
