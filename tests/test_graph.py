"""The graph: nodes, two-way reporting edges, membership edges, and the as-of queries."""

from __future__ import annotations

import gc
from datetime import date
from pathlib import Path

import networkx as nx
import pytest

import govgraph
from govgraph.graph import (
    children,
    current_members,
    hierarchy,
    parents,
    post_holders,
    reporting_chains,
    seats_of,
    sub_bodies,
)

EXAMPLE = Path(__file__).resolve().parent.parent / "models" / "worcestershire"

MODEL = {
    "orgs.yaml": """\
        organisations:
          - {id: wcc, name: County Council}
          - {id: ccg, name: Old CCG, dissolved: 2022-06-30, succeeded_by: icb}
          - {id: icb, name: New ICB, established: 2022-07-01}
        people:
          - {id: jo, name: Jo}
          - {id: sam, name: Sam}
        posts:
          - id: dcs
            title: Director of Children's Services
            organisation: wcc
            holders:
              - {person: jo, from: 2019-01-01, to: 2021-12-31}
              - {person: sam, from: 2022-01-01}
        """,
    "bodies.yaml": """\
        bodies:
          - {id: council, name: Full Council, root: true}
          - id: hwb
            name: Health and Wellbeing Board
            reports_to: [{body: council}]
            members:
              - {member: dcs, role: chair}
              - {member: ccg, to: 2022-06-30}
              - {member: icb, from: 2022-07-01}
          - id: scrutiny
            name: Scrutiny Panel
            reports_to: [{body: council}]
          - id: wscp
            name: Safeguarding Partnership
            predecessor: wscb
            reports_to:
              - {body: hwb}
              - {body: scrutiny, direction: up}
            members: [{member: jo, from: 2019-01-01}]
          - id: qa
            name: QA Group
            reports_to: [{body: wscp, direction: down}]
          - id: wscb
            name: Old Board
            dissolved: 2019-09-28
            reports_to: [{body: hwb}]
        """,
}


@pytest.fixture
def graph(model_dir):  # type: ignore[no-untyped-def]
    return govgraph.build_graph(govgraph.load(model_dir(MODEL)))


def relations(graph: nx.MultiDiGraph, u: str, v: str) -> set[str]:
    return {data["relation"] for data in graph.get_edge_data(u, v, default={}).values()}


def test_every_entity_is_a_typed_node(graph) -> None:  # type: ignore[no-untyped-def]
    types = {node: data["type"] for node, data in graph.nodes(data=True)}
    assert types["hwb"] == "body"
    assert types["wcc"] == "organisation"
    assert types["dcs"] == "post"
    assert types["jo"] == "person"
    assert graph.nodes["hwb"]["name"] == "Health and Wellbeing Board"


def test_reporting_lines_run_both_ways_unless_direction_says_otherwise(graph) -> None:  # type: ignore[no-untyped-def]
    assert relations(graph, "hwb", "council") == {"reports"}
    assert relations(graph, "council", "hwb") == {"feedback"}
    assert relations(graph, "wscp", "scrutiny") == {"reports"}
    assert relations(graph, "scrutiny", "wscp") == set()  # up only: no feedback
    assert relations(graph, "qa", "wscp") == set()  # down only: no report
    assert relations(graph, "wscp", "qa") == {"feedback"}


def test_memberships_holders_and_successions_are_edges(graph) -> None:  # type: ignore[no-untyped-def]
    member_edges = graph.get_edge_data("dcs", "hwb")
    (data,) = member_edges.values()
    assert data["relation"] == "member" and data["membership"].role == "chair"
    assert relations(graph, "jo", "dcs") == {"holds"}
    assert relations(graph, "ccg", "icb") == {"succeeded_by"}
    assert relations(graph, "wscp", "wscb") == {"predecessor"}


def test_post_holder_follows_the_date(graph) -> None:  # type: ignore[no-untyped-def]
    assert post_holders(graph, "dcs", date(2021, 12, 31)) == ["jo"]
    assert post_holders(graph, "dcs", date(2022, 1, 1)) == ["sam"]
    assert post_holders(graph, "dcs", date(2018, 12, 31)) == []


