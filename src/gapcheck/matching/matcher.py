"""The skill matcher: finds the taxonomy's skills in a resume's text, with evidence.

Built once per taxonomy (:func:`matcher_for` caches it), then ``SkillMatcher.find(resume)`` returns every accepted
place a skill was seen. Steps:

1. Tokenize with the blank English tokenizer, the taxonomy's symbol-bearing words (CI/CD, A/B) kept whole.
2. Terms: a case-insensitive PhraseMatcher (``LOWER``) over names and aliases (and their plural "-s" forms), and a
   case-sensitive PhraseMatcher (``ORTH``) over ``exact_forms``. Where terms overlap, the longest wins ("Google Cloud
   Platform" over "Google Cloud", "AWS SageMaker" over "AWS").
3. Paraphrases: the taxonomy's token patterns (``Matcher``, validated), kept beside the terms (a pattern may cover a
   term of another skill: "deployed the model behind a Flask API" shows both Model deployment and API development).
4. Ordinary English is dropped: the skills' reject patterns (taxonomy ``rejects``), and for ``needs_context``
   skills, terms outside a skills context (:mod:`gapcheck.matching.context`).
5. Cues (:mod:`gapcheck.matching.cues`): negated places are dropped, hedged ones marked, coursework marked.
6. Fuzzy: list items and technical-looking words that no term or pattern covered, by character n-gram TF-IDF.
"""

from __future__ import annotations

import functools
import itertools
import re
import threading
import weakref
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum
from typing import NamedTuple, cast

import numpy as np
import numpy.typing as npt
from spacy.attrs import IS_ALPHA, IS_BRACKET, IS_LOWER, IS_PUNCT, LENGTH, LOWER, ORTH, SPACY
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

from gapcheck.knowledge.model import Skill, Taxonomy
from gapcheck.matching import context
from gapcheck.matching.anchored import AnchoredMatcher, TokenKeys, token_keys
from gapcheck.matching.cues import Cue, CueIndex
from gapcheck.matching.fuzzy import DEFAULT_THRESHOLD, FuzzyIndex, osa_distance
from gapcheck.matching.model import Evidence, Method
from gapcheck.matching.names import NameSpan, inside_a_name, name_spans
from gapcheck.matching.parts import fuzzy_phrases, matcher_parts, pattern_sets
from gapcheck.matching.tokenizer import STRING_BUDGET, ChunkTokenizer, make_nlp, scratch_tokenizer
from gapcheck.reading.model import Resume, Section, SectionKind

# The token attributes read as arrays (one doc.to_array), and their columns.
_COLUMNS = [LOWER, ORTH, IS_PUNCT, SPACY, IS_LOWER, IS_ALPHA, IS_BRACKET, LENGTH]
_LOWER, _ORTH, _PUNCT, _SPACY, _LOWER_CASE, _ALPHA, _BRACKET, _LENGTH = range(len(_COLUMNS))
_BULLETS = ("•", "-", "*", "–")  # a word after one of these starts a list item
_FUZZY_WORD = re.compile(r"^(?=.*[a-z])[A-Za-z][A-Za-z0-9+#.]*(?:-[A-Za-z0-9]+)*$")
_MAX_EVIDENCE_TEXT = 300
WORD_MEMO = 50_000  # resume words whose candidate kind is remembered (forgotten sooner: with the scratch zone)


@dataclass(frozen=True)
class Hit:
    """One accepted place a skill was seen: its evidence, and what the place says for the skill's strength."""

    skill_id: str
    evidence: Evidence
    coursework: bool  # on a "Coursework:" line
    skills_line: bool  # on a skills-section line or a "Skills:"-labelled line


