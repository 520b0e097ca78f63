"""Write the golden expected outputs of the bundled examples from the current pipeline.

    .venv/bin/python scripts/update_golden.py          # rewrite examples/*/expected.*
    .venv/bin/python scripts/update_golden.py --check  # exit 1 if any file would change

For each case below, writes examples/<folder>/expected<suffix>.json (``Report.to_dict()``, with
``gapcheck_version`` replaced by ``"<version>"`` so a version bump alone does not break the comparison),
expected<suffix>.md (the Markdown), expected<suffix>.html (the HTML page) and expected<suffix>.txt (the terminal
report at width 100 without colour), each rendered from that JSON as the CLI prints it by default (10 gaps).
"Present" is fixed to TODAY so the outputs do not age. tests/report/test_report_golden.py compares the JSON field
by field, the Markdown as a whole and the HTML by its structure (elements and text, not the stylesheet).
Regenerate after a deliberate change to the taxonomy, the matcher, the reader or the scoring, and review the diff.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
TODAY = date(2026, 11, 1)
VERSION_PLACEHOLDER = "<version>"
TERMINAL_WIDTH = 100


@dataclass(frozen=True)
class Case:
    folder: str  # examples/<folder>
    resume: str  # file name in the folder
    suffix: str = ""  # expected<suffix>.json / .md
    level: str | None = None
    job: str | None = None  # path relative to examples/


CASES = (
    Case("junior-ml", "resume.pdf"),
    Case("junior-ml", "resume.pdf", suffix=".job", job="job-posting.txt"),
    Case("career-changer", "resume.docx", suffix=".junior", level="junior"),
    Case("senior-mle", "resume.pdf"),
)


def outputs(case: Case) -> tuple[dict[str, Any], str, str, str]:
    """The normalized JSON dict (every gap), and the Markdown, the HTML page and the terminal report (width 100,
    no colour) as the CLI prints them by default (the first 10 gaps), of one case from the current pipeline."""
    import io

    from rich.console import Console

    from gapcheck.analysis import analyze
    from gapcheck.report.html_page import render_html
    from gapcheck.report.markdown import render_markdown_data
    from gapcheck.report.render import DEFAULT_TOP
    from gapcheck.report.terminal import render_terminal_data

    job = None if case.job is None else EXAMPLES / case.job
    report = analyze(EXAMPLES / case.folder / case.resume, level=case.level, job=job, today=TODAY)
    data = report.to_dict()
    data["gapcheck_version"] = VERSION_PLACEHOLDER
    stream = io.StringIO()
    console = Console(file=stream, width=TERMINAL_WIDTH, no_color=True, force_terminal=False, highlight=False)
    render_terminal_data(data, console, top=DEFAULT_TOP)
    return data, render_markdown_data(data, top=DEFAULT_TOP), render_html(data, top=DEFAULT_TOP), stream.getvalue()


def expected_paths(case: Case) -> tuple[Path, Path, Path, Path]:
    """expected<suffix>.json, .md, .html and .txt (the terminal report)."""
    folder = EXAMPLES / case.folder
    stem = f"expected{case.suffix}"
    return folder / f"{stem}.json", folder / f"{stem}.md", folder / f"{stem}.html", folder / f"{stem}.txt"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report which files would change")
    args = parser.parse_args(argv)
    changed = []
    for case in CASES:
        if not (EXAMPLES / case.folder / case.resume).exists():
            print(f"skip {case.folder}/{case.resume}: not there", file=sys.stderr)
            continue
        data, markdown, page, terminal = outputs(case)
        json_path, md_path, html_path, txt_path = expected_paths(case)
        as_json = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        texts = ((json_path, as_json), (md_path, markdown), (html_path, page), (txt_path, terminal))
        for path, text in texts:
            old = path.read_text(encoding="utf-8") if path.exists() else None
            if old != text:
                changed.append(path.relative_to(REPO))
                if not args.check:
                    path.write_text(text, encoding="utf-8")
    verb = "would change" if args.check else "written"
    for path in changed:
        print(f"{verb}: {path}")
    if not changed:
        print("golden files up to date")
    return 1 if (args.check and changed) else 0


if __name__ == "__main__":
    raise SystemExit(main())
