"""The terminal renderer (Rich): a report read once, on about two screens.

Where you stand (the level, how it is judged, the years and the date they are counted to) and the target; a
coverage bar per level; the top gaps (``--top``, ``--all``), each with what the resume shows, why (which guides),
and the next step; the learning plan, a line per stage; the skills found as one block by category; the sentences
that show skills in use, each once; the legend of the guides cited.

It reads the serialized report (``Report.to_dict()``). Resume text is added as ``rich.text.Text`` (never parsed as
markup). Lines are wrapped here with a hanging indent, so nothing is padded to the terminal's width; colour
follows the Console (off for ``NO_COLOR`` and when not a terminal).
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from rich.console import Console
from rich.text import Text

from gapcheck.report import words
from gapcheck.report.model import Report
from gapcheck.report.text import evidence_sentence, percent, years_band

Data = Mapping[str, Any]

KIND_STYLES = {"missing": "red", "weak": "yellow"}
NBSP = "\u00a0"  # joins "gap" and its number, so a wrap never leaves the number alone on a line
EVIDENCE_NAMES = 2  # skill names listed before "and N more", for the skills one quoted sentence shows


def _bar(value: float, width: int, unicode: bool) -> str:
    full, empty = ("█", "░") if unicode else ("#", "-")
    filled = round(max(0.0, min(1.0, value)) * width)
    return full * filled + empty * (width - filled)


class _Writer:
    """Prints wrapped lines with a hanging indent on a Console."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.width = max(console.width, 40)

    def line(self, text: Text | str = "") -> None:
        self.console.print(text if isinstance(text, Text) else Text(text), overflow="fold")

    def wrapped(self, text: Text, *, indent: int) -> None:
        """``text`` (styled) wrapped to the width, its continuation lines indented by ``indent``."""
        plain = text.plain
        pieces = textwrap.wrap(plain, width=self.width, subsequent_indent=" " * indent, break_on_hyphens=False,
                               drop_whitespace=True)
        at = 0
        for piece in pieces:
            body = piece.lstrip(" ") if at else piece
            start = plain.index(body, at)
            line = Text(" " * (len(piece) - len(body))) if at else Text()
            line.append_text(text[start : start + len(body)])
            self.line(line)
            at = start + len(body)

    def heading(self, text: str) -> None:
        self.line()
        self.line(Text(text, style="bold"))

    def labelled(
        self, label: str, body: str, *, indent: int, label_style: str = "dim", style: str = "", left: bool = False
    ) -> None:
        """``label`` in a column of ``indent`` characters (right-aligned unless ``left``), ``body`` wrapped beside
        it with a hanging indent."""
        head = (label.ljust(indent - 1) if left else label.rjust(indent - 1)) + " " if label else " " * indent
        pieces = textwrap.wrap(body, width=self.width - indent, break_long_words=True, break_on_hyphens=False)
        for i, piece in enumerate(pieces or [""]):
            text = Text(head if i == 0 else " " * indent, style=label_style if i == 0 else "")
            text.append(piece, style=style)
            self.line(text)


def _level_rows(data: Data, out: _Writer, unicode: bool) -> None:
    best = (data.get("current") or {}).get("level")
    target = data["target"]
    by_years = (data.get("current") or {}).get("by_years")
    levels = data.get("levels", [])
    name_width = max((len(lv["name"]) for lv in levels), default=10)
    marks_of: dict[str, list[str]] = {}
    for lv in levels:
        marks = marks_of.setdefault(lv["level"], [])
        if lv["level"] == best:
            marks.append("you are here")
        if target.get("kind") == "level" and lv["level"] == data.get("target_level"):
            marks.append("target")
        if lv["level"] == by_years:
            marks.append("your years")
    widest = max((len(", ".join(m)) + 4 for m in marks_of.values() if m), default=0)
    bar_width = max(10, min(30, out.width - 2 - name_width - 7 - 10 - widest))
    for lv in levels:
        marks = marks_of[lv["level"]]
        text = Text("  ")
        text.append(lv["name"].ljust(name_width), style="bold" if marks else "")
        text.append(f" {years_band(lv['years_min'], lv['years_max']) + 'y':>5} ")
        text.append(_bar(lv["coverage"], bar_width, unicode), style="green" if lv.get("met") else "yellow")
        text.append(f" {percent(lv['coverage']):>4} {percent(lv['required_coverage']):>4}")
        if marks:
            text.append("  ← " + ", ".join(marks), style="italic")
        out.line(text)