@dataclass(frozen=True)
class _Text:
    """One resume being matched: its tokens (whitespace tokens left out), their offsets, its lines and cues."""

    resume: Resume
    doc: Doc
    starts: list[int]  # character offset of each token in resume.text
    ends: list[int]
    cues: CueIndex
    token_lines: list[int]  # the line index of each token
    words: list[str]  # each token's text
    list_lines: dict[int, bool]  # line index -> whether it reads as a list (context.is_list_line), once asked
    flags: npt.NDArray[np.uint64]  # per token, the _COLUMNS attributes (doc.to_array; each column contiguous)
    keys: TokenKeys  # the tokens' LOWER and ORTH hashes, as the anchored matcher reads them

    def is_list_line(self, line_no: int) -> bool:
        known = self.list_lines.get(line_no)
        if known is None:
            known = self.list_lines[line_no] = context.is_list_line(self.cues.lines[line_no].text)
        return known

    def line_of(self, token: int) -> int:
        return self.token_lines[token]


class _Raw(NamedTuple):  # a tuple: made about 80 times a resume, cheaper than a frozen dataclass
    skill_id: str
    tok_start: int
    tok_end: int
    method: Method
    case_sensitive: bool = False
    score: float = 1.0


def _ambiguous_form(skill: Skill, written: str) -> bool:
    """Whether a term of a ``needs_context`` skill needs a skills context: its name, its case-sensitive forms and
    its one-word aliases that read as ordinary words ("Spark", "classifier"). Longer aliases ("R programming",
    "communication skills") and acronyms or brand spellings ("BERT", "RoBERTa", "PySpark") are specific enough."""
    key = written.casefold()
    if key == skill.name.casefold() or key.rstrip("s") == skill.name.casefold().rstrip("s"):
        return True
    if any(key == form.casefold() for form in skill.exact_forms):
        return True
    return written.isalpha() and (written.islower() or written.istitle() or (written.isupper() and len(written) <= 2))


