"""Issue 12's table, each figure a ratio against its baseline measured in the same run, in one process.

    .venv/bin/python benchmarks/bench_scale.py [--repeat 5] [--batch 200] [--memory 1000] [--skip cli,jobs,memory]

Inputs: the real PDFs of ../shared/real-resumes read in place (when present), the example resumes, and resumes
generated here (seeded, varied: invented names, companies, words and skill mixes) for the batch and memory rows.

1. warm ``analyze()`` / pypdfium2 text extraction alone, on each PDF (the median over PDFs of the per-file ratio),
   at first sight (each file analysed once per process, the matcher already built) and warm (median of repeats);
2. warm ``analyze_text()`` / the bare blank-English spaCy tokenizer over the same texts, first sight and warm;
3. one CLI call (``gapcheck FILE --format json``) / ``python -c "import spacy; spacy.blank('en')"``, each run
   ``--repeat`` times alternately, medians (with the on-disk cache warm, and with ``--no-cache`` when the CLI has it;
   the cache is a folder of this run's own, filled by a first call);
4. ``gapcheck --jobs 2`` / ``--jobs 1`` over ``--batch`` resumes, start-up included (the wall time of each call);
   then, with ``--timeline``, where a call's time goes, in CPU seconds of each process (a timeline traced by
   wrapping the batch's functions): the parent's start-up up to the workers, what the readers read ahead, the
   workers' work, the parent's while they run; and the ratio these give on two idle cores (start-up + work / cores
   + the parent's share), which a loaded machine's wall clocks cannot show;
5. memory over ``--memory`` different resumes: spaCy's vocabulary + string-store entries and the resident set size
   after each 50, as a ratio to the value after the first 50 (flat is 1.0), the sizes of the memos of resume words
   at the end; then the Python memory still allocated (tracemalloc) over a second pass of ``--memory-traced`` other
   resumes, traced from that pass's start (RSS keeps a high-water mark; this counts what is held now).

The machine may be shared: every timed figure is a median of repeats, and the spread (min-max of the repeats'
ratios) is printed beside it. No limit is asserted: this prints, it does not pass or fail.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REAL = REPO.parent / "shared" / "real-resumes"
TODAY = date(2026, 11, 1)
PYTHON = sys.executable
GAPCHECK = [PYTHON, "-m", "gapcheck"]


# ---------------------------------------------------------------------------------------------------- inputs


def real_pdfs() -> list[Path]:
    """The real PDFs that have a text layer (an image-only one measures only the refusal)."""
    from gapcheck import read_resume
    from gapcheck.errors import GapcheckError

    found = []
    for path in sorted(REAL.glob("*.pdf")) if REAL.is_dir() else []:
        try:
            read_resume(path, today=TODAY)
        except GapcheckError:
            continue
        found.append(path)
    return found


def example_files() -> list[Path]:
    return sorted(p for p in (REPO / "examples").glob("*/resume.*") if p.suffix in (".pdf", ".docx", ".txt", ".md"))


_SYLLABLES = ("ka", "lo", "mi", "ren", "tu", "zan", "vel", "or", "pri", "dex", "qua", "sol", "nym", "bar", "ith")
_FIRST = ("Ana", "Bo", "Chen", "Dara", "Eli", "Femi", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lena", "Mo", "Nia")
_VERBS = ("Built", "Designed", "Shipped", "Led", "Maintained", "Migrated", "Optimised", "Tested", "Wrote")
_OBJECTS = ("pipelines", "services", "dashboards", "models", "APIs", "jobs", "reports", "tools", "platforms")


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))


def generated_resume(seed: int, skills: Sequence[str]) -> str:
    """A plausible resume with words of its own (names, companies, products, project codes) and a skill mix."""
    rng = random.Random(seed)
    name = f"{rng.choice(_FIRST)} {_word(rng).title()}"
    lines = [name, f"{_word(rng)}@example.com | 555-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}", ""]
    lines += ["SUMMARY", f"Engineer at {_word(rng).title()} {_word(rng).title()} working on {_word(rng)} systems.", ""]
    lines.append("EXPERIENCE")
    year = 2026
    for _ in range(rng.randint(1, 4)):
        start = year - rng.randint(1, 4)
        lines.append(f"{rng.choice(('Software', 'Data', 'ML', 'Platform'))} Engineer, {_word(rng).title()} Inc")
        lines.append(f"Jan {start} - {'Present' if year == 2026 else f'Dec {year}'}")
        for _ in range(rng.randint(2, 5)):
            used = ", ".join(rng.sample(list(skills), 2))
            lines.append(
                f"- {rng.choice(_VERBS)} {_word(rng)} {rng.choice(_OBJECTS)} with {used} for the "
                f"{_word(rng).title()} team ({rng.randint(2, 90)}% faster, project {_word(rng).upper()}-{seed})."
            )
        year = start
        lines.append("")
    lines += ["SKILLS", ", ".join(rng.sample(list(skills), rng.randint(4, 12))), ""]
    lines += ["EDUCATION", f"B.S. {_word(rng).title()} Studies, {_word(rng).title()} University, {year - 1}"]
    return "\n".join(lines) + "\n"


def skill_names() -> list[str]:
    from gapcheck.knowledge import load_taxonomy

    return [s.name for s in load_taxonomy().skills]


# ---------------------------------------------------------------------------------------------------- timing


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def median_time(fn: Callable[[], object], repeat: int) -> float:
    return statistics.median(timed(fn) for _ in range(repeat))


def show(label: str, ratios: Sequence[float], extra: str = "") -> None:
    med = statistics.median(ratios)
    spread = f"{min(ratios):.2f}-{max(ratios):.2f}" if len(ratios) > 1 else "-"
    print(f"  {label:58} {med:6.2f}x  (spread {spread}) {extra}")


def extract_pdfium(data: bytes) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    try:
        out = []
        for page in doc:
            textpage = page.get_textpage()
            out.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\n".join(out)
    finally:
        doc.close()


# ---------------------------------------------------------------------------------------------------- rows


def bench_analyze(pdfs: list[Path], texts: list[str], repeat: int) -> None:
    import spacy

    from gapcheck import analyze, analyze_text

    start = time.perf_counter()
    warmup = example_files()
    for path in warmup:
        analyze(path, today=TODAY)
    print(f"first analyze() calls on {len(warmup)} examples (imports, taxonomy, matcher): {timed_since(start):.0f} ms")
    blank = spacy.blank("en")
    blank.tokenizer("warm up the tokenizer")
    datas = [p.read_bytes() for p in pdfs]

    if pdfs:
        from dataclasses import replace

        from gapcheck import Analyzer, Options
        from gapcheck.reading import DEFAULT_LIMITS

        in_process = Analyzer(options=Options(today=TODAY, limits=replace(DEFAULT_LIMITS, isolate_pdf=False)))
        variants = [
            ("analyze() as called (a child process only for PDFs over 1 MiB)", lambda p: analyze(p, today=TODAY)),
            ("Analyzer(... isolate_pdf=False) (as --jobs workers read)", in_process.analyze),
        ]
        print(f"1. analyze() / pypdfium2 extraction, {len(pdfs)} real PDFs (median over files)")
        for label, run in variants:
            pairs = list(zip(pdfs, datas, strict=True))
            first = [timed(partial(run, p)) / timed(partial(extract_pdfium, d)) for p, d in pairs]
            show(f"{label}: first sight", first)
            rounds = []
            for _ in range(3):
                per_file = [
                    median_time(partial(run, p), repeat) / median_time(partial(extract_pdfium, d), repeat)
                    for p, d in zip(pdfs, datas, strict=True)
                ]
                rounds.append(statistics.median(per_file))
            ms = statistics.median(median_time(partial(run, p), repeat) for p in pdfs) * 1000
            ex = statistics.median(median_time(lambda d=d: extract_pdfium(d), repeat) for d in datas) * 1000
            show(f"{label}: warm (3 rounds)", rounds, f"[{ms:.1f} ms against {ex:.1f} ms a PDF]")

    print(f"2. analyze_text() / bare spaCy tokenizer, {len(texts)} texts (median over texts)")
    first = [timed(lambda t=t: analyze_text(t, today=TODAY)) / timed(lambda t=t: blank.tokenizer(t)) for t in texts]
    show("first sight", first)
    rounds = []
    for _ in range(3):
        per_text = [median_time(lambda t=t: analyze_text(t, today=TODAY), repeat)
                    / median_time(lambda t=t: blank.tokenizer(t), repeat) for t in texts]
        rounds.append(statistics.median(per_text))
    show("warm (3 rounds)", rounds)
    print(f"  where warm analyze_text() spends its time ({stage_shares(texts, repeat)})")


def stage_shares(texts: list[str], repeat: int) -> str:
    """Each stage's share of warm analyze_text() over the texts (summed medians): reading (cleaning, sections,
    work history), matching, scoring, and the rest (report assembly: quoting the evidence, advice)."""
    from gapcheck import analyze_text
    from gapcheck.knowledge import load_taxonomy
    from gapcheck.matching import match_skills
    from gapcheck.reading import read_text
    from gapcheck.scoring import score

    taxonomy = load_taxonomy()
    totals = dict.fromkeys(("reading", "matching", "scoring", "whole"), 0.0)
    for text in texts:
        resume = read_text(text, today=TODAY)
        matches = match_skills(resume, taxonomy)
        stages: dict[str, Callable[[], object]] = {
            "reading": partial(read_text, text, today=TODAY),
            "matching": partial(match_skills, resume, taxonomy),
            "scoring": partial(score, taxonomy, matches, resume.years_experience, positions=resume.positions),
            "whole": partial(analyze_text, text, today=TODAY),
        }
        for name, run in stages.items():
            totals[name] += median_time(run, repeat)
    whole = totals.pop("whole")
    totals["report assembly"] = max(0.0, whole - sum(totals.values()))
    return ", ".join(f"{name} {100 * value / whole:.0f}%" for name, value in totals.items())


def timed_since(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def cli_help() -> str:
    return subprocess.run([*GAPCHECK, "--help"], capture_output=True, text=True, check=False).stdout


def bench_cli(sample: Path, repeat: int, workdir: Path) -> None:
    os.environ["GAPCHECK_CACHE_DIR"] = str(workdir / "cache")  # the CLI calls' own on-disk cache, empty at first
    baseline = [PYTHON, "-c", "import spacy; spacy.blank('en')"]
    call = [*GAPCHECK, str(sample), "--format", "json", "--today", TODAY.isoformat()]
    has_cache = "--no-cache" in cli_help()
    first = timed(lambda: subprocess.run(call, capture_output=True, check=False))  # fills the on-disk cache
    print(f"   first CLI call of this run (an empty cache: builds and writes it): {first:.2f} s")
    variants = [("cache warm" if has_cache else "as is", call)]
    if has_cache:
        variants.append(("--no-cache", [*call, "--no-cache"]))
    print(f"3. one CLI call / python -c \"import spacy; spacy.blank('en')\" ({sample.name}, {repeat} runs each)")
    for label, command in variants:
        ratios, cli_times, base_times = [], [], []
        for _ in range(repeat):
            b = timed(lambda: subprocess.run(baseline, capture_output=True, check=True))
            c = timed(lambda command=command: subprocess.run(command, capture_output=True, check=False))
            ratios.append(c / b)
            cli_times.append(c)
            base_times.append(b)
        show(label, ratios, f"[{statistics.median(cli_times):.2f} s against {statistics.median(base_times):.2f} s]")


_POOL_DRIVER = """
import sys
from concurrent.futures import ProcessPoolExecutor
from datetime import date
def work(path):
    from gapcheck import analyze
    try:
        return analyze(path, today=date(2026, 11, 1)).best_fit_level
    except Exception as error:
        return type(error).__name__
