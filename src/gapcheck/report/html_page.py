"""The HTML renderer: one self-contained page (inline CSS and SVG, no script, no network) from the report's data.

It reads the serialized report (``Report.to_dict()``, the JSON shape), not the dataclasses, so a JSON report saved
earlier renders the same way. Every string from the resume or the taxonomy goes through ``html.escape``; a
Content-Security-Policy forbids every fetch, so nothing on the page can reach the network.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from typing import Any

from gapcheck.report.text import DEFAULT_TOP, evidence_sentence, percent, years_band
from gapcheck.report.words import (
    category_name,
    category_order,
    cited,
    cited_guides,
    credential_ids,
    experience_parts,
    guide_table,
    job_lines,
    months_phrase,
    plan_duration,
    plan_parts,
    plural,
    section_name,
    skill_names,
    skills_by_category,
    source_line,
    standing,
    strength_legend,
    target_reason,
)

Data = Mapping[str, Any]

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'"


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


# --- the parts of the page ------------------------------------------------------------------------------------


def _glance(data: Data) -> str:
    target = data["target"]
    current, current_note = standing(data)
    years_value, years_note = experience_parts(data)
    years_value = years_value.capitalize()
    why_target = target_reason(data)
    parts = [
        '<section id="glance" aria-labelledby="glance-title">',
        '<h2 id="glance-title" class="visually-hidden">At a glance</h2>',
        '<div class="stats">',
        f'<div class="stat" id="current-level"><p class="stat-label">Where you stand</p>'
        f'<p class="stat-value">{esc(current)}</p><p class="stat-note">{esc(current_note)}</p></div>',
        f'<div class="stat" id="target-level"><p class="stat-label">Target</p>'
        f'<p class="stat-value">{esc(target["name"])}</p>'
        f'<p class="stat-note">{esc(why_target)}; {percent(target["coverage"])} covered '
        f'({percent(target["required_coverage"])} of the required skills)</p></div>',
        f'<div class="stat" id="experience"><p class="stat-label">Experience</p>'
        f'<p class="stat-value">{esc(years_value)}</p><p class="stat-note">{esc(years_note)}</p></div>',
        "</div>",
    ]
    if data.get("assessment"):
        parts.append(f'<p class="assessment">{esc(data["assessment"])}</p>')
    for warning in data.get("warnings", []):
        parts.append(f'<p class="warning" role="note"><strong>Note:</strong> {esc(warning)}</p>')
    parts.append("</section>")
    return "\n".join(parts)


def _bar_svg(value: float, label: str, css: str) -> str:
    width = round(max(0.0, min(1.0, value)) * 100, 1)
    return (
        f'<svg class="bar {css}" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" '
        f'aria-label="{esc(label)}"><rect class="track" x="0" y="0" width="100" height="10" rx="2"/>'
        f'<rect class="fill" x="0" y="0" width="{width}" height="10" rx="2"/></svg>'
    )


def _levels(data: Data) -> str:
    best = (data.get("current") or {}).get("level")
    target = data["target"]
    by_years = (data.get("current") or {}).get("by_years")
    rows = []
    for lv in data.get("levels", []):
        marks = []
        classes = ["level"]
        if lv["level"] == best:
            marks.append('<span class="mark mark-current">you are here</span>')
            classes.append("is-current")
        if target.get("kind") == "level" and lv["level"] == data.get("target_level"):
            marks.append('<span class="mark mark-target">target</span>')
            classes.append("is-target")
        if lv["level"] == by_years:
            marks.append('<span class="mark mark-years">your years</span>')
        label = f"{lv['name']}: {percent(lv['coverage'])} of its skills covered"
        rows.append(
            f'<li class="{" ".join(classes)}" data-level="{esc(lv["level"])}">'
            f'<span class="level-name">{esc(lv["name"])} <span class="years">'
            f'{esc(years_band(lv["years_min"], lv["years_max"]))} years</span></span>'
            f'{_bar_svg(lv["coverage"], label, "met" if lv.get("met") else "unmet")}'
            f'<span class="pct">{percent(lv["coverage"])}<span class="req"> · required '
            f'{percent(lv["required_coverage"])}</span></span>'
            f'<span class="marks">{"".join(marks)}</span></li>'
        )
    return (
        '<section id="levels" aria-labelledby="levels-title"><h2 id="levels-title">Coverage by level</h2>'
        '<p class="hint">How much of each level\'s expected skills the resume covers (weighted; a skill only '
        "listed counts for less than one shown in use). A green bar: the level's required skills are covered "
        "enough.</p>"
        f'<ol class="levels">{"".join(rows)}</ol></section>'
    )


def _category_chart(data: Data) -> str:
    """Coverage by category as one SVG chart: per category of the target's skills, a bar of its weighted coverage
    (the sum the scorer weighs: a skill only listed counts for less than one shown in use)."""
    rows_data = {c["category"]: c for c in (data["target"].get("categories") or [])}
    if not rows_data:
        return ""
    order = category_order(rows_data)
    width, label_h, bar_h, gap = 400, 18, 12, 12
    row_h = label_h + bar_h + gap
    height = row_h * len(order) + 4
    rows = []
    for i, category in enumerate(order):
        row = rows_data[category]
        y = i * row_h
        share = max(0.0, min(1.0, float(row["coverage"])))
        name = category_name(category)
        summary = f"{percent(share)} of {plural(int(row['expected']), 'skill')}"
        rows.append(
            f'<g class="cat-row" data-category="{esc(category)}" data-coverage="{share:.4f}">'
            f"<title>{esc(name)}: {esc(summary)}</title>"
            f'<text class="cat-label" x="0" y="{y + 13}">{esc(name)}</text>'
            f'<text class="cat-count" x="{width}" y="{y + 13}" text-anchor="end">{esc(summary)}</text>'
            f'<rect class="seg-track" x="0" y="{y + label_h}" width="{width}" height="{bar_h}" rx="2"/>'
            f'<rect class="seg-shown" x="0" y="{y + label_h}" width="{share * width:.1f}" height="{bar_h}" rx="2"/>'
            "</g>"
        )
    target = esc(data["target"]["name"])
    return (
        '<section id="categories" aria-labelledby="categories-title"><h2 id="categories-title">Coverage by '
        "category</h2>"
        f'<p class="hint">How much of what {target} expects in each category the resume covers, weighted as the '
        "level bars are: by each skill's weight and importance, a skill only listed, mentioned or hedged counting "
        "for less than one shown in use.</p>"
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-labelledby="categories-title">'
        f"{''.join(rows)}</svg></section>"
    )


def _highlight(sentence: str, matched: str) -> str:
    at = sentence.lower().find(matched.lower()) if matched else -1
    if at < 0:
        return esc(sentence)
    end = at + len(matched)
    return f"{esc(sentence[:at])}<mark>{esc(sentence[at:end])}</mark>{esc(sentence[end:])}"


def _evidence_items(evidence: Sequence[Data], names: Mapping[str, str]) -> str:
    items = []
    for ev in evidence:
        if ev.get("implied_by"):
            source = names.get(ev["implied_by"], ev["implied_by"])
            note = f"follows from {esc(source)}"
        else:
            note = esc(section_name(ev.get("section", "other")))
        matched = ev.get("matched", "")
        sentence = evidence_sentence(ev.get("text", ""), matched)
        items.append(f'<li><q>{_highlight(sentence, matched)}</q> <span class="where">{note}</span></li>')
    return f'<ul class="evidence">{"".join(items)}</ul>'


def _skills(data: Data) -> str:
    skills = data.get("skills", [])
    names = skill_names(data)
    if not skills:
        return (
            '<section id="skills" aria-labelledby="skills-title"><h2 id="skills-title">Skills found</h2>'
            "<p>No skills of the taxonomy were found.</p></section>"
        )
    blocks = []
    for category, members in skills_by_category(data):
        items = []
        for skill in members:
            badge = f'<span class="strength s-{esc(skill["strength"])}">{esc(skill["strength"])}</span>'
            head = f'<span class="skill-name">{esc(skill["name"])}</span> {badge}'
            if skill.get("evidence"):
                items.append(
                    f'<li class="skill" data-skill="{esc(skill["skill_id"])}"><details><summary>{head}</summary>'
                    f"{_evidence_items(skill['evidence'], names)}</details></li>"
                )
            else:
                items.append(f'<li class="skill" data-skill="{esc(skill["skill_id"])}">{head}</li>')
        blocks.append(
            f'<div class="skill-group"><h3>{esc(category_name(category))}</h3>'
            f'<ul class="skill-list">{"".join(items)}</ul></div>'
        )
    legend = "".join(
        f'<li><span class="strength s-{esc(k)}">{esc(k)}</span> {esc(v)}</li>' for k, v in strength_legend()
    )
    return (
        '<section id="skills" aria-labelledby="skills-title"><h2 id="skills-title">Skills found</h2>'
        f'<p class="hint">{plural(len(skills), "skill")}. Open a skill to see the resume\'s words for it.</p>'
        f'<ul class="strength-legend">{legend}</ul><div class="skill-groups">{"".join(blocks)}</div></section>'
    )


def _legend(data: Data, gaps: Sequence[Data]) -> str:
    guides = cited_guides(data, gaps)
    if not guides:
        return ""
    items = "".join(
        f'<li id="guide-{esc(g["key"])}"><strong>{esc(g["short"])}</strong>: <cite>{esc(g["title"])}</cite>'
        + (f' <span class="file">({esc(g["file"])})</span>' if g.get("file") else "")
        + "</li>"
        for g in guides
    )
    return (
        '<section id="guides" aria-labelledby="guides-title"><h2 id="guides-title">Guides cited</h2>'
        "<p class=\"hint\">The career guides gapcheck's levels and skills come from, by the short names the gap cards "
        f'use.</p><ul class="guides">{items}</ul></section>'
    )


def _why(gap: Data, data: Data) -> str:
    """The gap's "why" sentence as the report words it (``gap["why"]``, the one Markdown prints too), with each
    cited guide's short title linked to the legend."""
    table = guide_table(data)
    shorts = {str(table[key]["short"]): key for key, _ in cited(gap.get("sources", [])) if key in table}
    text = esc(gap.get("why", ""))
    if not shorts:
        return text
    linked: set[str] = set()

    def link(found: re.Match[str]) -> str:
        short = html.unescape(found.group(0))
        if short in linked:
            return found.group(0)
        linked.add(short)
        return f'<a href="#guide-{esc(shorts[short])}" class="cite">{found.group(0)}</a>'

    names = sorted((esc(short) for short in shorts), key=len, reverse=True)
    return re.sub(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])", link, text)


