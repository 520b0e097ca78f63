"""Resume words do not pile up in spaCy's vocabulary: the scratch vocabulary is replaced when it has grown, and the
matches stay the same across a replacement."""

from __future__ import annotations

import random
from datetime import date

from gapcheck.knowledge import load_taxonomy
from gapcheck.matching import matcher_for
from gapcheck.matching.matcher import STRING_BUDGET
from gapcheck.reading import read_text

TEXT = """EXPERIENCE
ML Engineer, Acme
Jan 2022 - Present
- Trained PyTorch models in Python; deployed them with Docker on AWS.
SKILLS
Python, SQL, Kubernates, C#, CI/CD
"""


def test_the_vocabulary_stays_bounded_and_matches_do_not_change() -> None:
    matcher = matcher_for(load_taxonomy())
    resume = read_text(TEXT, today=date(2026, 11, 1))
    before = matcher.find(resume)
    start = matcher.vocabulary_size()
    rng = random.Random(7)
    sizes = []
    texts = 3 * STRING_BUDGET // 400
    for i in range(texts):
        words = " ".join("".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(9)) for _ in range(400))
        matcher.find(read_text(f"SKILLS\nPython, {words}\n", source_name=f"{i}.txt"))
        sizes.append(matcher.vocabulary_size())
    assert texts * 400 > 2 * STRING_BUDGET  # enough new words to force replacements
    # the budget counts strings; each new word also brings a lexeme, and its affix strings, so about twice it
    grown = [size - start for size in sizes]
    assert max(grown) < 2 * STRING_BUDGET + 3 * 400
    assert sizes[-1] - start < (sizes[1] - sizes[0]) * texts / 2  # unbounded growth would be all texts' worth
    assert min(sizes[texts // 2 :]) < max(sizes)  # it was replaced, not just slow to grow
    assert matcher.find(resume) == before
    assert {h.skill_id for h in before} >= {"pytorch", "python", "docker", "aws", "kubernetes", "ci-cd"}
