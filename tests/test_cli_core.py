"""The command line itself: install entry points, help everywhere, the exit-code contract."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
import pytest

from govgraph import __version__
from govgraph.cli import cli as group

EXAMPLE = Path(__file__).resolve().parent.parent / "models" / "worcestershire"


def _all_commands(command: click.Command, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [path]
    if isinstance(command, click.Group):
        context = click.Context(command)
        for name in sorted(command.list_commands(context)):
            sub = command.get_command(context, name)
            assert sub is not None
            found.extend(_all_commands(sub, (*path, name)))
    return found


@pytest.mark.parametrize("path", _all_commands(group), ids=lambda p: " ".join(p) or "govgraph")
def test_every_command_has_short_help_with_an_example(path, cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(*path, "-h")
    assert result.exit_code == 0
    assert "Usage: govgraph" in result.stdout
    if path:  # each command's help shows how to use it
        assert "govgraph " + " ".join(path) in result.stdout.split("Options:")[0]


def test_version(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"govgraph, version {__version__}"


def test_validate_summarises_the_example_model(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("validate", EXAMPLE)
    assert result.exit_code == 0
    assert result.stdout.startswith(f"{EXAMPLE}: valid model 'Worcestershire")
    for what in ("bodies", "organisations", "posts", "people", "memberships", "reporting lines"):
        assert what in result.stdout


def test_python_dash_m_and_installed_script_both_work() -> None:
    for command in ([sys.executable, "-m", "govgraph"], ["govgraph"]):
        done = subprocess.run(
            [*command, "validate", str(EXAMPLE)], capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr
        assert "valid model" in done.stdout


def test_usage_error_exits_2(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("validate")
    assert result.exit_code == 2
    assert "Missing argument 'MODEL_DIR'" in result.stderr


def test_internal_crash_is_one_line_without_traceback(cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    validate_module = sys.modules["govgraph.cli.validate"]

    def explode(path: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(validate_module, "load", explode)
    monkeypatch.delenv("GOVGRAPH_DEBUG", raising=False)
    result = cli("validate", EXAMPLE)
    assert result.exit_code == 3
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
    assert "internal error (RuntimeError: boom)" in result.stderr
    assert "please report it" in result.stderr


def test_debug_shows_the_traceback_and_still_exits_3(cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    validate_module = sys.modules["govgraph.cli.validate"]

    def explode(path: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(validate_module, "load", explode)
    monkeypatch.setenv("GOVGRAPH_DEBUG", "1")
    result = cli("validate", EXAMPLE)
    assert result.exit_code == 3  # scripts tell a crash from "invalid model" either way
    assert "Traceback (most recent call last)" in result.stderr
    assert "RuntimeError: boom" in result.stderr