def _next(gap: Data) -> str:
    step = gap.get("next_step") or {}
    text = step.get("text", "")
    parts = [f'<p class="next"><span class="label">Next step</span> {esc(text)}</p>']
    resources = list(step.get("resources", []))
    certs = list(step.get("certifications", []))
    if resources or certs:
        items = [f"<li>{esc(r)}</li>" for r in resources]
        for cert in certs:
            detail = ", ".join(x for x in (cert.get("provider"), cert.get("cost"), cert.get("time")) if x)
            items.append(f"<li>Certification: {esc(cert['name'])}" + (f" ({esc(detail)})" if detail else "") + "</li>")
        parts.append(f'<ul class="resources" aria-label="Resources">{"".join(items)}</ul>')
    return "".join(parts)


def _gap_card(gap: Data, data: Data, names: Mapping[str, str], skills: Mapping[str, Data]) -> str:
    kind = "missing" if gap["kind"] == "missing" else f"weak: {gap.get('strength') or 'weak'}"
    tags = [
        f'<span class="tag tag-{esc(gap["kind"])}">{esc(kind)}</span>',
        f'<span class="tag tag-importance">{esc(gap.get("importance", ""))}</span>',
        f'<span class="tag tag-category">{esc(category_name(gap.get("category", "")))}</span>',
    ]
    evidence = ""
    found = skills.get(gap["id"])
    if gap["kind"] == "weak" and found and found.get("evidence"):
        evidence = (
            f"<details><summary>What the resume says</summary>{_evidence_items(found['evidence'], names)}"
            "</details>"
        )
    return (
        f'<article class="gap gap-{esc(gap["kind"])}" id="gap-{esc(gap["id"])}" data-rank="{esc(gap["rank"])}">'
        f'<h3><span class="rank">{esc(gap["rank"])}</span> {esc(gap["name"])}</h3>'
        f'<p class="tags">{"".join(tags)}</p>'
        f'<p class="why"><span class="label">Why</span> {_why(gap, data)}</p>'
        f"{evidence}{_next(gap)}</article>"
    )


