"""Dates as spreadsheets hold them, read the way a UK council officer wrote them.

* a real date cell (Excel, LibreOffice): its date;
* ISO ``2023-04-01`` (a reduced ``2023`` or ``2023-04`` names a period: its
  first day as a start, its last day as an end, as in Popolo);
* ``01/04/2023``, ``1/4/2023``, ``01-04-2023``, ``01.04.2023``: **day first**, the UK
  order (``04/01/2023`` is 4 January); two-digit years are refused, as they are
  ambiguous;
* ``1 April 2023``, ``1 Apr 2023``, ``1st April, 2023``, ``Saturday 1 April 2023``;
* a whole number of four digits is a year (``2023``, as a session or municipal
  year column holds it); a larger number in a workbook is an Excel date serial
  (a date cell that lost its format);
* blank, ``-``, ``n/a``, ``present``, ``current``, ``ongoing``: no date.

Anything else is refused with its cell and what to write instead.

>>> sheet_date("1 Apr 2023"), sheet_date("01/04/2023"), sheet_date("2023", end=True)
(datetime.date(2023, 4, 1), datetime.date(2023, 4, 1), datetime.date(2023, 12, 31))
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from govgraph.interop.spreadsheet_read import Value
from govgraph.interop.values import partial_date

#: Words written where a date is unknown or open (an end that has not come).
NO_DATE = frozenset(
    ("", "-", "--", "n/a", "na", "none", "null", "unknown", "tbc", "present", "current",
     "ongoing", "open", "to date")
)  # fmt: skip
HOW_TO_WRITE = "write 2023-04-01, 01/04/2023 (day first) or 1 April 2023"

_MONTHS = {
    name: number
    for number, names in enumerate(
        (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")),
        start=1,
    )
    for name in names
}  # fmt: skip
_DAY_FIRST = re.compile(
    r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$"
)
_ISO = re.compile(r"^\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?(?:[T ]\d{1,2}:\d{2}.*)?$")
_WORDS = re.compile(
    r"^(?:[a-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$", re.IGNORECASE
)
_EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 is 1900-01-01, counting Excel's 29 February 1900


class NotADate(ValueError):
    """A cell that holds no date govgraph can read; the message says why."""


def sheet_date(value: Value, end: bool = False) -> date | None:
    """The date in a cell (None when it holds none); raises NotADate otherwise."""
    if value is None or isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise NotADate(f"{value} is not a date")
    if isinstance(value, int | float):
        return _number(value, end)
    text = " ".join(value.split())
    if text.lower() in NO_DATE:
        return None
    if _ISO.match(text):
        return _checked(lambda: partial_date(text, end=end), text)
    match = _DAY_FIRST.match(text)
    if match:
        day, month, year = match.groups()
        if len(year) == 2:
            raise NotADate(f"{text!r} has a two-digit year, which could mean either century")
        return _day(int(year), int(month), int(day), text)
    match = _WORDS.match(text)
    if match:
        day, month, year = match.groups()
        number = _MONTHS.get(month.lower())
        if number is None:
            raise NotADate(f"{text!r}: {month!r} is not the name of a month")
        return _day(int(year), number, int(day), text)
    raise NotADate(f"{text!r} is not a date")


def _number(value: float, end: bool) -> date:
    if value == int(value) and 1000 <= value <= 9999:
        return date(int(value), 12, 31) if end else date(int(value), 1, 1)
    if value == int(value) and 10000 <= value <= 2958465:
        return _EXCEL_EPOCH + timedelta(days=int(value))
    raise NotADate(f"the number {value!r} is not a date")


def _day(year: int, month: int, day: int, text: str) -> date:
    if month > 12 and day <= 12:
        raise NotADate(
            f"{text!r} has no month {month}: dates are read day first (UK order), "
            f"so {day:02d}/{month:02d} is not a date; if the sheet is in US order, "
            f"swap day and month"
        )
    try:
        return date(year, month, day)
    except ValueError:
        raise NotADate(f"{text!r} is not a real date (check the day and month)") from None


def _checked(make: Callable[[], date | None], text: str) -> date | None:
    try:
        return make()
    except ValueError:
        raise NotADate(f"{text!r} is not a real date (check the day and month)") from None
