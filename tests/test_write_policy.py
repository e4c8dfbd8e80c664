"""One rule for every command that writes: replace what govgraph itself wrote, refuse
what it did not (or what was changed since), --force to override."""

from __future__ import annotations

import webbrowser
from pathlib import Path

import pytest
from support import EXAMPLE, REPO, Cli

NORTHMOOR = REPO / "tests" / "fixtures" / "interop" / "popolo" / "northmoor.json"


@pytest.mark.parametrize(
    "command",
    [
        ("export", EXAMPLE, "--to", "dot", "-o"),
        ("export", EXAMPLE, "--to", "popolo", "-o"),
        ("schema", "-o"),
    ],
)
def test_a_command_replaces_its_own_file_and_refuses_yours(
    cli: Cli, tmp_path: Path, command: tuple[object, ...]
) -> None:
    target = tmp_path / "out.file"
    assert cli(*command, target).exit_code == 0
    again = cli(*command, target)
    assert again.exit_code == 0, again.stderr  # govgraph's own file: replaced
    target.write_text(target.read_text() + "\n# my note\n", encoding="utf-8")
    refused = cli(*command, target)
    assert refused.exit_code == 2
    assert "already exists and govgraph did not write it (or it was changed since)" in (
        refused.stderr
    )
    assert target.read_text().endswith("# my note\n")  # nothing of the user's lost
    assert cli(*command, target, "--force").exit_code == 0


def test_an_import_can_be_run_again_until_the_officer_edits_it(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "northmoor"
    assert cli("import", "popolo", NORTHMOOR, "-o", folder).exit_code == 0
    assert cli("import", "popolo", NORTHMOOR, "-o", folder).exit_code == 0
    bodies = folder / "bodies.yaml"
    bodies.write_text(bodies.read_text() + "# checked by the clerk\n", encoding="utf-8")
    refused = cli("import", "popolo", NORTHMOOR, "-o", folder)
    assert refused.exit_code == 2 and f"{bodies} already exists" in refused.stderr
    assert bodies.read_text().endswith("# checked by the clerk\n")


def test_build_names_its_folder_after_the_model(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    first = cli("build", EXAMPLE, "--as-of", "2026-11-28")
    second = cli("build", REPO / "models" / "wychavon", "--as-of", "2026-11-28")
    assert first.stdout.startswith("output/worcestershire-site: wrote ")
    assert second.stdout.startswith("output/wychavon-site: wrote ")
    assert (tmp_path / "output" / "worcestershire-site" / "index.html").is_file()


def test_open_says_when_no_browser_could_be_opened(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(webbrowser, "open", lambda url: False)
    target = tmp_path / "chart.html"
    result = cli("render", EXAMPLE, "--as-of", "2026-11-28", "-o", target, "--open")
    assert result.exit_code == 0
    assert result.stdout.strip() == str(target)
    assert f"govgraph: no browser could be opened here; open {target} yourself" in result.stderr
