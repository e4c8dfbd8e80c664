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

from collections.abc import Callable
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

    def about(self, body: str, name: Callable[[str], str] = str) -> list[str]:
        """One sentence for each finding that concerns ``body``, for a details panel;
        ``name`` turns ids into names (``model.name_of``; the ids themselves by default)."""
        return [line for subject, line in _about(self, name) if subject == body]

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


def _about(found: Insights, name: Callable[[str], str]) -> list[tuple[str, str]]:
    """(body id, a sentence about it) for every finding, in the order of the sections."""
    lines: list[tuple[str, str]] = []
    for point in found.single_points:
        cut = len(point.cut_off)
        lines.append((point.body, f"single point: {cut} bodies reach the top only through it"))
        lines += [
            (body, f"reaches the top only through {name(point.body)}") for body in point.cut_off
        ]
    for link in found.only_links:
        joined = f"its line to {name(link.parent)} alone joins {len(link.cut_off)} bodies"
        lines.append((link.child, f"{joined} to the rest"))
    for key in found.key_members:
        who = name(key.member)
        lines += [(body, f"only {who} chairs it") for body in key.chairs]
        lines += [(body, f"without {who} it would not meet its membership rules")
                  for body in key.statutory_for]  # fmt: skip
        lines += [(body, f"without {who} it would not be quorate") for body in key.quorum_for]
    for overlap in found.overlaps:
        a, b = overlap.bodies
        share = f"{overlap.shared} members ({overlap.ratio:.0%})"
        lines += [(a, f"shares {share} with {name(b)}"), (b, f"shares {share} with {name(a)}")]
    for large in found.large_bodies:
        lines.append((large.body, f"{large.seats} seats, more than {found.large_membership}"))
    for priority in found.priorities:
        for body in priority.delivered_by:
            reach = "" if priority.chains[body] else ", but does not report to the plan's owner"
            lines.append((body, f"delivers {priority.name}{reach}"))
    return lines


__all__ = ["Insights", "insights"]
