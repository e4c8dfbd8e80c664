"""Break reporting cycles for layout only: which lines to leave out, the same way each time.

A cycle is an error the audit reports; the chart still has to draw the bodies
in it. The line left out is the one that closes the cycle in a depth-first
walk down from the tops, in the chart's sort order, so the same model always
loses the same line.

>>> closing_lines({"a": ["b"], "b": ["a"]}, lambda body: (body,))
[('a', 'b')]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence

SortKey = Callable[[str], tuple[object, ...]]
Parents = Mapping[str, Sequence[str]]


def closing_lines(parents: Parents, key: SortKey) -> list[tuple[str, str]]:
    """The lines (child, parent) to leave out so that the structure has no cycle: lines to
    itself, and each line that closes a cycle in a depth-first walk down from the tops in
    ``key`` order."""
    if _acyclic(parents):
        return []
    below: dict[str, list[str]] = {}
    closing = []
    for node, up in parents.items():
        for parent in up:
            if parent == node:
                closing.append((node, node))
            elif parent in parents:
                below.setdefault(parent, []).append(node)

    def children(node: str) -> Iterator[str]:
        return iter(sorted(below.get(node, ()), key=key))

    def has_parent(node: str) -> bool:
        return any(p != node and p in parents for p in parents[node])

    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    for start in sorted(parents, key=lambda n: (has_parent(n), key(n))):
        if start in state:
            continue
        state[start] = 1
        stack = [(start, children(start))]
        while stack:
            node, under = stack[-1]
            child = next(under, None)
            if child is None:
                state[node] = 2
                stack.pop()
            elif state.get(child) == 1:
                closing.append((child, node))
            elif child not in state:
                state[child] = 1
                stack.append((child, children(child)))
    return closing


def _acyclic(parents: Parents) -> bool:
    """True when no body reports, through any chain, to itself (Kahn's algorithm)."""
    waiting = {node: sum(1 for p in up if p in parents) for node, up in parents.items()}
    below: dict[str, list[str]] = {}
    for node, up in parents.items():
        for parent in up:
            if parent in parents:
                below.setdefault(parent, []).append(node)
    ready = [node for node, count in waiting.items() if not count]
    done = 0
    while ready:
        node = ready.pop()
        done += 1
        for child in below.get(node, ()):
            waiting[child] -= 1
            if not waiting[child]:
                ready.append(child)
    return done == len(parents)
