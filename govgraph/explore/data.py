"""What ``show``, ``path``, ``seats`` and ``members`` say, as plain JSON-ready dicts.

Each function answers one question on an as-of date and returns dicts of
strings, numbers, booleans, lists and None (dates as ``YYYY-MM-DD``), so the
text printer, ``--format json`` and the static site all read the same data.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import networkx as nx

from govgraph.audit import AuditResult
from govgraph.dates import add_months, is_current
from govgraph.errors import GovgraphError
from govgraph.graph import (
    Seat,
    children,
    current_seat,
    hierarchy,
    model_of,
    parents,
    post_holders,
    reporting_chains,
    seats_of,
)
from govgraph.model import Model
from govgraph.schema import Body, Membership, ReportingLine

Data = dict[str, Any]
ROLE_ORDER = ("chair", "vice-chair", "member", "adviser", "observer", "substitute")


def iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def ref(model: Model, entity_id: str) -> Data:
    """``{"id", "name", "kind"}`` for any entity (the kind word as Model.kind_of says)."""
    return {"id": entity_id, "name": model.name_of(entity_id), "kind": model.kind_of(entity_id)}


def status_of(body: Body, on: date) -> str:
    """``current``, ``dissolved`` or ``not yet established`` on ``on``."""
    if is_current(body, on):
        return "current"
    return (
        "dissolved" if body.dissolved is not None and body.dissolved < on else "not yet established"
    )


# --- show -----------------------------------------------------------------------------------


def show_body(
    graph: nx.MultiDiGraph, body_id: str, on: date, result: AuditResult | None = None
) -> Data:
    """Everything about one body on ``on``; ``result`` supplies its findings."""
    model = model_of(graph)
    body = model.bodies[body_id]
    members = members_of(graph, body_id, on)
    return {
        "as_of": on.isoformat(),
        "id": body.id,
        "name": body.name,
        "short_name": body.short_name,
        "other_names": list(body.other_names),
        "kind": body.kind,
        "root": body.root,
        "status": status_of(body, on),
        "established": iso(body.established),
        "dissolved": iso(body.dissolved),
        "hosted_by": ref(model, body.hosted_by) if body.hosted_by else None,
        "meets": body.meets,
        "review_interval_months": _interval(model, body),
        "predecessor": ref(model, body.predecessor) if body.predecessor else None,
        "successors": [ref(model, b.id) for b in model.bodies.values() if b.predecessor == body.id],
        "file": body.file,
        "line": body.line,
        "chairs": [m for m in members if m["role"] == "chair"],
        "members": members,
        "reports_to": [_line(model, line, line.body, on) for line in body.reports_to],
        "reported_to_by": [
            _line(model, line, child.id, on)
            for child, line in model.reporting_lines()
            if line.body == body.id
        ],
        "chains": [
            [ref(model, b) for b in chain] for chain in reporting_chains(graph, body_id, on)
        ],
        "sub_bodies": sub_body_tree(graph, body_id, on),
        "findings": [f.as_dict() for f in result.about(body_id)] if result else [],
    }


def _interval(model: Model, body: Body) -> int:
    return body.review_interval_months or model.settings.review_interval_months


def _line(model: Model, line: ReportingLine, other: str, on: date) -> Data:
    other_body = model.bodies.get(other)
    return {
        "body": ref(model, other),
        "direction": line.direction,
        "frequency": line.frequency,
        "last_reported": iso(line.last_reported),
        "reported_after_as_of": _after(line.last_reported, on),
        "current": other_body is not None and is_current(other_body, on),
    }


def _after(day: date | None, on: date) -> bool:
    """A report dated after the as-of date had not been made on it (the model keeps the latest)."""
    return day is not None and day > on


def sub_body_tree(graph: nx.MultiDiGraph, body_id: str, on: date) -> list[Data]:
    """The bodies below ``body_id`` in reading order, each with its depth and parent.

    A body reporting to two parents below ``body_id`` appears under each; a
    reporting cycle is cut where it would repeat a body already on the path.
    """
    model = model_of(graph)
    rows: list[Data] = []

    def walk(parent: str, depth: int, path: tuple[str, ...]) -> None:
        below = sorted((c for c, _ in children(graph, parent, on)), key=model.name_of)
        for child in below:
            if child in path:
                continue
            rows.append({**ref(model, child), "depth": depth, "parent": parent})
            walk(child, depth + 1, (*path, child))

    walk(body_id, 1, (body_id,))
    return rows


# --- members --------------------------------------------------------------------------------


def members_of(graph: nx.MultiDiGraph, body_id: str, on: date) -> list[Data]:
    """The memberships of ``body_id`` current on ``on``, chairs first, then by name."""
    model = model_of(graph)
    body = model.bodies[body_id]
    if not is_current(body, on):
        return []
    rows = [
        _member(model, body, m, post_holders(graph, m.member, on), on)
        for m in body.members
        if is_current(m, on)
    ]
    return sorted(rows, key=lambda r: (ROLE_ORDER.index(r["role"]), r["name"].casefold()))


def _member(model: Model, body: Body, m: Membership, holders: list[str], on: date) -> Data:
    kind = model.kind_of(m.member)
    people = [m.member] if kind == "person" else holders if kind == "post" else []
    # As review-overdue judges it: a review dated after ``on`` had not happened yet,
    # and a membership never reviewed is due one interval after it started.
    reviewed = m.reviewed if m.reviewed is not None and m.reviewed <= on else None
    last = reviewed or m.from_
    due = add_months(last, _interval(model, body)) if last is not None else None
    review = "unknown" if due is None else "overdue" if due < on else "up to date"
    return {
        "member": m.member,
        "name": model.name_of(m.member),
        "kind": kind,
        "role": m.role,
        "on_behalf_of": ref(model, m.on_behalf_of) if m.on_behalf_of else None,
        "voting": m.voting,
        "from": iso(m.from_),
        "to": iso(m.to),
        "term_ends": iso(m.term_ends),
        "reviewed": iso(reviewed),
        "review_due": iso(due),
        "review_status": review,
        "people": [ref(model, p) for p in people],
        "vacant": kind == "post" and not holders,
        "note": m.note,
        "file": m.file,
        "line": m.line,
    }


def members_report(graph: nx.MultiDiGraph, body_id: str, on: date) -> Data:
    """The membership list of one body on ``on`` (``govgraph members``)."""
    model = model_of(graph)
    body = model.bodies[body_id]
    return {
        "as_of": on.isoformat(),
        "body": ref(model, body_id),
        "status": status_of(body, on),
        "members": members_of(graph, body_id, on),
    }


# --- path -----------------------------------------------------------------------------------


def path_report(graph: nx.MultiDiGraph, body_id: str, on: date, to: str | None = None) -> Data:
    """Every reporting chain from ``body_id`` up to a root, or between it and ``to``.

    Chains always run upwards (lower body first). With ``to``, ``direction`` is
    ``up`` when ``to`` is above ``body_id``, ``down`` when it is below, and None
    when no chain joins them.
    """
    model = model_of(graph)
    for each in (body_id, to):
        if each is not None and not is_current(model.bodies[each], on):
            found = model.bodies[each]
            raise GovgraphError(
                f"{found.name} ({each}) is {status_of(found, on)} on {on}, so it has no "
                "reporting chain then; choose another --as-of date"
            )
    direction: str | None = None
    if to is None:
        chains = reporting_chains(graph, body_id, on)
    else:
        tree = hierarchy(graph, on)
        chains = _chains(tree, body_id, to)
        direction = "up" if chains else None
        if not chains:
            chains = _chains(tree, to, body_id)
            direction = "down" if chains else None
    return {
        "as_of": on.isoformat(),
        "from": ref(model, body_id),
        "to": ref(model, to) if to else None,
        "direction": direction,
        "chains": [_steps(graph, chain, on) for chain in chains],
    }


def _chains(tree: nx.DiGraph, lower: str, upper: str) -> list[list[str]]:
    if lower == upper:
        return [[lower]]
    paths = [list(p) for p in nx.all_simple_paths(tree, lower, upper)]
    return sorted(paths, key=lambda chain: (len(chain), chain))


def _steps(graph: nx.MultiDiGraph, chain: list[str], on: date) -> list[Data]:
    model = model_of(graph)
    steps = []
    for index, body_id in enumerate(chain):
        step = {**ref(model, body_id), "root": model.bodies[body_id].root, "via": None}
        if index:
            line = next(line for p, line in parents(graph, chain[index - 1], on) if p == body_id)
            step["via"] = {
                "direction": line.direction,
                "frequency": line.frequency,
                "last_reported": iso(line.last_reported),
                "reported_after_as_of": _after(line.last_reported, on),
            }
        steps.append(step)
    return steps


# --- seats ----------------------------------------------------------------------------------


def seats_report(graph: nx.MultiDiGraph, member: str, on: date) -> Data:
    """Every current body an organisation, post or person sits on, and a summary line.

    A person sits through the posts they hold too; a post is looked at through
    its holders (a Director who is also the other Director combines posts);
    an organisation's list adds the seats of its posts and the seats others
    hold ``on_behalf_of`` it, marked ``through``.
    """
    model = model_of(graph)
    kind = model.kind_of(member)
    holders: list[str] = []
    posts: list[str] = []
    if kind == "post":
        holders = post_holders(graph, member, on)
        posts = sorted({p for h in holders for p in _posts_held(graph, h, on)} | {member})
        seats = [s for h in holders for s in seats_of(graph, h, on)] or seats_of(graph, member, on)
    elif kind == "person":
        posts = _posts_held(graph, member, on)
        seats = seats_of(graph, member, on)
    else:
        posts = sorted(p.id for p in model.posts.values() if p.organisation == member)
        seats = seats_of(graph, member, on) + [s for p in posts for s in seats_of(graph, p, on)]
        seats += seats_on_behalf_of(graph, member, on)
    rows: list[Data] = []
    seen: set[tuple[str, str, int]] = set()
    for seat in seats:
        key = (seat.body, seat.member, id(seat.membership))
        if key in seen:  # a holder of this post reaches the same seat twice
            continue
        seen.add(key)
        m = seat.membership
        rows.append(
            {
                "body": ref(model, seat.body),
                "through": ref(model, seat.member),
                "on_behalf_of": ref(model, m.on_behalf_of) if m.on_behalf_of else None,
                "role": m.role,
                "voting": m.voting,
                "from": iso(m.from_),
                "to": iso(m.to),
                "term_ends": iso(m.term_ends),
            }
        )
    rows.sort(key=lambda r: (r["body"]["name"].casefold(), r["through"]["name"].casefold()))
    entity = model.get(member)
    data: Data = {
        "as_of": on.isoformat(),
        "member": ref(model, member),
        "other_names": list(entity.other_names) if entity is not None else [],
        "holders": [ref(model, h) for h in holders],
        "posts": [ref(model, p) for p in posts],
        "seats": rows,
        "bodies": len({r["body"]["id"] for r in rows}),
    }
    data["summary"] = _summary(model, data)
    return data


def seats_on_behalf_of(graph: nx.MultiDiGraph, org: str, on: date) -> list[Seat]:
    """The current seats on current bodies held ``on_behalf_of`` ``org`` by others."""
    model = model_of(graph)
    return [
        current_seat(graph, body, membership, on)
        for body in model.bodies.values()
        if is_current(body, on)
        for membership in body.members
        if membership.on_behalf_of == org
        and membership.member != org
        and is_current(membership, on)
    ]


def _posts_held(graph: nx.MultiDiGraph, person: str, on: date) -> list[str]:
    return sorted(
        post
        for _, post, data in graph.out_edges(person, data=True)
        if data["relation"] == "holds" and is_current(data["holding"], on)
    )


def _plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else many or word + 's'}"


def _summary(model: Model, data: Data) -> str:
    member = data["member"]
    bodies = _plural(data["bodies"], "body", "bodies")
    if member["kind"] == "post":
        names = " and ".join(h["name"] for h in data["holders"])
        if not names:
            return f"{member['name']} is vacant and sits on {bodies}"
        combined = len(data["posts"])
        combines = f" combines {_plural(combined, 'post')} and" if combined > 1 else ""
        return f"{member['name']} (held by {names}){combines} sits on {bodies}"
    if member["kind"] == "person":
        if not data["posts"]:
            return f"{member['name']} sits on {bodies}"
        titles = ", ".join(p["name"] for p in data["posts"])
        held = _plural(len(data["posts"]), "post")
        return f"{member['name']} holds {held} ({titles}) and sits on {bodies}"
    seats = data["seats"]
    own = {r["body"]["id"] for r in seats if r["through"]["id"] == member["id"]}
    behalf = {
        r["body"]["id"]
        for r in seats
        if r["through"]["id"] != member["id"]
        and r["on_behalf_of"] is not None
        and r["on_behalf_of"]["id"] == member["id"]
    }
    via = {r["body"]["id"] for r in seats if r["through"]["id"] != member["id"]} - behalf
    if not via and not behalf:
        return f"{member['name']} sits on {bodies}"
    parts = [f"{len(own)} in its own name"]
    parts += [f"{len(via)} through its posts"] if via else []
    parts += [f"{len(behalf)} through members sitting on its behalf"] if behalf else []
    listed = f"{', '.join(parts[:-1])} and {parts[-1]}"
    return f"{member['name']} sits on {bodies}: {listed}"
