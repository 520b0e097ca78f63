"""Coverage by category: the target's weighted coverage within each skill category (what the HTML chart draws)."""

from __future__ import annotations

import pytest

from gapcheck.knowledge import load_taxonomy
from gapcheck.matching.model import Evidence, Method, SkillMatch, Strength
from gapcheck.scoring import coverage, score
from gapcheck.scoring.coverage import importance_weight

TAXONOMY = load_taxonomy()


def match(skill_id: str, strength: Strength) -> SkillMatch:
    skill = TAXONOMY.skill(skill_id)
    evidence = Evidence(
        section="experience" if strength == Strength.DEMONSTRATED else "skills",
        text=f"Used {skill.name}",
        start=5,
        end=5 + len(skill.name),
        method=Method.EXACT,
        matched=skill.name,
        hedged=False,
        implied_by=None,
    )
    return SkillMatch(skill.id, skill.name, skill.category, strength, (evidence,))


@pytest.mark.parametrize("level", ["junior", "senior"])
def test_category_coverage_is_the_weighted_coverage_within_the_category(level: str) -> None:
    expectations = TAXONOMY.level(level).expectations
    programming = [e.skill_id for e in expectations if TAXONOMY.skill(e.skill_id).category == "programming"]
    mlops = [e.skill_id for e in expectations if TAXONOMY.skill(e.skill_id).category == "mlops"]
    assert programming and mlops
    matches = [match(s, Strength.DEMONSTRATED) for s in programming] + [match(mlops[0], Strength.LISTED)]
    target = score(TAXONOMY, matches, None, level=level).target
    by_category = {c.category: c for c in target.categories}
    categories = {TAXONOMY.skill(e.skill_id).category for e in expectations}
    assert set(by_category) == categories
    assert sum(c.expected for c in target.categories) == len(expectations)
    assert by_category["programming"].coverage == 1.0  # every expected programming skill shown in use
    assert 0.0 < by_category["mlops"].coverage < 1.0  # one listed: a part of its weight
    # the categories' coverages, weighted by what each category weighs, give the target's coverage back
    weights = {c: 0.0 for c in categories}
    for exp in expectations:
        weights[TAXONOMY.skill(exp.skill_id).category] += exp.weight * importance_weight(TAXONOMY, exp.importance)
    whole = sum(by_category[c].coverage * w for c, w in weights.items()) / sum(weights.values())
    assert whole == pytest.approx(target.coverage, abs=1e-3)
    found = {m.skill_id: m.strength for m in matches}
    assert target.coverage == coverage(TAXONOMY, expectations, found, required_only=False)
