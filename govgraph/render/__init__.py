"""Render the audited model as one self-contained, offline, escaped HTML chart.

>>> from govgraph import load, build_graph
>>> from govgraph.audit import audit
>>> model = load("models/worcestershire")                      # doctest: +SKIP
>>> graph = build_graph(model)                                 # doctest: +SKIP
>>> html = render_chart(audit(model, graph), graph)            # doctest: +SKIP
>>> write_chart(Path("output/worcestershire.html"), html)       # doctest: +SKIP

The pipeline: :mod:`~govgraph.render.view` chooses the bodies,
:mod:`~govgraph.render.layout` places them, :mod:`~govgraph.render.data`
builds the vis-network data, :mod:`~govgraph.render.html` fills the template.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from govgraph.atomic import check_target, write_text
from govgraph.audit import AuditResult
from govgraph.collector import collector_paused
from govgraph.errors import GovgraphError
from govgraph.limits import read_head
from govgraph.render.data import chart_data
from govgraph.render.html import GENERATOR, page
from govgraph.render.view import LARGE_MODEL, View, choose_view

__all__ = ["LARGE_MODEL", "View", "is_govgraph_file", "render_chart", "write_chart"]


def render_chart(
    result: AuditResult,
    graph: nx.MultiDiGraph,
    *,
    focus: str | None = None,
    up: int | None = None,
    down: int | None = None,
    members: bool = True,
    bodies: Iterable[str] | None = None,
    title: str | None = None,
    whole: bool = False,
) -> str:
    """The chart of ``result``'s model as one HTML page (the whole text).

    ``bodies`` draws exactly those body ids (a selection made elsewhere);
    ``focus`` draws one body with ``up`` levels of its reporting chain above and
    ``down`` levels of sub-bodies below (``None``: every level); ``down`` alone
    draws the tops and that many levels below. Without any of these every body
    is drawn, and a chart of more than :data:`LARGE_MODEL` bodies opens on its
    overview (a box per top body, expanded in place on a click); ``whole=True``
    opens it with every box expanded.
    ``members`` draws organisations, posts and people as nodes linked to the
    bodies they sit on. The same inputs always give the same text, byte for byte.
    """
    view = choose_view(graph, focus=focus, up=up, down=down, bodies=bodies, whole=whole)
    # Hundreds of thousands of small values, none in a cycle: the collector would only
    # re-scan them (the govgraph command pauses it for its whole run anyway).
    with collector_paused():
        data = chart_data(
            result,
            graph,
            view,
            members=members,
            focus=view.focus,
            title=title or result.model.name,
            expanded=whole,
        )
        return page(data)


def is_govgraph_file(path: Path) -> bool:
    """True when ``path`` holds a page govgraph wrote (its generator tag is near the top)."""
    head = read_head(path)
    return head is not None and GENERATOR.encode() in head


def write_chart(path: Path, html: str, *, force: bool = False) -> Path:
    """Write ``html`` to ``path`` atomically, creating its folder; return ``path``.

    An existing file is replaced only when govgraph wrote it, or with ``force``:
    anything else there is the user's, and is refused with a GovgraphError.
    """
    if path.is_dir():
        raise GovgraphError(f"{path} is a folder; give a file name, e.g. {path / 'chart.html'}")
    check_target(path)
    if path.exists() and not force and not is_govgraph_file(path):
        raise GovgraphError(
            f"{path} exists and was not written by govgraph; choose another file with -o, "
            "or pass --force to overwrite it"
        )
    write_text(path, html)
    return path
