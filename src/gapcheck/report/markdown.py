"""The Markdown renderer: the terminal report's content for a document, an issue or an e-mail.

It reads the serialized report (``Report.to_dict()``) and words it with :mod:`gapcheck.report.words`, as the
terminal and HTML reports do. Resume and taxonomy text is escaped, so it cannot turn into Markdown markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from gapcheck.report import words
from gapcheck.report.model import Report
from gapcheck.report.text import evidence_sentence, percent, years_band

Data = Mapping[str, Any]
BAR_WIDTH = 20

_MARKUP = re.compile(r"([\\`*_\[\]<>#|~])")


def md(text: str) -> str:
    """``text`` with Markdown's markup characters escaped, on one line."""
    return _MARKUP.sub(r"\\\1", " ".join(str(text).split()))


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return lines


def _bar(value: float) -> str:
    filled = round(max(0.0, min(1.0, value)) * BAR_WIDTH)
    return "`" + "█" * filled + "░" * (BAR_WIDTH - filled) + "`"


def _levels(data: Data) -> list[str]:
    best = (data.get("current") or {}).get("level")
    by_years = (data.get("current") or {}).get("by_years")
    rows = []
    for lv in data.get("levels", []):
        marks = []
        if lv["level"] == best:
            marks.append("**you are here**")
        if data["target"].get("kind") == "level" and lv["level"] == data.get("target_level"):
            marks.append("**target**")
        if lv["level"] == by_years:
            marks.append("your years")
        coverage = f"{_bar(lv['coverage'])} {percent(lv['coverage'])}"
        band = years_band(lv["years_min"], lv["years_max"])
        rows.append([md(lv["name"]), band, coverage, percent(lv["required_coverage"]), ", ".join(marks)])
    return ["## Coverage by level", "", *_table(["Level", "Years", "Coverage", "Required skills", ""], rows), ""]


def _gaps(data: Data, total: int) -> list[str]:
    gaps = data.get("gaps", [])
    target = md(data["target"]["name"])
    if not gaps:
        return [f"## Gaps for {target}", "", "None: every expected skill is shown in use.", ""]
    if len(gaps) < total:
        lines = [f"## The first {len(gaps)} of {total} gaps for {target}", "",
                 "Most important first; `--all` lists every one.", ""]
    else:
        lines = [f"## All {words.plural(total, 'gap')} for {target}", "", "Most important first.", ""]
    for gap in gaps:
        lines += [f"### {gap['rank']}. {md(gap['name'])} ({md(words.gap_state(gap))})", ""]
        if gap["kind"] == "weak":
            found = words.found_evidence(data, gap["id"])
            if found is not None:
                evidence = (e for s in data["skills"] if s["skill_id"] == gap["id"] for e in s["evidence"])
                match = next((e["matched"] for e in evidence), "")
                lines.append(f"- **Found:** “{md(evidence_sentence(found[0], match, width=160))}” ({md(found[1])})")
        lines.append(f"- **Why:** {md(gap.get('why', ''))}")
        step = gap.get("next_step") or {}
        extra = words.resources_text(step)
        lines.append(f"- **Next:** {md(step.get('text', ''))}" + (f" {md(extra)}" if extra else ""))
        lines.append("")
    return lines


def _plan(data: Data) -> list[str]:
    """The plan, a line per stage; ``data`` with every gap (for which of them are credentials)."""
    credentials = words.credential_ids(data)
    plan = data.get("plan", [])
    if not plan:
        return ["## Learning plan", "", "Nothing to learn.", ""]
    total = data.get("plan_total") or {}
    lines = [f"## Learning plan ({words.months_phrase(total.get('months_min', 0), total.get('months_max', 0))} "
             "in all)", ""]
    for step in plan:
        title, duration, what = words.plan_line(step, credentials=credentials)
        line = f"- **{md(title)}**{f' ({md(duration)})' if duration else ''}: {md(what)}"
        if step.get("resources"):
            line += f". Resources: {md('; '.join(step['resources']))}"
        lines.append(line)
    return [*lines, ""]


def _skills(data: Data) -> list[str]:
    skills = data.get("skills", [])
    if not skills:
        return ["## Skills found", "", "None of the taxonomy's skills were found.", ""]
    shown = sum(1 for s in skills if s["strength"] == "demonstrated")
    lines = [f"## Skills found ({len(skills)}, {shown} shown in use)", ""]
    for category, members in words.skills_by_category(data):
        lines.append(f"- **{md(words.category_name(category))}:** {md(words.compact_skills(members))}")
    lines.append("")
    rows = words.evidence_by_sentence(data)
    if rows:
        lines += ["## What shows them in use", ""]
        for where, sentence, names in rows:
            quote = md(evidence_sentence(sentence, "", width=200))
            lines.append(f"- **{md(', '.join(names))}:** “{quote}” ({md(where)})")
        lines.append("")
    return lines


def _legend(data: Data) -> list[str]:
    guides = words.cited_guides(data, data.get("gaps", []))
    if not guides:
        return []
    lines = ["## Guides cited", ""]
    for guide in guides:
        file = f" (`{guide['file']}`)" if guide.get("file") else ""
        lines.append(f"- **{md(guide['short'])}:** {md(guide['title'])}{file}")
    return [*lines, ""]


def render_markdown(report: Report, *, top: int | None = None) -> str:
    """The report as GitHub-flavoured Markdown, with its first ``top`` gaps (None: all)."""
    return render_markdown_data(report.to_dict(), top=top)


def render_markdown_data(data: Data, *, top: int | None = None) -> str:
    """A serialized report as GitHub-flavoured Markdown, with its first ``top`` gaps (None: all)."""
    total = len(data.get("gaps", []))
    full = data
    if top is not None:
        data = {**data, "gaps": data.get("gaps", [])[: max(top, 0)]}
    source = data.get("source") or {}
    level, how = words.standing(data)
    lines = [
        f"# gapcheck report: {md(source.get('name') or 'resume')}",
        "",
        f"- **Where you stand:** {md(level)} ({md(how)})",
        f"- **Experience:** {md(words.experience_line(data))}",
        f"- **Target:** {md(words.target_line(data))}",
        f"- **Resume:** {md(words.source_line(data))}; taxonomy {md(data['taxonomy']['role'])} "
        f"{md(data['taxonomy']['version'])}",
        "",
    ]
    if data.get("assessment"):
        lines += [f"_{md(data['assessment'])}_", ""]
    for warning in data.get("warnings", []):
        lines += [f"> **Note:** {md(warning)}", ""]
    lines += _levels(data)
    asks = words.job_lines(data)
    if asks:
        lines += ["## The job posting asks for", "", *(f"- **{label}:** {md(text)}" for label, text in asks), ""]
    lines += _gaps(data, total) + _plan(full) + _skills(data) + _legend(data)
    return "\n".join(line.rstrip() for line in lines).rstrip("\n") + "\n"
