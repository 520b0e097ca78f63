"""Measuring the advice against expert judgments: the current level and the five skills most needed next.

A judgments file is TSV with a header ``judge	file	current_level	next_level	top5	reason`` (``top5``: five
skill names of the shared minimum list, most important first, separated by ``;``); a years file has
``file	years	ref_date`` (``YYYY-MM``: when the resume was written, what its "Present" means; years are right
when within max(1 year, 25%) of gold). Per resume:

- level equal: our current level equals one judge's;
- level within one: it is at most one level from one judge's;
- top-5 overlap: the share of a judge's five skills that are among our first five gaps, averaged over the judges.

The judges' own agreement (the same measures between two judges of one resume) is the ceiling.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from gapcheck.knowledge.model import Taxonomy


@dataclass(frozen=True)
class Judgment:
    judge: str
    file: str
    current_level: str
    next_level: str
    top5: tuple[str, ...]  # skill ids, most important first
    reason: str


@dataclass(frozen=True)
class AdviceScore:
    """Our advice for one resume against its judgments."""

    file: str
    level: str | None  # None: no level given (never equal to a judge's)
    top5: tuple[str, ...]
    judgments: tuple[Judgment, ...]
    equal: bool
    within_one: bool
    overlap: float  # mean over the judges of |ours & theirs| / 5


@dataclass(frozen=True)
class AdviceTotals:
    files: int
    equal: int
    within_one: int
    overlap: float  # mean of the files' overlaps
    judged_twice: int  # files with two judgments, on which the judges' own agreement is measured
    judges_equal: int
    judges_within_one: int
    judges_overlap: float


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def skill_ids_by_name(taxonomy: Taxonomy) -> dict[str, str]:
    """Casefolded skill names and aliases -> skill id (a name wins over another skill's alias)."""
    out: dict[str, str] = {}
    for skill in taxonomy.skills:
        for alias in skill.aliases:
            out.setdefault(alias.casefold(), skill.id)
    out.update({skill.name.casefold(): skill.id for skill in taxonomy.skills})
    return out


def read_judgments(path: Path, taxonomy: Taxonomy) -> dict[str, tuple[Judgment, ...]]:
    """Judgments by file name; a top-5 name the taxonomy does not know raises ValueError naming it."""
    ids = skill_ids_by_name(taxonomy)
    out: dict[str, list[Judgment]] = {}
    for row in _rows(path):
        names = [n.strip() for n in row["top5"].split(";") if n.strip()]
        unknown = [n for n in names if n.casefold() not in ids]
        if unknown:
            raise ValueError(f"{path.name}: {row['file']}: skills the taxonomy does not name: {unknown}")
        out.setdefault(row["file"].strip(), []).append(
            Judgment(
                judge=row["judge"].strip(),
                file=row["file"].strip(),
                current_level=row["current_level"].strip(),
                next_level=row["next_level"].strip(),
                top5=tuple(ids[n.casefold()] for n in names),
                reason=row.get("reason", "").strip(),
            )
        )
    return {file: tuple(js) for file, js in out.items()}


def read_ref_dates(path: Path) -> dict[str, date]:
    """``ref_date`` of a years file by file name, as the first of its month."""
    out: dict[str, date] = {}
    for row in _rows(path):
        year, month = (int(x) for x in row["ref_date"].strip().split("-")[:2])
        out[row["file"].strip()] = date(year, month, 1)
    return out


def read_gold_years(path: Path) -> dict[str, tuple[float, date]]:
    """``(years, ref_date)`` of a years file by file name (``ref_date`` as the first of its month)."""
    dates = read_ref_dates(path)
    return {row["file"].strip(): (float(row["years"]), dates[row["file"].strip()]) for row in _rows(path)}


def years_right(read: float | None, gold: float) -> bool:
    """The years measure: within max(1 year, 25% of gold) of the gold figure."""
    return read is not None and abs(read - gold) <= max(1.0, 0.25 * gold)


def _overlap(ours: Sequence[str], theirs: Sequence[str]) -> float:
    return len(set(ours[:5]) & set(theirs[:5])) / 5


def score_advice(
    file: str, level: str | None, top5: Sequence[str], judgments: Sequence[Judgment], levels: Sequence[str]
) -> AdviceScore:
    """Our level and first five gaps against one resume's judgments (``levels``: the level ids in order)."""
    position = {lv: i for i, lv in enumerate(levels)}
    theirs = [position[j.current_level] for j in judgments]
    return AdviceScore(
        file=file,
        level=level,
        top5=tuple(top5[:5]),
        judgments=tuple(judgments),
        equal=level is not None and any(position[level] == t for t in theirs),
        within_one=level is not None and any(abs(position[level] - t) <= 1 for t in theirs),
        overlap=sum(_overlap(top5, j.top5) for j in judgments) / len(judgments) if judgments else 0.0,
    )


RANK_BUCKETS = ("1-5", "6-10", "11-20", "21+", "not a gap")


@dataclass(frozen=True)
class SkillTally:
    """One skill over many resumes: how often a judge named it, and how often our first five held it."""

    named: int = 0  # judgments naming it among their five
    ours: int = 0  # resumes whose first five gaps hold it
    ours_only: int = 0  # of those, resumes where no judge named it (what we over-rank)


def _bucket(rank: int | None) -> str:
    if rank is None:
        return RANK_BUCKETS[-1]
    return "1-5" if rank <= 5 else "6-10" if rank <= 10 else "11-20" if rank <= 20 else "21+"


def where_judged_skills_rank(
    scores: Iterable[AdviceScore], orders: Mapping[str, Sequence[str]]
) -> tuple[dict[str, int], dict[str, SkillTally]]:
    """Where our gap order (``orders``: file -> gap ids, first first) puts each judge's five, by ``RANK_BUCKETS``,
    and a tally per skill (named by a judge, in our first five, in ours and no judge's)."""
    buckets = dict.fromkeys(RANK_BUCKETS, 0)
    named: dict[str, int] = {}
    ours: dict[str, int] = {}
    only: dict[str, int] = {}
    for score in scores:
        order = list(orders.get(score.file, ()))
        theirs = {sid for j in score.judgments for sid in j.top5}
        for sid in order[:5]:
            ours[sid] = ours.get(sid, 0) + 1
            if sid not in theirs:
                only[sid] = only.get(sid, 0) + 1
        for judgment in score.judgments:
            for sid in judgment.top5:
                named[sid] = named.get(sid, 0) + 1
                buckets[_bucket(order.index(sid) + 1 if sid in order else None)] += 1
    tally = {
        sid: SkillTally(named.get(sid, 0), ours.get(sid, 0), only.get(sid, 0)) for sid in {*named, *ours}
    }
    return buckets, tally


def advice_totals(scores: Iterable[AdviceScore], levels: Sequence[str]) -> AdviceTotals:
    scores = list(scores)
    position: Mapping[str, int] = {lv: i for i, lv in enumerate(levels)}
    pairs = [s.judgments[:2] for s in scores if len(s.judgments) >= 2]
    return AdviceTotals(
        files=len(scores),
        equal=sum(s.equal for s in scores),
        within_one=sum(s.within_one for s in scores),
        overlap=sum(s.overlap for s in scores) / len(scores) if scores else 0.0,
        judged_twice=len(pairs),
        judges_equal=sum(a.current_level == b.current_level for a, b in pairs),
        judges_within_one=sum(abs(position[a.current_level] - position[b.current_level]) <= 1 for a, b in pairs),
        judges_overlap=sum(_overlap(a.top5, b.top5) for a, b in pairs) / len(pairs) if pairs else 0.0,
    )


def level_without_years(path: Path, taxonomy: Taxonomy, today: date | None) -> str:
    """The level a resume is placed at when its years are withheld (no professional years, no dated position): the
    skills decide, with the headline's title of the ladder, as for a resume whose dates cannot be read."""
    from gapcheck.matching import match_skills
    from gapcheck.reading import read_resume
    from gapcheck.scoring import score

    resume = read_resume(path, today=today)
    # the dates are withheld, not the words: the headline under the name (its first, untitled section) stays
    head = tuple(s for s in resume.sections[:1] if not s.heading)
    return score(taxonomy, match_skills(resume, taxonomy), None, sections=head).current.level


def level_undated(path: Path, taxonomy: Taxonomy, today: date | None) -> str:
    """The level a resume is placed at when its years are known but not dated: the reader's professional years kept
    (as a stated figure, "6+ years of experience"), its dated positions withheld, the headline kept."""
    from gapcheck.matching import match_skills
    from gapcheck.reading import read_resume
    from gapcheck.scoring import score

    resume = read_resume(path, today=today)
    head = tuple(s for s in resume.sections[:1] if not s.heading)
    years = resume.years_experience
    return score(taxonomy, match_skills(resume, taxonomy), years, sections=head).current.level
