"""Work history: date ranges in experience sections become positions; positions become years.

Date forms read: ``Jan 2020``, ``January 2019``, ``Sep. 2023``, ``April/2019``, ``Jan '20``, ``03/2018``,
``3-2018``, ``2018-03``, ``06/15`` and ``Jan 19`` (MM/YY and a month with its year's last digits, in a range),
``Jan 19, 2020`` (a day after the month), ``15/06/2019`` (DD/MM/YYYY), ``2019.3`` and ``2019年4月``, ``2018``,
``2019–23`` (the end year's last digits), ``2019/20`` (an academic or fiscal year: the first year as a start, the
second as an end), ``Q3 2022``, ``H2 2021``, ``3Q 2021``, ``2021 Q3``, ``1st semester 2021``, ``Semester 2, 2020`` and
``second half of 2022`` (a numbered part of a year: its first month as a start, its last as an end; a spelled part
alone is a span of its months), ``Summer 2019``, ``Fall semester 2021`` and ``Winter 2020/21`` (a season alone is a
three-month span), ranges
joined by a dash, an arrow (``⇒``) or ``to``/``until``/``till``/``through``, ``June - August 2017`` (year written
once), ``marzo de 2020`` (a word between month and year), ends of ``Present``, ``Current``, ``Now``, ``Till Date``
and the other words of ``lexicon.NOW_WORDS`` (``Mar 2020 (current)`` too), ``Sep 2020 | Present`` (a bar before
an end with its month or "now"), ``Since 2021``, and ``From Sep 2020`` opening its field with nothing after it. Also
``09.20 – 03.23`` (MM.YY), ``2019/2022``, ``'19 – '22``, Roman months in a range (``IX 2019 – III 2022``, not a
title's grade: "Data Scientist II 2022"), ``Between 2019 and 2022`` and a part of a year (``early 2019``,
``mid-2020``, ``end of 2021``); a year's mark after it (``2019 г. – 2021 г.``, ``2019 р.``, ``2021 гг.``) or a full stop
(``2019. – 2021.``, ``03.2019.``, Hungarian ``2019. március``), and ``с марта 2019``, ``od 2019``, ``από το 2019``
as ``From Sep 2020`` is. A month name is not read inside a word (``Walmart 2019``).
Month names and words for "now" of a dozen languages are in the lexicon.
The words are data (``lexicon.py``), compiled here once. Months count as in LinkedIn's "3 years, 10 months": the
difference of (year, month), so ``Jan 2020 - Mar 2020`` is 2 months and a year alone means January. Only
experience sections hold work: dates under education, projects and the rest are not work; a resume without an
experience heading has its dated job lines read where they stand (``experience_fallback``).

Each position has a kind: work (counts fully), internship (co-ops, TA/RA: half), education, break, volunteer
(not counted), or group: an employer's or era's span whose own dated entries follow it at once ("Google
(2013-Present)" over its titles), counted through those entries only. A resume whose years cannot be read
may still show it has no work to count (``shows_no_work``: a student's or a self-taught person's).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from gapcheck.reading import lexicon as lx
from gapcheck.reading.model import Position, PositionKind, Section, SectionKind
from gapcheck.reading.phrases import alternation as _alternation
from gapcheck.reading.phrases import first_letters as _first_letters
from gapcheck.reading.phrases import require_subset
from gapcheck.reading.phrases import with_greek_capitals as _greek_capitals
from gapcheck.reading.phrases import word_pattern as _words
from gapcheck.reading.sections import REQUIREMENT_HEADINGS, heading_key, iter_lines

# Greek words in capitals lose their accents: those forms are read too ("ΣΕΠΤΕΜΒΡΙΟΣ 2019 – ΣΗΜΕΡΑ")
_MONTHS = {form: number for name, number in lx.MONTH_NAMES.items() for form in _greek_capitals([name.lower()])}
# A month name is no word's end ("Walmart 2019", "DESMAR 2019"), unless it starts in capitals after lower case: words
# a PDF ran together ("Acme CorpJan 2020").
_WORD_START = r"(?-i:(?<![^\W\d_])|(?<=[a-zß-öø-ÿ])(?=[A-ZÀ-ÖØ-Þ]))"
_MONTH = rf"{_first_letters(_MONTHS)}{_WORD_START}(?:{_alternation(list(_MONTHS))})\.?"
_SEASON = _alternation(list(lx.SEASONS), look_ahead=True) + rf"(?:\s+(?:{_alternation(lx.SEASON_TERM_WORDS)}))?"
_YEAR_PART = _alternation(list(lx.YEAR_PART_WORDS), look_ahead=True)  # "early 2019", "mid-2020", "end of 2021"
# a numbered part of a year spelled out: "1st semester", "second half of", "Semester 2", "1er semestre de"
_PART_WORD = _alternation([kind for kind in lx.YEAR_PART_KINDS if len(kind) > 1], look_ahead=True)
_PART_NUMBER = rf"(?:[1-4](?:{_alternation(lx.YEAR_PART_NUMBER_ENDINGS)})?|{_alternation(list(lx.YEAR_PART_ORDINALS))})"
_PART_SPELLED = (
    rf"(?<![\w.])(?:{_PART_NUMBER}\s*{_PART_WORD}\.?(?:\s+(?:{_alternation(lx.MONTH_YEAR_WORDS)}))?"
    rf"|{_PART_WORD}\.?\s*[1-4](?!\d))"
)
_ROMAN = "(?-i:" + "|".join(sorted(lx.ROMAN_MONTHS, key=len, reverse=True)) + ")"  # "IX 2019", capitals only
YEAR = r"(?:19[6-9]\d|20[0-9]\d)"  # a year as a date writes it in full (written.py bounds lines by it too)
_MONTH_OF = _alternation(lx.MONTH_YEAR_WORDS)  # "marzo de 2020"
YEAR2 = r"(?:['’‘]\d\d)"  # a year written short: "Jan '20", "Jan ’20"
_NOW_FORMS = _greek_capitals(lx.NOW_WORDS)
_NOW = _alternation(_NOW_FORMS, look_ahead=True)
# "Sep 2020 onwards": the range's end is read by _NOW, so each word that follows a start is a word for "now"
require_subset(lx.NOW_AFTER_WORDS, lx.NOW_WORDS, "NOW_AFTER_WORDS not in NOW_WORDS")
# One of the words for "now" anywhere (a quick test for an open range), after a look-ahead on their first letters.
_NOW_WORD = re.compile("(?=[" + re.escape("".join(sorted({w[0] for w in _NOW_FORMS}))) + "])" + _NOW, re.IGNORECASE)
_SEP_PLAIN = rf"\s*[{re.escape(lx.RANGE_MARKS)}]+\s*"  # a range's dash (the words for it aside)
_POINT = (
    rf"(?:(?:(?<![A-Za-z] )[0-3]?\d(?:st|nd|rd|th)?\.?\s+)?(?P<{{p}}mon>{_MONTH})"
    rf"(?:\s+[0-3]?\d(?:st|nd|rd|th)?,?(?=\s+{YEAR}))?"  # the day after the month: "Jan 19, 2020"
    rf"(?:\s+(?:{_MONTH_OF})\s+|[\s,/.-]*)(?P<{{p}}my>{YEAR}|{YEAR2})"
    rf"|(?P<{{p}}sea>{_SEASON}),?\s*(?P<{{p}}sy>{YEAR})(?:/\d\d(?!\d))?"  # "Winter 2020/21": its first year
    rf"|(?<![\w-])(?P<{{p}}part>{_YEAR_PART})(?:\s*-\s*|\s+)(?P<{{p}}party>{YEAR})"  # "early 2019", "mid-2020"
    # a quarter or a half year: "Q3 2022", "H2 2021"
    rf"|(?P<{{p}}qh>(?<![A-Za-z])[QH][1-4]|(?<![\w.])[1-4][QH])\s*[/.\-']?\s*(?P<{{p}}qy>{YEAR})"
    rf"|(?P<{{p}}pw>{_PART_SPELLED}),?\s*(?P<{{p}}pwy>{YEAR})"  # "1st semester 2021", "second half of 2022"
    rf"|(?P<{{p}}dd>[0-3]?\d)[/.](?P<{{p}}dm>[0-3]?\d)[/.](?P<{{p}}dmy>{YEAR})"
    rf"|(?P<{{p}}mm>0?[1-9]|1[0-2])\s*[/.-]\s*(?P<{{p}}mmy>{YEAR})"
    # "2019-01(-15)", "2019.3", "2019. 3", "2020.03.": a month of one digit after a dot or a slash only
    rf"|(?P<{{p}}ym>{YEAR})(?:\s*[/.-]\s*(?P<{{p}}ymm>0[1-9]|1[0-2])|(?:\.\s?|/)(?P<{{p}}ymm1>[1-9]))"
    rf"(?:[/.-][0-3]\d)?\.?(?![\d/])"
    rf"|(?P<{{p}}cy>{YEAR})\s*[年년]\s*(?P<{{p}}cm>0?[1-9]|1[0-2])\s*[月월]"  # "2019年4月", "2019년 3월"
    # the year first: "2019 Jan", Hungarian "2019. március"
    rf"|(?P<{{p}}yw>{YEAR})(?:\.\s*|\s+(?-i:(?=[A-ZÀ-Þ])))(?P<{{p}}ywm>{_MONTH})(?!\w)"
    rf"|(?P<{{p}}yq>{YEAR})\s*[/.-]?\s*(?P<{{p}}yqp>[QH][1-4])(?!\w)"  # the year first: "2021 Q3", "2021-H2"
    # a year alone, or an academic or fiscal year ("2019/20": its first year as a start, its second as an end)
    rf"|(?P<{{p}}y>{YEAR})(?:/(?P<{{p}}yy2>\d\d)(?![\d/]))?"
    rf"{{short}})"
)
# MM/YY and "Jan 19" (a month and two digits of its year): only inside a range, and not a day before its year
# ("Jan 19 – Mar 21, 2020" is two days of 2020)
_SHORT = (
    r"|(?:(?P<{p}ms>0?[1-9]|1[0-2])/|(?P<{p}msd>0[1-9]|1[0-2])\.(?!00))(?P<{p}msy>\d\d)(?![\d/]|[.-]\d)"
    # "IX 2019", "IX.2019"; not a title's grade ("Data Scientist II 2022 – Present"): no word just before it
    + rf"|(?<![\w.])(?<![^\W\d_]\s)(?P<{{p}}rom>{_ROMAN})(?:\.\s?|/|-|\s+)(?P<{{p}}romy>{YEAR})"
    + rf"|(?P<{{p}}mns>{_MONTH})\s*(?P<{{p}}mnsy>\d\d)(?![\d/]|[.:]\d|\s*(?:st|nd|rd|th)\b|,?\s+{YEAR})"
    + rf"(?!{_SEP_PLAIN}{_MONTH}\s*\d\d,?\s+{YEAR})"
)
_MARKS = re.escape(lx.RANGE_MARKS)
_RANGE_WORDS = _greek_capitals(lx.RANGE_WORDS)
_RANGE_WORD = rf"\b(?:{_alternation(_RANGE_WORDS)})\b"
# a dash, a word, or both ("09/2020 – bis heute"); a bar before an end with its month or "now" ("Sep 2020 | Present",
# "Mar 2016 | Dec 2019": a bar before a year alone parts an entry's fields)
_SEP = (
    rf"\s*(?:[{_MARKS}]+(?:\s*{_RANGE_WORD})?|{_RANGE_WORD}"
    rf"|\|(?=\s*(?:{_NOW}|{_MONTH}|[01]?\d[/.-]\d{{4}}|\d{{4}}[/.-][01]?\d)))\s*"
)
_LEFT = r"(?<![\d/])(?<!\d[.-])(?<![a-z][.-])"  # not inside a number, a fraction or a hyphenated word
# Every date starts with a digit or the first letter of a month or a season: with this look-ahead the engine leaves
# every other position of a line at once instead of trying each form of date there.
_START = (
    "(?=[\\dQqHh"
    + "".join(
        sorted(
            {
                re.escape(word[0])
                for word in (*_MONTHS, *lx.SEASONS, *lx.YEAR_PART_WORDS, *lx.YEAR_PART_KINDS, *lx.YEAR_PART_ORDINALS)
            }
        )
    )
    + "]|['’‘]\\d\\d|(?-i:[IVX]{1,4}[\\s./-]))"  # "'19", "IX 2019": tested past their first character
)


# After a date, its year's mark ("2019 г.", "2019 р.", "2021 гг.", "2019 года") or a full stop that is no decimal point
# ("2019. – 2021.", "03.2019."): a part of the date
_YEAR_MARK = rf"(?:\.?\s?(?:{_alternation(lx.YEAR_MARKS)})(?!\w)|\.(?!\d))?"


def _point_re(p: str, short: bool) -> str:
    return _POINT.replace("{short}", _SHORT.format(p=p) if short else "").format(p=p) + _YEAR_MARK


# _START before _LEFT (zero-width both, so the same matches): a position is given up at its own character before the
# characters behind it are looked at.
_RANGE = re.compile(
    rf"{_START}{_LEFT}(?:(?<=between\s)(?P<between>))?(?:"
    rf"(?P<m1>{_MONTH})\s*{_SEP}(?P<m2>{_MONTH}),?\s*(?P<my>{YEAR})"  # June - August 2017
    # "Mar 2020 – Present", "Mar 2020 (current)", "Mar 2020 – (current)", "Mar 2020 onwards"; "between 2019 and 2022"
    rf"|{_point_re('a', True)}(?:(?(between)\s+and\s+|(?!))|{_SEP}|\s*(?=\(\s*{_NOW}\s*\))"
    rf"|\s+(?=(?:{_alternation(lx.NOW_AFTER_WORDS)})\b))"
    rf"(?:(?P<bracket>\(\s*)?(?P<now>{_NOW})(?(bracket)\s*\))|{_point_re('b', True)})"
    # "2019–23": the end year's last two digits, written tight and ending the dates ("Python 2019-20 build" is no
    # range, nor is "2019 - 25 engineers", nor each half of "2010–11 – 2014–15"); "2019/2022": two whole years
    rf"|(?P<y4>{YEAR})(?:(?:[{_MARKS}]|(?P<yslash>/))(?P<y2>\d\d)(?=\s*(?:$|[|,;:)\]·•]))(?!\s*[{_MARKS}]\s*\d)"
    rf"|/(?P<yy>{YEAR})(?![\d/]))"
    # "'19 – '22", "’19 – now": two years' last digits alone
    rf"|(?<![\w'’‘])(?P<q1>{YEAR2}){_SEP}(?:(?P<q2>{YEAR2})|(?P<qnow>{_NOW}))"
    rf")(?![\w/])",
    re.IGNORECASE,
)
# "since 03/2022" runs to the present; "dal 2015 al 2018" is a range ("dal" then an end), not a start alone
_SINCE = re.compile(
    rf"\b(?:{_alternation(lx.SINCE_WORDS)})\s+{_point_re('a', False)}(?![\w/])(?!{_SEP}(?:\d|{_MONTH}|{_NOW}))",
    re.IGNORECASE,
)
# "Data Engineer, Acme | From Sep 2020": a start after a word for "from" that opens the line or its field, with nothing
# after it there, runs to the present
_FROM_WORDS = _greek_capitals(lx.FROM_WORDS)  # "ΑΠΟ ΤΟ 2019"
_FROM = re.compile(
    rf"(?:^|(?<=[|·•,(\t])|(?<=\s[–—-]\s))\s*(?:{_alternation(_FROM_WORDS)})\s+{_point_re('a', False)}"
    rf"(?![\w/])(?=\s*(?:$|[|·•)]))",
    re.IGNORECASE,
)
# a quick test before _FROM's look-behinds: one of the words, ending there ("od", "с" are in many words)
_FROM_HINT = re.compile(rf"(?:{_alternation(_FROM_WORDS)})\s", re.IGNORECASE)
_SEASON_ALONE = re.compile(
    rf"(?<![\w-])(?P<sea>{_SEASON}),?\s*(?P<sy>{YEAR})(?:/\d\d(?!\d))?(?P<more>(?:\s*(?:,|and|&)\s*{YEAR})*)(?![\w/])",
    re.IGNORECASE,
)
# a spelled part of a year alone, or several ("1st semester 2021 and 1st semester 2022"): each part is a span of its
# months, as a season alone is
_PART_ONE = re.compile(rf"(?P<part>{_PART_SPELLED}),?\s*(?P<year>{YEAR})", re.IGNORECASE)
_PART_ALONE = re.compile(
    rf"{_PART_SPELLED},?\s*{YEAR}(?:\s*(?:,|and|&)\s*{_PART_SPELLED},?\s*{YEAR})*(?![\w/])", re.IGNORECASE
)
_TWO_DIGITS = re.compile(r"\d\d")
_SEASON_BEFORE = re.compile(rf"(?<![\w-]){_SEASON},?\s*$", re.IGNORECASE)
_AFTER_RANGE_MARK = re.compile(rf"\d\s*[{_MARKS}]\s*$")
# One date anywhere (for the date the resume was written): a month and year, or a year alone. Not inside a word: tested
# before _LEFT (the same matches), it gives up the letters inside words, most of the positions _START lets by, at once.
DATE_POINT = re.compile(rf"{_START}(?<![\w]){_LEFT}{_point_re('a', False)}(?![\w/])", re.IGNORECASE)

_INTERN = _words(lx.INTERNSHIP_PHRASES)
_INTERN_CASE = re.compile(rf"\b(?:{'|'.join(lx.INTERNSHIP_ABBREVIATIONS)})\b")
_ACADEMIC_RESEARCHER = re.compile(
    r"\bresearcher\b.*\b(?:lab|laboratory|university|college|institute|school|group)\b"
    r"|\b(?:lab|laboratory|university|college|institute|school|group)\b.*\bresearcher\b",
    re.IGNORECASE,
)
_FULL_TIME_ACADEMIC = _words(lx.FULL_TIME_ACADEMIC_PHRASES)
_NOT_PROFESSIONAL = _words(lx.NOT_PROFESSIONAL_PHRASES)
_NOT_PROFESSIONAL_PAIRS = tuple(
    re.compile(rf"\b{re.escape(a)}\b.*\b{re.escape(b)}s?\b", re.IGNORECASE) for a, b in lx.NOT_PROFESSIONAL_PAIRS
)
_VOLUNTEER = _words(lx.VOLUNTEER_PHRASES)
_SERVICE = _words(lx.SERVICE_PHRASES)
_NONPROFIT = _words(lx.NONPROFIT_PHRASES)
_BREAK = _words(lx.BREAK_PHRASES)
_EDUCATION = re.compile(
    rf"{_first_letters(lx.EDUCATION_PHRASES)}(?<![\w-])(?:{_alternation(lx.EDUCATION_PHRASES)})(?![\w])", re.IGNORECASE
)
_JOB = re.compile(rf"{_first_letters(lx.JOB_WORDS)}(?<![\w-])(?:{_alternation(lx.JOB_WORDS)})s?(?![\w])", re.IGNORECASE)
_NUMBER = rf"\b\d{{1,2}}(?:\.\d{{1,2}})?|\b(?:{'|'.join(lx.NUMBER_WORDS)})"
_YEARS = ("year", "yr")  # what every stated total names (a plural "s" may follow); _names_years looks for them
_YEARS_WORD = rf"(?:{'|'.join(f'{word}s?' for word in _YEARS)})(?:\s*\(s\))?"
_STATED = re.compile(
    r"(?:over|more\s+than|nearly|almost|about|around)?\s*"
    rf"(?P<n>{_NUMBER})(?P<half>\s+and\s+a\s+half)?\s*(?P<plus>\+)?\s*{_YEARS_WORD}\b['’]?"
    rf"(?:\s+(?:of|in))?(?P<gap>(?:\s+[\w/&.-]+){{0,4}}?)\s+(?:{_alternation(lx.STATED_TOTAL_WORDS)})\b",
    re.IGNORECASE,
)
_STATED_PLUS = re.compile(
    rf"(?P<n>\b\d{{1,2}})\s*\+\s*{_YEARS_WORD}\s+(?:of|in|building|working|across|designing|developing|leading)\b",
    re.IGNORECASE,
)
# "Eight years building and shipping models", "Engineer with 6 years designing ...": a figure with no "+" states the
# total when it opens a sentence or follows "with"; "spent two years teaching", "the last 3 years leading" do not
_STATED_DOING = re.compile(
    rf"(?:^|[.;:!]\s+|\bwith\s+)(?:over\s+|more\s+than\s+|nearly\s+|almost\s+|about\s+|around\s+)?"
    rf"(?P<n>{_NUMBER})\s*{_YEARS_WORD}\s+(?!during\b)[a-z]{{2,}}ing\b",
    re.IGNORECASE | re.MULTILINE,
)
_STATED_FORMS = (_STATED, _STATED_PLUS, _STATED_DOING)
# "4 años de experiencia", "sette anni di esperienza", "5 ans d'expérience", "7 Jahre Berufserfahrung"
_STATED_OTHER = re.compile(
    rf"(?<![\w.,])(?P<n>\d{{1,2}}(?:[.,]\d{{1,2}})?|{_alternation(lx.NUMBER_WORDS_OTHER)})\s*\+?\s*"
    rf"(?:{_alternation(lx.STATED_YEARS_WORDS_OTHER)})(?![\w'’])\s+(?:(?:{_alternation(lx.STATED_JOIN_WORDS_OTHER)})\s*)?"
    rf"(?:[^\W\d_]+\s+){{0,2}}?(?:{_alternation(lx.STATED_TOTAL_WORDS_OTHER)})(?![\w])",
    re.IGNORECASE,
)
_STATED_OTHER_YEARS = re.compile(
    rf"(?<![\w])(?:{_alternation(lx.STATED_YEARS_WORDS_OTHER)})(?![\w'’])", re.IGNORECASE
)
_STATED_LABEL = re.compile(
    rf"^\W*(?:{_alternation(lx.STATED_TOTAL_LABELS)})\s*[:\-–]\s*(?P<n>\d{{1,2}}(?:\.\d{{1,2}})?)\s*\+?\s*"
    rf"{_YEARS_WORD}(?:\s*(?:,|and|&)?\s*(?P<m>\d{{1,2}})\s*(?:months?|mos?)(?:\s*\(s\))?)?",
    re.IGNORECASE | re.MULTILINE,
)
_PROSE_LEAD = re.compile(rf"(?:^|\s)(?:{_alternation(lx.PROSE_DATE_LEADS)})\s*$", re.IGNORECASE)
_BULLET_START = tuple("•·▪■●◆◇★☆►▶✦✧◦‣⁃○\uf0b7\uf0a7\uf076\uf0d8")
_DASH_BULLET = re.compile(r"[-–—*+](?:\s|$)")  # "- item", "* item"; not "**Bold**" nor "-5%"


def is_bullet(line: str) -> bool:
    return line.startswith(_BULLET_START) or _DASH_BULLET.match(line) is not None


@dataclass(frozen=True)
class _Span:
    start: tuple[int, int]  # (year, month)
    end: tuple[int, int]
    current: bool
    line_offset: int
    match_start: int
    match_end: int
    season: bool = False  # "Summer 2019": a season's job, counted as an internship
    end_year_only: bool = False  # the end was a year alone ("2013-2020"): it may mean any month of that year
    start_year_only: bool = False


@dataclass
class _Entry:
    span: _Span
    start: int  # offset where the entry (its title line) starts
    title: str
    line_index: int  # index of the date line in the section's lines
    date_only: bool  # the date line holds nothing but dates
    lines: list[str]


def find_positions(text: str, sections: tuple[Section, ...], today: date) -> tuple[Position, ...]:
    positions: list[Position] = []
    for section in sections:
        if section.kind is SectionKind.EXPERIENCE:
            positions.extend(_section_positions(text, section, today))
    return tuple(positions)


def _section_positions(text: str, section: Section, today: date) -> list[Position]:
    lines = _joined_ranges(list(iter_lines(text, section.start, section.end)))
    entries = _entries(lines, section, lambda line, offset: _spans_in_line(line, offset, today))
    if not entries:  # no dates at all: the lengths written instead ("3 yrs, current"), if any
        entries = _entries(lines, section, _DurationSpans(today))
    _stacked_titles(entries, lines)
    out: list[Position] = []
    for number, entry in enumerate(entries):
        span = entry.span
        entry_end = section.end
        for later in entries[number + 1 :]:
            if later.start > entry.start:
                entry_end = later.start
                break
        start = date(span.start[0], span.start[1], 1)
        end = date(span.end[0], span.end[1], 1)
        if span.current:
            end = max(start, today)
        end = min(end, max(start, today))  # a range ending after the reference date counts up to it
        months = round(max(0.0, _months(start, end)), 2)
        below = _below(lines, entry.line_index)
        if below and entry_end == lines[entry.line_index + 1][0]:
            below = ""  # the next entry's title ("Data Scientist, Acme" / "2020 – Present" / "ML Intern, Beta")
        title = entry.title
        evidence = list(entry.lines)
        if not title and below:  # dates on a line of their own, the title under them
            title = _clean(below)
        elif below and _JOB.search(below) and not _JOB.search(title):  # "ACADEMY, Leeds 2012 - 2014" / "Teacher"
            title = _clean(f"{title} — {below}")
        if below:
            evidence.append(below)
        kind = _kind(title, below, span.season)
        if kind in (PositionKind.WORK, PositionKind.INTERNSHIP) and _is_group(entries, number, lines):
            kind = PositionKind.GROUP
        professional = kind is not PositionKind.VOLUNTEER and not _not_professional(f"{title}\n{below}")
        out.append(
            Position(
                title, start, end, span.current, kind, months, entry.start, entry_end, professional, tuple(evidence)
            )
        )
    return out


# A range cut after its dash at the end of a line ("Jan 2019 –"): its end on the next line, or none written.
_CUT_RANGE = re.compile(rf"{_point_re('a', False)}\s*[–—-]\s*$", re.IGNORECASE)
# A range cut after its word: "Between 2019 and" / "2022", "From March 2019 to" / "June 2021" (a wrapped column)
_CUT_AFTER_WORD = re.compile(
    rf"(?:\bbetween\s+{_point_re('a', False)}\s+and|{_point_re('b', False)}\s+(?:{_alternation(_RANGE_WORDS)}))\s*$",
    re.IGNORECASE,
)
_CUT_WORDS = ("and", *_RANGE_WORDS)
_STARTS_WITH_END = re.compile(rf"^\s*(?:{_point_re('b', False)}|{_NOW})(?![\w/])", re.IGNORECASE)


def _joined_ranges(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A range cut after its dash is read whole: a narrow column wraps its end onto the next line ("Jan 2019 –" /
    "Mar 2021"), and a template leaves the end of the current job empty ("Jan 2021 –", nothing under it that is a
    date) on its first entry, the current job: read as "Jan 2021 – Present". The next line with text is looked at;
    a line whose end was taken goes."""
    out: list[tuple[int, str]] = []
    taken = -1
    for index, (offset, line) in enumerate(lines):
        if index == taken:
            continue
        if line.rstrip().endswith(("–", "—", "-")) and _CUT_RANGE.search(line) is not None:  # rare: tested first
            below = next((i for i in range(index + 1, len(lines)) if lines[i][1].strip()), None)
            text = lines[below][1] if below is not None else ""
            end = _STARTS_WITH_END.match(text)
            if below is not None and end is not None and not text[end.end() :].strip():
                line, taken = f"{line.rstrip()} {text.strip()}", below
            elif end is None and not text.strip()[:1].isdigit() and not _dated(out):  # a title or a bullet under it
                line = f"{line.rstrip()} {lx.NOW_WORDS[0]}"
        elif line.rstrip().lower().endswith(_CUT_WORDS) and _CUT_AFTER_WORD.search(line) is not None:
            below = next((i for i in range(index + 1, len(lines)) if lines[i][1].strip()), None)
            text = lines[below][1] if below is not None else ""
            end = _STARTS_WITH_END.match(text)
            if below is not None and end is not None and not text[end.end() :].strip():
                line, taken = f"{line.rstrip()} {text.strip()}", below
        out.append((offset, line))
    return out


