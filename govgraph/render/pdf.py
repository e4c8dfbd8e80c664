"""The chart as a PDF for committee papers: landscape pages, titled, with a findings table.

Each chart page carries the model's name, the as-of date, what the page shows,
the legend and the chart at up to 12 pt; a chart too big to print readably on
one page is split by subtree (:mod:`~govgraph.render.pages`). After the chart
comes the **findings summary**: severity, body, check and message of each
finding about a drawn body, as a table whose header repeats on every page.

>>> pdf = render_pdf(result, model.bodies, paper="a3")        # doctest: +SKIP
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from govgraph import __version__
from govgraph.audit import AuditResult
from govgraph.render.labels import FONT_SIZE, wrap
from govgraph.render.pages import MIN_SCALE, ChartPage, plan_pages, scale_to_fit
from govgraph.render.paint import (
    Facts,
    LegendItem,
    draw_chart,
    draw_legend,
    facts_of,
    legend_height,
    legend_items,
)
from govgraph.render.pdf_canvas import CairoCanvas, cairo_module, rgb

#: Landscape paper, in points (1/72 inch).
PAPER = {"a4": (841.89, 595.28), "a3": (1190.55, 841.89)}
MARGIN = 36.0
HEADER = 46.0  # the model's name and the page's title
FOOTER = 18.0
LEGEND_SCALE = 0.75  # the legend prints at 9 pt
GENERATOR = f"govgraph {__version__}"


@dataclass(frozen=True)
class Sheet:
    """A page's size and the room its chart has, in points."""

    width: float
    height: float
    legend: float  # the legend's height on this paper

    @property
    def chart_width(self) -> float:
        return self.width - 2 * MARGIN

    @property
    def chart_height(self) -> float:
        return self.height - 2 * MARGIN - HEADER - self.legend - 10 - FOOTER


def sheet(paper: str, items: Sequence[LegendItem]) -> Sheet:
    width, height = PAPER[paper]
    legend = legend_height(items, (width - 2 * MARGIN) / LEGEND_SCALE) * LEGEND_SCALE
    return Sheet(width, height, legend)


def render_pdf(
    result: AuditResult, bodies: Iterable[str], *, paper: str = "a4", title: str | None = None
) -> bytes:
    """The chart of ``bodies`` on ``result``'s date, then its findings, as PDF bytes."""
    cairo = cairo_module()
    chosen = list(bodies)
    facts = facts_of(result, chosen, title)
    items = legend_items(facts, has_second=_has_second(result, chosen))
    page = sheet(paper, items)

    def fits(layout: Any) -> bool:
        return scale_to_fit(layout, page.chart_width, page.chart_height) >= MIN_SCALE

    charts = plan_pages(result.model, chosen, fits, page.chart_width / page.chart_height)
    out = io.BytesIO()
    surface = cairo.PDFSurface(out, page.width, page.height)
    surface.set_metadata(cairo.PDF_METADATA_TITLE, f"{facts.title}: governance chart")
    surface.set_metadata(cairo.PDF_METADATA_CREATOR, GENERATOR)
    ctx = cairo.Context(surface)
    canvas = CairoCanvas(ctx)
    tables = _table_pages(facts, result, page)
    total = len(charts) + len(tables)
    continued: dict[str, int] = {}  # a body's first page of its own
    for number, chart in enumerate(charts, 1):
        if chart.root is not None:
            continued.setdefault(chart.root, number)
    for number, chart in enumerate(charts, 1):
        notes = {
            box.id: f"p. {continued[box.id]}"
            for box in chart.layout.boxes()
            if continued.get(box.id, number) != number
        }
        draw_chart_page(canvas, chart, facts, items, page, number, total, notes)
        ctx.show_page()
    for number, rows in enumerate(tables, len(charts) + 1):
        _draw_table_page(canvas, facts, rows, page, number, total, first=number == len(charts) + 1)
        ctx.show_page()
    surface.finish()
    return out.getvalue()


def draw_chart_page(
    canvas: CairoCanvas,
    chart: ChartPage,
    facts: Facts,
    items: Sequence[LegendItem],
    page: Sheet,
    number: int,
    total: int,
    notes: Mapping[str, str] | None = None,
) -> None:
    """One page: heading, legend, the chart scaled to fit (centred), footer; ``notes`` say
    where a body's subtree continues."""
    _heading(canvas, facts, chart.title, page)
    ctx = canvas.ctx
    ctx.save()
    ctx.translate(MARGIN, MARGIN + HEADER)
    ctx.scale(LEGEND_SCALE, LEGEND_SCALE)
    draw_legend(canvas, items, 0, 0, page.chart_width / LEGEND_SCALE)
    ctx.restore()
    layout = chart.layout
    scale = scale_to_fit(layout, page.chart_width, page.chart_height)
    ctx.save()
    left = MARGIN + (page.chart_width - layout.width * scale) / 2
    ctx.translate(left, MARGIN + HEADER + page.legend + 10)
    ctx.scale(scale, scale)
    draw_chart(canvas, layout.boxes(), layout.connectors(), facts, notes=notes)
    ctx.restore()
    _footer(canvas, page, number, total)