if __name__ == "__main__":
    jobs, paths = int(sys.argv[1]), sys.argv[2:]
    if jobs == 1:
        for p in paths:
            work(p)
    else:
        with ProcessPoolExecutor(jobs) as pool:
            list(pool.map(work, paths, chunksize=4))
"""


def bench_jobs(paths: list[Path], repeat: int, workdir: Path, *, timelines: bool = False) -> None:
    has_jobs = "--jobs" in cli_help()
    if has_jobs:
        def command(jobs: int) -> list[str]:
            return [*GAPCHECK, *map(str, paths), "--format", "jsonl", "--jobs", str(jobs), "--quiet",
                    "--today", TODAY.isoformat(), "--output", str(workdir / f"out{jobs}.jsonl")]
        how = "gapcheck --jobs N"
    else:
        driver = workdir / "pool_driver.py"
        driver.write_text(_POOL_DRIVER, encoding="utf-8")

        def command(jobs: int) -> list[str]:
            return [PYTHON, str(driver), str(jobs), *map(str, paths)]
        how = "no --jobs in this CLI: a ProcessPoolExecutor over analyze() stands in"
    print(f"4. --jobs 2 / --jobs 1 on {len(paths)} resumes, start-up included ({how}; {repeat} runs each)")
    ratios, ones, twos = [], [], []
    for _ in range(repeat):
        one = timed(lambda: subprocess.run(command(1), capture_output=True, check=False))
        two = timed(lambda: subprocess.run(command(2), capture_output=True, check=False))
        ratios.append(one / two)
        ones.append(one)
        twos.append(two)
    show("speed-up", ratios, f"[{statistics.median(ones):.1f} s against {statistics.median(twos):.1f} s]")
    print(f"  (cores visible: {os.cpu_count()}; load average now {os.getloadavg()[0]:.1f})")
    if timelines and has_jobs:
        show_timelines(command, repeat, workdir)


_TRACE_DRIVER = """
import os, sys, time
out = open(os.environ["GAPCHECK_TRACE"], "a", buffering=1)
def event(name):
    out.write(f"{os.getpid()} {time.process_time():.4f} {name}\\n")