def _gaps(data: Data, top: int | None) -> str:
    gaps = list(data.get("gaps", []))
    target_name = data["target"]["name"]
    head = (
        '<section id="gaps" aria-labelledby="gaps-title">'
        f'<h2 id="gaps-title">What to learn next for {esc(target_name)}</h2>'
    )
    if not gaps:
        return head + "<p>No gaps: every expected skill is shown in use.</p></section>"
    names = skill_names(data)
    skills = {s["skill_id"]: s for s in data.get("skills", [])}
    shown = gaps if top is None else gaps[: max(top, 0)]
    rest = gaps[len(shown):]
    missing = sum(1 for g in gaps if g["kind"] == "missing")
    intro = (
        f'<p class="hint">{plural(len(gaps), "gap")}: {missing} missing, {len(gaps) - missing} found but not '
        "shown in use. Most important first: required before recommended, earlier levels first, and skills "
        "others build on before the skills that need them.</p>"
    )
    cards = "".join(_gap_card(g, data, names, skills) for g in shown)
    more = ""
    if rest:
        items = "".join(
            f'<li value="{esc(g["rank"])}">{esc(g["name"])} <span class="tag tag-{esc(g["kind"])}">'
            f'{esc(g["kind"])}</span> <span class="tag tag-importance">{esc(g.get("importance", ""))}</span></li>'
            for g in rest
        )
        more = (
            f'<details class="more-gaps"><summary>{plural(len(rest), "more gap")}</summary>'
            f'<ol class="gap-list">{items}</ol></details>'
        )
    return f'{head}{intro}<div class="gap-cards">{cards}</div>{more}</section>'


