"""Errors that teach: each says, in an officer's words, what is wrong and what to write
instead, and one run reports every problem the model has."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import REPO, Cli, write_model

MANY_MISTAKES = {
    "people.yaml": """\
        people:
          - id: jo-bloggs
            name: Jo Bloggs
          - id: ann-lee
            name: Adults: the board
        """,
    "bodies.yaml": """\
        bodies:
          - id: board
            name: Board
            root: true
            statutory: not-a-pack
            established: 2023-02-30
            members:
              - {member: jo-bloggs, from: 2024-05-01, to: 2023-01-01}
              - {member: sam-patel}
              - {member: panel}
              - {member: jo-bloggs, voting: perhaps}
          - id: panel
            reports_to: [{body: board}]
        """,
}


def test_one_run_reports_a_problem_of_every_stage(cli: Cli, tmp_path: Path) -> None:
    folder = write_model(tmp_path / "new-council", MANY_MISTAKES)
    result = cli("validate", folder)
    assert result.exit_code == 2
    b, p = folder / "bodies.yaml", folder / "people.yaml"
    assert result.stderr.splitlines() == [
        f"{b}:5: error: statutory names 'not-a-pack', which is not a pack; packs: "
        "community-safety-partnership, health-and-wellbeing-board, safeguarding-adults-board, "
        "safeguarding-children-partners (run 'govgraph checks --packs' for what each requires)",
        f"{b}:6: error (bodies[board].established): '2023-02-30' is not a real date (check the "
        "day and month)",
        f"{b}:8: error: to (2023-01-01) is before from (2024-05-01); to is the last day in "
        "effect, so it cannot come first: check both dates",
        # people.yaml could not be read, so an id it may define is not called unknown
        f"{b}:10: error: member names 'panel', which is a body; it must name an organisation, "
        "a post or a person",
        f"{b}:11: error (bodies[board].members[3].voting): expected true or false, found 'perhaps'",
        f"{b}:12: error (bodies[panel].name): the required field 'name' is missing; add it",
        f'{p}:5:17: error: a value that holds ": " must be in quotes: write name: "Adults: the '
        'board" (YAML: mapping values are not allowed in this context)',
        "7 problems in the model",
    ]


def test_once_the_file_reads_the_unknown_member_is_named(cli: Cli, tmp_path: Path) -> None:
    fixed = {**MANY_MISTAKES, "people.yaml": MANY_MISTAKES["people.yaml"].replace(
        "name: Adults: the board", 'name: "Adults: the board"')}  # fmt: skip
    folder = write_model(tmp_path / "new-council", fixed)
    lines = cli("validate", folder).stderr.splitlines()
    assert (
        f"{folder / 'bodies.yaml'}:9: error: member names 'sam-patel', which is not in the model; "
        "add an organisation, a post or a person with id 'sam-patel' (under organisations:, "
        "posts: or people:), or correct the id"
    ) in lines
    assert lines[-1] == "7 problems in the model"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("bodies:\n  - id: a\n    name: A\n   - id: b\n    name: B\n",
         ":4:4: error: line 4 does not line up with the lines above it: the items of a list "
         "start with '-' at the same indent, and the keys of one mapping start at the same "
         "column; indent it like its neighbours, with spaces (YAML: did not find expected '-' "
         "indicator)"),
        ("bodies:\n\t- id: a\n",
         ":2:1: error: tabs are not allowed in YAML: indent with spaces (YAML: found character "
         "that cannot start any token)"),
        ('bodies:\n  - id: a\n    name: "A\n',
         ":4:1: error: a quote opened above is not closed: end the value with the same quote "
         "(YAML: found unexpected end of stream)"),
    ],
)  # fmt: skip
def test_yaml_syntax_is_explained_with_the_fix(
    cli: Cli, tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "model.yaml"
    path.write_text(text, encoding="utf-8")
    assert cli("validate", path).stderr.splitlines()[0] == f"{path}{message}"


def test_dates_are_written_one_way_on_the_command_line_and_in_files(
    cli: Cli, tmp_path: Path
) -> None:
    path = tmp_path / "model.yaml"
    path.write_text("bodies:\n  - {id: a, name: A, root: true, established: 2026-4-1}\n")
    assert cli("validate", path).stderr.splitlines()[0] == (
        f"{path}:2: error (bodies[a].established): '2026-4-1' is not written YYYY-MM-DD; "
        "write 2026-04-01 (two-digit month and day)"
    )
    refused = cli("check", path, "--as-of", "2026-2-3")
    assert refused.exit_code == 2
    assert "'2026-2-3' is not written YYYY-MM-DD; write 2026-02-03" in refused.stderr


def test_a_folder_of_several_models_is_named_as_such(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("north", "south"):
        write_model(tmp_path / "models" / name, {"govgraph.yaml": "name: x\n",
                                                 "bodies.yaml": "bodies: []\n"})  # fmt: skip
    monkeypatch.chdir(tmp_path)
    result = cli("validate", "models")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "govgraph: models holds 2 models, each with its own govgraph.yaml "
        "(models/north, models/south); give one of them"
    )


def test_one_file_of_a_model_folder_and_a_misspelt_folder(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    part = cli("validate", "models/worcestershire/bodies/youth.yaml")
    assert part.stderr.strip() == (
        "govgraph: models/worcestershire/bodies/youth.yaml is one file of the model in "
        "models/worcestershire (the folder with its govgraph.yaml); give the folder, e.g. "
        "govgraph validate models/worcestershire"
    )
    typo = cli("check", "models/worcestershir")
    assert typo.exit_code == 2
    assert typo.stderr.strip() == (
        "govgraph: models/worcestershir: no such folder (did you mean models/worcestershire?); "
        "give the folder that holds the model"
    )
