"""Real-browser fixtures: headless Chromium with every network request refused and recorded.

The tests skip (with the reason) only when Debian's chromium is not installed
at /usr/bin/chromium; CI installs it, so there they always run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Dialog, Page, sync_playwright
from support import chart_file_data

from browser.screenshot import CHROMIUM, launch
from govgraph import build_graph, load
from govgraph.audit import audit
from govgraph.render import render_chart, write_chart

ON = date(2023, 7, 7)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip(
            f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)"
        )
    with sync_playwright() as playwright:
        opened = launch(playwright.chromium)
        yield opened
        opened.close()


@dataclass
class Chart:
    """A chart open in the browser, with everything it tried to do that it should not."""

    page: Page
    data: dict[str, Any]
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)

    def node(self, node_id: str) -> dict[str, Any]:
        found: dict[str, Any] = self.js("id => govgraph.nodes.get(id)", node_id)
        return found

    def box(self, body: str) -> dict[str, Any] | None:
        """How ``body``'s box is drawn now (where, its look, its text), or None if it is not."""
        found: dict[str, Any] | None = self.js(
            "id => govgraph.scene().boxes.find(b => b.id === id) || null", body
        )
        return found

    def drawn(self) -> list[str]:
        """The ids of the bodies and members drawn (and not hidden), in no order."""
        ids: list[str] = self.js(
            "(() => { const s = govgraph.scene();"
            " return s.boxes.map(b => b.id).concat(s.members.map(m => m.id)); })()"
        )
        return sorted(ids)

    def selected(self) -> list[str]:
        chosen: list[str] = self.js("govgraph.network.getSelectedNodes()")
        return chosen

    def point_of(self, node_id: str) -> tuple[float, float]:
        """Where ``node_id`` is drawn, in page coordinates."""
        x, y = self.js(
            """id => {
                const network = govgraph.network;
                const at = network.canvasToDOM(network.getPositions([id])[id]);
                const box = document.getElementById("network").getBoundingClientRect();
                return [box.left + at.x, box.top + at.y];
            }""",
            node_id,
        )
        return float(x), float(y)

    def click_node(self, node_id: str) -> None:
        self.page.mouse.click(*self.point_of(node_id))

    def assert_quiet(self) -> None:
        """Nothing was fetched, no dialog opened and nothing went wrong in the page."""
        assert self.requests == []
        assert self.dialogs == []
        assert self.errors == []


@pytest.fixture
def open_chart(browser: Browser) -> Iterator[Callable[[Path], Chart]]:
    """``open_chart(path)`` loads a chart from a file:// URL with the network refused."""
    contexts = []

    def open_(path: Path) -> Chart:
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        contexts.append(context)
        page = context.new_page()
        url = path.resolve().as_uri()
        chart = Chart(page, chart_file_data(path))
        page.on("request", lambda r: None if r.url == url else chart.requests.append(r.url))
        page.route(
            "**/*",
            lambda route: route.continue_() if route.request.url == url else route.abort(),
        )

        def on_dialog(dialog: Dialog) -> None:
            chart.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.on("console", lambda m: chart.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: chart.errors.append(str(e)))
        # Not waiting for "load": a 20,000-body page draws long before the browser has
        # read the whole text view.
        page.goto(url, wait_until="commit")
        page.wait_for_selector("#network[data-ready=true]", timeout=60_000)
        return chart

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def render_model(model_dir: Callable[..., Path], tmp_path: Path) -> Callable[..., Path]:
    """``render_model(files, **options)`` writes a model, renders its chart and returns the file.

    Only ``orphaned-body`` findings are kept, so tests know exactly which bodies have one.
    """

    def make(files: dict[str, str], name: str = "model", **options: Any) -> Path:
        model = load(model_dir(files, name=name))
        graph = build_graph(model)
        result = audit(model, graph, on=ON, select=["orphaned-body"])
        return write_chart(tmp_path / f"{name}.html", render_chart(result, graph, **options))

    return make
