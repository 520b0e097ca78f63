"""Shared by the report tests: a headless Chromium (Debian's package, driven by Playwright)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, driven by Playwright (whose own browser download is not reachable here)."""
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright for Python is not installed: pip install -e '.[dev]'"
    )
    if not CHROMIUM.exists():
        found = shutil.which("chromium")
        pytest.skip(
            f"no Chromium at {CHROMIUM}"
            + (f" (found {found})" if found else "")
            + ": install it as root with apt-get install chromium (.ci/run does)"
        )
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()
