"""Character n-gram TF-IDF: scikit-learn fits the index, numpy applies it.

:func:`fit` is scikit-learn's ``TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 3), sublinear_tf=True)``
fitted on the taxonomy's names and aliases, kept as plain arrays (:class:`Fitted`: what the on-disk cache holds,
so a warm start imports neither scikit-learn nor SciPy, about a second, more than spaCy's own). :class:`CharTfidf`
scores queries against it in numpy, as scikit-learn's ``transform`` would: the same n-grams (each word padded with
a space), sublinear tf (``1 + ln(tf)``) times the fitted idf, l2-normalised rows; n-grams outside the fitted
vocabulary are ignored. A test checks the scores against scikit-learn's on every candidate of the corpus.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

_WHITESPACE = re.compile(r"\s\s+")

Matrix = npt.NDArray[np.float64]
Indices = npt.NDArray[np.int64]
DENSE_MIN_TEXTS = 24  # an n-gram held by this many fitted texts is stored densely


def char_wb_ngrams(text: str, low: int = 1, high: int = 3) -> list[str]:
    """scikit-learn's ``char_wb`` analyzer (lower-cased): n-grams inside each space-padded word."""
    grams: list[str] = []
    for word in _WHITESPACE.sub(" ", text.lower()).split():
        padded = f" {word} "
        size = len(padded)
        for n in range(low, high + 1):
            offset = 0
            grams.append(padded[offset : offset + n])
            while offset + n < size:
                offset += 1
                grams.append(padded[offset : offset + n])
            if offset == 0:  # a short word counts once
                break
    return grams


@dataclass(frozen=True)
class Fitted:
    """A fitted index as arrays: the n-grams in column order, their idf, and the fitted texts' weights by column
    (column ``j`` holds ``values[indptr[j]:indptr[j + 1]]`` in the rows ``rows[...]``: scikit-learn's matrix in
    CSC form)."""

    grams: tuple[str, ...]
    idf: Matrix
    indptr: Indices
    rows: Indices
    values: Matrix
    size: int  # fitted texts


def fit(texts: list[str]) -> Fitted:
    """scikit-learn's char_wb TF-IDF fitted on ``texts`` (scikit-learn imported here only: when the index is built,
    not when a cached one is used)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 3), sublinear_tf=True)
    matrix = vectorizer.fit_transform(texts).tocsc()
    matrix.sort_indices()
    return Fitted(
        grams=tuple(str(g) for g in vectorizer.get_feature_names_out()),
        idf=np.asarray(vectorizer.idf_, dtype=np.float64),
        indptr=np.asarray(matrix.indptr, dtype=np.int64),
        rows=np.asarray(matrix.indices, dtype=np.int64),
        values=np.asarray(matrix.data, dtype=np.float64),
        size=len(texts),
    )


class CharTfidf:
    """A fitted index; ``similarity(queries)`` is the cosine of each query with each fitted text.

    The fitted weights of the common n-grams (single letters, the padding space: held by many texts) are a small
    dense matrix; the others are kept sparse by n-gram (for each, the texts holding it and its weight there). A
    query costs one small matrix product and its own rare n-grams' entries, not the whole vocabulary."""

    def __init__(self, fitted: Fitted) -> None:
        self.fitted = fitted
        self.vocabulary = {gram: i for i, gram in enumerate(fitted.grams)}
        self.idf: list[float] = fitted.idf.tolist()
        self.size = n = fitted.size
        lengths = np.diff(fitted.indptr)
        # common n-grams: a dense (n-gram x texts) block, indexed by _dense_of
        common = np.flatnonzero(lengths >= DENSE_MIN_TEXTS)
        self._dense_of = {int(col): k for k, col in enumerate(common)}
        self._dense: Matrix = np.zeros((len(common), n), dtype=np.float64)
        for k, col in enumerate(common):
            low, high = fitted.indptr[col], fitted.indptr[col + 1]
            self._dense[k, fitted.rows[low:high]] = fitted.values[low:high]
        sparse = lengths < DENSE_MIN_TEXTS
        keep = np.repeat(sparse, lengths)
        self._indptr = np.zeros(len(lengths) + 1, dtype=np.int64)
        self._indptr[1:] = np.cumsum(np.where(sparse, lengths, 0))
        self._rows = fitted.rows[keep]
        self._values = fitted.values[keep]

    def _weights(self, counts: Counter[str]) -> list[tuple[int, float]]:
        """(column, weight) of one text's known n-grams: sublinear tf times idf, l2-normalised."""
        pairs = []
        for gram, tf in counts.items():
            col = self.vocabulary.get(gram)
            if col is not None:
                pairs.append((col, (1.0 + math.log(tf)) * self.idf[col]))
        norm = math.sqrt(sum(w * w for _, w in pairs))
        return [(col, w / norm) for col, w in pairs] if norm else []

    def similarity(self, queries: list[str]) -> Matrix:
        """(queries x fitted texts) cosine similarities."""
        query_rows, columns, weights = [], [], []
        dense = np.zeros((len(queries), len(self._dense_of)), dtype=np.float64)
        for q, text in enumerate(queries):
            for col, weight in self._weights(Counter(char_wb_ngrams(text))):
                k = self._dense_of.get(col)
                if k is not None:
                    dense[q, k] = weight
                    continue
                query_rows.append(q)
                columns.append(col)
                weights.append(weight)
        cols = np.array(columns, dtype=np.int64)
        lengths = self._indptr[cols + 1] - self._indptr[cols]
        total = int(lengths.sum())
        # every (query n-gram, fitted text holding it) pair, gathered without a Python loop
        first = np.repeat(self._indptr[cols], lengths)
        within = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        position = first + within
        flat = np.repeat(np.array(query_rows, dtype=np.int64), lengths) * self.size + self._rows[position]
        products = np.repeat(np.array(weights, dtype=np.float64), lengths) * self._values[position]
        sims = np.bincount(flat, weights=products, minlength=len(queries) * self.size)
        return np.asarray(sims, dtype=np.float64).reshape(len(queries), self.size) + dense @ self._dense
