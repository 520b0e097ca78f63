"""A spaCy Matcher indexed on each pattern's first word.

spaCy's Matcher tries every pattern at every token, so its cost grows with (patterns x tokens): with a few hundred
paraphrase patterns a two-page resume takes a tenth of a second. Most patterns start with a fixed word or a set of
words ({"LOWER": {"IN": [...]}}); those are grouped by that word, and a group is run only on a short window starting
at each token that carries its word. Patterns whose first token is anything else (a regex, a flag) go to one plain
Matcher run over the whole document. The matches are the same as one Matcher with every pattern.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

Pattern = list[dict[str, Any]]


def _anchors(pattern: Pattern) -> list[tuple[str, str]] | None:
    """The (attribute, word) pairs the first token must equal, or None when it is not such a test."""
    if not pattern:
        return None
    first = pattern[0]
    if len(first) != 1:
        return None
    ((attr, value),) = first.items()
    if attr not in ("LOWER", "ORTH"):
        return None
    if isinstance(value, str):
        return [(attr, value if attr == "ORTH" else value.lower())]
    if isinstance(value, dict) and set(value) == {"IN"}:
        return [(attr, w if attr == "ORTH" else w.lower()) for w in value["IN"]]
    return None


def _max_length(pattern: Pattern) -> int | None:
    """The most tokens a pattern can span, None when unbounded ("+" or "*")."""
    total = 0
    for spec in pattern:
        op = spec.get("OP")
        if op in ("+", "*"):
            return None
        total += 1
    return total


class AnchoredMatcher:
    """Same interface as ``Matcher`` for what the skill matcher needs: ``add`` then call on a Doc."""

    def __init__(self, vocab: Vocab, validate: bool = True) -> None:
        self._vocab = vocab
        self._validate = validate
        self._groups: dict[tuple[str, str], Matcher] = {}
        self._window: dict[tuple[str, str], int] = {}
        self._rest = Matcher(vocab, validate=validate)
        self._rest_used = False

    def add(self, key: str, patterns: list[Pattern], on_error: Callable[[Exception], None] | None = None) -> None:
        # validate the whole set once, as given, so errors name the original pattern
        Matcher(self._vocab, validate=self._validate).add(key, patterns)
        for pattern in patterns:
            anchors = _anchors(pattern)
            length = _max_length(pattern)
            if anchors is None or length is None:
                self._rest.add(key, [pattern])
                self._rest_used = True
                continue
            for attr, word in anchors:
                group = (attr, word)
                matcher = self._groups.get(group)
                if matcher is None:
                    matcher = self._groups[group] = Matcher(self._vocab)
                matcher.add(key, [[{attr: word}, *pattern[1:]]])
                self._window[group] = max(self._window.get(group, 0), length)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        found: set[tuple[int, int, int]] = set()
        n = len(doc)
        for i, token in enumerate(doc):
            for group in (("LOWER", token.lower_), ("ORTH", token.text)):
                matcher = self._groups.get(group)
                if matcher is None:
                    continue
                window = doc[i : min(n, i + self._window[group])]
                for match_id, start, end in matcher(window):
                    if start == 0:
                        found.add((match_id, i, i + end))
        if self._rest_used:
            found.update(self._rest(doc))
        return sorted(found, key=lambda m: (m[1], m[2], m[0]))
