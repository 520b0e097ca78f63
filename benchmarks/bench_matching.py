"""How long the skill matcher takes: building it once, and matching one resume.

    python benchmarks/bench_matching.py [--repeat 20]

Prints the build time of the matcher for the built-in taxonomy (with an empty on-disk cache, from the cache, and
without it), then for each resume (tests/data/labelled,
tests/data/blind, and the readable real resumes in ../shared/real-resumes when present, read once beforehand) the
median time of ``match_skills`` and its ratio to a baseline measured in the same run on the same text: one bare pass
of spaCy's blank English tokenizer. No absolute limits are asserted: machines differ, ratios travel.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import spacy

from gapcheck import cache
from gapcheck.errors import GapcheckError
from gapcheck.knowledge import load_taxonomy
from gapcheck.knowledge.model import Taxonomy
from gapcheck.matching import SkillMatcher, match_skills, matcher_for
from gapcheck.reading import read_resume
from gapcheck.reading.model import Resume

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
FOLDERS = (DATA / "labelled", DATA / "blind", REPO.parent / "shared" / "real-resumes")
NOT_RESUMES = {"readme.md", "annotation-guide.md", "judge-brief.md"}
SUFFIXES = {".txt", ".md", ".pdf", ".docx"}


def median_seconds(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def timed_build(taxonomy: Taxonomy, *, use_cache: bool) -> float:
    start = time.perf_counter()
    SkillMatcher(taxonomy, use_cache=use_cache)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    taxonomy = load_taxonomy()
    with tempfile.TemporaryDirectory() as folder:
        os.environ[cache.ENVIRONMENT] = folder  # an empty on-disk cache of this run's own
        first = timed_build(taxonomy, use_cache=True)  # builds the parts, fits the TF-IDF, writes the entry
        hit = statistics.median(timed_build(taxonomy, use_cache=True) for _ in range(3))
        fresh = statistics.median(timed_build(taxonomy, use_cache=False) for _ in range(3))
    matcher_for(taxonomy)  # the in-process one, used by match_skills
    print(f"build: {first * 1000:.0f} ms with an empty cache (in this process: scikit-learn imported here), "
          f"{hit * 1000:.0f} ms from the cache, {fresh * 1000:.0f} ms with --no-cache (once per taxonomy)")

    resumes: list[tuple[str, Resume]] = []
    for folder in FOLDERS:
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                if path.suffix in SUFFIXES and path.name.lower() not in NOT_RESUMES:
                    try:
                        resumes.append((path.name, read_resume(path)))
                    except GapcheckError:  # e.g. the outlined-text PDF, refused as needing OCR
                        continue
    nlp = spacy.blank("en")
    ratios: list[float] = []
    match_times: list[float] = []
    print(f"{'file':55} {'chars':>6} {'match ms':>9} {'tokenize ms':>12} {'ratio':>6}")
    for name, r in resumes:
        match = median_seconds(lambda r=r: match_skills(r, taxonomy), args.repeat)
        base = median_seconds(lambda r=r: nlp.make_doc(r.text), args.repeat)
        ratios.append(match / base)
        match_times.append(match)
        print(f"{name[:55]:55} {len(r.text):6d} {match * 1000:9.2f} {base * 1000:12.2f} {match / base:6.1f}")
    if resumes:
        print(
            f"median match: {statistics.median(match_times) * 1000:.2f} ms; "
            f"median ratio to a bare tokenizer pass: {statistics.median(ratios):.1f}x over {len(resumes)} resumes"
        )


if __name__ == "__main__":
    main()