class SkillMatcher:
    """Matches one taxonomy's skills in resumes. Expensive to build, cheap to use: build once per taxonomy."""

    def __init__(
        self, taxonomy: Taxonomy, fuzzy_threshold: float = DEFAULT_THRESHOLD, *, use_cache: bool = True
    ) -> None:
        """Assembled from :func:`gapcheck.matching.parts.matcher_parts` (the on-disk cache's, unless ``use_cache``
        is False, or built); the same either way."""
        self.taxonomy = taxonomy
        built = matcher_parts(taxonomy, use_cache=use_cache)
        self._symbol_words = built.symbol_words
        # The terms' and patterns' words: only their strings and lower case are ever read (the flags a pattern tests
        # are the resume tokens', in the scratch vocabulary), so no other lexeme attribute is computed.
        self.vocab = vocab = Vocab(lex_attr_getters={LOWER: str.lower})
        # for resume text: its words are forgotten as they grow (a memory zone, renewed), with every memo of them
        self._scratch = ChunkTokenizer(
            scratch_tokenizer(built.symbol_words),
            budget=STRING_BUDGET,
            rebuild=functools.partial(scratch_tokenizer, built.symbol_words),
        )
        self._nlp: Language | None = None
        self._needs_context = frozenset(s.id for s in taxonomy.skills if s.needs_context)
        self._skills = taxonomy.index.skills  # by id
        self._keys: dict[int, tuple[str, Method]] = {}
        self._lower = PhraseMatcher(vocab, attr="LOWER")
        self._orth = PhraseMatcher(vocab, attr="ORTH")
        for key, forms in built.terms:
            skill_id, kind, method = key.split("|")
            self._keys[vocab.strings.add(key)] = (skill_id, Method(method))
            matcher = self._lower if kind == "lower" else self._orth
            matcher.add(key, [Doc(vocab, words=list(tokens)) for tokens in forms])
        # validated when the parts were built (a cache entry is written only after they passed)
        # paraphrases and rejects in one matcher, so one pass over the tokens finds both (told apart by key)
        self._token_patterns = AnchoredMatcher(vocab, validate=False)
        self._reject_keys: dict[int, str] = {}
        for skill_id, kind, patterns in pattern_sets(taxonomy):
            key = f"{skill_id}|{kind}"
            if kind == "pattern":
                self._keys[vocab.strings.add(key)] = (skill_id, Method.PATTERN)
            else:
                self._reject_keys[vocab.strings.add(key)] = skill_id
            self._token_patterns.add(key, patterns)
        phrases = fuzzy_phrases(taxonomy)
        self.fuzzy = FuzzyIndex(phrases, threshold=fuzzy_threshold, fitted=built.fitted)
        # the first and last words of two-word names and aliases ("logistic regression"): in a sentence, such a word
        # next to an unmatched one is a fuzzy candidate with it ("Logistic regresion", "Desicion Trees")
        pairs = [p.lower().split() for p in phrases if len(p.split()) == 2 and p.replace(" ", "").isalpha()]
        firsts = frozenset(w[0] for w in pairs if len(w[0]) >= 4)
        lasts = frozenset(w[1] for w in pairs if len(w[1]) >= 4)
        # the same words' LOWER hashes, and the hyphen's ORTH hash (the same in every vocabulary), for array work
        self._pair_first_keys, self._pair_last_keys = (
            frozenset(vocab.strings.add(w) for w in words) for words in (firsts, lasts)
        )
        self._hyphen = vocab.strings.add("-")
        self._bullets = frozenset(vocab.strings.add(w) for w in _BULLETS)


    @property
    def nlp(self) -> Language:
        """A blank pipeline (a vocabulary of its own) whose tokenizer splits text as the matcher does (made when
        asked: matching does not use it)."""
        if self._nlp is None:
            self._nlp = make_nlp(self._symbol_words)
        return self._nlp

    @property
    def tokenizer(self) -> Tokenizer:
        """The pipeline's tokenizer: how the matcher splits text."""
        return cast(Tokenizer, self.nlp.tokenizer)

    # ------------------------------------------------------------------ matching

    def find(self, resume: Resume) -> list[Hit]:
        """Every accepted place a taxonomy skill is seen in ``resume``, in text order. The resume's words are held
        in the scratch tokenizer's memory zone while it is matched; when that zone was renewed, everything
        remembered of earlier resumes' words goes with it (:meth:`forget_words`): memory stays flat however many
        resumes are read."""
        with self._scratch.reading() as renewed:
            if renewed:
                self.forget_words()
            return self._find(resume)

    def forget_words(self) -> None:
        """Forget what is remembered per resume word: the fuzzy scores, the regular-expression tests, the word
        kinds (the chunks' tokens go with the scratch zone)."""
        self.fuzzy.forget()
        self._token_patterns.forget()
        _word_kind.cache_clear()

    def _find(self, resume: Resume) -> list[Hit]:
        doc, words, starts, ends, token_lines = self._compact_doc(resume.text)
        # shape (tokens, columns), also for no token; column-major, as its columns are what is read
        flags = np.asfortranarray(doc.to_array(_COLUMNS), dtype=np.uint64)
        keys = token_keys(flags[:, _LOWER], flags[:, _ORTH])
        t = _Text(resume, doc, starts, ends, CueIndex(resume.text), token_lines, words, {}, flags, keys)

        terms = self._longest(self._term_hits(doc))
        rejected: dict[str, list[tuple[int, int]]] = {}
        paraphrases: list[tuple[int, int, int]] = []
        for match in self._token_patterns(doc, keys):
            rejecting = self._reject_keys.get(match[0])
            if rejecting is None:
                paraphrases.append(match)
            else:
                rejected.setdefault(rejecting, []).append((match[1], match[2]))
        # a rejected paraphrase is dropped before the longest are chosen, so it hides no shorter one beside the
        # reject ("2020 - Present" read on into "- Presented findings to the board")
        paraphrases = [m for m in paraphrases if not self._overlaps(rejected.get(self._keys[m[0]][0], ()), m[1], m[2])]
        patterns = self._pattern_hits(paraphrases, terms)
        names = self._other_names(t, terms)
        raws = [
            r for r in terms + patterns if not self._is_rejected(r, rejected) and not self._in_other_name(t, r, names)
        ]

        unambiguous_tokens: set[int] = set()
        for r in raws:
            if r.skill_id not in self._needs_context:
                unambiguous_tokens.update(range(r.tok_start, r.tok_end))
        line_has_other: dict[int, set[str]] = {}
        for r in raws:
            line_no = t.line_of(r.tok_start)
            if r.skill_id not in self._needs_context:
                line_has_other.setdefault(line_no, set()).add(r.skill_id)

        hits: list[Hit] = []
        covered: set[int] = set()
        for r in raws:
            covered.update(range(r.tok_start, r.tok_end))
            hit = self._accept(t, r, unambiguous_tokens, line_has_other)
            if hit is not None:
                hits.append(hit)
        for r in self._fuzzy_hits(t, covered, rejected):
            if self._in_other_name(t, r, names):
                continue
            hit = self._accept(t, r, unambiguous_tokens, line_has_other)
            if hit is not None:
                hits.append(hit)
        hits.sort(key=lambda h: (h.evidence.start, h.evidence.end, h.skill_id))
        return hits

    @staticmethod
    def _other_names(t: _Text, terms: list[_Raw]) -> list[NameSpan]:
        """Degrees, companies, job titles and web addresses in the text (:mod:`gapcheck.matching.names`), except
        those inside a longer term of the taxonomy ("Google Cloud Professional Machine Learning Engineer" is a
        certificate, not a job title)."""
        spans = name_spans(t.resume.text)
        if not spans or not terms:
            return spans
        starts, ends = t.starts, t.ends
        term_spans = sorted((starts[r.tok_start], ends[r.tok_end - 1]) for r in terms)
        firsts = [a for a, _ in term_spans]
        furthest = list(itertools.accumulate((b for _, b in term_spans), max))  # the furthest end up to each term
        kept = []
        for s in spans:
            # inside a longer term: one starting before it and ending at or after its end, or one starting with it
            # and ending after it (the terms before ``low`` start before it, those before ``high`` with it)
            low, high = bisect_left(firsts, s.start), bisect_right(firsts, s.start)
            if not ((low and furthest[low - 1] >= s.end) or (high and furthest[high - 1] > s.end)):
                kept.append(s)
        return kept

    @staticmethod
    def _in_other_name(t: _Text, r: _Raw, names: list[NameSpan]) -> bool:
        """A skill word inside the name of something else (a degree, a company, a job title, a web address)."""
        return bool(names) and inside_a_name(names, t.starts[r.tok_start], t.ends[r.tok_end - 1]) is not None

    def _compact_doc(self, text: str) -> tuple[Doc, list[str], list[int], list[int], list[int]]:
        """The tokens of ``text`` without whitespace tokens (so a phrase wrapped across lines still matches), their
        texts, each token's character offsets in ``text``, and the index of its line (the chunks' tokens
        remembered: :class:`gapcheck.matching.tokenizer.ChunkTokenizer`)."""
        tokenizer = self._scratch
        tokens = tokenizer.tokens(text)
        doc = Doc(tokenizer.vocab, words=tokens.words, spaces=tokens.spaced)
        return doc, tokens.words, tokens.starts, tokens.ends, tokens.lines

    def vocabulary_size(self) -> int:
        """Entries in the vocabularies (lexemes) and string stores in use (what grows with new words). Lexemes are
        counted as listed: spaCy's ``len(vocab)`` counts every lexeme ever made, the freed ones too."""
        vocabs = (self.vocab, self._scratch.vocab)
        return sum(sum(1 for _ in v) + len(v.strings) for v in vocabs)

    def memo_sizes(self) -> dict[str, int]:
        """How many entries each memo of resume words holds (each bounded, and emptied with the scratch zone)."""
        return {
            "resume strings": self._scratch.resume_strings(),
            "chunks": self._scratch.remembered(),
            "word kinds": _word_kind.cache_info().currsize,
            "fuzzy": self.fuzzy.remembered(),
            "regex tests": self._token_patterns.remembered(),
        }

    def _term_hits(self, doc: Doc) -> list[_Raw]:
        raws: list[_Raw] = []
        for match_id, start, end in self._lower(doc):
            skill_id, method = self._keys[match_id]
            raws.append(_Raw(skill_id, start, end, method))
        for match_id, start, end in self._orth(doc):
            skill_id, method = self._keys[match_id]
            raws.append(_Raw(skill_id, start, end, method, case_sensitive=True))
        return raws

    def _longest(self, raws: list[_Raw]) -> list[_Raw]:
        """Longest match wins where terms overlap: a shorter term of the same skill inside a longer one is dropped
        ("Google Cloud" inside "Google Cloud Platform"), as is any term that crosses a longer one's edge. A whole
        term of ANOTHER skill written inside a longer term is kept: "AWS" in "AWS SageMaker", "classification" in
        "image classification" are written out, so the resume shows both (the annotation guide labels both) --
        unless that skill needs context ("optimization" in "hyperparameter optimization" is no evidence of it).
        Ties: the exact name, then case-sensitive forms, then the first."""
        order = sorted(
            raws,
            key=lambda r: (-(r.tok_end - r.tok_start), r.method != Method.EXACT, not r.case_sensitive, r.tok_start),
        )
        kept: list[_Raw] = []
        starts: list[tuple[int, int]] = []  # (tok_start, index in kept), sorted: overlaps found by bisection
        longest = 0
        for r in order:
            ok = True
            # a kept term overlapping r starts before r ends and at most `longest` tokens before r starts
            low = bisect_left(starts, (r.tok_start - longest, -1))
            high = bisect_left(starts, (r.tok_end, -1))
            for _, index in starts[low:high]:
                k = kept[index]
                if r.tok_start < k.tok_end and k.tok_start < r.tok_end:
                    inside = k.tok_start <= r.tok_start and r.tok_end <= k.tok_end
                    if not inside or k.skill_id == r.skill_id or r.skill_id in self._needs_context:
                        ok = False
                        break
            if ok:
                insort(starts, (r.tok_start, len(kept)))
                kept.append(r)
                longest = max(longest, r.tok_end - r.tok_start)
        return sorted(kept, key=lambda r: (r.tok_start, r.tok_end))

    def _pattern_hits(self, matches: list[tuple[int, int, int]], terms: list[_Raw]) -> list[_Raw]:
        """Paraphrase matches: per skill, the longest non-overlapping ones not already covered by its own terms (a
        ``needs_context`` skill's terms excepted: "to enable experimentation" is the context its bare name lacks)."""
        by_skill: dict[str, list[_Raw]] = {}
        for match_id, start, end in matches:
            skill_id, method = self._keys[match_id]
            by_skill.setdefault(skill_id, []).append(_Raw(skill_id, start, end, method))
        own_terms: dict[str, set[int]] = {}
        for t in terms:
            own_terms.setdefault(t.skill_id, set()).update(range(t.tok_start, t.tok_end))
        kept: list[_Raw] = []
        for skill_id, raws in by_skill.items():
            taken = set(own_terms.get(skill_id, set()))
            # a needs_context skill's term blocks only the patterns inside it: a longer one is its context
            inside_only = skill_id in self._needs_context
            for r in sorted(raws, key=lambda r: (-(r.tok_end - r.tok_start), r.tok_start)):
                span = set(range(r.tok_start, r.tok_end))
                if span <= taken if inside_only else span & taken:
                    continue
                taken |= span
                kept.append(r)
        return kept

    @staticmethod
    def _overlaps(spans: Iterable[tuple[int, int]], start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in spans)

    @classmethod
    def _is_rejected(cls, r: _Raw, rejected: dict[str, list[tuple[int, int]]]) -> bool:
        return cls._overlaps(rejected.get(r.skill_id, ()), r.tok_start, r.tok_end)

    @staticmethod
    def _in_skills_context(t: _Text, line_no: int, section: Section | None) -> bool:
        """In a skills section (``section``: the one the place is in), or on a line labelled as a skills list."""
        if section is not None and section.kind == SectionKind.SKILLS:
            return True
        return t.cues.skills_label[line_no]  # "Data Visualization Tools: ..."

    def _accept(
        self,
        t: _Text,
        r: _Raw,
        unambiguous_tokens: set[int],
        line_has_other: dict[int, set[str]],
    ) -> Hit | None:
        skill = self._skills[r.skill_id]
        resume, doc, cues = t.resume, t.doc, t.cues
        start, end = t.starts[r.tok_start], t.ends[r.tok_end - 1]
        written = " ".join(resume.text[start:end].split())
        line_no = t.token_lines[r.tok_start]
        line = cues.lines[line_no]
        section = resume.section_at(start)
        skills_line = self._in_skills_context(t, line_no, section)
        found = cues.cues(start, end, line_no)
        coursework = bool(found) and Cue.COURSEWORK in found
        if skill.needs_context and r.method != Method.PATTERN and _ambiguous_form(skill, written):
            if context.is_initial(doc, r.tok_start, r.tok_end):
                return None
            others = line_has_other.get(line_no, set()) - {r.skill_id}
            ok = (
                skills_line
                or coursework  # a "Coursework:" list names subjects: "Optimization & Linear Algebra"
                or (bool(others) and t.is_list_line(line_no))
                or context.joined_to_other(doc, r.tok_start, r.tok_end, unambiguous_tokens)
                or (
                    (r.case_sensitive or written == skill.name)
                    and context.after_tech_preposition(doc, r.tok_start)
                    and t.line_of(r.tok_start - 1) == line_no
                )
                or (
                    (r.case_sensitive or written == skill.name)
                    and context.after_tool_after_preposition(doc, r.tok_start)
                    and t.line_of(r.tok_start - 3) == line_no
                    # "in London and R. Smith": a capital's initial before a name on the same line
                    and not (
                        context.initial_shaped(doc, r.tok_start, r.tok_end)
                        and t.line_of(r.tok_end + 1) == line_no
                    )
                )
            )
            if not ok:
                return None
        if found and Cue.NEGATED in found:
            return None
        evidence = Evidence(
            section=section.kind if section is not None else SectionKind.OTHER,
            text=line.text.strip()[:_MAX_EVIDENCE_TEXT],
            start=start,
            end=end,
            method=r.method,
            matched=written,
            score=r.score,
            hedged=bool(found) and Cue.HEDGED in found,
        )
        return Hit(r.skill_id, evidence, coursework=coursework, skills_line=skills_line)

    def _fuzzy_hits(
        self,
        t: _Text,
        covered: set[int],
        rejected: dict[str, list[tuple[int, int]]],
    ) -> list[_Raw]:
        """Uncovered candidate phrases that resemble a name or alias closely enough."""
        candidates, pairs = self._fuzzy_candidates(t, covered)
        if not candidates:
            return []
        text, starts, ends = t.resume.text, t.starts, t.ends
        results = self.fuzzy.best([text[starts[s] : ends[e - 1]] for s, e in candidates])
        raws: list[_Raw] = []
        taken: set[int] = set()
        for (s, e), hit in zip(candidates, results, strict=True):
            if hit is None:
                continue
            span = set(range(s, e))
            if span & taken:
                continue
            if (s, e) in pairs and not _one_word_misspelt(t.words[s:e], hit.target):
                continue
            r = _Raw(hit.skill_id, s, e, Method.FUZZY, score=hit.score)
            if self._is_rejected(r, rejected):
                continue
            taken |= span
            raws.append(r)
        return raws

    def _fuzzy_candidates(self, t: _Text, covered: set[int]) -> tuple[list[tuple[int, int]], set[tuple[int, int]]]:
        """Token spans to try, longer ones first (so "Scikit Learn" wins over "Learn"), then in text order: 1-3 word
        stretches of list items, and single technical-looking words elsewhere, and there two-word stretches with a
        word of a two-word name (also returned on their own: the pairs).

        The tokens that can start one are found by array work (neither covered nor punctuation; on a list line, or
        not a plain lower-case word, or joined to the next by a hyphen, or next to a word of a two-word name), as
        are the list stretches and the pairs; whether a line is a skills context is asked once per line; only the
        hyphen-joined words and the words outside lists are read one by one."""
        texts = t.words
        n = len(texts)
        if not n:
            return [], set()
        flags = t.flags
        is_punct = flags[:, _PUNCT].astype(bool)
        is_spaced = flags[:, _SPACY].astype(bool)
        is_alpha = flags[:, _ALPHA].astype(bool)
        plain = is_alpha & flags[:, _LOWER_CASE].astype(bool)  # lower-case letters only: never technical alone
        free = ~is_punct
        free[list(covered)] = False
        lines = t.token_lines
        line_of = np.asarray(lines)
        free_next = np.zeros(n, dtype=bool)  # the next token is free and on the same line
        free_next[:-1] = free[1:] & (line_of[1:] == line_of[:-1])
        joined = np.zeros(n, dtype=bool)  # followed by "-" and a word, no space between ("Py-Torch")
        joined[: n - 2] = (flags[1 : n - 1, _ORTH] == self._hyphen) & ~is_spaced[: n - 2] & ~is_spaced[1 : n - 1]
        # a first word of a two-word name, or before a last one
        lowers, orths = t.keys.columns
        paired = _among(lowers, self._pair_first_keys)
        paired[: n - 1] |= _among(lowers[1:], self._pair_last_keys)
        listy_line = np.zeros(line_of[-1] + 1, dtype=bool)
        free_at = np.flatnonzero(free)
        free_lines = line_of[free_at]  # in text order: a line's first free token is where the line number changes
        first = np.ones(len(free_at), dtype=bool)
        first[1:] = free_lines[1:] != free_lines[:-1]
        for i in free_at[first].tolist():
            listy_line[lines[i]] = self._in_skills_context(t, lines[i], t.resume.section_at(t.starts[i]))
        listy = listy_line[line_of]
        look = free & (listy | ~plain | joined | paired)

        starts_of: dict[int, list[npt.NDArray[np.intp]]] = {}  # candidate length -> the tokens starting one
        # a word joined by hyphens without spaces ("Py-Torch", "Tensor-flow") is one candidate
        spaced = is_spaced.tolist()
        for i in np.flatnonzero(look & joined).tolist():
            j = i + 1
            while j + 1 < n and texts[j] == "-" and not spaced[j - 1] and not spaced[j]:
                if j + 1 in covered:
                    break
                j += 2
            if j > i + 1 and (listy_line[lines[i]] or not "".join(texts[i:j]).islower()):
                starts_of.setdefault(j - i, []).append(np.array([i]))
        # on a list line, stretches of 1-3 uncovered words on the line, up to punctuation
        in_list = look & listy
        two = in_list & free_next
        three = two.copy()
        three[:-1] &= free_next[1:]
        # elsewhere: two words of at least four letters, one of them a word of a two-word name
        outside = look & ~listy
        long_alpha = is_alpha & (flags[:, _LENGTH] >= 4)
        two_words = outside & paired & free_next & long_alpha
        two_words[:-1] &= long_alpha[1:]
        # and single technical-looking words, capitalised ones only inside a sentence
        starts_line = np.ones(n, dtype=bool)  # the first word of a line, bullet or sentence
        starts_line[1:] = (line_of[1:] != line_of[:-1]) | flags[:-1, _PUNCT].astype(bool)
        starts_line[1:] |= flags[:-1, _BRACKET].astype(bool) | _among(orths[:-1], self._bullets)
        at_start = starts_line.tolist()
        single = [
            i
            for i in np.flatnonzero(outside).tolist()  # the words' kinds asked only here
            if (kind := _word_kind(texts[i])) == _Technical.ALWAYS
            or (kind == _Technical.INSIDE_A_SENTENCE and not at_start[i])
        ]
        starts_of.setdefault(1, []).append(np.array(single, dtype=np.intp))
        for size, where in ((1, in_list), (2, two), (2, two_words), (3, three)):
            starts_of.setdefault(size, []).append(np.flatnonzero(where))
        found: list[tuple[int, int]] = []
        for size in sorted(starts_of, reverse=True):
            at = np.sort(np.concatenate(starts_of[size]))
            found.extend(zip(at.tolist(), (at + size).tolist(), strict=True))
        pairs = {(i, i + 2) for i in np.flatnonzero(two_words).tolist()}
        return found, pairs


