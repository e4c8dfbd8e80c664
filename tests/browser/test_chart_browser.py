"""The chart in a real browser, offline: it draws, and every control does what it says."""

from __future__ import annotations

import random
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import expect

from browser import screenshot
from browser.conftest import ON, Chart
from govgraph import build_graph, load
from govgraph.audit import audit
from govgraph.render import render_chart, write_chart

pytestmark = pytest.mark.browser


def hover(chart: Chart, x: float, y: float) -> str:
    """The tooltip shown with the pointer at (x, y), having come from an empty corner."""
    tooltip = chart.page.locator("div.vis-tooltip")
    box = chart.page.locator("#network").bounding_box()
    assert box is not None
    chart.page.mouse.move(box["x"] + 3, box["y"] + 3)
    expect(tooltip).to_be_hidden()
    chart.page.mouse.move(x, y)
    expect(tooltip).to_be_visible()
    return tooltip.inner_text()


def on_edge(chart: Chart, edge_id: str) -> tuple[float, float]:
    """A point of the page on ``edge_id`` and on nothing else drawn."""
    found = chart.js(
        """id => {
            const network = govgraph.network, edge = govgraph.edges.get(id);
            const at = network.getPositions([edge.from, edge.to]);
            const box = document.getElementById("network").getBoundingClientRect();
            for (const f of [0.5, 0.35, 0.65, 0.2, 0.8]) {
                const point = network.canvasToDOM({
                    x: at[edge.from].x + f * (at[edge.to].x - at[edge.from].x),
                    y: at[edge.from].y + f * (at[edge.to].y - at[edge.from].y)
                });
                if (network.getNodeAt(point) === undefined && network.getEdgeAt(point) === id)
                    return [box.left + point.x, box.top + point.y];
            }
            return null;
        }""",
        edge_id,
    )
    assert found, f"no point on {edge_id} alone"
    return float(found[0]), float(found[1])


MODEL = {
    "organisations.yaml": """
        organisations:
          - {id: wcc, name: Worcestershire County Council}
          - {id: ccg, name: Old CCG, dissolved: 2022-06-30, succeeded_by: icb}
          - {id: icb, name: Integrated Care Board, established: 2022-07-01}
        people:
          - {id: jo, name: Jo Bloggs}
        posts:
          - id: dcs
            title: Director of Children's Services
            organisation: wcc
            holders: [{person: jo, from: 2019-01-01}]
        """,
    "bodies.yaml": """
        bodies:
          - {id: council, name: Full Council, kind: council, root: true}
          - id: hwb
            name: Health and Wellbeing Board
            short_name: HWB
            kind: board
            reports_to: [{body: council, frequency: annually, last_reported: 2022-07-14}]
            members:
              - {member: wcc, role: chair, from: 2019-01-01}
              - {member: ccg, from: 2019-01-01, to: 2022-06-30}
              - {member: icb, from: 2022-07-01}
              - {member: dcs, from: 2019-01-01}
          - id: data-group
            name: Data sub-group
            kind: sub-group
            reports_to: [{body: hwb, direction: up}]
          - id: old-board
            name: Old board
            kind: board
            established: 2015-04-01
            dissolved: 2019-09-28
            reports_to: [{body: council}]
          - {id: youth, name: Youth Cabinet, kind: cabinet}
        """,
}
BODIES = ["council", "hwb", "data-group", "old-board", "youth"]
MEMBERS = ["wcc", "ccg", "icb", "dcs"]

Open = Callable[[Path], Chart]
Render = Callable[..., Path]


@pytest.fixture
def chart(render_model: Render, open_chart: Open) -> Chart:
    return open_chart(render_model(MODEL))


def test_draws_every_node_and_edge_without_fetching_anything(chart: Chart) -> None:
    # 5 bodies + 4 members; 3 reporting lines + 4 memberships.
    assert chart.js("govgraph.network.body.data.nodes.length") == 9
    assert chart.js("govgraph.network.body.data.edges.length") == 7
    assert chart.js("Object.keys(govgraph.network.body.nodes).length") == 9
    assert chart.page.get_attribute("#network", "data-nodes") == "9"
    assert chart.page.get_attribute("#network", "data-edges") == "7"
    assert chart.js("govgraph.network.physics.options.enabled") is False
    # Positions are govgraph's: the root above its sub-body, as laid out in Python.
    assert chart.js("govgraph.network.getPositions(['hwb']).hwb.y") == 150
    chart.assert_quiet()


