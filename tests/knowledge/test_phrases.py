"""Skill phrases: the phrase syntax compiles to token patterns that match what it says and nothing else, and every
phrase of the shipped taxonomy cites where its wording comes from."""

from __future__ import annotations

from pathlib import Path

import pytest

from gapcheck.knowledge import load_taxonomy
from gapcheck.knowledge.build import ANNOTATION_GUIDE
from gapcheck.knowledge.model import Taxonomy
from gapcheck.knowledge.patterns import thaw_pattern
from gapcheck.knowledge.phrases import PhraseError, compile_phrase
from gapcheck.matching import matcher_for
from gapcheck.reading import read_text

REPO = Path(__file__).resolve().parents[2]
GUIDES = REPO.parent / "shared" / "guides"
ANNOTATION = REPO.parent / "shared" / "real-resumes" / "annotation-guide.md"


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


def test_words_alternatives_options_and_gaps() -> None:
    (pattern,) = compile_phrase("explained|presented (the) … to =board")
    assert pattern[0] == {"LOWER": {"IN": ["explained", "presented"]}}
    assert pattern[1] == {"LOWER": "the", "OP": "?"}
    assert pattern[2]["OP"] == "{0,4}" and "." in pattern[2]["ORTH"]["NOT_IN"]
    assert pattern[4] == {"ORTH": "board"}
    (long_gap,) = compile_phrase("with …… teams")
    assert long_gap[1]["OP"] == "{0,8}"


def test_prefixes_and_hyphens_write_out_the_tokens() -> None:
    (prefix,) = compile_phrase("collaborat* with")
    assert prefix[0] == {"LOWER": {"REGEX": "^(?:collaborat.*)$"}}
    forms = compile_phrase("coordinated|co-ordinated with")
    assert [f[0] for f in forms] == [{"LOWER": "coordinated"}, {"LOWER": "co"}]
    assert forms[1][:3] == [{"LOWER": "co"}, {"LOWER": "-"}, {"LOWER": "ordinated"}]


@pytest.mark.parametrize(
    "phrase",
    ["", "… teams", "(with)", "with …", "a*", "=Present|presented", "with {teams}", "(co-ordinated) with"],
)
def test_malformed_phrases_are_refused(phrase: str) -> None:
    with pytest.raises(PhraseError):
        compile_phrase(phrase)


def test_phrase_patterns_are_part_of_the_skill(taxonomy: Taxonomy) -> None:
    skill = taxonomy.skill("communication")
    assert skill.phrases
    patterns = [thaw_pattern(p) for p in skill.patterns]
    for phrase in skill.phrases:
        for pattern in compile_phrase(phrase.text):
            assert pattern in patterns


def _found(taxonomy: Taxonomy, text: str) -> set[str]:
    return {h.skill_id for h in matcher_for(taxonomy).find(read_text(text))}


def test_phrases_match_their_meaning_and_not_the_date_word(taxonomy: Taxonomy) -> None:
    assert "communication" in _found(taxonomy, "Explained the churn model to the marketing leadership.")
    assert "communication" not in _found(taxonomy, "Acme Bank, 2019 - Present\nTech lead for the team of four.")
    assert "cross-functional-collaboration" in _found(taxonomy, "Co-ordinated with the legal and finance teams.")
    assert "model-monitoring" in _found(taxonomy, "Set up monitoring of prediction accuracy with weekly alerts.")
    assert "data-drift" in _found(taxonomy, "Alerts fire when the input drift of any feature passes 0.2.")
    # a gap ends at the clause: "monitoring" and "drift" in two sentences are not one phrase
    assert "model-monitoring" not in _found(taxonomy, "Built server monitoring. Studied concept drift in a course.")


@pytest.mark.skipif(not GUIDES.is_dir() or not ANNOTATION.is_file(), reason="../shared guides are absent")
def test_every_phrase_cites_a_heading_or_the_annotation_guides_words(taxonomy: Taxonomy) -> None:
    headings = {
        s.key: {line.strip() for line in (GUIDES / s.file).read_text(encoding="utf-8").splitlines()}
        for s in taxonomy.sources
    }
    annotation = " ".join(ANNOTATION.read_text(encoding="utf-8").split())
    bad = []
    for skill in taxonomy.skills:
        for phrase in skill.phrases:
            ref = phrase.cited
            ok = ref.section in annotation if ref.source == ANNOTATION_GUIDE else ref.section in headings[ref.source]
            if not ok:
                bad.append((skill.id, phrase.text, ref.source, ref.section))
    assert not bad
