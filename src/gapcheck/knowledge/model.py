"""The taxonomy as immutable objects: skills, levels and their expectations, the learning path, sources.

Built once from the TOML files in ``taxonomy/`` by :func:`gapcheck.knowledge.loader.load_taxonomy`.
Everything is a frozen dataclass or a tuple, so one loaded taxonomy can be shared and cached.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from gapcheck.errors import UnknownLevelError
from gapcheck.knowledge.fields import normal_form, without_accents
from gapcheck.knowledge.index import TaxonomyIndex, build_index
from gapcheck.ranked import RankedEnum


class Importance(RankedEnum):
    """How much a level expects a skill, most important first (``rank`` 0 = required)."""

    REQUIRED = "required"
    RECOMMENDED = "recommended"
    BONUS = "bonus"


class Strength(RankedEnum):
    """How strongly a skill is shown, strongest first (``rank`` 0 = demonstrated)."""

    DEMONSTRATED = "demonstrated"  # used in an experience or project entry
    LISTED = "listed"  # in a skills section only
    MENTIONED = "mentioned"  # summary, coursework, education, elsewhere
    HEDGED = "hedged"  # "familiar with", "basic", "exposure to", "currently learning"
    IMPLIED = "implied"  # not written; follows from another skill by the taxonomy's implies links


@dataclass(frozen=True)
class Source:
    """One career guide the taxonomy is built from."""

    key: str  # short key, e.g. "g002"
    title: str
    file: str  # file name in shared/guides/
    short: str = ""  # a few words that tell the guides apart in citations (default: the title)


@dataclass(frozen=True)
class SourceRef:
    """A citation: which guide, which section heading."""

    source: str  # Source.key
    section: str


@dataclass(frozen=True)
class Phrase:
    """One paraphrase of a skill in the phrase syntax of :mod:`gapcheck.knowledge.phrases`, with where its wording
    comes from: a guide's section, or (source ``annotation-guide``) the labelling rules, quoted in ``section``."""

    text: str
    cited: SourceRef


@dataclass(frozen=True)
class Translation:
    """A skill's name as resumes in another language write it (``translations.toml``): matched like an alias."""

    language: str  # ISO 639-1 code: "es", "de", ...
    form: str  # as written in that language, accents and all ("regresión lineal")


# A spaCy Matcher token pattern, deep-frozen: a tuple of token specs, each a read-only mapping.
TokenPattern = tuple[Mapping[str, Any], ...]


@dataclass(frozen=True)
class Skill:
    id: str  # slug, e.g. "scikit-learn"
    name: str  # display name, e.g. "scikit-learn"
    category: str
    description: str  # our own short words
    aliases: tuple[str, ...]  # matched case-insensitively as phrases
    sources: tuple[SourceRef, ...]
    exact_forms: tuple[str, ...] = ()  # matched case-sensitively only (e.g. "R", "Go", "C")
    needs_context: bool = False  # ambiguous in ordinary English: accept only in a skills context
    patterns: tuple[TokenPattern, ...] = ()  # token patterns for paraphrases
    rejects: tuple[TokenPattern, ...] = ()  # token patterns of ordinary-English uses: a match inside one is dropped
    phrases: tuple[Phrase, ...] = ()  # paraphrases with provenance; their compiled patterns are in ``patterns``
    implies: tuple[str, ...] = ()  # skill ids this one shows (XGBoost -> gradient-boosting)
    translations: tuple[Translation, ...] = ()  # its name in other languages (with provenance: language, form)
    requires: tuple[str, ...] = ()  # skill ids to learn first (docker before kubernetes)
    stage: str | None = None  # learning-path stage id that teaches it

    @property
    def translated_forms(self) -> tuple[str, ...]:
        """What the matcher reads as aliases: each translated form, and it without accents (once each)."""
        forms: dict[str, str] = {}
        for translation in self.translations:
            for variant in (translation.form, without_accents(translation.form)):
                forms.setdefault(normal_form(variant), variant)
        return tuple(forms.values())


@dataclass(frozen=True)
class Expectation:
    skill_id: str
    importance: Importance
    weight: float
    sources: tuple[SourceRef, ...]
    introduced_at: str  # the level id where this expectation first appears
    raised_at: str = ""  # the level id that last stated it (raising its importance or weight); "" for a job's


