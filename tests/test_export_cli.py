"""``govgraph export`` as a user runs it: files, overwriting, dates and selections."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from support import EXAMPLE, CliResult

Cli = Callable[..., CliResult]
WYVERN = Path(__file__).parent / "fixtures" / "interop" / "wyvern"


def popolo_ids(text: str) -> set[str]:
    return {o["id"] for o in json.loads(text)["organizations"]}


def test_o_writes_a_file_and_refuses_to_overwrite_it(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "chart.dot"
    first = cli("export", WYVERN, "--to", "dot", "-o", target)
    assert first.exit_code == 0 and first.stdout == ""
    assert target.read_text().startswith('digraph "wyvern" {')
    target.write_text("mine", encoding="utf-8")
    again = cli("export", WYVERN, "--to", "dot", "-o", target)
    assert again.exit_code == 2
    assert "chart.dot already exists and govgraph did not write it" in again.stderr
    assert target.read_text() == "mine"
    assert cli("export", WYVERN, "--to", "dot", "-o", target, "--force").exit_code == 0
    assert target.read_text().startswith("digraph")
    assert [p.name for p in tmp_path.iterdir()] == ["chart.dot"]  # no temporary file left


def test_csv_refuses_to_overwrite_any_of_its_tables(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "tables"
    folder.mkdir()
    (folder / "memberships.csv").write_text("mine", encoding="utf-8")
    result = cli("export", WYVERN, "--to", "csv", "-o", folder)
    assert result.exit_code == 2 and "memberships.csv already exists" in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["memberships.csv"]
    file = tmp_path / "file.csv"
    file.write_text("x", encoding="utf-8")
    result = cli("export", WYVERN, "--to", "csv", "-o", file)
    assert result.exit_code == 2 and "for csv, -o names a folder" in result.stderr


def test_mermaid_into_markdown_is_wrapped_for_github(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "STRUCTURE.md"
    assert cli("export", WYVERN, "--to", "mermaid", "-o", target).exit_code == 0
    text = target.read_text()
    assert text.startswith("# wyvern\n\n```mermaid\n---\n")
    assert text.endswith("```\n")


def test_as_of_keeps_what_was_current_that_day(cli: Cli) -> None:
    everything = cli("export", WYVERN, "--to", "popolo")
    assert {"wscb", "old-ccg", "icb"} <= popolo_ids(everything.stdout)
    on_day = cli("export", WYVERN, "--to", "popolo", "--as-of", "2023-01-01")
    ids = popolo_ids(on_day.stdout)
    assert "wscb" not in ids and "old-ccg" not in ids and "icb" in ids


def test_bodies_selection_restricts_to_those_bodies_and_their_members(cli: Cli) -> None:
    result = cli("export", WYVERN, "--to", "popolo", "--bodies", "wscp+", "--as-of", "2023-01-01")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert popolo_ids(result.stdout) == {"wscp", "end", "wcc"}  # wcc: a member of wscp
    assert [p["id"] for p in document["posts"]] == ["dcs"]
    assert {p["id"] for p in document["persons"]} == {"jo-bloggs"}  # holds dcs on the day
    wscp = next(o for o in document["organizations"] if o["id"] == "wscp")
    assert "+reports_to" not in wscp  # its lines lead outside the selection
    end = next(o for o in document["organizations"] if o["id"] == "end")
    assert end["+reports_to"] == [{"id": "wscp"}]


def test_a_bad_selection_is_a_clear_error(cli: Cli) -> None:
    result = cli("export", WYVERN, "--to", "dot", "--bodies", "hwbb")
    assert result.exit_code == 2
    assert "hwbb" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--to", "pdf"), "'pdf' is not one of"),
        (("--to", "dot", "--as-of", "2023-13-01"), "is not a date"),
        ((), "Missing option '--to'"),
    ],
)
def test_bad_options_are_refused(cli: Cli, args: tuple[str, ...], message: str) -> None:
    result = cli("export", WYVERN, *args)
    assert result.exit_code == 2 and message in result.stderr


def test_an_invalid_model_is_not_exported(cli: Cli, model_dir: Callable[..., Path]) -> None:
    bad = model_dir({"bodies.yaml": "bodies:\n  - id: a\n    nmae: A\n"})
    result = cli("export", bad, "--to", "popolo")
    assert result.exit_code == 2 and "did you mean 'name'" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    "command",
    [("import",), ("import", "popolo"), ("import", "moderngov"), ("export",), ("schema",)],
)
def test_every_command_has_help_with_an_example(cli: Cli, command: tuple[str, ...]) -> None:
    result = cli(*command, "-h")
    assert result.exit_code == 0
    assert "Example: govgraph " in result.stdout


@pytest.mark.parametrize(
    ("form", "node", "edge"),
    [
        ("dot", r'^  "([a-z0-9-]+)" \[', r'^  "([a-z0-9-]+)" -> "([a-z0-9-]+)"'),
        ("mermaid", r"^  (n_\w+)[\[(]", r'^  (n_\w+) [-.<>]+(?:\|"[^"]*"\|)? (n_\w+)$'),
    ],
)
def test_a_selected_diagram_has_no_floating_boxes(
    cli: Cli, form: str, node: str, edge: str
) -> None:
    """Every organisation drawn for a selection is linked to something: a post's
    organisation is joined to the post, not left floating beside the chart."""
    result = cli("export", EXAMPLE, "--to", form, "--bodies", "get-safe", "--as-of", "2023-07-07")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    nodes = {m[1] for line in lines if (m := re.match(node, line))}
    linked = {end for line in lines if (m := re.match(edge, line)) for end in m.groups()}
    assert len(nodes) >= 6
    assert nodes <= linked, f"drawn without a line: {sorted(nodes - linked)}"
