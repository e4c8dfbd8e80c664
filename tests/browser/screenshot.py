"""Capture a PNG of a rendered chart in headless Chromium, offline (for docs/chart.png).

    python tests/browser/screenshot.py output/worcestershire.html docs/chart.png

or, from Python, ``screenshot(Path("output/x.html"), Path("docs/chart.png"))``.
Every request other than the file itself is refused, as in the browser tests.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def launch(playwright_chromium: object) -> Browser:
    """Debian's Chromium, headless, with the flags the tests and CI use."""
    browser: Browser = playwright_chromium.launch(  # type: ignore[attr-defined]
        executable_path=str(CHROMIUM), args=LAUNCH_ARGS, headless=True
    )
    return browser


def screenshot(
    html: Path, png: Path, *, width: int = 1400, height: int = 900, full_page: bool = False
) -> Path:
    """Open ``html`` as a file, wait until the chart is drawn, and save the view to ``png``."""
    url = html.resolve().as_uri()
    png.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = launch(playwright.chromium)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.route(
                "**/*",
                lambda route: route.continue_() if route.request.url == url else route.abort(),
            )
            page.goto(url)
            page.wait_for_selector("#network[data-ready=true]")
            page.screenshot(path=str(png), full_page=full_page)
        finally:
            browser.close()
    return png


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python tests/browser/screenshot.py CHART.html OUT.png")
    print(screenshot(Path(sys.argv[1]), Path(sys.argv[2])))
