"""Scoring: coverage of each level, best fit, level by years, the target, the ranked gaps and the learning plan.

Everything numeric comes from the taxonomy's ``[scoring]`` data (:class:`gapcheck.knowledge.model.ScoringRules`):

Coverage
    For a set of expectations E (a level's cumulative expectations, or a job posting's skills)::

        coverage(E) = sum(w_e * I[imp_e] * F[strength_e]) / sum(w_e * I[imp_e])

    where ``w_e`` is the expectation's weight, ``I`` = ``importance_weights``, ``F`` = ``strength_factors``
    (0 for a skill not found). ``required_coverage`` is the same sum over the required expectations alone.
    Both are in [0, 1] (a level with no expectations has coverage 1).

Best fit
    Walking the levels upward from the first, the last level whose ``required_coverage`` reaches
    ``best_fit_required_coverage`` before one falls short (expectations are cumulative, so a level above one
    that falls short would only fit through importances raised at it). ``None`` when the first level falls short.

Level by years
    The level whose years band holds the reader's ``years_experience`` (``years_min <= years < years_max``);
    in a hole between bands, the highest level whose ``years_min`` is reached. ``None`` when years are unknown.

Target
    The level asked for; without one, the level after the best fit (the first level when nothing fits, the
    last level when the best fit is already the last). A job posting replaces the target's expectations.

Gaps
    Each expectation of the target whose skill is **missing** (not found) or **weak** (found, but only listed,
    mentioned, hedged or implied: the resume claims it without showing use). ``met_threshold`` is not used
    to decide the kind; it is reported for data users only.

Priority (the gaps are sorted by it, highest first), with ``P`` = ``priority_weights``::

    base     = P.importance * I[importance] + P.weight * weight + P.guides * guides + P.stage * early
    raw      = (1 - F[strength]) * base          # the deficit: 1 for a missing skill
    priority = max(raw, max(priority(d) for d in gaps that (transitively) require this skill) + 0.001)
                                                 # (the lift applies to missing prerequisites only)

    ``guides`` is the number of distinct guides that cite the skill (its own sources and the expectation's);
    ``early`` is ``(S - i) / S`` for the skill's roadmap stage at position ``i`` of the taxonomy's ``S``
    stages (1 for the first stage, 0 when the skill has no stage), so foundations rank before what builds on
    them; the last line lifts every prerequisite (``Skill.requires``) above the gaps that need it, so Python
    is ranked before PyTorch, Docker before Kubernetes, whatever their own weights. Missing ``P`` keys count 0.
    Ties break on importance, then roadmap order, then name. Priorities are rounded to 4 decimals.

Plan
    The gaps grouped by roadmap stage, in stage order (skills without a stage last). A stage's estimate is
    its duration (``months_min``..``months_max`` from the guides) times the share of the stage's skills that
    are missing (weak skills need showing, not learning). The total is the sum of the stages' estimates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from gapcheck.knowledge.model import Expectation, Importance, Level, Skill, Taxonomy
from gapcheck.matching.model import SkillMatch, Strength
from gapcheck.report.model import (
    CertificationRef,
    Gap,
    GuideRef,
    LevelScore,
    NextStep,
    PlanStep,
    PlanTotal,
    StageRef,
    Target,
)

PREREQUISITE_STEP = 0.001
_IMPORTANCE_ORDER = {Importance.REQUIRED: 0, Importance.RECOMMENDED: 1, Importance.BONUS: 2}
_MAX_RESOURCES = 3


@dataclass(frozen=True)
class Scores:
    """The scoring part of a report."""

    levels: tuple[LevelScore, ...]
    best_fit_level: str | None
    level_by_years: str | None
    target: Target
    target_level: str
    gaps: tuple[Gap, ...]
    plan: tuple[PlanStep, ...]
    plan_total: PlanTotal
    assessment: str


def strength_factor(taxonomy: Taxonomy, strength: Strength | str | None) -> float:
    """The taxonomy's factor for a strength; 0 for a skill not found."""
    if strength is None:
        return 0.0
    return float(taxonomy.scoring.strength_factors.get(str(strength), 0.0))


def importance_weight(taxonomy: Taxonomy, importance: Importance | str) -> float:
    return float(taxonomy.scoring.importance_weights.get(str(importance), 0.0))


