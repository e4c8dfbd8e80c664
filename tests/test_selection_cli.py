"""--bodies on check and render: the same selection as export, narrowing what is shown."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from support import CliResult, chart_file_data

EXAMPLE = Path(__file__).resolve().parent.parent / "models" / "worcestershire"
ON = "2026-11-28"
Cli = Callable[..., CliResult]


def findings(cli: Cli, *args: object) -> tuple[dict[str, object], set[tuple[str, str]]]:
    result = cli("check", EXAMPLE, "--as-of", ON, "--format", "json", *args)
    document = json.loads(result.stdout)
    return document, {(f["check"], f["subject"]) for f in document["findings"]}


def test_check_with_bodies_reports_only_those_bodies_and_their_memberships(cli: Cli) -> None:
    _, everything = findings(cli)
    document, chosen = findings(cli, "--bodies", "wscp+")  # the Partnership and its groups
    assert chosen == {
        found
        for found in everything
        if found[1].split("/")[0] in {"wscp", "wscp-qapp", "wscp-learning"}
    }
    assert ("missing-required-member", "wscp/malvern-hills-dc") in chosen
    assert ("orphaned-body", "youth-cabinet") not in chosen
    assert ("many-roles", "helen-ashdown") not in chosen  # about a person, not a body
    assert document["scope"] == "3 of 18 bodies selected"


def test_check_with_bodies_says_so_in_the_summary_and_exits_on_what_is_left(cli: Cli) -> None:
    result = cli("check", EXAMPLE, "--as-of", ON, "--bodies", "youth-cabinet")
    assert result.exit_code == 1  # the orphaned Youth Cabinet is an error
    assert "on 2026-11-28 (1 of 18 bodies selected): 1 error, 1 warning" in result.stdout
    clean = cli("check", EXAMPLE, "--as-of", ON, "--bodies", "council")
    assert clean.exit_code == 0, clean.stdout


def test_check_with_a_bad_selection_is_a_one_line_error(cli: Cli) -> None:
    result = cli("check", EXAMPLE, "--bodies", "kind:comittee")
    assert result.exit_code == 2
    assert "'comittee' is not a body kind" in result.stderr
    assert "Traceback" not in result.stderr


def test_render_with_bodies_draws_exactly_the_selection(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "chart.html"
    result = cli("render", EXAMPLE, "--as-of", ON, "--bodies", "wscp+", "--no-members", "-o", out)
    assert result.exit_code == 0, result.stderr
    data = chart_file_data(out)
    drawn = {node["id"] for node in data["nodes"]}
    assert drawn == {"wscp", "wscp-qapp", "wscp-learning"}


def test_render_refuses_a_selection_that_matches_nothing(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "chart.html"
    result = cli("render", EXAMPLE, "--bodies", "member:nobody-at-all", "-o", out)
    assert result.exit_code == 2
    assert not out.exists()
