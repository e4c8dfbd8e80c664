"""The command line forgives the slips people make: a misspelt command, a global
option written after the command."""

from __future__ import annotations

import pytest
from support import EXAMPLE, REPO, Cli


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


def test_show_and_check_name_files_alike(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    shown = cli("show", "models/worcestershire", "wscp", "--as-of", "2026-11-28").stdout
    checked = cli("check", "models/worcestershire", "--as-of", "2026-11-28").stdout
    defined = next(line for line in shown.splitlines() if "Defined in:" in line)
    where = defined.split("Defined in:")[1].strip()
    assert where == "models/worcestershire/bodies/safeguarding.yaml:22"
    assert (REPO / where.rsplit(":", 1)[0]).is_file()
    assert "models/worcestershire/bodies/safeguarding.yaml:" in checked


def test_size_limits_and_links_may_follow_the_command(cli: Cli) -> None:
    before = cli("--max-file-size", "6K", "validate", EXAMPLE)
    for args in (("--max-file-size", "6K"), ("--max-file-size=6K",)):
        after = cli("validate", EXAMPLE, *args)
        assert after.exit_code == before.exit_code == 2
        assert after.stdout + after.stderr == before.stdout + before.stderr
        assert "more than the 6K govgraph reads" in after.stdout + after.stderr
    assert cli("validate", EXAMPLE, "--follow-links").exit_code == 0
