"""The register of national reorganisations and the abolished-organisation-kind check."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from govgraph.audit import audit
from govgraph.loader import load
from govgraph.packs.vocabulary import KINDS
from govgraph.reorganisations import BY_KIND, REORGANISATIONS, abolished

SLUG = "abolished-organisation-kind"
ModelDir = Callable[..., Path]

#: Each abolished kind and its last day, as the brief and the shared reference give them.
LAST_DAYS = {
    "police-authority": date(2012, 11, 21),
    "primary-care-trust": date(2013, 3, 31),
    "link": date(2013, 3, 31),
    "local-safeguarding-children-board": date(2019, 9, 29),
    "community-rehabilitation-company": date(2021, 6, 25),
    "public-health-england": date(2021, 9, 30),
    "ccg": date(2022, 6, 30),
    "nhs-digital": date(2023, 1, 31),
    "health-education-england": date(2023, 3, 31),
}


def test_the_register_holds_every_abolished_kind_with_its_last_day() -> None:
    assert {entry.kind: entry.last_day for entry in REORGANISATIONS} == LAST_DAYS
    for entry in REORGANISATIONS:
        assert entry.kind in KINDS and set(entry.successor_kinds) <= set(KINDS)
        assert entry.source and entry.confidence in ("confirmed", "from memory")


@pytest.mark.parametrize("kind", sorted(LAST_DAYS))
def test_abolished_from_the_day_after_the_last_day(kind: str) -> None:
    last = LAST_DAYS[kind]
    assert abolished(kind, last) is None
    assert abolished(kind, last + timedelta(days=1)) is BY_KIND[kind]


def model_with(model_dir: ModelDir, org: str, member: str = "org") -> Path:
    return model_dir(
        {
            "model.yaml": f"""\
            organisations:
              - {org}
            posts:
              - {{id: ao, title: Accountable Officer, organisation: org}}
            bodies:
              - id: hwb
                name: Health and Wellbeing Board
                members:
                  - {{member: {member}}}
            """
        }
    )


def findings(folder: Path, on: date) -> list[str]:
    return [f.message for f in audit(load(folder), on=on, select=[SLUG]).findings]


@pytest.mark.parametrize("kind", sorted(LAST_DAYS))
def test_a_member_of_an_abolished_kind_either_side_of_the_date(
    model_dir: ModelDir, kind: str
) -> None:
    folder = model_with(model_dir, f"{{id: org, name: The Organisation, kind: {kind}}}")
    last = LAST_DAYS[kind]
    assert findings(folder, last) == []
    (message,) = findings(folder, last + timedelta(days=1))
    assert message.startswith(f"The Organisation (org) is an organisation of kind '{kind}': ")
    assert f"(to: {last})" in message


def test_the_ccg_finding_names_the_successor_kind(model_dir: ModelDir) -> None:
    folder = model_with(model_dir, "{id: org, name: NHS Worcestershire CCG, kind: ccg}")
    result = audit(load(folder), on=date(2022, 7, 1), select=[SLUG])
    (finding,) = result.findings
    assert finding.subject == "hwb/org" and finding.file == "model.yaml" and finding.line == 9
    assert finding.message == (
        "NHS Worcestershire CCG (org) is an organisation of kind 'ccg': clinical commissioning "
        "groups were abolished nationally on 1 July 2022 (replaced by integrated care boards, "
        "kind 'icb'); mark org dissolved: 2022-06-30 with succeeded_by, and end this membership "
        "of Health and Wellbeing Board (to: 2022-06-30)"
    )


def test_public_health_england_names_both_successors(model_dir: ModelDir) -> None:
    folder = model_with(
        model_dir, "{id: org, name: Public Health England, kind: public-health-england}"
    )
    (message,) = findings(folder, date(2021, 10, 1))
    assert "Public Health England was abolished nationally on 1 October 2021" in message
    assert "kinds 'ukhsa' / 'ohid'" in message


def test_a_post_of_an_abolished_organisation_is_reported(model_dir: ModelDir) -> None:
    folder = model_with(model_dir, "{id: org, name: NHS Worcestershire CCG, kind: ccg}", "ao")
    (message,) = findings(folder, date(2023, 7, 7))
    assert message.startswith(
        "Accountable Officer (ao) is a post of NHS Worcestershire CCG (org), which is an "
        "organisation of kind 'ccg'"
    )


def test_an_organisation_marked_dissolved_is_left_to_dissolved_member(
    model_dir: ModelDir,
) -> None:
    folder = model_with(model_dir, "{id: org, name: CCG, kind: ccg, dissolved: 2022-06-30}")
    assert findings(folder, date(2023, 7, 7)) == []
    dissolved = audit(load(folder), on=date(2023, 7, 7), select=["dissolved-member"]).findings
    assert len(dissolved) == 1


def test_a_dissolved_date_later_than_the_national_one_is_still_reported(
    model_dir: ModelDir,
) -> None:
    folder = model_with(model_dir, "{id: org, name: CCG, kind: ccg, dissolved: 2022-12-31}")
    assert len(findings(folder, date(2022, 8, 1))) == 1
    assert findings(folder, date(2023, 1, 1)) == []


def test_an_ended_membership_or_other_kinds_are_fine(model_dir: ModelDir) -> None:
    ended = model_dir(
        {
            "model.yaml": """\
            organisations:
              - {id: ccg, name: CCG, kind: ccg}
              - {id: icb, name: ICB, kind: icb}
            bodies:
              - id: hwb
                name: Health and Wellbeing Board
                members:
                  - {member: ccg, to: 2022-06-30}
                  - {member: icb, from: 2022-07-01}
            """
        }
    )
    assert findings(ended, date(2023, 7, 7)) == []


def test_an_ignore_on_the_organisation_accepts_it(model_dir: ModelDir) -> None:
    org = (
        "{id: org, name: CCG, kind: ccg, ignore: [{check: abolished-organisation-kind, "
        "reason: historical record}]}"
    )
    result = audit(load(model_with(model_dir, org)), on=date(2023, 7, 7), select=[SLUG])
    assert result.findings == [] and [w.reason for w in result.waived] == ["historical record"]
