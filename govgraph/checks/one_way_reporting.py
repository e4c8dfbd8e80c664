"""one-way-reporting: a reporting line with ``direction`` up or down.

Partnership governance expects two-way lines: the sub-group reports up, and
the parent body feeds back down (``direction: both``, the default). A line
that runs only one way is worth a second look: either the feedback (or the
reporting) really is missing, or the line was written wrongly.

Only lines between two bodies current on the date are judged; a line to a
dissolved body is ``orphaned-body``'s business. The finding points at the
line, and an ``ignore`` on the line or on the reporting body accepts it (say
why the line is one-way in the reason).

Passes::

    bodies:
      - {id: council, name: Full Council, root: true}
      - id: hwb
        name: Health and Wellbeing Board
        reports_to: [{body: council}]          # direction: both

Fails (the Council never feeds back to the Board)::

    bodies:
      - {id: council, name: Full Council, root: true}
      - id: hwb
        name: Health and Wellbeing Board
        reports_to: [{body: council, direction: up}]

Fix (none): set ``direction: both`` once feedback flows both ways, or accept
the line with ``ignore: [{check: one-way-reporting, reason: "…"}]``. ``govgraph
fix`` writes nothing for it: whether feedback flows down is known only to the
bodies.
"""

from __future__ import annotations

from collections.abc import Iterator

from govgraph.checks.base import Context, Problem
from govgraph.findings import Severity
from govgraph.fix.changes import Applicability

SLUG = "one-way-reporting"
SEVERITY = Severity.WARNING
SUMMARY = "a reporting line with direction up or down"
FIX = Applicability.NONE


def check(context: Context) -> Iterator[Problem]:
    model = context.model
    for child, lines in context.parents.items():  # lines between current bodies
        for parent_id, line in lines:
            if line.direction == "both":
                continue
            body, parent = model.bodies[child], model.bodies[parent_id].name
            if line.direction == "up":
                message = (
                    f"{body.name} reports up to {parent}, but nothing comes back down "
                    f"(direction: up); set direction: both if {parent} feeds back to it"
                )
            else:
                message = (
                    f"{parent} sends to {body.name}, but {body.name} does not report up "
                    f"(direction: down); set direction: both if it reports to {parent}"
                )
            yield Problem(body.id, message, line, (line, body))
