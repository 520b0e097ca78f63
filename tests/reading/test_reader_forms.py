"""Date forms, heading forms, kinds of entries and the written date, as real resumes write them (issue 9).

Every fixture is made by tests/fixtures/make_fixtures.py (PDF/DOCX where the form is about layout); names and
employers are invented. Each test names the form it checks, so a failure says which form is no longer read.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from gapcheck.errors import NoTextLayerError
from gapcheck.reading import PositionKind, SectionKind, read_resume, read_text
from gapcheck.reading.history import date_lines
from gapcheck.reading.sections import line_role, split_sections
from gapcheck.reading.textlayer import TextLayer, find_shift, shift_text
from gapcheck.reading.written import stated_written_date, written_date

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TODAY = date(2025, 1, 1)
K = SectionKind
W, IN = PositionKind.WORK, PositionKind.INTERNSHIP


def spans(name: str, today: date = TODAY) -> list[tuple[str, str, str]]:
    resume = read_resume(FIXTURES / name, today=today)
    return [(f"{p.start:%Y-%m}", f"{p.end:%Y-%m}", p.kind.value) for p in resume.positions]


def test_every_date_form_of_real_resumes() -> None:
    """MM/YY ranges, "Now", an arrow, "to Till Date", a year range after an organisation in capitals, "April/2019",
    DD/MM/YYYY with "CURRENT", "(2022-Present)", an em dash before "Present", year-only ranges, a date line above
    its title, and one block of dates under stacked titles at one employer."""
    assert spans("date_forms.txt") == [
        ("2015-06", "2025-01", "work"),  # 06/15 - Now
        ("2013-05", "2013-09", "work"),  # 05/13 - 09/13
        ("2022-01", "2025-01", "work"),  # 01/22 ⇒ Now
        ("2019-08", "2025-01", "work"),  # Aug 2019 to Till Date
        ("2012-01", "2014-01", "work"),  # ELM STREET ACADEMY, Leeds 2012 – 2014
        ("2019-04", "2020-05", "work"),  # April/2019 - May/2020
        ("2019-06", "2025-01", "work"),  # 15/06/2019 - CURRENT
        ("2022-01", "2025-01", "work"),  # (2022-Present)
        ("2010-01", "2025-01", "work"),  # Jan 2010 — Present
        ("2016-01", "2018-01", "work"),  # 2016 - 2018
        ("2008-03", "2009-06", "work"),  # a date line of its own above the title
        ("2006-12", "2008-02", "work"),  # stacked titles, then a block of dates
        ("2005-06", "2006-12", "work"),
    ]


def test_titles_of_dates_on_their_own_lines() -> None:
    resume = read_resume(FIXTURES / "date_forms.txt", today=TODAY)
    titles = [p.title for p in resume.positions]
    assert titles[4] == "ELM STREET ACADEMY, Leeds — Physics Teacher"  # the role under the organisation's line
    assert titles[5] == "Consultant, Fir Partners"  # ... and not taken by the entry after it
    assert titles[10] == "Support Engineer, Kapok Ltd"
    assert titles[11:] == ["Larch Robotics — Senior Engineer", "Larch Robotics — Engineer"]


def test_stacked_titles_in_a_pdf() -> None:
    resume = read_resume(FIXTURES / "stacked_titles.pdf", today=TODAY)
    assert [(p.title, f"{p.start:%Y-%m}", f"{p.end:%Y-%m}") for p in resume.positions] == [
        ("Willow Vision — Senior Machine Learning Engineer", "2022-12", "2025-01"),
        ("Willow Vision — Machine Learning Engineer", "2020-06", "2022-12"),
    ]
    assert resume.positions[0].evidence == (
        "Willow Vision",
        "Senior Machine Learning Engineer",
        "December 2022 – present",
    )


@pytest.mark.parametrize(
    ("line", "start", "end"),
    [
        ("Engineer, Acme | 01.03.2018 - 31.12.2020", date(2018, 3, 1), date(2020, 12, 1)),  # DD.MM.YYYY
        ("Engineer, Acme | 12/31/2018 - 06/30/2020", date(2018, 12, 1), date(2020, 6, 1)),  # MM/DD/YYYY
        ("Engineer, Acme | 03.2018 – present", date(2018, 3, 1), TODAY),
        ("Engineer, Acme | Since 04/2019", date(2019, 4, 1), TODAY),
        ("Engineer, Acme | Jan 2019 - present day", date(2019, 1, 1), TODAY),
        ("Engineer, Acme | Jan 2019-Till now", date(2019, 1, 1), TODAY),
        ("Engineer, Acme | Jan 2019 -- Present", date(2019, 1, 1), TODAY),
        ("Engineer, Acme | Oct 2023 – Now", date(2023, 10, 1), TODAY),
        # month names and "present" in the languages resumes are written in
        ("Analista, Acme | mar/2022 – atual", date(2022, 3, 1), TODAY),  # Portuguese
        ("Analista, Acme | jan/2020 – fev/2022", date(2020, 1, 1), date(2022, 2, 1)),
        ("Analista, Acme | set. 2018 – out. 2019", date(2018, 9, 1), date(2019, 10, 1)),
        ("Ingeniero, Acme | ene 2019 – dic 2021", date(2019, 1, 1), date(2021, 12, 1)),  # Spanish
        ("Ingeniero, Acme | septiembre 2020 – actualmente", date(2020, 9, 1), TODAY),
        ("Ingénieur, Acme | févr. 2017 – juil. 2019", date(2017, 2, 1), date(2019, 7, 1)),  # French
        ("Ingénieur, Acme | avril 2021 – en cours", date(2021, 4, 1), TODAY),
        ("Ingegnere, Acme | giu 2016 – ott 2018", date(2016, 6, 1), date(2018, 10, 1)),  # Italian
        ("Ingenieur, Acme | mrt 2015 – mei 2016", date(2015, 3, 1), date(2016, 5, 1)),  # Dutch
        ("Ingenieur, Acme | seit 03/2022", date(2022, 3, 1), TODAY),  # German "since"
        ("Inżynier, Acme | 2021/06 – obecnie", date(2021, 6, 1), TODAY),  # Polish "currently"
        ("Ingegnere, Acme | Dal 03/2015 al 06/2018", date(2015, 3, 1), date(2018, 6, 1)),  # a range, not "since"
        ("Ingeniero, Acme | desde 2015 hasta 2018", date(2015, 1, 1), date(2018, 1, 1)),
        ("Engenheiro, Acme | 2016 até 2019", date(2016, 1, 1), date(2019, 1, 1)),
        ("Mühendis, Acme | 03/2020 – halen", date(2020, 3, 1), TODAY),  # Turkish
        ("Utvecklare, Acme | 2019 – nu", date(2019, 1, 1), TODAY),  # Swedish, Danish
        ("Analista, Acme | desde 2021", date(2021, 1, 1), TODAY),
        ("Ingénieur, Acme | depuis 09/2020", date(2020, 9, 1), TODAY),
        ("Engineer, Acme | 2019.04 - 2021.03", date(2019, 4, 1), date(2021, 3, 1)),  # YYYY.MM (Japan, Korea)
        ("Engineer, Acme | 2021.04 - present", date(2021, 4, 1), TODAY),
        # a line that starts with its dates in lower case is an entry, not a sentence continued from above
        ("seit 03/2022 Computer Vision Engineer, Kessler GmbH, Augsburg", date(2022, 3, 1), TODAY),
        ("mar/2022 – atual Analista de Dados, Acme Ltda, São Paulo", date(2022, 3, 1), TODAY),
        # a promotion noted in the title's brackets is not a position of its own
        ("Acme K.K. / NLP Engineer (Senior since 2023.10) | 2021.04 - present", date(2021, 4, 1), TODAY),
        # the end year's last two digits, quarters, half years, a winter across two years
        ("Analyst, Acme | 2019–23", date(2019, 1, 1), date(2023, 1, 1)),
        ("Analyst, Acme | 2020-22", date(2020, 1, 1), date(2022, 1, 1)),
        ("Analyst, Acme | 1998–03", date(1998, 1, 1), date(2003, 1, 1)),
        ("Engineer, Acme | Q3 2022 – now", date(2022, 7, 1), TODAY),
        ("Engineer, Acme | Q3 2021 – Q4 2023", date(2021, 7, 1), date(2023, 12, 1)),  # to the quarter's end
        ("Engineer, Acme | H2 2021 – H1 2023", date(2021, 7, 1), date(2023, 6, 1)),
        ("Scientist, Acme | Autumn 2018 – Winter 2020/21", date(2018, 9, 1), date(2020, 12, 1)),
        # a quarter or a half with its number first or after the year, semesters and halves spelled out, a term
        ("Engineer, Acme | 3Q 2021 – 1Q 2023", date(2021, 7, 1), date(2023, 3, 1)),
        ("Engineer, Acme | 1H 2021 – 2H 2022", date(2021, 1, 1), date(2022, 12, 1)),
        ("Engineer, Acme | 2021 Q3 – 2023-Q1", date(2021, 7, 1), date(2023, 3, 1)),
        ("Engineer, Acme | 2021-H2 – Present", date(2021, 7, 1), TODAY),
        ("Analyst, Acme | 1st semester 2021 – 2nd semester 2023", date(2021, 1, 1), date(2023, 12, 1)),
        ("Analyst, Acme | Semester 2, 2020 – Semester 1, 2022", date(2020, 7, 1), date(2022, 6, 1)),
        ("Analista, Acme | 1er semestre de 2019 – 2º semestre 2021", date(2019, 1, 1), date(2021, 12, 1)),
        ("Analista, Acme | primer semestre de 2020 – actualidad", date(2020, 1, 1), TODAY),
        ("Analyst, Acme | second half of 2021 – first half of 2023", date(2021, 7, 1), date(2023, 6, 1)),
        ("Tutor, Acme | Fall semester 2021 – Spring term 2022", date(2021, 9, 1), date(2022, 3, 1)),
        # an academic or fiscal year: one year and the next, alone or as a range's ends
        ("Lecturer, Acme | 2019/20", date(2019, 1, 1), date(2020, 1, 1)),
        ("Lecturer, Acme | 2015/16 – 2018/19", date(2015, 1, 1), date(2019, 1, 1)),
        ("Lecturer, Acme | 2019/20 – present", date(2019, 1, 1), TODAY),
        # full days: ISO dates, a day before the month's name
        ("Engineer, Acme | 2019-01-15 – 2021-03-31", date(2019, 1, 1), date(2021, 3, 1)),
        ("Engineer, Acme | 15 Jan 2019 – 31st March 2021", date(2019, 1, 1), date(2021, 3, 1)),
        ("Engineer, Acme | 3. März 2019 – heute", date(2019, 3, 1), TODAY),
        ("Engineer, Acme | Jan 19, 2020 – Mar 21, 2021", date(2020, 1, 1), date(2021, 3, 1)),  # the day after
        ("Engineer, Acme | June 1st, 2019 – present", date(2019, 6, 1), TODAY),
        # a month's name and two digits of its year inside a range
        ("Engineer, Acme | Jan 19 – Mar 21", date(2019, 1, 1), date(2021, 3, 1)),
        ("Sept. 18 - Dec. 22: Analyst, Acme", date(2018, 9, 1), date(2022, 12, 1)),
        ("Engineer, Acme | Jan 19 – Present", date(2019, 1, 1), TODAY),
        ("Engineer, Acme | 2019 Jan – 2021 Mar", date(2019, 1, 1), date(2021, 3, 1)),  # the year first
        ("Engineer, Acme | 2019 Jan – Present", date(2019, 1, 1), TODAY),
        ("Engineer, Acme | 2018 – 2020 may be extended", date(2018, 1, 1), date(2020, 1, 1)),  # "may": no month
        # a preposition after a separator opens the dates, not a sentence
        ("Data Scientist, Acme Analytics | From Jan 2019 to Mar 2021", date(2019, 1, 1), date(2021, 3, 1)),
        ("Data Scientist, Acme Analytics · from 2019 until 2021", date(2019, 1, 1), date(2021, 1, 1)),
    ],
)
def test_more_date_forms(line: str, start: date, end: date) -> None:
    resume = read_text(f"Experience\n{line}\n", today=TODAY)
    assert [(p.start, p.end) for p in resume.positions] == [(start, end)]


@pytest.mark.parametrize(
    "line",
    [
        "Analyst, Acme | 2019-12",
        "Analyst, Acme | 2019–07",
        "Analyst, Acme | H3 2021 – H4 2022",
        "Analyst, Acme | 3rd semester 2021 – 4th semester 2022",  # a year has two semesters
        "Analyst, Acme | 2019/17",  # no academic year: not the year after
        "Analyst, Acme | Mar 21:00 – Mar 22:00",  # hours, not years
        "Hackathon, Acme | Jan 19 – Mar 21, 2020",  # days of one year: not 2019 to 2021
    ],
)
def test_what_is_no_range_of_years(line: str) -> None:
    """A year and month ("2019-12") or an end year before the start ("2019–07") is no range; "H3" is no half."""
    assert read_text(f"Experience\n{line}\n", today=TODAY).positions == ()


def test_semesters_and_a_season_alone_are_spans_of_their_months() -> None:
    """A semester written alone is the half year it names, each of several too ("1st semester 2021 and 1st semester
    2022"), as a season alone is its three months; "Winter 2020/21" is one season, not the years 2020 to 2021."""
    text = "Experience\nTeaching Assistant, Acme University\n1st semester 2021 and 1st semester 2022\n"
    resume = read_text(text, today=TODAY)
    assert [(p.start, p.end) for p in resume.positions] == [
        (date(2021, 1, 1), date(2021, 7, 1)),
        (date(2022, 1, 1), date(2022, 7, 1)),
    ]
    resume = read_text("Experience\nVolunteer, Food Bank | Winter 2020/21\n", today=TODAY)
    assert [(p.start, p.end) for p in resume.positions] == [(date(2020, 12, 1), date(2021, 3, 1))]


def test_a_lower_case_date_line_of_its_own_is_an_entry() -> None:
    """Month names in lower case (Italian, French, Spanish) on a line of their own under the title, with or without
    a note in brackets after them: the dates of that title, not a sentence continued from above."""
    text = (
        "Esperienza\nData Scientist, Acme srl, Bologna\nluglio 2021 – settembre 2022\n- Built churn models.\n"
        "Dottorando, Politecnico di Milano\nnovembre 2022 – in corso (discussione: maggio 2026)\n- Thesis.\n"
    )
    resume = read_text(text, today=TODAY)
    assert [(p.start, p.end, p.kind) for p in resume.positions] == [
        (date(2021, 7, 1), date(2022, 9, 1), W),
        (date(2022, 11, 1), TODAY, IN),  # a doctoral candidate counts at half, as a PhD candidate does
    ]


def test_a_title_wrapped_over_two_lines_is_one_title() -> None:
    text = (
        "Experience\nDoctoral candidate, Department of Computer Science, University of the\n"
        "Northern Lakes, Duluth\nOctober 2021 – present\n- Thesis on sparse adapters.\n"
    )
    (position,) = read_text(text, today=TODAY).positions
    assert position.title.startswith("Doctoral candidate, Department of Computer Science")
    assert position.kind is IN


@pytest.mark.parametrize(
    "heading",
    [
        "Roles",
        "Contracts (most recent first)",
        "Freelance work",
        "Beruflicher Werdegang",
        "Doświadczenie zawodowe",
        "Esperienza lavorativa",
        "Loopbaan",
        "Academic appointments",
    ],
)
def test_more_experience_headings(heading: str) -> None:
    resume = read_text(f"Jane Roe\n\n{heading}\nEngineer, Acme | Jun 2021 – Present\n- Built.\n", today=TODAY)
    assert [s.kind for s in resume.sections if s.kind is not K.OTHER] == [K.EXPERIENCE]
    assert resume.years_work == pytest.approx(43 / 12, abs=0.01)


def test_a_promotion_in_brackets_under_a_date_line_stays_inside_its_position() -> None:
    text = (
        "Work history\nPeriod\nCompany / position\n2021.04 - present\n"
        "Acme AI K.K., Osaka / NLP Engineer (Senior since 2023.10)\n"
        "Fine-tuned text classifiers for support tickets.\n"
        "2019.04 - 2021.03\nTohoku Systems Co., Ltd. / Systems Engineer\nJava order management.\n"
    )
    resume = read_text(text, today=TODAY)
    assert [(p.start, p.end, p.kind) for p in resume.positions] == [
        (date(2021, 4, 1), TODAY, W),
        (date(2019, 4, 1), date(2021, 3, 1), W),
    ]
    assert resume.years_work == pytest.approx(68 / 12, abs=0.01)


def test_dates_in_a_sentence_continued_from_the_line_above_are_no_entry() -> None:
    text = (
        "Experience\nAnalyst, Acme | 2021 – Present\n"
        "• Published an analysis of flood events and their impact on food security outcomes\n"
        "across sub-Saharan Africa from 2009–2020 using panel regression\n"
    )
    assert [(p.start.year, p.end.year) for p in read_text(text, today=TODAY).positions] == [(2021, 2025)]


# --- headings --------------------------------------------------------------------------------------------------


def kinds(resume_sections: tuple[object, ...]) -> list[tuple[str, str]]:
    return [(s.kind.value, s.heading) for s in resume_sections]  # type: ignore[attr-defined]


def test_heading_forms() -> None:
    """Icons in front ("🏫 WORKING EXP"), abbreviations and variants ("SKILL SETS"), letter by letter."""
    resume = read_resume(FIXTURES / "heading_forms.txt", today=TODAY)
    assert kinds(resume.sections) == [
        ("other", ""),
        ("experience", "WORKING EXP"),
        ("skills", "SKILL SETS"),
        ("education", "E D U C A T I O N"),
    ]
    assert resume.years_experience == 4.0


def test_emoji_headings_in_a_docx() -> None:
    resume = read_resume(FIXTURES / "emoji_headings.docx", today=TODAY)
    assert [s.kind for s in resume.sections] == [K.OTHER, K.EXPERIENCE, K.SKILLS, K.EDUCATION]


def test_a_heading_in_the_singular_reads_as_its_plural() -> None:
    """ "SIDE PROJECT" ends the job above it: its ML skills are not that job's (the table lists "side projects")."""
    text = (
        "Experience\nBackend Engineer, Acme | 2018 – 2021\nJava microservices.\n"
        "SIDE PROJECT\nPrice-drop predictor (2025)\nLightGBM model behind a FastAPI app.\n"
        "CERTIFICATION\nAWS Certified Developer\n"
    )
    resume = read_text(text, today=TODAY)
    assert [(s.kind, s.heading) for s in resume.sections] == [
        (K.EXPERIENCE, "Experience"),
        (K.PROJECTS, "SIDE PROJECT"),
        (K.CERTIFICATIONS, "CERTIFICATION"),
    ]
    assert "LightGBM" not in text[resume.positions[0].span_start : resume.positions[0].span_end]


@pytest.mark.parametrize(
    "heading",
    [
        "💼 Experience",
        "\uf0b1 EXPERIENCE",
        "★ Work History",
        "Employment",
        "WORK EXP",
        "EXPERIENCIA / EXPERIENCE",  # one heading in two languages
        "Berufserfahrung | Work experience",
        "Experiência profissional",  # in another language alone
        "EXPÉRIENCE PROFESSIONNELLE",
    ],
)
def test_heading_variants_alone_on_their_line(heading: str) -> None:
    resume = read_text(f"Jo Doe\n\n{heading}\nEngineer, Acme | 2019 – 2021\n", today=TODAY)
    assert [s.kind for s in resume.sections] == [K.OTHER, K.EXPERIENCE]
    assert resume.years_experience == 2.0


def test_a_bilingual_education_heading_keeps_the_degree_out_of_the_work() -> None:
    text = (
        "Jo Doe\n\nEXPERIENCIA / EXPERIENCE\nEngineer, Acme | 2021 – 2023\n"
        "EDUCACIÓN / EDUCATION\nIngeniería en Computación, Universidad de Guadalajara 2016 – 2021\n"
    )
    resume = read_text(text, today=TODAY)
    assert [s.kind for s in resume.sections] == [K.OTHER, K.EXPERIENCE, K.EDUCATION]
    assert resume.years_experience == 2.0


def test_two_headings_joined_by_a_slash_are_no_bilingual_heading_when_long() -> None:
    line = "Software Engineer at Acme / Data Scientist at Beta"
    assert line_role(line, K.EXPERIENCE, True, frozenset(), False).heading is None


def test_side_headings_with_their_content_on_the_same_line() -> None:
    resume = read_resume(FIXTURES / "side_headings.txt", today=TODAY)
    assert kinds(resume.sections) == [
        ("other", ""),
        ("experience", "Employment"),
        ("education", "Education"),
        ("skills", "Skills"),
    ]
    assert [p.title for p in resume.positions] == ["Engineering Manager, Oakridge Data"]


def test_side_headings_and_a_heading_split_over_two_lines_in_a_pdf() -> None:
    """A left column of headings: "Industry" above "Experience", each line continued by the right column."""
    resume = read_resume(FIXTURES / "side_headings.pdf", today=TODAY)
    assert kinds(resume.sections) == [
        ("other", ""),
        ("experience", "Industry Experience"),
        ("education", "Education"),
        ("skills", "Skills"),
    ]
    assert [(p.start, p.end) for p in resume.positions] == [
        (date(2012, 1, 1), date(2016, 6, 1)),
        (date(2009, 3, 1), date(2011, 12, 1)),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Education Consultant, Acme | 2019 – 2021",  # a job title that starts with a heading word
        "Experience Designer, Acme | 2019 – 2021",
        "Skills: Go",  # a label inside a job
    ],
)
def test_heading_words_that_start_an_entry_are_no_side_heading(line: str) -> None:
    resume = read_text(f"Experience\nEngineer, Beta | 2015 – 2019\n{line}\n", today=TODAY)
    assert [s.kind for s in resume.sections] == [K.EXPERIENCE]


