"""The membership checks: dissolved-member, departed-member, vacant-post, term-expired,
review-overdue, legacy-membership, membership-of-dissolved-body."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from support import findings_of

from govgraph.findings import Finding

ModelDir = Callable[..., Path]
ON = date(2023, 7, 7)


def run(
    model_dir: ModelDir, yaml_text: str, slug: str, on: date = ON, settings: str = ""
) -> list[Finding]:
    return findings_of(model_dir, yaml_text, slug, on, settings)


# --- dissolved-member --------------------------------------------------------------------

CCG = """\
organisations:
  - {id: ccg, name: Herefordshire and Worcestershire CCG, dissolved: 2022-06-30, succeeded_by: icb}
  - {id: icb, name: NHS Herefordshire and Worcestershire ICB, established: 2022-07-01}
  - {id: pct, name: Worcestershire PCT, dissolved: 2013-03-31, succeeded_by: ccg}
  - {id: cdc, name: Old Charity, dissolved: 2020-01-31}
bodies:
  - id: hwb
    name: Health and Wellbeing Board
    members:
      - {member: ccg}
      - {member: pct, to: 2013-03-31}
  - id: wscp
    name: Safeguarding Children Partnership
    members:
      - {member: pct}
      - {member: cdc}
      - {member: icb, from: 2022-07-01}
"""


@pytest.mark.parametrize(("on", "subjects"), [
    (date(2022, 6, 30), ["wscp/cdc", "wscp/pct"]),
    (date(2022, 7, 1), ["hwb/ccg", "wscp/cdc", "wscp/pct"]),
])  # fmt: skip
def test_dissolved_member_from_the_day_after_dissolution(
    model_dir: ModelDir, on: date, subjects: list[str]
) -> None:
    assert sorted(f.subject for f in run(model_dir, CCG, "dissolved-member", on=on)) == subjects


def test_dissolved_member_names_the_successor_and_points_at_the_membership(
    model_dir: ModelDir,
) -> None:
    found = {f.subject: f for f in run(model_dir, CCG, "dissolved-member")}
    ccg = found["hwb/ccg"]
    assert ccg.line == 10
    assert ccg.message == (
        "Herefordshire and Worcestershire CCG was dissolved on 2022-06-30 and succeeded by "
        "NHS Herefordshire and Worcestershire ICB; end its membership of Health and Wellbeing "
        "Board (to: 2022-06-30) or replace it with the successor"
    )
    pct = found["wscp/pct"].message
    assert "succeeded by Herefordshire and Worcestershire CCG, then by NHS Herefordshire" in pct
    assert "ICB is already a member, so this seat is left over" in pct
    assert found["wscp/cdc"].message == (
        "Old Charity was dissolved on 2020-01-31 but is still a member of Safeguarding "
        "Children Partnership; end this membership (to: 2020-01-31)"
    )


# --- departed-member ---------------------------------------------------------------------

DEPARTED = """\
people:
  - {id: jo, name: Cllr Jo Bloggs, left: 2023-05-04}
bodies:
  - id: cyp
    name: Children's Partnership
    members:
      - {member: jo, from: 2021-05-10}
  - id: hwb
    name: Health and Wellbeing Board
    members:
      - {member: jo, to: 2023-05-04}
"""


@pytest.mark.parametrize(("on", "count"), [
    (date(2023, 5, 3), 0), (date(2023, 5, 4), 0), (date(2023, 5, 5), 1),
])  # fmt: skip
def test_departed_member_from_the_day_after_they_left(
    model_dir: ModelDir, on: date, count: int
) -> None:
    found = run(model_dir, DEPARTED, "departed-member", on=on)
    assert len(found) == count
    for finding in found:
        assert finding.subject == "cyp/jo"
        assert finding.message.startswith("Cllr Jo Bloggs left on 2023-05-04")
        assert "end this membership (to: 2023-05-04)" in finding.message


# --- vacant-post -------------------------------------------------------------------------

VACANT = """\
people:
  - {id: sam, name: Sam Lee}
  - {id: ali, name: Ali Khan}
