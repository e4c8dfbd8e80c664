"""reporting-cycle: bodies that report to themselves through a chain.

A reporting structure is a hierarchy: following ``reports_to`` upwards must
end at a root, never come back to where it started. A cycle usually means a
line was written the wrong way round (the parent lists the child), or a body
lists itself. Only reporting lines between bodies current on the date count,
whatever their ``direction``, so a cycle through a dissolved or not yet
established body is not reported.

Each distinct cycle is one finding. Its subject is the body of the cycle that
comes first in the model, and it points at that body's reporting line into the
cycle (an ``ignore`` on that line or on that body accepts it). A tangle of
lines can hold very many cycles; at most 20 are reported per tangle, which is
plenty to show what to untangle.

Passes::

    bodies:
      - {id: council, name: Full Council, root: true}
      - {id: hwb, name: Health and Wellbeing Board, reports_to: [{body: council}]}
      - {id: cyp, name: Children's Partnership, reports_to: [{body: hwb}]}

Fails (the Board lists its own sub-group as its parent)::

    bodies:
      - {id: council, name: Full Council, root: true}
      - {id: hwb, name: Health and Wellbeing Board, reports_to: [{body: cyp}]}
      - {id: cyp, name: Children's Partnership, reports_to: [{body: hwb}]}

Fix (none): remove or redirect one line of the cycle so that the chain ends at
a root body; a line written on the parent instead of the child is the usual
culprit. ``govgraph fix`` writes nothing for it: which line of the cycle is
wrong is for a person to decide.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

import networkx as nx

from govgraph.checks.base import Context, Problem
from govgraph.findings import Severity
from govgraph.fix.changes import Applicability

SLUG = "reporting-cycle"
SEVERITY = Severity.ERROR
SUMMARY = "bodies that report to themselves through a chain"
FIX = Applicability.NONE

#: Cycles reported per strongly connected tangle of lines (their number can explode).
MAX_CYCLES_PER_TANGLE = 20


def check(context: Context) -> Iterator[Problem]:
    tree = _cyclic_part(context)
    order = {body_id: index for index, body_id in enumerate(context.model.bodies)}
    for tangle in nx.strongly_connected_components(tree):
        if len(tangle) == 1 and not any(tree.has_edge(b, b) for b in tangle):
            continue
        # Bounded so that a dense tangle cannot make the audit run for ever.
        cycles = islice(nx.simple_cycles(tree.subgraph(tangle)), MAX_CYCLES_PER_TANGLE)
        for cycle in sorted(_starting_first(cycle, order) for cycle in cycles):
            yield _problem(context, tree, [body for _, body in cycle])


def _cyclic_part(context: Context) -> nx.DiGraph:
    """The child -> parent lines among the bodies that could lie on a cycle.

    Following single reporting lines up from a body on a cycle goes round the
    cycle for ever, so a cycle that reaches a root either passes through a body
    that reports to more than one, or has the root itself on it (a root that
    also reports somewhere). Searching up from such bodies and from those that
    reach no root, networkx looks at a few hundred bodies, not 20,000 nationally.
    """
    parents, roots, reaching = context.parents, context.roots, context.reaching_root
    waiting = [
        body
        for body, lines in parents.items()
        if len(lines) > 1 or (lines and body in roots) or body not in reaching
    ]
    found = set(waiting)
    while waiting:
        for parent, _ in parents[waiting.pop()]:
            if parent not in found:
                found.add(parent)
                waiting.append(parent)
    tree = nx.DiGraph()
    for child, lines in parents.items():  # in model order, for a stable search
        if child in found:
            for parent, line in lines:
                tree.add_edge(child, parent, line=line)
    return tree


def _starting_first(cycle: list[str], order: dict[str, int]) -> list[tuple[int, str]]:
    """The cycle rotated to start at the body written first in the model (stable output)."""
    start = min(range(len(cycle)), key=lambda i: order[cycle[i]])
    rotated = cycle[start:] + cycle[:start]
    return [(order[body], body) for body in rotated]


def _problem(context: Context, tree: nx.DiGraph, cycle: list[str]) -> Problem:
    model = context.model
    first = model.bodies[cycle[0]]
    following = cycle[1] if len(cycle) > 1 else cycle[0]
    line = tree.edges[first.id, following]["line"]
    if len(cycle) == 1:
        message = (
            f"{first.name} lists itself in reports_to, so it reports to itself; "
            "remove that line and point it at the body it really reports to"
        )
    else:
        chain = " → ".join(model.bodies[b].name for b in [*cycle, cycle[0]])
        message = (
            f"{first.name} reports to itself through a chain: {chain}; "
            "remove or redirect one of these reporting lines so the chain ends at a root body"
        )
    return Problem(first.id, message, line, (line, first))
