"""The structure checks: reporting-cycle, orphaned-body, one-way-reporting, report-overdue."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from govgraph.audit import audit
from govgraph.findings import Finding
from govgraph.loader import load

ModelDir = Callable[..., Path]
ON = date(2023, 7, 7)


def run(model_dir: ModelDir, yaml_text: str, slug: str, on: date = ON) -> list[Finding]:
    return audit(load(model_dir({"model.yaml": yaml_text})), on=on, select=[slug]).findings


# --- reporting-cycle ---------------------------------------------------------------------

CYCLE = """\
bodies:
  - {id: council, name: Full Council, root: true}
  - id: hwb
    name: Health and Wellbeing Board
    reports_to:
      - {body: cyp}
  - id: cyp
    name: Children's Partnership
    dissolved: 2023-03-31
    reports_to:
      - {body: hwb}
"""


def test_reporting_cycle_names_the_chain_and_points_at_the_first_bodys_line(
    model_dir: ModelDir,
) -> None:
    [finding] = run(model_dir, CYCLE, "reporting-cycle", on=date(2023, 1, 1))
    assert finding.subject == "hwb"
    assert (finding.file, finding.line) == ("model.yaml", 6)
    assert "Health and Wellbeing Board → Children's Partnership → Health and Wellbeing Board" in (
        finding.message
    )
    assert "remove or redirect one of these reporting lines" in finding.message


@pytest.mark.parametrize(("on", "count"), [(date(2023, 3, 30), 1), (date(2023, 3, 31), 1),
                                            (date(2023, 4, 1), 0)])  # fmt: skip
def test_reporting_cycle_through_a_body_ends_when_the_body_is_dissolved(
    model_dir: ModelDir, on: date, count: int
) -> None:
    assert len(run(model_dir, CYCLE, "reporting-cycle", on=on)) == count


def test_a_body_listing_itself_is_a_cycle(model_dir: ModelDir) -> None:
    text = "bodies:\n  - {id: hwb, name: Health Board, reports_to: [{body: hwb}]}\n"
    [finding] = run(model_dir, text, "reporting-cycle")
    assert finding.subject == "hwb"
    assert "lists itself in reports_to" in finding.message


def test_each_separate_cycle_is_its_own_finding(model_dir: ModelDir) -> None:
    text = """\
    bodies:
      - {id: a, name: A, reports_to: [{body: b}]}
      - {id: b, name: B, reports_to: [{body: a}]}
      - {id: c, name: C, reports_to: [{body: d}]}
      - {id: d, name: D, reports_to: [{body: c}]}
    """
    assert [f.subject for f in run(model_dir, text, "reporting-cycle")] == ["a", "c"]


def test_a_tree_has_no_cycle_even_with_lines_in_both_directions(model_dir: ModelDir) -> None:
    text = """\
    bodies:
      - {id: council, name: Full Council, root: true}
      - {id: hwb, name: HWB, reports_to: [{body: council, direction: down}]}
      - {id: cyp, name: CYP, reports_to: [{body: hwb}, {body: council, direction: up}]}
    """
    assert run(model_dir, text, "reporting-cycle") == []


# --- orphaned-body -----------------------------------------------------------------------

ORPHAN = """\
bodies:
  - {id: council, name: Full Council, root: true}
  - {id: old-board, name: Old Board, dissolved: 2022-06-30, reports_to: [{body: council}]}
  - {id: panel, name: Scrutiny Panel, reports_to: [{body: old-board}]}
  - {id: new-forum, name: New Forum, established: 2024-01-01}
