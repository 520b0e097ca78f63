"""What the reader produces: a resume as clean text, split into sections, with its work history."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class SectionKind(StrEnum):
    SKILLS = "skills"
    EXPERIENCE = "experience"
    PROJECTS = "projects"
    EDUCATION = "education"
    CERTIFICATIONS = "certifications"
    SUMMARY = "summary"
    OTHER = "other"


class DateSource(StrEnum):
    """Where a resume's reference date ("Present") came from."""

    GIVEN = "given"  # the caller's --today
    FILE = "file"  # the PDF's or DOCX's own date
    TEXT = "text"  # the latest date written in it
    TODAY = "today"  # nothing better known


@dataclass(frozen=True)
class Section:
    """A stretch of the resume under one heading. ``text == resume.text[start:end]``."""

    kind: SectionKind
    heading: str  # as written ("" for the text before the first heading)
    start: int  # character offsets into Resume.text
    end: int
    text: str


class PositionKind(StrEnum):
    WORK = "work"  # full-time or part-time employment: counts fully
    INTERNSHIP = "internship"  # internships, co-ops, TA/RA positions: count at half weight
    EDUCATION = "education"  # a degree or course of study listed among the jobs: not counted
    BREAK = "break"  # a career break, parental leave, sabbatical: not counted
    VOLUNTEER = "volunteer"  # volunteering, clubs, societies: not counted
    GROUP = "group"  # an employer's or era's span over the dated entries listed under it: the entries count


# How much of a position's length counts toward the years of professional work.
KIND_WEIGHT: dict[PositionKind, float] = {
    PositionKind.WORK: 1.0,
    PositionKind.INTERNSHIP: 0.5,
    PositionKind.EDUCATION: 0.0,
    PositionKind.BREAK: 0.0,
    PositionKind.VOLUNTEER: 0.0,
    PositionKind.GROUP: 0.0,
}


@dataclass(frozen=True)
class Position:
    """One dated entry of the work history."""

    title: str  # the title/organization line when it can be found, else ""
    start: date
    end: date  # "Present" resolved to the reference date
    current: bool  # end was written as Present/Current/Now
    kind: PositionKind
    months: float  # length of this span in months
    span_start: int  # character offsets of the entry (heading line through its bullets) in Resume.text
    span_end: int
    professional: bool = True  # False for jobs outside professional work (kitchen, retail, clubs, student
    # projects, volunteering): kept as positions, not counted in the years
    evidence: tuple[str, ...] = ()  # the lines the entry was read from (title and date lines), as written

    @property
    def weight(self) -> float:
        """The share of this position's length that counts: 1 for work, 0.5 for internships, 0 otherwise."""
        return KIND_WEIGHT[self.kind] if self.professional else 0.0

    @property
    def counted(self) -> bool:
        return self.weight > 0


@dataclass(frozen=True)
class Resume:
    """A read resume. Frozen: later stages never change it."""

    text: str
    sections: tuple[Section, ...]
    positions: tuple[Position, ...]
    years_experience: float | None  # professional years: merged work spans + half of internships, or a stated figure
    format: str  # "pdf", "docx", "text", "markdown"
    pages: int | None
    warnings: tuple[str, ...] = ()
    source_name: str = ""  # file name only (never a full path), "" for bytes/text
    years_work: float = 0.0  # merged full-time spans alone
    years_internship: float = 0.0  # internships etc. at full length (before the half weight)
    years_stated: float | None = None  # "6+ years of experience", when written
    reference_date: date = field(default_factory=date.today)  # what "Present" means: when the resume was written
    reference_source: DateSource = DateSource.TODAY  # where reference_date came from

    def section_at(self, offset: int) -> Section | None:
        """The section that holds the character at ``offset``."""
        for section in self.sections:
            if section.start <= offset < section.end:
                return section
        return None
