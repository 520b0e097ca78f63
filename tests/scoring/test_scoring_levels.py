"""Scoring on the real taxonomy with constructed matches: coverage, cumulative levels, the current level, target."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterable
from datetime import date
from types import MappingProxyType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from gapcheck.analysis import analyze_text
from gapcheck.errors import UnknownLevelError
from gapcheck.knowledge import load_taxonomy
from gapcheck.knowledge.model import Importance, Taxonomy
from gapcheck.matching.model import Evidence, Method, SkillMatch, Strength
from gapcheck.reading.model import Position, PositionKind
from gapcheck.report.advice import assessment
from gapcheck.report.markdown import render_markdown
from gapcheck.report.terminal import render_terminal
from gapcheck.scoring import coverage, level_by_years, relevant_years, score
from gapcheck.scoring.level import Reason

TAXONOMY = load_taxonomy()
LEVEL_IDS = [lv.id for lv in TAXONOMY.levels]
STRENGTHS = list(Strength)
UMBRELLAS = {u.skill: u.learn for u in TAXONOMY.scoring.umbrellas}
GROUPED = {sid for group in TAXONOMY.scoring.alternatives for sid in group.skills}


def match(skill_id: str, strength: Strength = Strength.DEMONSTRATED, at: int = 5) -> SkillMatch:
    skill = TAXONOMY.skill(skill_id)
    section = {"demonstrated": "experience", "listed": "skills"}.get(str(strength), "summary")
    evidence = Evidence(
        section=section,
        text=f"Used {skill.name}",
        start=at,
        end=at + len(skill.name),
        method=Method.IMPLIED if strength == Strength.IMPLIED else Method.EXACT,
        matched=skill.name,
        hedged=strength == Strength.HEDGED,
        implied_by="python" if strength == Strength.IMPLIED else None,
    )
    return SkillMatch(
        skill_id=skill.id, name=skill.name, category=skill.category, strength=strength, evidence=(evidence,)
    )


def matches_for(skill_ids: Iterable[str], strength: Strength = Strength.DEMONSTRATED) -> list[SkillMatch]:
    return [match(s, strength) for s in skill_ids]


def strengths_for(skill_ids: Iterable[str], strength: Strength = Strength.DEMONSTRATED) -> dict[str, Strength]:
    return {s: strength for s in skill_ids}


def expected_ids(level_id: str) -> list[str]:
    return [e.skill_id for e in TAXONOMY.level(level_id).expectations]


def job(title: str, start: int, end: int, span: tuple[int, int] = (0, 10_000)) -> Position:
    months = (end - start) * 12.0
    return Position(title, date(start, 1, 1), date(end, 1, 1), False, PositionKind.WORK, months, span[0], span[1])


def test_nothing_found_is_entry_with_no_ml_shown_and_targets_the_next_level() -> None:
    scores = score(TAXONOMY, [], None)
    assert [s.level for s in scores.levels] == LEVEL_IDS
    assert all(s.coverage == 0.0 and s.required_coverage == 0.0 and not s.met for s in scores.levels)
    assert scores.current.by_skills is None  # by skills alone
    assert scores.current.level == LEVEL_IDS[0] and scores.current.reason == "no-ml"
    assert scores.target_level == LEVEL_IDS[1]
    assert all(g.kind == "missing" for g in scores.gaps)


def test_everything_demonstrated_over_many_ml_years_is_the_top_level_with_no_gaps() -> None:
    every = {e.skill_id for lv in TAXONOMY.levels for e in lv.expectations}
    scores = score(TAXONOMY, matches_for(every), 12.0, positions=[job("ML Engineer", 2010, 2022)])
    assert all(s.coverage == 1.0 and s.required_coverage == 1.0 and s.met for s in scores.levels)
    assert scores.current.by_skills == LEVEL_IDS[-1] and scores.current.level == LEVEL_IDS[-1]
    assert scores.target_level == LEVEL_IDS[-1]  # nothing after the top level
    assert scores.gaps == ()
    assert scores.plan == ()


@pytest.mark.parametrize("index", range(len(LEVEL_IDS) - 1))
def test_levels_are_cumulative_and_the_target_is_the_next_level(index: int) -> None:
    level_id = LEVEL_IDS[index]
    scores = score(TAXONOMY, matches_for(expected_ids(level_id)), None)
    by_level = {s.level: s for s in scores.levels}
    for lower in LEVEL_IDS[: index + 1]:
        assert by_level[lower].coverage == 1.0, lower  # everything a lower level expects is expected here too
        assert by_level[lower].met
    assert scores.current.by_skills in LEVEL_IDS[index:]
    assert scores.current.reason == "skills-only" and scores.current.level == scores.current.by_skills
    best = LEVEL_IDS.index(scores.current.by_skills or "")
    assert scores.target_level == LEVEL_IDS[min(best + 1, len(LEVEL_IDS) - 1)]
    assert not scores.target.chosen
    # the gaps: the next level's new expectations, an umbrella replaced by its part, alternatives by one of them,
    # less what the skills demonstrated show ([[scoring.shows]]: LLM work shows generative AI)
    new = set(expected_ids(scores.target_level)) - set(expected_ids(level_id))
    shown = {sid for rule in TAXONOMY.scoring.shows if rule.skill in expected_ids(level_id) for sid in rule.skills}
    gaps = {g.id for g in scores.gaps}
    assert gaps <= new | set(UMBRELLAS.values())
    assert new - set(UMBRELLAS) - GROUPED - shown <= gaps


def test_coverage_decreases_with_weaker_strength() -> None:
    factors = TAXONOMY.scoring.strength_factors
    for level in TAXONOMY.levels:
        values = []
        for strength in sorted(STRENGTHS, key=lambda s: -factors[str(s)]):
            values.append(coverage(TAXONOMY, level.expectations, strengths_for(expected_ids(level.id), strength),
                                   required_only=False))  # fmt: skip
        assert values == sorted(values, reverse=True)
        assert values[0] == 1.0
    level = TAXONOMY.levels[-1]
    for strength in (Strength.DEMONSTRATED, Strength.LISTED, Strength.MENTIONED, Strength.HEDGED):
        found = strengths_for(expected_ids(level.id), strength)
        assert coverage(TAXONOMY, level.expectations, found, required_only=False) == pytest.approx(
            factors[str(strength)], abs=1e-4
        )


@settings(max_examples=60, deadline=None)
@given(
    st.dictionaries(st.sampled_from(sorted(expected_ids("lead"))), st.sampled_from(STRENGTHS), max_size=40),
    st.sampled_from(sorted(expected_ids("lead"))),
)
def test_coverage_is_monotone_in_strength(chosen: dict[str, Strength], upgraded: str) -> None:
    """Raising one skill's strength (or adding it) never lowers any level's coverage."""
    before = score(TAXONOMY, [match(s, st_) for s, st_ in chosen.items()], None)
    after_map = dict(chosen)
    after_map[upgraded] = Strength.DEMONSTRATED
    after = score(TAXONOMY, [match(s, st_) for s, st_ in after_map.items()], None)
    for b, a in zip(before.levels, after.levels, strict=True):
        assert 0.0 <= b.coverage <= a.coverage <= 1.0
        assert 0.0 <= b.required_coverage <= a.required_coverage <= 1.0


def test_factors_are_data_not_constants() -> None:
    """Changing the taxonomy's strength factor for 'listed' changes a listed-only resume's coverage."""
    level = TAXONOMY.levels[0]
    found = strengths_for(expected_ids(level.id), Strength.LISTED)
    factors = dict(TAXONOMY.scoring.strength_factors)
    factors["listed"] = 0.25
    changed = dataclasses.replace(
        TAXONOMY, scoring=dataclasses.replace(TAXONOMY.scoring, strength_factors=MappingProxyType(factors))
    )
    assert coverage(changed, level.expectations, found, required_only=False) == pytest.approx(0.25, abs=1e-4)
    assert coverage(TAXONOMY, level.expectations, found, required_only=False) == pytest.approx(
        TAXONOMY.scoring.strength_factors["listed"], abs=1e-4
    )


def test_required_coverage_counts_required_expectations_only() -> None:
    level = TAXONOMY.levels[0]
    required = [e.skill_id for e in level.expectations if e.importance == Importance.REQUIRED]
    others = [e.skill_id for e in level.expectations if e.importance != Importance.REQUIRED]
    only_required = coverage(TAXONOMY, level.expectations, strengths_for(required), required_only=True)
    assert only_required == 1.0
    assert coverage(TAXONOMY, level.expectations, strengths_for(required), required_only=False) < 1.0
    assert coverage(TAXONOMY, level.expectations, strengths_for(others), required_only=False) > 0.0


def test_best_fit_threshold_comes_from_the_data() -> None:
    level = TAXONOMY.levels[0]
    required = [e for e in level.expectations if e.importance == Importance.REQUIRED]
    total = sum(e.weight for e in required)
    chosen: list[str] = []
    weight = 0.0
    for exp in sorted(required, key=lambda e: (-e.weight, e.skill_id)):
        if (weight + exp.weight) / total >= TAXONOMY.scoring.best_fit_required_coverage:
            below = score(TAXONOMY, matches_for(chosen), None)
            at = score(TAXONOMY, matches_for([*chosen, exp.skill_id]), None)
            assert below.current.by_skills is None and below.current.level == LEVEL_IDS[0]
            assert at.current.by_skills == LEVEL_IDS[0] and at.target_level == LEVEL_IDS[1]
            return
        chosen.append(exp.skill_id)
        weight += exp.weight
    pytest.fail("threshold never reached")


@pytest.mark.parametrize("level", TAXONOMY.levels, ids=lambda lv: lv.id)
def test_level_by_years_follows_guide_002s_bands(level: object) -> None:
    lv = TAXONOMY.level(getattr(level, "id"))  # noqa: B009 - keeps the parametrize id readable
    assert level_by_years(TAXONOMY, lv.years_min) == lv.id
    if lv.years_max is not None:
        assert level_by_years(TAXONOMY, lv.years_max - 0.01) == lv.id
    else:
        assert level_by_years(TAXONOMY, lv.years_min + 30) == lv.id
    assert [(x.years_min, x.years_max) for x in TAXONOMY.levels] == [(0, 2), (2, 4), (4, 7), (7, 10), (10, None)]


def test_level_by_years_unknown() -> None:
    assert level_by_years(TAXONOMY, None) is None
    assert score(TAXONOMY, [], None).current.by_years is None


def test_relevant_years_credit_ml_work_fully_and_software_work_less() -> None:
    """Years of a position showing ML count fully; software work counts less; other work less still."""
    rules = TAXONOMY.scoring.experience
    assert rules is not None
    credit = {k.id: k.credit for k in rules.kinds}
    ml = [match("pytorch", at=10), match("feature-engineering", at=30)]  # two ML skills inside the first job
    software = [match("docker", at=210), match("git", at=230)]  # software skills inside the second
    positions = [job("Platform team", 2010, 2014, (0, 100)), job("Backend", 2014, 2020, (200, 300)),
                 job("Shop assistant", 2000, 2010, (400, 500))]  # fmt: skip
    years = relevant_years(TAXONOMY, 20.0, positions, [*ml, *software])
    assert years.kinds == ("ml", "software", "other")
    assert years.relevant == pytest.approx(
        4 * credit["ml"] + 6 * credit["software"] + 10 * rules.other_credit, abs=0.05
    )
    assert years.ml_years == pytest.approx(4.0, abs=0.05)
    one_ml_word = relevant_years(TAXONOMY, 4.0, positions[:1], [ml[0]])  # one ML skill is not ML work
    assert one_ml_word.kinds == ("software",) or one_ml_word.kinds == ("other",)
    titled = relevant_years(TAXONOMY, 4.0, [job("Machine Learning Engineer", 2010, 2014)], [])
    assert titled.kinds == ("ml",)  # an ML title is enough


def test_a_stated_total_never_counts_fewer_relevant_years_than_the_ml_months_alone() -> None:
    """"8 years" stated over 7.4 dated years of ML titles and 2 of software: at least the 7.4 ML years count."""
    positions = [job("Senior Machine Learning Engineer", 2018, 2025), job("Software Engineer", 2016, 2018)]
    years = relevant_years(TAXONOMY, 6.0, positions, [])
    assert years.ml_years == pytest.approx(7.0, abs=0.05)
    assert years.relevant == pytest.approx(6.0, abs=0.05)  # never above the years stated
    longer = relevant_years(TAXONOMY, 8.0, positions, [])
    assert longer.relevant == pytest.approx(7.0, abs=0.05)  # 8 x the mean credit (6.8) would be below the ML years


def test_an_analysts_job_is_no_ml_work_whatever_its_bullets_show() -> None:
    """Guide 000: data-analyst positions are stepping stones; two ML skills in an analyst's bullets leave it one."""
    ml = [match("logistic-regression", at=10), match("clustering", at=30)]
    analyst = relevant_years(TAXONOMY, 4.0, [job("Data Analyst II — Vitrine", 2016, 2020, (0, 100))], ml)
    assert analyst.kinds == ("software",) and analyst.ml_years == 0
    scientist = relevant_years(TAXONOMY, 4.0, [job("Data Scientist — Vitrine", 2016, 2020, (0, 100))], ml)
    assert scientist.kinds == ("ml",)
    titled = relevant_years(TAXONOMY, 4.0, [job("Machine Learning Analyst", 2016, 2020, (0, 100))], ml)
    assert titled.kinds == ("ml",)  # an ML word in the title wins over "analyst"


