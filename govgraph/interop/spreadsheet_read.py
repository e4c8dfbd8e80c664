"""Spreadsheets as councils save them -> sheets of cells that remember where they were.

``.xlsx`` workbooks are read with openpyxl (real date cells, shared strings,
merged cells); ``.csv`` files with the standard library. Either way the result
is a list of :class:`Sheet`, each a list of :class:`Row` of plain values
(text, numbers, booleans, dates), so the mapping never needs to know which it
came from, and every value can be traced back to ``Members!D14`` (a workbook)
or ``members.csv:14`` (a CSV file).

What real sheets do, and what is done about it:

* **merged cells** (a committee's name merged down the rows of its members):
  every cell of a merged range holds the range's value;
* **blank rows** and **trailing empty columns** are dropped;
* **a title row above the header** ("Committee membership 2023/24") is found
  and stepped over by the column recognition (:mod:`spreadsheet_columns`);
* **CSV**: a byte-order mark (Excel's "CSV UTF-8") is removed; a file that is
  not UTF-8 is read as Windows-1252 (Excel's plain "CSV" on Windows); ``;`` or
  tab separators (Excel in locales that write decimal commas) are recognised
  from the first lines; old Mac ``\\r`` line ends are read;
* formulas are read as the value Excel last calculated.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from govgraph.errors import GovgraphError
from govgraph.limits import read_input

Value = str | int | float | bool | date | None

#: Separators Excel writes in CSV files, depending on the computer's locale.
SEPARATORS = (",", ";", "\t")
#: A cell written with a leading ``'`` so that spreadsheets keep it as text (our
#: CSV export does this for cells that would otherwise run as formulas).
_QUOTED_FORMULA = ("'=", "'+", "'-", "'@")


@dataclass(frozen=True)
class Row:
    """One non-blank row: its 1-based number in the sheet and its cells."""

    number: int
    cells: tuple[Value, ...]

    def get(self, column: int) -> Value:
        return self.cells[column] if column < len(self.cells) else None


@dataclass(frozen=True)
class Sheet:
    """A worksheet of a workbook, or a CSV file (a workbook of one sheet)."""

    file: str  # the file's name
    name: str  # the worksheet's name; for CSV, the file's stem
    is_csv: bool
    rows: tuple[Row, ...]
    path: str = ""  # the file as the user gave it, for messages (default: its name)

    def where(
        self, row: int, column: int | None = None, header: str | None = None, full: bool = True
    ) -> str:
        """Where a cell is, as the user finds it: ``seats.xlsx: Members!D14`` or
        ``seats.csv:14 (column 'From')`` (CSV has no column letters: the header says).

        ``full``: the file as the user gave it (for errors), else only its name.
        """
        shown = (self.path if full else "") or self.file
        if self.is_csv:
            return f"{shown}:{row}" + (f" (column {header!r})" if header else "")
        if column is None:
            return f"{shown}: {self.name}!{row}:{row}"
        return f"{shown}: {self.name}!{get_column_letter(column + 1)}{row}"

    @property
    def label(self) -> str:
        """The sheet as the summary names it: ``seats.xlsx, sheet Members`` or ``seats.csv``."""
        return self.file if self.is_csv else f"{self.file}, sheet {self.name!r}"


def read_sheets(path: Path) -> list[Sheet]:
    """Every sheet of a ``.xlsx`` or ``.csv`` file (raises GovgraphError for others)."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return [_csv_sheet(path)]
    if suffix in (".xlsx", ".xlsm"):
        return _workbook_sheets(path)
    if suffix in (".xls", ".ods", ".numbers"):
        raise GovgraphError(
            f"{path}: govgraph reads .xlsx and .csv; open the file in your spreadsheet "
            f"program and save it as an Excel workbook (.xlsx) or as CSV"
        )
    raise GovgraphError(f"{path}: not a spreadsheet; give .xlsx or .csv files")


# --- CSV --------------------------------------------------------------------------------


def _csv_sheet(path: Path) -> Sheet:
    data = read_input(path)  # a regular file within the size limit, or a one-line error
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_separator(text))
    rows: list[Row] = []
    try:
        for cells in reader:
            row = _row(reader.line_num, (_csv_value(cell) for cell in cells))
            if row is not None:
                rows.append(row)
    except csv.Error as exc:
        raise GovgraphError(
            f"{path}:{reader.line_num}: not readable as CSV ({exc}); check the quotes "
            f"on that line, or save the sheet again as CSV"
        ) from None
    return Sheet(file=path.name, name=path.stem, is_csv=True, rows=tuple(rows), path=str(path))


def _separator(text: str) -> str:
    """The separator of the first lines: the one that splits them most evenly."""
    lines = [line for line in text.splitlines()[:20] if line.strip()]
    if not lines:
        return ","

    def score(sep: str) -> tuple[int, int]:
        counts = [line.count(sep) for line in lines]
        return (max(counts) > 0 and counts.count(max(counts)), max(counts))

    return max(SEPARATORS, key=score)


def _csv_value(cell: str) -> Value:
    text = cell.strip()
    if text.startswith(_QUOTED_FORMULA):
        text = text[1:]
    return text or None


# --- xlsx -------------------------------------------------------------------------------


def _workbook_sheets(path: Path) -> list[Sheet]:
    try:
        # Not read_only: merged ranges are only known to a fully loaded sheet.
        # data_only: a formula's cell holds the value Excel last calculated.
        # Read through read_input: a regular file within the size limit, never a pipe.
        workbook = load_workbook(io.BytesIO(read_input(path)), data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError) as exc:
        raise GovgraphError(
            f"{path}: not a readable Excel workbook ({exc.__class__.__name__}); open it "
            f"in your spreadsheet program and save it again as .xlsx, or as CSV"
        ) from None
    sheets = []
    for worksheet in workbook.worksheets:
        if worksheet.sheet_state != "visible":
            continue
        grid = [list(cells) for cells in worksheet.iter_rows(values_only=True)]
        for merged in worksheet.merged_cells.ranges:
            value = _cell(grid, merged.min_row - 1, merged.min_col - 1)
            for r in range(merged.min_row - 1, merged.max_row):
                for c in range(merged.min_col - 1, merged.max_col):
                    if r < len(grid) and c < len(grid[r]):
                        grid[r][c] = value
        rows = [_row(n, (_xlsx_value(v) for v in cells)) for n, cells in enumerate(grid, 1)]
        sheets.append(
            Sheet(
                file=path.name,
                name=worksheet.title,
                is_csv=False,
                rows=tuple(row for row in rows if row is not None),
                path=str(path),
            )
        )
    workbook.close()
    return sheets


def _cell(grid: list[list[Any]], row: int, column: int) -> Any:
    return grid[row][column] if row < len(grid) and column < len(grid[row]) else None


def _xlsx_value(value: Any) -> Value:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):
        return _csv_value(value)
    if isinstance(value, bool | int | float | date) or value is None:
        return value
    return str(value)  # a time of day, a duration: shown as text if it is ever used


def _row(number: int, values: Any) -> Row | None:
    cells = list(values)
    while cells and cells[-1] is None:
        cells.pop()
    return Row(number, tuple(cells)) if cells else None
