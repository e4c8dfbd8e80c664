"""Spreadsheets -> a govgraph model (``govgraph import spreadsheet``).

Reads ``.csv`` files and ``.xlsx`` workbooks, in any mix. Each sheet is one of:

* a **table** of govgraph's own layout (:mod:`spreadsheet_tables`: what
  ``govgraph export --to xlsx`` or ``--to csv`` writes), named ``bodies``,
  ``memberships`` …, read back into the same model;
* a **sheet of seats** (:mod:`spreadsheet_seats`): a row per member of a
  committee, with columns recognised by their headers
  (:mod:`spreadsheet_columns`);
* anything else (a notes sheet, a list of phone numbers): listed in the summary
  and skipped.

The tables are read first, so a sheet of seats may name the organisations and
people they hold. A broken cell stops the import naming its sheet and cell, and
nothing is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from govgraph.errors import GovgraphError
from govgraph.interop.draft import Draft
from govgraph.interop.roles import RoleMapper
from govgraph.interop.spreadsheet_cells import table_sheet
from govgraph.interop.spreadsheet_columns import column_options, missing_columns, seat_layout
from govgraph.interop.spreadsheet_read import Sheet, read_sheets
from govgraph.interop.spreadsheet_seats import read_seats
from govgraph.interop.spreadsheet_tables import read_tables


def import_spreadsheet(
    paths: Sequence[Path], columns: Sequence[str] = (), roles: RoleMapper | None = None
) -> Draft:
    """Read spreadsheets into a :class:`Draft` (see the module docstring).

    ``columns`` are ``FIELD=HEADER`` pairs naming headers the recognition does not
    know (``member=Cllr name``).
    """
    named = column_options(columns)
    draft = Draft(source="spreadsheets", files=[p.name for p in paths])
    draft.roles = roles or RoleMapper()
    sheets = [sheet for path in paths for sheet in read_sheets(path)]
    tables = [found for found in map(table_sheet, sheets) if found is not None]
    entities = read_tables(draft, tables)
    in_tables = {id(found.sheet) for found in tables}
    unused: list[str] = []
    seat_sheets = 0
    for sheet in sheets:
        if id(sheet) in in_tables:
            continue
        layout = seat_layout(sheet, named)
        if layout is None:
            unused.append(f"{sheet.label}: {_nothing(sheet, named)}")
            continue
        read_seats(draft, entities, sheet, layout)
        seat_sheets += 1
    # govgraph's own tables say the model exactly (a term renewed the day after the
    # last ended is two terms there): the shared mapping leaves them as written.
    draft.as_written = bool(tables) and not seat_sheets
    if not draft.read:
        raise GovgraphError(
            "nothing to import: "
            + "; ".join(unused)
            + ". A sheet of seats needs a header row with a committee column and a member "
            "column, e.g. Committee, Member, Role (name others with --column member='Cllr name')"
        )
    draft.read += [f"{line} (skipped)" for line in unused]
    return draft


def _nothing(sheet: Sheet, named: dict[str, str]) -> str:
    if not sheet.rows:
        return "empty"
    return missing_columns(sheet, named)
