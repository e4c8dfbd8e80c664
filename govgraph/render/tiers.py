"""The chart's layout: bodies as boxes in tiers, siblings under their parent, wide tiers wrapped.

Every output of the chart (the page, SVG, PDF, PNG, the audit pack) draws this
one layout, computed here in Python, so what prints is what the screen shows.
Coordinates are CSS pixels at 100 %: labels are 12 px DejaVu Sans
(:mod:`~govgraph.render.labels`, measured with :mod:`~govgraph.render.fontwidths`).

**The structure.** Only bodies are boxes (members are counted on each box, not
drawn). Each body is placed under its *first* drawn parent (the first of its
``reports_to`` lines to a drawn body); every other reporting line to a drawn
body becomes a *second* connector. A reporting cycle (an error the audit
reports) is broken for layout only, at the line that closes it in a depth-first
walk from the tops in sorted order. Bodies placed under no parent are the
*tops*; a body's *tier* is how far below its top it is placed (tops are tier 0).

**Boxes.** All boxes of one tier have one size: as wide as that tier's widest
label (at most three lines of at most :data:`~govgraph.render.labels.TEXT_WIDTH`
px) and as tall as its tallest label plus a caption line for counts
(members, findings) that the renderers write. A name that does not fit in
three lines is drawn as its short name (``shortened: true``; the full name goes
in the hover text).

**Blocks.** Each top and everything placed under it is a *block*. Inside a
block, a parent's children sit in a row below it, the parent centred over
them, joined by right-angled connectors (child top → a horizontal bus → the
parent's bottom). A parent with more than :data:`ONE_ROW` children whose row
would make its block wider than :data:`MAX_RATIO` : 1 wraps them into several
rows aiming at :data:`TARGET_RATIO` (a screen's shape); the rows are indented
by :data:`SPINE` px and a vertical spine on their left carries the connectors
down to each row's bus. The chart is the blocks packed into rows by the same
rule (:func:`pack`; even two blocks may wrap), tops in sorted order,
:data:`BLOCK_GAP` px apart.

**The API** (all values plain ints, strings, lists and dicts once ``as_dict()``
is called; the same input always gives the same numbers):

* :func:`chart_layout` ``(model, bodies)`` / :func:`tiered_layout`
  ``(parents, names, key)``: the full :class:`Layout` of a set of bodies;
* :func:`overview_layout` ``(layout)``: one box per top (its tier-0 box),
  packed as the blocks would be: the first view of a big model;
* ``layout.blocks``: each top's expanded :class:`Block`, its boxes and
  connectors relative to its own top-left, ready to be put where its overview
  box was; :func:`pack` re-packs a mix of boxes and expanded blocks.

``Layout.as_dict()``::

    {"width": 1143, "height": 611,                           # models/worcestershire
     "tiers": [{"width": 144, "height": 63}, ...],            # box size of each tier
     "blocks": [{"top": "council", "x": 0, "y": 0, "width": 1143, "height": 508,
                 "boxes": [{"id": "council", "x": 411, "y": 0, "width": 144,
                            "height": 63, "tier": 0, "lines": ["Worcestershire",
                            "County Council (Full", "Council)"], "shortened": false},
                           ...],
                 "connectors": [{"child": "cabinet", "parent": "council",
                                 "points": [[154, 89], [154, 76], [483, 76], [483, 63]],
                                 "second": false}, ...]}, ...],
     "links": [...]}   # second connectors between blocks, in chart coordinates

Drawing it: a box at ``block.x + box.x, block.y + box.y``; a connector is a
polyline through its points (plus the block's x, y), from the child's top to
the parent's bottom; ``second`` connectors are a body's other reporting lines.

>>> layout = tiered_layout({"a": [], "b": ["a"], "c": ["a"]}, {n: (n, None) for n in "abc"})
>>> [(box.id, box.tier) for box in layout.boxes()]
[('a', 0), ('b', 1), ('c', 1)]
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from govgraph.model import Model
from govgraph.render.cycles import closing_lines
from govgraph.render.labels import FONT_SIZE, Label, label
from govgraph.render.packing import (
    GAP_X,
    GAP_Y,
    MAX_RATIO,
    ONE_ROW,
    TARGET_RATIO,
    Packing,
    pack,
)

SortKey = Callable[[str], tuple[object, ...]]
#: Each drawn body's parents: the drawn bodies it reports to, each once, in its own order.
Parents = Mapping[str, Sequence[str]]
#: Each drawn body's name and short name.
Names = Mapping[str, tuple[str, str | None]]
Point = tuple[int, int]

LINE_HEIGHT = 14
CAPTION_HEIGHT = 13  # the counts line under the label
PAD_X, PAD_Y = 7, 4
MIN_TEXT_WIDTH = 84
SPINE = 14  # the indent of wrapped rows, where the spine runs down
BLOCK_GAP = 40  # between the blocks of the chart
#: Up to this many bodies, the families' shapes are chosen by laying the chart out with each
#: of :data:`_SHAPES` and keeping the one largest on the screen.
SEARCHED = 300
#: The shapes tried for the families of tier 0, of tier 1 and of the tiers below, as
#: multiples of the screen's ratio: a wide family of tall narrow ones often fills it best.
_SHAPES = [(t, i, 1.0) for t in (1.0, 1.3, 1.7) for i in (1.0, 0.6, 0.4)]


class Box(NamedTuple):
    """A body's box (a named tuple: tens of thousands are made for a big model)."""

    id: str
    x: int
    y: int
    width: int
    height: int
    tier: int
    lines: tuple[str, ...]
    shortened: bool

    def moved(self, dx: int, dy: int) -> Box:
        return Box(self.id, self.x + dx, self.y + dy, self.width, self.height, self.tier,
                   self.lines, self.shortened)  # fmt: skip

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "x": self.x, "y": self.y, "width": self.width,
            "height": self.height, "tier": self.tier, "lines": list(self.lines),
            "shortened": self.shortened,
        }  # fmt: skip


