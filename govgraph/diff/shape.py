"""The change in the structure's shape between two versions or two dates.

The figures are the insights' (:mod:`govgraph.insights`): bodies in each tier,
the depth, the share of bodies and of seats in the top two tiers, and the pairs
of bodies whose members largely coincide. A restructure that promised a flatter,
less duplicated structure can be shown to have delivered one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from govgraph.graph import build_graph
from govgraph.insights.overlap import overlaps
from govgraph.insights.scope import build_scope
from govgraph.insights.structure import shape
from govgraph.model import Model


@dataclass(frozen=True)
class ShapeFigures:
    """The shape of one side of a diff."""

    on: date
    tiers: list[int]
    top_body_share: float
    top_seat_share: float
    #: "a & b" -> the share of the smaller body's members they share.
    overlaps: dict[str, float]


@dataclass(frozen=True)
class ShapeChange:
    before: ShapeFigures
    after: ShapeFigures

    @property
    def gained(self) -> list[str]:
        return [pair for pair in self.after.overlaps if pair not in self.before.overlaps]

    @property
    def lost(self) -> list[str]:
        return [pair for pair in self.before.overlaps if pair not in self.after.overlaps]

    @property
    def changed(self) -> bool:
        a, b = self.before, self.after
        return (a.tiers, a.top_body_share, a.top_seat_share, a.overlaps) != (
            b.tiers, b.top_body_share, b.top_seat_share, b.overlaps
        )  # fmt: skip

    def lines(self) -> list[str]:
        """What changed, one line each (nothing when the shape is the same)."""
        if not self.changed:
            return []
        a, b = self.before, self.after
        out = [
            f"tiers (bodies in each): {_tiers(a.tiers)} → {_tiers(b.tiers)}",
            f"top two tiers: {a.top_body_share:.0%} of bodies → {b.top_body_share:.0%}; "
            f"{a.top_seat_share:.0%} of seats → {b.top_seat_share:.0%}",
        ]
        out += [f"overlap gained: {pair} ({b.overlaps[pair]:.0%})" for pair in self.gained]
        out += [f"overlap lost: {pair} ({a.overlaps[pair]:.0%})" for pair in self.lost]
        return out

    def as_dict(self) -> dict[str, Any]:
        def side(figures: ShapeFigures) -> dict[str, Any]:
            return {
                "as_of": figures.on.isoformat(),
                "tiers": figures.tiers,
                "depth": len(figures.tiers),
                "top_two_tiers_body_share": figures.top_body_share,
                "top_two_tiers_seat_share": figures.top_seat_share,
                "overlaps": len(figures.overlaps),
            }

        return {
            "before": side(self.before),
            "after": side(self.after),
            "overlaps_gained": self.gained,
            "overlaps_lost": self.lost,
        }


def shape_figures(model: Model, on: date) -> ShapeFigures:
    """The shape figures of ``model`` on ``on``."""
    scope = build_scope(build_graph(model), model, on)
    figures = shape(scope)
    pairs = {
        f"{model.name_of(o.bodies[0])} & {model.name_of(o.bodies[1])}": o.ratio
        for o in overlaps(scope, model.settings.overlap_threshold)
    }
    return ShapeFigures(
        on, [len(tier) for tier in figures.tiers], figures.top_body_share,
        figures.top_seat_share, pairs,
    )  # fmt: skip


def _tiers(sizes: list[int]) -> str:
    return ", ".join(map(str, sizes)) or "none"
