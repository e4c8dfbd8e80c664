"""The chart's data: nodes, edges, legend, details and findings, as plain JSON values.

Built directly as dicts (not through pyvis's ``add_node``, which is quadratic)
and kept lean, because the browser reads every byte of it: a node carries
what it *is* (kind, worst severity, dates, position, label), and the page's
script turns that into colours and shapes from one style table
(:func:`govgraph.render.styles.look`). Other entities are referred to by id and
named once, in ``names``. Empty and default-valued fields are left out
(see :mod:`govgraph.render.details`); the page reads a missing field as empty.

Each node, edge and membership carries its ``start``/``end`` dates (ISO text;
absent when open) so the page's date slider can grey out what is not current
on any day of the model's history.

Only the findings about what the chart shows are embedded: about a drawn body
or member, a member of a drawn body (listed in its details even when members
are not drawn) or someone holding a post that is such a member (named as its
holder). ``meta.counts.findings_elsewhere`` says how many of the model's
findings are about the rest of it.
"""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Iterator
from datetime import date
from typing import Any

import networkx as nx

from govgraph import __version__
from govgraph.audit import AuditResult
from govgraph.findings import Finding, Severity
from govgraph.model import Model
from govgraph.render.details import (
    DEFAULT_ROLE,
    Lookup,
    body_details,
    iso,
    lean,
    member_details,
)
from govgraph.render.layout import body_levels, place_bodies, place_members
from govgraph.render.styles import BODY_STYLES, MEMBER_STYLES, look, style_of
from govgraph.render.view import View, structure
from govgraph.schema import Body

MEMBER_ORDER = {"organisation": 0, "post": 1, "person": 2}
DIRECTION_LABEL = {"both": "", "up": "up only", "down": "down only"}
# Labels are wrapped here rather than by vis-network (widthConstraint), which
# measures every word of every label and triples the time to first draw.
BODY_LABEL_WIDTH = 22
MEMBER_LABEL_WIDTH = 18


def chart_data(
    result: AuditResult,
    graph: nx.MultiDiGraph,
    view: View,
    *,
    members: bool,
    focus: str | None,
    title: str,
) -> dict[str, Any]:
    """Everything the page needs, as JSON-ready values in a deterministic order."""
    model = result.model
    seated = _seats(model, view.bodies)
    seats = seated if members else {}
    key = _sort_key(model)
    tree = structure(graph).subgraph(view.bodies)
    body_xy = place_bodies(tree, body_levels(tree, key), key)
    member_ids = sorted(seats, key=key)
    member_xy = place_members(seats, body_xy, key)
    lookup = Lookup(model, set(view.bodies) | set(seats))
    around = _around(model, lookup.drawn, seated)
    shown = [f for f in result.findings if _head(f) in around]
    findings = [_finding(f, lookup) for f in shown]
    about: dict[str, list[int]] = {}
    for index, entry in enumerate(findings):
        if "node" in entry:
            about.setdefault(entry["node"], []).append(index)
    everywhere = Counter(m.member for _, m in model.memberships())

    def problems(node: str) -> list[Finding]:
        return [shown[i] for i in about.get(node, [])]

    nodes = [_body_node(model.bodies[b], body_xy[b], problems(b)) for b in view.bodies]
    nodes += [_member_node(model, m, member_xy[m], problems(m), everywhere[m]) for m in member_ids]
    edges = list(_reporting_edges(model, view.bodies, lookup.drawn))
    if members:
        edges += list(_member_edges(model, view.bodies))
    details = {b: body_details(lookup, model.bodies[b]) for b in view.bodies}
    details.update({m: member_details(lookup, m) for m in member_ids})
    for node_id, indices in about.items():
        details[node_id]["findings"] = indices
    holders = lookup.holders()  # before names(): it refers to the holders
    first, last = date_range(model, result.as_of)
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
                "nodes": len(nodes),
                "edges": len(edges),
                "findings_elsewhere": len(result.findings) - len(shown),
            },
        },
        "nodes": nodes,
        "edges": edges,
        "legend": _legend(nodes),
        "details": details,
        "holders": holders,
        "names": lookup.names(),
        "findings": findings,
        "look": look(),
    }


def date_range(model: Model, as_of: date) -> tuple[date, date]:
    """The slider's first and last day: the earliest and latest date in the model, or ``as_of``."""
    days = {as_of}
    for table in (model.organisations, model.people, model.bodies):
        for entity in table.values():
            days.update(d for d in (entity.start, entity.end) if d)
    for post in model.posts.values():
        for holding in post.holders:
            days.update(d for d in (holding.start, holding.end) if d)
    for _, m in model.memberships():
        days.update(d for d in (m.start, m.end, m.term_ends, m.reviewed) if d)
    days.update(line.last_reported for _, line in model.reporting_lines() if line.last_reported)
    return min(days), max(days)


def wrap(text: str, width: int) -> str:
    """A label broken into lines of about ``width`` characters."""
    return "\n".join(textwrap.wrap(text, width, break_on_hyphens=False)) or text


def _seats(model: Model, bodies: tuple[str, ...]) -> dict[str, list[str]]:
    """Each member of the drawn bodies (on any date), with the bodies it sits on."""
    seats: dict[str, list[str]] = {}
    for body_id in bodies:
        for membership in model.bodies[body_id].members:
            on = seats.setdefault(membership.member, [])
            if body_id not in on:
                on.append(body_id)
    return seats


