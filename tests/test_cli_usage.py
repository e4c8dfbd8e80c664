"""The command line forgives the slips people make: a misspelt command, a global
option written after the command."""

from __future__ import annotations

from support import EXAMPLE, Cli


def test_a_misspelt_command_gets_did_you_mean(cli: Cli) -> None:
    result = cli("chek", EXAMPLE)
    assert result.exit_code == 2
    assert "no such command 'chek'. Did you mean 'check' or 'checks'?" in result.stderr
    assert "Did you mean 'render'?" in cli("rendr", EXAMPLE).stderr


def test_a_command_nothing_like_any_lists_none(cli: Cli) -> None:
    result = cli("frobnicate")
    assert result.exit_code == 2
    assert "no such command 'frobnicate'. ('govgraph --help' lists them all)" in result.stderr


def test_no_cache_may_follow_the_command(cli: Cli) -> None:
    before = cli("--no-cache", "validate", EXAMPLE)
    after = cli("validate", EXAMPLE, "--no-cache")
    assert after.exit_code == before.exit_code == 0
    assert after.stdout == before.stdout
