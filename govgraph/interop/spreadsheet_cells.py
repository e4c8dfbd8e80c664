"""The cells of govgraph's own tables: which sheet is which table, and what a cell holds.

Shared by the readers of the entity tables (:mod:`spreadsheet_tables`) and of
the packs tables (:mod:`spreadsheet_packs`); the encodings are those of
:mod:`spreadsheet_layout`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from govgraph.errors import GovgraphError
from govgraph.interop.roles import fold
from govgraph.interop.spreadsheet_dates import HOW_TO_WRITE, NotADate, sheet_date
from govgraph.interop.spreadsheet_layout import (
    BY_NAME,
    DATES,
    END_DATES,
    FLAGS,
    LISTS,
    NUMBERS,
    Table,
)
from govgraph.interop.spreadsheet_read import Row, Sheet, Value
from govgraph.interop.spreadsheet_seats import text

#: The columns a table's header must have.
KEYS = {
    "organisations": ("id", "name"), "people": ("id", "name"), "posts": ("id", "title"),
    "bodies": ("id", "name"), "post-holders": ("post", "person"),
    "memberships": ("body", "member"), "reporting-lines": ("body", "reports_to"),
    "packs": ("id", "name"), "pack-provisions": ("pack", "id"),
    "plans": ("id", "name"), "plan-priorities": ("plan", "id"),
}  # fmt: skip
#: A table's rows in the singular, for "1 body" in the summary.
ONE_ROW = {
    "organisations": "organisation", "people": "person", "posts": "post",
    "post-holders": "post holder", "bodies": "body", "memberships": "membership",
    "reporting-lines": "reporting line", "packs": "pack", "pack-provisions": "pack provision",
    "plans": "plan", "plan-priorities": "plan priority",
}  # fmt: skip
_TRUE, _FALSE = frozenset(("true", "yes", "y", "1")), frozenset(("false", "no", "n", "0"))


def _normal(name: str) -> str:
    return re.sub(r"[\s_]+", "-", name.strip().lower())


@dataclass
class TableSheet:
    """A sheet recognised as one of the tables, with its header row and column positions."""

    table: Table
    sheet: Sheet
    header: Row
    columns: dict[str, int] = field(default_factory=dict)


def table_sheet(sheet: Sheet) -> TableSheet | None:
    """The sheet as one of govgraph's tables, or None when it is not one."""
    table = BY_NAME.get(_normal(sheet.name))
    if table is None:
        return None
    for row in sheet.rows[:3]:
        columns = {
            _normal(str(v)).replace("-", "_"): i
            for i, v in enumerate(row.cells)
            if isinstance(v, str)
        }
        if all(key in columns for key in KEYS[table.name]):
            return TableSheet(table, sheet, row, columns)
    return None


def cell_value(item: TableSheet, row: Row, column: str) -> Any:
    """The value of a table's cell, decoded as its column holds it (see spreadsheet_layout)."""
    value: Value = row.get(item.columns[column])
    where = cell_where(item, row, column)
    if column in DATES:
        try:
            return sheet_date(value, end=column in END_DATES)
        except NotADate as exc:
            raise GovgraphError(f"{where}: {exc}; {HOW_TO_WRITE}") from None
    if value is None:
        return None
    if column in FLAGS:
        return _flag(value, where)
    if column in NUMBERS:
        return _number(value, where)
    if column in LISTS:
        return split_items(str(value))
    if column == "ignore":
        return _ignores(str(value), where)
    if column == "requires" and item.table.name == "bodies":
        return _requires(str(value), where)
    return value if isinstance(value, str) else text(value)


def data_rows(item: TableSheet) -> list[Row]:
    """The rows of a table below its header."""
    return [r for r in item.sheet.rows if r.number > item.header.number]


def row_values(item: TableSheet, row: Row, skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    """A row's values by column, for the table's columns the sheet has (but ``skip``);
    empty cells left out."""
    values = {
        column: cell_value(item, row, column)
        for column in item.table.columns
        if column in item.columns and column not in skip
    }
    return {key: value for key, value in values.items() if value is not None}


def rows_read(item: TableSheet, count: int, unused: str = "") -> str:
    """The summary line of one table: ``model.xlsx, sheet 'bodies': 18 bodies``."""
    name = item.table.name
    what = ONE_ROW[name] if count == 1 else name.replace("-", " ")
    return f"{item.sheet.label}: {count} {what}{unused}"


def cell_where(item: TableSheet, row: Row, column: str) -> str:
    """Where a table's cell is: ``bodies!E7``, or ``bodies.csv:7 (column 'kind')``."""
    index = item.columns.get(column)
    return item.sheet.where(row.number, index, column)


# --- cells ------------------------------------------------------------------------------


def _flag(value: Value, where: str) -> bool:
    if isinstance(value, bool):
        return value
    word = fold(str(value))
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise GovgraphError(f"{where}: {value!r} is neither true nor false; write true or false")


def _number(value: Value, where: str) -> int:
    try:
        number = float(str(value))
    except ValueError:
        number = 0.5
    if number != int(number):
        raise GovgraphError(f"{where}: {value!r} is not a whole number")
    return int(number)


def split_items(cell: str) -> list[str]:
    parts = cell.split("\n") if "\n" in cell else cell.split(";")
    return [part.strip() for part in parts if part.strip()]


def _ignores(cell: str, where: str) -> list[dict[str, str]]:
    entries = []
    for line in (line.strip() for line in cell.splitlines()):
        if not line:
            continue
        check, sep, reason = line.partition(":")
        if not sep or not check.strip() or not reason.strip():
            raise GovgraphError(
                f"{where}: {line!r}: write each accepted finding on its own line as "
                f"CHECK: reason, e.g. empty-body: members are listed in ModernGov"
            )
        entries.append({"check": check.strip(), "reason": reason.strip()})
    return entries


def _requires(cell: str, where: str) -> list[dict[str, str]]:
    rules = []
    for part in split_items(cell):
        key, sep, value = part.partition(":")
        if not sep or key.strip() not in ("tag", "member") or not value.strip():
            raise GovgraphError(
                f"{where}: {part!r}: write each rule as tag: TAG or member: ID, separated by ;"
            )
        rules.append({key.strip(): value.strip()})
    return rules
