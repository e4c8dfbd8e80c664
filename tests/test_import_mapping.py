"""The mapping every importer shares (govgraph.interop.mapping.finish)."""

from __future__ import annotations

from datetime import date
from typing import Any

from govgraph.interop.draft import Draft
from govgraph.interop.mapping import finish


def council_with(*members: dict[str, Any]) -> Draft:
    draft = Draft(source="test", files=[])
    draft.organisations = [{"id": "greens", "name": "Greens"}, {"id": "labour", "name": "Labour"}]
    draft.people = [{"id": "sue", "name": "Sue Hickey"}]
    draft.bodies = [{"id": "council", "name": "Hobart City Council", "kind": "council",
                     "members": list(members)}]  # fmt: skip
    return draft


def test_a_title_naming_no_organisation_folds_into_the_seat_for_a_party() -> None:
    draft = council_with(
        {"member": "sue", "on_behalf_of": "greens"},
        {"member": "sue", "role": "chair", "note": "Lord Mayor"},
    )
    finish(draft, "Tasmania")
    assert draft.bodies[0]["members"] == [
        {"member": "sue", "role": "chair", "on_behalf_of": "greens", "note": "Lord Mayor"}
    ]
    assert "title and seat of one person on one body" in "\n".join(draft.summary_lines())


def test_a_title_for_another_organisation_stays_its_own_membership() -> None:
    draft = council_with(
        {"member": "sue", "on_behalf_of": "greens"},
        {"member": "sue", "role": "chair", "on_behalf_of": "labour"},
    )
    finish(draft, "Tasmania")
    assert [(m.get("role"), m["on_behalf_of"]) for m in draft.bodies[0]["members"]] == [
        (None, "greens"),
        ("chair", "labour"),
    ]


def test_a_model_govgraph_wrote_is_left_as_written() -> None:
    terms = [
        {"member": "sue", "on_behalf_of": "greens", "from": date(2014, 11, 1),
         "to": date(2018, 10, 31)},
        {"member": "sue", "on_behalf_of": "greens", "from": date(2018, 11, 1)},
    ]  # fmt: skip
    merged, kept = council_with(*terms), council_with(*terms)
    finish(merged, "Tasmania")
    assert len(merged.bodies[0]["members"]) == 1  # other sources' follow-on terms merge
    kept.as_written = True
    finish(kept, "Tasmania")
    assert kept.bodies[0]["members"] == terms
    assert "root" not in kept.bodies[0] and kept.summary_lines() == []
