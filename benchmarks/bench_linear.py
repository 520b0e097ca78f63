"""Is analysis linear in its input? Time per character of ``analyze_text`` over sizes from 10k to 400k characters,
for inputs of the shapes that were quadratic before the caps (issue 13): one long line, many lines, runs of
punctuation, skill lists on one line and one per line, spaces without a newline, ``>`` quote markers.

For each shape the time per character at each size is printed, with its ratio to the same shape's time per
character at the smallest size measured in the same run (max_chars is raised for the run, through
$GAPCHECK_LIMITS, so that sizes past the default cap of 200,000 are measured too): a flat row (ratios near 1;
the spread of the machine is about 1.5x on a shared box) is linear, a row that grows with the size is not.
Each figure is the best of ``--repeat`` runs. Exit code 1 when a shape's ratio at the largest size exceeds
``--max-ratio`` (default 3).

    python benchmarks/bench_linear.py [--repeat N] [--sizes 10000,50000,...] [--max-ratio R]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from collections.abc import Callable

from gapcheck.analysis import analyze_text
from gapcheck.errors import GapcheckError

SKILLS = "Python, PyTorch, scikit-learn, SQL, Kubernetes, Docker, Airflow, AWS, Spark, TensorFlow, MLflow, Git, "
PROSE = "Built ranking models in PyTorch and served them with Docker on Kubernetes; no experience with Scala. "
HEAD = "Ada Quill\nML Engineer\n\nEXPERIENCE\nML Engineer, Contoso\nJan 2020 - Present\n"


def _fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


SHAPES: dict[str, Callable[[int], str]] = {
    "one line of prose": lambda n: HEAD + _fill(PROSE, n),
    "many lines of prose": lambda n: HEAD + _fill(PROSE.replace("; ", ";\n- ") + "\n", n),
    "skills, one line": lambda n: HEAD + "SKILLS\n" + _fill(SKILLS, n),
    "skills, one per line": lambda n: HEAD + "SKILLS\n" + _fill(SKILLS.replace(", ", "\n"), n),
    "punctuation runs": lambda n: HEAD + _fill("Python !?#*!?#*=====((((----- ", n),
    "one punctuation run": lambda n: HEAD + "Python " + _fill("!?#*", n),
    "spaces, no newline": lambda n: HEAD + "Python" + " " * n + "SQL",
    "quote markers": lambda n: HEAD + _fill("> ", n) + "Python",
}


def best_time(text: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        with contextlib.suppress(GapcheckError):
            analyze_text(text)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--sizes", default="10000,50000,100000,200000,399000")
    parser.add_argument("--max-ratio", type=float, default=3.0)
    parser.add_argument("--shapes", nargs="*", default=list(SHAPES))
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    os.environ["GAPCHECK_LIMITS"] = f"max_chars={max(sizes) + 1000}"  # measure past the default cap too
    analyze_text("Python\n")  # load spaCy, the taxonomy and the matcher before timing
    print(f"{'shape':24}" + "".join(f"{size:>16,}" for size in sizes) + "   (us per character; ratio to the first)")
    worst = 0.0
    for name in args.shapes:
        cells = []
        base = 0.0
        for size in sizes:
            per_char = best_time(SHAPES[name](size), args.repeat) / size * 1e6
            base = base or per_char
            cells.append(f"{per_char:9.2f} ({per_char / base:4.1f})")
        worst = max(worst, per_char / base)
        print(f"{name:24}" + "".join(f"{cell:>16}" for cell in cells), flush=True)
    print(f"largest ratio at {sizes[-1]:,} characters: {worst:.1f} (limit {args.max_ratio:g})")
    return 0 if worst <= args.max_ratio else 1


if __name__ == "__main__":
    sys.exit(main())
