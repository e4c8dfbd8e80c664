"""missing-required-member: a ``requires`` rule that the current members do not meet.

A body's ``requires`` list says who must sit on it (statutory partners, say):

* ``tag: T`` — every organisation with tag ``T`` that is current on the date
  (established and not dissolved) must be a current member;
* ``member: ID`` — that organisation, post or person must be a current member
  (an organisation not yet established on the date is not required yet: a rule
  naming the ICB asks nothing of the partnership before the ICB existed).

An organisation counts as present when it is a current member itself, when
one of its posts (a post whose ``organisation`` is it) is, or when a current
seat is ``on_behalf_of`` it: the council is represented by its Director of
Children's Services, the district by the councillor it sends. A seat on behalf
of another organisation stands for that one instead of the post's own, and a
person who has ``left`` stands for no one (``departed-member`` reports them). A
post counts as present even while vacant (``vacant-post`` reports that). One finding is made per
missing member, with subject ``BODY/MEMBER``, pointing at the rule.

Also reported: a ``tag`` rule naming a tag that no organisation in the model
carries at all (almost always a misspelling, which would otherwise pass
silently). A tag whose organisations all exist but none is current on the
date requires nobody, silently. Rules cannot carry ``ignore``; an ``ignore``
on the body accepts the finding. Only bodies current on the date are judged.

Passes (on 2023-07-07; the superintendent sits for the police)::

    organisations:
      - {id: wcc, name: Worcestershire County Council, tags: [safeguarding-partner]}
      - {id: police, name: West Mercia Police, tags: [safeguarding-partner]}
    people:
      - {id: ann-lee, name: Supt Ann Lee}
    bodies:
      - id: wscp
        name: Safeguarding Children Partnership
        requires: [{tag: safeguarding-partner}]
        members: [{member: wcc}, {member: ann-lee, on_behalf_of: police}]

Fails (the police are not a member)::

    organisations:
      - {id: wcc, name: Worcestershire County Council, tags: [safeguarding-partner]}
      - {id: police, name: West Mercia Police, tags: [safeguarding-partner]}
    bodies:
      - id: wscp
        name: Safeguarding Children Partnership
        requires: [{tag: safeguarding-partner}]
        members: [{member: wcc}]

Fix (unsafe): ``govgraph fix --unsafe-fixes`` adds the missing member to
``members`` from the as-of date, in the style of the body's other members:
``{member: police, from: 2023-07-07}``. Unsafe: who should sit (the
organisation itself, one of its posts, or a named person on its behalf) and
from when are for someone to decide; ``--interactive`` lets you edit the date,
and ``govgraph edit add`` adds the seat you choose. A rule naming a dissolved
organisation, or a tag no organisation carries, has no fix: the rule itself
is out of date.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from govgraph.checks.base import Context, Problem
from govgraph.dates import has_ended, is_current, not_started
from govgraph.explain import suggest
from govgraph.findings import Severity
from govgraph.fix.changes import AddItem, Applicability, Fix
from govgraph.schema import Body, Organisation, Requirement

SLUG = "missing-required-member"
SEVERITY = Severity.ERROR
SUMMARY = "a requires rule that the current members do not meet"
FIX = Applicability.UNSAFE


def check(context: Context) -> Iterator[Problem]:
    tagged: dict[str, list[Organisation]] = defaultdict(list)
    for org in context.model.organisations.values():
        for tag in org.tags:
            tagged[tag].append(org)
    for body in context.current_bodies:
        if not body.requires:
            continue
        present = _present(context, body)
        for rule in body.requires:
            if rule.tag is not None:
                yield from _tag_rule(context, body, rule, tagged, present)
            elif rule.member is not None and rule.member not in present:
                if _not_yet(context, rule.member):
                    continue
                message = _missing(context, body, rule.member)
                fix = None if _dissolved(context, rule.member) else _add(context, body, rule.member)
                yield Problem(f"{body.id}/{rule.member}", message, rule, (body,), fix)


def _not_yet(context: Context, member: str) -> bool:
    """Whether ``member`` is an organisation or post not yet established on the date."""
    thing = context.model.organisations.get(member) or context.model.posts.get(member)
    return thing is not None and not_started(thing, context.on)


def _present(context: Context, body: Body) -> set[str]:
    """Ids present on ``body`` on the date: its current members, and the organisation
    each seat stands for (``on_behalf_of``, else a post's organisation)."""
    model, on = context.model, context.on
    present: set[str] = set()
    for membership in context.current_members(body.id):
        member, behalf = membership.member, membership.on_behalf_of
        present.add(member)
        if behalf is not None:
            person = model.people.get(member)
            if person is None or not has_ended(person, on):  # a departed seat is no one's
                present.add(behalf)
        elif (post := model.posts.get(member)) is not None and post.organisation is not None:
            present.add(post.organisation)
    return present


def _tag_rule(
    context: Context,
    body: Body,
    rule: Requirement,
    tagged: dict[str, list[Organisation]],
    present: set[str],
) -> Iterator[Problem]:
    tag = rule.tag or ""
    if tag not in tagged:
        known = list(tagged)
        yield Problem(
            body.id,
            f"{body.name} requires every organisation tagged '{tag}', but no organisation "
            f"in the model has that tag{suggest(tag, known)}; correct the tag in the rule "
            "or add it to the organisations' tags",
            rule,
            (body,),
        )
        return
    for org in tagged[tag]:
        if is_current(org, context.on) and org.id not in present:
            yield Problem(
                f"{body.id}/{org.id}",
                f"{org.name} is a current '{tag}' organisation but is not a member of "
                f"{body.name}, which requires every one (requires: tag {tag}); add it "
                "(or one of its posts) to members",
                rule,
                (body,),
                _add(context, body, org.id),
            )


def _add(context: Context, body: Body, member: str) -> Fix:
    """Seat ``member`` on ``body`` from the as-of date (a judgement: see the docstring)."""
    item = (("member", member), ("from", str(context.on)))
    return Fix(Applicability.UNSAFE, (AddItem(body, "members", item, body.id),))


def _dissolved(context: Context, member: str) -> bool:
    org = context.model.organisations.get(member)
    return org is not None and has_ended(org, context.on)


def _missing(context: Context, body: Body, member: str) -> str:
    model, on = context.model, context.on
    name = model.name_of(member)
    org = model.organisations.get(member)
    if org is not None and has_ended(org, on):
        successor = (
            f" and succeeded by {model.name_of(org.succeeded_by)}" if org.succeeded_by else ""
        )
        return (
            f"{body.name} requires {name} as a member, but it was dissolved on "
            f"{org.dissolved}{successor}; update the requires rule to name the organisation "
            "that now does its job"
        )
    ended = [m.to for m in body.members if m.member == member and m.to is not None and m.to < on]
    history = f" (its membership ended on {max(ended)})" if ended else ""
    return (
        f"{body.name} requires {name} as a member, but {name} is not a current "
        f"member{history}; add {name} to members"
    )
