"""When a resume was written: what its "Present" means.

Three witnesses, the most plausible taken:
- the file's own date: a PDF's ModDate (else CreationDate), a DOCX's docProps/core.xml ``modified`` (else
  ``created``), when it lies between 1990 and today;
- the latest date written in the text (a month and year, or a year alone on a short line), leaving out dates
  marked as not reached yet ("Expected May 2026");
- today, when neither is known.
A date the resume gives itself beats all three: "As of 2025.06.01" or "Last updated: March 2025" on a short line,
or a closing "Augsburg, 15.09.2025" (a place and a day, as German and French resumes are signed), and so does a
length written after an open range ("Jan 2022 – Present (4 yrs 5 mos)": counted to May 2026, as LinkedIn counts).
Otherwise the file's date is taken unless the text holds a date more than a year after it (then the file's date is an
old template's) or the file is dated more than four years after the last date in the text (a re-export or
recompile of an old resume: then the text's last date plus eighteen months, and never after the file's date).
Without a file date the text's latest date is taken, or a year after it (never after today, and with a
warning) when it is the start of the current job: a resume is written some time into its last job, and the two
real resumes without a file date were written 4 and 13 months after theirs. Whichever is taken, a date the text
marks as still to come ("Expected May 2026", "Aug 2025 – May 2027 (expected)") and no date before it is later than
is the latest the resume can have been written: a student's file saved again after graduating stays as of then.
The latest date written includes the short forms a range reads ("'23 – '24", "06/19 – 08/21"). ``--today``
overrides all.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date

from gapcheck.reading import lexicon as lx
from gapcheck.reading.history import (
    DATE_POINT,
    YEAR,
    YEAR2,
    date_lines,
    is_bullet,
    located_date_lines,
    located_range_ends,
    open_range_lengths,
    open_ranges,
    point_of,
    range_points,
    range_starts,
    table_row_with_dates,
    year_of,
)
from gapcheck.reading.model import DateSource, Section, SectionKind
from gapcheck.reading.phrases import alternation, word_pattern

_FUTURE = word_pattern(lx.FUTURE_WORDS)
_EXPECTED = word_pattern(lx.EXPECTED_WORDS)
_EXPECTED_HINT = re.compile("|".join(sorted({re.escape(w[:3]) for w in lx.EXPECTED_WORDS})), re.IGNORECASE)
_EXPECTED_NEAR = 20  # characters at most between a word for "expected" and the date it marks
_WRITTEN_ON = re.compile(
    rf"(?:^\W*|\s[·|•–—]\s*)(?:{alternation(lx.WRITTEN_ON_WORDS)})\b\s*[:.,·|•–—-]?\s*", re.IGNORECASE
)
_DAY_AFTER = re.compile(r"[./-]\d{1,2}")  # "2025.06.01": the day after a year and month
_DAY = rf"\d{{1,2}}(?:{'|'.join(lx.DAY_ENDINGS)})?\.?\s+"  # "3 ", "15th ", "1er "
_DAY_BEFORE = re.compile(rf"[\s.,]*(?:{_DAY})?")  # "As of 15 September 2025"
# a closing place and a full day: "Augsburg, 15.09.2025", "Hamburg, den 15.11.2021", "Paris, le 3 mars 2024"
_SIGNED = re.compile(
    rf"^\s*[A-ZÀ-Þ][\w.'’ -]{{1,40}},\s*(?:(?:{'|'.join(lx.SIGNED_DAY_WORDS)})\s+)?"
    rf"(?=[0-3]?\d[./][01]?\d[./]\d{{4}}\b|{_DAY}[^\W\d])"
)
# a year's last two digits after an apostrophe or a slash, or a Roman month: a range may name a date there that
# DATE_POINT does not read alone
_SHORT_YEAR = re.compile(r"['’‘/]\d\d(?![\d/])|(?<![\w.])(?-i:[IVX]+)[\s./-]\d")
_STALE_MONTHS = 48  # a file dated this long after its text's last date was re-exported, not rewritten
_LAST_ENTRY_MONTHS = 18  # then the resume is read as written this long after its last date
_OPEN_START_MONTHS = 12  # no file date and the last date starts the current job: read as written a year later
_EARLIEST = date(1990, 1, 1)


@dataclass(frozen=True)
class WrittenDate:
    when: date  # the first of a month
    source: DateSource
    note: str = ""  # a warning when the witnesses disagree


def written_date(
    text: str, sections: tuple[Section, ...], file_date: date | None, today: date | None, clock: date
) -> WrittenDate:
    """``today``: the caller's --today (wins); ``clock``: the real date, an upper bound for every witness."""
    if today is not None:
        return WrittenDate(today, DateSource.GIVEN)
    located = located_date_lines(text)  # found once, for the stated date, the latest date and the open ranges
    lines = [line for _, line in located]
    own = stated_written_date(lines, clock) or counted_written_date(lines, clock)
    if own is not None:
        return WrittenDate(own, DateSource.TEXT)
    latest = latest_text_date(text, sections, clock, located)
    found = _witnessed(lines, latest, file_date, clock)
    bound = expected_bound(lines)
    if bound is not None and bound < found.when and (latest is None or latest <= bound):
        note = f"'Present' read as {bound:%Y-%m}: the resume gives that date as still to come"
        return WrittenDate(bound, DateSource.TEXT, note)
    return found


