"""One row per resume, in the batch formats: JSON Lines, CSV, a JSON array, a Markdown table, terminal lines.

JSON rows carry the whole report (``Report.to_dict()``) under the file's name; CSV and Markdown rows the headline
figures. A resume that could not be read is a row with an ``error`` field: the same one-line message the
single-file command prints.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from enum import StrEnum
from typing import Any, TextIO

from gapcheck.analysis import AnalysisFailure
from gapcheck.report.model import Report

Result = Report | AnalysisFailure
GAPS_IN_ROW = 5  # gaps named in a CSV/Markdown/terminal row


class RowFormat(StrEnum):
    TERMINAL = "terminal"
    JSONL = "jsonl"
    CSV = "csv"
    JSON = "json"
    MARKDOWN = "markdown"


COLUMNS = ("file", "best_fit_level", "target", "target_coverage", "years", "skills", "top_gaps", "error")


def full_row(label: str, result: Result) -> dict[str, Any]:
    """The JSON row: the report's fields, ``file`` first; or ``file``, ``error``, ``error_type``, ``exit_code``."""
    if isinstance(result, AnalysisFailure):
        return {"file": label, "error": result.message, "error_type": result.error, "exit_code": result.exit_code}
    return {"file": label, **result.to_dict()}


def flat_row(label: str, result: Result) -> dict[str, str]:
    """The headline figures of one resume, every value a string (empty when it does not apply)."""
    row = dict.fromkeys(COLUMNS, "")
    row["file"] = label
    if isinstance(result, AnalysisFailure):
        row["error"] = result.message
        return row
    years = result.current.years  # the reader's years, or 0 where the level counted a resume with no work
    row.update(
        best_fit_level=result.best_fit_level or "",
        target=result.target.id,
        target_coverage=f"{result.target.coverage * 100:.1f}",
        years="" if years is None else f"{years:.1f}",
        skills=str(len(result.skills)),
        top_gaps="; ".join(g.name for g in result.gaps[:GAPS_IN_ROW]),
    )
    return row


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def row_text(fmt: RowFormat, label: str, result: Result) -> str:
    """One row in ``fmt``, without the framing (CSV and Markdown header, JSON brackets) or the line end: what a
    batch worker makes, so that the process collecting the rows only writes them."""
    if fmt in (RowFormat.JSONL, RowFormat.JSON):
        return json.dumps(full_row(label, result), ensure_ascii=False)
    if fmt == RowFormat.CSV:
        line = io.StringIO()
        # "\r\n" (stripped after) makes the writer quote a cell holding a line break; "" would not (Python 3.11)
        csv.DictWriter(line, fieldnames=COLUMNS, lineterminator="\r\n").writerow(flat_row(label, result))
        return line.getvalue().removesuffix("\r\n")
    if fmt == RowFormat.MARKDOWN:
        return "| " + " | ".join(_cell(v) for v in flat_row(label, result).values()) + " |"
    return terminal_line(label, result)


class RowWriter:
    """Writes rows to ``stream`` as they come (nothing is held but the CSV/JSON framing)."""

    def __init__(self, fmt: RowFormat, stream: TextIO) -> None:
        self.fmt = fmt
        self.stream = stream
        self.count = 0

    def write(self, label: str, result: Result) -> None:
        self.write_text(row_text(self.fmt, label, result))

    def write_text(self, text: str) -> None:
        """A row made by :func:`row_text` in this writer's format."""
        out = self.stream
        if self.count == 0 and self.fmt == RowFormat.CSV:
            csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n").writeheader()
        elif self.count == 0 and self.fmt == RowFormat.MARKDOWN:
            out.write("| " + " | ".join(COLUMNS) + " |\n" + "|" + " --- |" * len(COLUMNS) + "\n")
        if self.fmt == RowFormat.JSON:
            out.write(("[\n  " if self.count == 0 else ",\n  ") + text)
        else:
            out.write(text + "\n")
        self.count += 1
        out.flush()

    def close(self) -> None:
        if self.fmt == RowFormat.JSON:
            self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        self.stream.flush()


def terminal_line(label: str, result: Result) -> str:
    if isinstance(result, AnalysisFailure):
        return f"{label}: error: {result.message}"
    row = flat_row(label, result)
    gaps = f"; next: {row['top_gaps']}" if row["top_gaps"] else ""
    return (
        f"{label}: best fit {row['best_fit_level'] or 'none'}, {row['target']} {row['target_coverage']}%"
        f", {row['skills']} skills{gaps}"
    )


def write_all(fmt: RowFormat, stream: TextIO, results: Iterable[tuple[str, Result]]) -> None:
    writer = RowWriter(fmt, stream)
    for label, result in results:
        writer.write(label, result)
    writer.close()
