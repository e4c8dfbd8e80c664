"""Capture PNGs of rendered charts in headless Chromium, offline (the pictures in docs/).

    python tests/browser/screenshot.py output/worcestershire.html docs/chart.png
    python tests/browser/screenshot.py docs      # every picture docs/chart.md shows

or, from Python, ``screenshot(Path("output/x.html"), Path("docs/chart.png"))``.
Every request other than the file itself is refused, as in the browser tests.

``docs`` renders the example model (models/worcestershire) and a synthetic
register of 35 councils (benchmarks/generate.py) with this checkout's govgraph
and writes docs/chart.png (the example at 1400 by 900), docs/chart-overview.png
(the register's overview), docs/chart-phone.png (the example at 390 by 844),
docs/chart-print.png (the example's page printed to PDF, first page) and
docs/chart-pdf.png (the first page of ``govgraph render --to pdf``), the PDFs'
pages through poppler's pdftoppm.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
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
            page.wait_for_timeout(300)  # the counts that need the whole page, drawn again
            page.screenshot(path=str(png), full_page=full_page)
        finally:
            browser.close()
    return png


def printed(html: Path, pdf: Path) -> Path:
    """The page ``html`` printed to ``pdf`` as the browser prints it (A4 landscape)."""
    url = html.resolve().as_uri()
    with sync_playwright() as playwright:
        browser = launch(playwright.chromium)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.route(
                "**/*",
                lambda route: route.continue_() if route.request.url == url else route.abort(),
            )
            page.goto(url)
            page.wait_for_selector("#network[data-ready=true]")
            page.emulate_media(media="print")
            page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
        finally:
            browser.close()
    return pdf


def first_page(pdf: Path, png: Path) -> Path:
    """The first page of ``pdf`` as ``png``, at 110 dpi."""
    stem = png.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
        check=True,
    )
    return png


def docs_pictures(docs: Path) -> list[Path]:
    """Every picture docs/chart.md shows, made again from this checkout."""
    root = Path(__file__).resolve().parents[2]
    example = root / "models" / "worcestershire"
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)

        def render(model: Path, out: Path, *options: str) -> Path:
            command = [sys.executable, "-m", "govgraph", "render", str(model), "-o", str(out)]
            subprocess.run([*command, *options], check=True, cwd=root)
            return out

        page = render(example, work / "example.html")
        written.append(screenshot(page, docs / "chart.png"))
        written.append(screenshot(page, docs / "chart-phone.png", width=390, height=844))
        written.append(first_page(printed(page, work / "printed.pdf"), docs / "chart-print.png"))
        pdf = render(example, work / "example.pdf", "--to", "pdf")
        written.append(first_page(pdf, docs / "chart-pdf.png"))
        register = work / "register"
        generator = root / "benchmarks" / "generate.py"
        subprocess.run(
            [sys.executable, str(generator), "--councils", "35", "--out", str(register)],
            check=True,
            cwd=root,
            stdout=subprocess.DEVNULL,
        )
        big = render(register, work / "register.html", "--as-of", "2024-03-31")
        written.append(screenshot(big, docs / "chart-overview.png"))
    return written


if __name__ == "__main__":
    if sys.argv[1:] == ["docs"]:
        for picture in docs_pictures(Path(__file__).resolve().parents[2] / "docs"):
            print(picture)
    elif len(sys.argv) == 3:
        print(screenshot(Path(sys.argv[1]), Path(sys.argv[2])))
    else:
        sys.exit("usage: python tests/browser/screenshot.py CHART.html OUT.png | docs")
