"""The reporters format one audit result; each format's details a user relies on."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from govgraph.audit import AuditResult, Waived
from govgraph.checks import CHECKS
from govgraph.errors import LoadProblem
from govgraph.findings import Finding, Severity
from govgraph.model import Model
from govgraph.reporters import REPORTERS, LoadFailure, ReportOptions
from govgraph.schema import Body, Person

ON = date(2023, 7, 7)


def _result(root: Path, findings: list[Finding], waived: list[Waived] | None = None) -> AuditResult:
    model = Model(root=root)
    model.bodies["hwb"] = Body(id="hwb", name="Health & Wellbeing *Board*", short_name="HWB")
    model.bodies["adult"] = Body(id="adult", name="Adults_Board | North")
    model.people["jo"] = Person(id="jo", name="Cllr Jo Bloggs")
    return AuditResult(
        model=model,
        as_of=ON,
        findings=sorted(findings),
        waived=waived or [],
        checks_run=tuple(CHECKS),
    )


def _finding(
    subject: str, check: str, severity: Severity, line: int = 3, message: str = "msg"
) -> Finding:
    return Finding("bodies/main.yaml", line, check, subject, severity, message)


FINDINGS = [
    _finding("hwb", "no-chair", Severity.WARNING, 3, "HWB has no chair"),
    _finding("jo", "many-roles", Severity.INFO, 9, "Jo sits on 7 bodies"),
    _finding("adult/jo", "departed-member", Severity.ERROR, 12, "Jo left"),
]


def test_the_registry_keys_are_the_format_choices() -> None:
    assert list(REPORTERS) == ["text", "json", "github", "sarif", "markdown"]


def test_text_colours_the_severity_only_when_asked(tmp_path: Path) -> None:
    result = _result(tmp_path, FINDINGS)
    plain = REPORTERS["text"].report(result, ReportOptions(color=False))
    coloured = REPORTERS["text"].report(result, ReportOptions(color=True))
    assert "\x1b[" not in plain
    assert "\x1b[31m\x1b[1merror\x1b[0m" in coloured
    assert f"{tmp_path / 'bodies/main.yaml'}:12: error [departed-member] adult/jo: Jo left" in plain


def test_text_summary_of_a_clean_model(tmp_path: Path) -> None:
    out = REPORTERS["text"].report(_result(tmp_path, []), ReportOptions())
    assert out == f"{tmp_path.name} on 2023-07-07: no findings; {len(CHECKS)} checks run\n"


def test_github_escapes_what_would_break_an_annotation(tmp_path: Path) -> None:
    finding = Finding("a,b:c.yaml", 4, "no-chair", "hwb", Severity.INFO, "100% sure\nreally")
    out = REPORTERS["github"].report(_result(tmp_path, [finding]), ReportOptions())
    first = out.splitlines()[0]
    assert first == (
        f"::notice file={str(tmp_path / 'a%2Cb%3Ac.yaml')},line=4,title=no-chair::100%25 sure%0Areally"
    )


def test_github_lists_waived_findings_only_when_asked(tmp_path: Path) -> None:
    waived = [Waived(_finding("hwb", "no-chair", Severity.WARNING), "rotating chair")]
    result = _result(tmp_path, [], waived)
    assert "::notice" not in REPORTERS["github"].report(result, ReportOptions())
    shown = REPORTERS["github"].report(result, ReportOptions(show_ignored=True))
    assert "title=no-chair (waived)::msg (waived: rotating chair)" in shown


def test_markdown_groups_by_body_escapes_names_and_puts_members_last(tmp_path: Path) -> None:
    waived = [Waived(_finding("hwb/jo", "vacant-post", Severity.WARNING), "post being recruited")]
    out = REPORTERS["markdown"].report(_result(tmp_path, FINDINGS, waived), ReportOptions())
    headings = [line for line in out.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Adults\\_Board \\| North",
        "## Health & Wellbeing \\*Board\\* (HWB)",
        "## Members across bodies",
        "## Waived findings",
    ]
    assert "| Error | 1 |\n| Warning | 1 |\n| Info | 1 |\n| Waived | 1 |" in out
    assert "- **Error** (departed member): Jo left. *bodies/main.yaml, line 12*" in out
    assert (
        "- **Health & Wellbeing \\*Board\\* / Cllr Jo Bloggs**, vacant post: msg. "
        "*Accepted because:* post being recruited"
    ) in out


def test_markdown_of_a_clean_model_says_so(tmp_path: Path) -> None:
    out = REPORTERS["markdown"].report(_result(tmp_path, []), ReportOptions())
    assert "No findings: the model passed every check that was run." in out
    assert "## " not in out


def test_sarif_levels_locations_and_suppressions(tmp_path: Path) -> None:
    unplaced = Finding("", 0, "empty-body", "hwb", Severity.INFO, "built in code")
    waived = [Waived(_finding("hwb", "no-chair", Severity.WARNING), "rotating chair")]
    log = json.loads(
        REPORTERS["sarif"].report(_result(tmp_path, [*FINDINGS, unplaced], waived), ReportOptions())
    )
    results = log["runs"][0]["results"]
    assert [r["level"] for r in results] == ["note", "warning", "note", "error", "warning"]
    located = results[1]["locations"][0]["physicalLocation"]
    assert located["artifactLocation"]["uri"] == (tmp_path / "bodies/main.yaml").as_uri()
    assert located["region"] == {"startLine": 3}
    assert "region" not in results[0]["locations"][0]["physicalLocation"]
    assert results[-1]["suppressions"] == [{"kind": "inSource", "justification": "rotating chair"}]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert all(r["ruleId"] == rules[r["ruleIndex"]]["id"] for r in results)


def test_sarif_relative_paths_stay_relative(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = _result(Path("models/my county"), FINDINGS[:1])
    log = json.loads(REPORTERS["sarif"].report(result, ReportOptions()))
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri == {"uri": "models/my%20county/bodies/main.yaml"}


def test_load_failures_per_format(tmp_path: Path) -> None:
    problem = LoadProblem(str(tmp_path / "bodies" / "x.yaml"), 4, 2, "unknown field 'reprts_to'")
    failure = LoadFailure(tmp_path, ON, (problem,))
    assert failure.relative(problem) == "bodies/x.yaml"
    document = json.loads(REPORTERS["json"].report_load_errors(failure) or "")
    assert document["errors"] == [
        {"file": "bodies/x.yaml", "line": 4, "column": 2, "message": "unknown field 'reprts_to'"}
    ]
    sarif = json.loads(REPORTERS["sarif"].report_load_errors(failure) or "")
    [invocation] = sarif["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"] == (
        "unknown field 'reprts_to'"
    )
    github = REPORTERS["github"].report_load_errors(failure) or ""
    assert github.startswith(f"::error file={tmp_path / 'bodies' / 'x.yaml'},line=4,")
    assert REPORTERS["text"].report_load_errors(failure) is None
    assert REPORTERS["markdown"].report_load_errors(failure) is None
