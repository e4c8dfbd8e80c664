"""What an export contains: the whole model, or the part of it chosen by date and selection.

Every exporter reads one :class:`ExportView`, so ``--as-of`` and ``--bodies``
mean the same in every format:

* neither: everything, with all dates (full history);
* ``--as-of DATE``: only bodies, organisations, people, memberships and post
  holdings current on that day, and reporting lines between those bodies;
* ``--bodies EXPR``: only the selected bodies, their members (organisations,
  posts, people), the holders of those posts and the posts' organisations,
  and the reporting lines between selected bodies.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import date

from govgraph.dates import is_current
from govgraph.model import Model
from govgraph.schema import (
    Body,
    Holding,
    Membership,
    Organisation,
    Person,
    Post,
    ReportingLine,
)


@dataclass(frozen=True)
class ExportView:
    """The entities and relations one export writes, in model order."""

    model: Model
    as_of: date | None
    bodies: tuple[Body, ...]
    organisations: tuple[Organisation, ...]
    posts: tuple[Post, ...]
    people: tuple[Person, ...]
    memberships: tuple[tuple[Body, int, Membership], ...]
    reporting_lines: tuple[tuple[Body, int, ReportingLine], ...]
    holdings: tuple[tuple[Post, int, Holding], ...]

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(
            e.id
            for table in (self.bodies, self.organisations, self.posts, self.people)
            for e in table
        )

    def kind_of(self, entity_id: str) -> str | None:
        """``body``, ``organisation``, ``post`` or ``person`` (None when not exported)."""
        return self.model.kind_of(entity_id) if entity_id in self.ids else None

    def entities(self) -> Iterator[tuple[str, Body | Organisation | Post | Person]]:
        """Every exported entity with its kind word, organisations first."""
        yield from (("organisation", e) for e in self.organisations)
        yield from (("person", e) for e in self.people)
        yield from (("post", e) for e in self.posts)
        yield from (("body", e) for e in self.bodies)


def make_view(
    model: Model, as_of: date | None = None, bodies: Collection[str] | None = None
) -> ExportView:
    """The part of ``model`` an export writes (see the module docstring)."""

    def current(thing: Body | Organisation | Person | Membership | Holding) -> bool:
        return as_of is None or is_current(thing, as_of)

    chosen = [b for b in model.bodies.values() if current(b) and (bodies is None or b.id in bodies)]
    chosen_ids = {b.id for b in chosen}
    memberships = tuple(
        (body, i, m) for body in chosen for i, m in enumerate(body.members) if current(m)
    )
    # Members are always exported with their memberships, even a dissolved
    # organisation or a person who has left: the membership refers to them.
    members = {m.member for _, _, m in memberships}
    everything = bodies is None
    posts = [p for p in model.posts.values() if everything or p.id in members]
    holders = {h.person for p in posts for h in p.holders if current(h)}
    owners = {p.organisation for p in posts if p.organisation}
    orgs = [
        o
        for o in model.organisations.values()
        if o.id in members | owners or (everything and current(o))
    ]
    people = [
        p for p in model.people.values() if p.id in members | holders or (everything and current(p))
    ]
    people_ids = {p.id for p in people}
    holdings = tuple(
        (post, i, h)
        for post in posts
        for i, h in enumerate(post.holders)
        if current(h) and h.person in people_ids
    )
    lines = tuple(
        (body, i, line)
        for body in chosen
        for i, line in enumerate(body.reports_to)
        if line.body in chosen_ids
    )
    return ExportView(
        model=model,
        as_of=as_of,
        bodies=tuple(chosen),
        organisations=tuple(orgs),
        posts=tuple(posts),
        people=tuple(people),
        memberships=memberships,
        reporting_lines=lines,
        holdings=holdings,
    )
