"""An Excel workbook: the CSV export's tables as sheets, with real date cells.

``govgraph export --to xlsx -o model.xlsx`` writes one sheet per table of
:mod:`govgraph.interop.spreadsheet_layout` (organisations, people, posts,
post-holders, bodies, memberships, reporting-lines), which ``govgraph import
spreadsheet model.xlsx`` reads back into the same model. Each sheet has a bold,
frozen header row with a filter, and columns sized to their contents; dates are
date cells (shown as ``yyyy-mm-dd``) so that they sort and filter as dates.

Text that Excel would run as a formula (a cell starting with ``=``) is stored as
text: openpyxl writes such a string as a formula unless told otherwise.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from govgraph.interop.spreadsheet_layout import table_rows
from govgraph.interop.view import ExportView

MAX_WIDTH = 60
DATE_FORMAT = "yyyy-mm-dd"


def to_xlsx(view: ExportView) -> bytes:
    """The workbook's bytes."""
    workbook = Workbook()
    workbook.remove(workbook.worksheets[0])  # a new workbook comes with an empty sheet
    for table, rows in table_rows(view):
        sheet = workbook.create_sheet(table.name)
        sheet.append(list(table.columns))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(list(row))
        for row_cells in sheet.iter_rows(min_row=2):
            for cell in row_cells:
                _format(cell)
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
        _widths(sheet, table.columns, rows)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _format(cell: Cell) -> None:
    if isinstance(cell.value, date):
        cell.number_format = DATE_FORMAT
    elif isinstance(cell.value, str):
        if cell.value.startswith("="):
            cell.data_type = "s"  # text, never a formula
        if "\n" in cell.value:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def _widths(sheet: Any, columns: tuple[str, ...], rows: list[Any]) -> None:
    for index, column in enumerate(columns):
        longest = max(
            [len(column)] + [max(map(len, _shown(row[index]).splitlines() or [""])) for row in rows]
        )
        sheet.column_dimensions[get_column_letter(index + 1)].width = min(longest + 2, MAX_WIDTH)


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return "yyyy-mm-dd"
    return str(value)
