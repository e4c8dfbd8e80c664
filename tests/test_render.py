"""The chart's library side: which bodies it draws, where, how, and that it is safe and offline."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from support import EXAMPLE, embedded

from govgraph import build_graph, load
from govgraph.audit import audit
from govgraph.errors import GovgraphError
from govgraph.render import html as render_html
from govgraph.render import render_chart
from govgraph.render.screen import from_layout
from govgraph.render.tiers import chart_layout

ON = date(2023, 7, 7)

SMALL = {
    "govgraph.yaml": "name: Test county\n",
    "organisations.yaml": """
        organisations:
          - {id: wcc, name: Worcestershire County Council, tags: [upper-tier]}
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
          - id: voice-panel
            name: Voice panel
            kind: panel
            reports_to: [{body: hwb, direction: down}]
          - id: old-board
            name: Old board
            kind: board
            dissolved: 2019-09-28
            reports_to: [{body: council}]
          - {id: youth, name: Youth Cabinet, kind: cabinet}
        """,
}


def chart(html: str) -> dict[str, Any]:
    """The JSON data embedded in a rendered chart: what it draws, and its details after that."""
    return embedded(html, "govgraph-data") | embedded(html, "govgraph-details")


def nodes(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every node by id: the bodies, then the members (read by the page after drawing)."""
    return {n["id"]: n for n in data["nodes"] + data["member_nodes"]}


def boxes(data: dict[str, Any]) -> dict[str, tuple[int, int, int]]:
    """Where the page draws each body: (x, y) of its box's top-left, and its tier."""
    return {
        box[0]: (block[1] + box[1], block[2] + box[2], box[3])
        for block in data["layout"]["blocks"]
        for box in block[5]
    }


def read(data: dict[str, Any], layout: str, rows: list[list[Any]]) -> list[dict[str, Any]]:
    """Rows of the data read by the layout the data gives (``fields``), as the page reads them."""
    names = data["fields"][layout]
    assert all(len(row) <= len(names) for row in rows)
    return [{k: v for k, v in zip(names, row, strict=False) if v is not None} for row in rows]


def members_of(data: dict[str, Any], body: str) -> list[dict[str, Any]]:
    """A body's memberships, from the memberships table."""
    table = {body_id: rows for body_id, rows in data["memberships"]}
    return read(data, "membership", table.get(body, []))


def member_links(data: dict[str, Any]) -> list[tuple[str, str, str]]:
    """The member links the page draws: (id, member, body) for each membership of a drawn body."""
    if not data["meta"]["members"]:
        return []
    drawn = {n["id"] for n in data["nodes"]}
    return [
        (f"member:{body}:{i}", row[0], body)
        for body, rows in data["memberships"]
        if body in drawn
        for i, row in enumerate(rows)
    ]


def name_of(data: dict[str, Any], entity: str) -> str:
    """What the page calls an entity: a node names itself, anything else is in names."""
    node = nodes(data).get(entity)
    return str(node["name"] if node else data["names"][entity][0])


@pytest.fixture
def draw(model_dir: Callable[..., Path]) -> Callable[..., str]:
    """``draw(files, **options)`` renders a model written from ``files`` on :data:`ON`."""

    def make(
        files: dict[str, str],
        *,
        only_orphans: bool = True,
        checks: list[str] | None = None,
        **options: Any,
    ) -> str:
        model = load(model_dir(files))
        graph = build_graph(model)
        select = checks if checks is not None else ["orphaned-body"] if only_orphans else []
        return render_chart(audit(model, graph, on=ON, select=select), graph, **options)

    return make


# --- layout ---------------------------------------------------------------------------------


def test_the_page_draws_the_tiered_layout_the_paper_draws(
    draw: Callable[..., str], model_dir: Callable[..., Path]
) -> None:
    data = chart(draw(SMALL))
    model = load(model_dir(SMALL, name="again"))
    bodies = [n["id"] for n in data["nodes"]]
    assert data["layout"] == from_layout(chart_layout(model, bodies), overview=False)
    placed = boxes(data)
    assert placed["council"][2] == placed["youth"][2] == 0  # tops: youth reports to nothing
    assert placed["hwb"][2] == placed["old-board"][2] == 1
    assert placed["data-group"][2] == placed["voice-panel"][2] == 2
    assert placed["council"][1] < placed["hwb"][1] < placed["data-group"][1]
    assert {n["id"]: n["tier"] for n in data["nodes"]} == {b: t for b, (_, _, t) in placed.items()}


