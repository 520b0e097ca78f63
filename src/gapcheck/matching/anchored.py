"""A spaCy Matcher indexed on each pattern's first word.

spaCy's Matcher tries every pattern at every token, so its cost grows with (patterns x tokens): with a few hundred
paraphrase patterns a two-page resume takes a tenth of a second. Most patterns start with a fixed word or a set of
words ({"LOWER": {"IN": [...]}}); those are grouped by that word, and a group is run only on a short window starting
at each token that carries its word (the first fixed token of the pattern, or a later fixed one when the first
is a very common word). Patterns whose first token is anything else (a regex, a flag) go to one plain
Matcher run over the whole document. The matches are the same as one Matcher with every pattern.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.attrs import LOWER, ORTH
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from gapcheck.matching import english

Pattern = list[dict[str, Any]]


# Words too common to anchor on when the pattern offers a rarer fixed token.
_COMMON = frozenset(english.COMMON_WORDS)


def _token_words(spec: dict[str, Any]) -> list[tuple[str, str]] | None:
    """The (attribute, word) pairs a token spec must equal, or None when it is not such a test."""
    if len(spec) != 1:
        return None
    ((attr, value),) = spec.items()
    if attr not in ("LOWER", "ORTH"):
        return None
    if isinstance(value, str):
        return [(attr, value if attr == "ORTH" else value.lower())]
    if isinstance(value, dict) and set(value) == {"IN"}:
        return [(attr, w if attr == "ORTH" else w.lower()) for w in value["IN"]]
    return None


def _anchors(pattern: Pattern) -> tuple[int, list[tuple[str, str]]] | None:
    """The token to index a pattern on: its position and the (attribute, word) pairs it must equal.

    Only tokens with a fixed offset qualify (every token before it is mandatory), so a match can be looked for in a
    window starting that many tokens earlier. The first qualifying token is used unless a later one avoids very
    common words ("the go-to", "in Java"). None: no token qualifies (the pattern runs on the whole document)."""
    best: tuple[int, list[tuple[str, str]]] | None = None
    for k, spec in enumerate(pattern):
        if "OP" in spec:
            break
        words = _token_words(spec)
        if words is None:
            continue
        if best is None:
            best = (k, words)
        if not any(w.lower() in _COMMON for _, w in words):
            return (k, words)
    return best


def _max_length(pattern: Pattern) -> int | None:
    """The most tokens a pattern can span, None when unbounded ("+", "*", "{n,}")."""
    total = 0
    for spec in pattern:
        op = spec.get("OP")
        if op in ("+", "*"):
            return None
        if isinstance(op, str) and op.startswith("{"):
            bounds = op[1:-1].split(",")
            if bounds[-1] == "":
                return None
            total += int(bounds[-1])
            continue
        total += 1
    return total


def token_keys(doc: Doc) -> list[list[int]]:
    """Each token's (LOWER, ORTH) hashes, read once for all the anchored matchers run on one Doc."""
    return doc.to_array([LOWER, ORTH]).tolist() if len(doc) else []


class AnchoredMatcher:
    """Same interface as ``Matcher`` for what the skill matcher needs: ``add`` then call on a Doc."""

    def __init__(self, vocab: Vocab, validate: bool = True) -> None:
        self._vocab = vocab
        self._validate = validate
        # keyed by (attribute, hash of the word), as doc.to_array gives them: no Token objects at match time
        self._groups: dict[tuple[int, int, int], Matcher] = {}  # (attribute, word hash, offset) -> matcher
        self._window: dict[tuple[int, int, int], int] = {}
        self._offsets: dict[tuple[int, int], list[int]] = {}  # (attribute, word hash) -> offsets indexed on it
        # per group, each pattern's other fixed tokens: (position, 0 = LOWER / 1 = ORTH, word hashes); a window is
        # handed to the group's Matcher only when some pattern's fixed tokens are all there
        self._checks: dict[tuple[int, int, int], list[list[tuple[int, int, frozenset[int]]]]] = {}
        self._rest = Matcher(vocab, validate=False)  # (spaCy validates by default) validated in add, as one set
        self._rest_used = False

    def add(self, key: str, patterns: list[Pattern], on_error: Callable[[Exception], None] | None = None) -> None:
        # validate the whole set once, as given, so errors name the original pattern
        if self._validate:
            Matcher(self._vocab, validate=True).add(key, patterns)
        for pattern in patterns:
            anchored = _anchors(pattern)
            length = _max_length(pattern)
            if anchored is None or length is None:
                self._rest.add(key, [pattern])
                self._rest_used = True
                continue
            k, anchors = anchored
            for attr, word in anchors:
                word_key = (LOWER if attr == "LOWER" else ORTH, self._vocab.strings.add(word))
                group = (*word_key, k)
                matcher = self._groups.get(group)
                if matcher is None:
                    matcher = self._groups[group] = Matcher(self._vocab, validate=False)
                    self._offsets.setdefault(word_key, []).append(k)
                matcher.add(key, [[*pattern[:k], {attr: word}, *pattern[k + 1 :]]])
                self._window[group] = max(self._window.get(group, 0), length)
                self._checks.setdefault(group, []).append(self._fixed_tokens(pattern, k))

    def _fixed_tokens(self, pattern: Pattern, anchor: int) -> list[tuple[int, int, frozenset[int]]]:
        """The tokens before the first operator, other than the anchor, that must equal given words."""
        checks = []
        for pos, spec in enumerate(pattern):
            if "OP" in spec:
                break
            words = _token_words(spec)
            if pos == anchor or words is None or len({attr for attr, _ in words}) != 1:
                continue
            column = 0 if words[0][0] == "LOWER" else 1
            checks.append((pos, column, frozenset(self._vocab.strings.add(w) for _, w in words)))
        return checks

    def __call__(self, doc: Doc, values: list[list[int]] | None = None) -> list[tuple[int, int, int]]:
        """The matches in ``doc``; ``values``: its (LOWER, ORTH) per token, when already read (:func:`token_keys`)."""
        found: set[tuple[int, int, int]] = set()
        n = len(doc)
        if values is None:
            values = token_keys(doc)
        for i, (lower, orth) in enumerate(values):
            for word_key in ((LOWER, lower), (ORTH, orth)):
                for k in self._offsets.get(word_key, ()):
                    first = i - k
                    if first < 0:
                        continue
                    group = (*word_key, k)
                    if not any(
                        all(first + pos < n and values[first + pos][col] in words for pos, col, words in pattern)
                        for pattern in self._checks[group]
                    ):
                        continue
                    window = doc[first : min(n, first + self._window[group])]
                    for match_id, start, end in self._groups[group](window):
                        if start == 0:
                            found.add((match_id, first, first + end))
        if self._rest_used:
            found.update(self._rest(doc))
        return sorted(found, key=lambda m: (m[1], m[2], m[0]))
