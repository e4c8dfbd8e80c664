"""statutory-composition: each built-in pack judged on the days either side of each change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from support import CliResult

from govgraph.audit import audit
from govgraph.loader import load

SLUG = "statutory-composition"

#: One organisation of every kind the packs use, none marked dissolved, so that
#: the packs' own dates (not the model's) decide what counts.
ORGANISATIONS = """\
organisations:
  - {id: wcc, name: Worcestershire County Council, kind: county-council}
  - {id: wyre-dc, name: Wyre Forest District Council, kind: district-council}
  - {id: unitary, name: Herefordshire Council, kind: unitary-council}
  - {id: pct, name: Worcestershire PCT, kind: primary-care-trust}
  - {id: ccg, name: NHS Worcestershire CCG, kind: ccg}
  - {id: icb, name: NHS Herefordshire and Worcestershire ICB, kind: icb}
  - {id: police, name: West Mercia Police, kind: police}
  - {id: police-authority, name: West Mercia Police Authority, kind: police-authority}
  - {id: fire, name: Hereford and Worcester Fire Authority, kind: fire-and-rescue}
  - {id: probation, name: The Probation Service, kind: probation}
  - {id: crc, name: Warwickshire and West Mercia CRC, kind: community-rehabilitation-company}
  - {id: healthwatch, name: Healthwatch Worcestershire, kind: healthwatch}
posts:
  - {id: cmr-health, title: Cabinet Member for Health, organisation: wcc, role: cabinet-member}
  - {id: dass, title: Director of Adult Social Services, organisation: wcc,
     role: director-of-adult-social-services}
  - {id: dcs, title: Director of Children's Services, organisation: wcc,
     role: director-of-children-services}
  - {id: dph, title: Director of Public Health, organisation: wcc, role: director-of-public-health}
