"""The chart as one SVG file: vector, every body's name as real text, a title and a legend.

>>> from govgraph import load, build_graph                      # doctest: +SKIP
>>> from govgraph.audit import audit                            # doctest: +SKIP
>>> model = load("models/worcestershire")                       # doctest: +SKIP
>>> svg = render_svg(audit(model, build_graph(model)), model.bodies)  # doctest: +SKIP

Each body is a ``<g id="body-ID">`` holding a ``<title>`` (its full name and
kind, which viewers show on hover) and its label as ``<text>`` lines; given
``href``, the group is a link (the audit pack links each body to its page).
Sizes are CSS pixels; the file says which font it was measured with (DejaVu
Sans, or Verdana, whose widths are close) and falls back to any sans-serif.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from xml.sax.saxutils import escape, quoteattr

from govgraph import __version__
from govgraph.audit import AuditResult
from govgraph.render.paint import (
    FONT_FAMILY,
    Dash,
    Facts,
    draw_chart,
    draw_legend,
    facts_of,
    legend_height,
    legend_items,
)
from govgraph.render.tiers import Layout, chart_layout

GENERATOR = f"govgraph {__version__} chart"
MARGIN = 24
HEADING = 58  # the title and the date line
MIN_WIDTH = 720


class SvgCanvas:
    """Collects SVG elements (see :class:`govgraph.render.paint.Canvas`)."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def rect(self, x: float, y: float, width: float, height: float, *, fill: str,
             stroke: str, stroke_width: float, dash: Dash = None,
             radius: float = 0) -> None:  # fmt: skip
        self.parts.append(
            f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(width)}" height="{_n(height)}" '
            f'rx="{_n(radius)}" fill="{fill}" stroke="{stroke}" '
            f'stroke-width="{_n(stroke_width)}"{_dash(dash)}/>'
        )

    def polyline(self, points: Sequence[tuple[float, float]], *, stroke: str,
                 stroke_width: float, dash: Dash = None) -> None:  # fmt: skip
        self.parts.append(
            f'<polyline points="{_points(points)}" fill="none" stroke="{stroke}" '
            f'stroke-width="{_n(stroke_width)}"{_dash(dash)}/>'
        )

    def polygon(self, points: Sequence[tuple[float, float]], *, fill: str) -> None:
        self.parts.append(f'<polygon points="{_points(points)}" fill="{fill}"/>')

    def text(self, x: float, y: float, text: str, *, size: float, anchor: str = "middle",
             bold: bool = False, colour: str = "#000000") -> None:  # fmt: skip
        weight = ' font-weight="bold"' if bold else ""
        self.parts.append(
            f'<text x="{_n(x)}" y="{_n(y)}" font-size="{_n(size)}" text-anchor="{anchor}" '
            f'fill="{colour}"{weight}>{escape(text)}</text>'
        )

    def group(self, body: str, title: str, href: str | None) -> None:
        if href is not None:
            self.parts.append(f"<a href={quoteattr(href)}>")
        self.parts.append(f"<g id={quoteattr('body-' + body)}><title>{escape(title)}</title>")
        self._links = getattr(self, "_links", [])
        self._links.append(href is not None)

    def end_group(self) -> None:
        self.parts.append("</g>")
        if self._links.pop():
            self.parts.append("</a>")


def render_svg(
    result: AuditResult,
    bodies: Iterable[str],
    *,
    title: str | None = None,
    href: Callable[[str], str | None] | None = None,
) -> str:
    """The chart of ``bodies`` (ids) of ``result``'s model, on its as-of date, as SVG text."""
    chosen = list(bodies)
    layout = chart_layout(result.model, chosen)
    return svg_document(layout, facts_of(result, chosen, title), href=href)


def svg_document(
    layout: Layout, facts: Facts, *, href: Callable[[str], str | None] | None = None
) -> str:
    """``layout`` drawn with its title, date and legend, as a whole SVG document."""
    inner = max(layout.width, MIN_WIDTH)
    items = legend_items(facts, any(c.second for c in layout.connectors()))
    legend = legend_height(items, inner)
    width = inner + 2 * MARGIN
    height = MARGIN + HEADING + legend + 16 + layout.height + MARGIN
    canvas = SvgCanvas()
    canvas.text(MARGIN, MARGIN + 20, facts.title, size=22, anchor="start", bold=True)
    canvas.text(
        MARGIN, MARGIN + 44, subtitle(facts, len(facts.names)), size=13, anchor="start",
        colour="#444444",
    )  # fmt: skip
    draw_legend(canvas, items, MARGIN, MARGIN + HEADING, inner)
    top = MARGIN + HEADING + legend + 16
    left = MARGIN + (inner - layout.width) / 2
    draw_chart(
        canvas, layout.boxes(), layout.connectors(), facts, dx=left, dy=top,
        href=href or (lambda body: None),
    )  # fmt: skip
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_n(width)}" height="{_n(height)}" '
        f'viewBox="0 0 {_n(width)} {_n(height)}" '
        f'font-family="\'{FONT_FAMILY}\', Verdana, sans-serif" role="img">\n'
        f"<title>{escape(facts.title)}: governance chart, {facts.as_of.isoformat()}</title>\n"
        f"<desc>Made by {GENERATOR}.</desc>\n"
        f'<rect width="100%" height="100%" fill="#ffffff"/>\n'
    )
    return head + "\n".join(canvas.parts) + "\n</svg>\n"


def subtitle(facts: Facts, drawn: int) -> str:
    """ "The governance structure on 2026-12-04: 18 bodies, 5 findings"."""
    found = len(facts.findings)
    return (
        f"The governance structure on {facts.as_of.isoformat()}: {drawn} "
        f"bod{'y' if drawn == 1 else 'ies'}, {found} finding{'' if found == 1 else 's'}"
    )


def _n(value: float) -> str:
    """A coordinate as short, stable text: whole numbers without a point."""
    rounded = round(value, 2)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:g}"


def _points(points: Sequence[tuple[float, float]]) -> str:
    return " ".join(f"{_n(x)},{_n(y)}" for x, y in points)


def _dash(dash: Dash) -> str:
    return f' stroke-dasharray="{" ".join(_n(d) for d in dash)}"' if dash else ""
