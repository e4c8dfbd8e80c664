"""``govgraph check`` and ``govgraph checks`` as a user runs them."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from support import CliResult

from govgraph.checks import CHECKS
from govgraph.cli import all_commands

ModelDir = Callable[..., Path]
Cli = Callable[..., CliResult]

BODIES = """\
organisations:
  - {id: ccg, name: Herefordshire and Worcestershire CCG, dissolved: 2022-06-30, succeeded_by: icb}
  - {id: icb, name: NHS Herefordshire and Worcestershire ICB, established: 2022-07-01}
bodies:
  - id: council
    name: Full Council
    root: true
    members: [{member: icb, role: chair}]
  - id: hwb
    name: Health and Wellbeing Board
    reports_to: [{body: council, direction: up}]
    members:
      - {member: icb, role: chair}
      - {member: ccg}
  - id: youth
    name: Youth Cabinet
    members: [{member: icb, role: chair}]
    ignore: [{check: orphaned-body, reason: "reports informally to the Cabinet Member"}]
"""
SETTINGS = "name: Test county\n"
AS_OF = "2023-07-07"


@pytest.fixture
def model(model_dir: ModelDir) -> Path:
    return model_dir({"bodies/main.yaml": BODIES, "govgraph.yaml": SETTINGS})


def test_commands_are_registered_with_help(cli: Cli) -> None:
    assert {"check", "checks"} <= {command.name for command in all_commands()}
    for name in ("check", "checks"):
        result = cli(name, "-h")
        assert result.exit_code == 0
        assert "Example: govgraph" in result.stdout


def test_text_output_lists_findings_by_file_and_line_then_a_summary(cli: Cli, model: Path) -> None:
    result = cli("check", model, "--as-of", AS_OF)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    path = model / "bodies" / "main.yaml"
    assert lines[0] == (
        f"{path}:11: warning [one-way-reporting] hwb: Health and Wellbeing Board reports up to "
        "Full Council, but nothing comes back down (direction: up); set direction: both if Full "
        "Council feeds back to it"
    )
    assert lines[1].startswith(f"{path}:14: error [dissolved-member] hwb/ccg: ")
    assert lines[-1] == (
        "Test county on 2023-07-07: 1 error, 1 warning, 0 info; 1 waived "
        f"(--show-ignored lists them); {len(CHECKS)} checks run"
    )
    assert "\x1b[" not in result.stdout


def test_show_ignored_lists_waived_findings_with_their_reason(cli: Cli, model: Path) -> None:
    result = cli("check", model, "--as-of", AS_OF, "--show-ignored")
    out = result.stdout
    assert "Waived (accepted by an ignore entry in the model):" in out
    assert "waived error [orphaned-body] youth: Youth Cabinet reports to no body" in out
    assert "(reason: reports informally to the Cabinet Member)" in out
    assert "--show-ignored lists them" not in out


def test_exit_codes_follow_error_and_strict(cli: Cli, model: Path) -> None:
    assert cli("check", model, "--as-of", "2022-06-30").exit_code == 0
    strict = cli("check", model, "--as-of", "2022-06-30", "--strict")
    assert strict.exit_code == 1
    assert cli("check", model, "--as-of", AS_OF).exit_code == 1


def test_select_and_ignore_limit_the_checks(cli: Cli, model: Path) -> None:
    selected = cli("check", model, "--as-of", AS_OF, "--select", "one-way-reporting,no-chair")
    assert selected.exit_code == 0
    assert "[dissolved-member]" not in selected.stdout
    assert "2 checks run" in selected.stdout
    ignored = cli("check", model, "--as-of", AS_OF, "--ignore", "dissolved-member")
    assert ignored.exit_code == 0
    assert "[one-way-reporting]" in ignored.stdout


def test_an_unknown_check_name_is_refused_with_a_suggestion(cli: Cli, model: Path) -> None:
    result = cli("check", model, "--select", "orphaned-bodies")
    assert result.exit_code == 2
    assert "there is no check 'orphaned-bodies' (did you mean 'orphaned-body'?)" in (result.stderr)


def test_json_has_the_shape_of_format_md(cli: Cli, model: Path) -> None:
    result = cli("check", model, "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert list(document) == ["model", "as_of", "findings", "counts", "waived"]
    assert (document["model"], document["as_of"]) == ("Test county", AS_OF)
    assert document["counts"] == {"error": 1, "warning": 1, "info": 0}
    first = document["findings"][0]
    assert first == {
        "check": "one-way-reporting",
        "severity": "warning",
        "subject": "hwb",
        "message": first["message"],
        "file": "bodies/main.yaml",
        "line": 11,
    }
    [waived] = document["waived"]
    assert (waived["check"], waived["subject"], waived["reason"]) == (
        "orphaned-body", "youth", "reports informally to the Cabinet Member",
    )  # fmt: skip


def test_settings_change_severity_in_the_output(cli: Cli, model_dir: ModelDir) -> None:
    settings = "checks:\n  dissolved-member: warning\n  one-way-reporting: off\n"
    folder = model_dir({"bodies/main.yaml": BODIES, "govgraph.yaml": settings}, name="set")
    result = cli("check", folder, "--as-of", AS_OF, "--format", "json")
    document = json.loads(result.stdout)
    assert [(f["check"], f["severity"]) for f in document["findings"]] == [
        ("dissolved-member", "warning")
    ]
    assert result.exit_code == 0


BROKEN = "bodies:\n  - id: hwb\n    name: HWB\n    reprts_to: []\n"


def test_a_model_that_cannot_load_gives_its_errors_as_json_and_exit_2(
    cli: Cli, model_dir: ModelDir
) -> None:
    folder = model_dir({"bodies.yaml": BROKEN}, name="broken")
    result = cli("check", folder, "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert document["findings"] == [] and document["as_of"] == AS_OF
    assert document["counts"] == {"error": 0, "warning": 0, "info": 0}
    [error] = document["errors"]
    assert (error["file"], error["line"]) == ("bodies.yaml", 4)
    assert "did you mean 'reports_to'?" in error["message"]


def test_a_model_that_cannot_load_prints_errors_on_stderr_as_text(
    cli: Cli, model_dir: ModelDir
) -> None:
    folder = model_dir({"bodies.yaml": BROKEN}, name="broken")
    result = cli("check", folder)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"{folder / 'bodies.yaml'}:4: error" in result.stderr


def test_a_missing_folder_is_still_answered_in_json(cli: Cli, tmp_path: Path) -> None:
    result = cli("check", tmp_path / "nowhere", "--format", "json")
    assert result.exit_code == 2
    [error] = json.loads(result.stdout)["errors"]
    assert "no such folder" in error["message"]


def test_github_format_prints_annotations_and_a_summary(cli: Cli, model: Path) -> None:
    result = cli("check", model, "--as-of", AS_OF, "--format", "github")
    lines = result.stdout.splitlines()
    path = model / "bodies" / "main.yaml"
    assert lines[0].startswith(f"::warning file={path},line=11,title=one-way-reporting::")
    assert lines[1].startswith(f"::error file={path},line=14,title=dissolved-member::")
    assert lines[-1] == (
        "govgraph check: Test county on 2023-07-07: 1 error, 1 warning, 0 info; 1 waived"
    )
    assert result.exit_code == 1


def test_sarif_format_is_a_sarif_2_1_0_log(cli: Cli, model: Path) -> None:
    result = cli("check", model, "--as-of", AS_OF, "--format", "sarif")
    log = json.loads(result.stdout)
    assert log["version"] == "2.1.0" and "sarif-schema-2.1.0" in log["$schema"]
    [run] = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == list(CHECKS)
    levels = {r["ruleId"]: (r["level"], "suppressions" in r) for r in run["results"]}
    assert levels == {
        "one-way-reporting": ("warning", False),
        "dissolved-member": ("error", False),
        "orphaned-body": ("error", True),
    }


def test_markdown_format_groups_findings_by_body(cli: Cli, model: Path) -> None:
    result = cli("check", model, "--as-of", AS_OF, "--format", "markdown")
    out = result.stdout
    assert out.startswith("# Governance audit: Test county\n\nAs of 7 July 2023;")
    assert "## Health and Wellbeing Board\n\n- **Error** (dissolved member):" in out
    assert "## Waived findings" in out
    assert "*Accepted because:* reports informally to the Cabinet Member" in out


def test_no_color_and_no_terminal_mean_no_colour(
    cli: Cli, model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ``govgraph.cli.check`` the attribute is the click command; the module is imported.
    check_module = importlib.import_module("govgraph.cli.check")

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert check_module.use_colour()
    monkeypatch.setenv("NO_COLOR", "1")
    assert not check_module.use_colour()
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
    assert not check_module.use_colour()


def test_checks_lists_every_check_with_severity_and_summary(cli: Cli) -> None:
    result = cli("checks")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    for slug, module in CHECKS.items():
        row = next(line for line in lines if line.startswith(slug + " "))
        assert row.split()[1] == module.SEVERITY.value
        assert row.endswith(module.SUMMARY)


def test_checks_with_a_model_shows_the_configured_severity(cli: Cli, model_dir: ModelDir) -> None:
    settings = "checks:\n  one-way-reporting: info\n  many-roles: off\n"
    folder = model_dir({"bodies/main.yaml": BODIES, "govgraph.yaml": settings}, name="cfg")
    lines = cli("checks", "--model", folder).stdout.splitlines()
    assert "IN MODEL" in lines[0]
    rows = {line.split()[0]: line.split()[1:3] for line in lines[1:] if line.strip()}
    assert rows["one-way-reporting"] == ["warning", "info"]
    assert rows["many-roles"] == ["info", "off"]
    assert rows["orphaned-body"] == ["error", "error"]


def test_checks_with_a_slug_prints_its_documentation(cli: Cli) -> None:
    result = cli("checks", "vacant-post")
    assert result.stdout.startswith("vacant-post: ")
    assert "Passes" in result.stdout and "Fails" in result.stdout
    unknown = cli("checks", "vacant-posts")
    assert unknown.exit_code == 2
    assert "did you mean 'vacant-post'?" in unknown.stderr


def test_the_check_path_imports_no_chart_libraries() -> None:
    code = (
        "import sys, govgraph.cli.check, govgraph.reporters, govgraph.audit\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('pyvis', 'jinja2', 'playwright', 'IPython', 'pandas', 'matplotlib'))\n"
        "print(heavy)\n"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "[]"