def test_two_way_and_one_way_lines_are_drawn_differently(chart: Chart) -> None:
    both = chart.edge("reports:hwb:0")
    assert both["arrows"]["to"]["enabled"] and both["arrows"]["from"]["enabled"]
    assert both["dashes"] is False and both["label"] == ""
    up = chart.edge("reports:data-group:0")
    assert up["arrows"]["to"]["enabled"] and not up["arrows"]["from"]["enabled"]
    assert up["dashes"] and up["label"] == "up only"
    member = chart.edge("member:hwb:0")
    assert not member["arrows"]["to"]["enabled"] and not member["arrows"]["from"]["enabled"]
    # The drawn edge objects agree with the data (vis-network's own state, not just ours).
    drawn = chart.js(
        "(() => { const e = govgraph.network.body.edges['reports:data-group:0'].options;"
        " return [e.dashes, e.arrows.to.enabled, e.arrows.from.enabled]; })()"
    )
    assert drawn == [[10, 6], True, False]


def test_clicking_a_body_opens_its_details(chart: Chart) -> None:
    chart.click_node("hwb")
    panel = chart.page.locator("#details-body")
    assert panel.get_attribute("data-node") == "hwb"
    assert panel.locator("h3").inner_text() == "Health and Wellbeing Board"
    members = panel.locator("table").inner_text()
    assert "Worcestershire County Council" in members and "chair" in members
    assert "Integrated Care Board" in members
    assert "Director of Children's Services (held by Jo Bloggs)" in members
    assert "Old CCG" not in members  # its membership ended in 2022
    text = panel.inner_text()
    assert "Chair on 2023-07-07\nWorcestershire County Council" in text
    assert "Full Council (both ways, annually, last reported 2022-07-14)" in text
    assert "Data sub-group (up only, no report recorded)" in text
    chart.assert_quiet()


def test_clicking_a_member_shows_its_seats_and_holders(chart: Chart) -> None:
    chart.click_node("dcs")
    panel = chart.page.locator("#details-body")
    assert panel.get_attribute("data-node") == "dcs"
    text = panel.inner_text()
    assert "Post · dcs" in text
    assert "Organisation\nWorcestershire County Council" in text
    assert "Holders\nJo Bloggs, from 2019-01-01 (holds it on 2023-07-07)" in text
    assert "Sits on\nHealth and Wellbeing Board: member, from 2019-01-01" in text
    chart.click_node("ccg")
    text = panel.inner_text()
    assert "Succeeded by\nIntegrated Care Board" in text
    assert "Health and Wellbeing Board: member, from 2019-01-01 to 2022-06-30 (not current" in text
    chart.assert_quiet()


def test_a_finding_about_a_member_not_drawn_says_so(
    model_dir: Callable[..., Path], tmp_path: Path, open_chart: Open
) -> None:
    files = dict(MODEL, **{"govgraph.yaml": "name: Busy\nmany_roles: 1\n"})
    files["more.yaml"] = "bodies:\n  - {id: cyp, name: CYP, members: [{member: wcc}]}\n"
    model = load(model_dir(files))
    graph = build_graph(model)
    result = audit(model, graph, on=ON, select=["many-roles"])
    html = render_chart(result, graph, focus="hwb", up=0, down=0, members=False)
    chart = open_chart(write_chart(tmp_path / "busy.html", html))
    finding = chart.page.locator("#findings li.finding button")
    assert "Worcestershire County Council" in finding.inner_text()
    finding.click()
    assert chart.page.inner_text("#search-status") == (
        "Worcestershire County Council is not drawn in this chart."
    )
    chart.assert_quiet()


