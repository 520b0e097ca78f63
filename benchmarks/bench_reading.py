"""How long read_resume takes, against bare text extraction measured in the same run.

For each PDF: read_resume (pypdfium2 engine, and pypdf engine) against pypdfium2's bare get_text_range over
all pages, and pypdf's bare extract_text. For each DOCX: read_resume against python-docx's paragraph text
(which misses content controls and text boxes, so it is a floor, not an equal). Times are the best of several
runs (the least disturbed by other processes on a shared machine); ratios, not absolute times, are what to
compare between machines.

    python benchmarks/bench_reading.py [--repeat N] [--stages] [FOLDER ...]

Default folders: tests/fixtures and, when present, ../shared/real-resumes.

``--stages``: where read_resume's time goes on the PDFs beyond the bare extraction, stage by stage (the stream
check, text cleaning, the text-layer checks, sections, the written date, work history), each stage timed on its
own input as read_resume hands it over, as a share of the bare extraction: what the reader adds to the floor.
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


def stage_times(data: bytes, repeat: int) -> dict[str, float]:
    """Best time of each reading stage of one PDF, run on what the stage before it gave (pypdfium2, no child)."""
    from datetime import date

    from gapcheck.reading import DEFAULT_LIMITS, history, normalize, pdf, sections, textlayer, written

    limits = DEFAULT_LIMITS
    today = date.today()
    pages = pdf._extract_pdfium(data, "x", limits).pages
    cleaned = [normalize.normalize_text(page, soft_hyphen_visible=True, limits=limits) for page in pages]
    text = "\n\n".join(page for page in cleaned if page)
    found = sections.split_sections(text)
    experience = history.experience_fallback(text, found, today)
    stages: dict[str, Callable[[], object]] = {
        "bare extraction": partial(bare_pdfium, data),
        "stream check": partial(pdf.check_pdf_streams, data, "x", limits),
        "cleaning": lambda: [normalize.normalize_text(p, soft_hyphen_visible=True, limits=limits) for p in pages],
        "text-layer checks": lambda: (
            [textlayer.page_is_blank(p) for p in cleaned],
            (layer := textlayer.TextLayer(text)).is_garbage() or layer.is_not_language(),
        ),
        "sections": partial(sections.split_sections, text),
        "written date (no --today)": partial(written.written_date, text, found, None, None, today),
        "work history": lambda: (
            history.experience_fallback(text, found, today),
            history.find_positions(text, experience, today),
            history.find_stated_years(text, experience),
        ),
    }
    return {name: best_time(run, repeat) for name, run in stages.items()}


def print_stages(pdfs: list[Path], repeat: int) -> None:
    totals: dict[str, float] = {}
    for path in pdfs:
        for name, seconds in stage_times(path.read_bytes(), repeat).items():
            totals[name] = totals.get(name, 0.0) + seconds
    floor = totals.pop("bare extraction")
    print(f"\nreading stages on {len(pdfs)} PDFs (sums of best times, as shares of the bare extraction's "
          f"{floor * 1000:.1f} ms)")
    for name, seconds in totals.items():
        print(f"  {name:28s} {seconds * 1000:8.1f} ms  {100 * seconds / floor:5.1f}%")
    print(f"  {'all stages':28s} {sum(totals.values()) * 1000:8.1f} ms  {100 * sum(totals.values()) / floor:5.1f}%")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--stages", action="store_true", help="time each reading stage of the PDFs")
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
    if args.stages:
        print_stages([p for p in files if p.suffix == ".pdf"], args.repeat)


if __name__ == "__main__":
    main()