def _refs(ids: Sequence[str], ranks: Mapping[str, int], names: Mapping[str, str]) -> str:
    """Skills a gap line points to: by their number when listed above or below ("gaps 3 and 4"), else by name."""
    listed = sorted(ranks[s] for s in ids if s in ranks)
    others = [names.get(s, s) for s in ids if s not in ranks]
    parts = []
    if listed:
        numbers = [str(n) for n in listed]
        said = numbers[0] if len(numbers) == 1 else f",{NBSP}".join(numbers[:-1]) + f"{NBSP}and{NBSP}" + numbers[-1]
        parts.append(f"gap{'s' if len(numbers) > 1 else ''}{NBSP}{said}")  # a reference is not split by a wrap
    if others:
        parts.append(words.some(others, 2))
    return ", ".join(parts)


def _todo(gap: Data, names: Mapping[str, str], ranks: Mapping[str, int]) -> str:
    """A gap's next step in a few words, for its head line: "learn in stage 7, after gap 1" (the plan below
    gives each stage's length), "show it in use"."""
    step = gap.get("next_step") or {}
    if step.get("action") == "show":
        return "show it in use, and drop the hedge" if gap.get("strength") == "hedged" else "show it in use"
    stage = step.get("stage")
    verb = "earn" if words.is_credential(gap.get("category")) else "learn"
    text = f"{verb} in stage {stage['order']}" if stage else f"{verb} it"
    if gap.get("first_for"):
        text += ", before " + _refs(gap["first_for"], ranks, names)
    if step.get("learn_first"):
        text += ", after " + _refs(step["learn_first"], ranks, names)
    return text


def _gaps(data: Data, out: _Writer, total: int) -> None:
    gaps = data.get("gaps", [])
    target = data["target"]["name"]
    if not gaps:
        out.heading(f"Gaps for {target}")
        out.line("None: every expected skill is shown in use.")
        return
    shown = f"The first {len(gaps)} of {total} gaps" if len(gaps) < total else f"All {words.plural(total, 'gap')}"
    more = " (--all: every gap)" if len(gaps) < total else ""
    out.heading(f"{shown} for {target}, most important first{more}")
    names = words.skill_names(data)
    ranks = {g["id"]: g["rank"] for g in gaps}
    resources_of: dict[tuple[str, ...], int] = {}
    for gap in gaps:
        since = gap.get("since", "")
        state = f"{words.gap_state(gap)} " + ("by the posting" if since == "job" else f"from the {since} level")
        head = Text(f"{gap['rank']:>3}. ")
        head.append(gap["name"], style="bold")
        head.append(f"  {state}", style=KIND_STYLES.get(gap["kind"], ""))
        head.append(f"; {_todo(gap, names, ranks)}")
        out.wrapped(head, indent=5)
        if gap["kind"] == "weak":
            found = words.found_evidence(data, gap["id"])
            if found is not None:
                sentence, where = found
                evidence = (e for s in data["skills"] if s["skill_id"] == gap["id"] for e in s["evidence"])
                match = next((e["matched"] for e in evidence), "")
                out.labelled("found", f"“{evidence_sentence(sentence, match, width=140)}” ({where})", indent=10)
        why = words.citation_text(data, gap["sources"], sections=False) if gap.get("sources") else ""
        resources = tuple((gap.get("next_step") or {}).get("resources", []))
        if resources:
            same = resources_of.setdefault(resources, gap["rank"])
            said = f"resources as for gap{NBSP}{same}" if same != gap["rank"] else "resources: " + ", ".join(resources)
            why = f"{why}; {said}" if why else said
        if why:
            out.labelled("why", why, indent=10)


def _fitted(head: str, step: Data, width: int, credentials: frozenset[str]) -> str:
    """A plan line on one line of ``width`` where it can be: as many skill names as fit (those to learn first),
    each list ending "and N more"."""
    learn, show = len(step.get("learn", [])), len(step.get("show", []))
    line = ""
    for budget in range(learn + show, 0, -1):
        most = min(learn, max(budget - min(show, 1), 1))
        _, duration, what = words.plan_line(step, most, max(budget - most, 1), credentials)
        line = f"{head}{f' ({duration})' if duration else ''}: {what}"
        if len(line) <= width:
            break
    return line