def _dated(lines: list[tuple[int, str]]) -> bool:
    """A range is written in ``lines``: an entry above, so the one under them is not the current job."""
    return any(may_hold_date(line) and _RANGE.search(line) is not None for _, line in lines)


def _beside(line: str, span: _Span) -> str:
    """What a date line holds beside its dates (and any other range on it): "" when the dates stand alone."""
    return _clean(_without_ranges(_before_dates(line, span) + " " + line[span.match_end :]))


def _before_dates(line: str, span: _Span) -> str:
    """What a date line holds before its dates, without a word that is the dates' own ("from March 2024 to date",
    "Between 2019 and 2022" alone on their line)."""
    before = line[: span.match_start]
    return "" if _DATES_LEAD.fullmatch(before.strip() + " ") else before


def _entries(
    lines: list[tuple[int, str]], section: Section, spans_of: Callable[[str, int], list[_Span]]
) -> list[_Entry]:
    """The section's entries: one per date range (or written length) that ``spans_of`` finds in a line."""
    entries: list[_Entry] = []
    previous: tuple[int, str] | None = None
    previous_index = -1
    for index, (offset, line) in enumerate(lines):
        if index == 0:
            line = _without_heading(line, section.heading)
            offset = offset + len(lines[0][1]) - len(line)
        if _is_prose(line) or (entries and _note_of_post(entries[-1], lines, index)):
            previous, previous_index = (offset, line), index
            continue
        for span in spans_of(line, offset):
            own = _beside(line, span)
            above = previous
            if _below_previous_entry(entries, previous, previous_index) or (not own and _dates_first(entries, lines)):
                above = None
            if above is not None:
                above = _wrapped_from_above(lines, previous_index, above, entries)
            entry_start, title = _title(line, offset, span, above, entries)
            evidence = [line.strip()]
            if entry_start != offset and previous is not None:
                evidence.insert(0, previous[1].strip())
            entries.append(_Entry(span, entry_start, title, index, not own, evidence))
        if line.strip():
            previous, previous_index = ((offset, line) if index > 0 else None), index
    return entries


