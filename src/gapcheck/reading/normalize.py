"""Cleaning extracted text so that words come out whole and one line holds one line of the page.

Applied to every format: zero-width characters and private-use icon glyphs removed, icon-font names that
came out as words (HOUSE-CHIMNEY, GITHUB-SQUARE) dropped, ligatures expanded, soft hyphens resolved, words
hyphenated across lines joined, and whitespace tidied (runs of spaces collapsed, at most one blank line).
Lone surrogates (which no encoder accepts, and which spaCy's string store refuses) become U+FFFD, and the
text caps of ``limits.bound_text`` apply first, so every step here and after is linear in the input.
"""

from __future__ import annotations

import re
import unicodedata

from gapcheck.reading import lexicon as lx
from gapcheck.reading.limits import DEFAULT_LIMITS, Limits, bound_text

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u180e\u2061\u2062\u2063\u2064"), None)
# Unicode's space separators (Zs) but the space itself and U+1680, Ogham's space mark (drawn as a stroke)
_SPACES = dict.fromkeys((0x00A0, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000), " ")
_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
    "\u2024": ".",
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
}
_LINE_BREAKS = {"\r\n": "\n", "\r": "\n", "\x0b": "\n", "\x0c": "\n", "\u2028": "\n", "\u2029": "\n", "\x85": "\n"}

_ICON_PARTS = frozenset(lx.ICON_NAME_PARTS)
_ICON_SINGLE = frozenset(lx.ICON_NAMES)
_ICON_HYPHENATED = re.compile(r"(?<![\w-])([A-Z]+(?:-[A-Z]+)+)(?![\w-])")
_ICON_SINGLE_RE = re.compile(r"(?<![\w-])(" + "|".join(sorted(_ICON_SINGLE)) + r")(?= +[\w@/(+.])")
# What every hyphenated icon name holds, a capital on each side of a hyphen (a quick test before the others; it opens
# with the hyphen, so the engine looks for hyphens at memchr speed instead of trying each character).
_UPPER_HYPHEN = re.compile(r"-(?<=[A-Z]-)(?=[A-Z])")
_ICON_SINGLE_ANY = re.compile("|".join(sorted(_ICON_SINGLE)))  # one of the single names anywhere, even in a word
_CONTACT_HINT = re.compile(r"@|https?:|www\.|\.com|\.io|\.org|\||\+?\d[\d ().-]{6,}")

_COMPOUND_TAILS = frozenset(lx.COMPOUND_TAILS)

_SOFT_BREAK = re.compile(r"\b([A-Za-z\u00c0-\u024f]{2,})[\u00ad\ufffe-]\n[ \t]*([a-z\u00df-\u024f]+)")
_INLINE_FFFE = re.compile(r"\ufffe")
_SPACE_RUN = re.compile(r" {2,}")
_ZERO_WIDTH_RE = re.compile("[" + "".join(map(chr, _ZERO_WIDTH)) + "]")
_SPACES_RE = re.compile("[" + "".join(map(chr, _SPACES)) + "]")
_BLANKS = re.compile(r"\n\n\n+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]")


