"""Misspellings and unlisted variants: character n-gram TF-IDF similarity to the taxonomy's names and aliases.

"Tensorflow2", "Kubernates", "Py-Torch", "Pyhton" are no phrase of the taxonomy, but share most of their character
n-grams with one. The index holds every name and alias of at least ``MIN_CHARS`` letters (short forms such as "R",
"Go", "SQL" or "k8s" are never matched fuzzily: one changed letter makes a different word). The TF-IDF is
:mod:`gapcheck.matching.tfidf` (numpy; scikit-learn's char_wb TF-IDF, without importing scikit-learn).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

import numpy as np

from gapcheck.matching.tfidf import CharTfidf, Fitted, fit

MIN_CHARS = 4
MIN_FUZZY_CHARS = 6  # a non-identical variant must be at least this long ("Prize" is not "Arize")
MIN_EDIT_RATIO = 0.8  # difflib ratio of the letters, a second check beside the n-gram cosine
# Chosen on the labelled set and the real development resumes (scripts/eval_matching.py --fuzzy-curve, and every
# fuzzy hit listed at 0.5): the highest-scoring wrong hit was "Economics" -> econometrics (0.72), the lowest right
# one "Kubernates" -> Kubernetes (0.77). Precision does not drop from 0.74 up; recall drops from 0.85.
DEFAULT_THRESHOLD = 0.75
MEMO_SIZE = 20_000  # candidates whose nearest target (and score) is remembered

_NON_ALNUM = re.compile(r"[^a-z0-9+#]+")


def normalize(phrase: str) -> str:
    """Lower case, separators dropped: "Py-Torch" -> "pytorch", "Scikit Learn" -> "scikitlearn"."""
    return _NON_ALNUM.sub("", phrase.lower())


_WORD_SPLIT = re.compile(r"[\s\-_/.]+")


def _word_count(phrase: str) -> int:
    return len([w for w in _WORD_SPLIT.split(phrase) if w])


def _plausible_variant(candidate: str, key: str, target: str, target_key: str) -> bool:
    """Guards that keep ordinary words out: a misspelling keeps the first letter, is not shorter than
    ``MIN_FUZZY_CHARS``, does not drop a word of the target ("Deployment" is not "Model deployment"), and most of its
    letters line up with the target's."""
    if len(key) < MIN_FUZZY_CHARS or key[0] != target_key[0]:
        return False
    if _word_count(candidate) < _word_count(target):
        return False
    if not _words_line_up(candidate, target):
        return False
    return (
        SequenceMatcher(None, key, target_key).ratio() >= MIN_EDIT_RATIO
        or edit_similarity(key, target_key) >= MIN_EDIT_RATIO
    )


MIN_WORD_RATIO = 0.7  # each word of a misspelt phrase must itself be close to its counterpart


def _words_line_up(candidate: str, target: str) -> bool:
    """In a phrase of several words, a misspelling changes letters, not whole words: "Logistic Regresion" is
    "logistic regression", "performance tuning" is not "performance testing", nor "small scripts" "shell scripts"."""
    words = [w.lower() for w in _WORD_SPLIT.split(candidate) if w]
    targets = [w.lower() for w in _WORD_SPLIT.split(target) if w]
    if len(words) < 2 or len(words) != len(targets):
        return True
    return all(
        w[0] == t[0] and (w == t or SequenceMatcher(None, w, t).ratio() >= MIN_WORD_RATIO)
        for w, t in zip(words, targets, strict=True)
    )


