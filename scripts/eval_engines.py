"""The two PDF engines side by side: does pypdf (pure Python) read every PDF as well as pypdfium2?

    python scripts/eval_engines.py                  # every PDF of the real set and of tests/data/* with gold
    python scripts/eval_engines.py --set blind3     # one set (repeatable): real, or a set of scripts/datasets.py
    python scripts/eval_engines.py --time           # also pypdf's read against its bare extract_text, timed

A row per PDF: each engine's skills (TP FP FN against gold), years read with the gold ref_date, and where the
two texts differ: words of each, run-together words (20 letters or more), the words one has and the other lacks,
and the order of lines (the share of the lines both have that come in the same order). Files where the engines
agree on skills and years are printed as one short line. Then the totals per engine: micro P / explicit R / R
and years right. ``--time``: the best of five runs over the PDFs read of pypdf's bare ``extract_text``, of
gapcheck's pypdf extraction (with its corrections) and of read_resume(pdf_engine="pypdf"), as ratios to the bare
one.
"""

from __future__ import annotations

import argparse
import difflib
import io
import re
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import datasets
from eval_matching import minimum_names

from gapcheck.errors import GapcheckError
from gapcheck.knowledge import load_taxonomy
from gapcheck.knowledge.model import Taxonomy
from gapcheck.matching import match_skills
from gapcheck.matching.evaluation import FileScore, Gold, found_names, read_gold, score_file, totals, vocabulary_map
from gapcheck.reading import read_resume
from gapcheck.reading.limits import Limits
from gapcheck.reading.pdf import resolve_engine
from gapcheck.scoring.evaluation import read_gold_years, years_right

ENGINES = ("pypdfium2", "pypdf")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
LONG = 20


@dataclass(frozen=True)
class Reading:
    """One engine's reading of one PDF (``error``: the message when it could not read it)."""

    text: str = ""
    score: FileScore | None = None
    years: float | None = None
    years_ok: bool = False
    error: str = ""


def sets(chosen: list[str] | None) -> dict[str, tuple[Path, Path]]:
    """name -> (folder, skills gold file) of every set holding PDFs."""
    found = {name: (folder, folder / "gold.tsv") for name, folder in datasets.synthetic().items()}
    if (datasets.REAL / "gold-skills.tsv").is_file():
        found["real"] = (datasets.REAL, datasets.REAL / "gold-skills.tsv")
    found = {n: v for n, v in found.items() if any(v[0].glob("*.pdf"))}
    return {n: found[n] for n in chosen} if chosen else found


def read(path: Path, engine: str, gold: Gold, years: tuple[float, object] | None, taxonomy: Taxonomy,
         vocab: dict[str, str]) -> Reading:
    try:
        resume = read_resume(path, pdf_engine=engine, today=years[1] if years else None)  # type: ignore[arg-type]
    except GapcheckError as exc:
        return Reading(error=str(exc))
    score = score_file(gold, found_names(match_skills(resume, taxonomy), vocab))
    ok = years is not None and years_right(resume.years_experience, years[0])
    return Reading(resume.text, score, resume.years_experience, ok)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def line_order(a: str, b: str) -> float:
    """The share of the lines both texts hold (white space aside) that come in the same order in both."""
    def lines(text: str) -> list[str]:
        return [" ".join(line.split()) for line in text.splitlines() if line.strip()]

    la, lb = lines(a), lines(b)
    common = set(la) & set(lb)
    sa, sb = [x for x in la if x in common], [x for x in lb if x in common]
    if not sa:
        return 0.0
    same = sum(block.size for block in difflib.SequenceMatcher(None, sa, sb, autojunk=False).get_matching_blocks())
    return same / max(len(sa), len(sb))


def cell(r: Reading) -> str:
    if r.error:
        return f"error: {r.error[:60]}"
    assert r.score is not None
    s = r.score
    return f"TP {len(s.true_positives):2} FP {len(s.false_positives):2} FN {len(s.false_negatives):2} years {r.years}"


