"""empty-body: a current body with no current members.

A body that exists on the date but has nobody on it is either not yet
populated in the model, or no longer meets and should be ``dissolved``. The
message says when its last membership ended, or when its first starts.

Dissolved and not yet established bodies are not judged. The finding points
at the body; an ``ignore`` on the body accepts it.

Passes::

    organisations:
      - {id: wcc, name: Worcestershire County Council}
    bodies:
      - {id: forum, name: Provider Forum, members: [{member: wcc}]}

Fails (on 2023-07-07, the only membership ended in 2021)::

    organisations:
      - {id: wcc, name: Worcestershire County Council}
    bodies:
      - {id: forum, name: Provider Forum, members: [{member: wcc, to: 2021-03-31}]}

Fix (none): record the body's members, or set ``dissolved`` to the day it
stopped meeting. ``govgraph fix`` writes nothing for it: who sits on the body,
or when it stopped, is not in the model.
"""

from __future__ import annotations

from collections.abc import Iterator

from govgraph.checks.base import Context, Problem
from govgraph.findings import Severity
from govgraph.fix.changes import Applicability

SLUG = "empty-body"
SEVERITY = Severity.WARNING
SUMMARY = "a current body with no current members"
FIX = Applicability.NONE


def check(context: Context) -> Iterator[Problem]:
    on = context.on
    for body_id, current in context.current_positions.items():
        if current:
            continue
        body = context.model.bodies[body_id]
        ended = [m.to for m in body.members if m.to is not None and m.to < on]
        starting = [m.from_ for m in body.members if m.from_ is not None and m.from_ > on]
        if ended:
            why = f" (its last membership ended on {max(ended)})"
        elif starting:
            why = f" (its first membership starts on {min(starting)})"
        else:
            why = ""
        message = (
            f"{body.name} has no current members on {on}{why}; record its members, "
            "or set dissolved: to the day it stopped meeting"
        )
        yield Problem(body.id, message, body, (body,))
