"""Normalization, heading recognition and date parsing, one behaviour at a time."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gapcheck.reading import PositionKind, SectionKind, read_text
from gapcheck.reading.normalize import normalize_text
from gapcheck.reading.sections import split_sections
from gapcheck.reading.text import decode_text

K = SectionKind
TODAY = date(2025, 1, 1)


# --- normalization ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Py\u200bthon\u200d and\ufeff SQL", "Python and SQL"),
        ("\ufb01ne-tuned \ufb02ow e\ufb03cient", "fine-tuned flow efficient"),
        ("implemen-\ntation of", "implementation of"),
        ("data-\ndriven", "data-driven"),
        ("state-of-the-\nart", "state-of-the-art"),
        ("Con\ufffesul", "Consul"),
        ("co\u00adop", "coop"),
        ("a  \t b\r\nc\r\n\n\n\nd", "a b\nc\n\nd"),
        ("x\u00a0y", "x y"),
        ("\ue000 (+82) 10-9030 | \uf0e0 me@example.com", "(+82) 10-9030 | me@example.com"),
        (
            "HOUSE-CHIMNEY www.example.com | GITHUB-SQUARE someone | LINKEDIN someone",
            "www.example.com | someone | someone",
        ),
        ("Built CI-CD for TF-IDF models", "Built CI-CD for TF-IDF models"),  # not icon names: kept
        ("GitHub Actions and LinkedIn Learning", "GitHub Actions and LinkedIn Learning"),
    ],
)
def test_normalize(raw: str, clean: str) -> None:
    assert normalize_text(raw) == clean


def test_soft_hyphen_drawn_in_a_pdf_is_a_hyphen() -> None:
    assert normalize_text("high\u00adimpact Sep. 2023 \u00ad Mar. 2024", soft_hyphen_visible=True) == (
        "high-impact Sep. 2023 - Mar. 2024"
    )
    assert normalize_text("hyphen\u00ad\nation", soft_hyphen_visible=True) == "hyphenation"


@given(st.text())
@settings(max_examples=200, deadline=None)
def test_normalize_is_idempotent_and_never_fails(raw: str) -> None:
    once = normalize_text(raw)
    assert normalize_text(once) == once
    assert "\u200b" not in once and "\r" not in once and "\n\n\n" not in once


def test_decode_text() -> None:
    assert decode_text("Zoë".encode("utf-16"), "a.txt") == ("Zoë", ())
    assert decode_text(b"\xef\xbb\xbfZo\xc3\xab", "a.txt") == ("Zoë", ())
    text, warnings = decode_text(b"Zo\xeb", "a.txt")
    assert text == "Zo\ufffd" and warnings == ("a.txt: text is not valid UTF-8; undecodable bytes were replaced",)


# --- sections --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "kind", "heading"),
    [
        ("SKILLS", K.SKILLS, "SKILLS"),
        ("Technical Skills:", K.SKILLS, "Technical Skills"),
        ("## Core Competencies", K.SKILLS, "Core Competencies"),
        ("Tools & Technologies", K.SKILLS, "Tools & Technologies"),
        ("— WORK EXPERIENCE —", K.EXPERIENCE, "WORK EXPERIENCE"),
        ("Employment History", K.EXPERIENCE, "Employment History"),
        ("**Professional Experience**", K.EXPERIENCE, "Professional Experience"),
        ("E X P E R I E N C E", K.EXPERIENCE, "E X P E R I E N C E"),
        ("WorkExperience", K.EXPERIENCE, "WorkExperience"),
        ("Personal Projects", K.PROJECTS, "Personal Projects"),
        ("EDUCATION", K.EDUCATION, "EDUCATION"),
        ("Relevant Coursework", K.EDUCATION, "Relevant Coursework"),
        ("Licenses & Certifications", K.CERTIFICATIONS, "Licenses & Certifications"),
        ("Profile", K.SUMMARY, "Profile"),
        ("OBJECTIVE", K.SUMMARY, "OBJECTIVE"),
        ("Publications", K.OTHER, "Publications"),
        ("Honors & Awards", K.OTHER, "Honors & Awards"),
        ("Interests", K.OTHER, "Interests"),
        ("Relevant Professional Experience", K.EXPERIENCE, "Relevant Professional Experience"),
        ("MACHINE LEARNING PROJECTS", K.PROJECTS, "MACHINE LEARNING PROJECTS"),
        ("Technical Skills & Tools", K.SKILLS, "Technical Skills & Tools"),
        ("Education and Honors", K.EDUCATION, "Education and Honors"),
        ("1. Experience", K.EXPERIENCE, "Experience"),  # numbered headings
        ("2 Education", K.EDUCATION, "Education"),
        ("II. Projects", K.PROJECTS, "Projects"),
        ("3) Skills", K.SKILLS, "Skills"),
        ("Utbildning", K.EDUCATION, "Utbildning"),  # Nordic forms
        ("Työkokemus", K.EXPERIENCE, "Työkokemus"),
        ("Erfaring", K.EXPERIENCE, "Erfaring"),
        ("Kompetencer", K.SKILLS, "Kompetencer"),
    ],
)
def test_headings_alone_on_a_line(line: str, kind: SectionKind, heading: str) -> None:
    sections = split_sections(f"Ada Example\n{line}\nsomething under it")
    assert [(s.kind, s.heading) for s in sections] == [(K.OTHER, ""), (kind, heading)]


@pytest.mark.parametrize(
    ("line", "kind", "heading"),
    [
        ("SKILLS Python, SQL, Docker", K.SKILLS, "SKILLS"),
        ("TECHNICAL SKILLS: Python, SQL", K.SKILLS, "TECHNICAL SKILLS"),
        ("EXPERIENCE Software Engineer Jan 2020 - Present", K.EXPERIENCE, "EXPERIENCE"),
        ("Skills: Python, SQL", K.SKILLS, "Skills"),
        ("Certifications: AWS Solutions Architect", K.CERTIFICATIONS, "Certifications"),
    ],
)
def test_headings_run_into_the_first_line(line: str, kind: SectionKind, heading: str) -> None:
    sections = split_sections(f"Ada Example\n\n{line}\nmore")
    assert [(s.kind, s.heading) for s in sections][1:] == [(kind, heading)]


@pytest.mark.parametrize(
    "line",
    [
        "GOOGLE | SOFTWARE ENGINEERING INTERN",  # capitals that are no heading
        "CORNELL UNIVERSITY",
        "Experience with Python and SQL.",  # prose that starts with a heading word
        "Skills gained: teamwork",
        "Languages: Python, Go",  # a generic word in colon form stays a line of its section
        "Portfolio: https://example.com",
        "experience",  # lowercase alone
        "Deep Learning Experience with PyTorch and JAX",  # too long for a heading
        "Senior Software Engineer",
        "Education Consultant",
        "Projects Coordinator",
        "1. Built the feature store",  # a numbered line that is no heading
        "2 Projects shipped to production",
        "I. Kant reading group",
    ],
)
def test_not_headings(line: str) -> None:
    sections = split_sections(f"EXPERIENCE\nEngineer at Acme\n{line}\nmore")
    assert [s.kind for s in sections] == [K.EXPERIENCE]


def test_colon_line_inside_a_job_stays_in_the_job() -> None:
    text = "Experience\nEngineer, Acme | 2019 - 2021\nTools: Docker, Terraform\nSkills: Go\n\nSkills\nPython"
    assert [s.kind for s in split_sections(text)] == [K.EXPERIENCE, K.SKILLS]


def test_text_starting_with_a_heading_has_no_empty_preamble() -> None:
    sections = split_sections("Skills\nPython\nEducation\nB.Sc.")
    assert [(s.kind, s.start) for s in sections] == [(K.SKILLS, 0), (K.EDUCATION, 14)]


@given(
    st.lists(st.sampled_from(["SKILLS", "Experience", "Jan 2020 - Present", "Python, SQL", "", "x y z"]), max_size=30)
)
@settings(max_examples=200, deadline=None)
def test_sections_always_cover_the_text_in_order(lines: list[str]) -> None:
    text = "\n".join(lines)
    sections = split_sections(text)
    assert sections and sections[0].start == 0 and sections[-1].end == len(text)
    for a, b in itertools.pairwise(sections):
        assert a.end == b.start and a.start < b.start
    assert "".join(s.text for s in sections) == text


# --- work history ----------------------------------------------------------------------------------------------


def positions(body: str, heading: str = "Experience") -> list[tuple[date, date, bool, PositionKind]]:
    resume = read_text(f"{heading}\n{body}\n", today=TODAY)
    return [(p.start, p.end, p.current, p.kind) for p in resume.positions]


W, IN = PositionKind.WORK, PositionKind.INTERNSHIP


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Engineer, Acme | Jan 2020 – Present", (date(2020, 1, 1), TODAY, True, W)),
        ("Engineer, Acme | January 2019 - Mar 2021", (date(2019, 1, 1), date(2021, 3, 1), False, W)),
        ("Engineer, Acme | 2018–2020", (date(2018, 1, 1), date(2020, 1, 1), False, W)),
        ("Engineer, Acme | 03/2018 - 06/2020", (date(2018, 3, 1), date(2020, 6, 1), False, W)),
        ("Engineer, Acme | 2019 – Current", (date(2019, 1, 1), TODAY, True, W)),
        ("Engineer, Acme | Since 2021", (date(2021, 1, 1), TODAY, True, W)),
        ("Engineer, Acme | Since March 2021", (date(2021, 3, 1), TODAY, True, W)),
        ("Engineer, Acme | Summer 2019", (date(2019, 6, 1), date(2019, 9, 1), False, IN)),
        ("Engineer, Acme | Feb 2015 to Now", (date(2015, 2, 1), TODAY, True, W)),
        ("Engineer, Acme | Sept. 2016 — Aug. 2018", (date(2016, 9, 1), date(2018, 8, 1), False, W)),
        ("Engineer, Acme | Jan '19 - Dec '20", (date(2019, 1, 1), date(2020, 12, 1), False, W)),
        ("Engineer, Acme | 2017-04 – 2018-10", (date(2017, 4, 1), date(2018, 10, 1), False, W)),
        ("Engineer, Acme | June - August 2017", (date(2017, 6, 1), date(2017, 8, 1), False, W)),
        ("Engineer, Acme | Nov 2019 - Feb 2020", (date(2019, 11, 1), date(2020, 2, 1), False, W)),
        ("Engineer, Acme | Dec - Feb 2020", (date(2019, 12, 1), date(2020, 2, 1), False, W)),
        ("Engineer, Acme | 2018 \u2212 2020", (date(2018, 1, 1), date(2020, 1, 1), False, W)),
        ("Engineer, Acme | 2018\u20112020", (date(2018, 1, 1), date(2020, 1, 1), False, W)),
        ("Engineer, Acme | 01.2018 – 03.2020", (date(2018, 1, 1), date(2020, 3, 1), False, W)),
        ("Engineer, Acme | 2018/01 – 2020/03", (date(2018, 1, 1), date(2020, 3, 1), False, W)),
        ("Engineer, Acme | 2019 to date", (date(2019, 1, 1), TODAY, True, W)),
        ("Software Engineering Intern, Acme | May 2013 – Aug 2013", (date(2013, 5, 1), date(2013, 8, 1), False, IN)),
        ("Co-op Engineer, Acme | 2014 – 2015", (date(2014, 1, 1), date(2015, 1, 1), False, IN)),
        ("Teaching Assistant, Uni | 2014 – 2015", (date(2014, 1, 1), date(2015, 1, 1), False, IN)),
        ("Graduate Research Assistant | 2014 – 2015", (date(2014, 1, 1), date(2015, 1, 1), False, IN)),
        ("Math TA, Example University | 2014 – 2015", (date(2014, 1, 1), date(2015, 1, 1), False, IN)),
        ("Student Tutor, Department of Physics | 2014 – 2015", (date(2014, 1, 1), date(2015, 1, 1), False, IN)),
        ("Researcher, Vision Lab | 2014 – 2015", (date(2014, 1, 1), date(2015, 1, 1), False, IN)),
    ],
)
def test_date_ranges(line: str, expected: tuple[date, date, bool, PositionKind]) -> None:
    assert positions(line) == [expected]


@pytest.mark.parametrize(
    "line",
    [
        "Phone 650-620-0912",
        "Reduced latency from 120 to 45 ms",
        "Engineer, Acme | 2030 - 2031",  # in the future
        "Engineer, Acme | 2021 - 2019",  # backwards
        "Engineer, Acme | May 2019",  # a single month is no range
        "Cut the batch time of the nightly pipeline from 2019 to 2021 levels",  # a sentence, no separator
        "Scored 12 models; 2019-13-01 – 2021-03-31",  # no month 13
    ],
)
def test_not_date_ranges(line: str) -> None:
    assert positions(line) == []


def test_dates_outside_experience_are_not_work() -> None:
    for heading in ("Education", "Projects", "Certifications", "Volunteering"):
        assert positions("Something, Somewhere | 2015 – 2019", heading) == []
        assert read_text(f"{heading}\nThing | 2015 – 2019", today=TODAY).years_experience is None


def test_title_from_the_line_above_the_dates() -> None:
    text = "Experience\nAcme Corp | Berlin\nData Engineer | 2019 – 2021\n• Built pipelines.\n"
    position = read_text(text, today=TODAY).positions[0]
    assert position.title == "Acme Corp | Berlin — Data Engineer"
    assert text[position.span_start :].startswith("Acme Corp")


@pytest.mark.parametrize(
    ("dates", "title"),
    [
        ("Nov 2022 – present (defence planned: May 2026)", "Acme Corp | Berlin"),  # the dates' own note
        ("Nov 2022 – present", "Acme Corp | Berlin"),
        ("(Remote) Nov 2022 – present", "Acme Corp | Berlin — (Remote)"),  # written before the dates: kept
    ],
)
def test_a_note_in_brackets_after_the_dates_is_not_the_title(dates: str, title: str) -> None:
    position = read_text(f"Experience\nAcme Corp | Berlin\n{dates}\n• Built pipelines.\n", today=TODAY).positions[0]
    assert position.title == title


def test_title_over_the_employer_over_the_dates() -> None:
    text = (
        "Experience\n"
        "Lead - Machine Learning\n"
        "Vayu Fintech, Pune\n"
        "2015 - 2020\n"
        "- Head a group of 14; models in production.\n"
        "Senior Analytics Consultant\n"
        "Meridian Decision Sciences, Bengaluru\n"
        "2010 - 2015\n"
        "- Built scorecards for three banks in SAS and\n"
        "Data Scientists\n"  # a bullet wrapped onto a line with a job word: not a title
        "Globex Services, Gurgaon\n"
        "2006 - 2010\n"
    )
    titles = [p.title for p in read_text(text, today=TODAY).positions]
    assert titles == [
        "Lead - Machine Learning — Vayu Fintech, Pune",
        "Senior Analytics Consultant — Meridian Decision Sciences, Bengaluru",
        "Globex Services, Gurgaon",
    ]


def test_linkedin_export_titles_under_the_company() -> None:
    """LinkedIn's PDF: the company, then each title over its dates with the length in brackets; a title written
    under the dates of the title above is the next entry's, not the one above's (that one has its own title)."""
    text = (
        "Experience\n"
        "Beta Analytics\n"
        "2 years 5 months\n"
        "Machine Learning Engineer\n"
        "January 2020 - February 2021 (1 year 2 months)\n"
        "Data Scientist\n"
        "October 2018 - January 2020 (1 year 4 months)\n"
        "Trained churn models.\n"
    )
    titles = [p.title for p in read_text(text, today=TODAY).positions]
    assert titles == ["Machine Learning Engineer", "Data Scientist"]


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        (  # LinkedIn's web page copied: title, company with the employment type, dates with the length after a dot
            "Experience\nSenior Data Scientist\nAcme · Full-time\nJan 2020 - Present · 4 yrs 11 mos\nRemote\n"
            "Data Analyst\nBeta Inc · Full-time\nJun 2017 - Dec 2019 · 2 yrs 7 mos\n",
            ["Senior Data Scientist — Acme · Full-time", "Data Analyst — Beta Inc · Full-time"],
        ),
        (
            "EXPERIENCE\nML Engineer | Acme | Sep 2019 – Mar 2021 | 1 yr 7 mos\nData Engineer | Beta | 2017 – 2019\n",
            ["ML Engineer | Acme", "Data Engineer | Beta"],
        ),
        (  # Europass: the dates in square brackets over the title
            "WORK EXPERIENCE\n[ 01/09/2019 – Current ]\nData Scientist\nAcme GmbH\n"
            "[ 01/03/2016 – 31/08/2019 ]\nSoftware Developer\nBeta AG\n",
            ["Data Scientist", "Software Developer"],
        ),
        ("Experience\nEngineer, Acme · 3 models shipped | 2019 – 2021\n", ["Engineer, Acme · 3 models shipped"]),
        (  # dates alone over a title whose employer has a note in brackets: the note is not counted as words
            "EXPERIENCE\nsince April 2019\n"
            "Data Scientist, Acme Mobility GmbH, Hamburg (e-scooter and car sharing, 400 staff)\n"
            "- Forecast demand.\n\n15.10.2016 - 31.03.2019\nWorking student Analytics, 20 h/week, Beta AG, Hamburg\n",
            [
                "Data Scientist, Acme Mobility GmbH, Hamburg (e-scooter and car sharing, 400 staff)",
                "Working student Analytics, 20 h/week, Beta AG, Hamburg",
            ],
        ),
    ],
)
def test_titles_without_lengths_and_empty_brackets(text: str, titles: list[str]) -> None:
    assert [p.title for p in read_text(text, today=TODAY).positions] == titles


def test_entry_spans_run_to_the_next_entry() -> None:
    text = "Experience\nA, X | 2019 – 2021\n• one\nB, Y | 2016 – 2019\n• two\n\nEducation\nB.Sc. | 2012 – 2016"
    resume = read_text(text, today=TODAY)
    a, b = resume.positions
    assert resume.text[a.span_start : a.span_end] == "A, X | 2019 – 2021\n• one\n"
    assert resume.text[b.span_start : b.span_end] == "B, Y | 2016 – 2019\n• two\n\n"


def test_years_merge_overlaps_and_halve_internships() -> None:
    text = (
        "Experience\n"
        "Engineer, A | Jan 2018 – Jan 2020\n"
        "Consultant, B | Jan 2019 – Jan 2021\n"  # overlaps A: 2018-2021 counts once, 36 months
        "Intern, C | Jan 2017 – Jan 2018\n"  # 12 months at half weight
        "Intern, D | Jun 2020 – Dec 2020\n"  # inside B's time: not counted again
    )
    resume = read_text(text, today=TODAY)
    assert resume.years_work == 3.0
    assert resume.years_internship == 1.0
    assert resume.years_experience == 3.5
    assert resume.years_stated is None


@pytest.mark.parametrize(
    ("title", "professional"),
    [
        ("Kitchen employee, Pizza Place", False),
        ("Delivery driver, Pizza Place", False),
        ("Student Worker, University Dining Service", False),
        ("Programming Member, Game Development Club", False),
        ("Shift Supervisor, Corner Store", False),
        ("Device Driver Engineer, Chipworks", True),
        ("Data Scientist, Retail Analytics", True),
        ("Data Warehouse Engineer, Acme", True),
        ("Continuous Delivery Lead, Acme", True),
    ],
)
def test_professional_or_not(title: str, professional: bool) -> None:
    resume = read_text(f"Experience\n{title} | 2016 – 2020\n", today=TODAY)
    assert [p.professional for p in resume.positions] == [professional]


def test_jobs_outside_professional_work_are_kept_but_not_counted() -> None:
    text = "Experience\nSoftware Engineer, A | 2020 – 2021\nKitchen employee, Pizza Place | 2016 – 2020\n"
    resume = read_text(text, today=TODAY)
    assert [p.professional for p in resume.positions] == [True, False]
    assert resume.years_experience == 1.0
    only_kitchen = read_text("Experience\nKitchen employee, Pizza Place | 2016 – 2020\n", today=TODAY)
    assert only_kitchen.years_experience == 0.0  # a dated history with no professional work: 0, not unknown


@pytest.mark.parametrize(
    ("summary", "stated"),
    [
        ("Engineer with 6+ years of experience in ML.", 6.0),
        ("Over 10 years of hands-on software engineering expertise.", 10.0),
        ("3.5 years experience building models", 3.5),
        ("I have used Python for 4 years.", None),
    ],
)
def test_stated_years_preferred(summary: str, stated: float | None) -> None:
    resume = read_text(f"Summary\n{summary}\nExperience\nEngineer, A | 2022 – 2024\n", today=TODAY)
    assert resume.years_stated == stated
    assert resume.years_experience == (stated if stated is not None else 2.0)


def test_jobs_listed_under_a_summary_heading_are_the_experience() -> None:
    text = (
        "Jane Doe\nCareer Summary\nData leader who ships models.\n"
        "Data Scientist, Acme | 2019 – 2023\n• Built models.\nAnalyst, Beta | 2017 – 2019\n"
        "Education\nB.Sc., Uni | 2013 – 2017\n"
    )
    resume = read_text(text, today=TODAY)
    assert [s.kind for s in resume.sections][1:] == [K.SUMMARY, K.EXPERIENCE, K.EDUCATION]
    assert resume.years_experience == 6.0
    one = read_text("Jane Doe\nSummary\nData Scientist at Acme since 2019.\nSkills\nPython\n", today=TODAY)
    assert one.positions == ()  # a sentence in a summary is no job list


def test_stated_years_used_without_dated_history() -> None:
    resume = read_text("Jo Doe\nData scientist with 5 years of experience.\nSkills\nPython", today=TODAY)
    assert resume.positions == () and resume.years_experience == 5.0


def test_lengths_written_instead_of_dates_are_summed() -> None:
    text = (
        "Experience\n"
        "Search Engineer, Ofek Marketplaces, Tel Aviv 3 yrs, current\n"
        "Built dense retrieval for 40M listings over 2 years.\n"
        "Software Engineer, Negev Cyber (2.5 years)\n"
        "• Kafka pipelines\n"
        "Junior Developer, Acme 18 months\n"
        "Education\n"
        "B.Sc. Computer Science, Negev University 3 yrs\n"
    )
    resume = read_text(text, today=TODAY)
    assert [p.months for p in resume.positions] == [36.0, 30.0, 18.0]
    assert [p.current for p in resume.positions] == [True, False, False]
    assert resume.positions[0].end == TODAY.replace(day=1)
    assert resume.positions[1].end == resume.positions[0].start  # laid end to end, newest first
    assert resume.positions[0].title == "Search Engineer, Ofek Marketplaces, Tel Aviv"
    assert resume.years_experience == 7.0


@pytest.mark.parametrize(
    "text",
    [
        # dates given: a bracketed length beside them is the same time, not more of it
        "Experience\nEngineer, A | Jan 2020 – Jan 2022 (2 yrs)\nAnalyst, B 3 years\n",
        # no job word before the length, a bullet, a length inside a sentence, skills
        "Experience\nAcme Corp 3 yrs\n• Engineer on call 2 years\nLed the team as engineer for 2 years and more\n",
        "Skills\nPython engineer 5 years\n",
    ],
)
def test_lengths_are_read_only_where_no_dates_and_on_a_job_line(text: str) -> None:
    resume = read_text(text, today=TODAY)
    assert sum(p.months for p in resume.positions) in (0, 24.0)


def test_review_mends_for_lengths_numbers_and_days() -> None:
    # lengths laid back from the reference date stop at the earliest year a date may name (no year below 1960)
    many = "Experience\n" + "".join(f"Engineer at Acme{i}, 49 years\n" for i in range(45)) + "Skills\nPython\n"
    resume = read_text(many, today=TODAY)
    assert min(p.start for p in resume.positions).year >= 1960 and resume.years_experience == 49.0
    # a length inside a sentence is no job's
    assert read_text("Experience\nAcme Corp\nManaged a team of engineers for 18 months\n", today=TODAY).positions == ()
    # a count under a job is no numbered heading: the experience goes on
    counted = (
        "Experience\nML Engineer, Acme, Jan 2020 - Dec 2024\n3 Publications\nat NeurIPS\nAnalyst, Beta, 2017 - 2019\n"
    )
    assert len(read_text(counted, today=TODAY).positions) == 2
    # a number after a word is no day of the month; a lead word left before the dates goes
    titles = [
        p.title
        for p in read_text(
            "Experience\nEngineer, Acme | Led a team of 12 Mar 2019 – Jun 2021\nData Scientist, Beta | From Jan 2017 to"
            " Mar 2019\n",
            today=TODAY,
        ).positions
    ]
    assert titles == ["Engineer, Acme | Led a team of 12", "Data Scientist, Beta"]


# --- job postings ----------------------------------------------------------------------------------------------


def test_job_posting_sections_and_required_years() -> None:
    posting = (
        "ML Engineer, Example Co\n\nAbout the role\nYou will ship models.\n\nWhat you will do\n- Train rankers\n\n"
        "Requirements\n- 3+ years of experience with Python\n- SQL\n\nNice to have\n- Spark\n\nBenefits\nDental"
    )
    resume = read_text(posting, today=TODAY)
    assert [(s.kind, s.heading) for s in resume.sections] == [
        (K.OTHER, ""),
        (K.OTHER, "About the role"),
        (K.OTHER, "What you will do"),
        (K.SKILLS, "Requirements"),
        (K.SKILLS, "Nice to have"),
        (K.OTHER, "Benefits"),
    ]
    assert resume.years_stated == 3.0


def test_posting_words_inside_a_job_are_no_headings() -> None:
    text = "Experience\nEngineer, Acme | 2019 – 2021\nResponsibilities\n- ran things\nRequirements\n- gathered"
    resume = read_text(text, today=TODAY)
    assert [s.kind for s in resume.sections] == [K.EXPERIENCE]
    assert resume.positions[0].span_end == len(resume.text)


def test_dates_inside_a_bullet_sentence_are_no_position() -> None:
    text = (
        "Experience\nEngineer, Acme | 2016 – 2021\n"
        "• Led the migration of forty services to Kubernetes over 2019-2020 with zero downtime for customers\n"
        "• Team lead (2018 – 2019)\n"
    )
    resume = read_text(text, today=TODAY)
    assert [(p.start.year, p.end.year) for p in resume.positions] == [(2016, 2021), (2018, 2019)]


def test_a_range_ending_after_the_reference_date_counts_up_to_it() -> None:
    resume = read_text("Experience\nEngineer, Acme | Jan 2024 – Dec 2026\n", today=TODAY)
    assert [(p.start, p.end) for p in resume.positions] == [(date(2024, 1, 1), TODAY)]
    assert resume.years_experience == 1.0


def test_title_under_a_date_line_of_its_own() -> None:
    text = "Experience\n\nJun 2017 – Aug 2017\nSoftware Engineering Intern\n• Built a tool.\n"
    position = read_text(text, today=TODAY).positions[0]
    assert position.title == "Software Engineering Intern"
    assert position.kind is PositionKind.INTERNSHIP
