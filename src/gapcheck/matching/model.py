"""What the matcher produces: the taxonomy skills a resume shows, where, and how strongly."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from gapcheck.knowledge.model import Strength as Strength  # the taxonomy's vocabulary (its strength_factors)
from gapcheck.reading.model import SectionKind


class Method(StrEnum):
    EXACT = "exact"  # the skill's name
    ALIAS = "alias"  # one of its aliases / case-sensitive forms
    PATTERN = "pattern"  # a token pattern (a paraphrase)
    FUZZY = "fuzzy"  # character n-gram TF-IDF similarity to a name or alias
    IMPLIED = "implied"  # from another matched skill


@dataclass(frozen=True)
class Evidence:
    """One place a skill was seen."""

    section: SectionKind  # the section it was seen in
    text: str  # the line or sentence it was seen in (trimmed)
    start: int  # character offsets of the matched phrase in Resume.text
    end: int
    method: Method
    matched: str  # the phrase as written
    score: float = 1.0  # 1.0 for exact/alias/pattern; the similarity for fuzzy
    hedged: bool = False
    implied_by: str | None = None  # skill id, for method == IMPLIED


@dataclass(frozen=True)
class SkillMatch:
    skill_id: str
    name: str
    category: str
    strength: Strength
    evidence: tuple[Evidence, ...]  # the strongest place first, then in reading order
    years_used: float | None = None  # summed over the dated positions whose entries show it
    last_used: int | None = None  # the year of the latest such position's end
