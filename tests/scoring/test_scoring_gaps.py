"""Gap ranking and the learning plan, on the real taxonomy with constructed matches."""

from __future__ import annotations

import dataclasses
from datetime import date
from types import MappingProxyType

import pytest

from gapcheck.analysis import Analyzer, Options
from gapcheck.knowledge import load_taxonomy
from gapcheck.knowledge.model import Importance
from gapcheck.matching.model import Evidence, Method, SkillMatch, Strength
from gapcheck.reading.model import Position, PositionKind
from gapcheck.report.advice import gap_entries
from gapcheck.scoring import Shown, rank_gaps, score, shown_skills
from gapcheck.scoring.gaps import RankedGap, _candidates, _decide, _Decision, resume_profiles

TAXONOMY = load_taxonomy()
LEVEL_IDS = [lv.id for lv in TAXONOMY.levels]
STAGE_ORDER = {stage.id: i for i, stage in enumerate(TAXONOMY.stages)}


def match(skill_id: str, strength: Strength = Strength.DEMONSTRATED) -> SkillMatch:
    skill = TAXONOMY.skill(skill_id)
    evidence = Evidence(
        section="skills",
        text=skill.name,
        start=0,
        end=len(skill.name),
        method=Method.EXACT,
        matched=skill.name,
        hedged=strength == Strength.HEDGED,
    )
    return SkillMatch(
        skill_id=skill.id, name=skill.name, category=skill.category, strength=strength, evidence=(evidence,)
    )


def matches_for(skill_ids: list[str], strength: Strength = Strength.DEMONSTRATED) -> list[SkillMatch]:
    return [match(s, strength) for s in skill_ids]


def transitive_requires(skill_id: str) -> set[str]:
    seen: set[str] = set()
    todo = list(TAXONOMY.skill(skill_id).requires)
    while todo:
        item = todo.pop()
        if item not in seen:
            seen.add(item)
            todo.extend(TAXONOMY.skill(item).requires)
    return seen


@pytest.mark.parametrize("level_id", LEVEL_IDS)
def test_gaps_are_sorted_by_priority_with_ranks(level_id: str) -> None:
    gaps = score(TAXONOMY, [], None, level=level_id).gaps
    assert [g.rank for g in gaps] == list(range(1, len(gaps) + 1))
    priorities = [g.priority for g in gaps]
    assert priorities == sorted(priorities, reverse=True)
    assert len({g.id for g in gaps}) == len(gaps)


RANK = {"required": 2, "recommended": 1, "bonus": 0}


@pytest.mark.parametrize("level_id", LEVEL_IDS)
def test_a_prerequisite_moves_above_what_needs_it_unless_that_would_pass_a_more_important_gap(level_id: str) -> None:
    gaps = score(TAXONOMY, [], None, level=level_id).gaps
    order = [g.id for g in gaps]
    by_id = {g.id: g for g in gaps}
    for gap in gaps:
        for dep in gap.first_for:  # said: "learn X first: Y builds on it"
            assert gap.id in transitive_requires(dep) and order.index(gap.id) < order.index(dep)
        for req in transitive_requires(gap.id) & set(order):
            if order.index(req) < order.index(gap.id):
                continue
            # left below what needs it: it is less important, or it would pass a more important gap that does not
            # need it (a bonus skill is never lifted above a required one)
            passed = order[order.index(gap.id) : order.index(req)]
            assert RANK[by_id[req].importance] < RANK[gap.importance] or any(
                RANK[by_id[p].importance] > RANK[by_id[req].importance] and req not in transitive_requires(p)
                for p in passed
            ), (req, gap.id)


def test_leadership_ranks_with_what_separates_from_mid_on() -> None:
    """Mentoring and technical leadership (guide 002's senior and lead bands) are learnt in the last stage, on the
    job; from mid on mentoring (the senior band's) takes the leadership boost and ranks above what it would without
    it; technical leadership (the lead band's) takes none, and ranks by what separates lead."""
    expectations = TAXONOMY.level("lead").expectations
    junior = {g.id: g for g in rank_gaps(TAXONOMY, expectations, {}, current="junior", target="lead")}
    mid = {g.id: g for g in rank_gaps(TAXONOMY, expectations, {}, current="mid", target="lead")}
    for sid in ("mentoring", "technical-leadership"):
        assert TAXONOMY.skill(sid).stage == TAXONOMY.stages[-1].id
    assert junior["mentoring"].emphasis is None and mid["mentoring"].emphasis == "leadership"
    assert mid["technical-leadership"].emphasis is None
    senior_exp = TAXONOMY.level("senior").expectations
    at_mid = [g.id for g in rank_gaps(TAXONOMY, senior_exp, {}, current="mid", target="senior")]
    assert at_mid.index("mentoring") < at_mid.index("technical-leadership")
    at_senior = [g.id for g in rank_gaps(TAXONOMY, expectations, {}, current="senior", target="lead")]
    for later in ("responsible-ai", "generative-ai", "communication"):  # required at lead: before the lead band's rest
        assert at_senior.index("technical-leadership") < at_senior.index(later)
    no_boost = dataclasses.replace(
        TAXONOMY,
        scoring=dataclasses.replace(TAXONOMY.scoring, emphasis=tuple(e for e in TAXONOMY.scoring.emphasis
                                                                     if e.id != "leadership")),
    )  # fmt: skip
    plain = {g.id: g for g in rank_gaps(no_boost, expectations, {}, current="mid", target="lead")}
    assert mid["mentoring"].rank < plain["mentoring"].rank


