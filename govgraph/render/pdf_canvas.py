"""Paint the chart with cairo, for the PDF and the PNG (see docs/chart-paper.md for why cairo).

cairo is a system library (``libcairo2`` on Debian and Ubuntu, ``cairo`` in
Homebrew) reached through the small ``cairocffi`` package. Without either,
:func:`cairo_module` raises a one-line :class:`GovgraphError` saying what to
install; the SVG and HTML outputs need neither.

Text is set in DejaVu Sans, the font the layout measured (fontconfig picks a
close sans-serif when it is missing); it is embedded in the PDF as real text,
so it can be searched, selected and read by a screen reader.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import ModuleType
from typing import Any

from govgraph.errors import GovgraphError
from govgraph.render.paint import FONT_FAMILY, Dash

INSTALL = (
    "PDF and PNG charts need cairo: pip install cairocffi, and the cairo library "
    "(apt install libcairo2, brew install cairo); or use --to svg or --to html"
)


def cairo_module() -> ModuleType:
    """``cairocffi``, or a GovgraphError saying what to install."""
    try:
        import cairocffi
    except (ImportError, OSError) as error:  # OSError: the package without the library
        raise GovgraphError(INSTALL) from error
    module: ModuleType = cairocffi
    return module


def rgb(hex_colour: str) -> tuple[float, float, float]:
    """``#rrggbb`` as cairo's red, green and blue from 0 to 1."""
    value = hex_colour.lstrip("#")
    return (int(value[0:2], 16) / 255, int(value[2:4], 16) / 255, int(value[4:6], 16) / 255)


class CairoCanvas:
    """A :class:`govgraph.render.paint.Canvas` painting onto a cairo context."""

    def __init__(self, context: Any) -> None:
        self.ctx = context
        self.cairo = cairo_module()

    def rect(self, x: float, y: float, width: float, height: float, *, fill: str,
             stroke: str, stroke_width: float, dash: Dash = None,
             radius: float = 0) -> None:  # fmt: skip
        ctx = self.ctx
        r = min(radius, width / 2, height / 2)
        ctx.new_path()
        if r > 0:
            pi = 3.141592653589793
            ctx.arc(x + width - r, y + r, r, -pi / 2, 0)
            ctx.arc(x + width - r, y + height - r, r, 0, pi / 2)
            ctx.arc(x + r, y + height - r, r, pi / 2, pi)
            ctx.arc(x + r, y + r, r, pi, 3 * pi / 2)
            ctx.close_path()
        else:
            ctx.rectangle(x, y, width, height)
        ctx.set_source_rgb(*rgb(fill))
        ctx.fill_preserve()
        self._stroke(stroke, stroke_width, dash)

    def polyline(self, points: Sequence[tuple[float, float]], *, stroke: str,
                 stroke_width: float, dash: Dash = None) -> None:  # fmt: skip
        ctx = self.ctx
        ctx.new_path()
        ctx.move_to(*points[0])
        for point in points[1:]:
            ctx.line_to(*point)
        self._stroke(stroke, stroke_width, dash)

    def polygon(self, points: Sequence[tuple[float, float]], *, fill: str) -> None:
        ctx = self.ctx
        ctx.new_path()
        ctx.move_to(*points[0])
        for point in points[1:]:
            ctx.line_to(*point)
        ctx.close_path()
        ctx.set_source_rgb(*rgb(fill))
        ctx.fill()

    def text(self, x: float, y: float, text: str, *, size: float, anchor: str = "middle",
             bold: bool = False, colour: str = "#000000") -> None:  # fmt: skip
        ctx, cairo = self.ctx, self.cairo
        weight = cairo.FONT_WEIGHT_BOLD if bold else cairo.FONT_WEIGHT_NORMAL
        ctx.select_font_face(FONT_FAMILY, cairo.FONT_SLANT_NORMAL, weight)
        ctx.set_font_size(size)
        advance = ctx.text_extents(text)[4]
        start = {"middle": x - advance / 2, "end": x - advance}.get(anchor, x)
        ctx.move_to(start, y)
        ctx.set_source_rgb(*rgb(colour))
        ctx.show_text(text)

    def text_width(self, text: str, size: float, bold: bool = False) -> float:
        """The width ``text`` will take in the font cairo actually found."""
        cairo = self.cairo
        weight = cairo.FONT_WEIGHT_BOLD if bold else cairo.FONT_WEIGHT_NORMAL
        self.ctx.select_font_face(FONT_FAMILY, cairo.FONT_SLANT_NORMAL, weight)
        self.ctx.set_font_size(size)
        return float(self.ctx.text_extents(text)[4])

    def group(self, body: str, title: str, href: str | None) -> None:
        """Nothing to open: a printed page has no hover text."""

    def end_group(self) -> None:
        """Nothing to close."""

    def _stroke(self, stroke: str, width: float, dash: Dash) -> None:
        ctx = self.ctx
        ctx.set_source_rgb(*rgb(stroke))
        ctx.set_line_width(width)
        ctx.set_dash(list(dash) if dash else [])
        ctx.stroke()