def on_line(found: SkillMatch, line: str) -> SkillMatch:
    return dataclasses.replace(found, evidence=tuple(dataclasses.replace(e, text=line) for e in found.evidence))


def test_one_bullet_of_ml_in_an_untitled_job_is_no_ml_work() -> None:
    """Two ML skills named in one bullet of an SRE's entry ("capacity forecasting with a Prophet model") are a
    passing mention, not years of ML work: untitled, a job needs its ML skills on as many lines as it needs skills."""
    sre = [job("Site Reliability Engineer", 2018, 2022, (0, 100))]
    bullet = "Capacity forecasting with a simple time-series model, my first machine learning"
    one = [on_line(match("time-series", at=10), bullet), on_line(match("machine-learning", at=40), bullet)]
    assert relevant_years(TAXONOMY, 4.0, sre, one).kinds == ("software",)
    two = [match("time-series", at=10), match("machine-learning", at=40)]  # each on a line of its own
    assert relevant_years(TAXONOMY, 4.0, sre, two).kinds == ("ml",)
    titled = relevant_years(TAXONOMY, 4.0, [job("ML Engineer", 2018, 2022, (0, 100))], one)
    assert titled.kinds == ("ml",)  # an ML title needs no skills at all


def test_a_current_ml_job_past_the_entry_band_is_at_least_junior() -> None:
    rules = TAXONOMY.scoring.experience
    assert rules is not None and rules.in_work_level == "junior"
    ops = job("Cloud Operations Engineer", 2021, 2024, (200, 300))
    now = dataclasses.replace(job("MLOps Engineer", 2024, 2025, (0, 100)), current=True)
    skills = matches_for(expected_ids("junior"))
    placed = score(TAXONOMY, skills, 3.5, positions=[now, ops])
    assert placed.current.by_years == "entry"  # one ML year and three of operations at a third
    assert placed.current.level == "junior" and placed.current.reason == Reason.IN_WORK  # not "years"
    said = assessment(TAXONOMY, placed.current)
    assert said.startswith("Junior ML engineer: the current job is ML work")
    assert "alone suggest Entry-level ML engineer" in said
    one = assessment(TAXONOMY, dataclasses.replace(placed.current, relevant_years=1.0))
    assert "1 year of ML-engineering experience alone suggests Entry-level" in one  # one year: "suggests"
    ended = dataclasses.replace(now, current=False)  # the ML job is over: the bands decide
    by_band = score(TAXONOMY, skills, 3.5, positions=[ended, ops]).current
    assert by_band.level == "entry" and by_band.reason == Reason.YEARS
    short = score(TAXONOMY, skills, 1.5, positions=[now])  # under two years of work in all: still entry
    assert short.current.level == "entry"
    # a working student's post in ML, however long, is not yet a job at the junior band: the bands decide
    student = dataclasses.replace(now, title="Werkstudent Machine Learning", kind=PositionKind.INTERNSHIP)
    studying = score(TAXONOMY, skills, 3.5, positions=[student, ops]).current
    assert studying.level == "entry" and studying.reason == Reason.YEARS


