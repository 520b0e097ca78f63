"""How long analyze() takes, against the reader alone, measured in the same run.

    .venv/bin/python benchmarks/bench_analysis.py

Prints the first call (loads the taxonomy and builds the matcher), then the median of repeated calls per file,
as milliseconds and as a ratio to read_resume() on the same file: the extra cost of matching, scoring and the
report. A repeated call close to the first one would mean something is rebuilt per call.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 1)


def files() -> list[Path]:
    found = sorted(p for p in (REPO / "examples").glob("*/resume.*") if p.suffix in (".pdf", ".docx", ".txt", ".md"))
    real = REPO.parent / "shared" / "real-resumes"
    if real.is_dir():
        found += sorted(p for p in real.iterdir() if p.suffix in (".pdf", ".docx"))
    return found


def median_ms(fn: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    start = time.perf_counter()
    from gapcheck.analysis import analyze
    from gapcheck.reading import read_resume

    paths = files()
    if not paths:
        print("no files to measure")
        return
    analyze(paths[0], today=TODAY)
    print(f"first call (imports, taxonomy, matcher build): {(time.perf_counter() - start) * 1000:.0f} ms")
    print(f"{'file':50} {'read ms':>8} {'analyze ms':>11} {'ratio':>6}")
    ratios = []
    for path in paths:
        read = median_ms(lambda p=path: read_resume(p, today=TODAY))  # type: ignore[misc]
        full = median_ms(lambda p=path: analyze(p, today=TODAY))  # type: ignore[misc]
        ratios.append(full / read)
        print(f"{path.name[:50]:50} {read:8.1f} {full:11.1f} {full / read:6.2f}")
    print(f"median ratio analyze/read: {statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()
