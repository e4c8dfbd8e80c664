"""Reading a model whole, or saying what was not read; limits a user can raise.

An audit that skipped part of a model would pass a model it never read, so
every part that cannot be read fails the load with its path; a link out of the
model folder is read only with --follow-links; size limits refuse in seconds
and name the option that raises them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from support import Cli

from govgraph import load
from govgraph.dates import add_months, earliest_on_time
from govgraph.errors import ModelLoadError
from govgraph.limits import Limits, limits_in_force, parse_size

BASE = {
    "organisations.yaml": "organisations:\n  - id: council\n    name: Council\n",
    "bodies.yaml": "bodies:\n  - id: board\n    name: Board\n    root: true\n",
}


@pytest.fixture
def model(model_dir: Callable[..., Path]) -> Path:
    return model_dir(BASE)


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ModelLoadError) as caught:
        load(path)
    return [str(problem) for problem in caught.value.problems]


def test_a_link_out_of_the_model_is_read_only_when_allowed(
    cli: Cli, model: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "shared" / "people.yaml"
    outside.parent.mkdir()
    outside.write_text("organisations:\n  - id: nhs\n    name: NHS Trust\n")
    (model / "people.yaml").symlink_to(outside)
    refused = cli("validate", model)
    assert refused.exit_code == 2
    assert f"{model / 'people.yaml'}: error: is a symbolic link to {outside}" in refused.stderr
    allowed = cli("--follow-links", "validate", model)
    assert allowed.exit_code == 0, allowed.stderr
    assert "2 organisations" in allowed.stdout


def test_a_file_link_inside_is_read_and_a_folder_link_back_in_is_not_walked(model: Path) -> None:
    (model / "again.yaml").symlink_to(model / "organisations.yaml")
    problems = problems_of(model)
    # The same file read twice defines 'council' twice: the link was followed, and said so.
    assert any("again.yaml" in p and "already used" in p for p in problems)
    (model / "again.yaml").unlink()
    (model / "sub").symlink_to(model, target_is_directory=True)  # a folder link back in
    assert load(model).organisations.keys() == {"council"}


def test_a_folder_that_cannot_be_listed_fails_the_load(
    model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (model / "committees").mkdir()
    (model / "committees" / "x.yaml").write_text("bodies: []\n")
    real = os.scandir

    def scandir(path: os.PathLike[str] | str) -> object:
        if Path(path).name == "committees":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert problems_of(model) == [
        f"{model / 'committees'}: error: cannot list this folder (Permission denied)"
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file_fails_the_load(cli: Cli, model: Path) -> None:
    (model / "bodies.yaml").chmod(0)
    result = cli("check", model)
    assert result.exit_code == 2
    assert "bodies.yaml: error: cannot read it (Permission denied)" in result.stderr


def test_a_folder_named_like_a_file_is_read_into(model: Path) -> None:
    (model / "more.yaml").mkdir()
    (model / "more.yaml" / "posts.yaml").write_text("posts: []\n")
    assert "more.yaml/posts.yaml" in load(model).files


def test_limits_are_raised_on_the_command_line_or_in_the_environment(
    cli: Cli, model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (model / "padding.yaml").write_text("#" * 300_000 + "\n")
    refused = cli("--max-file-size", "256K", "validate", model)
    assert refused.exit_code == 2
    assert "padding.yaml: error: is 0.3 MB, more than the 256K govgraph reads" in refused.stderr
    assert "--max-file-size" in refused.stderr
    assert cli("--max-file-size", "1M", "validate", model).exit_code == 0
    assert "--max-model-size" in cli("--max-model-size", "100K", "validate", model).stderr
    monkeypatch.setenv("GOVGRAPH_MAX_FILE_SIZE", "256K")
    assert cli("validate", model).exit_code == 2
    assert cli("--max-file-size", "2M", "validate", model).exit_code == 0
    bad = cli("--max-model-size", "lots", "validate", model)
    assert bad.exit_code == 2 and "'lots' is not a size" in bad.stderr


def test_an_alias_refused_for_size_is_read_again_once_the_limit_is_raised(
    model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GOVGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    refs = ", ".join(["*text"] * 50)
    (model / "notes.yaml").write_text(f"x: &text '{'y' * 10_000}'\nposts: []\nz: [{refs}]\n")
    with limits_in_force(Limits(file_size=200_000)), pytest.raises(ModelLoadError) as small:
        load(model, cache=True)
    assert "expand to more than" in str(small.value)
    assert list((tmp_path / "cache").rglob("*.pickle"))  # the other files were cached
    with limits_in_force(Limits(file_size=2_000_000)), pytest.raises(ModelLoadError) as large:
        load(model, cache=True)
    assert "expand" not in str(large.value)  # read this time, not the refusal from the cache
    assert "unknown section 'x'" in str(large.value)


def test_a_cache_entry_replaced_by_a_pipe_is_ignored(
    cli: Cli, model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GOVGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    assert cli("check", model).exit_code == 0
    entries = list((tmp_path / "cache").rglob("*.pickle"))
    assert entries
    for entry in entries:
        entry.unlink()
        os.mkfifo(entry)
    again = cli("check", model)  # would block for ever opening a pipe for reading
    assert again.exit_code == 0


def test_sizes_read_as_a_user_writes_them() -> None:
    assert parse_size("64M") == 64 * 1024 * 1024
    assert parse_size("1g") == 1 << 30
    assert parse_size("512KB") == 512 * 1024
    with pytest.raises(ValueError):
        parse_size("0")


def test_date_arithmetic_near_the_ends_of_the_calendar_does_not_fail() -> None:
    assert add_months(date(9999, 12, 1), 1) == date.max
    assert add_months(date(1, 1, 31), -1) == date.min
    assert earliest_on_time(date(1, 1, 1), 12) == date.min
    assert earliest_on_time(date(9999, 12, 31), 12) == date(9998, 12, 31)


def test_review_intervals_of_centuries_stay_an_audit_not_a_crash(
    cli: Cli, model_dir: Callable[..., Path]
) -> None:
    folder = model_dir(
        {
            **BASE,
            "govgraph.yaml": "name: x\nreview_interval_months: 99999\n",
            "bodies.yaml": "bodies:\n  - id: board\n    name: Board\n    root: true\n"
            "    members:\n      - {member: council, from: 2200-12-01, reviewed: 2200-12-01}\n",
        }
    )
    result = cli("check", folder, "--as-of", "2200-12-31")
    assert result.exit_code in (0, 1), result.stderr


def test_a_file_refused_for_its_size_does_not_make_its_ids_look_unknown(
    cli: Cli, model: Path
) -> None:
    (model / "bodies.yaml").write_text(
        "bodies:\n  - id: board\n    name: Board\n    root: true\n"
        "    members: [{member: council}]\n" + "#" * 5000 + "\n"
    )
    (model / "organisations.yaml").write_text(
        "organisations:\n  - id: council\n    name: Council\n" + "#" * 9000 + "\n"
    )
    result = cli("--max-file-size", "8K", "validate", model)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{model / 'organisations.yaml'}: error: is 8.8 KB, more than the 8K govgraph reads; "
        "if it is meant to be this big, raise the limit with govgraph --max-file-size SIZE",
        "1 problem in the model",
    ]
