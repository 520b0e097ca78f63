"""The renderers: every format, Markdown tables, the terminal without colour and on narrow widths, redaction."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from rich.console import Console

from gapcheck.analysis import analyze_text
from gapcheck.report.markdown import render_markdown
from gapcheck.report.model import Report
from gapcheck.report.redact import redact, redact_text
from gapcheck.report.render import RENDERERS, OutputFormat, render
from gapcheck.report.terminal import render_terminal

TODAY = date(2026, 11, 1)
EMAIL = "casey.lin@example.com"
PHONE = "(555) 019-4477"
URL = "https://www.linkedin.com/in/casey-lin-example"
RESUME = f"""Casey Lin
{EMAIL} | {PHONE} | {URL}

EXPERIENCE
Data Scientist, Orbit Labs
Mar 2022 - Present
- Trained XGBoost and logistic regression models in Python; contact {EMAIL} for the repo at {URL}.
- Wrote SQL pipelines and unit tests with pytest.

SKILLS
Python, SQL, pandas, NumPy, Docker, familiar with PyTorch
"""
ANSI = re.compile(r"\x1b\[")


@pytest.fixture(scope="module")
def report() -> Report:
    return analyze_text(RESUME, today=TODAY, source_name="casey.txt")


def terminal_text(report: Report, width: int, color: bool = False) -> str:
    stream = io.StringIO()
    if color:
        console = Console(file=stream, width=width, force_terminal=True, color_system="standard")
    else:
        console = Console(file=stream, width=width)  # a StringIO is not a terminal: plain text
    render_terminal(report, console)
    return stream.getvalue()


def test_every_format_has_a_renderer_and_renders(report: Report) -> None:
    assert set(RENDERERS) == set(OutputFormat)
    for fmt in OutputFormat:
        stream = io.StringIO()
        render(report, fmt, stream, plain=True)
        out = stream.getvalue()
        assert report.target.name in out or fmt == OutputFormat.JSON
        assert "casey.txt" in out


def test_markdown_has_the_report_content(report: Report) -> None:
    md = render_markdown(report)
    assert md.startswith("# gapcheck report: casey.txt\n")
    for heading in ("## Coverage by level", "## Skills found", f"for {report.target.name}", "## Learning plan",
                    "## Guides cited"):
        assert heading in md
    for level in report.levels:
        assert re.search(rf"^\| {re.escape(level.name)} \|", md, re.M), level.level
    for gap in report.gaps:
        assert re.search(rf"^### {gap.rank}\. {re.escape(gap.name)} \(", md, re.M), gap.name
    for skill in report.skills:
        assert skill.name in md
    # a table row never breaks: every row line has the header's column count
    for block in re.findall(r"((?:^\|.*\|\n)+)", md, re.M):
        rows = block.strip("\n").split("\n")
        counts = {len(re.findall(r"(?<!\\)\|", row)) for row in rows}
        assert len(counts) == 1, rows[0]


def test_terminal_without_colour_has_no_escape_codes_and_all_sections(report: Report) -> None:
    out = terminal_text(report, 100)
    assert not ANSI.search(out)
    for part in ("Where you stand", "Coverage by level", "Skills found", "gaps for", "Learning plan", "Guides cited"):
        assert part in out
    for level in report.levels:
        assert level.name in out
    assert report.gaps[0].name in out
    assert all(line == line.rstrip() for line in out.splitlines()), "trailing padding"


def test_terminal_with_colour_uses_escape_codes(report: Report) -> None:
    assert ANSI.search(terminal_text(report, 100, color=True))


def test_no_color_environment_is_respected(report: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    stream = io.StringIO()
    render_terminal(report, Console(file=stream, width=100, force_terminal=True))
    assert not re.search(r"\x1b\[[0-9;]*3[0-9]m", stream.getvalue())  # no foreground colours


@pytest.mark.parametrize("width", [40, 60, 120])
def test_narrow_terminals_keep_lines_within_the_width(report: Report, width: int) -> None:
    out = terminal_text(report, width)
    assert max(len(line) for line in out.splitlines()) <= width
    assert report.gaps[0].name in out


def test_redact_text() -> None:
    tail = "and 2019-2021, 3.5 years, 0.8571428571"
    masked = redact_text(f"{EMAIL} {PHONE} {URL} +44 20 7946 0958 jane.github.io {tail}")
    assert EMAIL not in masked and PHONE not in masked and "linkedin" not in masked and "7946" not in masked
    assert "github.io" not in masked
    assert masked.endswith(tail)


@pytest.mark.parametrize(
    "phone", ["+1-555-123-4567", "555 123 4567", "(+91) 98765 43210", "+44 20 7946 0958", "020 7946 0958"]
)
def test_phone_formats_are_masked(phone: str) -> None:
    assert redact_text(f"Tel: {phone}.") == "Tel: [phone]."


@pytest.mark.parametrize(
    "text", ["2015 - 2019 2020", "2018.01 - 2020.12", "03/2018 - 06/2020", "1,000,000 rows", "v1.2.3", "0.8571428571"]
)
def test_dates_and_numbers_are_not_masked(text: str) -> None:
    assert redact_text(text) == text


def test_redacted_report_shows_no_contact_details_in_any_format(report: Report) -> None:
    raw = "".join(_render_all(report))
    assert EMAIL in raw  # the evidence does hold them before redaction
    redacted = redact(report)
    assert redacted.levels == report.levels and [g.priority for g in redacted.gaps] == [g.priority for g in report.gaps]
    # kinds stay the enums they are (a StrEnum is a str, but never resume text)
    assert [type(g.kind) for g in redacted.gaps] == [type(g.kind) for g in report.gaps]
    assert [type(s.strength) for s in redacted.skills] == [type(s.strength) for s in report.skills]
    assert redacted.current.reason is report.current.reason
    for out in _render_all(redacted):
        assert EMAIL not in out and "019-4477" not in out and "linkedin.com" not in out
        assert "casey-lin-example" not in out


def _render_all(report: Report) -> list[str]:
    outs = []
    for fmt in OutputFormat:
        stream = io.StringIO()
        render(report, fmt, stream, plain=True)
        outs.append(stream.getvalue())
    return outs


def test_top_keeps_the_first_gaps(report: Report) -> None:
    assert report.top(3).gaps == report.gaps[:3]
    assert report.top(None) is report
    assert report.top(0).gaps == ()
    assert report.top(3).plan == report.plan
