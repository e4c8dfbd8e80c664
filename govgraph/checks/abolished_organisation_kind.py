"""abolished-organisation-kind: a current member of a kind abolished nationally.

Some reorganisations abolished a whole kind of organisation across England:
clinical commissioning groups (kind ``ccg``) on 1 July 2022, police
authorities on 22 November 2012, Public Health England on 1 October 2021 …
(the register is :mod:`govgraph.reorganisations`; ``govgraph checks --packs``
prints it). A membership still current after that date is out of date even
when the model never marked the organisation ``dissolved``; the finding names
what replaced it and its kind. A post member counts through its
``organisation``, and a seat ``on_behalf_of`` such an organisation is reported
too. Organisations the model marks dissolved on the date are
left to ``dissolved-member``, and only bodies current on the date are judged.
An ``ignore`` on the membership, its body or the organisation accepts it.

Passes (on 2022-06-30, the CCGs' last day)::

    organisations:
      - {id: hw-ccg, name: NHS Herefordshire and Worcestershire CCG, kind: ccg}
    bodies:
      - id: hwb
        name: Health and Wellbeing Board
        members:
          - {member: hw-ccg}

Fails (on 2022-07-01)::

    organisations:
      - {id: hw-ccg, name: NHS Herefordshire and Worcestershire CCG, kind: ccg}
    bodies:
      - id: hwb
        name: Health and Wellbeing Board
        members:
          - {member: hw-ccg}

Fix (unsafe): ``govgraph fix --unsafe-fixes`` marks the organisation
``dissolved: 2022-06-30`` (the last day of its kind, when the model gives no
date) and ends the membership that day (``to: 2022-06-30``); its other seats
are then ``dissolved-member``'s, fixed on the next pass. Unsafe: the model
does not say the organisation was dissolved, only that its kind was abolished,
and a seat ``on_behalf_of`` it may now be held for the successor. Add
``succeeded_by`` to the organisation by hand to have the successor seated too.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from govgraph.checks.base import Context, Problem, membership_subject
from govgraph.dates import has_ended
from govgraph.findings import Severity
from govgraph.fix.changes import Applicability, Fix, SetKey, end_membership
from govgraph.reorganisations import abolished, long_date
from govgraph.schema import Membership, Organisation

SLUG = "abolished-organisation-kind"
SEVERITY = Severity.ERROR
SUMMARY = "a current membership of an organisation whose kind was abolished nationally"
FIX = Applicability.UNSAFE


def check(context: Context) -> Iterator[Problem]:
    model, on = context.model, context.on
    # The organisations of an abolished kind are few (usually none): find them
    # first, then look only at members that are, or are posts of, one of them.
    abolished_orgs = {
        org.id: (org, entry)
        for org in model.organisations.values()
        if not has_ended(org, on) and (entry := abolished(org.kind, on)) is not None
    }
    if not abolished_orgs:
        return
    for org_id in context.seats_for.keys() & abolished_orgs.keys():
        org, entry = abolished_orgs[org_id]
        for body, membership in context.seats_on_behalf(org_id):
            who = context.name_of(membership.member)
            message = (
                f"{who} sits on {body.name} on behalf of {org.name} ({org.id}), an "
                f"organisation of kind '{org.kind}': {entry.were_abolished} nationally on "
                f"{long_date(entry.abolished_on)} (replaced by {entry.replaced_by}); mark "
                f"{org.id} dissolved: {entry.last_day} with succeeded_by, and end this "
                f"membership (to: {entry.last_day}) or write the successor in on_behalf_of"
            )
            subject = membership_subject(body, membership)
            fix = _fix(org, entry.last_day, membership, subject)
            yield Problem(subject, message, membership, (membership, body, org), fix)
    for member in context.seats_of_member:
        post = model.posts.get(member)
        found = abolished_orgs.get((post.organisation or "") if post is not None else member)
        if found is None:
            continue
        org, entry = found
        who = f"{org.name} ({org.id})"
        if post is not None:
            who = f"{post.title} ({post.id}) is a post of {who}, which"
        for body, membership in context.seats(member):
            message = (
                f"{who} is an organisation of kind '{org.kind}': {entry.were_abolished} "
                f"nationally on {long_date(entry.abolished_on)} (replaced by "
                f"{entry.replaced_by}); mark {org.id} dissolved: {entry.last_day} with "
                f"succeeded_by, and end this membership of {body.name} (to: {entry.last_day})"
            )
            subject = membership_subject(body, membership)
            fix = _fix(org, entry.last_day, membership, subject)
            yield Problem(subject, message, membership, (membership, body, org), fix)


def _fix(org: Organisation, last_day: date, membership: Membership, subject: str) -> Fix | None:
    """Mark the organisation dissolved on the national last day and end the seat then."""
    if membership.from_ is not None and membership.from_ > last_day:
        return None
    changes: list[SetKey] = [end_membership(membership, subject, last_day)]
    if org.dissolved is None:
        changes.insert(0, SetKey(org, "dissolved", str(last_day), org.id))
    return Fix(Applicability.UNSAFE, tuple(changes))
