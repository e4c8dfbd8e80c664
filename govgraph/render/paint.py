"""Draw a tiered layout onto a canvas: the one drawing that SVG, PDF and PNG all share.

A :class:`Canvas` knows five strokes (rectangle, polyline, polygon, text, and a
group around one body's marks); :mod:`~govgraph.render.svg` writes them as SVG
elements and :mod:`~govgraph.render.cairo` paints them with cairo. The chart
looks as the page does (:mod:`~govgraph.render.styles`): each kind's fill and
border, a thick red border for a body with errors and a dashed amber one for
warnings, with the counts written in the box too ("⚠ 2 errors"), so that the
marks survive greyscale printing.

Lines: a two-way reporting line is solid; a one-way line is dashed with an
arrowhead on the end the reports go to; a body's reporting line to a second
parent is drawn thinner and grey (its first parent is the one it sits under).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from govgraph.audit import AuditResult
from govgraph.dates import is_current
from govgraph.findings import Finding
from govgraph.render.labels import FONT_SIZE, measure
from govgraph.render.styles import BODY_STYLES, LINKS, MARKS, style_of
from govgraph.render.tiers import CAPTION_HEIGHT, LINE_HEIGHT, PAD_Y, Box, Connector

FONT_FAMILY = "DejaVu Sans"
CAPTION_SIZE = 10.5
CAPTION_MIN = 9.0  # a caption is shrunk to fit its box, down to this size
SECOND_LINE = "#8a8a8a"
Dash = tuple[float, ...] | None


class Canvas(Protocol):
    def rect(self, x: float, y: float, width: float, height: float, *, fill: str,
             stroke: str, stroke_width: float, dash: Dash = None,
             radius: float = 0) -> None: ...  # fmt: skip

    def polyline(self, points: Sequence[tuple[float, float]], *, stroke: str,
                 stroke_width: float, dash: Dash = None) -> None: ...  # fmt: skip

    def polygon(self, points: Sequence[tuple[float, float]], *, fill: str) -> None: ...

    def text(self, x: float, y: float, text: str, *, size: float, anchor: str = "middle",
             bold: bool = False, colour: str = "#000000") -> None: ...  # fmt: skip

    def group(self, body: str, title: str, href: str | None) -> None: ...

    def end_group(self) -> None: ...


@dataclass(frozen=True)
class Facts:
    """What the chart writes about each drawn body, on the audit's date."""

    title: str
    as_of: date
    kinds: dict[str, str]
    names: dict[str, str]
    members: dict[str, int]  # current memberships
    errors: dict[str, int]
    warnings: dict[str, int]
    directions: dict[tuple[str, str], str]  # (child, parent): "both", "up" or "down"
    ended: dict[str, str]  # a body not current on the date: "dissolved 2021-03-31"
    #: About the drawn bodies, their memberships and members (and holders of member posts).
    findings: list[Finding]


def facts_of(result: AuditResult, bodies: Iterable[str], title: str | None = None) -> Facts:
    model, on = result.model, result.as_of
    drawn = list(bodies)
    chosen = set(drawn)
    members: dict[str, int] = {}
    directions: dict[tuple[str, str], str] = {}
    for body_id in drawn:
        body = model.bodies[body_id]
        members[body_id] = sum(1 for m in body.members if is_current(m, on))
        for line in body.reports_to:
            if line.body in chosen:
                directions.setdefault((body_id, line.body), line.direction)
    ended = {}
    for body_id in drawn:
        body = model.bodies[body_id]
        if body.end is not None and body.end < on:
            ended[body_id] = f"dissolved {body.end.isoformat()}"
        elif body.start is not None and body.start > on:
            ended[body_id] = f"from {body.start.isoformat()}"
    # As on the page: about a drawn body, a member of one, or the holder of a post that is.
    around = set(chosen)
    for body_id in drawn:
        around.update(m.member for m in model.bodies[body_id].members)
    for post in around & model.posts.keys():
        around.update(holder.person for holder in model.posts[post].holders)
    shown = [f for f in result.findings if f.subject.split("/", 1)[0] in around]
    errors = Counter(f.subject.split("/", 1)[0] for f in shown if f.severity.value == "error")
    warnings = Counter(f.subject.split("/", 1)[0] for f in shown if f.severity.value == "warning")
    return Facts(
        title=title or model.name,
        as_of=on,
        kinds={b: model.bodies[b].kind for b in drawn},
        names={b: model.bodies[b].name for b in drawn},
        members=members,
        errors=dict(errors),
        warnings=dict(warnings),
        directions=directions,
        ended=ended,
        findings=shown,
    )


