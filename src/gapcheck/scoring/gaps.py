"""Gaps: the target's expectations the resume does not show, ranked (data only; report/advice.py words them).

Which skills are gaps
    Each expectation of the target whose skill's effective strength (:mod:`.shown`) is not demonstrated: **missing**
    (not found) or **weak** (listed, mentioned, hedged, or implied by something not demonstrated). Two rules of the
    taxonomy's ``[scoring]`` data shape the list first:

    - an umbrella skill (``[[scoring.umbrella]]``: machine learning, deep learning, MLOps...) is never a gap: its
      ``learn`` part stands in for it, with the umbrella's importance and weight where they are higher;
    - of alternatives none of which is shown (``[[scoring.alternatives]]``: PyTorch or TensorFlow), one is a gap:
      the one the resume shows best, else the first listed; it takes the others' importance and weight where higher.

Priority (the gaps are sorted by it, highest first), with ``P`` = ``priority_weights`` and ``I`` =
``importance_weights``::

    base     = P.importance * I[importance] + P.weight * weight + P.guides * guides + P.stage * early
               + P.emphasis * boost + P.separates * separates
    priority = (1 - F[strength]) * base * O      # the deficit: 1 for a missing skill

``guides``: how many distinct guides cite the skill; ``early``: ``(S - i) / S`` for its roadmap stage at position
``i`` of ``S`` stages (0 without a stage), so foundations come before what builds on them; ``boost``: the largest
boost of an ``[[scoring.emphasis]]`` listing the skill (prerequisites, non-negotiables; one with ``below`` holds
only while the current level is below that level, one with ``from`` once it reaches that level; one with
``only_first`` lifts only the first listed skill the resume lacks; one with ``unless`` holds only while the resume
demonstrates none of its ``unless`` skills; one with ``when`` only for a resume of that ``[[scoring.profile]]``,
:func:`resume_profiles`); ``separates``: 1 when a level above the
current one, up to the target, introduced or raised the expectation (what separates the target from where the
resume stands). Missing ``P`` keys count 0. ``O``: ``[scoring.outgrown]``'s factor for a gap that one of its
``levels`` introduced and no emphasis lifts, once the current level reaches its ``from`` (a senior's years of work
have built on the first level's foundations: what the upper levels expect comes first); else 1.

Learn first
    A missing prerequisite (``Skill.requires``, transitively, through skills the resume does not show: a skill
    shown shows what it builds on) ranked below a gap that needs it moves just above that gap, and says so
    (``first_for``), when its importance is at least that gap's and it passes over no gap of higher importance that
    does not need it (a bonus skill is never lifted above a required one); a prerequisite first expected below the
    current level is not lifted when the resume demonstrates another skill of its roadmap stage (a mid-level resume
    running containers has deployed models: learnt with the stage, deployment is what its work rests on, not the
    step before ML system design). Priorities are then made non-increasing down the list and rounded to 4
    decimals. Ties break on importance, roadmap order, name. Such a prerequisite still comes first for a gap of
    its own stage when no level required it where it was first expected (Docker, which junior only recommends,
    before Kubernetes: the stage's other work does not show a tool the levels passed could go without).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from gapcheck.knowledge.frozen import evolve, maker
from gapcheck.knowledge.model import Alternatives, Expectation, Importance, SourceRef, Strength, Taxonomy
from gapcheck.scoring.coverage import strength_factor
from gapcheck.scoring.model import CertificationRef, GapKind, GuideRef, StageRef
from gapcheck.scoring.prepared import ByIdentity, Prepared, cited, per_taxonomy, prepared
from gapcheck.scoring.shown import Shown

PRIORITY_STEP = 0.001
_NONE: frozenset[str] = frozenset()


@dataclass(frozen=True)
class RankedGap:
    """One gap of the target, with everything a report says about it (no sentences)."""

    rank: int  # 1 = do first
    id: str
    name: str
    category: str
    kind: GapKind
    strength: Strength | None  # the effective strength found, for a weak skill
    implied_by: str | None  # for a skill shown only through another: that skill's id
    importance: Importance
    weight: float
    priority: float
    since: str  # the level that first expects it ("job" for a job posting's skill)
    sources: tuple[GuideRef, ...]
    stage: StageRef | None
    resources: tuple[str, ...]  # the stage's named resources that serve this skill (at most prepared.MAX_RESOURCES)
    certifications: tuple[CertificationRef, ...]
    learn_first: tuple[str, ...]  # missing prerequisite skill ids that are gaps too
    emphasis: str | None = None  # the emphasis id that lifts it ("prerequisite", "non-negotiable", ...)
    separates: bool = False  # introduced or raised above the current level, up to the target
    first_for: tuple[str, ...] = ()  # gap ids it was moved above, as their prerequisite
    alternatives: tuple[str, ...] = ()  # skill ids any of which would do instead
    stands_for: str | None = None  # the umbrella skill id it stands in for


def _merge(into: Expectation, other: Expectation, skill_id: str) -> Expectation:
    """``into`` for ``skill_id``, with the higher importance and weight of the two and both citations."""
    stronger = other.importance.rank < into.importance.rank
    return evolve(
        into,
        skill_id=skill_id,
        importance=other.importance if stronger else into.importance,
        weight=max(into.weight, other.weight),
        sources=tuple(dict.fromkeys((*into.sources, *other.sources))),
        raised_at=other.raised_at if stronger or other.weight > into.weight else into.raised_at,
    )


# RankedGap(...), built without the generated __init__ (a resume has some 60 gaps; mypy checks the calls)
_RankedGap = RankedGap if TYPE_CHECKING else maker(RankedGap)


class _Candidate(NamedTuple):
    exp: Expectation
    stands_for: str | None = None
    alternatives: tuple[str, ...] = ()


@per_taxonomy
def _levels_candidates(taxonomy: Taxonomy) -> ByIdentity[tuple[Expectation, ...], dict[str, _Candidate]]:
    """Each level's expectations as candidates before the rules, by its expectations tuple."""
    return ByIdentity((lv.expectations, {e.skill_id: _Candidate(e) for e in lv.expectations}) for lv in taxonomy.levels)