@dataclass(frozen=True)
class Level:
    id: str  # entry, junior, mid, senior, lead
    name: str
    order: int  # 0 for the first level
    years_min: float
    years_max: float | None  # None: open-ended
    summary: str
    expectations: tuple[Expectation, ...]  # cumulative: includes every lower level's, raised where restated
    sources: tuple[SourceRef, ...]

    def expectation(self, skill_id: str) -> Expectation | None:
        for exp in self.expectations:
            if exp.skill_id == skill_id:
                return exp
        return None


@dataclass(frozen=True)
class Stage:
    """A roadmap stage of the learning path (guide 001's step-by-step roadmap and the others')."""

    id: str
    order: int
    name: str
    months_min: float
    months_max: float
    covers: str
    resources: tuple[str, ...]
    skills: tuple[str, ...]
    sources: tuple[SourceRef, ...]
    # (resource, the skills it serves) for a resource that serves only some skills; any other serves the stage
    resource_skills: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def resources_for(self, skill_id: str) -> tuple[str, ...]:
        """The stage's resources that serve ``skill_id``: those for it, and those for the whole stage."""
        served = dict(self.resource_skills)
        return tuple(r for r in self.resources if skill_id in served.get(r, (skill_id,)))


@dataclass(frozen=True)
class Certification:
    id: str
    name: str
    provider: str
    cost: str  # as the guides state it ("$300", "$49/mo")
    time: str  # "3-4 months"
    skills: tuple[str, ...]
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True)
class WorkKind:
    """A kind of work a dated position can show, and how much a year of it counts towards the levels' bands."""

    id: str  # "ml", "software"
    credit: float  # a year of this work counts this many years (in [0, 1])
    categories: tuple[str, ...]  # skill categories whose skills, seen in the position's entry, show this work
    skills: tuple[str, ...]  # further skill ids that show it
    titles: tuple[str, ...]  # words of a job title that show it (whole words, any case)
    sources: tuple[SourceRef, ...]
    min_skills: int = 1  # distinct skills of the kind an entry must show (without a title word)
    not_titles: tuple[str, ...] = ()  # words of a job title that keep a position out of this kind whatever its
    # entry shows, unless the title also holds one of ``titles`` ("Data Analyst" is a stepping stone to ML work)


@dataclass(frozen=True)
class Rung:
    """A rung of the ML engineer's title ladder: a title holding one of ``titles`` (in work of the first kind)
    places a resume at least at ``level`` once its years in such positions reach ``years``."""

    level: str
    years: float
    titles: tuple[str, ...]  # words of a job title that name the rung (whole words, any case)
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True)
class ExperienceRules:
    """Relevant years: each month of professional work counts by the first kind it shows (else ``other_credit``)."""

    kinds: tuple[WorkKind, ...]  # in precedence order
    other_credit: float
    sources: tuple[SourceRef, ...]
    above_skills: int = 1  # how many levels above the best fit by skills the years may place a resume
    in_work_level: str | None = None  # the least level of a resume whose current job is of the first kind, once its
    # professional years reach that level's years_min (None: no such floor)
    rungs: tuple[Rung, ...] = ()  # the title ladder, lowest level first (empty: titles place no one)
    ladder_not_titles: tuple[str, ...] = ()  # title words that keep a position off the ladder (data science)
    work_shown_levels: tuple[str, ...] = ()  # levels the years reach only by ML years or the level's work shown
    undated_above: int | None = None  # stated years with no dated position place a resume at most this many levels
    # above its placement by skills alone (as without years); None: no such cap


@dataclass(frozen=True)
class Emphasis:
    """Skills the guides single out (prerequisites, non-negotiables): their gaps rank first, by ``boost``."""

    id: str
    name: str  # how a report names the emphasis ("a prerequisite")
    boost: float  # added to the priority base (times the ``emphasis`` priority weight)
    skills: tuple[str, ...]
    sources: tuple[SourceRef, ...]
    below: str | None = None  # a level id: the emphasis holds while the current level is below it (None: always)
    since: str | None = None  # a level id (``from`` in the data): it holds once the current level reaches it
    only_first: bool = False  # only the first listed skill the resume lacks takes the boost (one gap stands for all)
    unless: tuple[str, ...] = ()  # skill ids: the emphasis does not hold when the resume demonstrates any of them
    when: str | None = None  # a profile id: the emphasis holds only for a resume of that profile


