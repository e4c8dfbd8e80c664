"""``govgraph init``: a model to start from, which passes its own audit on day one."""

from __future__ import annotations

import json
from pathlib import Path

from support import REPO, Cli

from govgraph.loader import load

NORTHMOOR = REPO / "tests" / "fixtures" / "interop" / "popolo" / "northmoor.json"


def test_a_new_model_loads_checks_clean_and_says_what_to_run_next(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "models" / "northmoor-area"
    result = cli("init", folder)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[-3:] == [
        f"  govgraph validate {folder}", f"  govgraph check {folder}", f"  govgraph render {folder}",
    ]  # fmt: skip
    model = load(folder)
    assert model.name == "Northmoor Area"
    assert [b.name for b in model.bodies.values()] == [
        "Northmoor Area Council (Full Council)",
        "Northmoor Area Community Safety Partnership",
        "Community Safety Delivery Group",
    ]
    assert model.bodies["community-safety-delivery"].kind == "sub-group"
    assert model.posts and model.people
    checked = cli("check", folder)
    assert checked.exit_code == 0 and "no findings" in checked.stdout


def test_the_files_show_optional_fields_and_carry_the_schema(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "new"
    assert cli("init", folder, "--name", 'Vale: "North"').exit_code == 0
    bodies = (folder / "bodies.yaml").read_text()
    assert bodies.startswith("# yaml-language-server: $schema=govgraph-model.schema.json\n")
    assert "# statutory: community-safety-partnership" in bodies
    schema = json.loads((folder / "govgraph-model.schema.json").read_text())
    assert "bodies" in schema["properties"]
    assert load(folder).name == 'Vale: "North"'


def test_init_never_writes_into_a_folder_that_has_files(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me", encoding="utf-8")
    result = cli("init", folder)
    assert result.exit_code == 2
    assert f"govgraph: {folder} already has files; init only writes into a new or empty folder" in (
        result.stderr
    )
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
    assert cli("init", folder / "notes.txt").exit_code == 2


def test_init_from_a_councils_data(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "northmoor"
    result = cli("init", folder, "--from", NORTHMOOR)
    assert result.exit_code == 0, result.stderr
    assert "Northmoor County Council" in (folder / "bodies.yaml").read_text()
    assert f"  govgraph check {folder}" in result.stdout
    odd = tmp_path / "council.txt"
    odd.write_text("x", encoding="utf-8")
    refused = cli("init", tmp_path / "other", "--from", odd)
    assert refused.exit_code == 2 and "--from takes files of one kind" in refused.stderr
    assert not (tmp_path / "other").exists()
