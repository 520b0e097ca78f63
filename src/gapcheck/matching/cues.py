"""Negation, hedging and coursework cues around a match, and the lines of text they apply to.

The cue words are phrase lists in :mod:`gapcheck.matching.english` (and, for the languages the taxonomy's
translations cover, :mod:`gapcheck.matching.european`), compiled here once. A cue's scope is its clause:
the stretch of one line between sentence ends (". ", ";") and contrast words ("but", "however"). A label cue at the
start of a line ("Familiar:", "Some experience:", "Coursework:") covers that line and, when the label stands alone
on its line, the lines after it up to the next label, heading or blank line.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from enum import Enum
from typing import NamedTuple

from gapcheck.matching import english, european
from gapcheck.matching.phrases import phrase_regex, words_regex
from gapcheck.reading.model import SectionKind
from gapcheck.reading.sections import line_label

# The phrase lists of gapcheck.matching.english, compiled once.
_CLAUSE_BREAK = re.compile(r"(?:[.;!?](?:\s|$)|" + words_regex(english.CLAUSE_BREAKS) + ")", re.I)
_NEGATIONS_BEFORE = (*english.NEGATIONS_BEFORE, *european.NEGATIONS_BEFORE)
_HEDGES_BEFORE = (*english.HEDGES_BEFORE, *european.HEDGES_BEFORE)
_NEGATION_BEFORE = re.compile(words_regex(_NEGATIONS_BEFORE), re.I)
# "no hands-on AWS or Azure": a right-before negation reaches along a list of up to four items joined by "or" or a
# comma ("no Docker, Kubernetes or Helm"), each of one or two words.
_NEGATED_LIST = rf"(?:[\w.+#/-]+(?:[ \t]+[\w.+#/-]+)?\s*(?:,|\s{words_regex(english.NEGATED_LIST_JOINERS)})\s*){{0,4}}"
_NEGATION_RIGHT_BEFORE = re.compile(
    rf"{words_regex(english.NEGATIONS_RIGHT_BEFORE)}\s+(?P<list>{_NEGATED_LIST})$"
    rf"|\b{phrase_regex(english.NEGATING_PREFIXES)}\s*-\s*$",
    re.I,
)
_LIST_JOINER = re.compile(words_regex(english.NEGATED_LIST_JOINERS), re.I)
_NEGATION_AFTER = re.compile(
    rf"^\W{{0,3}}(?:\(?\s*{words_regex(english.NEGATIONS_AFTER)}|\s*[-–:]\s*{words_regex(english.NEGATIONS_AFTER_DASH)})",
    re.I,
)
_HEDGE_BEFORE = re.compile(words_regex(_HEDGES_BEFORE), re.I)
_PSEUDO_HEDGE = re.compile(words_regex(english.PSEUDO_HEDGES), re.I)
_HEDGE_AFTER = re.compile(r"^\s*\(\s*" + words_regex(english.HEDGES_IN_PARENTHESES), re.I)


_PARENTHESIS = re.compile(r"\([^()]*\)")
_LAST_WORD = re.compile(r"[\w']+$")
_CONTINUING = frozenset(english.CONTINUING_WORDS)


def _negated_list(before: str, after: str) -> bool:
    """A right-before negation reaches the skill: at once ("without Docker"), or along a list that "or"/"nor" makes
    one ("no Docker, Kubernetes or Helm"); a comma alone ends it ("without downtime, Kubernetes, Docker")."""
    match = _NEGATION_RIGHT_BEFORE.search(before)
    if match is None:
        return False
    items = match.group("list")
    return not items or _LIST_JOINER.search(items) is not None or _LIST_JOINER.search(after) is not None


class Cue(Enum):
    NEGATED = "negated"
    HEDGED = "hedged"
    COURSEWORK = "coursework"


class Line(NamedTuple):  # a tuple: one a line of every resume, cheaper to make than a frozen dataclass
    start: int
    end: int
    text: str


def split_lines(text: str) -> tuple[Line, ...]:
    """Every line of ``text`` with its offsets (newline excluded)."""
    lines: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        lines.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return tuple(lines)


# How far a cue may sit from its skill inside one clause: bounds the work per match on a long line.
_CUE_REACH = 200
_WORD = re.compile(r"\w+")


def _first_words(*lists: tuple[str, ...]) -> frozenset[str]:
    """The words (lowercased) that a cue phrase of these lists can begin with: a line holding none of them holds
    no such cue, so its matches skip the cue regexes (a skill list of 20,000 characters has thousands)."""
    words: set[str] = set()
    for phrases in lists:
        for phrase in phrases:
            for alternative in phrase.split()[0].strip("()").lower().split("|"):
                for form in (alternative, alternative.replace("-", "")):
                    piece = _WORD.match(form)
                    if piece is not None:
                        words.add(piece.group(0))
    return frozenset(words)


_NEGATION_WORDS = _first_words(_NEGATIONS_BEFORE, english.NEGATIONS_RIGHT_BEFORE, english.NEGATING_PREFIXES)
_HEDGE_WORDS = _first_words(_HEDGES_BEFORE)
# the words a cue right after the skill begins with ("(not yet)", "- none", "(basic)")
_AFTER_WORDS = _first_words(english.NEGATIONS_AFTER, english.NEGATIONS_AFTER_DASH, english.HEDGES_IN_PARENTHESES)


def _clause_breaks(line: str) -> tuple[list[int], list[int]]:
    """Start and end offsets of the clause breaks of ``line``, found once per line."""
    starts: list[int] = []
    ends: list[int] = []
    for m in _CLAUSE_BREAK.finditer(line):
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends


def _clause_bounds(
    line: str, start: int, end: int, breaks: tuple[list[int], list[int]] | None = None
) -> tuple[int, int]:
    """The clause of ``line`` holding [start, end): offsets relative to the line, at most _CUE_REACH
    characters either side of the span. ``breaks``: the line's _clause_breaks (computed here if not given)."""
    starts, ends = breaks if breaks is not None else _clause_breaks(line)
    before = bisect_right(ends, start) - 1
    left = ends[before] if before >= 0 else 0
    if start > 0 and line[start - 1] in ".;!?":  # punctuation right before the span ends the clause too
        left = start
    after = bisect_left(starts, end)
    right = starts[after] if after < len(starts) else len(line)
    return max(left, start - _CUE_REACH), min(right, end + _CUE_REACH)