def test_a_reporting_cycle_still_lays_out(draw: Callable[..., str]) -> None:
    files = {
        "b.yaml": """
            bodies:
              - {id: top, name: Top, root: true}
              - {id: a, name: A, reports_to: [{body: top}, {body: b}]}
              - {id: b, name: B, reports_to: [{body: a}]}
              - {id: self, name: Self, reports_to: [{body: self}, {body: top}]}
            """
    }
    placed = boxes(chart(draw(files)))
    assert sorted(placed) == ["a", "b", "self", "top"]
    assert placed["top"][2] == 0 and {placed["a"][2], placed["b"][2]} == {1, 2}


def test_a_large_view_opens_on_its_overview(draw: Callable[..., str]) -> None:
    big = big_model()
    data = chart(draw(big))
    assert len(data["nodes"]) == 366  # every body: the page can carry them all
    assert data["layout"]["overview"] is True
    assert data["meta"]["partial"] is False
    assert chart(draw(big, whole=True))["layout"]["overview"] is False  # --all: expanded
    assert chart(draw(SMALL))["layout"]["overview"] is False
    rows = chart(draw(big))["layout"]["rows"]
    assert sorted(i for row in rows for i in row) == list(range(len(data["layout"]["blocks"])))


def test_the_same_model_gives_the_same_bytes(
    draw: Callable[..., str], model_dir: Callable[..., Path]
) -> None:
    first = draw(SMALL)
    again = load(model_dir(SMALL, name="copy"))  # a fresh load from a different folder
    graph = build_graph(again)
    second = render_chart(audit(again, graph, on=ON, select=["orphaned-body"]), graph)
    assert first == second


# --- what is drawn ------------------------------------------------------------------------------


def test_reporting_lines_show_their_direction(draw: Callable[..., str]) -> None:
    edges = chart(draw(SMALL))["edges"]
    # One edge per line (child -> parent), not a reports edge and a feedback edge; the
    # page draws arrows, dashes, labels and tooltips from the direction and the body's
    # line (checked in the browser tests). ``line``: its place in the body's reports_to.
    assert edges == [
        {"from": "hwb", "to": "council", "direction": "both", "line": 0},
        {"from": "data-group", "to": "hwb", "direction": "up", "line": 0},
        {"from": "voice-panel", "to": "hwb", "direction": "down", "line": 0},
        {"from": "old-board", "to": "council", "direction": "both", "line": 0},
    ]


def test_members_come_after_what_drawing_needs_or_not_at_all(draw: Callable[..., str]) -> None:
    html = draw(SMALL)
    shown = chart(html)
    assert {n["entity"] for n in shown["member_nodes"]} == {"organisation", "post"}
    assert {n["entity"] for n in shown["nodes"]} == {"body"}
    assert member_links(shown) == [
        ("member:hwb:0", "wcc", "hwb"),
        ("member:hwb:1", "ccg", "hwb"),
        ("member:hwb:2", "icb", "hwb"),
        ("member:hwb:3", "dcs", "hwb"),
    ]
    # Drawn only when asked for: read with the details, after the bodies are drawn.
    first = embedded(html, "govgraph-data")
    assert "memberships" not in first and "member_nodes" not in first
    ended = members_of(shown, "hwb")[1]
    assert (ended["member"], ended["from"], ended["to"]) == ("ccg", "2019-01-01", "2022-06-30")
    assert nodes(shown)["hwb"]["seats"] == 3  # counted on its box: current on 2023-07-07
    hidden = chart(draw(SMALL, members=False))
    assert hidden["member_nodes"] == []
    assert member_links(hidden) == []
    assert [m["member"] for m in members_of(hidden, "hwb")] == ["wcc", "ccg", "icb", "dcs"]
    assert "organisation" not in {entry["kind"] for entry in hidden["legend"]}


def test_other_names_and_whom_a_member_sits_for_are_carried(draw: Callable[..., str]) -> None:
    files = dict(SMALL)
    files["more.yaml"] = """
        bodies:
          - id: cyp
            name: Children's Partnership
            other_names: [CYP Partnership, "Children & Young People's Board"]
            reports_to: [{body: council}]
            members: [{member: dcs, on_behalf_of: wcc}]
        """
    html = draw(files)
    data = chart(html)
    assert nodes(data)["cyp"]["aka"] == ["CYP Partnership", "Children & Young People's Board"]
    assert members_of(data, "cyp") == [{"member": "dcs", "on_behalf_of": "wcc"}]
    assert "on behalf of <bdi>Worcestershire County Council</bdi>" in html


