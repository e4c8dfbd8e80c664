"""The audit's shortcuts find exactly what the plain definitions find.

The structure checks search only the part of the reporting structure that can
hold a cycle, and the overdue checks compare dates with one precomputed cut-off
instead of adding months to each date: these properties pin both to the
straightforward computation, on structures and dates chosen to hit the edges
(roots that report somewhere, self-lines, dissolved bodies, month ends).
"""

from __future__ import annotations

from datetime import date
from itertools import islice

import networkx as nx
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from support import model_of_bodies

from govgraph.audit import audit
from govgraph.dates import add_months, earliest_on_time
from govgraph.graph import build_graph, current_roots, hierarchy
from govgraph.model import Model

ON = date(2023, 7, 7)


@st.composite
def tangles(draw: st.DrawFn) -> list[dict[str, object]]:
    """Up to 9 bodies reporting anywhere (themselves included), some roots, some
    dissolved before the as-of date: cycles, orphans and roots on cycles."""
    count = draw(st.integers(min_value=1, max_value=9))
    bodies: list[dict[str, object]] = []
    for index in range(count):
        body: dict[str, object] = {"id": f"b{index}", "name": f"Body {index}"}
        if draw(st.integers(0, 3)) == 0:
            body["root"] = True
        parents = draw(st.lists(st.integers(0, count - 1), max_size=2))
        if parents:
            body["reports_to"] = [{"body": f"b{p}"} for p in parents]
        if draw(st.integers(0, 5)) == 0:
            body["dissolved"] = "2020-01-31"
        bodies.append(body)
    return bodies


def _cycles_by_definition(model: Model) -> set[tuple[str, ...]] | None:
    """Every cycle of the whole current hierarchy, each from its first body in model
    order; None when a tangle holds more than the 20 cycles the check reports."""
    tree = hierarchy(build_graph(model), ON)
    order = list(model.bodies)
    found: set[tuple[str, ...]] = set()
    for tangle in nx.strongly_connected_components(tree):
        cycles = list(islice(nx.simple_cycles(tree.subgraph(tangle)), 21))
        if len(cycles) > 20:
            return None
        for cycle in cycles:
            start = min(range(len(cycle)), key=lambda i: order.index(cycle[i]))
            found.add(tuple(cycle[start:] + cycle[:start]))
    return found


def _orphans_by_definition(model: Model) -> set[str]:
    graph = build_graph(model)
    tree = hierarchy(graph, ON)
    roots = current_roots(graph, ON)
    reaching = set(roots).union(*(nx.ancestors(tree, root) for root in roots))
    return {body for body in tree if body not in reaching}


@settings(max_examples=300, deadline=None)
@given(tangles())
def test_reporting_cycle_reports_every_cycle_of_the_whole_structure(
    bodies: list[dict[str, object]],
) -> None:
    model = model_of_bodies(bodies)
    expected = _cycles_by_definition(model)
    assume(expected is not None)
    result = audit(model, on=ON, select=["reporting-cycle"])
    names = {body.name: body.id for body in model.bodies.values()}
    reported: set[tuple[str, ...]] = set()
    for finding in result.findings:
        if "lists itself" in finding.message:
            reported.add((finding.subject,))
        else:
            chain = finding.message.split("chain: ", 1)[1].split(";", 1)[0].split(" → ")
            reported.add(tuple(names[name] for name in chain[:-1]))
    assert reported == expected
    assert len(result.findings) == len(expected)


@settings(max_examples=300, deadline=None)
@given(tangles())
def test_orphaned_body_finds_the_bodies_no_chain_leads_up_from(
    bodies: list[dict[str, object]],
) -> None:
    model = model_of_bodies(bodies)
    result = audit(model, on=ON, select=["orphaned-body"])
    assert {f.subject for f in result.findings} == _orphans_by_definition(model)


@settings(max_examples=500, deadline=None)
@given(
    last=st.dates(date(2019, 1, 1), date(2026, 12, 31)),
    day=st.dates(date(2020, 1, 1), date(2025, 12, 31)),
    months=st.integers(min_value=1, max_value=36),
)
def test_earliest_on_time_is_the_cut_off_of_add_months(last: date, day: date, months: int) -> None:
    overdue = add_months(last, months) < day
    assert overdue == (last < earliest_on_time(day, months))


def test_earliest_on_time_at_month_ends() -> None:
    # 29 Feb 2024 + 1 month is 29 March, before 31 March: overdue; 1 March is not.
    assert earliest_on_time(date(2024, 3, 31), 1) == date(2024, 3, 1)
    assert add_months(date(2024, 2, 29), 1) < date(2024, 3, 31)
    assert add_months(date(2024, 3, 1), 1) >= date(2024, 3, 31)
    # A year on from 28 February 2023 is 28 February 2024, a day short of the 29th.
    assert earliest_on_time(date(2024, 2, 29), 12) == date(2023, 3, 1)
    assert add_months(date(2023, 2, 28), 12) < date(2024, 2, 29)
