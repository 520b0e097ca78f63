"""Compiling the phrase lists of :mod:`gapcheck.matching.english` into regular expressions (once, at import).

The syntax is described in :mod:`gapcheck.matching.english`: words joined by spaces, ``a|b`` alternatives, ``(w)``
an optional word, ``…`` up to two words, ``-`` a hyphen, space or nothing, ``'`` either apostrophe.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from gapcheck.reading.phrases import first_letters

_ANY_WORDS = "…"


def _word(word: str) -> str:
    alternatives = []
    for alternative in word.split("|"):
        out = []
        for ch in alternative:
            if ch == "-":
                out.append(r"[\s-]*")
            elif ch in "'’":
                out.append("['’]")
            else:
                out.append(re.escape(ch))
        alternatives.append("".join(out))
    return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"


def phrase_body(phrase: str) -> str:
    """The regular expression of one phrase, without word boundaries."""
    out = ""
    has_required = False
    for token in phrase.split():
        if token == _ANY_WORDS:
            out += r"(?:\s+\w+){0,2}?"
        elif token.startswith("(") and token.endswith(")"):
            word = _word(token[1:-1])
            # an optional word leans on the required word next to it: "(relevant) coursework", "not (yet) used"
            out += rf"(?:\s+{word})?" if has_required else rf"(?:{word}\s+)?"
        else:
            out += (r"\s+" if has_required else "") + _word(token)
            has_required = True
    return out


def phrase_regex(phrases: Iterable[str]) -> str:
    """One alternation of the phrases, as a group without word boundaries (the caller adds its anchors)."""
    return "(?:" + "|".join(phrase_body(p) for p in phrases) + ")"


def words_regex(phrases: Iterable[str]) -> str:
    """The alternation of the phrases as whole words: ``\\b(?:...)\\b``, led by a look-ahead for the letters a
    phrase can start with when each starts with a required word (the engine tries the alternation, at every word
    start, only where one stands)."""
    listed = list(phrases)
    return r"\b" + _first_letters(listed) + phrase_regex(listed) + r"\b"


def _first_letters(phrases: list[str]) -> str:
    """``(?=[...])`` of the characters the phrases can start with (the reader's builder,
    :func:`gapcheck.reading.phrases.first_letters`, given each first word's letters), or "" when one may start
    otherwise (an optional first word, "…", an apostrophe or hyphen first)."""
    letters: set[str] = set()
    for phrase in phrases:
        first = phrase.split()[0] if phrase.split() else ""
        if not first or first == _ANY_WORDS or first.startswith("("):
            return ""
        for alternative in first.split("|"):
            if not alternative or not alternative[0].isalnum():
                return ""
            letters.add(alternative[0])
    return first_letters(letters)
