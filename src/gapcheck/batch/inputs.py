"""The files a batch holds: files, folders (recursive) and glob patterns, each named relative to what was given."""

from __future__ import annotations

import glob
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

SUFFIXES = frozenset({".pdf", ".docx", ".txt", ".md"})  # what a folder contributes
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class Input:
    """One resume of a batch: where it is, and how rows name it (the path as given, or given folder + the path
    inside it, so two ``resume.pdf`` in different folders stay apart)."""

    path: Path
    label: str


def is_glob(arg: str) -> bool:
    return any(ch in _GLOB_CHARS for ch in arg) and not Path(arg).exists()


def _folder(arg: str) -> Iterable[Input]:
    root = Path(arg)
    found = [
        p
        for p in root.rglob("*")
        if p.suffix.lower() in SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
        and p.is_file()
    ]
    for path in sorted(found, key=lambda p: p.relative_to(root).parts):
        yield Input(path, str(Path(arg) / path.relative_to(root)))


def collect(args: Iterable[str]) -> list[Input]:
    """Every resume named by ``args``, in the order given (a folder's and a pattern's files sorted by path).

    A path that does not exist stays an input (its row says so); a pattern that matches nothing gives no input.
    """
    inputs: list[Input] = []
    for arg in args:
        if is_glob(arg):
            inputs.extend(
                Input(Path(match), match) for match in sorted(glob.glob(arg, recursive=True)) if Path(match).is_file()
            )
        elif Path(arg).is_dir():
            inputs.extend(_folder(arg))
        else:
            inputs.append(Input(Path(arg), arg))
    return inputs
