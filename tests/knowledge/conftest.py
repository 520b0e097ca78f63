"""Fixtures of the taxonomy tests (their helpers are in ``taxonomy_data``)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from taxonomy_data import base_taxonomy, write_taxonomy


@pytest.fixture
def base() -> dict[str, Any]:
    return copy.deepcopy(base_taxonomy())


@pytest.fixture
def write(tmp_path: Path) -> Callable[[dict[str, Any]], Path]:
    counter = iter(range(1_000_000))

    def _write(data: dict[str, Any]) -> Path:
        return write_taxonomy(tmp_path / f"role{next(counter)}", data)

    return _write