def compare(file: str, gold_years: float | None, a: Reading, b: Reading) -> None:
    same = (a.score and b.score and a.score.true_positives == b.score.true_positives
            and a.score.false_positives == b.score.false_positives and a.years == b.years)
    wa, wb = words(a.text), words(b.text)
    long_a, long_b = sum(len(w) >= LONG for w in wa), sum(len(w) >= LONG for w in wb)
    ca, cb = Counter(w.lower() for w in wa), Counter(w.lower() for w in wb)
    only_a, only_b = sum((ca - cb).values()), sum((cb - ca).values())
    text = (f"words {len(wa)}/{len(wb)}, run together {long_a}/{long_b}, only in one {only_a}/{only_b}, "
            f"line order {line_order(a.text, b.text):.2f}")
    if same:
        print(f"= {file:50} {cell(a)} | {text}")
        return
    print(f"X {file:50} gold years {gold_years}")
    for engine, r in zip(ENGINES, (a, b), strict=True):
        print(f"    {engine:9} {cell(r)}")
    if a.score and b.score:
        lost = sorted(a.score.true_positives - b.score.true_positives)
        gained = sorted(b.score.true_positives - a.score.true_positives)
        new_fp = sorted(b.score.false_positives - a.score.false_positives)
        gone_fp = sorted(a.score.false_positives - b.score.false_positives)
        for label, names in (("pypdf loses", lost), ("pypdf gains", gained), ("pypdf adds FP", new_fp),
                             ("pypdf drops FP", gone_fp)):
            if names:
                print(f"    {label}: {', '.join(names)}")
    print(f"    {text}")


def bare_pypdf(data: bytes) -> str:
    import pypdf

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def timing(paths: list[Path], repeat: int = 5) -> None:
    """The best of ``repeat`` runs over every PDF of three readings with pypdf: its bare extract_text, gapcheck's
    extraction (its corrections included) and the whole read_resume; each against the bare one."""
    datas = [p.read_bytes() for p in paths if readable(p)]
    extract = resolve_engine("pypdf")
    limits = Limits()

    def best(read: Callable[[bytes], object]) -> float:
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            for data in datas:
                read(data)
            times.append(time.perf_counter() - start)
        return min(times)

    bare = best(bare_pypdf)
    ours = best(lambda data: extract(data, "pdf", limits))
    whole = best(lambda data: read_resume(data, pdf_engine="pypdf"))
    print(f"time over {len(datas)} PDFs: bare extract_text {bare * 1000:.0f} ms; gapcheck's pypdf extraction "
          f"{ours * 1000:.0f} ms ({ours / bare:.2f}x); read_resume(pypdf) {whole * 1000:.0f} ms ({whole / bare:.2f}x)")


def readable(path: Path) -> bool:
    try:
        read_resume(path, pdf_engine="pypdf")
    except GapcheckError:
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--set", action="append")
    parser.add_argument("--time", action="store_true")
    args = parser.parse_args(argv)
    taxonomy = load_taxonomy()
    scores: dict[str, list[FileScore]] = {e: [] for e in ENGINES}
    years_ok: Counter[str] = Counter()
    years_n = 0
    paths: list[Path] = []
    for name, (folder, gold_file) in sets(args.set).items():
        print(f"== {name}")
        gold = read_gold(gold_file)
        vocab = vocabulary_map(taxonomy, minimum_names({n for g in gold.values() for n in g.labels}))
        years_file = folder / "gold-years.tsv"
        gold_years = read_gold_years(years_file) if years_file.is_file() else {}
        for file in sorted(gold):
            path = folder / file
            if path.suffix != ".pdf" or not path.is_file():
                continue
            paths.append(path)
            got = [read(path, e, gold[file], gold_years.get(file), taxonomy, vocab) for e in ENGINES]
            compare(file, gold_years[file][0] if file in gold_years else None, *got)
            if all(r.score for r in got):
                for engine, r in zip(ENGINES, got, strict=True):
                    scores[engine].append(r.score)  # type: ignore[arg-type]
                    years_ok[engine] += r.years_ok
                years_n += file in gold_years
    print("== totals (PDFs both engines read)")
    for engine in ENGINES:
        t = totals(scores[engine])
        print(f"{engine:9}: files {t.files} P {t.precision:.3f} explicit R {t.explicit_recall:.3f} R {t.recall:.3f} "
              f"(TP {t.true_positives} FP {t.false_positives} FN {t.false_negatives}), "
              f"years right {years_ok[engine]}/{years_n}")
    if args.time:
        timing(paths)
    return 0


if __name__ == "__main__":
    sys.exit(main())