def test_letter_spaced_headings_in_a_pdf() -> None:
    resume = read_resume(FIXTURES / "letter_spaced.pdf", today=TODAY)
    assert [s.kind for s in resume.sections] == [K.OTHER, K.EXPERIENCE, K.SKILLS, K.EDUCATION]


@pytest.mark.parametrize(
    "heading",
    ["Professional Journey", "Where I've Worked", "Career So Far", "Experience (8+ years)", "Work History [10 yrs]"],
)
def test_experience_headings_people_write(heading: str) -> None:
    text = f"Skills\nPython, SQL\n\n{heading}\nML Engineer, Bar Inc\nJan 2020 – Jan 2024\n- Built models.\n"
    resume = read_text(text, today=TODAY)
    assert [s.kind for s in resume.sections] == [K.SKILLS, K.EXPERIENCE]
    assert resume.years_experience == 4.0


def test_a_heading_with_dates_in_its_note_is_an_entry() -> None:
    """Only a note of years makes a heading of a line with digits: "Consulting (Acme 2019 - 2021)" is a job."""
    text = "Skills\nPython\n\nExperience\nConsulting (Acme 2019 - 2021)\n- Built models.\n"
    assert [s.kind for s in read_text(text, today=TODAY).sections] == [K.SKILLS, K.EXPERIENCE]


