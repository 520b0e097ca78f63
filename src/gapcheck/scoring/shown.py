"""What the resume shows: each skill's effective strength, after implications and alternatives.

- A skill seen directly keeps its strength (demonstrated, listed, mentioned, hedged).
- A skill not seen but implied (the taxonomy's ``implies``) takes the strength of the best skill it follows from:
  implied by something demonstrated, it is shown (demonstrated); implied by something only listed, it is as weak
  as that (never below the ``implied`` strength).
- Work that cannot be done without other skills (``[[scoring.shows]]``: CI/CD shows Git) shows them when it is
  demonstrated.
- Alternatives (``[[scoring.alternatives]]``: "PyTorch or TensorFlow", one specialization): every member takes
  the strength of the best member shown, unless that strength only follows from the member itself (a hedged AWS
  implies Cloud computing; Cloud computing, its alternative, does not raise AWS back).

Only what is not demonstrated after this can be a gap.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from gapcheck.knowledge.model import Alternatives, Taxonomy
from gapcheck.matching.model import SkillMatch, Strength
from gapcheck.scoring.coverage import strength_factor


@dataclass(frozen=True)
class Shown:
    """A skill's effective strength, and the skill whose evidence gives it (itself when seen directly)."""

    strength: Strength
    via: str


def shown_skills(
    taxonomy: Taxonomy, matches: Iterable[SkillMatch], extra: Sequence[Alternatives] = ()
) -> dict[str, Shown]:
    """Effective strengths of every skill the resume shows, directly, by implication or by an alternative.

    ``extra``: alternatives beyond the taxonomy's (a job posting's "PyTorch or TensorFlow").
    """
    found = {m.skill_id: m for m in matches}
    out: dict[str, Shown] = {}
    for match in found.values():
        if match.strength != Strength.IMPLIED:
            out[match.skill_id] = Shown(match.strength, match.skill_id)
    for match in found.values():
        if match.strength != Strength.IMPLIED:
            continue
        best = Shown(Strength.IMPLIED, next((e.implied_by for e in match.evidence if e.implied_by), match.skill_id))
        for evidence in match.evidence:
            source = out.get(evidence.implied_by or "")
            if source is not None and (
                strength_factor(taxonomy, source.strength) > strength_factor(taxonomy, best.strength)
            ):
                best = Shown(source.strength, evidence.implied_by or match.skill_id)
        out[match.skill_id] = best
    for rule in taxonomy.scoring.shows:
        source = out.get(rule.skill)
        if source is None or source.strength != Strength.DEMONSTRATED:
            continue
        for skill_id in rule.skills:
            current = out.get(skill_id)
            if current is None or current.strength != Strength.DEMONSTRATED:
                out[skill_id] = Shown(Strength.DEMONSTRATED, rule.skill)
    for group in (*taxonomy.scoring.alternatives, *extra):
        members = [(out[s], s) for s in group.skills if s in out]
        if not members:
            continue
        top, top_id = max(members, key=lambda m: strength_factor(taxonomy, m[0].strength))
        for skill_id in group.skills:
            current = out.get(skill_id)
            if top.via == skill_id:  # never raised by a strength that only follows from the skill itself
                continue
            if current is None or strength_factor(taxonomy, current.strength) < strength_factor(taxonomy, top.strength):
                out[skill_id] = Shown(top.strength, top_id)
    return out


def strengths(shown: Mapping[str, Shown]) -> dict[str, Strength]:
    return {skill_id: s.strength for skill_id, s in shown.items()}