_MAX_RULED = 1024  # the rules' outcomes kept per taxonomy (a level's candidates after them, by the choices made)


@per_taxonomy
def _levels_ruled(taxonomy: Taxonomy) -> dict[tuple[int, tuple[object, ...]], dict[str, _Candidate]]:
    """A level's candidates after the umbrella and alternatives rules, by the level (its expectations' identity)
    and the choices the rules made for a resume (:func:`_choices`): the same choices merge the same expectations,
    so each outcome is merged once and its expectations stay the same objects (their fixed parts are then made
    once too, see :func:`_fixed`). Filled as resumes are scored, up to _MAX_RULED outcomes."""
    return {}


def _keeps(taxonomy: Taxonomy, group: Alternatives, members: list[str], shown: Mapping[str, Shown]) -> str:
    """The member of an alternatives group that stays a gap: the one the resume shows best, else the first."""

    def own(sid: str) -> float:
        seen = shown.get(sid)
        return strength_factor(taxonomy, seen.strength) if seen is not None and seen.via == sid else 0.0

    return max(members, key=lambda sid: (own(sid), -group.skills.index(sid)))


class _Decision(NamedTuple):
    """What the umbrella and alternatives rules decide for a resume, over a level's skills: each umbrella that
    applies (by its place in ``[[scoring.umbrella]]``) and whether it stands down (its skill or part demonstrated);
    each alternatives group that applies (by its place among the groups ruled) and the member kept, None when it
    stands down (a member demonstrated). The rest of the rules' work follows from these alone, so with the level
    it keys the outcome in :func:`_levels_ruled`."""

    umbrellas: tuple[tuple[int, bool], ...]
    groups: tuple[tuple[int, str | None], ...]


def _decide(
    taxonomy: Taxonomy,
    present: Iterable[str],
    shown: Mapping[str, Shown],
    demonstrated: AbstractSet[str],
    groups: Sequence[Alternatives],
) -> _Decision:
    """The rules' decision for a resume over the skills ``present`` (a level's, or a job's), with ``groups`` the
    alternatives groups ruled (the taxonomy's, then a posting's)."""
    keys = set(present)
    umbrellas: list[tuple[int, bool]] = []
    for i, umbrella in enumerate(taxonomy.scoring.umbrellas):
        if umbrella.skill not in keys:
            continue
        keys.discard(umbrella.skill)
        down = umbrella.skill in demonstrated or umbrella.learn in demonstrated
        umbrellas.append((i, down))
        if not down:
            keys.add(umbrella.learn)
    kept: list[tuple[int, str | None]] = []
    for i, group in enumerate(groups):
        members = [sid for sid in group.skills if sid in keys]
        if not members:
            continue
        if any(sid in demonstrated for sid in group.skills):
            kept.append((i, None))
            continue
        keep = _keeps(taxonomy, group, members, shown)
        kept.append((i, keep))
        keys.difference_update(sid for sid in members if sid != keep)
    return _Decision(tuple(umbrellas), tuple(kept))


