"""``load_taxonomy``: read, validate and freeze a taxonomy folder (or file); cached per resolved path."""

from __future__ import annotations

import functools
from pathlib import Path

from gapcheck.knowledge.build import (
    attach_learning,
    build_certifications,
    build_header,
    build_levels,
    build_prerequisites,
    build_scoring,
    build_skills,
    build_sources,
    build_stages,
)
from gapcheck.knowledge.fields import fail
from gapcheck.knowledge.files import builtin_taxonomy_dir, read_raw
from gapcheck.knowledge.model import Taxonomy

TOP_LEVEL_KEYS = ("role", "version", "source", "skill", "translations", "level", "scoring", "stage", "certification",
                  "prerequisites")  # fmt: skip


def load_taxonomy(path: str | Path | None = None) -> Taxonomy:
    """Load a taxonomy: a folder of .toml files (top-level keys merged) or one .toml file.

    ``None`` loads the built-in ml-engineer taxonomy. The result is immutable and cached on the resolved path, so
    loading the same taxonomy twice returns the same object (files edited afterwards are not re-read; see
    :func:`clear_cache`). Invalid data raises :class:`gapcheck.errors.TaxonomyError` naming the file and entry.
    """
    return _load(_builtin_path() if path is None else Path(path).expanduser().resolve())


@functools.cache
def _builtin_path() -> Path:
    """The built-in taxonomy's folder, resolved once (finding and resolving it took longer than the rest of a
    warm call to ``load_taxonomy``, which every ``analyze`` makes)."""
    return builtin_taxonomy_dir().resolve()


def clear_cache() -> None:
    """Forget every loaded taxonomy (for tools that edit taxonomy files while running)."""
    _load.cache_clear()
    _builtin_path.cache_clear()


@functools.lru_cache(maxsize=16)
def _load(path: Path) -> Taxonomy:
    raw = read_raw(path)
    for key, file in raw.origin.items():
        if key not in TOP_LEVEL_KEYS:
            fail(file, "", f"unknown top-level key {key!r} (allowed: {', '.join(TOP_LEVEL_KEYS)})")
    role, version = build_header(raw)
    sources = build_sources(raw)
    source_keys = {s.key for s in sources}
    skills = build_skills(raw, source_keys)
    skill_ids = {s.id for s in skills}
    levels = build_levels(raw, source_keys, skill_ids)
    stages, stage_of = build_stages(raw, source_keys, skill_ids)
    certifications = build_certifications(raw, source_keys, skill_ids)
    requires = build_prerequisites(raw, skill_ids)
    taxonomy = Taxonomy(
        role=role,
        version=version,
        sources=sources,
        skills=attach_learning(skills, requires, stage_of),
        levels=levels,
        stages=stages,
        certifications=certifications,
        scoring=build_scoring(raw, source_keys, skills, levels),
        path=str(path),
    )
    # Which file each top-level key came from, for messages raised after loading (pattern checks with spaCy).
    object.__setattr__(taxonomy, "_origin", dict(raw.origin))
    return taxonomy


def origin_of(taxonomy: Taxonomy, key: str) -> str:
    """The file (as shown in messages) that defined a top-level key of a loaded taxonomy."""
    origin: dict[str, str] = taxonomy.__dict__.get("_origin", {})
    return origin.get(key, taxonomy.path)