def caption(facts: Facts, body: str, width: float, note: str = "") -> str:
    """The counts line of a box, as much as fits in ``width``: "8 members · ⚠ 1 error,
    2 warnings", else "8 members · ⚠ 3 findings", else "8 members · ⚠ 3"; ``note``
    (where the body's subtree continues, "p. 4") goes last and is kept the longest."""
    n = facts.members.get(body, 0)
    members = f"{n} member{'' if n == 1 else 's'}"
    if facts.ended.get(body):
        members = facts.ended[body]
    errors, warnings = facts.errors.get(body, 0), facts.warnings.get(body, 0)
    tail = [f"→ {note}"] if note else []
    if not errors + warnings:
        return " · ".join([members, *tail])
    counts = ", ".join(c for c in (_count(errors, "error"), _count(warnings, "warning")) if c)
    total = errors + warnings
    candidates = [
        [members, f"⚠ {counts}", *tail],
        [members, f"⚠ {_count(total, 'finding')}", *tail],
        [members, f"⚠ {total}", *tail],
    ]
    for parts in candidates:
        text = " · ".join(parts)
        if measure(text) * CAPTION_MIN / FONT_SIZE <= width:
            return text
    return " · ".join(candidates[-1] if not tail else [f"⚠ {total}", *tail])


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}" if n else ""


def draw_chart(
    canvas: Canvas,
    boxes: Iterable[Box],
    connectors: Iterable[Connector],
    facts: Facts,
    *,
    dx: float = 0,
    dy: float = 0,
    href: Callable[[str], str | None] = lambda body: None,
    notes: Mapping[str, str] | None = None,
) -> None:
    """The connectors, then the boxes over them, shifted by (dx, dy); ``href`` links a body,
    ``notes`` says on which page a body's subtree continues."""
    for line in connectors:
        draw_connector(
            canvas, line, facts.directions.get((line.child, line.parent), "both"), dx, dy
        )
    for box in boxes:
        draw_box(canvas, box, facts, dx, dy, href(box.id), (notes or {}).get(box.id, ""))


def draw_connector(canvas: Canvas, line: Connector, direction: str, dx: float, dy: float) -> None:
    points = [(x + dx, y + dy) for x, y in line.points]
    colour = SECOND_LINE if line.second else LINKS["reports"]
    dash = None if direction == "both" else (6.0, 4.0)
    canvas.polyline(points, stroke=colour, stroke_width=1 if line.second else 1.5, dash=dash)
    if direction == "up":  # from the child to the parent: the head at the parent's end
        canvas.polygon(_arrowhead(points[-2], points[-1]), fill=colour)
    elif direction == "down":
        canvas.polygon(_arrowhead(points[1], points[0]), fill=colour)


def draw_box(
    canvas: Canvas,
    box: Box,
    facts: Facts,
    dx: float,
    dy: float,
    href: str | None,
    note: str = "",
) -> None:
    kind = facts.kinds.get(box.id, "other")
    style = style_of(kind)
    x, y = box.x + dx, box.y + dy
    canvas.group(box.id, f"{facts.names.get(box.id, box.id)} ({style.singular})", href)
    mark = MARKS.get("error" if facts.errors.get(box.id) else "warning") if (
        facts.errors.get(box.id) or facts.warnings.get(box.id)
    ) else None  # fmt: skip
    radius = 16 if style.shape == "ellipse" else (7 if style.rounded else 1.5)
    if mark is None:
        canvas.rect(x, y, box.width, box.height, fill=style.fill, stroke=style.border,
                    stroke_width=1.5, radius=radius)  # fmt: skip
    else:
        dashes = mark["dashes"]
        dash = tuple(float(d) for d in dashes) if isinstance(dashes, list) else None
        canvas.rect(x, y, box.width, box.height, fill=style.fill, stroke=str(mark["border"]),
                    stroke_width=3, dash=dash, radius=radius)  # fmt: skip
    middle = x + box.width / 2
    text_height = len(box.lines) * LINE_HEIGHT + CAPTION_HEIGHT
    top = y + (box.height - text_height) / 2
    for i, line in enumerate(box.lines):
        canvas.text(middle, top + i * LINE_HEIGHT + FONT_SIZE * 0.95, line, size=FONT_SIZE)
    colour = str(MARKS["error"]["border"]) if facts.errors.get(box.id) else "#333333"
    words = caption(facts, box.id, box.width - 10, note)
    size = CAPTION_SIZE
    while size > CAPTION_MIN and measure(words) * size / FONT_SIZE > box.width - 10:
        size -= 0.5
    canvas.text(middle, top + len(box.lines) * LINE_HEIGHT + CAPTION_HEIGHT - 3, words,
                size=size, colour=colour)  # fmt: skip
    canvas.end_group()