IN_WORK_RESUME = """Robin Vale
MLOps Engineer

EXPERIENCE
MLOps Engineer, Northwind Data — Jan 2025 - Present
- Trained and deployed PyTorch models with scikit-learn baselines, served them with FastAPI and Docker.
- Built ML pipelines with MLflow experiment tracking and monitored model drift in production.
Cloud Operations Engineer, Contoso — Jan 2022 - Dec 2024
- Ran Kubernetes clusters and Terraform infrastructure; wrote Python and SQL automation.

SKILLS
Python, SQL, PyTorch, scikit-learn, pandas, NumPy, Docker, Kubernetes, Git
"""


def test_a_level_lifted_by_the_current_job_is_not_worded_as_by_the_years() -> None:
    report = analyze_text(IN_WORK_RESUME, today=date(2026, 1, 15), source_name="robin.txt")
    assert report.current.by_years == "entry" and report.current.level == "junior"  # a year of ML, three of ops
    assert report.current.reason == Reason.IN_WORK and report.to_dict()["current"]["reason"] == "in-work"
    stream = io.StringIO()
    render_terminal(report, Console(file=stream, width=200))
    for text in (render_markdown(report), stream.getvalue()):
        stands = next(line for line in text.splitlines() if "Where you stand" in line)
        assert "Junior ML engineer" in stands and "by the current job, which is ML work" in stands
        assert "by the years" not in text


