"""The shape of the reporting structure and its single points, from networkx.

* **Tiers**: a body's tier is its distance from the tops along reporting lines
  (the tops are tier 1), by breadth-first search; a body reporting through two
  routes sits at the shorter one.
* **Single points**: the dominators of the reporting graph seen from the tops
  (:func:`networkx.immediate_dominators`): a body every route to the top passes
  through. What it dominates is what would be cut off if it stopped meeting.
* **Only links**: reporting lines that are bridges of the undirected structure
  (:func:`networkx.bridges`), with the part below each that they alone join up.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
from networkx.utils import UnionFind

from govgraph.insights.scope import ABOVE, Scope


@dataclass(frozen=True)
class Shape:
    """Tiers, depth, span and top-heaviness of the structure on the date."""

    #: Body ids at each reporting depth, tier 1 (the tops) first.
    tiers: list[list[str]]
    #: Current bodies whose lines reach no top (``orphaned-body`` says why).
    unreached: list[str]
    #: The longest chain of reporting lines, from the lowest body up to its top.
    longest_chain: list[str]
    #: Body id -> bodies reporting directly to it, for bodies with any, widest first.
    spans: dict[str, int]
    #: Bodies in the top two tiers, of all bodies placed in a tier.
    top_bodies: int
    bodies: int
    #: Current seats on bodies in the top two tiers, of all seats on placed bodies.
    top_seats: int
    seats: int

    @property
    def depth(self) -> int:
        """How many tiers deep the structure is."""
        return len(self.tiers)

    @property
    def top_body_share(self) -> float:
        return _share(self.top_bodies, self.bodies)

    @property
    def top_seat_share(self) -> float:
        return _share(self.top_seats, self.seats)


@dataclass(frozen=True)
class SinglePoint:
    """A body through which other bodies reach the top."""

    body: str
    #: The bodies cut off from the top if it stopped meeting or were dissolved.
    cut_off: list[str]


@dataclass(frozen=True)
class OnlyLink:
    """A reporting line that is the only link between a part and the rest."""

    child: str
    parent: str
    #: The bodies on the child's side of the line, the child first.
    cut_off: list[str]


def shape(scope: Scope) -> Shape:
    """The tiers and figures of ``scope``'s reporting structure."""
    down = scope.down
    distance = nx.single_source_shortest_path_length(down, ABOVE)
    order = {body: i for i, body in enumerate(scope.bodies)}
    tiers: list[list[str]] = []
    for body, tier in sorted(distance.items(), key=lambda item: (item[1], order.get(item[0], 0))):
        if body == ABOVE:
            continue
        while len(tiers) < tier:
            tiers.append([])
        tiers[tier - 1].append(body)
    placed = [body for tier in tiers for body in tier]
    top = [body for tier in tiers[:2] for body in tier]
    spans = {body: n for body, n in scope.tree.in_degree() if n}
    return Shape(
        tiers=tiers,
        unreached=[body for body in scope.bodies if body not in distance],
        longest_chain=_longest_chain(down, distance),
        spans=dict(sorted(spans.items(), key=lambda item: (-item[1], order[item[0]]))),
        top_bodies=len(top),
        bodies=len(placed),
        top_seats=sum(len(scope.seats[body]) for body in top),
        seats=sum(len(scope.seats[body]) for body in placed),
    )


def _longest_chain(down: nx.DiGraph, distance: dict[str, int]) -> list[str]:
    reached = down.copy()  # a copy without the unreached: faster to walk than a subgraph view
    reached.remove_nodes_from([body for body in down if body not in distance])
    if nx.is_directed_acyclic_graph(reached):
        path = nx.dag_longest_path(reached)
    else:  # a reporting cycle (an error of its own): the deepest body's shortest chain
        deepest = max(distance, key=lambda body: distance[body])
        path = nx.shortest_path(reached, ABOVE, deepest)
    return [body for body in reversed(path) if body != ABOVE]


def single_points(scope: Scope) -> list[SinglePoint]:
    """Bodies (other than the tops) that every route to the top of others passes
    through, with what each would cut off; most cut off first."""
    down = scope.down
    if len(down) <= 1:
        return []
    dominators = nx.immediate_dominators(down, ABOVE)
    dominator_tree = nx.DiGraph(
        (parent, body) for body, parent in dominators.items() if body != parent
    )
    tops = set(scope.tops)
    order = {body: i for i, body in enumerate(scope.bodies)}
    found = []
    for body in dominator_tree:
        if body == ABOVE or body in tops or not dominator_tree.out_degree(body):
            continue
        cut_off = sorted(nx.descendants(dominator_tree, body), key=order.__getitem__)
        found.append(SinglePoint(body, cut_off))
    return sorted(found, key=lambda point: (-len(point.cut_off), order[point.body]))


def only_links(scope: Scope) -> list[OnlyLink]:
    """Reporting lines that alone join a part of two or more bodies to the rest of the
    structure (a single body's only line is not listed: every leaf has one)."""
    linked = nx.Graph(scope.tree)
    bridges = list(nx.bridges(linked))
    if not bridges:
        return []
    # Each piece held together by two or more routes (joined by the lines that are not
    # bridges), and the bridges between the pieces as a forest; the side of a bridge
    # away from the top is its part.
    joined = UnionFind(scope.bodies)
    crossing = set(bridges)
    for a, b in linked.edges():
        if (a, b) not in crossing and (b, a) not in crossing:
            joined.union(a, b)
    numbers: dict[str, int] = {}
    piece_of = {body: numbers.setdefault(joined[body], len(numbers)) for body in scope.bodies}
    pieces = nx.Graph((piece_of[a], piece_of[b]) for a, b in bridges)
    members: dict[int, list[str]] = {}
    for body in scope.bodies:
        members.setdefault(piece_of[body], []).append(body)
    anchored = {piece_of[top] for top in scope.tops if top in piece_of}
    starts = [
        next((p for p in component if p in anchored), min(component))
        for component in nx.connected_components(pieces)
    ]
    pieces.add_edges_from((-1, start) for start in starts)  # -1: above every start
    below = nx.bfs_tree(pieces, -1)
    order = {body: i for i, body in enumerate(scope.bodies)}
    found = []
    for a, b in bridges:
        lower = b if below.has_edge(piece_of[a], piece_of[b]) else a
        piece = piece_of[lower]
        if len(members[piece]) < 2 and not below.out_degree(piece):
            continue  # a single body's only line (most of them): nothing to work out
        part_pieces = {piece, *nx.descendants(below, piece)}
        part = sorted((body for p in part_pieces for body in members[p]), key=order.__getitem__)
        child, parent = (a, b) if scope.tree.has_edge(a, b) else (b, a)
        part.remove(lower)
        found.append(OnlyLink(child, parent, [lower, *part]))
    return sorted(found, key=lambda link: (-len(link.cut_off), order[link.child]))


def _share(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0