def test_from_senior_the_requirements_of_the_bands_below_rank_first() -> None:
    """A resume placed at senior (by years or a title) without what the mid and senior bands require ranks those
    gaps first; at mid, what separates senior does that, and they take no such emphasis."""
    placed = next(e for e in TAXONOMY.scoring.emphasis if e.id == "placed-level")
    umbrellas = {u.skill for u in TAXONOMY.scoring.umbrellas}
    required = {
        e.skill_id
        for level in ("mid", "senior")
        for e in TAXONOMY.level(level).expectations
        if e.importance == Importance.REQUIRED and (e.raised_at or e.introduced_at) in ("mid", "senior")
    }
    assert set(placed.skills) == required - umbrellas  # the data lists exactly those requirements
    expectations = TAXONOMY.level("lead").expectations
    senior = {g.id: g for g in rank_gaps(TAXONOMY, expectations, {}, current="senior", target="lead")}
    without = dataclasses.replace(
        TAXONOMY,
        scoring=dataclasses.replace(TAXONOMY.scoring, emphasis=tuple(e for e in TAXONOMY.scoring.emphasis
                                                                     if e.id != "placed-level")),
    )  # fmt: skip
    plain = {g.id: g for g in rank_gaps(without, expectations, {}, current="senior", target="lead")}
    for sid in ("kubernetes", "distributed-training", "model-monitoring"):
        assert senior[sid].emphasis == "placed-level" and senior[sid].rank < plain[sid].rank
        assert senior[sid].rank < senior["generative-ai"].rank  # before the lead band's own additions
    mid = {g.id: g for g in rank_gaps(TAXONOMY, expectations, {}, current="mid", target="lead")}
    assert mid["kubernetes"].emphasis is None and mid["distributed-training"].emphasis is None


def test_the_lead_level_does_not_raise_what_every_ml_engineer_is_asked() -> None:
    """Communication and cross-functional collaboration are asked of every ML engineer (guides 003, 000, 004, 001):
    expected from junior on and not raised at lead, so they do not separate lead from senior."""
    lead = {e.skill_id: e for e in TAXONOMY.level("lead").expectations}
    for sid in ("communication", "cross-functional-collaboration"):
        assert lead[sid].introduced_at in ("entry", "junior") and lead[sid].raised_at != "lead"
        gap = next(g for g in rank_gaps(TAXONOMY, tuple(lead.values()), {}, current="senior", target="lead")
                   if g.id == sid)
        assert not gap.separates


def test_a_shown_skill_shows_what_it_builds_on() -> None:
    """LLMs build on transformers, which build on neural networks and their mathematics. A resume that shows
    transformers is not told to learn linear algebra or calculus first for LLMs; one that does not, is."""
    expectations = TAXONOMY.level("mid").expectations
    shown = {"transformers": Shown(Strength.DEMONSTRATED, "transformers")}
    with_transformers = {g.id: g for g in rank_gaps(TAXONOMY, expectations, shown, current="mid", target="mid")}
    without = {g.id: g for g in rank_gaps(TAXONOMY, expectations, {}, current="mid", target="mid")}
    maths = {"linear-algebra", "calculus"}
    assert maths <= transitive_requires("llm") and "transformers" in transitive_requires("llm")
    assert not maths & set(with_transformers["llm"].learn_first)
    assert not any("llm" in with_transformers[m].first_for for m in maths)
    assert maths <= set(without["llm"].learn_first)


def test_named_roadmap_orders() -> None:
    """Python before PyTorch, Docker before Kubernetes; a lifted prerequisite says what builds on it."""
    gaps = score(TAXONOMY, [], None, level="mid").gaps
    rank = {g.id: g.rank for g in gaps}
    assert rank["python"] < rank["pytorch"]
    python = next(g for g in gaps if g.id == "python")
    entries = {g.id: g for g in gap_entries(TAXONOMY, gaps, "mid")}
    if python.first_for:
        assert "Learn it first (needed for PyTorch)" in entries["python"].next_step.text
    senior = {g.id: g.rank for g in score(TAXONOMY, [], None, level="senior").gaps}
    assert senior["docker"] < senior["kubernetes"]


def test_bash_is_not_lifted_above_required_gaps_that_do_not_need_it() -> None:
    """Docker (recommended at junior) requires Bash (bonus): Bash stays below the required gaps."""
    gaps = score(TAXONOMY, matches_for(["python", "git", "sql"]), None, level="mid").gaps
    order = [g.id for g in gaps]
    bash = order.index("bash")
    required = [g.id for g in gaps if g.importance == "required" and "bash" not in transitive_requires(g.id)]
    assert all(order.index(r) < bash for r in required)


def test_prerequisites_and_what_separates_the_target_rank_first() -> None:
    """From nothing, aiming at junior: the guides' prerequisites and the junior level's own skills lead."""
    gaps = score(TAXONOMY, [], None).gaps
    top = gaps[:5]
    assert any(g.emphasis == "prerequisite" for g in top)
    assert any(g.separates for g in top)
    assert {"model-deployment", "pytorch", "software-testing"} <= {g.id for g in gaps[:8]}
    assert all(g.importance != "bonus" for g in gaps[:10])
    no_emphasis = dataclasses.replace(
        TAXONOMY,
        scoring=dataclasses.replace(
            TAXONOMY.scoring, priority_weights=MappingProxyType({**TAXONOMY.scoring.priority_weights, "emphasis": 0.0})
        ),
    )
    plain = [g.id for g in score(no_emphasis, [], None).gaps]
    assert plain.index("software-testing") > [g.id for g in gaps].index("software-testing")


def test_an_umbrella_skill_is_never_a_gap_its_part_stands_in() -> None:
    gaps = {g.id: g for g in score(TAXONOMY, [], None, level="entry").gaps}
    assert "machine-learning" not in gaps
    assert gaps["supervised-learning"].stands_for == "machine-learning"
    assert gaps["supervised-learning"].importance == "required"  # the umbrella's importance


def test_one_alternative_shown_satisfies_the_others() -> None:
    junior = {g.id for g in score(TAXONOMY, matches_for(["tensorflow"]), None, level="junior").gaps}
    assert "pytorch" not in junior and "tensorflow" not in junior
    none = {g.id: g for g in score(TAXONOMY, [], None, level="junior").gaps}
    assert "tensorflow" not in none and "tensorflow" in none["pytorch"].alternatives
    specialist = {g.id for g in score(TAXONOMY, matches_for(["recommendation-systems"]), None, level="junior").gaps}
    assert not specialist & {"nlp", "computer-vision", "time-series"}  # one specialization shown satisfies it


