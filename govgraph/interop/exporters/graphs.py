"""GraphML and GEXF: graph files that Gephi, yEd and Cytoscape open.

Both formats hold only scalar attributes, so the model is flattened: each
entity becomes a node whose attributes are its scalar fields (dates as ISO
text, lists such as tags joined with "; "), and each relation an edge with
its own scalar fields. Edges: ``reports_to`` (child -> parent, one per
reporting line, with its ``direction``), ``member`` (member -> body),
``holds`` (person -> post), ``succeeded_by`` and ``predecessor``.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import networkx as nx
from pydantic import BaseModel

from govgraph.interop.view import ExportView
from govgraph.safetext import xml_text
from govgraph.schema import Slotted, fields_of

#: Fields that become edges (or are not scalars), not node attributes.
_NOT_ATTRIBUTES = {"id", "members", "reports_to", "holders", "requires", "ignore"}


def flat_graph(view: ExportView) -> nx.MultiDiGraph:
    """The view as a networkx graph whose every attribute is a str, int or bool."""
    graph = nx.MultiDiGraph(name=xml_text(view.model.name))
    ids = view.ids
    for kind, entity in view.entities():
        graph.add_node(entity.id, type=kind, label=xml_text(entity.name), **_scalars(entity))
    for body, i, line in view.reporting_lines:
        graph.add_edge(body.id, line.body, key=f"reports_to:{body.id}:{i}",
                       relation="reports_to", **_scalars(line))  # fmt: skip
    for body, i, membership in view.memberships:
        graph.add_edge(membership.member, body.id, key=f"member:{body.id}:{i}",
                       relation="member", **_scalars(membership))  # fmt: skip
    for post, i, holding in view.holdings:
        graph.add_edge(holding.person, post.id, key=f"holds:{post.id}:{i}",
                       relation="holds", **_scalars(holding))  # fmt: skip
    for org in view.organisations:
        if org.succeeded_by in ids:
            graph.add_edge(org.id, org.succeeded_by, key=f"succeeded_by:{org.id}",
                           relation="succeeded_by")  # fmt: skip
    for body in view.bodies:
        if body.predecessor in ids:
            graph.add_edge(body.id, body.predecessor, key=f"predecessor:{body.id}",
                           relation="predecessor")  # fmt: skip
    return graph


def _scalars(thing: BaseModel | Slotted) -> dict[str, Any]:
    """``thing``'s fields as flat scalar attributes; nulls and edge-like fields left out."""
    out: dict[str, Any] = {}
    for name, info in fields_of(type(thing)).items():
        key = info.alias or name
        value = getattr(thing, name)
        if key in _NOT_ATTRIBUTES or key in ("body", "member", "person") or value is None:
            continue
        if isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, list):
            if not value:
                continue
            value = "; ".join(str(v) for v in value)
        # XML cannot hold a control character at all: a name with ESC would make
        # a file that Gephi and networkx refuse to open.
        out[key] = xml_text(value) if isinstance(value, str) else value
    return out


def to_graphml(view: ExportView) -> str:
    buffer = io.BytesIO()
    nx.write_graphml(flat_graph(view), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue().decode("utf-8")


def to_gexf(view: ExportView) -> str:
    buffer = io.BytesIO()
    nx.write_gexf(flat_graph(view), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue().decode("utf-8")
