"""The static audit pack in a real browser, offline: every page loads, every link lands.

Every request that is not a file:// URL is aborted and recorded; a page that
tried to fetch anything, broke its Content-Security-Policy or threw an error
fails the test.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route
from support import write_model as write_files
from test_explore import SAMPLE

from govgraph.cli import run

pytestmark = pytest.mark.browser

ON = "2023-07-07"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site")
    model = write_files(root / "model", SAMPLE)
    out = root / "site"
    assert run(["build", str(model), "-o", str(out), "--as-of", ON]) == 0
    return out


@dataclass
class Offline:
    """A browser context that refuses the network and records what pages tried."""

    context: BrowserContext
    external: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def open(self, path: Path) -> Page:
        page = self.context.new_page()
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.goto(path.resolve().as_uri())
        page.wait_for_load_state("load")
        return page


@pytest.fixture
def offline(browser: Browser) -> Iterator[Offline]:
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    recorder = Offline(context)

    def guard(route: Route) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            recorder.external.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    yield recorder
    context.close()


def file_of(url: str) -> Path:
    return Path(unquote(urlsplit(url).path))


def test_every_page_loads_offline_and_links_to_existing_pages(offline: Offline, site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 15
    for path in pages:
        page = offline.open(path)
        assert page.title(), path
        if path.name != "chart.html":
            # An SVG link's href is not a string: resolve its attribute as the browser does.
            hrefs: list[str] = page.eval_on_selector_all(
                "a[href]",
                "els => els.map(e => new URL(e.getAttribute('href'), document.baseURI).href)",
            )
            assert hrefs, path
            for href in hrefs:
                assert href.startswith("file://"), f"{path}: {href} leaves the pack"
                assert file_of(href).is_file(), f"{path}: {href} does not exist"
        page.close()
    assert offline.external == []
    assert offline.errors == []


def test_a_reader_can_follow_links_through_the_pack(offline: Offline, site: Path) -> None:
    page = offline.open(site / "index.html")
    assert page.locator("h1").inner_text() == "Sample County governance"
    assert page.locator("#findings").count() == 1

    page.get_by_role("link", name="Health and Wellbeing Board").first.click()
    page.wait_for_load_state("load")
    assert file_of(page.url) == (site / "bodies" / "hwb.html").resolve()
    assert page.locator("h1").inner_text() == "Health and Wellbeing Board (HWB)"

    page.get_by_role("link", name="Director of Children's Services").first.click()
    page.wait_for_load_state("load")
    assert file_of(page.url) == (site / "posts" / "dcs.html").resolve()
    assert "combines 2 posts and sits on 4 bodies" in page.locator("main p").first.inner_text()

    page.get_by_role("link", name="Membership matrix").click()
    page.wait_for_load_state("load")
    assert page.locator("table.matrix tbody tr").count() == 7  # current bodies on the date

    page.get_by_role("link", name="Interactive chart").click()
    page.wait_for_selector("#network[data-ready=true]")
    assert file_of(page.url) == (site / "chart.html").resolve()
    assert offline.external == []
    assert offline.errors == []