def test_a_skill_implied_by_demonstrated_work_is_shown() -> None:
    xgboost = match("xgboost")
    implied = [
        SkillMatch(skill_id=s, name=TAXONOMY.skill(s).name, category=TAXONOMY.skill(s).category,
                   strength=Strength.IMPLIED, evidence=(dataclasses.replace(xgboost.evidence[0], method=Method.IMPLIED,
                                                                            implied_by="xgboost"),))
        for s in ("gradient-boosting", "decision-trees", "supervised-learning", "classification")
    ]  # fmt: skip
    shown = {g.id for g in score(TAXONOMY, [xgboost, *implied], None, level="junior").gaps}
    assert not shown & {"gradient-boosting", "decision-trees", "supervised-learning", "classification"}
    listed = dataclasses.replace(xgboost, strength=Strength.LISTED)
    weak = {g.id: g for g in score(TAXONOMY, [listed, *implied], None, level="junior").gaps}
    assert weak["gradient-boosting"].kind == "weak" and weak["gradient-boosting"].implied_by == "xgboost"


def test_weak_and_missing_kinds_and_deficit() -> None:
    level = TAXONOMY.level("entry")
    umbrellas = {u.skill for u in TAXONOMY.scoring.umbrellas}
    required = [e.skill_id for e in level.expectations if e.importance == Importance.REQUIRED]
    listed, hedged, shown = [r for r in required if r not in umbrellas][:3]
    found = [match(listed, Strength.LISTED), match(hedged, Strength.HEDGED), match(shown, Strength.DEMONSTRATED)]
    gaps = {g.id: g for g in gap_entries(TAXONOMY, score(TAXONOMY, found, None, level="entry").gaps, "entry")}
    assert shown not in gaps
    assert gaps[listed].kind == "weak" and gaps[listed].strength == "listed"
    assert gaps[hedged].kind == "weak" and gaps[hedged].strength == "hedged"
    assert gaps[listed].next_step.action == "show" and "project or an experience bullet" in gaps[listed].next_step.text
    assert all(g.kind == "missing" and g.strength is None for k, g in gaps.items() if k not in (listed, hedged))
    assert all(g.kind == "missing" for g in score(TAXONOMY, [], None, level="entry").gaps)
    # the same skill missing ranks higher than listed (the deficit multiplies the priority)
    missing_gaps = {g.id: g for g in score(TAXONOMY, [], None, level="entry").gaps}
    assert missing_gaps[listed].priority > gaps[listed].priority
    assert missing_gaps[hedged].priority > gaps[hedged].priority
    as_hedged = {g.id: g for g in score(TAXONOMY, [match(listed, Strength.HEDGED)], None, level="entry").gaps}
    assert as_hedged[listed].priority > gaps[listed].priority  # hedged counts less than listed: a bigger gap


def test_why_and_next_step_come_from_the_taxonomy() -> None:
    gaps = gap_entries(TAXONOMY, score(TAXONOMY, [], None, level="junior").gaps, "Junior ML engineer")
    for gap in gaps:
        exp = TAXONOMY.level("junior").expectation(gap.id)
        assert exp is not None
        rank = {"required": 2, "recommended": 1, "bonus": 0}
        if gap.stands_for is None and not gap.alternatives:
            assert gap.importance == str(exp.importance) and gap.weight == exp.weight
        else:  # standing in for an umbrella or alternatives, it takes their importance and weight where higher
            assert rank[gap.importance] >= rank[str(exp.importance)] and gap.weight >= exp.weight
        assert gap.why.startswith(gap.importance.capitalize())
        if gap.emphasis == "prerequisite":
            assert "a prerequisite, as the guides put it" in gap.why
        cited = {(r.source, r.section) for r in gap.sources}
        assert {(r.source, r.section) for r in exp.sources} <= cited
        for ref in gap.sources:  # cited by the guide's short title (the report's guides list the full one)
            assert TAXONOMY.source(ref.source).short in gap.why
        skill = TAXONOMY.skill(gap.id)
        if skill.stage is not None:
            stage = TAXONOMY.stage(skill.stage)
            assert gap.next_step.stage is not None and gap.next_step.stage.id == stage.id
            assert stage.name in gap.next_step.text
            # the stage's resources that serve this skill (not the stage's first resources for every skill)
            assert gap.next_step.resources == stage.resources_for(gap.id)[: len(gap.next_step.resources)]
        for cert in gap.next_step.certifications:
            assert gap.id in next(c for c in TAXONOMY.certifications if c.id == cert.id).skills


def test_plan_groups_gaps_by_stage_in_roadmap_order() -> None:
    scores = score(TAXONOMY, [match("python", Strength.LISTED)], None, level="mid")
    planned = [sid for step in scores.plan for sid in step.skills]
    assert sorted(planned) == sorted(g.id for g in scores.gaps)  # every gap once
    staged = [STAGE_ORDER[step.stage.id] for step in scores.plan if step.stage is not None]
    assert staged == sorted(staged) and len(staged) == len(set(staged))
    assert all(step.stage is not None for step in scores.plan[: len(staged)])  # unstaged last
    for step in scores.plan:
        assert set(step.learn) | set(step.show) == set(step.skills)
        assert 0 <= step.months_min <= step.months_max
        if step.stage is not None:
            stage = TAXONOMY.stage(step.stage.id)
            assert step.months_max <= stage.months_max
            serving = {r for sid in step.skills for r in stage.resources_for(sid)}
            assert step.resources == tuple(r for r in stage.resources if r in serving)
    assert "python" in next(step.show for step in scores.plan if "python" in step.skills)
    assert scores.plan_total.months_min == pytest.approx(sum(s.months_min for s in scores.plan), abs=0.11)
    assert scores.plan_total.months_max == pytest.approx(sum(s.months_max for s in scores.plan), abs=0.11)
    assert scores.plan_total.months_max > 0


