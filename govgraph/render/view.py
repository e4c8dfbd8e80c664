"""Which bodies a chart draws: everything, a focus with its chain, or a readable slice.

A chart covers the model's whole history (the date slider in the page moves
across it), so the structure used here is every reporting line ever declared
between bodies, whatever the date: a dissolved body keeps its place and is
greyed out on dates when it did not exist, instead of vanishing from the view.

* ``bodies``: exactly those (a selection made elsewhere, e.g. ``--bodies``);
* ``focus`` with ``up``/``down``: one body, ``up`` levels of what it reports to
  and ``down`` levels of what reports to it (``None``: all the way);
* ``down`` alone: the tops of the structure and ``down`` levels below them;
* otherwise every body. A view of more than :data:`LARGE_MODEL` bodies is too
  many to read at once: the page opens it on its overview (one box per top
  body, with its counts, expanded in place on a click), unless ``whole=True``
  (``render --all``), which opens it with every block expanded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from govgraph.errors import GovgraphError
from govgraph.explain import suggest
from govgraph.graph import model_of

#: Above this many bodies the page opens on the overview (labels stay at least 12 px when
#: fitted to a 1400 by 900 screen up to about this many).
LARGE_MODEL = 60


@dataclass(frozen=True)
class View:
    """The bodies to draw (in model order) and a sentence saying what they are."""

    bodies: tuple[str, ...]
    description: str
    partial: bool = False  # True when the view leaves bodies out without being asked to
    focus: str | None = None  # the focused body's id


def structure(graph: nx.MultiDiGraph) -> nx.DiGraph:
    """Child -> parent edges for every reporting line between bodies, on any date.

    Cached on the graph (which is not changed after it is built): treat it as read-only.
    """
    cached: nx.DiGraph | None = graph.graph.get("_structure")
    if cached is not None:
        return cached
    model = model_of(graph)
    tree = nx.DiGraph()
    tree.add_nodes_from(model.bodies)
    for body, line in model.reporting_lines():
        if line.body in model.bodies:
            tree.add_edge(body.id, line.body)
    graph.graph["_structure"] = tree
    return tree


def tops(graph: nx.MultiDiGraph) -> list[str]:
    """The bodies a chart hangs from: those marked ``root: true``, else those reporting to none."""
    model = model_of(graph)
    roots = [b.id for b in model.bodies.values() if b.root]
    if roots:
        return roots
    tree = structure(graph)
    return [b for b in model.bodies if tree.out_degree(b) == 0]


def choose_view(
    graph: nx.MultiDiGraph,
    *,
    focus: str | None = None,
    up: int | None = None,
    down: int | None = None,
    bodies: Iterable[str] | None = None,
    whole: bool = False,
) -> View:
    """The bodies to draw for these options (see the module docstring).

    Raises :class:`GovgraphError` for an unknown body (with "did you mean") or
    options that contradict each other.
    """
    model = model_of(graph)
    total = len(model.bodies)
    if bodies is not None:
        if focus is not None or whole:
            raise GovgraphError("give either a selection of bodies or --focus/--all, not both")
        chosen = set(bodies)
        for body in sorted(chosen):
            body_id(graph, body, "the selection")
        return View(_in_order(graph, chosen), f"{len(chosen)} selected bodies of {total}")
    if focus is not None:
        if whole:
            raise GovgraphError("--focus draws part of the model and --all all of it: choose one")
        return _focus_view(graph, focus, up, down)
    if up is not None:
        raise GovgraphError("--up needs --focus BODY: it counts levels above that body")
    if whole or down is None:
        return View(tuple(model.bodies), f"all {total} bodies")
    chosen = _below_tops(graph, down)
    below = f" and {_levels(down)} below" if down else ""
    description = f"the tops of the structure{below}: {len(chosen)} of {total} bodies"
    return View(_in_order(graph, chosen), description)


def _below_tops(graph: nx.MultiDiGraph, depth: int) -> set[str]:
    """The tops of the structure and the bodies up to ``depth`` levels below them."""
    chosen: set[str] = set()
    tree = structure(graph).reverse(copy=False)
    for top in tops(graph):
        chosen |= set(nx.single_source_shortest_path_length(tree, top, cutoff=depth))
    return chosen


def body_id(graph: nx.MultiDiGraph, body: str, where: str = "--focus") -> str:
    """The id of the body called ``body`` (an id, or a name or short name in any case).

    Anything else is refused, saying what it is or what was meant.
    """
    model = model_of(graph)
    if body in model.bodies:
        return body
    wanted = body.casefold()
    for candidate in model.bodies.values():
        if wanted in (candidate.name.casefold(), (candidate.short_name or "").casefold()):
            return candidate.id
    kind = model.kind_of(body)
    if kind is not None:
        raise GovgraphError(f"{where}: '{body}' is {_article(kind)}, not a body; give a body's id")
    known = [*model.bodies, *(b.name for b in model.bodies.values())]
    raise GovgraphError(
        f"{where}: there is no body '{body}'{suggest(body, known)}; give a body's id or name"
    )


def _focus_view(graph: nx.MultiDiGraph, name: str, up: int | None, down: int | None) -> View:
    focus = body_id(graph, name)
    model = model_of(graph)
    tree = structure(graph)
    above = nx.single_source_shortest_path_length(tree, focus, cutoff=up)
    below = nx.single_source_shortest_path_length(tree.reverse(copy=False), focus, cutoff=down)
    chosen = set(above) | set(below)
    name = model.bodies[focus].name
    return View(
        _in_order(graph, chosen),
        f"{name}, {_levels(up)} above it and {_levels(down)} below: "
        f"{len(chosen)} of {len(model.bodies)} bodies",
        focus=focus,
    )


def widen_hint(total: int) -> str:
    """What to do to see more of a model whose default view left bodies out."""
    return (
        f"The model has {total} bodies, too many to read in one chart. To see more, render "
        "again with --down N (more levels), --focus BODY (one body with its chain and "
        "sub-bodies) or --all (every body)."
    )


def _levels(n: int | None) -> str:
    if n is None:
        return "every level"
    return "1 level" if n == 1 else f"{n} levels"


def _in_order(graph: nx.MultiDiGraph, chosen: set[str]) -> tuple[str, ...]:
    return tuple(b for b in model_of(graph).bodies if b in chosen)


def _article(word: str) -> str:
    return f"an {word}" if word[0] in "aeiou" else f"a {word}"
