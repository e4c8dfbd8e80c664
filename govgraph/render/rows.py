"""The chart data's rows, and the two big tables of them: memberships and post holders.

A row is a list of fields in the order its layout gives (the layouts are in the
page's data as ``fields``, and the page's script reads rows by them): a field
that is empty or at its default is ``null``, and trailing ``null`` fields are
left out. Rows instead of mappings keep the page small and quick to write: a
chart of 10,000 nodes holds tens of thousands of memberships.

Both tables are read from the model in one pass each, because each pass over
tens of thousands of memberships pays for reaching objects spread all over
memory (profiled: about 0.5 µs a membership before any work is done). The pass
over memberships gathers all that the chart needs from them:

* each drawn body's memberships, as :data:`MEMBERSHIP` rows;
* which drawn bodies each member sits on (what is drawn, and where: under them);
* the other seats of those members, when members are drawn (their details list
  every seat, on any body);
* every date on any membership, for the date slider's range (:class:`IsoText`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from govgraph.model import Model
from govgraph.schema import Membership

DEFAULT_ROLE = "member"

#: A membership: ``role`` is null for a plain ``member``, ``voting`` null when it votes.
#: ``on_behalf_of``: the organisation the member sits for, when the model says.
MEMBERSHIP = (
    "member",
    "from",
    "to",
    "role",
    "voting",
    "term_ends",
    "reviewed",
    "note",
    "on_behalf_of",
)
#: An entity's name and dates (when it has them), in the names table.
NAME = ("name", "start", "end")
#: A reporting line in a body's ``reports_to`` (the body it reports to) or ``reported_by``
#: (the body reporting to it); ``direction`` is null when it is ``both``.
LINE = ("body", "direction", "frequency", "last_reported")
#: A post's holder, in the holders table.
HOLDER = ("person", "from", "to")
#: A post a person held, in the person's details (``holds``).
HELD = ("post", "from", "to")
#: Every layout, as the page reads them.
FIELDS = {"membership": MEMBERSHIP, "name": NAME, "line": LINE, "holder": HOLDER, "held": HELD}


class IsoText(dict[date | None, str | None]):
    """ISO text of dates, each worked out once (many things share dates); ``None`` for none.

    Its keys are every date it was asked for: the dates of what the rows were made from.
    """

    def __init__(self) -> None:
        super().__init__({None: None})

    def __missing__(self, day: date) -> str:
        text = self[day] = day.isoformat()
        return text

    def days(self) -> set[date]:
        return {day for day in self if day is not None}


@dataclass
class Seating:
    #: ``[[body, [row, ...]], ...]`` in model order: every membership of a drawn body (a row's
    #: index is its position in the body's ``members``), and on other bodies the seats of
    #: drawn members only.
    table: list[list[Any]]
    #: Each member of a drawn body (on any date), with the drawn bodies it sits on.
    seats: dict[str, list[str]]


def seating(model: Model, bodies: tuple[str, ...], members: bool, iso: IsoText) -> Seating:
    """The memberships of ``bodies`` and, with ``members``, their members' other seats.

    Every membership's dates end up in ``iso``.
    """
    rows_of: dict[str, list[list[Any]]] = {}
    seats: dict[str, list[str]] = {}
    for body_id in bodies:
        rows = rows_of[body_id] = []
        for m in model.bodies[body_id].members:
            row = membership_row(m, iso)
            rows.append(row)
            on = seats.setdefault(row[0], [])
            if not on or on[-1] != body_id:  # a body's seats come together: each body once
                on.append(body_id)
    seated = seats if members else {}
    for body in model.bodies.values():
        if body.id in rows_of:
            continue
        for m in body.members:
            if m.member in seated:
                rows_of.setdefault(body.id, []).append(membership_row(m, iso))
            else:  # only its dates, for the slider
                iso[m.from_], iso[m.to], iso[m.term_ends], iso[m.reviewed]  # noqa: B018
    table = [[body, rows_of[body]] for body in model.bodies if rows_of.get(body)]
    return Seating(table, seats)


def membership_row(m: Membership, iso: IsoText) -> list[Any]:
    """A membership as a :data:`MEMBERSHIP` row."""
    role = m.role
    row = [
        m.member,
        iso[m.from_],
        iso[m.to],
        None if role == DEFAULT_ROLE else role,
        None if m.voting else False,
        iso[m.term_ends],
        iso[m.reviewed],
        m.note or None,
        m.on_behalf_of,
    ]
    while row[-1] is None:  # as trimmed(), inline: this runs for every membership drawn
        row.pop()
    return row


def holder_rows(model: Model, iso: IsoText) -> dict[str, list[list[Any]]]:
    """Every post's holders as :data:`HOLDER` rows, in model order (their dates go in ``iso``)."""
    return {
        post.id: [trimmed([h.person, iso[h.from_], iso[h.to]]) for h in post.holders]
        for post in model.posts.values()
    }


def trimmed(row: list[Any]) -> list[Any]:
    """``row`` without its trailing empty fields."""
    while row[-1] is None:
        row.pop()
    return row


def rows_as_dicts(rows: list[list[Any]], layout: tuple[str, ...]) -> list[dict[str, Any]]:
    """Rows read back as ``{field: value}`` without the empty fields (for Python readers)."""
    return [{k: v for k, v in zip(layout, row, strict=False) if v is not None} for row in rows]
