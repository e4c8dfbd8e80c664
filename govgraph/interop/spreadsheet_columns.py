"""Which column of a sheet of seats holds what: recognised by its header.

Headers are compared in any case and with any punctuation, in any order, and a
header may add "name" or "date" to a common name ("Committee name", "Date
appointed", "Start date"). ``--column member="Cllr name"`` names a header the
list below does not know (repeatable; one header may serve two fields, e.g.
``--column from=Session --column to=Session`` for a sheet of yearly sessions).

The header row need not be the first: a title row or two above it ("Committee
membership 2023/24") is stepped over. The header is the first of the first
:data:`HEADER_SEARCH` rows that names both a committee and a member.

>>> field_of("Committee Name"), field_of("Date appointed"), field_of("Cllr")
('committee', 'from', 'member')
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from govgraph.errors import GovgraphError
from govgraph.interop.roles import fold
from govgraph.interop.spreadsheet_read import Row, Sheet

#: Each field a sheet of seats may give, and the headers (folded) that name it.
SEAT_COLUMNS: dict[str, tuple[str, ...]] = {
    "committee": ("committee", "body", "board", "group", "partnership", "panel", "forum",
                  "outside body", "meeting", "decision making body"),
    "member": ("member", "name", "councillor", "cllr", "representative", "person",
               "appointee", "full name", "councillor or representative", "nominee"),
    "role": ("role", "position", "title", "office", "capacity", "membership type",
             "member type", "role on committee"),
    "organisation": ("organisation", "organization", "representing", "on behalf of",
                     "agency", "nominating body", "nominated by", "sector"),
    "from": ("from", "start", "appointed", "start of term", "term start", "begins",
             "date of appointment", "appointment"),
    "to": ("to", "end", "until", "ended", "left", "end of term", "finish", "resigned",
           "date left"),
    "term_ends": ("term ends", "term end", "term expires", "term expiry", "expires",
                  "expiry", "appointed until", "review by"),
    "reviewed": ("reviewed", "last reviewed", "review", "confirmed", "date reviewed"),
    "parent": ("reports to", "parent", "parent body", "parent committee", "reporting to",
               "accountable to", "sub committee of"),
    "voting": ("voting", "vote", "voting rights", "voting member"),
    "note": ("note", "notes", "comment", "comments", "remarks"),
}  # fmt: skip
#: Fields a sheet of seats must have (one may be named with --column).
REQUIRED = ("committee", "member")
HEADER_SEARCH = 10

_FIELD_OF = {synonym: name for name, synonyms in SEAT_COLUMNS.items() for synonym in synonyms}


def field_of(header: str) -> str | None:
    """The field a header names, or None ("Committee name" and "Date appointed" count)."""
    words = fold(header).split()
    for candidate in (words, _without(words, "name"), _without(words, "date")):
        found = _FIELD_OF.get(" ".join(candidate))
        if found:
            return found
    return None


def _without(words: list[str], word: str) -> list[str]:
    return [w for i, w in enumerate(words) if not (w == word and i in (0, len(words) - 1))]


def column_options(options: Iterable[str]) -> dict[str, str]:
    """``--column FIELD=HEADER`` options as {field: folded header}; raises on a bad one."""
    named: dict[str, str] = {}
    for option in options:
        field, sep, header = option.partition("=")
        field = field.strip().lower().replace("-", "_").replace(" ", "_")
        if not sep or not fold(header):
            raise GovgraphError(
                f"--column {option!r}: write FIELD=HEADER, e.g. --column member='Cllr name'"
            )
        if field not in SEAT_COLUMNS:
            close = difflib.get_close_matches(field, SEAT_COLUMNS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise GovgraphError(
                f"--column {option!r}: {field!r} is not a field{hint}; the fields are "
                f"{', '.join(SEAT_COLUMNS)}"
            )
        named[field] = fold(header)
    return named


@dataclass(frozen=True)
class Layout:
    """Where a sheet's header is and which column holds each field."""

    header: Row
    columns: Mapping[str, int]  # field -> column index
    unused: tuple[str, ...]  # headers of columns no field uses

    def header_of(self, field: str) -> str:
        return str(self.header.get(self.columns[field]))


def seat_layout(sheet: Sheet, named: Mapping[str, str]) -> Layout | None:
    """The layout of a sheet of seats, or None when no header row names a committee and
    a member (the sheet holds nothing govgraph uses)."""
    for row in sheet.rows[:HEADER_SEARCH]:
        headers = {i: fold(str(v)) for i, v in enumerate(row.cells) if isinstance(v, str)}
        columns: dict[str, int] = {}
        for field, wanted in named.items():
            found = next((i for i, h in headers.items() if h == wanted), None)
            if found is not None:
                columns[field] = found
        for index in headers:
            recognised = field_of(str(row.cells[index]))
            if recognised and recognised not in columns and index not in columns.values():
                columns[recognised] = index
        if all(field in columns for field in REQUIRED):
            used = set(columns.values())
            unused = tuple(str(row.cells[i]) for i in headers if i not in used)
            return Layout(header=row, columns=columns, unused=unused)
    return None


def missing_columns(sheet: Sheet, named: Mapping[str, str]) -> str:
    """Why no header was found, for the summary: the headers of the first row."""
    first = sheet.rows[0].cells if sheet.rows else ()
    shown = ", ".join(repr(str(v)) for v in first[:8] if v is not None) or "none"
    wanted = " and ".join(REQUIRED)
    return f"no header row naming a {wanted} (first row: {shown}); name them with --column"
