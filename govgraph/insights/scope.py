"""What the insights look at: the current bodies chosen, their reporting lines and seats.

A :class:`Scope` is built once per date and shared by every insight, so the
model is read in one pass. Everything in it is current on the date.

The **tops** of a scope are where its reporting lines end: the root bodies, and,
when only some bodies are chosen (``--bodies``), each chosen body that reports
to a body outside the choice. So ``--bodies 'cyp-spb+'`` reads the children's
partnership as a structure of its own, with the partnership at the top.

Who a seat **is**: the person for a person member, the holder(s) of a post (the
post itself while it is vacant), the organisation for an organisation member.
One person holding two posts is one member twice over, as the minutes say of a
Director who "combined two roles".
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import NamedTuple

import networkx as nx

from govgraph.dates import is_current
from govgraph.graph import current_roots, hierarchy
from govgraph.model import Model
from govgraph.schema import Membership

#: The node standing above every top, so that one search covers them all.
ABOVE = "\0above"


class Seat(NamedTuple):
    """A current membership of a body in the scope, and who it is (a named tuple:
    made for every current seat, 200k of them nationally)."""

    body: str
    membership: Membership
    #: The people (or the vacant post, or the organisation) the seat is.
    who: tuple[str, ...]
    #: The post the seat is held through, when its member is a post.
    post: str | None

    @property
    def member(self) -> str:
        return self.membership.member


@dataclass
class Scope:
    """The current bodies the insights read, with their lines and seats on one date."""

    model: Model
    on: date
    #: Current bodies in scope, in model order.
    bodies: list[str]
    #: Child -> parent for each reporting line between bodies in scope.
    tree: nx.DiGraph
    #: Where the lines end: roots, and bodies reporting out of the scope.
    tops: list[str]
    #: Body id -> its current seats.
    seats: dict[str, list[Seat]]
    #: The reporting graph of the whole model on the date (for plans' owners).
    whole: nx.DiGraph

    @cached_property
    def down(self) -> nx.DiGraph:
        """Parent -> child, with :data:`ABOVE` above every top (read-only)."""
        below = nx.DiGraph(self.tree.reverse(copy=False))
        below.add_node(ABOVE)  # a model may have no bodies, or no tops
        below.add_edges_from((ABOVE, top) for top in self.tops)
        return below

    def name(self, thing: str) -> str:
        return self.model.name_of(thing)


def build_scope(
    graph: nx.MultiDiGraph, model: Model, on: date, chosen: set[str] | None = None
) -> Scope:
    """The scope of ``chosen`` body ids (all current bodies when None) on ``on``."""
    whole = hierarchy(graph, on)
    bodies = [
        body.id
        for body in model.bodies.values()
        if is_current(body, on) and (chosen is None or body.id in chosen)
    ]
    inside = set(bodies)
    # The whole model's lines as they are (read-only), or a copy of the chosen part.
    tree = whole if chosen is None else nx.DiGraph(whole.subgraph(bodies))
    roots = current_roots(graph, on)
    tops = [
        body
        for body in bodies
        if body in roots or any(parent not in inside for parent in whole.successors(body))
    ]
    return Scope(model, on, bodies, tree, tops, _seats(model, on, bodies), whole)


def _seats(model: Model, on: date, bodies: list[str]) -> dict[str, list[Seat]]:
    holders: defaultdict[str, list[str]] = defaultdict(list)
    for held_post in model.posts.values():
        for holding in held_post.holders:
            if is_current(holding, on) and holding.person not in holders[held_post.id]:
                holders[held_post.id].append(holding.person)
    seats: dict[str, list[Seat]] = {}
    for body_id in bodies:
        found = []
        for membership in model.bodies[body_id].members:
            # is_current, written inline: this loop sees every membership of the model.
            start, end = membership.from_, membership.to
            if (start is not None and start > on) or (end is not None and end < on):
                continue
            member = membership.member
            held = holders.get(member)
            if member in model.posts:
                found.append(Seat(body_id, membership, tuple(held) if held else (member,), member))
            else:
                found.append(Seat(body_id, membership, (member,), None))
        seats[body_id] = found
    return seats
