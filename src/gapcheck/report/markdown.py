"""The Markdown renderer: the terminal report's content as headings and tables, for a document or an issue."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from gapcheck.report.model import Gap, Report, SkillInfo
from gapcheck.report.text import (
    STRENGTH_ORDER,
    as_of_text,
    best_fit_text,
    months_text,
    percent,
    plan_stage_title,
    snippet,
    source_text,
    target_text,
    years_band,
    years_text,
)


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|")


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines.extend("| " + " | ".join(_cell(c) for c in row) + " |" for row in rows)
    return lines


def _skills_by_category(skills: Sequence[SkillInfo]) -> dict[str, list[SkillInfo]]:
    groups: dict[str, list[SkillInfo]] = {}
    for skill in sorted(skills, key=lambda s: (s.category, STRENGTH_ORDER.get(s.strength, 9), s.name.lower())):
        groups.setdefault(skill.category, []).append(skill)
    return groups


def _gap_rows(gaps: Sequence[Gap]) -> list[list[str]]:
    return [
        [str(g.rank), g.name, g.kind if g.strength is None else f"{g.kind} ({g.strength})", g.importance,
         f"{g.priority:.3f}", g.why, g.next_step.text]
        for g in gaps
    ]


def render_markdown(report: Report) -> str:
    """The report as GitHub-flavoured Markdown."""
    target = report.target
    lines: list[str] = [f"# gapcheck report: {report.source.name or 'resume'}", ""]
    lines += [
        f"- **Target:** {target_text(report)}",
        f"- **Coverage of the target:** {percent(target.coverage)} (required skills: "
        f"{percent(target.required_coverage)})",
        f"- **Best fit by skills:** {best_fit_text(report.best_fit_level)}",
        f"- **Experience:** {years_text(report.experience.years)}"
        + (f" (level by years: {report.experience.level_by_years})" if report.experience.level_by_years else "")
        + f"; {as_of_text(report.experience.reference_date, report.experience.reference_source)}",
        f"- **Assessment:** {report.assessment}",
        f"- **Source:** {source_text(report)}",
        f"- **Taxonomy:** {report.taxonomy.role} {report.taxonomy.version}",
        "",
    ]
    if report.warnings:
        lines += ["**Warnings:**", ""] + [f"- {w}" for w in report.warnings] + [""]

    lines += ["## Coverage by level", ""]
    lines += _table(
        ["Level", "Years", "Coverage", "Required", "Fits", "Missing", "Weak"],
        (
            [s.level, years_band(s.years_min, s.years_max), percent(s.coverage), percent(s.required_coverage),
             "yes" if s.met else "no", str(len(s.missing)), str(len(s.weak))]
            for s in report.levels
        ),
    )
    lines.append("")

    if report.job is not None:
        lines += ["## Job posting", ""]
        lines += _table(["Skill", "Importance"], ([s.name, s.importance] for s in report.job.skills))
        lines.append("")

    lines += ["## Skills found", ""]
    if not report.skills:
        lines += ["No skills of the taxonomy were found.", ""]
    for category, skills in _skills_by_category(report.skills).items():
        lines += [f"### {category}", ""]
        lines += _table(
            ["Skill", "Strength", "Evidence"],
            ([s.name, s.strength, snippet(s.evidence[0].text, s.evidence[0].matched) if s.evidence else ""]
             for s in skills),
        )
        lines.append("")

    lines += [f"## Gaps for {target.name}", ""]
    if report.gaps:
        lines += _table(["#", "Skill", "Kind", "Importance", "Priority", "Why", "Next step"], _gap_rows(report.gaps))
    else:
        lines.append("No gaps: every expected skill is demonstrated.")
    lines.append("")

    lines += ["## Learning plan", ""]
    if not report.plan:
        lines += ["Nothing to plan.", ""]
    for step in report.plan:
        lines += [f"### {plan_stage_title(step)}", ""]
        if step.learn:
            lines.append("- Learn: " + ", ".join(step.name_of(s) for s in step.learn))
        if step.show:
            lines.append("- Show: " + ", ".join(step.name_of(s) for s in step.show))
        if step.resources:
            lines.append("- Resources: " + "; ".join(step.resources))
        lines.append("")
    total = report.plan_total
    lines += [f"**Estimated total:** {months_text(total.months_min, total.months_max)}", ""]
    return "\n".join(_cell_line(line) for line in lines).rstrip("\n") + "\n"


def _cell_line(line: str) -> str:
    return line.rstrip()