from gapcheck import cli
from gapcheck.batch import ahead, pool
read, stop, serve, run = ahead.Reading.__call__, ahead.ReadAhead.stop, pool._serve, pool._run
def reading(self, path):
    done = read(self, path)
    event("read")
    return done
def stopping(self):
    event("start-up done")
    return stop(self)
def serving(conn, work):
    event("worker")
    def traced(item):
        done = work(item)
        event("task")
        return done
    return serve(conn, traced)
def running(*args, **kwargs):
    event("workers")
    yield from run(*args, **kwargs)
    event("rows")
ahead.Reading.__call__, ahead.ReadAhead.stop, pool._serve, pool._run = reading, stopping, serving, running
sys.argv = ["gapcheck", *sys.argv[1:]]
cli.main()
"""


@dataclass(frozen=True)
class Timeline:
    """One traced call, in CPU seconds: the parent's start-up (up to the workers), the workers' work (summed), the
    parent's while they run, and how many resumes readers read ahead."""

    start_up: float
    work: float
    collecting: float
    read_ahead: int

    def idle_seconds(self, cores: int) -> float:
        return self.start_up + (self.work + self.collecting) / cores


def timeline(args: list[str], workdir: Path) -> Timeline:
    trace, driver = workdir / "trace.txt", workdir / "trace_driver.py"
    driver.write_text(_TRACE_DRIVER, encoding="utf-8")
    trace.unlink(missing_ok=True)
    subprocess.run([PYTHON, str(driver), *args], env={**os.environ, "GAPCHECK_TRACE": str(trace)},
                   capture_output=True, check=False)
    events: dict[str, list[tuple[float, str]]] = {}
    for line in trace.read_text(encoding="utf-8").splitlines():
        pid, cpu, name = line.split(" ", 2)
        events.setdefault(pid, []).append((float(cpu), name))
    parent = next(iter(marks for marks in events.values() if any(n == "rows" for _, n in marks)))
    at = {name: cpu for cpu, name in parent}
    workers = [max(cpu for cpu, _ in marks) for marks in events.values() if any(n == "worker" for _, n in marks)]
    read = sum(n == "read" for marks in events.values() for _, n in marks)
    return Timeline(at["start-up done"], sum(workers), at["rows"] - at["workers"], read)


