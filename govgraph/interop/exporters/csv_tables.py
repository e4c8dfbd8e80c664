"""CSV for spreadsheets: three tables, bodies, memberships and reporting lines.

With ``-o FOLDER`` the tables are written as ``bodies.csv``,
``memberships.csv`` and ``reporting-lines.csv`` in that folder; on standard
output they follow each other, each after a ``# name.csv`` line.

A cell that starts with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage
return) is written with a leading ``'``: spreadsheets would otherwise run it
as a formula ("CSV injection"), and names and notes come from many hands.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

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
    """File name -> CSV text for the three tables."""
    name = view.model.name_of
    return {
        "bodies.csv": _table(
            ("id", "name", "short_name", "kind", "root", "established", "dissolved",
             "predecessor", "hosted_by", "meets", "members", "reports_to"),
            (
                (b.id, b.name, b.short_name, b.kind, b.root, b.established, b.dissolved,
                 b.predecessor, b.hosted_by, b.meets,
                 sum(1 for body, _, _ in view.memberships if body.id == b.id),
                 "; ".join(line.body for body, _, line in view.reporting_lines if body is b))
                for b in view.bodies
            ),
        ),
        "memberships.csv": _table(
            ("body", "body_name", "member", "member_name", "member_type", "role", "voting",
             "from", "to", "term_ends", "reviewed", "note"),
            (
                (body.id, body.name, m.member, name(m.member), view.kind_of(m.member), m.role,
                 m.voting, m.from_, m.to, m.term_ends, m.reviewed, m.note)
                for body, _, m in view.memberships
            ),
        ),
        "reporting-lines.csv": _table(
            ("body", "body_name", "reports_to", "reports_to_name", "direction", "frequency",
             "last_reported"),
            (
                (body.id, body.name, line.body, name(line.body), line.direction, line.frequency,
                 line.last_reported)
                for body, _, line in view.reporting_lines
            ),
        ),
    }  # fmt: skip