def _plan(data: Data) -> str:
    plan = list(data.get("plan", []))
    head = '<section id="plan" aria-labelledby="plan-title"><h2 id="plan-title">Learning plan</h2>'
    if not plan:
        return head + "<p>Nothing to plan.</p></section>"
    longest = max(step.get("months_max", 0.0) for step in plan) or 1.0
    credentials = credential_ids(data)
    items = []
    for step in plan:
        stage = step.get("stage")
        title = f"Stage {stage['order']}: {stage['name']}" if stage else "Other skills (no roadmap stage)"
        duration = plan_duration(step) or months_phrase(step.get("months_min", 0.0), step.get("months_max", 0.0))
        bar = round(max(step.get("months_max", 0.0), 0.0) / longest * 100, 1)
        lines = [
            f'<p><span class="label">{verb.capitalize()}</span> {esc(", ".join(listed))}</p>'
            for verb, listed in plan_parts(step, credentials)
        ]
        if step.get("resources"):
            lines.append(f'<p><span class="label">Resources</span> {esc(", ".join(step["resources"]))}</p>')
        stage_note = (
            f"; the whole stage takes {months_phrase(stage['months_min'], stage['months_max'], estimate=False)}"
            if stage
            else ""
        )
        items.append(
            f'<li class="step"><h3>{esc(title)}</h3><p class="duration">{esc(duration)}{esc(stage_note)}</p>'
            f'<svg class="duration-bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true">'
            f'<rect class="fill" x="0" y="0" width="{max(bar, 1.0)}" height="6" rx="1"/></svg>{"".join(lines)}</li>'
        )
    total = data.get("plan_total") or {}
    total_text = months_phrase(total.get("months_min", 0.0), total.get("months_max", 0.0))
    return (
        f'{head}<p class="hint">The gaps in roadmap order, with how long each stage should take you (the stage\'s '
        f'length times the share of its skills you still need). In all: <strong>{esc(total_text)}</strong>.</p>'
        f'<ol class="timeline">{"".join(items)}</ol></section>'
    )


def _job(data: Data) -> str:
    job = data.get("job")
    if not job:
        return ""
    items = "".join(
        f'<li class="{"required" if s.get("importance") == "required" else ""}">{esc(s["name"])}'
        f' <span class="tag tag-importance">{esc(s.get("importance", ""))}</span></li>'
        for s in job.get("skills", [])
    )
    years = next((text for label, text in job_lines(data) if label == "Years"), "")
    note = f'<p class="job-years"><span class="label">Years</span> {esc(years)}</p>' if years else ""
    return (
        '<section id="job" aria-labelledby="job-title"><h2 id="job-title">The job posting asks for</h2>'
        f'{note}<ul class="job-skills">{items}</ul></section>'
    )


