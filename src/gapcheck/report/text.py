"""Small wordings shared by the Markdown and terminal renderers."""

from __future__ import annotations

import re

from gapcheck.knowledge.model import Strength
from gapcheck.report.names import LINE_JOINERS


def strength_rank(value: str | None) -> int:
    """Where a serialized strength sorts: :class:`Strength`'s order (strongest first), anything else last."""
    try:
        return Strength(value or "").rank
    except ValueError:
        return len(Strength)


def percent(value: float) -> str:
    return f"{value * 100:.0f}%"


def number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


_AS_OF_SOURCES = {
    "given": "as given",
    "file": "from the file's date",
    "text": "from the dates written in it",
    "today": "today: nothing says when it was written",
}


def as_of_text(reference_date: str, source: str) -> str:
    """When "Present" is: "as of 2016-10, from the file's date"."""
    return f"as of {reference_date[:7]}, {_AS_OF_SOURCES.get(source, source)}"


def years_band(years_min: float, years_max: float | None) -> str:
    return f"{number(years_min)}+" if years_max is None else f"{number(years_min)}-{number(years_max)}"


DEFAULT_TOP = 10  # gaps a report shows unless --top N or --all says otherwise (JSON keeps all of them)
EVIDENCE_WIDTH = 200  # characters of a resume sentence a report quotes around the matched words

_BULLET = re.compile(r"^(?:[•·▪◦●■□➢►\-*–—]+\s*)+")
_SENTENCE_END = (". ", "; ", "! ", "? ")


