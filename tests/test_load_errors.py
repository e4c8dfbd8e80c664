"""Every class of bad input is refused with exit 2, the file, the line and helpful words."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

ORG_WCC = "organisations:\n  - {id: wcc, name: Worcestershire County Council}\n"
BODY_OK = """\
bodies:
  - id: council
    name: Full Council
    root: true
"""


def _only_problem(result, path: Path, line: int, *words: str) -> str:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2
    assert result.stdout == ""
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{path}:{line}:"), result.stderr
    for word in words:
        assert word in first, result.stderr
    assert "Traceback" not in result.stderr
    return first


CASES = {
    "yaml-syntax": ("bodies:\n  - id: a\n    name: [unclosed\n", 4, ["is not closed", "(YAML: "]),
    "top-level-list": ("- id: a\n  name: A\n", 1, ["top level", "mapping"]),
    "top-level-scalar": ("just some text\n", 1, ["top level", "mapping"]),
    "unknown-section": (
        "bodys:\n  - {id: a, name: A}\n",
        1,
        ["unknown section 'bodys'", "did you mean 'bodies'"],
    ),
    "unknown-field": (
        BODY_OK + "    reprots_to: []\n",
        5,
        ["unknown field 'reprots_to'", "did you mean 'reports_to'"],
    ),
    "wrong-type": (BODY_OK.replace("root: true", "root: [yes]"), 4, ["expected true or false"]),
    "section-not-list": ("bodies:\n  id: a\n", 1, ["'bodies' must be a list"]),
    "impossible-date": (
        BODY_OK + "    established: 2023-02-30\n",
        5,
        ["'2023-02-30' is not a real date"],
    ),
    "date-format": (BODY_OK + "    established: 30/02/2023\n", 5, ["write dates as YYYY-MM-DD"]),
    "end-before-start": (
        BODY_OK + "    established: 2020-01-01\n    dissolved: 2019-12-31\n",
        6,
        ["dissolved (2019-12-31) is before established (2020-01-01)"],
    ),
    "bad-id": (
        "bodies:\n  - id: Full_Council\n    name: Full Council\n",
        2,
        ["not a valid id", "'full-council'"],
    ),
    "python-tag": (
        "bodies: !!python/object/apply:os.system ['echo hacked']\n",
        1,
        ["tag", "not allowed"],
    ),
    "custom-tag": ("bodies:\n  - !board {id: a, name: A}\n", 2, ["tag", "not allowed"]),
    "duplicate-key": (
        "bodies:\n  - id: a\n    name: A\n    name: B\n",
        4,
        ["appears twice", "line 3"],
    ),
    "missing-name": ("bodies:\n  - id: a\n", 2, ["required field 'name' is missing"]),
    # Memberships, reporting lines and post holders are validated as dataclasses,
    # whose errors pydantic names differently from a model's: the same words.
    "membership-unknown-field": (
        BODY_OK + "    members:\n      - {member: wcc, bogus: 1}\n" + ORG_WCC,
        6,
        ["unknown field 'bogus' in a membership", "known fields: member, role"],
    ),
    "membership-python-name": (
        BODY_OK + "    members:\n      - {member: wcc, from_: 2020-01-01}\n" + ORG_WCC,
        6,
        ["unknown field 'from_' in a membership", "did you mean 'from'"],
    ),
    "membership-not-a-mapping": (
        BODY_OK + "    members:\n      - council\n",
        5,
        ["expected a mapping (key: value lines), found 'council'"],
    ),
    "membership-missing-member": (
        BODY_OK + "    members:\n      - {role: chair}\n",
        6,
        ["required field 'member' is missing"],
    ),
    "line-unknown-field": (
        BODY_OK + "    reports_to:\n      - {body: council, frequncy: monthly}\n",
        6,
        ["unknown field 'frequncy' in a reports_to entry", "did you mean 'frequency'"],
    ),
    "holder-unknown-field": (
        "people:\n  - {id: jo, name: Jo}\n"
        "posts:\n  - id: p\n    title: P\n    holders:\n      - {person: jo, until: 2022-01-01}\n",
        7,
        ["unknown field 'until' in a post holder", "known fields: person, from, to"],
    ),
    "person-unknown-field": (
        "people:\n  - id: jo\n    name: Jo\n    lefts: 2022-01-01\n",
        4,
        ["unknown field 'lefts' in a person", "did you mean 'left'"],
    ),
    "bad-enum": (BODY_OK + "    kind: bord\n", 5, ["did you mean 'board'", "use one of"]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_is_refused_with_file_and_line(name, model_dir, cli) -> None:  # type: ignore[no-untyped-def]
    text, line, words = CASES[name]
    folder = model_dir({"bodies.yaml": text})
    _only_problem(cli("validate", folder), folder / "bodies.yaml", line, *words)


def test_non_utf8_bytes_name_the_line(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "m"
    folder.mkdir()
    (folder / "bodies.yaml").write_bytes(BODY_OK.encode() + b"    short_name: Caf\xe9\n")
    _only_problem(cli("validate", folder), folder / "bodies.yaml", 5, "not UTF-8")


def test_empty_folder_and_folder_without_yaml(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "empty"
    empty.mkdir()
    result = cli("validate", empty)
    assert result.exit_code == 2
    assert f"{empty}: no *.yaml or *.yml files here" in result.stderr
    (empty / "notes.txt").write_text("bodies: []")
    assert cli("validate", empty).exit_code == 2
    missing = cli("validate", tmp_path / "nope")
    assert missing.exit_code == 2
    assert "no such folder" in missing.stderr


def test_alias_bomb_is_refused_quickly(model_dir, cli) -> None:  # type: ignore[no-untyped-def]
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    folder = model_dir({"bomb.yaml": "\n".join(lines) + "\n"})
    started = time.monotonic()
    result = cli("validate", folder)
    assert time.monotonic() - started < 5
    assert result.exit_code == 2
    assert "alias" in result.stderr and "bomb.yaml:" in result.stderr


def test_recursive_alias_is_refused(model_dir, cli) -> None:  # type: ignore[no-untyped-def]
    folder = model_dir({"loop.yaml": "bodies: &x\n  - *x\n"})
    result = cli("validate", folder)
    assert result.exit_code == 2
    assert "recursive" in result.stderr


def test_unknown_reference_suggests_nearest_ids(model_dir, cli) -> None:  # type: ignore[no-untyped-def]
    folder = model_dir(
        {
            "bodies.yaml": BODY_OK
            + "  - id: hwb\n    name: HWB\n    reports_to:\n      - body: councl\n"
        }
    )
    first = _only_problem(cli("validate", folder), folder / "bodies.yaml", 8, "'councl'")
    assert "did you mean 'council'" in first and "must name a body" in first


def test_reference_to_wrong_kind_says_what_was_expected(model_dir, cli) -> None:  # type: ignore[no-untyped-def]
    folder = model_dir(
        {
            "orgs.yaml": "organisations:\n  - id: wcc\n    name: WCC\n    succeeded_by: council\n",
            "bodies.yaml": BODY_OK + "    reports_to: [{body: wcc}]\n",
        }
    )
    result = cli("validate", folder)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert any(
        line.startswith(f"{folder / 'bodies.yaml'}:5:")
        and "'wcc', which is an organisation; it must name a body" in line
        for line in lines
    ), result.stderr
    assert any(
        line.startswith(f"{folder / 'orgs.yaml'}:4:")
        and "'council', which is a body; it must name an organisation" in line
        for line in lines
    ), result.stderr


def test_duplicate_id_names_both_places(model_dir, cli) -> None:  # type: ignore[no-untyped-def]
    folder = model_dir(
        {
            "a.yaml": BODY_OK,
            "b.yaml": "organisations:\n  - id: wcc\n    name: W\n  - id: council\n    name: C\n",
        }
    )
    first = _only_problem(
        cli("validate", folder), folder / "b.yaml", 4, "'council' is already used"
    )
    assert f"{folder / 'a.yaml'}:2" in first


def test_every_problem_is_reported_sorted_by_file_and_line(model_dir, cli) -> None:  # type: ignore[no-untyped-def]
    folder = model_dir(
        {
            "b.yaml": "bodies:\n  - id: x\n    name: X\n    kind: bord\n    meets: often\n",
            "a.yaml": "organisations:\n  - id: Bad\n    name: B\n",
            "c.yaml": "nonsense: 1\n",
        }
    )
    result = cli("validate", folder)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    positions = [line.split(": ")[0] for line in lines[:-1]]
    assert positions == [
        f"{folder / 'a.yaml'}:2",
        f"{folder / 'b.yaml'}:4",
        f"{folder / 'b.yaml'}:5",
        f"{folder / 'c.yaml'}:1",
    ]
    assert lines[-1] == "4 problems in the model"


def test_ignore_needs_a_real_check_and_a_reason(model_dir, cli) -> None:  # type: ignore[no-untyped-def]
    folder = model_dir(
        {
            "bodies.yaml": BODY_OK
            + "    ignore:\n      - {check: no-chiar, reason: elected at next meeting}\n"
            + "  - id: panel\n    name: Panel\n    ignore:\n      - {check: no-chair}\n"
        }
    )
    result = cli("validate", folder)
    assert result.exit_code == 2
    assert "'no-chiar', which does not exist (did you mean 'no-chair'?)" in result.stderr
    assert "required field 'reason' is missing" in result.stderr


def test_settings_are_validated_too(model_dir, cli) -> None:  # type: ignore[no-untyped-def]
    folder = model_dir(
        {
            "govgraph.yaml": "large_membership: lots\nchecks:\n  no-chair: loud\n",
            "bodies.yaml": BODY_OK,
        }
    )
    result = cli("validate", folder)
    assert result.exit_code == 2
    assert f"{folder / 'govgraph.yaml'}:1:" in result.stderr
    assert "expected a whole number" in result.stderr
    assert f"{folder / 'govgraph.yaml'}:3:" in result.stderr


def test_settings_keys_in_a_model_file_point_to_govgraph_yaml(model_dir, cli) -> None:  # type: ignore[no-untyped-def]
    folder = model_dir({"bodies.yaml": BODY_OK + "many_roles: 3\n"})
    result = cli("validate", folder)
    assert "settings belong in govgraph.yaml" in result.stderr


def test_several_near_ids_are_listed_as_a_sentence(model_dir, cli) -> None:  # type: ignore[no-untyped-def]
    near = "".join(
        f"  - {{id: {i}, name: {i.upper()}, kind: board}}\n" for i in ("hwbb", "hwb1", "hwb2")
    )
    folder = model_dir(
        {"bodies.yaml": BODY_OK + near + "  - {id: x, name: X, reports_to: [{body: hwb}]}\n"}
    )
    result = cli("validate", folder)
    assert result.exit_code == 2
    assert "(did you mean 'hwbb', 'hwb2' or 'hwb1'?)" in result.stderr  # nearest first
