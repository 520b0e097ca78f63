"""The gap report as frozen dataclasses, and its JSON shape.

``Report.to_dict()`` is exactly what ``gapcheck --format json`` prints. The shape is versioned by
``SCHEMA_VERSION`` and described by ``report.schema.json`` (shipped in this package) and docs/report-schema.md.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, cast

from gapcheck.report.serialize import to_json

SCHEMA_VERSION = "2.1"

JSON = dict[str, Any]


@dataclass(frozen=True)
class TaxonomyInfo:
    role: str
    version: str


@dataclass(frozen=True)
class SectionInfo:
    kind: str
    heading: str


@dataclass(frozen=True)
class SourceInfo:
    name: str
    format: str
    pages: int | None
    characters: int
    sections: tuple[SectionInfo, ...]


@dataclass(frozen=True)
class PositionInfo:
    title: str
    start: str  # ISO date
    end: str  # ISO date ("Present" resolved to the reference date)
    current: bool
    kind: str  # "work", "internship" (half weight), "education", "break", "volunteer", "group" (not counted)
    months: float
    counted: bool = True  # False for entries the reader leaves out of the years
    evidence: tuple[str, ...] = ()  # the resume lines the entry was read from
    work: str = ""  # the kind of work its entry shows ("ml", "software", "other"; "" when not counted)


@dataclass(frozen=True)
class Experience:
    years: float | None
    years_stated: float | None
    level_by_years: str | None  # the level whose band holds the relevant years
    reference_date: str  # ISO date that "Present" means: when the resume was written
    positions: tuple[PositionInfo, ...]
    reference_source: str = "today"  # "given" (--today), "file" (its own date), "text" (dates in it), "today"
    relevant_years: float | None = None  # the years, each weighted by the kind of work it shows


@dataclass(frozen=True)
class CurrentInfo:
    """The one level the resume is at now, and the two signals it comes from."""

    level: str
    reason: str  # "no-ml", "years", "skills", "skills-only"
    by_skills: str | None  # the best fit by skills alone (null: below the first level's requirements)
    by_years: str | None  # the level of the relevant years alone (null: years unknown)
    years: float | None
    relevant_years: float | None
    ml_years: float  # years of work whose entry shows ML


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
class EvidenceInfo:
    section: str
    text: str
    matched: str
    method: str
    start: int
    end: int
    score: float
    hedged: bool
    implied_by: str | None


@dataclass(frozen=True)
class SkillInfo:
    """A taxonomy skill the resume shows."""

    id: str
    name: str
    category: str
    strength: str
    factor: float  # the taxonomy's strength factor for that strength
    years_used: float | None
    last_used: int | None
    evidence: tuple[EvidenceInfo, ...]


@dataclass(frozen=True)
class GuideInfo:
    """A career guide the taxonomy is built from: the report's ``guides`` list them once, citations by key."""

    key: str
    short: str  # how reports cite it
    title: str
    file: str


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
class NextStep:
    """What to do about a gap: learn it (missing) or show it (weak)."""

    action: str  # "learn" or "show"
    text: str  # one sentence, built from the taxonomy's learning path
    stage: StageRef | None
    resources: tuple[str, ...]
    certifications: tuple[CertificationRef, ...]
    learn_first: tuple[str, ...]  # prerequisite skill ids that are gaps too (ranked before this one)


@dataclass(frozen=True)
class Gap:
    """A skill the target expects that the resume lacks (missing) or claims without showing use (weak)."""

    rank: int  # 1 = do first
    id: str
    name: str
    category: str
    kind: str  # "missing" or "weak"
    strength: str | None  # the strength found, for a weak skill
    importance: str  # required / recommended / bonus
    weight: float
    priority: float  # the list is sorted by it, highest first
    since: str  # the level that first expects it ("job" for a job posting's skill)
    why: str
    sources: tuple[GuideRef, ...]
    next_step: NextStep
    emphasis: str | None = None  # "prerequisite" / "non-negotiable" when the guides single it out
    separates: bool = False  # expected (or raised) above the current level, up to the target
    first_for: tuple[str, ...] = ()  # gap ids it is ranked above, as their prerequisite
    alternatives: tuple[str, ...] = ()  # skill ids any of which would do instead
    stands_for: str | None = None  # the broad skill (umbrella) it stands in for


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

    def name_of(self, skill_id: str) -> str:
        for sid, name in zip(self.skills, self.names, strict=False):
            if sid == skill_id:
                return name
        return skill_id


@dataclass(frozen=True)
class PlanTotal:
    months_min: float
    months_max: float


@dataclass(frozen=True)
class JobSkill:
    id: str
    name: str
    importance: str  # "required" or "recommended"


@dataclass(frozen=True)
class JobInfo:
    """A job posting used as the target."""

    name: str
    skills: tuple[JobSkill, ...]
    years_required: float | None = None  # "3+ years of experience", when the posting says so
    years_met: bool | None = None  # the resume's years reach it (None: either is unknown)
    alternatives: tuple[tuple[str, ...], ...] = ()  # groups of skill ids of which any one satisfies the group


@dataclass(frozen=True)
class CategoryCoverage:
    """The target's weighted coverage within one skill category (the same sum as ``coverage``, over its skills)."""

    category: str
    coverage: float
    expected: int  # how many of the target's expectations are in the category


@dataclass(frozen=True)
class Target:
    """What the gaps are measured against: a level, or a job posting."""

    kind: str  # "level" or "job"
    id: str  # the level id, or "job"
    name: str
    coverage: float
    required_coverage: float
    chosen: bool  # True when the user asked for it (--level/--job), False when it is the level after the best fit
    categories: tuple[CategoryCoverage, ...] = ()  # coverage by skill category, in the taxonomy's category order


@dataclass(frozen=True)
class Report:
    """The whole gap report. ``to_dict()`` is what ``--format json`` prints."""

    schema_version: str
    gapcheck_version: str
    taxonomy: TaxonomyInfo
    source: SourceInfo
    experience: Experience
    best_fit_level: str | None  # the current level (skills and years together); null only without any level
    target_level: str
    target: Target
    assessment: str  # one line: where the resume stands (and whether skills and years disagree)
    levels: tuple[LevelScore, ...]
    skills: tuple[SkillInfo, ...]
    gaps: tuple[Gap, ...]
    plan: tuple[PlanStep, ...]
    plan_total: PlanTotal
    job: JobInfo | None
    warnings: tuple[str, ...]
    guides: tuple[GuideInfo, ...] = ()
    current: CurrentInfo | None = None
    level_by_skills: str | None = None  # the best fit by skills alone

    def to_dict(self) -> JSON:
        """The report as JSON data: every dataclass below, walked by one serializer (fields in declaration
        order, enums as their values)."""
        return cast(JSON, to_json(self))

    def to_html(self, top: int | None = 10) -> str:
        """The report as one self-contained HTML page (``--format html``): the first ``top`` gaps as cards."""
        from gapcheck.report.html_page import render_html

        return render_html(self.to_dict(), top=top)

    def level(self, level_id: str) -> LevelScore:
        for score in self.levels:
            if score.level == level_id:
                return score
        raise KeyError(level_id)

    def top(self, n: int | None) -> Report:
        """The same report with only the first ``n`` gaps (the plan is kept whole)."""
        if n is None or n >= len(self.gaps):
            return self
        return replace(self, gaps=self.gaps[: max(n, 0)])
