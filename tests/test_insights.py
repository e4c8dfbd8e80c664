"""Structure insights on tiny models built in code, each answer worked out by hand.

The structure model (every line child -> parent)::

    top (root)
    ├── a            a and b report to top
    │   ├── c        c and d report to a
    │   │   ├── e    e reports to c; i reports to e
    │   │   │   └── i
    │   │   └── f    f reports to c AND to d
    │   └── d ──┘
    └── b
        └── g        g reports to b; h to g
            └── h
    orphan           reports to nothing
"""

from __future__ import annotations

from datetime import date
from typing import Any

from support import model_in_code

from govgraph.graph import build_graph
from govgraph.insights import Insights, insights
from govgraph.model import Model
from govgraph.schema import Settings

ON = date(2024, 1, 1)


def _seats(*members: str) -> list[dict[str, Any]]:
    return [{"member": member} for member in members]


def _structure() -> Model:
    lines = {"a": "top", "b": "top", "c": "a", "d": "a", "e": "c", "g": "b", "h": "g", "i": "e"}
    bodies: list[dict[str, Any]] = [
        {"id": "top", "name": "Top", "root": True, "members": _seats("o1", "o2", "o3", "o4")},
    ]
    for body in ("a", "b"):
        bodies.append(
            {"id": body, "name": body.upper(), "reports_to": [{"body": lines[body]}],
             "members": _seats("o1", "o2")}
        )  # fmt: skip
    for body in ("c", "d", "e", "f", "g", "h", "i"):
        parents = ["c", "d"] if body == "f" else [lines[body]]
        bodies.append(
            {"id": body, "name": body.upper(), "reports_to": [{"body": p} for p in parents],
             "members": _seats("o1")}
        )  # fmt: skip
    bodies.append({"id": "orphan", "name": "Orphan", "members": _seats("o1")})
    organisations = [{"id": f"o{i}", "name": f"Org {i}"} for i in range(1, 5)]
    return model_in_code(organisations=organisations, bodies=bodies)


def _insights(model: Model, bodies: set[str] | None = None) -> Insights:
    return insights(model, build_graph(model), ON, bodies)


def test_tiers_count_each_body_at_its_shortest_distance_from_the_top() -> None:
    found = _insights(_structure())
    # f reports to c (tier 3) and d (tier 3), so sits in tier 4; i is below e.
    assert found.shape.tiers == [["top"], ["a", "b"], ["c", "d", "g"], ["e", "f", "h"], ["i"]]
    assert found.shape.depth == 5
    assert found.shape.longest_chain == ["i", "e", "c", "a", "top"]
    assert found.shape.unreached == ["orphan"]


def test_span_is_the_number_of_bodies_reporting_directly_to_each() -> None:
    spans = _insights(_structure()).shape.spans
    assert spans == {"top": 2, "a": 2, "c": 2, "b": 1, "d": 1, "e": 1, "g": 1}
    assert list(spans)[:3] == ["top", "a", "c"]  # widest first, then model order


def test_top_heaviness_is_the_share_of_bodies_and_seats_in_the_top_two_tiers() -> None:
    shape = _insights(_structure()).shape
    # top, a and b of the 10 bodies in a tier (the orphan is in none).
    assert (shape.top_bodies, shape.bodies, shape.top_body_share) == (3, 10, 0.3)
    # Seats: top 4, a 2, b 2 = 8 of 4 + 2 + 2 + 7 x 1 = 15 (the orphan's seat is not counted).
    assert (shape.top_seats, shape.seats, shape.top_seat_share) == (8, 15, 0.533)


def test_single_points_are_the_dominators_with_what_each_cuts_off() -> None:
    points = {p.body: p.cut_off for p in _insights(_structure()).single_points}
    # d is not one: f still reaches the top through c. The root is where routes end.
    assert points == {
        "a": ["c", "d", "e", "f", "i"],
        "b": ["g", "h"],
        "c": ["e", "i"],
        "e": ["i"],
        "g": ["h"],
    }
    assert [p.body for p in _insights(_structure()).single_points] == ["a", "b", "c", "e", "g"]