@pytest.mark.parametrize("dates", ["{title} | {span}", "{title}\n{span}"])
def test_jobs_under_an_unknown_heading_after_the_skills(dates: str) -> None:
    """An experience heading gapcheck does not know ("Tour of Duty") leaves the jobs inside the skills section
    above it: two or more dated lines naming a job (or dates alone under a short line naming one) are read as the
    experience from the first of them."""
    jobs = "".join(
        dates.format(title=title, span=span) + "\n- Built things.\n"
        for title, span in (("ML Engineer, Bar Inc", "Jan 2020 – Jan 2024"), ("Data Analyst, Baz Co", "2017 – 2019"))
    )
    resume = read_text(f"Skills\nPython, SQL\n\nTour of Duty\n{jobs}", today=TODAY)
    assert [s.kind for s in resume.sections] == [K.SKILLS, K.EXPERIENCE]
    assert resume.sections[1].text.startswith("ML Engineer, Bar Inc")
    assert resume.years_experience == 6.0


def test_a_skills_list_with_dates_is_no_experience() -> None:
    text = "Skills\nPython (2015 – 2024)\nSQL (2016 – 2024)\nSpark, Airflow\n"
    assert [s.kind for s in read_text(text, today=TODAY).sections] == [K.SKILLS]


def test_headings_by_era_without_an_experience_heading() -> None:
    """No "Experience" heading: dated job lines under era lines ("2017-2020: Consulting years") are read as the
    experience; the era lines are groups over their jobs, not jobs of their own."""
    text = (
        "Jo Doe\nZurich\n"
        "2021-current: Startup years\n"
        "03/2021 - 05/2022 Senior Engineer, Quartz AI\n"
        "Built the training platform.\n"
        "2017-2021: Consulting years\n"
        "10/2017 - 01/2021 Software Developer, Basalt Consulting\n"
        "Skills\nPython\n"
    )
    resume = read_text(text, today=TODAY)
    assert [s.kind for s in resume.sections] == [K.OTHER, K.EXPERIENCE, K.SKILLS]
    assert [p.kind for p in resume.positions] == [PositionKind.GROUP, W, PositionKind.GROUP, W]
    assert resume.years_experience == round((14 + 39) / 12, 2)


