"""What changed between two versions of a model, as they are written down.

Bodies are matched by id; a body whose id changed but whose name did not is
recognised as the same body (renamed id), so its lines and members are
compared rather than listed as all removed and all added. The lines and
members of a body that was added or removed are summed up in that body's
change instead of being listed one by one.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from govgraph.diff.changes import Change, Named, Part, Quote, named, sorted_changes
from govgraph.diff.fields import dissolution, entity_changes, field_change, json_value, show
from govgraph.diff.members import memberships
from govgraph.diff.others import organisations, people, posts, settings
from govgraph.model import Model
from govgraph.schema import Body, ReportingLine

BODY_FIELDS = (
    "kind", "root", "hosted_by", "statutory", "meets", "review_interval_months", "predecessor",
)  # fmt: skip


def compare_models(old: Model, new: Model) -> list[Change]:
    """Every difference between ``old`` and ``new``, sorted by area and subject."""
    renamed = _renamed_ids(old, new)
    changes = [
        *_bodies(old, new, renamed),
        *_lines(old, new, renamed),
        *memberships(old, new, renamed),
        *organisations(old, new),
        *posts(old, new),
        *people(old, new),
        *settings(old.settings, new.settings),
    ]
    return sorted_changes(changes)


# --- bodies ---------------------------------------------------------------------------------


def _renamed_ids(old: Model, new: Model) -> dict[str, str]:
    """Old id -> new id for bodies that only changed id (same name, unique both ways)."""
    gone = [b for i, b in old.bodies.items() if i not in new.bodies]
    came = [b for i, b in new.bodies.items() if i not in old.bodies]
    mapping: dict[str, str] = {}
    for body in gone:
        same = [b for b in came if b.name.casefold() == body.name.casefold()]
        back = [b for b in gone if b.name.casefold() == body.name.casefold()]
        if len(same) == 1 and len(back) == 1:
            mapping[body.id] = same[0].id
    return mapping


def _bodies(old: Model, new: Model, renamed: dict[str, str]) -> Iterator[Change]:
    kept = {renamed.get(i, i) for i in old.bodies}
    for body in new.bodies.values():
        if body.id not in kept:
            yield Change("bodies", "added", body.id, _added_body(new, body), after=body.name)
    for body in old.bodies.values():
        if body.id not in new.bodies and body.id not in renamed:
            parts = (named(old, body.id), " was removed from the model")
            yield Change("bodies", "removed", body.id, parts, before=body.name)
    for old_id, new_id in renamed.items():
        parts = (named(new, new_id), f" changed its id from {old_id} to {new_id}")
        yield Change("bodies", "renamed", new_id, parts, old_id, new_id)
    for old_id, before in old.bodies.items():
        after = new.bodies.get(renamed.get(old_id, old_id))
        if after is not None:
            yield from _body_changes(new, before, after)


def _added_body(model: Model, body: Body) -> tuple[Part, ...]:
    parts: list[Part] = [Named(body.name, body.id), f" was added ({body.kind}"]
    if body.established:
        parts.append(f", established {body.established}")
    if body.reports_to:
        parts.append(", reporting to ")
        for index, line in enumerate(body.reports_to):
            parts += [", "] * bool(index) + [named(model, line.body)]
    parts.append(f", {len(body.members)} member{'s' * (len(body.members) != 1)})")
    return tuple(parts)


def _body_changes(model: Model, before: Body, after: Body) -> Iterator[Change]:
    subject = Named(after.name, after.id)
    parts: tuple[Part, ...]
    if before.name != after.name:
        parts = (Quote(before.name), f" ({after.id}) was renamed ", Quote(after.name))
        yield Change("bodies", "renamed", after.id, parts, before.name, after.name)
    if before.short_name != after.short_name:
        yield field_change("bodies", subject, "short name", before.short_name, after.short_name)
    if before.established != after.established:
        parts = (subject, f" is now recorded as established on {show(after.established)}")
        parts += (f" (was {before.established})",) if before.established else ()
        yield Change(
            "bodies", "established", after.id, parts,
            json_value(before.established), json_value(after.established),
        )  # fmt: skip
    if before.dissolved != after.dissolved:
        yield dissolution("bodies", subject, before.dissolved, after.dissolved)
    yield from entity_changes("bodies", subject, before, after, BODY_FIELDS)
    rules = {_rule(r) for r in before.requires}, {_rule(r) for r in after.requires}
    if rules[0] != rules[1]:
        yield field_change(
            "bodies", subject, "membership rules", sorted(rules[0]), sorted(rules[1])
        )


def _rule(rule: Any) -> str:
    return f"tag {rule.tag}" if rule.tag else f"member {rule.member}"


# --- reporting lines ------------------------------------------------------------------------


def _lines(old: Model, new: Model, renamed: dict[str, str]) -> Iterator[Change]:
    both = {renamed.get(i, i) for i in old.bodies} & set(new.bodies)
    before = {
        (renamed.get(b.id, b.id), renamed.get(line.body, line.body)): line
        for b, line in old.reporting_lines()
    }
    after = {(b.id, line.body): line for b, line in new.reporting_lines()}
    for key in sorted(set(before) | set(after)):
        child, parent = key
        if child not in both:
            continue  # summed up in the body's own change
        subject = f"{child}->{parent}"
        was, now = before.get(key), after.get(key)
        lower, upper = named(new, child), named(new if parent in new.bodies else old, parent)
        parts: tuple[Part, ...]
        if was is None and now is not None:
            parts = (lower, " now reports to ", upper, _how(now))
            yield Change("reporting lines", "added", subject, parts, None, _line_json(now))
        elif now is None and was is not None:
            parts = (lower, " no longer reports to ", upper)
            yield Change("reporting lines", "removed", subject, parts, _line_json(was), None)
        elif was is not None and now is not None:
            yield from _line_changes(subject, lower, upper, was, now)


def _how(line: ReportingLine) -> str:
    words: list[str] = [line.frequency] if line.frequency else []
    words += [f"{line.direction} only"] if line.direction != "both" else []
    return f" ({', '.join(words)})" if words else ""


def _line_json(line: ReportingLine) -> dict[str, Any]:
    return {
        "direction": line.direction,
        "frequency": line.frequency,
        "last_reported": json_value(line.last_reported),
    }


def _line_changes(
    subject: str, lower: Named, upper: Named, was: ReportingLine, now: ReportingLine
) -> Iterator[Change]:
    parts: tuple[Part, ...]
    for name in ("direction", "frequency"):
        if getattr(was, name) != getattr(now, name):
            parts = (
                lower, "'s line to ", upper,
                f": {name} changed from {show(getattr(was, name))} to {show(getattr(now, name))}",
            )  # fmt: skip
            yield Change(
                "reporting lines", "changed", subject, parts, getattr(was, name), getattr(now, name)
            )
    if was.last_reported != now.last_reported:
        parts = (lower, " last reported to ", upper, f" on {show(now.last_reported)}")
        parts += (f" (before: {was.last_reported})",) if was.last_reported else ()
        yield Change(
            "reporting lines", "reported", subject, parts,
            json_value(was.last_reported), json_value(now.last_reported),
        )  # fmt: skip
