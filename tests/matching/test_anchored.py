"""The first-word index of AnchoredMatcher finds exactly what one plain spaCy Matcher finds."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.matcher import Matcher

from gapcheck.knowledge import load_taxonomy, thaw_pattern
from gapcheck.matching.anchored import AnchoredMatcher
from gapcheck.matching.matcher import SkillMatcher

LABELLED = Path(__file__).resolve().parents[1] / "data" / "labelled"
EXTRA = (
    "Designed A/B tests; led the team of four engineers. Deployed the model behind a Flask API. "
    "Worked with the product and design teams on Go-live. Java, Indonesia. R&D. (no machine learning) "
    "Presented findings to the board, then served predictions with TorchServe at 45 FPS; 96% test accuracy."
)


def _texts() -> list[str]:
    files = sorted(p for p in LABELLED.glob("*") if p.suffix in {".txt", ".md"} and p.name != "README.md")
    return [EXTRA] + [p.read_text(encoding="utf-8") for p in files]


@pytest.fixture(scope="module")
def matchers() -> tuple[SkillMatcher, Matcher, AnchoredMatcher]:
    taxonomy = load_taxonomy()
    skill_matcher = SkillMatcher(taxonomy)
    vocab = skill_matcher.nlp.vocab
    plain = Matcher(vocab)
    anchored = AnchoredMatcher(vocab)
    for skill in taxonomy.skills:
        for kind, frozen in (("pattern", skill.patterns), ("reject", skill.rejects)):
            if frozen:
                patterns = [thaw_pattern(p) for p in frozen]
                plain.add(f"{kind}|{skill.id}", patterns)
                anchored.add(f"{kind}|{skill.id}", patterns)
    return skill_matcher, plain, anchored


@pytest.mark.parametrize("text", _texts())
def test_anchored_matches_equal_a_plain_matcher(
    text: str, matchers: tuple[SkillMatcher, Matcher, AnchoredMatcher]
) -> None:
    skill_matcher, plain, anchored = matchers
    doc = skill_matcher.tokenizer(text)
    expected = sorted(set(plain(doc)), key=lambda m: (m[1], m[2], m[0]))
    assert anchored(doc) == expected
    assert expected  # the texts do hold paraphrases: the comparison is not vacuous
