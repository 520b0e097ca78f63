"""The flow is read -> sections -> match -> score -> render: no stage imports a later one (annotations under
TYPE_CHECKING aside). A report type that is an earlier stage's (SkillMatch, CurrentLevel, LevelScore) is imported
by the report, never the other way round."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "gapcheck"
SHARED = {"errors", "offline", "ranked"}  # no stage: the error classes, the offline guard, ordered enums
# what each stage may import besides itself and SHARED
MAY_IMPORT = {
    "reading": set(),
    "knowledge": set(),
    "matching": {"reading", "knowledge"},
    "scoring": {"reading", "knowledge", "matching"},
    "report": {"reading", "knowledge", "matching", "scoring"},
}


def _runtime_imports(tree: ast.Module) -> set[str]:
    """The gapcheck subpackages a module imports when it runs (``if TYPE_CHECKING:`` blocks left out)."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(inner) for stmt in node.body for inner in ast.walk(stmt))
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "gapcheck" and len(parts) > 1:
                found.add(parts[1])
    return found


@pytest.mark.parametrize("stage", sorted(MAY_IMPORT))
def test_no_stage_imports_a_later_one(stage: str) -> None:
    allowed = MAY_IMPORT[stage] | SHARED | {stage}
    wrong = {
        str(path.relative_to(PACKAGE)): sorted(_runtime_imports(ast.parse(path.read_text(encoding="utf-8"))) - allowed)
        for path in sorted((PACKAGE / stage).rglob("*.py"))
    }
    assert not {k: v for k, v in wrong.items() if v}


def test_the_check_sees_imports() -> None:
    tree = ast.parse(
        "from gapcheck.report.model import Report\n"
        "import gapcheck.cli\n"
        "if TYPE_CHECKING:\n    from gapcheck.batch import run\n"
        "def f() -> None:\n    from gapcheck.analysis import analyze\n"
    )
    assert _runtime_imports(tree) == {"report", "cli", "analysis"}


def _private_reach(tree: ast.Module) -> list[str]:
    """What a module takes of another's privates: a ``_name`` imported from a gapcheck module, or a public name
    bound at module level to one of its own ``_names`` (an alias exporting it under another name)."""
    found: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("gapcheck"):
            found += [f"imports {a.name}" for a in node.names if a.name.startswith("_") and not a.name.startswith("__")]
        elif isinstance(node, ast.Assign):
            targets = [t for tg in node.targets for t in (tg.elts if isinstance(tg, ast.Tuple) else [tg])]
            values = node.value.elts if isinstance(node.value, ast.Tuple) else [node.value]
            found += [
                f"{t.id} = {v.id}"
                for t, v in zip(targets, values, strict=False)
                if isinstance(t, ast.Name) and isinstance(v, ast.Name)
                and not t.id.startswith("_") and v.id.startswith("_")
            ]  # fmt: skip
    return found


def test_a_name_another_module_uses_is_public_where_it_is_defined() -> None:
    """A module uses only another's public names, and those are the names given where they are defined (not
    private ones exported again under an alias)."""
    wrong = {
        str(path.relative_to(PACKAGE)): reach
        for path in sorted(PACKAGE.rglob("*.py"))
        if (reach := _private_reach(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert not wrong


def test_the_private_check_sees_imports_and_aliases() -> None:
    tree = ast.parse("from gapcheck.reading.history import _YEAR\n_X = 1\nX, Y = _X, 2\nZ = _x\n_W = _X\n")
    assert _private_reach(tree) == ["imports _YEAR", "X = _X", "Z = _x"]