posts:
  - id: dcs
    title: Director of Children's Services
    holders:
      - {person: sam, from: 2019-01-01, to: 2022-12-31}
      - {person: ali, from: 2023-03-01}
  - {id: dph, title: Director of Public Health}
bodies:
  - id: cyp
    name: Children's Partnership
    members:
      - {member: dcs, role: chair}
      - {member: dph}
"""


@pytest.mark.parametrize(("on", "count"), [
    (date(2022, 12, 31), 0), (date(2023, 1, 1), 1), (date(2023, 2, 28), 1), (date(2023, 3, 1), 0),
])  # fmt: skip
def test_vacant_post_between_holders(model_dir: ModelDir, on: date, count: int) -> None:
    found = run(model_dir, VACANT, "vacant-post", on=on)
    assert len(found) == count
    for finding in found:
        assert finding.subject == "cyp/dcs"
        assert "(last held by Sam Lee until 2022-12-31)" in finding.message


def test_a_post_with_no_holders_recorded_is_not_called_vacant(model_dir: ModelDir) -> None:
    found = run(model_dir, VACANT, "vacant-post", on=date(2023, 1, 1))
    assert "cyp/dph" not in [f.subject for f in found]


# --- term-expired ------------------------------------------------------------------------

TERM = """\
organisations:
  - {id: hw, name: Healthwatch Worcestershire}
  - {id: vcs, name: Voluntary Sector Forum}
bodies:
  - id: hwb
    name: Health and Wellbeing Board
    members:
      - {member: hw, from: 2020-04-01, term_ends: 2023-03-31}
      - {member: vcs, from: 2020-04-01, term_ends: 2023-03-31, to: 2024-03-31}
"""


@pytest.mark.parametrize(("on", "count"), [
    (date(2023, 3, 30), 0), (date(2023, 3, 31), 0), (date(2023, 4, 1), 1),
])  # fmt: skip
def test_term_expired_only_without_a_to(model_dir: ModelDir, on: date, count: int) -> None:
    found = run(model_dir, TERM, "term-expired", on=on)
    assert [f.subject for f in found] == ["hwb/hw"] * count
    for finding in found:
        assert "term on Health and Wellbeing Board ended on 2023-03-31" in finding.message
        assert "set to: 2023-03-31 if they left" in finding.message


# --- review-overdue ----------------------------------------------------------------------

REVIEW = """\
organisations:
  - {id: wcc, name: Worcestershire County Council}
  - {id: police, name: West Mercia Police}
  - {id: fire, name: Fire and Rescue}
bodies:
  - id: wscp
    name: Safeguarding Children Partnership
    members:
      - {member: wcc, from: 2019-09-29, reviewed: 2022-01-10}
      - {member: police, from: 2022-03-15}
      - {member: fire}
  - id: csp
    name: Community Safety Partnership
    review_interval_months: 24
    members:
      - {member: wcc, from: 2019-09-29, reviewed: 2022-01-10}
