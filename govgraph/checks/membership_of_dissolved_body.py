"""membership-of-dissolved-body: memberships left open on a dissolved body.

When a body is dissolved, its memberships end with it. This finds, on a body
dissolved before the as-of date, every membership with no ``to`` or with a
``to`` after the body's ``dissolved`` date; such a record makes the member
look as if it still sits somewhere that no longer meets (and inflates their
count of roles). On the day of dissolution itself the body is still current,
so nothing is reported until the day after.

An ``ignore`` on the membership or on the body accepts the finding (a body
dissolved long ago whose history is kept as it was written, say).

Passes (on 2023-07-07)::

    organisations:
      - {id: wcc, name: Worcestershire County Council}
    bodies:
      - id: wscb
        name: Safeguarding Children Board
        dissolved: 2019-09-28
        members:
          - {member: wcc, from: 2015-04-01, to: 2019-09-28}

Fails (the council's membership was left open)::

    organisations:
      - {id: wcc, name: Worcestershire County Council}
    bodies:
      - id: wscb
        name: Safeguarding Children Board
        dissolved: 2019-09-28
        members:
          - {member: wcc, from: 2015-04-01}

Fix (safe): ``govgraph fix`` ends each such membership on the day the body was
dissolved, writing ``to: 2019-09-28`` (the body's ``dissolved`` date; a later
``to`` is replaced by it). Safe: it follows from a fact the model already
states, since nobody sits on a body after its last day. No fix is offered for a
membership that starts after the body was dissolved (one of the dates is wrong).
"""

from __future__ import annotations

from collections.abc import Iterator

from govgraph.checks.base import Context, Problem, membership_problem, membership_subject
from govgraph.dates import has_ended
from govgraph.findings import Severity
from govgraph.fix.changes import Applicability, Fix, end_membership

SLUG = "membership-of-dissolved-body"
SEVERITY = Severity.WARNING
SUMMARY = "memberships left open on a dissolved body"
FIX = Applicability.SAFE


def check(context: Context) -> Iterator[Problem]:
    model = context.model
    for body in model.bodies.values():
        dissolved = body.dissolved
        if dissolved is None or not has_ended(body, context.on):
            continue
        for membership in body.members:
            if membership.to is not None and membership.to <= dissolved:
                continue
            member = model.name_of(membership.member)
            state = (
                "is left open" if membership.to is None else f"runs to {membership.to}, after that"
            )
            message = (
                f"{body.name} was dissolved on {dissolved} but {member}'s membership of it "
                f"{state}; end the membership (to: {dissolved})"
            )
            fix = None
            if membership.from_ is None or membership.from_ <= dissolved:
                change = end_membership(membership, membership_subject(body, membership), dissolved)
                fix = Fix(Applicability.SAFE, (change,))
            yield membership_problem(body, membership, message, fix)