def test_priority_weights_are_data() -> None:
    """With only the importance weight left, the priority is the deficit times the importance multiplier."""
    weights = {"importance": 1.0, "weight": 0.0, "guides": 0.0, "stage": 0.0}
    changed = dataclasses.replace(
        TAXONOMY, scoring=dataclasses.replace(TAXONOMY.scoring, priority_weights=MappingProxyType(weights))
    )
    level = changed.level("junior")
    gaps = rank_gaps(changed, level.expectations, {})
    multipliers = changed.scoring.importance_weights
    for gap in gaps:
        assert gap.priority >= multipliers[gap.importance] - 1e-9


def test_lookups_are_built_with_the_taxonomy() -> None:
    """The implication closure, stage order and certifications are the taxonomy's own, rebuilt by replace()."""
    index = TAXONOMY.index
    assert "deep-learning" in index.implies_closure["pytorch"]
    assert [index.stage_order[s.id] for s in TAXONOMY.stages] == list(range(len(TAXONOMY.stages)))
    for cert in TAXONOMY.certifications:
        for skill_id in cert.skills:
            assert cert in index.certifications_by_skill[skill_id]
    fewer = dataclasses.replace(TAXONOMY, certifications=())
    assert fewer.index is not index and not fewer.index.certifications_by_skill
    assert all(not g.certifications for g in score(fewer, [], None, level="mid").gaps)


def test_work_that_cannot_be_done_without_a_skill_shows_it() -> None:
    """A lead whose resume shows CI/CD is not told to learn Git; Kubernetes work shows Docker."""
    rules = {r.skill: r.skills for r in TAXONOMY.scoring.shows}
    assert "git" in rules["ci-cd"] and "docker" in rules["kubernetes"]
    gaps = {g.id for g in score(TAXONOMY, matches_for(["ci-cd", "kubernetes"]), None, level="lead").gaps}
    assert not gaps & {"git", "docker", "ci-cd", "kubernetes"}
    listed = {g.id for g in score(TAXONOMY, matches_for(["ci-cd"], Strength.LISTED), None, level="lead").gaps}
    assert "git" in listed  # only demonstrated work proves it


def test_the_foundations_rank_first_below_mid_only() -> None:
    """Math and data structures are a non-negotiable foundation at entry; at junior, of the mathematics, statistics
    alone keeps the boost (with data structures); from mid on (the `below` of both emphases) they lose it, and what
    separates the next level comes first."""
    taxonomy = load_taxonomy()
    foundation = next(e for e in taxonomy.scoring.emphasis if e.id == "foundation")
    assert foundation.below == "junior" and "linear-algebra" in foundation.skills
    expectations = taxonomy.level("senior").expectations
    entry = {g.id: g for g in rank_gaps(taxonomy, expectations, {}, current="entry", target="senior")}
    low = {g.id: g for g in rank_gaps(taxonomy, expectations, {}, current="junior", target="senior")}
    high = {g.id: g for g in rank_gaps(taxonomy, expectations, {}, current="mid", target="senior")}
    assert entry["linear-algebra"].emphasis == "foundation" and entry["statistics"].emphasis == "foundation"
    assert low["statistics"].emphasis == "foundation-junior" and high["statistics"].emphasis is None
    assert high["statistics"].priority < low["statistics"].priority
    assert high["pytorch"].emphasis == "non-negotiable"  # the frameworks hold at every level


def test_at_junior_statistics_stands_for_the_mathematics() -> None:
    """A resume placed at junior with ML work and no mathematics shown (a data engineer or backend developer moving
    into ML): statistics, guide 004's core skill, takes the non-negotiables' boost and ranks right after what
    separates mid; probability and linear algebra, boosted at entry, take none and rank below it. At entry all three
    rank with the non-negotiables."""
    work = ["python", "sql", "git", "software-testing", "docker", "data-pipelines", "big-data", "ci-cd",
            "supervised-learning", "feature-engineering", "model-deployment", "pytorch",
            "model-evaluation"]  # fmt: skip
    shown = shown_skills(TAXONOMY, matches_for(work))
    ranked = rank_gaps(TAXONOMY, TAXONOMY.level("mid").expectations, shown, current="junior", target="mid")
    junior = {g.id: g for g in ranked}
    math = [g.id for g in ranked if g.id in ("statistics", "probability", "linear-algebra")]
    assert math[0] == "statistics" and junior["statistics"].emphasis == "foundation-junior"
    assert junior["statistics"].rank <= 6, [g.id for g in ranked[:8]]
    assert junior["probability"].emphasis is None and junior["linear-algebra"].emphasis is None
    entry = {g.id: g for g in rank_gaps(TAXONOMY, TAXONOMY.level("junior").expectations, {}, current="entry",
             target="junior")}  # fmt: skip
    assert {entry[s].emphasis for s in ("probability", "linear-algebra", "statistics")} == {"foundation"}


def test_from_senior_the_first_levels_foundations_are_outgrown() -> None:
    """A lead's resume that shows the MLOps stack, LLM work and leadership but names none of the data libraries,
    the mathematics or the classical toolkit (a staff engineer writes "built the training platform", not "pandas"):
    its first five are what the upper levels expect and it lacks (responsible AI, drift, feature stores, the model
    registry), not scikit-learn, pandas or probability; the same gaps at mid keep their full priority."""
    outgrown = TAXONOMY.scoring.outgrown
    assert outgrown is not None and outgrown.since == "senior" and outgrown.levels == ("entry", "junior")
    work = ["python", "software-testing", "machine-learning", "deep-learning", "pytorch", "transformers", "llm",
            "fine-tuning", "rag", "docker", "kubernetes", "ci-cd", "mlflow", "model-deployment", "model-serving",
            "model-monitoring", "distributed-training", "ml-system-design", "mentoring", "technical-leadership",
            "feature-engineering", "supervised-learning", "data-pipelines"]  # fmt: skip
    shown = shown_skills(TAXONOMY, matches_for(work))
    lead = TAXONOMY.level("lead").expectations
    gaps = {g.id: g for g in rank_gaps(TAXONOMY, lead, shown, current="lead", target="lead")}
    first = {g.id for g in gaps.values() if g.rank <= 5}
    foundations = {"scikit-learn", "pandas", "numpy", "probability", "linear-algebra", "statistics", "calculus", "sql",
                   "api-development", "gradient-boosting", "code-review"}  # fmt: skip
    assert not first & foundations, sorted(first)
    assert {"responsible-ai", "model-registry"} <= first, sorted(first)
    mid = {g.id: g for g in rank_gaps(TAXONOMY, lead, shown, current="mid", target="senior")}
    assert gaps["scikit-learn"].priority < mid["scikit-learn"].priority
    assert gaps["responsible-ai"].priority > gaps["scikit-learn"].priority
    # an emphasis that still holds at lead keeps its gap's rank: testing, guide 001's prerequisite
    untested = shown_skills(TAXONOMY, matches_for([s for s in work if s != "software-testing"]))
    ranked = rank_gaps(TAXONOMY, lead, untested, current="lead", target="lead")
    assert ranked[0].id == "software-testing" and ranked[0].emphasis == "prerequisite"


