"""examples/dask: analyze_many over a dask.bag on the local process scheduler gives the rows of analyze(), in
order, with an error row for an unreadable file (skipped where dask is not installed)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from gapcheck import analyze

pytest.importorskip("dask.bag")

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "examples" / "dask" / "analyze_bag.py"


def test_dask_bag_rows_equal_analyze(tmp_path: Path) -> None:
    files = [
        REPO / "examples" / "junior-ml" / "resume.pdf",
        REPO / "tests" / "fixtures" / "encrypted.pdf",
        REPO / "examples" / "career-changer" / "resume.docx",
        REPO / "examples" / "senior-mle" / "resume.txt",
    ]
    out = tmp_path / "rows.jsonl"
    args = [*map(str, files), "--out", str(out), "--workers", "2", "--partition-size", "2", "--today", "2026-11-01"]
    subprocess.run([sys.executable, str(SCRIPT), *args], check=True, timeout=600)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["file"] for r in rows] == [str(f) for f in files]
    assert rows[1]["error_type"] == "EncryptedDocumentError" and "encrypted.pdf" in rows[1]["error"]
    for row, path in zip(rows, files, strict=True):
        if "error" not in row:
            row.pop("file")
            assert row == analyze(path, today=date(2026, 11, 1)).to_dict()
