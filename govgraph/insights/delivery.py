"""Plans and priorities: who delivers each, and whether it reaches the plan's owner.

A priority's delivery **reaches the owner** when a body delivering it is the
owner or reports to it, directly or through other bodies
(:func:`networkx.shortest_path` over the reporting lines of the date): the
owner can then review it as the plan says. Bodies below the owner that deliver
none of the plan's priorities are listed too.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from govgraph.insights.scope import Scope
from govgraph.plans import current_plans, deliverers, priority_key


@dataclass(frozen=True)
class PriorityDelivery:
    """One priority of a current plan and the bodies delivering it."""

    plan: str
    priority: str
    name: str
    delivered_by: list[str]
    #: For each deliverer, its chain of reporting lines up to the owner (empty: none).
    chains: dict[str, list[str]]

    @property
    def reaches_owner(self) -> bool:
        return any(self.chains.values())


@dataclass(frozen=True)
class PlanDelivery:
    """A current plan: its owner, its priorities, and the bodies below the owner
    that deliver none of them."""

    plan: str
    owner: str | None
    review: str | None
    priorities: list[PriorityDelivery]
    delivering_nothing: list[str]

    @property
    def undelivered(self) -> list[str]:
        return [p.priority for p in self.priorities if not p.delivered_by]


def plan_delivery(scope: Scope) -> list[PlanDelivery]:
    """Each plan current on the date that concerns the scope (its owner or one of
    its deliverers is in it)."""
    model, on, whole = scope.model, scope.on, scope.whole
    delivered = deliverers(model, on)
    inside = set(scope.bodies)
    found = []
    for plan in current_plans(model, on):
        keys = [priority_key(plan.id, p.id) for p in plan.priorities]
        involved = {plan.owner, *(b for key in keys for b in delivered.get(key, ()))}
        if not involved & inside:
            continue
        priorities = [
            PriorityDelivery(
                plan.id,
                priority.id,
                priority.name,
                delivered.get(key, []),
                {body: _chain(whole, body, plan.owner) for body in delivered.get(key, [])},
            )
            for priority, key in zip(plan.priorities, keys, strict=True)
        ]
        delivering = {body for p in priorities for body in p.delivered_by}
        below = (
            nx.ancestors(whole, plan.owner)
            if plan.owner is not None and plan.owner in whole
            else set()
        )
        idle = [body for body in scope.bodies if body in below and body not in delivering]
        found.append(PlanDelivery(plan.id, plan.owner, plan.review, priorities, idle))
    return found


def _chain(whole: nx.DiGraph, body: str, owner: str | None) -> list[str]:
    if owner is None or body not in whole or owner not in whole:
        return []
    try:
        chain: list[str] = nx.shortest_path(whole, body, owner)
    except nx.NetworkXNoPath:
        return []
    return chain