def _among(column: list[int], words: frozenset[int]) -> npt.NDArray[np.bool_]:
    """Which entries of ``column`` (a token column as a list) are among ``words``: one set look-up a token, cheaper
    than an array search for either many or few words (the answers gathered as bytes: cheaper than np.fromiter)."""
    return np.frombuffer(bytearray(map(words.__contains__, column)), dtype=bool)


def _one_word_misspelt(words: list[str], target: str) -> bool:
    """Two written words against a two-word name: one is the name's own word, the other one edit away from its
    counterpart (two from eight letters): "Logistic regresion", "Desicion Trees"; not "distributed tracing"."""
    wanted = target.lower().split()
    written = [w.lower() for w in words]
    if len(wanted) != 2 or len(written) != 2:
        return False
    for same, other in ((0, 1), (1, 0)):
        a, b = written[other], wanted[other]
        if written[same] == wanted[same] and a != b:
            if min(len(a), len(b)) < 8 and len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1:
                return False  # one letter swapped for another in a short word: a word of its own ("feature scores")
            allowed = 2 if min(len(a), len(b)) >= 8 else 1
            return osa_distance(a, b) <= allowed
    return False


class _Technical(IntEnum):
    """Whether a word outside a list is a fuzzy candidate: never, always ("Tensorflow2", "PyTorh"), or only
    where its capital is not the one of a line or sentence start ("Kubernates")."""

    NEVER = 0
    ALWAYS = 1
    INSIDE_A_SENTENCE = 2