def test_data_structures_are_a_prerequisite_until_the_resume_shows_software_practice() -> None:
    """Below mid, data structures and algorithms rank with the prerequisites for a resume that demonstrates no
    software-engineering practice (the emphasis's ``unless``); one that demonstrates such practice (tests here) keeps
    only the foundations' boost, and the mathematics rank before them; from mid on, neither boost holds."""
    dsa = next(e for e in TAXONOMY.scoring.emphasis if e.id == "prerequisite-dsa")
    assert dsa.skills == ("data-structures-algorithms",) and "software-testing" in dsa.unless
    expectations = TAXONOMY.level("junior").expectations
    python = {"python": Shown(Strength.DEMONSTRATED, "python")}
    bare = {g.id: g for g in rank_gaps(TAXONOMY, expectations, python, current="entry", target="junior")}
    tested = {**python, "software-testing": Shown(Strength.DEMONSTRATED, "software-testing")}
    coder = {g.id: g for g in rank_gaps(TAXONOMY, expectations, tested, current="entry", target="junior")}
    assert bare["data-structures-algorithms"].emphasis == "prerequisite-dsa"
    assert bare["data-structures-algorithms"].rank < bare["probability"].rank
    assert coder["data-structures-algorithms"].emphasis == "foundation"
    assert coder["data-structures-algorithms"].rank > coder["probability"].rank
    listed = {**python, "software-testing": Shown(Strength.LISTED, "software-testing")}  # only work shows it
    lister = {g.id: g for g in rank_gaps(TAXONOMY, expectations, listed, current="entry", target="junior")}
    assert lister["data-structures-algorithms"].emphasis == "prerequisite-dsa"
    mid = {g.id: g for g in rank_gaps(TAXONOMY, TAXONOMY.level("senior").expectations, python, current="mid",
                                      target="senior")}  # fmt: skip
    assert mid["data-structures-algorithms"].emphasis is None


def test_from_mid_containers_and_ci_cd_rank_before_the_ml_fundamentals() -> None:
    """A resume placed at mid without Docker or CI/CD (the first of the mid band's MLOps infrastructure) ranks them
    before feature engineering; below mid they take no such emphasis."""
    expectations = TAXONOMY.level("senior").expectations
    mid = [g.id for g in rank_gaps(TAXONOMY, expectations, {}, current="mid", target="senior")]
    gaps = {g.id: g for g in rank_gaps(TAXONOMY, expectations, {}, current="mid", target="senior")}
    for sid in ("docker", "ci-cd"):
        assert gaps[sid].emphasis == "placed-level-mid"
        assert mid.index(sid) < mid.index("feature-engineering")
    junior = {g.id: g for g in rank_gaps(TAXONOMY, TAXONOMY.level("mid").expectations, {}, current="junior",
                                         target="mid")}  # fmt: skip
    assert junior["docker"].emphasis is None and junior["ci-cd"].emphasis is None
    senior = {g.id: g for g in rank_gaps(TAXONOMY, TAXONOMY.level("lead").expectations, {}, current="senior",
                                         target="lead")}  # fmt: skip
    assert senior["docker"].emphasis in ("placed-level", "placed-level-mid")


def test_the_ml_fundamentals_rank_first_below_senior_and_git_below_mid() -> None:
    """The non-negotiables' ML fundamentals lose their boost from senior on, Git its prerequisite boost from mid on
    (years of ML and engineering work rest on them); Python, testing and the frameworks keep theirs at every level."""
    expectations = TAXONOMY.level("lead").expectations
    by_level = {
        lv: {g.id: g for g in rank_gaps(TAXONOMY, expectations, {}, current=lv, target="lead")} for lv in LEVEL_IDS
    }
    for lv in LEVEL_IDS:
        gaps = by_level[lv]
        below_senior = LEVEL_IDS.index(lv) < LEVEL_IDS.index("senior")
        below_mid = LEVEL_IDS.index(lv) < LEVEL_IDS.index("mid")
        assert (gaps["feature-engineering"].emphasis == "ml-fundamental") is below_senior, lv
        assert (gaps["supervised-learning"].emphasis == "ml-fundamental") is below_senior, lv
        assert (gaps["git"].emphasis == "prerequisite-git") is below_mid, lv
        assert gaps["python"].emphasis == gaps["software-testing"].emphasis == "prerequisite", lv
        assert gaps["pytorch"].emphasis == "non-negotiable", lv
    assert by_level["senior"]["feature-engineering"].priority < by_level["mid"]["feature-engineering"].priority
    assert by_level["mid"]["git"].priority < by_level["junior"]["git"].priority


