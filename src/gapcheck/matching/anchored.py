"""A spaCy Matcher indexed on each pattern's first word.

spaCy's Matcher tries every pattern at every token, so its cost grows with (patterns x tokens): with a few hundred
paraphrase patterns a two-page resume takes a tenth of a second. Most patterns start with a fixed word or a set of
words ({"LOWER": {"IN": [...]}}); those are grouped by that word (the first fixed token of the pattern, or a later
fixed one when the first is a very common word or punctuation), and each pattern of a group has a Matcher of its own,
run only on a short window starting at a token that carries the group's word, and only when the pattern's other
required tokens are there too (a required token at one offset from the anchor is looked up by its word, so the
patterns whose token is not there are not even tried); a pattern made only of fixed words is told by its tokens'
hashes, without running a Matcher at all. Besides words:
- a pattern may anchor on a regular expression ({"LOWER": {"REGEX": ...}}), each distinct word tested once against
  all of them;
- an optional token before every fixed word ({"LIKE_NUM": true}, {"ORTH": "-", "OP": "?"}, {"LOWER": "gpu"}) is
  written out both ways, each way anchored on its own;
- a pattern of unbounded length whose every token is a word test ("deploy", any run of "ml", "trained", ...,
  "model") is looked for in the run of tokens from the anchor that pass one of its tests (a match holds no others).
Only patterns that fit none of these go to one plain Matcher run over the whole document. The matches are the
same as one Matcher with every pattern.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
from spacy.attrs import LOWER, ORTH
from spacy.matcher import Matcher
from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.vocab import Vocab

from gapcheck.matching import english

Pattern = list[dict[str, Any]]

_COLUMNS = {"LOWER": 0, "ORTH": 1}  # the columns of token_keys
_MAX_OPTIONAL = 3  # optional tokens written out both ways (2**3 variants at most)
_REGEX_MEMO = 50_000  # distinct words whose regex tests are remembered

# Words too common to anchor on when the pattern offers a rarer fixed token.
_COMMON = frozenset(english.COMMON_WORDS)


def _token_words(spec: dict[str, Any]) -> list[tuple[str, str]] | None:
    """The (attribute, word) pairs a token spec must equal, or None when it is not such a test."""
    if len(spec) != 1:
        return None
    ((attr, value),) = spec.items()
    if attr not in ("LOWER", "ORTH"):
        return None
    if isinstance(value, str):
        return [(attr, value if attr == "ORTH" else value.lower())]
    if isinstance(value, dict) and set(value) == {"IN"}:
        return [(attr, w if attr == "ORTH" else w.lower()) for w in value["IN"]]
    return None


def _token_regex(spec: dict[str, Any]) -> tuple[str, str] | None:
    """(attribute, expression) of a token spec that is one regular expression on LOWER or ORTH, else None."""
    if len(spec) != 1:
        return None
    ((attr, value),) = spec.items()
    if attr in _COLUMNS and isinstance(value, dict) and set(value) == {"REGEX"} and isinstance(value["REGEX"], str):
        return attr, value["REGEX"]
    return None


def _frequent(word: str) -> bool:
    """A word found in most texts, too often to anchor on: a very common word, or punctuation ("," "-" "(")."""
    return word.lower() in _COMMON or not any(ch.isalnum() for ch in word)


def _anchors(pattern: Pattern) -> tuple[int, list[tuple[str, str]]] | None:
    """The token to index a pattern on: its position and the (attribute, word) pairs it must equal.

    Only tokens with a fixed offset qualify (every token before it is mandatory), so a match can be looked for in a
    window starting that many tokens earlier. The first qualifying token is used unless a later one avoids frequent
    words ("the go-to", "in Java", ", GitHub", "on-device"). None: no token qualifies."""
    best: tuple[int, list[tuple[str, str]]] | None = None
    for k, spec in enumerate(pattern):
        if "OP" in spec:
            break
        words = _token_words(spec)
        if words is None:
            continue
        if best is None:
            best = (k, words)
        if not any(_frequent(w) for _, w in words):
            return (k, words)
    return best


def _regex_anchor(pattern: Pattern) -> tuple[int, str, str] | None:
    """The first token with a fixed offset that is a regular expression: (position, attribute, expression)."""
    for k, spec in enumerate(pattern):
        if "OP" in spec:
            break
        found = _token_regex(spec)
        if found is not None:
            return (k, *found)
    return None


def _bounds(op: str | None) -> tuple[int, int | None]:
    """How few and how many tokens a token spec with this operator takes (None: no upper bound)."""
    if op == "?":
        return 0, 1
    if op == "*":
        return 0, None
    if op == "+":
        return 1, None
    if isinstance(op, str) and op.startswith("{"):
        bounds = op[1:-1].split(",")
        return int(bounds[0] or 0), int(bounds[-1]) if bounds[-1] else None
    return 1, 1  # no operator, or "!" (one token that fails the test)


def _max_length(pattern: Pattern) -> int | None:
    """The most tokens a pattern can span, None when unbounded ("+", "*", "{n,}")."""
    total = 0
    for spec in pattern:
        most = _bounds(spec.get("OP"))[1]
        if most is None:
            return None
        total += most
    return total


def _run_words(pattern: Pattern) -> tuple[frozenset[str], frozenset[str]] | None:
    """The LOWER and ORTH words any token of a match must be among, when every token of the pattern is a word test
    (with an operator or none, but not "!"), else None."""
    lower: set[str] = set()
    orth: set[str] = set()
    for spec in pattern:
        if spec.get("OP") == "!":
            return None
        words = _token_words({key: value for key, value in spec.items() if key != "OP"})
        if words is None:
            return None
        for attr, word in words:
            (lower if attr == "LOWER" else orth).add(word)
    return frozenset(lower), frozenset(orth)


@dataclass(frozen=True)
class _Placed:
    """A pattern and where it can be indexed: its fixed-offset word anchor, else its regular-expression one."""

    pattern: Pattern
    anchor: tuple[int, list[tuple[str, str]]] | None
    regex: tuple[int, str, str] | None

    @property
    def indexed(self) -> bool:
        return self.anchor is not None or self.regex is not None


def _placed(pattern: Pattern) -> _Placed:
    anchor = _anchors(pattern)
    return _Placed(pattern, anchor, _regex_anchor(pattern) if anchor is None else None)


def _written_out(pattern: Pattern) -> list[_Placed]:
    """The pattern with each optional ("?") token before its first fixed-offset word written out both ways, when
    that gives every variant such a word; else the pattern alone."""
    given = _placed(pattern)
    if given.indexed:
        return [given]
    optional = [k for k, spec in enumerate(pattern) if spec.get("OP") == "?"]
    if not optional or len(optional) > _MAX_OPTIONAL:
        return [given]
    variants = []
    for keep in itertools.product((False, True), repeat=len(optional)):
        kept = dict(zip(optional, keep, strict=True))
        variant = _placed(
            [
                {key: value for key, value in spec.items() if key != "OP"} if k in kept else spec
                for k, spec in enumerate(pattern)
                if kept.get(k, True)
            ]
        )
        if not variant.indexed:
            return [given]
        variants.append(variant)
    return variants


def _fixed_words(pattern: Pattern) -> bool:
    """Every token of the pattern is one word test (no operator), LOWER ones written in lower case as spaCy
    compares them: a match is the tokens equal, one by one."""
    for spec in pattern:
        if "OP" in spec or _token_words(spec) is None:
            return False
        ((attr, value),) = spec.items()
        if attr == "LOWER" and any(w != w.lower() for w in ([value] if isinstance(value, str) else value["IN"])):
            return False
    return True


@dataclass(frozen=True)
class TokenKeys:
    """A Doc's (LOWER, ORTH) hashes, read once for all the anchored matchers run on it: per column, a list (read
    token by token) and the set of its words."""

    columns: tuple[list[int], list[int]]
    words: tuple[frozenset[int], frozenset[int]]

    def __len__(self) -> int:
        return len(self.columns[0])


def token_keys(lower: npt.NDArray[np.uint64], orth: npt.NDArray[np.uint64]) -> TokenKeys:
    """The keys of a Doc's tokens from their LOWER and ORTH hashes (columns of ``doc.to_array``)."""
    lowers, orths = lower.tolist(), orth.tolist()
    return TokenKeys((lowers, orths), (frozenset(lowers), frozenset(orths)))


