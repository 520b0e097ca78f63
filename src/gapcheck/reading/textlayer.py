"""Telling a usable PDF text layer from none (scans) and from garbage (fonts without a Unicode map)."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W\d_]+")
_VOWELS = frozenset("aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿœ")


def page_is_blank(text: str) -> bool:
    """Fewer than a handful of visible characters: an image, or a page left empty."""
    return sum(1 for c in text if not c.isspace()) < 8


def text_is_garbage(text: str) -> bool:
    """True when the text layer does not decode to language: mostly symbols, control or replacement
    characters, or Latin 'words' without vowels (glyph ids mapped to arbitrary letters)."""
    visible = [c for c in text if not c.isspace()]
    if len(visible) < 40:
        return False
    bad = sum(1 for c in visible if c == "\ufffd" or unicodedata.category(c) in ("Co", "Cn", "Cc", "Cs"))
    if bad / len(visible) > 0.2:
        return True
    letters = sum(1 for c in visible if c.isalpha())
    if letters / len(visible) < 0.35:
        return True
    latin = [w.lower() for w in _WORD.findall(text) if len(w) >= 3 and w.isascii()]
    if len(latin) >= 20:
        vowelless = sum(1 for w in latin if not (set(w) & _VOWELS))
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
