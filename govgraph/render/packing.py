"""Packing boxes or blocks into rows: the one rule the chart's families and blocks follow.

Up to ``one_row`` items are one row. More are packed in rows no wider than a
limit, tallest first (so that each row is about as tall as its items; items of
one height keep the order given), either in shelves (each row as tall as its
tallest item) or, for items of different sizes, as a staircase (short items
fill the room beside a tall one, see :func:`_staircase`), the limit and the way
chosen among each distinct first row (every column count for a grid of equal
items) so that the whole fits a ``ratio`` screen at the largest scale without
being wider than :data:`MAX_RATIO` : 1. The page can re-pack overview boxes and expanded blocks
with the same function.

>>> pack([(100, 50)] * 3).rows
[[0, 1, 2]]
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

Point = tuple[int, int]

GAP_X = 12  # between neighbouring boxes (or sub-blocks) in a row
GAP_Y = 26  # from a parent's bottom to its children's tops; the bus runs halfway
ONE_ROW = 3  # this many children always stay in one row
MAX_RATIO = 3.0
TARGET_RATIO = 1.55  # 1400 × 900


@dataclass(frozen=True)
class Packing:
    positions: list[Point]  # the top-left of each item, in the order given
    width: int
    height: int
    rows: list[list[int]]  # the items' indices, row by row


def pack(
    sizes: Sequence[tuple[int, int]],
    gap_x: int = GAP_X,
    gap_y: int = GAP_Y,
    ratio: float = TARGET_RATIO,
    one_row: int = ONE_ROW,
) -> Packing:
    """Items of ``sizes`` (width, height) left to right in rows, tops aligned.

    Up to ``one_row`` (:data:`ONE_ROW`) items are one row. More are packed in the order given
    into rows no wider than a limit, tallest items first (so that each row is
    about as tall as its items), the limit chosen among a few dozen so that the
    whole fits a ``ratio`` (:data:`TARGET_RATIO`) screen at the largest scale without being
    wider than :data:`MAX_RATIO` : 1. Items of one height keep the order given.
    """
    if not sizes:
        return Packing([], 0, 0, [])
    order = list(range(len(sizes)))
    single = _shelves(sizes, order, math.inf, gap_x, gap_y)
    if len(sizes) <= one_row:
        return single
    order.sort(key=lambda i: -sizes[i][1])  # stable: equal heights keep their order
    narrowest = max(w for w, _ in sizes)
    uniform = all(size == sizes[0] for size in sizes)
    if uniform:  # a grid: try every number of columns
        limits = [c * narrowest + (c - 1) * gap_x for c in range(1, len(sizes) + 1)]
    else:  # each distinct first row: the widths of the first k items in order
        firsts = [0]
        for i in order:
            firsts.append(firsts[-1] + sizes[i][0] + gap_x)
        step = max(1, len(sizes) // 24)
        limits = [firsts[k] - gap_x for k in range(1, len(sizes), step)]
    ways = [_shelves] if uniform else [_shelves, _staircase]
    best, best_score = single, _score(single, ratio)
    for limit in limits:
        for way in ways:
            packing = way(sizes, order, limit, gap_x, gap_y)
            score = _score(packing, ratio)
            if score < best_score:
                best, best_score = packing, score
    return best


def _score(packing: Packing, ratio: float) -> tuple[bool, float]:
    """Smaller is better: not wider than MAX_RATIO, then the size of the screen it fills."""
    too_wide = packing.width > MAX_RATIO * packing.height
    return too_wide, max(packing.width / ratio, packing.height)


def _shelves(
    sizes: Sequence[tuple[int, int]], order: list[int], limit: float, gap_x: int, gap_y: int
) -> Packing:
    rows: list[list[int]] = [[]]
    positions: list[Point] = [(0, 0)] * len(sizes)
    x = y = width = row_height = 0
    for i in order:
        w, h = sizes[i]
        if rows[-1] and x + w > limit:
            if x - gap_x > width:
                width = x - gap_x
            y += row_height + gap_y
            x = row_height = 0
            rows.append([])
        positions[i] = (x, y)
        rows[-1].append(i)
        x += w + gap_x
        if h > row_height:
            row_height = h
    return Packing(positions, max(width, x - gap_x), y + row_height, rows)


def _staircase(
    sizes: Sequence[tuple[int, int]], order: list[int], limit: float, gap_x: int, gap_y: int
) -> Packing:
    """Rows from the left, each as wide as the items still reaching down to it allow.

    A row's items stand shortest to tallest from the left; the next row starts below the
    shortest item still in the way, and reaches up to the nearest taller item on its right.
    So short items fill the room under a tall neighbour's side instead of a row as tall as
    that neighbour, and every row still starts at the left (where a wrapped family's spine
    runs) with nothing between the spine and its items.
    """
    rows: list[list[int]] = []
    positions: list[Point] = [(0, 0)] * len(sizes)
    standing: list[tuple[int, int]] = []  # (left, bottom) of items placed so far
    rank = {item: n for n, item in enumerate(order)}
    y = width = height = 0
    at = 0
    while at < len(order):
        blocking = [(left, bottom) for left, bottom in standing if bottom + gap_y > y]
        edge = min([left - gap_x for left, _ in blocking], default=limit)
        row: list[int] = []
        x = 0
        while at < len(order):
            w = sizes[order[at]][0]
            if x + w > edge and (row or blocking):
                break
            row.append(order[at])
            x += w + gap_x
            at += 1
        if not row:  # nothing fits beside what is in the way: start below its nearest bottom
            y = min(bottom for _, bottom in blocking) + gap_y
            continue
        row.sort(key=lambda i: (sizes[i][1], rank[i]))
        x = 0
        for i in row:
            w, h = sizes[i]
            positions[i] = (x, y)
            standing.append((x, y + h))
            x += w + gap_x
            width, height = max(width, x - gap_x), max(height, y + h)
        rows.append(row)
        y = min(bottom for _, bottom in standing if bottom + gap_y > y) + gap_y
    return Packing(positions, width, height, rows)
