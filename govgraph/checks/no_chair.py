"""no-chair: a current body with no current chair.

Every body that meets needs someone in the chair. This finds bodies current
on the date none of whose current memberships has ``role: chair``. A chair
seat held through a post counts even while the post is vacant (``vacant-post``
reports that), and so does a chair who has left (``departed-member`` reports
that): this check is about the model saying who chairs, not about vacancies.

Silent by design: a body with no current members at all is reported by
``empty-body`` only. The finding points at the body; an ``ignore`` on the body
accepts it (a forum chaired in rotation, say).

Passes::

    people:
      - {id: jo-bloggs, name: Cllr Jo Bloggs}
    bodies:
      - id: cyp
        name: Children's Partnership
        members: [{member: jo-bloggs, role: chair}]

Fails (on 2023-07-07, the chair stood down in March)::

    people:
      - {id: jo-bloggs, name: Cllr Jo Bloggs}
      - {id: sam-lee, name: Sam Lee}
    bodies:
      - id: cyp
        name: Children's Partnership
        members:
          - {member: jo-bloggs, role: chair, to: 2023-03-31}
          - {member: sam-lee}

Fix (none): add the new chair's membership with ``role: chair`` (or change the
role of the member who now chairs). ``govgraph fix`` writes nothing for it: who
chairs is not in the model; add the chair with ``govgraph edit add MODEL BODY
MEMBER --role chair``.
"""

from __future__ import annotations

from collections.abc import Iterator

from govgraph.checks.base import Context, Problem
from govgraph.dates import has_ended
from govgraph.findings import Severity
from govgraph.fix.changes import Applicability

SLUG = "no-chair"
SEVERITY = Severity.WARNING
SUMMARY = "a current body with no current chair"
FIX = Applicability.NONE


def check(context: Context) -> Iterator[Problem]:
    on, model = context.on, context.model
    chaired = context.chaired
    for body_id, current in context.current_positions.items():
        if not current or body_id in chaired:
            continue
        body = model.bodies[body_id]
        past = [m for m in body.members if m.role == "chair" and has_ended(m, on)]
        last = max(past, key=lambda m: m.to or on, default=None)
        before = (
            f" (its last chair, {model.name_of(last.member)}, stood down on {last.to})"
            if last is not None
            else ""
        )
        message = (
            f"{body.name} has no current chair{before}; add the chair's membership with role: chair"
        )
        yield Problem(body.id, message, body, (body,))