def coverage(
    taxonomy: Taxonomy, expectations: Iterable[Expectation], found: Mapping[str, SkillMatch], *, required_only: bool
) -> float:
    """Weighted coverage of ``expectations`` by the found skills, in [0, 1] (1 when nothing is expected)."""
    total = 0.0
    covered = 0.0
    for exp in expectations:
        if required_only and exp.importance != Importance.REQUIRED:
            continue
        w = exp.weight * importance_weight(taxonomy, exp.importance)
        match = found.get(exp.skill_id)
        total += w
        covered += w * min(max(strength_factor(taxonomy, match.strength if match else None), 0.0), 1.0)
    if total <= 0.0:
        return 1.0
    return round(min(max(covered / total, 0.0), 1.0), 4)


def score_level(taxonomy: Taxonomy, level: Level, found: Mapping[str, SkillMatch]) -> LevelScore:
    required = coverage(taxonomy, level.expectations, found, required_only=True)
    missing: list[str] = []
    weak: list[str] = []
    for exp in level.expectations:
        match = found.get(exp.skill_id)
        if match is None:
            missing.append(exp.skill_id)
        elif match.strength != Strength.DEMONSTRATED:
            weak.append(exp.skill_id)
    return LevelScore(
        level=level.id,
        name=level.name,
        years_min=level.years_min,
        years_max=level.years_max,
        coverage=coverage(taxonomy, level.expectations, found, required_only=False),
        required_coverage=required,
        met=required >= taxonomy.scoring.best_fit_required_coverage,
        missing=tuple(missing),
        weak=tuple(weak),
    )


def best_fit(levels: Sequence[LevelScore]) -> str | None:
    """The last level met, walking upward until one is not."""
    fit: str | None = None
    for score in levels:
        if not score.met:
            break
        fit = score.level
    return fit


def level_by_years(taxonomy: Taxonomy, years: float | None) -> str | None:
    if years is None:
        return None
    chosen: str | None = None
    for level in taxonomy.levels:
        if years >= level.years_min:
            chosen = level.id
            if level.years_max is None or years < level.years_max:
                return level.id
    return chosen if chosen is not None else (taxonomy.levels[0].id if taxonomy.levels else None)


def check_level(taxonomy: Taxonomy, level: str) -> Level:
    """The level with this id, or UnknownLevelError naming the valid ones."""
    return taxonomy.find_level(level)


def target_level(taxonomy: Taxonomy, best: str | None, level: str | None) -> tuple[Level, bool]:
    """The target level and whether the user chose it."""
    if level is not None:
        return check_level(taxonomy, level), True
    if best is None:
        return taxonomy.levels[0], False
    index = [lv.id for lv in taxonomy.levels].index(best)
    return taxonomy.levels[min(index + 1, len(taxonomy.levels) - 1)], False


def _level_phrase(level_id: str) -> str:
    article = "an" if level_id[:1].lower() in "aeiou" else "a"
    return f"{article} {level_id}-level engineer"


def _years_phrase(years: float) -> str:
    text = f"{years:.1f}".rstrip("0").rstrip(".")
    return f"{text} year{'' if text == '1' else 's'} of experience"


def assessment(best: str | None, by_years: str | None, years: float | None) -> str:
    """One line on where the resume stands; says so when skills and years disagree."""
    skills = "skills below the entry level's requirements" if best is None else f"skills of {_level_phrase(best)}"
    if years is None:
        return f"{skills.capitalize()}; years of experience could not be read."
    line = f"{skills.capitalize()}, {_years_phrase(years)}"
    if by_years is not None and by_years != best:
        return f"{line} (the years alone suggest {by_years} level)."
    return f"{line} (skills and years agree)."


@dataclass(frozen=True)
class _Context:
    """Per-taxonomy lookups the gap ranking needs, computed once per taxonomy."""

    stage_index: Mapping[str, int]  # stage id -> position in roadmap order
    certs_by_skill: Mapping[str, tuple[CertificationRef, ...]]
    requires_closure: Mapping[str, frozenset[str]]  # skill id -> every skill it (transitively) requires


_CONTEXTS: dict[int, tuple[Taxonomy, _Context]] = {}


