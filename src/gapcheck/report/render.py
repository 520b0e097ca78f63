"""Output formats, each mapped to its renderer. Rich is imported only for the terminal format."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, TextIO

from gapcheck.report.json_render import render_json
from gapcheck.report.markdown import render_markdown
from gapcheck.report.model import Report
from gapcheck.report.text import DEFAULT_TOP

if TYPE_CHECKING:
    from rich.console import Console


class OutputFormat(StrEnum):
    TERMINAL = "terminal"
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"


def make_console(stream: TextIO, *, plain: bool = False, width: int | None = None) -> Console:
    """A Rich console on ``stream``. ``plain``: no colour or terminal codes (files). Rich itself honours NO_COLOR,
    COLUMNS and whether ``stream`` is a terminal."""
    from rich.console import Console

    if plain:
        return Console(file=stream, force_terminal=False, no_color=True, width=width or 100, highlight=False)
    return Console(file=stream, width=width, highlight=False)


def _terminal(report: Report, stream: TextIO, plain: bool, width: int | None, top: int | None) -> None:
    from gapcheck.report.terminal import render_terminal

    render_terminal(report, make_console(stream, plain=plain, width=width), top=top)


def _json(report: Report, stream: TextIO, plain: bool, width: int | None, top: int | None) -> None:
    stream.write(render_json(report.top(top)))


def _markdown(report: Report, stream: TextIO, plain: bool, width: int | None, top: int | None) -> None:
    stream.write(render_markdown(report, top=top))


def _html(report: Report, stream: TextIO, plain: bool, width: int | None, top: int | None) -> None:
    stream.write(report.to_html(top=top))




def gaps_shown(fmt: OutputFormat, top: int | None, show_all: bool) -> int | None:
    """How many gaps a report in ``fmt`` shows: ``top`` when given, every gap for --all and for JSON (data for
    programs), else the first DEFAULT_TOP."""
    if show_all:
        return None
    if top is not None:
        return top
    return None if fmt == OutputFormat.JSON else DEFAULT_TOP


# (report, stream, plain, width, top): every renderer gets the whole report and shows its first ``top`` gaps
Renderer = Callable[[Report, TextIO, bool, int | None, int | None], None]

RENDERERS: dict[OutputFormat, Renderer] = {
    OutputFormat.TERMINAL: _terminal,
    OutputFormat.JSON: _json,
    OutputFormat.MARKDOWN: _markdown,
    OutputFormat.HTML: _html,
}


def render(
    report: Report,
    fmt: OutputFormat,
    stream: TextIO,
    *,
    plain: bool = False,
    width: int | None = None,
    top: int | None = None,
) -> None:
    """Write ``report`` in format ``fmt`` on ``stream``, with its first ``top`` gaps (None: all). The HTML page
    keeps every gap for its charts and lists the ones after ``top`` without their cards."""
    RENDERERS[fmt](report, stream, plain, width, top)