# --- what is not work ------------------------------------------------------------------------------------------


def test_entries_that_are_not_work_and_a_stated_total() -> None:
    resume = read_resume(FIXTURES / "not_work.txt", today=TODAY)
    assert [(p.kind, p.counted) for p in resume.positions] == [
        (W, True),
        (PositionKind.EDUCATION, False),  # a master's degree listed under the work experience
        (PositionKind.BREAK, False),  # "Career Break ... – present"
        (PositionKind.VOLUNTEER, False),
    ]
    assert resume.years_stated == 3.0 and resume.years_experience == 3.0  # "Total Experience: 3 Year(s) 0 Month(s)"
    without_total = read_text(resume.text.replace("Total Experience: 3 Year(s) 0 Month(s)", ""), today=TODAY)
    assert without_total.years_experience == round(35 / 12, 2)  # only the data scientist's 35 months


@pytest.mark.parametrize(
    ("bullets", "years"),
    [
        ("- Mentoring two juniors since 2019\n", 3.42),  # what was done in the job since then, not a job
        ("• Leading the reading group since March 2021.\n", 3.42),
        ("• Since 2019: Data Analyst, Baz Co\n", 7.42),  # a bullet that opens with its dates is an entry
        ("• Data Analyst at Baz Co since 2019\n", 7.42),  # so is a job written as a bullet
        ("- Senior Data Scientist, Baz GmbH, since 03/2019\n", 7.25),
        ("• Data Analyst — Baz — since 2019\n", 7.42),
        ("- Data Analyst at Baz (since 2019)\n", 7.42),
        ("- Managed three engineers since 2019\n", 3.42),  # a verb first: what was done, job words or not
    ],
)
def test_since_inside_a_bullet_is_no_position(bullets: str, years: float) -> None:
    text = f"Experience\nML Engineer, Bar Inc\n2023 – Present\n{bullets}"
    assert read_text(text, today=date(2026, 6, 1)).years_experience == years


