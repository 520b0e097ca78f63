"""How long read_resume takes, against bare text extraction measured in the same run.

For each PDF: read_resume (pypdfium2 engine, and pypdf engine) against pypdfium2's bare get_text_range over
all pages, and pypdf's bare extract_text. For each DOCX: read_resume against python-docx's paragraph text
(which misses content controls and text boxes, so it is a floor, not an equal). Times are the best of several
runs (the least disturbed by other processes on a shared machine); ratios, not absolute times, are what to
compare between machines.

    python benchmarks/bench_reading.py [--repeat N] [FOLDER ...]

Default folders: tests/fixtures and, when present, ../shared/real-resumes.
"""

from __future__ import annotations

import argparse
import io
import time
import warnings
from collections.abc import Callable
from functools import partial
from pathlib import Path

from gapcheck.errors import GapcheckError
from gapcheck.reading import read_resume

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FOLDERS = [ROOT / "tests" / "fixtures", ROOT.parent / "shared" / "real-resumes"]


def best_time(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def bare_pdfium(data: bytes) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in doc)
    finally:
        doc.close()


def bare_pypdf(data: bytes) -> str:
    import pypdf

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reader = pypdf.PdfReader(io.BytesIO(data))
        return "\n".join(page.extract_text() for page in reader.pages)


def bare_docx(data: bytes) -> str:
    from docx import Document

    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


def readable(path: Path) -> bool:
    """Reads without error and is what its extension says (text_named.pdf is text, not a PDF)."""
    head = path.read_bytes()[:8]
    if (path.suffix == ".pdf") != head.startswith(b"%PDF") or (path.suffix == ".docx") != head.startswith(b"PK"):
        return False
    try:
        read_resume(path)
    except GapcheckError:
        return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    folders = [f for f in (args.folders or DEFAULT_FOLDERS) if f.is_dir()]
    files = [p for folder in folders for p in sorted(folder.iterdir()) if p.suffix in (".pdf", ".docx")]
    files = [p for p in files if readable(p)]
    print(
        f"{'file':52s} {'read ms':>8s} {'bare ms':>8s} {'ratio':>6s} "
        f"{'pypdf-read ms':>13s} {'pypdf-bare ms':>13s} {'ratio':>6s}"
    )
    totals = {"read": 0.0, "bare": 0.0, "pread": 0.0, "pbare": 0.0}
    for path in files:
        data = path.read_bytes()
        read = best_time(partial(read_resume, data, pdf_engine="pypdfium2"), args.repeat)
        if path.suffix == ".pdf":
            bare = best_time(partial(bare_pdfium, data), args.repeat)
            pread = best_time(partial(read_resume, data, pdf_engine="pypdf"), max(1, args.repeat // 2))
            pbare = best_time(partial(bare_pypdf, data), max(1, args.repeat // 2))
            totals["pread"] += pread
            totals["pbare"] += pbare
            extra = f"{pread * 1000:13.1f} {pbare * 1000:13.1f} {pread / pbare:6.2f}"
        else:
            bare = best_time(partial(bare_docx, data), args.repeat)
            extra = f"{'':13s} {'':13s} {'':6s}"
        totals["read"] += read
        totals["bare"] += bare
        name = f"{path.parent.name}/{path.name}"[-52:]
        print(f"{name:52s} {read * 1000:8.1f} {bare * 1000:8.1f} {read / bare:6.2f} {extra}")
    if files:
        print(
            f"{'TOTAL':52s} {totals['read'] * 1000:8.1f} {totals['bare'] * 1000:8.1f} "
            f"{totals['read'] / totals['bare']:6.2f} {totals['pread'] * 1000:13.1f} {totals['pbare'] * 1000:13.1f} "
            f"{totals['pread'] / max(totals['pbare'], 1e-9):6.2f}"
        )
        print("bare = pypdfium2 get_text_range (PDF) or python-docx paragraphs (DOCX); same run, same machine")


if __name__ == "__main__":
    main()
