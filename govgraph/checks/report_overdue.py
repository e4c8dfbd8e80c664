"""report-overdue: a reporting line whose ``last_reported`` is older than its ``frequency`` allows.

A line's ``frequency`` says how often the body reports to its parent; the
next report is due that many months after ``last_reported`` (weekly and
monthly: 1, bi-monthly: 2, quarterly: 3, half-yearly: 6, annually: 12). The
line is overdue from the day after the due date. Only lines between two
bodies current on the date are judged.

Silent cases, by design:

* no ``frequency``, or ``frequency: ad-hoc``: there is no schedule to miss;
* ``last_reported`` after the as-of date: on that day the report recorded had
  not happened yet and the one before it is unknown, so nothing is judged;
* no ``last_reported`` at all: overdue only when the reporting body was
  established more than one interval before the as-of date, or has no
  ``established`` date (it is then taken to be long-standing); a body newer
  than one interval has not missed a report yet.

Passes (on 2023-07-07)::

    bodies:
      - {id: hwb, name: Health and Wellbeing Board, root: true}
      - id: wscp
        name: Safeguarding Children Partnership
        reports_to: [{body: hwb, frequency: annually, last_reported: 2022-07-14}]

Fails (on 2023-07-15, a year and a day after the last report)::

    bodies:
      - {id: hwb, name: Health and Wellbeing Board, root: true}
      - id: wscp
        name: Safeguarding Children Partnership
        reports_to: [{body: hwb, frequency: annually, last_reported: 2022-07-14}]

Fix: take the report to the parent body, then update ``last_reported``.
"""

from __future__ import annotations

from collections.abc import Iterator

from govgraph.checks.base import Context, Problem
from govgraph.dates import add_months
from govgraph.findings import Severity
from govgraph.schema import Body, ReportingLine

SLUG = "report-overdue"
SEVERITY = Severity.WARNING
SUMMARY = "a reporting line whose last_reported is older than its frequency allows"

#: Months between reports for each frequency; ad-hoc lines are never overdue.
MONTHS = {
    "weekly": 1,
    "monthly": 1,
    "bi-monthly": 2,
    "quarterly": 3,
    "half-yearly": 6,
    "annually": 12,
}


def check(context: Context) -> Iterator[Problem]:
    current = {body.id for body in context.current_bodies}
    for body in context.current_bodies:
        for line in body.reports_to:
            if line.body not in current or line.frequency not in MONTHS:
                continue
            message = _overdue(context, body, line, MONTHS[line.frequency])
            if message is not None:
                yield Problem(body.id, message, line, (line, body))


def _overdue(context: Context, body: Body, line: ReportingLine, months: int) -> str | None:
    on, parent = context.on, context.model.bodies[line.body].name
    if line.last_reported is None:
        if body.established is not None and add_months(body.established, months) >= on:
            return None
        since = f" since it was established on {body.established}" if body.established else ""
        return (
            f"{body.name} should report to {parent} {line.frequency}, but no report is "
            f"recorded{since}; record the date of its last report in last_reported"
        )
    if line.last_reported > on:
        return None
    due = add_months(line.last_reported, months)
    if due >= on:
        return None
    return (
        f"{body.name} last reported to {parent} on {line.last_reported}; it reports "
        f"{line.frequency}, so the next report was due by {due}; take the report to "
        f"{parent}, then update last_reported"
    )
