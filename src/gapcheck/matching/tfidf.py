"""Character n-gram TF-IDF in plain numpy: what scikit-learn's ``TfidfVectorizer(analyzer="char_wb",
ngram_range=(1, 3), sublinear_tf=True)`` computes, without importing scikit-learn and SciPy at run time (about a
second of start-up, more than spaCy's own). The same n-grams (each word padded with a space), the same smoothed
idf (``ln((1 + n) / (1 + df)) + 1``), sublinear tf (``1 + ln(tf)``) and l2-normalised rows; n-grams outside the
fitted vocabulary are ignored. A test checks the scores against scikit-learn's on every candidate of the corpus.
"""

from __future__ import annotations

import math
import re
from collections import Counter

import numpy as np
import numpy.typing as npt

_WHITESPACE = re.compile(r"\s\s+")

Matrix = npt.NDArray[np.float64]
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


class CharTfidf:
    """Fitted on some texts; ``similarity(queries)`` is the cosine of each query with each fitted text.

    The fitted weights of the common n-grams (single letters, the padding space: held by many texts) are a small
    dense matrix; the others are kept sparse by n-gram (for each, the texts holding it and its weight there). A
    query costs one small matrix product and its own rare n-grams' entries, not the whole vocabulary."""

    def __init__(self, texts: list[str]) -> None:
        counts = [Counter(char_wb_ngrams(t)) for t in texts]
        df: Counter[str] = Counter()
        for c in counts:
            df.update(c.keys())
        grams = sorted(df)
        self.vocabulary = {gram: i for i, gram in enumerate(grams)}
        n = len(texts)
        self.idf = [math.log((1 + n) / (1 + df[g])) + 1.0 for g in grams]
        self.size = n
        columns: list[list[tuple[int, float]]] = [[] for _ in grams]
        for row, col_weights in enumerate(self._weights(c) for c in counts):
            for col, weight in col_weights:
                columns[col].append((row, weight))
        # common n-grams: a dense (n-gram x texts) block, indexed by _dense_of
        common = [col for col, c in enumerate(columns) if len(c) >= DENSE_MIN_TEXTS]
        self._dense_of = {col: k for k, col in enumerate(common)}
        self._dense: Matrix = np.zeros((len(common), n), dtype=np.float64)
        for k, col in enumerate(common):
            for row, weight in columns[col]:
                self._dense[k, row] = weight
            columns[col] = []
        lengths = [len(c) for c in columns]
        self._indptr = np.zeros(len(grams) + 1, dtype=np.int64)
        self._indptr[1:] = np.cumsum(lengths)
        self._rows = np.array([r for c in columns for r, _ in c], dtype=np.int64)
        self._values = np.array([w for c in columns for _, w in c], dtype=np.float64)

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
