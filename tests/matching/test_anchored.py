"""The first-word index of AnchoredMatcher finds exactly what one plain spaCy Matcher finds."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from spacy.matcher import Matcher

from gapcheck.errors import GapcheckError
from gapcheck.knowledge import load_taxonomy, thaw_pattern
from gapcheck.matching.anchored import AnchoredMatcher
from gapcheck.matching.matcher import SkillMatcher
from gapcheck.reading import read_resume

LABELLED = Path(__file__).resolve().parents[1] / "data" / "labelled"
REAL = Path(__file__).resolve().parents[3] / "shared" / "real-resumes"
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


# Every way a pattern can be indexed: a word anchor after a very common word, a word anchor with required tokens at a
# range of offsets ("{0,3}", "?"), a regular-expression anchor, optional tokens written out both ways (no word
# before them), an unbounded run of word tests, a "!" token, one that fits no index (a whole-document pass), and
# fixed words after punctuation (anchored on the word, told without a Matcher).
SHAPES: list[list[dict[str, Any]]] = [
    [{"LOWER": "the"}, {"LOWER": "go"}, {"ORTH": "-"}, {"LOWER": "to"}],
    [{"LOWER": {"IN": ["tuned", "tuning"]}}, {"LOWER": "the", "OP": "?"}, {"OP": "{0,3}"}, {"LOWER": "rate"}],
    [{"LOWER": {"REGEX": "^bert(-[a-z]+)?$"}}],
    [{"ORTH": {"REGEX": "^YOLO"}}, {"LIKE_NUM": True, "OP": "?"}],
    [{"LIKE_NUM": True}, {"ORTH": "-", "OP": "?"}, {"LOWER": {"IN": ["gpu", "gpus", "node"]}}],
    [{"LOWER": "deployed"}, {"LOWER": {"IN": ["the", "a"]}, "OP": "?"}, {"LOWER": "ml", "OP": "*"}, {"LOWER": "model"}],
    [{"LOWER": "ran"}, {"LOWER": "on", "OP": "+"}, {"LOWER": "gpus"}],
    [{"LOWER": "on"}, {"LOWER": "device", "OP": "!"}, {"LOWER": "training"}],
    [{"IS_DIGIT": True, "OP": "+"}, {"LOWER": "x"}],
    [{"ORTH": {"IN": [",", "("]}}, {"LOWER": {"IN": ["github", "gitlab"]}}, {"ORTH": ")"}],
]
SHAPE_TEXT = (
    "Tuned the learning rate; tuning rate. BERT and bert-base, YOLOv5 and YOLO 8. 8 GPU and 16-node jobs, 4 - gpus. "
    "Deployed the ml ml model, deployed model, deployed a model. Ran on on gpus, ran gpus. On the training, on device "
    "training. 4 x faster; the go-to tool. Git (GitHub), GitLab) and (gitlab)."
)


def test_each_way_of_indexing_finds_what_a_plain_matcher_finds(
    matchers: tuple[SkillMatcher, Matcher, AnchoredMatcher],
) -> None:
    skill_matcher = matchers[0]
    vocab = skill_matcher.nlp.vocab
    plain, anchored = Matcher(vocab), AnchoredMatcher(vocab)
    for n, pattern in enumerate(SHAPES):
        plain.add(f"shape{n}", [pattern])
        anchored.add(f"shape{n}", [pattern])
    assert anchored.whole_document_patterns  # the IS_DIGIT+ pattern fits no index
    for text in (SHAPE_TEXT, SHAPE_TEXT.lower(), *_texts()[:3]):
        doc = skill_matcher.tokenizer(text)
        expected = sorted(set(plain(doc)), key=lambda m: (m[1], m[2], m[0]))
        assert anchored(doc) == expected
    found = {vocab.strings[m[0]] for m in anchored(skill_matcher.tokenizer(SHAPE_TEXT))}
    assert found == {f"shape{n}" for n in range(len(SHAPES))}  # every shape is met: none is compared vacuously


def test_the_taxonomy_patterns_need_no_whole_document_pass(
    matchers: tuple[SkillMatcher, Matcher, AnchoredMatcher],
) -> None:
    assert not matchers[2].whole_document_patterns


@pytest.mark.skipif(not REAL.is_dir(), reason="the real resumes are not here")
def test_anchored_matches_equal_a_plain_matcher_on_the_real_resumes(
    matchers: tuple[SkillMatcher, Matcher, AnchoredMatcher],
) -> None:
    skill_matcher, plain, anchored = matchers
    compared = 0
    for path in sorted(REAL.glob("*.pdf")) + sorted(REAL.glob("*.docx")):
        try:
            text = read_resume(path, today=date(2026, 11, 1)).text
        except GapcheckError:
            continue
        doc = skill_matcher.tokenizer(text)
        assert anchored(doc) == sorted(set(plain(doc)), key=lambda m: (m[1], m[2], m[0])), path.name
        compared += 1
    assert compared


def test_a_fixed_word_pattern_with_capitals_in_lower_matches_as_spacy_does(
    matchers: tuple[SkillMatcher, Matcher, AnchoredMatcher],
) -> None:
    skill_matcher = matchers[0]
    vocab = skill_matcher.nlp.vocab
    patterns = [[{"LOWER": "built"}, {"LOWER": "GitHub"}], [{"LOWER": "built"}, {"LOWER": "gitlab"}]]
    plain, anchored = Matcher(vocab), AnchoredMatcher(vocab)
    plain.add("capitals", patterns)
    anchored.add("capitals", patterns)
    doc = skill_matcher.tokenizer("Built GitHub actions, built gitlab runners, built github apps.")
    expected = sorted(set(plain(doc)), key=lambda m: (m[1], m[2], m[0]))
    assert anchored(doc) == expected
    assert [(m[1], m[2]) for m in expected] == [(4, 6)]  # spaCy never matches the capitalised LOWER value
