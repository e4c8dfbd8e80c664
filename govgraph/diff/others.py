"""What changed in the organisations, posts, people and settings of a model."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from govgraph.diff.changes import Change, Named, Part, Quote, named
from govgraph.diff.fields import dissolution, entity_changes, field_change, json_value
from govgraph.model import Model
from govgraph.schema import Holding, Settings

ORG_FIELDS = ("kind", "established", "succeeded_by", "tags")


def _added_removed(
    area: str, old: dict[str, Any], new: dict[str, Any], old_model: Model, new_model: Model
) -> Iterator[Change]:
    for entity_id in new.keys() - old.keys():
        parts = (named(new_model, entity_id), " was added")
        yield Change(area, "added", entity_id, parts, None, new_model.name_of(entity_id))
    for entity_id in old.keys() - new.keys():
        parts = (named(old_model, entity_id), " was removed from the model")
        yield Change(area, "removed", entity_id, parts, old_model.name_of(entity_id), None)


def _renamed(area: str, entity_id: str, before: str, after: str) -> Iterator[Change]:
    if before != after:
        parts = (Quote(before), f" ({entity_id}) was renamed ", Quote(after))
        yield Change(area, "renamed", entity_id, parts, before, after)


def organisations(old: Model, new: Model) -> Iterator[Change]:
    area = "organisations"
    yield from _added_removed(area, old.organisations, new.organisations, old, new)
    for org_id, before in old.organisations.items():
        after = new.organisations.get(org_id)
        if after is None:
            continue
        subject = Named(after.name, org_id)
        yield from _renamed(area, org_id, before.name, after.name)
        if before.dissolved != after.dissolved:
            change = dissolution(area, subject, before.dissolved, after.dissolved)
            if change.change == "dissolved" and after.succeeded_by:
                extra = (", succeeded by ", named(new, after.succeeded_by))
                change = Change(
                    area, "dissolved", org_id, change.parts + extra, change.before, change.after
                )
            yield change
        yield from entity_changes(area, subject, before, after, ORG_FIELDS)


def posts(old: Model, new: Model) -> Iterator[Change]:
    area = "posts"
    yield from _added_removed(area, old.posts, new.posts, old, new)
    for post_id, before in old.posts.items():
        after = new.posts.get(post_id)
        if after is None:
            continue
        subject = Named(after.title, post_id)
        yield from _renamed(area, post_id, before.title, after.title)
        yield from entity_changes(area, subject, before, after, ("organisation", "role"))
        yield from _holders(old, new, subject, before.holders, after.holders)


def _holders(
    old: Model, new: Model, post: Named, was: list[Holding], now: list[Holding]
) -> Iterator[Change]:
    before = {(h.person, h.from_): h for h in was}
    after = {(h.person, h.from_): h for h in now}
    for key in sorted(after.keys() - before.keys(), key=str):
        holding = after[key]
        person = named(new, holding.person)
        parts: tuple[Part, ...] = (person, " took up ", post)
        parts += (f" from {holding.from_}",) if holding.from_ else ()
        parts += (f" until {holding.to}",) if holding.to else ()
        yield Change("posts", "took up", post.id, parts, None, holding.person)
    for key in sorted(before.keys() - after.keys(), key=str):
        person = named(old, before[key].person)
        parts = (person, " is no longer recorded as holding ", post)
        yield Change("posts", "removed", post.id, parts, before[key].person, None)
    for key in sorted(before.keys() & after.keys(), key=str):
        if before[key].to != after[key].to:
            person = named(new, after[key].person)
            end = after[key].to
            parts = (person, " stood down as ", post, f" on {end}") if end else (
                person, " holds ", post, " again (no end date)",
            )  # fmt: skip
            yield Change(
                "posts", "stood down" if end else "changed", post.id, parts,
                json_value(before[key].to), json_value(end),
            )  # fmt: skip


def people(old: Model, new: Model) -> Iterator[Change]:
    area = "people"
    yield from _added_removed(area, old.people, new.people, old, new)
    for person_id, before in old.people.items():
        after = new.people.get(person_id)
        if after is None:
            continue
        yield from _renamed(area, person_id, before.name, after.name)
        subject = Named(after.name, person_id)
        yield from entity_changes(area, subject, before, after, ("roles",))
        if before.left != after.left:
            if before.left is None:
                parts: tuple[Part, ...] = (subject, f" left on {after.left}")
                yield Change(area, "left", person_id, parts, None, json_value(after.left))
            else:
                yield field_change(area, subject, "leaving date", before.left, after.left)


SETTING_WORDS = {
    "name": "the model's name",
    "review_interval_months": "the review interval (months)",
    "large_membership": "the large membership threshold",
    "many_roles": "the many roles threshold",
}


def settings(old: Settings, new: Settings) -> Iterator[Change]:
    for name, words in SETTING_WORDS.items():
        was, now = getattr(old, name), getattr(new, name)
        if was != now:
            parts = (f"{words.capitalize()} changed from ", *_setting(was), " to ", *_setting(now))
            yield Change("settings", "changed", name, parts, was, now)
    for slug in sorted(old.checks.keys() | new.checks.keys()):
        was, now = old.checks.get(slug, "default"), new.checks.get(slug, "default")
        if was != now:
            parts = (f"The severity of the check {slug} changed from {was} to {now}",)
            yield Change("settings", "changed", f"checks.{slug}", parts, was, now)


def _setting(value: Any) -> tuple[Part, ...]:
    return (Quote(value),) if isinstance(value, str) else ("none" if value is None else str(value),)
