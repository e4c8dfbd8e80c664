"""What the details panel and the text view say about one body or member.

Plain JSON values, built once for the page: the panel shows the memberships
current on the slider's date, so every membership is here with its dates.

Kept lean, because a 2,000-body chart holds tens of thousands of memberships:

* a field that is empty (null, ``""``, ``[]``) or at its default (a membership's
  ``role: member``, ``voting: true``; a body's ``root: false``) is left out, and
  the page reads a missing field as that empty or default value;
* other entities are referred to by id; :meth:`Lookup.names` names each once
  (with its kind and dates, so the page can tell whether it is current on a day),
  and a detail's own id, name and type are its key and its entry in ``names``;
* a post's holders are listed once, in :meth:`Lookup.holders`, not under every
  body the post sits on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from govgraph.model import Model
from govgraph.schema import Body, Holding, Membership, ReportingLine

DEFAULT_ROLE = "member"


@dataclass
class Lookup:
    """Reverse indexes over a model, built once so each node's details cost O(its links)."""

    model: Model
    drawn: set[str]
    seats: dict[str, list[tuple[Body, Membership]]] = field(default_factory=dict)
    reported_by: dict[str, list[tuple[Body, ReportingLine]]] = field(default_factory=dict)
    holdings: dict[str, list[tuple[str, Holding]]] = field(default_factory=dict)
    referred: set[str] = field(default_factory=set)
    posts: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        for body, membership in self.model.memberships():
            self.seats.setdefault(membership.member, []).append((body, membership))
        for body, line in self.model.reporting_lines():
            self.reported_by.setdefault(line.body, []).append((body, line))
        for post in self.model.posts.values():
            for holding in post.holders:
                self.holdings.setdefault(holding.person, []).append((post.id, holding))

    def ref(self, entity_id: str | None) -> str | None:
        """A reference to another entity (its id), remembered so that it gets named."""
        if entity_id is not None:
            self.referred.add(entity_id)
            if entity_id in self.model.posts:
                self.posts.add(entity_id)
        return entity_id

    def names(self) -> dict[str, dict[str, Any]]:
        """Name, type and dates (when it has them) of every entity referred to or drawn, by id."""
        named = {}
        for entity_id in sorted(self.referred | self.drawn):
            entity = self.model.get(entity_id)
            named[entity_id] = lean(
                name=self.model.name_of(entity_id),
                type=self.model.kind_of(entity_id),
                start=iso(entity.start) if entity else None,
                end=iso(entity.end) if entity else None,
            )
        return named

    def holders(self) -> dict[str, list[dict[str, Any]]]:
        """Who held each post referred to or drawn, and when (``[]``: a post never held)."""
        posts = sorted(self.posts | (self.drawn & self.model.posts.keys()))
        return {
            post: [
                lean(person=self.ref(h.person), **_dated(h)) for h in self.model.posts[post].holders
            ]
            for post in posts
        }


def lean(**fields: Any) -> dict[str, Any]:
    """``fields`` without the empty ones (None, ``""``, ``[]``): the page reads those as absent."""
    return {key: value for key, value in fields.items() if value not in (None, "", [])}


def body_details(lookup: Lookup, body: Body) -> dict[str, Any]:
    return lean(
        kind=body.kind,
        root=body.root or None,
        short_name=body.short_name,
        established=iso(body.established),
        dissolved=iso(body.dissolved),
        predecessor=lookup.ref(body.predecessor),
        hosted_by=lookup.ref(body.hosted_by),
        meets=body.meets,
        file=body.file,
        line=body.line,
        members=[_membership(lookup, m) for m in body.members],
        reports_to=[_line(lookup, line.body, line) for line in body.reports_to],
        reported_by=[_line(lookup, b.id, line) for b, line in lookup.reported_by.get(body.id, [])],
    )


def member_details(lookup: Lookup, member: str) -> dict[str, Any]:
    model = lookup.model
    details = lean(
        seats=[
            lean(body=lookup.ref(body.id), **_role(m), **_dated(m))
            for body, m in lookup.seats.get(member, [])
        ]
    )
    if member in model.organisations:
        org = model.organisations[member]
        details.update(
            lean(
                kind=org.kind,
                tags=list(org.tags),
                established=iso(org.established),
                dissolved=iso(org.dissolved),
                succeeded_by=lookup.ref(org.succeeded_by),
                file=org.file,
                line=org.line,
            )
        )
    elif member in model.posts:
        post = model.posts[member]  # its holders are in the page's holders table
        details.update(
            lean(organisation=lookup.ref(post.organisation), file=post.file, line=post.line)
        )
    elif member in model.people:
        person = model.people[member]
        holds = [lean(post=lookup.ref(p), **_dated(h)) for p, h in lookup.holdings.get(member, [])]
        details.update(lean(left=iso(person.left), holds=holds, file=person.file, line=person.line))
    return details


def _membership(lookup: Lookup, membership: Membership) -> dict[str, Any]:
    return lean(
        member=lookup.ref(membership.member),
        **_role(membership),
        **_dated(membership),
        term_ends=iso(membership.term_ends),
        reviewed=iso(membership.reviewed),
        note=membership.note,
    )


def _role(membership: Membership) -> dict[str, Any]:
    """The role and vote, when not the defaults (a voting ``member``)."""
    return lean(
        role=membership.role if membership.role != DEFAULT_ROLE else None,
        voting=False if not membership.voting else None,
    )


def _line(lookup: Lookup, other: str, line: ReportingLine) -> dict[str, Any]:
    return lean(
        body=lookup.ref(other),
        direction=line.direction,
        frequency=line.frequency,
        last_reported=iso(line.last_reported),
    )


def _dated(thing: Membership | Holding) -> dict[str, str | None]:
    return {"from": iso(thing.start), "to": iso(thing.end)}


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