"""

Findings = Callable[..., list[str]]


@pytest.fixture
def findings(model_dir: Callable[..., Path]) -> Findings:
    """``findings(pack, members, on)``: statutory-composition messages for one body."""

    def run(pack: str, members: list[str], on: str, more: str = "") -> list[str]:
        rows = "".join(f"      - {{member: {m}}}\n" for m in members) or "      []\n"
        body = (
            "bodies:\n"
            "  - id: board\n"
            "    name: The Board\n"
            f"    statutory: {pack}\n"
            "    members:\n" + rows
        )
        files = {"model.yaml": ORGANISATIONS + body}
        if more:
            files["more.yaml"] = more
        folder = model_dir(files)
        result = audit(load(folder), on=date.fromisoformat(on), select=[SLUG])
        assert all(f.subject == "board" and f.file == "model.yaml" for f in result.findings)
        body_line = ORGANISATIONS.count("\n") + 2  # findings point at the body
        assert all(f.line == body_line for f in result.findings)
        return sorted(f.message for f in result.findings)

    return run


HWB_2013 = ["cmr-health", "dass", "dcs", "dph", "healthwatch"]


# --- Health and Wellbeing Board ---------------------------------------------------------


def test_hwb_a_ccg_meets_s194_2_f_on_its_last_day(findings: Findings) -> None:
    assert findings("health-and-wellbeing-board", [*HWB_2013, "ccg"], "2022-06-30") == []


def test_hwb_a_ccg_no_longer_meets_s194_2_f_from_1_july_2022(findings: Findings) -> None:
    assert findings("health-and-wellbeing-board", [*HWB_2013, "ccg"], "2022-07-01") == [
        "Health and Social Care Act 2012 s194(2)(f): requires a representative of each "
        "relevant integrated care board; NHS Herefordshire and Worcestershire ICB (icb) is not "
        "among the current members"
    ]


def test_hwb_an_icb_does_not_meet_s194_2_f_before_1_july_2022(findings: Findings) -> None:
    found = findings("health-and-wellbeing-board", [*HWB_2013, "icb"], "2022-06-30")
    assert len(found) == 1 and "s194(2)(f)" in found[0] and "clinical commissioning" in found[0]
    assert findings("health-and-wellbeing-board", [*HWB_2013, "icb"], "2022-07-01") == []


def test_hwb_requires_nothing_before_boards_started(findings: Findings) -> None:
    assert findings("health-and-wellbeing-board", [], "2013-03-31") == []


def test_hwb_empty_board_lacks_every_member_from_1_april_2013(findings: Findings) -> None:
    found = findings("health-and-wellbeing-board", [], "2013-04-01")
    cites = [message.split(":")[0] for message in found]
    assert cites == [f"Health and Social Care Act 2012 s194(2)({c})" for c in "abcdef"]
    healthwatch = next(m for m in found if "(e)" in m)
    assert healthwatch == (
        "Health and Social Care Act 2012 s194(2)(e): requires a representative of the Local "
        "Healthwatch organisation for the area; none of the current members is an organisation "
        "of kind 'healthwatch'"
    )


def test_hwb_missing_director_of_public_health_names_the_role(findings: Findings) -> None:
    members = ["cmr-health", "dass", "dcs", "healthwatch", "icb"]
    (found,) = findings("health-and-wellbeing-board", members, "2023-07-07")
    assert found.startswith("Health and Social Care Act 2012 s194(2)(d): requires the director")
    assert "role 'director-of-public-health'" in found


def test_hwb_elected_mayor_instead_of_a_councillor(findings: Findings) -> None:
    mayor = "posts:\n  - {id: mayor, title: Elected Mayor, role: elected-mayor}\n"
    members = ["mayor", "dass", "dcs", "dph", "healthwatch", "icb"]
    assert findings("health-and-wellbeing-board", members, "2023-07-07", mayor) == []
    (found,) = findings("health-and-wellbeing-board", members[1:], "2023-07-07", mayor)
    assert found.endswith(
        "none of the current members is a councillor or a post or person with role 'elected-mayor'"
    )


# --- Safeguarding children partners ------------------------------------------------------


SCP = "safeguarding-children-partners"


def test_scp_nothing_required_before_29_june_2019(findings: Findings) -> None:
    assert findings(SCP, [], "2019-06-28") == []


def test_scp_the_three_partners_from_29_june_2019(findings: Findings) -> None:
    found = findings(SCP, [], "2019-06-29")
    assert [m.split(":")[0] for m in found] == [
        "Children Act 2004 s16E(3)(a)",
        "Children Act 2004 s16E(3)(b)",
        "Children Act 2004 s16E(3)(c)",
    ]
    assert findings(SCP, ["wcc", "ccg", "police"], "2019-06-29") == []


def test_scp_ccg_until_30_june_2022_then_icb(findings: Findings) -> None:
    assert findings(SCP, ["wcc", "ccg", "police"], "2022-06-30") == []
    (found,) = findings(SCP, ["wcc", "ccg", "police"], "2022-07-01")
    assert found.startswith("Children Act 2004 s16E(3)(b): requires an integrated care board")
    assert findings(SCP, ["wcc", "icb", "police"], "2022-07-01") == []


def test_scp_a_district_council_is_not_the_local_authority(findings: Findings) -> None:
    (found,) = findings(SCP, ["wyre-dc", "icb", "police"], "2023-07-07")
    assert "s16E(3)(a)" in found and "'county-council'" in found


def test_scp_the_council_is_represented_by_its_directors_post(findings: Findings) -> None:
    assert findings(SCP, ["dcs", "icb", "police"], "2023-07-07") == []


# --- Safeguarding Adults Board -----------------------------------------------------------


SAB = "safeguarding-adults-board"


def test_sab_from_1_april_2015(findings: Findings) -> None:
    assert findings(SAB, [], "2015-03-31") == []
    found = findings(SAB, ["wcc"], "2015-04-01")
    assert [m.split(":")[0] for m in found] == [
        "Care Act 2014 Sch 2 para 1(1)(b)",
        "Care Act 2014 Sch 2 para 1(1)(c)",
    ]


def test_sab_ccg_until_30_june_2022_then_icb(findings: Findings) -> None:
    assert findings(SAB, ["wcc", "ccg", "police"], "2022-06-30") == []
    (found,) = findings(SAB, ["wcc", "ccg", "police"], "2022-07-01")
    assert "Sch 2 para 1(1)(b): requires an integrated care board" in found
    assert findings(SAB, ["unitary", "icb", "police"], "2022-07-01") == []


# --- Community Safety Partnership --------------------------------------------------------


CSP = "community-safety-partnership"
CSP_2012 = ["unitary", "police", "police-authority", "fire", "probation", "pct"]


def test_csp_police_authority_until_21_november_2012(findings: Findings) -> None:
    assert findings(CSP, CSP_2012, "2012-11-21") == []
    without = [m for m in CSP_2012 if m != "police-authority"]
    (found,) = findings(CSP, without, "2012-11-21")
    assert found.startswith("Crime and Disorder Act 1998 s5(1)(c): requires every police authority")
    assert findings(CSP, without, "2012-11-22") == []


def test_csp_pct_until_31_march_2013_then_ccg(findings: Findings) -> None:
    members = ["unitary", "police", "fire", "probation", "pct"]
    assert findings(CSP, members, "2013-03-31") == []
    (found,) = findings(CSP, members, "2013-04-01")
    assert "s5(1)(e): requires every clinical commissioning group" in found
    assert findings(CSP, [*members[:-1], "ccg"], "2013-04-01") == []


def test_csp_ccg_until_30_june_2022_then_icb(findings: Findings) -> None:
    members = ["unitary", "police", "fire", "probation", "ccg"]
    assert findings(CSP, members, "2022-06-30") == []
    (found,) = findings(CSP, members, "2022-07-01")
    assert "s5(1)(e): requires every integrated care board" in found


def test_csp_a_crc_is_a_probation_provider_until_25_june_2021(findings: Findings) -> None:
    members = ["unitary", "police", "fire", "crc", "ccg"]
    assert findings(CSP, members, "2021-06-25") == []
    (found,) = findings(CSP, members, "2021-06-26")
    assert found.startswith("Crime and Disorder Act 1998 s5(1)(aa)")
    assert "an organisation of kind 'probation'" in found


def test_csp_two_tier_area_needs_district_and_county(findings: Findings) -> None:
    rest = ["police", "fire", "probation", "icb"]
    assert findings(CSP, ["wyre-dc", "wcc", *rest], "2023-07-07") == []
    (found,) = findings(CSP, ["wyre-dc", *rest], "2023-07-07")
    assert found.startswith("Crime and Disorder Act 1998 s5(1)(a): requires the council")
    assert "none of:" in found and "'county-council'" in found


# --- how members count --------------------------------------------------------------------


def test_each_means_every_current_organisation_of_the_kind(findings: Findings) -> None:
    second = "organisations:\n  - {id: btp, name: British Transport Police, kind: police}\n"
    (found,) = findings(SCP, ["wcc", "icb", "police"], "2023-07-07", second)
    assert found.endswith("; British Transport Police (btp) is not among the current members")
    assert findings(SCP, ["wcc", "icb", "police", "btp"], "2023-07-07", second) == []


def test_a_substitute_seat_does_not_meet_a_requirement(model_dir: Callable[..., Path]) -> None:
    folder = model_dir(
        {
            "model.yaml": """\
            organisations:
              - {id: wcc, name: Worcestershire County Council, kind: county-council}
              - {id: icb, name: NHS Herefordshire and Worcestershire ICB, kind: icb}
              - {id: police, name: West Mercia Police, kind: police}
            bodies:
              - id: wscp
                name: Safeguarding Children Partnership
                statutory: safeguarding-children-partners
                members: [{member: wcc}, {member: police}, {member: icb, role: substitute}]
            """
        }
    )
    result = audit(load(folder), on=date(2023, 7, 7), select=[SLUG])
    assert [f.message.split("; ", 1)[1] for f in result.findings] == [
        "NHS Herefordshire and Worcestershire ICB (icb) sits on it only as a substitute, "
        "which does not count"
    ]


def test_an_organisation_outside_the_area_is_waived_by_its_ignore(findings: Findings) -> None:
    outside = (
        "organisations:\n  - id: btp\n    name: British Transport Police\n    kind: police\n"
        "    ignore: [{check: statutory-composition, reason: not a police area of ours}]\n"
    )
    assert findings(SCP, ["wcc", "icb", "police"], "2023-07-07", outside) == []


def test_people_count_through_their_roles_and_the_posts_they_hold(findings: Findings) -> None:
    people = """\
    people:
      - {id: cllr-ruth, name: Cllr Ruth Okafor, roles: [councillor]}
      - {id: priya, name: Priya Lane}
      - {id: gone, name: Cllr Gone, roles: [councillor], left: 2023-05-04}
    posts:
      - id: dph2
        title: Director of Public Health (interim)
        role: director-of-public-health
        holders: [{person: priya, from: 2023-01-01}]
    """
    people = "\n".join(line.removeprefix("    ") for line in people.splitlines()) + "\n"
    members = ["cllr-ruth", "dass", "dcs", "priya", "healthwatch", "icb"]
    assert findings("health-and-wellbeing-board", members, "2023-07-07", people) == []
    (before,) = findings("health-and-wellbeing-board", members, "2022-12-31", people)
    assert "s194(2)(d)" in before, "Priya holds the post only from 2023-01-01"
    departed = ["gone", *members[1:]]
    (found,) = findings("health-and-wellbeing-board", departed, "2023-07-07", people)
    assert "s194(2)(a)" in found, "a councillor who has left counts for nothing"


def test_a_near_miss_kind_is_pointed_out(findings: Findings) -> None:
    odd = "organisations:\n  - {id: hw-icb, name: H&W ICB, kind: ICB}\n"
    (found,) = findings(SCP, ["wcc", "hw-icb", "police"], "2023-07-07", odd)
    assert found.endswith(
        "NHS Herefordshire and Worcestershire ICB (icb) is not among the current members "
        "(H&W ICB has kind 'ICB': the pack looks for 'icb')"
    )


def test_a_dissolved_organisation_does_not_count(model_dir: Callable[..., Path]) -> None:
    folder = model_dir(
        {
            "model.yaml": """\
            organisations:
              - {id: wcc, name: Worcestershire County Council, kind: county-council}
              - {id: police, name: West Mercia Police, kind: police, dissolved: 2023-01-01}
              - {id: icb, name: ICB, kind: icb}
            bodies:
              - id: wscp
                name: Safeguarding Children Partnership
                statutory: safeguarding-children-partners
                members: [{member: wcc}, {member: police}, {member: icb}]
            """
        }
    )
    messages = [f.message for f in audit(load(folder), on=date(2023, 7, 7), select=[SLUG]).findings]
    assert messages == [
        "Children Act 2004 s16E(3)(c): requires the chief officer of police for a police area "
        "any part of which falls within the local authority area; the model has no current "
        "organisation of kind 'police' to sit on it; add the organisation and its membership"
    ]


def test_a_dissolved_body_is_not_judged(model_dir: Callable[..., Path]) -> None:
    folder = model_dir(
        {
            "model.yaml": """\
            bodies:
              - id: wscb
                name: Safeguarding Children Board
                statutory: safeguarding-children-partners
                dissolved: 2019-09-28
            """
        }
    )
    model = load(folder)
    assert audit(model, on=date(2019, 9, 29), select=[SLUG]).findings == []
    assert len(audit(model, on=date(2019, 9, 28), select=[SLUG]).findings) == 3


def test_govgraph_check_reports_the_citation_and_fails(
    model_dir: Callable[..., Path], cli: Callable[..., CliResult]
) -> None:
    folder = model_dir(
        {
            "model.yaml": """\
            organisations:
              - {id: wcc, name: Worcestershire County Council, kind: county-council}
              - {id: icb, name: ICB, kind: icb}
            bodies:
              - id: wscp
                name: Safeguarding Children Partnership
                root: true
                statutory: safeguarding-children-partners
                members: [{member: wcc, role: chair}, {member: icb}]
            """
        }
    )
    result = cli("check", folder, "--as-of", "2023-07-07", "--select", SLUG)
    assert result.exit_code == 1
    assert "Children Act 2004 s16E(3)(c): requires the chief officer" in result.stdout
