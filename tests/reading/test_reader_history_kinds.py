"""The work history's entries and their kinds where layouts put one entry's lines against the next one's: the line
under a date line is the entry's own only when it does not start the next entry."""

from __future__ import annotations

from datetime import date

import pytest

from gapcheck.reading import PositionKind, read_text

TODAY = date(2025, 6, 1)
W, IN = PositionKind.WORK, PositionKind.INTERNSHIP


def kinds(text: str) -> list[tuple[str, str, PositionKind]]:
    resume = read_text(text, today=TODAY)
    return [(p.title, f"{p.start:%Y-%m}", p.kind) for p in resume.positions]


def test_the_next_entrys_title_under_a_date_line_is_not_this_entrys() -> None:
    """Title over dates, no bullets: the intern's title under the data scientist's dates made that job an
    internship (and counted it at half)."""
    text = (
        "Experience\n"
        "Data Scientist, Acme Corp\nJan 2020 – Present\n"
        "Machine Learning Intern, Beta Ltd\nJun 2019 – Dec 2019\n"
        "Research Assistant, University of X\nJan 2018 – Dec 2018\n"
    )
    assert kinds(text) == [
        ("Data Scientist, Acme Corp", "2020-01", W),
        ("Machine Learning Intern, Beta Ltd", "2019-06", IN),
        ("Research Assistant, University of X", "2018-01", IN),
    ]
    resume = read_text(text, today=TODAY)
    assert (resume.years_work, resume.years_internship) == (round(65 / 12, 2), round(17 / 12, 2))


def test_dates_over_their_title_keep_the_title_under_them() -> None:
    text = "Experience\nJan 2020 – Present\nData Scientist, Acme Corp\nJun 2019 – Dec 2019\nML Intern, Beta Ltd\n"
    assert kinds(text) == [("Data Scientist, Acme Corp", "2020-01", W), ("ML Intern, Beta Ltd", "2019-06", IN)]


def test_a_teaching_section_holds_assistantships_at_half_and_posts_in_full() -> None:
    """An academic's "Teaching" section: its teaching assistantship before the postdoc counts at half, a lecturer's
    post inside the postdoc once."""
    text = (
        "Positions\n"
        "Postdoctoral Researcher, Université Grenoble Alpes | Nov 2021 – Present\n"
        "- Speech models\n\n"
        "Teaching\n"
        "Lecturer, Université Grenoble Alpes | 2022 – 2024\n"
        "- Deep learning for signals\n"
        "Teaching assistant (during the PhD), Université de Lorraine | 2017 – 2021\n"
        "- Algorithms and probability\n\n"
        "Education\n"
        "Ph.D. in Computer Science, Université de Lorraine | 2017 – 2021\n"
    )
    resume = read_text(text, today=TODAY)
    assert [(title.split(",")[0], kind) for title, _start, kind in kinds(text)] == [
        ("Postdoctoral Researcher", W),
        ("Lecturer", W),
        ("Teaching assistant (during the PhD)", IN),
    ]
    assert (resume.years_work, resume.years_internship) == (round(43 / 12, 2), 4.0)


def test_a_dated_bullet_of_a_titled_post_that_names_no_job_is_a_note_of_it() -> None:
    """Service and activities under a post keep their dates to themselves: a program committee from 2016, a
    mentorship "2017 – present" under a job that ended in 2019 (which also took the next job's title)."""
    text = (
        "Experience\n"
        "Research Scientist, Acme Labs | Jan 2022 – Present\n"
        "- Built models\n"
        "- Program committee member, NeurIPS (2016 – 2019)\n"
        "- Reviewer, ICML 2015 – 2021\n"
        "Data Analyst, Beta Ltd\nJan 2016 – Feb 2019\n"
        "- Built dashboards\n"
        "  for sales\n"
        "- Mentor at DataKind, 2017 – present\n"
        "Junior Analyst, Gamma\nJan 2014 – Dec 2015\n"
    )
    assert kinds(text) == [
        ("Research Scientist, Acme Labs", "2022-01", W),
        ("Data Analyst, Beta Ltd", "2016-01", W),
        ("Junior Analyst, Gamma", "2014-01", W),
    ]


def test_bulleted_roles_are_positions() -> None:
    """Under an employer without dates, and where every entry is a bullet, a dated bullet is a position."""
    text = (
        "Experience\n"
        "Google, Mountain View\n• Senior Software Engineer (2021 – Present)\n• Software Engineer (2018 – 2021)\n"
        "• Data Scientist, Acme | 2014 – 2016\n• Beta Corp, Berlin | 2012 – 2014\n"
    )
    assert [start for _title, start, _kind in kinds(text)] == ["2021-01", "2018-01", "2014-01", "2012-01"]