_LABEL_CUES = {"hedge": Cue.HEDGED, "coursework": Cue.COURSEWORK}


class CueIndex:
    """Finds the cues that apply to a span of a resume's text. Built once per resume."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = split_lines(text)
        self._starts = [line.start for line in self.lines]
        self.skills_label: list[bool] = [False] * len(self.lines)  # per line: it opens with a skills label
        self._block_cue = self._label_blocks()
        self._breaks: dict[int, tuple[list[int], list[int]]] = {}
        # per line: may hold a negation cue, a hedge cue (both before the skill), a cue after it
        self._possible: dict[int, tuple[bool, bool, bool]] = {}
        self._continuing: dict[int, bool] = {}  # per line: carries on the sentence of the line before

    def line_index(self, offset: int) -> int:
        """The index of the line holding ``offset``."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def _label_blocks(self) -> dict[int, Cue]:
        """Lines covered by a hedge or coursework label (the label line, and the block after a bare label); and,
        in ``skills_label``, the lines that open with a skills label ("Data Visualization Tools: ...")."""
        covered: dict[int, Cue] = {}
        active: Cue | None = None
        for i, line in enumerate(self.lines):
            stripped = line.text.strip()
            if not stripped:
                active = None
                continue
            role = line_label(stripped)  # labels are judged once, by the reader (gapcheck.reading.sections)
            self.skills_label[i] = role.kind is SectionKind.SKILLS
            cue = _LABEL_CUES.get(role.cue)
            if cue is not None:
                covered[i] = cue
                label_only = stripped.endswith(":") or bool(re.fullmatch(r"\W*[\w ]{0,30}\W*", stripped))
                active = cue if label_only else None
                continue
            if active is not None:
                if role.label or (stripped.isupper() and len(stripped.split()) <= 4):
                    active = None
                else:
                    covered[i] = active
        return covered

    def _possible_cues(self, idx: int) -> tuple[bool, bool, bool]:
        """Whether line ``idx`` holds a word a negation cue, a hedge cue, or a cue after the skill begins with
        (found once per line)."""
        possible = self._possible.get(idx)
        if possible is None:
            words = set(_WORD.findall(self.lines[idx].text.lower()))
            possible = self._possible[idx] = (
                not words.isdisjoint(_NEGATION_WORDS),
                not words.isdisjoint(_HEDGE_WORDS),
                not words.isdisjoint(_AFTER_WORDS),
            )
        return possible

    def _continues(self, idx: int) -> bool:
        """:meth:`_carries_on` of line ``idx``, found once per line."""
        known = self._continuing.get(idx)
        if known is None:
            known = self._continuing[idx] = self._carries_on(idx)
        return known

    def _carries_on(self, idx: int) -> bool:
        """Line ``idx`` carries on the sentence of the line before: it starts with a letter (no bullet) and that line
        ends in a comma or a word that cannot end a sentence ("... where I can build and" / "ship models", "No
        experience with" / "Kubernetes"); not after "Currently planning to learn Rust" / "PyTorch pipelines ..."."""
        if idx == 0:
            return False
        text, prev = self.lines[idx].text.lstrip(), self.lines[idx - 1].text.rstrip()
        if not prev or not text[:1].isalpha():
            return False
        if prev[-1] == ",":
            return True
        last = _LAST_WORD.search(prev)
        return last is not None and last.group(0).lower() in _CONTINUING

    def _line_breaks(self, idx: int) -> tuple[list[int], list[int]]:
        """The clause breaks of line ``idx`` (found once per line)."""
        breaks = self._breaks.get(idx)
        if breaks is None:
            breaks = self._breaks[idx] = _clause_breaks(self.lines[idx].text)
        return breaks

    def _clause_tail(self, idx: int) -> str:
        """The last clause of line ``idx``: its text after the last clause break, at most _CUE_REACH characters."""
        text = self.lines[idx].text
        breaks = self._line_breaks(idx)
        start = breaks[1][-1] if breaks[1] else 0
        return text[max(start, len(text) - _CUE_REACH) :]

    def cues(self, start: int, end: int, line_no: int | None = None) -> frozenset[Cue]:
        """The cues that apply to the phrase at [start, end); ``line_no``: the index of its line, when known."""
        idx = self.line_index(start) if line_no is None else line_no
        line = self.lines[idx]
        found: set[Cue] = set()
        block = self._block_cue.get(idx)
        if block is not None:
            found.add(block)
        rel_start = start - line.start
        rel_end = min(end, line.end) - line.start
        possible = self._possible_cues(idx)
        if (
            not any(possible)
            and (idx == 0 or not any(self._possible_cues(idx - 1)[:2]))
            and not _WORD.fullmatch(line.text[rel_end - 1 : rel_end + 1])  # a word after the span: one of the line's
        ):
            return frozenset(found)  # no cue word on the line (nor on the one its clause may begin on)
        left, right = _clause_bounds(line.text, rel_start, rel_end, self._line_breaks(idx))
        # a cue inside a closed parenthesis ("pandas, basic)") does not reach past it
        head = line.text[left:rel_start]
        if left == 0 and self._continues(idx):  # a sentence wrapped onto this line: its clause began on the last
            tail = self._clause_tail(idx - 1)
            if tail:
                head = tail + " " + head
                prev = self._possible_cues(idx - 1)
                possible = (possible[0] or prev[0], possible[1] or prev[1], possible[2])
        before = _PARENTHESIS.sub(" ", head) if possible[0] or possible[1] else ""
        after = line.text[rel_end:right]
        if (possible[0] and (_NEGATION_BEFORE.search(before) or _negated_list(before, after))) or (
            _NEGATION_AFTER.search(after)
        ):
            found.add(Cue.NEGATED)
        if (possible[1] and _HEDGE_BEFORE.search(_PSEUDO_HEDGE.sub(" ", before))) or _HEDGE_AFTER.search(after):
            found.add(Cue.HEDGED)
        return frozenset(found)