def test_a_title_of_the_ladder_held_for_its_years_lifts_the_level_above_the_band() -> None:
    """Guides 003/004: the rung's title (or a higher one) held for two years, once the career reaches guide 002's
    band (senior 7, lead 10) in professional years of any kind; without the title, the ML-weighted years must reach
    that band."""
    skills = matches_for(expected_ids("junior"))
    swe = job("Software Engineer", 2013, 2016, (200, 300))  # the skills are seen in the first job only
    titled = job("Senior Machine Learning Engineer", 2016, 2021, (0, 100))
    senior = score(TAXONOMY, skills, 8.0, positions=[titled, swe])
    assert senior.current.by_years == "mid"  # 5 ML years and 3 of software at a third
    assert senior.current.level == "senior" and senior.current.reason == Reason.TITLE
    assert senior.current.title == "Senior Machine Learning Engineer" and senior.current.title_years == 5.0
    said = assessment(TAXONOMY, senior.current)
    assert said.startswith("Senior ML engineer: the title \u201cSenior Machine Learning Engineer\u201d is a rung")
    young = score(TAXONOMY, skills, 6.0, positions=[job("Senior Machine Learning Engineer", 2015, 2021, (0, 100))])
    assert young.current.level == "mid"  # 6 years in the title, but the career is short of guide 002's senior band
    # A title counts for the rungs below its own; a lead's title with a senior's career is senior.
    lead_title = job("Lead ML Engineer", 2018, 2021, (0, 100))
    climbed = [lead_title, job("Machine Learning Engineer", 2015, 2018, (0, 100)), swe]
    assert score(TAXONOMY, skills, 8.0, positions=climbed).current.level == "senior"
    developer = job("Developer", 2010, 2013, (200, 300))
    longer = [lead_title, job("Machine Learning Engineer", 2013, 2018, (0, 100)), developer]
    lead = score(TAXONOMY, skills, 11.0, positions=longer).current  # 3 years in the lead title, 11 in all
    assert lead.level == "lead" and lead.by_years == "senior" and lead.reason == Reason.TITLE
    basics = score(TAXONOMY, [match("python"), match("machine-learning")], 11.0, positions=longer).current
    assert basics.by_skills == "entry" and basics.level == "lead"  # the title holds above the skills' cap (mid)


