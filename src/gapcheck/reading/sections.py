"""Splitting resume text into sections by their headings.

A heading is recognised as people write it: in capitals or title case, with a trailing colon, with
decorations (``## Skills``, ``— EXPERIENCE —``, ``**Projects**``), letter-spaced (``E X P E R I E N C E``) or
run together by extraction (``WorkExperience``), alone on its line or run into the first line of the
section (``SKILLS Python, SQL`` in capitals, or ``Skills: Python, SQL`` with a colon), with icons or emoji in
front (``🏫 WORKING EXP``), beside their content in title case or bold (``Education M.S. in ...``, each main
kind once, never the first word of a job title such as ``Education Consultant``), or split over two lines by
a two-column layout (``Industry ...`` above ``Experience ...``). Only known heading phrases count (they are
data, in ``lexicon.py``), so a line of capitals such as an employer's name never starts a section.

``line_role`` is the one decision of whether a line is a heading, a label (``Data Visualization Tools:``) or
text; the matcher, its cue index and the job reader ask it too.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from gapcheck.reading.lexicon import (
    CORE_HEADING_WORDS,
    COURSE_LABEL_QUALIFIERS,
    COURSE_LABELS,
    HEADING_CONNECTORS,
    HEADING_PHRASES,
    HEDGE_LABELS,
    JOB_WORDS,
    NOT_COLON_HEADINGS,
    NOT_SIDE_HEADINGS,
    POSTING_OTHER_HEADINGS,
    POSTING_SKILL_HEADINGS,
    SIDE_HEADINGS,
    SKILL_LABEL_WORDS,
)
from gapcheck.reading.model import Section, SectionKind
from gapcheck.reading.phrases import alternation

_PHRASES: dict[SectionKind, tuple[str, ...]] = {SectionKind(kind): phrases for kind, phrases in HEADING_PHRASES.items()}


def heading_key(text: str) -> str:
    """A heading reduced to its letters, lowercased, "&" read as "and": the form headings are compared in."""
    return _key(text)


_NOT_LETTER = re.compile(r"[^a-z]")
_ASCII_NOT_LETTERS = bytes(code for code in range(128) if not ord("a") <= code <= ord("z"))


# Headings in Cyrillic or Greek script (Russian, Ukrainian, Bulgarian, Serbian, Greek) are compared by those letters,
# their accents and marks dropped ("ΕΜΠΕΙΡΙΑ" is "Εμπειρία", "й" is "и"), final sigma read as sigma; a heading
# that holds Latin letters as well ("Опыт работы Work experience") is compared by its Latin part, as before.
_OTHER_SCRIPT = re.compile(r"[\u0370-\u03ff\u0400-\u04ff]")
_NOT_OTHER_LETTER = re.compile(r"[^\u0370-\u03ff\u0400-\u04ff]|[\u0374\u0375\u037e\u0384\u0385\u0387\u0482-\u0489]")
_FINAL_SIGMA = str.maketrans({"\u03c2": "\u03c3"})


def _key(text: str) -> str:
    if text.isascii():
        if text.isalpha():  # one plain word, the common case: nothing to remove
            return text.lower()
        # as the pattern below removes them, at twice its speed
        return text.replace("&", "and").lower().encode("ascii").translate(None, _ASCII_NOT_LETTERS).decode("ascii")
    lowered = text.lower()
    if _OTHER_SCRIPT.search(lowered) is None or _NOT_LETTER.sub("", lowered):  # Latin letters: the Latin key
        return _NOT_LETTER.sub("", lowered.replace("&", "and"))
    return _NOT_OTHER_LETTER.sub("", unicodedata.normalize("NFD", lowered)).translate(_FINAL_SIGMA)


HEADINGS: dict[str, SectionKind] = {_key(p): kind for kind, phrases in _PHRASES.items() for p in phrases}
HEADINGS.update({_key(p): SectionKind.SKILLS for p in POSTING_SKILL_HEADINGS})
HEADINGS.update({_key(p): SectionKind.OTHER for p in POSTING_OTHER_HEADINGS})
# A heading in the other number reads the same ("SIDE PROJECT" as "side projects", "Certification"), unless the
# table names that form itself.
for _form, _kind in list(HEADINGS.items()):
    HEADINGS.setdefault(_form[:-1] if _form.endswith("s") else f"{_form}s", _kind)


def _starts(keys: Iterable[str]) -> frozenset[str]:
    """Every start of the heading keys ``keys`` ("", "s", "sk", ..., "skills"): a key that may open one."""
    return frozenset(key[:end] for key in keys for end in range(len(key) + 1))


REQUIREMENT_HEADINGS = frozenset(_key(p) for p in POSTING_SKILL_HEADINGS)
_NOT_INSIDE_ENTRIES = frozenset(_key(p) for p in (*POSTING_OTHER_HEADINGS, *POSTING_SKILL_HEADINGS))

# Words that open ordinary lines too ("Languages: Python, SQL", "Other: fluent in Spanish", "Portfolio: https://..."):
# they make a heading only alone on their line or in capitals, never in the colon form.
_NOT_COLON_HEADINGS = frozenset(_key(p) for p in NOT_COLON_HEADINGS)
_BULLETS = tuple("•·▪■●◆◇★☆➤►▶✦✧-–—*>»◦‣⁃○")  # what a line that is a list item starts with

# the kinds a heading with a bare number before it ("1 Experience") may be
_NUMBERED_KINDS = frozenset(
    (
        SectionKind.EXPERIENCE,
        SectionKind.EDUCATION,
        SectionKind.SKILLS,
        SectionKind.PROJECTS,
        SectionKind.CERTIFICATIONS,
    )
)
_SECTION_NUMBER = re.compile(r"^(?:\d{1,2}|[IVX]{1,4})(?:[.)]\s*|\s+)(?=[^\W\d_])")
_DECOR = " \t#*=_~-–—:|•·>»▪■●◆◇★☆➤►▶✦✧/\\[](){}<>.+"


@dataclass(frozen=True)
class Heading:
    start: int  # offset of the line
    kind: SectionKind
    text: str  # the heading as written (decorations removed)


def find_headings(text: str) -> list[Heading]:
    headings: list[Heading] = []
    offset = 0
    previous_blank = True
    current = SectionKind.OTHER
    seen: frozenset[SectionKind] = frozenset()
    side = False  # the resume writes its headings beside their content
    lines = text.split("\n")
    glyphless = [strip_glyphs(line.strip()) for line in lines]  # each line stripped once, for both tests below
    for index, line in enumerate(lines):
        found = _heading_in(glyphless[index], current, previous_blank, seen, side)  # line_role's heading part
        # a split heading's first word is in title case or capitals: a line that opens otherwise is passed over
        if found is None and index + 1 < len(lines) and "A" <= glyphless[index][:1] <= "Z":
            found = _split_heading(glyphless[index], glyphless[index + 1], seen)
        if found is not None:
            kind, written = found
            headings.append(Heading(offset, kind, written))
            current = kind
            seen = seen | {kind}
            side = side or _is_side(line, written)
        previous_blank = not line.strip()
        offset += len(line) + 1
    return headings


def strip_glyphs(text: str) -> str:
    """The text without the icons and emoji around it ("🏫 WORKING EXP", private-use icon glyphs, "✦ Skills")."""
    if text[:1].isalnum() and text[-1:].isalnum():  # letters and digits are no glyphs: the common case
        return text
    start, end = 0, len(text)
    while start < end and _is_glyph(text[start]):
        start += 1
    while end > start and _is_glyph(text[end - 1]):
        end -= 1
    return text[start:end]


def _is_glyph(char: str) -> bool:
    if char.isspace():
        return True
    category = unicodedata.category(char)
    return category in ("So", "Sk", "Co", "Cn", "Cf", "Mn", "Me") or (category == "Sm" and char not in "+<>=")


def _is_side(line: str, heading: str) -> bool:
    """The heading was found beside content on its line (not alone, not a colon or capitals run-in form)."""
    rest = strip_glyphs(line.strip()).strip("*_ ")
    return rest != heading and not rest[len(heading) :].lstrip("*_ ").startswith(":") and not heading.isupper()


_NOTE = re.compile(r"(\w.*?)\s*[(\[][^()\[\]]{1,30}[)\]]?$")  # a heading with a note in brackets after it
# the one kind of note with a number a heading carries: its years ("Experience (8+ years)", "[10 yrs]")
_YEARS_NOTE = re.compile(r"[(\[]\s*(?:over\s+)?\d{1,2}\+?\s*(?:years?|yrs?)\.?\s*[)\]]?$", re.IGNORECASE)


def _note_without_dates(core: str) -> bool:
    """No digit in the heading but, at most, a note of its years: "Consulting (Deloitte 2019 - 2021)" is an entry."""
    digits = [index for index, char in enumerate(core) if char.isdigit()]
    if not digits:
        return True
    note = _YEARS_NOTE.search(core)
    return note is not None and digits[0] >= note.start()


def _heading_of(
    line: str,
    current: SectionKind,
    previous_blank: bool,
    seen: frozenset[SectionKind] = frozenset(),
    side: bool = False,
) -> tuple[SectionKind, str] | None:
    return _heading_in(strip_glyphs(line.strip()), current, previous_blank, seen, side)


def _heading_in(
    stripped: str, current: SectionKind, previous_blank: bool, seen: frozenset[SectionKind], side: bool
) -> tuple[SectionKind, str] | None:
    """:func:`_heading_of` for a line already stripped of spaces and glyphs."""
    if not stripped or len(stripped) > 120:
        return None
    if len(stripped) > 48 and _own_core(stripped):
        core = ""  # too long to be a heading alone: only the forms that open a line are left
    else:
        core = strip_glyphs(stripped.strip(_DECOR).strip()).strip(_DECOR).strip()
    bare_number = False  # "3 Publications" inside a job counts them; "1 Experience" (LaTeX's numbering) heads
    if core[:1].isdigit() or core[:1] in "IVX":
        numbered = _SECTION_NUMBER.match(core)
        if numbered is not None:  # a numbered heading: "1. Experience", "II. Education"
            bare_number = not numbered.group().rstrip().endswith((".", ")"))
            core = core[numbered.end() :]
    if core and len(core) <= 48:
        key = _key(core)
        if key in _NOT_INSIDE_ENTRIES and current in (SectionKind.EXPERIENCE, SectionKind.PROJECTS):
            return None
        kind = HEADINGS.get(key) or _bilingual_heading(core)
        if bare_number and kind not in _NUMBERED_KINDS:
            return None
        if kind is not None and _plausible_alone(core):
            return kind, core
        # "Contracts (most recent first)", "Experience [selected]"; not a job line inside entries ("Freelance
        # (self-employed)", "Consulting (Deloitte 2019 - 2021)")
        noted = _NOTE.match(core) if "(" in core or "[" in core else None  # the quick test: a note's bracket
        inside = current in (SectionKind.EXPERIENCE, SectionKind.PROJECTS)
        if noted is not None and not inside and _note_without_dates(core) and _plausible_alone(noted.group(1)):
            kind = HEADINGS.get(_key(noted.group(1)))
            if kind is not None:
                return kind, noted.group(1)
        kind = _fuzzy_heading(core)
        if kind is not None:
            return kind, core
    if not _may_open_with_heading(stripped):
        return None
    return _run_in(stripped, current, previous_blank) or _side_heading(stripped, current, previous_blank, seen, side)


def _own_core(stripped: str) -> bool:
    """The line is its own core (what _heading_in compares with the headings): a letter or digit at each end, so
    no decoration or glyph to strip, and no section number in front."""
    first = stripped[0]
    return first.isalnum() and stripped[-1].isalnum() and not first.isdigit() and first not in "IVX"


# Every start of a heading's key. A key is the concatenation of its characters' keys (decorations, digits and
# spaces have none), so a heading run into a line (``_run_in``: "Skills: ...", "SKILLS Python") or beside its
# content (``_side_heading``) starts with a word whose key, up to a colon, is one of these.
_KEY_STARTS = _starts(HEADINGS)
_LEAD = _DECOR.replace(":", "")  # what _run_in strips from the start of a line


def _may_open_with_heading(stripped: str) -> bool:
    """Whether ``_run_in`` or ``_side_heading`` can find a heading at the start of ``stripped`` (a line stripped of
    spaces and glyphs): the quick test that passes over most lines of a resume, sentences and bullets, on the key
    of their first word. Never False where either would find one."""
    if stripped.startswith(("**", "__")):  # the bold form ("**Experience** ...")
        return True
    body = stripped.lstrip(_LEAD)
    words = body.split(maxsplit=1)
    if words and _key(words[0].partition(":")[0]) in _KEY_STARTS:
        return True
    if len(body) == len(stripped) or stripped.startswith(_BULLETS):
        # the side form's first word is the same word (its key starts no heading, so no side heading), or the line
        # is a list item, which holds no side heading
        return False
    first = stripped.split(maxsplit=1)
    return bool(first) and _key(first[0]) in _SIDE_STARTS  # decorations and a space before the first word


# Headings written beside their content, on the same line, in title case or bold ("Education M.S. in
# Statistics, ...", "**Experience** Software Engineer, ..."): only the main headings, and each only once.
_SIDE_KINDS = frozenset(SectionKind(kind) for kind in SIDE_HEADINGS)
_SIDE = frozenset(_key(p) for kind in SIDE_HEADINGS for p in HEADING_PHRASES[kind] if len(p.split()) <= 3) - frozenset(
    _key(p) for p in NOT_SIDE_HEADINGS
)
_SIDE_STARTS = _starts(_SIDE)  # what their first word may be
_JOB_WORD = re.compile(rf"^(?:{'|'.join(re.escape(w) for w in JOB_WORDS)})s?\b", re.IGNORECASE)
_BOLD_HEAD = re.compile(r"^(\*\*|__)(?P<head>[^*_]{2,40})\1\s*:?\s+(?P<rest>\S)")


def _side_heading(
    line: str, current: SectionKind, previous_blank: bool, seen: frozenset[SectionKind], side: bool
) -> tuple[SectionKind, str] | None:
    bold = _BOLD_HEAD.match(line)
    if bold is not None:  # "**Experience** Software Engineer ..."
        head = bold.group("head").strip()
        kind = HEADINGS.get(_key(head))
        if kind is not None and _key(head) not in _NOT_INSIDE_ENTRIES:
            return kind, head
        return None
    if line.startswith(_BULLETS):
        return None
    words = line.split(maxsplit=4)  # the first four words (a heading of up to three, and the word after it)
    if len(words) < 2 or _key(words[0]) not in _SIDE_STARTS:  # no side heading starts with this word
        return None
    for count in (3, 2, 1):
        if len(words) <= count:
            continue
        head_words, rest = words[:count], words[count]
        head = " ".join(head_words)
        kind = HEADINGS.get(_key(head))
        if kind is None or kind not in _SIDE_KINDS or _key(head) not in _SIDE or kind in seen:
            continue
        if not all(w[:1].isupper() for w in head_words if w.lower() not in _CONNECTORS) or ":" in head:
            continue
        inside_entry = current in (SectionKind.EXPERIENCE, SectionKind.PROJECTS) and not previous_blank
        if inside_entry and not side:  # "Skills Python, Go" under a job lists that job's tools
            continue
        # The content starts like an entry ("M.S. in ...", "Engineering Manager, Acme", "2019 - 2021"), and the
        # heading word is not the first word of a job title ("Education Consultant", "Experience Designer").
        if not (rest[:1].isupper() or rest[:1].isdigit()) or _JOB_WORD.match(rest):
            continue
        return kind, head
    return None


def _split_heading(line: str, following: str, seen: frozenset[SectionKind]) -> tuple[SectionKind, str] | None:
    """A two-word heading split over two lines by a two-column layout: "Industry <left column>" above
    "Experience <left column>" (each line starts with one of its words, in capitals or title case). Both lines
    come stripped of spaces and glyphs."""
    first = line.split(maxsplit=3)  # the first three words
    if len(first) < 2 or _key(first[0]) not in _SPLIT_STARTS:
        return None
    second = following.split(maxsplit=2)
    if len(second) < 2 or ":" in " ".join(first[:3]) or ":" in " ".join(second[:2]):
        return None  # each line holds its word and column text; a label ("Industry Knowledge:") is no heading
    head = f"{first[0]} {second[0]}"
    kind = HEADINGS.get(_key(head))
    if kind is None or kind not in _SIDE_KINDS or kind in seen or _key(first[0]) in HEADINGS:
        return None
    if not (_TITLE_WORD.fullmatch(first[0]) and _TITLE_WORD.fullmatch(second[0])):
        return None
    return kind, head


# What the first word of a split heading may be: the start of a heading of a main kind.
_SPLIT_STARTS = _starts(key for key, kind in HEADINGS.items() if kind in _SIDE_KINDS)


# A short title-case or capitals line alone that holds one of these words is a heading too
# ("Relevant Professional Experience", "Machine Learning Projects", "Technical Skills & Tools").
_CORE_WORDS: dict[str, SectionKind] = {word: SectionKind(kind) for word, kind in CORE_HEADING_WORDS.items()}
_CONNECTORS = frozenset(HEADING_CONNECTORS)
_TITLE_WORD = re.compile(r"[A-Z][A-Za-z'’-]*|[A-Z]{2,}")


def _fuzzy_heading(core: str) -> SectionKind | None:
    words = core.split()
    if not 2 <= len(words) <= 4:
        return None
    if not all(w.lower() in _CONNECTORS or _TITLE_WORD.fullmatch(w) for w in words):
        return None
    # The core word ends the line ("Machine Learning Projects") or opens a list ("Skills & Tools", "Education and
    # Honors"); a job title that starts with one ("Education Consultant") is no heading.
    for index, word in enumerate(words):
        kind = _CORE_WORDS.get(_key(word))
        if kind is not None and (index == len(words) - 1 or words[index + 1].lower() in _CONNECTORS):
            return kind
    return None


_BILINGUAL = re.compile(r"\s+[/|]\s+")


def _bilingual_heading(core: str) -> SectionKind | None:
    """One heading in two languages ("EDUCACIÓN / EDUCATION", "Perfil | Profile"): the kind of the first part
    that is a heading, when each part is at most three words."""
    if "/" not in core and "|" not in core:  # the quick test: no part mark, one language
        return None
    parts = _BILINGUAL.split(core)
    if len(parts) < 2 or any(len(part.split()) > 3 for part in parts):
        return None
    for part in parts:
        kind = HEADINGS.get(_key(part))
        if kind is not None:
            return kind
    return None


def _plausible_alone(core: str) -> bool:
    """A whole line equal to a heading phrase: refuse sentences ("Experience.") and lowercase prose words."""
    words = core.split()
    if len(words) > 6 and not all(len(w) == 1 for w in words):  # "E X P E R I E N C E" is letter-spaced
        return False
    return core[0].isupper() or core.isupper()


def _run_in(line: str, current: SectionKind, previous_blank: bool) -> tuple[SectionKind, str] | None:
    """``SKILLS Python, SQL`` (capitals) or ``Skills: Python, SQL`` (colon) at the start of a line."""
    body = line.lstrip(_DECOR.replace(":", ""))
    words = body.split(maxsplit=5)  # the first five words (a heading of up to four, and the word after it)
    if len(words) < 2:
        return None
    # Colon form: "Technical Skills: ..." — the heading is everything before the first colon.
    colon = body.find(":")
    if 0 < colon <= 40 and not line.startswith(_BULLETS):
        head = body[:colon].strip()
        key = _key(head)
        kind = HEADINGS.get(key)
        if (
            kind is not None
            and key not in _NOT_COLON_HEADINGS
            and key not in _NOT_INSIDE_ENTRIES
            and head[:1].isupper()
            and len(head.split()) <= 4
            and not (current in (SectionKind.EXPERIENCE, SectionKind.PROJECTS) and not previous_blank)
            and not (current is SectionKind.SKILLS and kind is SectionKind.SKILLS)
        ):
            return kind, head
    # Capitals form: the longest run of up to four leading all-capital words that is a heading phrase.
    best: tuple[SectionKind, str] | None = None
    for count in range(1, min(4, len(words) - 1) + 1):
        head_words = words[:count]
        if not _is_caps_word(head_words[-1]):  # the words before it were in capitals (the rounds before)
            break
        head = " ".join(head_words)
        kind = HEADINGS.get(_key(head))
        nxt = words[count]
        if kind is not None and not _is_caps_word(nxt):
            best = (kind, head.strip(_DECOR))
    return best


def _is_caps_word(word: str) -> bool:
    if not word.isupper():  # a lowercase letter, or no cased one: then no two letters that are all capitals
        return word == "&"
    letters = [c for c in word if c.isalpha()]
    return (len(letters) >= 2 and all(c.isupper() for c in letters)) or word == "&"


# --- the one decision: is a line a heading, a label, or text? ---------------------------------------------------


def _phrases(phrases: tuple[str, ...]) -> str:
    return f"(?:{alternation(phrases)})"


_ANY_LABEL = re.compile(r"^\W*(?P<label>[A-Za-z][\w &/+.()-]{0,40}):")
_SKILLS_LABEL = re.compile(
    rf"^\W*(?:[\w&/+-]+\s+){{0,3}}?{_phrases(SKILL_LABEL_WORDS)}"
    r"(?:\s*(?:&|and|/|,)\s*[\w-]+){0,2}\s*(?:\([^)]{0,20}\))?\s*:",
    re.IGNORECASE,
)
_HEDGE_LABEL = re.compile(rf"^\W*{_phrases(HEDGE_LABELS)}\s*:", re.IGNORECASE)
_COURSE_LABEL = re.compile(
    rf"^\W*\b(?:{_phrases(COURSE_LABEL_QUALIFIERS)}\s+)?{_phrases(COURSE_LABELS)}\b\s*[:\-–]?", re.IGNORECASE
)
_LINE_BULLET = re.compile(r"^\s*(?:[-*•·●▪◦]|\d+[.)])\s+")


@dataclass(frozen=True)
class LineRole:
    """What a line is to the reader, the matcher and the job reader alike (see ``line_role``)."""

    heading: SectionKind | None  # the line is, or opens with, a section heading of this kind
    heading_text: str  # that heading as written ("" when none)
    label: str  # the "Label:" the line opens with, without its colon ("" when none)
    label_kind: SectionKind | None  # SKILLS when the label names a list of skills ("Data Visualization Tools:")
    cue: str  # "hedge" for "Familiar:", "Some experience:"; "coursework" for "Relevant Coursework:"; else ""
    title_like: bool  # shaped like a heading, known or not: short, not a bullet, no sentence end (job postings)

    @property
    def skills_list(self) -> bool:
        """The line lists skills: a skills heading run into its content, or a skills label."""
        return self.heading is SectionKind.SKILLS or self.label_kind is SectionKind.SKILLS


def line_role(
    line: str,
    current: SectionKind = SectionKind.OTHER,
    previous_blank: bool = True,
    seen: frozenset[SectionKind] = frozenset(),
    side: bool = False,
) -> LineRole:
    """The one decision of whether a line is a heading, a label or text. ``current`` is the kind of the section
    the line sits in, ``previous_blank`` whether the line above is empty, ``seen`` the kinds already headed and
    ``side`` whether the resume writes its headings beside their content (find_headings tracks these; other
    callers may leave the defaults). A label is "Word(s):" at the start of the line: ``Data Visualization
    Tools: Tableau`` is a skills label, and the words of a label are a label, not a use of a skill."""
    found = _heading_of(line, current, previous_blank, seen, side)
    label, label_kind, cue = line_label(line.strip())
    return LineRole(
        heading=found[0] if found else None,
        heading_text=found[1] if found else "",
        label=label,
        label_kind=label_kind,
        cue=cue,
        title_like=_title_like(line),
    )


class LineLabel(NamedTuple):
    """The label part of a line's role: what it says whatever the line's place in the resume."""

    label: str
    kind: SectionKind | None
    cue: str


def line_label(stripped: str) -> LineLabel:
    """The label part of :func:`line_role` for a line already stripped (``label``, ``label_kind`` and ``cue``):
    the matcher's cue index asks it once per line, without the heading analysis."""
    label_match = _ANY_LABEL.match(stripped)
    label = label_match.group("label").strip() if label_match else ""
    label_kind = SectionKind.SKILLS if label and _SKILLS_LABEL.match(stripped) else None
    cue = ""
    if _HEDGE_LABEL.match(stripped):
        cue = "hedge"
    elif _COURSE_LABEL.match(stripped) and (len(stripped) < 40 or ":" in stripped[:40]):
        cue = "coursework"
    return LineLabel(label, label_kind, cue)


