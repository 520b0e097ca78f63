"""The public API: an :class:`Analyzer` holds one run's state (taxonomy, target level, job target, options) and
analyzes resumes with it; ``analyze``, ``analyze_text`` and ``analyze_many`` are one-call wrappers.

read -> sections -> match -> score -> Report. The taxonomy (``load_taxonomy``) and the matcher
(``matcher_for``) are cached by their modules, so repeated calls do not rebuild them. ``analyze`` is a pure
function of its inputs (``today`` fixed), and Reports and AnalysisFailures are picklable: batches can be spread
over processes or machines (``examples/dask``).

Reading, matching and scoring (and spaCy with them) are imported on first use, not with this module: a batch
whose workers are spawned (macOS, Windows) builds its Analyzer without them, and its readers start before them; a
process whose resumes are read by another (the CLI's reader, a batch's readers ahead) never loads the reading rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from gapcheck.errors import GapcheckError
from gapcheck.knowledge import load_taxonomy
from gapcheck.knowledge.frozen import evolve
from gapcheck.knowledge.model import Expectation, Taxonomy
from gapcheck.reading.limits import Limits, limits_from_environment
from gapcheck.reading.model import Resume
from gapcheck.reading.source import SourceFile
from gapcheck.report.model import (
    SCHEMA_VERSION,
    Experience,
    PositionInfo,
    Report,
    SectionInfo,
    SourceInfo,
    TaxonomyInfo,
)
from gapcheck.report.serialize import to_json
from gapcheck.report.text import Quoter

if TYPE_CHECKING:
    from gapcheck.matching import SkillMatcher
    from gapcheck.matching.model import SkillMatch
    from gapcheck.scoring.model import JobInfo

Source = str | Path | bytes | SourceFile  # a SourceFile: opened already (reading.source.open_ahead)
TaxonomyArg = Taxonomy | str | Path | None
JobArg = str | Path | bytes | None

MAX_EVIDENCE = 5  # evidence entries kept per skill in the report


@dataclass(frozen=True)
class Options:
    """How resumes are read: what "Present" means (default: today), the PDF text engine, the reader's limits
    (sizes, time, and whether PDF text is extracted in a child process), and whether the matcher's costly parts
    may be kept in and read from the on-disk cache (``$GAPCHECK_CACHE_DIR``; :mod:`gapcheck.cache`)."""

    today: date | None = None
    pdf_engine: str = "auto"
    limits: Limits = field(default_factory=limits_from_environment)  # the defaults with $GAPCHECK_LIMITS applied
    cache: bool = True


@dataclass(frozen=True)
class JobTarget:
    """A job posting turned into a target: the skills it expects, and what the report says about it."""

    expectations: tuple[Expectation, ...]
    info: JobInfo


@dataclass(frozen=True)
class AnalysisFailure:
    """What ``analyze_many`` yields for a resume it could not analyze."""

    source: str  # the file name (never a full path), or "#<index>" for bytes
    error: str  # the GapcheckError class name, e.g. "EncryptedDocumentError"
    message: str  # its one-line message
    exit_code: int

    def to_dict(self) -> dict[str, Any]:
        return cast(dict[str, Any], to_json(self))


def resolve_taxonomy(taxonomy: TaxonomyArg) -> Taxonomy:
    """A Taxonomy as given, loaded from a path, or the built-in one (all cached by the loader)."""
    if isinstance(taxonomy, Taxonomy):
        return taxonomy
    return load_taxonomy(taxonomy)


def _version() -> str:
    from gapcheck import __version__

    return __version__


def _read_job(job: str | Path | bytes, options: Options) -> Resume:
    from gapcheck.reading.reader import read_resume, read_text

    today, pdf_engine, limits = options.today, options.pdf_engine, options.limits
    if isinstance(job, bytes | Path):
        return read_resume(job, today=today, pdf_engine=pdf_engine, limits=limits)
    if "\n" not in job and len(job) < 4096:
        try:
            is_file = Path(job).is_file()
        except OSError:
            is_file = False
        if is_file:
            return read_resume(Path(job), today=today, pdf_engine=pdf_engine, limits=limits)
    return read_text(job, today=today, source_name="job posting", limits=limits)


def job_target(job: str | Path | bytes, taxonomy: Taxonomy, options: Options | None = None) -> JobTarget:
    """The target a job posting (a path, its text or its bytes) sets: its skills of ``taxonomy``."""
    from gapcheck.job import job_expectations
    from gapcheck.matching import match_skills

    posting = _read_job(job, options or Options())
    expectations, info = job_expectations(
        posting.text, match_skills(posting, taxonomy), taxonomy, name=posting.source_name
    )
    return JobTarget(expectations, info)


def build_report(
    resume: Resume,
    taxonomy: Taxonomy,
    *,
    level: str | None = None,
    job: JobTarget | None = None,
) -> Report:
    """Match and score a read resume, and assemble the report."""
    from gapcheck.matching import match_skills
    from gapcheck.report.advice import assessment, gap_entries
    from gapcheck.scoring import score

    matches = match_skills(resume, taxonomy)
    scores = score(
        taxonomy,
        matches,
        resume.years_experience,
        positions=resume.positions,
        sections=resume.sections,
        today=resume.reference_date,
        level=level,
        job=None if job is None else job.expectations,
        job_alternatives=() if job is None else job.info.alternatives,
    )
    positions = tuple(
        PositionInfo(
            title=p.title,
            start=p.start,
            end=p.end,
            current=p.current,
            kind=p.kind,
            months=round(p.months, 1),
            counted=p.counted,
            evidence=p.evidence,
            work=work,
        )
        for p, work in zip(resume.positions, scores.work or ("",) * len(resume.positions), strict=True)
    )
    now = scores.current
    quoter = Quoter(resume.text)
    return Report(
        schema_version=SCHEMA_VERSION,
        gapcheck_version=_version(),
        taxonomy=TaxonomyInfo(role=taxonomy.role, version=taxonomy.version),
        source=SourceInfo(
            name=resume.source_name,
            format=resume.format,
            pages=resume.pages,
            characters=len(resume.text),
            sections=tuple(SectionInfo(kind=s.kind, heading=s.heading) for s in resume.sections),
        ),
        experience=Experience(
            years=resume.years_experience,
            years_stated=resume.years_stated,
            reference_date=resume.reference_date,
            reference_source=resume.reference_source,
            positions=positions,
        ),
        current=now,
        target_level=scores.target_level,
        target=scores.target,
        assessment=assessment(taxonomy, now),
        levels=scores.levels,
        skills=tuple(_shown(quoter, m) for m in matches),
        gaps=gap_entries(taxonomy, scores.gaps, scores.target.name),
        plan=scores.plan,
        plan_total=scores.plan_total,
        job=None if job is None else job_years(job.info, now.years),
        warnings=tuple(resume.warnings) + _job_warnings(job),
        guides=taxonomy.sources,
    )


def _shown(quote: Quoter, match: SkillMatch) -> SkillMatch:
    """A skill as the report shows it: its first MAX_EVIDENCE places, each quoted as the sentence around it."""
    return evolve(
        match,
        evidence=tuple(
            evolve(e, text=quote(e.text, e.matched, e.start, e.end), score=round(e.score, 4))
            for e in match.evidence[:MAX_EVIDENCE]
        ),
    )


def job_years(info: JobInfo, years: float | None) -> JobInfo:
    """The posting's summary with whether the resume's years reach the years it asks for."""
    if info.years_required is None or years is None:
        return info
    return replace(info, years_met=years >= info.years_required)


def _job_warnings(job: JobTarget | None) -> tuple[str, ...]:
    if job is None or job.expectations:
        return ()
    return ("the job posting names no skill of the taxonomy, so there is nothing to measure against it",)


def failure(error: GapcheckError, source: str) -> AnalysisFailure:
    """The typed result standing for a resume that could not be analyzed."""
    return AnalysisFailure(source=source, error=type(error).__name__, message=error.message, exit_code=error.exit_code)


def source_label(source: Source, index: int) -> str:
    """How a result names its source: the file name (never a full path), or "#<index>" for bytes."""
    if isinstance(source, SourceFile):
        return Path(source.name).name
    return Path(source).name if isinstance(source, str | Path) else f"#{index}"


class Analyzer:
    """One run's state: the taxonomy, the target level (checked once), the job target (read once), the options,
    and the matcher (built on first use, cached per taxonomy).

    Argument errors (an unknown level, a bad taxonomy, an unreadable job posting) raise here, before any resume
    is read. ``job`` may be a posting (path, text or bytes) or a :class:`JobTarget` already made.
    """

    def __init__(
        self,
        taxonomy: TaxonomyArg = None,
        level: str | None = None,
        job: JobArg | JobTarget = None,
        options: Options | None = None,
    ) -> None:
        self.options = options or Options()
        self.taxonomy = resolve_taxonomy(taxonomy)
        if level is not None:
            from gapcheck.scoring import check_level

            check_level(self.taxonomy, level)
        self.level = level
        if job is not None and not isinstance(job, JobTarget):
            self.matcher()  # built as the options say before the posting is matched
        self.job = job if isinstance(job, JobTarget) or job is None else job_target(job, self.taxonomy, self.options)

    def matcher(self) -> SkillMatcher:
        """The taxonomy's matcher, built on first use (from the on-disk cache unless ``options.cache`` is False)."""
        from gapcheck.matching import matcher_for

        return matcher_for(self.taxonomy, use_cache=self.options.cache)

    def prepare(self) -> None:
        """Make now what every report needs and its first one would make: the matcher, the modules that score and
        word a report, and the version a report names. For processes forked from this one (a batch's workers):
        made once here, each of them inherits it rather than making it again."""
        import gapcheck.report.advice  # noqa: F401
        from gapcheck.scoring.prepared import prepared

        self.matcher()
        prepared(self.taxonomy)
        _version()

    def analyze(self, source: Source) -> Report:
        """Read a resume (a path, or the file's bytes) and report on it."""
        from gapcheck.reading.reader import read_resume

        options = self.options
        resume = read_resume(source, today=options.today, pdf_engine=options.pdf_engine, limits=options.limits)
        return self.report(resume)

    def analyze_text(self, text: str, *, source_name: str = "", format: str = "text") -> Report:
        """Like :meth:`analyze`, for resume text already extracted."""
        from gapcheck.reading.reader import read_text

        resume = read_text(
            text, today=self.options.today, source_name=source_name, format=format, limits=self.options.limits
        )
        return self.report(resume)

    def report(self, resume: Resume) -> Report:
        """Match and score a resume already read."""
        self.matcher()
        return build_report(resume, self.taxonomy, level=self.level, job=self.job)

    def try_analyze(self, source: Source, label: str) -> Report | AnalysisFailure:
        """:meth:`analyze`, with a resume that cannot be read turned into an AnalysisFailure named ``label``."""
        try:
            return self.analyze(source)
        except GapcheckError as error:
            return failure(error, label)

    def analyze_many(self, sources: Iterable[Source]) -> Iterator[Report | AnalysisFailure]:
        """One result per resume, in input order, lazily; a bad file yields an AnalysisFailure, not an exception."""
        for index, source in enumerate(sources):
            yield self.try_analyze(source, source_label(source, index))


