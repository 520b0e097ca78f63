"""The gap report as frozen dataclasses, and its JSON shape.

The report holds the earlier stages' own types (a skill is the matcher's :class:`SkillMatch` with its
:class:`Evidence`, the current level is scoring's :class:`CurrentLevel`, the levels, target and plan are
:mod:`gapcheck.scoring.model`'s), with their enums until output. ``Report.to_dict()`` is one serializer walking
them (:mod:`gapcheck.report.serialize`) and exactly what ``gapcheck --format json`` prints; the Markdown, terminal
and HTML renderers read that. The shape is versioned by ``SCHEMA_VERSION`` and described by ``report.schema.json``
(shipped in this package) and docs/report-schema.md.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from gapcheck.report.serialize import to_json

if TYPE_CHECKING:  # annotations only: rendering a saved report loads neither the matcher nor scoring
    from gapcheck.knowledge.model import Importance, Source, Strength
    from gapcheck.matching.model import SkillMatch
    from gapcheck.reading.model import DateSource, PositionKind, SectionKind
    from gapcheck.scoring.level import CurrentLevel
    from gapcheck.scoring.model import (
        CertificationRef,
        GapKind,
        GuideRef,
        JobInfo,
        LevelScore,
        PlanStep,
        PlanTotal,
        StageRef,
        Target,
    )

SCHEMA_VERSION = "3.2"

JSON = dict[str, Any]



@dataclass(frozen=True)
class TaxonomyInfo:
    role: str
    version: str


@dataclass(frozen=True)
class SectionInfo:
    """A section of the resume: its kind and its heading as written (the reader's Section without its text)."""

    kind: SectionKind
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
    """A dated position as the report shows it: the reader's Position (its offsets left out) and, from scoring, the
    kind of work its entry shows."""

    title: str
    start: date
    end: date  # "Present" resolved to the reference date
    current: bool
    kind: PositionKind  # work, internship (half weight); education, break, volunteer, group: not counted
    months: float
    counted: bool = True  # False for entries the reader leaves out of the years
    evidence: tuple[str, ...] = ()  # the resume lines the entry was read from
    work: str = ""  # the kind of work its entry shows ("ml", "software", "other"; "" when not counted)


@dataclass(frozen=True)
class Experience:
    years: float | None
    years_stated: float | None
    reference_date: date  # what "Present" means: when the resume was written
    positions: tuple[PositionInfo, ...]
    reference_source: DateSource  # where reference_date came from


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
    kind: GapKind
    strength: Strength | None  # the strength found, for a weak skill
    importance: Importance
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
class Report:
    """The whole gap report. ``to_dict()`` is what ``--format json`` prints."""

    schema_version: str
    gapcheck_version: str
    taxonomy: TaxonomyInfo
    source: SourceInfo
    experience: Experience
    current: CurrentLevel  # the one level the resume is at, and the two signals it comes from
    target_level: str
    target: Target
    assessment: str  # one line: where the resume stands (and whether skills and years disagree)
    levels: tuple[LevelScore, ...]
    skills: tuple[SkillMatch, ...]  # strongest first; each with its first few places (MAX_EVIDENCE)
    gaps: tuple[Gap, ...]
    plan: tuple[PlanStep, ...]
    plan_total: PlanTotal
    job: JobInfo | None
    warnings: tuple[str, ...]
    guides: tuple[Source, ...] = ()  # the taxonomy's guides, once: citations name them by key

    @property
    def best_fit_level(self) -> str:
        """The current level (``current.level``): from the skills shown and the relevant years together."""
        return self.current.level

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