def test_every_dated_thing_carries_its_dates_for_the_slider(draw: Callable[..., str]) -> None:
    data = chart(draw(SMALL))
    placed = nodes(data)
    assert placed["old-board"]["end"] == "2019-09-28"
    assert placed["icb"]["start"] == "2022-07-01"
    assert "start" not in placed["council"] and "end" not in placed["council"]  # open: left out
    assert data["meta"]["first_day"] == "2019-01-01"
    assert data["meta"]["last_day"] == "2023-07-07"  # the as-of date is later than any date
    assert data["meta"]["as_of"] == "2023-07-07"


def test_bodies_with_findings_are_marked(draw: Callable[..., str]) -> None:
    data = chart(draw(SMALL))
    placed = nodes(data)
    youth = placed["youth"]
    # The page writes "⚠ 1 error" under its name (checked in the browser tests).
    assert (youth["severity"], youth["errors"]) == ("error", 1)
    assert "warnings" not in youth
    assert data["look"]["marks"]["error"]["width"] > 1  # drawn with a thick red border
    assert "severity" not in placed["council"] and "errors" not in placed["council"]
    [finding] = data["findings"]
    assert (finding["check"], finding["node"]) == ("orphaned-body", "youth")
    assert (finding["file"], finding["line"]) == ("bodies.yaml", 27)
    assert data["details"]["youth"]["findings"] == [0]


def test_details_hold_members_chair_and_lines(draw: Callable[..., str]) -> None:
    data = chart(draw(SMALL))
    hwb = data["details"]["hwb"]
    chair = next(m for m in members_of(data, "hwb") if m.get("role") == "chair")
    assert name_of(data, chair["member"]) == "Worcestershire County Council"
    assert next(m for m in members_of(data, "hwb") if m["member"] == "dcs")
    # A post's holders are listed once, whichever bodies it sits on.
    holders = read(data, "holder", data["holders"]["dcs"])
    assert [name_of(data, h["person"]) for h in holders] == ["Jo Bloggs"]
    assert read(data, "line", hwb["reports_to"]) == [
        {"body": "council", "frequency": "annually", "last_reported": "2022-07-14"}
    ]
    assert read(data, "line", hwb["reported_by"]) == [
        {"body": "data-group", "direction": "up"},
        {"body": "voice-panel", "direction": "down"},
    ]
    # What a node says is not repeated in its details; what is not drawn is named once.
    assert nodes(data)["ccg"] == {
        "id": "ccg",
        "kind": "organisation",
        "entity": "organisation",
        "name": "Old CCG",
        "end": "2022-06-30",
    }
    assert data["names"] == {"jo": ["Jo Bloggs"]}  # holds a drawn post, sits on nothing


def test_the_legend_lists_the_kinds_drawn(draw: Callable[..., str]) -> None:
    legend = {entry["kind"]: entry["count"] for entry in chart(draw(SMALL))["legend"]}
    assert legend == {
        "council": 1,
        "cabinet": 1,
        "board": 2,
        "sub-group": 1,
        "panel": 1,
        "organisation": 3,
        "post": 1,
    }


# --- what the page carries: everything it shows, nothing more ----------------------------------


def empty_fields(value: Any, where: str = "") -> list[str]:
    """Where ``value`` holds a field that is empty or at its default (the data leaves those
    out), or a row that ends in an empty field (rows leave those off)."""
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            if item in (None, "", [], {}) or (
                isinstance(item, str | bool) and (key, item) in DEFAULTS
            ):
                found.append(f"{where}.{key}={item!r}")
            found += empty_fields(item, f"{where}.{key}")
    elif isinstance(value, list):
        if value and value[-1] is None:
            found.append(f"{where}[-1]=None")
        for index, item in enumerate(value):
            if item in ("", [], {}) or item in ("member", "both"):  # a row's empty or default
                found.append(f"{where}[{index}]={item!r}")
            found += empty_fields(item, f"{where}[{index}]")
    return found


DEFAULTS = {("role", "member"), ("voting", True), ("root", False)}