def _arrowhead(
    start: tuple[float, float], end: tuple[float, float], size: float = 7
) -> list[tuple[float, float]]:
    """A triangle pointing along start → end (an axis-aligned segment), tip at ``end``."""
    (x0, y0), (x1, y1) = start, end
    ux = (x1 > x0) - (x1 < x0)
    uy = (y1 > y0) - (y1 < y0)
    bx, by = x1 - ux * size, y1 - uy * size
    return [
        (x1, y1),
        (bx - uy * size / 2, by + ux * size / 2),
        (bx + uy * size / 2, by - ux * size / 2),
    ]


# --- the legend ---------------------------------------------------------------------------


@dataclass(frozen=True)
class LegendItem:
    kind: str  # "box", "mark" or "line"
    text: str
    fill: str = "#ffffff"
    stroke: str = "#000000"
    dash: Dash = None
    radius: float = 2
    arrow: bool = False


def legend_items(facts: Facts, has_second: bool) -> list[LegendItem]:
    """What this chart's marks mean: the kinds drawn, the finding marks, the lines."""
    present = Counter(facts.kinds.values())
    items = []
    for kind, style in BODY_STYLES.items():
        if present[kind]:
            radius = 7 if style.shape == "ellipse" else (5 if style.rounded else 1)
            items.append(LegendItem("box", style.label, style.fill, style.border, radius=radius))
    error, warning = MARKS["error"], MARKS["warning"]
    items.append(LegendItem("mark", "Errors found", "#ffffff", str(error["border"])))
    items.append(LegendItem("mark", "Warnings found", "#ffffff", str(warning["border"]), (6, 4)))
    items.append(LegendItem("line", "Reports both ways", stroke=LINKS["reports"]))
    items.append(
        LegendItem("line", "Reports one way", stroke=LINKS["reports"], dash=(6, 4), arrow=True)
    )
    if has_second:
        items.append(LegendItem("line", "Also reports to", stroke=SECOND_LINE))
    return items


LEGEND_ROW = 22
SWATCH = 26


def legend_height(items: Sequence[LegendItem], width: float) -> float:
    return len(_legend_rows(items, width)) * LEGEND_ROW


def draw_legend(
    canvas: Canvas, items: Sequence[LegendItem], x: float, y: float, width: float
) -> float:
    """The legend in rows from (x, y), within ``width``; returns its height."""
    rows = _legend_rows(items, width)
    for r, row in enumerate(rows):
        left = x
        top = y + r * LEGEND_ROW
        for item in row:
            middle = top + LEGEND_ROW / 2
            if item.kind == "line":
                canvas.polyline([(left, middle), (left + SWATCH, middle)], stroke=item.stroke,
                                stroke_width=1.5, dash=item.dash)  # fmt: skip
                if item.arrow:
                    canvas.polygon(_arrowhead((left, middle), (left + SWATCH, middle), 6),
                                   fill=item.stroke)  # fmt: skip
            else:
                width_ = 3 if item.kind == "mark" else 1.5
                canvas.rect(left, middle - 7, SWATCH, 14, fill=item.fill, stroke=item.stroke,
                            stroke_width=width_, dash=item.dash, radius=item.radius)  # fmt: skip
            canvas.text(left + SWATCH + 6, middle + 4, item.text, size=FONT_SIZE, anchor="start")
            left += _item_width(item)
    return len(rows) * LEGEND_ROW


def _item_width(item: LegendItem) -> float:
    return SWATCH + 6 + measure(item.text) + 22


def _legend_rows(items: Sequence[LegendItem], width: float) -> list[list[LegendItem]]:
    rows: list[list[LegendItem]] = [[]]
    used = 0.0
    for item in items:
        if rows[-1] and used + _item_width(item) > width:
            rows.append([])
            used = 0.0
        rows[-1].append(item)
        used += _item_width(item)
    return rows


__all__ = ["FONT_FAMILY", "PAD_Y", "Canvas", "Facts", "draw_chart", "facts_of"]