def test_a_fresh_promotion_is_placed_by_the_years_not_the_title() -> None:
    """Guide 003's 5-8 and 8-12 years are the career's, not the title's: years in other ladder titles do not carry a
    rung its own title has held for a few months."""
    skills = matches_for(expected_ids("junior"))
    swe = job("Software Engineer", 2013, 2016, (200, 300))
    promoted = [job("Senior Machine Learning Engineer", 2020, 2021, (0, 100)),
                job("Machine Learning Engineer", 2016, 2020, (0, 100)), swe]
    placed = score(TAXONOMY, skills, 8.0, positions=promoted).current  # a year as senior after four as an MLE
    assert placed.level == "mid" and placed.reason == Reason.YEARS and placed.title_years == 5.0
    month = Position("Lead ML Engineer", date(2021, 1, 1), date(2021, 2, 1), True, PositionKind.WORK, 1.0, 0, 100)
    ten = [month, job("Machine Learning Engineer", 2011, 2021, (0, 100))]
    lead = score(TAXONOMY, skills, 10.08, positions=ten).current
    assert lead.level == "lead" and lead.reason == Reason.YEARS  # ten ML years place it; the month adds nothing
    nine = [month, job("Machine Learning Engineer", 2012, 2021, (0, 100)), job("Developer", 2010, 2012, (200, 300))]
    senior = score(TAXONOMY, skills, 11.08, positions=nine).current
    assert senior.level == "senior" and senior.reason == Reason.YEARS  # 9.7 relevant years; a month as lead


