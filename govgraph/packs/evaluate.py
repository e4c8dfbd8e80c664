"""Judge a body's current members against a pack's rules on a date.

Who counts as what, in model terms:

* an organisation member stands for that organisation (while it is current);
* a post member stands for the post's ``organisation`` and carries the post's
  ``role`` (whether or not someone holds it on the date: vacancies are the
  ``vacant-post`` check's business);
* a person member carries their own ``roles`` and the role and organisation
  of every post they hold on the date (a person who has ``left`` counts for
  nothing);
* a councillor is a member with role ``councillor``, ``leader`` or
  ``cabinet-member`` (see :data:`~govgraph.packs.vocabulary.COUNCILLOR_ROLES`);
* a seat with membership role ``substitute`` counts only for a rule that asks
  for ``role: substitute`` (every other seat role counts);
* a seat ``on_behalf_of`` an organisation stands for that organisation instead
  of the organisations of the member's posts (an organisation member stands
  for itself as well); roles are the member's as above. A person who has
  ``left`` still counts for nothing, and a dissolved organisation for none.

``count: each`` means each organisation of the kind that is current on the
date anywhere in the model: a model describes one area, so every ICB in it is
a relevant ICB. (An organisation outside the area can carry an ``ignore`` for
``statutory-composition`` with the reason.)
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date

from govgraph.dates import is_current
from govgraph.model import Model
from govgraph.packs.models import EACH, Rule
from govgraph.packs.vocabulary import COUNCILLOR_ROLES
from govgraph.schema import Body, Membership, Organisation


@dataclass(frozen=True)
class Sitter:
    """A current member of a body, as the packs see it."""

    member: str
    membership: Membership
    organisations: tuple[Organisation, ...]
    roles: frozenset[str]


@dataclass(frozen=True)
class Shortfall:
    """One way the members fall short of a rule; ``organisation`` when it is about one."""

    reason: str
    organisation: Organisation | None = None


def sitters(model: Model, body: Body, on: date) -> list[Sitter]:
    """The body's memberships current on ``on``, with what each member stands for."""
    found = []
    for membership in body.members:
        if not is_current(membership, on):
            continue
        orgs: list[str] = []
        roles: set[str] = set()
        member = membership.member
        if member in model.organisations:
            orgs.append(member)
        elif member in model.posts:
            post = model.posts[member]
            orgs.extend([post.organisation] if post.organisation else [])
            roles.update([post.role] if post.role else [])
        elif member in model.people and is_current(model.people[member], on):
            roles.update(model.people[member].roles)
            for post in model.posts.values():
                if any(h.person == member and is_current(h, on) for h in post.holders):
                    orgs.extend([post.organisation] if post.organisation else [])
                    roles.update([post.role] if post.role else [])
        behalf = membership.on_behalf_of
        if behalf is not None and (
            member not in model.people or is_current(model.people[member], on)
        ):
            orgs = [member, behalf] if member in model.organisations else [behalf]
        current = tuple(
            model.organisations[o]
            for o in dict.fromkeys(orgs)
            if o in model.organisations and is_current(model.organisations[o], on)
        )
        found.append(Sitter(member, membership, current, frozenset(roles)))
    return found


def matches(rule: Rule, sitter: Sitter) -> bool:
    """True when ``sitter`` meets every filter of ``rule``."""
    if rule.organisation_kind is not None and not any(
        org.kind in rule.organisation_kind for org in sitter.organisations
    ):
        return False
    if rule.post_role is not None and not sitter.roles & set(rule.post_role):
        return False
    if rule.councillor and not sitter.roles & COUNCILLOR_ROLES:
        return False
    if rule.role is not None and sitter.membership.role != rule.role:
        return False
    # A substitute sits only in another member's place, so counts only when asked for.
    if rule.role is None and sitter.membership.role == "substitute":
        return False
    return rule.voting is None or sitter.membership.voting == rule.voting


def shortfalls(rule: Rule, seats: list[Sitter], model: Model, on: date) -> list[Shortfall]:
    """How the current members fall short of ``rule`` (empty when they meet it)."""
    if rule.any_of is not None:
        if any(not shortfalls(choice, seats, model, on) for choice in rule.any_of):
            return []
        if all(_simple(choice) for choice in rule.any_of):
            either = " or ".join(phrase(choice) for choice in rule.any_of)
            return [Shortfall(f"none of the current members is {either}")]
        choices = "; ".join(describe(choice) for choice in rule.any_of)
        return [Shortfall(f"the current members meet none of: {choices}")]
    if rule.all_of is not None:
        return [found for part in rule.all_of for found in shortfalls(part, seats, model, on)]
    matching = [seat for seat in seats if matches(rule, seat)]
    members = list(dict.fromkeys(seat.member for seat in matching))
    hint = _hint(rule, seats)
    found = _each(rule, seats, matching, model, on, hint) if rule.count == EACH else []
    if isinstance(rule.count, int) and len(members) < rule.count:
        if rule.count == 1:
            found.append(Shortfall(f"none of the current members is {phrase(rule)}{hint}"))
        else:
            have = f"{len(members)} ({', '.join(members)})" if members else "none"
            found.append(
                Shortfall(
                    f"it needs at least {rule.count} {_noun(rule, plural=True)}; it has {have}"
                )
            )
    if rule.at_most is not None and len(members) > rule.at_most:
        found.append(
            Shortfall(
                f"it may have at most {rule.at_most} {_noun(rule, plural=True)}; it has "
                f"{len(members)} ({', '.join(members)})"
            )
        )
    return found


