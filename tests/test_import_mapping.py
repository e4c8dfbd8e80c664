"""The mapping every importer shares (govgraph.interop.mapping.finish)."""

from __future__ import annotations

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
