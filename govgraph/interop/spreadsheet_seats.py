"""A sheet of seats (Committee / Member / Role rows) -> bodies, people, organisations.

Each row is one seat: a member on a committee, with a role and dates when the
sheet gives them. How the rows become a model (docs/import-spreadsheets.md):

* **Committees** are bodies, one per name (names that differ only in case,
  spacing or punctuation are one body); the kind comes from the name
  ("Sub-Committee", "Board"), else from the column's header ("Committee"). A
  blank committee cell takes the committee of the row above, as a sheet laid
  out in blocks is read by eye.
* **Members** named in the sheet become people, with ids made from their names
  (``Cllr Jo Bloggs`` -> ``jo-bloggs``); names that differ only in spacing, case
  or honorifics (:func:`govgraph.names.fold_name`) are one person. A member that
  names an organisation (one of the model, or one named in the Organisation
  column) is that organisation; a member that names a post is that post.
* **Organisation** (Representing, On behalf of …): the organisation a person
  sits for (``on_behalf_of``); with no member, the organisation itself sits.
* **Role** goes through the shared role vocabulary (``draft.roles``).
* **Reports to / Parent** gives the committee a reporting line to that body.
* Rows naming no member, or a vacancy ("Vacant", "TBC"), are counted and left out.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from govgraph.errors import GovgraphError
from govgraph.interop.draft import Draft, ordered
from govgraph.interop.spreadsheet_columns import Layout
from govgraph.interop.spreadsheet_dates import HOW_TO_WRITE, NotADate, sheet_date
from govgraph.interop.spreadsheet_read import Row, Sheet, Value
from govgraph.interop.values import body_kind, person_slug, slugify
from govgraph.names import fold_name

#: Member cells (folded) that name no one: the seat is empty.
VACANT = frozenset(
    ("vacant", "vacancy", "vacant seat", "tbc", "tba", "to be confirmed", "to be appointed",
     "none", "n a", "awaiting nomination", "nomination awaited")
)  # fmt: skip
_YES = frozenset(("yes", "y", "true", "voting", "1", "full"))
_NO = frozenset(("no", "n", "false", "non voting", "nonvoting", "0", "none", "advisory"))


def text(value: Value) -> str | None:
    """A cell as text: numbers without a trailing ``.0``, dates in ISO."""
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value == int(value):
        value = int(value)
    tidy = " ".join(str(value).split())
    return tidy or None


class Entities:
    """The model's entities by name and id, so every sheet of an import names the same one."""

    def __init__(self, draft: Draft) -> None:
        self.draft = draft
        self.by_name: dict[tuple[str, str], str] = {}  # (section, folded name) -> id
        self.names: dict[str, set[str]] = {}  # id -> the names it was written with
        for section, key in (("organisations", "name"), ("people", "name"),
                             ("posts", "title"), ("bodies", "name")):  # fmt: skip
            for entity in draft.section(section):
                self.know(section, entity, entity[key], *entity.get("other_names", ()))

    def know(self, section: str, entity: dict[str, Any], *names: str) -> None:
        for name in names:
            self.by_name.setdefault((section, fold_name(name)), entity["id"])
            self.names.setdefault(entity["id"], set()).add(name)

    def find(self, section: str, name: str) -> str | None:
        """The id of the entity of ``section`` named ``name`` (as :func:`fold_name`
        compares names); a new spelling of a known name is counted as merged."""
        found = self.by_name.get((section, fold_name(name)))
        if found is not None and name not in self.names[found]:
            self.names[found].add(name)
            self.draft.merged.add(
                "names that differ only in case, spacing or honorifics (one entity)",
                f"{name!r} as {found}",
            )
        return found

    def body(self, name: str, where: str, header: str | None = None) -> str:
        """The body named ``name``, made if new; its kind comes from its name, else from
        the column's ``header`` (the rows of a "Committee" column are committees)."""
        found = self.find("bodies", name)
        if found is not None:
            return found
        body_id = self.draft.ids.claim("body", fold_name(name), slugify(name, "body"))
        kind = body_kind(name, header)
        body = {"id": body_id, "name": name, "kind": kind, "members": []}
        self.draft.bodies.append(body)
        self.draft.origins[body_id] = where
        self.know("bodies", body, name)
        return body_id

    def organisation(self, name: str, where: str) -> str:
        found = self.find("organisations", name)
        if found is not None:
            return found
        org_id = self.draft.ids.claim("organisation", fold_name(name), slugify(name))
        org = {"id": org_id, "name": name}
        self.draft.organisations.append(org)
        self.draft.origins[org_id] = where
        self.know("organisations", org, name)
        return org_id

    def member(self, name: str, where: str) -> str:
        """The organisation, post or person a member cell names (a new person if none)."""
        for section in ("organisations", "posts", "people"):
            found = self.find(section, name)
            if found is not None:
                return found
        person_id = self.draft.ids.claim("person", fold_name(name), person_slug(name))
        person = {"id": person_id, "name": name}
        self.draft.people.append(person)
        self.draft.origins[person_id] = where
        self.know("people", person, name)
        return person_id


