"""The level of a resume whose years cannot be read: what separates the levels, shown in use, not what is listed."""

from __future__ import annotations

import dataclasses

from gapcheck.knowledge import load_taxonomy
from gapcheck.matching.model import Evidence, Method, SkillMatch, Strength
from gapcheck.report.advice import assessment
from gapcheck.scoring import score
from gapcheck.scoring.level import Reason

TAXONOMY = load_taxonomy()
EVERY = sorted({e.skill_id for lv in TAXONOMY.levels for e in lv.expectations})
FOUNDATIONS = ("python", "machine-learning", "sql", "git")  # what the first level requires: every level's basics
JUNIOR = ("model-deployment", "deep-learning")  # what the junior level's required expectations add
MLOPS = ("docker", "ci-cd", "mlops", "model-serving")  # four of the seven the mid level adds: over half of its rise
SENIOR = ("ml-system-design",)  # half of what the senior level adds (with mentoring: most of it)


def match(skill_id: str, strength: Strength) -> SkillMatch:
    skill = TAXONOMY.skill(skill_id)
    section = "experience" if strength == Strength.DEMONSTRATED else "skills"
    evidence = Evidence(section, f"Used {skill.name}", 0, len(skill.name), Method.EXACT, skill.name)
    return SkillMatch(skill.id, skill.name, skill.category, strength, (evidence,))


def placed(demonstrated: tuple[str, ...], listed: tuple[str, ...] = ()) -> tuple[str, str | None, Reason]:
    matches = [match(s, Strength.DEMONSTRATED) for s in demonstrated]
    matches += [match(s, Strength.LISTED) for s in listed if s not in demonstrated]
    now = score(TAXONOMY, matches, None).current
    return now.level, now.by_skills, Reason(now.reason)


def test_a_skills_list_of_every_level_with_only_the_basics_in_use_is_the_first_level() -> None:
    # every skill any level expects, listed, fit Lead by the levels' coverage (a listed skill counts 0.8 there)
    level, by_skills, reason = placed(FOUNDATIONS, listed=tuple(EVERY))
    assert (level, by_skills, reason) == ("entry", "entry", Reason.SKILLS_ONLY)


def test_each_level_is_reached_by_what_it_adds_shown_in_use() -> None:
    assert placed(FOUNDATIONS + JUNIOR)[0] == "junior"
    assert placed(FOUNDATIONS + JUNIOR + MLOPS)[0] == "mid"
    assert placed(FOUNDATIONS + JUNIOR + MLOPS + SENIOR)[0] == "senior"
    assert placed(FOUNDATIONS + JUNIOR + MLOPS + SENIOR + ("technical-leadership",))[0] == "lead"


def test_a_level_counts_when_half_of_what_it_adds_is_shown() -> None:
    # three of the seven MLOps marks of the mid level are under half of its rise: not yet mid
    assert placed(FOUNDATIONS + JUNIOR + ("docker", "ci-cd", "mlops"))[0] == "junior"
    # the junior level's marks only listed: the first level
    assert placed(FOUNDATIONS, listed=JUNIOR)[0] == "entry"


def test_the_marks_count_in_any_order() -> None:
    """A head of data science writes about the teams led and the systems designed, not about deploying models: each
    level's mark shown counts, whether or not the marks below it are written (the walk that ended at the first level
    falling short placed such resumes at the first level, where the judges put them at lead)."""
    leader = (*FOUNDATIONS, "ml-system-design", "mentoring", "technical-leadership")
    assert placed(leader)[0] == "mid"  # two marks (senior's, lead's) above the first level, no deployment shown
    assert placed(leader + JUNIOR)[0] == "senior"
    assert placed(leader + JUNIOR + MLOPS)[0] == "lead"


def test_the_shared_foundations_do_not_hold_a_level_back() -> None:
    # no SQL or Git anywhere: an undated resume that deploys models and runs their MLOps is still mid
    assert placed(("python", "machine-learning", *JUNIOR, *MLOPS))[0] == "mid"


def test_the_years_decide_as_before_when_they_are_known() -> None:
    matches = [match(s, Strength.DEMONSTRATED) for s in FOUNDATIONS] + [match(s, Strength.LISTED) for s in EVERY
                                                                        if s not in FOUNDATIONS]  # fmt: skip
    known = score(TAXONOMY, matches, 0.5).current
    assert known.by_skills == "lead" and known.reason == Reason.YEARS  # the best fit caps the years, as before


def test_without_the_table_the_best_fit_decides() -> None:
    taxonomy = dataclasses.replace(TAXONOMY, scoring=dataclasses.replace(TAXONOMY.scoring, skills_only=None))
    matches = [match(s, Strength.DEMONSTRATED) for s in FOUNDATIONS] + [match(s, Strength.LISTED) for s in EVERY
                                                                        if s not in FOUNDATIONS]  # fmt: skip
    assert score(taxonomy, matches, None).current.level == "lead"


def test_the_assessment_names_the_level_the_skills_placed() -> None:
    matches = [match(s, Strength.DEMONSTRATED) for s in (*FOUNDATIONS, *JUNIOR, *MLOPS)]
    now = score(TAXONOMY, matches, None).current
    said = assessment(TAXONOMY, now)
    assert now.level == now.by_skills == "mid"
    assert said == (
        "Mid-level ML engineer: the skills fit Mid-level ML engineer; years of experience could not be read, "
        "so the skills alone decide."
    )