def _candidates(
    taxonomy: Taxonomy,
    expectations: Sequence[Expectation],
    shown: Mapping[str, Shown],
    demonstrated: AbstractSet[str],
    extra: Sequence[Alternatives],
) -> dict[str, _Candidate]:
    """The expectations that can be gaps, after the umbrella and alternatives rules (see the module docstring)."""
    level = _levels_candidates(taxonomy).get(expectations)
    start = level if level is not None else {e.skill_id: _Candidate(e) for e in expectations}
    groups = (*taxonomy.scoring.alternatives, *extra)
    decision = _decide(taxonomy, start, shown, demonstrated, groups)
    if level is not None and not extra:  # a level's own expectations: outcomes kept by the decision
        ruled = _levels_ruled(taxonomy)
        key = (id(expectations), decision)
        out = ruled.get(key)
        if out is None:
            out = _apply(taxonomy, dict(level), decision, groups)
            if len(ruled) < _MAX_RULED:
                ruled[key] = out
                _keep_fixed(taxonomy, out.values())
    else:
        out = _apply(taxonomy, dict(start), decision, groups)
    return {sid: c for sid, c in out.items() if sid not in demonstrated and sid in taxonomy.index.skills}


def _apply(
    taxonomy: Taxonomy, out: dict[str, _Candidate], decision: _Decision, groups: Sequence[Alternatives]
) -> dict[str, _Candidate]:
    """``out`` (candidates by skill id) after the rules' ``decision`` (:func:`_decide`, over ``groups``) is
    carried out, before the skills demonstrated are left out."""
    rules = taxonomy.scoring
    umbrellas = {u.skill for u in rules.umbrellas}
    for i, down in decision.umbrellas:
        umbrella = rules.umbrellas[i]
        cand = out.pop(umbrella.skill)
        if down:
            continue
        exp = evolve(cand.exp, sources=(*cand.exp.sources, *umbrella.sources))
        there = out.get(umbrella.learn)
        merged = _merge(there.exp, exp, umbrella.learn) if there else evolve(exp, skill_id=umbrella.learn)
        out[umbrella.learn] = _Candidate(merged, stands_for=umbrella.skill)
    for i, keep in decision.groups:
        if keep is None:
            continue
        group = groups[i]
        exp, stands_for, earlier = out[keep].exp, out[keep].stands_for, out[keep].alternatives
        for sid in group.skills:
            if sid != keep and sid in out:
                gone = out.pop(sid)
                exp = _merge(exp, gone.exp, keep)
                stands_for = stands_for or gone.stands_for
                earlier = (*earlier, *gone.alternatives)
        # Neither the skill kept nor an umbrella (never a gap, and the one it stands for) is its own alternative.
        not_others = {keep, stands_for, *umbrellas}
        others = tuple(dict.fromkeys(sid for sid in (*earlier, *group.skills) if sid not in not_others))
        out[keep] = _Candidate(evolve(exp, sources=(*exp.sources, *group.sources)), stands_for, others)
    return out


