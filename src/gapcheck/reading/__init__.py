"""Reading resumes: PDF, DOCX, plain text and Markdown into clean sectioned text with a work history."""

from __future__ import annotations

from gapcheck.reading.limits import DEFAULT_LIMITS, Limits
from gapcheck.reading.model import Position, PositionKind, Resume, Section, SectionKind
from gapcheck.reading.reader import read_resume, read_text

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
