"""Classes of resume whose level the signals used to misread, each built from synthetic text.

Career changers: years of other work lift no one to junior until the junior's ML work shows (work_shown_levels).
Guide 002's entry band is for people starting out in ML, whatever came before; its junior band is the first to name
ML work in production. An analyst, accountant or engineer in a first data-science job, whose models are not deployed,
is entry however long the earlier career; the same resume with the model in production is junior.
Undated resumes: a stated figure counts as the role the headline names; with no years at all, a headline title of
the ladder is the rung it names.
"""

from __future__ import annotations

from datetime import date

from gapcheck.analysis import analyze_text
from gapcheck.knowledge import load_taxonomy
from gapcheck.report.advice import assessment
from gapcheck.scoring.experience import headline
from gapcheck.scoring.level import Reason

TAXONOMY = load_taxonomy()
TODAY = date(2026, 3, 1)

CHANGER = """Dana Okafor
Junior Data Scientist

EXPERIENCE
Junior Data Scientist, Harbour Lending — Jan 2025 - Present
- Built gradient boosting and logistic regression models in Python notebooks to rank overdue loans.
- Compared the models with scikit-learn metrics and presented the results to the credit committee.
{deployed}
Senior Auditor, Marsh & Lowe Accountants — Jan 2017 - Dec 2024
- Led audits of mid-sized manufacturers; built reconciliation reports in SQL and Excel.
- Automated sampling checks with SQL queries over the general ledger.

EDUCATION
Data Science Bootcamp, Lagos Tech Academy, 2024

SKILLS
Python, SQL, pandas, scikit-learn, XGBoost, Excel
"""

NOT_DEPLOYED = CHANGER.format(deployed="")
DEPLOYED = CHANGER.format(
    deployed="- Deployed the ranking model to production behind a FastAPI service in Docker; it scores loans nightly."
)


def test_a_long_earlier_career_and_a_first_ml_job_without_a_model_in_production_is_entry() -> None:
    report = analyze_text(NOT_DEPLOYED, today=TODAY, source_name="changer.txt")
    now = report.current
    assert now.ml_years < 2.0  # about a year of ML work, eight of audit and SQL reporting before it
    assert now.by_years == "junior"  # the earlier years, at a third, reach the junior band
    assert now.level == "entry" and now.reason == Reason.SKILLS
    said = assessment(TAXONOMY, now)
    assert said.startswith("Entry-level ML engineer: the years alone suggest Junior ML engineer")
    assert "does not yet show the ML work that Junior ML engineer adds" in said


def test_the_same_career_with_the_model_in_production_is_junior() -> None:
    now = analyze_text(DEPLOYED, today=TODAY, source_name="changer.txt").current
    assert now.by_years == "junior" and now.level == "junior"


def test_ml_years_of_the_junior_band_need_no_deployment_shown() -> None:
    # two and more years in ML work: the years are the ML work's own, and the band places them as before
    longer = NOT_DEPLOYED.replace("Jan 2025 - Present", "Jan 2023 - Present").replace("Dec 2024", "Dec 2022")
    now = analyze_text(longer, today=TODAY, source_name="changer.txt").current
    assert now.ml_years >= 2.0 and now.level == now.by_years and now.reason == Reason.YEARS


def test_a_current_ml_job_lifts_no_one_to_junior_without_the_work_shown() -> None:
    # the current job's floor (in_work_level) asks for the same: a junior's work, or a junior's ML years
    ops = NOT_DEPLOYED.replace("Junior Data Scientist, Harbour Lending", "ML Engineer, Harbour Lending")
    now = analyze_text(ops, today=TODAY, source_name="changer.txt").current
    assert now.level == "entry"
    shown = DEPLOYED.replace("Junior Data Scientist, Harbour Lending", "ML Engineer, Harbour Lending")
    assert analyze_text(shown, today=TODAY, source_name="changer.txt").current.level == "junior"


UNDATED = """Alex Moreau
{headline}
alex.moreau@example.com | +33 6 12 34 56 78

SUMMARY
Engineer with 9 years of experience building and running production systems.

EXPERIENCE
{title}, Lumio Payments
- Designed the architecture of the fraud-detection ML platform serving 4k requests per second.
- Trained and deployed gradient boosting and PyTorch models; served them with Docker on Kubernetes.
- Set up model monitoring, drift alerts and retraining pipelines with MLflow and Airflow.
- Mentored four engineers and led design reviews.
Software Engineer, Orbis Systems
- Backend services in Java and Python; REST APIs; unit tests with pytest.

SKILLS
Python, SQL, Git, PyTorch, scikit-learn, Docker, Kubernetes, MLflow, Airflow, AWS
"""