class SeatSheet:
    """Reads the rows of one sheet of seats into the draft."""

    def __init__(self, draft: Draft, entities: Entities, sheet: Sheet, layout: Layout) -> None:
        self.draft, self.entities, self.sheet, self.layout = draft, entities, sheet, layout
        self.seats: Counter[str] = Counter()  # body id -> seats read
        self.bodies: dict[str, dict[str, Any]] = {}  # id -> body, as looked up

    def read(self) -> None:
        committee: str | None = None
        for row in self.sheet.rows:
            if row.number <= self.layout.header.number:
                continue
            committee = self.value(row, "committee") or committee
            self._seat(row, committee)
        self._summarise()

    def value(self, row: Row, field: str) -> str | None:
        column = self.layout.columns.get(field)
        return None if column is None else text(row.get(column))

    def where(self, row: Row, field: str | None = None, full: bool = False) -> str:
        """A cell of ``row`` (``full``: with the file as the user gave it, for errors)."""
        if field is None:
            return self.sheet.where(row.number, full=full)
        column = self.layout.columns[field]
        return self.sheet.where(row.number, column, self.layout.header_of(field), full)

    def _seat(self, row: Row, committee: str | None) -> None:
        member, org = self.value(row, "member"), self.value(row, "organisation")
        if member is not None and fold_name(member) in VACANT:
            self.draft.skipped.add("vacant seat (not modelled)", self.where(row, "member"))
            return
        if member is None and org is None:
            self.draft.skipped.add("row naming no member (left out)", self.where(row))
            return
        if committee is None:
            raise GovgraphError(
                f"{self.where(row, 'committee', True)}: this seat names no committee, and no row "
                f"above it does; write the committee's name in that cell"
            )
        header = self.layout.header_of("committee")
        body = self.entities.body(committee, self.where(row, "committee"), header)
        behalf = self.entities.organisation(org, self.where(row, "organisation")) if org else None
        if member is None:
            assert behalf is not None
            member_id, behalf = behalf, None
        else:
            member_id = self.entities.member(member, self.where(row, "member"))
            if member_id == behalf:
                behalf = None
        role, role_note = self.draft.roles.role(self.value(row, "role"))
        start, end = self._date(row, "from", False), self._date(row, "to", True)
        if start and end and end < start:
            raise GovgraphError(
                f"{self.where(row, 'to', True)}: this seat ends ({end}) before it starts "
                f"({start}); correct one of the two dates"
            )
        notes = [n for n in (role_note, self.value(row, "note")) if n]
        membership = {
            "member": member_id,
            "role": role,
            "on_behalf_of": behalf,
            "voting": self._voting(row),
            "from": start,
            "to": end,
            "term_ends": self._date(row, "term_ends", True),
            "reviewed": self._date(row, "reviewed", False),
            "note": "; ".join(notes) or None,
        }
        self._body_of(body)["members"].append(ordered("membership", membership))
        self.seats[body] += 1
        parent = self.value(row, "parent")
        if parent:
            self._reports_to(body, self.entities.body(parent, self.where(row, "parent")))

    def _date(self, row: Row, field: str, end: bool) -> date | None:
        column = self.layout.columns.get(field)
        if column is None:
            return None
        try:
            return sheet_date(row.get(column), end=end)
        except NotADate as exc:
            raise GovgraphError(f"{self.where(row, field, True)}: {exc}; {HOW_TO_WRITE}") from None

    def _voting(self, row: Row) -> bool | None:
        value = self.value(row, "voting")
        if value is None:
            return None
        word = " ".join(value.lower().replace("-", " ").split())
        if word in _YES:
            return True
        if word in _NO:
            return False
        raise GovgraphError(
            f"{self.where(row, 'voting', True)}: {value!r} is neither yes nor no; write yes for a "
            f"voting seat, no for a non-voting one, or leave it blank"
        )

    def _body_of(self, body_id: str) -> dict[str, Any]:
        body = self.bodies.get(body_id)
        if body is None:  # a body this sheet made: index them all again
            self.bodies = {b["id"]: b for b in self.draft.bodies}
            body = self.bodies[body_id]
        return body

    def _reports_to(self, body_id: str, parent_id: str) -> None:
        if parent_id == body_id:
            return
        lines = self._body_of(body_id).setdefault("reports_to", [])
        if all(line["body"] != parent_id for line in lines):
            lines.append({"body": parent_id})

    def _summarise(self) -> None:
        seats = sum(self.seats.values())
        unused = (
            f"; columns not used: {', '.join(self.layout.unused)}" if self.layout.unused else ""
        )
        self.draft.read.append(
            f"{self.sheet.label}: {seats} seat{'s' if seats != 1 else ''} on "
            f"{len(self.seats)} bod{'y' if len(self.seats) == 1 else 'ies'}{unused}"
        )


def read_seats(draft: Draft, entities: Entities, sheet: Sheet, layout: Layout) -> None:
    """Add the seats of one sheet to ``draft`` (see the module docstring)."""
    SeatSheet(draft, entities, sheet, layout).read()
