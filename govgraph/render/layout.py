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

The structure comes as ``{body: [the drawn bodies it reports to]}``: plain
lists, walked a few times over for thousands of bodies.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from govgraph.render.cycles import closing_lines

ROW_HEIGHT = 150
BODY_GAP = 210
#: Members: the least distance between two in one sub-row, and between sub-rows.
MEMBER_SPACING = 170
MEMBER_ROW_HEIGHT = 70
MIN_MEMBER_ROWS, MAX_MEMBER_ROWS = 3, 12

SortKey = Callable[[str], tuple[object, ...]]
#: Each drawn body's parents: the drawn bodies it reports to, each once, in its own order.
Parents = Mapping[str, list[str]]


def body_levels(parents: Parents, key: SortKey) -> dict[str, int]:
    """The row of every body: the longest path to it from a top.

    The longest path does not depend on the order the bodies are visited in; only a
    cycle needs ``key`` (to break it the same way each time).
    """
    levels = _longest_paths(parents)
    if len(levels) < len(parents):  # a cycle (the audit reports it): leave out the lines closing it
        cut = set(closing_lines(parents, key))
        kept = {b: [p for p in up if (b, p) not in cut] for b, up in parents.items()}
        levels = _longest_paths(kept)
    return levels


def _longest_paths(parents: Parents) -> dict[str, int]:
    """How far below a top (a body without parents) each body is, at most; bodies on or
    below a cycle are left out."""
    waiting = {node: len(up) for node, up in parents.items()}  # parents not yet placed
    children: dict[str, list[str]] = {}
    for node, up in parents.items():
        for parent in up:
            children.setdefault(parent, []).append(node)
    ready = [node for node, count in waiting.items() if not count]
    levels = dict.fromkeys(ready, 0)
    while ready:
        node = ready.pop()
        below = levels[node] + 1
        for child in children.get(node, ()):
            if levels.get(child, 0) < below:
                levels[child] = below
            waiting[child] -= 1
            if not waiting[child]:
                ready.append(child)
    return {node: levels[node] for node in parents if not waiting[node]}


def place_bodies(
    parents: Parents, levels: Mapping[str, int], key: SortKey
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
                above = [xs[p] for p in parents[node] if p in xs]
                wanted[node] = sum(above) / len(above) if above else 0.0
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
    # From left to right: _spread places each at least a gap right of the one before.
    ordered = list(placed)
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
