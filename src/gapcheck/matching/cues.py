"""Negation, hedging and coursework cues around a match, and the lines of text they apply to.

A cue's scope is its clause: the stretch of one line between sentence ends (". ", ";") and contrast words ("but",
"however"). A label cue at the start of a line ("Familiar:", "Some experience:", "Coursework:") covers that line
and, when the label stands alone on its line, the lines after it up to the next label, heading or blank line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

# Words that end a cue's reach inside a line.
_CLAUSE_BREAK = re.compile(r"(?:[.;!?](?:\s|$)|\bbut\b|\bhowever\b|\bwhereas\b|\balthough\b|\bthough\b)", re.I)

# "no experience with X", "not yet", "never used X" ... : the skill is NOT shown.
_NEGATION_BEFORE = re.compile(
    r"\b(?:no|without|zero|lack(?:ing)?(?:\s+of)?)\s+(?:\w+\s+){0,2}?(?:experience|exposure|knowledge|background)\b"
    r"|\bnot\s+(?:yet\s+)?(?:used|worked|familiar|experienced|proficient)\b"
    r"|\bnever\s+(?:used|worked|touched|had)\b"
    r"|\b(?:do|does|did)\s*(?:not|n['’]t)\s+(?:yet\s+)?(?:have|know|use)\b"
    r"|\bhaven['’]t\s+(?:yet\s+)?(?:used|worked)\b"
    r"|\bhave\s+not\s+(?:yet\s+)?(?:used|worked)\b",
    re.I,
)
# "(no machine learning)", "without Docker", "non-ML": the word right before the skill negates it.
_NEGATION_RIGHT_BEFORE = re.compile(
    r"(?:\b(?:no|without)\s+(?:(?:hands[\s-]*on|real|production|professional|prior|practical)\s+)?|\bnon\s*-\s*)$", re.I
)
_NEGATION_AFTER = re.compile(r"^\W{0,3}(?:\(?\s*not\s+yet\b|\(?\s*none\b|\s*[-–:]\s*no\b)", re.I)

# "familiar with X", "basic X", "exposure to X", "currently learning X" ... : shown, but weakly.
_HEDGE_BEFORE = re.compile(
    r"\bfamiliar(?:ity)?\s+(?:with|in)\b"
    r"|(?<!visual )\bbasic(?:s)?\b|\bbeginner\b|\bnovice\b|\belementary\b|\bintroduct(?:ory|ion)\b"
    r"|\bexposure\s+to\b|\bexposed\s+to\b"
    r"|\b(?:currently|now|still|am|i['’]m|actively|started|starting)\s+(?:self-)?(?:learning|studying)\b"
    r"|\bsome\s+(?:experience|knowledge|exposure|familiarity)\b"
    r"|\blimited\s+(?:experience|knowledge|exposure)\b"
    r"|\b(?:working|passing|general)\s+knowledge\s+of\b"
    r"|\binterested\s+in\b|\bcurious\s+about\b|\b(?:keen|want|hoping|would\s+like)\s+to\s+learn\b|\beager\s+to\s+learn\b|\bplan(?:ning)?\s+to\s+learn\b",
    re.I,
)
_HEDGE_AFTER = re.compile(r"^\s*\(\s*(?:basic|beginner|learning|familiar|novice|elementary)\b", re.I)

# Labels heading a list: "Familiar:", "Some experience:", "Learning:" (hedge), "Coursework:" (coursework).
_HEDGE_LABEL = re.compile(
    r"^\W*(?:familiar(?:\s+with)?|basic(?:\s+knowledge)?|beginner|some\s+experience|exposure|learning|"
    r"currently\s+learning|limited\s+experience|working\s+knowledge)\s*:",
    re.I,
)
_COURSE_LABEL = re.compile(
    r"^\W*(?:relevant\s+|related\s+|selected\s+|key\s+|graduate\s+|undergraduate\s+)?"
    r"(?:course\s*work|courses|classes|modules|subjects)\b\s*[:\-–]?",
    re.I,
)
# A label of any kind: "Languages:", "Tools & Practices:", a line ending with a colon.
_ANY_LABEL = re.compile(r"^\W*[A-Za-z][\w &/+.()-]{0,40}:")


_PARENTHESIS = re.compile(r"\([^()]*\)")


class Cue(Enum):
    NEGATED = "negated"
    HEDGED = "hedged"
    COURSEWORK = "coursework"


@dataclass(frozen=True)
class Line:
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


def _clause_bounds(line: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``line`` holding [start, end): offsets relative to the line."""
    left = 0
    for m in _CLAUSE_BREAK.finditer(line, 0, start):
        left = m.end()
    right = len(line)
    m2 = _CLAUSE_BREAK.search(line, end)
    if m2 is not None:
        right = m2.start()
    return left, right


class CueIndex:
    """Finds the cues that apply to a span of a resume's text. Built once per resume."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = split_lines(text)
        self._starts = [line.start for line in self.lines]
        self._block_cue = self._label_blocks()

    def line_index(self, offset: int) -> int:
        lo, hi = 0, len(self._starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self._starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def line_at(self, offset: int) -> Line:
        return self.lines[self.line_index(offset)]

    def _label_blocks(self) -> dict[int, Cue]:
        """Lines covered by a hedge or coursework label (the label line, and the block after a bare label)."""
        covered: dict[int, Cue] = {}
        active: Cue | None = None
        for i, line in enumerate(self.lines):
            stripped = line.text.strip()
            if not stripped:
                active = None
                continue
            cue: Cue | None = None
            if _HEDGE_LABEL.match(stripped):
                cue = Cue.HEDGED
            elif _COURSE_LABEL.match(stripped) and (len(stripped) < 40 or ":" in stripped[:40]):
                cue = Cue.COURSEWORK
            if cue is not None:
                covered[i] = cue
                label_only = stripped.endswith(":") or bool(re.fullmatch(r"\W*[\w ]{0,30}\W*", stripped))
                active = cue if label_only else None
                continue
            if active is not None:
                if _ANY_LABEL.match(stripped) or (stripped.isupper() and len(stripped.split()) <= 4):
                    active = None
                else:
                    covered[i] = active
        return covered

    def cues(self, start: int, end: int) -> frozenset[Cue]:
        """The cues that apply to the phrase at [start, end)."""
        idx = self.line_index(start)
        line = self.lines[idx]
        found: set[Cue] = set()
        block = self._block_cue.get(idx)
        if block is not None:
            found.add(block)
        rel_start = start - line.start
        rel_end = min(end, line.end) - line.start
        left, right = _clause_bounds(line.text, rel_start, rel_end)
        # a cue inside a closed parenthesis ("pandas, basic)") does not reach past it
        before = _PARENTHESIS.sub(" ", line.text[left:rel_start])
        after = line.text[rel_end:right]
        if _NEGATION_BEFORE.search(before) or _NEGATION_RIGHT_BEFORE.search(before) or _NEGATION_AFTER.search(after):
            found.add(Cue.NEGATED)
        if _HEDGE_BEFORE.search(before) or _HEDGE_AFTER.search(after):
            found.add(Cue.HEDGED)
        return frozenset(found)
