"""A long fuzzing run of the reader and of analyze_text, outside the normal test run (Hypothesis, many examples).

    python scripts/fuzz_reader.py [--examples N]

Four targets: arbitrary bytes under each file name; the fixture PDF, DOCX and text with bytes flipped; the same
truncated; arbitrary text (lone surrogates and controls included, with punctuation runs mixed in) given to
analyze_text. The only outcomes allowed are a Resume/Report or a GapcheckError with a one-line message that
names the file; anything else is printed with the input that caused it (Hypothesis shrinks it first). Prints
how many inputs each target tried, and the failures found.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gapcheck.analysis import analyze_text
from gapcheck.errors import GapcheckError
from gapcheck.reading import Limits, read_resume

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
SOURCES = {name: (FIXTURES / name).read_bytes() for name in ("one_column.pdf", "table_layout.docx", "plain.txt")}
# In-process PDF reading: a crash of PDFium would end this script, which is what a fuzz run should show.
LIMITS = Limits(isolate_pdf=False)
COUNTS: dict[str, int] = {}


def _read(data: bytes, name: str, engine: str = "auto") -> None:
    try:
        read_resume(data, source_name=name, pdf_engine=engine, limits=LIMITS)
    except GapcheckError as error:
        assert "\n" not in error.message and error.message.startswith(f"{name}: "), error.message


def _counted(target: str, action: Callable[..., None]) -> Callable[..., None]:
    def run(*args: Any) -> None:
        COUNTS[target] = COUNTS.get(target, 0) + 1
        action(*args)

    return run


def targets(examples: int) -> list[tuple[str, Callable[[], None]]]:
    common = settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), database=None)

    @common
    @given(st.binary(max_size=4096), st.sampled_from(["cv.pdf", "cv.docx", "cv.txt", "cv.md", "cv"]))
    def arbitrary_bytes(data: bytes, name: str) -> None:
        _counted("arbitrary bytes", _read)(data, name)

    @common
    @given(
        st.sampled_from(sorted(SOURCES)),
        st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), min_size=1, max_size=16),
        st.sampled_from(["pypdfium2", "pypdf"]),
    )
    def flipped(name: str, flips: list[tuple[int, int]], engine: str) -> None:
        data = bytearray(SOURCES[name])
        for position, value in flips:
            data[position % len(data)] = value
        _counted("flipped documents", _read)(bytes(data), name, engine)

    @common
    @given(st.sampled_from(sorted(SOURCES)), st.floats(0.0, 0.999), st.sampled_from(["pypdfium2", "pypdf"]))
    def truncated(name: str, keep: float, engine: str) -> None:
        data = SOURCES[name]
        _counted("truncated documents", _read)(data[: int(len(data) * keep)], name, engine)

    pieces = st.sampled_from(
        ["Python", "SKILLS\n", "no experience with ", "=" * 300, "!?#*" * 60, "(" * 99, "> " * 80, " " * 999,
         "\ud800", "\x00", "\x1b[2J", "e\u0301" * 60, "C#", "CI/CD"]
    )

    @common
    @given(st.lists(pieces | st.text(st.characters(exclude_categories=()), max_size=60), max_size=40))
    def text(parts: list[str]) -> None:
        def analyze(value: str) -> None:
            try:
                analyze_text(value)
            except GapcheckError as error:
                assert "\n" not in error.message

        _counted("analyze_text", analyze)("".join(parts))

    return [
        ("arbitrary bytes", arbitrary_bytes),
        ("flipped documents", flipped),
        ("truncated documents", truncated),
        ("analyze_text", text),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000, help="examples per target")
    args = parser.parse_args()
    failures = 0
    for name, target in targets(args.examples):
        began = time.monotonic()
        try:
            target()
            outcome = "no failure"
        except Exception:  # Hypothesis re-raises the shrunk failure: print it and go on
            failures += 1
            outcome = "FAILED:\n" + traceback.format_exc()
        print(f"{name}: {COUNTS.get(name, 0)} inputs in {time.monotonic() - began:.0f} s, {outcome}", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
