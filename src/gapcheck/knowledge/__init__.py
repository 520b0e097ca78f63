"""The skill taxonomy: what a machine-learning engineer is expected to know at each career level.

``load_taxonomy()`` reads the TOML data in ``taxonomy/`` (shipped in the wheel as ``gapcheck/_taxonomy``), validates
it, and returns an immutable :class:`~gapcheck.knowledge.model.Taxonomy`.
"""

from __future__ import annotations

from gapcheck.knowledge.files import builtin_taxonomy_dir
from gapcheck.knowledge.loader import clear_cache, load_taxonomy
from gapcheck.knowledge.model import (
    Certification,
    Expectation,
    Importance,
    Level,
    ScoringRules,
    Skill,
    Source,
    SourceRef,
    Stage,
    Taxonomy,
    TokenPattern,
)
from gapcheck.knowledge.patterns import thaw_pattern, validate_with_spacy

__all__ = [
    "Certification",
    "Expectation",
    "Importance",
    "Level",
    "ScoringRules",
    "Skill",
    "Source",
    "SourceRef",
    "Stage",
    "Taxonomy",
    "TokenPattern",
    "builtin_taxonomy_dir",
    "clear_cache",
    "load_taxonomy",
    "thaw_pattern",
    "validate_with_spacy",
]