def test_one_modern_ai_gap_ranks_with_what_separates_from_mid_on() -> None:
    """Guide 001's 'for any 2026 ML role' skills: from mid on, the first of them the resume lacks takes the boost
    (one gap stands for the stage); below mid, none does."""
    expectations = TAXONOMY.level("senior").expectations
    junior = {g.id: g for g in rank_gaps(TAXONOMY, expectations, {}, current="junior", target="senior")}
    mid = {g.id: g for g in rank_gaps(TAXONOMY, expectations, {}, current="mid", target="senior")}
    assert not any(g.emphasis == "modern-ai" for g in junior.values())
    assert [sid for sid, g in mid.items() if g.emphasis == "modern-ai"] == ["llm"]
    assert mid["llm"].rank < junior["llm"].rank
    ml_work = Position("ML Engineer", date(2020, 1, 1), date(2025, 1, 1), False, PositionKind.WORK, 60.0, 0, 10_000)
    shown = score(TAXONOMY, [match("llm")], 5.0, positions=[ml_work], level="senior")  # five dated years of ML work
    lifted = [g.id for g in shown.gaps if g.emphasis == "modern-ai"]
    assert shown.current.level == "mid" and lifted == ["fine-tuning"]  # the next one the resume lacks


def test_a_gap_never_names_the_umbrella_it_stands_for_as_its_own_alternative() -> None:
    """A posting's group "cloud computing, AWS or GCP": AWS stands in for Cloud computing; GCP is the alternative."""
    junior = next(lv for lv in TAXONOMY.levels if lv.id == "junior")
    hedged = [match("aws", Strength.HEDGED)]
    scores = score(TAXONOMY, hedged, 2.0, job=junior.expectations,
                   job_alternatives=[("cloud-computing", "aws", "gcp")])  # fmt: skip
    aws = next(g for g in scores.gaps if g.id == "aws")
    assert aws.stands_for == "cloud-computing"
    assert "gcp" in aws.alternatives
    assert "cloud-computing" not in aws.alternatives and "aws" not in aws.alternatives


def test_a_prerequisite_from_below_the_level_is_not_lifted_once_its_stage_is_shown() -> None:
    """A resume placed at mid that runs containers in its work (the MLOps stage shown) has deployed models at its
    level: model deployment (the junior band's) stays a gap but is not lifted above ML system design, which builds
    on it; with nothing of the stage shown it is still lifted, and at junior, where it is the band's own, its emphasis
    ranks it before the MLOps gaps that build on it."""
    expectations = TAXONOMY.level("senior").expectations
    docker = shown_skills(TAXONOMY, matches_for(["docker", "python", "machine-learning"]))
    at_mid = {g.id: g for g in rank_gaps(TAXONOMY, expectations, docker, current="mid", target="senior")}
    assert at_mid["model-deployment"].first_for == ()
    assert at_mid["model-deployment"].rank > at_mid["ml-system-design"].rank
    nothing = {g.id: g for g in rank_gaps(TAXONOMY, expectations, {}, current="mid", target="senior")}
    assert nothing["model-deployment"].first_for and nothing["model-deployment"].rank < nothing["ml-system-design"].rank
    mid_exp = TAXONOMY.level("mid").expectations
    junior = {g.id: g for g in rank_gaps(TAXONOMY, mid_exp, docker, current="junior", target="mid")}
    deploy = junior["model-deployment"]  # the junior band's own skill: ranked first at junior by its emphasis
    assert deploy.emphasis == "junior-work" and deploy.first_for == ()
    assert all(deploy.rank < junior[sid].rank for sid in ("model-serving", "model-monitoring", "model-registry"))


@pytest.mark.parametrize(("current", "target"), [("mid", "senior"), ("senior", "lead"), ("lead", "lead")])
def test_docker_comes_before_kubernetes_though_the_mlops_stage_is_shown(current: str, target: str) -> None:
    """Docker, which junior only recommends, is not shown by the MLOps stage's other work (CI/CD, MLflow): for a
    resume without it, it ranks just above Kubernetes, which runs its containers. Model deployment, which junior
    requires, stays settled by that work: not lifted above the monitoring that builds on it."""
    expectations = TAXONOMY.level(target).expectations
    shown = shown_skills(TAXONOMY, matches_for(["ci-cd", "mlflow", "python", "machine-learning", "pytorch"]))
    gaps = {g.id: g for g in rank_gaps(TAXONOMY, expectations, shown, current=current, target=target)}
    assert gaps["docker"].rank < gaps["kubernetes"].rank
    assert "kubernetes" in gaps["docker"].first_for or gaps["docker"].priority > gaps["kubernetes"].priority
    assert gaps["model-deployment"].first_for == ()
    assert gaps["model-deployment"].rank > gaps["model-monitoring"].rank


def test_a_cloud_platform_ranks_below_the_mlops_stage_at_mid() -> None:
    """Neither roadmap's MLOps stage (guide 001 step 5, guide 003 stage 6) names a cloud, and guide 003 says only
    that cloud expertise "often increases employability": at mid, cloud computing is recommended, so its stand-in
    (AWS) ranks below the stage's serving, monitoring and orchestration for a junior aiming at mid."""
    cloud = next(e for e in TAXONOMY.level("mid").expectations if e.skill_id == "cloud-computing")
    assert cloud.importance == Importance.RECOMMENDED
    shown = shown_skills(TAXONOMY, matches_for(["python", "machine-learning", "pytorch", "docker"]))
    gaps = [g.id for g in rank_gaps(TAXONOMY, TAXONOMY.level("mid").expectations, shown, current="junior",
                                    target="mid")]  # fmt: skip
    for stage_skill in ("model-serving", "model-monitoring", "kubernetes", "distributed-training"):
        assert gaps.index(stage_skill) < gaps.index("aws"), stage_skill


PLATFORM = ["python", "docker", "kubernetes", "ci-cd", "model-serving", "model-monitoring", "data-pipelines"]