def test_a_ladder_title_without_ml_shown_lifts_nothing() -> None:
    """An ML word in a title's team or product part ("AI Platform team") on a resume that shows no ML skill: the
    title is no rung the resume backs up, so the skills and years place it."""
    java = [match("java"), match("sql"), match("git")]
    titled = [job("Senior Machine Learning Engineer", 2014, 2024, (0, 100))]
    placed = score(TAXONOMY, java, 10.0, positions=titled).current
    assert placed.reason != Reason.TITLE and placed.level not in ("senior", "lead")


def test_data_science_and_other_titles_are_not_on_the_ladder() -> None:
    """Guide 000: data-science positions are stepping stones; only an ML title is a rung (not a senior SRE's)."""
    skills = matches_for(expected_ids("junior"))
    for title in ("Senior Data Scientist", "Principal Data Science Manager", "Senior Site Reliability Engineer",
                  "AI Product Manager"):
        placed = score(TAXONOMY, skills, 6.0, positions=[job(title, 2015, 2021)]).current
        assert placed.reason != Reason.TITLE and placed.title is None, title
        assert placed.level != "senior", title


TITLE_RESUME = """Kit Moreau
Senior Machine Learning Engineer

EXPERIENCE
Senior Machine Learning Engineer, Northwind Vision — Jan 2019 - Present
- Trained PyTorch detection models and deployed them with Docker behind a FastAPI service.
- Designed the end-to-end inspection system; mentor three junior engineers.
Software Engineer, Contoso — Jan 2016 - Dec 2018
- Java and Python services; SQL reporting jobs.

SKILLS
Python, PyTorch, scikit-learn, Docker, SQL, Git
"""


def test_a_level_lifted_by_a_title_says_so_in_every_format() -> None:
    report = analyze_text(TITLE_RESUME, today=date(2024, 6, 1), source_name="kit.txt")
    assert report.current.by_years == "mid" and report.current.level == "senior"  # 5.4 ML years, 8.4 in all
    assert report.current.reason == Reason.TITLE and report.to_dict()["current"]["title_years"] >= 5
    assert report.target_level == "lead"
    assert "Senior Machine Learning Engineer" in report.assessment
    stands = next(line for line in render_markdown(report).splitlines() if "Where you stand" in line)
    assert "by a title of the ML engineer's ladder" in stands
    promoted = TITLE_RESUME.replace("Jan 2019 - Present", "Jan 2023 - Present").replace("Jan 2016", "Jan 2013")
    earlier = analyze_text(promoted.replace("Dec 2018", "Dec 2022"), today=date(2024, 6, 1), source_name="kit.txt")
    assert earlier.current.level == "mid" and earlier.current.years >= 10  # 1.4 years in the title: short of two


def test_current_level_combines_years_and_skills() -> None:
    mid_skills = matches_for(expected_ids("mid"))
    ml_years = [job("ML Engineer", 2019, 2020)]
    few = score(TAXONOMY, mid_skills, 1.0, positions=ml_years)
    assert few.current.by_skills in ("mid", "senior", "lead") and few.current.by_years == "entry"
    assert few.current.level == "entry" and few.current.reason == "years"  # skills above the years: the years
    many = score(TAXONOMY, matches_for(expected_ids("entry")), 15.0, positions=[job("ML Engineer", 2005, 2020)])
    assert many.current.by_years == "lead"
    above = TAXONOMY.scoring.experience.above_skills if TAXONOMY.scoring.experience else 1
    held = LEVEL_IDS.index(many.current.by_skills or "") + above
    assert held < LEVEL_IDS.index("lead")
    assert many.current.level == LEVEL_IDS[held] and many.current.reason == "skills"  # held by the skills
    assert many.target_level == LEVEL_IDS[held + 1]
    software_only = score(TAXONOMY, matches_for(["python", "git", "docker", "sql"]), 15.0,
                          positions=[job("Software Engineer", 2005, 2020)])  # fmt: skip
    assert software_only.current.level == "entry" and software_only.current.reason == "no-ml"


