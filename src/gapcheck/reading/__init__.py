"""Reading resumes: PDF, DOCX, plain text and Markdown into clean sectioned text with a work history.

``read_resume`` and ``read_text`` are imported on first use, so that a child process that only extracts PDF
text (``reading.isolate``) does not load the section and history rules.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from gapcheck.reading.limits import DEFAULT_LIMITS, Limits
from gapcheck.reading.model import Position, PositionKind, Resume, Section, SectionKind

if TYPE_CHECKING:
    from gapcheck.reading.reader import read_resume, read_text


def __getattr__(name: str) -> Any:
    if name in ("read_resume", "read_text"):
        value = getattr(import_module("gapcheck.reading.reader"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'gapcheck.reading' has no attribute {name!r}")


__all__ = [
    "DEFAULT_LIMITS",
    "Limits",
    "Position",
    "PositionKind",
    "Resume",
    "Section",
    "SectionKind",
    "read_resume",
    "read_text",
]
