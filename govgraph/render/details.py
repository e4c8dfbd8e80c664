"""What the details panel, the tooltips and the text view say about each body and member.

Plain JSON values, built once for the page: the panel shows the memberships
current on the slider's date, so every membership is here with its dates.

Kept lean, because a chart of 10,000 nodes holds tens of thousands of memberships
and the page's size and the time to build it grow with every byte:

* a field that is empty (null, ``""``, ``[]``) or at its default (a body's
  ``root: false``) is left out, and the page reads a missing field as that;
* what a node says (kind, name, short name, dates) is not repeated here;
* other entities are referred to by id: a drawn one is named by its node, any
  other once in :meth:`Lookup.names` (with its dates, so the page can tell
  whether it is current on a day);
* each membership is written once, as a row of the memberships table
  (:func:`govgraph.render.rows.seating`): the page draws member links, lists a
  body's members and a member's seats from those rows;
* a post's holders are listed once, in :meth:`Lookup.holders`, not under every
  body the post sits on;
* lists of like things are rows (:mod:`govgraph.render.rows`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from govgraph.model import Model
from govgraph.render.rows import MEMBERSHIP, trimmed
from govgraph.schema import Body, Placed, ReportingLine


@dataclass
class Lookup:
    """Reverse indexes over a model, built once so each node's details cost O(its links)."""

    model: Model
    drawn: set[str]
    #: Every post's holders, as rows (:func:`govgraph.render.rows.holder_rows`).
    held: dict[str, list[list[Any]]]
    reported_by: dict[str, list[tuple[Body, ReportingLine]]] = field(default_factory=dict)
    #: The posts each person held, as :data:`~govgraph.render.rows.HELD` rows.
    holds: dict[str, list[list[Any]]] = field(default_factory=dict)
    referred: set[str] = field(default_factory=set)
    posts: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        for body, line in self.model.reporting_lines():
            self.reported_by.setdefault(line.body, []).append((body, line))
        for post, rows in self.held.items():
            for row in rows:
                if row[0] in self.drawn:  # only a drawn person's details list the posts held
                    self.holds.setdefault(row[0], []).append([post, *row[1:]])

    def ref(self, entity_id: str | None) -> str | None:
        """A reference to another entity (its id), remembered so that it gets named."""
        if entity_id is not None:
            self.referred.add(entity_id)
            if entity_id in self.model.posts:
                self.posts.add(entity_id)
        return entity_id

    def refer_to_rows(self, table: list[list[Any]], members: Iterable[str]) -> None:
        """Remember the bodies and the members (all in ``members``) of ``table``, to name them."""
        self.referred.update(body for body, _ in table)
        self.referred.update(members)
        on_behalf = MEMBERSHIP.index("on_behalf_of")
        self.referred.update(
            row[on_behalf] for _, rows in table for row in rows if len(row) > on_behalf
        )
        self.posts.update(self.referred & self.model.posts.keys())

    def names(self) -> dict[str, list[Any]]:
        """A :data:`~govgraph.render.rows.NAME` row for every entity referred to and not
        drawn (nodes name themselves), by id."""
        model, wanted = self.model, self.referred - self.drawn
        found: dict[str, list[Any]] = {}
        # An id in two tables (the loader refuses that) is named as Model.get would: the
        # tables are read in the reverse of its order, the later overwriting.
        tables = (model.people, model.posts, model.organisations, model.bodies)
        for table in tables:
            for entity_id in wanted & table.keys():
                entity = table[entity_id]
                start, end = entity.start, entity.end
                if end:
                    found[entity_id] = [entity.name, start and start.isoformat(), end.isoformat()]
                else:
                    found[entity_id] = [entity.name, start.isoformat()] if start else [entity.name]
        return {i: found.get(i) or [i] for i in sorted(wanted)}

    def holders(self) -> dict[str, list[list[Any]]]:
        """Who held each post referred to or drawn, and when (``[]``: a post never held)."""
        posts = sorted(self.posts | (self.drawn & self.held.keys()))
        table = {post: self.held[post] for post in posts}
        for rows in table.values():
            self.referred.update(row[0] for row in rows)
        return table


def body_details(lookup: Lookup, body: Body) -> dict[str, Any]:
    """A body's facts and reporting lines (its kind, names and dates are on its node, its
    members are rows of the memberships table)."""
    details: dict[str, Any] = _where(body)
    if body.root:
        details["root"] = True
    if body.predecessor:
        details["predecessor"] = lookup.ref(body.predecessor)
    if body.hosted_by:
        details["hosted_by"] = lookup.ref(body.hosted_by)
    if body.meets:
        details["meets"] = body.meets
    if body.reports_to:
        details["reports_to"] = [_line(lookup, line.body, line) for line in body.reports_to]
    reported_by = lookup.reported_by.get(body.id)
    if reported_by:
        details["reported_by"] = [_line(lookup, b.id, line) for b, line in reported_by]
    return details


def member_details(lookup: Lookup, member: str) -> dict[str, Any]:
    """An organisation's, post's or person's facts (its name and dates are on its node, its
    seats are rows of the memberships table)."""
    model = lookup.model
    org = model.organisations.get(member)
    if org is not None:
        details: dict[str, Any] = _where(org)
        if org.kind:
            details["kind"] = org.kind
        if org.tags:
            details["tags"] = list(org.tags)
        if org.succeeded_by:
            details["succeeded_by"] = lookup.ref(org.succeeded_by)
        return details
    post = model.posts.get(member)
    if post is not None:  # its holders are in the page's holders table
        details = _where(post)
        if post.organisation:
            details["organisation"] = lookup.ref(post.organisation)
        return details
    person = model.people[member]
    details = _where(person)
    holds = lookup.holds.get(member)
    if holds:
        lookup.posts.update(row[0] for row in holds)
        lookup.referred.update(row[0] for row in holds)
        details["holds"] = holds
    return details


def _where(thing: Placed) -> dict[str, Any]:
    """Where ``thing`` was written, as its details begin."""
    file, line = thing.position  # read once: every node's details start with it
    return {"file": file, "line": line}


def _line(lookup: Lookup, other: str, line: ReportingLine) -> list[Any]:
    """A reporting line as a :data:`~govgraph.render.rows.LINE` row."""
    last = line.last_reported
    return trimmed(
        [
            lookup.ref(other),
            None if line.direction == "both" else line.direction,
            line.frequency,
            last and last.isoformat(),
        ]
    )