def test_hovering_shows_a_plain_text_tooltip(chart: Chart) -> None:
    assert hover(chart, *chart.point_of("youth")) == "Youth Cabinet\nCabinet · youth\n⚠ 1 error"
    assert hover(chart, *chart.point_of("hwb")) == ("Health and Wellbeing Board (HWB)\nBoard · hwb")
    assert hover(chart, *chart.point_of("ccg")) == (
        "Old CCG\nOrganisation · ccg\n1 membership in the model\nNot current on 2023-07-07"
    )
    # The tooltip is written from the data when the pointer comes: for the slider's date.
    chart.js("govgraph.setDate('2020-01-01')")
    assert (
        hover(chart, *chart.point_of("ccg"))
        == "Old CCG\nOrganisation · ccg\n1 membership in the model"
    )
    assert hover(chart, *chart.point_of("icb")) == (
        "Integrated Care Board\nOrganisation · icb\n1 membership in the model\n"
        "Not current on 2020-01-01"
    )
    chart.assert_quiet()


def test_hovering_a_link_says_what_it_is(chart: Chart) -> None:
    # A reporting line: who reports to whom, how often and when it last did.
    assert hover(chart, *on_edge(chart, "reports:hwb:0")) == (
        "Health and Wellbeing Board reports to Full Council\n"
        "frequency: annually\nlast reported: 2022-07-14"
    )
    assert hover(chart, *on_edge(chart, "reports:data-group:0")) == (
        "Data sub-group reports (up only) to Health and Wellbeing Board"
    )
    assert hover(chart, *on_edge(chart, "reports:old-board:0")) == (
        "Old board reports to Full Council\nNot current on 2023-07-07"
    )
    # A membership: the member, its role on the body and its dates.
    assert hover(chart, *on_edge(chart, "member:hwb:0")) == (
        "Worcestershire County Council: chair of Health and Wellbeing Board, 2019-01-01 to now"
    )
    assert hover(chart, *on_edge(chart, "member:hwb:1")) == (
        "Old CCG: member of Health and Wellbeing Board, 2019-01-01 to 2022-06-30\n"
        "Not current on 2023-07-07"
    )
    chart.assert_quiet()


def test_labels_carry_the_name_and_the_findings(chart: Chart) -> None:
    assert chart.node("youth")["label"] == "Youth Cabinet\n⚠ 1 error"
    assert chart.node("hwb")["label"] == "HWB"  # its short name
    assert chart.node("dcs")["label"] == "Director of\nChildren's\nServices"  # 18 a line


def test_labels_wrap_exactly_as_python_textwrap(chart: Chart) -> None:
    """The page wraps labels (they were wrapped in Python): the same lines for any text."""
    pieces = ["a", "bc", "Worcestershire", " ", "  ", "\t", "\n", "\r", "\u00a0", "\u2003",
              "\x1c", "\ufeff", "-", "é", "😀", "(CYP)", "Supercalifragilisticexpialidocious"]  # fmt: skip
    rng = random.Random(8)
    texts = ["", " ", "x" * 40, "  leading", "trailing  ", "a\tb", "😀" * 20]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    for width in (18, 22, 5):
        expected = ["\n".join(textwrap.wrap(t, width, break_on_hyphens=False)) or t for t in texts]
        wrapped = chart.js(
            "([texts, w]) => texts.map(t => govgraph.wrapText(t, w))", [texts, width]
        )
        assert [t for t, a, b in zip(texts, wrapped, expected, strict=True) if a != b] == []


def test_search_finds_and_focuses_a_body(chart: Chart) -> None:
    chart.page.fill("#search", "wellbeing")
    chart.page.press("#search", "Enter")
    assert chart.js("govgraph.network.getSelectedNodes()") == ["hwb"]
    assert chart.page.inner_text("#search-status") == "Found Health and Wellbeing Board (hwb)."
    assert chart.page.get_attribute("#details-body", "data-node") == "hwb"
    # The focused node is brought to the middle of the chart.
    x, y = chart.point_of("hwb")
    box = chart.page.locator("#network").bounding_box()
    assert box is not None
    assert (
        abs(x - (box["x"] + box["width"] / 2)) < 2 and abs(y - (box["y"] + box["height"] / 2)) < 2
    )
    chart.page.fill("#search", "icb")
    chart.page.click("#search-go")
    assert chart.js("govgraph.network.getSelectedNodes()") == ["icb"]
    chart.page.fill("#search", "no such thing")
    chart.page.press("#search", "Enter")
    assert "Nothing in this chart matches" in chart.page.inner_text("#search-status")