@pytest.mark.parametrize(
    ("bullets", "years"),
    [
        ("- Migrated services in 2017–2019\n", 3.42),  # a preposition before the dates: done in the job
        ("- Ran the 2016 – 2018 forecasting programme\n", 3.42),  # the sentence goes on after them
        ("• Data Analyst, Baz Co, 2019 – 2022\n", 6.42),  # jobs written as bullets stay jobs
        ("- Analyst at Baz Co 2019 – 2022 in Berlin\n", 6.42),
        ("- Analyst at Baz Co 2019 – 2022 remote\n", 6.42),
        ("• Data Scientist, Baz 2019 – 2022 freelance\n", 6.42),  # a job word before: a job, whatever follows
        ("- Baz Corp, ML Engineer, 2019 – 2022 ranking team\n", 6.42),
        ("• ML Engineer, Baz Corp 2019 – 2022 working on ranking\n", 6.42),
    ],
)
def test_dates_inside_a_bullets_sentence_are_no_position(bullets: str, years: float) -> None:
    text = f"Experience\nML Engineer, Bar Inc\n2023 – Present\n{bullets}"
    assert read_text(text, today=date(2026, 6, 1)).years_experience == years


def test_a_range_cut_after_its_dash_under_another_is_not_the_current_job() -> None:
    """Only the first entry, the current job, may leave its end empty: a cut range under another range, or over a
    line starting with a date or a number, is not read as running to the present."""
    for text in (
        "Experience\nML Engineer, Bar Inc | 2023 – Present\nData Analyst, Baz | Jan 2019 –\n- Dashboards.\n",
        "Experience\nML Engineer, Bar Inc\nJan 2019 –\nMar 2018 Award for the best model\n",
        "Experience\nML Engineer, Bar Inc\nJan 2019 –\n2018 Award\n",
    ):
        resume = read_text(text, today=date(2026, 6, 1))
        assert [p.start.year for p in resume.positions if p.current] in ([2023], []), text


@pytest.mark.parametrize(
    ("entry", "years"),
    [
        ("ML Engineer, Bar Inc\nJan 2019 –\nMar 2021\n- Built models.\n", 2.17),  # a narrow column wrapped it
        ("Jan 2019 –\nMar 2021\nML Engineer, Bar Inc\n- Built models.\n", 2.17),
        ("ML Engineer, Bar Inc\nJan 2019 –\nPresent\n- Built models.\n", 7.42),
        ("ML Engineer, Bar Inc\nJan 2021 –\n- Built models.\n", 5.42),  # no end written: the current job
        ("ML Engineer, Bar Inc | 2021 -\n- Built models.\n", 5.42),
        ("ML Engineer, Bar Inc, Jan 2019 -\n\nMar 2021\n- Built models.\n", 2.17),  # the end after an empty line
    ],
)
def test_a_range_cut_after_its_dash(entry: str, years: float) -> None:
    resume = read_text(f"Experience\n{entry}", today=date(2026, 6, 1))
    assert resume.years_experience == years
    assert [p.title for p in resume.positions] == ["ML Engineer, Bar Inc"]


def test_a_paid_post_at_a_nonprofit_is_work_and_an_unpaid_role_there_is_not() -> None:
    """A non-profit employs staff as well as volunteers: its name alone does not make a job volunteering; a
    title without a job word there does ("Mentor"), and "Volunteer" always does."""
    text = (
        "Experience\n"
        "Communications Assistant · Harbour Arts Trust (nonprofit) · 03/2018 – 08/2022\n- Ran the newsletter.\n"
        "Mentor · Code Garden (non-profit) · 2019 – 2022\n- Taught Python on Saturdays.\n"
        "Volunteer Analyst · City Food Bank · 2016 – 2018\n- Counted stock.\n"
    )
    resume = read_text(text, today=TODAY)
    assert [(p.kind, p.counted) for p in resume.positions] == [
        (W, True),
        (PositionKind.VOLUNTEER, False),
        (PositionKind.VOLUNTEER, False),
    ]
    assert resume.years_experience == round(53 / 12, 2)


def test_compulsory_service_is_not_a_career() -> None:
    text = (
        "Experience\n"
        "Data Engineer, Northwind GmbH | 01/2020 – 12/2023\n- Spark pipelines.\n"
        "Zivildienst, Kreisklinik Talheim | 03/2014 – 08/2014\n- Logistics and IT support.\n"
        "Mandatory military service, Signal Corps | 08/2011 – 08/2013\n- Radio operator.\n"
        "Software Developer (military service), C4I Corps | 2016 – 2019\n- Java services for logistics.\n"
    )
    resume = read_text(text, today=TODAY)
    assert [p.counted for p in resume.positions] == [True, False, False, True]  # a developer post held as service
    assert resume.years_experience == round((47 + 36) / 12, 2)


def test_military_service_without_a_job_title_is_a_duty() -> None:
    """"Military service" naming no job beside it is the conscript's duty (as a PhD student's CV lists it); an
    officer's or a developer's post held as service names its job and stays work."""
    text = (
        "Research Experience\n"
        "Research Engineer, Hanbit Robotics | 03/2021 – 12/2024\n- Perception models.\n"
        "Military service, Republic of Example Army | 02/2017 – 11/2018\n- Sergeant, logistics unit.\n"
        "Signal Officer (military service), Example Navy | 2013 – 2015\n- Ran the radio room.\n"
    )
    resume = read_text(text, today=TODAY)
    assert [p.counted for p in resume.positions] == [True, False, True]
    assert resume.years_experience == round((45 + 24) / 12, 2)


def test_a_trainee_is_a_job_and_a_summer_traineeship_is_not() -> None:
    text = (
        "Experience\nGraduate Trainee, Northbank plc | 09/2019 – 08/2021\n- Rotations in risk.\n"
        "Summer trainee, data science - Kaamos Oy | 06/2018 – 08/2018\n- Dashboards.\n"
        "Traineeship, European Data Office | 03/2017 – 08/2017\n- Open data portal.\n"
    )
    assert [p.kind for p in read_text(text, today=TODAY).positions] == [W, IN, IN]


