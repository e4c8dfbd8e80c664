"""Where the page draws each body: one block per top body, and the rows the blocks sit in.

The page composes its picture from blocks (see chart.js, ``compose``): each top
body of the drawn structure heads a block, a rectangle with every body below
that top at a position relative to the block's top-left corner. The page lays
the blocks out in :func:`block_rows` rows, each block drawn either collapsed
(one box, its top body, with counts) or expanded (all its bodies); a chart that
fits on a screen opens with every block expanded, a larger one collapsed (the
overview), and a click on a box expands it in place.

The positions inside a block come from :mod:`govgraph.render.layout`, so the
screen shows the layout the SVG and PDF outputs draw.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from govgraph.render.layout import BODY_GAP, SortKey, body_levels, place_bodies

#: Each tier's box (width, height) in canvas units; the last is used for deeper tiers.
BOX_SIZES = ((240, 92), (220, 84))
#: Room between two boxes (across, down), and around a block.
GAP_ACROSS, GAP_DOWN = 30, 64
BLOCK_MARGIN = 40
#: The widest the overview rows are, relative to their height.
OVERVIEW_RATIO = 1.6


@dataclass(frozen=True)
class Block:
    """A top body's block: its size and each body's centre relative to its top-left corner."""

    top: str
    width: int
    height: int
    #: ``(body, x, y, tier)`` in the order the bodies are drawn.
    places: tuple[tuple[str, int, int, int], ...]


def box_size(tier: int) -> tuple[int, int]:
    return BOX_SIZES[min(tier, len(BOX_SIZES) - 1)]


def blocks(parents: Mapping[str, list[str]], key: SortKey) -> list[Block]:
    """One block per top (a body with no drawn parent), tops in ``key`` order.

    A body below several tops is in the block of its first parent's top.
    """
    levels = body_levels(parents, key)
    top_of: dict[str, str] = {}
    for body in sorted(levels, key=lambda b: (levels[b], key(b))):
        above = [p for p in parents[body] if p in top_of and levels[p] < levels[body]]
        top_of[body] = top_of[above[0]] if above else body
    members: dict[str, list[str]] = {}
    for body, top in top_of.items():
        members.setdefault(top, []).append(body)
    out = []
    for top in sorted(members, key=key):
        inside = members[top]
        local = {b: [p for p in parents[b] if p in members[top]] for b in inside}
        depth = {b: levels[b] - levels[top] for b in inside}
        xy = place_bodies(local, depth, key)
        out.append(_block(top, xy, depth))
    return out


def _block(top: str, xy: Mapping[str, tuple[int, int]], depth: Mapping[str, int]) -> Block:
    """The layout's columns spread to fit the boxes, its rows to the tiers' heights, and
    everything shifted so that the block starts at (0, 0)."""
    across = (box_size(1)[0] + GAP_ACROSS) / BODY_GAP
    centre_y: dict[int, int] = {}
    for tier in sorted(set(depth.values())):
        above = centre_y[tier - 1] + box_size(tier - 1)[1] // 2 + GAP_DOWN if tier else 0
        centre_y[tier] = above + box_size(tier)[1] // 2
    xs = {b: x * across for b, (x, _) in xy.items()}
    left = min(xs[b] - box_size(depth[b])[0] / 2 for b in xs)
    right = max(xs[b] + box_size(depth[b])[0] / 2 for b in xs)
    bottom = max(centre_y[depth[b]] + box_size(depth[b])[1] // 2 for b in xs)
    places = tuple((b, round(xs[b] - left), centre_y[depth[b]], depth[b]) for b in xy)
    return Block(top, round(right - left), bottom, places)


def block_rows(count: int) -> int:
    """How many collapsed boxes the overview puts in a row: about OVERVIEW_RATIO wide to 1 high.

    >>> block_rows(1), block_rows(12), block_rows(120)
    (1, 5, 14)
    """
    width, height = box_size(0)
    cell_w, cell_h = width + GAP_ACROSS, height + GAP_DOWN
    return max(1, min(count, math.ceil(math.sqrt(OVERVIEW_RATIO * count * cell_h / cell_w))))
