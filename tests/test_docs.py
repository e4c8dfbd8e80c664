"""The generated reference pages match the commands and checks they describe."""

from __future__ import annotations

from support import REPO

from govgraph.checks import CHECKS
from govgraph.cli import COMMAND_PATHS
from govgraph.cli.reference import checks_reference, cli_reference

REGENERATE = "regenerate it with: python -m govgraph.cli.reference"


def test_the_command_reference_is_every_commands_help() -> None:
    on_disk = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    assert on_disk == cli_reference(), (
        f"docs/cli.md differs from the commands' --help; {REGENERATE}"
    )
    for name in COMMAND_PATHS:
        assert f"## `govgraph {name}`" in on_disk


def test_the_checks_reference_is_every_checks_documentation() -> None:
    on_disk = (REPO / "docs" / "checks.md").read_text(encoding="utf-8")
    assert on_disk == checks_reference(), f"docs/checks.md differs from the checks; {REGENERATE}"
    for slug, module in CHECKS.items():
        assert f"\n## {slug}\n" in on_disk and module.SUMMARY in on_disk
