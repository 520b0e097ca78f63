"""Skill matching: which taxonomy skills a resume shows, where, and how strongly.

``match_skills(resume, taxonomy)`` is the entry point; the matcher behind it is built once per taxonomy object
and reused (``matcher_for``).
"""

from __future__ import annotations

from gapcheck.knowledge.model import Taxonomy
from gapcheck.matching.aggregate import STRENGTH_ORDER, build_matches
from gapcheck.matching.matcher import Hit, SkillMatcher, matcher_for
from gapcheck.matching.model import Evidence, Method, SkillMatch, Strength
from gapcheck.reading.model import Resume


def match_skills(resume: Resume, taxonomy: Taxonomy) -> tuple[SkillMatch, ...]:
    """The skills of ``taxonomy`` that ``resume`` shows, strongest first, then by name."""
    matcher = matcher_for(taxonomy)
    return build_matches(resume, taxonomy, matcher.find(resume))


__all__ = [
    "STRENGTH_ORDER",
    "Evidence",
    "Hit",
    "Method",
    "SkillMatch",
    "SkillMatcher",
    "Strength",
    "match_skills",
    "matcher_for",
]
