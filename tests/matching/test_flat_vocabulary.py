"""Resume words do not pile up: they are read inside a spaCy memory zone of the scratch vocabulary that is renewed
once they have grown its string store by the budget, and every memo of them (chunks, fuzzy scores, regular-expression
tests, word kinds) is emptied with it; the matches stay the same across a renewal."""

from __future__ import annotations

import random
from datetime import date

import pytest

from gapcheck.knowledge import load_taxonomy
from gapcheck.matching import SkillMatcher, matcher_for
from gapcheck.matching.matcher import WORD_MEMO
from gapcheck.matching.tokenizer import CHUNK_MEMO, STRING_BUDGET, ChunkTokenizer, scratch_tokenizer
from gapcheck.reading import read_text


def _split(chunker: ChunkTokenizer, text: str) -> tuple[list[str], list[int], list[int]]:
    """A text's tokens as words, character offsets and line indexes (what the tests compare)."""
    tokens = chunker.tokens(text)
    return tokens.words, tokens.starts, tokens.lines


TEXT = """EXPERIENCE
ML Engineer, Acme
Jan 2022 - Present
- Trained PyTorch models in Python; deployed them with Docker on AWS.
SKILLS
Python, SQL, Kubernates, C#, CI/CD
"""
WORDS = 400  # new words a text brings


def _new_words(rng: random.Random) -> list[str]:
    # capitalised and with digits now and then: fuzzy candidates and regular-expression anchors see them too
    return [
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(9)).title() + rng.choice(("", "", "2"))
        for _ in range(WORDS)
    ]


@pytest.fixture(scope="module")
def matcher() -> SkillMatcher:
    return matcher_for(load_taxonomy())


def test_the_vocabulary_and_the_memos_stay_bounded_and_matches_do_not_change(matcher: SkillMatcher) -> None:
    resume = read_text(TEXT, today=date(2026, 11, 1))
    before = matcher.find(resume)
    scratch = matcher._scratch
    vocab, renewals = scratch.vocab, scratch.renewals
    rng = random.Random(7)
    sizes, memos, first_words = [], [], _new_words(rng)
    texts = 3 * STRING_BUDGET // WORDS
    for i in range(texts):
        words = first_words if i == 0 else _new_words(rng)
        matcher.find(read_text(f"SKILLS\nPython, {', '.join(words)}\n", source_name=f"{i}.txt"))
        sizes.append(matcher.vocabulary_size())
        memos.append(matcher.memo_sizes())
    assert scratch.renewals - renewals >= 2  # enough new words to renew the zone more than once
    assert scratch.vocab is vocab  # renewed in place: the tokenizer and its vocabulary are not rebuilt
    # each word brings a lexeme and a few strings (its own, its suffix): a bound of the budget, not of the texts
    assert max(sizes) - min(sizes) < 2 * STRING_BUDGET
    assert all(m["resume strings"] <= STRING_BUDGET + 4 * WORDS for m in memos)
    assert all(m["chunks"] < CHUNK_MEMO and m["word kinds"] < WORD_MEMO for m in memos)
    for kind in ("chunks", "word kinds", "fuzzy", "regex tests"):
        grown = [m[kind] for m in memos]
        assert max(grown) > 0, kind  # the memo is used ...
        assert min(grown[texts // 3 :]) < max(grown) / 2, kind  # ... and emptied, not just slow to grow
    # the first text's words are gone from the vocabulary and the string store, lexemes and all
    assert not any(w in vocab or w in vocab.strings for w in first_words)
    assert matcher.find(resume) == before
    assert {h.skill_id for h in before} >= {"pytorch", "python", "docker", "aws", "kubernetes", "ci-cd"}


def test_the_zone_is_not_renewed_while_a_reader_holds_its_words(matcher: SkillMatcher) -> None:
    chunker = ChunkTokenizer(scratch_tokenizer(matcher._symbol_words), budget=100)
    rng = random.Random(3)
    with chunker.reading() as renewed:
        assert not renewed
        words = _new_words(rng)
        _split(chunker, " ".join(words))
        assert chunker.resume_strings() > 100
        with chunker.reading() as inner:  # another thread, say, while the first one's Doc is in use
            assert not inner
        assert words[0] in chunker.vocab.strings
    with chunker.reading() as renewed:  # no reader left: renewed, its words forgotten
        assert renewed
        assert chunker.resume_strings() == 0 and chunker.remembered() == 0
        assert words[0] not in chunker.vocab.strings
    assert chunker.renewals == 1


def test_the_tokenizer_is_made_anew_after_many_zones_and_the_old_vocabulary_is_released(
    matcher: SkillMatcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    from spacy.vocab import Vocab

    from gapcheck.matching import tokenizer as module

    monkeypatch.setattr(module, "REBUILD_AFTER", 3_000)  # a zone here lets go of about 1,000
    words = matcher._symbol_words
    chunker = ChunkTokenizer(scratch_tokenizer(words), budget=200, rebuild=lambda: scratch_tokenizer(words))
    text = "C++/Python, C#, CI/CD and A/B tests (e.g. R. Patel, don't), W&B."
    expected = _split(chunker, text)
    rng = random.Random(5)

    def vocabularies() -> int:
        gc.collect()
        return sum(isinstance(o, Vocab) for o in gc.get_objects())

    counts = []
    for _ in range(12):
        with chunker.reading():
            _split(chunker, " ".join(_new_words(rng)))
            assert _split(chunker, text) == expected
        counts.append(vocabularies())
    assert chunker.rebuilds >= 2
    assert chunker.renewals > chunker.rebuilds  # most renewals only close a zone
    assert max(counts) == min(counts)  # each old vocabulary (and its tokenizer) went when it was replaced
