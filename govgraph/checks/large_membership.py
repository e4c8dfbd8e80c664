"""large-membership: a body with more current members than ``large_membership``.

Very large partnerships struggle to take decisions (committee minutes call
them "unwieldy"). This counts a current body's distinct current members
(organisations, posts and people alike, whatever their role) and reports it
when there are more than ``large_membership`` in ``govgraph.yaml`` (25 by
default); exactly that many is fine.

The finding points at the body; an ``ignore`` on the body accepts it (a
statutory assembly that must be large, say).

Passes (with ``large_membership: 2`` in govgraph.yaml)::

    organisations:
      - {id: wcc, name: Worcestershire County Council}
      - {id: police, name: West Mercia Police}
    bodies:
      - {id: csp, name: Community Safety Partnership, members: [{member: wcc}, {member: police}]}

Fails (with ``large_membership: 2``, three members)::

    organisations:
      - {id: wcc, name: Worcestershire County Council}
      - {id: police, name: West Mercia Police}
      - {id: fire, name: Hereford and Worcester Fire and Rescue}
    bodies:
      - id: csp
        name: Community Safety Partnership
        members: [{member: wcc}, {member: police}, {member: fire}]

Fix (none): keep a smaller core membership and involve the others through
sub-groups, or raise ``large_membership`` if the body must be this large.
``govgraph fix`` writes nothing for it: the size of a body is a choice of
governance, not an error in the file.
"""

from __future__ import annotations

from collections.abc import Iterator

from govgraph.checks.base import Context, Problem
from govgraph.findings import Severity
from govgraph.fix.changes import Applicability

SLUG = "large-membership"
SEVERITY = Severity.INFO
SUMMARY = "a body with more current members than large_membership"
FIX = Applicability.NONE


def check(context: Context) -> Iterator[Problem]:
    limit = context.settings.large_membership
    for body_id, current in context.current_positions.items():
        if len(current) <= limit:  # counted with repeats: most bodies stop here
            continue
        count = len({m.member for m in context.current_members(body_id)})
        if count <= limit:
            continue
        body = context.model.bodies[body_id]
        message = (
            f"{body.name} has {count} current members, more than the {limit} set as "
            "large_membership; consider a smaller core membership with sub-groups, "
            "or raise large_membership in govgraph.yaml"
        )
        yield Problem(body.id, message, body, (body,))
