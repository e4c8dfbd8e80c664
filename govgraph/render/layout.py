"""Where each node of a chart goes: hierarchical rows computed here, not by vis-network.

Rows (levels): a body sits one row below the *lowest* body it reports to
(the longest path from a top of the drawn structure), so every reporting line
runs downwards from parent to child and no line joins two bodies in one row.
Tops (bodies with no drawn parent) form row 0, ``root: true`` bodies first.
A reporting cycle (an error the audit reports) is broken for layout only, at
the line that closes it in a depth-first walk from the tops in sorted order.

Columns: row 0 in name order; every lower node is placed under the mean x of
its parents (barycentre ordering), then nodes are pushed apart to a minimum
gap and the row is shifted back so that, on average, nodes sit under their
parents. Members (organisations, posts, people) sit in a band below all the
bodies, each under the mean x of the bodies it sits on, staggered over as many
sub-rows (3 to 12) as keep the band about as wide as the bodies above it, so
that labels do not collide and the whole chart fits a screen.

Everything is sorted with explicit keys and rounded to whole pixels, so the
same model gives the same coordinates, byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import networkx as nx

ROW_HEIGHT = 150
BODY_GAP = 210
#: Members: the least distance between two in one sub-row, and between sub-rows.
MEMBER_SPACING = 170
MEMBER_ROW_HEIGHT = 70
MIN_MEMBER_ROWS, MAX_MEMBER_ROWS = 3, 12

SortKey = Callable[[str], tuple[object, ...]]


def body_levels(tree: nx.DiGraph, key: SortKey) -> dict[str, int]:
    """The row of every node of ``tree`` (child -> parent edges): longest path from a top."""
    down = _acyclic(tree.reverse(copy=True), key)
    # networkx's lexicographical sort wants a text key: use each node's rank in ``key`` order.
    rank = {node: f"{i:09d}" for i, node in enumerate(sorted(down, key=key))}
    levels: dict[str, int] = {}
    for node in nx.lexicographical_topological_sort(down, key=rank.__getitem__):
        parents = [levels[p] for p in down.predecessors(node)]
        levels[node] = max(parents) + 1 if parents else 0
    return levels


def place_bodies(
    tree: nx.DiGraph, levels: Mapping[str, int], key: SortKey
) -> dict[str, tuple[int, int]]:
    """``{body: (x, y)}``: rows from ``levels``, columns by barycentre under the parents."""
    rows: dict[int, list[str]] = {}
    for node, level in levels.items():
        rows.setdefault(level, []).append(node)
    xs: dict[str, float] = {}
    for level in sorted(rows):
        wanted: dict[str, float]
        if level == 0:
            wanted = {node: i * BODY_GAP for i, node in enumerate(sorted(rows[0], key=key))}
        else:
            wanted = {}
            for node in rows[level]:
                parents = [xs[p] for p in tree.successors(node) if p in xs]
                wanted[node] = sum(parents) / len(parents) if parents else 0.0
        xs.update(_spread(wanted, BODY_GAP, key))
    return {node: (round(xs[node]), levels[node] * ROW_HEIGHT) for node in levels}


def place_members(
    seats: Mapping[str, Iterable[str]],
    bodies: Mapping[str, tuple[int, int]],
    key: SortKey,
) -> dict[str, tuple[int, int]]:
    """``{member: (x, y)}`` in a band below ``bodies``, under the bodies each sits on."""
    if not seats:
        return {}
    band = max((y for _, y in bodies.values()), default=-ROW_HEIGHT) + ROW_HEIGHT
    xs = [x for x, _ in bodies.values()]
    span = max(xs) - min(xs) + BODY_GAP if xs else BODY_GAP
    rows = -(-len(seats) * MEMBER_SPACING // span)  # ceiling division
    rows = min(max(rows, MIN_MEMBER_ROWS), MAX_MEMBER_ROWS)
    wanted = {}
    for member, on in seats.items():
        at = [bodies[b][0] for b in on if b in bodies]
        wanted[member] = sum(at) / len(at) if at else 0.0
    # Consecutive members are MEMBER_SPACING / rows apart, so in each sub-row they are
    # MEMBER_SPACING apart.
    placed = _spread(wanted, MEMBER_SPACING / rows, key)
    ordered = sorted(placed, key=lambda m: (placed[m], key(m)))
    return {
        member: (round(placed[member]), band + (i % rows) * MEMBER_ROW_HEIGHT)
        for i, member in enumerate(ordered)
    }


def _spread(wanted: Mapping[str, float], gap: float, key: SortKey) -> dict[str, float]:
    """Keep the wanted order, at least ``gap`` apart, shifted to sit on average where wanted."""
    ordered = sorted(wanted, key=lambda node: (wanted[node], key(node)))
    placed: dict[str, float] = {}
    last: float | None = None
    for node in ordered:
        x = wanted[node] if last is None else max(wanted[node], last + gap)
        placed[node] = last = x
    if placed:
        shift = sum(placed[n] - wanted[n] for n in placed) / len(placed)
        placed = {n: x - shift for n, x in placed.items()}
    return placed


def _acyclic(down: nx.DiGraph, key: SortKey) -> nx.DiGraph:
    """``down`` (parent -> child) without self-loops and the lines that close cycles."""
    down.remove_edges_from(list(nx.selfloop_edges(down)))
    if nx.is_directed_acyclic_graph(down):
        return down
    starts = sorted(down, key=lambda n: (down.in_degree(n) > 0, key(n)))
    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    closing = []
    for start in starts:
        if start in state:
            continue
        state[start] = 1
        stack = [(start, iter(sorted(down.successors(start), key=key)))]
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
            elif state.get(child) == 1:
                closing.append((node, child))
            elif child not in state:
                state[child] = 1
                stack.append((child, iter(sorted(down.successors(child), key=key))))
    down.remove_edges_from(closing)
    return down
