"""The start-up and memory shortcuts change nothing: the cheap probe tokenizer picks the symbol words spaCy's
default one picks, and the pipeline's tokenizer (made by a registered factory) and the scratch one (own vocabulary)
split text as the tokenizer adapted step by step (the way it was first built)."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import spacy
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from gapcheck.knowledge import load_taxonomy
from gapcheck.matching.tokenizer import ELIDED_ARTICLE, _probe, make_nlp, scratch_tokenizer, symbol_words

DATA = Path(__file__).resolve().parents[1] / "data"


def stepwise(special_words: tuple[str, ...]) -> Tokenizer:
    nlp = spacy.blank("en")
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    tokenizer.rules = {k: v for k, v in tokenizer.rules.items() if not (len(k) == 2 and k[1] == "." and k[0].isalpha())}
    tokenizer.prefix_search = compile_prefix_regex([*nlp.Defaults.prefixes, r"[•▪◦●○■□➤★►‣⁃]", ELIDED_ARTICLE]).search
    tokenizer.suffix_search = compile_suffix_regex([*nlp.Defaults.suffixes, r"(?<=[A-Z&])\."]).search
    tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, r"(?<=[#+])/(?=[A-Za-z.])"]).finditer
    for word in special_words:
        tokenizer.add_special_case(word, [{ORTH: word}])
    return tokenizer


def test_probe_picks_the_symbol_words_of_the_default_tokenizer() -> None:
    taxonomy = load_taxonomy()
    words = symbol_words(taxonomy, _probe())
    assert words == symbol_words(taxonomy, spacy.blank("en").tokenizer)
    assert "CI/CD" in words


def test_one_go_tokenizer_splits_like_the_stepwise_one() -> None:
    words = symbol_words(load_taxonomy(), spacy.blank("en").tokenizer)
    fast, slow, scratch = make_nlp(special_words=words).tokenizer, stepwise(words), scratch_tokenizer(words)
    texts = [p.read_text(encoding="utf-8") for p in sorted(DATA.rglob("*.txt"))]
    texts.append("Python and R. R. Patel used C#/Java, C++/Python, W&B. and CI/CD (w/o tests) at U.S. firms. •SQL")
    texts.append("Projet d'apprentissage automatique, l'analisi dell'apprendimento, master's degree, L'Oréal")
    assert len(texts) > 20
    for text in texts:
        expected = [(t.text, t.is_punct, t.lower_) for t in slow(text)]
        assert [(t.text, t.is_punct, t.lower_) for t in fast(text)] == expected
        assert [(t.text, t.is_punct, t.lower_) for t in scratch(text)] == expected
