"""Sheets in govgraph's own table layout (what ``export --to xlsx``/``csv`` writes) -> a draft.

A sheet (or CSV file) is a table of :mod:`spreadsheet_layout` when its name is
the table's (``bodies``, ``Reporting lines``, ``post_holders.csv`` …) and its
header has the table's key columns. The entity tables are read first, then the
tables that refer to them, so a membership may name any organisation, post or
person of the workbook (by id, or by name: a name not yet in the model becomes
a person, as in a sheet of seats).

Every value is checked as the model format checks it, and a bad one stops the
import naming its cell (``bodies!E7``, ``bodies.csv:7 (column 'kind')``). A
``statutory`` pack or post ``role`` that only the model's own ``packs:`` define
is left out and listed, since packs are not part of the tables.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from pydantic import ValidationError

from govgraph.errors import GovgraphError
from govgraph.interop.draft import Draft, ordered
from govgraph.interop.spreadsheet_cells import (
    KEYS,
    TableSheet,
    cell_value,
    cell_where,
    data_rows,
    rows_read,
    split_items,
)
from govgraph.interop.spreadsheet_layout import NESTED, TABLES
from govgraph.interop.spreadsheet_packs import KnownPacks, read_packs
from govgraph.interop.spreadsheet_plans import read_plans
from govgraph.interop.spreadsheet_read import Row
from govgraph.interop.spreadsheet_seats import Entities, text
from govgraph.schema import (
    Body,
    Holding,
    Membership,
    Organisation,
    Person,
    Post,
    ReportingLine,
    validate,
)

SCHEMAS: dict[str, type[Any]] = {
    "organisations": Organisation, "people": Person, "posts": Post, "bodies": Body,
    "post-holders": Holding, "memberships": Membership, "reporting-lines": ReportingLine,
}  # fmt: skip
ENTITY_TABLES = ("organisations", "people", "posts", "bodies")


def read_tables(draft: Draft, found: Iterable[TableSheet]) -> Entities:
    """Read the table sheets into ``draft``, entities first; returns the entity index."""
    order = {table.name: n for n, table in enumerate(TABLES)}
    tables = list(found)
    known = read_packs(draft, [t for t in tables if t.table.name.startswith("pack")])
    read_plans(draft, [t for t in tables if t.table.name.startswith("plan")])
    reader = _TableReader(draft, known)
    for item in sorted(tables, key=lambda t: order[t.table.name]):
        if item.table.name.startswith(("pack", "plan")):
            continue
        reader.read(item)
    reader.finish()
    return reader.entities


class _TableReader:
    def __init__(self, draft: Draft, known: KnownPacks) -> None:
        self.draft = draft
        self.known = known
        self.entities = Entities(draft)
        self.first: dict[str, str] = {}  # id -> where it was first written
        self.by_id: dict[str, tuple[str, dict[str, Any]]] = {}  # id -> (section, entity)
        self.pending: list[tuple[str, str, Callable[[str], None]]] = []  # where, ref, set
        self.shown_lines: list[tuple[str, str, str]] = []  # body, parent, where
        self.lines_read = False

    # --- one table ----------------------------------------------------------------------

    def read(self, item: TableSheet) -> None:
        rows = data_rows(item)
        for row in rows:
            values = {
                column: cell_value(item, row, column)
                for column in item.table.columns
                if column in item.columns
                and column not in item.table.shown_only
                and not (column in NESTED and item.table.name == "bodies")
            }
            getattr(self, "_" + item.table.name.replace("-", "_"))(item, row, values)
        if item.table.name == "bodies" and "root" in item.columns:
            self.draft.roots_given = True
        self.lines_read = self.lines_read or item.table.name == "reporting-lines"
        unused = [str(item.header.get(i)) for c, i in item.columns.items()
                  if c not in item.table.columns]  # fmt: skip
        more = f"; columns not used: {', '.join(unused)}" if unused else ""
        self.draft.read.append(rows_read(item, len(rows), more))

    def _checked(self, item: TableSheet, row: Row, values: dict[str, Any]) -> dict[str, Any]:
        kind = item.table.kind
        cleaned = ordered(kind, values)
        try:
            validate(SCHEMAS[item.table.name], cleaned)
        except ValidationError as exc:
            error = exc.errors()[0]
            column = str(error["loc"][0]) if error["loc"] else KEYS[item.table.name][0]
            where = cell_where(item, row, column if column in item.columns else
                                KEYS[item.table.name][0])  # fmt: skip
            raise GovgraphError(f"{where}: {error['msg']}") from None
        return cleaned

    # --- entity tables ------------------------------------------------------------------

    def _entity(self, section: str, item: TableSheet, row: Row, values: dict[str, Any]) -> None:
        entity_id = values.get("id")
        where = cell_where(item, row, "id")
        if entity_id is None:
            raise GovgraphError(
                f"{where}: no id; every row of {item.table.name} needs one (lowercase "
                f"letters, digits and -, unique across the model)"
            )
        if entity_id in self.first:
            raise GovgraphError(
                f"{where}: the id {entity_id!r} is already used at {self.first[entity_id]}; "
                f"ids are unique across the whole model"
            )
        entity = self._checked(item, row, values)
        self.draft.ids.claim("id", str(entity_id), str(entity_id))
        self.first[str(entity_id)] = where
        self.by_id[str(entity_id)] = (section, entity)
        self.draft.section(section).append(entity)
        names = [entity.get("name") or entity.get("title"), *entity.get("other_names", ())]
        self.entities.know(section, entity, *names)

    def _refer(self, item: TableSheet, row: Row, entity: dict[str, Any], key: str,
               sections: tuple[str, ...]) -> None:  # fmt: skip
        value = entity.get(key)
        if value is not None:
            where = cell_where(item, row, key)
            self.pending.append((where, str(value), self._resolver(entity, key, sections)))

    def _resolver(self, entity: dict[str, Any], key: str, sections: tuple[str, ...]
                  ) -> Callable[[str], None]:  # fmt: skip
        def resolve(found: str) -> None:
            if not found:
                entity[key] = None
                return
            if self.by_id.get(found, ("",))[0] not in sections:
                raise LookupError(" or ".join(s.rstrip("s") for s in sections))
            entity[key] = found

        return resolve

    def _organisations(self, item: TableSheet, row: Row, values: dict[str, Any]) -> None:
        self._entity("organisations", item, row, values)
        self._refer(item, row, self.draft.organisations[-1], "succeeded_by", ("organisations",))

    def _people(self, item: TableSheet, row: Row, values: dict[str, Any]) -> None:
        self._entity("people", item, row, values)

    def _posts(self, item: TableSheet, row: Row, values: dict[str, Any]) -> None:
        role = values.get("role")
        if role is not None and role not in self.known.post_roles:
            self.draft.skipped.add(
                "post role neither govgraph nor a pack of the tables knows (left out; "
                "give the packs and pack-provisions tables too)",
                f"{values.get('id')}: {role}")  # fmt: skip
            values["role"] = None
        self._entity("posts", item, row, values)
        self._refer(item, row, self.draft.posts[-1], "organisation", ("organisations",))

    def _bodies(self, item: TableSheet, row: Row, values: dict[str, Any]) -> None:
        pack = values.get("statutory")
        if pack is not None and pack not in self.known.packs:
            self.draft.skipped.add(
                "statutory pack neither shipped with govgraph nor in the tables (left out; "
                "give the packs and pack-provisions tables too)",
                f"{values.get('id')}: {pack}")  # fmt: skip
            values["statutory"] = None
        self._entity("bodies", item, row, values)
        body = self.draft.bodies[-1]
        body["members"] = []
        self._refer(item, row, body, "predecessor", ("bodies",))
        self._refer(item, row, body, "hosted_by", ("organisations",))
        for rule in body.get("requires", []):
            if "member" in rule:
                where = cell_where(item, row, "requires")
                every = ("organisations", "posts", "people")
                self.pending.append((where, rule["member"], self._resolver(rule, "member", every)))
        shown = row.get(item.columns["reports_to"]) if "reports_to" in item.columns else None
        for parent in split_items(str(shown)) if shown else ():
            self.shown_lines.append((body["id"], parent, cell_where(item, row, "reports_to")))

    # --- tables that refer to entities --------------------------------------------------

    def _find(self, item: TableSheet, row: Row, column: str, sections: tuple[str, ...],
              make: Callable[[str, str], str] | None = None) -> str:  # fmt: skip
        """The entity a cell names, by id or by name (made with ``make`` when new)."""
        value = text(row.get(item.columns[column])) if column in item.columns else None
        where = cell_where(item, row, column)
        if value is None:
            raise GovgraphError(f"{where}: empty; write the id (or name) of a {sections[0][:-1]}")
        if self.by_id.get(value, ("",))[0] in sections:
            return value
        for section in sections:
            found = self.entities.find(section, value)
            if found is not None:
                return found
        if make is not None:
            return make(value, where)
        raise GovgraphError(
            f"{where}: no {' or '.join(s[:-1] for s in sections)} with the id or name "
            f"{value!r} in the tables"
        )

    def _entity_of(self, entity_id: str) -> dict[str, Any]:
        if entity_id not in self.by_id:  # made just now from a name
            for section in ("organisations", "people", "posts", "bodies"):
                for entity in self.draft.section(section):
                    if entity["id"] == entity_id:
                        self.by_id[entity_id] = (section, entity)
        return self.by_id[entity_id][1]

    def _post_holders(self, item: TableSheet, row: Row, values: dict[str, Any]) -> None:
        post = self._find(item, row, "post", ("posts",))
        values["person"] = self._find(item, row, "person", ("people",), self.entities.member)
        holding = self._checked(item, row, values)
        self._entity_of(post).setdefault("holders", []).append(holding)

    def _memberships(self, item: TableSheet, row: Row, values: dict[str, Any]) -> None:
        body = self._find(item, row, "body", ("bodies",), self.entities.body)
        values["member"] = self._find(item, row, "member", ("organisations", "posts", "people"),
                                      self.entities.member)  # fmt: skip
        if values.get("on_behalf_of") is not None:
            values["on_behalf_of"] = self._find(item, row, "on_behalf_of", ("organisations",),
                                                self.entities.organisation)  # fmt: skip
        role, note = self.draft.roles.role(values.get("role"))
        values["role"] = role
        values["note"] = "; ".join(n for n in (note, values.get("note")) if n) or None
        self._entity_of(body).setdefault("members", []).append(self._checked(item, row, values))

    def _reporting_lines(self, item: TableSheet, row: Row, values: dict[str, Any]) -> None:
        body = self._find(item, row, "body", ("bodies",), self.entities.body)
        values["body"] = self._find(item, row, "reports_to", ("bodies",), self.entities.body)
        line = self._checked(item, row, values)
        self._entity_of(body).setdefault("reports_to", []).append(line)

    # --- after every table --------------------------------------------------------------

    def finish(self) -> None:
        for where, ref, resolve in self.pending:
            found = ref if ref in self.by_id else None
            for section in ENTITY_TABLES:
                found = found or self.entities.find(section, ref)
            if found is None:
                # Not in the tables at all: an --as-of or --bodies export leaves out
                # what a kept entity refers to (a successor not yet established).
                self.draft.skipped.add(
                    "reference to something not in the tables (left out)", f"{where}: {ref}"
                )
                resolve("")
                continue
            try:
                resolve(found)
            except LookupError as exc:
                raise GovgraphError(
                    f"{where}: {ref!r} is not the id or name of a {exc.args[0]} in the tables"
                ) from None
        for body in self.draft.bodies:
            if body.get("requires"):
                body["requires"] = [rule for rule in body["requires"] if any(rule.values())]
        if not self.lines_read:
            for body_id, parent, where in self.shown_lines:
                found = parent if self.by_id.get(parent, ("",))[0] == "bodies" else None
                if found is None:
                    raise GovgraphError(f"{where}: no body with the id {parent!r} in the tables")
                self._entity_of(body_id).setdefault("reports_to", []).append({"body": found})
        kinds = {"organisations": "organisation", "people": "person", "posts": "post",
                 "bodies": "body"}  # fmt: skip
        for section, kind in kinds.items():
            entities = self.draft.section(section)
            entities[:] = [ordered(kind, entity) for entity in entities]