def _note_of_post(post: _Entry, lines: list[tuple[int, str]], index: int) -> bool:
    """A dated bullet among a titled post's bullets that names no job is a note of that post, not a position: a
    service or an activity beside it ("Research Scientist, Acme | 2022 – Present" over "- Program committee member,
    NeurIPS (2016 – 2019)", "- Mentor at DataKind, 2017 – present"). The post's own line is no bullet (where every
    entry is a bullet, each is a position) and names a job; only its bullets, their wrapped lines and blank lines
    come between."""
    line = lines[index][1].lstrip()
    if not is_bullet(line) or not may_hold_date(line) or _JOB.search(_without_ranges(line)) is not None:
        return False
    if is_bullet(lines[post.line_index][1].lstrip()) or _JOB.search(post.title) is None:
        return False
    return all(
        not text.strip() or is_bullet(text.lstrip()) or text.lstrip()[:1].islower()
        for _, text in lines[post.line_index + 1 : index]
    )


def _length(named: bool) -> str:
    """A job's length: "3 yrs", "2.5 years", "1 yr 7 mos", "18 months" (``named``: its numbers in groups y, ym, m)."""
    y, ym, m = ("?P<y>", "?P<ym>", "?P<m>") if named else ("?:", "?:", "?:")
    years, months = _alternation(lx.DURATION_YEAR_WORDS), _alternation(lx.DURATION_MONTH_WORDS)
    return (
        rf"(?:({y}\d{{1,2}}(?:[.,]\d{{1,2}})?)\s*(?:{years})\.?(?:\s*(?:,|and|&)?\s*({ym}\d{{1,2}})\s*(?:{months})\.?)?"
        rf"|({m}\d{{1,3}})\s*(?:{months})\.?)"
    )