def _boosts(
    taxonomy: Taxonomy,
    current: str | None,
    candidates: Mapping[str, _Candidate],
    shown: Mapping[str, Shown],
    demonstrated: AbstractSet[str],
) -> tuple[dict[str, tuple[float, str]], dict[str, tuple[SourceRef, ...]]]:
    """Each gap's largest emphasis boost and that emphasis's id and citations, for the emphases that hold at the
    ``current`` level (``below``: below that level only; ``from``: from that level on) and for this resume
    (``unless``: not when it demonstrates any of those skills)."""
    level_at = prepared(taxonomy).level_at
    at = level_at.get(current or "")
    profiles = resume_profiles(taxonomy, demonstrated)
    boosts: dict[str, tuple[float, str]] = {}
    sources: dict[str, tuple[SourceRef, ...]] = {}
    for emphasis in taxonomy.scoring.emphasis:
        below = level_at.get(emphasis.below or "")
        if below is not None and at is not None and at >= below:
            continue
        since = level_at.get(emphasis.since or "")
        if since is not None and (at is None or at < since):
            continue
        if not demonstrated.isdisjoint(emphasis.unless):
            continue
        if emphasis.when is not None and emphasis.when not in profiles:
            continue
        skills = emphasis.skills
        if emphasis.only_first:
            gaps = [sid for sid in skills if sid in candidates]
            lacking = [sid for sid in gaps if sid not in shown]  # missing before weak
            skills = tuple((lacking or gaps)[:1])
        for sid in skills:
            if sid not in boosts or emphasis.boost > boosts[sid][0]:
                boosts[sid] = (emphasis.boost, emphasis.id)
                sources[sid] = emphasis.sources
    return boosts, sources


def _outgrown(taxonomy: Taxonomy, current: str | None) -> tuple[AbstractSet[str], float]:
    """The levels whose own expectations the resume has outgrown at the ``current`` level (``[scoring.outgrown]``,
    once the level reaches its ``from``), and the factor of their gaps' priority; none without the table."""
    rule, ready = taxonomy.scoring.outgrown, prepared(taxonomy)
    at, since = ready.level_at.get(current or ""), ready.level_at.get(rule.since) if rule is not None else None
    if rule is None or at is None or since is None or at < since:
        return _NONE, 1.0
    return ready.outgrown, rule.factor


def resume_profiles(taxonomy: Taxonomy, demonstrated: AbstractSet[str]) -> frozenset[str]:
    """The ids of the ``[[scoring.profile]]`` kinds a resume demonstrating ``demonstrated`` (skill ids) is of: it
    demonstrates at least ``min_skills`` of a profile's ``skills``, and at least ``ratio`` times as many of them as of
    its ``over``."""
    out: set[str] = set()
    for profile in taxonomy.scoring.profiles:
        side = sum(sid in demonstrated for sid in profile.skills)
        if side >= profile.min_skills and side >= profile.ratio * sum(sid in demonstrated for sid in profile.over):
            out.add(profile.id)
    return frozenset(out)


def _unmet_prerequisites(taxonomy: Taxonomy, ready: Prepared, sid: str, shown: Mapping[str, Shown]) -> frozenset[str]:
    """The prerequisites of ``sid`` (``Skill.requires``, transitively) reached through skills the resume does not
    show: a skill shown shows what it builds on (each roadmap step builds on the ones before it). All of them when
    the resume shows none (the taxonomy's closure, made once); else walked."""
    every = ready.requires.get(sid, _NONE)
    if shown.keys().isdisjoint(every):
        return every
    skills = taxonomy.index.skills
    out: set[str] = set()
    todo = list(skills[sid].requires)
    while todo:
        req = todo.pop()
        if req in out or req in shown:
            continue
        out.add(req)
        todo.extend(skills[req].requires)
    return frozenset(out)


def _settled(
    ready: Prepared, candidates: Mapping[str, _Candidate], demonstrated: AbstractSet[str], current: str | None
) -> frozenset[str]:
    """The gaps first expected below the current level whose roadmap stage the resume shows (another skill of the
    stage demonstrated): learnt with the stage, what the work at its level rests on, not a step to lift first."""
    now_at = ready.level_at.get(current or "")
    if now_at is None:
        return _NONE
    stages = {stage.id for sid in demonstrated if (stage := ready.skills[sid].stage) is not None}
    return frozenset(
        sid
        for sid, cand in candidates.items()
        if ready.level_at.get(cand.exp.introduced_at, now_at) < now_at
        and (stage := ready.skills[sid].stage) is not None
        and stage.id in stages
    )


def _still_first(ready: Prepared, req: str, dep: str) -> bool:
    """Whether a prerequisite ``req`` settled by its stage (:func:`_settled`) still comes before ``dep``: when
    ``dep`` is of the same roadmap stage and no level below required ``req`` when it first expected it. The work
    of the levels passed is what they required (deployment, at junior); a tool they only recommended (Docker) is
    not shown by the stage's other work, and the gap of its stage that runs on it (Kubernetes) comes after it."""
    stage, other = ready.skills[req].stage, ready.skills[dep].stage
    return stage is not None and other is not None and stage.id == other.id and req not in ready.first_required


