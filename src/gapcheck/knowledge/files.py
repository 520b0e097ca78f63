"""Finding and reading the taxonomy's TOML files, and merging their top-level keys."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from gapcheck.errors import TaxonomyError

BUILTIN_ROLE = "ml-engineer"


def builtin_taxonomy_dir() -> Path:
    """The folder of the built-in ml-engineer taxonomy.

    Installed from a wheel it is ``gapcheck/_taxonomy/ml-engineer`` inside the package; in an editable or source
    checkout, the repository's ``taxonomy/ml-engineer``.
    """
    packaged = resources.files("gapcheck") / "_taxonomy" / BUILTIN_ROLE
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    source_tree = Path(__file__).resolve().parents[3] / "taxonomy" / BUILTIN_ROLE
    if source_tree.is_dir():
        return source_tree
    raise TaxonomyError(f"{packaged}: the built-in taxonomy is missing from this installation")


def display(path: Path) -> str:
    """How a file is named in messages: relative to the working directory when it is inside it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except (ValueError, OSError):  # outside the working directory, or no working directory any more
        return str(path)


@dataclass(frozen=True)
class RawTaxonomy:
    """The merged top-level keys of all files, and which file each key came from."""

    root: Path
    data: dict[str, Any]
    origin: dict[str, str]  # top-level key -> file as shown in messages


def taxonomy_files(path: Path) -> tuple[Path, ...]:
    if not path.exists():
        raise TaxonomyError(f"{display(path)}: no such taxonomy file or folder")
    if path.is_dir():
        files = tuple(sorted(p for p in path.glob("*.toml") if p.is_file()))
        if not files:
            raise TaxonomyError(f"{display(path)}: the taxonomy folder holds no .toml file")
        return files
    if path.suffix != ".toml":
        raise TaxonomyError(f"{display(path)}: a taxonomy file must be a .toml file")
    return (path,)


def read_raw(path: Path) -> RawTaxonomy:
    data: dict[str, Any] = {}
    origin: dict[str, str] = {}
    for file in taxonomy_files(path):
        shown = display(file)
        try:
            with file.open("rb") as fh:
                parsed = tomllib.load(fh)
        except tomllib.TOMLDecodeError as exc:
            raise TaxonomyError(f"{shown}: invalid TOML: {exc}") from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise TaxonomyError(f"{shown}: cannot be read: {exc.__class__.__name__}") from exc
        for key, value in parsed.items():
            if key in data:
                raise TaxonomyError(f"{origin[key]} and {shown}: both define the top-level key {key!r}")
            data[key] = value
            origin[key] = shown
    return RawTaxonomy(root=path, data=data, origin=origin)