"""


@pytest.mark.parametrize(("on", "subjects"), [
    (date(2023, 1, 10), []), (date(2023, 1, 11), ["wscp/wcc"]),
    (date(2023, 3, 16), ["wscp/police", "wscp/wcc"]),
    (date(2024, 1, 11), ["csp/wcc", "wscp/police", "wscp/wcc"]),
])  # fmt: skip
def test_review_overdue_counts_from_reviewed_else_from(
    model_dir: ModelDir, on: date, subjects: list[str]
) -> None:
    found = run(model_dir, REVIEW, "review-overdue", on=on)
    assert sorted(f.subject for f in found) == subjects


def test_review_overdue_messages_say_what_they_counted_from(model_dir: ModelDir) -> None:
    found = {f.subject: f.message for f in run(model_dir, REVIEW, "review-overdue")}
    assert (
        "was last reviewed on 2022-01-10; reviews are due every 12 months, so one was "
        "due by 2023-01-10"
    ) in found["wscp/wcc"]
    assert "has not been reviewed since it started on 2022-03-15" in found["wscp/police"]
    assert "wscp/fire" not in found  # neither reviewed nor from: nothing to count from


def test_review_interval_setting_applies_unless_the_body_sets_its_own(model_dir: ModelDir) -> None:
    found = run(model_dir, REVIEW, "review-overdue", on=date(2024, 1, 11),
                settings="review_interval_months: 36\n")  # fmt: skip
    assert [f.subject for f in found] == ["csp/wcc"]


def test_a_review_after_the_as_of_date_is_not_counted(model_dir: ModelDir) -> None:
    text = """\
    organisations: [{id: wcc, name: Worcestershire County Council}]
    bodies:
      - id: hwb
        name: Health and Wellbeing Board
        members: [{member: wcc, from: 2015-01-01, reviewed: 2023-06-01}]
    """
    assert run(model_dir, text, "review-overdue", on=date(2023, 7, 7)) == []
    [finding] = run(model_dir, text, "review-overdue", on=date(2023, 5, 1))
    assert "has not been reviewed since it started on 2015-01-01" in finding.message


# --- legacy-membership -------------------------------------------------------------------

LEGACY = """\
organisations:
  - {id: wcc, name: Worcestershire County Council}
  - {id: police, name: West Mercia Police}
  - {id: fire, name: Fire and Rescue}
bodies:
  - {id: wscb, name: Safeguarding Children Board, dissolved: 2019-09-28}
  - id: wscp
    name: Safeguarding Children Partnership
    established: 2019-09-29
    predecessor: wscb
    members:
      - {member: wcc, from: 2015-04-01}
      - {member: police, from: 2019-09-29}
      - {member: fire}
"""


def test_legacy_membership_names_the_predecessor(model_dir: ModelDir) -> None:
    [finding] = run(model_dir, LEGACY, "legacy-membership")
    assert (finding.subject, finding.line) == ("wscp/wcc", 12)
    assert (
        "dated from 2015-04-01, before Safeguarding Children Partnership was established "
        "on 2019-09-29 (it looks carried over from Safeguarding Children Board)"
    ) in finding.message


def test_legacy_membership_is_not_judged_before_the_body_exists(model_dir: ModelDir) -> None:
    assert run(model_dir, LEGACY, "legacy-membership", on=date(2019, 9, 28)) == []
    assert len(run(model_dir, LEGACY, "legacy-membership", on=date(2019, 9, 29))) == 1


# --- membership-of-dissolved-body --------------------------------------------------------

DISSOLVED_BODY = """\
organisations:
  - {id: wcc, name: Worcestershire County Council}
  - {id: police, name: West Mercia Police}
  - {id: fire, name: Fire and Rescue}
bodies:
  - id: wscb
    name: Safeguarding Children Board
    dissolved: 2019-09-28
    members:
      - {member: wcc, from: 2015-04-01}
      - {member: police, to: 2019-09-28}
      - {member: fire, to: 2020-03-31}
"""


@pytest.mark.parametrize(("on", "subjects"), [
    (date(2019, 9, 28), []), (date(2019, 9, 29), ["wscb/fire", "wscb/wcc"]),
])  # fmt: skip
def test_membership_of_dissolved_body_from_the_day_after(
    model_dir: ModelDir, on: date, subjects: list[str]
) -> None:
    found = run(model_dir, DISSOLVED_BODY, "membership-of-dissolved-body", on=on)
    assert sorted(f.subject for f in found) == subjects


def test_membership_of_dissolved_body_messages(model_dir: ModelDir) -> None:
    found = {f.subject: f for f in run(model_dir, DISSOLVED_BODY, "membership-of-dissolved-body")}
    assert found["wscb/wcc"].line == 10
    assert (
        "Worcestershire County Council's membership of it is left open; end the membership "
        "(to: 2019-09-28)"
    ) in found["wscb/wcc"].message
    assert "runs to 2020-03-31, after that" in found["wscb/fire"].message