def test_only_links_are_bridges_that_alone_join_two_or_more_bodies() -> None:
    links = [(link.child, link.parent, link.cut_off) for link in _insights(_structure()).only_links]
    # c-f-d-a is a loop, so none of its lines is an only link; h -> g and i -> e join
    # one body each, as every leaf's line does, and are left out.
    assert links == [
        ("a", "top", ["a", "c", "d", "e", "f", "i"]),
        ("b", "top", ["b", "g", "h"]),
        ("e", "c", ["e", "i"]),
        ("g", "b", ["g", "h"]),
    ]


def test_a_choice_of_bodies_is_read_as_a_structure_topped_where_its_lines_leave() -> None:
    found = _insights(_structure(), {"a", "c", "d", "e", "f", "i"})
    assert found.shape.tiers == [["a"], ["c", "d"], ["e", "f"], ["i"]]
    assert {p.body: p.cut_off for p in found.single_points} == {"c": ["e", "i"], "e": ["i"]}


# --- people ---------------------------------------------------------------------------


def _people() -> Model:
    """Jo holds two posts (dcs and ceo) and sits on the panel in her own name."""
    model = model_in_code(
        organisations=[
            {"id": "council", "name": "County Council", "kind": "county-council"},
            {"id": "police", "name": "Police", "kind": "police"},
        ],
        people=[{"id": "jo", "name": "Jo"}, {"id": "sam", "name": "Sam"}, {"id": "ann", "name": "Ann"}],
        posts=[
            {"id": "dcs", "title": "DCS", "organisation": "council", "holders": [{"person": "jo"}]},
            {"id": "ceo", "title": "CEO", "holders": [{"person": "jo"}]},
            {"id": "dph", "title": "DPH", "holders": [{"person": "sam"}]},
        ],
        bodies=[
            {"id": "board", "name": "Board", "root": True, "meets": "quarterly",
             "requires": [{"member": "police"}],
             "members": [{"member": "dcs", "role": "chair"}, {"member": "police"},
                         {"member": "sam"}, {"member": "ann"}]},
            {"id": "group", "name": "Group", "meets": "monthly", "reports_to": [{"body": "board"}],
             "delivers": ["p/x"],
             "members": [{"member": "ceo", "role": "chair"}, {"member": "dcs"}, {"member": "police"}]},
            {"id": "panel", "name": "Panel", "meets": "monthly", "reports_to": [{"body": "board"}],
             "delivers": ["p/y"],
             "members": [{"member": "jo"}, {"member": "sam", "role": "chair"},
                         {"member": "ann", "role": "chair"}]},
            {"id": "tiny", "name": "Tiny", "meets": "ad-hoc", "reports_to": [{"body": "board"}],
             "members": [{"member": "dcs"}, {"member": "ceo"}]},
            {"id": "outside", "name": "Outside", "delivers": ["p/z"], "members": [{"member": "ann"}]},
        ],
        plans=[
            {"id": "p", "name": "The Plan", "owner": "board", "review": "quarterly",
             "priorities": [{"id": x, "name": f"Priority {x}"} for x in ("x", "y", "z", "w")]},
        ],
    )  # fmt: skip
    model.settings = Settings(large_membership=3)
    return model


def test_key_members_are_those_whose_departure_leaves_bodies_short() -> None:
    keys = {
        k.member: (k.chairs, k.statutory_for, k.quorum_for)
        for k in _insights(_people()).key_members
    }
    # Jo is the board's only chair (as DCS) and the group's (as CEO), and holds both of
    # the tiny group's seats (none would be left of the one a quorum needs). The panel
    # has two chairs, so neither leaves it without one. The board requires the police.
    assert keys == {"jo": (["board", "group"], [], ["tiny"]), "police": ([], ["board"], [])}
    assert [k.member for k in _insights(_people()).key_members] == ["jo", "police"]


def test_combined_roles_list_each_post_with_the_seats_it_brings() -> None:
    (jo,) = _insights(_people()).combined_roles
    assert jo.person == "jo"
    assert [(post.post, post.bodies) for post in jo.posts] == [
        ("dcs", ["board", "group", "tiny"]),
        ("ceo", ["group", "tiny"]),
    ]
    assert jo.direct == ["panel"]