def osa_distance(a: str, b: str) -> int:
    """Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[len(b)]


def edit_similarity(key: str, target_key: str) -> float:
    """1.0 minus the edit distance over the length, counted only for one edit (two from 10 letters), else 0."""
    distance = osa_distance(key, target_key)
    allowed = 2 if min(len(key), len(target_key)) >= 10 else 1
    if distance > allowed:
        return 0.0
    return 1.0 - distance / max(len(key), len(target_key))


@dataclass(frozen=True)
class FuzzyHit:
    skill_id: str
    target: str  # the name or alias it resembles
    score: float


class FuzzyIndex:
    """TF-IDF over character n-grams of the normalized names and aliases."""

    def __init__(
        self, phrases: dict[str, str], threshold: float = DEFAULT_THRESHOLD, fitted: Fitted | None = None
    ) -> None:
        """``phrases`` maps a name or alias (as written) to its skill id; ``fitted``: the index already fitted on
        their normalized forms (from the cache), else fitted here."""
        self.threshold = threshold
        targets: dict[str, tuple[str, str]] = {}
        for phrase, skill_id in phrases.items():
            key = normalize(phrase)
            if len(key) >= MIN_CHARS and key not in targets:
                targets[key] = (skill_id, phrase)
        self._keys = list(targets)
        self._targets = [targets[k] for k in self._keys]
        self._exact = set(self._keys)
        self._position = {k: i for i, k in enumerate(self._keys)}
        self._tfidf = CharTfidf(fit(self._keys) if fitted is None else fitted)
        # normalized candidate -> (best target's position, cosine): the same words recur across resumes
        self._nearest: dict[str, tuple[int, float]] = {}
        self._scored: dict[str, FuzzyHit | None] = {}  # candidate as written -> what scores() gives for it

    @property
    def fitted(self) -> Fitted:
        """The fitted TF-IDF index, as arrays (what the on-disk cache keeps)."""
        return self._tfidf.fitted

    def forget(self) -> None:
        """Forget the memoized candidates (their words are no longer in use)."""
        self._nearest.clear()
        self._scored.clear()

    def remembered(self) -> int:
        """How many candidates are memoized."""
        return len(self._nearest) + len(self._scored)

    def _nearest_targets(self, keys: list[str]) -> list[tuple[int, float]]:
        """The most similar target of each key (first on ties, as argmax), memoized (bounded)."""
        new = sorted({k for k in keys if k not in self._nearest})
        if new:
            if len(self._nearest) + len(new) > MEMO_SIZE:
                self._nearest.clear()
                new = sorted(set(keys))
            sims = self._tfidf.similarity(new)
            best = np.argmax(sims, axis=1)
            for row, key in enumerate(new):
                self._nearest[key] = (int(best[row]), float(sims[row, best[row]]))
        return [self._nearest[k] for k in keys]

    def best(self, candidates: list[str]) -> list[FuzzyHit | None]:
        """The best target of each candidate phrase, or None when below the threshold."""
        return [hit if hit is not None and hit.score >= self.threshold else None for hit in self.scores(candidates)]

    def scores(self, candidates: list[str]) -> list[FuzzyHit | None]:
        """The best target of each candidate with its similarity, whatever the threshold (None: not comparable).
        Memoized per candidate (bounded): the same words and list items recur across the resumes of a run."""
        new = [c for c in dict.fromkeys(candidates) if c not in self._scored]
        if new:
            if len(self._scored) + len(new) > MEMO_SIZE:
                self._scored.clear()
                new = list(dict.fromkeys(candidates))
            self._scored.update(zip(new, self._score(new), strict=True))
        return [self._scored[c] for c in candidates]

    def _score(self, candidates: list[str]) -> list[FuzzyHit | None]:
        keys = [normalize(c) for c in candidates]
        out: list[FuzzyHit | None] = [None] * len(candidates)
        usable: list[int] = []
        for i, key in enumerate(keys):
            if len(key) < MIN_CHARS + 1 or sum(ch.isalpha() for ch in key) < MIN_CHARS:
                continue
            if key in self._exact:  # the same letters, other separators: "Py-Torch", "ScikitLearn"
                skill_id, target = self._targets[self._position[key]]
                out[i] = FuzzyHit(skill_id, target, 1.0)
            else:
                usable.append(i)
        if not usable:
            return out
        nearest = self._nearest_targets([keys[i] for i in usable])
        for (j, score), i in zip(nearest, usable, strict=True):
            key = keys[i]
            target_key = self._keys[j]
            if score < 0.3 or key[0] != target_key[0]:
                continue
            if score < self.threshold and abs(len(key) - len(target_key)) <= 2:
                # Character n-grams miss swapped letters ("Pyhton", "Dcoker"): one edit (two in long words) counts.
                score = max(score, edit_similarity(key, target_key))
            # Lengths must be close: "Java" is not a misspelling of "JavaScript", nor "data" of "data pipelines".
            if not 0.75 <= len(key) / len(target_key) <= 1.34:
                continue
            skill_id, target = self._targets[j]
            if not _plausible_variant(candidates[i], key, target, target_key):
                continue
            out[i] = FuzzyHit(skill_id, target, round(score, 3))
        return out
