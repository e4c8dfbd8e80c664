"""dissolved-member: a current membership whose member organisation is dissolved.

When an organisation is abolished (a CCG on 2022-06-30, say), every seat it
held should be ended or handed to its successor. This finds memberships still
current on the date whose organisation's ``dissolved`` date has passed (the
organisation sits on its last day, ``dissolved`` itself). The message names
the successor, following ``succeeded_by`` through any later reorganisations,
and says when the successor already sits on the body.

A seat kept ``on_behalf_of`` a dissolved organisation (a councillor sent by a
district since merged away) is reported too: it stands for no one now.

Only bodies current on the date are judged (open seats on a dissolved body are
``membership-of-dissolved-body``'s business). An ``ignore`` on the membership
or on the body accepts the finding.

Passes (on 2023-07-07)::

    organisations:
      - {id: hw-ccg, name: Herefordshire and Worcestershire CCG, dissolved: 2022-06-30,
         succeeded_by: hw-icb}
      - {id: hw-icb, name: NHS Herefordshire and Worcestershire ICB, established: 2022-07-01}
    bodies:
      - id: hwb
        name: Health and Wellbeing Board
        members:
          - {member: hw-ccg, to: 2022-06-30}
          - {member: hw-icb, from: 2022-07-01}

Fails (the CCG's seat was never ended)::

    organisations:
      - {id: hw-ccg, name: Herefordshire and Worcestershire CCG, dissolved: 2022-06-30,
         succeeded_by: hw-icb}
      - {id: hw-icb, name: NHS Herefordshire and Worcestershire ICB, established: 2022-07-01}
    bodies:
      - id: hwb
        name: Health and Wellbeing Board
        members:
          - {member: hw-ccg}

Fix (safe): ``govgraph fix`` ends the membership on the day the organisation
was dissolved, writing ``to: 2022-06-30`` (its ``dissolved`` date), and, when
the organisation has ``succeeded_by`` and the body has no membership of the
successor from then on, adds one in the style of the body's other members:
``{member: hw-icb, from: 2022-07-01}`` (the next day, with the old seat's role
when it was not ``member``). Safe: both follow from facts the model already
states, that the organisation ended on that day and that the successor took
on its work. A successor that was itself dissolved is then fixed the same way
on the next pass, so the seat follows the chain.

A seat kept ``on_behalf_of`` a dissolved organisation has an unsafe fix: end
it on the dissolution date (``govgraph fix --unsafe-fixes``). Unsafe: the
person may now sit for the successor instead (then write ``on_behalf_of:
SUCCESSOR``), which only someone who knows can say.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from govgraph.checks.base import Context, Problem, membership_problem, membership_subject
from govgraph.dates import has_ended
from govgraph.findings import Severity
from govgraph.fix.changes import AddItem, Applicability, Fix, SetKey, end_membership
from govgraph.model import Model
from govgraph.schema import Body, Membership, Organisation

SLUG = "dissolved-member"
SEVERITY = Severity.ERROR
SUMMARY = "a current membership whose member organisation is dissolved"
FIX = Applicability.SAFE


def check(context: Context) -> Iterator[Problem]:
    model = context.model
    for org in model.organisations.values():
        if not has_ended(org, context.on):
            continue
        for body, membership in context.seats(org.id):
            yield _problem(context, org, body, membership)
        for body, membership in context.seats_on_behalf(org.id):
            yield _on_behalf(context, org, body, membership)


def _on_behalf(context: Context, org: Organisation, body: Body, membership: Membership) -> Problem:
    """A seat kept for a dissolved organisation: it stands for no one now."""
    who = context.name_of(membership.member)
    successors = successors_of(context.model, org)
    then = f" and succeeded by {successors[-1].name}" if successors else ""
    instead = (
        f" or, if {who} now sits for {successors[-1].name}, write on_behalf_of: {successors[-1].id}"
        if successors
        else ""
    )
    message = (
        f"{who} sits on {body.name} on behalf of {org.name}, which was dissolved on "
        f"{org.dissolved}{then}; end this membership (to: {org.dissolved}){instead}"
    )
    fix = None
    if org.dissolved is not None and _starts_by(membership, org.dissolved):
        change = end_membership(membership, membership_subject(body, membership), org.dissolved)
        fix = Fix(Applicability.UNSAFE, (change,))
    return membership_problem(body, membership, message, fix)


def _problem(context: Context, org: Organisation, body: Body, membership: Membership) -> Problem:
    successors = successors_of(context.model, org)
    if successors:
        chain = ", then by ".join(s.name for s in successors)
        replace = (
            f"({successors[-1].name} is already a member, so this seat is left over)"
            if _already_member(context, body, successors[-1])
            else "or replace it with the successor"
        )
        message = (
            f"{org.name} was dissolved on {org.dissolved} and succeeded by {chain}; "
            f"end its membership of {body.name} (to: {org.dissolved}) {replace}"
        )
    else:
        message = (
            f"{org.name} was dissolved on {org.dissolved} but is still a member of "
            f"{body.name}; end this membership (to: {org.dissolved})"
        )
    return membership_problem(body, membership, message, _fix(context, org, body, membership))


def _fix(context: Context, org: Organisation, body: Body, membership: Membership) -> Fix | None:
    """End the seat on the dissolution date; hand it to the successor from the next day."""
    dissolved = org.dissolved
    if dissolved is None or not _starts_by(membership, dissolved):
        return None
    subject = membership_subject(body, membership)
    changes: list[AddItem | SetKey] = [end_membership(membership, subject, dissolved)]
    successor = context.model.organisations.get(org.succeeded_by or "")
    if successor is not None and not _successor_seated(body, successor.id, dissolved):
        start = dissolved + timedelta(days=1)
        item = [("member", successor.id)]
        if membership.role != "member":
            item.append(("role", membership.role))
        if not membership.voting:
            item.append(("voting", "false"))
        item.append(("from", str(max(start, successor.established or start))))
        changes.append(AddItem(body, "members", tuple(item), body.id))
    return Fix(Applicability.SAFE, tuple(changes))


def _starts_by(membership: Membership, day: date) -> bool:
    return membership.from_ is None or membership.from_ <= day


def _successor_seated(body: Body, successor: str, dissolved: date) -> bool:
    """Whether ``body`` has a membership of ``successor`` running after ``dissolved``."""
    return any(m.member == successor and (m.to is None or m.to > dissolved) for m in body.members)


def successors_of(model: Model, org: Organisation) -> list[Organisation]:
    """``succeeded_by`` followed from ``org``: its successor, theirs, … (loops stopped)."""
    chain: list[Organisation] = []
    seen = {org.id}
    current = org
    while current.succeeded_by and current.succeeded_by not in seen:
        current = model.organisations[current.succeeded_by]
        seen.add(current.id)
        chain.append(current)
    return chain


def _already_member(context: Context, body: Body, org: Organisation) -> bool:
    return any(m.member == org.id for m in context.current_members(body.id))