def _plan(data: Data, out: _Writer) -> None:
    """The plan, a line per stage; ``data`` with every gap (for which of them are credentials)."""
    credentials = words.credential_ids(data)
    plan = data.get("plan", [])
    total = data.get("plan_total") or {}
    if not plan:
        out.heading("Learning plan: nothing to learn")
        return
    out.heading(f"Learning plan, {words.months_phrase(total.get('months_min', 0), total.get('months_max', 0))} in all")
    for step in plan:
        title = words.plan_title(step)
        number, _, name = title.partition(". ") if step.get("stage") else ("", "", title)
        out.labelled(f"{number}." if number else "", _fitted(name, step, out.width - 5, credentials), indent=5)


def _skills(data: Data, out: _Writer) -> None:
    skills = data.get("skills", [])
    shown = sum(1 for s in skills if s["strength"] == "demonstrated")
    if not skills:
        out.heading("Skills found: none of the taxonomy's")
        return
    out.heading(f"Skills found: {len(skills)}, {shown} shown in use")
    groups = words.skills_by_category(data)
    width = max(len(words.category_name(c)) for c, _ in groups) + 2
    for category, members in groups:
        out.labelled(
            words.category_name(category), words.compact_skills(members), indent=width, label_style="bold", left=True
        )


def _evidence(data: Data, out: _Writer) -> None:
    rows = words.evidence_by_sentence(data)
    if not rows:
        return
    out.heading("What shows them in use (one sentence each)")
    indent = max(len(where) for where, _, _ in rows) + 5
    previous = ""
    for where, sentence, names in rows:
        room = out.width - indent
        head = f"{words.some(names, EVIDENCE_NAMES)}: "
        width = max(room - len(head) - 2, 30)
        quote = evidence_sentence(sentence, "", width=width)
        while len(quote) > room - len(head) - 2 and width > 30:  # the cut lands on a word boundary: one more try
            width -= 4
            quote = evidence_sentence(sentence, "", width=width)
        label = where if where != previous else ""
        previous = where
        out.labelled(f"  {label}" if label else "", f"{head}“{quote}”", indent=indent, label_style="bold", left=True)


def _legend(data: Data, out: _Writer) -> None:
    guides = words.cited_guides(data, data.get("gaps", []))
    if not guides:
        return
    out.heading("Guides cited")
    width = max(len(g["short"]) for g in guides) + 2
    for guide in guides:
        out.labelled(guide["short"], guide["title"], indent=width, label_style="bold", left=True)


def render_terminal(report: Report, console: Console, *, top: int | None = None) -> None:
    """Print ``report`` on ``console``, with its first ``top`` gaps (None: all)."""
    render_terminal_data(report.to_dict(), console, top=top)


def render_terminal_data(data: Data, console: Console, *, top: int | None = None) -> None:
    """Print a serialized report on ``console``, with its first ``top`` gaps (None: all)."""
    total_gaps = len(data.get("gaps", []))
    full = data
    if top is not None:
        data = {**data, "gaps": data.get("gaps", [])[: max(top, 0)]}
    out = _Writer(console)
    unicode = (console.encoding or "").lower().startswith("utf")
    source = data.get("source") or {}
    out.line(Text(f"gapcheck — {source.get('name') or 'resume'} ({words.source_line(data)})", style="bold"))
    level, how = words.standing(data)
    stand = Text("Where you stand  ", style="bold")
    stand.append(level, style="bold green")
    stand.append(f" ({how})")
    out.line(stand)
    out.labelled("Experience", words.experience_line(data), indent=17, label_style="bold")
    out.labelled("Target", words.target_line(data), indent=17, label_style="bold")
    for warning in data.get("warnings", []):
        out.labelled("Note", warning, indent=17, label_style="bold yellow")
    out.heading("Coverage by level: of all the skills it expects, and of the required ones")
    _level_rows(data, out, unicode)
    asks = words.job_lines(data)
    if asks:
        out.heading("The job posting asks for")
        for label, text in asks:
            out.labelled(label, text, indent=14, label_style="bold", left=True)
    _gaps(data, out, total_gaps)
    _plan(full, out)
    _skills(data, out)
    _evidence(data, out)
    _legend(data, out)