def test_years_place_a_resume_above_the_skills_cap_when_it_shows_that_levels_marks() -> None:
    """Fifteen ML years with the entry skills and a head of data science's technical leadership and mentoring (what
    the lead level adds over senior), but no deployment: the lead's work is visible, so the years place it at lead;
    without those marks the skills hold it at their cap."""
    leading = ["technical-leadership", "mentoring", "communication"]
    positions = [job("ML Engineer", 2005, 2020)]
    head = score(TAXONOMY, matches_for([*expected_ids("entry"), *leading]), 15.0, positions=positions)
    assert head.current.by_years == "lead" and head.current.by_skills in ("entry", "junior")
    assert head.current.level == "lead" and head.current.reason == Reason.YEARS
    plain = score(TAXONOMY, matches_for(expected_ids("entry")), 15.0, positions=positions)
    assert plain.current.level != "lead" and plain.current.reason == Reason.SKILLS
    listed = score(TAXONOMY, [*matches_for(expected_ids("entry")), *matches_for(leading, Strength.LISTED)], 15.0,
                   positions=positions)  # fmt: skip
    assert listed.current.reason == Reason.SKILLS  # named in a list only: a quarter each, short of a third


def test_assessment_says_the_level_and_both_signals() -> None:
    many = score(TAXONOMY, matches_for(expected_ids("entry")), 15.0, positions=[job("ML Engineer", 2005, 2020)])
    said = assessment(TAXONOMY, many.current)
    assert said.startswith(TAXONOMY.level(many.current.level).name)
    assert "15 years" in said and TAXONOMY.level("lead").name in said  # level names, not ids
    assert f"skills fit {TAXONOMY.level(many.current.by_skills or '').name}" in said
    none = assessment(TAXONOMY, score(TAXONOMY, [], 3.0, positions=[job("Developer", 2017, 2020)]).current)
    assert "no ML work shown yet" in none and "first level" in none
    assert "could not be read" in assessment(
        TAXONOMY, score(TAXONOMY, matches_for(["pytorch", "xgboost"]), None).current
    )


def test_chosen_level_is_the_target() -> None:
    scores = score(TAXONOMY, matches_for(expected_ids("entry")), 0.5, level="senior")
    assert scores.target_level == "senior" and scores.target.chosen
    assert scores.target.coverage == next(s.coverage for s in scores.levels if s.level == "senior")
    gaps = {g.id for g in scores.gaps}
    new = set(expected_ids("senior")) - set(expected_ids("entry"))
    assert new - set(UMBRELLAS) - GROUPED <= gaps <= new | set(UMBRELLAS.values())


def test_level_ids_are_case_insensitive() -> None:
    assert score(TAXONOMY, [], None, level="Senior").target_level == "senior"


def test_unknown_level_names_the_valid_ones() -> None:
    with pytest.raises(UnknownLevelError) as info:
        score(TAXONOMY, [], None, level="principal")
    message = info.value.message
    assert "principal" in message and "\n" not in message
    for level_id in LEVEL_IDS:
        assert level_id in message


def test_taxonomy_type() -> None:
    assert isinstance(TAXONOMY, Taxonomy)


def test_the_reason_never_rounds_relevant_years_up_to_a_band_edge() -> None:
    """6.95 relevant years sit in the 4-7 band: the sentence says 6.9, not "7 years", which would name the next
    band's edge while the level given is the lower one."""
    from gapcheck.scoring.level import CurrentLevel

    now = CurrentLevel("mid", "years", "lead", "mid", years=8.0, relevant_years=6.95, ml_years=8.25)
    sentence = assessment(load_taxonomy(), now)
    assert "6.9 years of ML-engineering experience" in sentence and "7 years" not in sentence
    assert "8 years of professional work" in sentence


