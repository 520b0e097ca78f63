"""Telling a usable PDF text layer from none (scans) and from garbage (fonts without a Unicode map)."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter

from gapcheck.reading.lexicon import COMMON_WORDS

_WORD = re.compile(r"[^\W\d_]+")
_VOWELS = frozenset("aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿœ")


def _visible(text: str) -> Counter[str]:
    """How often each character other than white space occurs (``str.split`` drops exactly what ``isspace``
    calls space): the character tests below then look at each distinct character once, not at every one."""
    return Counter("".join(text.split()))


def _letters(counts: Counter[str]) -> int:
    return sum(n for c, n in counts.items() if c.isalpha())


def page_is_blank(text: str) -> bool:
    """Fewer than a handful of visible characters: an image, or a page left empty."""
    return len("".join(text.split())) < 8


def text_is_garbage(text: str) -> bool:
    """True when the text layer does not decode to language: mostly symbols, control or replacement
    characters, or Latin 'words' without vowels (glyph ids mapped to arbitrary letters)."""
    counts = _visible(text)
    visible = counts.total()
    if visible < 40:
        return False
    bad = sum(n for c, n in counts.items() if c == "\ufffd" or unicodedata.category(c) in ("Co", "Cn", "Cc", "Cs"))
    if bad / visible > 0.2:
        return True
    if _letters(counts) / visible < 0.35:
        return True
    latin = [w.lower() for w in _WORD.findall(text) if len(w) >= 3 and w.isascii()]
    if len(latin) >= 20:
        vowelless = sum(1 for w in latin if _VOWELS.isdisjoint(w))
        if vowelless / len(latin) > 0.25:
            return True
    return False


def run_together(text: str) -> bool:
    """Words joined without spaces ("Responsibleforimplementing"), as pypdf gives on many XeTeX/LuaTeX files:
    more than 2% of the words are 20 letters or longer (real resumes measured: under 0.1%)."""
    tokens = _WORD.findall(text)
    if len(tokens) < 50:
        return False
    return sum(1 for t in tokens if len(t) >= 20) / len(tokens) > 0.02


_COMMON = frozenset(COMMON_WORDS)
_MIN_TOKENS = 40  # below this a text is too short to judge
_NOT_LANGUAGE = 0.03  # real resumes: 12-45% of their words are common words; shifted garbage: ~0%
_REPAIRED = 0.08  # a shift that brings the share of common words up to this reads as language


def common_word_share(text: str) -> float | None:
    """The share of the text's words that are among the commonest words of resume languages; None when the text
    is too short, or not mostly in Latin letters (other scripts are not judged)."""
    tokens = [w.lower() for w in _WORD.findall(text) if len(w) >= 2]  # single letters prove nothing
    if len(tokens) < _MIN_TOKENS:
        return None
    letters = Counter("".join(tokens))
    if letters.total() < 0.5 * len("".join(text.split())):  # mostly symbols and digits: not a text of words
        return None
    latin = sum(n for c, n in letters.items() if c.isascii() or "\u00c0" <= c <= "\u024f")
    if latin < 0.9 * letters.total():
        return None
    return sum(1 for w in tokens if w in _COMMON) / len(tokens)


def not_language(text: str) -> bool:
    """Words, but not words of a language: almost none of them is a common word; or, in a long text, hardly any
    words at all (letters shifted onto digits and symbols)."""
    share = common_word_share(text)
    if share is not None:
        return share < _NOT_LANGUAGE
    counts = _visible(text)
    return counts.total() >= 400 and _letters(counts) < 0.35 * counts.total()


_KEPT = frozenset(" \n\t\u00a0")
_PRINTABLE = (0x21, 0x24F)  # the code points a shifted character may land on


@functools.lru_cache(maxsize=256)
def _shift_table(shift: int) -> dict[int, int]:
    """str.translate's table for moving characters by ``shift`` code points (see shift_text)."""
    low, high = _PRINTABLE
    return {
        code: code + shift
        for code in range(max(0, low - shift), high - shift + 1)
        if chr(code) not in _KEPT
    }


def shift_text(text: str, shift: int) -> str:
    """Every character but spaces, tabs and newlines moved by ``shift`` code points (the control characters such
    fonts give for digits and punctuation included); characters that would leave the printable range are kept,
    and so is the CR of a CR LF (PDFium ends lines with CR LF)."""
    table = _shift_table(shift)
    return "\r\n".join(piece.translate(table) for piece in text.split("\r\n"))


def find_shift(text: str) -> int | None:
    """The one constant code shift that turns the text into language (fonts whose glyph codes are the letters'
    codes moved by a constant, e.g. "&EVDBUJPO" for "Education"), or None."""
    best: tuple[float, int] | None = None
    sample = text[:6000]
    for shift in range(-96, 97):
        if shift == 0:
            continue
        share = common_word_share(shift_text(sample, shift))
        if share is not None and share >= _REPAIRED and (best is None or share > best[0]):
            best = (share, shift)
    return None if best is None else best[1]