def test_platform_work_with_little_modelling_ranks_model_evaluation_first_from_junior() -> None:
    """A resume whose demonstrated ML work is the platform's (five skills of the platform-side profile or more, three
    times those of modelling) has model evaluation raised with the prerequisites once placed at junior; with as much
    modelling as platform work, or below junior, model evaluation is an ordinary recommended gap."""
    from gapcheck.scoring.gaps import resume_profiles

    expectations = TAXONOMY.level("mid").expectations
    platform = shown_skills(TAXONOMY, matches_for(PLATFORM))
    assert resume_profiles(TAXONOMY, frozenset(platform)) == {"platform-side"}
    at_junior = rank_gaps(TAXONOMY, expectations, platform, current="junior", target="mid")
    evaluation = next(g for g in at_junior if g.id == "model-evaluation")
    assert evaluation.emphasis == "platform-modelling"
    modelling = shown_skills(TAXONOMY, matches_for([*PLATFORM, "pytorch", "xgboost", "clustering"]))
    assert "platform-side" not in resume_profiles(TAXONOMY, frozenset(modelling))  # modelling-begun, not platform
    plain = next(g for g in rank_gaps(TAXONOMY, expectations, modelling, current="junior", target="mid")
                 if g.id == "model-evaluation")  # fmt: skip
    assert plain.emphasis is None and plain.rank > evaluation.rank
    at_entry = rank_gaps(TAXONOMY, TAXONOMY.level("junior").expectations, platform, current="entry", target="junior")
    assert next(g for g in at_entry if g.id == "model-evaluation").emphasis is None
    few = shown_skills(TAXONOMY, matches_for(PLATFORM[:4]))  # four platform skills: under min_skills
    assert resume_profiles(TAXONOMY, frozenset(few)) == frozenset()


def test_the_model_registry_ranks_with_the_placed_level_from_senior() -> None:
    """A resume placed at senior or lead without a model registry is told to learn it with what its level requires
    (guide 001's MLOps stage, guide 002's senior systems); at mid it is an ordinary recommended gap."""
    shown = shown_skills(TAXONOMY, matches_for(["python", "docker", "model-serving", "ml-system-design"]))
    at_lead = {g.id: g for g in rank_gaps(TAXONOMY, TAXONOMY.level("lead").expectations, shown,
                                          current="lead", target="lead")}  # fmt: skip
    at_mid = {g.id: g for g in rank_gaps(TAXONOMY, TAXONOMY.level("senior").expectations, shown,
                                         current="mid", target="senior")}  # fmt: skip
    assert at_lead["model-registry"].emphasis == "model-lifecycle"
    assert at_mid["model-registry"].emphasis is None
    assert at_lead["model-registry"].priority > at_mid["model-registry"].priority


def test_transformers_are_raised_a_little_from_senior() -> None:
    """At senior or lead a resume without transformers is told to learn them before the foundations its years have
    shown (guide 001's step 3 under its LLM step), but not before what its level requires."""
    shown = shown_skills(TAXONOMY, matches_for(["python", "pytorch", "docker", "ml-system-design"]))
    gaps = {g.id: g for g in rank_gaps(TAXONOMY, TAXONOMY.level("lead").expectations, shown,
                                       current="lead", target="lead")}  # fmt: skip
    assert gaps["transformers"].emphasis == "modern-architecture"
    assert gaps["transformers"].rank < gaps["scikit-learn"].rank  # without the boost: below it (2.94 < 3.38)
    assert gaps["transformers"].rank > gaps["model-monitoring"].rank  # required at the level, placed-level
    below = {g.id: g for g in rank_gaps(TAXONOMY, TAXONOMY.level("senior").expectations, shown,
                                        current="mid", target="senior")}  # fmt: skip
    assert below["transformers"].emphasis is None


def test_the_rules_decide_once_and_a_decision_met_before_gives_the_same_candidates() -> None:
    """The umbrella and alternatives rules decide for a resume (which umbrellas stand down, which alternative stays
    a gap), then that decision is carried out: a level's outcome is kept by it, so another resume with the same
    decision is given the very same merged candidates, and a decision carried out afresh (the level's expectations
    as another tuple) gives the same gaps."""
    level = TAXONOMY.level("junior")
    groups = TAXONOMY.scoring.alternatives
    present = [e.skill_id for e in level.expectations]
    group_at = {g.id: i for i, g in enumerate(groups)}

    def decided(
        skill_ids: list[str], strength: Strength = Strength.DEMONSTRATED
    ) -> tuple[_Decision, dict[str, Shown], frozenset[str]]:
        shown = shown_skills(TAXONOMY, matches_for(skill_ids, strength))
        demonstrated = frozenset(s for s, seen in shown.items() if seen.strength == Strength.DEMONSTRATED)
        return _decide(TAXONOMY, present, shown, demonstrated, groups), shown, demonstrated

    listed = decided(["tensorflow"], Strength.LISTED)[0]
    assert (group_at["dl-framework"], "tensorflow") in listed.groups  # the member shown best stays the gap
    assert (group_at["dl-framework"], None) in decided(["tensorflow"])[0].groups  # one demonstrated: stands down
    nothing, plus_docker = decided([]), decided(["docker"])
    assert plus_docker[0] == nothing[0]  # a skill no rule names decides nothing
    first = _candidates(TAXONOMY, level.expectations, *nothing[1:], ())
    again = _candidates(TAXONOMY, level.expectations, *plus_docker[1:], ())
    assert first["pytorch"] is again["pytorch"]  # merged once (umbrella deep learning, tensorflow) and kept
    for skills in ([], ["tensorflow"], ["pytorch"], ["aws", "gcp"], ["machine-learning"], ["xgboost", "docker"]):
        found = shown_skills(TAXONOMY, matches_for(skills))
        own = rank_gaps(TAXONOMY, level.expectations, found, current="entry", target="junior")
        assert own == rank_gaps(TAXONOMY, (*level.expectations, *()), found, current="entry", target="junior")


ML_STUDENT = """# Amara Okafor

MSc Data Science student, graduating June 2026.

## Education

MSc Data Science, University of Leeds, 2024 - 2026

## Projects

- Churn prediction: trained logistic regression, random forest and XGBoost classifiers with scikit-learn; tuned
  hyperparameters with grid search and 5-fold cross-validation; compared ROC AUC on a held-out set.
- Image classification: built a convolutional neural network in PyTorch for plant disease photos, 91% accuracy.
- Customer segmentation with k-means clustering on survey data.
- Sentiment analysis with a fine-tuned transformer model.

## Skills

Python, pandas, NumPy, SQL, Git, Jupyter, statistics, linear algebra, probability
"""