def _cut_at_words(text: str, at: int, length: int, width: int) -> str:
    """``text`` cut to about ``width`` characters around ``text[at:at + length]``, at word boundaries."""
    if len(text) <= width:
        return text
    room = max(width - length, 0)
    start = max(0, min(at - room // 2, len(text) - width))
    end = min(len(text), start + width)
    if start > 0 and not text[start - 1].isspace():
        space = text.find(" ", start, at)
        start = space + 1 if space >= 0 else start
    if end < len(text) and not text[end].isspace():
        space = text.rfind(" ", at + length, end)
        end = space if space >= 0 else end
    piece = text[start:end].strip(" ,;:")
    return ("…" if start > 0 else "") + piece + ("…" if end < len(text) else "")


def evidence_sentence(text: str, matched: str, width: int = 160) -> str:
    """The sentence of ``text`` that holds ``matched``, without a leading bullet, cut at word boundaries to
    about ``width`` characters around the match (with an ellipsis where cut)."""
    flat = _BULLET.sub("", " ".join(text.split()))
    at = flat.lower().find(matched.lower()) if matched else -1
    if at < 0:
        return _cut_at_words(flat, 0, 0, width)
    starts = [flat.rfind(sep, 0, at) for sep in _SENTENCE_END]
    start = max(starts)
    start = start + 2 if start >= 0 else 0
    ends = [i for i in (flat.find(sep, at + len(matched)) for sep in _SENTENCE_END) if i >= 0]
    end = min(ends) + 1 if ends else len(flat)
    sentence = flat[start:end].strip()
    if sentence.endswith(";"):
        sentence = sentence[:-1]
    local = sentence.lower().find(matched.lower())
    return _cut_at_words(sentence, max(local, 0), len(matched), width)


_ITEM_START = re.compile(r"[ \t]*(?:[•·▪◦●■□➢►*–—-]|\d{1,2}[.)])\s")
_JOINERS = frozenset(LINE_JOINERS)
_SCAN = 400  # characters looked at on each side of a match


def _joins(text: str, newline: int) -> bool:
    """Whether the line break at ``text[newline]`` only wraps a sentence (a PDF's line end), not ends an item.
    Reads only the characters next to it (a resume is scanned at every line break near each match)."""
    end = newline  # ``before``: the text up to the break, spaces and tabs at its end left out
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    after = newline + 1
    if not end or after >= len(text) or text[after] == "\n" or text[end - 1] == "\n" or _ITEM_START.match(text, after):
        return False
    last = text[end - 1]
    if last in ".!?:;":
        return False
    first = after
    while first < len(text) and text[first] in " \t":
        first += 1
    head = text[first : first + 1]
    if head.islower() or head.isdigit() or last in ",-/(&":
        return True
    word_end = end  # the last word before the break (other whitespace ends a word too)
    while word_end > 0 and text[word_end - 1].isspace():
        word_end -= 1
    word_start = word_end
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    return text[word_start:word_end].lower() in _JOINERS


# Where a sentence may start (a line break, or a space after a sentence end) and end (a line break, or a sentence
# end before a space or the end of the text); each found place is then judged as the scan would. The starts are
# looked for in the text read backwards (the nearest first, so the search stops at the first that holds), where a
# space after a sentence end is a space before one.
_LEFT_STOP_BACKWARDS = re.compile(r"\n|[ \t](?=[.!?])")
_RIGHT_STOP = re.compile(r"\n|[.!?](?=\s|\Z)")


def _wraps(text: str, newline: int, known: dict[int, bool] | None) -> bool:
    """:func:`_joins`, looked up in (and kept in) ``known``, the answers for ``text`` so far, when given."""
    if known is None:
        return _joins(text, newline)
    found = known.get(newline)
    if found is None:
        found = known[newline] = _joins(text, newline)
    return found


def sentence_around(
    text: str, start: int, end: int, width: int = EVIDENCE_WIDTH, *, breaks: dict[int, bool] | None = None
) -> str:
    """The sentence of ``text`` around ``text[start:end]`` (a matched phrase): wrapped lines joined, a leading
    bullet dropped, cut at word boundaries to about ``width`` characters around the match. ``breaks``: whether each
    line break of ``text`` met so far only wraps a sentence, kept between calls on the same text (a :class:`Quoter`
    passes its own)."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    low = max(0, start - _SCAN)
    left = low
    origin = max(low - 1, 0)  # one character more: a sentence end just before ``low`` lets a space at it count
    for m in _LEFT_STOP_BACKWARDS.finditer(text[origin:start][::-1]):
        at = start - 1 - m.start()
        if at < low:
            break
        starts = text[at + 1 : at + 2].isupper() if text[at] != "\n" else not _wraps(text, at, breaks)
        if starts:
            left = at + 1
            break
    high = min(len(text), end + _SCAN)
    right = high
    for m in _RIGHT_STOP.finditer(text, end):
        at = m.start()
        if at >= high:
            break
        if text[at] != "\n":
            right = at + 1
            break
        if not _wraps(text, at, breaks):
            right = at
            break
    before = " ".join(text[left:start].split())
    matched = " ".join(text[start:end].split())
    after = " ".join(text[end:right].split())
    before = _BULLET.sub("", before) if before else before
    gap = " " if before and matched and before[-1] not in "([/“\"'" and text[start - 1 : start].isspace() else ""
    sentence = before + gap + matched
    if after:
        sentence += after if not text[end : end + 1].isspace() else " " + after
    at = len(before) + len(gap)
    return _cut_at_words(sentence, at, len(matched), width)


def quote(
    text: str,
    line: str,
    matched: str,
    start: int,
    end: int,
    width: int = EVIDENCE_WIDTH,
    *,
    breaks: dict[int, bool] | None = None,
) -> str:
    """What a report quotes for a match: its sentence in the resume ``text`` (wrapped lines joined), or, when the
    offsets do not point at ``matched``, the sentence of the matched ``line``. ``breaks``: as for
    :func:`sentence_around`."""
    if " ".join(text[start:end].split()).lower() == " ".join(matched.split()).lower():
        return sentence_around(text, start, end, width, breaks=breaks)
    return evidence_sentence(line, matched, width)


class Quoter:
    """Quotes the matches of one resume ``text`` (:func:`quote`), deciding each of its line breaks once."""

    __slots__ = ("_breaks", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._breaks: dict[int, bool] = {}

    def __call__(self, line: str, matched: str, start: int, end: int, width: int = EVIDENCE_WIDTH) -> str:
        return quote(self.text, line, matched, start, end, width, breaks=self._breaks)
