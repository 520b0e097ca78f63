"""Telling a usable PDF text layer from none (scans) and from garbage (fonts without a Unicode map)."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable

from gapcheck.reading.lexicon import COMMON_WORDS

_WORD = re.compile(r"[^\W\d_]+")
_ASCII_VOWELS = frozenset("aeiouyAEIOUY")


_BAD = frozenset(("Co", "Cn", "Cc", "Cs"))  # private use, unassigned, control, surrogate
_FEW = 64  # characters counted one by one (str.count: spaces, bad ones, digits in words) up to this; else a Counter
_COMMON = frozenset(COMMON_WORDS)
_MIN_TOKENS = 40  # below this a text is too short to judge
_NOT_LANGUAGE = 0.03  # real resumes: 12-45% of their words are common words; shifted garbage: ~0%
_REPAIRED = 0.08  # a shift that brings the share of common words up to this reads as language
_LETTERS_KEPT = 0.8  # ... and keeps this share of the letters as letters


class TextLayer:
    """What the tests of a text layer look at, counted once: its characters (visible ones, letters among them,
    and bad ones: replacement, control, private-use, unassigned or surrogate) and its words (runs of letters).
    The reader asks several tests of one text; each counts nothing again."""

    def __init__(self, text: str) -> None:
        self.words: list[str] = _WORD.findall(text)
        self.visible, self.letters, self.bad = _count(text, self.words)  # visible: other than white space (isspace)

    def is_garbage(self) -> bool:
        """The text layer does not decode to language: mostly symbols, control or replacement characters, or
        Latin 'words' without vowels (glyph ids mapped to arbitrary letters)."""
        visible = self.visible
        if visible < 40:
            return False
        if self.bad / visible > 0.2:
            return True
        if self.letters / visible < 0.35:
            return True
        latin = [w for w in self.words if len(w) >= 3 and w.isascii()]
        if len(latin) >= 20:
            vowelless = sum(1 for w in latin if _ASCII_VOWELS.isdisjoint(w))
            if vowelless / len(latin) > 0.25:
                return True
        return False

    def common_word_share(self) -> float | None:
        """See :func:`common_word_share`."""
        return _share(self.words, self.visible)

    def is_not_language(self) -> bool:
        """Words, but not words of a language: almost none of them is a common word; or, in a long text, hardly
        any words at all (letters shifted onto digits and symbols)."""
        share = self.common_word_share()
        if share is not None:
            return share < _NOT_LANGUAGE
        return self.visible >= 400 and self.letters < 0.35 * self.visible

    def runs_together(self) -> bool:
        """Words joined without spaces ("Responsibleforimplementing"), as pypdf gives on many XeTeX/LuaTeX files:
        more than 2% of the words are 20 letters or longer (real resumes measured: under 0.1%)."""
        if len(self.words) < 50:
            return False
        return sum(1 for t in self.words if len(t) >= 20) / len(self.words) > 0.02


_NOT_LATIN = re.compile("[^\x00-\x7f\u00c0-\u024f]")


def _count(text: str, words: list[str]) -> tuple[int, int, int]:
    """(visible, letters, bad) characters of ``text`` (see TextLayer), whose ``words`` (_WORD's runs) are found
    already. Every letter (str.isalpha) is in a word, so the letters are the words' characters less those in them
    that are not letters (the digits _WORD takes, "²", "½"); each distinct character is judged once, and only the
    white space, the bad ones and those digits, a handful in a resume, are counted, with str.count (a Counter over
    every character costs many times as much); a text with more of them is counted with a Counter."""
    spaces: list[str] = []
    bad: list[str] = []
    worded: list[str] = []  # characters of words that are no letters
    for char in set(text):
        if char.isalpha():
            continue
        if char.isspace():
            spaces.append(char)
        elif char == "\ufffd" or unicodedata.category(char) in _BAD:
            bad.append(char)
        elif _WORD.match(char):
            worded.append(char)
    count: Callable[[str], int] = text.count
    if len(spaces) + len(bad) + len(worded) > _FEW:
        count = Counter(text).__getitem__
    visible = len(text) - sum(map(count, spaces))
    return visible, sum(map(len, words)) - sum(map(count, worded)), sum(map(count, bad))


def page_is_blank(text: str) -> bool:
    """Fewer than a handful of visible characters: an image, or a page left empty."""
    return len("".join(text[:64].split())) < 8 and len("".join(text.split())) < 8


def common_word_share(text: str) -> float | None:
    """The share of the text's words that are among the commonest words of resume languages; None when the text
    is too short, or not mostly in Latin letters (other scripts are not judged)."""
    return _share(_WORD.findall(text), len("".join(text.split())))


def _share(words: list[str], visible: int) -> float | None:
    kept = [w for w in words if len(w) >= 2]  # single letters prove nothing
    if len(kept) < _MIN_TOKENS:
        return None
    # lowered in one call: a word holds no space, lowering makes none, and a word's sigma ends it either way
    tokens = " ".join(kept).lower().split(" ")
    letters = "".join(tokens)
    if len(letters) < 0.5 * visible:  # mostly symbols and digits: not a text of words
        return None
    latin = len(letters) if letters.isascii() else len(letters) - len(_NOT_LATIN.findall(letters))
    if latin < 0.9 * len(letters):
        return None
    return sum(map(_COMMON.__contains__, tokens)) / len(tokens)


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
    letters: int | None = None
    for shift in range(-96, 97):
        if shift == 0:
            continue
        moved = shift_text(sample, shift)
        share = common_word_share(moved)
        if share is None or share < _REPAIRED or (best is not None and share <= best[0]):
            continue
        # a font's letters moved by a constant land on letters again (upper and lower case swap ranges), and all
        # of them move: a shift that turns most letters into symbols, or leaves most characters where they are
        # (those it would move out of range), only finds common words by chance, in a language the list lacks
        if letters is None:
            letters = TextLayer(sample).letters
        moved_letters = TextLayer(moved).letters
        kept = sum(map(str.__eq__, sample, moved)) - sample.count(" ") - sample.count("\n")
        if moved_letters >= _LETTERS_KEPT * letters and kept <= (1 - _LETTERS_KEPT) * letters:
            best = (share, shift)
    return None if best is None else best[1]