def test_current_members_resolve_posts_to_holders(graph) -> None:  # type: ignore[no-untyped-def]
    on_last_ccg_day = {s.member: s.people for s in current_members(graph, "hwb", date(2022, 6, 30))}
    assert on_last_ccg_day == {"dcs": ("sam",), "ccg": ()}
    next_day = {s.member for s in current_members(graph, "hwb", date(2022, 7, 1))}
    assert next_day == {"dcs", "icb"}


def test_reporting_chains_reach_every_root_path(graph) -> None:  # type: ignore[no-untyped-def]
    chains = reporting_chains(graph, "wscp", date(2023, 1, 1))
    assert chains == [["wscp", "hwb", "council"], ["wscp", "scrutiny", "council"]]
    assert reporting_chains(graph, "council", date(2023, 1, 1)) == [["council"]]
    # A dissolved body has no chain on a date after it ended.
    assert reporting_chains(graph, "wscb", date(2023, 1, 1)) == []
    assert reporting_chains(graph, "wscb", date(2019, 9, 28)) == [["wscb", "hwb", "council"]]


def test_parents_children_and_sub_bodies(graph) -> None:  # type: ignore[no-untyped-def]
    day = date(2023, 1, 1)
    assert sorted(p for p, _ in parents(graph, "wscp", day)) == ["hwb", "scrutiny"]
    assert sorted(c for c, _ in children(graph, "hwb", day)) == ["wscp"]
    assert sub_bodies(graph, "council", day) == {"hwb", "scrutiny", "wscp", "qa"}
    assert sub_bodies(graph, "council", day, depth=1) == {"hwb", "scrutiny"}
    assert "wscb" in sub_bodies(graph, "hwb", date(2019, 1, 1))
    assert "wscb" not in sub_bodies(graph, "hwb", day)


def test_seats_of_a_person_include_their_posts(graph) -> None:  # type: ignore[no-untyped-def]
    jo_2020 = {(s.body, s.member) for s in seats_of(graph, "jo", date(2020, 6, 1))}
    assert jo_2020 == {("hwb", "dcs"), ("wscp", "jo")}
    sam_2023 = {(s.body, s.member) for s in seats_of(graph, "sam", date(2023, 6, 1))}
    assert sam_2023 == {("hwb", "dcs")}
    assert [s.body for s in seats_of(graph, "ccg", date(2022, 7, 1))] == []


def test_hierarchy_is_a_date_view(graph) -> None:  # type: ignore[no-untyped-def]
    assert hierarchy(graph, date(2019, 1, 1)).has_edge("wscb", "hwb")
    assert "wscb" not in hierarchy(graph, date(2020, 1, 1))


def test_example_model_loads_and_graphs(example_graph) -> None:  # type: ignore[no-untyped-def]
    model = example_graph.graph["model"]
    assert model.counts()["bodies"] >= 15
    # The DCS "combined two roles" and sits on seven bodies (O&S minutes, 2022).
    bodies = {s.body for s in seats_of(example_graph, "helen-ashdown", date(2023, 7, 7))}
    assert len(bodies) == 7
    assert reporting_chains(example_graph, "get-safe", date(2023, 7, 7)) == [
        ["get-safe", "cyp-spb", "hwb", "council"]
    ]


@pytest.fixture
def example_graph():  # type: ignore[no-untyped-def]
    return govgraph.build_graph(govgraph.load(EXAMPLE))


def test_building_the_graph_leaves_the_garbage_collector_as_it_was() -> None:
    model = govgraph.load(EXAMPLE)
    assert gc.isenabled()
    govgraph.build_graph(model)
    assert gc.isenabled()  # paused while building (for speed), then restored
    gc.disable()
    try:
        govgraph.build_graph(model)
        assert not gc.isenabled()  # a caller's own pause is kept
    finally:
        gc.enable()