class Connector(NamedTuple):
    child: str
    parent: str
    points: tuple[Point, ...]  # from the child's top to the parent's bottom
    second: bool = False  # a reporting line to a parent the child is not placed under

    def moved(self, dx: int, dy: int) -> Connector:
        points = tuple((x + dx, y + dy) for x, y in self.points)
        return Connector(self.child, self.parent, points, self.second)

    def as_dict(self) -> dict[str, Any]:
        return {
            "child": self.child,
            "parent": self.parent,
            "points": [list(p) for p in self.points],
            "second": self.second,
        }


@dataclass(frozen=True)
class Block:
    """A top and everything placed under it; boxes and connectors relative to (x, y)."""

    top: str
    x: int
    y: int
    width: int
    height: int
    boxes: tuple[Box, ...]
    connectors: tuple[Connector, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "top": self.top, "x": self.x, "y": self.y, "width": self.width,
            "height": self.height, "boxes": [b.as_dict() for b in self.boxes],
            "connectors": [c.as_dict() for c in self.connectors],
        }  # fmt: skip


@dataclass(frozen=True)
class Layout:
    width: int
    height: int
    tiers: tuple[tuple[int, int], ...]  # (width, height) of each tier's boxes
    blocks: tuple[Block, ...]
    links: tuple[Connector, ...]  # second connectors between blocks, in chart coordinates

    def boxes(self) -> Iterator[Box]:
        """Every box, in chart coordinates, block by block."""
        for block in self.blocks:
            for box in block.boxes:
                yield box.moved(block.x, block.y)

    def connectors(self) -> Iterator[Connector]:
        """Every connector, in chart coordinates (those between blocks last)."""
        for block in self.blocks:
            for connector in block.connectors:
                yield connector.moved(block.x, block.y)
        yield from self.links

    def as_dict(self) -> dict[str, Any]:
        return {
            "width": self.width,
            "height": self.height,
            "tiers": [{"width": w, "height": h} for w, h in self.tiers],
            "blocks": [b.as_dict() for b in self.blocks],
            "links": [c.as_dict() for c in self.links],
        }


