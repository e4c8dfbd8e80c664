"""``govgraph diff`` shows the change in the shape figures (tiers, top-heaviness,
overlaps gained or lost), worked out by hand on two versions of a tiny model."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from support import Cli

ORGS = """\
organisations:
  - {id: wcc, name: County Council}
  - {id: police, name: Police}
  - {id: icb, name: ICB}
"""

# Council <- Board <- Group 1, Group 2: tiers of 1, 1 and 2 bodies.
TALL = (
    ORGS
    + """\
bodies:
  - {id: council, name: Council, root: true, members: [{member: wcc}]}
  - {id: board, name: Board, reports_to: [{body: council}], members: [{member: wcc}]}
  - id: group-1
    name: Group 1
    reports_to: [{body: board}]
    members: [{member: police}, {member: icb}]
  - id: group-2
    name: Group 2
    reports_to: [{body: board}]
    members: [{member: police}, {member: icb}, {member: wcc}]
"""
)

# The board removed; the groups report to the council and Group 2 loses the ICB.
FLAT = (
    ORGS
    + """\
bodies:
  - {id: council, name: Council, root: true, members: [{member: wcc}]}
  - id: group-1
    name: Group 1
    reports_to: [{body: council}]
    members: [{member: police}, {member: icb}]
  - id: group-2
    name: Group 2
    reports_to: [{body: council}]
    members: [{member: police}, {member: wcc}]
"""
)


def test_diff_shows_a_flatter_structure_and_the_overlap_it_lost(
    model_dir: Callable[..., Path], cli: Cli
) -> None:
    old = model_dir({"model.yaml": TALL}, "old")
    new = model_dir({"model.yaml": FLAT}, "new")
    result = cli("diff", old, new)
    assert result.exit_code == 0
    shape = result.stdout.split("\nShape:\n")[1].splitlines()
    # Before: 2 of 4 bodies and 2 of 7 seats in the top two tiers (council, board).
    # After: all 3 bodies and all 5 seats. Groups 1 and 2 shared both of Group 1's
    # members (police, icb: 100%); now they share only the police (one is not enough).
    assert shape == [
        "  tiers (bodies in each): 1, 1, 2 → 1, 2",
        "  top two tiers: 50% of bodies → 100%; 29% of seats → 100%",
        "  overlap lost: Group 1 & Group 2 (100%)",
    ]
    data = json.loads(cli("diff", old, new, "--format", "json").stdout)["shape"]
    assert data["before"]["tiers"] == [1, 1, 2] and data["after"]["depth"] == 2
    assert data["overlaps_lost"] == ["Group 1 & Group 2"] and data["overlaps_gained"] == []


def test_diff_of_identical_versions_says_nothing_about_shape(
    model_dir: Callable[..., Path], cli: Cli
) -> None:
    old = model_dir({"model.yaml": TALL}, "old")
    new = model_dir({"model.yaml": TALL}, "new")
    assert "Shape" not in cli("diff", old, new).stdout