def test_the_embedded_data_leaves_out_empty_and_default_fields(draw: Callable[..., str]) -> None:
    # Each of these fields, spelled out empty for every membership of a 2,000-body chart,
    # once made its page 17 MB; the page reads a missing field as empty.
    files = dict(SMALL)
    files["more.yaml"] = """
        bodies:
          - {id: cyp, name: CYP, reports_to: [{body: council}],
             members: [{member: dcs, role: member, voting: true, note: ""}]}
        """
    data = chart(draw(files))
    for part in ("details", "holders", "names", "nodes", "findings", "memberships"):
        assert empty_fields(data[part]) == [], part
    # ... while what is set is all there.
    assert members_of(data, "hwb")[1] == {"member": "ccg", "from": "2019-01-01", "to": "2022-06-30"}
    assert members_of(data, "cyp") == [{"member": "dcs"}]
    assert data["details"]["council"]["root"] is True


def test_a_post_held_on_many_bodies_lists_its_holders_once(draw: Callable[..., str]) -> None:
    files = dict(SMALL)
    files["more.yaml"] = """
        bodies:
          - {id: cyp, name: Children's Partnership, reports_to: [{body: council}],
             members: [{member: dcs, role: chair}, {member: wcc, voting: false}]}
        """
    data = chart(draw(files, members=False))
    assert data["holders"] == {"dcs": [["jo", "2019-01-01"]]}
    assert members_of(data, "cyp") == [
        {"member": "dcs", "role": "chair"},
        {"member": "wcc", "voting": False},
    ]
    html = draw(files, members=False)
    assert (
        "<bdi>Director of Children&#x27;s Services</bdi> (held by <bdi>Jo Bloggs</bdi>): chair"
        in html
    )


def busy_model(bodies: int = 60, seats: int = 12, top: str = "council") -> dict[str, str]:
    """``bodies`` boards under one council (``top``), each with ``seats`` dated memberships
    of people (some chairs, some ended) and posts held by those people."""
    people = [f"  - {{id: p{i}, name: Councillor Person Number {i}}}" for i in range(bodies * 2)]
    posts = [
        f"  - {{id: post{i}, title: Lead Officer {i}, holders: [{{person: p{i}, from: 2019-01-01}}]}}"
        for i in range(bodies)
    ]
    lines = ["bodies:", f"  - {{id: {top}, name: County Council, kind: council, root: true}}"]
    for b in range(bodies):
        members = ", ".join(
            f"{{member: p{(b + s) % (bodies * 2)}, from: 2020-0{1 + s % 9}-01"
            + (", role: chair" if s == 0 else "")
            + (", to: 2022-12-31" if s % 3 == 0 else "")
            + "}"
            for s in range(seats - 1)
        )
        lines.append(
            f"  - {{id: board-{b}, name: Partnership Board Number {b}, kind: board, "
            f"reports_to: [{{body: {top}, frequency: quarterly, last_reported: 2023-01-0{1 + b % 9}}}], "
            f"members: [{members}, {{member: post{b}, from: 2021-01-01}}]}}"
        )
    return {
        "people.yaml": "people:\n" + "\n".join(people) + "\nposts:\n" + "\n".join(posts) + "\n",
        "bodies.yaml": "\n".join(lines) + "\n",
    }


def test_the_embedded_data_stays_small(draw: Callable[..., str]) -> None:
    """What the page can say from data it has is not written out: no sentence per link,
    each membership once, as a row. (The chart of 50 councils was 27 MB when each link
    carried its tooltip and each membership was written three times; now 9 MB.)"""
    html = draw(busy_model(), whole=True)
    parts = [
        re.search(rf'id="{part}">(.*?)</script>', html, re.S).group(1)  # type: ignore[union-attr]
        for part in ("govgraph-data", "govgraph-details")
    ]
    data = chart(html)
    memberships = sum(len(rows) for _, rows in data["memberships"])
    assert memberships == 60 * 12 and len(member_links(data)) == memberships
    size = sum(len(part.encode()) for part in parts)
    # About 90 bytes per membership (its row, and its share of the nodes, names and
    # details); 414 when each link carried its tooltip and each membership came three times.
    assert size / memberships < 120, f"{size} bytes for {memberships} memberships"
    embedded_text = "".join(parts)
    for sentence in ("reports to", "frequency:", "memberships in the model", " of Partnership"):
        assert sentence not in embedded_text  # tooltips are written by the page
    assert embedded_text.count('Partnership Board Number 7"') == 1  # each name once


