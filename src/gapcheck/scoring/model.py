"""What scoring produces: each level's coverage, the target, the citations and the learning plan (data only).

The report holds these types as they are (:mod:`gapcheck.report.model`); the kinds are enums until output.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from gapcheck.knowledge.model import Importance


class TargetKind(StrEnum):
    LEVEL = "level"  # a level of the taxonomy
    JOB = "job"  # a job posting's skills


class GapKind(StrEnum):
    MISSING = "missing"  # not found at all: learn it
    WEAK = "weak"  # found, but not demonstrated: show it


@dataclass(frozen=True)
class LevelScore:
    """How well the resume covers one level's (cumulative) expectations."""

    level: str
    name: str
    years_min: float
    years_max: float | None
    coverage: float  # weighted coverage of every expectation, in [0, 1]
    required_coverage: float  # the same over the required expectations alone
    met: bool  # required_coverage reaches the taxonomy's best_fit_required_coverage
    missing: tuple[str, ...]  # expected skill ids not found at all
    weak: tuple[str, ...]  # expected skill ids found, but below the met threshold


@dataclass(frozen=True)
class CategoryCoverage:
    """The target's weighted coverage within one skill category (the same sum as ``coverage``, over its skills)."""

    category: str
    coverage: float
    expected: int  # how many of the target's expectations are in the category


@dataclass(frozen=True)
class Target:
    """What the gaps are measured against: a level, or a job posting."""

    kind: TargetKind
    id: str  # the level id, or "job"
    name: str
    coverage: float
    required_coverage: float
    chosen: bool  # True when the user asked for it (--level/--job), False when it is the level after the best fit
    categories: tuple[CategoryCoverage, ...] = ()  # coverage by skill category, in the taxonomy's category order


@dataclass(frozen=True)
class GuideRef:
    """A citation: a guide (its key in the report's ``guides``) and a section heading in it."""

    source: str
    section: str


@dataclass(frozen=True)
class StageRef:
    id: str
    name: str
    order: int
    months_min: float
    months_max: float


@dataclass(frozen=True)
class CertificationRef:
    id: str
    name: str
    provider: str
    cost: str
    time: str


@dataclass(frozen=True)
class PlanStep:
    """The gaps of one roadmap stage, in roadmap order."""

    stage: StageRef | None  # None: skills the learning path does not place in a stage
    skills: tuple[str, ...]  # gap skill ids, by rank
    learn: tuple[str, ...]  # the missing ones (to learn)
    show: tuple[str, ...]  # the weak ones (to show)
    resources: tuple[str, ...]
    months_min: float  # estimate: the stage's duration times the share of its skills still to learn
    months_max: float
    names: tuple[str, ...] = ()  # display names, parallel to ``skills``


@dataclass(frozen=True)
class PlanTotal:
    months_min: float
    months_max: float


@dataclass(frozen=True)
class JobSkill:
    id: str
    name: str
    importance: Importance  # required or recommended


@dataclass(frozen=True)
class JobInfo:
    """A job posting used as the target."""

    name: str
    skills: tuple[JobSkill, ...]
    years_required: float | None = None  # "3+ years of experience", when the posting says so
    years_met: bool | None = None  # the resume's years reach it (None: either is unknown)
    alternatives: tuple[tuple[str, ...], ...] = ()  # groups of skill ids of which any one satisfies the group