def test_a_rule_under_a_heading_is_no_title() -> None:
    text = "EXPERIENCE\n==========\nData Analyst, Acme Ltd, 2019-03-01 -> 2022-02-28\n* Reports in SQL.\n"
    assert [p.title for p in read_text(text, today=TODAY).positions] == ["Data Analyst, Acme Ltd"]


def test_an_employer_over_its_titles_counts_once_through_them() -> None:
    text = (
        "Experience\nGlobex (2013-Present)\nStaff Engineer (2020-Present)\nSenior Engineer (2017-2020)\n"
        "Search Platform (2013-2020)\nBuilt the index.\n"
        "Particle Physics (2006-2013)\nUniversity of Example (2011-2013)\n"
        "Postdoctoral Researcher\nExample State University (2006-2011)\nGraduate Student Researcher\n"
    )
    resume = read_text(text, today=TODAY)
    assert [p.kind for p in resume.positions] == [PositionKind.GROUP, W, W, W, PositionKind.GROUP, W, IN]
    assert resume.years_experience == 12.0 + 2.0 + 2.5  # 2013-2025, the postdoc, half of the PhD years


@pytest.mark.parametrize(
    ("summary", "stated"),
    [
        ("Principal engineer with 12+ years building data platforms.", 12.0),
        ("Six and a half years of experience in MLOps.", 6.5),
        ("Seven years of industry experience.", 7.0),
        ("Vision engineer. Eight years building and shipping camera models.", 8.0),  # no "+": opens a sentence
        ("Backend engineer with 6 years designing billing services.", 6.0),
        ("Nine years working\non payments data.", 9.0),
        ("I spent two years teaching English abroad.", None),  # a stretch of a life, not the total
        ("Over the last 3 years leading a team of four.", None),
        ("Analyst. 2 years during my PhD were spent on surveys.", None),
    ],
)
def test_stated_totals(summary: str, stated: float | None) -> None:
    resume = read_text(f"Summary\n{summary}\nExperience\nEngineer, A | 2022 – 2024\n", today=TODAY)
    assert resume.years_stated == stated


def test_no_history_says_why() -> None:
    no_heading = read_text("Jo Doe\nSkills\nPython, SQL\n", today=TODAY)
    assert no_heading.years_experience is None
    assert any("no experience section" in w for w in no_heading.warnings)
    no_dates = read_text("Experience\nEngineer at Acme\nBuilt things.\n", today=TODAY)
    assert any("no date range" in w for w in no_dates.warnings)
    only_study = read_text("Experience\nM.Sc. Statistics, Example University | 2019 – 2021\n", today=TODAY)
    assert only_study.years_experience == 0.0
    assert any("none is work" in w for w in only_study.warnings)


# --- when the resume was written -------------------------------------------------------------------------------


def test_a_docx_is_as_of_its_modified_date() -> None:
    resume = read_resume(FIXTURES / "dated.docx")
    assert (resume.reference_date, resume.reference_source) == (date(2016, 10, 1), "file")
    assert resume.positions[0].end == date(2016, 10, 1) and resume.years_experience == 2.75
    given = read_resume(FIXTURES / "dated.docx", today=date(2020, 1, 1))  # --today overrides
    assert (given.reference_date, given.reference_source, given.years_experience) == (date(2020, 1, 1), "given", 6.0)


def test_a_date_the_resume_gives_itself_beats_the_files_date() -> None:
    resume = read_resume(FIXTURES / "self_dated.docx")  # modified 2026-01; "As of 2024.06.01" in its header
    assert (resume.reference_date, resume.reference_source) == (date(2024, 6, 1), "text")
    assert resume.positions[0].end == date(2024, 6, 1) and resume.years_experience == pytest.approx(38 / 12, abs=0.01)


@pytest.mark.parametrize(
    ("line", "written"),
    [
        ("As of 2025.06.01", date(2025, 6, 1)),
        ("Last updated: March 2025", date(2025, 3, 1)),
        ("Updated on March 2025", date(2025, 3, 1)),  # the longer phrase is tried first
        ("Stand: 09/2025", date(2025, 9, 1)),
        ("Augsburg, 15.09.2025", date(2025, 9, 1)),  # a closing place and day, as German resumes are signed
        ("Hamburg, den 15.11.2021", date(2021, 11, 1)),
        ("Paris, le 3 mars 2024", date(2024, 3, 1)),
        ("Date of birth: 12.08.1992", None),
        ("Updated 3 models in 2021", None),
        ("Senior Engineer, Acme, 2020 - 2022", None),
        ("Berlin, 2019", None),  # a year alone dates nothing
        ("Berlin, 06/2019", None),  # a place and a month is an entry's line, not a signature
        ("TU Munich, 06/2015", None),
        ("AWS Certified Machine Learning, 03/2020", None),
        ("As of 2030", None),  # after the real date
        ("Jane Doe · Curriculum Vitae · May 2025", date(2025, 5, 1)),  # a running header
        ("Resume — 06/2024", date(2024, 6, 1)),
        ("CV | Jane Doe | page 1 of 2", None),
        ("Resume — Jan 2020 - Present", None),
        ("Curriculum Vitae 2024", None),
    ],
)
def test_dates_a_resume_gives_itself(line: str, written: date | None) -> None:
    assert stated_written_date(date_lines(f"Jane Doe\n{line}\n"), date(2026, 12, 1)) == written


def test_a_date_before_a_listed_job_began_does_not_date_the_resume() -> None:
    text = "Experience\nEngineer, Acme | 01/2019 - present\n{}\n"
    birth, signed = (date_lines(text.format(line)) for line in ("Date: 12.03.1990", "Augsburg, 15.09.2025"))
    assert stated_written_date(birth, date(2026, 12, 1)) is None  # a date of birth
    assert stated_written_date(signed, date(2026, 12, 1)) == date(2025, 9, 1)


def test_a_wrapped_sentence_that_starts_with_since_and_a_year_is_no_entry() -> None:
    text = (
        "Experience\nEngineer, Acme | 2018 – 2022\n"
        "- Migrated the storage platform for 40 services which had run on bare metal\n"
        "since 2012 and served every product team in the company\n"
    )
    assert [(p.start.year, p.end.year) for p in read_text(text, today=TODAY).positions] == [(2018, 2022)]


def test_a_pdf_is_as_of_its_own_date() -> None:
    resume = read_resume(FIXTURES / "stacked_titles.pdf")  # CreationDate 2024-01-01
    assert (resume.reference_date, resume.reference_source) == (date(2024, 1, 1), "file")


def test_a_file_dated_years_after_its_text_is_an_old_resume_re_exported() -> None:
    """side_headings.pdf is dated 2024-01; the last date written in it is June 2016: read as 18 months later."""
    resume = read_resume(FIXTURES / "side_headings.pdf")
    assert (resume.reference_date, resume.reference_source) == (date(2017, 12, 1), "text")
    assert any("years after the last date written" in w for w in resume.warnings)