def test_the_same_model_gives_the_same_bytes_in_any_process(
    model_dir: Callable[..., Path], tmp_path: Path
) -> None:
    """Byte-identical whatever Python's hash seed (sets and dicts of text are ordered by it)."""
    folder = model_dir(FINDINGS | busy_model(bodies=5, seats=4, top="county"))
    script = (
        "import sys; from govgraph import load, build_graph; from govgraph.audit import audit;"
        "from govgraph.render import render_chart; from datetime import date;"
        "m = load(sys.argv[1]); g = build_graph(m);"
        "sys.stdout.write(render_chart(audit(m, g, on=date(2023, 7, 7)), g, whole=True))"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", script, str(folder)],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        for seed in ("1", "2")
    ]
    assert [run.returncode for run in runs] == [0, 0], runs[0].stderr
    assert "County Council" in runs[0].stdout and runs[0].stdout == runs[1].stdout


FINDINGS = {
    "govgraph.yaml": "name: Findings\nmany_roles: 2\n",
    "m.yaml": """
        organisations:
          - {id: busy, name: Busy Org}
          - {id: idle, name: Idle Org}
        people:
          - {id: pat, name: Pat Lead}
        posts:
          - {id: lead, title: Lead officer, holders: [{person: pat, from: 2020-01-01}]}
        bodies:
          - {id: council, name: Council, root: true, members: [{member: busy}, {member: lead}]}
          - id: hwb
            name: HWB
            reports_to: [{body: council}]
            members: [{member: busy}, {member: lead}]
          - {id: cyp, name: CYP, reports_to: [{body: council}], members: [{member: busy}, {member: lead}]}
          - {id: lost, name: Lost panel}
        """,
}


def test_only_findings_about_what_the_chart_shows_are_embedded(draw: Callable[..., str]) -> None:
    checks = ["orphaned-body", "many-roles"]
    everything = chart(draw(FINDINGS, checks=checks))
    assert {(f["check"], f["subject"]) for f in everything["findings"]} == {
        ("orphaned-body", "lost"),
        ("many-roles", "busy"),
        ("many-roles", "pat"),  # her seats come through the post she holds
    }
    html = draw(FINDINGS, checks=checks, focus="hwb", up=0, down=0, members=False)
    focused = chart(html)
    # Findings about hwb's members stay (its details list them: the member, and the holder
    # of a post that is a member), though neither is drawn; the finding about a body
    # outside the view is left out, and the page says so.
    assert [(f["subject"], "node" in f) for f in focused["findings"]] == [
        ("busy", False),
        ("pat", False),
    ]
    assert focused["meta"]["counts"]["findings_elsewhere"] == 1
    assert "1 more finding in the model is about what this chart does not show" in html
    assert "(1 more about the rest of the model)" in html
    assert "Lost panel" not in html
    # Names: each entity the drawn details or findings refer to, no more (a drawn one is
    # named by its node).
    assert set(focused["names"]) == {"council", "busy", "lead", "pat"}
    assert [n["id"] for n in focused["nodes"]] == ["hwb"]
    shown = chart(draw(FINDINGS, checks=checks, focus="hwb", up=0, down=0))
    assert [f.get("node") for f in shown["findings"]] == ["busy", None]
    assert shown["details"]["busy"]["findings"] == [0]


def test_a_long_text_view_comes_in_parts_of_a_hundred_rows(draw: Callable[..., str]) -> None:
    html = draw(big_model(), whole=True)
    parsed = Tags()
    parsed.feed(html)
    tables = [attrs for tag, attrs in parsed.tags if tag == "table"]
    assert len(tables) == 4  # 366 bodies
    assert [t.get("aria-label") for t in tables] == [
        None,
        "Bodies 101 to 200",
        "Bodies 201 to 300",
        "Bodies 301 to 366",
    ]
    rows = [
        attrs["data-node"] for tag, attrs in parsed.tags if tag == "tr" and "data-node" in attrs
    ]
    assert rows == [n["id"] for n in chart(html)["nodes"]]
    assert html.count("<caption>") == 1


# --- choosing a view ----------------------------------------------------------------------------


