"""legacy-membership: a current membership that started before its body was established.

When a body replaces another (a Safeguarding Children Partnership replacing a
Safeguarding Children Board, say), memberships are often copied across with
their old start dates. A membership whose ``from`` is before the body's
``established`` date was carried over without being confirmed for the new
body. The message names the ``predecessor`` when the body records one.

Silent by design: a membership without ``from``, or a body without
``established``, cannot be compared and makes no finding. Only bodies current
on the date are judged. An ``ignore`` on the membership or the body accepts it.

Passes::

    organisations:
      - {id: wcc, name: Worcestershire County Council}
    bodies:
      - id: wscp
        name: Safeguarding Children Partnership
        established: 2019-09-29
        members:
          - {member: wcc, from: 2019-09-29}

Fails (the council's seat is dated from the old board)::

    organisations:
      - {id: wcc, name: Worcestershire County Council}
    bodies:
      - {id: wscb, name: Safeguarding Children Board, dissolved: 2019-09-28}
      - id: wscp
        name: Safeguarding Children Partnership
        established: 2019-09-29
        predecessor: wscb
        members:
          - {member: wcc, from: 2015-04-01}

Fix (unsafe): ``govgraph fix --unsafe-fixes`` confirms the membership for the
new body, writing ``from: 2019-09-29`` (the body's ``established`` date).
Unsafe: whether the member was carried over, or should have been ended with
the old body, is a judgement the model cannot make; if it was not carried
over, end it instead (``govgraph edit end``).
"""

from __future__ import annotations

from collections.abc import Iterator

from govgraph.checks.base import Context, Problem, membership_problem, membership_subject
from govgraph.findings import Severity
from govgraph.fix.changes import Applicability, Fix, SetKey
from govgraph.model import Model
from govgraph.schema import Body, Membership

SLUG = "legacy-membership"
SEVERITY = Severity.WARNING
SUMMARY = "a current membership that started before its body was established"
FIX = Applicability.UNSAFE


def check(context: Context) -> Iterator[Problem]:
    for body, membership in context.early_starts:
        subject = membership_subject(body, membership)
        change = SetKey(membership, "from", str(body.established), subject)
        fix = Fix(Applicability.UNSAFE, (change,))
        yield membership_problem(body, membership, _message(context.model, body, membership), fix)


def _message(model: Model, body: Body, membership: Membership) -> str:
    started, established = membership.from_, body.established
    member = model.name_of(membership.member)
    carried = (
        f"carried over from {model.name_of(body.predecessor)}"
        if body.predecessor
        else "carried over from an earlier body"
    )
    return (
        f"{member}'s membership of {body.name} is dated from {started}, before "
        f"{body.name} was established on {established} (it looks {carried}); confirm it "
        f"and set from: {established}, or end it if it was not carried over"
    )
