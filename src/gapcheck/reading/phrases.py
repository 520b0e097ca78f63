"""Regular expressions made from the lexicon's phrase lists: one builder for the reader's modules."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable


def alternation(phrases: Iterable[str], *, look_ahead: bool = False) -> str:
    """A regex alternation of ``phrases``, spaces matching any run of spaces; where several phrases match at one
    place, the longest is tried first.

    The phrases are grouped by their first letter (``j(?:anuary|une|an|...)|f(?:ebruary|eb)|...``), so that at each
    position the regex engine tries only the group whose letter stands there instead of every phrase (the date
    patterns, which look for a month name at every character of a line, run three times faster). Phrases whose
    first letters differ only in case share a group, so a case-insensitive pattern still tries them longest
    first. ``look_ahead``: the alternation opens with :func:`first_letters`."""
    unique = set(phrases)
    groups: dict[str, list[str]] = {}
    for phrase in sorted(unique, key=lambda phrase: (-len(phrase), phrase)):  # the same pattern in every process
        groups.setdefault(phrase.lstrip()[:1].casefold(), []).append(_phrase(phrase))
    body = "|".join(_group(members) for members in groups.values())
    return f"{first_letters(unique)}(?:{body})" if look_ahead else body


def first_letters(phrases: Iterable[str]) -> str:
    """A look-ahead for the characters ``phrases`` start with ("" when one is blank): the same matches, and a
    position that holds none of them fails at once, where the engine would try each group of a case-insensitive
    alternation in turn (its quick test for a branch's first character is for case-sensitive patterns only)."""
    unique = set(phrases)
    if not unique or not all(phrase.strip() for phrase in unique):
        return ""
    return "(?=[" + "".join(sorted({re.escape(phrase.lstrip()[0]) for phrase in unique})) + "])"


def word_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """Any of ``phrases`` as whole words (not inside a longer or hyphenated word), in any case. The first letters
    are tested before the characters behind them (zero-width both: the same matches)."""
    unique = set(phrases)
    return re.compile(rf"{first_letters(unique)}(?<![\w-])(?:{alternation(unique)})(?![\w-])", re.IGNORECASE)


def require_subset(part: Iterable[str], whole: Iterable[str], what: str) -> None:
    """Raise ValueError, naming ``what`` and the phrases at fault, when a phrase of ``part`` is not in ``whole``: a
    lexicon list whose words another list's pattern must read (checked when the pattern is built)."""
    missing = sorted(set(part) - set(whole))
    if missing:
        raise ValueError(f"lexicon: {what}: {', '.join(missing)}")


_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
_ACUTE = re.compile("[\u0301\u0341]")  # the tonos, as NFD writes it
_MARKS = re.compile("[\u0300-\u036f]")


def with_greek_capitals(phrases: Iterable[str]) -> list[str]:
    """``phrases`` (in lower case) and, for each one in Greek script, the forms capitals give it once lower-cased:
    capitals drop the accent ("ΣΗΜΕΡΑ" for "σήμερα") and may keep or drop the diaeresis ("ΜΑΪΟΥ", "ΜΑΙΟΥ" for
    "μαΐου"), or keep both marks ("ΜΑΪ́ΟΥ", whose lower case is not "μαΐου"). The other phrases come as they are,
    in their order."""
    out: list[str] = []
    for phrase in phrases:
        out.append(phrase)
        if _GREEK.search(phrase) is None:
            continue
        split = unicodedata.normalize("NFD", phrase)
        # capitals written with their accents: "ΐ" has no capital, so "ΜΑΪ́ΟΥ" lower-cases to "ϊ" and a separate tonos
        accented = unicodedata.normalize("NFC", phrase.upper()).lower()
        for form in (unicodedata.normalize("NFC", _ACUTE.sub("", split)), _MARKS.sub("", split), accented):
            if form not in out:
                out.append(form)
    return out


def _phrase(phrase: str) -> str:
    return r"\s+".join(re.escape(word) for word in phrase.split())


def _group(patterns: list[str]) -> str:
    """``patterns`` (escaped phrases, longest first) as one alternation, their common first character written once."""
    first = patterns[0][:1]
    if len(patterns) == 1 or not first.isalnum() or any(not p.startswith(first) for p in patterns):
        return "|".join(patterns)
    return first + "(?:" + "|".join(p[1:] for p in patterns) + ")"