def test_problems_only_dims_everything_without_a_finding(chart: Chart) -> None:
    assert chart.node("youth")["severity"] == "error"  # orphaned: reports to nothing
    normal = chart.node("council")["color"]["background"]
    chart.page.check("#problems-only")
    youth, council = chart.node("youth"), chart.node("council")
    assert youth["dimmed"] is False and council["dimmed"] is True
    assert council["color"]["background"] != normal
    assert youth["color"]["border"] == "#c00000"
    assert all(chart.node(m)["dimmed"] for m in MEMBERS)
    chart.page.uncheck("#problems-only")
    assert chart.node("council")["color"]["background"] == normal


def test_the_findings_panel_focuses_the_body_of_a_finding(chart: Chart) -> None:
    finding = chart.page.locator("#findings li.finding button")
    assert finding.count() == 1
    assert "Youth Cabinet" in finding.inner_text()
    finding.click()
    assert chart.js("govgraph.network.getSelectedNodes()") == ["youth"]
    assert chart.page.locator("#details-body h3").inner_text() == "Youth Cabinet"
    assert "reports to no body" in chart.page.inner_text("#details-body")


def test_the_date_slider_greys_out_what_did_not_exist(chart: Chart) -> None:
    # On the as-of date (2023-07-07) the old board is dissolved and its line not current.
    assert chart.node("old-board")["current"] is False
    assert chart.edge("reports:old-board:0")["current"] is False
    assert chart.edge("reports:old-board:0")["label"] == "not current"
    assert chart.node("icb")["current"] is True
    assert chart.edge("member:hwb:1")["current"] is False  # the CCG left in 2022
    row = chart.page.locator('tr[data-node="old-board"]')
    assert row.get_attribute("class") == "not-current"
    # Home on the slider: the model's first date (2015-04-01), by keyboard as a user would.
    chart.page.focus("#date-slider")
    chart.page.keyboard.press("Home")
    assert chart.page.inner_text("#date-label") == "2015-04-01"
    assert chart.node("old-board")["current"] is True
    assert chart.node("old-board")["color"] == chart.node("hwb")["color"]  # a board, as drawn
    assert chart.edge("reports:old-board:0")["current"] is True
    drawn_label = "govgraph.network.body.edges['reports:old-board:0'].options.label"
    assert chart.js(drawn_label).strip() == ""  # "not current" is gone from the drawing
    assert chart.node("icb")["current"] is False  # not yet established
    assert chart.edge("member:hwb:0")["current"] is False  # the chair joined in 2019
    assert "not-current" not in (row.get_attribute("class") or "")
    chart.page.click("#date-reset")
    assert chart.page.inner_text("#date-label") == "2023-07-07"
    assert chart.node("old-board")["current"] is False
    assert "not-current" in (row.get_attribute("class") or "")


def test_the_details_panel_follows_the_slider(chart: Chart) -> None:
    chart.click_node("hwb")
    chart.js("govgraph.setDate('2020-01-01')")
    members = chart.page.locator("#details-body table").inner_text()
    assert "Old CCG" in members and "Integrated Care Board" not in members


def test_the_text_view_lists_every_body_and_works_by_keyboard(chart: Chart) -> None:
    rows = chart.page.locator("#text-view tbody tr")
    assert rows.count() == len(BODIES)
    assert [rows.nth(i).get_attribute("data-node") for i in range(rows.count())] == BODIES
    hwb = chart.page.locator('#text-view tr[data-node="hwb"]').inner_text()
    assert "Worcestershire County Council: chair, from 2019-01-01" in hwb
    assert "Full Council (both ways, annually, last reported 2022-07-14)" in hwb
    assert chart.page.locator("table.bodies caption").count() == 1
    chart.page.focus('#text-view button[data-node="data-group"]')
    chart.page.keyboard.press("Enter")
    assert chart.js("govgraph.network.getSelectedNodes()") == ["data-group"]
    assert chart.js("document.activeElement.id") == "details-heading"


