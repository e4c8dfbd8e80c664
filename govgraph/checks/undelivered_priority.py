"""undelivered-priority: a priority of a current plan that no current body delivers.

A plan (``plans:``) lists its priorities; a body delivers one by naming it in
``delivers: [PLAN/PRIORITY]``. When no body current on the date delivers a
priority, the plan's owner is reviewing progress on something nobody is doing:
the sub-group that delivered it was dissolved, or it was never given to one.

Only plans current on the date are judged (a plan without ``from``/``to`` always
is). The finding points at the priority; an ``ignore`` on the priority, or on
the plan, accepts it.

Passes::

    plans:
      - id: cypp
        name: Children and Young People's Plan
        owner: cyp-board
        priorities:
          - {id: early-help, name: Help families early}
    bodies:
      - {id: cyp-board, name: CYP Partnership Board, root: true}
      - id: early-help-group
        name: Early Help Partnership
        reports_to: [{body: cyp-board}]
        delivers: [cypp/early-help]

Fails (on 2023-07-07, the group that delivered it was dissolved in 2022)::

    plans:
      - id: cypp
        name: Children and Young People's Plan
        owner: cyp-board
        priorities:
          - {id: early-help, name: Help families early}
    bodies:
      - {id: cyp-board, name: CYP Partnership Board, root: true}
      - id: early-help-group
        name: Early Help Partnership
        dissolved: 2022-03-31
        reports_to: [{body: cyp-board}]
        delivers: [cypp/early-help]

Fix (none): add the priority to the ``delivers`` of the body now responsible
for it, or take it out of the plan when the plan was changed. ``govgraph fix``
writes nothing for it: which body took the priority on is not in the model.
"""

from __future__ import annotations

from collections.abc import Iterator

from govgraph.checks.base import Context, Problem
from govgraph.findings import Severity
from govgraph.fix.changes import Applicability
from govgraph.plans import current_plans, deliverers, priority_key

SLUG = "undelivered-priority"
SEVERITY = Severity.WARNING
SUMMARY = "a priority of a current plan that no current body delivers"
FIX = Applicability.NONE


def check(context: Context) -> Iterator[Problem]:
    model, on = context.model, context.on
    plans = current_plans(model, on)
    if not plans:
        return
    delivered = deliverers(model, on)
    for plan in plans:
        for priority in plan.priorities:
            key = priority_key(plan.id, priority.id)
            if key in delivered:
                continue
            owner = f", which {model.name_of(plan.owner)} oversees," if plan.owner else ""
            message = (
                f"no current body delivers '{priority.name}' ({key}) of {plan.name}{owner} "
                f"on {on}; add {key} to the delivers: of the body responsible for it"
            )
            yield Problem(key, message, priority, (priority, plan))