@functools.lru_cache(maxsize=WORD_MEMO)
def _word_kind(text: str) -> _Technical:
    if not _FUZZY_WORD.match(text):
        return _Technical.NEVER
    if any(ch.isdigit() for ch in text) or any(ch.isupper() for ch in text[1:]):
        return _Technical.ALWAYS
    if len(text) >= 5 and text[:1].isupper():
        return _Technical.INSIDE_A_SENTENCE
    return _Technical.NEVER


_Cache = dict[int, tuple[weakref.ref[Taxonomy], SkillMatcher]]
_CACHE: _Cache = {}
_LOCK = threading.Lock()


def matcher_for(taxonomy: Taxonomy, *, use_cache: bool = True) -> SkillMatcher:
    """The matcher of ``taxonomy``, built on first use and kept while the taxonomy object lives. ``use_cache``:
    whether that build may read and write the on-disk cache (:mod:`gapcheck.matching.parts`); the matcher is the
    same either way."""
    key = id(taxonomy)
    with _LOCK:
        entry = _CACHE.get(key)
        if entry is not None and entry[0]() is taxonomy:
            return entry[1]
    built = SkillMatcher(taxonomy, use_cache=use_cache)
    with _LOCK:
        entry = _CACHE.get(key)
        if entry is not None and entry[0]() is taxonomy:
            return entry[1]

        def forget(_ref: weakref.ref[Taxonomy], k: int = key, cache: _Cache = _CACHE) -> None:
            cache.pop(k, None)

        _CACHE[key] = (weakref.ref(taxonomy, forget), built)
    return built