def test_kind_filters_hide_and_show_bodies(chart: Chart) -> None:
    chart.page.uncheck('input[data-kind="board"]')
    assert chart.node("hwb")["hidden"] is True and chart.node("old-board")["hidden"] is True
    assert chart.edge("reports:hwb:0")["hidden"] is True
    assert chart.page.get_attribute("#network", "data-visible-nodes") == "7"
    chart.page.check('input[data-kind="board"]')
    assert chart.node("hwb")["hidden"] is False


def test_landmarks_and_labels_for_assistive_technology(chart: Chart) -> None:
    page = chart.page
    assert page.locator("main").count() == 1 and page.locator("header").count() == 1
    assert page.get_attribute("nav.controls", "aria-label") == "Chart controls"
    assert page.locator("[role=search] label[for=search]").count() == 1
    assert page.locator("label[for=date-slider]").count() == 1
    assert "bodies" in (page.get_attribute("#network", "aria-label") or "")
    headings = page.locator("h2").all_inner_texts()
    assert {"Details", "Findings (1)", "Text view"} <= set(headings)


def test_save_as_png_downloads_the_drawing(chart: Chart) -> None:
    with chart.page.expect_download() as download:
        chart.page.click("#save-png")
    saved = Path(download.value.path())
    assert download.value.suggested_filename == "model.png"
    assert saved.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert saved.stat().st_size > 5000  # a drawing, not an empty canvas
    chart.assert_quiet()


def test_the_print_stylesheet_hides_controls(chart: Chart) -> None:
    chart.page.emulate_media(media="print")
    assert chart.page.locator("nav.controls").is_hidden()
    assert chart.page.locator("#text-view table").is_visible()


def test_a_focused_chart_opens_on_its_body(render_model: Render, open_chart: Open) -> None:
    chart = open_chart(render_model(MODEL, focus="hwb", up=1, down=1, members=False))
    assert chart.js("govgraph.network.body.data.nodes.length") == 3
    assert chart.js("govgraph.network.getSelectedNodes()") == ["hwb"]
    assert chart.page.get_attribute("#details-body", "data-node") == "hwb"
    chart.assert_quiet()


def test_two_thousand_bodies_draw_at_once(render_model: Render, open_chart: Open) -> None:
    lines = ["bodies:", "  - {id: root, name: Root, root: true}"]
    lines += [f"  - {{id: b{i}, name: Board {i}, reports_to: [{{body: root}}]}}" for i in range(40)]
    lines += [
        f"  - {{id: g{i}, name: Group {i}, reports_to: [{{body: b{i % 40}}}]}}" for i in range(1959)
    ]
    chart = open_chart(render_model({"b.yaml": "\n".join(lines) + "\n"}, whole=True))
    assert chart.js("govgraph.network.body.data.nodes.length") == 2000
    assert chart.js("govgraph.network.body.data.edges.length") == 1999
    assert chart.js("govgraph.network.physics.options.enabled") is False
    # Every panel works at this size: search (with its suggestions), details, the text view.
    chart.page.focus("#search")
    assert chart.page.locator("#search-names option").count() == 2000
    chart.page.fill("#search", "Group 1958")
    chart.page.press("#search", "Enter")
    assert chart.js("govgraph.network.getSelectedNodes()") == ["g1958"]
    panel = chart.page.locator("#details-body")
    assert "Board 38 (both ways, no report recorded)" in panel.inner_text()
    last = chart.page.locator('#text-view tr[data-node="g1958"]')
    last.scroll_into_view_if_needed()  # laid out only once near the screen, then as any row
    expect(last).to_contain_text("Group 1958 (g1958)", use_inner_text=True)
    assert chart.page.locator("#text-view table").count() == 20
    chart.assert_quiet()


def test_screenshot_helper_captures_the_chart(render_model: Render, tmp_path: Path) -> None:
    # Run as the lead will (a script), in its own process: Playwright's sync API is
    # already running this test session's browser.
    png = tmp_path / "docs" / "chart.png"
    run = subprocess.run(
        [sys.executable, screenshot.__file__, str(render_model(MODEL)), str(png)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == str(png)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") == 1400  # IHDR width: the default viewport
