"""The blank English tokenizer, taught the symbol-bearing words of one taxonomy.

spaCy's blank tokenizer splits ``CI/CD`` into ``CI`` + ``/`` + ``CD`` and ``C#`` into ``C`` + ``#``, and keeps ``R.``
(an initial or the end of a sentence) as one token. Which words must stay whole is the taxonomy's knowledge, not
the tokenizer's: :func:`symbol_words` collects, from the names, aliases and exact forms of its skills and the string
tokens of its patterns, every word that joins its parts with a symbol (``# + / &``) and that the default rules
would split; :func:`make_nlp` makes each one a special case, so phrase and token patterns can name it. Another
role's taxonomy brings its own words and inherits none of these. Generic rules stay here: single-letter
abbreviations are split, so ``R.`` reads as ``R`` + ``.``, and a slash after a symbol token splits ("C++/Python").
"""

from __future__ import annotations

import contextlib
import itertools
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
import spacy
from spacy.lang.en import English
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry
from spacy.vocab import Vocab, create_vocab

from gapcheck.knowledge.model import Taxonomy, TokenPattern

# A symbol that joins the parts of one name ("CI/CD", "C#", "W&B", "C++"); hyphens and apostrophes are English
# morphology ("scikit-learn" and "master's" are matched as the tokens spaCy gives them).
_JOINING_SYMBOL = re.compile(r"[#+/&]")
_PATTERN_STRING_KEYS = frozenset({"ORTH", "TEXT", "LOWER", "IN"})
# An elided French or Italian article is a token of its own, so a translated skill name after it is matched:
# "d'apprentissage automatique", "l'analisi", "dell'apprendimento".
ELIDED_ARTICLE = r"(?:[dDlL]|[dDnNaA]ell|[aA]ll|[dD]all)['’](?=\w)"


def _pattern_strings(pattern: TokenPattern) -> Iterator[tuple[str, bool]]:
    """The strings a pattern's tokens must equal, each with whether it is compared case-insensitively."""

    def walk(value: Any, lower: bool) -> Iterator[tuple[str, bool]]:
        if isinstance(value, str):
            yield value, lower
        elif isinstance(value, Mapping):
            for key, inner in value.items():
                if key in _PATTERN_STRING_KEYS:
                    yield from walk(inner, lower or key == "LOWER")
        elif isinstance(value, tuple | list):
            for inner in value:
                yield from walk(inner, lower)

    for token in pattern:
        yield from walk(token, False)


def symbol_words(taxonomy: Taxonomy, tokenizer: Tokenizer) -> tuple[str, ...]:
    """The words of ``taxonomy`` that must stay one token, in every casing a resume may write them (``tokenizer``:
    the pipeline's own, before the words are added)."""
    default = tokenizer
    found: dict[str, None] = {}

    def consider(word: str, any_case: bool) -> None:
        core = word.strip("()[]{},;:.!?\"'")
        if not _JOINING_SYMBOL.search(core) or len(default(core)) == 1:
            return
        forms = (core, core.lower(), core.upper(), core.title()) if any_case else (core,)
        found.update(dict.fromkeys(forms))

    for skill in taxonomy.skills:
        for phrase in (skill.name, *skill.aliases):
            for word in phrase.split():
                consider(word, True)
        for form in skill.exact_forms:
            for word in form.split():
                consider(word, False)
        for pattern in (*skill.patterns, *skill.rejects):
            for text, lower in _pattern_strings(pattern):
                if " " not in text:
                    consider(text, lower)
    return tuple(found)


def _tokenizer(vocab: Vocab, special_words: Iterable[str]) -> Tokenizer:
    """spaCy's English tokenizer with gapcheck's rules, made in one go: each rule set on an existing spaCy tokenizer
    reloads every special case, which costs more than the rest of the matcher's build."""
    defaults = English.Defaults
    # Single letters followed by a period ("R.", "C.") are tokenizer exceptions in spaCy's English rules: drop them,
    # so "Python and R." gives the token "R" and "R. Patel" gives "R" "." "Patel" (an initial, rejected later).
    rules = {
        key: value
        for key, value in cast(dict[str, Any], defaults.tokenizer_exceptions).items()
        if not (len(key) == 2 and key[1] == "." and key[0].isalpha())
    }
    for text in special_words:
        rules[text] = [{ORTH: text}]
    # A bullet glyph written against its word ("•Unsupervised", "▪Python") is a token of its own.
    prefixes = [*cast(list[str], defaults.prefixes), r"[•▪◦●○■□➤★►‣⁃]", ELIDED_ARTICLE]
    # A period after a capital or "&" ends a sentence or an initial: "R." -> "R" "."; "W&B." -> "W&B" ".".
    suffixes = [*cast(list[str], defaults.suffixes), r"(?<=[A-Z&])\."]
    # A slash after a symbol token: "C#/Java", "C++/Python".
    infixes = [*defaults.infixes, r"(?<=[#+])/(?=[A-Za-z.])"]
    return Tokenizer(
        vocab,
        rules=rules,
        prefix_search=compile_prefix_regex(prefixes).search,
        suffix_search=compile_suffix_regex(suffixes).search,
        infix_finditer=compile_infix_regex(infixes).finditer,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )


