"""review-overdue: a current membership not ``reviewed`` within the review interval.

Partnerships should confirm their membership regularly (who sends whom, on
what terms). A membership is due for review a number of months after it was
last ``reviewed`` (or, if it never was, after it started, ``from``): the
body's ``review_interval_months``, else ``review_interval_months`` in
``govgraph.yaml`` (12 by default). It is overdue from the day after that.

Silent cases, by design:

* a membership with neither ``reviewed`` nor ``from`` makes no finding: there
  is no date to count from (add one to bring it under review);
* a ``reviewed`` date after the as-of date is a review that had not happened
  yet on that day, so ``from`` is used instead.

Only bodies current on the date are judged. An ``ignore`` on the membership
or on the body accepts the finding.

Passes (on 2023-07-07)::

    organisations:
      - {id: wcc, name: Worcestershire County Council}
    bodies:
      - id: wscp
        name: Safeguarding Children Partnership
        members:
          - {member: wcc, from: 2019-09-29, reviewed: 2023-01-10}

Fails (last reviewed 2022-01-10, due by 2023-01-10)::

    organisations:
      - {id: wcc, name: Worcestershire County Council}
    bodies:
      - id: wscp
        name: Safeguarding Children Partnership
        members:
          - {member: wcc, from: 2019-09-29, reviewed: 2022-01-10}

Fix (none): review the membership and record the date in ``reviewed``.
``govgraph fix`` writes nothing for it: a review is a claim a person makes, so
``govgraph fix`` never marks one; record it with ``govgraph edit reviewed MODEL
BODY/MEMBER --on DATE``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from govgraph.checks.base import Context, Problem, membership_problem
from govgraph.dates import add_months
from govgraph.findings import Severity
from govgraph.fix.changes import Applicability

SLUG = "review-overdue"
SEVERITY = Severity.WARNING
SUMMARY = "a current membership not reviewed within the review interval"
FIX = Applicability.NONE


def check(context: Context) -> Iterator[Problem]:
    on = context.on
    due_by: dict[tuple[date, int], date] = {}  # (last review, interval) -> next one due
    for body, membership, last, months in context.reviews_due:
        # Thousands of findings nationally, from a few hundred distinct dates.
        due = due_by.get((last, months))
        if due is None:
            due = due_by[last, months] = add_months(last, months)
        member = context.name_of(membership.member)
        reviewed = membership.reviewed
        since = (
            f"was last reviewed on {last}"
            if reviewed is not None and reviewed <= on  # else a review not yet held
            else f"has not been reviewed since it started on {last}"
        )
        message = (
            f"{member}'s membership of {body.name} {since}; reviews are due every "
            f"{months} months, so one was due by {due}; review it and record the date "
            "in reviewed"
        )
        yield membership_problem(body, membership, message)
