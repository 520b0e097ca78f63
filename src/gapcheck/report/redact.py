"""Masking contact details (emails, phone numbers, URLs) in a report before it is printed.

Redaction works on the Report objects, not on rendered output, so JSON stays valid and numbers such as
coverages are never touched: every ``str`` field anywhere in the report goes through :func:`redact_text`.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, TypeVar

EMAIL_MASK = "[email]"
PHONE_MASK = "[phone]"
URL_MASK = "[url]"

_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_URL = re.compile(
    r"""(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>"'()\[\]]+"""
    r"""|\b(?:[a-z0-9-]+\.)*(?:linkedin\.com|github\.com|gitlab\.com|kaggle\.com|medium\.com|twitter\.com|x\.com"""
    r"""|huggingface\.co|bit\.ly)(?:/[^\s<>"'()\[\]]*)?""",
    re.IGNORECASE,
)
# A bare personal domain (janedoe.dev, jane.github.io/blog): lowercase, a common top-level domain.
_DOMAIN = re.compile(
    r"(?<![\w@.-])(?:[a-z0-9-]+\.)+(?:com|io|dev|me|org|net|ai|co|app|site|xyz|info|page)(?:/[^\s<>\"'()\[\]]*)?(?![\w-])"
)
# International (+CC ...) numbers, and North-American style 3-3-4 numbers with optional parentheses/separators.
_PHONE = re.compile(
    r"(?<![\w+])\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{1,4}(?:[\s.-]?\d{2,4}){2,4}(?!\w)"
    r"|(?<![\w(])(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?!\w)"
    r"|(?<![\w.])\d{10,11}(?![\w.])"
)

T = TypeVar("T")


def redact_text(text: str) -> str:
    """``text`` with emails, URLs and phone numbers masked."""
    text = _EMAIL.sub(EMAIL_MASK, text)
    text = _URL.sub(URL_MASK, text)
    text = _DOMAIN.sub(URL_MASK, text)
    return _PHONE.sub(PHONE_MASK, text)


def _redact_value(value: Any) -> Any:
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, tuple):
        return tuple(_redact_value(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return redact(value)
    return value


def redact(obj: T) -> T:
    """A copy of a (frozen) dataclass tree with every string field redacted."""
    if not dataclasses.is_dataclass(obj) or isinstance(obj, type):
        return obj
    changes = {f.name: _redact_value(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    return dataclasses.replace(obj, **changes)
