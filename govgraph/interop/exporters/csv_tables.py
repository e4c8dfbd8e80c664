"""CSV for spreadsheets: one table per kind of thing, which ``govgraph import
spreadsheet`` reads back into the same model.

The tables and their columns are :mod:`govgraph.interop.spreadsheet_layout`'s:
``organisations.csv``, ``people.csv``, ``posts.csv``, ``post-holders.csv``,
``bodies.csv``, ``memberships.csv`` and ``reporting-lines.csv``. With
``-o FOLDER`` they are written in that folder; on standard output they follow
each other, each after a ``# name.csv`` line.

A cell that starts with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage
return) is written with a leading ``'``: spreadsheets would otherwise run it
as a formula ("CSV injection"), and names and notes come from many hands. The
import takes the ``'`` off again.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from govgraph.interop.spreadsheet_layout import table_rows
from govgraph.interop.view import ExportView

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> str:
    """A value as spreadsheet-safe text.

    >>> safe_cell("=HYPERLINK(\\"http://x\\")"), safe_cell(None), safe_cell(True), safe_cell(3)
    ('\\'=HYPERLINK("http://x")', '', 'true', '3')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([safe_cell(v) for v in row] for row in rows)
    return buffer.getvalue()


def to_csv(view: ExportView) -> dict[str, str]:
    """File name -> CSV text for each table."""
    return {table.file_name: _table(table.columns, rows) for table, rows in table_rows(view)}
