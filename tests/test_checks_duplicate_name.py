"""duplicate-name: a tiny model per case, and the folding of names on its own."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from support import findings_of, model_in_code

from govgraph.audit import audit
from govgraph.loader import load
from govgraph.model import Model
from govgraph.names import fold_name

SLUG = "duplicate-name"
ON = date(2023, 7, 7)


def found(model: Model) -> list[tuple[str, str]]:
    """(subject, message) of each finding."""
    return [(f.subject, f.message) for f in audit(model, on=ON, select=[SLUG]).findings]


def subjects(model: Model) -> list[str]:
    return [subject for subject, _ in found(model)]


@pytest.mark.parametrize(
    ("one", "other", "person"),
    [
        ("Cllr Jo Bloggs", "jo bloggs", True),
        ("Councillor Dr Jo Bloggs MBE", "Jo  Bloggs", True),
        ("Sir Jo Bloggs", "Dame Jo Bloggs", True),
        ("The Rt Hon Jo Bloggs MP", "Jo Bloggs", True),
        ("Zoë O’Brien", "Zoe OBrien", True),
        ("Health & Well-being Board", "The Health and Well being board", False),
        ("Children’s Trust", "Childrens' Trust", False),
    ],
)
def test_names_that_fold_together(one: str, other: str, person: bool) -> None:
    assert fold_name(one, person) == fold_name(other, person)


@pytest.mark.parametrize(
    ("one", "other", "person"),
    [
        ("Jo Bloggs", "Joe Bloggs", True),
        ("Lord Mayor's Charity Committee", "Mayor's Charity Committee", False),
        ("Health and Wellbeing Board", "Health and Wellbeing Partnership", False),
        ("Lord", "Lady", True),  # a title alone is the name, not folded away
        ("Lady Margaret Trust", "Margaret Trust", False),  # titles are folded for people only
    ],
)
def test_names_that_stay_apart(one: str, other: str, person: bool) -> None:
    assert fold_name(one, person) != fold_name(other, person)


def test_spacing_and_hyphens_are_ignored_when_names_are_compared() -> None:
    model = model_in_code(
        bodies=[
            {"id": "hwb", "name": "Health and Wellbeing Board"},
            {"id": "hwb-2", "name": "Health & Well-being Board"},
            {"id": "hwb-3", "name": "The Health and Well Being Board"},
            {"id": "hwp", "name": "Health and Wellbeing Partnership"},
        ]
    )
    ((subject, message),) = found(model)
    assert subject == "hwb-2"
    assert "(and so does hwb-3)" in message


def test_the_same_councillor_entered_twice_is_reported_once_at_the_second_entry() -> None:
    model = model_in_code(
        people=[
            {"id": "jo-bloggs", "name": "Cllr Jo Bloggs"},
            {"id": "sam", "name": "Sam Patel"},
            {"id": "joanne-bloggs", "name": "Jo Bloggs MBE"},
        ]
    )
    assert found(model) == [
        (
            "joanne-bloggs",
            "Jo Bloggs MBE (joanne-bloggs) has the same name as the person Cllr Jo Bloggs "
            "(jo-bloggs) once titles are set aside: if they are one person, keep one entry "
            "and point the other's seats at it (the other spelling can go in other_names); "
            "if not, add ignore: [{check: duplicate-name, reason: …}] to either",
        )
    ]


def test_three_entries_of_one_name_make_one_finding_naming_them_all() -> None:
    model = model_in_code(
        organisations=[
            {"id": "wdc", "name": "Wychavon District Council"},
            {"id": "wdc-2", "name": "WYCHAVON DISTRICT COUNCIL"},
            {"id": "wdc-3", "name": "Wychavon District Council."},
        ]
    )
    ((subject, message),) = found(model)
    assert subject == "wdc-2"
    assert message.startswith(
        "WYCHAVON DISTRICT COUNCIL (wdc-2) has the same name as the organisation Wychavon "
        "District Council (wdc) (and so does wdc-3): if they are one organisation"
    )


def test_kinds_are_compared_apart() -> None:
    model = model_in_code(
        organisations=[{"id": "hwb-org", "name": "Health and Wellbeing Board"}],
        bodies=[{"id": "hwb", "name": "Health and Wellbeing Board"}],
        posts=[{"id": "hwb-post", "title": "Health and Wellbeing Board"}],
        people=[{"id": "hwb-person", "name": "Health and Wellbeing Board"}],
    )
    assert subjects(model) == []


def test_posts_are_compared_within_their_organisation() -> None:
    model = model_in_code(
        organisations=[{"id": "wcc", "name": "County"}, {"id": "wdc", "name": "District"}],
        posts=[
            {"id": "wcc-ceo", "title": "Chief Executive", "organisation": "wcc"},
            {"id": "wdc-ceo", "title": "Chief Executive", "organisation": "wdc"},
            {"id": "wdc-ceo-2", "title": "Chief executive", "organisation": "wdc"},
        ],
    )
    assert subjects(model) == ["wdc-ceo-2"]


def test_bodies_are_compared_within_their_host() -> None:
    model = model_in_code(
        organisations=[{"id": "wcc", "name": "County"}, {"id": "wdc", "name": "District"}],
        bodies=[
            {"id": "wcc-audit", "name": "Audit Committee", "hosted_by": "wcc"},
            {"id": "wdc-audit", "name": "Audit Committee", "hosted_by": "wdc"},
            {"id": "audit", "name": "Audit Committee"},
            {"id": "audit-2", "name": "The Audit Committee"},
        ],
    )
    assert subjects(model) == ["audit-2"]


def test_only_current_entities_are_compared() -> None:
    # A successor that took a dissolved body's name, a councillor re-entered after
    # they left, an organisation re-formed: each is fine once the first has ended.
    model = model_in_code(
        organisations=[
            {"id": "ccg", "name": "NHS Worcestershire", "dissolved": "2022-06-30"},
            {"id": "icb", "name": "NHS Worcestershire", "established": "2022-07-01"},
        ],
        people=[
            {"id": "jo", "name": "Jo Bloggs", "left": "2021-05-06"},
            {"id": "jo-2", "name": "Cllr Jo Bloggs"},
        ],
        bodies=[
            {"id": "lscb", "name": "Safeguarding Board", "dissolved": "2019-09-28"},
            {"id": "wscp", "name": "Safeguarding Board", "established": "2019-09-29"},
        ],
    )
    assert subjects(model) == []
    before = found(model_in_code(people=[{"id": "jo", "name": "Jo Bloggs", "left": "2023-07-07"},
                                         {"id": "jo-2", "name": "Cllr Jo Bloggs"}]))  # fmt: skip
    assert [subject for subject, _ in before] == ["jo-2"]  # on her last day, still current


def test_the_finding_says_where_the_first_entry_is_and_an_ignore_on_either_accepts_it(
    model_dir: Callable[..., Path],
) -> None:
    text = """\
    people:
      - {id: jo, name: Cllr Jo Bloggs}
      - {id: jo-2, name: Jo Bloggs}
    """
    (finding,) = findings_of(model_dir, text, SLUG, ON)
    assert (finding.subject, finding.file, finding.line) == ("jo-2", "model.yaml", 3)
    assert "the person Cllr Jo Bloggs (jo, model.yaml:2) once titles" in finding.message
    reason = 'ignore: [{check: duplicate-name, reason: "two councillors of one name"}]'
    for waived_on in ("jo", "jo-2"):
        lines = [
            "people:",
            "  - {id: jo, name: Cllr Jo Bloggs"
            + (f", {reason}" if waived_on == "jo" else "")
            + "}",
            "  - {id: jo-2, name: Jo Bloggs" + (f", {reason}" if waived_on == "jo-2" else "") + "}",
        ]
        folder = model_dir({"model.yaml": "\n".join(lines) + "\n"}, name=waived_on)
        result = audit(load(folder), on=ON, select=[SLUG])
        assert result.findings == []
        assert [w.reason for w in result.waived] == ["two councillors of one name"]
