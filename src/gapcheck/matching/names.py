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
from dataclasses import dataclass

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

_ADDRESS_CHUNK = re.compile(r"(?<!\S)[^\s.@:]*+[.@:]\S*")


@dataclass(frozen=True)
class NameSpan:
    start: int
    end: int
    kind: str  # "degree", "company", "job title", "web address"


def name_spans(text: str) -> list[NameSpan]:
    """The names of other things in ``text``, in text order."""
    spans: list[NameSpan] = []
    for m in _DEGREE.finditer(text):
        spans.append(NameSpan(m.start(), m.end(), "degree"))
    for (pattern, last_word), kind in zip(_LAST_WORDS, ("company", "job title"), strict=True):
        for start, end in _lines_holding(text, last_word):
            spans.extend(NameSpan(m.start(), m.end(), kind) for m in pattern.finditer(text, start, end))
    for chunk in _ADDRESS_CHUNK.finditer(text):  # an address lies within one run of non-spaces holding . @ or :
        spans.extend(NameSpan(m.start(), m.end(), "web address") for m in _WEB_ADDRESS.finditer(text, *chunk.span()))
    return sorted(spans, key=lambda s: (s.start, s.end))


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
