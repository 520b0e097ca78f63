"""The on-disk cache of the matcher's costly parts: it changes no result, a taxonomy edit is a new entry, a damaged
entry is rebuilt without an error, two processes writing at once leave a good entry, and its folder follows
$GAPCHECK_CACHE_DIR, then the platform's user cache folder."""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from gapcheck import cache
from gapcheck.analysis import Analyzer, Options
from gapcheck.knowledge import load_taxonomy
from gapcheck.knowledge.loader import clear_cache
from gapcheck.knowledge.model import Taxonomy
from gapcheck.matching import parts
from gapcheck.matching.matcher import SkillMatcher

REPO = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 1)
LABELLED = REPO / "tests" / "data" / "labelled"
EXAMPLES = sorted(p for p in (REPO / "examples").glob("*/resume.*") if p.suffix in {".pdf", ".docx", ".txt", ".md"})
TEXT = "Skills: PyTorch, Kubernates, CI/CD, C#, scikit learn, Zorblax Studio. Built A/B tests in Pyhton and R."


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of this test's own."""
    monkeypatch.setenv(cache.ENVIRONMENT, str(tmp_path / "cache"))
    return tmp_path / "cache"


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"{parts.KIND}-*.npz"))


def _hits(matcher: SkillMatcher, text: str) -> list[tuple[str, int, int, str, float]]:
    from gapcheck.reading import read_text

    found = matcher.find(read_text(text, today=TODAY))
    return [(h.skill_id, h.evidence.start, h.evidence.end, str(h.evidence.method), h.evidence.score) for h in found]


def _fresh(taxonomy: Taxonomy) -> Taxonomy:
    """The same taxonomy as another object (the in-process matcher cache is per object)."""
    return copy.copy(taxonomy)


