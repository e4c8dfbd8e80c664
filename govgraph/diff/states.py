"""What was current on one date and not on another: one model at two dates.

``compare_states(graph, a, b)`` answers "what changed in the structure
between 1 April 2022 and 1 April 2023?": bodies established and dissolved,
reporting lines that came and went, members who joined, left or changed role,
organisations dissolved, people who left, posts that changed hands. The
members and lines of a body that came or went are summed up in its change.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import networkx as nx

from govgraph.dates import is_current
from govgraph.diff.changes import Change, Part, named, sorted_changes
from govgraph.graph import current_members, hierarchy, model_of, post_holders
from govgraph.model import Model


def compare_states(graph: nx.MultiDiGraph, a: date, b: date) -> list[Change]:
    """Every difference between the model as it stood on ``a`` and on ``b`` (a < b)."""
    model = model_of(graph)
    return sorted_changes(
        [
            *_bodies(graph, model, a, b),
            *_lines(graph, model, a, b),
            *_memberships(graph, model, a, b),
            *_entities(model, a, b),
            *_holders(graph, model, a, b),
        ]
    )


def _current_bodies(model: Model, day: date) -> set[str]:
    return {b.id for b in model.bodies.values() if is_current(b, day)}


def _bodies(graph: nx.MultiDiGraph, model: Model, a: date, b: date) -> Iterator[Change]:
    before, after = _current_bodies(model, a), _current_bodies(model, b)
    for body_id in sorted(after - before):
        body = model.bodies[body_id]
        parents = [p for _, p in hierarchy(graph, b).out_edges(body_id)]
        parts: list[Part] = [named(model, body_id), " was established"]
        parts += [f" on {body.established}"] if body.established else []
        if parents:
            parts.append(", reporting to ")
            for index, parent in enumerate(sorted(parents)):
                parts += [", "] * bool(index) + [named(model, parent)]
        count = len(current_members(graph, body_id, b))
        parts.append(f", with {count} member{'s' * (count != 1)} on {b}")
        yield Change("bodies", "established", body_id, tuple(parts), None, body.name)
    for body_id in sorted(before - after):
        body = model.bodies[body_id]
        when = f" on {body.dissolved}" if body.dissolved else ""
        parts = [named(model, body_id), f" was dissolved{when}"]
        successors = [s.id for s in model.bodies.values() if s.predecessor == body_id]
        for index, successor in enumerate(successors):
            parts += [", replaced by " if index == 0 else ", ", named(model, successor)]
        yield Change("bodies", "dissolved", body_id, tuple(parts), body.name, None)


def _lines(graph: nx.MultiDiGraph, model: Model, a: date, b: date) -> Iterator[Change]:
    both = _current_bodies(model, a) & _current_bodies(model, b)
    before, after = set(hierarchy(graph, a).edges), set(hierarchy(graph, b).edges)
    for child, parent in sorted(after - before):
        if child in both:
            parts = (named(model, child), " now reports to ", named(model, parent))
            yield Change("reporting lines", "added", f"{child}->{parent}", parts)
    for child, parent in sorted(before - after):
        if child in both:
            parts = (named(model, child), " no longer reports to ", named(model, parent))
            yield Change("reporting lines", "removed", f"{child}->{parent}", parts)


def _memberships(graph: nx.MultiDiGraph, model: Model, a: date, b: date) -> Iterator[Change]:
    for body_id in sorted(_current_bodies(model, a) & _current_bodies(model, b)):
        before = {s.member: s.membership for s in current_members(graph, body_id, a)}
        after = {s.member: s.membership for s in current_members(graph, body_id, b)}
        body = named(model, body_id)
        for member in sorted(before.keys() | after.keys()):
            who, subject = named(model, member), f"{body_id}/{member}"
            was, now = before.get(member), after.get(member)
            if was is None and now is not None:
                since = f" from {now.from_}" if now.from_ else ""
                parts: tuple[Part, ...] = (who, " joined ", body, f" as {now.role}")
                if now.on_behalf_of:
                    parts += (" on behalf of ", named(model, now.on_behalf_of))
                parts += (since,)
                yield Change("memberships", "started", subject, parts, None, now.role)
            elif now is None and was is not None:
                until = f" on {was.to}" if was.to else ""
                parts = (who, " left ", body, until)
                yield Change("memberships", "ended", subject, parts, was.role, None)
            elif was is not None and now is not None:
                if was.role != now.role:
                    parts = (who, f" became {now.role} of ", body, f" (was {was.role})")
                    yield Change("memberships", "role changed", subject, parts, was.role, now.role)
                if was.on_behalf_of != now.on_behalf_of:
                    yield _behalf(model, subject, who, body, was.on_behalf_of, now.on_behalf_of)


def _behalf(
    model: Model, subject: str, who: Part, body: Part, was: str | None, now: str | None
) -> Change:
    """A member who sat for one organisation on the first date and another (or none)
    on the second: two memberships, one after the other."""
    parts: tuple[Part, ...] = (who, " sits on ", body)
    if now is None:
        parts += (" no longer on behalf of ", named(model, was or ""))
    else:
        parts += (" on behalf of ", named(model, now))
        parts += (" (was ", named(model, was), ")") if was else (" (was in its own right)",)
    return Change("memberships", "changed", subject, parts, was, now)


def _entities(model: Model, a: date, b: date) -> Iterator[Change]:
    for org in model.organisations.values():
        was, now = is_current(org, a), is_current(org, b)
        if was and not now:
            parts: tuple[Part, ...] = (named(model, org.id), f" was dissolved on {org.dissolved}")
            if org.succeeded_by:
                parts += (", succeeded by ", named(model, org.succeeded_by))
            yield Change("organisations", "dissolved", org.id, parts, org.name, None)
        elif now and not was:
            parts = (named(model, org.id), f" was established on {org.established}")
            yield Change("organisations", "established", org.id, parts, None, org.name)
    for person in model.people.values():
        if is_current(person, a) and not is_current(person, b):
            parts = (named(model, person.id), f" left on {person.left}")
            yield Change("people", "left", person.id, parts, person.name, None)


def _holders(graph: nx.MultiDiGraph, model: Model, a: date, b: date) -> Iterator[Change]:
    for post in model.posts.values():
        before, after = post_holders(graph, post.id, a), post_holders(graph, post.id, b)
        if before == after:
            continue
        subject = named(model, post.id)
        for person in after:
            if person not in before:
                start = next(
                    h.from_ for h in post.holders if h.person == person and is_current(h, b)
                )
                since = f" from {start}" if start else ""
                parts = (named(model, person), " took up ", subject, since)
                yield Change("posts", "took up", post.id, parts, None, person)
        for person in before:
            if person not in after:
                end = next(h.to for h in post.holders if h.person == person and is_current(h, a))
                until = f" on {end}" if end else ""
                parts = (named(model, person), " stood down as ", subject, until)
                yield Change("posts", "stood down", post.id, parts, person, None)