def test_stated_years_without_dated_positions_count_as_the_role_the_headline_names() -> None:
    """No position is dated (the dates sit where the reader cannot read them), only "9 years of experience": the
    headline under the name says whose years they are; without one, the best credit among the kinds shown."""
    ml = UNDATED.format(headline="Senior Machine Learning Engineer", title="Senior Machine Learning Engineer")
    report = analyze_text(ml, today=TODAY, source_name="undated.txt")
    assert report.experience.positions == () and report.current.years == 9.0
    assert report.current.relevant_years == 9.0 and report.current.level == "senior"
    software = UNDATED.format(headline="Senior Software Engineer", title="Senior Software Engineer")
    assert analyze_text(software, today=TODAY, source_name="undated.txt").current.relevant_years == 2.97
    # no headline role: the resume's ML work (models trained and deployed) is what the figure was spent on
    unnamed = UNDATED.format(headline="Lyon, France", title="Senior Machine Learning Engineer")
    assert analyze_text(unnamed, today=TODAY, source_name="undated.txt").current.relevant_years == 9.0
    # a headline names the roles sought too: a word that bars the ML kind anywhere in it ("Analyst") keeps its
    # years off ML work, though a job title holding both words ("ML Analyst") would be ML work
    sought = UNDATED.format(headline="Data Analyst | Open to: Machine Learning Engineer", title="Data Analyst")
    assert analyze_text(sought, today=TODAY, source_name="undated.txt").current.relevant_years == 2.97


THIN = """Sam Ortega
Machine Learning Engineer
sam.ortega@example.com

SUMMARY
Machine learning engineer with {years} years of experience.

EXPERIENCE
Machine Learning Engineer, Tidewater Analytics{dates}
- Trained scikit-learn models in Python to score customer churn.
- Wrote SQL queries to build the training tables.
- Deployed the churn model to production behind a FastAPI service in Docker.

SKILLS
Python, SQL, scikit-learn, pandas
"""


def _levels(text: str) -> tuple[int, int]:
    """(the level placed, the level by the skills alone with the years withheld) as indexes."""
    from gapcheck.matching import match_skills
    from gapcheck.reading import read_text
    from gapcheck.scoring import score

    ids = [lv.id for lv in TAXONOMY.levels]
    report = analyze_text(text, today=TODAY, source_name="thin.txt")
    resume = read_text(text, today=TODAY)
    head = tuple(s for s in resume.sections[:1] if not s.heading)
    alone = score(TAXONOMY, match_skills(resume, TAXONOMY), None, sections=head).current.level
    return ids.index(report.current.level), ids.index(alone)


def test_stated_years_with_no_dated_position_lift_the_level_at_most_undated_above_over_the_skills() -> None:
    """Twelve stated years over a junior's skills (a model deployed): with the position dated, the years' ML work
    places the resume up to ``above_skills`` over the skills; stated with no date, the figure cannot be split, so the
    level is held to ``undated_above`` over where the skills alone place it."""
    rules = TAXONOMY.scoring.experience
    assert rules is not None and rules.undated_above is not None and rules.undated_above < rules.above_skills
    undated, alone = _levels(THIN.format(years=12, dates=""))
    assert undated == alone + rules.undated_above
    dated, alone_dated = _levels(THIN.format(years=12, dates=" — Jan 2014 - Present"))
    assert alone_dated == alone and dated > undated
    # a short figure is placed by its years as before: the cap only ever lowers a level
    few, _ = _levels(THIN.format(years=1, dates=""))
    assert few == 0 < alone


UNREAD = """Jordan Baptiste
{headline}
jordan.baptiste@example.org · linkedin.com/in/jbaptiste · +44 7700 900123

EXPERIENCE
Northwind Retail
- Trained gradient boosting and PyTorch models for demand forecasting; deployed them behind FastAPI.
- Ran weekly design reviews for the forecasting team.

SKILLS
Python, SQL, Git, PyTorch, scikit-learn, Docker
"""


def test_an_undated_resume_under_a_ladder_title_is_at_the_rung_it_names() -> None:
    """No date and no stated figure: the skills place it (a model deployed: junior), and the headline's title of the
    ML engineer's ladder, the employer's word for a scope the skills may not show, stands as its rung."""
    lead = analyze_text(UNREAD.format(headline="Lead Machine Learning Engineer"), today=TODAY, source_name="u.txt")
    now = lead.current
    assert now.years is None and now.by_skills == "junior"
    assert now.level == "lead" and now.reason == Reason.TITLE and now.title == "Lead Machine Learning Engineer"
    said = assessment(TAXONOMY, now)
    assert said.startswith("Lead / principal ML engineer: the headline's title \u201cLead Machine Learning")
    assert "years of experience could not be read" in said
    senior = analyze_text(UNREAD.format(headline="Senior ML Engineer"), today=TODAY, source_name="u.txt").current
    assert senior.level == "senior"
    # off the ladder (a data scientist's title, guide 000's stepping stone) or no rung named: the skills decide
    for line in ("Senior Data Scientist", "Machine Learning Engineer", "Lyon, France"):
        placed = analyze_text(UNREAD.format(headline=line), today=TODAY, source_name="u.txt").current
        assert (placed.level, placed.reason) == ("junior", Reason.SKILLS_ONLY), line