def _title_like(line: str) -> bool:
    stripped = line.strip().lstrip("#").strip()
    if not stripped or _LINE_BULLET.match(line):
        return False
    words = stripped.rstrip(":").split()
    if len(words) > 8:
        return False
    if line.strip().startswith("#") or stripped.endswith(":") or stripped.isupper():
        return True
    return len(words) <= 6 and not stripped.endswith((".", ",", ";", "!", "?"))


def split_sections(text: str) -> tuple[Section, ...]:
    """Sections that cover ``text`` in order; the text before the first heading is an OTHER section with
    heading ""."""
    headings = find_headings(text)
    sections: list[Section] = []
    bounds = [h.start for h in headings]
    if not headings or headings[0].start > 0:
        first_end = bounds[0] if bounds else len(text)
        if text[:first_end].strip() or not headings:
            sections.append(Section(SectionKind.OTHER, "", 0, first_end, text[:first_end]))
        elif headings:
            bounds[0] = 0
    for index, heading in enumerate(headings):
        start = bounds[index]
        end = bounds[index + 1] if index + 1 < len(bounds) else len(text)
        sections.append(Section(heading.kind, heading.text, start, end, text[start:end]))
    return tuple(sections)


def iter_lines(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, str]]:
    """(offset, line) for each line of ``text[start:end]``."""
    stop = len(text) if end is None else end
    offset = start
    for line in text[start:stop].split("\n"):
        yield offset, line
        offset += len(line) + 1
