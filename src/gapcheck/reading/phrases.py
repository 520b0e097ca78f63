"""Regular expressions made from the lexicon's phrase lists: one builder for the reader's modules."""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of ``phrases``, spaces matching any run of spaces; where several phrases match at one
    place, the longest is tried first.

    The phrases are grouped by their first letter (``j(?:anuary|une|an|...)|f(?:ebruary|eb)|...``), so that at each
    position the regex engine tries only the group whose letter stands there instead of every phrase (the date
    patterns, which look for a month name at every character of a line, run three times faster). Phrases whose
    first letters differ only in case share a group, so a case-insensitive pattern still tries them longest
    first."""
    groups: dict[str, list[str]] = {}
    for phrase in sorted(set(phrases), key=len, reverse=True):
        groups.setdefault(phrase.lstrip()[:1].casefold(), []).append(_phrase(phrase))
    return "|".join(_group(members) for members in groups.values())


def word_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """Any of ``phrases`` as whole words (not inside a longer or hyphenated word), in any case."""
    return re.compile(rf"(?<![\w-])(?:{alternation(phrases)})(?![\w-])", re.IGNORECASE)


def _phrase(phrase: str) -> str:
    return r"\s+".join(re.escape(word) for word in phrase.split())


def _group(patterns: list[str]) -> str:
    """``patterns`` (escaped phrases, longest first) as one alternation, their common first character written once."""
    first = patterns[0][:1]
    if len(patterns) == 1 or not first.isalnum() or any(not p.startswith(first) for p in patterns):
        return "|".join(patterns)
    return first + "(?:" + "|".join(p[1:] for p in patterns) + ")"