def show_timelines(command: Callable[[int], list[str]], repeat: int, workdir: Path) -> None:
    runs = {jobs: [timeline(command(jobs)[len(GAPCHECK):], workdir) for _ in range(repeat)] for jobs in (1, 2)}
    for jobs, lines in runs.items():
        mid = {f: statistics.median(getattr(t, f) for t in lines) for f in ("start_up", "work", "collecting")}
        print(f"  --jobs {jobs}, CPU s (median of {repeat}): parent's start-up {mid['start_up']:.2f}, workers "
              f"{mid['work']:.2f}, parent while they run {mid['collecting']:.2f}; read ahead "
              f"{statistics.median(t.read_ahead for t in lines):.0f}")
    ratios = [one.idle_seconds(1) / two.idle_seconds(2) for one, two in zip(runs[1], runs[2], strict=True)]
    show("speed-up these give on two idle cores", ratios)


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def bench_memory(count: int, skills: list[str], traced: int) -> None:
    from gapcheck.knowledge import load_taxonomy
    from gapcheck.matching import matcher_for

    matcher = matcher_for(load_taxonomy())
    print(f"5. memory over {count} different generated resumes (ratio to the value after the first 50)")
    marks = memory_marks(range(10_000, 10_000 + count), skills, traced=False)
    base = marks[0]
    for mark in marks[:: max(1, len(marks) // 5)] + marks[-1:]:
        print(f"  after {mark.done:5}: vocab+strings {mark.entries:7}  ({mark.entries / base.entries:5.2f}x)  "
              f"RSS {mark.rss:6.1f} MB ({mark.rss / base.rss:4.2f}x)")
    after = marks[1:] or marks
    print(f"  peak after the first 50: vocab+strings {max(m.entries for m in after) / base.entries:.2f}x, "
          f"RSS {max(m.rss for m in after) / base.rss:.2f}x; at the end: {marks[-1].rss / base.rss:.2f}x")
    if hasattr(matcher, "memo_sizes"):
        renewals = matcher._scratch.renewals if hasattr(matcher, "_scratch") else "?"
        print(f"  resume-word memos at the end: {matcher.memo_sizes()} (scratch zone renewed {renewals} times)")
    if traced:
        # RSS keeps the high-water mark of what was ever allocated (freed memory stays in Python's and malloc's
        # pools for reuse); tracemalloc counts what is allocated now, spaCy's string store and lexemes included
        # (cymem allocates through PyMem). Traced from this pass's start, on resumes none of the first pass had.
        marks = memory_marks(range(90_000, 90_000 + traced), skills, traced=True)
        base, after = marks[0], marks[1:] or marks
        peak, last = max(m.traced for m in after), marks[-1].traced
        print(f"  traced Python memory held by a second pass over {traced} other resumes (tracemalloc from its start):"
              f" {base.traced:.1f} MB after 50, peak after {peak:.1f} MB ({peak / base.traced:.2f}x),"
              f" {last:.1f} MB after {marks[-1].done}")


@dataclass(frozen=True)
class MemoryMark:
    done: int  # resumes analysed so far
    entries: int  # spaCy's vocabulary + string-store entries in use
    rss: float  # MB
    traced: float  # MB allocated through Python's allocator since the pass began (0 when not traced)


def memory_marks(seeds: range, skills: list[str], *, traced: bool) -> list[MemoryMark]:
    """Analyse a generated resume for each seed; a mark after each 50."""
    import tracemalloc

    from gapcheck import analyze_text
    from gapcheck.knowledge import load_taxonomy
    from gapcheck.matching import matcher_for

    matcher = matcher_for(load_taxonomy())
    marks: list[MemoryMark] = []
    if traced:
        tracemalloc.start()
    try:
        for i, seed in enumerate(seeds):
            analyze_text(generated_resume(seed, skills), today=TODAY)
            if (i + 1) % 50 == 0:
                size = matcher.vocabulary_size() if hasattr(matcher, "vocabulary_size") else (
                    len(matcher.nlp.vocab) + len(matcher.nlp.vocab.strings))
                held = tracemalloc.get_traced_memory()[0] / 2**20 if traced else 0.0
                marks.append(MemoryMark(i + 1, size, rss_mb(), held))
    finally:
        tracemalloc.stop()
    return marks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--memory", type=int, default=1000)
    parser.add_argument("--memory-traced", type=int, default=1000, help="resumes of the traced pass (0: none)")
    parser.add_argument("--skip", default="", help="comma-separated rows to skip: analyze,cli,jobs,memory")
    parser.add_argument("--timeline", action="store_true", help="jobs row: where each call's CPU time goes")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    pdfs = real_pdfs()
    print(f"inputs: {len(pdfs)} real PDFs ({REAL}), {len(example_files())} examples; load {os.getloadavg()[0]:.1f}")
    workdir = Path(tempfile.mkdtemp(prefix="gapcheck-bench-"))
    try:
        skills = skill_names()
        if "analyze" not in skip:
            from gapcheck import read_resume

            texts = [read_resume(p, today=TODAY).text for p in pdfs] or [
                generated_resume(i, skills) for i in range(24)
            ]
            bench_analyze(pdfs, texts, args.repeat)
        if "cli" not in skip:
            bench_cli(pdfs[0] if pdfs else example_files()[0], args.repeat, workdir)
        if "jobs" not in skip:
            batch: list[Path] = list(pdfs)
            for i in range(max(0, args.batch - len(batch))):
                path = workdir / f"gen{i:04}" / "resume.txt"
                path.parent.mkdir()
                path.write_text(generated_resume(i, skills), encoding="utf-8")
                batch.append(path)
            bench_jobs(batch[: args.batch], max(1, args.repeat // 2), workdir, timelines=args.timeline)
        if "memory" not in skip:
            bench_memory(args.memory, skills, args.memory_traced)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
