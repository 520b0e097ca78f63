"""Dates as resumes in other languages and other habits write them: month names and words for "present" in Polish,
Swedish, Turkish, Indonesian, Romanian, Spanish and Portuguese with their articles, French and Italian; "(current)"
and "onwards" after a start, "2019.3", Korean, Japanese and Chinese forms, a season over two years, a dash and a word
or a bar between the ends. Each line is a job's whole date line under its title. And totals stated in those
languages ("4 años de experiencia")."""

from __future__ import annotations

from datetime import date

import pytest

from gapcheck.reading import read_text

TODAY = date(2025, 6, 1)
NOW = "2025-06"


def span(dates: str) -> list[tuple[str, str]]:
    text = f"Experience\nMachine Learning Engineer, Acme Corp\n{dates}\n- Built models\n"
    return [(f"{p.start:%Y-%m}", f"{p.end:%Y-%m}") for p in read_text(text, today=TODAY).positions]


@pytest.mark.parametrize(
    ("dates", "start", "end"),
    [
        ("marzo de 2020 – actualidad", "2020-03", NOW),  # Spanish: "de" between month and year
        ("septiembre del 2019 - a la fecha", "2019-09", NOW),
        ("Setembro de 2019 - o momento", "2019-09", NOW),  # Portuguese
        ("março 2020 – até o momento", "2020-03", NOW),
        ("wrzesień 2020 – obecnie", "2020-09", NOW),  # Polish: the name, its genitive, an abbreviation
        ("września 2019 - czerwca 2022", "2019-09", "2022-06"),
        ("paź 2020 - lis 2022", "2020-10", "2022-11"),
        ("augusti 2020 – nuvarande", "2020-08", NOW),  # Swedish
        ("okt 2020 – maj 2022", "2020-10", "2022-05"),
        ("mars 2020 - idag", "2020-03", NOW),
        ("Eylül 2020 – Günümüz", "2020-09", NOW),  # Turkish, with and without its letters
        ("Şubat 2019 - Ağustos 2022", "2019-02", "2022-08"),
        ("KASIM 2019 - Mayıs 2022", "2019-11", "2022-05"),
        ("09/2020 - Hâlen", "2020-09", NOW),
        ("Agustus 2020 - Saat ini", "2020-08", NOW),  # Indonesian
        ("Okt 2019 s/d Des 2022", "2019-10", "2022-12"),
        ("Mei 2019 - Sekarang", "2019-05", NOW),
        ("septembrie 2019 - în prezent", "2019-09", NOW),  # Romanian
        ("martie 2019 - octombrie 2022", "2019-03", "2022-10"),
        ("Sep 2020 (current)", "2020-09", NOW),  # "(current)" after the start, with or without a dash
        ("Sep 2020 – (Present)", "2020-09", NOW),
        ("Winter 2024/25", "2024-12", "2025-03"),  # a season over two years
        ("Sep ’19 – Dec ’21", "2019-09", "2021-12"),  # a year's last digits after a curly apostrophe
        ("09/2020 – bis heute", "2020-09", NOW),  # a dash and a word for "to"
        ("septembre 2020 – à présent", "2020-09", NOW),  # French, Italian, German/Danish words for "now"
        ("settembre 2020 – tuttora", "2020-09", NOW),
        ("09/2020 – dato", "2020-09", NOW),
        ("Sep 2020 – Pres.", "2020-09", NOW),  # abbreviated
        ("Sep 2020 – up to present", "2020-09", NOW),
        ("Sep 2020 – Continuing", "2020-09", NOW),
        ("Sep 2020 onwards", "2020-09", NOW),  # after the start, with or without a dash
        ("Sep 2020 – onwards", "2020-09", NOW),
        ("Sep 2020 | Present", "2020-09", NOW),  # a bar before an end with its month, or "now"
        ("Mar 2016 | 12/2019", "2016-03", "2019-12"),
        ("2019.3 – 2022.11", "2019-03", "2022-11"),  # the year first, a month of one digit after a dot or a slash
        ("2019. 3 – 2021. 12", "2019-03", "2021-12"),
        ("2019/3 – 2021/12", "2019-03", "2021-12"),
        ("2020.03. – 2022.11.", "2020-03", "2022-11"),  # a closing dot
        ("2019.03 ~ 현재", "2019-03", NOW),  # Korean, Japanese and Chinese
        ("2019년 3월 – 2022년 11월", "2019-03", "2022-11"),
        ("2019年4月 – 現在", "2019-04", NOW),
        ("2019.03 - 至今", "2019-03", NOW),
    ],
)
def test_date_forms(dates: str, start: str, end: str) -> None:
    assert span(dates) == [(start, end)]


