"""Split a chart into printed pages, each readable: the whole, or an overview and subtrees.

A printed label smaller than :data:`MIN_LABEL_PT` (7 pt) cannot be read, so a
chart that would have to shrink further to fit one page is split:

1. an **overview** page of the top tiers: the tops and as many tiers below them
   as fit (the tops alone, over several pages, when even they do not fit);
2. then, for each body at the overview's lowest tier that has bodies under it,
   **one page for its subtree**, titled with its name; a subtree too big for a
   page gets a page of the body and the bodies directly under it, then a page
   for each of those with bodies under them, and so on down.

A family too wide for one page (a council with 116 committees) is split into
parts of about equal size, each drawn under its parent and titled "part 1 of 3".
Labels print at most at 12 pt (the chart's 100 %).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from govgraph.model import Model
from govgraph.render.labels import FONT_SIZE
from govgraph.render.tiers import Layout, chart_layout

MIN_LABEL_PT = 7.0
MIN_SCALE = MIN_LABEL_PT / FONT_SIZE
MAX_SCALE = 1.0


@dataclass(frozen=True)
class ChartPage:
    title: str  # what the page shows, under the model's name
    layout: Layout
    root: str | None = None  # the body whose subtree (or family) the page shows


Fits = Callable[[Layout], bool]


def scale_to_fit(layout: Layout, width: float, height: float) -> float:
    """The scale at which ``layout`` fills ``width`` × ``height``, at most :data:`MAX_SCALE`."""
    if not layout.width or not layout.height:
        return MAX_SCALE
    return min(width / layout.width, height / layout.height, MAX_SCALE)


def plan_pages(model: Model, bodies: Sequence[str], fits: Fits, ratio: float) -> list[ChartPage]:
    """The chart pages for ``bodies``: one when it fits (``fits(layout)``), else as above."""
    whole = chart_layout(model, ratio=ratio, bodies=bodies)
    if fits(whole):
        return [ChartPage("The whole structure", whole)]
    tier = {box.id: box.tier for box in whole.boxes()}
    under: dict[str, list[str]] = {}
    for line in whole.connectors():
        if not line.second:
            under.setdefault(line.parent, []).append(line.child)
    order = [box.id for box in whole.boxes()]
    deepest = 0
    for depth in range(1, max(tier.values()) + 1):
        if not fits(
            chart_layout(model, ratio=ratio, bodies=[b for b in order if tier[b] <= depth])
        ):
            break
        deepest = depth
    top_tiers = [b for b in order if tier[b] <= deepest]
    what = "the top tier" if deepest == 0 else f"the top {deepest + 1} tiers"
    pages = _parts(model, f"Overview: {what}", None, top_tiers, fits, ratio)
    for body in order:
        if tier[body] == deepest and body in under:
            pages += _subtree_pages(model, body, under, fits, ratio)
    return pages


def _subtree_pages(
    model: Model, body: str, under: dict[str, list[str]], fits: Fits, ratio: float
) -> list[ChartPage]:
    name = model.bodies[body].name
    subtree = [body]
    for member in subtree:  # grows as it is read: breadth first
        subtree += under.get(member, [])
    layout = chart_layout(model, ratio=ratio, bodies=subtree)
    if fits(layout):
        return [ChartPage(f"{name} and the bodies under it", layout, body)]
    pages = _parts(
        model, f"{name} and the bodies directly under it", body, under[body], fits, ratio
    )
    for child in under[body]:
        if child in under:
            pages += _subtree_pages(model, child, under, fits, ratio)
    return pages


def _parts(
    model: Model, title: str, parent: str | None, bodies: list[str], fits: Fits, ratio: float
) -> list[ChartPage]:
    """``bodies`` (under ``parent``, drawn on each page) on as few equal parts as fit."""
    head = [parent] if parent else []

    def layouts(size: int) -> list[Layout]:
        count = -(-len(bodies) // size)
        size = -(-len(bodies) // count)  # parts of about equal size
        return [
            chart_layout(model, ratio=ratio, bodies=head + bodies[i : i + size])
            for i in range(0, len(bodies), size)
        ]

    size = len(bodies)
    while size > 1 and not fits(chart_layout(model, ratio=ratio, bodies=head + bodies[:size])):
        size = max(1, size * 3 // 4)  # about as many as fit on the first part
    drawn = layouts(size)
    while size > 1 and not all(fits(layout) for layout in drawn):
        size = max(1, size * 9 // 10)
        drawn = layouts(size)
    if len(drawn) == 1:
        return [ChartPage(title, drawn[0])]
    return [
        ChartPage(f"{title} (part {i} of {len(drawn)})", layout)
        for i, layout in enumerate(drawn, 1)
    ]
