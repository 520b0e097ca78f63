"""The numpy TF-IDF gives scikit-learn's scores (char_wb, 1-3 grams, sublinear tf) on the real index and corpus."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from gapcheck.knowledge import load_taxonomy
from gapcheck.matching.fuzzy import normalize
from gapcheck.matching.tfidf import CharTfidf, char_wb_ngrams, fit

LABELLED = Path(__file__).resolve().parents[1] / "data" / "labelled"


def test_scores_equal_scikit_learn_on_every_word_of_the_labelled_resumes() -> None:
    taxonomy = load_taxonomy()
    keys = sorted({normalize(p) for s in taxonomy.skills for p in (s.name, *s.aliases) if len(normalize(p)) >= 4})
    words = sorted(
        {normalize(w) for f in LABELLED.glob("*.txt") for w in re.split(r"\s+", f.read_text(encoding="utf-8"))}
        - {""}
    )
    assert len(keys) > 300 and len(words) > 1000
    reference = TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 3), sublinear_tf=True)
    fitted = reference.fit_transform(keys)
    expected = (reference.transform(words) @ fitted.T).toarray()
    got = CharTfidf(fit(keys)).similarity(words)
    assert np.abs(got - expected).max() < 1e-9
    assert (got.argmax(axis=1) == expected.argmax(axis=1)).all()


def test_ngrams_follow_char_wb() -> None:
    assert char_wb_ngrams("Py Go") == [
        " ", "p", "y", " ", " p", "py", "y ", " py", "py ",
        " ", "g", "o", " ", " g", "go", "o ", " go", "go ",
    ]  # fmt: skip
    assert char_wb_ngrams("a") == [" ", "a", " ", " a", "a ", " a "]
