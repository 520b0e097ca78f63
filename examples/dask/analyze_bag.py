"""gapcheck over a dask.bag: one JSON row per resume, in input order, on Dask's local process scheduler.

    pip install 'gapcheck[dask]'
    python examples/dask/analyze_bag.py RESUME_OR_DIR... [--out rows.jsonl] [--workers N] [--partition-size 50]

Each partition is one ``Analyzer.analyze_many`` call: the worker process builds the matcher once (it is cached per
taxonomy) and analyses its resumes one after another; a file that cannot be read gives a row with an ``error``
field, as ``gapcheck --format jsonl`` does. See README.md here for running the same over a Dask cluster.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from datetime import date
from typing import Any


def analyze_partition(paths: Iterable[str], today: str | None = None) -> list[dict[str, Any]]:
    """The rows of one partition (runs in a Dask worker: imports and the matcher are paid once per process)."""
    from gapcheck import Analyzer, Options
    from gapcheck.batch.rows import full_row

    labels = list(paths)
    analyzer = Analyzer(options=Options(today=None if today is None else date.fromisoformat(today)))
    return [full_row(label, result) for label, result in zip(labels, analyzer.analyze_many(labels), strict=True)]


def rows(paths: list[str], *, workers: int, partition_size: int, today: str | None) -> list[dict[str, Any]]:
    import dask.bag as db

    bag = db.from_sequence(paths, partition_size=partition_size)
    return list(bag.map_partitions(analyze_partition, today=today).compute(scheduler="processes", num_workers=workers))


def main(argv: list[str] | None = None) -> int:
    from gapcheck.batch.inputs import collect

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--out", help="write the rows here (default: stdout)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partition-size", type=int, default=50)
    parser.add_argument("--today", help="what 'Present' means, YYYY-MM-DD (default: today)")
    args = parser.parse_args(argv)
    paths = [item.label for item in collect(args.inputs)]
    out = sys.stdout if args.out is None else open(args.out, "w", encoding="utf-8")  # noqa: SIM115
    try:
        for row in rows(paths, workers=args.workers, partition_size=args.partition_size, today=args.today):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
