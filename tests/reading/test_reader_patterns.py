"""The reader's pattern building and its cheap checks: the phrase alternation takes the longest phrase that matches
(whatever the case of its first letter) and is the same pattern in every process, every month and season name still
opens a date range after the date patterns' start look-ahead, the PDF stream check measures streams from their
``stream`` keyword only (a stream with a wrong checksum in full, nothing for a header zlib refuses), and the text
layer's character counts treat every kind of white space as space."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
import zlib
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gapcheck.errors import UnsafeDocumentError
from gapcheck.reading import Limits, read_resume, read_text
from gapcheck.reading import lexicon as lx
from gapcheck.reading.history import open_ranges, range_starts
from gapcheck.reading.limits import _WHITE_SPACE, bound_text
from gapcheck.reading.normalize import _SPACES, normalize_text
from gapcheck.reading.pdf import check_pdf_streams
from gapcheck.reading.phrases import alternation, require_subset, word_pattern
from gapcheck.reading.textlayer import TextLayer, page_is_blank

TODAY = date(2026, 11, 1)


@pytest.mark.parametrize(
    ("phrases", "text", "found"),
    [
        (("jan", "january", "june"), "January 2020", "January"),
        (("jan", "january", "june"), "Jan. 2020", "Jan"),
        (("Ab", "abc"), "ABCD", "ABC"),  # first letters differing in case share a group: still longest first
        (("a ce jour", "a", "au"), "a   ce jour", "a   ce jour"),  # spaces match any run of spaces
        (("& co", "+ more", "c++"), "C++ + more", "C++"),  # escaped first characters
    ],
)
def test_alternation_takes_the_longest_phrase(phrases: tuple[str, ...], text: str, found: str) -> None:
    match = re.compile(f"(?:{alternation(phrases)})", re.IGNORECASE).search(text)
    assert match is not None and match.group(0) == found


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_the_first_letters_look_ahead_keeps_every_match(flags: int) -> None:
    phrases = ("c++", "C#", "-based", "^up", "]x", "summer", "Sep", "ki", "in charge")
    text = "C++ c# -based ^UP ]x \u017fummer sep SEP \u212ai Kin in  charge, csharp b-based"
    plain = re.compile(f"(?:{alternation(phrases)})", flags)
    ahead = re.compile(alternation(phrases, look_ahead=True), flags)
    assert alternation(phrases, look_ahead=True).startswith("(?=[")
    assert [m.span() for m in ahead.finditer(text)] == [m.span() for m in plain.finditer(text)] != []
    assert alternation(("a", " "), look_ahead=True) == f"(?:{alternation(('a', ' '))})"  # a blank phrase: none


def test_word_pattern_matches_whole_words_only() -> None:
    pattern = word_pattern(("intern", "internship"))
    assert [m.group(0) for m in pattern.finditer("Intern, internships, co-intern, INTERNSHIP")] == [
        "Intern",
        "INTERNSHIP",
    ]


@pytest.mark.parametrize("name", sorted(lx.MONTH_NAMES))
def test_every_month_name_opens_and_closes_a_range(name: str) -> None:
    month = lx.MONTH_NAMES[name]
    for written in (name, name.title(), name.upper()):
        resume = read_text(f"Experience\nEngineer, Acme | {written} 2019 – {written} 2021\n", today=TODAY)
        assert [(p.start, p.end) for p in resume.positions] == [(date(2019, month, 1), date(2021, month, 1))]


@pytest.mark.parametrize("season", sorted(lx.SEASONS))
def test_every_season_opens_a_range(season: str) -> None:
    resume = read_text(f"Experience\nEngineer, Acme | {season.title()} 2019 – Present\n", today=TODAY)
    assert [p.start for p in resume.positions] == [date(2019, lx.SEASONS[season], 1)]


@pytest.mark.parametrize(
    ("line", "starts"),
    [
        ("Engineer | Jan 2020 – Present", [(2020, 1)]),
        ("Engineer | 2019-present", [(2019, 1)]),
        ("03/2018 to date", [(2018, 3)]),
        ("Mar 2021 ⇒ NOW", [(2021, 3)]),
        ("2017 – aujourd'hui; 2012 - 2016", [(2017, 1)]),
        ("Engineer | 2018 – 2020 (current role since 2021)", []),
        ("Phone 650-620-0912, available now", []),
    ],
)
def test_open_ranges_are_the_ranges_that_run_to_now(line: str, starts: list[tuple[int, int]]) -> None:
    assert [point for point, _year_only in open_ranges(line)] == starts
    assert starts == [point for point, _year_only, is_open in range_starts(line) if is_open]


def test_each_word_for_now_after_a_start_is_a_word_for_now() -> None:
    require_subset(lx.NOW_AFTER_WORDS, lx.NOW_WORDS, "NOW_AFTER_WORDS not in NOW_WORDS")  # as history checks on load
    with pytest.raises(ValueError, match="NOW_AFTER_WORDS not in NOW_WORDS: henceforth"):
        require_subset((*lx.NOW_AFTER_WORDS, "henceforth"), lx.NOW_WORDS, "NOW_AFTER_WORDS not in NOW_WORDS")
    for word in lx.NOW_AFTER_WORDS:
        assert [point for point, _year_only in open_ranges(f"Data Engineer, Acme | Sep 2020 {word}")] == [(2020, 9)]


def _cased(word: str) -> list[str]:
    """A word as a resume may write it, in each case, and with the letters a case-insensitive pattern takes for
    "i", "s" and "k" ("İN CORSO", "ſince")."""
    forms = [word, word.upper(), word.title(), word.capitalize()]
    return [*forms, *(form.replace("I", "\u0130").replace("i", "\u0131").replace("s", "\u017f") for form in forms)]


@pytest.mark.parametrize("now", sorted(lx.NOW_WORDS))
def test_an_open_range_ends_with_each_word_for_now_in_any_case(now: str) -> None:
    for form in _cased(now):
        line = f"Data Engineer, Acme | Mar 2021 \u2013 {form}"
        assert open_ranges(line) == [(point, year_only) for point, year_only, is_open in range_starts(line) if is_open]
        if form.isascii():
            assert open_ranges(line) == [((2021, 3), False)], line


def _pdf_object(number: int, body: bytes) -> bytes:
    return b"%d 0 obj\n<< /Length %d >>\nstream\n%s\nendstream\nendobj\n" % (number, len(body), body)


def test_stream_check_measures_each_stream_from_its_keyword() -> None:
    bodies = [b"BT /F1 12 Tf (x) Tj ET" * n for n in (1, 3, 7)]
    data = b"%PDF-1.4\n" + b"".join(_pdf_object(i, body) for i, body in enumerate(bodies, start=1)) + b"%%EOF\n"
    assert check_pdf_streams(data, "x.pdf", Limits()) == sum(len(body) + 1 for body in bodies)


def _flate_object(number: int, body: bytes) -> bytes:
    return b"%d 0 obj\n<< /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream\nendobj\n" % (
        number,
        len(body),
        body,
    )


def _wrong_checksum(inflated: bytes) -> bytes:
    """``inflated`` deflated in zlib's format, its Adler-32 trailer flipped (PDFium inflates such a stream all the
    same)."""
    packed = zlib.compress(inflated)
    return packed[:-4] + bytes(b ^ 0xFF for b in packed[-4:])


def test_stream_check_counts_a_stream_whose_checksum_is_wrong() -> None:
    bodies = [b"BT /F1 12 Tf (x) Tj ET\n" * n for n in (10, 300)]
    data = b"%PDF-1.4\n" + b"".join(_flate_object(i, _wrong_checksum(b)) for i, b in enumerate(bodies, 1)) + b"%%EOF\n"
    assert check_pdf_streams(data, "x.pdf", Limits()) == sum(map(len, bodies))


def test_stream_check_refuses_streams_past_the_total_whatever_their_checksums() -> None:
    stream = _wrong_checksum(b"0 0 m " * (150 * 1024))  # 900 KiB each: under the cap per stream
    data = b"%PDF-1.4\n" + b"".join(_flate_object(i, stream) for i in range(1, 21)) + b"%%EOF\n"
    with pytest.raises(UnsafeDocumentError, match="in all"):
        check_pdf_streams(data, "x.pdf", Limits())


@pytest.mark.parametrize("header", [b"x\x9d", b"y\x18", b"\x88\x98", b"x\xbb"])  # not /31, CM 9, window 64 KiB, FDICT
def test_stream_check_counts_nothing_for_a_header_zlib_refuses(header: bytes) -> None:
    body = header + zlib.compress(b"BT ET " * 500)[2:]
    data = b"%PDF-1.4\n" + _flate_object(1, body) + b"%%EOF\n"
    assert check_pdf_streams(data, "x.pdf", Limits()) == 0


@given(st.text(alphabet=st.sampled_from("ab\u00e9\ufffd\ue000.- \t\n\r\x0b\x0c\x1c\x85\xa0\u2028\u3000"), max_size=80))
def test_visible_characters_are_those_that_are_not_space(text: str) -> None:
    visible = [c for c in text if not c.isspace()]
    assert page_is_blank(text) == (len(visible) < 8)
    if len(visible) < 40:
        assert not TextLayer(text).is_garbage()  # too short to judge
    else:
        letters = sum(1 for c in visible if c.isalpha())
        bad = sum(1 for c in visible if c in "\ufffd\ue000")
        if bad / len(visible) > 0.2 or letters / len(visible) < 0.35:
            assert TextLayer(text).is_garbage()


@pytest.mark.parametrize(
    ("written", "start"),
    [
        ("\u017fummer 2019", date(2019, 6, 1)),  # long s: the case-insensitive patterns read it as "s"
        ("\u017fept 2019", date(2019, 9, 1)),
        ("G\u0131ugno 2019", date(2019, 6, 1)),  # dotless i
        ("APR\u0130L 2019", date(2019, 4, 1)),  # dotted capital I
    ],
)
def test_letters_the_patterns_fold_are_looked_up_too(written: str, start: date) -> None:
    resume = read_text(f"Experience\nEngineer, Acme | {written} – Present\n", today=TODAY)
    assert [p.start for p in resume.positions] == [start]


def test_a_number_word_with_a_long_s_is_read() -> None:
    resume = read_text("Summary\nEngineer with \u017fix years of experience.\n", today=TODAY)
    assert resume.years_stated == 6


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
_MANY_SYMBOLS = "".join(chr(code) for code in range(0x2190, 0x2190 + 100))  # more kinds than str.count is used for


@given(st.text(alphabet=st.sampled_from(f"ab\u00e9\u4e00\ufffd\ue000\x07\u0378.-2 \t\n\u3000{_MANY_SYMBOLS[::7]}")))
@settings(max_examples=300)
def test_a_text_layers_characters_are_counted_as_each_character_says(text: str) -> None:
    for sample in (text, text + _MANY_SYMBOLS):  # a few kinds of symbol (counted one by one), and many (a Counter)
        layer = TextLayer(sample)
        visible = [c for c in sample if not c.isspace()]
        bad = [c for c in visible if c == "\ufffd" or unicodedata.category(c) in ("Co", "Cn", "Cc", "Cs")]
        assert (layer.visible, layer.letters, layer.bad) == (len(visible), sum(c.isalpha() for c in visible), len(bad))


def test_a_pdfs_text_layer_is_counted_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from gapcheck.reading import textlayer

    counted: list[int] = []
    real = textlayer._count

    def counting(text: str, words: list[str]) -> tuple[int, int, int]:
        counted.append(len(text))
        return real(text, words)

    monkeypatch.setattr(textlayer, "_count", counting)
    resume = read_resume(FIXTURES / "one_column.pdf", today=date(2026, 11, 1))
    assert resume.pages and counted == [len(resume.text)]  # garbage and language judged on one count


def test_the_white_space_list_is_what_str_split_splits_at() -> None:
    assert set(_WHITE_SPACE) == {chr(code) for code in range(0x110000) if chr(code).isspace()}


def test_cleaning_turns_every_space_separator_into_a_space_but_oghams_drawn_one() -> None:
    separators = {chr(code) for code in range(0x110000) if unicodedata.category(chr(code)) == "Zs"}
    assert {chr(code) for code in _SPACES} == separators - {" ", "\u1680"}
    assert normalize_text("a\u00a0b\u2007c\u3000d\u1680e") == "a b c d\u1680e"


@pytest.mark.parametrize("space", [" ", "\n", "\t", "\u3000", "\x85"])
def test_a_long_run_of_white_space_is_cut_like_any_run(space: str) -> None:
    limits = Limits(max_run_chars=10)
    assert bound_text(f"a{space * 25}b c", limits) == f"a{space * 10}b c"  # every word is shorter than the cap
    assert bound_text(f"a{space * 10}b", limits) == f"a{space * 10}b"


@pytest.mark.parametrize(
    ("summary", "years"),
    [("8+ YEARS OF EXPERIENCE in ML", 8.0), ("Over 6 Yrs of experience", 6.0), ("Total Experience: 3 Year(s)", 3.0)],
)
def test_a_stated_total_is_read_in_any_case(summary: str, years: float) -> None:
    resume = read_text(f"Jane Doe\n\nSummary\n{summary}\n\nSkills\nPython", today=TODAY)
    assert resume.years_stated == years


def test_every_stated_years_word_is_folded_by_lower_as_the_patterns_fold_it() -> None:
    from gapcheck.reading import history

    assert all(word.isascii() and word.islower() and not set(word) & set("iks") for word in history._YEARS)


@given(st.lists(st.sampled_from([*"aZ2 \t\n*`_,;:.|()·•-–#", "3 years", "yrs"])).map("".join))
def test_each_title_cleanup_needs_one_of_its_characters(text: str) -> None:
    from gapcheck.reading import history

    for pattern, _replacement, needs in history._CLEANUPS:
        for match in pattern.finditer(text):
            assert not needs or any(char in match.group(0) for char in needs), (pattern.pattern, match.group(0))


_LINE_STARTS = ("", "- ", "• ", "## ", "**", "1. ", "II. ", "[", "— ", "🏫 ")
_LINE_ENDS = (": Python, SQL", " Python, SQL", "** Senior Engineer, Acme", " M.S. in Statistics", ":")


@pytest.mark.parametrize("kind", sorted(lx.HEADING_PHRASES))
def test_the_quick_heading_test_passes_every_line_a_heading_opens(kind: str) -> None:
    """A line that _run_in or _side_heading finds a heading at the start of passes _may_open_with_heading (the
    test that passes over the other lines), for every heading phrase, in each case, after each decoration."""
    from gapcheck.reading.model import SectionKind
    from gapcheck.reading.sections import _may_open_with_heading, _run_in, _side_heading, strip_glyphs

    found = 0
    for phrase in lx.HEADING_PHRASES[kind]:
        for form in {phrase, phrase.upper(), phrase.title()}:
            for start in _LINE_STARTS:
                for end in _LINE_ENDS:
                    stripped = strip_glyphs(f"{start}{form}{end}".strip())
                    for current in (SectionKind.OTHER, SectionKind.EXPERIENCE):
                        heading = _run_in(stripped, current, True) or _side_heading(
                            stripped, current, True, frozenset(), True
                        )
                        if heading is not None:
                            found += 1
                            assert _may_open_with_heading(stripped), stripped
    assert found > len(lx.HEADING_PHRASES[kind])  # the lines tried hold headings


def test_no_step_of_cleaning_makes_a_character_its_earlier_patterns_remove() -> None:
    """normalize_text runs the patterns of _SPECIAL_PATTERNS only for the classes found in the text as given: NFC,
    the one step between them that could, maps no other character onto one of theirs."""
    from gapcheck.reading.normalize import _SPECIAL, _SPECIAL_PATTERNS

    assert all(p.pattern.startswith("[") and p.pattern.endswith("]") for p in _SPECIAL_PATTERNS)  # one class each
    made = [
        code
        for code in range(0x110000)
        if not 0xD800 <= code <= 0xDFFF
        and not _SPECIAL.match(chr(code))
        and _SPECIAL.search(unicodedata.normalize("NFC", chr(code)))
    ]
    assert made == []
    text = "a\u00a0b\u200bc\x01d\ue000e\ud800f"
    assert normalize_text(text) == "a bcd e\ufffdf"  # each class found and cleaned


def test_an_alternation_is_the_same_pattern_in_every_process() -> None:
    """Phrases of one length are ordered by their text, not by the set's order, which changes with the hash seed."""
    code = "from gapcheck.reading.phrases import alternation; print(alternation([f'w{n:03}' for n in range(200)]))"
    patterns = {
        subprocess.run(
            [sys.executable, "-c", code], env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(patterns) == 1 and "199" in next(iter(patterns))
