"""The advice measures' tally of where our gap order puts the judges' skills (scripts/eval_advice.py --summary)."""

from __future__ import annotations

from gapcheck.scoring.evaluation import Judgment, SkillTally, score_advice, where_judged_skills_rank

LEVELS = ["entry", "junior", "mid", "senior", "lead"]


def judged(judge: str, top5: tuple[str, ...]) -> Judgment:
    return Judgment(judge=judge, file="a.pdf", current_level="entry", next_level="junior", top5=top5, reason="")


def test_the_judges_skills_are_counted_where_our_order_ranks_them() -> None:
    ours = ["pytorch", "git", "sql", "docker", "kubernetes", "python", *[f"skill-{n}" for n in range(15)], "numpy"]
    one = judged("1", ("pytorch", "python", "numpy", "rag", "git"))
    two = judged("2", ("pytorch", "skill-10", "rag", "git", "sql"))
    score = score_advice("a.pdf", "entry", ours[:5], [one, two], LEVELS)
    buckets, tally = where_judged_skills_rank([score], {"a.pdf": ours})
    # pytorch, git (twice each) and sql at 1-5; python at 6; skill-10 at 16; numpy at 22; rag (twice) not a gap
    assert buckets == {"1-5": 5, "6-10": 1, "11-20": 1, "21+": 1, "not a gap": 2}
    assert tally["pytorch"] == SkillTally(named=2, ours=1, ours_only=0)
    assert tally["docker"] == SkillTally(named=0, ours=1, ours_only=1)  # in our first five, no judge's
    assert tally["rag"] == SkillTally(named=2, ours=0, ours_only=0)
    assert "skill-3" not in tally  # neither named nor in our first five
