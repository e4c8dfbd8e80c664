"""Seats: the checks that look a member's memberships up by member.

The audit indexes each member's current seats by body and finds the memberships
again only for the members a finding is about; these pin what a user sees when a
member sits on one body twice, or on bodies through a post someone holds.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from support import findings_of

ModelDir = Callable[..., Path]
ON = date(2023, 7, 7)

TWICE = """\
people:
  - {id: sam, name: Sam Patel, left: 2023-03-31}
  - {id: jo, name: Jo Bloggs}
posts:
  - id: dcs
    title: Director of Children's Services
    holders: [{person: jo, from: 2020-01-01}]
  - id: lead
    title: Lead Member
    holders: [{person: sam, to: 2023-03-31}]
bodies:
  - id: hwb
    name: Health and Wellbeing Board
    members:
      - {member: sam, role: chair}
      - {member: jo}
      - {member: sam, role: vice-chair}
      - {member: dcs}
      - {member: lead}
  - id: cyp
    name: Children's Partnership
    members:
      - {member: dcs}
      - {member: sam}
      - {member: lead}
"""


def test_departed_member_points_at_each_of_their_memberships(model_dir: ModelDir) -> None:
    found = findings_of(model_dir, TWICE, "departed-member", ON)
    assert [(f.subject, f.line) for f in found] == [
        ("hwb/sam", 15),
        ("hwb/sam", 17),
        ("cyp/sam", 24),
    ]
    assert all(f.message.startswith("Sam Patel left on 2023-03-31") for f in found)


def test_vacant_post_reports_the_seat_on_every_body(model_dir: ModelDir) -> None:
    found = findings_of(model_dir, TWICE, "vacant-post", ON)
    assert [(f.subject, f.line) for f in found] == [("hwb/lead", 19), ("cyp/lead", 25)]
    assert "(last held by Sam Patel until 2023-03-31)" in found[0].message


def test_many_roles_counts_each_body_once_whether_own_seat_or_through_a_post(
    model_dir: ModelDir,
) -> None:
    # Jo sits on hwb in her own right and as DCS, and on cyp as DCS: two bodies.
    assert findings_of(model_dir, TWICE, "many-roles", ON, "many_roles: 2\n") == []
    found = findings_of(model_dir, TWICE, "many-roles", ON, "many_roles: 1\n")
    jo = [f for f in found if f.subject == "jo"]
    assert len(jo) == 1
    assert jo[0].message.startswith(
        "Jo Bloggs sits on 2 current bodies, more than the 1 set as many_roles: "
        "Health and Wellbeing Board, Children's Partnership (as Director of Children's Services);"
    )
    # The held post's seats are its holder's: the post itself is not reported.
    assert "dcs" not in {f.subject for f in found}
