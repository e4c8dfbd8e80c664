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

Fix: end the membership on the day the person left (``to: 2023-05-04``) and
record who replaced them.
"""

from __future__ import annotations

from collections.abc import Iterator

from govgraph.checks.base import Context, Problem, membership_problem
from govgraph.findings import Severity

SLUG = "departed-member"
SEVERITY = Severity.ERROR
SUMMARY = "a current membership of a person who has left"


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
            yield membership_problem(body, membership, message)