def analyze(
    source: Source,
    *,
    level: str | None = None,
    taxonomy: TaxonomyArg = None,
    job: JobArg = None,
    today: date | None = None,
    pdf_engine: str = "auto",
) -> Report:
    """Read a resume (a path, or the file's bytes) and report how far it is from each level, and what to learn.

    ``level``: the target level (default: the level after the best fit); an unknown one raises
    UnknownLevelError. ``taxonomy``: a Taxonomy, a path to a taxonomy folder/file, or None for the built-in one.
    ``job``: a job posting (path, text or bytes) whose skills become the target. ``today``: what "Present" means.
    """
    return Analyzer(taxonomy, level, job, Options(today, pdf_engine)).analyze(source)


def analyze_text(
    text: str,
    *,
    level: str | None = None,
    taxonomy: TaxonomyArg = None,
    job: JobArg = None,
    today: date | None = None,
    source_name: str = "",
    format: str = "text",
) -> Report:
    """Like :func:`analyze`, for resume text already extracted."""
    return Analyzer(taxonomy, level, job, Options(today)).analyze_text(text, source_name=source_name, format=format)


def analyze_many(
    sources: Iterable[Source],
    *,
    level: str | None = None,
    taxonomy: TaxonomyArg = None,
    job: JobArg = None,
    today: date | None = None,
    pdf_engine: str = "auto",
) -> Iterator[Report | AnalysisFailure]:
    """Analyze many resumes, one result each, in order; a bad file yields an AnalysisFailure, not an exception.

    Arguments that would fail for every resume (an unknown level, a bad taxonomy, an unreadable job posting)
    raise at once, before the first resume is read.
    """
    return Analyzer(taxonomy, level, job, Options(today, pdf_engine)).analyze_many(sources)
