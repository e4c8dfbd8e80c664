"""The chart in a real browser, offline: it draws, and every control does what it says."""

from __future__ import annotations

import random
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from browser import screenshot
from browser.conftest import ON, Chart
from govgraph import build_graph, load
from govgraph.audit import audit
from govgraph.render import render_chart, write_chart

pytestmark = pytest.mark.browser


def hover(chart: Chart, x: float, y: float) -> str:
    """The tooltip shown with the pointer at (x, y), having come from an empty corner
    (without the invisible marks that isolate model text's direction)."""
    tooltip = chart.page.locator("div.vis-tooltip")
    box = chart.page.locator("#network").bounding_box()
    assert box is not None
    chart.page.mouse.move(box["x"] + 3, box["y"] + 3)
    expect(tooltip).to_be_hidden()
    chart.page.mouse.move(x, y)
    expect(tooltip).to_be_visible()
    return tooltip.inner_text().replace("\u2068", "").replace("\u2069", "")


MODEL = {
    "organisations.yaml": """
        organisations:
          - {id: wcc, name: Worcestershire County Council}
          - {id: ccg, name: Old CCG, dissolved: 2022-06-30, succeeded_by: icb}
          - {id: icb, name: Integrated Care Board, established: 2022-07-01, other_names: [NHS H&W]}
        people:
          - {id: jo, name: Jo Bloggs, other_names: [Joanna Bloggs]}
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
            other_names: [Health & Wellbeing Board]
            kind: board
            reports_to: [{body: council, frequency: annually, last_reported: 2022-07-14}]
            members:
              - {member: wcc, role: chair, from: 2019-01-01}
              - {member: ccg, from: 2019-01-01, to: 2022-06-30}
              - {member: icb, from: 2022-07-01}
              - {member: dcs, from: 2019-01-01, on_behalf_of: wcc}
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


def test_the_default_view_is_the_bodies_without_fetching_anything(chart: Chart) -> None:
    assert chart.drawn() == sorted(BODIES)  # members are counted on the boxes, not drawn
    assert chart.js("govgraph.network.physics.options.enabled") is False
    assert chart.box("hwb")["meta"] == "3 members"  # on 2023-07-07: the CCG had left
    lines = chart.js("govgraph.scene().lines.length")
    assert lines == 3  # the reporting lines, and nothing else
    chart.assert_quiet()


def test_boxes_sit_where_the_layout_put_them(chart: Chart) -> None:
    layout = chart.data["layout"]
    for block in layout["blocks"]:
        for body, x, y, tier, *_ in block[5]:
            width, height = layout["tiers"][tier]
            drawn = chart.box(body)
            assert drawn is not None
            assert (drawn["x"], drawn["y"]) == (block[1] + x, block[2] + y)
            assert (drawn["w"], drawn["h"]) == (width, height)
    council, hwb, group = chart.box("council"), chart.box("hwb"), chart.box("data-group")
    assert council and hwb and group
    assert council["y"] < hwb["y"] < group["y"]  # a tier below its parent


def test_two_way_and_one_way_lines_are_drawn_differently(chart: Chart) -> None:
    looks = chart.js(
        "Object.fromEntries(govgraph.scene().lines.map(l => [l.points[0].join(), l.look]))"
    )
    hwb, group = chart.box("hwb"), chart.box("data-group")
    assert hwb and group
    both = looks[f"{hwb['x'] + hwb['w'] / 2:g},{hwb['y']:g}"]
    up = looks[f"{group['x'] + group['w'] / 2:g},{group['y']:g}"]
    assert both["dashes"] is None and not both["up"] and not both["down"]
    assert up["dashes"] and up["up"] and not up["down"]  # an arrow to the parent only


def test_every_reporting_line_is_right_angled(chart: Chart) -> None:
    for line in chart.js("govgraph.scene().lines.map(l => l.points)"):
        for (x0, y0), (x1, y1) in zip(line, line[1:], strict=False):
            assert x0 == x1 or y0 == y1


def test_clicking_a_body_opens_its_details(chart: Chart) -> None:
    chart.click_node("hwb")
    panel = chart.page.locator("#details-body")
    assert panel.get_attribute("data-node") == "hwb"
    assert chart.page.locator("#details").is_visible()
    assert panel.locator("h3").inner_text() == "Health and Wellbeing Board"
    members = panel.locator("table").inner_text()
    assert "Worcestershire County Council" in members and "chair" in members
    assert "Integrated Care Board" in members
    assert "Director of Children's Services (held by Jo Bloggs)" in members
    assert "on behalf of Worcestershire County Council" in members
    assert "Old CCG" not in members  # its membership ended in 2022
    text = panel.inner_text()
    assert "Also called\nHealth & Wellbeing Board" in text
    assert "Chair on 2023-07-07\nWorcestershire County Council" in text
    assert "Full Council (both ways, annually, last reported 2022-07-14)" in text
    assert "Data sub-group (up only, no report recorded)" in text
    chart.page.click("#details-close")
    assert chart.page.locator("#details").is_hidden() and chart.selected() == []
    chart.assert_quiet()


def test_the_first_click_selects_the_body_under_the_pointer(chart: Chart) -> None:
    # The chart taller than the window: taking focus must not scroll it under the pointer.
    chart.js(
        "document.getElementById('network').style.height = '1400px';"
        "govgraph.network.setSize('100%', '1400px'); govgraph.fit()"
    )
    x, y = chart.point_of("council")
    assert y < 900 < chart.js("document.getElementById('network').getBoundingClientRect().bottom")
    before = chart.js("window.scrollY")
    chart.page.mouse.click(x, y)
    assert chart.js("window.scrollY") == before
    assert chart.selected() == ["council"]
    assert chart.js("document.activeElement.id") == "network"


def test_members_are_shown_for_the_selected_body_or_all(chart: Chart) -> None:
    chart.click_node("hwb")
    chart.page.select_option("#members-view", "selected")
    assert chart.drawn() == sorted(BODIES + MEMBERS)  # hwb's four members
    chart.click_node("dcs")
    text = chart.page.inner_text("#details-body")
    assert "Post · dcs" in text
    assert "Organisation\nWorcestershire County Council" in text
    assert "Holders\nJo Bloggs, from 2019-01-01 (holds it on 2023-07-07)" in text
    assert (
        "Health and Wellbeing Board: member, from 2019-01-01, on behalf of Worcestershire" in text
    )
    chart.page.select_option("#members-view", "none")
    assert chart.drawn() == sorted(BODIES)
    chart.page.select_option("#members-view", "all")
    assert chart.drawn() == sorted(BODIES + MEMBERS)
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


def test_hovering_shows_the_full_name_and_findings(chart: Chart) -> None:
    assert hover(chart, *chart.point_of("youth")) == "Youth Cabinet\nCabinet · youth\n⚠ 1 error"
    assert hover(chart, *chart.point_of("hwb")) == (
        "Health and Wellbeing Board (HWB)\nBoard · hwb\nalso called Health & Wellbeing Board"
    )
    assert hover(chart, *chart.point_of("old-board")) == (
        "Old board\nBoard · old-board\n2015-04-01 to 2019-09-28\nNot current on 2023-07-07"
    )
    chart.js("govgraph.setDate('2016-01-01')")  # written when the pointer comes: for that date
    assert "Not current" not in hover(chart, *chart.point_of("old-board"))
    chart.assert_quiet()


def test_boxes_carry_the_name_the_members_and_the_findings(chart: Chart) -> None:
    youth, hwb = chart.box("youth"), chart.box("hwb")
    assert youth and hwb
    assert [line["text"] for line in youth["lines"]] == ["Youth Cabinet"]
    assert youth["meta"].startswith("0 members · ⚠ 1")  # as much as fits
    assert youth["look"]["border"] == "#c00000"
    assert " ".join(line["text"] for line in hwb["lines"]) == "Health and Wellbeing Board"


def test_labels_are_at_least_12_px_at_fit_on_the_example(open_chart: Open, tmp_path: Path) -> None:
    model = load(Path(__file__).parents[2] / "models" / "worcestershire")
    graph = build_graph(model)
    html = render_chart(audit(model, graph, on=ON), graph)
    chart = open_chart(write_chart(tmp_path / "example.html", html))
    first = chart.js("JSON.parse(document.getElementById('govgraph-data').textContent)")
    assert "member_nodes" not in first and "memberships" not in first  # read when needed
    bodies = [n["id"] for n in chart.data["nodes"]]
    assert chart.drawn() == sorted(bodies)  # no member nodes by default
    chart.page.click("#fit")
    assert chart.js("govgraph.labelSize()") >= 12
    chart.assert_quiet()


def test_labels_wrap_exactly_as_python_textwrap(chart: Chart) -> None:
    """Member labels are wrapped as Python's textwrap does: the same lines for any text."""
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
    assert chart.selected() == ["hwb"]
    assert chart.page.inner_text("#search-status") == "Found Health and Wellbeing Board (hwb)."
    assert chart.page.get_attribute("#details-body", "data-node") == "hwb"
    chart.page.fill("#search", "health & wellbeing")  # one of its other names
    chart.page.press("#search", "Enter")
    assert chart.selected() == ["hwb"]
    chart.page.fill("#search", "icb")  # a member: shown with the body it sits on
    chart.page.click("#search-go")
    assert chart.selected() == ["icb"]
    assert "icb" in chart.drawn()
    chart.js("govgraph.choose('council')")
    chart.page.fill("#search", "nhs h&w")  # a member by another name
    chart.page.press("#search", "Enter")
    assert chart.selected() == ["icb"]
    assert chart.page.get_attribute("#details-body", "data-node") == "icb"
    chart.page.fill("#search", "no such thing")
    chart.page.press("#search", "Enter")
    assert "Nothing in this chart matches" in chart.page.inner_text("#search-status")


def test_search_prefers_the_current_body_of_a_name(render_model: Render, open_chart: Open) -> None:
    chart = open_chart(
        render_model(
            {
                "b.yaml": """
                bodies:
                  - {id: a-old, name: Adults Board, dissolved: 2020-03-31}
                  - {id: adults, name: Adults Board, established: 2020-04-01}
                  - {id: adults-sub, name: Adults Board sub-group, reports_to: [{body: adults}]}
                """
            }
        )
    )
    chart.page.fill("#search", "adults board")
    chart.page.press("#search", "Enter")
    assert chart.selected() == ["adults"]
    chart.js("govgraph.setDate('2019-01-01')")
    chart.page.press("#search", "Enter")
    assert chart.selected() == ["a-old"]  # the one that existed on that date


def test_problems_only_dims_everything_without_a_finding(chart: Chart) -> None:
    normal = chart.box("council")
    chart.page.check("#problems-only")
    youth, council = chart.box("youth"), chart.box("council")
    assert youth and council and normal
    assert council["look"]["fill"] != normal["look"]["fill"]
    assert youth["look"]["border"] == "#c00000"
    chart.page.uncheck("#problems-only")
    assert chart.box("council") == normal


def test_the_findings_panel_focuses_the_body_of_a_finding(chart: Chart) -> None:
    finding = chart.page.locator("#findings li.finding button")
    assert finding.count() == 1
    assert "Youth Cabinet" in finding.inner_text()
    finding.click()
    assert chart.selected() == ["youth"]
    assert chart.page.locator("#details-body h3").inner_text() == "Youth Cabinet"
    assert "reports to no body" in chart.page.inner_text("#details-body")


def test_the_date_slider_greys_out_what_did_not_exist(chart: Chart) -> None:
    old = chart.box("old-board")
    assert old and old["look"]["dashes"] and old["look"]["fill"] == "#f2f2f2"
    row = chart.page.locator('tr[data-node="old-board"]')
    assert row.get_attribute("class") == "not-current"
    # Home on the slider: the model's first date (2015-04-01), by keyboard as a user would.
    chart.page.focus("#date-slider")
    chart.page.keyboard.press("Home")
    assert chart.page.inner_text("#date-label") == "2015-04-01"
    old, hwb = chart.box("old-board"), chart.box("hwb")
    assert old and hwb and old["look"] == hwb["look"]  # a board, as drawn
    assert "not-current" not in (row.get_attribute("class") or "")
    chart.page.click("#date-reset")
    assert chart.page.inner_text("#date-label") == "2023-07-07"
    assert "not-current" in (row.get_attribute("class") or "")


def test_the_findings_follow_the_slider(chart: Chart) -> None:
    notice = chart.page.locator("#findings-date")
    assert notice.is_hidden()
    chart.page.fill("#date-box", "2019-02-01")
    chart.page.press("#date-box", "Enter")
    chart.page.dispatch_event("#date-box", "change")
    assert chart.page.inner_text("#date-label") == "2019-02-01"
    youth = chart.box("youth")
    assert youth and youth["look"]["border"] != "#c00000" and "⚠" not in youth["meta"]
    assert notice.is_visible() and "findings are for 2023-07-07" in notice.inner_text()
    assert "findings are for 2023-07-07 only" in chart.page.inner_text("#day-summary")
    chart.click_node("youth")
    assert "move the date back to see them" in chart.page.inner_text("#details-body")
    chart.page.click("#findings-back")
    youth = chart.box("youth")
    assert youth and youth["look"]["border"] == "#c00000" and notice.is_hidden()
    assert chart.page.inner_text("#day-summary") == ""


def test_month_steps_move_the_date_a_month(chart: Chart) -> None:
    chart.page.click("#month-back")
    assert chart.page.inner_text("#date-label") == "2023-06-07"
    chart.page.click("#month-back")
    chart.page.click("#month-on")
    assert chart.page.inner_text("#date-label") == "2023-06-07"
    assert chart.page.input_value("#date-box") == "2023-06-07"
    chart.page.click("#month-on")
    chart.page.click("#month-on")  # the slider ends on the model's last date
    assert chart.page.inner_text("#date-label") == "2023-07-07"


def test_the_details_panel_follows_the_slider(chart: Chart) -> None:
    chart.click_node("hwb")
    chart.js("govgraph.setDate('2020-01-01')")
    members = chart.page.locator("#details-body table").inner_text()
    assert "Old CCG" in members and "Integrated Care Board" not in members


def test_arrow_keys_move_along_reporting_lines(chart: Chart) -> None:
    chart.page.focus("#save-png")
    chart.page.keyboard.press("Tab")  # one tab stop: the chart
    assert chart.js("document.activeElement.id") == "network"
    keys = chart.page.keyboard
    keys.press("ArrowDown")
    assert chart.selected() == ["council"]  # the first top
    keys.press("ArrowDown")
    hwb, old = chart.box("hwb"), chart.box("old-board")
    assert hwb and old
    left, right = ("hwb", "old-board") if hwb["x"] < old["x"] else ("old-board", "hwb")
    assert chart.selected() == [left]  # its first child
    keys.press("ArrowRight")
    assert chart.selected() == [right]  # along the siblings
    keys.press("ArrowRight")
    assert chart.selected() == [right]  # the last
    keys.press("ArrowLeft")
    assert chart.selected() == [left]
    keys.press("ArrowUp")
    assert chart.selected() == ["council"]
    chart.js("govgraph.choose('hwb')")
    keys.press("ArrowDown")
    assert chart.selected() == ["data-group"]
    keys.press("Enter")
    assert chart.page.get_attribute("#details-body", "data-node") == "data-group"
    keys.press("Escape")
    assert chart.selected() == [] and chart.page.locator("#details").is_hidden()
    keys.press("Tab")
    assert chart.js("document.activeElement.id") != "network"


def test_the_text_view_lists_every_body_and_works_by_keyboard(chart: Chart) -> None:
    rows = chart.page.locator("#text-view tbody tr")
    assert rows.count() == len(BODIES)
    assert [rows.nth(i).get_attribute("data-node") for i in range(rows.count())] == BODIES
    hwb = chart.page.locator('#text-view tr[data-node="hwb"]').inner_text()
    assert "Worcestershire County Council: chair, from 2019-01-01" in hwb
    assert "on behalf of Worcestershire County Council" in hwb
    assert "Full Council (both ways, annually, last reported 2022-07-14)" in hwb
    assert chart.page.locator("table.bodies caption").count() == 1
    chart.page.focus('#text-view button[data-node="data-group"]')
    chart.page.keyboard.press("Enter")
    assert chart.selected() == ["data-group"]
    assert chart.js("document.activeElement.id") == "details-heading"


def test_unticking_a_kind_hides_it_and_refits(chart: Chart) -> None:
    before = chart.js("[govgraph.network.getScale(), govgraph.network.getViewPosition()]")
    chart.page.uncheck('input[data-kind="cabinet"]')
    assert "youth" not in chart.drawn() and "council" in chart.drawn()
    assert chart.page.get_attribute("#network", "data-visible-nodes") == "4"
    after = chart.js("[govgraph.network.getScale(), govgraph.network.getViewPosition()]")
    assert after != before  # fitted to what is left
    chart.page.check('input[data-kind="cabinet"]')
    assert "youth" in chart.drawn()


def test_landmarks_and_labels_for_assistive_technology(chart: Chart) -> None:
    page = chart.page
    assert page.locator("main").count() == 1 and page.locator("header").count() == 1
    assert page.get_attribute("nav.controls", "aria-label") == "Chart controls"
    assert page.locator("[role=search] label[for=search]").count() == 1
    assert page.locator("label[for=date-slider]").count() == 1
    assert page.locator("label[for=date-box]").count() == 1
    assert "bodies" in (page.get_attribute("#network", "aria-label") or "")
    headings = page.locator("h2").all_inner_texts()
    assert {"Details", "Findings (1)", "Text view"} <= set(headings)
    chart.click_node("hwb")
    assert "Selected Health and Wellbeing Board" in page.inner_text("#chart-status")


def test_save_as_png_has_the_title_date_and_legend(chart: Chart) -> None:
    with chart.page.expect_download() as download:
        chart.page.click("#save-png")
    saved = Path(download.value.path())
    assert download.value.suggested_filename == "model-2023-07-07.png"
    data = saved.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") >= 1440  # twice the picture's size
    svg = chart.js("new XMLSerializer().serializeToString(govgraphPicture(govgraph.scene()))")
    for words in (chart.data["meta"]["title"], "On 2023-07-07", "Boards", "error", "one way"):
        assert words in svg
    chart.assert_quiet()


def test_printing_draws_the_same_chart_as_vector(chart: Chart) -> None:
    chart.page.emulate_media(media="print")
    picture = chart.page.locator("#print-chart svg")
    expect(picture).to_be_visible()
    assert chart.page.locator("#network").is_hidden()
    assert chart.page.locator("nav.controls").is_hidden()
    assert picture.locator("rect").count() >= len(BODIES)
    texts = picture.locator("text").evaluate_all("els => els.map(e => e.textContent)")
    assert "Youth Cabinet" in "".join(texts).replace("\u2068", "").replace("\u2069", "")
    assert any("On 2023-07-07" in t for t in texts)
    finding = chart.page.locator("#findings li.finding")
    assert "Error Youth Cabinet orphaned-body" in finding.inner_text()
    assert chart.page.locator("#text-view table").is_visible()


def test_a_focused_chart_opens_on_its_body(render_model: Render, open_chart: Open) -> None:
    chart = open_chart(render_model(MODEL, focus="hwb", up=1, down=1, members=False))
    assert chart.drawn() == ["council", "data-group", "hwb"]
    assert chart.selected() == ["hwb"]
    assert chart.page.get_attribute("#details-body", "data-node") == "hwb"
    chart.assert_quiet()


def test_a_flat_model_is_no_wider_than_three_to_one(render_model: Render, open_chart: Open) -> None:
    lines = ["bodies:"] + [
        f"  - {{id: c{i}, name: Committee number {i}, kind: committee}}" for i in range(120)
    ]
    chart = open_chart(render_model({"b.yaml": "\n".join(lines) + "\n"}))
    width, height = chart.js(
        """(() => { const b = govgraph.scene().boxes;
            const l = Math.min(...b.map(x => x.x)), r = Math.max(...b.map(x => x.x + x.w));
            const t = Math.min(...b.map(x => x.y)), d = Math.max(...b.map(x => x.y + x.h));
            return [r - l, d - t]; })()"""
    )
    assert len(chart.drawn()) == 120
    assert width / height < 3


def test_an_overview_of_twenty_thousand_bodies_expands_on_click(
    render_model: Render, open_chart: Open
) -> None:
    lines = ["bodies:"]
    for c in range(100):
        lines.append(f"  - {{id: c{c}, name: Council {c}, kind: council}}")
        for b in range(199):
            parent = f"c{c}" if b < 9 else f"c{c}-{b % 9}"
            lines.append(
                f"  - {{id: c{c}-{b}, name: Body {b} of council {c}, reports_to: [{{body: {parent}}}]}}"
            )
    chart = open_chart(render_model({"b.yaml": "\n".join(lines) + "\n"}, members=False))
    assert len(chart.data["nodes"]) == 20000
    assert chart.drawn() == sorted(f"c{c}" for c in range(100))  # one box a council
    assert chart.box("c7")["meta"].startswith("▸ 200 bodies")  # type: ignore[index]
    chart.click_node("c7")
    assert len(chart.drawn()) == 100 + 199
    assert chart.selected() == ["c7"] and "c7-198" in chart.drawn()
    chart.click_node("c7")  # collapses again
    assert len(chart.drawn()) == 100
    chart.page.fill("#search", "body 5 of council 42")  # search opens the path to it
    chart.page.press("#search", "Enter")
    assert chart.selected() == ["c42-5"]
    chart.assert_quiet()


def test_two_thousand_bodies_draw_at_once(render_model: Render, open_chart: Open) -> None:
    lines = ["bodies:", "  - {id: root, name: Root, root: true}"]
    lines += [f"  - {{id: b{i}, name: Board {i}, reports_to: [{{body: root}}]}}" for i in range(40)]
    lines += [
        f"  - {{id: g{i}, name: Group {i}, reports_to: [{{body: b{i % 40}}}]}}" for i in range(1959)
    ]
    chart = open_chart(render_model({"b.yaml": "\n".join(lines) + "\n"}, whole=True))
    assert len(chart.drawn()) == 2000
    assert chart.js("govgraph.scene().lines.length") == 1999
    # Every panel works at this size: search (with its suggestions), details, the text view.
    chart.page.focus("#search")
    assert chart.page.locator("#search-names option").count() == 2000
    chart.page.fill("#search", "Group 1958")
    chart.page.press("#search", "Enter")
    assert chart.selected() == ["g1958"]
    panel = chart.page.locator("#details-body")
    assert "Board 38 (both ways, no report recorded)" in panel.inner_text()
    last = chart.page.locator('#text-view tr[data-node="g1958"]')
    last.scroll_into_view_if_needed()  # laid out only once near the screen, then as any row
    expect(last).to_contain_text("Group 1958 (g1958)", use_inner_text=True)
    assert chart.page.locator("#text-view table").count() == 20
    chart.assert_quiet()


def test_on_a_phone_the_chart_comes_first(render_model: Render, browser: Browser) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        page.goto(render_model(MODEL).resolve().as_uri())
        page.wait_for_selector("#network[data-ready=true]")
        chart = page.locator("#network").bounding_box()
        controls = page.locator("#controls-fold").bounding_box()
        assert chart and controls and chart["y"] < controls["y"]
        assert chart["y"] + chart["height"] < 844  # all of it on the first screen
        assert page.locator("nav.controls").is_hidden()  # folded away
        page.click("#controls-fold summary")
        assert page.locator("#search").is_visible()
        assert page.evaluate("govgraph.labelSize()") >= 8  # readable, to pan from
        # The text view as cards: each cell as wide as the card, words whole.
        cell = page.locator('#text-view tr[data-node="hwb"] td').nth(4)
        box = cell.bounding_box()
        assert box and box["width"] > 300
    finally:
        page.close()


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
