"""A model full of hostile text: the chart shows every character and runs none of it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from browser.conftest import Chart

pytestmark = pytest.mark.browser

# Each tries a different way out: closing the script element, an event handler,
# a javascript: URL, an HTML comment opening, a template placeholder, quotes.
BODY_NAME = "</script><script>window.pwned=1;alert(1)</script>"
ORG_NAME = "<img src=x onerror=\"window.pwned=2;alert(2)\"> & 'quoted'"
PERSON_NAME = "javascript:alert(3)"
PANEL_NAME = "<!-- <script>alert(4)</script> {{chart_js}} \u2028 end"
NOTE = "</SCRIPT ><svg onload=alert(5)>"
TITLE = "<b onmouseover=alert(6)>Chart</b>"

MODEL = {
    "govgraph.yaml": f"name: {json.dumps(TITLE)}\n",
    "model.yaml": f"""
        organisations:
          - id: evil-org
            name: {json.dumps(ORG_NAME)}
            kind: "<script>alert(7)</script>"
            tags: ["<script>alert(8)</script>", "javascript:alert(9)", "\\"><img src=x>"]
        people:
          - {{id: evil-person, name: {json.dumps(PERSON_NAME)}}}
        bodies:
          - {{id: council, name: Full Council, kind: council, root: true}}
          - id: onerror
            name: {json.dumps(BODY_NAME)}
            short_name: "<img src=x onerror=alert(10)>"
            reports_to: [{{body: council}}]
            members:
              - {{member: evil-org, role: chair, note: {json.dumps(NOTE)}}}
              - {{member: evil-person}}
          - {{id: script, name: {json.dumps(PANEL_NAME)}, kind: panel}}
        """,
}

Open = Callable[[Path], Chart]


@pytest.fixture
def chart(render_model: Callable[..., Path], open_chart: Open) -> Chart:
    opened = open_chart(render_model(MODEL))
    opened.assert_quiet()
    return opened


def assert_nothing_ran(chart: Chart) -> None:
    chart.assert_quiet()
    assert chart.js("window.pwned === undefined")
    assert chart.js("document.querySelectorAll('img, svg, b, script:not([type])').length") == 2


def test_hostile_names_are_shown_literally_in_the_page(chart: Chart) -> None:
    page = chart.page
    assert page.title() == TITLE
    assert page.inner_text("h1") == TITLE
    rows = page.locator("#text-view tbody tr .name").all_inner_texts()
    assert rows == ["Full Council", BODY_NAME, PANEL_NAME]
    table = page.inner_text("#text-view")
    assert ORG_NAME in table and PERSON_NAME in table
    box = chart.box("onerror")  # drawn on the canvas as text, wrapped
    assert box is not None
    assert "".join(line["text"] for line in box["lines"]).replace(" ", "") == BODY_NAME
    assert_nothing_ran(chart)


def test_details_tooltips_and_search_show_hostile_text_as_text(chart: Chart) -> None:
    chart.click_node("onerror")
    panel = chart.page.locator("#details-body")
    assert panel.locator("h3").inner_text() == BODY_NAME
    text = panel.inner_text()
    assert ORG_NAME in text and NOTE in text and PERSON_NAME in text
    chart.page.select_option("#members-view", "selected")  # draws onerror's members
    chart.click_node("evil-org")
    text = panel.inner_text()
    assert '<script>alert(8)</script>, javascript:alert(9), "><img src=x>' in text
    assert "<script>alert(7)</script>" in text
    chart.page.mouse.move(*chart.point_of("evil-org"))
    tooltip = chart.page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text().strip("\u2068").startswith(ORG_NAME)
    chart.page.fill("#search", "</script><b>nothing")
    chart.page.press("#search", "Enter")
    assert chart.page.inner_text("#search-status") == (
        "Nothing in this chart matches “</script><b>nothing”."
    )
    chart.page.fill("#search", 'onerror="window')
    chart.page.press("#search", "Enter")
    assert chart.js("govgraph.network.getSelectedNodes()") == ["evil-org"]
    assert_nothing_ran(chart)


def test_findings_about_hostile_bodies_are_escaped(chart: Chart) -> None:
    finding = chart.page.locator("#findings li.finding")
    assert finding.count() == 1  # the panel reports to nothing: orphaned
    assert PANEL_NAME.split("\u2028")[0] in finding.inner_text()
    finding.locator("button").click()
    assert chart.js("govgraph.network.getSelectedNodes()") == ["script"]
    assert_nothing_ran(chart)


def test_a_right_to_left_override_cannot_reverse_the_text_around_it(
    render_model: Callable[..., Path], open_chart: Open
) -> None:
    name = "Board \u202eevil"  # U+202E: what follows would read right to left
    chart = open_chart(
        render_model(
            {
                "b.yaml": f"""
                bodies:
                  - {{id: council, name: Council, root: true}}
                  - {{id: flipped, name: {json.dumps(name)}, reports_to: [{{body: council}}]}}
                """
            }
        )
    )
    row = chart.page.locator('#text-view tr[data-node="flipped"] th')
    name_box = row.locator("bdi.name").bounding_box()
    id_box = row.locator("span.id").bounding_box()
    assert name_box and id_box and id_box["x"] > name_box["x"] + name_box["width"] - 1
    assert row.locator("bdi.name").inner_text() == name
    chart.click_node("flipped")
    assert chart.page.get_attribute("#details-body h3", "dir") == "auto"
    box = chart.box("flipped")
    assert box is not None
    # On the canvas each line is isolated too (U+2068 ... U+2069) when drawn.
    assert chart.js("govgraph.nodeTitle('flipped')").startswith("\u2068" + name + "\u2069")
    chart.assert_quiet()
