"""Set-up shared by every test."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from gapcheck.cache import ENVIRONMENT as CACHE_DIR


@pytest.fixture(scope="session", autouse=True)
def _cache_in_a_tmp_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The on-disk cache of the whole session (the CLI's child processes included) lives in a tmp folder, never
    in the user's cache folder."""
    before = os.environ.get(CACHE_DIR)
    os.environ[CACHE_DIR] = str(tmp_path_factory.mktemp("cache"))
    yield
    if before is None:
        os.environ.pop(CACHE_DIR, None)
    else:
        os.environ[CACHE_DIR] = before