def doc_keys(doc: Doc) -> TokenKeys:
    """Each token's (LOWER, ORTH) hashes."""
    table = np.asarray(doc.to_array([LOWER, ORTH]), dtype=np.uint64)  # shape (tokens, 2), also for no token
    return token_keys(table[:, 0], table[:, 1])


Check = tuple[int, int, int, frozenset[int]]  # (lowest and highest offset, column of TokenKeys, word hashes)


Fixed = tuple[int, int, tuple[tuple[int, int, frozenset[int]], ...]]  # (key, length, (offset, column, hashes)...)


@dataclass
class _Bounded:
    """One bounded pattern of a group: the most tokens it spans, the tokens a window must hold for it (besides the
    one it is gated on, if any), and its own Matcher, run only where those are all there (made the first time: most
    patterns are never run in a process, and adding a pattern to a Matcher is most of what building one costs)."""

    key: str
    pattern: Pattern
    length: int
    checks: list[Check]
    _matcher: Matcher | None = None

    def matcher(self, vocab: Vocab) -> Matcher:
        matcher = self._matcher
        if matcher is None:  # two threads may both make it: the same Matcher either way
            matcher = Matcher(vocab, validate=False)  # validated when the patterns were added
            matcher.add(self.key, [self.pattern])
            self._matcher = matcher
        return matcher


