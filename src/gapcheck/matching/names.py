"""Names of other things in a resume's text: a skill word inside one is no evidence of the skill.

A degree ("B.Tech in Electronics and Communication", "M.Sc. Statistics"), a company ("Northwind Communications
Inc."), a job title ("Communications Assistant") or a web address ("github.com/jroe/llm-reading-list") names
something else; the words in it say nothing of what the person can do. :func:`name_spans` finds them (character
offsets); the matcher drops a skill found inside one (a match that reaches a title's or a company's last word,
such as the job title "Team Lead" read as technical leadership, is the name itself and is kept). The words are
language data in :mod:`gapcheck.matching.english`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import cast

from gapcheck.matching import english
from gapcheck.matching.phrases import phrase_regex
from gapcheck.reading.phrases import alternation


def _exact(words: tuple[str, ...]) -> str:
    """Alternation of literal words, longest first, case as written (the reader's builder: one for literal phrases)."""
    return "(?:" + alternation(words) + ")"


_WORD = r"[A-Za-z][\w&'’.+/-]*"
_FIELD_END = (
    r"(?=\s*(?:[,;|()\[\]–—:]|\s-\s|$)|\s+(?:" + "|".join(english.DEGREE_FIELD_ENDS) + r")\b|\s+\d)"
)  # fmt: skip
_DEGREE = re.compile(
    r"(?<![\w.])(?:" + _exact(english.DEGREES) + r"(?:\s*,?\s*(?:in|of)\b)?"
    + r"|" + _exact(english.DEGREES_BEFORE_IN_OR_OF) + r"(?:\s+degree)?"
    + r"(?:\s+of\s+" + phrase_regex(english.DEGREE_KINDS) + r")?\s*(?:in|of|:)(?=\s))"
    + r"\s*(?:of\s+" + phrase_regex(english.DEGREE_KINDS) + r"\s*(?:,|in|of)?\s*)?"
    + r"(?P<field>" + _WORD + r"(?:\s+" + _WORD + r"){0,7}?)" + _FIELD_END,
    re.M,
)  # fmt: skip
# Where a degree can start: one of its first words. Alone, they make a pattern the regex engine scans for fast (it
# opens with a choice of letters); _DEGREE, opening with a look-behind, is tried at every character otherwise.
_DEGREE_START = re.compile(_exact((*english.DEGREES, *english.DEGREES_BEFORE_IN_OR_OF)))
_CAPITALISED = r"(?:[A-Z][\w&'’.+/-]*|&|and|of|for)"
_COMPANY = re.compile(
    r"\b[A-Z][\w&'’.+/-]*(?:[ \t]+" + _CAPITALISED + r"){0,4}[ \t]+,?[ \t]*" + _exact(english.COMPANY_SUFFIXES)
    + r"(?![\w])"
)  # fmt: skip
_JOB_TITLE = re.compile(
    r"\b[A-Z][\w&'’+/-]*(?:[ \t]+[A-Z][\w&'’+/-]*){0,3}[ \t]+" + _exact(english.JOB_TITLE_NOUNS) + r"\b"
)
# A company name or a job title lies within one line and ends with one of these words: the lines without one are
# not searched (the patterns try every capitalised word of the text otherwise).
_LAST_WORDS = (
    (_COMPANY, re.compile(_exact(english.COMPANY_SUFFIXES))),
    (_JOB_TITLE, re.compile(_exact(english.JOB_TITLE_NOUNS))),
)
_WEB_ADDRESS = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|dev|edu|gov|me|app|co|uk|de|ch|nl|in)(?:/\S*)?(?![\w.])"
    r"|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}/\S+"
    r"|\S+@[\w-]+(?:\.[\w-]+)+"
)

# Every web address or email holds one of these (a scheme, "www.", an "@", or a dot before a lower-case letter, as the
# top-level domains are written); an address lies within the run of non-spaces holding it.
_ADDRESS_MARK = re.compile(r"@|://|www\.|\.[a-z]")
_LAST_SPACE = re.compile(r"\s\S*\Z")  # searched up to an end position: the last space before it
_NON_SPACES = re.compile(r"\S*")


@dataclass(frozen=True)
class NameSpan:
    start: int
    end: int
    kind: str  # "degree", "company", "job title", "web address"


def name_spans(text: str) -> list[NameSpan]:
    """The names of other things in ``text``, in text order."""
    spans = [NameSpan(m.start(), m.end(), "degree") for m in _degrees(text)]
    for (pattern, last_word), kind in zip(_LAST_WORDS, ("company", "job title"), strict=True):
        for start, end in _lines_holding(text, last_word):
            spans.extend(NameSpan(m.start(), m.end(), kind) for m in pattern.finditer(text, start, end))
    for start, end in _address_chunks(text):
        spans.extend(NameSpan(m.start(), m.end(), "web address") for m in _WEB_ADDRESS.finditer(text, start, end))
    return sorted(spans, key=lambda s: (s.start, s.end))


def _degrees(text: str) -> Iterator[re.Match[str]]:
    """What ``_DEGREE.finditer(text)`` gives, tried only where a degree's word starts (found by a fast search)."""
    at = 0
    while (word := _DEGREE_START.search(text, at)) is not None:
        found = _DEGREE.match(text, word.start())
        if found is None:
            at = word.start() + 1
        else:
            yield found
            at = found.end()


def _address_chunks(text: str) -> Iterator[tuple[int, int]]:
    """The (start, end) offsets of each run of non-spaces of ``text`` that holds an _ADDRESS_MARK, in order."""
    end = 0
    while (mark := _ADDRESS_MARK.search(text, end)) is not None:
        space = _LAST_SPACE.search(text, end, mark.start())
        start = end if space is None else space.start() + 1
        end = cast(re.Match[str], _NON_SPACES.match(text, mark.start())).end()
        yield start, end


def _lines_holding(text: str, word: re.Pattern[str]) -> list[tuple[int, int]]:
    """The (start, end) offsets of each line of ``text`` where ``word`` is found, in order."""
    lines: list[tuple[int, int]] = []
    at = 0
    while (found := word.search(text, at)) is not None:
        start = text.rfind("\n", 0, found.start()) + 1
        end = text.find("\n", found.end())
        end = len(text) if end < 0 else end
        lines.append((start, end))
        at = end + 1
    return lines


def inside_a_name(spans: list[NameSpan], start: int, end: int) -> NameSpan | None:
    """The name that holds the phrase at [start, end) without being all of it (a web address: any overlap)."""
    for span in spans:
        if span.start >= end:
            break
        if span.kind == "web address":
            if start < span.end:
                return span
        # a degree's field is its last words ("M.Sc. Statistics"); a title or a company ends with its own word
        elif span.start <= start and end <= span.end and (
            (span.kind == "degree" and (start, end) != (span.start, span.end)) or end < span.end
        ):
            return span
    return None
