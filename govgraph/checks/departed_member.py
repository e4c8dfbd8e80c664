"""departed-member: a current membership of a person who has ``left``.

A councillor who lost their seat, or an officer who left, cannot go on sitting
on a body. This finds memberships of a *person* still current on the date
after that person's ``left`` date (``left`` is their last active day).

Silent by design: a membership through a post is not judged here even if the
post's holder has left; end the holding (``to:``) instead, and ``vacant-post``
then reports the empty seat until a new holder is recorded. Only bodies current
on the date are judged. An ``ignore`` on the membership or the body accepts it.

Passes (on 2023-07-07)::

    people:
      - {id: jo-bloggs, name: Cllr Jo Bloggs, left: 2023-05-04}
    bodies:
      - id: cyp
        name: Children's Partnership
        members:
          - {member: jo-bloggs, from: 2021-05-10, to: 2023-05-04}

Fails (the membership was never ended)::

    people:
      - {id: jo-bloggs, name: Cllr Jo Bloggs, left: 2023-05-04}
    bodies:
      - id: cyp
        name: Children's Partnership
        members:
          - {member: jo-bloggs, from: 2021-05-10}

Fix (safe): ``govgraph fix`` ends the membership on the day the person left,
writing ``to: 2023-05-04`` (their ``left`` date) in the membership. Safe: it
follows from a fact the model already states, since a person who has left sits
nowhere after their last day. Who replaced them is not known to the model:
record it with ``govgraph edit add``. No fix is offered for a membership that
starts after the person left (a mistake in one of the dates, for a person to
resolve).
"""

from __future__ import annotations

from collections.abc import Iterator

from govgraph.checks.base import Context, Problem, membership_problem, membership_subject
from govgraph.findings import Severity
from govgraph.fix.changes import Applicability, Fix, end_membership

SLUG = "departed-member"
SEVERITY = Severity.ERROR
SUMMARY = "a current membership of a person who has left"
FIX = Applicability.SAFE


def check(context: Context) -> Iterator[Problem]:
    on, people = context.on, context.model.people
    for member_id in context.seats_of_member:  # those with a seat: fewer than the people
        person = people.get(member_id)
        if person is None or person.left is None or person.left >= on:  # has_ended, inline
            continue
        for body, membership in context.seats(person.id):
            message = (
                f"{person.name} left on {person.left} but is still a member of {body.name}; "
                f"end this membership (to: {person.left}) and record who replaced them"
            )
            fix = None
            if membership.from_ is None or membership.from_ <= person.left:
                change = end_membership(
                    membership, membership_subject(body, membership), person.left
                )
                fix = Fix(Applicability.SAFE, (change,))
            yield membership_problem(body, membership, message, fix)