class _Fixed(NamedTuple):
    """What a gap of one expectation says and sorts by that depends on the expectation alone."""

    exp: Expectation
    base: float  # the priority's terms of the expectation alone: importance, weight, guides, stage (summed in order)
    rank: int  # its importance's rank (0 = required)
    tie: tuple[int, int, str]  # the tie-breaks after the priority: importance, roadmap order, name
    levels: frozenset[str]  # the levels that introduced and raised it (for ``separates``)
    sources: tuple[GuideRef, ...]  # its citations and its skill's, when no emphasis adds any
    fields: dict[str, Any]  # the RankedGap fields it sets alone


def _fix(taxonomy: Taxonomy, ready: Prepared, exp: Expectation) -> _Fixed:
    pw, n_stages = taxonomy.scoring.priority_weights, len(taxonomy.stages)
    skill, fact = taxonomy.index.skills[exp.skill_id], ready.skills[exp.skill_id]
    position = fact.position
    early = (n_stages - position) / n_stages if position is not None and n_stages else 0.0
    guides = len({r.source for r in (*exp.sources, *skill.sources)})
    base = (
        pw.get("importance", 0.0) * ready.importance_weights.get(exp.importance, 0.0)
        + pw.get("weight", 0.0) * exp.weight
        + pw.get("guides", 0.0) * guides
        + pw.get("stage", 0.0) * early
    )
    rank = exp.importance.rank
    fields: dict[str, Any] = {
        "id": exp.skill_id,
        "name": skill.name,
        "category": skill.category,
        "importance": exp.importance,
        "weight": exp.weight,
        "since": exp.introduced_at,
        "stage": fact.stage,
        "resources": fact.resources,
        "certifications": fact.certifications,
    }
    tie = (rank, n_stages if position is None else position, fact.sort_name)
    sources = cited(ready, (exp.sources, skill.sources, ()))
    return _Fixed(exp, base, rank, tie, frozenset({exp.introduced_at, exp.raised_at}), sources, fields)


@per_taxonomy
def _taxonomy_fixed(taxonomy: Taxonomy) -> ByIdentity[Expectation, _Fixed]:
    """:func:`_fix` of every level's expectations, by the expectation; the expectations merged for the outcomes kept
    by :func:`_levels_ruled` are added as they are made."""
    ready = prepared(taxonomy)
    return ByIdentity((exp, _fix(taxonomy, ready, exp)) for level in taxonomy.levels for exp in level.expectations)


def _keep_fixed(taxonomy: Taxonomy, candidates: Iterable[_Candidate]) -> None:
    """Keep :func:`_fix` of the expectations the rules merged for an outcome kept in :func:`_levels_ruled`, beside
    the levels' own: those objects live as long as the outcome, so they are found again by identity."""
    known, ready = _taxonomy_fixed(taxonomy), prepared(taxonomy)
    for cand in candidates:
        if cand.exp not in known and cand.exp.skill_id in taxonomy.index.skills:
            known.add(cand.exp, _fix(taxonomy, ready, cand.exp))


def _fixed(taxonomy: Taxonomy, ready: Prepared, known: ByIdentity[Expectation, _Fixed], exp: Expectation) -> _Fixed:
    hit = known.get(exp)
    return hit if hit is not None else _fix(taxonomy, ready, exp)