def render_html(data: Data, *, top: int | None = DEFAULT_TOP) -> str:
    """The report (its serialized form, ``Report.to_dict()``) as one HTML page. ``top``: gaps shown as cards
    (the others are listed under them); None shows every gap as a card."""
    source = data.get("source") or {}
    name = source.get("name") or "resume"
    taxonomy = data.get("taxonomy") or {}
    gaps = _gaps(data, top)
    shown = list(data.get("gaps", [])) if top is None else list(data.get("gaps", []))[: max(top, 0)]
    body = "\n".join(
        part
        for part in (
            _glance(data),
            _levels(data),
            _category_chart(data),
            _job(data),
            gaps,
            _plan(data),
            _skills(data),
            _legend(data, shown),
        )
        if part
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="gapcheck {esc(data.get("gapcheck_version", ""))}">
<title>gapcheck report: {esc(name)}</title>
<style>
{STYLE}
</style>
</head>
<body>
<header class="page-head">
<h1>gapcheck report <span class="source-name">{esc(name)}</span></h1>
<p class="source">{esc(source_line(data))} · measured against the {esc(taxonomy.get("role", ""))} levels \
(taxonomy {esc(taxonomy.get("version", ""))})</p>
</header>
<main>
{body}
</main>
<footer><p>Made by gapcheck {esc(data.get("gapcheck_version", ""))}. This page needs no network and no script;
print it or save it as PDF from the browser.</p></footer>
</body>
</html>
"""


# Colours: every text colour reaches 4.5:1 on its background (WCAG AA), bars and marks 3:1 against their track.
STYLE = """
:root { --text: #1f2328; --muted: #4d565f; --line: #d0d7de; --bg: #ffffff; --panel: #f6f8fa; --accent: #0a4fb0;
  --ok: #1a7f37; --warn: #8a5a00; --bad: #b3261e; --track: #e3e8ee; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--text); background: var(--bg); font: 16px/1.5 system-ui, -apple-system, "Segoe UI",
  Roboto, "DejaVu Sans", sans-serif; }
.page-head, main, footer { max-width: 64rem; margin: 0 auto; padding: 0 1rem; }
.page-head { padding-top: 1.25rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h1 .source-name { font-weight: 400; color: var(--muted); }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 0 0 .35rem; }
p { margin: .35rem 0; }
a { color: var(--accent); }
.source, .hint, .stat-note, .years, .where, .file, footer { color: var(--muted); }
.hint { font-size: .95rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; }
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: .75rem; margin-top: 1rem; }
.stat { background: var(--panel); border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1rem; }
.stat-label { margin: 0; font-size: .85rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.stat-value { margin: .1rem 0; font-size: 1.35rem; font-weight: 700; }
#current-level { border-left: .35rem solid var(--accent); }
#target-level { border-left: .35rem solid var(--warn); }
.assessment { font-style: italic; margin-top: .75rem; }
.warning { background: #fff8e1; border: 1px solid #e0c170; border-radius: .35rem; padding: .4rem .75rem; }
.levels { list-style: none; padding: 0; margin: .5rem 0; }
.level { display: grid; grid-template-columns: 15rem minmax(6rem, 1fr) 11rem 8rem; align-items: center;
  gap: .25rem .75rem; padding: .35rem .5rem; border-radius: .35rem; }
.level.is-current { background: #eaf2ff; outline: 2px solid var(--accent); }
.level.is-target { outline: 2px dashed var(--warn); }
.level.is-current.is-target { outline-style: solid; }
.level-name { font-weight: 600; }
.level-name .years { font-weight: 400; font-size: .9rem; white-space: nowrap; }
.bar { width: 100%; height: .9rem; display: block; }
.bar .track { fill: var(--track); }
.bar.met .fill { fill: var(--ok); }
.bar.unmet .fill { fill: var(--warn); }
.pct { font-variant-numeric: tabular-nums; font-weight: 600; white-space: nowrap; }
.pct .req { font-weight: 400; color: var(--muted); font-size: .9rem; }
.marks { display: flex; flex-wrap: wrap; gap: .25rem; }
.mark, .tag, .strength { display: inline-block; font-size: .8rem; line-height: 1.4; padding: 0 .45rem;
  border-radius: 1rem; border: 1px solid currentColor; white-space: nowrap; }
.mark-current { color: #fff; background: var(--accent); border-color: var(--accent); }
.mark-target { color: #5c3b00; background: #fff1cc; }
.mark-years { color: var(--muted); background: #fff; }
.chart { width: 100%; max-width: 30rem; display: block; margin: .5rem 0; }
.chart text { font: 13px system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; fill: var(--text); }
.chart .cat-count { fill: var(--muted); }
.seg-track { fill: var(--track); }
.seg-shown { fill: var(--accent); }
.gap-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(19rem, 1fr)); gap: .75rem; }
.gap { border: 1px solid var(--line); border-top: .3rem solid var(--bad); border-radius: .5rem; padding: .75rem 1rem;
  background: var(--bg); break-inside: avoid; }
.gap-weak { border-top-color: var(--warn); }
.rank { display: inline-block; min-width: 1.6rem; text-align: center; border-radius: 1rem; background: var(--text);
  color: #fff; font-size: .85rem; margin-right: .25rem; }
.tags { display: flex; flex-wrap: wrap; gap: .3rem; }
.tag-missing { color: var(--bad); background: #fff5f4; }
.tag-weak { color: #6b4400; background: #fff8e1; }
.tag-importance, .tag-category { color: var(--muted); background: #fff; }
.label { font-weight: 700; margin-right: .25rem; }
.cite { text-decoration: none; font-weight: 600; }
.resources { margin: .25rem 0 0; padding-left: 1.25rem; font-size: .95rem; }
details { margin: .35rem 0; }
summary { cursor: pointer; }
.evidence { margin: .25rem 0 .5rem; padding-left: 1.25rem; font-size: .95rem; }
.evidence q { quotes: "“" "”"; }
mark { background: #fff1a8; color: inherit; padding: 0 .1rem; }
.more-gaps { margin-top: .75rem; }
.gap-list li { margin: .15rem 0; }
.timeline { list-style: none; margin: .5rem 0; padding: 0 0 0 1.25rem; border-left: 3px solid var(--line); }
.step { position: relative; margin: 0 0 1rem; padding-left: .5rem; break-inside: avoid; }
.step::before { content: ""; position: absolute; left: -1.85rem; top: .35rem; width: .9rem; height: .9rem;
  border-radius: 50%; background: var(--accent); border: 2px solid var(--bg); }
.duration { color: var(--muted); margin: 0; }
.duration-bar { width: 100%; max-width: 24rem; height: .4rem; display: block; margin: .2rem 0 .35rem; }
.duration-bar .fill { fill: var(--accent); }
.strength-legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; font-size: .9rem; }
.skill-groups { columns: 2 22rem; column-gap: 1.5rem; }
.skill-group { break-inside: avoid; margin-bottom: 1rem; }
.skill-list { list-style: none; padding: 0; margin: 0; }
.skill { margin: .1rem 0; }
.s-demonstrated { color: #0f5323; background: #e6f6ea; }
.s-listed { color: #0b4a8b; background: #eaf4ff; }
.s-mentioned { color: #3d2e8c; background: #f1eeff; }
.s-hedged { color: #6b4400; background: #fff8e1; }
.s-implied { color: #474f57; background: #f1f3f5; }
.job-skills { columns: 2 16rem; }
.job-skills .required { font-weight: 600; }
.guides li { margin: .2rem 0; }
footer { margin-top: 2.5rem; padding-bottom: 2rem; font-size: .9rem; border-top: 1px solid var(--line); }
@media (max-width: 48rem) {
  .level { grid-template-columns: 1fr auto; }
  .level .bar { grid-column: 1 / -1; grid-row: 2; }
  .level .marks { grid-column: 1 / -1; }
  .gap-cards { grid-template-columns: 1fr; }
  h1 { font-size: 1.3rem; }
  .chart text { font-size: 15px; }
}
@media print {
  @page { margin: 14mm 12mm; }
  body { font-size: 11pt; }
  .gap details::details-content { content-visibility: visible; display: block; height: auto; }
  .gap details > summary { list-style: none; font-weight: 700; }
  .page-head, main, footer { max-width: none; padding: 0; }
  .stat, .gap, .level.is-current { background: none; }
  .gap-cards { display: block; }
  .gap { margin-bottom: .5rem; }
  h2 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  summary { list-style: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
""".strip()
