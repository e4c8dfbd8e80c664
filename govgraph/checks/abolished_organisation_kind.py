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

Fix: mark the organisation ``dissolved`` on its last day with ``succeeded_by``
its successor, end the membership (``to:`` that day) and add the successor.
"""

from __future__ import annotations

from collections.abc import Iterator

from govgraph.checks.base import Context, Problem, membership_subject
from govgraph.dates import has_ended
from govgraph.findings import Severity
from govgraph.reorganisations import abolished, long_date

SLUG = "abolished-organisation-kind"
SEVERITY = Severity.ERROR
SUMMARY = "a current membership of an organisation whose kind was abolished nationally"


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
            yield Problem(
                membership_subject(body, membership), message, membership, (membership, body, org)
            )
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
            yield Problem(
                membership_subject(body, membership), message, membership, (membership, body, org)
            )