@dataclass
class _Group:
    """The patterns indexed on one anchor at one offset: the bounded ones, each told by the tokens it must hold
    before its Matcher is run; the unbounded ones in one Matcher; and the patterns of fixed words, told without a
    Matcher."""

    offset: int  # the anchor's position in its patterns
    # bounded patterns with a required token at one offset from the anchor, by that offset and column, then by the
    # token's words (looked up, not tried one by one); the others, tried one by one
    gated: dict[tuple[int, int], dict[int, list[_Bounded]]] = field(default_factory=dict)
    ungated: list[_Bounded] = field(default_factory=list)
    run: tuple[frozenset[int], frozenset[int]] | None = None  # unbounded patterns: LOWER, ORTH hashes of a match
    run_matcher: Matcher | None = None  # and their Matcher
    # fixed-word patterns (each token's offset and words), by the offset, column and word of their first token
    # other than the anchor (looked up, not tried one by one: many share an anchor, "data ..."); those of one token
    fixed: dict[tuple[int, int], dict[int, list[Fixed]]] = field(default_factory=dict)
    fixed_alone: list[Fixed] = field(default_factory=list)

    @property
    def bounded(self) -> bool:
        return bool(self.gated or self.ungated)

    def add_bounded(self, bounded: _Bounded, gate: Check | None) -> None:
        if gate is None:
            self.ungated.append(bounded)
            return
        offset, _, column, words = gate
        by_word = self.gated.setdefault((offset, column), {})
        for word in words:
            by_word.setdefault(word, []).append(bounded)

    def add_fixed(self, fixed: Fixed) -> None:
        tokens = fixed[2]
        if not tokens:
            self.fixed_alone.append(fixed)
            return
        offset, column, words = tokens[0]
        by_word = self.fixed.setdefault((offset, column), {})
        for word in words:
            by_word.setdefault(word, []).append(fixed)


@dataclass
class _RegexAnchor:
    """The groups anchored on one regular expression of one column."""

    expression: re.Pattern[str]
    groups: dict[int, _Group] = field(default_factory=dict)  # by the anchor's offset


@dataclass
class _RegexWords:
    """One column's regular-expression anchors, and the words tested against all of them so far: each word once."""

    anchors: list[_RegexAnchor] = field(default_factory=list)
    tested: set[int] = field(default_factory=set)  # word hashes (at most _REGEX_MEMO, then forgotten)
    passing: dict[int, list[_Group]] = field(default_factory=dict)  # those some expression finds: their groups
    passing_words: set[int] = field(default_factory=set)  # the same words, as a set (intersected by C code)

    def groups_in(self, words: frozenset[int], strings: StringStore) -> dict[int, list[_Group]]:
        """The words of ``words`` (hashes in ``strings``) that some expression finds, with the groups anchored on
        those expressions."""
        if not self.anchors:
            return {}
        if len(self.tested) > _REGEX_MEMO:
            self.forget()
        passing = self.passing
        for word in words - self.tested:
            self.tested.add(word)
            text = strings[word]
            groups = [g for a in self.anchors if a.expression.search(text) for g in a.groups.values()]
            if groups:
                passing[word] = groups
                self.passing_words.add(word)
        return {word: passing[word] for word in words & self.passing_words}

    def forget(self) -> None:
        self.tested.clear()
        self.passing.clear()
        self.passing_words.clear()


