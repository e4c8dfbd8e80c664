"""Structure insights: the shape of the whole, read back to the people who run it.

``insights(model, graph, on)`` answers the questions no single check does: how
many tiers, how top-heavy, which bodies and lines everything hangs on, whose
departure would leave bodies short, who combines roles, which bodies largely
duplicate each other, who is expected at how many meetings, and whether each
plan's priorities are delivered and reach the plan's owner. It returns one
:class:`Insights` value of plain data; the command, the chart and the pack only
format it (``to_json()`` is the shape ``govgraph insights --format json`` prints).

>>> from govgraph import load, build_graph                     # doctest: +SKIP
>>> model = load("models/worcestershire")                      # doctest: +SKIP
>>> found = insights(model, build_graph(model), date(2026, 12, 1))  # doctest: +SKIP
>>> found.shape.tiers[0]                                       # doctest: +SKIP
['council']
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

import networkx as nx

from govgraph.insights.delivery import PlanDelivery, PriorityDelivery, plan_delivery
from govgraph.insights.overlap import LargeBody, Overlap, large_bodies, overlaps
from govgraph.insights.people import (
    CombinedRoles,
    KeyMember,
    Load,
    combined_roles,
    key_members,
    load,
)
from govgraph.insights.scope import build_scope
from govgraph.insights.structure import (
    OnlyLink,
    Shape,
    SinglePoint,
    only_links,
    shape,
    single_points,
)
from govgraph.model import Model


@dataclass(frozen=True)
class Insights:
    """Every insight of one model on one date (see :func:`insights`)."""

    as_of: date
    #: The bodies the insights were asked about (None: every current body).
    selection: list[str] | None
    shape: Shape
    single_points: list[SinglePoint]
    only_links: list[OnlyLink]
    key_members: list[KeyMember]
    combined_roles: list[CombinedRoles]
    overlaps: list[Overlap]
    overlap_threshold: float
    large_bodies: list[LargeBody]
    large_membership: int
    load: list[Load]
    plans: list[PlanDelivery]

    @property
    def priorities(self) -> list[PriorityDelivery]:
        return [priority for plan in self.plans for priority in plan.priorities]

    def about(self, body: str) -> list[str]:
        """One line for each finding that concerns ``body``: for a details panel."""
        return [line for subject, line in _about(self) if body in subject]

    def to_json(self) -> dict[str, Any]:
        """The insights as one JSON-ready object (the keys docs/insights.md lists)."""
        shape_data = self.shape
        return {
            "as_of": self.as_of.isoformat(),
            "selection": self.selection,
            "tiers": shape_data.tiers,
            "shape": {
                "depth": shape_data.depth,
                "longest_chain": shape_data.longest_chain,
                "spans": shape_data.spans,
                "bodies": shape_data.bodies,
                "top_two_tiers_bodies": shape_data.top_bodies,
                "top_two_tiers_body_share": shape_data.top_body_share,
                "seats": shape_data.seats,
                "top_two_tiers_seats": shape_data.top_seats,
                "top_two_tiers_seat_share": shape_data.top_seat_share,
                "unreached": shape_data.unreached,
            },
            "single_points": [asdict(point) for point in self.single_points],
            "only_links": [asdict(link) for link in self.only_links],
            "key_members": [asdict(key) for key in self.key_members],
            "combined_roles": [asdict(person) for person in self.combined_roles],
            "overlap_threshold": self.overlap_threshold,
            "overlaps": [
                {**asdict(overlap), "bodies": list(overlap.bodies)} for overlap in self.overlaps
            ],
            "large_membership": self.large_membership,
            "large_bodies": [asdict(large) for large in self.large_bodies],
            "load": [{**asdict(item), "unscheduled": item.unscheduled} for item in self.load],
            "plans": [
                {
                    "plan": plan.plan,
                    "owner": plan.owner,
                    "review": plan.review,
                    "undelivered": plan.undelivered,
                    "delivering_nothing": plan.delivering_nothing,
                }
                for plan in self.plans
            ],
            "priorities": [
                {**asdict(p), "reaches_owner": p.reaches_owner} for p in self.priorities
            ],
        }


def insights(
    model: Model,
    graph: nx.MultiDiGraph,
    on: date,
    bodies: set[str] | None = None,
    overlap_threshold: float | None = None,
) -> Insights:
    """The insights of ``model`` on ``on``; ``bodies`` limits them to those bodies (as
    ``--bodies`` does: their tops are the bodies reporting out of the choice)."""
    scope = build_scope(graph, model, on, bodies)
    settings = model.settings
    threshold = settings.overlap_threshold if overlap_threshold is None else overlap_threshold
    return Insights(
        as_of=on,
        selection=None if bodies is None else list(scope.bodies),
        shape=shape(scope),
        single_points=single_points(scope),
        only_links=only_links(scope),
        key_members=key_members(scope),
        combined_roles=combined_roles(scope),
        overlaps=overlaps(scope, threshold),
        overlap_threshold=threshold,
        large_bodies=large_bodies(scope, settings.large_membership),
        large_membership=settings.large_membership,
        load=load(scope),
        plans=plan_delivery(scope),
    )


def _about(found: Insights) -> list[tuple[set[str], str]]:
    lines: list[tuple[set[str], str]] = []
    for point in found.single_points:
        lines.append(
            (
                {point.body},
                f"single point: {len(point.cut_off)} bodies reach the top only through it",
            )
        )
        for body in point.cut_off:
            lines.append(({body}, f"reaches the top only through {point.body}"))
    for link in found.only_links:
        lines.append(
            (
                {link.child},
                f"its line to {link.parent} is the only link of {len(link.cut_off)} bodies",
            )
        )
    for key in found.key_members:
        for body in key.chairs:
            lines.append(({body}, f"only {key.member} chairs it"))
        for body in key.statutory_for:
            lines.append(({body}, f"{key.member} is its only statutory member of a kind"))
        for body in key.quorum_for:
            lines.append(({body}, f"without {key.member} it would not be quorate"))
    for overlap in found.overlaps:
        a, b = overlap.bodies
        lines.append(({a}, f"shares {overlap.shared} members ({overlap.ratio:.0%}) with {b}"))
        lines.append(({b}, f"shares {overlap.shared} members ({overlap.ratio:.0%}) with {a}"))
    for large in found.large_bodies:
        lines.append(({large.body}, f"{large.seats} seats, more than {found.large_membership}"))
    for priority in found.priorities:
        for body in priority.delivered_by:
            reach = "" if priority.chains[body] else ", but does not report to the plan's owner"
            lines.append(({body}, f"delivers {priority.plan}/{priority.priority}{reach}"))
    return lines


__all__ = ["Insights", "insights"]