"""


@pytest.mark.parametrize(("on", "orphans"), [
    (date(2022, 6, 29), []), (date(2022, 6, 30), []), (date(2022, 7, 1), ["panel"]),
    (date(2024, 1, 1), ["new-forum", "panel"]),
])  # fmt: skip
def test_orphaned_body_follows_the_dates_of_parents_and_of_the_body_itself(
    model_dir: ModelDir, on: date, orphans: list[str]
) -> None:
    assert sorted(f.subject for f in run(model_dir, ORPHAN, "orphaned-body", on=on)) == orphans


def test_orphaned_body_says_the_parent_is_dissolved(model_dir: ModelDir) -> None:
    [finding] = run(model_dir, ORPHAN, "orphaned-body", on=date(2023, 1, 1))
    assert "reports only to Old Board (dissolved 2022-06-30)" in finding.message
    assert finding.line == 4


# --- one-way-reporting -------------------------------------------------------------------

ONE_WAY = """\
bodies:
  - {id: council, name: Full Council, root: true}
  - {id: hwb, name: Health and Wellbeing Board, reports_to: [{body: council, direction: up}]}
  - {id: cyp, name: Children's Partnership, reports_to: [{body: hwb, direction: down}]}
  - {id: csp, name: Community Safety Partnership, reports_to: [{body: council}]}
  - id: wscb
    name: Old Board
    dissolved: 2019-09-28
    reports_to: [{body: council, direction: up}]
"""


def test_one_way_reporting_finds_up_and_down_lines_of_current_bodies(model_dir: ModelDir) -> None:
    up, down = run(model_dir, ONE_WAY, "one-way-reporting")
    assert (up.subject, up.line) == ("hwb", 3)
    assert "Health and Wellbeing Board reports up to Full Council, but nothing comes back" in (
        up.message
    )
    assert (down.subject, down.line) == ("cyp", 4)
    assert "Children's Partnership does not report up (direction: down)" in down.message


def test_one_way_reporting_judges_a_dissolved_body_only_while_it_exists(
    model_dir: ModelDir,
) -> None:
    found = run(model_dir, ONE_WAY, "one-way-reporting", on=date(2019, 9, 28))
    assert "wscb" in [f.subject for f in found]
    found = run(model_dir, ONE_WAY, "one-way-reporting", on=date(2019, 9, 29))
    assert "wscb" not in [f.subject for f in found]


# --- report-overdue ----------------------------------------------------------------------

REPORTS = """\
bodies:
  - {id: hwb, name: Health and Wellbeing Board, root: true}
  - id: wscp
    name: Safeguarding Children Partnership
    reports_to: [{body: hwb, frequency: annually, last_reported: 2022-07-14}]
  - id: cyp
    name: Children's Partnership
    reports_to: [{body: hwb, frequency: quarterly, last_reported: 2023-01-31}]
  - id: adhoc
    name: Task Group
    reports_to: [{body: hwb, frequency: ad-hoc, last_reported: 2001-01-01}]
  - id: nofreq
    name: Forum
    reports_to: [{body: hwb, last_reported: 2001-01-01}]
"""


@pytest.mark.parametrize(("on", "overdue"), [
    (date(2023, 4, 30), []), (date(2023, 5, 1), ["cyp"]),
    (date(2023, 7, 14), ["cyp"]), (date(2023, 7, 15), ["cyp", "wscp"]),
])  # fmt: skip
def test_report_overdue_from_the_day_after_the_due_date(
    model_dir: ModelDir, on: date, overdue: list[str]
) -> None:
    found = run(model_dir, REPORTS, "report-overdue", on=on)
    assert sorted(f.subject for f in found) == overdue


def test_report_overdue_message_gives_the_due_date(model_dir: ModelDir) -> None:
    found = run(model_dir, REPORTS, "report-overdue", on=date(2023, 7, 15))
    wscp = next(f for f in found if f.subject == "wscp")
    assert wscp.line == 5
    assert "last reported to Health and Wellbeing Board on 2022-07-14" in wscp.message
    assert "next report was due by 2023-07-14" in wscp.message


def test_report_recorded_after_the_as_of_date_is_not_judged(model_dir: ModelDir) -> None:
    assert run(model_dir, REPORTS, "report-overdue", on=date(2022, 7, 13)) == []


NEVER_REPORTED = """\
bodies:
  - {id: hwb, name: Health and Wellbeing Board, root: true}
  - id: new
    name: New Partnership
    established: 2023-01-01
    reports_to: [{body: hwb, frequency: quarterly}]
  - id: undated
    name: Undated Group
    reports_to: [{body: hwb, frequency: annually}]
"""


@pytest.mark.parametrize(("on", "overdue"), [
    (date(2023, 4, 1), ["undated"]), (date(2023, 4, 2), ["new", "undated"]),
])  # fmt: skip
def test_a_line_never_reported_is_overdue_once_the_body_is_older_than_one_interval(
    model_dir: ModelDir, on: date, overdue: list[str]
) -> None:
    found = run(model_dir, NEVER_REPORTED, "report-overdue", on=on)
    assert sorted(f.subject for f in found) == overdue
    assert all("no report is recorded" in f.message for f in found)