ANALYST = """# Tomas Lindqvist

Data analyst.

## Experience

Data Analyst, Nordbank, 2025 - Present
- Built weekly sales dashboards in Power BI and wrote SQL queries for the finance team.
- Ran a linear regression of branch revenue on staffing.

## Skills

Excel, SQL, Python, pandas, data visualization
"""


def test_an_ml_student_is_told_the_engineering_half_first() -> None:
    """An entry-level resume whose projects cover the ML stages (classical models, a CNN, a transformer) but show no
    engineering around them: CI/CD (and OOP) take the `engineering-half` emphasis and CI/CD ranks among the first
    five, before a cloud platform and code review; an analyst with one model is not of that profile, and a
    modelling resume placed at junior is not lifted either (below junior only)."""
    analyzer = Analyzer(TAXONOMY, options=Options(today=date(2026, 5, 1)))
    student = analyzer.analyze_text(ML_STUDENT, format="markdown")
    assert student.best_fit_level == "entry"
    first = [g.id for g in student.gaps[:5]]
    gaps = {g.id: g for g in student.gaps}
    assert "ci-cd" in first and gaps["ci-cd"].emphasis == "engineering-half", first
    assert gaps["oop"].emphasis == "engineering-half"
    assert gaps["ci-cd"].rank < gaps["aws"].rank and gaps["ci-cd"].rank < gaps["code-review"].rank
    analyst = analyzer.analyze_text(ANALYST, format="markdown")
    assert all(g.emphasis != "engineering-half" for g in analyst.gaps)
    demonstrated = frozenset(s.skill_id for s in student.skills if s.strength == Strength.DEMONSTRATED)
    assert "modelling-side" in resume_profiles(TAXONOMY, demonstrated)
    shown = {sid: Shown(Strength.DEMONSTRATED, sid) for sid in demonstrated}
    junior = rank_gaps(TAXONOMY, TAXONOMY.level("mid").expectations, shown, current="junior", target="mid")
    assert all(g.emphasis != "engineering-half" for g in junior)


def test_llm_work_shows_generative_ai() -> None:
    """A senior resume with RAG built on an LLM has done generative-AI work: "Generative AI" (the lead level's
    expectation) is no gap of it; an LLM only listed shows nothing, and generative AI stays a gap."""
    built = shown_skills(TAXONOMY, matches_for(["python", "llm", "rag", "transformers", "pytorch"]))
    assert built["generative-ai"] == Shown(Strength.DEMONSTRATED, "llm")
    lead = TAXONOMY.level("lead").expectations
    ranked = {g.id for g in rank_gaps(TAXONOMY, lead, built, current="senior", target="lead")}
    assert "generative-ai" not in ranked
    listed = shown_skills(TAXONOMY, [*matches_for(["python"]), match("llm", Strength.LISTED)])
    assert "generative-ai" in {g.id for g in rank_gaps(TAXONOMY, lead, listed, current="senior", target="lead")}


def test_report_gaps_carry_the_ranked_gaps_fields() -> None:
    """A report's Gap is the RankedGap's shared fields as they are, plus its two sentences; a field added to Gap
    alone (neither sentence nor scoring's) would have no value to take."""
    ranked = score(TAXONOMY, matches_for(["python", "sql"]), None, level="senior").gaps
    gap_fields = {f.name for f in dataclasses.fields(gap_entries(TAXONOMY, ranked, "Senior")[0])}
    ranked_fields = {f.name for f in dataclasses.fields(ranked[0])}
    assert gap_fields - ranked_fields == {"why", "next_step"}
    for gap, entry in zip(ranked, gap_entries(TAXONOMY, ranked, "Senior"), strict=True):
        for name in gap_fields & ranked_fields:
            assert getattr(entry, name) == getattr(gap, name), name
        assert entry.why.endswith(".") and entry.next_step.text.endswith(".")
    assert any(g.first_for for g in ranked) and any(g.kind == "weak" or g.emphasis for g in ranked)


def _ranked(demonstrated: list[str], current: str = "entry", target: str = "junior") -> dict[str, RankedGap]:
    shown = {sid: Shown(Strength.DEMONSTRATED, sid) for sid in demonstrated}
    ranked = rank_gaps(TAXONOMY, TAXONOMY.level(target).expectations, shown, current=current, target=target)
    return {g.id: g for g in ranked}


def test_ml_work_begun_at_entry_finishes_the_classical_stage_before_the_junior_breadth() -> None:
    """An entry-level resume with three classical-ML skills demonstrated (ML work begun, `modelling-begun`) is told
    the rest of guide 001's classical-ML step (cross-validation, scikit-learn) and guide 002's entry-band work (data
    pipelines) before a cloud platform, code review and hyperparameter tuning; with two such skills (look-alike: ML
    barely shown) none of them is lifted and the math foundations keep their place before scikit-learn; at junior
    the emphases no longer hold."""
    base = ["python", "sql", "git", "pandas", "numpy"]
    three = [*base, "supervised-learning", "logistic-regression", "decision-trees"]
    assert "modelling-begun" in resume_profiles(TAXONOMY, frozenset(three))
    begun = _ranked(three)
    assert begun["cross-validation"].emphasis == "classical-ml-stage"
    assert begun["scikit-learn"].emphasis == "classical-ml-stage"
    assert begun["data-pipelines"].emphasis == "entry-work"
    for lifted in ("cross-validation", "scikit-learn", "data-pipelines"):
        for breadth in ("aws", "code-review", "hyperparameter-tuning"):
            assert begun[lifted].rank < begun[breadth].rank, (lifted, breadth)
    assert begun["scikit-learn"].rank < begun["probability"].rank
    assert begun["cross-validation"].rank < begun["probability"].rank

    two = [*base, "supervised-learning", "logistic-regression"]
    assert "modelling-begun" not in resume_profiles(TAXONOMY, frozenset(two))
    barely = _ranked(two)
    for sid in ("cross-validation", "scikit-learn", "data-pipelines"):
        assert barely[sid].emphasis is None, sid
    assert barely["probability"].rank < barely["scikit-learn"].rank

    junior = _ranked(three, current="junior", target="mid")
    assert all(g.emphasis not in ("classical-ml-stage", "entry-work") for g in junior.values())
