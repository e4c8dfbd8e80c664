"""The chart as a static file (SVG, PDF or PNG): choose the bodies, draw them, write the file.

The bodies are chosen as for the page (:func:`~govgraph.render.view.choose_view`:
``focus``/``up``/``down``, ``bodies``, ``whole``, and the readable slice of a
large model), laid out by :mod:`~govgraph.render.tiers`, and drawn on the
audit's date. Members are counted on each box, not drawn.

>>> data = render_static(result, graph, "pdf", paper="a3")      # doctest: +SKIP
>>> write_static(Path("output/chart.pdf"), data)                # doctest: +SKIP
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from govgraph.atomic import file_mode
from govgraph.audit import AuditResult
from govgraph.collector import collector_paused
from govgraph.errors import GovgraphError
from govgraph.render.pdf import GENERATOR, render_pdf
from govgraph.render.png import DEFAULT_DPI, SOFTWARE, render_png
from govgraph.render.svg import GENERATOR as SVG_GENERATOR
from govgraph.render.svg import render_svg
from govgraph.render.view import View, choose_view

FORMATS = ("svg", "pdf", "png")
#: How each format says govgraph wrote it, and where in the file to look (start or end).
MARKERS = {
    "svg": (f"Made by {SVG_GENERATOR}".encode(), "start"),
    "png": (SOFTWARE, "start"),
    "pdf": (f"/Creator ({GENERATOR})".encode(), "end"),
}
LOOK = 8192  # bytes read from the start or the end


@dataclass(frozen=True)
class Drawn:
    data: bytes
    view: View
    readable: bool = True  # False: a PNG whose labels print smaller than 7 pt


def render_static(
    result: AuditResult,
    graph: nx.MultiDiGraph,
    to: str,
    *,
    focus: str | None = None,
    up: int | None = None,
    down: int | None = None,
    bodies: Iterable[str] | None = None,
    whole: bool = False,
    paper: str = "a4",
    dpi: int = DEFAULT_DPI,
    title: str | None = None,
) -> Drawn:
    """The chart of the chosen bodies as ``to`` ("svg", "pdf" or "png") file contents."""
    view = choose_view(graph, focus=focus, up=up, down=down, bodies=bodies, whole=whole)
    with collector_paused():
        if to == "svg":
            return Drawn(render_svg(result, view.bodies, title=title).encode(), view)
        if to == "pdf":
            return Drawn(render_pdf(result, view.bodies, paper=paper, title=title), view)
        if to == "png":
            data, readable = render_png(result, view.bodies, paper=paper, dpi=dpi, title=title)
            return Drawn(data, view, readable)
    raise GovgraphError(f"cannot draw the chart as '{to}'; choose one of {', '.join(FORMATS)}")


def written_by_govgraph(path: Path, to: str) -> bool:
    """True when ``path`` holds a ``to`` file govgraph wrote."""
    marker, where = MARKERS[to]
    try:
        with path.open("rb") as handle:
            if where == "end":
                handle.seek(max(0, path.stat().st_size - LOOK))
            return marker in handle.read(LOOK)
    except OSError:
        return False


def write_static(path: Path, data: bytes, to: str, *, force: bool = False) -> Path:
    """Write ``data`` to ``path`` atomically, creating its folder; return ``path``.

    An existing file is replaced only when govgraph wrote it as a ``to`` file, or
    with ``force``: anything else there is the user's, and is refused.
    """
    if path.is_dir():
        raise GovgraphError(f"{path} is a folder; give a file name, e.g. {path / ('chart.' + to)}")
    if path.exists() and not force and not written_by_govgraph(path, to):
        raise GovgraphError(
            f"{path} exists and was not written by govgraph as {to.upper()}; choose another "
            "file with -o, or pass --force to overwrite it"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, file_mode(path))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
