"""The cohort summary: how many resumes sit at each level, the gaps most common across them, the skills most shown.

Counted as rows come (a few counters, whatever the batch size). Shares are of the resumes read.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from gapcheck.analysis import AnalysisFailure
from gapcheck.report.model import Report

TOP = 10
NO_LEVEL = "none"  # best fit when no level is met


@dataclass(frozen=True)
class Facts:
    """What the summary counts of one result (small: a batch worker sends it beside the row's text)."""

    level: str | None  # the best-fit level id or NO_LEVEL; None: the resume could not be read
    gaps: tuple[tuple[str, str, int], ...] = ()  # (id, name, rank)
    skills: tuple[tuple[str, str], ...] = ()  # (id, name) of the skills shown (not only implied)


def facts_of(result: Report | AnalysisFailure) -> Facts:
    if isinstance(result, AnalysisFailure):
        return Facts(None)
    return Facts(
        result.best_fit_level or NO_LEVEL,
        tuple((gap.id, gap.name, gap.rank) for gap in result.gaps),
        tuple((skill.skill_id, skill.name) for skill in result.skills if skill.strength != "implied"),
    )


@dataclass
class Cohort:
    """Counters over a batch's results."""

    levels: list[tuple[str, str]]  # (id, name) in the taxonomy's order
    read: int = 0
    failed: int = 0
    by_level: Counter[str] = field(default_factory=Counter)
    gaps: Counter[str] = field(default_factory=Counter)
    gap_ranks: Counter[str] = field(default_factory=Counter)  # sum of the ranks: ties go to the gap ranked first
    skills: Counter[str] = field(default_factory=Counter)
    names: dict[str, str] = field(default_factory=dict)

    def add(self, result: Report | AnalysisFailure | Facts) -> None:
        facts = result if isinstance(result, Facts) else facts_of(result)
        if facts.level is None:
            self.failed += 1
            return
        self.read += 1
        self.by_level[facts.level] += 1
        for gap_id, name, rank in facts.gaps:
            self.gaps[gap_id] += 1
            self.gap_ranks[gap_id] += rank
            self.names[gap_id] = name
        for skill_id, name in facts.skills:
            self.skills[skill_id] += 1
            self.names[skill_id] = name

    def share(self, count: int) -> str:
        return f"{count / self.read * 100:.0f}%" if self.read else "-"

    def level_rows(self) -> list[tuple[str, int, str]]:
        rows = [(name, self.by_level[lid], self.share(self.by_level[lid])) for lid, name in self.levels]
        if self.by_level[NO_LEVEL]:
            rows.append(("no level met", self.by_level[NO_LEVEL], self.share(self.by_level[NO_LEVEL])))
        return rows

    def top_gaps(self) -> list[tuple[str, int, str]]:
        order = sorted(self.gaps, key=lambda k: (-self.gaps[k], self.gap_ranks[k] / self.gaps[k], k))
        return [(self.names[k], self.gaps[k], self.share(self.gaps[k])) for k in order[:TOP]]

    def top_skills(self) -> list[tuple[str, int, str]]:
        return [(self.names[k], n, self.share(n)) for k, n in self.skills.most_common(TOP)]

    def headline(self) -> str:
        failed = f", {self.failed} could not be read" if self.failed else ""
        return f"{self.read + self.failed} resumes: {self.read} analysed{failed}"


def _table(title: str, head: tuple[str, str, str], rows: list[tuple[str, int, str]]) -> list[str]:
    lines = [f"## {title}", "", f"| {head[0]} | {head[1]} | {head[2]} |", "| --- | ---: | ---: |"]
    lines += [f"| {name} | {count} | {share} |" for name, count, share in rows] or ["| (none) | 0 | - |"]
    return [*lines, ""]


def to_markdown(cohort: Cohort) -> str:
    lines = ["# Cohort summary", "", cohort.headline() + ".", ""]
    lines += _table("Resumes per best-fit level", ("Level", "Resumes", "Share"), cohort.level_rows())
    lines += _table("Most common gaps", ("Skill", "Resumes", "Share"), cohort.top_gaps())
    lines += _table("Skills most shown", ("Skill", "Resumes", "Share"), cohort.top_skills())
    return "\n".join(lines)


def render_cohort(cohort: Cohort, console: object) -> None:
    """The summary as Rich tables on a terminal console (Rich imported only here)."""
    from rich.console import Console
    from rich.table import Table

    assert isinstance(console, Console)
    console.print(f"[bold]Cohort summary[/bold]: {cohort.headline()}")
    for title, rows in (
        ("Resumes per best-fit level", cohort.level_rows()),
        ("Most common gaps (what to teach next)", cohort.top_gaps()),
        ("Skills most shown", cohort.top_skills()),
    ):
        table = Table(title=title, title_justify="left")
        table.add_column("Level" if title.startswith("Resumes") else "Skill")
        table.add_column("Resumes", justify="right")
        table.add_column("Share", justify="right")
        for name, count, share in rows:
            table.add_row(name, str(count), share)
        console.print(table)