def _each(
    rule: Rule, seats: list[Sitter], matching: list[Sitter], model: Model, on: date, hint: str
) -> list[Shortfall]:
    kinds = rule.organisation_kind or ()
    relevant = [
        org for org in model.organisations.values() if org.kind in kinds and is_current(org, on)
    ]
    if not relevant:
        return [
            Shortfall(
                f"the model has no current organisation of kind {_words(kinds)} to sit on it"
                f"{hint}; add the organisation and its membership"
            )
        ]
    present = {org.id for seat in matching for org in seat.organisations}
    return [
        Shortfall(_absent(org, rule, seats, hint), org) for org in relevant if org.id not in present
    ]


def _absent(org: Organisation, rule: Rule, seats: list[Sitter], hint: str) -> str:
    """Why ``org`` does not count: not there at all, or there in the wrong capacity."""
    own = [seat for seat in seats if any(o.id == org.id for o in seat.organisations)]
    if not own:
        return f"{org.name} ({org.id}) is not among the current members{hint}"
    if rule.role is None and all(seat.membership.role == "substitute" for seat in own):
        return f"{org.name} ({org.id}) sits on it only as a substitute, which does not count"
    return f"{org.name} ({org.id}) sits on it, but not as {phrase(rule)}"


def _simple(rule: Rule) -> bool:
    return rule.any_of is None and rule.all_of is None and rule.count == 1


def _words(words: tuple[str, ...]) -> str:
    quoted = [f"'{w}'" for w in words]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"


def _noun(rule: Rule, plural: bool = False) -> str:
    """``councillor(s)``, ``organisation(s) of kind 'x'`` … with the rule's qualifiers."""
    if rule.councillor:
        noun = "councillors" if plural else "councillor"
    elif rule.post_role is not None:
        noun = "posts or people" if plural else "post or person"
        noun += f" with role {_words(rule.post_role)}"
    elif rule.organisation_kind is not None:
        noun = "organisations" if plural else "organisation"
        noun += f" of kind {_words(rule.organisation_kind)}"
    else:
        noun = "members" if plural else "member"
    if rule.organisation_kind is not None and (rule.councillor or rule.post_role):
        noun += f" of an organisation of kind {_words(rule.organisation_kind)}"
    if rule.councillor and rule.post_role is not None:
        noun += f" with role {_words(rule.post_role)}"
    if rule.role is not None:
        noun += f" sitting as {rule.role}"
    if rule.voting is not None:
        noun += " with a vote" if rule.voting else " without a vote"
    return noun


def phrase(rule: Rule) -> str:
    """One member meeting ``rule``: ``"an organisation of kind 'healthwatch'"``."""
    noun = _noun(rule)
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"


def describe(rule: Rule) -> str:
    """What ``rule`` asks for, in words, for findings and ``govgraph checks --packs``."""
    if rule.any_of is not None:
        return "one of: " + "; ".join(describe(choice) for choice in rule.any_of)
    if rule.all_of is not None:
        return "all of: " + " and ".join(describe(part) for part in rule.all_of)
    if rule.count == EACH:
        text = f"each current {_noun(rule)}"
    elif rule.count == 1:
        text = phrase(rule)
    else:
        text = f"at least {rule.count} {_noun(rule, plural=True)}"
    return text + (f" (at most {rule.at_most})" if rule.at_most is not None else "")


def _hint(rule: Rule, seats: list[Sitter]) -> str:
    """A nudge towards the likely fix when a simple rule is unmet."""
    if rule.organisation_kind is not None:
        for seat in seats:
            for org in seat.organisations:
                kind = (org.kind or "").lower()
                close = difflib.get_close_matches(kind, rule.organisation_kind, 1, 0.6)
                if close and org.kind not in rule.organisation_kind:
                    return f" ({org.name} has kind '{org.kind}': the pack looks for '{close[0]}')"
        return ""
    if rule.post_role is not None:
        return f" (if a member's post is this office, give the post role: {rule.post_role[0]})"
    if rule.councillor:
        return " (give a councillor's post role: councillor, or the person roles: [councillor])"
    return ""