@pytest.mark.parametrize(
    ("dates", "start", "end"),
    [
        ("09.20 – 03.23", "2020-09", "2023-03"),  # MM.YY: a month of two digits, a dot, a year's last two
        ("11.18 - 08.20", "2018-11", "2020-08"),
        ("2019/2022", "2019-01", "2022-01"),  # two whole years joined by a slash
        ("'19 – '22", "2019-01", "2022-01"),  # two years' last digits alone
        ("’18 – now", "2018-01", NOW),
        ("IX 2019 – III 2022", "2019-09", "2022-03"),  # Roman months (Polish, Czech, ...)
        ("IX.2019 – VI.2021", "2019-09", "2021-06"),
        ("XI/2020 – obecnie", "2020-11", NOW),
        ("Between 2019 and 2022", "2019-01", "2022-01"),  # "between ... and"
        ("Between Mar 2019 and Jun 2022", "2019-03", "2022-06"),
        ("From Sep 2020 to Mar 2023", "2020-09", "2023-03"),
        ("From Sep 2020", "2020-09", NOW),  # a start opening the dates' field, nothing after it: ongoing
        ("Starting 03/2021", "2021-03", NOW),
        ("Febr. 2019 – Mrz. 2021", "2019-02", "2021-03"),  # German and Hungarian abbreviations
        ("Jänner 2020 – Juni 2022", "2020-01", "2022-06"),
        ("сентябрь 2019 — по настоящее время", "2019-09", NOW),  # Russian
        ("января 2018 – мая 2020", "2018-01", "2020-05"),
        ("вересень 2019 – дотепер", "2019-09", NOW),  # Ukrainian
        ("09/2019 – hiện tại", "2019-09", NOW),  # Vietnamese
        ("late 2019 – early 2022", "2019-10", "2022-02"),  # a part of a year
        ("mid-2019 – 2022", "2019-06", "2022-01"),
        ("beginning of 2018 – end of 2020", "2018-01", "2020-12"),
        ("Since mid 2021", "2021-06", NOW),
    ],
)
def test_more_date_forms(dates: str, start: str, end: str) -> None:
    assert span(dates) == [(start, end)]


@pytest.mark.parametrize(
    ("line", "start"),
    [
        ("Data Scientist II, Acme 2022 – Present", "2022-01"),  # a title's grade is no Roman month
        ("Cascade Retail — Data Scientist II 2022 – Present", "2022-01"),
        ("Senior Engineer, Acme Corp From 2019 to 2022", "2019-01"),  # a title line's spaces run together
    ],
)
def test_a_title_line_keeps_its_dates(line: str, start: str) -> None:
    text = f"Experience\n{line}\n- Built models\n"
    assert [f"{p.start:%Y-%m}" for p in read_text(text, today=TODAY).positions] == [start]


@pytest.mark.parametrize(
    "dates",
    [
        "2019-13-01 – 2021-03-31",  # ISO days: "03-31" is no MM-YY
        "10.00 – 12.00",  # hours
    ],
)
def test_no_short_range_inside_other_numbers(dates: str) -> None:
    assert span(dates) == []


def test_from_inside_a_sentence_starts_no_position() -> None:
    text = "Experience\nData Engineer, Acme | 2018 – 2020\nCut the cloud bill from 2019 levels by a third.\n"
    assert [f"{p.start:%Y-%m}" for p in read_text(text, today=TODAY).positions] == ["2018-01"]


@pytest.mark.parametrize(
    "line",
    [
        "Data Analyst, Walmart 2019 – 2021",  # a month's letters ending a word are no month
        "Data Analyst, WALMART 2019 – 2021",
        "Data Analyst, Desmar 2019 – 2021",
        "Data Analyst, Banco Sol, La Paz 2019 – 2021",  # Polish "paź" is read with its accent only
    ],
)
def test_a_month_inside_a_word_is_no_month(line: str) -> None:
    text = f"Experience\n{line}\n"
    assert [f"{p.start:%Y-%m}" for p in read_text(text, today=TODAY).positions] == ["2019-01"]


def test_a_month_run_into_the_word_before_it_is_still_read() -> None:
    """Words a PDF ran together: a capital after lower case starts the month."""
    assert span("Acme CorpJan 2020 – Present") == [("2020-01", NOW)]