def rank_gaps(
    taxonomy: Taxonomy,
    expectations: Sequence[Expectation],
    shown: Mapping[str, Shown],
    *,
    current: str | None = None,
    target: str | None = None,
    alternatives: Sequence[Alternatives] = (),
) -> tuple[RankedGap, ...]:
    """The gaps among ``expectations`` (the target's), ranked; ``current``/``target``: level ids, for ``separates``."""
    pw = taxonomy.scoring.priority_weights
    ready = prepared(taxonomy)
    factors = ready.strength_factors
    skills = taxonomy.index.skills
    level_ids = list(ready.level_at)
    low = ready.level_at.get(current or "", len(level_ids) - 1) + 1
    high = ready.level_at.get(target or "", -1)
    between = set(level_ids[low : high + 1])
    demonstrated = frozenset(sid for sid, seen in shown.items() if factors.get(seen.strength, 0.0) >= 1.0)
    candidates = _candidates(taxonomy, expectations, shown, demonstrated, alternatives)
    boosts, emphasis_sources = _boosts(taxonomy, current, candidates, shown, demonstrated)
    p_emphasis, p_separates = pw.get("emphasis", 0.0), pw.get("separates", 0.0)
    outgrown = _outgrown(taxonomy, current)
    known = _taxonomy_fixed(taxonomy)
    fixed = {sid: _fixed(taxonomy, ready, known, cand.exp) for sid, cand in candidates.items()}
    raw: dict[str, float] = {}
    separates: dict[str, bool] = {}
    for sid, fix in fixed.items():
        seen = shown.get(sid)
        deficit = 1.0 - (factors.get(seen.strength, 0.0) if seen else 0.0)
        separates[sid] = apart = not fix.levels.isdisjoint(between)
        base = fix.base + p_emphasis * boosts.get(sid, (0.0, ""))[0] + p_separates * apart
        factor = outgrown[1] if fix.exp.introduced_at in outgrown[0] and sid not in boosts else 1.0
        raw[sid] = round(max(deficit, 0.0) * base * factor, 4)

    rank_of = {sid: fix.rank for sid, fix in fixed.items()}.__getitem__  # a gap's importance's rank: 0 = required
    order = sorted(candidates, key=lambda sid: (-raw[sid], *fixed[sid].tie))
    missing = {sid for sid in candidates if sid not in shown}
    needs = {
        sid: _unmet_prerequisites(taxonomy, ready, sid, shown) if sid in ready.requires else _NONE for sid in candidates
    }
    settled = _settled(ready, candidates, demonstrated, current)
    wanted = {  # missing prerequisites (one settled by its stage still comes first within it: see _still_first)
        sid: reqs
        for sid in candidates
        if (reqs := {r for r in needs[sid] & missing if r not in settled or _still_first(ready, r, sid)})
    }
    first_for: dict[str, list[str]] = {sid: [] for sid in candidates}
    moved = bool(wanted)
    while moved:
        moved = False
        at = {sid: i for i, sid in enumerate(order)}  # positions in this pass (it ends at the first move)
        for dep in sorted(wanted, key=at.__getitem__):  # down the list, the gaps that have any
            d_pos = at[dep]
            for req in sorted(wanted[dep], key=at.__getitem__):
                r_pos = at[req]
                if r_pos < d_pos or rank_of(req) > rank_of(dep):
                    continue
                passed = order[d_pos:r_pos]
                if any(rank_of(g) < rank_of(req) and req not in needs[g] for g in passed):
                    continue
                order.insert(d_pos, order.pop(r_pos))
                first_for[req].append(dep)
                moved = True
                break
            if moved:
                break
    priority: dict[str, float] = {}
    floor = 0.0
    for sid in reversed(order):
        floor = max(raw[sid], floor + (PRIORITY_STEP if first_for[sid] else 0.0))
        priority[sid] = round(floor, 4)

    gaps: list[RankedGap] = []
    final = {sid: i for i, sid in enumerate(order)}
    for rank, sid in enumerate(order, start=1):
        cand, fix = candidates[sid], fixed[sid]
        seen = shown.get(sid)
        learn_first = tuple(sorted(wanted[sid], key=lambda r: (final[r], r))) if seen is None and sid in wanted else ()
        emphasis = emphasis_sources.get(sid)
        gaps.append(
            _RankedGap(
                **fix.fields,
                rank=rank,
                kind=GapKind.MISSING if seen is None else GapKind.WEAK,
                strength=None if seen is None else seen.strength,
                implied_by=None if seen is None or seen.via == sid else seen.via,
                priority=priority[sid],
                sources=fix.sources if not emphasis else cited(ready, (fix.exp.sources, skills[sid].sources, emphasis)),
                learn_first=learn_first,
                emphasis=boosts[sid][1] if sid in boosts else None,
                separates=separates[sid],
                first_for=tuple(first_for[sid]),
                alternatives=cand.alternatives,
                stands_for=cand.stands_for,
            )
        )
    return tuple(gaps)
