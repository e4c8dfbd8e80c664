"""The chart as a static file (SVG, PDF or PNG): choose the bodies, draw them, write the file.

The bodies are chosen as for the page (:func:`~govgraph.render.view.choose_view`:
``focus``/``up``/``down``, ``bodies``, ``whole``, and the readable slice of a
large model), laid out by :mod:`~govgraph.render.tiers`, and drawn on the
audit's date. Members are counted on each box, not drawn.

>>> data = render_static(result, graph, "pdf", paper="a3")      # doctest: +SKIP
>>> write_static(Path("output/chart.pdf"), data)                # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from govgraph.atomic import check_target, write_bytes
from govgraph.audit import AuditResult
from govgraph.collector import collector_paused
from govgraph.errors import GovgraphError
from govgraph.render.pdf import render_pdf
from govgraph.render.png import DEFAULT_DPI, render_png
from govgraph.render.svg import render_svg
from govgraph.render.view import View, choose_view

FORMATS = ("svg", "pdf", "png")
#: How each format says govgraph (any version) wrote it, and where to look (start or end).
MARKERS = {
    "svg": (b"<desc>Made by govgraph ", "start"),
    "png": (b"tEXtSoftware\0govgraph ", "start"),
    "pdf": (b"/Creator (govgraph ", "end"),
}
LOOK = 8192  # bytes read from the start of an SVG or PNG
PDF_LOOK = 64 * 1024 * 1024  # bytes read from the end of a PDF, at most


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
    scope = view.description
    with collector_paused():
        if to == "svg":
            svg = render_svg(result, view.bodies, title=title, scope=scope)
            return Drawn(svg.encode(), view)
        if to == "pdf":
            pdf = render_pdf(result, view.bodies, paper=paper, title=title, scope=scope)
            return Drawn(pdf, view)
        if to == "png":
            data, readable = render_png(
                result, view.bodies, paper=paper, dpi=dpi, title=title, scope=scope
            )
            return Drawn(data, view, readable)
    raise GovgraphError(f"cannot draw the chart as '{to}'; choose one of {', '.join(FORMATS)}")


def written_by_govgraph(path: Path, to: str) -> bool:
    """True when ``path`` holds a ``to`` file govgraph wrote.

    SVG and PNG say so near their start; a PDF in its information dictionary, which
    cairo writes before the cross-reference table at the end: the file is read from
    the end backwards, a chunk at a time, up to :data:`PDF_LOOK` bytes.
    """
    marker, where = MARKERS[to]
    try:
        with path.open("rb") as handle:
            if where == "start":
                return marker in handle.read(LOOK)
            size = path.stat().st_size
            end = size
            while end > max(0, size - PDF_LOOK):
                start = max(0, end - LOOK * 16)
                handle.seek(start)
                if marker in handle.read(end - start + len(marker)):
                    return True
                end = start
            return False
    except OSError:
        return False


def write_static(path: Path, data: bytes, to: str, *, force: bool = False) -> Path:
    """Write ``data`` to ``path`` atomically, creating its folder; return ``path``.

    An existing file is replaced only when govgraph wrote it as a ``to`` file, or
    with ``force``: anything else there is the user's, and is refused.
    """
    if path.is_dir():
        raise GovgraphError(f"{path} is a folder; give a file name, e.g. {path / ('chart.' + to)}")
    check_target(path)  # a device, pipe or link is refused before anything reads it
    if path.exists() and not force and not written_by_govgraph(path, to):
        raise GovgraphError(
            f"{path} exists and was not written by govgraph as {to.upper()}; choose another "
            "file with -o, or pass --force to overwrite it"
        )
    write_bytes(path, data)
    return path