class AnchoredMatcher:
    """Same interface as ``Matcher`` for what the skill matcher needs: ``add`` then call on a Doc."""

    def __init__(self, vocab: Vocab, validate: bool = True) -> None:
        self._vocab = vocab
        self._validate = validate
        # keyed by the hash of the word, as doc.to_array gives them: no Token objects at match time
        self._by_word: tuple[dict[int, list[_Group]], dict[int, list[_Group]]] = ({}, {})  # per column
        self._groups: dict[tuple[int, int, int], _Group] = {}  # (column, word hash, offset)
        self._by_regex: dict[tuple[int, str], _RegexAnchor] = {}  # (column, expression)
        self._regex_words = (_RegexWords(), _RegexWords())  # per column
        self._rest = Matcher(vocab, validate=False)  # (spaCy validates by default) validated in add, as one set

    def forget(self) -> None:
        """Forget which words the regular-expression anchors were tested on (the words are no longer in use)."""
        for words in self._regex_words:
            words.forget()

    def remembered(self) -> int:
        """How many word tests the regular-expression anchors remember."""
        return sum(len(words.tested) for words in self._regex_words)

    @property
    def whole_document_patterns(self) -> bool:
        """Whether some pattern fits no index and makes a whole-document Matcher pass."""
        return len(self._rest) > 0

    def add(self, key: str, patterns: list[Pattern], on_error: Callable[[Exception], None] | None = None) -> None:
        # validate the whole set once, as given, so errors name the original pattern
        if self._validate:
            Matcher(self._vocab, validate=True).add(key, patterns)
        for placed in (variant for given in patterns for variant in _written_out(given)):
            pattern = placed.pattern
            length = _max_length(pattern)
            run = None if length is not None else _run_words(pattern)
            if placed.anchor is not None and (length is not None or run is not None):
                k, anchors = placed.anchor
                fixed = self._fixed(key, pattern, k) if _fixed_words(pattern) else None
                for attr, word in anchors:
                    group = self._group((_COLUMNS[attr], self._vocab.strings.add(word), k))
                    if fixed is not None:
                        group.add_fixed(fixed)
                        continue
                    self._extend(group, key, [*pattern[:k], {attr: word}, *pattern[k + 1 :]], k, length, run)
                continue
            if placed.regex is not None and (length is not None or run is not None):
                k, attr, expression = placed.regex
                where = (_COLUMNS[attr], expression)
                anchor = self._by_regex.get(where)
                if anchor is None:
                    anchor = self._by_regex[where] = _RegexAnchor(re.compile(expression))
                    self._regex_words[where[0]].anchors.append(anchor)
                if k not in anchor.groups:
                    anchor.groups[k] = _Group(k)
                self._extend(anchor.groups[k], key, pattern, k, length, run)
                continue
            self._rest.add(key, [pattern])

    def _fixed(self, key: str, pattern: Pattern, anchor: int) -> Fixed:
        """A fixed-word pattern anchored at ``anchor``: its key, its length, its other tokens' offsets and words."""
        tokens = []
        for pos, spec in enumerate(pattern):
            words = _token_words(spec)
            assert words is not None
            if pos != anchor:
                tokens.append((pos, _COLUMNS[words[0][0]], frozenset(self._vocab.strings.add(w) for _, w in words)))
        return (self._vocab.strings.add(key), len(pattern), tuple(tokens))

    def _group(self, where: tuple[int, int, int]) -> _Group:
        group = self._groups.get(where)
        if group is None:
            column, word, k = where
            group = self._groups[where] = _Group(k)
            self._by_word[column].setdefault(word, []).append(group)
        return group

    def _extend(
        self,
        group: _Group,
        key: str,
        pattern: Pattern,
        anchor: int,
        length: int | None,
        run: tuple[frozenset[str], frozenset[str]] | None,
    ) -> None:
        if length is not None:
            checks = self._required_tokens(pattern, anchor)
            # gated on a required token at one offset, the first whose words are not all frequent if there is one
            fixed = [c for c in checks if c[0] == c[1]]
            gate = next((c for c in fixed if not all(_frequent(self._vocab.strings[w]) for w in c[3])), None)
            gate = gate if gate is not None else next(iter(fixed), None)
            group.add_bounded(_Bounded(key, pattern, length, [c for c in checks if c is not gate]), gate)
            return
        assert run is not None
        if group.run_matcher is None:
            group.run_matcher = Matcher(self._vocab, validate=False)
        group.run_matcher.add(key, [pattern])
        lower, orth = (frozenset(self._vocab.strings.add(w) for w in words) for words in run)
        old = group.run or (frozenset(), frozenset())
        group.run = (old[0] | lower, old[1] | orth)

    def _required_tokens(self, pattern: Pattern, anchor: int) -> list[Check]:
        """The tokens of a bounded pattern, other than the anchor, that a match must hold, with the range of offsets
        each can take (one offset when every token before it is mandatory)."""
        checks = []
        low = high = 0  # the offsets the current token can take
        for pos, spec in enumerate(pattern):
            op = spec.get("OP")
            least, most = _bounds(op)
            assert most is not None  # a bounded pattern
            words = _token_words({key: value for key, value in spec.items() if key != "OP"})
            if pos != anchor and least >= 1 and op != "!" and words is not None and len({a for a, _ in words}) == 1:
                hashes = frozenset(self._vocab.strings.add(w) for _, w in words)
                checks.append((low, high, _COLUMNS[words[0][0]], hashes))
            low, high = low + least, high + most
        return checks

    def __call__(self, doc: Doc, keys: TokenKeys | None = None) -> list[tuple[int, int, int]]:
        """The matches in ``doc``; ``keys``: its tokens' hashes, when already read (:func:`doc_keys`)."""
        found: set[tuple[int, int, int]] = set()
        if keys is None:
            keys = doc_keys(doc)
        strings = doc.vocab.strings  # the document's own (a resume's words are not in the matcher's vocabulary)
        for column, index in enumerate(self._by_word):
            words = keys.columns[column]
            # the places of the anchor words, read off the column's list (an array search costs more than the scan)
            for i, groups in enumerate(map(index.get, words)):
                if groups is not None:
                    self._visit(doc, keys, i, groups, found)
            # and of the words that pass a regular-expression anchor
            passing = self._regex_words[column].groups_in(keys.words[column], strings)
            if passing:
                for i, groups in enumerate(map(passing.get, words)):
                    if groups is not None:
                        self._visit(doc, keys, i, groups, found)
        if self.whole_document_patterns:
            found.update(self._rest(doc))
        return sorted(found, key=lambda m: (m[1], m[2], m[0]))

    def _visit(
        self,
        doc: Doc,
        keys: TokenKeys,
        i: int,
        groups: list[_Group],
        found: set[tuple[int, int, int]],
    ) -> None:
        """Try the ``groups`` anchored on token ``i``."""
        columns, n = keys.columns, len(keys)
        for group in groups:
            first = i - group.offset
            if first < 0:
                continue
            for (offset, col), by_word in group.fixed.items():
                if first + offset < n:
                    for key, length, tokens in by_word.get(columns[col][first + offset], ()):
                        if first + length <= n and all(columns[c][first + k] in ws for k, c, ws in tokens):
                            found.add((key, first, first + length))
            for key, length, _ in group.fixed_alone:
                found.add((key, first, first + length))
            # most places hold not all of a pattern's required tokens: told here, before any Matcher
            if group.bounded:
                for (offset, col), gates in group.gated.items():
                    if first + offset < n:
                        gated = gates.get(columns[col][first + offset])
                        if gated is not None:
                            _match_held(self._vocab, doc, n, first, _held(columns, n, first, gated), found)
                if group.ungated:
                    _match_held(self._vocab, doc, n, first, _held(columns, n, first, group.ungated), found)
            if group.run is not None:
                self._match_run(doc, keys, first, group, found)

    @staticmethod
    def _match_run(doc: Doc, keys: TokenKeys, first: int, group: _Group, found: set[tuple[int, int, int]]) -> None:
        """Run ``group``'s unbounded patterns on the run of tokens from ``first`` that pass one of their tests."""
        assert group.run is not None and group.run_matcher is not None
        n = len(keys)
        lower, orth = group.run
        lowers, orths = keys.columns
        end = first
        while end < n and (lowers[end] in lower or orths[end] in orth):
            end += 1
        if end == first:
            return
        for match_id, start, stop in group.run_matcher(doc[first:end]):
            if start == 0:
                found.add((match_id, first, first + stop))


def _match_held(
    vocab: Vocab, doc: Doc, n: int, first: int, held: list[_Bounded], found: set[tuple[int, int, int]]
) -> None:
    """Run each of the ``held`` patterns (their Matchers on the patterns' ``vocab``) on the window of ``doc`` from
    token ``first``, as long as the pattern can span."""
    for bounded in held:
        matcher = bounded.matcher(vocab)
        for match_id, start, stop in matcher(doc[first : min(n, first + bounded.length)]):
            if start == 0:
                found.add((match_id, first, first + stop))


def _held(columns: tuple[list[int], list[int]], n: int, first: int, patterns: list[_Bounded]) -> list[_Bounded]:
    """The patterns for which the ``n`` tokens' ``columns`` (TokenKeys.columns) hold, from ``first``, every required
    token (a match needs that)."""
    held = []
    for pattern in patterns:
        for low, high, col, words in pattern.checks:
            column = columns[col]
            if low == high:  # one offset (every token before it mandatory): one look-up
                if first + low < n and column[first + low] in words:
                    continue
                break
            if words.isdisjoint(column[first + low : first + high + 1]):
                break  # this token is missing: the pattern cannot match here (one set test of the window's slice)
        else:
            held.append(pattern)
    return held