def test_expected_dates_and_course_ends_are_not_the_written_date() -> None:
    text = (
        "Education\nB.Sc. Data Science, Example University | Sep 2021 - Jun 2025\nExpected graduation May 2025\n"
        "Experience\nTutor, Example University | Jan 2023 - May 2023\n"
    )
    resume = read_text(text)
    assert (resume.reference_date, resume.reference_source) == (date(2023, 5, 1), "text")


@pytest.mark.parametrize(
    ("line", "written", "moved"),
    [
        ("Data Engineer, Acme | Mar 2024 - Present", date(2025, 3, 1), True),
        ("Data Engineer, Acme | 2018 - Present", date(2019, 6, 1), True),  # a year alone: its June, as latest
        ("Data Engineer, Acme | 2018 - 2020", date(2020, 6, 1), False),  # closed: the last date itself
    ],
)
def test_without_a_file_date_a_current_job_as_last_date_dates_the_resume_a_year_on(
    line: str, written: date, moved: bool
) -> None:
    resume = read_text(f"Experience\n{line}\nAnalyst, Beta | 2015 - 2017\n")
    assert (resume.reference_date, resume.reference_source) == (written, "text")
    assert any("a year after the last date" in w for w in resume.warnings) is moved


def _written(text: str, file_date: date | None) -> tuple[date, str]:
    found = written_date(text, split_sections(text), file_date, None, date(2026, 12, 1))
    return found.when, found.source.value


@pytest.mark.parametrize(
    ("line", "written"),
    [
        ("B.Sc. Computer Science, Example University | Expected Jul 2024", date(2024, 7, 1)),
        ("M.Sc. Data Science, Example University | Sep 2023 – Jun 2025 (expected)", date(2025, 6, 1)),
        ("PhD candidate, Example Tech | 2021. 03 – present (expected 2026. 02)", date(2026, 2, 1)),
        ("B.A. Economics, Example College | '21 – '25 (expected)", date(2025, 12, 1)),  # a year alone: its December
        ("B.Sc. Physics, Example University | Expected graduation date 05/2024", date(2024, 5, 1)),
    ],
)
def test_a_date_still_to_come_bounds_the_written_date(line: str, written: date) -> None:
    """A student's resume in a file saved again years later: the graduation it calls expected had not come when it
    was written."""
    text = f"Jane Roe\n\nEducation\n{line}\n\nExperience\nData Intern, Acme | Jun 2023 – Aug 2023\n- Reports.\n"
    assert _written(text, date(2026, 12, 1)) == (written, "text")


@pytest.mark.parametrize(
    "line",
    [
        "- Cut the expected loss of the 2023 portfolio by 12% with a new scorecard.",  # a bullet's sentence
        "B.Sc. Computer Science, Example University | Expected May 2027",  # after the file's date: no bound
    ],
)
def test_no_bound_from_a_sentence_or_a_later_date(line: str) -> None:
    text = f"Jane Roe\n\nExperience\nRisk Analyst, Acme | Jan 2022 – Present\n{line}\n"
    assert _written(text, date(2025, 3, 1)) == (date(2025, 3, 1), "file")


@pytest.mark.parametrize(
    ("line", "written"),
    [
        ("January 2022 - Present (4 years 5 months)", date(2026, 5, 1)),  # LinkedIn counts both ends' months
        ("Jan 2022 – Present · 4 yrs 5 mos", date(2026, 5, 1)),
        ("03/2021 – now (18 months)", date(2022, 8, 1)),
    ],
)
def test_a_length_after_an_open_range_dates_the_text(line: str, written: date) -> None:
    """A profile copied or saved with its lengths: the current job's start and its length give when it was written,
    whatever the file's date."""
    text = f"Jane Roe\n\nExperience\nSenior Data Scientist, Acme\n{line}\n- Models.\nAnalyst, Beta | 2015 – 2020\n"
    assert _written(text, date(2026, 12, 1)) == (written, "text")
    assert _written(text, None) == (written, "text")


def test_the_latest_date_is_read_from_a_range_of_short_years() -> None:
    """"'23 – '24" is the last date written: a file dated 2025-03 is no re-export of a resume last dated 2020."""
    text = (
        "Jane Roe\n\nEducation\nHSC, Example City College '19 – '20\n\n"
        "Experience\nData Entry Assistant (part-time), Example Couriers '23 – '24\n- Records.\n"
    )
    assert _written(text, date(2025, 3, 1)) == (date(2025, 3, 1), "file")


# --- text layers that are not language -------------------------------------------------------------------------


@pytest.mark.parametrize("engine", ["pypdfium2", "pypdf"])
def test_a_font_without_a_unicode_map_shifted_by_a_constant_is_repaired(engine: str) -> None:
    resume = read_resume(FIXTURES / "shifted_font.pdf", today=TODAY, pdf_engine=engine)
    assert "Education" in resume.text and "Data Scientist at Aspen Retail, Jan 2018 - Dec 2022" in resume.text
    assert any("no Unicode map" in w and "+31" in w for w in resume.warnings)
    assert K.EXPERIENCE in {s.kind for s in resume.sections}


@pytest.mark.parametrize("name", ["not_language.pdf", "garbage_text.pdf"])
def test_text_that_is_not_language_is_refused_as_needing_ocr(name: str) -> None:
    with pytest.raises(NoTextLayerError, match="needs OCR") as info:
        read_resume(FIXTURES / name)
    assert name in str(info.value)


def test_the_shift_is_found_for_digits_and_punctuation_too() -> None:
    text = "Experience\nData Scientist at Aspen, Jan 2018 - Dec 2022. Built the models for the team and the shop.\n"
    garbled = "".join(c if c in " \n" else chr(ord(c) - 31) for c in text * 6)
    assert garbled.startswith("&YQFSJFODF") and TextLayer(garbled).is_not_language()
    shift = find_shift(garbled)
    assert shift == 31 and shift_text(garbled, shift) == text * 6
    assert not TextLayer(text * 6).is_not_language()


def test_a_table_of_roles_with_long_descriptions_counts_every_row() -> None:
    """A Markdown table row is one line however long its description cell; it is an entry, not a sentence."""
    long = " ".join(["Built and ran the forecasting models for the stores, with the data team."] * 4)
    text = (
        "## Experience\n\n| Period | Role | Company | What I did |\n| --- | --- | --- | --- |\n"
        f"| Jan 2023 – now | Senior NLP Engineer | Volta Labs | {long} |\n"
        f"| Mar 2019 – Dec 2022 | NLP Engineer | Kente Money | {long} |\n"
        "| Sep 2016 – Feb 2019 | Software Engineer | Web Studio | Django APIs. |\n"
    )
    resume = read_text(text, today=date(2026, 3, 1))
    assert [p.start for p in resume.positions] == [date(2023, 1, 1), date(2019, 3, 1), date(2016, 9, 1)]
    assert resume.years_experience is not None and 9 <= resume.years_experience <= 9.6
    undated = read_text(text)  # no --today, no file date: the current row's start dates the resume, a year on
    assert (undated.reference_date, undated.reference_source) == (date(2024, 1, 1), "text")
    prose = f"Experience\nData Scientist, Acme | 2019 – 2022\n- {long} from 2015 – 2017 with the team.\n"
    assert len(read_text(prose, today=date(2026, 3, 1)).positions) == 1  # a sentence with dates stays one


