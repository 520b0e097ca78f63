"""The terminal renderer (Rich): header, a coverage bar per level, skills by category, ranked gaps, the plan.

Resume text is always added as ``rich.text.Text`` (never parsed as markup). Colour follows the Console: Rich
turns it off for ``NO_COLOR`` and when output is not a terminal; widths follow ``console.width``; gaps are
written as short paragraphs rather than a wide table so that narrow terminals and pipes stay readable.
"""

from __future__ import annotations

from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from gapcheck.report.model import Gap, LevelScore, Report
from gapcheck.report.text import (
    STRENGTH_ORDER,
    as_of_text,
    best_fit_text,
    months_text,
    percent,
    plan_stage_title,
    source_text,
    target_text,
    years_band,
    years_text,
)

STRENGTH_STYLES = {
    "demonstrated": "bold green",
    "listed": "cyan",
    "mentioned": "blue",
    "hedged": "yellow",
    "implied": "dim",
}


def _bar(value: float, width: int, unicode: bool) -> str:
    full, empty = ("█", "░") if unicode else ("#", "-")
    filled = round(max(0.0, min(1.0, value)) * width)
    return full * filled + empty * (width - filled)


def _line(label: str, value: str, style: str = "") -> Text:
    text = Text()
    text.append(f"{label}: ", style="bold")
    text.append(value, style=style)
    return text


def _level_row(score: LevelScore, report: Report, width: int, unicode: bool) -> Text:
    marks = []
    if score.level == report.best_fit_level:
        marks.append("best fit")
    if score.level == report.target_level and report.target.kind == "level":
        marks.append("target")
    if score.level == report.experience.level_by_years:
        marks.append("by years")
    text = Text()
    text.append(f"{score.level:<7}", style="bold")
    text.append(f"{years_band(score.years_min, score.years_max):>6}y ")
    text.append(_bar(score.coverage, width, unicode), style="green" if score.met else "yellow")
    text.append(f" {percent(score.coverage):>4}")
    text.append(f"  req {percent(score.required_coverage):>4}")
    if marks:
        text.append("  " + ", ".join(marks), style="italic")
    return text


def _gap_block(gap: Gap) -> Group:
    """A gap: its head line, then why / next with wrapped lines kept indented."""
    head = Text()
    head.append(f"{gap.rank:>2}. ", style="bold")
    head.append(gap.name, style="bold")
    kind = gap.kind if gap.strength is None else f"{gap.kind}, {gap.strength}"
    style = "red" if gap.kind == "missing" else "yellow"
    head.append(f"  [{kind}; {gap.importance}; priority {gap.priority:.3f}]", style=style)
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True, style="dim", min_width=7)
    grid.add_column(overflow="fold")
    grid.add_row(Text("why"), Text(gap.why))
    grid.add_row(Text("next"), Text(gap.next_step.text))
    return Group(head, grid)


def _names_line(label: str, names: list[str], style: str = "") -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row(Text(f"  {label}:", style="dim"), Text(names_joined(names), style=style))
    return grid


def names_joined(names: list[str]) -> str:
    return "; ".join(names) if any("," in n for n in names) else ", ".join(names)


def render_terminal(report: Report, console: Console) -> None:
    """Print the report on ``console``."""
    unicode = (console.encoding or "").lower().startswith("utf")
    target = report.target
    console.print(Text(f"gapcheck — {report.source.name or 'resume'}", style="bold underline"))
    console.print(_line("Target", target_text(report), "bold"))
    console.print(
        _line(
            "Target coverage",
            f"{percent(target.coverage)} (required skills {percent(target.required_coverage)})",
        )
    )
    console.print(_line("Best fit by skills", best_fit_text(report.best_fit_level)))
    years = years_text(report.experience.years)
    if report.experience.level_by_years:
        years += f" (level by years: {report.experience.level_by_years})"
    years += f"; {as_of_text(report.experience.reference_date, report.experience.reference_source)}"
    console.print(_line("Experience", years))
    console.print(_line("Assessment", report.assessment, "italic"))
    console.print(_line("Source", source_text(report), "dim"))
    for warning in report.warnings:
        console.print(_line("Warning", warning, "yellow"))

    console.print()
    console.print(Text("Coverage by level", style="bold"))
    bar_width = max(10, min(30, console.width - 50))
    for score in report.levels:
        console.print(_level_row(score, report, bar_width, unicode), overflow="fold")

    if report.job is not None:
        console.print()
        console.print(Text("Job posting skills", style="bold"))
        line = Text()
        for i, job_skill in enumerate(report.job.skills):
            if i:
                line.append(", ")
            line.append(job_skill.name, style="bold" if job_skill.importance == "required" else "")
        console.print(line)

    console.print()
    console.print(Text("Skills found", style="bold"))
    if not report.skills:
        console.print(Text("No skills of the taxonomy were found."))
    else:
        table = Table(box=box.SIMPLE, show_header=True, expand=False, pad_edge=False)
        table.add_column("Category", style="bold", overflow="fold")
        table.add_column("Skills (strength)", overflow="fold")
        groups: dict[str, list[Text]] = {}
        for skill in sorted(report.skills, key=lambda s: (s.category, STRENGTH_ORDER.get(s.strength, 9), s.name)):
            groups.setdefault(skill.category, []).append(
                Text(f"{skill.name} ({skill.strength})", style=STRENGTH_STYLES.get(skill.strength, ""))
            )
        for category, items in groups.items():
            table.add_row(Text(category), Text(", ").join(items))
        console.print(table)

    console.print(Text(f"Gaps for {target.name}, most important first", style="bold"))
    if not report.gaps:
        console.print(Text("No gaps: every expected skill is demonstrated."))
    for gap in report.gaps:
        console.print(_gap_block(gap))

    console.print()
    console.print(Text("Learning plan", style="bold"))
    if not report.plan:
        console.print(Text("Nothing to plan."))
    for step in report.plan:
        console.print(Text(plan_stage_title(step), style="bold"))
        if step.learn:
            console.print(_names_line("learn", [step.name_of(s) for s in step.learn]))
        if step.show:
            console.print(_names_line("show", [step.name_of(s) for s in step.show]))
        if step.resources:
            console.print(_names_line("resources", list(step.resources), "dim"))
    total = report.plan_total
    console.print(_line("Estimated total", months_text(total.months_min, total.months_max)))
