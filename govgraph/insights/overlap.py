"""Bodies whose members largely coincide, and large bodies with their make-up.

Two bodies **overlap** when the members they share (people, vacant posts and
organisations, as :mod:`govgraph.insights.scope` resolves seats) are more than
``overlap_threshold`` of the smaller body's members, and at least two: that is
the weighted projection of the bipartite member-body graph onto the bodies
(:func:`networkx.algorithms.bipartite.overlap_weighted_projected_graph`, ratio
over the smaller body), worked out here from each member's bodies so that only
pairs that share someone are ever looked at.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations

from govgraph.insights.scope import Scope, Seat

#: A pair must share at least this many members to be listed (one shared member
#: of a one-member group says nothing about streamlining).
MIN_SHARED = 2


@dataclass(frozen=True)
class Overlap:
    """Two bodies whose current members largely coincide."""

    bodies: tuple[str, str]
    shared: int
    #: ``shared`` over the smaller body's number of members.
    ratio: float
    members: list[str]


@dataclass(frozen=True)
class LargeBody:
    """A body with more current seats than ``large_membership`` (as the
    ``large-membership`` check counts them)."""

    body: str
    seats: int
    #: Different members: one person holding two posts on it is one member.
    members: int
    #: Seats by the kind of organisation each stands for, largest first.
    by_kind: dict[str, int]


def members_of(scope: Scope) -> dict[str, list[str]]:
    """Body id -> its distinct current members, in seat order."""
    return {
        body: list(dict.fromkeys(who for seat in scope.seats[body] for who in seat.who))
        for body in scope.bodies
    }


def overlaps(scope: Scope, threshold: float) -> list[Overlap]:
    """Pairs of bodies sharing more than ``threshold`` of the smaller's members."""
    members = members_of(scope)
    bodies_of: defaultdict[str, list[str]] = defaultdict(list)
    for body, who in members.items():
        for member in who:
            bodies_of[member].append(body)
    shared: Counter[tuple[str, str]] = Counter()
    for on_bodies in bodies_of.values():
        shared.update(combinations(on_bodies, 2))
    found = []
    for (a, b), count in shared.items():
        if count < MIN_SHARED:
            continue
        ratio = count / min(len(members[a]), len(members[b]))
        if ratio > threshold:
            other = set(members[b])
            common = [member for member in members[a] if member in other]
            found.append(Overlap((a, b), count, round(ratio, 3), common))
    order = {body: i for i, body in enumerate(scope.bodies)}
    return sorted(
        found, key=lambda o: (-o.ratio, -o.shared, order[o.bodies[0]], order[o.bodies[1]])
    )


def large_bodies(scope: Scope, limit: int) -> list[LargeBody]:
    """Bodies with more than ``limit`` current seats, largest first."""
    found = []
    for body, who in members_of(scope).items():
        seats = scope.seats[body]
        if len(seats) > limit:
            kinds = Counter(_kind(scope, seat) for seat in seats)
            found.append(LargeBody(body, len(seats), len(who), dict(kinds.most_common())))
    return sorted(found, key=lambda large: -large.seats)


def _kind(scope: Scope, seat: Seat) -> str:
    """The kind of organisation a seat stands for ("individual" for a person sitting
    for no organisation; "unclassified" for an organisation without a kind)."""
    model = scope.model
    org_id = seat.membership.on_behalf_of
    if org_id is None:
        member = seat.member
        if member in model.organisations:
            org_id = member
        elif member in model.posts:
            org_id = model.posts[member].organisation
    if org_id is None or org_id not in model.organisations:
        return "individual"
    return model.organisations[org_id].kind or "unclassified"
