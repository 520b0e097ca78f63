"""The evaluation sets, found once for every eval script: a new held-out set is a new folder, not four edits.

Synthetic sets are the folders of tests/data holding a ``gold.tsv`` (labelled and heldout first, then the blind
sets in name order); the real resumes are ../shared/real-resumes (skills in ``gold-skills.tsv``), present only on
machines that have them. Each script keeps the sets that have its own gold file.
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
REAL = REPO.parent / "shared" / "real-resumes"
FIRST = ("labelled", "heldout")


def synthetic() -> dict[str, Path]:
    """Each synthetic set's name and folder, in the order the tables print them."""
    found = {p.name: p for p in DATA.iterdir() if (p / "gold.tsv").is_file()} if DATA.is_dir() else {}
    order = sorted(found, key=lambda name: (name not in FIRST, FIRST.index(name) if name in FIRST else 0, name))
    return {name: found[name] for name in order}


def with_gold(gold_file: str, *, real: bool = True) -> dict[str, Path]:
    """The sets (synthetic, then "real" when ``real``) whose folder has ``gold_file``."""
    sets = {name: folder for name, folder in synthetic().items() if (folder / gold_file).is_file()}
    if real and (REAL / gold_file).is_file():
        sets["real"] = REAL
    return sets
