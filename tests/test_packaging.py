"""The wheel carries the taxonomy: built from this tree, installed outside it, it loads and covers the minimum list."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
MINIMUM = REPO.parent / "shared" / "skill-minimum.tsv"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(REPO)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("gapcheck-*.whl")
    return built


def test_wheel_contains_taxonomy_and_schema(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    tomls = [n for n in names if n.startswith("gapcheck/_taxonomy/ml-engineer/") and n.endswith(".toml")]
    source_tomls = sorted(p.name for p in (REPO / "taxonomy" / "ml-engineer").glob("*.toml"))
    assert sorted(Path(n).name for n in tomls) == source_tomls
    assert "gapcheck/py.typed" in names


def test_installed_wheel_loads_taxonomy_outside_the_tree(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import json, gapcheck\n"
        "t = gapcheck.load_taxonomy()\n"
        "names = [n for s in t.skills for n in (s.name, *s.aliases)]\n"
        "print(json.dumps({'file': gapcheck.__file__, 'path': t.path, 'version': t.version, 'names': names}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=elsewhere,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
        check=True,
        capture_output=True,
        text=True,
    )
    info = json.loads(result.stdout)
    assert Path(info["file"]).is_relative_to(target)
    assert Path(info["path"]).is_relative_to(target)
    assert info["version"]
    if not MINIMUM.exists():
        pytest.skip("../shared/skill-minimum.tsv is absent")
    known = {n.casefold() for n in info["names"]}
    with MINIMUM.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t")]
    missing = [r["name"] for r in rows if r["name"].casefold() not in known]
    assert not missing, f"the installed taxonomy misses: {missing}"