def _witnessed(lines: list[str], latest: date | None, file_date: date | None, clock: date) -> WrittenDate:
    """The written date from the file's date, the text's latest date and today (see the module's docstring)."""
    if file_date is not None and not (_EARLIEST <= file_date <= clock):
        file_date = None
    if file_date is not None:
        month = date(file_date.year, file_date.month, 1)
        if latest is not None and _months(month, latest) > 12:
            return WrittenDate(latest, DateSource.TEXT, "the file's own date is older than dates written in it")
        if latest is not None and _months(latest, month) > _STALE_MONTHS:
            guess = _add_months(latest, _LAST_ENTRY_MONTHS)
            return WrittenDate(
                min(guess, month),
                DateSource.TEXT,
                f"the file is dated {month:%Y-%m}, years after the last date written in it; "
                f"'Present' read as {min(guess, month):%Y-%m}",
            )
        return WrittenDate(month, DateSource.FILE)
    if latest is not None:
        if latest in _open_starts(lines, clock):  # the last date is when the current job began: written some time after
            guess = min(_add_months(latest, _OPEN_START_MONTHS), date(clock.year, clock.month, 1))
            note = f"'Present' read as {guess:%Y-%m}: a year after the last date written (no file date)"
            return WrittenDate(guess, DateSource.TEXT, note)
        return WrittenDate(latest, DateSource.TEXT)
    # the month, as every other source gives it: years read today do not change from one day of a month to the next
    return WrittenDate(date(clock.year, clock.month, 1), DateSource.TODAY)


def counted_written_date(lines: list[str], clock: date) -> date | None:
    """The month a length written after an open range was counted to ("Jan 2022 – Present (4 yrs 5 mos)", as
    LinkedIn writes it, counting both the first and the last month: May 2026); the latest such, none after the real
    date or before a range the text lists begins."""
    found: date | None = None
    for line in lines:
        for (year, month), months in open_range_lengths(line):
            counted = _add_months(date(year, month, 1), months - 1)
            if _EARLIEST <= counted <= clock and (found is None or counted > found):
                found = counted
    if found is not None and any(
        point > (found.year, found.month) for line in lines for point, _, _ in range_starts(line)
    ):
        return None
    return found


def expected_bound(lines: list[str]) -> date | None:
    """The earliest date the text marks as still to come beside a word such as "expected" ("Expected May 2026",
    "Aug 2025 – May 2027 (expected)", "2021. 03 – present (expected 2026. 02)"), on a short line that is no
    bullet's sentence: the resume was written before it. A year alone reads as its December. None when none."""
    bound: date | None = None
    for line in lines:
        if _EXPECTED_HINT.search(line) is None or len(line.split()) > 20 or is_bullet(line.lstrip()):
            continue
        words = [(m.start(), m.end()) for m in _EXPECTED.finditer(line)]
        if not words:
            continue
        dates = [(m.start(), m.end(), *found) for m in DATE_POINT.finditer(line) if (found := point_of(m)) is not None]
        dates.extend(located_range_ends(line))
        near = [
            (point[0], 12) if year_only else point
            for begin, end, point, year_only in dates
            if any(0 <= a - end <= _EXPECTED_NEAR or 0 <= begin - b <= _EXPECTED_NEAR for a, b in words)
        ]
        if near and _plausible(max(near)):
            marked = date(*max(near), 1)
            bound = marked if bound is None else min(bound, marked)
    return bound


def _plausible(point: tuple[int, int]) -> bool:
    return point[0] >= _EARLIEST.year and 1 <= point[1] <= 12


