"""The on-disk cache: files in the user's cache folder that are costly to rebuild, written so that two processes
writing at once both leave a whole file, and read so that a damaged one is a miss, never an error.

The folder is ``$GAPCHECK_CACHE_DIR`` when set, else the platform's user cache folder: ``$XDG_CACHE_HOME/gapcheck``
(default ``~/.cache/gapcheck``) on Linux and other Unix systems, ``~/Library/Caches/gapcheck`` on macOS,
``%LOCALAPPDATA%\\gapcheck\\Cache`` on Windows (the folders platformdirs gives; these few lines spare a
dependency). Each entry is one file named by its kind and a key that hashes everything it was made from
(:mod:`gapcheck.matching.parts` makes the matcher's). A write goes to a temporary file in the same folder, then
``os.replace`` puts it in place (atomic: a reader sees the old file or the new one, never half of one); a folder
that cannot be written is no cache, silently. Only the newest ``KEEP`` entries of a kind are kept.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import time
from pathlib import Path

ENVIRONMENT = "GAPCHECK_CACHE_DIR"
STALE_SECONDS = 3600.0  # a temporary file older than this was left by a writer that was killed
KEEP = 8  # entries of one kind (taxonomies or versions used in turn); older ones are deleted when one is written


def cache_dir() -> Path:
    """The folder the cache lives in (not created here)."""
    explicit = os.environ.get(ENVIRONMENT, "").strip()
    if explicit:
        return Path(explicit).expanduser()
    home = Path.home()
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA", "").strip()
        return (Path(local) if local else home / "AppData" / "Local") / "gapcheck" / "Cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "gapcheck"
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".cache"  # the XDG spec ignores relative paths
    return base / "gapcheck"


def entry_path(kind: str, key: str, suffix: str) -> Path:
    """Where the entry of ``kind`` made from ``key`` (a hex digest) is kept."""
    return cache_dir() / f"{kind}-{key}{suffix}"


def write_atomically(path: Path, data: bytes) -> bool:
    """Put ``data`` at ``path`` through a temporary file and ``os.replace``; False when the folder cannot be
    written (read-only home, no permission, disk full): the caller goes on without a cache."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
    except OSError:
        return False
    try:
        if hasattr(os, "fchmod"):  # mkstemp makes it 0600: another user running gapcheck could not read it
            os.fchmod(handle, 0o644)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException as stopped:  # a full disk, or Ctrl-C mid-write: no temporary file is left behind
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(stopped, OSError):
            return False
        raise
    _prune(path)
    return True


def _prune(kept: Path) -> None:
    """Delete all but the ``KEEP`` newest entries of ``kept``'s kind."""
    kind = kept.name.split("-", 1)[0]
    try:
        entries = sorted(kept.parent.glob(f"{kind}-*{kept.suffix}"), key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return
    for old in entries[KEEP:]:
        if old != kept:
            with contextlib.suppress(OSError):
                old.unlink()
    cutoff = time.time() - STALE_SECONDS
    with contextlib.suppress(OSError):
        for left in kept.parent.glob(f".{kind}-*.tmp"):  # a writer killed mid-write (SIGKILL) leaves its file
            with contextlib.suppress(OSError):
                if left.stat().st_mtime < cutoff:
                    left.unlink()