def test_the_headline_leaves_out_the_name_and_the_contact_lines() -> None:
    from gapcheck.reading import read_text

    resume = read_text(UNREAD.format(headline="Lead Machine Learning Engineer"), source_name="u.txt")
    assert headline(resume.sections) == "Lead Machine Learning Engineer"


SPANISH = """Lucía Ferrer
{headline}

EXPERIENCIA
{title}, Comercial Levante S.A. — Jan 2021 - Present
- Modelos de regresión logística y árboles de decisión en Python para predecir la demanda semanal.
- Segmentación de clientes con k-means y scikit-learn; informes en SQL para el área comercial.
Desarrolladora Python, Soluciones Turia — Jan 2019 - Dec 2020
- Servicios web en Django y pruebas unitarias con pytest.

HABILIDADES
Python, SQL, scikit-learn, pandas, Git
"""


def test_job_titles_in_other_languages_are_read_as_their_english_words() -> None:
    """An analyst's job is a stepping stone whatever language names it ("Analista de Datos"), however many models its
    bullets name; a developer's is software work ("Desarrolladora"); an ML title is ML work in any of the
    translations' languages, and its rung word ("sénior") is a rung."""
    analyst = analyze_text(SPANISH.format(headline="", title="Analista de Datos"), today=TODAY, source_name="es.txt")
    assert [p.work for p in analyst.experience.positions] == ["software", "software"]
    assert analyst.current.ml_years == 0.0 and analyst.current.level == "entry"
    ml = "Ingeniera sénior de aprendizaje automático"
    engineer = analyze_text(SPANISH.format(headline="", title=ml), today=TODAY, source_name="es.txt").current
    assert engineer.ml_years >= 5.0 and engineer.title == f"{ml}, Comercial Levante S.A."


def test_an_undated_resume_under_a_translated_ladder_title_is_at_its_rung() -> None:
    text = UNREAD.format(headline="Directora de Inteligencia Artificial")
    now = analyze_text(text, today=TODAY, source_name="u.txt").current
    assert now.years is None and now.level == "lead" and now.reason == Reason.TITLE


STATISTICIAN = """Marta Zielińska
Machine Learning Engineer

EXPERIENCE
Machine Learning Engineer, Vistula Freight — Jan 2024 - Present
- Trained LightGBM demand models and deployed them as a FastAPI service in Docker, retrained monthly.
Pricing Statistician, Baltic Mutual — Jan 2020 - Dec 2023
- Built generalized linear models and gradient boosting models for motor-insurance pricing in R and Python.
- Ran logistic regression and survival analysis on claims; validated the models with cross-validation.

SKILLS
Python, R, SQL, LightGBM, scikit-learn, Docker, Git
"""


def test_a_statisticians_models_are_that_professions_work_not_ml_years() -> None:
    report = analyze_text(STATISTICIAN, today=TODAY, source_name="stat.txt")
    assert [p.work for p in report.experience.positions][1] != "ml"
    assert report.current.ml_years < 3.0 and report.current.level == "junior"


TEACHER = """Rhys Morgan
Junior Machine Learning Engineer

EXPERIENCE
Junior Machine Learning Engineer, Severn Health Analytics — Sep 2024 - Present
- Trained an XGBoost readmission model in Python and deployed it as a FastAPI service in Docker on Azure.
- Wrote pytest tests for the feature pipeline and reported drift to the clinical team.
{title}, Ysgol Bryn Castell — Sep 2016 - Jul 2024
- Taught Python programming and data handling with SQL to sixth-form students.
- Built the department's marks database in SQL and Excel and wrote Python scripts to produce reports.

SKILLS
Python, SQL, XGBoost, scikit-learn, Docker, Git, Azure
"""


def test_a_teachers_years_are_teaching_not_software_work() -> None:
    """A teacher's entry names the subjects taught (Python, SQL): those years are not software or data work, so eight
    of them add nothing to a year and a half in ML; the job now, with its model in production, is junior."""
    report = analyze_text(TEACHER.format(title="Computing Teacher"), today=TODAY, source_name="t.txt")
    assert [p.work for p in report.experience.positions] == ["ml", "other"]
    assert report.current.relevant_years == report.current.ml_years
    assert report.current.level == "junior" and report.current.reason == Reason.IN_WORK
    # the same entry under a developer's title is software work, counted at its credit
    developer = analyze_text(TEACHER.format(title="Python Developer"), today=TODAY, source_name="t.txt").current
    assert developer.relevant_years is not None and developer.relevant_years > developer.ml_years + 2.0