def chart_layout(
    model: Model, bodies: Sequence[str], ratio: float = TARGET_RATIO, fit: float | None = None
) -> Layout:
    """The layout of ``bodies`` of ``model`` (ids, in any order): roots first, then by name.

    ``ratio``: the width : height of the screen or page it is for; ``fit``: that of the area
    it is fitted to, if not ``ratio`` (see :func:`tiered_layout`).
    """
    drawn = set(bodies)
    parents = {}
    names = {}
    for body_id in bodies:
        body = model.bodies[body_id]
        above = dict.fromkeys(line.body for line in body.reports_to)
        parents[body_id] = [p for p in above if p in drawn]
        names[body_id] = (body.name, body.short_name)
    keys = {
        b: (not model.bodies[b].root, model.bodies[b].name.casefold(), b) for b in bodies
    }  # fmt: skip
    return tiered_layout(parents, names, keys.__getitem__, ratio, fit)


def tiered_layout(
    parents: Parents,
    names: Names,
    key: SortKey | None = None,
    ratio: float = TARGET_RATIO,
    fit: float | None = None,
) -> Layout:
    """The layout of the bodies in ``parents`` (see the module docstring).

    ``key`` orders tops and siblings (default: the id); ``ratio`` is the shape wrapped
    rows aim at. Up to :data:`SEARCHED` bodies, the chart is laid out with each of
    :data:`_SHAPES` and the one largest when fitted to a ``fit`` (default ``ratio``) area
    is kept, then the one largest on a ``ratio`` one.
    """
    order: SortKey = key or (lambda body: (body,))
    placed_under, second = _placement(parents, order)
    children: dict[str, list[str]] = {}
    for body in sorted(parents, key=order):
        above = placed_under.get(body)
        if above is not None:
            children.setdefault(above, []).append(body)
    tops = [body for body in sorted(parents, key=order) if body not in placed_under]
    tier = _tiers(tops, children)
    labels = {body: label(*names[body]) for body in parents}
    sizes = _tier_sizes(tier, labels)
    best: tuple[tuple[float, float], list[Block], Packing] | None = None
    shapes = _SHAPES if len(parents) <= SEARCHED else [(1.0,)]
    for shape in shapes:
        frames = _Frames(children, tier, sizes, tuple(s * ratio for s in shape))
        blocks = []
        for top in tops:
            frames.build(top)
            blocks.append(frames.block(top, labels))
        where = pack([(b.width, b.height) for b in blocks], BLOCK_GAP, BLOCK_GAP, ratio, 1)
        # the height of the area it needs: the smaller, the larger it is drawn
        need = (
            max(where.width / (fit or ratio), where.height),
            max(where.width / ratio, where.height),
        )
        if best is None or need < best[0]:
            best = (need, blocks, where)
    assert best is not None
    _, blocks, where = best
    placed = tuple(
        Block(b.top, x, y, b.width, b.height, b.boxes, b.connectors)
        for b, (x, y) in zip(blocks, where.positions, strict=True)
    )
    return _with_second_lines(placed, second, sizes, where.width, where.height)


def overview_layout(layout: Layout, ratio: float = TARGET_RATIO) -> Layout:
    """One box per top of ``layout`` (as drawn there), packed as the blocks are."""
    tops = [next(b for b in block.boxes if b.id == block.top) for block in layout.blocks]
    where = pack([(b.width, b.height) for b in tops], BLOCK_GAP, BLOCK_GAP, ratio, one_row=1)
    blocks = tuple(
        Block(box.id, x, y, box.width, box.height, (box.moved(-box.x, -box.y),), ())
        for box, (x, y) in zip(tops, where.positions, strict=True)
    )
    return Layout(where.width, where.height, layout.tiers[:1], blocks, ())


