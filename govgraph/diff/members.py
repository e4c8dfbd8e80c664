"""What changed in who sits where, between two versions of a model.

A member may sit on a body more than once over time (member until May, chair
from May), so entries are paired by member and start date. An entry ended
the day before a new one of the same member starts, with a different role, is
one change of role, which is how officers record it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from govgraph.diff.changes import Change, Named, Part, named
from govgraph.diff.fields import FIELD_WORDS, json_value, value_parts, waiver_changes
from govgraph.model import Model
from govgraph.schema import Membership

MEMBERSHIP_FIELDS = ("on_behalf_of", "voting", "from_", "term_ends", "reviewed", "note")
AREA = "memberships"


def memberships(old: Model, new: Model, renamed: dict[str, str]) -> Iterator[Change]:
    """Memberships started, ended, changed in role or detail, or removed."""
    for old_id, before in old.bodies.items():
        after = new.bodies.get(renamed.get(old_id, old_id))
        if after is None:
            continue
        body = Named(after.name, after.id)
        members = {m.member for m in before.members} | {m.member for m in after.members}
        for member in sorted(members):
            was = [m for m in before.members if m.member == member]
            now = [m for m in after.members if m.member == member]
            who = named(new if new.kind_of(member) else old, member)
            yield from _member_changes(body, who, was, now)


def _pairs(
    was: list[Membership], now: list[Membership]
) -> tuple[list[tuple[Membership, Membership]], list[Membership], list[Membership]]:
    """Pair old and new entries of one member on one body: by start date, then in order."""
    if len(was) == 1 and len(now) == 1:
        return [(was[0], now[0])], [], []
    left, right = list(was), list(now)
    pairs = []
    for entry in list(left):
        same = next((m for m in right if m.from_ == entry.from_), None)
        if same is not None:
            pairs.append((entry, same))
            left.remove(entry)
            right.remove(same)
    return pairs, left, right


def _member_changes(
    body: Named, who: Named, was: list[Membership], now: list[Membership]
) -> Iterator[Change]:
    subject = f"{body.id}/{who.id}"
    pairs, removed, added = _pairs(was, now)
    ended: list[Membership] = []
    for before, after in pairs:
        if before.to is None and after.to is not None:
            ended.append(after)
            continue
        yield from _entry_changes(subject, body, who, before, after)
    for entry in ended:
        follow = next((m for m in added if _follows(entry, m) and m.role != entry.role), None)
        if follow is None:
            parts: tuple[Part, ...] = (who, " left ", body, f" on {entry.to}")
            yield Change(AREA, "ended", subject, parts, None, json_value(entry.to))
            continue
        added.remove(follow)
        parts = (
            who,
            f" became {follow.role} of ",
            body,
            f" from {follow.from_} (was {entry.role})",
        )
        yield Change(AREA, "role changed", subject, parts, entry.role, follow.role)
    for entry in added:
        parts = (who, " joined ", body, f" as {entry.role}")
        parts += (f" from {entry.from_}",) if entry.from_ else ()
        parts += (f" until {entry.to}",) if entry.to else ()
        yield Change(AREA, "started", subject, parts, None, entry.role)
    for entry in removed:
        since = f", {entry.role} since {entry.from_}" if entry.from_ else f", {entry.role}"
        parts = (who, "'s membership of ", body, f"{since}, was removed from the model")
        yield Change(AREA, "removed", subject, parts, entry.role, None)


def _follows(ended: Membership, started: Membership) -> bool:
    return (
        ended.to is not None
        and started.from_ is not None
        and ended.to <= started.from_ <= ended.to + timedelta(days=1)
    )


def _entry_changes(
    subject: str, body: Named, who: Named, before: Membership, after: Membership
) -> Iterator[Change]:
    parts: tuple[Part, ...]
    if before.role != after.role:
        parts = (who, f" is now {after.role} of ", body, f" (was {before.role})")
        yield Change(AREA, "role changed", subject, parts, before.role, after.role)
    if before.to != after.to:
        parts = (who, "'s membership of ", body, f" now ends {after.to or 'never'}")
        parts += (f" (was {before.to})",)
        yield Change(AREA, "changed", subject, parts, json_value(before.to), json_value(after.to))
    for name in MEMBERSHIP_FIELDS:
        was, now = getattr(before, name), getattr(after, name)
        if was == now:
            continue
        if name == "reviewed" and now is not None:
            parts = (who, "'s membership of ", body, f" was reviewed on {now}")
            yield Change(AREA, "reviewed", subject, parts, json_value(was), json_value(now))
            continue
        word = FIELD_WORDS.get(name, name)
        parts = (who, "'s membership of ", body, f": {word} changed from ", *value_parts(was),
                 " to ", *value_parts(now))  # fmt: skip
        yield Change(AREA, "changed", subject, parts, json_value(was), json_value(now))
    lead = (who, "'s membership of ", body)
    yield from waiver_changes(AREA, subject, lead, before, after)