def _heading(canvas: CairoCanvas, facts: Facts, what: str, page: Sheet) -> None:
    canvas.text(MARGIN, MARGIN + 14, facts.title, size=16, anchor="start", bold=True)
    canvas.text(page.width - MARGIN, MARGIN + 14, f"as it stood on {facts.as_of.isoformat()}",
                size=10, anchor="end", colour="#444444")  # fmt: skip
    canvas.text(MARGIN, MARGIN + 32, what, size=11, anchor="start", colour="#222222")


def _footer(canvas: CairoCanvas, page: Sheet, number: int, total: int) -> None:
    y = page.height - MARGIN + 4
    canvas.text(MARGIN, y, f"Made by {GENERATOR}", size=8, anchor="start", colour="#666666")
    if total:  # a PNG is one picture, not a page of a document
        canvas.text(page.width - MARGIN, y, f"Page {number} of {total}", size=8, anchor="end",
                    colour="#666666")  # fmt: skip


def _has_second(result: AuditResult, bodies: list[str]) -> bool:
    drawn = set(bodies)
    for body_id in bodies:
        above = dict.fromkeys(line.body for line in result.model.bodies[body_id].reports_to)
        if sum(1 for parent in above if parent in drawn) > 1:
            return True
    return False


# --- the findings summary ------------------------------------------------------------------

TABLE_SIZE = 9.0
TABLE_LINE = 11.5
#: Each column's share of the page's width.
COLUMNS = (("Severity", 0.09), ("Body or member", 0.25), ("Check", 0.17), ("Message", 0.49))
SEVERITY_COLOUR = {"error": "#b42318", "warning": "#8a5a00", "info": "#0b5394"}
Row = tuple[str, list[list[str]]]  # severity, and each cell's lines


def _table_pages(facts: Facts, result: AuditResult, page: Sheet) -> list[list[Row]]:
    """The findings as rows of wrapped cells, split into pages."""
    model = result.model
    widths = [share * page.chart_width - 8 for _, share in COLUMNS]
    rows: list[Row] = []
    for finding in facts.findings:
        about = " / ".join(model.name_of(part) for part in finding.subject.split("/"))
        cells = [finding.severity.value, about, finding.check, finding.message]
        lines = [_wrapped(text, width) for text, width in zip(cells, widths, strict=True)]
        rows.append((finding.severity.value, lines))
    room = page.height - 2 * MARGIN - HEADER - FOOTER - TABLE_LINE * 2
    pages: list[list[Row]] = [[]]
    used = 0.0
    for row in rows:
        height = _row_height(row)
        if pages[-1] and used + height > room:
            pages.append([])
            used = 0.0
        pages[-1].append(row)
        used += height
    return pages


def _wrapped(text: str, width: float) -> list[str]:
    # wrap() measures at the chart's 12 px; the table is set smaller.
    return wrap(text, width * FONT_SIZE / TABLE_SIZE) if text else [""]


def _row_height(row: Row) -> float:
    return max(len(cell) for cell in row[1]) * TABLE_LINE + 5


def _draw_table_page(
    canvas: CairoCanvas,
    facts: Facts,
    rows: list[Row],
    page: Sheet,
    number: int,
    total: int,
    *,
    first: bool,
) -> None:
    count = len(facts.findings)
    title = (
        f"Findings about these bodies and their members ({count})"
        if first
        else ("Findings (continued)")
    )
    _heading(canvas, facts, title, page)
    ctx = canvas.ctx
    lefts = [MARGIN]
    for _, share in COLUMNS[:-1]:
        lefts.append(lefts[-1] + share * page.chart_width)
    y = MARGIN + HEADER
    ctx.set_source_rgb(*rgb("#eef1f4"))
    ctx.rectangle(MARGIN, y, page.chart_width, TABLE_LINE + 5)
    ctx.fill()
    for (name, _), left in zip(COLUMNS, lefts, strict=True):
        canvas.text(left + 4, y + TABLE_LINE, name, size=TABLE_SIZE, anchor="start", bold=True)
    y += TABLE_LINE + 5
    if not rows or not rows[0]:
        canvas.text(MARGIN + 4, y + TABLE_LINE, f"No findings on {facts.as_of.isoformat()}.",
                    size=TABLE_SIZE, anchor="start")  # fmt: skip
    for severity, cells in rows:
        for i, (lines, left) in enumerate(zip(cells, lefts, strict=True)):
            colour = SEVERITY_COLOUR.get(severity, "#000000") if i == 0 else "#000000"
            for n, line in enumerate(lines):
                canvas.text(left + 4, y + TABLE_LINE * (n + 1), line, size=TABLE_SIZE,
                            anchor="start", bold=i == 0, colour=colour)  # fmt: skip
        y += _row_height((severity, cells))
        canvas.polyline([(MARGIN, y), (MARGIN + page.chart_width, y)], stroke="#d0d7de",
                        stroke_width=0.5)  # fmt: skip
    _footer(canvas, page, number, total)


__all__ = ["PAPER", "Sheet", "draw_chart_page", "render_pdf", "sheet"]