class _Frames:
    """Each body's block, built bottom-up: its size, its box's x in it, its children's
    offsets and rows."""

    def __init__(
        self,
        children: dict[str, list[str]],
        tier: dict[str, int],
        sizes: list[tuple[int, int]],
        ratios: tuple[float, ...],
    ) -> None:
        self.children, self.tier, self.sizes, self.ratios = children, tier, sizes, ratios
        self.size: dict[str, tuple[int, int]] = {}
        self.box_x: dict[str, int] = {}
        self.offset: dict[str, Point] = {}  # a child's block in its parent's block
        self.row_top: dict[str, int] = {}  # the top of the row a child is in
        self.spine: dict[str, int] = {}  # the x of a wrapped parent's spine

    def build(self, top: str) -> None:
        stack = [(top, False)]
        while stack:  # post-order, without recursion: a chain may be thousands deep
            body, ready = stack.pop()
            if ready:
                self._frame(body)
                continue
            stack.append((body, True))
            stack.extend((child, False) for child in reversed(self.children.get(body, ())))

    def _frame(self, body: str) -> None:
        box_w, box_h = self.sizes[self.tier[body]]
        kids = self.children.get(body, [])
        if not kids:
            self.size[body], self.box_x[body] = (box_w, box_h), 0
            return
        ratio = self.ratios[min(self.tier[body], len(self.ratios) - 1)]
        packing = pack([self.size[k] for k in kids], ratio=ratio)
        wrapped = len(packing.rows) > 1
        indent = SPINE if wrapped else 0
        width = max(box_w, indent + packing.width)
        shift = indent if wrapped else max(0, (box_w - packing.width) // 2)
        top = box_h + GAP_Y
        for kid, (x, y) in zip(kids, packing.positions, strict=True):
            self.offset[kid] = (shift + x, top + y)
            self.row_top[kid] = top + y
        if wrapped:
            self.spine[body] = SPINE // 2
            box_x = (width - box_w) // 2
        else:  # centred between the first and last child's centres
            first, last = self._centre(kids[0]), self._centre(kids[-1])
            box_x = min(max(0, (first + last) // 2 - box_w // 2), width - box_w)
        self.box_x[body] = box_x
        self.size[body] = (width, top + packing.height)

    def _centre(self, kid: str) -> int:
        return self.offset[kid][0] + self.box_x[kid] + self.sizes[self.tier[kid]][0] // 2

    def block(self, top: str, labels: Mapping[str, Label]) -> Block:
        """The block of ``top`` (built), its boxes and connectors relative to its top-left."""
        boxes: list[Box] = []
        connectors: list[Connector] = []
        origin = {top: (0, 0)}
        stack = [top]
        while stack:
            body = stack.pop()
            ox, oy = origin[body]
            w, h = self.sizes[self.tier[body]]
            text = labels[body]
            boxes.append(
                Box(
                    body,
                    ox + self.box_x[body],
                    oy,
                    w,
                    h,
                    self.tier[body],
                    text.lines,
                    text.shortened,
                )  # fmt: skip
            )
            kids = self.children.get(body, ())
            parent_x, bottom = ox + self.box_x[body] + w // 2, oy + h
            first_bus = oy + h + GAP_Y // 2
            for kid in kids:
                dx, dy = self.offset[kid]
                origin[kid] = (ox + dx, oy + dy)
                x = ox + dx + self.box_x[kid] + self.sizes[self.tier[kid]][0] // 2
                top_y, bus = oy + dy, oy + self.row_top[kid] - GAP_Y // 2
                if bus == first_bus:
                    points = [(x, top_y), (x, bus), (parent_x, bus), (parent_x, bottom)]
                else:
                    spine = ox + self.spine[body]
                    points = [(x, top_y), (x, bus), (spine, bus), (spine, first_bus),
                              (parent_x, first_bus), (parent_x, bottom)]  # fmt: skip
                connectors.append(Connector(kid, body, _simplified(points)))
            stack.extend(reversed(kids))
        width, height = self.size[top]
        boxes.sort(key=lambda b: (b.y, b.x))
        return Block(top, 0, 0, width, height, tuple(boxes), tuple(connectors))


def _with_second_lines(
    blocks: tuple[Block, ...],
    second: list[tuple[str, str]],
    sizes: list[tuple[int, int]],
    width: int,
    height: int,
) -> Layout:
    """The layout, with a connector for each (child, other parent): from just above the child
    to a point on the parent's bottom right of its own connector."""
    where: dict[str, tuple[int, Box]] = {}
    for index, block in enumerate(blocks):
        for box in block.boxes:
            where[box.id] = (index, box.moved(block.x, block.y))
    extra: list[list[Connector]] = [[] for _ in blocks]
    links = []
    for child, parent in second:  # worked out in chart coordinates
        (home, c), (other, p) = where[child], where[parent]
        x, y = c.x + c.width * 3 // 4, c.y
        above, to_x = y - GAP_Y // 4, p.x + p.width * 3 // 4
        end = p.y + p.height if p.y + p.height <= above else p.y
        points = _simplified([(x, y), (x, above), (to_x, above), (to_x, end)])
        line = Connector(child, parent, points, second=True)
        if home == other:
            extra[home].append(line.moved(-blocks[home].x, -blocks[home].y))
        else:
            links.append(line)
    blocks = tuple(
        Block(b.top, b.x, b.y, b.width, b.height, b.boxes, b.connectors + tuple(more))
        for b, more in zip(blocks, extra, strict=True)
    )
    return Layout(width, height, tuple(sizes), blocks, tuple(links))


def _placement(parents: Parents, key: SortKey) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """The parent each body is placed under (its first, once cycles are broken) and the
    (child, parent) lines drawn as second connectors."""
    cut = set(closing_lines(parents, key))
    placed_under: dict[str, str] = {}
    second = []
    for body in sorted(parents, key=key):
        kept = [p for p in parents[body] if (body, p) not in cut and p in parents]
        if kept:
            placed_under[body] = kept[0]
            second += [(body, p) for p in kept[1:]]
    return placed_under, second


def _tiers(tops: list[str], children: dict[str, list[str]]) -> dict[str, int]:
    tier = dict.fromkeys(tops, 0)
    queue = list(tops)
    for body in queue:  # the queue grows as it is read: breadth first
        for child in children.get(body, ()):
            tier[child] = tier[body] + 1
            queue.append(child)
    return tier


def _tier_sizes(tier: Mapping[str, int], labels: Mapping[str, Label]) -> list[tuple[int, int]]:
    widest: dict[int, float] = {}
    lines: dict[int, int] = {}
    for body, level in tier.items():
        text = labels[body]
        widest[level] = max(widest.get(level, 0.0), text.width)
        lines[level] = max(lines.get(level, 1), len(text.lines))
    return [
        (
            math.ceil(max(widest[level], MIN_TEXT_WIDTH)) + 2 * PAD_X,
            lines[level] * LINE_HEIGHT + CAPTION_HEIGHT + 2 * PAD_Y,
        )
        for level in range(len(widest))
    ]


def _simplified(points: list[Point]) -> tuple[Point, ...]:
    """``points`` without repeats and without the middle of three points in a line."""
    kept: list[Point] = []
    for point in points:
        if kept and point == kept[-1]:
            continue
        if len(kept) >= 2:
            (ax, ay), (bx, by) = kept[-2], kept[-1]
            if (ax == bx == point[0]) or (ay == by == point[1]):
                kept[-1] = point
                continue
        kept.append(point)
    return tuple(kept)


__all__ = [
    "FONT_SIZE", "GAP_X", "GAP_Y", "MAX_RATIO", "ONE_ROW", "TARGET_RATIO", "Block", "Box",
    "Connector", "Layout", "Packing", "chart_layout", "closing_lines", "overview_layout",
    "pack", "tiered_layout",
]  # fmt: skip
