"""gapcheck: how far a resume is from each career level of a machine-learning engineer, and what to learn next.

The public API. Names are imported lazily so that ``gapcheck --help`` does not pay for loading spaCy, and
``__version__`` is looked up (importlib.metadata) on first use: a batch's readers start before that.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from gapcheck.errors import (
    CorruptDocumentError,
    EmptyDocumentError,
    EncryptedDocumentError,
    GapcheckError,
    InputError,
    MissingFileError,
    NotAFileError,
    NoTextLayerError,
    TaxonomyError,
    TooLargeError,
    UnknownLevelError,
    UnsafeDocumentError,
    UnsupportedFormatError,
    UsageError,
)

__version__: str  # set on first use by __getattr__


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("gapcheck")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
        return "0.0.0"

_LAZY: dict[str, str] = {
    "Analyzer": "gapcheck.analysis",
    "AnalysisFailure": "gapcheck.analysis",
    "JobTarget": "gapcheck.analysis",
    "Options": "gapcheck.analysis",
    "analyze": "gapcheck.analysis",
    "analyze_text": "gapcheck.analysis",
    "analyze_many": "gapcheck.analysis",
    "read_resume": "gapcheck.reading",
    "read_text": "gapcheck.reading",
    "load_taxonomy": "gapcheck.knowledge",
    "match_skills": "gapcheck.matching",
    "Report": "gapcheck.report.model",
    "Resume": "gapcheck.reading.model",
    "SkillMatch": "gapcheck.matching.model",
    "Taxonomy": "gapcheck.knowledge.model",
}

if TYPE_CHECKING:
    from gapcheck.analysis import AnalysisFailure, Analyzer, JobTarget, Options, analyze, analyze_many, analyze_text
    from gapcheck.knowledge import load_taxonomy
    from gapcheck.knowledge.model import Taxonomy
    from gapcheck.matching import match_skills
    from gapcheck.matching.model import SkillMatch
    from gapcheck.reading import read_resume, read_text
    from gapcheck.reading.model import Resume
    from gapcheck.report.model import Report


def __getattr__(name: str) -> Any:
    if name == "__version__":
        globals()[name] = value = _version()
        return value
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'gapcheck' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "AnalysisFailure",
    "Analyzer",
    "CorruptDocumentError",
    "EmptyDocumentError",
    "EncryptedDocumentError",
    "GapcheckError",
    "InputError",
    "JobTarget",
    "MissingFileError",
    "NoTextLayerError",
    "NotAFileError",
    "Options",
    "Report",
    "Resume",
    "SkillMatch",
    "Taxonomy",
    "TaxonomyError",
    "TooLargeError",
    "UnknownLevelError",
    "UnsafeDocumentError",
    "UnsupportedFormatError",
    "UsageError",
    "__version__",
    "analyze",
    "analyze_many",
    "analyze_text",
    "load_taxonomy",
    "match_skills",
    "read_resume",
    "read_text",
]