def _context(taxonomy: Taxonomy) -> _Context:
    cached = _CONTEXTS.get(id(taxonomy))
    if cached is not None and cached[0] is taxonomy:
        return cached[1]
    stage_index = {stage.id: i for i, stage in enumerate(taxonomy.stages)}
    certs: dict[str, list[CertificationRef]] = {}
    for cert in taxonomy.certifications:
        ref = CertificationRef(id=cert.id, name=cert.name, provider=cert.provider, cost=cert.cost, time=cert.time)
        for skill_id in cert.skills:
            certs.setdefault(skill_id, []).append(ref)
    direct = {skill.id: tuple(skill.requires) for skill in taxonomy.skills}
    closure: dict[str, frozenset[str]] = {}
    for skill_id in direct:
        seen: set[str] = set()
        todo = list(direct[skill_id])
        while todo:
            item = todo.pop()
            if item in seen or item == skill_id:
                continue
            seen.add(item)
            todo.extend(direct.get(item, ()))
        closure[skill_id] = frozenset(seen)
    context = _Context(
        stage_index=stage_index,
        certs_by_skill={k: tuple(v) for k, v in certs.items()},
        requires_closure=closure,
    )
    if len(_CONTEXTS) > 32:
        _CONTEXTS.clear()
    _CONTEXTS[id(taxonomy)] = (taxonomy, context)
    return context


def _stage_ref(taxonomy: Taxonomy, skill: Skill) -> StageRef | None:
    if skill.stage is None:
        return None
    try:
        stage = taxonomy.stage(skill.stage)
    except KeyError:
        return None
    return StageRef(
        id=stage.id, name=stage.name, order=stage.order, months_min=stage.months_min, months_max=stage.months_max
    )


def _guide_refs(taxonomy: Taxonomy, skill: Skill, exp: Expectation) -> tuple[GuideRef, ...]:
    refs: list[GuideRef] = []
    seen: set[tuple[str, str]] = set()
    for ref in (*exp.sources, *skill.sources):
        key = (ref.source, ref.section)
        if key in seen:
            continue
        seen.add(key)
        try:
            source = taxonomy.source(ref.source)
            title, file = source.title, source.file
        except KeyError:
            title, file = ref.source, ""
        refs.append(GuideRef(source=ref.source, title=title, file=file, section=ref.section))
    return tuple(refs)


def guide_label(key: str) -> str:
    """A short name for a guide: "guide 001" for the key "g001", else the key itself."""
    return f"guide {key[1:]}" if re.fullmatch(r"g\d+", key) else key


def _months(value: float) -> str:
    return f"{value:g}"


def _strength_words(match: SkillMatch) -> str:
    words = {
        Strength.LISTED: "the resume only lists it",
        Strength.MENTIONED: "the resume only mentions it (summary, education or elsewhere)",
        Strength.HEDGED: "the resume hedges it (familiar with, basic, learning)",
        Strength.IMPLIED: "the resume does not write it; it only follows from another skill",
    }
    if match.strength == Strength.IMPLIED:
        by = next((e.implied_by for e in match.evidence if e.implied_by), None)
        if by:
            return f"the resume does not write it; it only follows from {by}"
    return words.get(match.strength, "the resume shows no use of it")


def _why(
    taxonomy: Taxonomy, exp: Expectation, target_name: str, refs: Sequence[GuideRef], match: SkillMatch | None
) -> str:
    importance = str(exp.importance).capitalize()
    if exp.introduced_at == "job":
        head = f"{importance} by the job posting"
    else:
        head = f"{importance} for {target_name} (expected from {exp.introduced_at} level)"
    guides = sorted({r.source for r in refs})
    if guides:
        cites = "; ".join(
            f"{guide_label(r.source)} ({r.section})" if r.section else guide_label(r.source) for r in refs[:3]
        )
        asks = "guides ask" if len(guides) != 1 else "guide asks"
        head += f"; {len(guides)} {asks} for it: {cites}"
    if match is not None:
        head += f"; {_strength_words(match)}"
    return head + "."