def _tokenizer_factory(special_words: list[str]) -> Callable[[Language], Tokenizer]:
    return lambda nlp: _tokenizer(nlp.vocab, special_words)


registry.tokenizers.register("gapcheck.Tokenizer.v1", func=_tokenizer_factory)


def _probe() -> Tokenizer:
    """spaCy's default English tokenizer for telling which words it splits, with only the exceptions that hold a
    joining symbol (the others cannot decide whether a word holding one stays whole): far cheaper to make than
    the default one (1,300 special cases)."""
    defaults = English.Defaults
    rules = {k: v for k, v in cast(dict[str, Any], defaults.tokenizer_exceptions).items() if _JOINING_SYMBOL.search(k)}
    return Tokenizer(
        Vocab(),
        rules=rules,
        prefix_search=compile_prefix_regex(cast(list[str], defaults.prefixes)).search,
        suffix_search=compile_suffix_regex(cast(list[str], defaults.suffixes)).search,
        infix_finditer=compile_infix_regex(defaults.infixes).finditer,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )


def taxonomy_symbol_words(taxonomy: Taxonomy | None) -> tuple[str, ...]:
    """:func:`symbol_words` of ``taxonomy``, told with the cheap probe tokenizer (none for None)."""
    return () if taxonomy is None else symbol_words(taxonomy, _probe())


def make_nlp(special_words: Iterable[str]) -> Language:
    """A blank English pipeline (tokenizer only) that keeps each of ``special_words`` one token. Its tokenizer is
    the only one made: ``spacy.blank`` alone would make the default one first, and replacing it loads the special
    cases a second time."""
    config = {"nlp": {"tokenizer": {"@tokenizers": "gapcheck.Tokenizer.v1", "special_words": list(special_words)}}}
    return spacy.blank("en", config=config)


def scratch_tokenizer(special_words: Iterable[str]) -> Tokenizer:
    """The same tokenizer on a vocabulary of its own, for resume text: spaCy's vocabulary and string store keep
    every word they ever see outside a memory zone, so resume words go into this one, inside a zone that is renewed
    as it grows (:class:`ChunkTokenizer`), and not into the pipeline's, which holds the patterns. (Matching compares
    string hashes: the same in both.)"""
    return _tokenizer(create_vocab("en", English.Defaults), special_words)


CHUNK_MEMO = 20_000  # distinct chunks (runs of non-space characters) whose tokens are remembered
STRING_BUDGET = 8_000  # strings resume words may add to the scratch vocabulary's zone before it is renewed: with
# every memo of them about 700 bytes each, so at most about 6 MB; 16 real resumes bring about 6,200 (a warm loop over
# a set that size is not renewed, and a renewal costs only re-learning the words that come back)
REBUILD_AFTER = 8 * STRING_BUDGET  # strings let go of before the tokenizer and its vocabulary are made anew: spaCy's
# hash tables (preshed) keep a deleted entry's cell counted as filled, so they double again and again as zones come
# and go (about 20 bytes a string ever read); a new vocabulary starts them small (and costs about 0.3 s)
# Whitespace as str.isspace (and str.split) tells it: every such character is below U+3001.
_SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000"
)
_IS_SPACE = np.zeros(0x3002, dtype=bool)  # by code point; the last entry stands for every higher one
_IS_SPACE[[ord(ch) for ch in _SPACES]] = True


@dataclass(frozen=True)
class Tokens:
    """A text's tokens, whitespace left out: their texts, character offsets, line indexes, and whether whitespace
    follows each."""

    words: list[str]
    starts: list[int]
    ends: list[int]
    lines: list[int]
    spaced: list[bool]