_DURATION = re.compile(
    rf"(?<![\w.,]){_length(named=True)}(?:\s*[,;·|–—-]?\s*(?P<now>{_NOW}))?\s*\)?\s*$", re.IGNORECASE
)


# A length right after an open range, as LinkedIn writes it ("April 2021 - Present (5 years 6 months)", "Jan 2022 –
# Present · 4 yrs 5 mos"): counted to the month the text was written
_LENGTH_HINT = re.compile(
    rf"\d\s*(?:{_alternation((*lx.DURATION_YEAR_WORDS, *lx.DURATION_MONTH_WORDS))})\b(?!\s*\d)", re.IGNORECASE
)
_LENGTH_AFTER = re.compile(rf"\s*[(·•|,–—-]?\s*{_length(named=True)}(?![\w])", re.IGNORECASE)


def open_range_lengths(line: str) -> list[tuple[tuple[int, int], int]]:
    """Each open range with its month written ("Jan 2022 – Present") and a length after it ("(4 yrs 5 mos)"): its
    start and the length in months."""
    if not may_hold_date(line) or _LENGTH_HINT.search(line) is None or not _may_say_now(line):
        return []
    out: list[tuple[tuple[int, int], int]] = []
    for match in _RANGE.finditer(line):
        if not match.group("now") or match.group("ay") or (start := _point(match, "a")) is None:
            continue
        length = _LENGTH_AFTER.match(line, match.end())
        if length is None:
            continue
        if length.group("m"):
            months = int(length.group("m"))
        else:
            months = round(float(length.group("y").replace(",", ".")) * 12) + int(length.group("ym") or 0)
        if 0 < months <= 600:
            out.append((start, months))
    return out


_EARLIEST_MONTH = 1960 * 12  # the first month YEAR reads, counted from year 0