def _next_step(
    taxonomy: Taxonomy, skill: Skill, match: SkillMatch | None, learn_first: tuple[str, ...], context: _Context
) -> NextStep:
    stage = _stage_ref(taxonomy, skill)
    resources: tuple[str, ...] = ()
    if stage is not None:
        resources = tuple(taxonomy.stage(stage.id).resources[:_MAX_RESOURCES])
    certs = context.certs_by_skill.get(skill.id, ())
    if match is None:
        parts = [f"Learn {skill.name}"]
        if stage is not None:
            parts[0] += (
                f" in roadmap stage {stage.order} '{stage.name}' "
                f"({_months(stage.months_min)}-{_months(stage.months_max)} months)"
            )
        if learn_first:
            parts[0] += ", after " + ", ".join(taxonomy.skill(s).name for s in learn_first)
        if resources:
            parts.append("resources: " + ", ".join(resources))
        if certs:
            c = certs[0]
            detail = ", ".join(x for x in (c.provider, c.cost, c.time) if x)
            parts.append(f"certification: {c.name}" + (f" ({detail})" if detail else ""))
        return NextStep(
            action="learn",
            text="; ".join(parts) + ".",
            stage=stage,
            resources=resources,
            certifications=certs,
            learn_first=learn_first,
        )
    text = (
        f"Show {skill.name}: add a project or an experience bullet that uses it "
        "(what you built with it, and the result)"
    )
    if match.strength == Strength.HEDGED:
        text += ", and drop the hedge once you have"
    return NextStep(
        action="show",
        text=text + ".",
        stage=stage,
        resources=resources,
        certifications=certs,
        learn_first=learn_first,
    )


def rank_gaps(
    taxonomy: Taxonomy,
    expectations: Sequence[Expectation],
    found: Mapping[str, SkillMatch],
    target_name: str,
) -> tuple[Gap, ...]:
    """The missing and weak skills among ``expectations``, ranked by priority (see the module docstring)."""
    rules = taxonomy.scoring
    pw = rules.priority_weights
    context = _context(taxonomy)
    n_stages = len(taxonomy.stages)
    candidates: list[tuple[Expectation, Skill, SkillMatch | None, float]] = []
    for exp in expectations:
        match = found.get(exp.skill_id)
        if match is not None and match.strength == Strength.DEMONSTRATED:
            continue
        try:
            skill = taxonomy.skill(exp.skill_id)
        except KeyError:
            continue
        deficit = 1.0 - strength_factor(taxonomy, match.strength if match else None)
        guides = len({r.source for r in (*exp.sources, *skill.sources)})
        position = context.stage_index.get(skill.stage or "")
        early = (n_stages - position) / n_stages if position is not None and n_stages else 0.0
        base = (
            pw.get("importance", 0.0) * importance_weight(taxonomy, exp.importance)
            + pw.get("weight", 0.0) * exp.weight
            + pw.get("guides", 0.0) * guides
            + pw.get("stage", 0.0) * early
        )
        candidates.append((exp, skill, match, round(max(deficit, 0.0) * base, 4)))

    gap_ids = {skill.id for _, skill, _, _ in candidates}
    raw = {skill.id: value for _, skill, _, value in candidates}
    # dependents[x]: gap skills that (transitively) require the missing gap skill x (a weak one is known already)
    dependents: dict[str, list[str]] = {sid: [] for sid in gap_ids}
    for sid in gap_ids:
        for req in context.requires_closure.get(sid, frozenset()):
            if req in gap_ids and req not in found:
                dependents[req].append(sid)
    priority: dict[str, float] = {}

    def lifted(sid: str, visiting: frozenset[str]) -> float:
        if sid in priority:
            return priority[sid]
        value = raw[sid]
        for dep in dependents[sid]:
            if dep not in visiting:
                value = max(value, lifted(dep, visiting | {sid}) + PREREQUISITE_STEP)
        priority[sid] = round(value, 4)
        return priority[sid]

    for sid in sorted(gap_ids):
        lifted(sid, frozenset())

    def sort_key(item: tuple[Expectation, Skill, SkillMatch | None, float]) -> tuple[float, int, int, str]:
        exp, skill, _, _ = item
        position = context.stage_index.get(skill.stage or "", n_stages)
        return (-priority[skill.id], _IMPORTANCE_ORDER.get(exp.importance, 3), position, skill.name.lower())

    gaps: list[Gap] = []
    for rank, (exp, skill, match, _) in enumerate(sorted(candidates, key=sort_key), start=1):
        learn_first = tuple(
            sorted(
                (r for r in context.requires_closure.get(skill.id, frozenset()) if r in gap_ids and r not in found),
                key=lambda r: (-priority[r], r),
            )
        )
        refs = _guide_refs(taxonomy, skill, exp)
        gaps.append(
            Gap(
                rank=rank,
                id=skill.id,
                name=skill.name,
                category=skill.category,
                kind="missing" if match is None else "weak",
                strength=None if match is None else str(match.strength),
                importance=str(exp.importance),
                weight=exp.weight,
                priority=priority[skill.id],
                since=exp.introduced_at,
                why=_why(taxonomy, exp, target_name, refs, match),
                sources=refs,
                next_step=_next_step(taxonomy, skill, match, learn_first if match is None else (), context),
            )
        )
    return tuple(gaps)