def test_a_bracket_after_a_start_that_is_not_now_makes_no_range() -> None:
    assert span("Sep 2020 (now at Beta)") == []
    assert span("Sep 2020 (2021)") == []


@pytest.mark.parametrize("dates", ["2019-3 – 2021-12", "2019 - 3 engineers"])
def test_a_month_of_one_digit_after_a_dash_is_no_month(dates: str) -> None:
    """"2019 - 3" is a year and a number (a dash is a range's mark too); only a dot or a slash joins one digit."""
    assert span(dates) == []


def test_a_bar_before_a_year_alone_parts_fields() -> None:
    """"Acme | 2019 | 2021": the bar parts an entry's fields; only an end with its month or "now" makes a range."""
    assert span("Acme | 2019 | 2021 | Berlin") == []


@pytest.mark.parametrize(
    ("summary", "stated"),
    [
        ("Analista de datos con 4 años de experiencia en retail.", 4.0),
        ("Analista dati con sette anni di esperienza nella grande distribuzione.", 7.0),
        ("Ingénieur avec 5 ans d'expérience en vision.", 5.0),
        ("Neun Jahre Berufserfahrung in der Softwareentwicklung.", 9.0),
        ("Über 7 Jahre einschlägige Berufserfahrung.", 7.0),
        ("Seis anos de experiência em dados.", 6.0),
        ("5 jaar ervaring als data engineer.", 5.0),
        ("5 lat doświadczenia w ML.", 5.0),
        ("5 års erfarenhet av dataanalys.", 5.0),
        ("5 yıllık deneyim.", 5.0),
        ("5 tahun pengalaman di bidang data.", 5.0),
        ("5 ani de experiență în ML.", 5.0),
        ("2,5 años de experiencia.", 2.5),
        ("Kundenzufriedenheit in 2 Jahren verdoppelt.", None),  # years, but no experience after them
        ("Desde 2015 años de crecimiento.", None),
    ],
)
def test_stated_totals_in_other_languages(summary: str, stated: float | None) -> None:
    resume = read_text(f"Jane Doe\n\nSummary\n{summary}\n\nSkills\nPython\n", today=TODAY)
    assert resume.years_stated == stated


@pytest.mark.parametrize(
    ("summary", "stated"),
    [
        ("Led a team of 12 with 60+ years of combined experience.", None),  # a team's total, not the person's
        ("Our team has 30 years of collective experience in retail.", None),
        ("Joined a firm with 25 years of industry experience.", None),
        ("Over 10 years of experience; led a team with 40 years of combined experience.", 10.0),
        ("ML engineer with 6 years of experience.", 6.0),
    ],
)
def test_a_groups_total_is_not_the_persons(summary: str, stated: float | None) -> None:
    resume = read_text(f"Jane Doe\n\nSummary\n{summary}\n\nSkills\nPython\n", today=TODAY)
    assert resume.years_stated == stated


@pytest.mark.parametrize(
    ("dates", "start", "end"),
    [
        ("Between 2019 and\n2022", "2019-01", "2022-01"),  # a narrow column wraps the range after its word
        ("From March 2019 to\nJune 2021", "2019-03", "2021-06"),
        ("Sep 2018 until\nnow", "2018-09", NOW),
    ],
)
def test_a_range_wrapped_after_its_word_is_read_whole(dates: str, start: str, end: str) -> None:
    assert span(dates) == [(start, end)]


def test_dates_after_from_on_their_own_line_keep_the_title_above() -> None:
    """"from March 2024 to date" in lower case under a long title: the dates' line, not a sentence, and "from"
    is no title."""
    text = (
        "Experience\nResearch Assistant (part-time, 20 h/week), Institute of Economics, University of the Example\n"
        "from March 2024 to date\n* Nowcasting GDP.\n"
    )
    resume = read_text(text, today=TODAY)
    assert [(p.title.split(" (")[0], f"{p.start:%Y-%m}", f"{p.end:%Y-%m}") for p in resume.positions] == [
        ("Research Assistant", "2024-03", NOW)
    ]


def test_of_between_a_month_and_its_year() -> None:
    assert span("March of 2021 to present") == [("2021-03", NOW)]


@pytest.mark.parametrize("heading", ["Kinh nghiệm làm việc", "Career Timeline", "Work & Research"])
def test_more_headings_of_experience(heading: str) -> None:
    text = f"Jane Doe\n\n{heading}\nData Scientist, Acme Corp | Jan 2020 – Jan 2023\n- Built models.\n\nSkills\nR\n"
    assert read_text(text, today=TODAY).years_experience == 3.0