def drawn_bodies(html: str) -> set[str]:
    return {n["id"] for n in chart(html)["nodes"] if n["entity"] == "body"}


def test_focus_draws_a_body_with_levels_up_and_down(draw: Callable[..., str]) -> None:
    assert drawn_bodies(draw(SMALL, focus="hwb", up=0, down=1)) == {
        "hwb",
        "data-group",
        "voice-panel",
    }
    assert drawn_bodies(draw(SMALL, focus="data-group", up=1, down=0)) == {"data-group", "hwb"}
    everything = drawn_bodies(draw(SMALL, focus="data-group"))
    assert everything == {"data-group", "hwb", "council"}
    data = chart(draw(SMALL, focus="Health and Wellbeing Board", up=0, down=0))
    assert data["meta"]["focus"] == "hwb"  # a name is accepted; the page focuses the id
    assert "Health and Wellbeing Board" in data["meta"]["view"]


def test_edges_to_bodies_outside_the_view_are_not_drawn(draw: Callable[..., str]) -> None:
    data = chart(draw(SMALL, focus="hwb", up=0, down=1, members=False))
    assert {(e["from"], e["to"]) for e in data["edges"]} == {
        ("data-group", "hwb"),
        ("voice-panel", "hwb"),
    }
    # The details still name the line to the body left out (it is not a node).
    [line] = read(data, "line", data["details"]["hwb"]["reports_to"])
    assert name_of(data, line["body"]) == "Full Council"
    assert "council" not in {n["id"] for n in data["nodes"]}


def test_an_explicit_selection_is_drawn_exactly(draw: Callable[..., str]) -> None:
    assert drawn_bodies(draw(SMALL, bodies={"youth", "council"})) == {"youth", "council"}


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"focus": "hbw"}, "there is no body 'hbw' (did you mean 'hwb'?)"),
        ({"focus": "wcc"}, "'wcc' is an organisation, not a body"),
        ({"up": 1}, "--up needs --focus"),
        ({"bodies": {"council", "nope"}}, "there is no body 'nope'"),
        ({"focus": "hwb", "whole": True}, "choose one"),
    ],
)
def test_a_wrong_view_is_refused_clearly(
    draw: Callable[..., str], options: dict[str, Any], message: str
) -> None:
    with pytest.raises(GovgraphError, match=re.escape(message)):
        draw(SMALL, **options)


def big_model(groups: int = 8) -> dict[str, str]:
    """1 root, 5 boards, 5*groups sub-groups, 5*groups*groups panels (366 bodies at 8)."""
    lines = ["bodies:", "  - {id: root, name: County Council, kind: council, root: true}"]
    for b in range(5):
        lines.append(
            f"  - {{id: b{b}, name: Board {b}, kind: board, reports_to: [{{body: root}}]}}"
        )
        for g in range(groups):
            lines.append(f"  - {{id: g{b}-{g}, name: Group {b}.{g}, reports_to: [{{body: b{b}}}]}}")
            for p in range(groups):
                lines.append(
                    f"  - {{id: p{b}-{g}-{p}, name: Panel {b}.{g}.{p}, kind: panel, "
                    f"reports_to: [{{body: g{b}-{g}}}]}}"
                )
    return {"bodies.yaml": "\n".join(lines) + "\n"}


def test_down_still_draws_the_tops_and_levels_below(draw: Callable[..., str]) -> None:
    html = draw(big_model(), down=1)
    assert len(drawn_bodies(html)) == 1 + 5  # the root and one level below
    assert "the tops of the structure and 1 level below: 6 of 366 bodies" in html


# --- safe and offline -----------------------------------------------------------------------------


