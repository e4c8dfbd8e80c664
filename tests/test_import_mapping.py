"""The mapping every importer shares (govgraph.interop.mapping), on small drafts."""

from __future__ import annotations

from pathlib import Path

from govgraph.interop.draft import Draft
from govgraph.interop.files import write_draft
from govgraph.interop.mapping import finish


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
