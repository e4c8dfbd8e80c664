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

Fix (none): take the report to the parent body, then update ``last_reported``.
``govgraph fix`` writes nothing for it: the report has to be taken to the
meeting first; only then is there a date to record.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from govgraph.checks.base import Context, Problem
from govgraph.dates import add_months, earliest_on_time
from govgraph.findings import Severity
from govgraph.fix.changes import Applicability
from govgraph.schema import Body, ReportingLine

SLUG = "report-overdue"
SEVERITY = Severity.WARNING
SUMMARY = "a reporting line whose last_reported is older than its frequency allows"
FIX = Applicability.NONE

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
    # Frequency -> the earliest last report still on time: one date compare per line.
    on_time: dict[str | None, date] = {
        frequency: earliest_on_time(context.on, months) for frequency, months in MONTHS.items()
    }
    on, bodies = context.on, context.model.bodies
    for child, lines in context.parents.items():  # lines between current bodies
        for _, line in lines:
            cutoff = on_time.get(line.frequency)
            last = line.last_reported
            if cutoff is None or (last is not None and (last > on or last >= cutoff)):
                continue  # most lines: no frequency, or reported on time
            body = bodies[child]
            message = _overdue(context, body, line, cutoff)
            if message is not None:
                yield Problem(body.id, message, line, (line, body))


def _overdue(context: Context, body: Body, line: ReportingLine, on_time: date) -> str | None:
    """What to say about ``line``, which has no report on record on or after ``on_time``
    (None when the body is too new to have owed one)."""
    last = line.last_reported
    if last is None:
        if body.established is not None and body.established >= on_time:
            return None
        since = f" since it was established on {body.established}" if body.established else ""
        return (
            f"{body.name} should report to {_parent(context, line)} {line.frequency}, but no "
            f"report is recorded{since}; record the date of its last report in last_reported"
        )
    parent = _parent(context, line)
    due = add_months(last, MONTHS[line.frequency or ""])
    return (
        f"{body.name} last reported to {parent} on {last}; it reports "
        f"{line.frequency}, so the next report was due by {due}; take the report to "
        f"{parent}, then update last_reported"
    )


def _parent(context: Context, line: ReportingLine) -> str:
    return context.model.bodies[line.body].name