class Tags(HTMLParser):
    """Every start tag and the text of every script element, as a browser would parse them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


HOSTILE_NAME = "</script><script>alert(1)</script><img src=x onerror=alert(2)> {{chart_js}}"
HOSTILE = {
    "govgraph.yaml": "name: \"<script>alert('title')</script>\"\n",
    "m.yaml": f"""
        organisations:
          - id: evil-org
            name: "<img src=x onerror=alert(3)> & \\u2028 \\"quoted\\" 'single'"
            tags: ["<script>alert(4)</script>", "javascript:alert(5)"]
        bodies:
          - {{id: council, name: "javascript:alert(6)", root: true}}
          - id: hostile
            name: {json.dumps(HOSTILE_NAME)}
            short_name: "<!-- <script>"
            reports_to: [{{body: council}}]
            members:
              - {{member: evil-org, note: "</SCRIPT><svg onload=alert(7)>"}}
        """,
}


def test_model_text_cannot_break_out_of_the_page(draw: Callable[..., str]) -> None:
    html = draw(HOSTILE)
    parsed = Tags()
    parsed.feed(html)
    assert [tag for tag, _ in parsed.tags if tag in ("img", "svg")] == []
    scripts = [attrs.get("type") for tag, attrs in parsed.tags if tag == "script"]
    # The drawing's data, vis-network, the chart's script, then the details' data.
    assert scripts == ["application/json", None, None, "application/json"]
    data = json.loads(parsed.scripts[0]) | json.loads(parsed.scripts[3])
    assert name_of(data, "hostile") == HOSTILE_NAME
    assert data["details"]["evil-org"]["tags"] == [
        "<script>alert(4)</script>",
        "javascript:alert(5)",
    ]
    assert members_of(data, "hostile")[0]["note"] == "</SCRIPT><svg onload=alert(7)>"
    for part in (parsed.scripts[0], parsed.scripts[3]):
        assert "\u2028" not in part and "<" not in part
    # The text view and headings show the characters, escaped.
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<title>&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;</title>" in html
    # Placeholders in model text are not filled in.
    assert html.count(render_html.vis_network_js()[:200]) == 1


def test_the_page_fetches_nothing_and_allows_only_its_own_scripts(
    draw: Callable[..., str],
) -> None:
    html = draw(SMALL)
    parsed = Tags()
    parsed.feed(html)
    for tag, attrs in parsed.tags:
        assert "src" not in attrs, f"<{tag}> loads {attrs['src']}"
        assert tag not in ("link", "iframe", "object", "embed", "base", "form")
    [csp] = [a["content"] for t, a in parsed.tags if t == "meta" and a.get("http-equiv")]
    assert csp is not None
    assert csp.startswith("default-src 'none'; ")
    assert "img-src data: blob:" in csp and "connect-src" not in csp
    executable = [s for s, (t, a) in zip(parsed.scripts, _scripts(parsed), strict=True) if not t]
    assert len(executable) == 2
    for source in executable:
        digest = base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert "unsafe-inline" not in csp.split("script-src", 1)[1].split(";", 1)[0]
    assert '<meta name="generator" content="govgraph ' in html[:500]


def _scripts(parsed: Tags) -> list[tuple[str | None, dict[str, str | None]]]:
    return [(a.get("type"), a) for t, a in parsed.tags if t == "script"]


def test_a_missing_vis_network_is_a_clear_error(
    draw: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> None:
    render_html.vis_network_js.cache_clear()
    monkeypatch.setattr(render_html, "VIS_PLACES", ("nowhere/vis-network.min.js",))
    try:
        with pytest.raises(GovgraphError, match="vis-network 9.1.2's JavaScript was not found"):
            draw(SMALL)
    finally:
        render_html.vis_network_js.cache_clear()


def test_inline_scripts_cannot_end_their_element() -> None:
    source = 'var a = "</script>", b = "<!--", c = "</SCRIPT >";'
    safe = render_html.inline_script(source)
    assert "</script" not in safe.lower() and "<!--" not in safe
    assert safe == 'var a = "<\\/script>", b = "<\\!--", c = "<\\/SCRIPT >";'


def test_a_finding_with_a_fix_shows_the_command_that_applies_it(tmp_path: Path) -> None:
    from govgraph.cli import run  # the command line, as an officer runs it

    target = tmp_path / "chart.html"
    assert run(["render", str(EXAMPLE), "--as-of", "2026-11-28", "-o", str(target)]) == 0
    page = target.read_text(encoding="utf-8")
    commands = re.findall(
        r'<p class="fix">(Fix[^:]*): <code class="fix-command">(.*?)</code>', page
    )
    written = [(label, re.sub(r"</?span>", "", words)) for label, words in commands]
    assert all(command.startswith("govgraph fix ") for _, command in written)
    assert any(
        label == "Fix"
        and command.endswith("--select departed-member --only corporate-parenting/cllr-derek-lowe")
        for label, command in written
    )
    unsafe = [command for label, command in written if label == "Fix (needs judgement)"]
    assert unsafe and all(command.endswith(" --unsafe-fixes") for command in unsafe)
