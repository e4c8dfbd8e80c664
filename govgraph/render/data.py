"""The chart's data: nodes, reporting lines, memberships, legend, details and findings.

Built directly as plain JSON values (not through pyvis's ``add_node``, which is
quadratic) and kept lean, because the browser reads every byte of it and the
time to build and write it grows with every byte:

* a node carries what it *is* (kind, name, dates, position, worst severity and
  how many errors and warnings) and the page's script turns that into its label,
  colours and shape from one style table (:func:`govgraph.render.styles.look`);
* what the page can say from data it has is not written out: the script writes
  each tooltip ("X reports to Y", "X: chair of Y, from ... to ...") when the
  pointer comes to a node or link, and draws a member link for each membership
  of a drawn body (:func:`govgraph.render.rows.seating`);
* other entities are referred to by id: a drawn one is named by its node, any
  other once, in ``names``; empty and default-valued fields are left out, and
  lists of like things are rows (:mod:`govgraph.render.rows`).

Each node, reporting line and membership carries its start and end dates (ISO
text; absent when open) so the page's date slider can grey out what is not
current on any day of the model's history.

Only the findings about what the chart shows are embedded: about a drawn body
or member, a member of a drawn body (listed in its details even when members
are not drawn) or someone holding a post that is such a member (named as its
holder). ``meta.counts.findings_elsewhere`` says how many of the model's
findings are about the rest of it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

import networkx as nx

from govgraph import __version__
from govgraph.audit import AuditResult
from govgraph.findings import Finding
from govgraph.model import Entity, Model
from govgraph.render.details import Lookup, body_details, member_details
from govgraph.render.layout import SortKey
from govgraph.render.rows import FIELDS, IsoText, holder_rows, seating
from govgraph.render.screen import screen_layout, tiers_of
from govgraph.render.styles import BODY_STYLES, MEMBER_STYLES, look
from govgraph.render.view import LARGE_MODEL, View

MEMBER_ORDER = {"organisation": 0, "post": 1, "person": 2}


def chart_data(
    result: AuditResult,
    graph: nx.MultiDiGraph,
    view: View,
    *,
    members: bool,
    focus: str | None,
    title: str,
    expanded: bool = False,
) -> dict[str, Any]:
    """Everything the page needs, as JSON-ready values in a deterministic order.

    The page opens on the overview (every block collapsed to its top body) when the view
    has more than :data:`~govgraph.render.view.LARGE_MODEL` bodies, unless ``expanded``.
    """
    model = result.model
    iso = IsoText()
    seated = seating(model, view.bodies, members, iso)
    held = holder_rows(model, iso)
    seats = seated.seats if members else {}
    found, key = _entities(model, view.bodies, seats)
    overview = not expanded and len(view.bodies) > LARGE_MODEL
    placed = screen_layout(model, view.bodies, overview)
    member_ids = sorted(seats, key=key)
    lookup = Lookup(model, set(view.bodies) | set(seats), held)
    around = _around(lookup.drawn, seated.seats, held)
    heads = [(f, _head(f)) for f in result.findings]
    shown = [(f, head) for f, head in heads if head in around]
    findings = [_finding(f, head, lookup) for f, head in shown]
    about: dict[str, list[int]] = {}
    for index, entry in enumerate(findings):
        if "node" in entry:
            about.setdefault(entry["node"], []).append(index)

    def severities(node: str) -> list[str]:
        return [findings[i]["severity"] for i in about.get(node, ())]

    tier = tiers_of(placed)
    on = result.as_of
    nodes = [_body_node(model, b, tier[b], on, severities(b)) for b in view.bodies]
    member_nodes = [_member_node(m, *found[m], severities(m)) for m in member_ids]
    edges = list(_reporting_edges(model, view.bodies, lookup.drawn))
    # Every member in the table sits on a drawn body.
    lookup.refer_to_rows(seated.table, seated.seats)
    details = {b: body_details(lookup, model.bodies[b]) for b in view.bodies}
    details.update({m: member_details(lookup, m) for m in member_ids})
    for node_id, indices in about.items():
        details[node_id]["findings"] = indices
    holders = lookup.holders()  # before names(): it refers to the holders
    first, last = date_range(model, result.as_of, iso.days())
    member_links = sum(len(model.bodies[b].members) for b in view.bodies) if members else 0
    return {
        "meta": {
            "title": title,
            "model": model.name,
            "as_of": result.as_of.isoformat(),
            "first_day": first.isoformat(),
            "last_day": last.isoformat(),
            "view": view.description,
            "partial": view.partial,
            "focus": focus,
            "members": members,
            "generator": f"govgraph {__version__}",
            "counts": {
                "bodies": len(view.bodies),
                "model_bodies": len(model.bodies),
                "members": len(member_ids),
                "nodes": len(nodes) + len(member_nodes),
                "edges": len(edges) + member_links,
                "findings_elsewhere": len(result.findings) - len(shown),
            },
        },
        "nodes": nodes,
        "member_nodes": member_nodes,
        "edges": edges,
        "memberships": seated.table,
        "fields": FIELDS,
        "layout": placed,
        "legend": _legend(nodes + member_nodes),
        "details": details,
        "holders": holders,
        "names": lookup.names(),
        "findings": findings,
        "look": look(),
    }


def date_range(model: Model, as_of: date, seen: set[date]) -> tuple[date, date]:
    """The slider's first and last day: the earliest and latest date in the model, or ``as_of``.

    ``seen``: the dates of the model's memberships and post holders (read with the rows).
    """
    days: set[date | None] = {as_of, *seen}
    for org in model.organisations.values():
        days.update((org.established, org.dissolved))
    days.update(person.left for person in model.people.values())
    for body in model.bodies.values():
        days.update((body.established, body.dissolved))
        days.update(line.last_reported for line in body.reports_to)
    known = {day for day in days if day is not None}
    return min(known), max(known)


def _around(
    drawn: set[str], seated: dict[str, list[str]], held: dict[str, list[list[Any]]]
) -> set[str]:
    """What the chart shows: drawn, seated on a drawn body, or holding a post seated there."""
    holders = {row[0] for post in seated.keys() & held.keys() for row in held[post]}
    return drawn | seated.keys() | holders


def _entities(
    model: Model, bodies: tuple[str, ...], members: Iterable[str]
) -> tuple[dict[str, tuple[str, Entity]], SortKey]:
    """Each member's kind (organisation, post or person) and entity, and the order of the
    drawn nodes: bodies (roots first) then members by kind, each by name.

    The order is worked out once for every node: the layout sorts by it many times over.
    """
    keys: dict[str, tuple[object, ...]] = {}
    for body_id in bodies:
        body = model.bodies[body_id]
        keys[body_id] = (0, not body.root, body.name.casefold(), body_id)
    found: dict[str, tuple[str, Entity]] = {}
    for kind, table in (
        ("person", model.people),
        ("post", model.posts),
        ("organisation", model.organisations),
    ):
        rank = 1 + MEMBER_ORDER[kind]
        for member in table.keys() & members:
            entity = table[member]
            found[member] = (kind, entity)
            keys[member] = (rank, entity.name.casefold(), member)
    return found, keys.__getitem__


def _node(
    node_id: str,
    kind: str,
    entity: str,
    name: str,
    other_names: list[str],
    severities: list[str],
    dates: tuple[date | None, date | None],
) -> dict[str, Any]:
    node: dict[str, Any] = {"id": node_id, "kind": kind, "entity": entity, "name": name}
    if other_names:
        node["aka"] = list(other_names)  # search finds it by them
    if severities:
        # The worst, and the counts the page writes on the label ("⚠ 1 error, 2 warnings").
        node["severity"] = next(s for s in ("error", "warning", "info") if s in severities)
        for word in ("error", "warning"):
            if word in severities:
                node[f"{word}s"] = severities.count(word)
    if dates[0]:
        node["start"] = dates[0].isoformat()
    if dates[1]:
        node["end"] = dates[1].isoformat()
    return node


def _body_node(
    model: Model, body_id: str, tier: int, on: date, severities: list[str]
) -> dict[str, Any]:
    body = model.bodies[body_id]
    dates = (body.start, body.end)
    node = _node(body_id, body.kind, "body", body.name, body.other_names, severities, dates)
    node["tier"] = tier
    if body.short_name:
        node["short"] = body.short_name  # its label when the name does not fit
    # Members current on the audit's date, written on the box (the page counts again for
    # other dates, from the memberships).
    node["seats"] = sum(
        1 for m in body.members if (not m.from_ or m.from_ <= on) and (not m.to or m.to >= on)
    )
    return node


def _member_node(member: str, kind: str, entity: Entity, severities: list[str]) -> dict[str, Any]:
    dates = (entity.start, entity.end)
    return _node(member, kind, kind, entity.name, entity.other_names, severities, dates)


def _reporting_edges(
    model: Model, bodies: tuple[str, ...], drawn: set[str]
) -> Iterator[dict[str, Any]]:
    """One link per reporting line between drawn bodies; ``line``: its index in ``reports_to``."""
    for body_id in bodies:
        for i, line in enumerate(model.bodies[body_id].reports_to):
            if line.body in drawn:
                yield {"from": body_id, "to": line.body, "direction": line.direction, "line": i}


def _head(finding: Finding) -> str:
    """The entity a finding is about: a membership's subject is ``body/member``."""
    return finding.subject.split("/", 1)[0]


def _finding(finding: Finding, head: str, lookup: Lookup) -> dict[str, Any]:
    """A finding (about ``head``) as the page has it: ``node`` when ``head`` is drawn."""
    lookup.ref(head)
    entry = {key: value for key, value in finding.as_dict().items() if value not in (None, "")}
    if head in lookup.drawn:
        entry["node"] = head
    return entry


def _legend(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    present = Counter(node["kind"] for node in nodes)
    return [
        {"kind": kind, "count": present[kind], **style.as_dict()}
        for kind, style in (*BODY_STYLES.items(), *MEMBER_STYLES.items())
        if present[kind]
    ]