@dataclass(frozen=True)
class Profile:
    """A kind of resume, told by the skills it demonstrates: at least ``min_skills`` of ``skills``, and at least
    ``ratio`` times as many of them as of ``over`` (an MLOps platform's work beside little modelling)."""

    id: str
    name: str  # as a report or a reader says it ("MLOps or data-platform work with little modelling")
    skills: tuple[str, ...]
    min_skills: int
    over: tuple[str, ...]
    ratio: float
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True)
class Alternatives:
    """Skills of which one shown satisfies all ("PyTorch or TensorFlow", "specialize in one area")."""

    id: str
    name: str
    skills: tuple[str, ...]  # the first is the one to learn when none is shown
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True)
class Umbrella:
    """A broad skill shown through its parts (the skills that imply it): never a gap itself; ``learn`` stands in."""

    skill: str
    learn: str  # the part to learn for it: it takes the umbrella's importance and weight where they are higher
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True)
class Shows:
    """Work that cannot be done without other skills: demonstrated ``skill`` shows each of ``skills``."""

    skill: str
    skills: tuple[str, ...]
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True)
class Outgrown:
    """Expectations a resume has outgrown: from level ``since`` on, a gap first expected at one of ``levels`` that no
    emphasis lifts has its priority times ``factor`` (the years at that level have built on those foundations)."""

    since: str  # a level id (``from`` in the data)
    levels: tuple[str, ...]  # level ids: the gaps these levels introduced
    factor: float  # in [0, 1]
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True)
class ScoringRules:
    """Scoring factors, from the taxonomy data (never constants in code)."""

    strength_factors: Mapping[str, float]  # Strength value -> factor in [0, 1]
    importance_weights: Mapping[str, float]  # Importance value -> multiplier
    best_fit_required_coverage: float  # a level fits when its required coverage reaches this
    met_threshold: float  # a skill counts as met when its strength factor reaches this
    priority_weights: Mapping[str, float]  # how a gap's priority combines its parts (see scoring/gaps.py)
    experience: ExperienceRules | None = None  # None: every professional year counts fully
    emphasis: tuple[Emphasis, ...] = ()
    profiles: tuple[Profile, ...] = ()
    alternatives: tuple[Alternatives, ...] = ()
    umbrellas: tuple[Umbrella, ...] = ()
    shows: tuple[Shows, ...] = ()
    outgrown: Outgrown | None = None  # None: every gap's priority stands as made
    # without years, a level fits when its demonstrated skills cover ``coverage`` of what its required expectations
    # add over the level below, a listed one counting ``listed`` (scoring/level.py); None: the best fit decides
    skills_only: Mapping[str, float] | None = None


@dataclass(frozen=True)
class Taxonomy:
    role: str
    version: str
    sources: tuple[Source, ...]
    skills: tuple[Skill, ...]
    levels: tuple[Level, ...]  # in order: entry, junior, mid, senior, lead
    stages: tuple[Stage, ...]  # in roadmap order
    certifications: tuple[Certification, ...]
    scoring: ScoringRules
    path: str  # where it was loaded from (for messages)
    # lookups derived from the fields above, built once with the taxonomy (and again by dataclasses.replace)
    index: TaxonomyIndex = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", build_index(self.skills, self.stages, self.certifications))

    def skill(self, skill_id: str) -> Skill:
        return self.index.skills[skill_id]

    def level(self, level_id: str) -> Level:
        for level in self.levels:
            if level.id == level_id:
                return level
        raise KeyError(level_id)

    def find_level(self, level: str) -> Level:
        """The level a user named (ids compared without case or surrounding space), or UnknownLevelError."""
        for candidate in (level, level.strip().lower()):
            try:
                return self.level(candidate)
            except KeyError:
                continue
        valid = ", ".join(lv.id for lv in self.levels)
        raise UnknownLevelError(f"unknown level {level!r}: choose one of {valid}")

    def stage(self, stage_id: str) -> Stage:
        return self.index.stages[stage_id]

    def source(self, key: str) -> Source:
        for source in self.sources:
            if source.key == key:
                return source
        raise KeyError(key)
