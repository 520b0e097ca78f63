"""Work history: date ranges in experience sections become positions; positions become years.

Date forms read: ``Jan 2020``, ``January 2019``, ``Sep. 2023``, ``Jan '20``, ``03/2018``, ``3-2018``,
``2018-03``, ``2018``, ``Summer 2019`` (a season alone is a three-month span), ranges joined by ``-``, en or
em dash or ``to``/``until``/``through``, ``June - August 2017`` (year written once), ends of ``Present``,
``Current``, ``Now``, ``Today``, ``Ongoing``, ``Date``, and ``Since 2021``. Months count as in LinkedIn's
"3 years, 10 months": the difference of (year, month), so ``Jan 2020 - Mar 2020`` is 2 months and a year
alone means January. Only experience sections hold work: dates under education, projects and the rest are
not work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from gapcheck.reading.model import Position, PositionKind, Section, SectionKind
from gapcheck.reading.sections import REQUIREMENT_HEADINGS, heading_key, iter_lines

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_YEAR = r"(?:19[6-9]\d|20[0-9]\d)"
_YEAR2 = r"(?:'\d\d)"
_NOW = r"(?:present|current(?:ly)?|now|today|ongoing|to\s+date|date)"
_POINT = (
    rf"(?:(?P<{{p}}mon>{_MONTH}),?\s*(?P<{{p}}my>{_YEAR}|{_YEAR2})"
    rf"|(?P<{{p}}sea>{_SEASON}),?\s*(?P<{{p}}sy>{_YEAR})"
    rf"|(?P<{{p}}mm>0?[1-9]|1[0-2])\s*[/.-]\s*(?P<{{p}}mmy>{_YEAR})"
    rf"|(?P<{{p}}ym>{_YEAR})\s*[/-]\s*(?P<{{p}}ymm>0[1-9]|1[0-2])(?![\d/])"
    rf"|(?P<{{p}}y>{_YEAR}))"
)
_SEP = r"\s*(?:[-–—‒―~\u2010\u2011\u2212]+|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b)\s*"
_RANGE = re.compile(
    rf"(?<![\w/.-])(?:"
    rf"(?P<m1>{_MONTH})\s*{_SEP}(?P<m2>{_MONTH}),?\s*(?P<my>{_YEAR})"  # June - August 2017
    rf"|{_POINT.format(p='a')}{_SEP}(?:{_POINT.format(p='b')}|(?P<now>{_NOW}))"
    rf")(?![\w/])",
    re.IGNORECASE,
)
_SINCE = re.compile(rf"\bsince\s+{_POINT.format(p='a')}(?![\w/])", re.IGNORECASE)
_SEASON_ALONE = re.compile(
    rf"(?<![\w-])(?P<sea>{_SEASON}),?\s*(?P<sy>{_YEAR})(?P<more>(?:\s*(?:,|and|&)\s*{_YEAR})*)(?![\w/])",
    re.IGNORECASE,
)

_INTERN = re.compile(
    r"\b(?:interns?|internship|co-?op|coop|teaching\s+(?:assistant|asst\.?|fellow)|research\s+(?:assistant|asst\.?)"
    r"|graduate\s+(?:research\s+|teaching\s+)?assistant|student\s+(?:assistant|researcher)"
    r"|undergraduate\s+research(?:er)?|trainee|apprentice(?:ship)?|summer\s+(?:analyst|associate)|werkstudent)\b",
    re.IGNORECASE,
)
_ACADEMIC_RESEARCHER = re.compile(
    r"\bresearcher\b.*\b(?:lab|laboratory|university|college|institute|school|group)\b"
    r"|\b(?:lab|laboratory|university|college|institute|school|group)\b.*\bresearcher\b",
    re.IGNORECASE,
)
# Jobs outside professional work: listed as positions but not counted in the years.
_NOT_PROFESSIONAL = re.compile(
    r"\b(?:kitchen|(?:line|prep)\s+cook|(?:delivery|truck|bus|taxi)\s+driver|food\s+delivery|cashier|barista|waiter"
    r"|waitress|busser|dishwasher|hostess|(?:retail|grocery|store|sales)\s+(?:associate|clerk|assistant|worker)"
    r"|superette|dining\s+(?:service|hall)s?|crew\s+member|lifeguard|babysitter|nanny"
    r"|shift\s+(?:supervisor|lead|manager)|student\s+worker|club|volunteer(?:ing)?"
    r"|open[\s-]+source\s+contributor|student\s+[\w\s]{0,30}project|programming\s+member"
    r"|warehouse\s+(?:associate|worker|operative)|janitor|custodial|housekeeping|landscaping|farm\s+hand)\b",
    re.IGNORECASE,
)
_INTERN_CASE = re.compile(r"\b(?:TA|RA|GTA|GRA)\b")
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20,
}  # fmt: skip
_STATED = re.compile(
    r"(?:over|more\s+than|nearly|almost|about|around)?\s*"
    r"(?P<n>\b\d{1,2}(?:\.\d)?|\b(?:" + "|".join(_NUMBER_WORDS) + r"))\s*\+?\s*(?:years?|yrs?)\b"
    r"(?:\s+(?:of|in))?(?P<gap>(?:\s+[\w/&.-]+){0,4}?)\s+(?:experience|expertise)\b",
    re.IGNORECASE,
)
_BULLET_START = tuple("•·▪■●◆◇★☆►▶✦✧◦‣⁃○")
_DASH_BULLET = re.compile(r"[-–—*+](?:\s|$)")  # "- item", "* item"; not "**Bold**" nor "-5%"


def _is_bullet(line: str) -> bool:
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


def find_positions(text: str, sections: tuple[Section, ...], today: date) -> tuple[Position, ...]:
    positions: list[Position] = []
    for section in sections:
        if section.kind is not SectionKind.EXPERIENCE:
            continue
        spans: list[tuple[_Span, int, str]] = []  # span, entry start, title
        previous: tuple[int, str] | None = None
        lines = list(iter_lines(text, section.start, section.end))
        following: dict[int, str] = {}
        for index, (offset, line) in enumerate(lines):
            if index == 0:
                line = _without_heading(line, section.heading)
                offset = offset + len(lines[0][1]) - len(line)
            if _is_prose(line):
                previous = (offset, line)
                continue
            for span in _spans_in_line(line, offset, today):
                entry_start, title = _title(line, offset, span, previous, spans)
                spans.append((span, entry_start, title))
                following[len(spans) - 1] = _short_line(lines[index + 1][1]) if index + 1 < len(lines) else ""
            previous = (offset, line) if index > 0 else None
        for index, (span, entry_start, title) in enumerate(spans):
            entry_end = section.end
            for _span, later_start, _entry_title in spans[index + 1 :]:
                if later_start > entry_start:
                    entry_end = later_start
                    break
            start = date(span.start[0], span.start[1], 1)
            end = date(span.end[0], span.end[1], 1)
            if span.current:
                end = max(start, today)
            end = min(end, max(start, today))  # a range ending after the reference date counts up to it
            months = round(max(0.0, _months(start, end)), 2)
            below = following.get(index, "")
            if not title and below:  # dates on a line of their own, the title under them
                title = _clean(below)
            internship = span.season or _is_internship(title) or _is_internship(below)
            kind = PositionKind.INTERNSHIP if internship else PositionKind.WORK
            professional = _NOT_PROFESSIONAL.search(f"{title}\n{below}") is None
            positions.append(
                Position(title, start, end, span.current, kind, months, entry_start, entry_end, professional)
            )
    return tuple(positions)


def _spans_in_line(line: str, offset: int, today: date) -> list[_Span]:
    found: list[_Span] = []
    taken: list[tuple[int, int]] = []
    for match in _RANGE.finditer(line):
        span = _range_span(match, offset, today)
        if span is not None:
            found.append(span)
            taken.append(match.span())
    for match in _SINCE.finditer(line):
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
        month = _SEASONS[match.group("sea").lower()]
        for year in years:
            end = (year + (month + 2) // 12, (month + 2) % 12 + 1) if month + 3 > 12 else (year, month + 3)
            found.append(_Span((year, month), end, False, offset, match.start(), match.end(), season=True))
    return found


def _range_span(match: re.Match[str], offset: int, today: date) -> _Span | None:
    now = (today.year, today.month)
    if match.group("m1"):
        year = int(match.group("my"))
        start = (year, _month(match.group("m1")))
        end = (year, _month(match.group("m2")))
        if end < start:
            start = (year - 1, start[1])
        return _Span(start, end, False, offset, match.start(), match.end())
    first = _point(match, "a")
    if first is None:
        return None
    if match.group("now"):
        if first > now:
            return None
        return _Span(first, now, True, offset, match.start(), match.end())
    second = _point(match, "b")
    if second is None:
        return None
    if second < first or first > now or first[0] < second[0] - 60:
        return None
    return _Span(first, second, False, offset, match.start(), match.end())


def _point(match: re.Match[str], p: str) -> tuple[int, int] | None:
    g = match.group
    if g(f"{p}mon"):
        return _year(g(f"{p}my")), _month(g(f"{p}mon"))
    if g(f"{p}sea"):
        return int(g(f"{p}sy")), _SEASONS[g(f"{p}sea").lower()]
    if g(f"{p}mm"):
        return int(g(f"{p}mmy")), int(g(f"{p}mm"))
    if g(f"{p}ym"):
        return int(g(f"{p}ym")), int(g(f"{p}ymm"))
    if g(f"{p}y"):
        return int(g(f"{p}y")), 1
    return None


def _year(text: str) -> int:
    if text.startswith("'"):
        two = int(text[1:])
        return 2000 + two if two < 70 else 1900 + two
    return int(text)


def _month(text: str) -> int:
    return _MONTHS[text.lower()[:3]]


def _title(
    line: str, offset: int, span: _Span, previous: tuple[int, str] | None, spans: list[tuple[_Span, int, str]]
) -> tuple[int, str]:
    """The entry's title/organization: the date line without its dates, plus the line above it when that
    line looks like a heading of the same entry (short, not a bullet, no dates of its own, no full stop)."""
    own = _clean(line[: span.match_start] + " " + line[span.match_end :])
    own = _RANGE.sub(" ", own)
    own = _clean(own)
    if spans and spans[-1][0].line_offset == offset:  # second range on the same line
        return spans[-1][1], spans[-1][2]
    if previous is not None:
        prev_offset, prev_line = previous
        prev = prev_line.strip()
        taken = spans and spans[-1][0].line_offset == prev_offset
        if (
            prev
            and not taken
            and not _is_bullet(prev)
            and len(prev.split()) <= (10 if own else 16)
            and not prev.endswith((".", ",", ";"))
            and not prev.startswith("(")
            and not prev[0].islower()
            and not _RANGE.search(prev)
        ):
            return prev_offset, _clean(f"{prev.strip('➤►▶ ')} — {own}" if own else prev.strip("➤►▶ "))
    return offset, own


def _clean(text: str) -> str:
    text = re.sub(r"[*`]+|(?<!\w)_+|_+(?!\w)", " ", text)  # Markdown emphasis
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\(\s*\d+\s*(?:years?|yrs?|months?|mos?)\b[^)]*\)", " ", text, flags=re.IGNORECASE)
    text = re.sub(r"\s+([,;:.])", r"\1", text)
    text = re.sub(r"([,;:.|])(?:\s*\1)+", r"\1", text)  # "Express,, Sulphur", "University. ."
    text = re.sub(r"^[\s•·▪■●◆◇★☆➤►▶✦✧*◦‣⁃○-]+", "", text)
    text = re.sub(r"(?:\s*[|,·•]\s*)+$", "", text)
    text = re.sub(r"^(?:\s*[|,·•]\s*)+", "", text)
    text = re.sub(r"\(\s*\)", "", text)
    return text.strip(" -–—|,;\t")


def _is_prose(line: str) -> bool:
    """A sentence, not an entry's heading line: dates in it ("migrated 40 services in 2019-2020") are not a
    position of their own."""
    stripped = line.strip()
    words = len(stripped.split())
    return words > 25 or (_is_bullet(stripped) and words > 12)


def _short_line(line: str) -> str:
    """The line after a date line, when it is a short non-bullet line (a title written below the dates)."""
    stripped = line.strip()
    if not stripped or _is_bullet(stripped) or len(stripped.split()) > 6:
        return ""
    return stripped


def _without_heading(line: str, heading: str) -> str:
    """The first line of a section without its run-in heading ("EXPERIENCE Software Engineer ...")."""
    at = line.find(heading) if heading else -1
    if at < 0 or at > 4:
        return line if not heading else ""
    rest = line[at + len(heading) :].lstrip(" :|-–—")
    return rest


def _is_internship(title: str) -> bool:
    if _ACADEMIC_RESEARCHER.search(title):
        return True
    if _INTERN.search(title):
        return True
    return _INTERN_CASE.search(title) is not None  # "Math TA": capitals only, "ta"/"ra" are ordinary letters


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
    counted = [p for p in positions if p.professional]
    work = _merge([(p.start, p.end) for p in counted if p.kind is PositionKind.WORK])
    interns = _merge([(p.start, p.end) for p in counted if p.kind is PositionKind.INTERNSHIP])
    interns = _subtract(interns, work)
    work_years = sum(_months(a, b) for a, b in work) / 12
    intern_years = sum(_months(a, b) for a, b in interns) / 12
    return Years(round(work_years, 2), round(intern_years, 2), stated, bool(positions))


def find_stated_years(text: str, sections: tuple[Section, ...]) -> float | None:
    """A total the person states ("6+ years of experience"), read from the summary and the text before the
    first heading only, where such totals are written (and, in a job posting, its requirements); the largest
    figure found."""
    best: float | None = None
    for section in sections:
        if not (
            section.kind is SectionKind.SUMMARY
            or section.heading == ""
            or heading_key(section.heading) in REQUIREMENT_HEADINGS
        ):
            continue
        for match in _STATED.finditer(section.text):
            number = match.group("n").lower()
            value = float(_NUMBER_WORDS.get(number, 0) or number)
            if 0 < value <= 50 and (best is None or value > best):
                best = value
    return best