PROJECTS_ONLY = """Ama Mensah
Self-taught ML engineer, looking for a first ML job

PROJECTS
Speech demo: fine-tuned a PyTorch transformer model, served with FastAPI in Docker; deployed the model on Render.
Price forecaster: LightGBM against SARIMA with cross-validation; feature engineering in pandas; an Airflow DAG.
Loan classifier: logistic regression and XGBoost with scikit-learn, evaluated by ROC-AUC; tests with pytest.

EDUCATION
BSc Music Production, University of Ghana

SKILLS
Python, SQL, pandas, NumPy, scikit-learn, PyTorch, Docker, Git, GitHub Actions
"""


def test_a_resume_with_projects_and_no_work_counts_no_years_not_unknown_years() -> None:
    """No dated job, no experience section, a projects and an education section: the person has no work to count
    (guide 002's entry band: "projects from Kaggle or personal GitHub repos"), so the skills cannot lift them past
    entry; an experience section whose dates go unread is unknown instead, and the skills decide."""
    report = analyze_text(PROJECTS_ONLY, today=date(2025, 6, 1), source_name="ama.txt")
    assert report.experience.years is None  # the reader found no years
    assert report.current.by_skills in ("junior", "mid") and report.current.years == 0.0
    assert report.current.level == "entry" and report.current.reason == Reason.YEARS
    unread = PROJECTS_ONLY.replace("PROJECTS\n", "EXPERIENCE\nAcme Analytics, ML Engineer\n")
    unknown = analyze_text(unread, today=date(2025, 6, 1), source_name="ama.txt")
    assert unknown.current.years is None and unknown.current.reason == Reason.SKILLS_ONLY
    assert unknown.current.level == unknown.current.by_skills
    # dated lines under a heading the reader does not know: work may be there, so the years stay unknown
    unheaded = PROJECTS_ONLY.replace("EDUCATION\n", "WHERE I HAVE BEEN\nAcme Analytics, Accra 2015 - 2020\n"
                                     "Beta Labs, Lagos 2020 - Present\n\nEDUCATION\n")
    dated = analyze_text(unheaded, today=date(2025, 6, 1), source_name="ama.txt")
    assert dated.experience.years is None and dated.current.reason == Reason.SKILLS_ONLY


@pytest.mark.parametrize(
    ("text", "today"),
    [
        # a job under a heading the reader does not know, after Education: swallowed into it, still work
        (
            "Projects\nImage classifier in PyTorch\nEducation\nBSc Computer Science, 2014 - 2018\nGigs\n"
            "ML Engineer, Acme, Jan 2021 - Present\nSkills\nPython, PyTorch, scikit-learn, SQL, Docker\n",
            date(2026, 11, 1),
        ),
        # an undated job after Education and Projects
        (
            "Jane Roe\nEducation\nBSc CS, Uni, 2012 - 2016\nProjects\nImage classifier in PyTorch\n"
            "Where I have worked\nSenior ML Engineer, Acme Corp, eight years\nSkills\nPython, PyTorch\n",
            date(2026, 11, 1),
        ),
        # a job dated after the real date but before the resume's own: read against the resume's date
        (
            "Jane Roe\nProjects\nImage classifier in PyTorch\nEducation\nBSc Computer Science, Uni, 2020 - 2024\n"
            "Tour of Duty\nML Engineer, Acme, Jan 2027 - Present\n",
            date(2028, 1, 1),
        ),
    ],
)
def test_work_shown_anywhere_keeps_unread_years_unknown(text: str, today: date) -> None:
    report = analyze_text(text, today=today)
    assert report.current.years is None and report.current.reason == Reason.SKILLS_ONLY


def test_a_level_placed_by_title_is_explained_by_the_rung_not_all_ladder_years() -> None:
    """Two years as a senior after three as an ML engineer: the rung counts the two (at senior or above), so the
    explanation does not quote the five years of every ladder title as what reached it."""
    text = (
        "Experience\nSenior ML Engineer, Acme | Jan 2023 - Jan 2025\n- Deployed PyTorch models on Kubernetes.\n"
        "ML Engineer, Beta | Jan 2020 - Jan 2023\n- Trained XGBoost and PyTorch models in Python.\n"
        "Java Developer, Gamma | Jan 2017 - Jan 2020\n- Java services.\nSkills\nPython, PyTorch, Docker\n"
    )
    report = analyze_text(text, today=date(2025, 1, 1))
    assert report.current.reason == Reason.TITLE and report.current.title_years == 5.0
    assert "held at that rung or above" in report.assessment and "5 years" not in report.assessment
