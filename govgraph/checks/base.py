"""What a check receives and what it yields.

A check is a module with ``SLUG``, ``SEVERITY`` (the default), ``SUMMARY`` (one
line for ``govgraph checks``), a docstring that documents it with a passing
and a failing example, and a pure function ``check(context)`` that yields
:class:`Problem` values. The engine (:mod:`govgraph.audit`) turns problems into
findings: it stamps the slug and the configured severity and applies ignores.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Protocol

import networkx as nx

from govgraph.dates import is_current
from govgraph.findings import Severity
from govgraph.graph import current_roots, hierarchy
from govgraph.model import Model
from govgraph.schema import Body, Ignorable, Located, Membership, Settings


@dataclass(frozen=True)
class Problem:
    """One thing a check found, before the engine stamps it into a Finding.

    ``where`` is the mapping to point the user at (its file and line);
    ``waivable`` are the things whose ``ignore`` entries may accept it (the
    membership and its body, say), searched in order.
    """

    subject: str
    message: str
    where: Located
    waivable: tuple[Ignorable, ...] = field(default=())


@dataclass
class Context:
    """Everything a check may look at: the model, its graph and the as-of date."""

    model: Model
    graph: nx.MultiDiGraph
    on: date

    @property
    def settings(self) -> Settings:
        return self.model.settings

    @cached_property
    def hierarchy(self) -> nx.DiGraph:
        """Child -> parent reporting lines between bodies current on the date."""
        return hierarchy(self.graph, self.on)

    @cached_property
    def roots(self) -> set[str]:
        """Root bodies current on the date."""
        return current_roots(self.graph, self.on)

    @cached_property
    def current_bodies(self) -> list[Body]:
        """Bodies current on the date, in model order (only these get structure findings)."""
        return [body for body in self.model.bodies.values() if is_current(body, self.on)]

    def current_memberships(self) -> Iterator[tuple[Body, Membership]]:
        """Memberships current on the date of bodies current on the date, in model order.

        A dissolved body's open memberships are ``membership-of-dissolved-body``'s
        business, so the other membership checks look only at these.
        """
        members = self.members_of_body
        for body in self.current_bodies:
            for membership in members[body.id]:
                yield body, membership

    @cached_property
    def members_of_body(self) -> dict[str, list[Membership]]:
        """Body id -> its current memberships (every current body is a key).

        Computed once per audit and shared by every check: at national scale
        (300k memberships) filtering them again in each check would cost seconds.
        """
        on = self.on
        return {
            body.id: [
                m
                for m in body.members
                if (m.from_ is None or m.from_ <= on) and (m.to is None or m.to >= on)
            ]
            for body in self.current_bodies
        }

    @cached_property
    def seats_of_member(self) -> dict[str, list[tuple[Body, Membership]]]:
        """Member id -> its current memberships of current bodies, with each body."""
        seats: dict[str, list[tuple[Body, Membership]]] = defaultdict(list)
        for body, membership in self.current_memberships():
            seats[membership.member].append((body, membership))
        return seats

    @cached_property
    def post_holders(self) -> dict[str, list[str]]:
        """Post id -> the people holding it on the date (posts no one holds are absent)."""
        holders: dict[str, list[str]] = defaultdict(list)
        for post in self.model.posts.values():
            for holding in post.holders:
                if is_current(holding, self.on):
                    holders[post.id].append(holding.person)
        return holders

    def review_interval(self, body: Body) -> int:
        """Months between membership reviews: the body's own setting, else the model's."""
        return body.review_interval_months or self.settings.review_interval_months


def membership_subject(body: Body, membership: Membership) -> str:
    """The ``BODY/MEMBER`` subject of a finding about a membership."""
    return f"{body.id}/{membership.member}"


def membership_problem(body: Body, membership: Membership, message: str) -> Problem:
    """A problem about one membership: pointed at it, waivable on it or on its body."""
    return Problem(membership_subject(body, membership), message, membership, (membership, body))


class Check(Protocol):
    """The shape of a check module (for typing the registry)."""

    SLUG: str
    SEVERITY: Severity
    SUMMARY: str
    __doc__: str | None
    __name__: str

    def check(self, context: Context) -> Iterator[Problem]: ...