def test_cached_and_uncached_runs_give_identical_reports(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    taxonomy = load_taxonomy()
    uncached = Analyzer(_fresh(taxonomy), options=Options(today=TODAY, cache=False))
    assert uncached.matcher() is not None and not folder.exists()  # --no-cache writes nothing
    writing = Analyzer(_fresh(taxonomy), options=Options(today=TODAY))
    writing.matcher()
    assert len(_entries(folder)) == 1

    def no_build(_taxonomy: Taxonomy) -> parts.MatcherParts:
        raise AssertionError("a cache hit must not build the parts")

    monkeypatch.setattr(parts, "build_parts", no_build)
    reading = Analyzer(_fresh(taxonomy), options=Options(today=TODAY))
    texts = [p.read_text(encoding="utf-8") for p in sorted(LABELLED.glob("*.txt"))]
    assert EXAMPLES and len(texts) > 10
    for source in EXAMPLES:
        expected = uncached.analyze(source).to_dict()
        assert writing.analyze(source).to_dict() == expected
        assert reading.analyze(source).to_dict() == expected
    for text in [TEXT, *texts]:
        expected = uncached.analyze_text(text).to_dict()
        assert reading.analyze_text(text).to_dict() == expected
    found = _hits(reading.matcher(), TEXT)
    assert {"pytorch", "kubernetes", "ci-cd"} <= {skill for skill, *_ in found}  # the comparison is not vacuous
    assert any(method == "fuzzy" for _, _, _, method, _ in found)


def test_a_taxonomy_edit_is_a_new_entry(folder: Path, tmp_path: Path) -> None:
    copied = tmp_path / "taxonomy"
    shutil.copytree(REPO / "taxonomy" / "ml-engineer", copied)
    clear_cache()
    before = SkillMatcher(load_taxonomy(copied))
    assert "pytorch" not in {skill for skill, *_ in _hits(before, "Built it in Zorblax Studio.")}
    skills = copied / "skills.toml"
    text = skills.read_text(encoding="utf-8")
    old = 'aliases = ["PyTorch Lightning", "pytorch-lightning", "LibTorch", "torchvision"]'
    assert old in text
    skills.write_text(text.replace(old, old[:-1] + ', "Zorblax Studio"]'), encoding="utf-8")
    clear_cache()
    after = SkillMatcher(load_taxonomy(copied))
    assert "pytorch" in {skill for skill, *_ in _hits(after, "Built it in Zorblax Studio.")}
    assert len(_entries(folder)) == 2
    clear_cache()


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "other key", "a folder"])
def test_a_damaged_entry_is_rebuilt_without_an_error(folder: Path, damage: str) -> None:
    taxonomy = _fresh(load_taxonomy())
    expected = _hits(SkillMatcher(taxonomy, use_cache=False), TEXT)
    key = parts.parts_key(taxonomy)
    path = cache.entry_path(parts.KIND, key, ".npz")
    SkillMatcher(taxonomy)
    good = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"\x00not a cache entry" * 100)
    elif damage == "truncated":
        path.write_bytes(good[: len(good) // 2])
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "other key":
        path.write_bytes(parts.to_bytes(parts.read_entry(path, key) or pytest.fail("unreadable"), "0" * 64))
    else:
        path.unlink()
        path.mkdir()
    assert parts.read_entry(path, key) is None
    assert _hits(SkillMatcher(taxonomy), TEXT) == expected
    if damage != "a folder":  # a folder in the way cannot be replaced by a file: no cache, still no error
        assert parts.read_entry(path, key) is not None  # rewritten whole


def test_flipped_bytes_are_caught_by_the_checksums(folder: Path) -> None:
    taxonomy = _fresh(load_taxonomy())
    key = parts.parts_key(taxonomy)
    path = cache.entry_path(parts.KIND, key, ".npz")
    SkillMatcher(taxonomy)
    data = bytearray(path.read_bytes())
    for offset in range(len(data) // 10, len(data) - 100, len(data) // 7):
        damaged = bytearray(data)
        damaged[offset] ^= 0xFF
        path.write_bytes(bytes(damaged))
        assert parts.read_entry(path, key) is None, offset


_BUILD = """
import json, sys
from gapcheck.knowledge import load_taxonomy
from gapcheck.matching.matcher import SkillMatcher
from gapcheck.reading import read_text
matcher = SkillMatcher(load_taxonomy())
hits = matcher.find(read_text(sys.argv[1]))
print(json.dumps([(h.skill_id, h.evidence.start, h.evidence.end) for h in hits]))
"""


def test_two_processes_writing_at_once_both_leave_a_good_entry(folder: Path) -> None:
    env = {**os.environ, cache.ENVIRONMENT: str(folder)}
    runs = [
        subprocess.Popen([sys.executable, "-c", _BUILD, TEXT], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        for _ in range(3)
    ]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0], [err[-500:] for _, err in outputs]
    results = {out for out, _ in outputs}
    assert len(results) == 1 and json.loads(results.pop())
    (entry,) = _entries(folder)
    assert not list(folder.glob("*.tmp"))  # every temporary file was renamed into place
    assert parts.read_entry(entry, parts.parts_key(load_taxonomy())) is not None


def test_concurrent_writes_never_leave_half_a_file(tmp_path: Path) -> None:
    path = tmp_path / "kind-key.bin"
    payloads = [bytes([n]) * 3_000_000 for n in (1, 2)]
    code = (
        "import sys; from pathlib import Path; from gapcheck.cache import write_atomically\n"
        "data = bytes([int(sys.argv[2])]) * 3_000_000\n"
        "for _ in range(15): assert write_atomically(Path(sys.argv[1]), data)\n"
    )
    writers = [subprocess.Popen([sys.executable, "-c", code, str(path), str(n)]) for n in (1, 2)]
    seen = 0
    while any(w.poll() is None for w in writers):
        if path.exists():
            assert path.read_bytes() in payloads
            seen += 1
    assert [w.returncode for w in writers] == [0, 0]
    assert path.read_bytes() in payloads and seen > 0
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_an_unwritable_folder_is_no_cache_and_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(cache.ENVIRONMENT, str(blocker / "cache"))
    taxonomy = _fresh(load_taxonomy())
    assert _hits(SkillMatcher(taxonomy), TEXT) == _hits(SkillMatcher(taxonomy, use_cache=False), TEXT)


def test_only_the_newest_entries_are_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENVIRONMENT, str(tmp_path))
    for n in range(cache.KEEP + 3):
        path = cache.entry_path("kind", f"{n:04}", ".bin")
        assert cache.write_atomically(path, b"x")
        os.utime(path, (1_000_000 + n, 1_000_000 + n))
    (tmp_path / "other-0000.bin").write_bytes(b"another kind")
    cache.write_atomically(cache.entry_path("kind", "last", ".bin"), b"x")
    kept = sorted(p.name for p in tmp_path.glob("kind-*.bin"))
    assert len(kept) == cache.KEEP and "kind-last.bin" in kept and "kind-0000.bin" not in kept
    assert (tmp_path / "other-0000.bin").exists()


def test_the_folder_follows_the_variable_then_the_platform(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(cache.ENVIRONMENT, str(tmp_path / "mine"))
    assert cache.cache_dir() == tmp_path / "mine"
    monkeypatch.delenv(cache.ENVIRONMENT)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "gapcheck"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # the XDG spec says to ignore it
    assert cache.cache_dir() == tmp_path / ".cache" / "gapcheck"
    monkeypatch.setattr(sys, "platform", "darwin")
    assert cache.cache_dir() == tmp_path / "Library" / "Caches" / "gapcheck"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    assert cache.cache_dir() == tmp_path / "local" / "gapcheck" / "Cache"


def test_the_cli_no_cache_writes_nothing_and_prints_the_same(tmp_path: Path) -> None:
    sample = next(p for p in EXAMPLES if p.suffix == ".pdf")
    outputs = []
    for flags in (["--no-cache"], [], []):
        env = {**os.environ, cache.ENVIRONMENT: str(tmp_path / "cache")}
        command = [sys.executable, "-m", "gapcheck", str(sample), "--format", "json", "--today", TODAY.isoformat()]
        done = subprocess.run([*command, *flags], capture_output=True, text=True, env=env, timeout=300)
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
        assert len(_entries(tmp_path / "cache")) == (0 if flags else 1)
    assert outputs[0] == outputs[1] == outputs[2]


def test_no_home_folder_is_no_cache_and_no_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """$HOME unset under a uid without a passwd entry: Path.home() raises; the matcher is built without a cache."""

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(cache, "cache_dir", no_home)
    taxonomy = _fresh(load_taxonomy())
    assert _hits(SkillMatcher(taxonomy), TEXT) == _hits(SkillMatcher(taxonomy, use_cache=False), TEXT)


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="file modes are POSIX")
def test_an_entry_is_readable_by_other_users(tmp_path: Path) -> None:
    """A cache filled when an image is built (as root) must serve workers running as another user."""
    path = tmp_path / "kind-key.bin"
    assert cache.write_atomically(path, b"x")
    assert path.stat().st_mode & 0o044 == 0o044


def test_a_write_stopped_midway_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(_src: object, _dst: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        cache.write_atomically(tmp_path / "kind-key.bin", b"x")
    assert list(tmp_path.iterdir()) == []


def test_temporary_files_left_by_killed_writers_are_pruned(tmp_path: Path) -> None:
    old = tmp_path / ".kind-0-abc.tmp"
    new = tmp_path / ".kind-1-def.tmp"
    for left in (old, new):
        left.write_bytes(b"half")
    os.utime(old, (1_000_000, 1_000_000))
    assert cache.write_atomically(tmp_path / "kind-key.bin", b"x")
    assert not old.exists() and new.exists()  # a fresh one may be another writer's, still writing
