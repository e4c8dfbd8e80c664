"""Property tests: a well-formed hierarchy never looks orphaned or cyclic, and closing
any chain into a loop is always caught."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st
from support import model_of_bodies

from govgraph.audit import audit

ON = date(2023, 7, 7)
STRUCTURE_CHECKS = ["orphaned-body", "reporting-cycle"]


@st.composite
def hierarchies(draw: st.DrawFn) -> list[dict[str, object]]:
    """Bodies ``b0…bN``: the first ones roots, each other reporting to one or more
    earlier bodies (so the structure is acyclic and every body reaches a root)."""
    count = draw(st.integers(min_value=1, max_value=25))
    roots = draw(st.integers(min_value=1, max_value=min(3, count)))
    bodies: list[dict[str, object]] = []
    for index in range(count):
        body: dict[str, object] = {"id": f"b{index}", "name": f"Body {index}"}
        if index < roots:
            body["root"] = True
        else:
            parents = draw(st.lists(st.integers(0, index - 1), min_size=1, max_size=3, unique=True))
            body["reports_to"] = [
                {"body": f"b{p}", "direction": draw(st.sampled_from(["both", "up", "down"]))}
                for p in parents
            ]
        # Established in the past, or never dated: all current on the as-of date.
        if draw(st.booleans()):
            body["established"] = draw(st.dates(date(1990, 1, 1), ON))
        bodies.append(body)
    return bodies


@settings(max_examples=150, deadline=None)
@given(hierarchies())
def test_acyclic_structure_reaching_roots_has_no_structure_findings(
    bodies: list[dict[str, object]],
) -> None:
    result = audit(model_of_bodies(bodies), on=ON, select=STRUCTURE_CHECKS)
    assert result.findings == []


@settings(max_examples=150, deadline=None)
@given(hierarchies(), st.data())
def test_a_line_back_down_a_chain_is_always_a_cycle(
    bodies: list[dict[str, object]], data: st.DataObject
) -> None:
    reporting = [b for b in bodies if "reports_to" in b]
    if not reporting:
        return
    child = data.draw(st.sampled_from(reporting))
    lines = child["reports_to"]
    assert isinstance(lines, list)
    parent = next(b for b in bodies if b["id"] == lines[0]["body"])
    # The parent now also reports to its own child: a loop of two.
    parent.setdefault("reports_to", [])
    parent_lines = parent["reports_to"]
    assert isinstance(parent_lines, list)
    parent_lines.append({"body": child["id"]})
    result = audit(model_of_bodies(bodies), on=ON, select=["reporting-cycle"])
    cycles = [f.message for f in result.findings]
    assert cycles, "a loop between two bodies was not reported"
    assert any(str(child["name"]) in message for message in cycles)
