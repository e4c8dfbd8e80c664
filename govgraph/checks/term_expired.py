"""term-expired: a membership whose ``term_ends`` has passed but that has no ``to``.

An appointment for a fixed term should either be renewed (a new ``term_ends``)
or ended (``to``). This finds open memberships (no ``to``) whose term ended
before the as-of date; ``term_ends`` is the last day of the term, so on that
day itself the membership is still fine.

Only bodies current on the date are judged. An ``ignore`` on the membership or
on the body accepts the finding.

Passes (on 2023-07-07)::

    organisations:
      - {id: healthwatch, name: Healthwatch Worcestershire}
    bodies:
      - id: hwb
        name: Health and Wellbeing Board
        members:
          - {member: healthwatch, from: 2020-04-01, term_ends: 2024-03-31}

Fails (the term ended on 2023-03-31 and nobody renewed or ended it)::

    organisations:
      - {id: healthwatch, name: Healthwatch Worcestershire}
    bodies:
      - id: hwb
        name: Health and Wellbeing Board
        members:
          - {member: healthwatch, from: 2020-04-01, term_ends: 2023-03-31}

Fix (unsafe): ``govgraph fix --unsafe-fixes`` ends the membership on the last
day of the term, writing ``to: 2023-03-31`` (its ``term_ends``). Unsafe: the
model cannot say whether the member left or was reappointed; only someone who
knows can. If they were reappointed, record the new ``term_ends`` instead
(``--interactive`` lets you refuse the fix, or edit the date it writes).
"""

from __future__ import annotations

from collections.abc import Iterator

from govgraph.checks.base import Context, Problem, membership_problem, membership_subject
from govgraph.findings import Severity
from govgraph.fix.changes import Applicability, Fix, end_membership

SLUG = "term-expired"
SEVERITY = Severity.WARNING
SUMMARY = "a membership whose term_ends has passed but that has no to"
FIX = Applicability.UNSAFE


def check(context: Context) -> Iterator[Problem]:
    for body, membership in context.lapsed_terms:
        member, ends = context.name_of(membership.member), membership.term_ends
        message = (
            f"{member}'s term on {body.name} ended on {ends} but the membership has no "
            f"end date; set to: {ends} if they left, or record the new term_ends if they "
            "were reappointed"
        )
        fix = None
        if ends is not None and (membership.from_ is None or membership.from_ <= ends):
            change = end_membership(membership, membership_subject(body, membership), ends)
            fix = Fix(Applicability.UNSAFE, (change,))
        yield membership_problem(body, membership, message, fix)
