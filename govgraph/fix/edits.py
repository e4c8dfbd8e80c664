"""The everyday edits of ``govgraph edit``, as changes built from the model.

Each function reads the loaded model, refuses what makes no sense with the
message a user sees (an unknown member, a duplicate seat, a date before a
membership started), and returns the :mod:`~govgraph.fix.changes` to write;
:func:`apply_edit` checks the result (it must load and add no error) and writes
it through the same :class:`~govgraph.fix.workspace.Workspace` as ``fix``.
Bodies, members and posts are named as everywhere else: an id, a name or title,
a short name or another name, with "did you mean" (:func:`~govgraph.select.find_entity`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from govgraph.errors import GovgraphError
from govgraph.explain import suggest
from govgraph.fix.changes import AddItem, Change, SetKey, end_membership
from govgraph.fix.workspace import Workspace
from govgraph.model import Model
from govgraph.schema import Body, Membership
from govgraph.select import find_entity

MEMBER_KINDS = ("organisation", "post", "person")


def apply_edit(
    root: str | Path, on: date, build: Callable[[Model], list[Change]], write: bool = True
) -> Workspace:
    """Build the changes from the model at ``root``, check them and write them (unless
    ``write`` is false); the workspace returned holds the diff."""
    space = Workspace.open(Path(root), on)
    changes = build(space.model)
    checked = space.check(space.edited(space.edits(changes)))
    space.accept(checked)
    if write:
        space.write()
    return space


# --- the edits ------------------------------------------------------------------------


def end(model: Model, seat: str, on: date) -> list[Change]:
    """End the membership ``BODY/MEMBER`` on ``on`` (its last day)."""
    body, membership = find_membership(model, seat, on)
    return [_ended(model, body, membership, on)]


def add(
    model: Model,
    body_name: str,
    member_name: str,
    role: str | None,
    start: date | None,
    on_behalf_of: str | None,
    today: date,
) -> list[Change]:
    """Add ``member`` to ``body`` (refused when it already sits there on the day)."""
    body = model.bodies[find_entity(model, body_name, ("body",))]
    member = find_entity(model, member_name, MEMBER_KINDS)
    day = start or today
    for seat in body.members:
        if seat.member == member and _current(seat, day) and (role is None or seat.role == role):
            since = f"since {seat.from_}" if seat.from_ else "with no start date"
            raise GovgraphError(
                f"{model.name_of(member)} already sits on {body.name} ({since}, "
                f"{seat.file}:{seat.line}); end that membership first, or give --from a "
                "day after it ends"
            )
    item = [("member", member)]
    if role is not None and role != "member":
        item.append(("role", role))
    if on_behalf_of is not None:
        item.append(("on_behalf_of", find_entity(model, on_behalf_of, ("organisation",))))
    if start is not None:
        item.append(("from", str(start)))
    return [AddItem(body, "members", tuple(item), body.id)]


def assign(model: Model, post_name: str, person_name: str, start: date) -> list[Change]:
    """``person`` holds ``post`` from ``start``; the holder before them until the day before."""
    post = model.posts[find_entity(model, post_name, ("post",))]
    person = find_entity(model, person_name, ("person",))
    changes: list[Change] = []
    for holding in post.holders:
        where = f"({holding.file}:{holding.line})"
        if holding.from_ is not None and holding.from_ >= start:
            raise GovgraphError(
                f"{model.name_of(holding.person)} holds {post.title} from {holding.from_} "
                f"{where}; a new holder from {start} must start after that: give a later "
                "--from, or correct that holding"
            )
        if not _current(holding, start):
            continue
        if holding.person == person:
            raise GovgraphError(
                f"{model.name_of(person)} already holds {post.title} on {start} {where}"
            )
        subject = f"{post.id}/{holding.person}"
        changes.append(end_membership(holding, subject, start - timedelta(days=1)))
    item = (("person", person), ("from", str(start)))
    changes.append(AddItem(post, "holders", item, post.id))
    return changes


def dissolve(model: Model, body_name: str, on: date, successor_name: str | None) -> list[Change]:
    """Dissolve ``body`` on ``on``: end its open memberships, move the bodies reporting
    to it to ``successor`` (and record the successor's ``predecessor``)."""
    body = model.bodies[find_entity(model, body_name, ("body",))]
    if body.dissolved is not None:
        raise GovgraphError(f"{body.name} was already dissolved on {body.dissolved}")
    successor = (
        model.bodies[find_entity(model, successor_name, ("body",))] if successor_name else None
    )
    if successor is not None and successor.id == body.id:
        raise GovgraphError(f"{body.name} cannot succeed itself; name another body")
    changes: list[Change] = [SetKey(body, "dissolved", str(on), body.id)]
    for membership in body.members:
        if membership.to is None or membership.to > on:
            changes.append(_ended(model, body, membership, on))
    if successor is None:
        return changes
    for child in model.bodies.values():
        for line in child.reports_to:
            if line.body == body.id:
                changes.append(SetKey(line, "body", successor.id, f"{child.id}'s reports_to"))
    if successor.predecessor is None:
        changes.append(SetKey(successor, "predecessor", body.id, successor.id))
    return changes


def reviewed(model: Model, seats: list[str], on: date) -> list[Change]:
    """Record that each membership ``BODY/MEMBER`` was reviewed on ``on``."""
    changes: list[Change] = []
    for seat in seats:
        body, membership = find_membership(model, seat, on)
        if membership.from_ is not None and on < membership.from_:
            raise GovgraphError(
                f"{_whose(model, body, membership)} started on {membership.from_}; the review "
                "date must be on or after it"
            )
        changes.append(SetKey(membership, "reviewed", str(on), f"{body.id}/{membership.member}"))
    return changes


# --- finding the membership a user names ----------------------------------------------


def find_membership(model: Model, seat: str, on: date) -> tuple[Body, Membership]:
    """The membership ``BODY/MEMBER`` names: the one open on ``on`` (else the open one)."""
    body_name, slash, member_name = seat.partition("/")
    if not slash or not body_name or not member_name:
        raise GovgraphError(f"'{seat}' does not name a membership; write BODY/MEMBER, e.g. hwb/wcc")
    body = model.bodies[find_entity(model, body_name, ("body",))]
    member = find_entity(model, member_name, MEMBER_KINDS)
    seats = [m for m in body.members if m.member == member]
    if not seats:
        ids = sorted({m.member for m in body.members})
        raise GovgraphError(
            f"{model.name_of(member)} is not a member of {body.name}{suggest(member, ids)}; "
            f"'govgraph members MODEL {body.id}' lists its members"
        )
    open_seats = [m for m in seats if m.to is None or m.to >= on]
    if not open_seats:
        last = max(m.to for m in seats if m.to is not None)
        raise GovgraphError(
            f"{model.name_of(member)}'s membership of {body.name} already ended on {last}"
        )
    started = [m for m in open_seats if m.from_ is None or m.from_ <= on]
    return body, (started or open_seats)[-1]


def _ended(model: Model, body: Body, membership: Membership, on: date) -> SetKey:
    if membership.from_ is not None and on < membership.from_:
        raise GovgraphError(
            f"{_whose(model, body, membership)} started on {membership.from_}; the end date "
            f"must be on or after it"
        )
    return end_membership(membership, f"{body.id}/{membership.member}", on)


def _whose(model: Model, body: Body, membership: Membership) -> str:
    return f"{model.name_of(membership.member)}'s membership of {body.name}"


def _current(period: object, day: date) -> bool:
    start, finish = getattr(period, "from_", None), getattr(period, "to", None)
    return (start is None or start <= day) and (finish is None or finish >= day)
