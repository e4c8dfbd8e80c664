"""The mapping every importer shares (govgraph.interop.mapping.finish) and the role
vocabulary's entries, as users meet them."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from govgraph.interop.draft import Draft
from govgraph.interop.files import write_draft
from govgraph.interop.mapping import finish
from govgraph.interop.roles import RoleMapper


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


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # Legislatures' titles (Open States): the role, with the title kept as a note
        ("senior chair", ("chair", "senior chair")),
        ("Senior Chair", ("chair", "Senior Chair")),
        ("Ranking Member", ("member", "Ranking Member")),
        ("ranking minority member", ("member", "ranking minority member")),
        # ... and what they must not swallow
        ("Chair", ("chair", None)),
        ("Minority Chair", ("member", "role: Minority Chair")),
    ],
)
def test_legislature_titles_map_to_a_role_and_keep_the_title(
    title: str, expected: tuple[str, str | None]
) -> None:
    assert RoleMapper().role(title) == expected


def test_the_summary_counts_a_legislature_title_as_mapped() -> None:
    mapper = RoleMapper()
    for title in ("senior chair", "senior chair", "Ranking Member"):
        mapper.role(title)
    assert mapper.lines() == [
        "roles mapped by the vocabulary: senior chair → chair ×2, Ranking Member → member"
    ]


def test_a_seat_listed_twice_becomes_one_membership_without_an_empty_note(
    tmp_path: Path,
) -> None:
    draft = Draft(source="test", files=["seats.csv"])
    draft.people.append({"id": "jo-bloggs", "name": "Jo Bloggs"})
    draft.bodies.append(
        {"id": "audit", "name": "Audit Committee", "kind": "committee",
         "members": [{"member": "jo-bloggs"}, {"member": "jo-bloggs"}]}
    )  # fmt: skip
    finish(draft, "Northmoor")
    assert draft.bodies[-1]["members"] == [{"member": "jo-bloggs"}]
    write_draft(draft, tmp_path / "model")
    assert "note" not in (tmp_path / "model" / "bodies.yaml").read_text(encoding="utf-8")


def test_a_chair_listed_twice_is_one_chair() -> None:
    draft = Draft(source="test", files=["seats.csv"])
    draft.people.append({"id": "jo-bloggs", "name": "Jo Bloggs"})
    seat = {"member": "jo-bloggs", "role": "chair"}
    draft.bodies.append(
        {"id": "audit", "name": "Audit Committee", "kind": "committee",
         "members": [dict(seat), {"member": "jo-bloggs", "role": "chair", "note": "Chairman"}]}
    )  # fmt: skip
    finish(draft, "Northmoor")
    assert draft.bodies[-1]["members"] == [{**seat, "note": "Chairman"}]
    assert "1 × the same seat listed twice (e.g. jo-bloggs)" in draft.merged.lines()


def test_a_draft_that_carries_packs_writes_them_to_packs_yaml(tmp_path: Path) -> None:
    draft = Draft(source="test", files=["model.xlsx"])
    draft.packs.append(
        {"id": "scrutiny-panel", "name": "Scrutiny panel", "source": "Constitution",
         "provisions": [{"id": "councillors", "cite": "Part 4", "text": "five councillors",
                         "requires": {"councillor": True, "count": 5}}]}
    )  # fmt: skip
    draft.bodies.append({"id": "panel", "name": "Panel", "statutory": "scrutiny-panel"})
    finish(draft, "Northmoor")
    model = write_draft(draft, tmp_path / "model")
    assert model.packs["scrutiny-panel"].provisions[0].requires.count == 5
    assert model.bodies["panel"].statutory == "scrutiny-panel"
    without = Draft(source="test", files=["seats.csv"])
    write_draft(without, tmp_path / "plain")
    assert not (tmp_path / "plain" / "packs.yaml").exists()