def test_load_counts_meetings_a_year_once_per_body_directly_and_through_posts() -> None:
    load = {
        item.member: (item.meetings_per_year, item.unscheduled)
        for item in _insights(_people()).load
    }
    # Jo: board 4 + group 12 (once, though she sits there twice) + panel 12; the tiny
    # group meets ad hoc, so it is listed but not counted.
    assert load["jo"] == (28, ["tiny"])
    assert load["police"] == (16, [])  # board 4 + group 12
    assert load["ann"] == (16, ["outside"])  # board 4 + panel 12; outside has no meets
    assert [item.member for item in _insights(_people()).load][:2] == ["jo", "ann"]


def test_overlaps_share_more_than_the_threshold_of_the_smaller_body() -> None:
    found = _insights(_people())
    pairs = [(o.bodies, o.shared, o.ratio) for o in found.overlaps]
    # Board {jo, police, sam, ann}; panel {jo, sam, ann}: all 3 of the panel's. Group
    # {jo, police}: both of its 2. Group and panel share only Jo: not enough to list.
    assert pairs == [(("board", "panel"), 3, 1.0), (("board", "group"), 2, 1.0)]
    stricter = insights(_people(), build_graph(_people()), ON, overlap_threshold=0.99)
    assert len(stricter.overlaps) == 2  # a ratio of 1.0 is still above 0.99
    model = _people()
    model.settings = Settings(overlap_threshold=1.0)  # govgraph.yaml: nothing is above 1
    assert insights(model, build_graph(model), ON).overlaps == []


def test_large_bodies_are_broken_down_by_kind_of_organisation() -> None:
    (large,) = _insights(_people()).large_bodies
    # The board's 4 members are more than large_membership (3): the DCS post stands for
    # the county council, the police for itself, Sam and Ann for no organisation.
    assert large.body == "board"
    assert (large.seats, large.members) == (4, 4)
    assert large.by_kind == {"individual": 2, "county-council": 1, "police": 1}


def test_plan_priorities_show_who_delivers_them_and_if_it_reaches_the_owner() -> None:
    (plan,) = _insights(_people()).plans
    by_id = {p.priority: p for p in plan.priorities}
    assert by_id["x"].delivered_by == ["group"]
    assert by_id["x"].chains == {"group": ["group", "board"]}
    assert by_id["x"].reaches_owner
    assert by_id["z"].delivered_by == ["outside"] and not by_id["z"].reaches_owner
    assert plan.undelivered == ["w"]
    assert plan.delivering_nothing == ["tiny"]  # below the board and delivering none


def test_json_has_the_documented_keys() -> None:
    data = _insights(_people()).to_json()
    assert data["as_of"] == "2024-01-01"
    assert data["tiers"] == [["board"], ["group", "panel", "tiny"]]
    assert data["key_members"][0] == {
        "member": "jo", "chairs": ["board", "group"], "statutory_for": [], "quorum_for": ["tiny"]
    }  # fmt: skip
    assert data["overlaps"][0] == {
        "bodies": ["board", "panel"], "shared": 3, "ratio": 1.0, "members": ["jo", "sam", "ann"]
    }  # fmt: skip
    assert data["load"][0]["member"] == "jo" and data["load"][0]["meetings_per_year"] == 28
    assert {p["priority"]: p["delivered_by"] for p in data["priorities"]} == {
        "x": ["group"], "y": ["panel"], "z": ["outside"], "w": []
    }  # fmt: skip
    assert data["single_points"] == []  # every body reports straight to the root


def test_the_details_of_a_body_list_the_findings_about_it() -> None:
    found, model = _insights(_people()), _people()
    assert found.about("tiny", model.name_of) == ["without Jo it would not be quorate"]
    assert "only jo chairs it" in found.about("group")  # ids, when no names are given


def test_a_model_without_bodies_has_no_tiers_and_nothing_to_report() -> None:
    found = _insights(model_in_code(organisations=[{"id": "wcc", "name": "County"}]))
    assert found.shape.tiers == [] and found.shape.longest_chain == []
    assert found.single_points == [] and found.only_links == [] and found.load == []