def _around(model: Model, drawn: set[str], seated: dict[str, list[str]]) -> set[str]:
    """What the chart shows: drawn, seated on a drawn body, or holding a post seated there."""
    holders = {
        holding.person
        for post in seated
        if post in model.posts
        for holding in model.posts[post].holders
    }
    return drawn | seated.keys() | holders


def _sort_key(model: Model) -> Any:
    def key(node: str) -> tuple[object, ...]:
        body = model.bodies.get(node)
        if body is not None:
            return (0, not body.root, body.name.casefold(), node)
        kind = model.kind_of(node) or "organisation"
        return (1 + MEMBER_ORDER.get(kind, 0), model.name_of(node).casefold(), node)

    return key


def _problems(findings: list[Finding]) -> dict[str, int]:
    tally = Counter(f.severity.value for f in findings)
    return {s.value: tally.get(s.value, 0) for s in Severity}


def _badge(problems: dict[str, int]) -> str:
    parts = [
        f"{n} {word}{'' if n == 1 else 's'}"
        for word, n in (("error", problems["error"]), ("warning", problems["warning"]))
        if n
    ]
    return "⚠ " + ", ".join(parts) if parts else ""


def _node(
    node_id: str,
    kind: str,
    entity: str,
    xy: tuple[int, int],
    findings: list[Finding],
    name: str,
    width: int,
    lines: list[str],
    dates: tuple[date | None, date | None],
) -> dict[str, Any]:
    problems = _problems(findings)
    badge = _badge(problems)
    return lean(
        id=node_id,
        kind=kind,
        entity=entity,
        x=xy[0],
        y=xy[1],
        label=wrap(name, width) + (f"\n{badge}" if badge else ""),
        # The tooltip: plain text (vis-network sets it with innerText).
        title="\n".join([*lines, badge] if badge else lines),
        severity=next((s.value for s in Severity if problems[s.value]), None),
        start=iso(dates[0]),
        end=iso(dates[1]),
    )


def _body_node(body: Body, xy: tuple[int, int], findings: list[Finding]) -> dict[str, Any]:
    lines = [body.name if not body.short_name else f"{body.name} ({body.short_name})"]
    lines.append(f"{style_of(body.kind).singular} · {body.id}")
    if body.established or body.dissolved:
        lines.append(f"{iso(body.established) or '…'} to {iso(body.dissolved) or 'now'}")
    dates = (body.start, body.end)
    return _node(
        body.id, body.kind, "body", xy, findings, body.label, BODY_LABEL_WIDTH, lines, dates
    )


def _member_node(
    model: Model, member: str, xy: tuple[int, int], findings: list[Finding], seats: int
) -> dict[str, Any]:
    kind = model.kind_of(member) or "organisation"
    entity = model.get(member)
    assert entity is not None  # the loader checked every member reference
    lines = [entity.name, f"{style_of(kind).singular} · {member}"]
    lines.append(f"{seats} membership{'' if seats == 1 else 's'} in the model")
    dates = (entity.start, entity.end)
    return _node(member, kind, kind, xy, findings, entity.name, MEMBER_LABEL_WIDTH, lines, dates)


def _reporting_edges(
    model: Model, bodies: tuple[str, ...], drawn: set[str]
) -> Iterator[dict[str, Any]]:
    about = {"both": "reports to", "up": "reports (up only) to", "down": "hears (down only) from"}
    for body_id in bodies:
        body = model.bodies[body_id]
        for i, line in enumerate(body.reports_to):
            if line.body not in drawn:
                continue
            facts = [f"{body.name} {about[line.direction]} {model.bodies[line.body].name}"]
            if line.frequency:
                facts.append(f"frequency: {line.frequency}")
            if line.last_reported:
                facts.append(f"last reported: {line.last_reported.isoformat()}")
            yield lean(
                id=f"reports:{body.id}:{i}",
                to=line.body,
                relation="reports",
                direction=line.direction,
                label=DIRECTION_LABEL[line.direction],
                title="\n".join(facts),
                **{"from": body.id},
            )


def _member_edges(model: Model, bodies: tuple[str, ...]) -> Iterator[dict[str, Any]]:
    for body_id in bodies:
        body = model.bodies[body_id]
        for i, membership in enumerate(body.members):
            span = f"{iso(membership.start) or '…'} to {iso(membership.end) or 'now'}"
            role = membership.role
            yield lean(
                id=f"member:{body.id}:{i}",
                to=body.id,
                relation="member",
                role=role if role != DEFAULT_ROLE else None,
                start=iso(membership.start),
                end=iso(membership.end),
                title=f"{model.name_of(membership.member)}: {role} of {body.name}, {span}",
                **{"from": membership.member},
            )


def _head(finding: Finding) -> str:
    """The entity a finding is about: a membership's subject is ``body/member``."""
    return finding.subject.split("/", 1)[0]


def _finding(finding: Finding, lookup: Lookup) -> dict[str, Any]:
    """A finding as the page has it: ``node`` when its entity is drawn (named in ``names``)."""
    head = lookup.ref(_head(finding))
    return lean(**finding.as_dict(), node=head if head in lookup.drawn else None)


def _legend(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    present = Counter(node["kind"] for node in nodes)
    return [
        {"kind": kind, "count": present[kind], **style.as_dict()}
        for kind, style in (*BODY_STYLES.items(), *MEMBER_STYLES.items())
        if present[kind]
    ]