def stated_written_date(lines: list[str], clock: date) -> date | None:
    """The date a resume gives itself on a short line (of ``lines``, the text's ``history.date_lines``): after a
    word such as "As of" or "Last updated", or a day after a place ("Augsburg, 15.09.2025"); the last such line
    wins. None when there is none, when it lies after the real date, or before the start of a range the text
    lists."""
    found: date | None = None
    for line in lines:
        if len(line.split()) > 10:
            continue
        lead = _WRITTEN_ON.search(line) or _SIGNED.match(line)
        if lead is None:
            continue
        match = DATE_POINT.search(line, lead.end())
        if match is None or not _DAY_BEFORE.fullmatch(line[lead.end() : match.start()]):
            continue
        rest = line[match.end() :]
        if (day := _DAY_AFTER.match(rest)) is not None:
            rest = rest[day.end() :]
        if rest.strip(" .)"):
            continue
        point = point_of(match)
        if point is None or point[1] or (point[0][0], point[0][1]) > (clock.year, clock.month):
            continue
        if point[0][0] >= _EARLIEST.year:
            found = date(point[0][0], point[0][1], 1)
    if found is not None and any(
        point > (found.year, found.month) for line in lines for point, _, _ in range_starts(line)
    ):
        return None  # written before a job it lists began: a date of birth or of a degree, not of the resume
    return found


def _open_starts(lines: list[str], clock: date) -> set[date]:
    """The month each open range ("2018 - Present", "Mar 2024 - now") starts, a year alone read as
    latest_text_date reads it, so that it compares with the latest date."""
    months = (_month_of(point, year_only, clock) for line in lines for point, year_only in open_ranges(line))
    return {date(year, month, 1) for year, month in months}


def latest_text_date(
    text: str, sections: tuple[Section, ...], clock: date, located: list[tuple[int, str]] | None = None
) -> date | None:
    """The latest month written in the text, up to the real date; a year alone counts as its June (a year
    written alone is the year of something already done; its month is unknown). Under education only the
    starts of ranges count: a course of study's end is often still to come ("April 2022 - Dec 2025").
    ``located``: the text's ``history.located_date_lines``, when found already."""
    best: tuple[int, int] | None = None
    now = (clock.year, clock.month)
    starts = None if located is None else [start for start, _ in located]
    for section in sections or (Section(SectionKind.OTHER, "", 0, len(text), text),):
        education = section.kind is SectionKind.EDUCATION
        for line in _section_lines(text, section, located, starts):
            short = not education and _SHORT_YEAR.search(line) is not None  # "'23 – '24", "06/19 – 08/21"
            if not education and not short and best is not None and _latest_year(line) < best[0]:
                continue  # no date of the line can be later than the latest found
            if (len(line.split()) > 30 and not table_row_with_dates(line)) or _FUTURE.search(line):
                continue
            if education:
                points = [(point, year_only) for point, year_only, _open in range_starts(line)]
            else:
                points = [found for match in DATE_POINT.finditer(line) if (found := point_of(match)) is not None]
                if short:  # a range of short forms: read as a range reads them
                    points.extend(range_points(line))
            best = _later(best, points, now, clock)
    return None if best is None else date(best[0], best[1], 1)


def _section_lines(
    text: str, section: Section, located: list[tuple[int, str]] | None, starts: list[int] | None
) -> list[str]:
    """``date_lines(section.text)``: of the text's ``located`` date lines (``starts``: their offsets), those that
    start in the section, when it starts and ends at line breaks (as split_sections makes them); else found."""
    begin, end = section.start, section.end
    if (
        located is None
        or starts is None
        or (begin > 0 and text[begin - 1 : begin] != "\n")
        or (end < len(text) and text[end - 1 : end] != "\n")
    ):
        return date_lines(section.text)
    return [line for _, line in located[bisect_left(starts, begin) : bisect_left(starts, end)]]


# Every place DATE_POINT may read a year (a full one, or "'19"), overlapping ones too: the latest year of a line is
# at most the largest of them. Under education the ranges' short forms ("06/19") read other years: read in full.
_ANY_YEAR = re.compile(rf"(?=({YEAR}|{YEAR2}))")


def _latest_year(line: str) -> int:
    """The largest year a date of ``line`` (a DATE_POINT match) can name; 0 when none can."""
    return max(map(year_of, _ANY_YEAR.findall(line)), default=0)


def _later(
    best: tuple[int, int] | None, points: list[tuple[tuple[int, int], bool]], now: tuple[int, int], clock: date
) -> tuple[int, int] | None:
    for found, year_only in points:
        point = _month_of(found, year_only, clock)
        if point > now or point[0] < _EARLIEST.year:
            continue
        if best is None or point > best:
            best = point
    return best


def _month_of(point: tuple[int, int], year_only: bool, clock: date) -> tuple[int, int]:
    """A year written alone counts as its June, or January in the current year (its month is unknown)."""
    if not year_only:
        return point
    return (point[0], 6) if point[0] < clock.year else (point[0], 1)


def _months(a: date, b: date) -> int:
    return (b.year - a.year) * 12 + b.month - a.month


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)
