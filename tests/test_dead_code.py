"""No dead code: every name the package defines at module level (functions, classes, constants) and every method of
its classes is named again somewhere in the repository's Python (the package, tests, scripts, benchmarks, examples).
A word count, not a call graph: it finds what nothing names at all."""

from __future__ import annotations

import ast
import re
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "src" / "gapcheck"
FOLDERS = ("src", "tests", "scripts", "benchmarks", "examples")
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def defined(tree: ast.Module) -> list[str]:
    """The names a module defines at its top level, and its classes' methods (dunder names left out)."""
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.append(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names += [t.id for t in targets if isinstance(t, ast.Name)]
    for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
        names += [f.name for f in cls.body if isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef)]
    return [n for n in names if not (n.startswith("__") and n.endswith("__"))]


def unnamed(definitions: dict[str, str], texts: list[str]) -> list[str]:
    """Of ``definitions`` (name -> where), those no text names more than once (the definition itself)."""
    words = Counter(word for text in texts for word in _WORD.findall(text))
    return sorted(f"{where}: {name}" for name, where in definitions.items() if words[name] < 2)


def test_every_name_the_package_defines_is_named_again() -> None:
    texts = [p.read_text(encoding="utf-8") for folder in FOLDERS for p in sorted((REPO / folder).rglob("*.py"))]
    definitions = {
        name: str(path.relative_to(PACKAGE))
        for path in sorted(PACKAGE.rglob("*.py"))
        for name in defined(ast.parse(path.read_text(encoding="utf-8")))
    }
    assert not unnamed(definitions, texts)


def test_the_check_sees_what_nothing_names() -> None:
    module = "X = 1\n_Y: int = 2\ndef f() -> int:\n    return X\nclass C:\n    def m(self) -> None: ...\n"
    assert defined(ast.parse(module)) == ["X", "_Y", "f", "C", "m"]
    found = unnamed({n: "m.py" for n in defined(ast.parse(module))}, [module, "C().m()"])
    assert found == ["m.py: _Y", "m.py: f"]
