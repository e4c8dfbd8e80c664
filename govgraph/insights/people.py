"""Key people and posts, combined roles, and the meetings each member is expected at.

A member's **departure** takes away every seat that is theirs alone: their own
seats, and the seats of the posts they hold (a post two people share stays
held). A body is left:

* **without a chair** when every current chair seat goes;
* **without a statutory member** when a ``requires: member`` rule, or a
  provision of its statutory pack, that its members meet now would no longer be
  met;
* **without a quorum** when they hold two or more of its seats and fewer seats
  than a third of its current seats (rounded up) would remain. The format has
  no quorum field; a third is the usual quorum of council committees' standing
  orders (:data:`QUORUM_SHARE`).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from govgraph.dates import is_current
from govgraph.insights.scope import Scope, Seat
from govgraph.packs import resolve
from govgraph.packs.evaluate import Sitter, shortfalls, sitters

#: The share of a body's seats that makes a quorum (rounded up).
QUORUM_SHARE = 1 / 3

#: Meetings in a year for each ``meets`` value (ad-hoc: none that can be counted).
MEETINGS_PER_YEAR = {
    "weekly": 52,
    "monthly": 12,
    "bi-monthly": 6,
    "quarterly": 4,
    "half-yearly": 2,
    "annually": 1,
}


@dataclass(frozen=True)
class KeyMember:
    """A member whose departure would leave bodies short."""

    member: str
    chairs: list[str] = field(default_factory=list)
    statutory_for: list[str] = field(default_factory=list)
    quorum_for: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class HeldPost:
    """One post a person holds, and the bodies it gives them a seat on."""

    post: str
    bodies: list[str]


@dataclass(frozen=True)
class CombinedRoles:
    """A person holding several current posts at once."""

    person: str
    posts: list[HeldPost]
    #: Bodies the person sits on in their own name.
    direct: list[str]


@dataclass(slots=True)  # not frozen: made for every seat, and frozen ones are slower to make
class LoadSeat:
    """One body a member is expected at, and the post that seats them there, if any."""

    body: str
    through: str | None
    meetings_per_year: int | None


@dataclass(slots=True)
class Load:
    """The meetings a member is expected at in a year, from each body's ``meets``."""

    member: str
    meetings_per_year: int
    seats: list[LoadSeat]

    @property
    def unscheduled(self) -> list[str]:
        """Bodies with no regular schedule (``ad-hoc`` or no ``meets``): not counted."""
        return [seat.body for seat in self.seats if seat.meetings_per_year is None]


def seats_by_member(scope: Scope) -> dict[str, list[Seat]]:
    """Each member (person, vacant post or organisation) -> their current seats."""
    found: defaultdict[str, list[Seat]] = defaultdict(list)
    for body in scope.bodies:
        for seat in scope.seats[body]:
            for who in seat.who:
                found[who].append(seat)
    return dict(found)


def key_members(scope: Scope) -> list[KeyMember]:
    """Members whose departure leaves bodies without a chair, a statutory member or a
    quorum; the most bodies first."""
    chairs: defaultdict[str, list[str]] = defaultdict(list)
    statutory: defaultdict[str, list[str]] = defaultdict(list)
    quorum: defaultdict[str, list[str]] = defaultdict(list)
    for body in scope.bodies:
        seats = scope.seats[body]
        if not seats:
            continue
        # Only a seat that is one member's alone goes when they do.
        alone = Counter(seat.who[0] for seat in seats if len(seat.who) == 1)
        chairing = Counter(
            seat.who[0] if len(seat.who) == 1 else None
            for seat in seats
            if seat.membership.role == "chair"
        )
        chair_seats = sum(chairing.values())
        needed = math.ceil(len(seats) * QUORUM_SHARE)
        for who, lost in alone.items():
            if chair_seats and chairing[who] == chair_seats:
                chairs[who].append(body)
            if lost > 1 and len(seats) - lost < needed:
                quorum[who].append(body)
        for who in _statutory_members(scope, body):
            statutory[who].append(body)
    found = [
        KeyMember(who, chairs[who], statutory[who], quorum[who])
        for who in dict.fromkeys([*chairs, *statutory, *quorum])
    ]
    return sorted(
        found,
        key=lambda key: (-(len(key.chairs) + len(key.statutory_for) + len(key.quorum_for)),
                         key.member),
    )  # fmt: skip


def _statutory_members(scope: Scope, body_id: str) -> list[str]:
    """Members of ``body_id`` without whom a rule it meets now would not be met."""
    model, on = scope.model, scope.on
    body = model.bodies[body_id]
    seats = scope.seats[body_id]
    members = list(dict.fromkeys(w for seat in seats for w in seat.who))
    found: list[str] = []
    for rule in body.requires:
        if rule.member is None:
            continue
        holding = [seat for seat in seats if seat.member == rule.member]
        if holding and len({seat.who for seat in holding}) == 1 and len(holding[0].who) == 1:
            found.append(holding[0].who[0])
    pack = resolve(model, body.statutory) if body.statutory else None
    if pack is not None:
        everyone: list[Sitter] = sitters(model, body, on)  # the same seats, in the same order
        provisions = [
            p for p in pack.in_force(on) if not shortfalls(p.requires, everyone, model, on)
        ]
        for who in members:
            without = [s for s, seat in zip(everyone, seats, strict=True) if seat.who != (who,)]
            if len(without) < len(everyone) and any(
                shortfalls(p.requires, without, model, on) for p in provisions
            ):
                found.append(who)
    return list(dict.fromkeys(found))


def combined_roles(scope: Scope) -> list[CombinedRoles]:
    """People holding two or more posts on the date, with the seats each post brings."""
    model, on = scope.model, scope.on
    held: defaultdict[str, list[str]] = defaultdict(list)
    for post in model.posts.values():
        for holding in post.holders:
            if is_current(holding, on):
                held[holding.person].append(post.id)
    post_bodies: defaultdict[str, list[str]] = defaultdict(list)
    direct: defaultdict[str, list[str]] = defaultdict(list)
    for body in scope.bodies:
        for seat in scope.seats[body]:
            if seat.post is not None:
                post_bodies[seat.post].append(body)
            elif seat.member in model.people:
                direct[seat.member].append(body)
    found = [
        CombinedRoles(
            person,
            [HeldPost(post, list(dict.fromkeys(post_bodies[post]))) for post in posts],
            list(dict.fromkeys(direct[person])),
        )
        for person, posts in held.items()
        if len(set(posts)) > 1
    ]
    return sorted(found, key=lambda c: (-len(c.posts), c.person))


def load(scope: Scope) -> list[Load]:
    """Every member's expected meetings in a year, highest first. A body counts once
    per member, however many seats they hold on it."""
    bodies = scope.model.bodies
    meetings = {body: MEETINGS_PER_YEAR.get(bodies[body].meets or "") for body in scope.bodies}
    found = []
    for who, seats in seats_by_member(scope).items():
        by_body: dict[str, LoadSeat] = {}
        for seat in seats:
            if seat.body not in by_body:
                by_body[seat.body] = LoadSeat(seat.body, seat.post, meetings[seat.body])
        listed = list(by_body.values())
        total = sum(seat.meetings_per_year or 0 for seat in listed)
        found.append(Load(who, total, listed))
    return sorted(found, key=lambda item: (-item.meetings_per_year, -len(item.seats), item.member))
