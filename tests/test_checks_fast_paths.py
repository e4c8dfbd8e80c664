"""The audit's shortcuts find exactly what the plain definitions find.

The structure checks search only the part of the reporting structure that can
hold a cycle, and the overdue checks compare dates with one precomputed cut-off
instead of adding months to each date, and the membership checks share one
pass over the memberships: these properties pin them to the straightforward
computation, on structures and dates chosen to hit the edges (roots that report
somewhere, self-lines, dissolved bodies, month ends, the days either side of
the as-of date).
"""

from __future__ import annotations

from datetime import date, timedelta
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


#: No date, the days either side of the as-of date (the edges of every rule), or any.
DAYS = st.one_of(
    st.none(),
    st.sampled_from([ON - timedelta(days=1), ON, ON + timedelta(days=1)]),
    st.dates(date(2020, 1, 1), date(2024, 12, 31)),
)


@st.composite
def memberships(draw: st.DrawFn) -> list[dict[str, object]]:
    """Up to 4 bodies, some established after their members' start dates or not yet,
    each with up to 6 memberships dated around the as-of date (a member may sit twice)."""
    bodies: list[dict[str, object]] = []
    for index in range(draw(st.integers(min_value=1, max_value=4))):
        body: dict[str, object] = {"id": f"b{index}", "name": f"Body {index}"}
        if (established := draw(DAYS)) is not None:
            body["established"] = established.isoformat()
        if draw(st.booleans()):
            body["review_interval_months"] = draw(st.integers(min_value=1, max_value=24))
        members = []
        for _ in range(draw(st.integers(min_value=0, max_value=6))):
            member: dict[str, object] = {
                "member": draw(st.sampled_from(["ann", "bob", "cat"])),
                "role": draw(st.sampled_from(["chair", "member"])),
            }
            for key in ("from", "to", "reviewed", "term_ends"):
                if (day := draw(DAYS)) is not None:
                    member[key] = day.isoformat()
            members.append(member)
        body["members"] = members
        bodies.append(body)
    return bodies


def _membership_findings_by_definition(model: Model) -> dict[str, list[str]]:
    """The subjects each membership check should report, straight from FORMAT.md."""
    found: dict[str, list[str]] = {
        "term-expired": [],
        "review-overdue": [],
        "legacy-membership": [],
        "no-chair": [],
    }
    for body in model.bodies.values():
        if body.established is not None and body.established > ON:
            continue  # not yet established: no findings
        months = body.review_interval_months or model.settings.review_interval_months
        current = [
            m for m in body.members if (m.from_ or ON) <= ON and (m.to is None or m.to >= ON)
        ]
        for m in current:
            subject = f"{body.id}/{m.member}"
            if m.to is None and m.term_ends is not None and m.term_ends < ON:
                found["term-expired"].append(subject)
            reviewed = m.reviewed if m.reviewed is not None and m.reviewed <= ON else None
            last = reviewed or m.from_
            if last is not None and add_months(last, months) < ON:
                found["review-overdue"].append(subject)
            if body.established and m.from_ and m.from_ < body.established:
                found["legacy-membership"].append(subject)
        if current and not any(m.role == "chair" for m in current):
            found["no-chair"].append(body.id)
    return {check: sorted(subjects) for check, subjects in found.items()}


@settings(max_examples=300, deadline=None)
@given(memberships())
def test_the_membership_checks_find_what_their_definitions_say(
    bodies: list[dict[str, object]],
) -> None:
    model = model_of_bodies(bodies)
    expected = _membership_findings_by_definition(model)
    result = audit(model, on=ON, select=list(expected))
    reported: dict[str, list[str]] = {check: [] for check in expected}
    for finding in result.findings:
        reported[finding.check].append(finding.subject)
    assert {check: sorted(subjects) for check, subjects in reported.items()} == expected
