"""The tiered layout as the page draws it: blocks, where they sit, and the overview's rows.

The page (chart.js, ``compose``) draws :mod:`govgraph.render.tiers`' layout,
the one the SVG and PDF outputs draw: every block where the layout put it when
every block is expanded, so that the screen and the paper agree. A chart of
more than :data:`~govgraph.render.view.LARGE_MODEL` bodies opens instead on
its overview: each block collapsed to its top's box, in the rows
:func:`~govgraph.render.tiers.overview_layout` packs them in; a click expands
a box in place, pushing the rest of its row right and the rows below down.

Each block is written as a list, to keep a 20,000-body page small::

    [top, x, y, width, height,
     [[body, x, y, tier, [label lines], shortened], ...],      # boxes, top-left in the block
     [[child, parent, [[x, y], ...], second], ...]]           # connectors, in the block

and ``links`` are the reporting lines between blocks, in chart coordinates.
"""

from __future__ import annotations

from typing import Any

from govgraph.model import Model
from govgraph.render.tiers import BLOCK_GAP, Block, Connector, Layout, chart_layout, pack

#: The shape of the page's chart area at Fit on a 1400 × 900 window: 1382 × 724 px, less
#: the margins the page's Fit leaves (8 px each side, and 8 px for a box's shadow).
CHART_FIT = (1382 - 16 - 8) / (724 - 16 - 8)


def screen_layout(model: Model, bodies: tuple[str, ...], overview: bool) -> dict[str, Any]:
    """The page's ``layout``: the tiered layout of ``bodies`` and the overview's rows."""
    layout = chart_layout(model, bodies, fit=CHART_FIT)
    return from_layout(layout, overview)


def from_layout(layout: Layout, overview: bool) -> dict[str, Any]:
    top_boxes = [_top_box(block) for block in layout.blocks]
    rows = pack(top_boxes, BLOCK_GAP, BLOCK_GAP).rows
    return {
        "width": layout.width,
        "height": layout.height,
        "tiers": [list(size) for size in layout.tiers],
        "gap": BLOCK_GAP,
        "blocks": [_block(block) for block in layout.blocks],
        "links": [_connector(line) for line in layout.links],
        "rows": rows,
        "overview": overview,
    }


def tiers_of(layout: dict[str, Any]) -> dict[str, int]:
    """Each body's tier in a :func:`screen_layout`."""
    return {box[0]: box[3] for block in layout["blocks"] for box in block[5]}


def _top_box(block: Block) -> tuple[int, int]:
    box = next(b for b in block.boxes if b.id == block.top)
    return box.width, box.height


def _block(block: Block) -> list[Any]:
    boxes = [
        [b.id, b.x, b.y, b.tier, list(b.lines), *([True] if b.shortened else [])]
        for b in block.boxes
    ]
    lines = [_connector(line) for line in block.connectors]
    return [block.top, block.x, block.y, block.width, block.height, boxes, lines]


def _connector(line: Connector) -> list[Any]:
    points = [list(point) for point in line.points]
    return [line.child, line.parent, points, *([True] if line.second else [])]
