"""Measuring the matcher against hand-made gold labels (micro precision and recall).

Gold files are TSV with a header ``file	skill	kind`` (kind: explicit | paraphrase); skill names are those of the
shared minimum list, which the taxonomy covers by name or alias. A matched skill counts as found when it is seen
directly (implied matches do not count, as the annotation guide says) and maps to a minimum-list name.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from gapcheck.knowledge.model import Taxonomy
from gapcheck.matching.model import SkillMatch, Strength


@dataclass(frozen=True)
class Gold:
    """The gold labels of one file: skill name -> kind."""

    file: str
    labels: Mapping[str, str]


@dataclass(frozen=True)
class FileScore:
    file: str
    true_positives: frozenset[str]
    false_positives: frozenset[str]
    false_negatives: frozenset[str]  # all kinds
    explicit_false_negatives: frozenset[str]
    explicit_total: int
    total: int


@dataclass(frozen=True)
class Totals:
    files: int
    true_positives: int
    false_positives: int
    false_negatives: int
    explicit_found: int
    explicit_total: int
    total: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.total if self.total else 1.0

    @property
    def explicit_recall(self) -> float:
        return self.explicit_found / self.explicit_total if self.explicit_total else 1.0


def read_gold(path: Path) -> dict[str, Gold]:
    """Gold labels by file name. Lines starting with '#' are comments."""
    rows: dict[str, dict[str, str]] = {}
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        rows.setdefault(row["file"].strip(), {})[row["skill"].strip()] = row["kind"].strip()
    return {name: Gold(name, labels) for name, labels in rows.items()}


def vocabulary_map(taxonomy: Taxonomy, names: Iterable[str]) -> dict[str, str]:
    """Skill id -> minimum-list name, for every minimum-list name the taxonomy covers by name or alias."""
    out: dict[str, str] = {}
    for name in names:
        key = name.casefold()
        for skill in taxonomy.skills:
            if skill.name.casefold() == key or key in (a.casefold() for a in skill.aliases):
                out.setdefault(skill.id, name)
                break
    return out


def found_names(matches: Iterable[SkillMatch], vocab: Mapping[str, str]) -> frozenset[str]:
    """The minimum-list names of the skills seen directly (not implied)."""
    return frozenset(vocab[m.skill_id] for m in matches if m.strength != Strength.IMPLIED and m.skill_id in vocab)


def score_file(gold: Gold, found: frozenset[str]) -> FileScore:
    expected = frozenset(gold.labels)
    explicit = frozenset(n for n, kind in gold.labels.items() if kind == "explicit")
    return FileScore(
        file=gold.file,
        true_positives=found & expected,
        false_positives=found - expected,
        false_negatives=expected - found,
        explicit_false_negatives=explicit - found,
        explicit_total=len(explicit),
        total=len(expected),
    )


def totals(scores: Iterable[FileScore]) -> Totals:
    scores = list(scores)
    return Totals(
        files=len(scores),
        true_positives=sum(len(s.true_positives) for s in scores),
        false_positives=sum(len(s.false_positives) for s in scores),
        false_negatives=sum(len(s.false_negatives) for s in scores),
        explicit_found=sum(s.explicit_total - len(s.explicit_false_negatives) for s in scores),
        explicit_total=sum(s.explicit_total for s in scores),
        total=sum(s.total for s in scores),
    )
