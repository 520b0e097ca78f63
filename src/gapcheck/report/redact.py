"""Masking contact details (emails, phone numbers, URLs) in a report before it is printed.

Redaction works on the Report objects, not on rendered output, so JSON stays valid and numbers such as
coverages are never touched: every ``str`` field anywhere in the report goes through :func:`redact_text`.
"""

from __future__ import annotations

import dataclasses
import re
from enum import Enum
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


# Any other run of 10-15 digits with phone-like separators ("(+91) 98765 43210", "020 7946 0958").
_DIGIT_RUN = re.compile(r"(?<![\w.+/-])(?:\(\+?\d{1,3}\)[\s.-]?|\+)?\d[\d\s().-]{6,}\d(?![\w/-])")


def _phone_like(match: re.Match[str]) -> str:
    run = match.group(0)
    digits = sum(c.isdigit() for c in run)
    is_decimal = run.count(".") == 1 and not re.search(r"[\s()-]", run)
    groups = re.findall(r"\d+", run)
    dates_only = all(len(g) <= 2 or (len(g) == 4 and g[:2] in ("19", "20")) for g in groups)
    if 10 <= digits <= 15 and not is_decimal and not dates_only:
        return PHONE_MASK
    return run


def redact_text(text: str) -> str:
    """``text`` with emails, URLs and phone numbers masked."""
    text = _EMAIL.sub(EMAIL_MASK, text)
    text = _URL.sub(URL_MASK, text)
    text = _DOMAIN.sub(URL_MASK, text)
    text = _PHONE.sub(PHONE_MASK, text)
    return _DIGIT_RUN.sub(_phone_like, text)


def _redact_value(value: Any) -> Any:
    if isinstance(value, Enum):  # a kind, never resume text: kept as the enum it is
        return value
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