class _DurationSpans:
    """Lengths written instead of dates, at the end of a job's line ("Search Engineer, Ofek 3 yrs, current"),
    laid end to end back from the reference date in the order the resume lists them (newest first): their sum is
    what the resume shows; where each one lay is not known."""

    def __init__(self, today: date) -> None:
        self.cursor = today.year * 12 + today.month - 1  # months since year 0: where the next length ends

    def __call__(self, line: str, offset: int) -> list[_Span]:
        match = _DURATION.search(line)
        if match is None or is_bullet(line.strip()) or not _JOB.search(line, 0, match.start()):
            return []
        if _PROSE_LEAD.search(line, 0, match.start()):  # "Managed a team of engineers for 18 months": a sentence
            return []
        if match.group("m"):
            months = int(match.group("m"))
        else:
            months = round(float(match.group("y").replace(",", ".")) * 12) + int(match.group("ym") or 0)
        if not 0 < months <= 600 or self.cursor - months < _EARLIEST_MONTH:
            return []  # no job began before the earliest year a date may name: the lengths stop adding up there
        end, start = self.cursor, self.cursor - months
        self.cursor = start
        return [
            _Span(
                (start // 12, start % 12 + 1),
                (end // 12, end % 12 + 1),
                bool(match.group("now")),
                offset,
                match.start(),
                match.end(),
            )
        ]


_WRAPPED_END = re.compile(rf"(?:\s(?:{_alternation(lx.TITLE_WRAP_WORDS)})|,)$", re.IGNORECASE)


def _wrapped_from_above(
    lines: list[tuple[int, str]], index: int, above: tuple[int, str], entries: list[_Entry]
) -> tuple[int, str]:
    """The title line above a date line, with the line over it when the title wrapped there: that line ends with a
    word a title does not end with ("Dottorando, Dipartimento di Informatica, Politecnico del" over "Naviglio,
    Milano") and is no bullet, no date line, no other entry's."""
    if index < 2:
        return above
    upper_offset, upper = lines[index - 1]
    upper = upper.strip()
    if _stacked_title(lines, index, above[1], entries):
        return upper_offset, f"{upper} — {above[1].strip()}"
    if (
        not upper
        or not upper[0].isupper()
        or _JOB.search(above[1]) is not None  # the lower line is a title of its own ("Senior Data Engineer, Bar")
        or _WRAPPED_END.search(upper) is None
        or is_bullet(upper)
        or len(upper.split()) > 14
        or _spans_in_line(upper, upper_offset, date.max)
        or (entries and entries[-1].span.line_offset == upper_offset)
    ):
        return above
    return upper_offset, f"{upper} {above[1].strip()}"


_EMPLOYMENT_TYPE = re.compile(rf"·\s*(?:{_alternation(lx.EMPLOYMENT_TYPES)})\s*$", re.IGNORECASE)


def _stacked_title(lines: list[tuple[int, str]], index: int, employer: str, entries: list[_Entry]) -> bool:
    """The title stands over the employer's line, which stands over the dates ("Lead - Machine Learning" /
    "Vayu Fintech, Pune" / "2015 - Present"): the line over the employer is short, has a job word the employer's
    line has not, and starts an entry (the section's first line, or after a blank line or a finished sentence)."""
    upper_offset, upper = lines[index - 1]
    upper = upper.strip()
    if (
        not upper
        or not upper[0].isupper()
        or _JOB.search(upper) is None
        or _JOB.search(employer) is not None
        or is_bullet(upper)
        or len(upper.split()) > 8
        or upper.endswith((".", ",", ";", ":"))
        or _spans_in_line(upper, upper_offset, date.max)
        or (entries and entries[-1].line_index >= index - 2)
    ):
        return False
    before = lines[index - 2][1].strip() if index >= 2 else ""
    return (
        index - 1 == 1
        or not before
        or before.endswith((".", "!", "?"))
        or _EMPLOYMENT_TYPE.search(employer) is not None  # LinkedIn's "Acme · Full-time": the title is above it
    )


_EMPLOYER_MARK = re.compile(r",|\||\s[@—–-]\s|\sat\s")


def is_job_line(line: str) -> bool:
    """A line that reads as a job's title and its employer ("Senior ML Engineer, Acme Corp", "Analyst at Beta"):
    short, no bullet, no sentence, a job word in it and no degree's, and a separator or "at" before the employer."""
    stripped = line.strip()
    return (
        0 < len(stripped.split()) <= 12
        and not is_bullet(stripped)
        and not stripped.endswith(".")
        and _EMPLOYER_MARK.search(stripped) is not None
        and _JOB.search(stripped) is not None
        and _EDUCATION.search(stripped) is None
    )


def _dates_first(entries: list[_Entry], lines: list[tuple[int, str]]) -> bool:
    """The entries so far put their dates alone on a line over their title ("[ 01/09/2019 – Current ]" /
    "Data Scientist" / "Acme GmbH"): the line over the next dates is the last entry's, not the next one's title."""
    return bool(entries) and all(
        entry.date_only and entry.title == "" and _below(lines, entry.line_index) for entry in entries
    )


def _below_previous_entry(entries: list[_Entry], previous: tuple[int, str] | None, previous_index: int) -> bool:
    """The line just under the last entry's date line is that entry's title ("ACADEMY, Leeds 2012 - 2014" over
    "Physics Teacher"), not the next entry's, when the last entry has no title of its own or no job word in it
    while this line has one."""
    if not entries or previous is None or entries[-1].line_index != previous_index - 1:
        return False
    last = entries[-1]
    if last.date_only and not last.title:
        return True
    return _JOB.search(previous[1]) is not None and _JOB.search(last.title) is None


def _not_professional(text: str) -> bool:
    if _SERVICE.search(text) is not None and _JOB.search(text) is None:  # a duty, no job named
        return True
    return _NOT_PROFESSIONAL.search(text) is not None or any(p.search(text) for p in _NOT_PROFESSIONAL_PAIRS)


def _kind(title: str, below: str, season: bool) -> PositionKind:
    both = f"{title}\n{below}"
    if _BREAK.search(both):
        return PositionKind.BREAK
    if _VOLUNTEER.search(title) or (not title and _VOLUNTEER.search(below)):
        return PositionKind.VOLUNTEER
    if _NONPROFIT.search(title or below) and not _JOB.search(title):
        return PositionKind.VOLUNTEER
    if season or _is_internship(title) or _is_internship(below):
        return PositionKind.INTERNSHIP
    if _EDUCATION.search(both) and not _JOB.search(both):
        return PositionKind.EDUCATION
    return PositionKind.WORK


def _is_group(entries: list[_Entry], number: int, lines: list[tuple[int, str]]) -> bool:
    """An entry without a job title whose dated sub-entries follow on the very next line and lie within its span
    ("Google (2013-Present)" above its titles, "2017-2020: Google" above its jobs)."""
    if number + 1 >= len(entries):
        return False
    entry, child = entries[number], entries[number + 1]
    if child.line_index == entry.line_index or _JOB.search(entry.title):  # a job line of a flat list is no group
        return False
    between = [line for _, line in lines[entry.line_index + 1 : child.line_index] if line.strip()]
    if between:
        return False
    start, end = entry.span.start, entry.span.end
    if entry.span.end_year_only:
        end = (end[0], 12)
    child_start = child.span.start
    if child.span.start_year_only:  # "2017 – 2019" under "09/2017 – Current": the same year may be its September
        child_start = (child_start[0], 12)
    covered = start <= child_start and (entry.span.current or child.span.end <= end)
    return covered and not (child.span.current and not entry.span.current)


def _stacked_titles(entries: list[_Entry], lines: list[tuple[int, str]]) -> None:
    """Stacked titles at one employer, then one block of dates: the n date lines take the n title lines above
    the block, in order ("Senior Engineer / Engineer / Dec 2024 - present / June 2022 - Dec 2024")."""
    index = 0
    while index < len(entries):
        block = [index]
        while (
            block[-1] + 1 < len(entries)
            and entries[block[-1] + 1].date_only
            and entries[block[-1] + 1].line_index == entries[block[-1]].line_index + 1
        ):
            block.append(block[-1] + 1)
        first = entries[index]
        if len(block) >= 2 and first.date_only:
            above: list[str] = []
            at = first.line_index - 1
            while at >= 0 and len(above) < len(block) + 1:
                candidate = lines[at][1].strip()
                if not candidate or is_bullet(candidate) or _RANGE.search(candidate) or len(candidate.split()) > 10:
                    break
                above.insert(0, candidate)
                at -= 1
            if len(above) >= len(block):
                titles = above[-len(block) :]
                employer = above[0] if len(above) > len(block) else ""
                for number, title in zip(block, titles, strict=True):
                    entry = entries[number]
                    entry.title = _clean(f"{employer} — {title}" if employer else title)
                    entry.lines = [*([employer] if employer else []), title, *entry.lines[-1:]]
        index = block[-1] + 1


def _below(lines: list[tuple[int, str]], index: int) -> str:
    return _short_line(lines[index + 1][1]) if index + 1 < len(lines) else ""


def may_hold_date(text: str) -> bool:
    """Whether ``text`` can hold a date: every date form read here holds two digits in a row (a year, 'YY,
    MM/YY), so a line without them is passed over without running the date patterns."""
    return _TWO_DIGITS.search(text) is not None


def date_lines(text: str) -> list[str]:
    """The lines of ``text`` that may hold a date (see may_hold_date), in order: found by one pass of the pattern
    over the text, where a test of each line costs a call a line (three in four lines of a resume hold no date)."""
    return [line for _, line in located_date_lines(text)]


def located_date_lines(text: str) -> list[tuple[int, str]]:
    """:func:`date_lines` with the offset where each line starts: the lines of a stretch of the text that starts
    and ends at line breaks (a section) are those that start in it."""
    lines: list[tuple[int, str]] = []
    position = 0
    while (match := _TWO_DIGITS.search(text, position)) is not None:
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        end = len(text) if end < 0 else end
        lines.append((start, text[start:end]))
        position = end + 1
    return lines


def _spans_in_line(line: str, offset: int, today: date) -> list[_Span]:
    if not may_hold_date(line):
        return []
    found: list[_Span] = []
    taken: list[tuple[int, int]] = []
    for match in _RANGE.finditer(line):
        if _in_sentence(line, match.start(), match.end()):
            continue
        span = _range_span(match, offset, today)
        if span is not None:
            found.append(span)
            taken.append(match.span())
    for match in _since_dates(line):
        if any(a <= match.start() < b for a, b in taken):
            continue
        point = _point(match, "a")
        if point is not None and point <= (today.year, today.month):
            found.append(_Span(point, (today.year, today.month), True, offset, match.start(), match.end()))
            taken.append(match.span())
    for match in _SEASON_ALONE.finditer(line):
        if any(a <= match.start() < b for a, b in taken):
            continue
        years = [int(match.group("sy")), *map(int, re.findall(r"\d{4}", match.group("more") or ""))]
        month = _season_month(match.group("sea"))
        for year in years:
            end = (year + (month + 2) // 12, (month + 2) % 12 + 1) if month + 3 > 12 else (year, month + 3)
            found.append(_Span((year, month), end, False, offset, match.start(), match.end(), season=True))
            taken.append(match.span())
    for match in _PART_ALONE.finditer(line):
        if any(a <= match.start() < b for a, b in taken):
            continue
        for part in _PART_ONE.finditer(match.group()):
            first = _part_point(part.group("part"), int(part.group("year")), last=False)
            last = _part_point(part.group("part"), int(part.group("year")), last=True)
            if first is None or last is None or first > (today.year, today.month):
                continue
            end = (last[0] + last[1] // 12, last[1] % 12 + 1)  # to the month after the part's last, as a season
            found.append(_Span(first, end, False, offset, match.start(), match.end()))
    return found


_FIRST_WORD = re.compile(r"[^\W\d_]+")
_VERB_FORM = re.compile(r"(?:ed|ing)$", re.IGNORECASE)  # "Mentored", "Leading", "Led": an activity, not a title


def _activity(before: str) -> bool:
    """A bullet's text before its dates reads as something done, not as a job: words, and either no job word among
    them ("- Mentoring two juniors since 2019", "- Ran the 2016 - 2018 programme") or a verb first ("- Managed
    three engineers since 2020"); "• ML Engineer at Acme since 2021" and "- Acme Corp, ML Engineer, 2018 - 2021"
    are jobs."""
    first = _FIRST_WORD.search(before)
    if first is None or len(first.group()) < 2:
        return False
    return _JOB.search(before) is None or _VERB_FORM.search(first.group()) is not None


def _since_dates(line: str) -> list[re.Match[str]]:
    """The "since <date>" starts of a line, without those that note a change inside a title's brackets
    ("NLP Engineer (Senior since 2023.10)"): a promotion within the position, not a position of its own; nor those
    inside a bullet's sentence ("- Mentoring two juniors since 2019"): what was done in the job, not a job ("• ML
    Engineer at Acme since 2021" is one)."""
    out = []
    bullet = is_bullet(line.lstrip())
    froms = _FROM.finditer(line) if _FROM_HINT.search(line) is not None else ()
    for match in (*_SINCE.finditer(line), *froms):
        if bullet and _activity(line[: match.start()]):
            continue
        bracket = line.rfind("(", 0, match.start())
        if bracket >= 0 and ")" not in line[bracket : match.start()] and line[bracket + 1 : match.start()].strip():
            continue
        out.append(match)
    return out


def _without_ranges(text: str) -> str:
    """``text`` with its date ranges replaced by spaces."""
    return _RANGE.sub(" ", text) if may_hold_date(text) else text


def _in_sentence(line: str, at: int, end: int) -> bool:
    """A date inside a sentence ("... across Africa from 2009–2020 using ..."): several words before it and a
    preposition just before it, none of them cut off by a separator ("Data Scientist, Acme | From Jan 2019 to ...").
    In a bullet whose words read as something done (:func:`_activity`), two words before it do: a preposition ("-
    Migrated services in 2017–2019") or the sentence going on in lower case after it ("- Ran the 2016 – 2018
    forecasting programme")."""
    before = _AFTER_SEPARATOR.split(line[:at])[-1]
    words = len(before.split())
    if words >= 5 and (lead := _PROSE_LEAD.search(before)) is not None:
        return not _field_label(before, lead)
    if words < 3 or not is_bullet(line.lstrip()) or not _activity(line[:at]):  # the bullet mark and two words
        return False
    return _PROSE_LEAD.search(before) is not None or _GOES_ON_LOWER.match(line, end) is not None


def _field_label(before: str, lead: re.Match[str]) -> bool:
    """A capitalised lead word after words that end no sentence labels the dates' field of a title line whose
    spaces were run together ("Data Scientist, Acme Corp From 2019 to 2022"); a sentence writes it in lower case
    ("moved 40 services from 2019 to 2021"), or opens with it after a full stop."""
    word = lead.group().strip()
    return word[:1].isupper() and not before[: lead.start()].rstrip().endswith((".", "!", "?", ";", ":"))


# the sentence goes on after the dates ("2016 – 2018 forecasting programme"), not an entry's place or terms ("2019 –
# 2022 in Berlin", "remote", "full-time")
_GOES_ON_LOWER = re.compile(
    r"\s+(?!(?:remote|hybrid|onsite|with|from|full|part|based|contract|until)\b)[a-z]{4,}\b(?![-,|·•])"
)


_AFTER_SEPARATOR = re.compile(r"\s[|·•]\s|\t|\s{3,}")  # a field separator of an entry's line


def _range_span(match: re.Match[str], offset: int, today: date) -> _Span | None:
    now = (today.year, today.month)
    if match.group("m1"):
        year = int(match.group("my"))
        start = (year, _month(match.group("m1")))
        end = (year, _month(match.group("m2")))
        if end < start:
            start = (year - 1, start[1])
        return _Span(start, end, False, offset, match.start(), match.end())
    if match.group("y4"):
        if _AFTER_RANGE_MARK.search(match.string, 0, match.start()):  # the second half of "2010–11 – 2014–15"
            return None
        if match.group("yslash") and _SEASON_BEFORE.search(match.string, max(0, match.start() - 30), match.start()):
            return None  # "Winter 2020/21": one season, read as a season alone
        first_year = int(match.group("y4"))
        if yy := match.group("yy"):
            last_year = int(yy)
        else:
            last_year = first_year - first_year % 100 + int(match.group("y2"))
            if last_year < first_year:  # "1998–03"
                last_year += 100
        if not first_year < last_year <= first_year + 60 or (first_year, 1) > now:
            return None
        return _Span(
            (first_year, 1),
            (last_year, 1),
            False,
            offset,
            match.start(),
            match.end(),
            end_year_only=True,
            start_year_only=True,
        )
    if q1 := match.group("q1"):
        return _short_years_span(match, q1, offset, now)
    first = _point(match, "a")
    if first is None:
        return None
    if match.group("now"):
        if first > now:
            return None
        return _Span(first, now, True, offset, match.start(), match.end(), start_year_only=bool(match.group("ay")))
    second = _point(match, "b")
    if second is None:
        return None
    first_year_only, second_year_only = bool(match.group("ay")), bool(match.group("by"))
    if second < first or first > now or first[0] < second[0] - 60:
        return None
    return _Span(
        first,
        second,
        False,
        offset,
        match.start(),
        match.end(),
        end_year_only=second_year_only,
        start_year_only=first_year_only,
    )


def _short_years_span(match: re.Match[str], q1: str, offset: int, now: tuple[int, int]) -> _Span | None:
    """"'19 – '22", "’18 – now": two years' last digits alone, or one and "now"."""
    start = (year_of(q1), 1)
    if start > now:
        return None
    if match.group("qnow"):
        return _Span(start, now, True, offset, match.start(), match.end(), start_year_only=True)
    end = (year_of(match.group("q2")), 1)
    if end < start:
        return None
    return _Span(start, end, False, offset, match.start(), match.end(), end_year_only=True, start_year_only=True)


def _point(match: re.Match[str], p: str) -> tuple[int, int] | None:
    group = match.group  # each form's groups read by name: a groupdict of a range's 38 groups costs twice as much
    if mon := group(f"{p}mon"):
        return year_of(group(f"{p}my")), _month(mon)
    if sea := group(f"{p}sea"):
        return int(group(f"{p}sy")), _season_month(sea)
    if part := group(f"{p}part"):
        return int(group(f"{p}party")), lx.YEAR_PART_WORDS[" ".join(_lexicon_form(part).split())]
    if qh := group(f"{p}qh"):
        return _part_point(qh, int(group(f"{p}qy")), p == "b")
    if pw := group(f"{p}pw"):
        return _part_point(pw, int(group(f"{p}pwy")), p == "b")
    if dd := group(f"{p}dd"):
        day, month = int(dd), int(group(f"{p}dm"))
        if month > 12 and day <= 12:  # MM/DD/YYYY
            day, month = month, day
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        return int(group(f"{p}dmy")), month
    if mm := group(f"{p}mm"):
        return int(group(f"{p}mmy")), int(mm)
    if ym := group(f"{p}ym"):
        return int(ym), int(group(f"{p}ymm") or group(f"{p}ymm1"))
    if cy := group(f"{p}cy"):
        return int(cy), int(group(f"{p}cm"))
    if yw := group(f"{p}yw"):
        return int(yw), _month(group(f"{p}ywm"))
    if yq := group(f"{p}yq"):
        return _part_point(group(f"{p}yqp"), int(yq), p == "b")
    if f"{p}msy" in match.re.groupindex and (msy := group(f"{p}msy")):  # MM/YY: a group of the range pattern only
        return year_of("'" + msy), int(group(f"{p}ms") or group(f"{p}msd"))
    if f"{p}rom" in match.re.groupindex and (rom := group(f"{p}rom")):  # "IX 2019": the range pattern's only
        return int(group(f"{p}romy")), lx.ROMAN_MONTHS[rom]
    if f"{p}mns" in match.re.groupindex and (mns := group(f"{p}mns")):  # "Jan 19": the range pattern's only
        return year_of("'" + group(f"{p}mnsy")), _month(mns)
    if y := group(f"{p}y"):
        if (yy2 := group(f"{p}yy2")) is None:
            return int(y), 1
        if int(yy2) != (int(y) + 1) % 100:  # "2019/20" is one year and the next; "2019/17" no date
            return None
        return int(y) + (p == "b"), 1
    return None


_PART_KIND = re.compile(rf"[QH](?=[1-4])|(?<=[1-4])[QH]|{_PART_WORD}", re.IGNORECASE)
_PART_ORDINAL = re.compile(rf"[1-4]|{_alternation(list(lx.YEAR_PART_ORDINALS))}", re.IGNORECASE)


def _part_point(part: str, year: int, last: bool) -> tuple[int, int] | None:
    """The month a numbered part of ``year`` names ("Q3", "2H", "1st semester", "second half of"): its first month,
    or its last when ``last`` (an end: "Q4 2023" runs to December). None for a part the year has not ("H3")."""
    kind, number = _PART_KIND.search(part), _PART_ORDINAL.search(part)
    if kind is None or number is None:
        return None
    months = lx.YEAR_PART_KINDS[_lexicon_form(kind.group())]
    index = int(number.group()) if number.group().isdigit() else lx.YEAR_PART_ORDINALS[_lexicon_form(number.group())]
    if index > 12 // months:
        return None
    return year, (index * months if last else (index - 1) * months + 1)


def point_of(match: re.Match[str]) -> tuple[tuple[int, int], bool] | None:
    """(year, month) of a DATE_POINT match, and whether it was a year alone."""
    point = _point(match, "a")
    return None if point is None else (point, bool(match.group("ay")))


def range_starts(line: str) -> list[tuple[tuple[int, int], bool, bool]]:
    """The start of each date range in a line: (year, month), whether it was a year alone, whether the range
    is open ("Jan 2020 - Present")."""
    out: list[tuple[tuple[int, int], bool, bool]] = []
    if not may_hold_date(line):
        return out
    for match in _RANGE.finditer(line):
        if match.group("m1"):
            out.append(((int(match.group("my")), _month(match.group("m1"))), False, False))
            continue
        if match.group("y4"):
            out.append(((int(match.group("y4")), 1), True, False))
            continue
        if q1 := match.group("q1"):
            out.append(((year_of(q1), 1), True, bool(match.group("qnow"))))
            continue
        point = _point(match, "a")
        if point is not None:
            out.append((point, bool(match.group("ay")), bool(match.group("now"))))
    return out


def _line_spans(line: str) -> list[tuple[re.Match[str], _Span]]:
    """Each date range of a line that reads as one, with its span (counted to no reference date)."""
    if not may_hold_date(line):
        return []
    return [(match, span) for match in _RANGE.finditer(line) if (span := _range_span(match, 0, date.max)) is not None]


def range_points(line: str) -> list[tuple[tuple[int, int], bool]]:
    """Each date range's start and (unless it runs to now) its end in a line, with whether its year was written
    alone: the short forms a range reads ("'23 – '24", "06/19 – 08/21", "IX 2019 – III 2022") among them, which a
    date standing alone is not read in."""
    out: list[tuple[tuple[int, int], bool]] = []
    for _match, span in _line_spans(line):
        out.append((span.start, span.start_year_only))
        if not span.current:
            out.append((span.end, span.end_year_only))
    return out


def located_range_ends(line: str) -> list[tuple[int, int, tuple[int, int], bool]]:
    """Each date range of a line that does not run to now: where it stands (start, end offsets), its end (year,
    month), and whether that end was a year alone."""
    return [
        (match.start(), match.end(), span.end, span.end_year_only)
        for match, span in _line_spans(line)
        if not span.current
    ]


def open_ranges(line: str) -> list[tuple[tuple[int, int], bool]]:
    """The start (year, month) of each open date range in a line ("Jan 2020 - Present"), and whether its year was
    written alone ("2018 - Present")."""
    if not may_hold_date(line) or not _may_say_now(line) or _NOW_WORD.search(line) is None:  # it ends with "now"
        return []
    return [(point, year_only) for point, year_only, is_open in range_starts(line) if is_open]


# The longest word of each phrase for "now": a line the case-insensitive _NOW_WORD finds one in holds that word in
# lower case once folded as _lexicon_form folds; a case-sensitive pattern of those words finds it many times faster.
_NOW_PARTS = re.compile(_alternation({max(phrase.split(), key=len) for phrase in _NOW_FORMS}))


def _may_say_now(line: str) -> bool:
    return _NOW_PARTS.search(_lexicon_form(line)) is not None


def year_of(text: str) -> int:
    """The year a YEAR or YEAR2 match names ("'19" is 2019, "'85" 1985)."""
    if text.startswith(("'", "’", "‘")):
        two = int(text[1:])
        return 2000 + two if two < 70 else 1900 + two
    return int(text)


def _season_month(text: str) -> int:
    """The first month of a season ("Summer", "Fall semester")."""
    return lx.SEASONS[_lexicon_form(text).split()[0]]


def _month(text: str) -> int:
    key = _lexicon_form(text).rstrip(".")
    return _MONTHS.get(key) or _MONTHS[key[:3]]


# Besides the ASCII letters' other case, a case-insensitive pattern lets these stand for "s", "i" and "k" (Python's
# re matches "ſummer" as "summer"), which lower() keeps as they are.
_ASCII_FOLD = str.maketrans({"\u017f": "s", "\u0131": "i", "\u0130": "i", "\u212a": "k"})
_FOLDED = "\u017f\u0131\u0130\u212a"


def _lexicon_form(word: str) -> str:
    """A word the case-insensitive date patterns matched, in the lexicon's form (lower case)."""
    if any(char in word for char in _FOLDED):  # translating costs many times a test for these four
        word = word.translate(_ASCII_FOLD)
    return word.lower()


# A line ending with an employer's or a place's abbreviation ("Acme Inc.", "Acme Sp. z o.o.", "Univ. of X, Dept. of
# CS."), not with a sentence's full stop: over a date line with nothing else on it, the entry's title.
_ABBREVIATED_END = re.compile(r"(?:^|[\s,(])(?:[A-ZÀ-Þ]\w{0,4}|\w{1,3}(?:\.\w{1,3})+)\.$")


def _abbreviated_end(line: str) -> bool:
    """A short line of no clauses (a title's, not a description's "...; moved the reporting to Power BI.") ending
    with an abbreviation."""
    return len(line.split()) <= 8 and ";" not in line and _ABBREVIATED_END.search(line) is not None


def _title(
    line: str, offset: int, span: _Span, previous: tuple[int, str] | None, entries: list[_Entry]
) -> tuple[int, str]:
    """The entry's title/organization: the date line without its dates, plus the line above it when that
    line looks like a heading of the same entry (short, not a bullet, no dates of its own, no full stop)."""
    own = _clean(_before_dates(line, span) + " " + line[span.match_end :])
    own = _without_ranges(own)
    own = _clean(own)
    if own.startswith("(") and own.endswith(")") and line.find("(") > span.match_start:
        own = ""  # the dates' own note ("novembre 2022 – in corso (discussione: maggio 2026)"), not a title
    if entries and entries[-1].span.line_offset == offset:  # second range on the same line
        return entries[-1].start, entries[-1].title
    if previous is not None:
        prev_offset, prev_line = previous
        prev = prev_line.strip()
        taken = entries and entries[-1].span.line_offset == prev_offset
        if (
            prev
            and not taken
            and any(c.isalnum() for c in prev)  # not a rule under a heading ("=========")
            and not is_bullet(prev)
            and len(prev.split()) <= (10 if own else 16)
            and not (prev.endswith((",", ";")) or (prev.endswith(".") and (own or not _abbreviated_end(prev))))
            and not prev.startswith("(")
            and not prev[0].islower()
            and not _RANGE.search(prev)
        ):
            return prev_offset, _clean(f"{prev.strip('➤►▶ ')} — {own}" if own else prev.strip("➤►▶ "))
    return offset, own


# A job's length after a separator, as LinkedIn writes it beside the dates ("Jan 2020 - Present · 4 yrs 11 mos"):
# not part of the title.
_LENGTH_AFTER_MARK = rf"[|,·•–—]\s*{_length(named=False)}(?=\s*(?:[|,·•–—]|$))"
# Each cleanup with the characters one of which every match of it holds ("": none to test first): a title without
# them is passed over without running the pattern (a title holds one or two of these, and nine patterns ran on it).
# A cleanup only removes characters or writes spaces (none of which is needed), so the characters of the title as
# given are tested: a pattern run after an earlier one removed the character it needs changes nothing.
_CLEANUPS = tuple(
    (re.compile(pattern, flags), replacement, frozenset(needs))
    for pattern, replacement, flags, needs in (
        (r"[*`]+|(?<!\w)_+|_+(?!\w)", " ", 0, "*`_"),  # Markdown emphasis
        (r"\s+", " ", 0, ""),
        (r"\(\s*\d+\s*(?:years?|yrs?|months?|mos?)\b[^)]*\)", " ", re.IGNORECASE, "("),
        (r"\s+([,;:.])", r"\1", 0, ",;:."),
        (r"([,;:.|])(?:\s*\1)+", r"\1", 0, ",;:.|"),  # "Express,, Sulphur", "University. ."
        (_LENGTH_AFTER_MARK, " ", re.IGNORECASE, "|,·•–—"),  # "Acme · 4 yrs 11 mos", "ML Engineer | 1 yr 7 mos"
        (r"^[\s•·▪■●◆◇★☆➤►▶✦✧*◦‣⁃○#-]+", "", 0, ""),
        (r"(?:\s*[|,·•]\s*)+$", "", 0, "|,·•"),
        (r"^(?:\s*[|,·•]\s*)+", "", 0, "|,·•"),
        (r"\(\s*[,;]?\s*\)", "", 0, "("),
        (r"\[\s*[,;]?\s*\]", "", 0, "["),  # Europass's "[ 01/09/2019 – Current ]" without its dates
        (r"([|·•])\s*(?:from|since)\s*$", r"\1", re.IGNORECASE, "|·•"),  # "Acme | From" when the dates follow
    )
)


def _clean(text: str) -> str:
    """A title as the report shows it: emphasis, bracketed durations, doubled and dangling punctuation gone."""
    present = set(text)
    for pattern, replacement, needs in _CLEANUPS:
        if not needs or not needs.isdisjoint(present):
            text = pattern.sub(replacement, text)
    return text.strip(" -–—|,;:\t")


_DATES_LEAD = re.compile(rf"(?:{_alternation((*_FROM_WORDS, 'between'))})\s+", re.IGNORECASE)


def _is_prose(line: str) -> bool:
    """A sentence, not an entry's heading line: dates in it ("migrated 40 services in 2019-2020") are not a
    position of their own. A line that starts in lower case continues the sentence above it, unless it starts
    with its dates ("seit 03/2022 Computer Vision Engineer", "mar/2022 – atual Analista", "luglio 2021 – settembre
    2022" alone)."""
    stripped = line.strip()
    words = len(stripped.split())
    if words > 25 or (is_bullet(stripped) and words > 12):
        return not table_row_with_dates(stripped)
    if words <= 4 or not stripped[:1].islower():
        return False
    lead = _DATES_LEAD.match(stripped)  # "from March 2024 to date", "between 2019 and 2022"
    at = lead.end() if lead is not None else 0
    dates = _RANGE.match(stripped, at) or _SINCE.match(stripped)
    # an entry goes on with its title ("seit 03/2022 Computer Vision Engineer") or ends with its dates and a note in
    # brackets ("novembre 2022 – in corso (discussione: maggio 2026)"); a wrapped sentence goes on with its words
    # ("since 2012 and served every team")
    if dates is None:
        return True
    rest = stripped[dates.end() :].lstrip(" ,|:–—-·•")
    return not (rest == "" or rest[0] in "([" or rest[0].isupper())


def table_row_with_dates(line: str) -> bool:
    """A row of a table of roles ("| Jan 2023 – now | Senior NLP Engineer | Acme | Fine-tuned ... |", as Markdown
    and tables copied as text write them): three cells or more, one of them short and holding a date range. Its
    length is the description cell's, not a sentence's."""
    if line.count("|") < 2:
        return False
    cells = [cell for cell in line.strip("|").split("|") if cell.strip()]
    return len(cells) >= 3 and any(
        len(cell.split()) <= 6 and may_hold_date(cell) and _RANGE.search(cell) is not None for cell in cells
    )


_BRACKETED = re.compile(r"\([^()]*\)")


def _short_line(line: str) -> str:
    """The line after a date line, when it is a short non-bullet line (a title written below the dates)."""
    stripped = line.strip()
    if not stripped or is_bullet(stripped) or len(_BRACKETED.sub(" ", stripped).split()) > 10:
        return ""  # a note in brackets is not counted ("Acme GmbH, Hamburg (car sharing, 400 employees)")
    if _RANGE.search(stripped) or _since_dates(stripped) or _SEASON_ALONE.search(stripped):
        return ""
    if _PART_ALONE.search(stripped):
        return ""
    if stripped.endswith((".", ";")) and len(stripped.split()) > 6:
        return ""
    return stripped


def _without_heading(line: str, heading: str) -> str:
    """The first line of a section without its run-in heading ("EXPERIENCE Software Engineer ...")."""
    if not heading:
        return line
    at = line.find(heading)
    if at < 0 or at > 4:
        first = heading.split()[0]  # a heading split over two lines ("Industry" above "Experience")
        at = line.find(first)
        if at < 0 or at > 4:
            return ""
        heading = first
    rest = line[at + len(heading) :].lstrip(" :|-–—")
    return rest


def _is_internship(title: str) -> bool:
    if _FULL_TIME_ACADEMIC.search(title):
        return False
    if _ACADEMIC_RESEARCHER.search(title):
        return True
    if _INTERN.search(title):
        return True
    return _INTERN_CASE.search(title) is not None  # "Math TA": capitals only, "ta"/"ra" are ordinary letters


# Sections whose dated lines are no work: a certificate's.
_NOT_WORK = frozenset({SectionKind.CERTIFICATIONS})


def shows_no_work(positions: Sequence[Position], sections: Sequence[Section], today: date) -> bool:
    """Whether a resume whose years could not be read shows that it has no work to count: no dated position, no
    section read as experience, an education or projects section found (a student's or a self-taught person's
    resume), and no dated line in its other sections that the reader, reading them as experience, would count as
    work (a heading it does not know may hold jobs; a bootcamp's dates are no job). A resume with an experience
    section whose dates went unread, or with no section found at all, is unknown, not new to work. Every section is
    looked in, education too (a heading the reader does not know after it puts its jobs there): a dated line counted
    as work, or a line under a heading that reads as a job's title and employer (``Senior ML Engineer, Acme Corp,
    eight years``), is work shown.
    ``today``: the resume's reference date."""
    kinds = {s.kind for s in sections}
    if positions or SectionKind.EXPERIENCE in kinds or not kinds & {SectionKind.EDUCATION, SectionKind.PROJECTS}:
        return False
    for s in sections:
        if s.kind in _NOT_WORK:
            continue
        # a job's line under a heading of its own (not the name's and headline's lines above every heading, nor a
        # summary, which name the job the person wants)
        if s.heading and s.kind is not SectionKind.SUMMARY and any(is_job_line(ln) for ln in s.text.splitlines()[1:]):
            return False
        as_work = (Section(SectionKind.EXPERIENCE, s.heading, 0, len(s.text), s.text),)
        if any(p.counted for p in find_positions(s.text, as_work, today)):
            return False
    return True


# --- a resume without an experience heading --------------------------------------------------------------------


def experience_fallback(text: str, sections: tuple[Section, ...], today: date) -> tuple[Section, ...]:
    """When no section is headed as experience, the untitled, 'other' or summary section ("Career Summary") that
    holds two or more dated lines naming a job (``04/2016 - 10/2017 Software Developer, Ascent``) is read as the
    experience: it is split at its first such line (or the line just above it), the part from there on an
    EXPERIENCE section."""
    if any(s.kind is SectionKind.EXPERIENCE for s in sections):
        return sections
    for number, section in enumerate(sections):
        if section.kind not in (SectionKind.OTHER, SectionKind.SUMMARY, SectionKind.SKILLS):
            continue
        job_lines = _job_lines(list(iter_lines(text, section.start, section.end)), today)
        if len(job_lines) < 2:
            continue
        split = job_lines[0]
        above = text.rfind("\n", section.start, max(section.start, split - 1))
        line_above = text[above + 1 : split - 1] if above >= section.start else ""
        if line_above and _spans_in_line(line_above, above + 1, today):  # an era or employer line over the jobs
            split = above + 1
        parts = []
        if split > section.start:
            parts.append(replace(section, end=split, text=text[section.start : split]))
        parts.append(Section(SectionKind.EXPERIENCE, "", split, section.end, text[split : section.end]))
        return (*sections[:number], *parts, *sections[number + 1 :])
    return sections


_ACADEMIC_HEADINGS = frozenset(heading_key(heading) for heading in lx.ACADEMIC_HEADINGS)


def academic_posts(text: str, sections: tuple[Section, ...], today: date) -> tuple[Section, ...]:
    """An education section under an academic heading ("Academic Experience", "Academia") that dates a job on one
    of its lines ("Postdoctoral Researcher, University of X | 2019 – 2021", "Teaching Assistant" over "2016 –
    2018") is experience: its posts count as posts do (an assistantship at half), its degrees not at all."""
    out = list(sections)
    for number, section in enumerate(sections):
        if section.kind is not SectionKind.EDUCATION or heading_key(section.heading) not in _ACADEMIC_HEADINGS:
            continue
        if _job_lines(list(iter_lines(text, section.start, section.end)), today):
            out[number] = replace(section, kind=SectionKind.EXPERIENCE)
    return tuple(out)


def _job_lines(lines: list[tuple[int, str]], today: date) -> list[int]:
    """The offsets of the lines that date a job: dates on a line naming a job ("04/2016 - 10/2017 Software
    Developer, Ascent"), or dates alone on the line under a short one naming it ("ML Engineer, Acme" / "2019 -
    2021"); for the latter, the title line's offset."""
    found = []
    above: tuple[int, str] | None = None
    for offset, line in lines:
        if not line.strip():
            continue
        if not _is_prose(line) and (spans := _spans_in_line(line, offset, today)):
            if _JOB.search(line):
                found.append(offset)
            elif (
                above is not None
                and _JOB.search(above[1])
                and _short_line(above[1])
                and not _beside(line, spans[0])
            ):
                found.append(above[0])
        above = (offset, line)
    return found


# --- years ----------------------------------------------------------------------------------------------------


def _merge(intervals: list[tuple[date, date]]) -> list[tuple[date, date]]:
    merged: list[tuple[date, date]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _months(start: date, end: date) -> float:
    return (end.year - start.year) * 12 + (end.month - start.month) + (end.day - start.day) / 30.4375


def _subtract(intervals: list[tuple[date, date]], cover: list[tuple[date, date]]) -> list[tuple[date, date]]:
    out: list[tuple[date, date]] = []
    for start, end in intervals:
        pieces = [(start, end)]
        for c_start, c_end in cover:
            next_pieces: list[tuple[date, date]] = []
            for p_start, p_end in pieces:
                if c_end <= p_start or c_start >= p_end:
                    next_pieces.append((p_start, p_end))
                    continue
                if p_start < c_start:
                    next_pieces.append((p_start, c_start))
                if c_end < p_end:
                    next_pieces.append((c_end, p_end))
            pieces = next_pieces
        out.extend(pieces)
    return out


@dataclass(frozen=True)
class Years:
    work: float  # merged full-time spans
    internship: float  # merged internship spans not covered by work, at full length
    stated: float | None
    dated: bool  # any dated position was found (even one that does not count)

    @property
    def total(self) -> float | None:
        """The stated figure when written, else the dated history; None when there is neither."""
        if self.stated is not None:
            return self.stated
        if not self.dated:
            return None
        return round(self.work + self.internship / 2, 2)


def compute_years(positions: tuple[Position, ...], stated: float | None) -> Years:
    work = _merge([(p.start, p.end) for p in positions if p.weight == 1.0])
    interns = _merge([(p.start, p.end) for p in positions if 0 < p.weight < 1.0])
    interns = _subtract(interns, work)
    work_years = sum(_months(a, b) for a, b in work) / 12
    intern_years = sum(_months(a, b) for a, b in interns) / 12
    return Years(round(work_years, 2), round(intern_years, 2), stated, bool(positions))


def _names_years(text: str) -> bool:
    """Whether ``text`` holds one of the _YEARS words in any case, which every stated total needs (for ASCII words
    other than i, k and s, which a case-insensitive pattern also matches to other letters, lower() decides)."""
    lowered = text.lower()
    return any(word in lowered for word in _YEARS)


_SHARED_TOTAL = _words(lx.SHARED_TOTAL_WORDS)
_GROUP_BEFORE = re.compile(
    rf"\b(?:{_alternation(lx.GROUP_WORDS)})\s+(?:of\s+\d+\s+)?(?:with|having|bringing)\s*$", re.IGNORECASE
)


def _others_total(text: str, match: re.Match[str]) -> bool:
    """A total that is not the person's: a team's or a company's ("a team of 12 with 60+ years of combined
    experience", "a firm with 25 years of experience")."""
    before = text[max(0, match.start() - 40) : match.start()]
    return _SHARED_TOTAL.search(match.group(0)) is not None or _GROUP_BEFORE.search(before) is not None


def find_stated_years(text: str, sections: tuple[Section, ...]) -> float | None:
    """A total the person states ("6+ years of experience", "Total Experience: 3 Year(s) 0 Month(s)", in other
    languages "4 años de experiencia", "sette anni di esperienza", "7 Jahre Berufserfahrung"), read from
    the summary and the text before the first heading only, where such totals are written (and, in a job posting,
    its requirements); a "Total Experience:" label anywhere. The largest figure found."""
    english = _names_years(text)
    if not english and _STATED_OTHER_YEARS.search(text) is None:  # each form names years: the patterns need not run
        return None
    best: float | None = None
    for match in _STATED_LABEL.finditer(text) if english else ():
        value = float(match.group("n")) + (int(match.group("m")) / 12 if match.group("m") else 0.0)
        if 0 < value <= 50 and (best is None or value > best):
            best = round(value, 2)
    for section in sections:
        if not (
            section.kind is SectionKind.SUMMARY
            or section.heading == ""
            or heading_key(section.heading) in REQUIREMENT_HEADINGS
        ):
            continue
        if section.kind is SectionKind.EXPERIENCE:
            continue
        forms = (*(_STATED_FORMS if _names_years(section.text) else ()), _STATED_OTHER)
        for match in (m for pattern in forms for m in pattern.finditer(section.text)):
            if _others_total(section.text, match):
                continue
            number = _lexicon_form(match.group("n"))
            value = float(lx.NUMBER_WORDS.get(number) or lx.NUMBER_WORDS_OTHER.get(number) or number.replace(",", "."))
            if match.groupdict().get("half"):
                value += 0.5
            if 0 < value <= 50 and (best is None or value > best):
                best = value
    return best
