"""``govgraph edit``: each everyday edit's diff, and its refusals as the user sees them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from support import CliResult

MODEL = """\
# The board and its people, kept by the clerk.
organisations:
  - {id: wcc, name: Worcestershire County Council, kind: county-council}
people:
  - {id: jo-bloggs, name: Cllr Jo Bloggs}
  - {id: sam-patel, name: Cllr Sam Patel}
posts:
  - id: dcs
    title: Director of Children's Services
    organisation: wcc
    holders:
      - {person: jo-bloggs, from: 2019-01-01}
bodies:
  - id: council
    name: Full Council
    root: true
    members: [{member: wcc}]
  - id: hwb
    name: Health and Wellbeing Board
    established: 2015-04-01
    reports_to: [{body: council}]
    members:
      - {member: wcc, role: chair, from: 2015-04-01}   # the council chairs
      - {member: jo-bloggs, from: 2021-05-10}
  - id: cyp
    name: Children's Partnership
    established: 2016-01-01
    reports_to: [{body: hwb}]
    members:
      - member: dcs
        role: chair
        from: 2016-01-01
"""

Cli = Callable[..., CliResult]


@pytest.fixture
def model(tmp_path: Path) -> Path:
    (tmp_path / "model.yaml").write_text(MODEL, encoding="utf-8")
    return tmp_path


def _text(model: Path) -> str:
    return (model / "model.yaml").read_text(encoding="utf-8")


def test_end_writes_the_last_day_and_prints_the_diff(model: Path, cli: Cli) -> None:
    result = cli("edit", "end", model, "hwb/Cllr Jo Bloggs", "--on", "2023-05-04")
    assert result.exit_code == 0
    assert result.stdout == (
        "--- a/model.yaml\n+++ b/model.yaml\n@@ -21,7 +21,7 @@\n"
        "     reports_to: [{body: council}]\n"
        "     members:\n"
        "       - {member: wcc, role: chair, from: 2015-04-01}   # the council chairs\n"
        "-      - {member: jo-bloggs, from: 2021-05-10}\n"
        "+      - {member: jo-bloggs, from: 2021-05-10, to: 2023-05-04}\n"
        "   - id: cyp\n"
        "     name: Children's Partnership\n"
        "     established: 2016-01-01\n"
    )
    assert _text(model) == MODEL.replace(
        "{member: jo-bloggs, from: 2021-05-10}",
        "{member: jo-bloggs, from: 2021-05-10, to: 2023-05-04}",
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["end", "hwb/jo-blogs", "--on", "2023-05-04"],
            "govgraph: there is no organisation, post or person 'jo-blogs' in the model "
            "(did you mean 'jo-bloggs'?); give an id or a full name\n",
        ),
        (
            ["end", "hwb/sam-patel", "--on", "2023-05-04"],
            "govgraph: Cllr Sam Patel is not a member of Health and Wellbeing Board; "
            "'govgraph members MODEL hwb' lists its members\n",
        ),
        (
            ["end", "hwb/jo-bloggs", "--on", "2020-01-01"],
            "govgraph: Cllr Jo Bloggs's membership of Health and Wellbeing Board started on "
            "2021-05-10; the end date must be on or after it\n",
        ),
        (
            ["end", "hwb", "--on", "2020-01-01"],
            "govgraph: 'hwb' does not name a membership; write BODY/MEMBER, e.g. hwb/wcc\n",
        ),
        (
            ["add", "hwb", "jo-bloggs", "--from", "2023-01-01"],
            "govgraph: Cllr Jo Bloggs already sits on Health and Wellbeing Board (since "
            "2021-05-10, model.yaml:24); end that membership first, or give --from a day "
            "after it ends\n",
        ),
        (
            ["reviewed", "hwb/jo-bloggs", "--on", "2020-01-01"],
            "govgraph: Cllr Jo Bloggs's membership of Health and Wellbeing Board started on "
            "2021-05-10; the review date must be on or after it\n",
        ),
        (
            ["assign", "dcs", "jo-bloggs", "--from", "2024-01-01"],
            "govgraph: Cllr Jo Bloggs already holds Director of Children's Services on "
            "2024-01-01 (model.yaml:12)\n",
        ),
        (
            # Ending the council's seat would leave the Full Council with no members (a
            # warning: allowed), but dissolving the board orphans the partnership: an error.
            ["dissolve", "hwb", "--on", "2024-03-31"],
            "govgraph: it would add an error: model.yaml:26 [orphaned-body] Children's "
            "Partnership reports only to Health and Wellbeing Board (dissolved 2024-03-31); "
            "point its reports_to at a current body\n",
        ),
        (
            ["dissolve", "cyp", "--on", "2015-01-01"],
            "govgraph: Director of Children's Services's membership of Children's Partnership "
            "started on 2016-01-01; the end date must be on or after it\n",
        ),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else "",
)
def test_refusals_say_why_and_write_nothing(
    model: Path, cli: Cli, args: list[str], message: str
) -> None:
    result = cli("edit", args[0], model, *args[1:])
    assert result.exit_code == 2
    assert result.stderr == message
    assert _text(model) == MODEL


def test_an_edit_that_would_leave_the_model_unloadable_is_refused(tmp_path: Path, cli: Cli) -> None:
    text = (
        "organisations: [{id: wcc, name: Worcestershire County Council}]\n"
        "bodies:\n"
        "  - {id: council, name: Full Council, root: true, members: [{member: wcc}]}\n"
        "  - {id: cyp, name: Children's Partnership, established: 2016-01-01,\n"
        "     reports_to: [{body: council}]}\n"
    )
    (tmp_path / "model.yaml").write_text(text, encoding="utf-8")
    before = _text(tmp_path)
    result = cli("edit", "dissolve", tmp_path, "cyp", "--on", "2015-01-01")
    assert result.exit_code == 2
    assert result.stderr == (
        f"govgraph: the model would not load: {tmp_path / 'model.yaml'}:4: error: dissolved "
        "(2015-01-01) is before established (2016-01-01); dissolved is the last day in "
        "effect, so it cannot come first: check both dates\n"
    )
    assert _text(tmp_path) == before


def test_add_writes_a_seat_in_the_style_of_its_neighbours(model: Path, cli: Cli) -> None:
    result = cli(
        "edit", "add", model, "Children's Partnership", "Cllr Sam Patel",
        "--role", "vice-chair", "--from", "2024-01-01", "--on-behalf-of", "wcc",
    )  # fmt: skip
    assert result.exit_code == 0
    assert _text(model).endswith(
        "      - member: dcs\n"
        "        role: chair\n"
        "        from: 2016-01-01\n"
        "      - member: sam-patel\n"
        "        role: vice-chair\n"
        "        on_behalf_of: wcc\n"
        "        from: 2024-01-01\n"
    )


def test_assign_ends_the_previous_holder_the_day_before(model: Path, cli: Cli) -> None:
    result = cli("edit", "assign", model, "Director of Children's Services", "sam-patel",
                 "--from", "2024-09-01")  # fmt: skip
    assert result.exit_code == 0
    assert "      - {person: jo-bloggs, from: 2019-01-01, to: 2024-08-31}\n" in _text(model)
    assert "      - {person: sam-patel, from: 2024-09-01}\n" in _text(model)


def test_dissolve_ends_seats_moves_reporting_bodies_and_records_the_predecessor(
    model: Path, cli: Cli
) -> None:
    text = _text(model).replace(
        "  - id: cyp\n", "  - id: hwb-new\n    name: New Board\n    reports_to: [{body: council}]\n"
        "    members: [{member: wcc, role: chair}]\n  - id: cyp\n"
    )  # fmt: skip
    (model / "model.yaml").write_text(text, encoding="utf-8")
    result = cli("edit", "dissolve", model, "hwb", "--on", "2024-03-31", "--successor", "hwb-new")
    assert result.exit_code == 0, result.stderr
    after = _text(model)
    assert "    established: 2015-04-01\n    dissolved: 2024-03-31\n" in after
    assert "{member: wcc, role: chair, from: 2015-04-01, to: 2024-03-31}   # the council" in after
    assert "{member: jo-bloggs, from: 2021-05-10, to: 2024-03-31}" in after
    assert "    predecessor: hwb\n" in after
    assert "    established: 2016-01-01\n    reports_to: [{body: hwb-new}]\n" in after


def test_reviewed_records_the_date_on_each_membership(model: Path, cli: Cli) -> None:
    result = cli("edit", "reviewed", model, "hwb/wcc", "hwb/jo-bloggs", "--on", "2024-02-01")
    assert result.exit_code == 0
    after = _text(model)
    assert "{member: wcc, role: chair, from: 2015-04-01, reviewed: 2024-02-01}" in after
    assert "{member: jo-bloggs, from: 2021-05-10, reviewed: 2024-02-01}" in after


def test_dry_run_prints_the_diff_and_writes_nothing(model: Path, cli: Cli) -> None:
    result = cli("edit", "reviewed", model, "hwb/wcc", "--on", "2024-02-01", "--dry-run")
    assert result.exit_code == 0
    assert "+      - {member: wcc, role: chair, from: 2015-04-01, reviewed: 2024-02-01}" in (
        result.stdout
    )
    assert _text(model) == MODEL