def normalize_text(text: str, *, soft_hyphen_visible: bool = False, limits: Limits = DEFAULT_LIMITS) -> str:
    """Clean ``text``. ``soft_hyphen_visible``: U+00AD was drawn on the page (PDF text layers, where TeX fonts
    map their hyphen glyph to it), so inside a line it stands for "-"; elsewhere it is an invisible break hint."""
    special = _special_classes(text)
    if _SURROGATE in special:
        text = _SURROGATE.sub("\ufffd", text)
    for old, new in _LINE_BREAKS.items():
        text = text.replace(old, new)
    text = bound_text(text, limits)
    if _ZERO_WIDTH_RE in special:
        text = _ZERO_WIDTH_RE.sub("", text)
    if _SPACES_RE in special:
        text = _SPACES_RE.sub(" ", text)
    for old, new in _LIGATURES.items():
        text = text.replace(old, new)
    text = unicodedata.normalize("NFC", text)
    if _CONTROL in special:
        text = _CONTROL.sub("", text)
    if _PRIVATE_USE in special:
        text = _PRIVATE_USE.sub(" ", text)
    text = _strip_line_edges(text).strip(" \t")
    if "-\n" in text or "\u00ad\n" in text or "\ufffe\n" in text:  # a hyphen ends a line
        text = _SOFT_BREAK.sub(_join_hyphenated, text)
    # pdfium marks a line-end hyphen it has already joined with U+FFFE ("Con\ufffesul").
    text = _INLINE_FFFE.sub("", text)
    text = text.replace("\u00ad", "-" if soft_hyphen_visible else "")
    text = _drop_icon_words(text)
    text = text.replace("\t", " ")  # then a run of spaces and tabs is a run of spaces, cut to one
    if "  " in text:
        text = _SPACE_RUN.sub(" ", text)
    text = _strip_line_edges(text)
    if "\n\n\n" in text:
        text = _BLANKS.sub("\n\n", text)
    return text.strip("\n ")


# The characters the five patterns above remove or replace, all in one class: one scan of the text finds those it
# holds (a resume holds few, often none), and only the patterns of their classes run. No step between them makes
# such a character (line breaks become LF, ligatures ASCII letters, bound_text adds spaces and line breaks, NFC
# maps no other character onto one), so a class absent at the start stays absent.
_SPECIAL_PATTERNS = (_SURROGATE, _ZERO_WIDTH_RE, _SPACES_RE, _CONTROL, _PRIVATE_USE)
_SPECIAL = re.compile("[" + "".join(pattern.pattern[1:-1] for pattern in _SPECIAL_PATTERNS) + "]")  # each is one class


def _special_classes(text: str) -> set[re.Pattern[str]]:
    """Those of _SPECIAL_PATTERNS that match a character of ``text``."""
    found = set(_SPECIAL.findall(text))
    return {pattern for pattern in _SPECIAL_PATTERNS if any(map(pattern.match, found))}


def _strip_line_edges(text: str) -> str:
    """Spaces and tabs at either end of every line removed (a split, not a regex: a regex for this backtracks
    on a long run of spaces without a newline)."""
    if " \n" not in text and "\n " not in text and "\t" not in text:
        return text
    return "\n".join(line.strip(" \t") for line in text.split("\n"))


def _join_hyphenated(match: re.Match[str]) -> str:
    head, tail = match.group(1), match.group(2)
    hyphen = match.group(0)[len(head)]
    if hyphen == "-" and (tail in _COMPOUND_TAILS or (head[0].isupper() and head[1:].isupper())):
        return f"{head}-{tail}"
    return head + tail


def _drop_icon_words(text: str) -> str:
    if not _may_hold_icon_word(text):
        return text
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        if (
            _may_hold_icon_word(line)
            and (_ICON_HYPHENATED.search(line) or _ICON_SINGLE_RE.search(line))
            and (_CONTACT_HINT.search(line) or _ICON_HYPHENATED.search(line))
        ):
            line = _ICON_HYPHENATED.sub(_icon_or_word, line)
            line = _ICON_SINGLE_RE.sub("", line) if _CONTACT_HINT.search(line) else line
        out.append(line)
    return "\n".join(out)


def _may_hold_icon_word(text: str) -> bool:
    """What an icon's name needs (a capital, a hyphen, a capital; or one of the single names): the slower patterns
    run only where this is found."""
    return _UPPER_HYPHEN.search(text) is not None or _ICON_SINGLE_ANY.search(text) is not None


def _icon_or_word(match: re.Match[str]) -> str:
    word = match.group(1)
    parts = word.lower().split("-")
    return "" if all(part in _ICON_PARTS for part in parts) else word