class ChunkTokenizer:
    """Splits resume text into the tokens ``tokenizer`` gives, remembering the tokens of each chunk, with the words
    it reads held in a spaCy memory zone of the tokenizer's vocabulary that is renewed as it grows.

    spaCy tokenizes each run of non-space characters on its own (prefixes, suffixes, infixes, special cases) and
    caches it, but caches nothing more of a call after the first special case met in it (a newline, "e.g.", "C++"),
    so a resume tokenized whole, or line by line, redoes most of its chunks each time, and every call builds a Doc.
    Here each chunk's tokens are remembered (at most ``CHUNK_MEMO`` chunks), and the chunks a text brings that are
    not known yet are tokenized in one call, one chunk a line (a whitespace token between two chunks keeps any
    special case from spanning them, as it cannot when each is tokenized alone).

    spaCy's vocabulary and string store never forget a word outside a memory zone, so every word a resume brings
    (and its lexeme's lower-case, norm, affix and shape strings) is added inside one (:meth:`Vocab.memory_zone`):
    once they have grown the string store by ``budget``, the zone is closed, which frees them, the remembered chunks
    are forgotten with them, and a new zone opens. The tokenizer, its rules and the words it was built with stay.
    A Doc made of the zone's words is valid until the zone closes: :meth:`reading` holds it open while a caller uses
    one (renewing only when no caller is reading), so threads sharing the tokenizer are safe. The zones' strings
    still leave a trace in spaCy's hash tables: once ``REBUILD_AFTER`` strings have come and gone, the tokenizer is
    made anew by ``rebuild`` (when given) instead of opening another zone."""

    def __init__(
        self,
        tokenizer: Tokenizer,
        memo: int = CHUNK_MEMO,
        budget: int = STRING_BUDGET,
        rebuild: Callable[[], Tokenizer] | None = None,
    ) -> None:
        self.tokenizer = tokenizer
        self._memo = memo
        self._budget = budget
        self._rebuild = rebuild
        self._let_go = 0  # strings of closed zones since the tokenizer was made
        self.rebuilds = 0
        self._known: dict[str, tuple[str, ...]] = {}  # chunk -> the texts of its tokens
        self._lock = threading.Lock()
        self._readers = 0
        self.renewals = 0  # zones closed so far: what was remembered of resume words is gone each time
        self._zone = contextlib.ExitStack()
        self._open_zone()

    @property
    def vocab(self) -> Vocab:
        return cast(Vocab, self.tokenizer.vocab)

    def _open_zone(self) -> None:
        self._zone.enter_context(self.vocab.memory_zone())
        self._permanent = len(self.vocab.strings)

    def remembered(self) -> int:
        """How many chunks' tokens are remembered."""
        return len(self._known)

    def resume_strings(self) -> int:
        """Strings resume words have added to the vocabulary since the zone opened."""
        return len(self.vocab.strings) - self._permanent

    @contextlib.contextmanager
    def reading(self) -> Iterator[bool]:
        """Hold the zone open while the Docs made inside are used; True when it was renewed on entry (the words of
        earlier texts forgotten: a caller's own memos of them may go too)."""
        with self._lock:
            renew = self._readers == 0 and self.resume_strings() > self._budget
            if renew:
                self._let_go += self.resume_strings()
                self._zone.close()
                self._known.clear()
                self.renewals += 1
                if self._rebuild is not None and self._let_go > REBUILD_AFTER:
                    self.tokenizer = self._rebuild()
                    self._zone = contextlib.ExitStack()
                    self._let_go = 0
                    self.rebuilds += 1
                self._open_zone()
            self._readers += 1
        try:
            yield renew
        finally:
            with self._lock:
                self._readers -= 1

    def tokens(self, text: str) -> Tokens:
        """The tokens of ``text``, whitespace left out, with their offsets and lines (found by array work over the
        chunks' remembered tokens)."""
        chunks = text.split()  # the runs of non-space characters (str.isspace)
        known = self._known
        new = set(chunks).difference(known)
        if len(known) + len(new) > self._memo:
            known.clear()
            new = set(chunks)
        if new:
            self._learn(sorted(new))
        per_chunk = list(map(known.__getitem__, chunks))
        words = list(itertools.chain.from_iterable(per_chunk))
        n = len(words)
        counts = np.fromiter(map(len, per_chunk), dtype=np.intp, count=len(chunks))
        # where each chunk starts, and its line: from the text's characters as an array
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        space = _IS_SPACE[np.minimum(codes, len(_IS_SPACE) - 1)]
        opens = ~space
        opens[1:] &= space[:-1]
        chunk_starts = np.flatnonzero(opens)
        chunk_lines = np.cumsum(codes == 10)[chunk_starts]  # newlines before the chunk (it starts with none)
        # a chunk's tokens cover it end to end (spaCy keeps every character in a token): a token ends where it would
        # were all the tokens written without spaces (``joined``), shifted by how far its chunk starts from where
        # its chunk's first token would start so
        lengths = np.fromiter(map(len, words), dtype=np.intp, count=n)
        joined = np.zeros(n + 1, dtype=np.intp)
        np.cumsum(lengths, out=joined[1:])
        shift = chunk_starts - joined[np.cumsum(counts) - counts]
        ends = joined[1:] + np.repeat(shift, counts)
        starts = ends - lengths
        spaced = np.zeros(n, dtype=bool)  # a chunk's last token is followed by whitespace, unless the text ends
        spaced[np.cumsum(counts)[counts > 0] - 1] = True
        if n:
            spaced[-1] = ends[-1] < len(text)
        lines = np.repeat(chunk_lines, counts)
        return Tokens(words, starts.tolist(), ends.tolist(), lines.tolist(), spaced.tolist())

    def _learn(self, chunks: list[str]) -> None:
        """Tokenize ``chunks`` (one a line, in one call) and remember the tokens of each."""
        tokens: list[list[str]] = [[] for _ in chunks]
        ends = list(itertools.accumulate(len(chunk) + 1 for chunk in chunks))  # each chunk's end, its newline
        k = 0
        for token in self.tokenizer("\n".join(chunks)):
            if token.is_space:
                continue
            while token.idx >= ends[k]:
                k += 1
            tokens[k].append(token.text)
        for chunk, found in zip(chunks, tokens, strict=True):
            self._known[chunk] = tuple(found)
