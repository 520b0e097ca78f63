"""Resumes in Cyrillic and Greek script: section headings in Russian, Ukrainian, Bulgarian, Serbian (Cyrillic and
Latin) and Greek, in capitals (Greek capitals without their accents) and in title case, a heading in two scripts
read by its Latin part; month names and words for "now" in their dates. Every text here is invented."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from gapcheck.reading import PositionKind, SectionKind, read_resume, read_text
from gapcheck.reading.phrases import with_greek_capitals
from gapcheck.reading.sections import heading_key, line_role

K = SectionKind
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TODAY = date(2025, 6, 1)
NOW = "2025-06"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Навыки", K.SKILLS),  # Russian
        ("КЛЮЧЕВЫЕ НАВЫКИ", K.SKILLS),
        ("Опыт работы", K.EXPERIENCE),
        ("ОПЫТ РАБОТЫ", K.EXPERIENCE),
        ("Профессиональный опыт:", K.EXPERIENCE),
        ("Проекты", K.PROJECTS),
        ("Образование", K.EDUCATION),
        ("Сертификаты", K.CERTIFICATIONS),
        ("Повышение квалификации, курсы", K.CERTIFICATIONS),
        ("О себе", K.SUMMARY),
        ("Навички", K.SKILLS),  # Ukrainian
        ("ДОСВІД РОБОТИ", K.EXPERIENCE),
        ("Освіта", K.EDUCATION),
        ("Проєкти", K.PROJECTS),
        ("Умения", K.SKILLS),  # Bulgarian
        ("Професионален опит", K.EXPERIENCE),
        ("ОБРАЗОВАНИЕ", K.EDUCATION),
        ("Вештине", K.SKILLS),  # Serbian in Cyrillic and in Latin
        ("Радно искуство", K.EXPERIENCE),
        ("Образовање", K.EDUCATION),
        ("Veštine", K.SKILLS),
        ("RADNO ISKUSTVO", K.EXPERIENCE),
        ("Obrazovanje", K.EDUCATION),
        ("Sertifikati", K.CERTIFICATIONS),
        ("Δεξιότητες", K.SKILLS),  # Greek, in capitals without accents too
        ("ΔΕΞΙΟΤΗΤΕΣ", K.SKILLS),
        ("Επαγγελματική εμπειρία", K.EXPERIENCE),
        ("ΕΠΑΓΓΕΛΜΑΤΙΚΗ ΕΜΠΕΙΡΙΑ", K.EXPERIENCE),
        ("Εκπαίδευση", K.EDUCATION),
        ("ΈΡΓΑ", K.PROJECTS),
        ("Πιστοποιήσεις", K.CERTIFICATIONS),
        ("Προφίλ", K.SUMMARY),
        ("Опыт работы / Work experience", K.EXPERIENCE),  # two scripts: a bilingual heading
        ("Опыт работы Work Experience", K.EXPERIENCE),  # no mark between them: its Latin part
        ("EDUCATION | ΕΚΠΑΙΔΕΥΣΗ", K.EDUCATION),
        ("Достижения", K.OTHER),  # a heading of another kind ends the section above it
    ],
)
def test_headings_in_cyrillic_and_greek(line: str, kind: SectionKind) -> None:
    assert line_role(line).heading is kind


@pytest.mark.parametrize(
    "line",
    [
        "Опыт ML-разработки в банке",  # a sentence that opens with the word for experience
        "Проекты ML-команды банка",
        "опыт работы",  # lower case: prose, not a heading
        "ООО РОМАШКА",  # an employer in capitals
        "Инженер машинного обучения",
        "Έργα και ημέρες ενός μηχανικού δεδομένων στην Αθήνα",
    ],
)
def test_lines_that_are_no_headings(line: str) -> None:
    assert line_role(line).heading is None


def test_a_word_of_the_languages_that_opens_ordinary_lines_is_no_colon_heading() -> None:
    """As "Experience: 5 years" is a fact, not a heading, so is "Опыт: 5 лет"; "Навыки: ..." heads a list."""
    assert line_role("Опыт: 5 лет в ML").heading is None
    assert line_role("Навыки: Python, SQL, Docker").heading is K.SKILLS
    assert line_role("КЛЮЧЕВЫЕ НАВЫКИ Python, SQL").heading is K.SKILLS


def test_keys_of_other_scripts_drop_accents_and_fold_final_sigma() -> None:
    assert heading_key("ΕΠΑΓΓΕΛΜΑΤΙΚΗ ΕΜΠΕΙΡΙΑ") == heading_key("Επαγγελματική εμπειρία")
    assert heading_key("ΔΕΞΙΟΤΗΤΕΣ") == heading_key("δεξιότητες")
    assert heading_key("Опыт работы Work experience") == "workexperience"  # the Latin part, as before
    assert heading_key("Опыт работы") != heading_key("Образование")


def test_greek_capitals_forms() -> None:
    forms = with_greek_capitals(["σήμερα", "μαΐου", "present"])
    assert forms[:3] == ["σήμερα", "σημερα", "μαΐου"]
    assert {"μαϊου", "μαιου"} <= set(forms) and forms.count("present") == 1


def span(dates: str) -> list[tuple[str, str]]:
    text = f"Опыт работы\nИнженер машинного обучения, ООО Пример\n{dates}\n- Обучал модели\n"
    return [(f"{p.start:%Y-%m}", f"{p.end:%Y-%m}") for p in read_text(text, today=TODAY).positions]


@pytest.mark.parametrize(
    ("dates", "start", "end"),
    [
        ("янв. 2020 – по настоящее время", "2020-01", NOW),  # Russian
        ("ЯНВАРЬ 2019 — МАРТ 2021", "2019-01", "2021-03"),
        ("февр. 2018 – нояб. 2019", "2018-02", "2019-11"),
        ("03.2021 по н.в.", "2021-03", NOW),
        ("03.2021 – по н.в.", "2021-03", NOW),
        ("вересня 2019 – дотепер", "2019-09", NOW),  # Ukrainian
        ("Січень 2020 – Лютий 2021", "2020-01", "2021-02"),
        ("вер. 2019 – тепер", "2019-09", NOW),
        ("септември 2019 – до момента", "2019-09", NOW),  # Bulgarian
        ("януари 2018 – декември 2019", "2018-01", "2019-12"),
        ("септембар 2019 – данас", "2019-09", NOW),  # Serbian
        ("avgust 2017 – decembar 2019", "2017-08", "2019-12"),
        ("Ιαν 2020 – σήμερα", "2020-01", NOW),  # Greek, in capitals without accents too
        ("ΙΑΝ 2020 – ΣΗΜΕΡΑ", "2020-01", NOW),
        ("Σεπτέμβριος 2019 – Μάιος 2021", "2019-09", "2021-05"),
        ("ΣΕΠΤΕΜΒΡΙΟΣ 2019 – ΜΑΪΟΣ 2021", "2019-09", "2021-05"),
        ("ΜΑΪΟΥ 2018 – ΙΟΥΝΙΟΥ 2019", "2018-05", "2019-06"),
        ("Μαΐου 2018 έως Ιουλίου 2019", "2018-05", "2019-07"),
        ("Οκτ 2019 - Τώρα", "2019-10", NOW),
    ],
)
def test_dates_in_cyrillic_and_greek(dates: str, start: str, end: str) -> None:
    assert span(dates) == [(start, end)]


def test_a_month_word_inside_a_word_is_no_month() -> None:
    """ "сеп" and "нов" are months only as words of their own: "Новосибирск 2019" holds no November."""
    text = "Опыт работы\nИнженер, Новосибирск 2019 – 2021\n- Обучал модели\n"
    assert [(f"{p.start:%Y-%m}", f"{p.end:%Y-%m}") for p in read_text(text, today=TODAY).positions] == [
        ("2019-01", "2021-01")
    ]


def test_a_russian_pdf() -> None:
    """Before these headings were known, the whole text after "Опыт работы" was experience: the degree's years were
    counted as a job."""
    resume = read_resume(FIXTURES / "russian.pdf")  # its file date: 2024-01
    assert [(s.kind, s.heading) for s in resume.sections] == [
        (K.OTHER, ""),
        (K.SUMMARY, "О СЕБЕ"),
        (K.SKILLS, "КЛЮЧЕВЫЕ НАВЫКИ"),
        (K.EXPERIENCE, "Опыт работы / Work experience"),
        (K.EDUCATION, "ОБРАЗОВАНИЕ"),
        (K.CERTIFICATIONS, "Сертификаты"),
    ]
    assert [(f"{p.start:%Y-%m}", f"{p.end:%Y-%m}", p.current) for p in resume.positions] == [
        ("2021-01", "2024-01", True),
        ("2017-09", "2020-12", False),
    ]
    assert all(p.kind is PositionKind.WORK for p in resume.positions)
    assert resume.years_experience is not None and 6.0 <= resume.years_experience <= 6.5


def test_a_greek_docx() -> None:
    resume = read_resume(FIXTURES / "greek.docx")  # its file date: 2025-03
    assert [s.kind for s in resume.sections] == [
        K.OTHER,
        K.SUMMARY,
        K.SKILLS,
        K.EXPERIENCE,
        K.PROJECTS,
        K.EDUCATION,
        K.CERTIFICATIONS,
    ]
    assert [(f"{p.start:%Y-%m}", f"{p.end:%Y-%m}") for p in resume.positions] == [
        ("2022-01", "2025-03"),
        ("2018-09", "2021-12"),
    ]
    assert resume.years_experience is not None and 6.3 <= resume.years_experience <= 6.6


@pytest.mark.parametrize(
    ("dates", "start", "end"),
    [
        # a year's mark after the year: Russian/Bulgarian "г.", "гг.", Ukrainian "р.", "року", Russian "года"
        ("2019 г. – 2021 г.", "2019-01", "2021-01"),
        ("2019г. – 2021г.", "2019-01", "2021-01"),
        ("2019 г. – н.в.", "2019-01", NOW),
        ("2019 р. – 2021 р.", "2019-01", "2021-01"),
        ("2019 – 2021 гг.", "2019-01", "2021-01"),
        ("03.2019 г. – 05.2021 г.", "2019-03", "2021-05"),
        ("март 2019 г. – настоящее время", "2019-03", NOW),
        ("март 2019 г. – май 2021 г.", "2019-03", "2021-05"),
        # a year with a full stop after it: Serbian, Croatian, Hungarian, Polish
        ("2019. – 2021.", "2019-01", "2021-01"),
        ("03.2019. – 05.2021.", "2019-03", "2021-05"),
        ("2019. – danas", "2019-01", NOW),
        ("2019. március – 2021. május", "2019-03", "2021-05"),  # Hungarian: the year, then the month
        ("2019. márc. – 2021. máj.", "2019-03", "2021-05"),
        ("2019. március – 2021.", "2019-03", "2021-01"),
        # "since" opening the dates' field, nothing after the date: to the present
        ("с 2019", "2019-01", NOW),  # Russian
        ("с марта 2019", "2019-03", NOW),
        ("с марта 2019 г.", "2019-03", NOW),
        ("с 2019 года", "2019-01", NOW),
        ("з 2019", "2019-01", NOW),  # Ukrainian
        ("з березня 2019", "2019-03", NOW),
        ("з 2019 р.", "2019-01", NOW),
        ("від 2019", "2019-01", NOW),
        ("от 2019", "2019-01", NOW),  # Bulgarian
        ("од 2019", "2019-01", NOW),  # Serbian
        ("od 2019", "2019-01", NOW),  # Serbian, Croatian, Polish, Czech in Latin script
        ("od 2019. godine", "2019-01", NOW),
        ("από το 2019", "2019-01", NOW),  # Greek, in capitals without accents too
        ("από 2019", "2019-01", NOW),
        ("ΑΠΟ ΤΟ 2019", "2019-01", NOW),
        # those words before a range: the range, not an open position
        ("с 2019 по 2021", "2019-01", "2021-01"),
        ("с 2019 г. по 2021 г.", "2019-01", "2021-01"),
        ("з 2019 по 2021", "2019-01", "2021-01"),
        ("от 2019 до 2021", "2019-01", "2021-01"),
        ("od 2019 do 2021", "2019-01", "2021-01"),
        ("od 2019. do 2021.", "2019-01", "2021-01"),
        ("από το 2019 έως 2021", "2019-01", "2021-01"),
    ],
)
def test_year_marks_full_stops_and_since_words(dates: str, start: str, end: str) -> None:
    assert span(dates) == [(start, end)]


def test_since_words_after_a_field_mark() -> None:
    text = "Опыт работы\nИнженер машинного обучения, ООО Пример | с марта 2019\n- Обучал модели\n"
    positions = read_text(text, today=TODAY).positions
    assert [(f"{p.start:%Y-%m}", f"{p.end:%Y-%m}", p.current) for p in positions] == [("2019-03", NOW, True)]


@pytest.mark.parametrize(
    "line",
    [
        "Работа с 2019 клиентами банка",  # "с" inside a sentence, not opening the field
        "Инженер, ООО Пример, с 2019 года руководил командой",  # words after the date
        "Инженер, ООО Пример | з 2019 року працював у банку",
        "Εργάστηκα από το 2019 στην Αθήνα",
        "Data Engineer, Acme | Kod 2019",  # "od" at a word's end
        "Data Engineer, Acme | Method 2019",
        "Инженер, ООО Пример, в 2019 г. запустил модель",  # a year with its mark alone
        "Data Engineer, Acme, released 2019.",  # a year with a full stop alone
    ],
)
def test_look_alikes_of_since_words_and_year_marks(line: str) -> None:
    text = f"Опыт работы\n{line}\n- Обучал модели\n"
    assert read_text(text, today=TODAY).positions == ()


@pytest.mark.parametrize(
    ("dates", "start", "end"),
    [
        ("2019 – 2021, г. Москва", "2019-01", "2021-01"),  # "г." of a city's name after the range
        ("2019 – 2021 | г. Москва", "2019-01", "2021-01"),
        ("03.2019 – 2021.5", "2019-03", "2021-05"),  # a decimal point after a year is no full stop: "2021.5"
        ("Released 2019. Mar 2020 – н.в.", "2020-03", NOW),  # a year ending a sentence before the dates
    ],
)
def test_year_marks_elsewhere_break_nothing(dates: str, start: str, end: str) -> None:
    assert span(dates) == [(start, end)]
