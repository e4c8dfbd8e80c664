"""The rules every importer shares: the role vocabulary and the mapping pass.

Each case is a small draft built by hand, with the answer worked out here.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from govgraph.errors import GovgraphError
from govgraph.interop.draft import Draft
from govgraph.interop.files import write_draft
from govgraph.interop.mapping import finish
from govgraph.interop.roles import RoleMapper
from govgraph.names import fold_name

D = date


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Mayor", "chair"), ("Lord Mayor", "chair"), ("Provost", "chair"),
        ("Lord Provost", "chair"), ("Chair", "chair"), ("CHAIRMAN", "chair"),
        ("Chairwoman", "chair"), ("Chairperson", "chair"), ("Convenor", "chair"),
        ("Presiding Member", "chair"), ("Co-Chair", "chair"), ("co chair", "chair"),
        ("Deputy Mayor", "vice-chair"), ("Vice-Chair", "vice-chair"),
        ("Vice Chairman", "vice-chair"), ("Deputy Chair", "vice-chair"),
        ("Deputy Convenor", "vice-chair"), ("Alternate", "substitute"),
        ("Deputy Member", "substitute"), ("Substitute", "substitute"),
        ("Ex-officio", "member"), ("Committee Member", "member"), ("Councillor", "member"),
        ("Member", "member"), ("", "member"), ("Vice-Chair (Planning)", "vice-chair"),
    ],
)  # fmt: skip
def test_the_vocabulary_maps_the_titles_councils_use(title: str, role: str) -> None:
    assert RoleMapper().role(title)[0] == role


def test_civic_titles_are_kept_and_unknown_ones_become_notes() -> None:
    mapper = RoleMapper()
    assert mapper.role("Lord Mayor") == ("chair", "Lord Mayor")
    assert mapper.role("Ex-Officio") == ("member", "Ex-Officio")
    assert mapper.role("Chairman") == ("chair", None)  # the role's own name says nothing more
    assert mapper.role("Sheriff") == ("member", "role: Sheriff")
    assert mapper.role("Sheriff") == ("member", "role: Sheriff")
    lines = mapper.lines()
    assert lines[0].startswith("roles mapped by the vocabulary: ")
    assert "Lord Mayor → chair" in lines[0] and "Chairman" not in lines[0]
    assert "2 × role not in the vocabulary" in lines[1] and "Sheriff ×2" in lines[1]


def test_more_titles_from_the_command_line() -> None:
    mapper = RoleMapper.with_options(["Sheriff=member", "Leader of the Council = chair"])
    assert mapper.role("sheriff") == ("member", "sheriff")
    assert mapper.role("Leader of the Council")[0] == "chair"
    with pytest.raises(GovgraphError, match=r"--role 'Sheriff=boss': write TITLE=ROLE"):
        RoleMapper.with_options(["Sheriff=boss"])
    with pytest.raises(GovgraphError, match="write TITLE=ROLE"):
        RoleMapper.with_options(["Sheriff"])


def test_names_fold_case_spacing_punctuation_and_honorifics() -> None:
    assert fold_name(" Greens") == fold_name("greens")
    assert fold_name("Cllr Jo  Bloggs") == fold_name("Councillor Jo Bloggs") == "jo bloggs"
    assert fold_name("Health & Wellbeing Board") == fold_name("Health and Wellbeing Board")
    assert fold_name("Audit Committee") != fold_name("Audit Sub-Committee")


# --- the mapping pass -------------------------------------------------------------------


def draft(**sections: list[dict[str, Any]]) -> Draft:
    made = Draft(source="test", files=[])
    for name, entities in sections.items():
        setattr(made, name, entities)
    return made


def seats(made: Draft, body: str) -> list[tuple[Any, ...]]:
    found = next(b for b in made.bodies if b["id"] == body)
    return [(m["member"], m.get("role", "member"), m.get("from"), m.get("to"))
            for m in found.get("members", [])]  # fmt: skip


def test_an_undated_title_gives_its_role_to_the_seat() -> None:
    made = draft(
        people=[{"id": "ann", "name": "Ann"}],
        bodies=[{"id": "council", "name": "Council", "kind": "council", "members": [
            {"member": "ann", "from": D(2022, 5, 5)},
            {"member": "ann", "role": "chair", "note": "Mayor"},
        ]}],
    )  # fmt: skip
    finish(made, "Test")
    assert seats(made, "council") == [("ann", "chair", D(2022, 5, 5), None)]
    assert made.bodies[0]["members"][0]["note"] == "Mayor"
    assert "merged 1 × title and seat" in "\n".join(made.summary_lines())


def test_a_year_as_mayor_splits_the_seat_around_it() -> None:
    made = draft(
        people=[{"id": "ann", "name": "Ann"}],
        bodies=[{"id": "council", "name": "Council", "kind": "council", "members": [
            {"member": "ann", "from": D(2019, 5, 2), "to": D(2023, 5, 3)},
            {"member": "ann", "role": "chair", "from": D(2021, 5, 20), "to": D(2022, 5, 18)},
        ]}],
    )  # fmt: skip
    finish(made, "Test")
    assert seats(made, "council") == [
        ("ann", "member", D(2019, 5, 2), D(2021, 5, 19)),
        ("ann", "chair", D(2021, 5, 20), D(2022, 5, 18)),
        ("ann", "member", D(2022, 5, 19), D(2023, 5, 3)),
    ]


def test_only_follow_on_terms_are_merged() -> None:
    made = draft(
        people=[{"id": "ann", "name": "Ann"}, {"id": "bob", "name": "Bob"}],
        bodies=[{"id": "council", "name": "Council", "kind": "council", "members": [
            {"member": "ann", "from": D(2015, 5, 7), "to": D(2019, 5, 1)},
            {"member": "ann", "from": D(2019, 5, 2), "to": D(2023, 5, 3)},  # the next day
            {"member": "bob", "from": D(2015, 5, 7), "to": D(2019, 5, 1)},
            {"member": "bob", "from": D(2023, 5, 4)},  # four years out: a second term
            {"member": "bob", "role": "vice-chair", "from": D(2024, 1, 1), "to": D(2024, 12, 31),
             "note": "role: other"},
        ]}],
    )  # fmt: skip
    finish(made, "Test")
    assert ("ann", "member", D(2015, 5, 7), D(2023, 5, 3)) in seats(made, "council")
    bob = [s for s in seats(made, "council") if s[0] == "bob"]
    assert bob[0] == ("bob", "member", D(2015, 5, 7), D(2019, 5, 1))
    assert len(bob) == 4  # the second term split around the year as vice-chair
    assert "merged 1 × terms of one member that follow on" in "\n".join(made.summary_lines())


def test_terms_for_different_organisations_stay_apart() -> None:
    made = draft(
        organisations=[{"id": "reds", "name": "Reds"}, {"id": "blues", "name": "Blues"}],
        people=[{"id": "ann", "name": "Ann"}],
        bodies=[{"id": "council", "name": "Council", "kind": "council", "members": [
            {"member": "ann", "on_behalf_of": "reds", "from": D(2015, 5, 7), "to": D(2019, 5, 1)},
            {"member": "ann", "on_behalf_of": "blues", "from": D(2019, 5, 2)},
        ]}],
    )  # fmt: skip
    finish(made, "Test")
    assert len(seats(made, "council")) == 2


def test_placeholder_and_respelt_organisations() -> None:
    made = draft(
        organisations=[{"id": "unknown", "name": "unknown"}, {"id": "greens", "name": "Greens"},
                       {"id": "greens-2", "name": " greens "}],
        people=[{"id": "ann", "name": "Ann"}, {"id": "bob", "name": "Bob"}],
        bodies=[{"id": "council", "name": "Council", "kind": "council", "members": [
            {"member": "ann", "on_behalf_of": "unknown"},
            {"member": "bob", "on_behalf_of": "greens-2"},
        ]}],
    )  # fmt: skip
    finish(made, "Test")
    assert [o["id"] for o in made.organisations] == ["greens"]
    ann, bob = made.bodies[0]["members"]
    assert "on_behalf_of" not in ann and ann["note"] == "on behalf of unknown"
    assert bob["on_behalf_of"] == "greens"
    summary = "\n".join(made.summary_lines())
    assert (
        "placeholder organisations not modelled (kept as notes where used): 'unknown' (1 use)"
        in summary
    )
    assert "organisations whose names differ only in case" in summary


def test_people_sharing_a_name_are_kept_apart_and_named() -> None:
    made = draft(people=[{"id": "jo-smith", "name": "Jo Smith"},
                         {"id": "jo-smith-2", "name": "Cllr Jo Smith"}])  # fmt: skip
    finish(made, "Test")
    assert len(made.people) == 2
    assert "shared by people with different ids" in "\n".join(made.summary_lines())
    assert "jo-smith, jo-smith-2" in "\n".join(made.summary_lines())


def test_committees_report_to_the_council_the_source_names() -> None:
    made = draft(bodies=[
        {"id": "council", "name": "Full Council", "kind": "council"},
        {"id": "audit", "name": "Audit Committee", "kind": "committee"},
        {"id": "audit-sub", "name": "Audit Sub-Committee", "kind": "sub-group"},
    ])  # fmt: skip
    finish(made, "Test")
    council, audit, sub = made.bodies
    assert council["root"] is True
    assert audit["reports_to"] == [{"body": "council"}]
    assert "reports_to" not in sub and "root" not in sub  # still an orphan for the audit
    summary = "\n".join(made.summary_lines())
    assert "roots: 1 body with no parent in the source report to 'Full Council'" in summary
    assert "1 sub-committee with no parent in the source left unattached" in summary


def test_without_a_council_one_root_is_made_named_after_the_model() -> None:
    made = draft(bodies=[{"id": "a", "name": "Alpha Board", "kind": "board"},
                         {"id": "b", "name": "Beta Panel", "kind": "panel"}])  # fmt: skip
    finish(made, "Northmoor Partnerships")
    root = made.bodies[0]
    assert (root["id"], root["name"], root["root"]) == (
        "northmoor-partnerships", "Northmoor Partnerships", True)  # fmt: skip
    assert all(b["reports_to"] == [{"body": root["id"]}] for b in made.bodies[1:])


def test_a_lone_top_is_the_root_itself() -> None:
    made = draft(bodies=[{"id": "top", "name": "Safeguarding Board", "kind": "board"},
                         {"id": "sub", "name": "Learning Group", "kind": "sub-group",
                          "reports_to": [{"body": "top"}]}])  # fmt: skip
    finish(made, "Test")
    assert [b["id"] for b in made.bodies] == ["top", "sub"] and made.bodies[0]["root"] is True


def test_a_source_that_states_its_roots_is_left_alone() -> None:
    made = draft(bodies=[{"id": "a", "name": "Alpha Board"}, {"id": "b", "name": "Beta"}])
    made.roots_given = True
    finish(made, "Test")
    assert made.bodies == [{"id": "a", "name": "Alpha Board"}, {"id": "b", "name": "Beta"}]


def test_the_mapped_draft_writes_a_valid_model(tmp_path: Any) -> None:
    made = draft(
        organisations=[{"id": "reds", "name": "Reds"}],
        people=[{"id": "ann", "name": "Ann"}],
        bodies=[{"id": "a", "name": "Alpha Board", "kind": "board", "members": [
            {"member": "ann", "on_behalf_of": "reds", "from": D(2020, 1, 1)},
            {"member": "ann", "role": "chair", "note": "Chairwoman"},
        ]}],
    )  # fmt: skip
    finish(made, "Test")
    model = write_draft(made, tmp_path / "out")
    (membership,) = model.bodies["a"].members
    assert (membership.role, membership.on_behalf_of) == ("chair", "reds")
    assert model.bodies["a"].root is True  # the only body: the root itself
