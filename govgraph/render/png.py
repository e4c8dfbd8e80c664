"""The chart as one PNG at print resolution: the whole chart on one sheet of paper.

The picture is the first page the PDF would print if the chart were not split:
title, date, legend and the whole chart scaled to the paper (A4 or A3
landscape) at ``dpi`` dots per inch (default 200), so that it prints at the
paper's size. A chart too big to read on one sheet still draws whole, smaller:
:func:`render_png` says so, and the PDF splits it instead.

The file records its resolution (``pHYs``) and that govgraph made it
(``tEXt`` ``Software``), which is how ``govgraph render`` knows it may replace it.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Iterable

from govgraph.audit import AuditResult
from govgraph.render.pages import MIN_SCALE, ChartPage, scale_to_fit
from govgraph.render.paint import facts_of, legend_items
from govgraph.render.pdf import GENERATOR, PAPER, _has_second, draw_chart_page, sheet
from govgraph.render.pdf_canvas import CairoCanvas, cairo_module
from govgraph.render.tiers import chart_layout

DEFAULT_DPI = 200
SOFTWARE = f"Software\0{GENERATOR}".encode()


def png_size(paper: str, dpi: int) -> tuple[int, int]:
    """The picture's width and height in pixels: the landscape paper at ``dpi``."""
    width, height = PAPER[paper]
    return round(width / 72 * dpi), round(height / 72 * dpi)


def render_png(
    result: AuditResult,
    bodies: Iterable[str],
    *,
    paper: str = "a4",
    dpi: int = DEFAULT_DPI,
    title: str | None = None,
) -> tuple[bytes, bool]:
    """The PNG bytes, and whether its labels print at a readable size (7 pt or more)."""
    cairo = cairo_module()
    chosen = list(bodies)
    facts = facts_of(result, chosen, title)
    items = legend_items(facts, has_second=_has_second(result, chosen))
    page = sheet(paper, items)
    layout = chart_layout(result.model, chosen, page.chart_width / page.chart_height)
    width, height = png_size(paper, dpi)
    surface = cairo.ImageSurface(cairo.FORMAT_RGB24, width, height)
    ctx = cairo.Context(surface)
    ctx.set_source_rgb(1, 1, 1)
    ctx.paint()
    ctx.scale(width / page.width, height / page.height)
    draw_chart_page(CairoCanvas(ctx), ChartPage("The whole structure", layout), facts, items,
                    page, 1, 0)  # fmt: skip
    out = io.BytesIO()
    surface.write_to_png(out)
    readable = scale_to_fit(layout, page.chart_width, page.chart_height) >= MIN_SCALE
    return _with_chunks(out.getvalue(), dpi), readable


def _with_chunks(png: bytes, dpi: int) -> bytes:
    """``png`` with its resolution and its maker recorded, right after the header chunk."""
    per_metre = round(dpi / 0.0254)
    chunks = _chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1))
    chunks += _chunk(b"tEXt", SOFTWARE)
    end_of_header = 8 + 4 + 4 + 13 + 4  # signature, then IHDR: length, type, data, CRC
    return png[:end_of_header] + chunks + png[end_of_header:]


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)