def test_a_title_ending_with_an_abbreviation_over_bare_dates_is_the_title() -> None:
    """"Acme Inc." ends with a full stop but is no sentence: the intern's and the assistant's titles were lost, and
    their posts counted in full."""
    text = (
        "Experience\n"
        "Data Scientist, Acme Inc.\nJan 2020 – Present\n- Built models.\n"
        "Machine Learning Intern, Beta Corp.\nJun 2019 – Dec 2019\n- Did things.\n"
        "Teaching Assistant, Univ. of X, Dept. of CS.\nJan 2018 – Dec 2018\n"
        "Inżynier ML, Acme Sp. z o.o.\nJan 2016 – Dec 2017\n"
        "Built the nightly reports; moved the reporting to Power BI.\nJan 2015 – Dec 2015\n"
    )
    assert [(title, kind) for title, _start, kind in kinds(text)] == [
        ("Data Scientist, Acme Inc.", W),
        ("Machine Learning Intern, Beta Corp.", IN),
        ("Teaching Assistant, Univ. of X, Dept. of CS.", IN),
        ("Inżynier ML, Acme Sp. z o.o.", W),
        ("", W),  # a description's sentence is no title
    ]


@pytest.mark.parametrize(
    "title",
    [
        *("Sommarpraktikant", "Stażysta", "Stajyer", "Magang", "Stagiar", "Becario", "Prácticas", "Estagiária"),
        *("Tirocinio", "Studentische Hilfskraft", "HiWi", "Apprentie ingénieure (alternance)", "Iniciação Científica"),
    ],
)
def test_internships_in_other_languages(title: str) -> None:
    assert kinds(f"Experience\n{title}, Acme | Jun 2019 – Dec 2019\n") == [(f"{title}, Acme", "2019-06", IN)]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("PENGALAMAN KERJA", "experience"),
        ("Experiență profesională", "experience"),
        ("İŞ DENEYİMİ", "experience"),
        ("Mesleki Deneyim", "experience"),
        ("Przebieg pracy", "experience"),
        ("PENDIDIKAN", "education"),
        ("Eğitim", "education"),
        ("Wykształcenie", "education"),
        ("Educație", "education"),
    ],
)
def test_headings_in_other_languages(heading: str, kind: str) -> None:
    sections = read_text(f"Jan Kowalski\n\n{heading}\nAcme | 2019 – 2021\n", today=TODAY).sections
    assert [s.kind.value for s in sections if s.heading] == [kind]


@pytest.mark.parametrize(
    "heading",
    ["Professional Service", "Invited Talks", "Student Supervision", "Mentoring", "Grants and Funding", "Fellowships"],
)
def test_an_academics_other_sections_end_the_experience(heading: str) -> None:
    """Under a heading not known, a reviewer's years were read as part of the experience above them."""
    text = (
        "Experience\nResearch Scientist, Acme Labs | Jan 2020 – Dec 2022\n\n"
        f"{heading}\nReviewer, NeurIPS | 2012 – 2023\n\nEducation\nPhD, University of X | 2015 – 2019\n"
    )
    assert [title for title, _start, _kind in kinds(text)] == ["Research Scientist, Acme Labs"]


@pytest.mark.parametrize(
    "heading", ["Academic Positions", "Research Positions", "Part-time Work", "Consulting", "Freelance"]
)
def test_headings_of_positions(heading: str) -> None:
    text = f"Jane Doe\n\nSummary\nResearcher.\n\n{heading}\nLecturer, University of X | 2019 – 2021\n"
    assert [title for title, _start, _kind in kinds(text)] == ["Lecturer, University of X"]


ACADEMIC = (
    "Jane Roe\n\n"
    "Industry Experience\n"
    "Machine Learning Engineer, Acme Corp | 01/2022 – Present\n- Built ranking models.\n\n"
    "Academic Experience\n"
    "Postdoctoral Researcher, University of Example | 09/2019 – 12/2021\n- Graph models for chemistry.\n"
    "Graduate Research Assistant, Example Tech | 09/2014 – 08/2019\n- Thesis work on graph kernels.\n"
    "PhD Computer Science, Example Tech | 2014 – 2019\n\n"
    "Education\nBSc Mathematics, Example College, 2014\n"
)


def test_an_academic_heading_over_posts_is_experience() -> None:
    """"Academic Experience" over a postdoc and an assistantship holds posts: the postdoc counts fully, the
    assistantship at half, the doctorate named as a degree not at all."""
    resume = read_text(ACADEMIC, today=TODAY)
    assert [(p.title.split(",")[0], p.kind, p.counted) for p in resume.positions] == [
        ("Machine Learning Engineer", W, True),
        ("Postdoctoral Researcher", W, True),
        ("Graduate Research Assistant", IN, True),
        ("PhD Computer Science", PositionKind.EDUCATION, False),
    ]
    assert resume.years_experience == pytest.approx((41 + 27 + 59 / 2) / 12, abs=0.01)


def test_an_academic_heading_over_degrees_only_stays_education() -> None:
    text = (
        "Experience\nData Analyst, Beta Ltd | 03/2021 – Present\n- Dashboards.\n\n"
        "Academic Experience\nMSc Data Science, Example University | 2019 – 2021\n"
        "BSc Statistics, Example University | 2016 – 2019\n"
    )
    resume = read_text(text, today=TODAY)
    assert [s.kind.value for s in resume.sections if s.heading] == ["experience", "education"]
    assert resume.years_experience == round(51 / 12, 2)