def plan(taxonomy: Taxonomy, gaps: Sequence[Gap]) -> tuple[tuple[PlanStep, ...], PlanTotal]:
    """The gaps grouped by roadmap stage, in roadmap order, with duration estimates."""
    context = _context(taxonomy)
    groups: dict[str | None, list[Gap]] = {}
    for gap in gaps:
        stage_id = gap.next_step.stage.id if gap.next_step.stage is not None else None
        groups.setdefault(stage_id, []).append(gap)
    order = sorted(groups, key=lambda s: (s is None, context.stage_index.get(s or "", 0)))
    steps: list[PlanStep] = []
    total_min = 0.0
    total_max = 0.0
    for stage_id in order:
        members = groups[stage_id]
        learn = tuple(g.id for g in members if g.kind == "missing")
        show = tuple(g.id for g in members if g.kind == "weak")
        if stage_id is None:
            steps.append(
                PlanStep(
                    stage=None,
                    skills=tuple(g.id for g in members),
                    names=tuple(g.name for g in members),
                    learn=learn,
                    show=show,
                    resources=(),
                    months_min=0.0,
                    months_max=0.0,
                )
            )
            continue
        stage = taxonomy.stage(stage_id)
        share = min(len(learn) / max(len(stage.skills), 1), 1.0)
        months_min = round(stage.months_min * share, 1)
        months_max = round(stage.months_max * share, 1)
        total_min += months_min
        total_max += months_max
        ref = members[0].next_step.stage
        steps.append(
            PlanStep(
                stage=ref,
                skills=tuple(g.id for g in members),
                names=tuple(g.name for g in members),
                learn=learn,
                show=show,
                resources=tuple(stage.resources),
                months_min=months_min,
                months_max=months_max,
            )
        )
    return tuple(steps), PlanTotal(months_min=round(total_min, 1), months_max=round(total_max, 1))


def score(
    taxonomy: Taxonomy,
    matches: Iterable[SkillMatch],
    years: float | None,
    *,
    level: str | None = None,
    job: Sequence[Expectation] | None = None,
) -> Scores:
    """Score the matched skills against every level and rank the gaps of the target (a level or a job)."""
    if level is not None:
        check_level(taxonomy, level)
    found = {m.skill_id: m for m in matches}
    levels = tuple(score_level(taxonomy, lv, found) for lv in taxonomy.levels)
    best = best_fit(levels)
    by_years = level_by_years(taxonomy, years)
    target, chosen = target_level(taxonomy, best, level)
    if job is None:
        expectations: Sequence[Expectation] = target.expectations
        level_score = next(s for s in levels if s.level == target.id)
        target_info = Target(
            kind="level",
            id=target.id,
            name=target.name,
            coverage=level_score.coverage,
            required_coverage=level_score.required_coverage,
            chosen=chosen,
        )
    else:
        expectations = job
        target_info = Target(
            kind="job",
            id="job",
            name="the job posting",
            coverage=coverage(taxonomy, job, found, required_only=False),
            required_coverage=coverage(taxonomy, job, found, required_only=True),
            chosen=True,
        )
    gaps = rank_gaps(taxonomy, expectations, found, target_info.name)
    steps, total = plan(taxonomy, gaps)
    return Scores(
        levels=levels,
        best_fit_level=best,
        level_by_years=by_years,
        target=target_info,
        target_level=target.id,
        gaps=gaps,
        plan=steps,
        plan_total=total,
        assessment=assessment(best, by_years, years),
    )
