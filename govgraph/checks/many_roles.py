"""many-roles: a member sitting on more current bodies than ``many_roles``.

The same few people and organisations often sit on every partnership, which
stretches them thin and concentrates influence. This counts the distinct
bodies current on the date on which a member has a current membership, and
reports members on more than ``many_roles`` in ``govgraph.yaml`` (5 by
default); exactly that many is fine.

For a person, seats held through the posts they hold on the date count too
(the Director of Children's Services sits on boards as that post). A post that
someone holds on the date is therefore not reported on its own: its seats are
counted for its holder. A post no one holds, and an organisation, are judged
on their own seats. Members no longer current (a dissolved organisation, a
person who has left) are left to ``dissolved-member`` and ``departed-member``.

The subject is the member's id and the finding points at the member's entry;
an ``ignore`` on that organisation, post or person accepts it.

Passes (with ``many_roles: 2`` in govgraph.yaml)::

    people:
      - {id: jo-bloggs, name: Cllr Jo Bloggs}
    bodies:
      - {id: hwb, name: Health and Wellbeing Board, members: [{member: jo-bloggs}]}
      - {id: cyp, name: Children's Partnership, members: [{member: jo-bloggs}]}

Fails (with ``many_roles: 2``; the third seat comes through a post she holds)::

    people:
      - {id: jo-bloggs, name: Cllr Jo Bloggs}
    posts:
      - id: lead-member
        title: Cabinet Member for Children and Families
        holders: [{person: jo-bloggs, from: 2021-05-10}]
    bodies:
      - {id: hwb, name: Health and Wellbeing Board, members: [{member: jo-bloggs}]}
      - {id: cyp, name: Children's Partnership, members: [{member: jo-bloggs}]}
      - {id: cp, name: Corporate Parenting Board, members: [{member: lead-member}]}

Fix (none): share the seats out (a deputy or substitute), or raise
``many_roles`` if the load is deliberate. ``govgraph fix`` writes nothing for
it: sharing seats out is a decision about people.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from typing import Any

from govgraph.checks.base import Context, Problem
from govgraph.dates import is_current
from govgraph.findings import Severity
from govgraph.fix.changes import Applicability
from govgraph.model import Entity

SLUG = "many-roles"
SEVERITY = Severity.INFO
SUMMARY = "a member sitting on more current bodies than many_roles"
FIX = Applicability.NONE

#: Bodies named in a message before "and N more".
NAMED = 8


def check(context: Context) -> Iterator[Problem]:
    limit = context.settings.many_roles
    seats_of, held, holders = context.seats_of_member, context.posts_held, context.post_holders
    # Seats counted with repeats (a member's own, then through the posts a person
    # holds) bound the distinct bodies from above: most members stop there. A held
    # post's seats are its holders', and a holder is judged in the second loop.
    # 12k findings nationally: each is built by plain calls, not nested generators.
    for member_id, bodies in seats_of.items():
        if len(bodies) > limit and member_id not in held and member_id not in holders:
            seats = dict.fromkeys(bodies)  # each body once, in model order
            if len(seats) > limit:
                member = _judged(context, member_id)
                if member is not None:
                    yield _problem(context, member, seats, _names(context, seats))
    for person, posts in held.items():
        own = seats_of.get(person, ())
        most = len(own)
        for post in posts:
            most += len(seats_of.get(post, ()))
        if most <= limit:
            continue
        through: dict[str, str | None] = dict.fromkeys(own)
        for post in posts:
            for body in seats_of.get(post, ()):
                if body not in through:
                    through[body] = post
        if len(through) > limit:
            member = _judged(context, person)
            if member is not None:
                yield _problem(context, member, through, *_names_through(context, through))


def _judged(context: Context, member_id: str) -> Entity | None:
    """The member judged on its own seats: an organisation or person current on the
    date, or a post that no one holds on the date (a held post counts for its holder)."""
    model = context.model
    found: Entity | None = model.organisations.get(member_id)
    if found is None:
        found = model.people.get(member_id)
    if found is not None:
        return found if is_current(found, context.on) else None
    post = model.posts.get(member_id)
    return post if post is not None and member_id not in context.post_holders else None


def _problem(
    context: Context, member: Entity, seats: dict[str, Any], listed: str, every: str = ""
) -> Problem:
    """The finding: ``listed`` names the first bodies, ``every`` the one post that all
    the seats are held through, if there is one."""
    limit = context.settings.many_roles
    more = f" and {len(seats) - NAMED} more" if len(seats) > NAMED else ""
    message = (
        f"{member.name} sits on {len(seats)} current bodies, more than the {limit} set "
        f"as many_roles: {listed}{more}{every}; consider sharing these seats out, "
        "or raise many_roles in govgraph.yaml"
    )
    return Problem(member.id, message, member, (member,))


def _names(context: Context, seats: dict[str, Any]) -> str:
    """The first bodies of ``seats`` by name."""
    bodies = context.body_names
    return ", ".join([bodies[body] for body in islice(seats, NAMED)])


def _names_through(context: Context, through: dict[str, str | None]) -> tuple[str, str]:
    """The first bodies of ``through`` by name, each with the post it is held through,
    and "" (or, when every seat is through one post, as for an officer, the names and
    that post said once)."""
    posts = set(through.values())
    if len(posts) == 1:
        (single,) = posts
        every = f" (all as {context.name_of(single)})" if single else ""
        return _names(context, through), every
    bodies = context.body_names
    listed = ", ".join(
        [
            bodies[body] + (f" (as {context.name_of(post)})" if post else "")
            for body, post in islice(through.items(), NAMED)
        ]
    )
    return listed, ""