@pytest.mark.parametrize(
    "text",
    [
        "Doświadczenie zawodowe: budowa modeli dla banku oraz wdrożenie ich na produkcję, praca z zespołem danych",
        "Erfarenhet: byggde modeller för kundtjänst och förde dem till produktion med teamet på kontoret",
        "Experiență profesională: am construit modele pentru bancă și le-am pus în producție cu echipa de date",
        "Pengalaman kerja: membangun model untuk bank dan memasangnya di produksi dengan tim data yang kecil",
        "Deneyim: banka için modeller kurdum ve veri ekibi ile birlikte canlıya aldım; her gün izliyoruz",
        "Pracovní zkušenosti: modely pro banku a jejich nasazení do provozu se týmem dat ve firmě",
    ],
)
def test_resumes_in_more_languages_read_as_language(text: str) -> None:
    assert not TextLayer((text + "\n") * 8).is_not_language()


def test_a_turkish_pdf_is_read_as_written_not_shifted() -> None:
    """Turkish shares few words with the western European languages; judged not language, a chance shift that
    found a few common words turned its letters into symbols ("P*%hon" for "Python")."""
    resume = read_resume(FIXTURES / "turkish.pdf")
    assert "Python, Docker, Kubernetes, SQL" in resume.text and "Mühendisi" in resume.text
    assert not any("Unicode map" in w for w in resume.warnings)
    assert resume.years_experience is not None and 5.5 <= resume.years_experience <= 6.5  # to 2024-01, its date


def test_no_shift_is_found_for_language_whose_words_are_not_listed() -> None:
    """Without its common words (as for a language the list lacks), the text is judged not language, but no
    shift 'repairs' it: each candidate moves letters onto symbols, or leaves most characters where they are."""
    text = "\n".join(
        (
            "Burcu Aydın",
            "MLOps Mühendisi",
            "Kubernetes üzerinde modellerin canlıya alınması, izlenmesi",
            "veri bilimcileri, ürün ekibiyle birlikte sürüm takvimini hazırlıyoruz",
            "testler çalışıyor",
        )
    )
    text = (text + "\n") * 6
    assert TextLayer(text).is_not_language()
    assert find_shift(text) is None


# --- one decision for headings and labels ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "heading", "label", "label_kind", "cue"),
    [
        ("Data Visualization Tools: Tableau, Power BI", None, "Data Visualization Tools", K.SKILLS, ""),
        ("Languages & Frameworks: Python, Django", None, "Languages & Frameworks", K.SKILLS, ""),
        ("Familiar: Docker, Kubernetes", None, "Familiar", None, "hedge"),
        ("Relevant Coursework: Machine Learning", K.EDUCATION, "Relevant Coursework", None, "coursework"),
        ("Skills: Python, SQL", K.SKILLS, "Skills", K.SKILLS, ""),
        ("🥷 SKILL SETS", K.SKILLS, "", None, ""),
        ("Portfolio: https://example.com", None, "Portfolio", None, ""),
        ("Built a churn model in PyTorch.", None, "", None, ""),
    ],
)
def test_line_role(
    line: str, heading: SectionKind | None, label: str, label_kind: SectionKind | None, cue: str
) -> None:
    role = line_role(line)
    assert (role.heading, role.label, role.label_kind, role.cue) == (heading, label, label_kind, cue)


def test_line_role_inside_a_job_is_a_label_not_a_heading() -> None:
    role = line_role("Skills: Go, Terraform", current=K.EXPERIENCE, previous_blank=False)
    assert role.heading is None and role.skills_list


def test_sections_matching_and_the_job_reader_share_the_one_line_role() -> None:
    from gapcheck import job
    from gapcheck.matching import cues, matcher
    from gapcheck.reading import sections

    assert job.line_role is sections.line_role
    # the matcher asks the label part only (once per line, in its cue index), which line_role itself is made of
    assert cues.line_label is sections.line_label and not hasattr(matcher, "line_role")
    for line in ("Data Visualization Tools: Tableau", "  Familiar: Go ", "Relevant Coursework: ML", "SKILLS"):
        role = line_role(line)
        assert (role.label, role.label_kind, role.cue) == tuple(sections.line_label(line.strip()))
    assert line_role("Data Visualization Tools: Tableau").label_kind is SectionKind.SKILLS
    assert line_role("Nice to have:").title_like and not line_role("- Python and SQL").title_like


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a description line ending in "the" is not glued onto the next job's title
        (
            "Experience\nSoftware Engineer, Foo\n2016 - 2019\n"
            "Built billing services and worked with the machine learning team on the\nSenior Data Engineer, Bar\n"
            "2019 - Present\n",
            [("Software Engineer, Foo", 2016, 2019), ("Senior Data Engineer, Bar", 2019, 2025)],
        ),
        # numbers in bullets and phones are no two-digit-end ranges; academic years are neither
        (
            "Experience\nML Engineer, Acme | 2020 – Present\n• Upgraded from Python 2019-20 build\n",
            [("ML Engineer, Acme", 2020, 2025)],
        ),
        ("Experience\nML Engineer, Acme 2019 - 25 engineers hired\n", []),
        ("Experience\nTeaching Assistant, Uni | 2010–11 – 2014–15\n", []),
        # a job line made of a heading word and a note inside entries stays the job's title
        (
            "Experience\nFreelance (self-employed)\n2019 - 2021\nML consultant\n",
            [("Freelance (self-employed)", 2019, 2021)],
        ),
        # a quarter starts at a word's start only ("HQ2" is no quarter)
        ("Experience\nHQ2 2020 – now, Amazon ML Engineer\n", [("HQ2, Amazon ML Engineer", 2020, 2025)]),
    ],
)
def test_forms_that_look_like_the_new_ones_but_are_not(text: str, expected: list[tuple[str, int, int]]) -> None:
    positions = read_text(text, today=TODAY).positions
    assert [(p.title, p.start.year, p.end.year) for p in positions] == expected


def test_present_with_no_date_at_all_is_this_month() -> None:
    """Like every other source of the reference date, today counts as its month: years do not change by the day."""
    resume = read_text("Experience\nEngineer, Acme | Present\n")
    assert resume.reference_date == date.today().replace(day=1)
