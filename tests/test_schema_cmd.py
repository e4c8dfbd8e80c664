"""``govgraph schema`` (editor autocompletion) and the pre-commit hooks govgraph ships."""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from support import CliResult

from govgraph.cli import all_commands
from govgraph.loader import model_files
from govgraph.yamlread import parse_yaml

Cli = Callable[..., CliResult]
REPO = Path(__file__).resolve().parent.parent
WYVERN = Path(__file__).parent / "fixtures" / "interop" / "wyvern"


def schema_of(cli: Cli, *args: str) -> dict[str, Any]:
    result = cli("schema", *args)
    assert result.exit_code == 0, result.stderr
    loaded: dict[str, Any] = json.loads(result.stdout)
    return loaded


def errors(schema: dict[str, Any], document: Any) -> list[str]:
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    return sorted(e.message for e in validator.iter_errors(document))


def test_the_schema_is_a_valid_json_schema_of_the_four_sections(cli: Cli) -> None:
    schema = schema_of(cli)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["additionalProperties"] is False
    assert list(schema["properties"])[:4] == ["organisations", "people", "posts", "bodies"]
    body = schema["$defs"]["Body"]
    assert body["additionalProperties"] is False and body["required"] == ["id", "name"]
    established = body["properties"]["established"]["anyOf"][0]
    assert established == {"format": "date", "type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    assert "from" in schema["$defs"]["Membership"]["properties"]  # the YAML key, not from_


def test_model_files_pass_the_schema(cli: Cli) -> None:
    schema = schema_of(cli)
    files = [WYVERN / "model.yaml"]
    example = REPO / "models" / "worcestershire"
    if example.is_dir():
        files += [f for f in model_files(example) if f.name != "govgraph.yaml"]
    for file in files:
        assert errors(schema, parse_yaml(file.read_text(encoding="utf-8"))) == [], file


def test_the_schema_flags_what_an_editor_should_underline(cli: Cli) -> None:
    schema = schema_of(cli)
    document = {
        "bodies": [
            {"id": "hwb", "nmae": "Board"},
            {"id": "Bad Id", "name": "B", "established": "2023-7-1", "kind": "quango"},
        ],
        "boards": [],
    }
    found = "\n".join(errors(schema, document))
    assert "'name' is a required property" in found
    assert "'nmae' was unexpected" in found
    assert "'boards' was unexpected" in found
    assert "'2023-7-1' is not valid under any of the given schemas" in found
    assert "'quango' is not one of" in found
    assert "'Bad Id' does not match" in found


def test_the_settings_schema(cli: Cli) -> None:
    schema = schema_of(cli, "--settings")
    assert errors(schema, {"name": "X", "checks": {"one-way-reporting": "info"}}) == []
    assert errors(schema, {"review_interval_months": 0}) != []
    assert "'naem' was unexpected" in "\n".join(errors(schema, {"naem": "X"}))


def test_schema_o_rewrites_its_own_file_and_keeps_an_edited_one(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "govgraph-model.schema.json"
    assert cli("schema", "-o", target).exit_code == 0
    assert json.loads(target.read_text())["title"] == "govgraph model file"
    assert cli("schema", "-o", target).exit_code == 0  # its own file, unchanged since
    target.write_text("{}", encoding="utf-8")
    again = cli("schema", "-o", target)
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert target.read_text() == "{}"


# --- .pre-commit-hooks.yaml ---------------------------------------------------------------


def hooks() -> dict[str, dict[str, Any]]:
    text = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    return {hook["id"]: hook for hook in yaml.safe_load(text)}


def test_the_hooks_run_govgraph_once_per_commit_on_yaml_changes() -> None:
    found = hooks()
    assert set(found) == {"govgraph-check", "govgraph-validate"}
    names = {command.name for command in all_commands()}
    for hook in found.values():
        program, subcommand = shlex.split(hook["entry"])
        assert program == "govgraph" and subcommand in names
        assert hook["language"] == "python"
        assert hook["pass_filenames"] is False
        pattern = re.compile(hook["files"])
        assert pattern.search("models/x/bodies.yaml") and pattern.search("a.yml")
        assert not pattern.search("README.md")


@pytest.mark.parametrize("hook_id", ["govgraph-check", "govgraph-validate"])
def test_a_hook_entry_with_the_users_model_folder_passes_a_good_model(
    cli: Cli, hook_id: str, model_dir: Callable[..., Path]
) -> None:
    good = model_dir({"bodies.yaml": "bodies:\n  - {id: council, name: Council, root: true}\n"})
    bad = model_dir({"bodies.yaml": "bodies:\n  - {id: council, nmae: Council}\n"}, name="bad")
    _, subcommand = shlex.split(hooks()[hook_id]["entry"])
    assert cli(subcommand, good).exit_code == 0
    assert cli(subcommand, bad).exit_code == 2
