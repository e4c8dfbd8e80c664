"""The body and member checks: missing-required-member, no-chair, empty-body,
large-membership, many-roles; and what no check may say about dissolved or future bodies."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from support import findings_of

from govgraph.audit import audit
from govgraph.findings import Finding
from govgraph.loader import load

ModelDir = Callable[..., Path]
ON = date(2023, 7, 7)


def run(
    model_dir: ModelDir, yaml_text: str, slug: str, on: date = ON, settings: str = ""
) -> list[Finding]:
    return findings_of(model_dir, yaml_text, slug, on, settings)


# --- missing-required-member -------------------------------------------------------------

PARTNERS = """\
organisations:
  - {id: wcc, name: Worcestershire County Council, tags: [safeguarding-partner]}
  - id: ccg
    name: Herefordshire and Worcestershire CCG
    tags: [safeguarding-partner]
    dissolved: 2022-06-30
  - id: icb
    name: NHS Herefordshire and Worcestershire ICB
    tags: [safeguarding-partner]
    established: 2022-07-01
  - {id: police, name: West Mercia Police, tags: [safeguarding-partner]}
posts:
  - {id: dcs, title: Director of Children's Services, organisation: wcc}
bodies:
  - id: wscp
    name: Safeguarding Children Partnership
    requires:
      - tag: safeguarding-partner
    members:
      - {member: dcs}
      - {member: ccg, to: 2022-06-30}
      - {member: police, to: 2023-03-31}
"""


@pytest.mark.parametrize(("on", "missing"), [
    (date(2022, 6, 30), []),
    (date(2022, 7, 1), ["wscp/icb"]),
    (date(2023, 3, 31), ["wscp/icb"]),
    (date(2023, 4, 1), ["wscp/icb", "wscp/police"]),
])  # fmt: skip
def test_tag_rule_requires_every_current_tagged_organisation(
    model_dir: ModelDir, on: date, missing: list[str]
) -> None:
    found = run(model_dir, PARTNERS, "missing-required-member", on=on)
    assert sorted(f.subject for f in found) == missing
    # The council is present through its post, so it is never reported.


def test_tag_rule_finding_points_at_the_rule_and_says_what_to_add(model_dir: ModelDir) -> None:
    [icb, _] = run(model_dir, PARTNERS, "missing-required-member")
    assert (icb.file, icb.line) == ("model.yaml", 18)
    assert icb.message == (
        "NHS Herefordshire and Worcestershire ICB is a current 'safeguarding-partner' "
        "organisation but is not a member of Safeguarding Children Partnership, which requires "
        "every one (requires: tag safeguarding-partner); add it (or one of its posts) to members"
    )


def test_a_misspelt_tag_is_reported_with_a_suggestion(model_dir: ModelDir) -> None:
    text = PARTNERS.replace("- tag: safeguarding-partner", "- tag: safeguarding-partnr")
    [finding] = run(model_dir, text, "missing-required-member")
    assert finding.subject == "wscp"
    assert "no organisation in the model has that tag (did you mean 'safeguarding-partner'?)" in (
        finding.message
    )


MEMBER_RULE = """\
organisations:
  - {id: police, name: West Mercia Police}
  - {id: ccg, name: Herefordshire and Worcestershire CCG, dissolved: 2022-06-30, succeeded_by: icb}
  - {id: icb, name: NHS Herefordshire and Worcestershire ICB}
posts:
  - {id: dph, title: Director of Public Health}
bodies:
  - id: hwb
    name: Health and Wellbeing Board
    requires:
      - member: dph
      - member: police
      - member: ccg
    members:
      - {member: dph}
      - {member: police, to: 2023-03-31}
      - {member: icb}
"""


def test_member_rule_counts_a_vacant_post_and_explains_an_ended_membership(
    model_dir: ModelDir,
) -> None:
    found = {f.subject: f.message for f in run(model_dir, MEMBER_RULE, "missing-required-member")}
    assert sorted(found) == ["hwb/ccg", "hwb/police"]
    assert found["hwb/police"] == (
        "Health and Wellbeing Board requires West Mercia Police as a member, but West Mercia "
        "Police is not a current member (its membership ended on 2023-03-31); add West Mercia "
        "Police to members"
    )
    assert (
        "it was dissolved on 2022-06-30 and succeeded by NHS Herefordshire and Worcestershire "
        "ICB; update the requires rule"
    ) in found["hwb/ccg"]


def test_member_rule_met_on_the_last_day_of_the_membership(model_dir: ModelDir) -> None:
    found = run(model_dir, MEMBER_RULE, "missing-required-member", on=date(2022, 6, 30))
    assert [f.subject for f in found] == ["hwb/ccg"]  # the CCG was never a member
    found = run(model_dir, MEMBER_RULE, "missing-required-member", on=date(2023, 3, 31))
    assert "hwb/police" not in [f.subject for f in found]


def test_member_rule_asks_nothing_before_the_organisation_exists(model_dir: ModelDir) -> None:
    text = (
        MEMBER_RULE.replace(
            "{id: icb, name: NHS Herefordshire and Worcestershire ICB}",
            "{id: icb, name: NHS Herefordshire and Worcestershire ICB, established: 2022-07-01}",
        )
        .replace("- member: ccg", "- member: icb")
        .replace("- {member: icb}", "- {member: icb, from: 2022-09-01}")
    )
    found = run(model_dir, text, "missing-required-member", on=date(2022, 6, 30))
    assert [f.subject for f in found] == []  # no ICB yet, so none required
    found = run(model_dir, text, "missing-required-member", on=date(2022, 8, 1))
    assert [f.subject for f in found] == ["hwb/icb"]  # the ICB exists but has not joined


# --- no-chair and empty-body -------------------------------------------------------------

CHAIRS = """\
people:
  - {id: jo, name: Cllr Jo Bloggs}
  - {id: sam, name: Sam Lee}
bodies:
  - id: cyp
    name: Children's Partnership
    members:
      - {member: jo, role: chair, to: 2023-03-31}
      - {member: sam, role: vice-chair}
  - id: forum
    name: Provider Forum
    members:
      - {member: sam, to: 2021-03-31}
  - id: panel
    name: New Panel
    members:
      - {member: sam, role: chair, from: 2024-01-01}
  - {id: future, name: Future Board, established: 2024-01-01}
"""


@pytest.mark.parametrize(("on", "subjects"), [
    (date(2023, 3, 31), []), (date(2023, 4, 1), ["cyp"]),
])  # fmt: skip
def test_no_chair_from_the_day_after_the_chair_stood_down(
    model_dir: ModelDir, on: date, subjects: list[str]
) -> None:
    found = run(model_dir, CHAIRS, "no-chair", on=on)
    assert [f.subject for f in found] == subjects
    for finding in found:
        assert "(its last chair, Cllr Jo Bloggs, stood down on 2023-03-31)" in finding.message


def test_empty_body_says_when_members_ended_or_start(model_dir: ModelDir) -> None:
    found = {f.subject: f.message for f in run(model_dir, CHAIRS, "empty-body")}
    assert sorted(found) == ["forum", "panel"]  # "future" does not exist yet: not judged
    assert "(its last membership ended on 2021-03-31)" in found["forum"]
    assert "(its first membership starts on 2024-01-01)" in found["panel"]


@pytest.mark.parametrize(("on", "empty"), [
    (date(2021, 3, 31), ["panel"]), (date(2021, 4, 1), ["forum", "panel"]),
    (date(2024, 1, 1), ["forum", "future"]),
])  # fmt: skip
def test_empty_body_on_the_edges_of_dates(model_dir: ModelDir, on: date, empty: list[str]) -> None:
    assert sorted(f.subject for f in run(model_dir, CHAIRS, "empty-body", on=on)) == empty


# --- large-membership --------------------------------------------------------------------


def _members(count: int) -> str:
    orgs = "".join(f"  - {{id: org-{i}, name: Organisation {i}}}\n" for i in range(count))
    seats = "".join(f"      - {{member: org-{i}}}\n" for i in range(count))
    return f"organisations:\n{orgs}bodies:\n  - id: big\n    name: Big Partnership\n    members:\n{seats}"


@pytest.mark.parametrize(("count", "settings", "fires"), [
    (25, "", False), (26, "", True), (4, "large_membership: 4\n", False),
    (5, "large_membership: 4\n", True),
])  # fmt: skip
def test_large_membership_is_more_than_the_setting(
    model_dir: ModelDir, count: int, settings: str, fires: bool
) -> None:
    found = run(model_dir, _members(count), "large-membership", settings=settings)
    assert bool(found) is fires
    if fires:
        assert found[0].message.startswith(f"Big Partnership has {count} current members, more ")


# --- many-roles --------------------------------------------------------------------------

ROLES = """\
organisations:
  - {id: wcc, name: Worcestershire County Council}
people:
  - {id: jo, name: Cllr Jo Bloggs}
posts:
  - id: lead
    title: Cabinet Member for Children
    holders: [{person: jo, from: 2021-05-10, to: 2023-05-04}]
  - {id: dph, title: Director of Public Health}
bodies:
  - {id: a, name: Board A, members: [{member: jo}, {member: wcc}, {member: dph}]}
  - {id: b, name: Board B, members: [{member: jo}, {member: wcc}, {member: dph}]}
  - {id: c, name: Board C, members: [{member: lead}, {member: wcc}, {member: dph}]}
  - {id: d, name: Board D, dissolved: 2020-01-01, members: [{member: jo}, {member: wcc}]}
"""


@pytest.mark.parametrize(("on", "subjects"), [
    (date(2023, 5, 4), ["dph", "jo", "wcc"]), (date(2023, 5, 5), ["dph", "wcc"]),
])  # fmt: skip
def test_many_roles_counts_a_persons_seats_through_posts_they_hold(
    model_dir: ModelDir, on: date, subjects: list[str]
) -> None:
    found = run(model_dir, ROLES, "many-roles", on=on, settings="many_roles: 2\n")
    assert sorted(f.subject for f in found) == subjects
    # A held post's seats count for its holder, so "lead" is never reported on its own.


def test_many_roles_names_the_bodies_and_points_at_the_member(model_dir: ModelDir) -> None:
    found = run(model_dir, ROLES, "many-roles", on=date(2023, 1, 1), settings="many_roles: 2\n")
    jo = next(f for f in found if f.subject == "jo")
    assert jo.line == 4
    assert jo.message.startswith(
        "Cllr Jo Bloggs sits on 3 current bodies, more than the 2 set as many_roles: "
        "Board A, Board B, Board C (as Cabinet Member for Children);"
    )


def test_many_roles_default_threshold_is_five(model_dir: ModelDir) -> None:
    assert run(model_dir, ROLES, "many-roles") == []


# --- nothing is said about bodies that do not exist on the date --------------------------

GONE = """\
organisations:
  - {id: ccg, name: CCG, dissolved: 2019-01-01}
people:
  - {id: jo, name: Jo, left: 2019-01-01}
bodies:
  - id: old
    name: Old Board
    dissolved: 2020-06-30
    reports_to: [{body: older, direction: up, frequency: monthly, last_reported: 2001-01-01}]
    requires: [{tag: nobody-has-this}]
    members:
      - {member: ccg, to: 2020-06-30}
      - {member: jo, to: 2020-06-30}
  - {id: older, name: Older Board, dissolved: 2020-06-30, reports_to: [{body: old}]}
  - id: new
    name: New Board
    established: 2030-01-01
    reports_to: [{body: new}]
    requires: [{tag: nobody-has-this}]
"""


def test_dissolved_and_future_bodies_raise_no_findings(model_dir: ModelDir) -> None:
    result = audit(load(model_dir({"model.yaml": GONE})), on=ON)
    assert result.findings == []
    # The same model judged while the old bodies existed is full of findings.
    before = audit(load(model_dir({"model.yaml": GONE}, name="again")), on=date(2020, 6, 30))
    assert {f.check for f in before.findings} >= {
        "reporting-cycle", "orphaned-body", "one-way-reporting", "report-overdue",
        "dissolved-member", "departed-member", "missing-required-member",
        "no-chair",
    }  # fmt: skip


def test_many_roles_says_once_when_every_seat_comes_through_one_post(model_dir: ModelDir) -> None:
    text = """\
    people: [{id: sam, name: Sam Lee}]
    posts:
      - {id: dcs, title: Director of Children's Services, holders: [{person: sam}]}
    bodies:
      - {id: a, name: Board A, members: [{member: dcs}]}
      - {id: b, name: Board B, members: [{member: dcs}]}
    """
    [finding] = run(model_dir, text, "many-roles", settings="many_roles: 1\n")
    assert finding.subject == "sam"
    assert "many_roles: Board A, Board B (all as Director of Children's Services);" in (
        finding.message
    )
