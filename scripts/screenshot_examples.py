"""Screenshots of the bundled examples' HTML pages for docs/ (the README shows one), taken in headless Chromium.

    .venv/bin/python scripts/update_golden.py        # first: the expected*.html pages
    .venv/bin/python scripts/screenshot_examples.py  # writes docs/screenshots/<example>.png (desktop, top of page)
    .venv/bin/python scripts/screenshot_examples.py --phone  # also <example>-phone.png (390 px wide)

Needs Playwright for Python (dev extra) and Debian's chromium at /usr/bin/chromium (Playwright's own browser
download is not used).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Route

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
PAGES = {  # one page per example: the screenshot's name -> the golden page
    "junior-ml": "examples/junior-ml/expected.html",
    "career-changer": "examples/career-changer/expected.junior.html",
    "senior-mle": "examples/senior-mle/expected.html",
}
URL = "http://gapcheck.invalid/report.html"


def serve(body: str) -> Callable[[Route], None]:
    """A route handler: the page at URL is ``body``; every other request is aborted."""

    def handle(route: Route) -> None:
        if route.request.url == URL:
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=body)
        else:
            route.abort()

    return handle


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phone", action="store_true", help="also take a phone-width shot of each page")
    parser.add_argument("--height", type=int, default=1500, help="pixels of the page's top to keep (desktop)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        shots = [("", {"width": 1280, "height": args.height})]
        if args.phone:
            shots.append(("-phone", {"width": 390, "height": 1600}))
        for name, page_path in PAGES.items():
            body = (REPO / page_path).read_text(encoding="utf-8")
            for suffix, viewport in shots:
                context = browser.new_context(viewport=viewport, java_script_enabled=False)

                context.route("**/*", serve(body))
                page = context.new_page()
                page.goto(URL)
                target = OUT / f"{name}{suffix}.png"
                page.screenshot(path=str(target))
                context.close()
                print(f"written: {target.relative_to(REPO)}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
