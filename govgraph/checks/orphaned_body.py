"""orphaned-body: a current body whose reporting lines do not reach a current root.

Every body except the top of the structure (``root: true``, e.g. Full Council)
must report, directly or through a chain, to a root that exists on the date.
A body is orphaned when it has no reporting line, when its line goes to a
body that is dissolved (or not yet established), or when its chain dead-ends.
Dissolved and future bodies are not judged.

Passes::

    bodies:
      - {id: council, name: Full Council, root: true}
      - id: hwb
        name: Health and Wellbeing Board
        reports_to: [{body: council}]

Fails (``youth-cabinet`` reports to nothing)::

    bodies:
      - {id: council, name: Full Council, root: true}
      - {id: youth-cabinet, name: Youth Cabinet}

Fix (none): add a ``reports_to`` line to a current body, or mark the body
``root: true`` if it really is a top of the structure. ``govgraph fix`` writes
nothing for it: which body it reports to is not in the model.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from govgraph.checks.base import Context, Problem
from govgraph.dates import is_current
from govgraph.findings import Severity
from govgraph.fix.changes import Applicability

SLUG = "orphaned-body"
SEVERITY = Severity.ERROR
SUMMARY = "a current non-root body whose reporting lines do not reach a current root body"
FIX = Applicability.NONE


def check(context: Context) -> Iterator[Problem]:
    for body in context.current_bodies:
        if body.id not in context.reaching_root:
            yield Problem(body.id, _why(context, body.id), body, (body,))


def _state(dissolved: date | None, on: date) -> str:
    return f"dissolved {dissolved}" if dissolved and dissolved < on else "not yet established"


def _why(context: Context, body_id: str) -> str:
    model, on = context.model, context.on
    body = model.bodies[body_id]
    if not body.reports_to:
        return (
            f"{body.name} reports to no body, so nothing connects it to the structure; "
            "add a reports_to line (or mark it root: true if it is a top of the structure)"
        )
    gone = [
        model.bodies[line.body]
        for line in body.reports_to
        if line.body in model.bodies and not is_current(model.bodies[line.body], on)
    ]
    if len(gone) == len(body.reports_to):
        names = ", ".join(f"{g.name} ({_state(g.dissolved, on)})" for g in gone)
        return f"{body.name} reports only to {names}; point its reports_to at a current body"
    return (
        f"{body.name}'s reporting chain dead-ends before reaching a root body "
        f"({', '.join(sorted(context.roots)) or 'no current root in the model'}); "
        "connect the top of its chain to a root"
    )
