"""How settings and ignore entries change what the checks report."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from support import EXAMPLE

from govgraph.audit import audit
from govgraph.checks import CHECKS
from govgraph.errors import ModelLoadError
from govgraph.findings import Severity
from govgraph.loader import load

ModelDir = Callable[..., Path]
ON = date(2023, 7, 7)

MODEL = """\
organisations:
  - {id: ccg, name: Old CCG, dissolved: 2022-06-30}
  - {id: wcc, name: Worcestershire County Council}
bodies:
  - {id: council, name: Full Council, root: true, members: [{member: wcc, role: chair}]}
  - id: hwb
    name: Health and Wellbeing Board
    reports_to:
      - body: council
        direction: up
        ignore: [{check: one-way-reporting, reason: "Council does not minute feedback"}]
    members:
      - {member: wcc, role: chair}
      - member: ccg
        ignore: [{check: dissolved-member, reason: "kept until the ICB is appointed"}]
  - id: forum
    name: Provider Forum
    reports_to: [{body: council, direction: down}]
    members: [{member: ccg}]
    ignore: [{check: dissolved-member, reason: "forum's history kept as written"}]
"""


def test_settings_switch_a_check_off_and_change_severity(model_dir: ModelDir) -> None:
    settings = "checks:\n  one-way-reporting: off\n  no-chair: info\n"
    model = load(model_dir({"model.yaml": MODEL, "govgraph.yaml": settings}))
    result = audit(model, on=ON)
    assert "one-way-reporting" not in result.checks_run
    assert not [f for f in [*result.findings, *(w.finding for w in result.waived)]
                if f.check == "one-way-reporting"]  # fmt: skip
    [no_chair] = [f for f in result.findings if f.check == "no-chair"]
    assert (no_chair.subject, no_chair.severity) == ("forum", Severity.INFO)
    assert result.counts["warning"] == 0


def test_a_misspelt_check_in_settings_is_refused_at_its_own_line(model_dir: ModelDir) -> None:
    settings = "name: Test\nchecks:\n  no-chair: info\n  one-way-reportng: off\n"
    with pytest.raises(ModelLoadError) as refused:
        load(model_dir({"model.yaml": MODEL, "govgraph.yaml": settings}))
    [problem] = refused.value.problems
    assert (Path(problem.file).name, problem.line) == ("govgraph.yaml", 4)
    assert "'one-way-reportng', which is not a check (did you mean 'one-way-reporting'?)" in (
        problem.message
    )


def test_default_severities_without_settings(model_dir: ModelDir) -> None:
    result = audit(load(model_dir({"model.yaml": MODEL})), on=ON)
    severities = {f.check: f.severity for f in result.findings}
    assert severities == {"one-way-reporting": Severity.WARNING, "no-chair": Severity.WARNING}


def test_ignore_on_the_line_the_membership_or_the_body_waives_with_its_reason(
    model_dir: ModelDir,
) -> None:
    result = audit(load(model_dir({"model.yaml": MODEL})), on=ON)
    waived = {(w.finding.check, w.finding.subject): w.reason for w in result.waived}
    assert waived == {
        ("one-way-reporting", "hwb"): "Council does not minute feedback",
        ("dissolved-member", "hwb/ccg"): "kept until the ICB is appointed",
        ("dissolved-member", "forum/ccg"): "forum's history kept as written",
    }
    # Waived findings are not findings: they neither count nor fail the audit.
    assert result.counts == {"error": 0, "warning": 2, "info": 0}
    assert result.exit_code() == 0
    assert result.exit_code(strict=True) == 1


def test_an_ignore_for_another_check_does_not_waive(model_dir: ModelDir) -> None:
    text = MODEL.replace("{check: dissolved-member, reason: \"kept", "{check: review-overdue, "
                         "reason: \"kept")  # fmt: skip
    result = audit(load(model_dir({"model.yaml": text})), on=ON)
    assert "hwb/ccg" in [f.subject for f in result.findings if f.check == "dissolved-member"]


def test_many_roles_is_waived_on_the_member_itself(model_dir: ModelDir) -> None:
    text = """\
    organisations:
      - id: wcc
        name: Worcestershire County Council
        ignore: [{check: many-roles, reason: "the county sits everywhere by statute"}]
      - {id: police, name: West Mercia Police}
    bodies:
      - {id: a, name: A, members: [{member: wcc}, {member: police}]}
      - {id: b, name: B, members: [{member: wcc}, {member: police}]}
    """
    model = load(model_dir({"model.yaml": text, "govgraph.yaml": "many_roles: 1\n"}))
    result = audit(model, on=ON, select=["many-roles"])
    assert [f.subject for f in result.findings] == ["police"]
    assert [(w.finding.subject, w.reason) for w in result.waived] == [
        ("wcc", "the county sits everywhere by statute")
    ]


def test_select_and_ignore_choose_the_checks_run(model_dir: ModelDir) -> None:
    model = load(model_dir({"model.yaml": MODEL}))
    assert audit(model, on=ON, select=["no-chair"]).checks_run == ("no-chair",)
    ran = audit(model, on=ON, ignore=["no-chair"]).checks_run
    assert "no-chair" not in ran and len(ran) == len(CHECKS) - 1


def test_the_collector_is_paused_while_auditing_then_restored(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[bool] = []

    def spy(context: object) -> Iterator[object]:
        seen.append(gc.isenabled())
        return iter(())

    monkeypatch.setattr(CHECKS["no-chair"], "check", spy)
    model = load(EXAMPLE)
    assert gc.isenabled()
    audit(model, on=date(2023, 7, 7), select=["no-chair"])
    assert seen == [False]  # paused while the checks ran (for speed) ...
    assert gc.isenabled()  # ... and restored
    gc.disable()
    try:
        audit(model, on=date(2023, 7, 7))
        assert not gc.isenabled()  # a caller's own pause is kept
    finally:
        gc.enable()
