"""``govgraph import popolo``: Popolo JSON into a model folder that validates."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from support import CliResult

from govgraph.errors import GovgraphError
from govgraph.interop.popolo_import import import_popolo
from govgraph.loader import load
from govgraph.model import Model

Cli = Callable[..., CliResult]
FIXTURES = Path(__file__).parent / "fixtures" / "interop"
NORTHMOOR = FIXTURES / "popolo" / "northmoor.json"


def write_json(folder: Path, name: str, data: Any) -> Path:
    path = folder / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def imported(cli: Cli, tmp_path: Path, *files: Path) -> tuple[Model, CliResult]:
    out = tmp_path / "models" / "imported"
    result = cli("import", "popolo", *files, "-o", out)
    assert result.exit_code == 0, result.stderr
    return load(out), result


def members(model: Model, body: str) -> list[tuple[str, str, date | None, date | None]]:
    return [(m.member, m.role, m.from_, m.to) for m in model.bodies[body].members]


def test_the_fixture_imports_to_a_valid_model_with_bodies_and_organisations_told_apart(
    cli: Cli, tmp_path: Path
) -> None:
    model, result = imported(cli, tmp_path, NORTHMOOR)
    assert "5 bodies, 2 organisations, 1 post, 4 people" in result.stdout
    # Sat on, has a parent or children -> body; member of another or a party -> organisation.
    assert set(model.bodies) == {"council", "cabinet", "hwb", "audit", "audit-sub"}
    assert set(model.organisations) == {"northmoor-integrated-care-board", "green"}
    assert model.bodies["council"].root and not model.bodies["hwb"].root
    assert model.bodies["audit-sub"].kind == "sub-group"
    assert model.bodies["hwb"].short_name == "HWB"
    assert model.bodies["audit"].name == "Audit & Governance Committee"  # entity decoded


def test_parent_id_and_reports_to_extension_become_reporting_lines(
    cli: Cli, tmp_path: Path
) -> None:
    model, _ = imported(cli, tmp_path, NORTHMOOR)
    lines = {(b.id, line.body, line.frequency) for b, line in model.reporting_lines()}
    assert lines == {
        ("cabinet", "council", None),
        ("hwb", "council", "annually"),
        ("audit", "council", None),
        ("audit-sub", "audit", None),
    }


def test_partial_dates_widen_to_the_period_they_name(cli: Cli, tmp_path: Path) -> None:
    model, _ = imported(cli, tmp_path, NORTHMOOR)
    sub = model.bodies["audit-sub"]
    assert (sub.established, sub.dissolved) == (date(2019, 1, 1), date(2023, 3, 31))
    assert model.bodies["council"].established == date(1974, 1, 1)
    council = {m.member: (m.from_, m.to) for m in model.bodies["council"].members}
    assert council["ada-fenwick"] == (date(2017, 5, 1), None)  # "2017-05"
    assert council["cora-lindqvist"] == (date(2013, 5, 2), date(2021, 5, 31))  # datetime; "2021-05"


def test_memberships_chairs_organisations_and_post_seats(cli: Cli, tmp_path: Path) -> None:
    model, _ = imported(cli, tmp_path, NORTHMOOR)
    assert members(model, "hwb") == [
        # the plain membership repeating the "Chair" one is folded into it
        ("ada-fenwick", "chair", date(2021, 5, 20), None),
        ("cora-lindqvist", "vice-chair", date(2019, 1, 1), date(2021, 12, 31)),
        # organisation as member, dates written inside the member object
        ("northmoor-integrated-care-board", "member", date(2022, 7, 1), None),
        # a post of the board sits on it; its holder comes from person_id + post_id
        ("dph", "member", None, None),
    ]
    assert [(h.person, h.from_) for h in model.posts["dph"].holders] == [
        ("basil-orme", date(2020, 9, 1))
    ]
    notes = {m.member: m.note for m in model.bodies["council"].members}
    assert notes["ada-fenwick"] == "on behalf of Green Party"


def test_opaque_ids_are_replaced_by_names_and_the_popolo_id_kept_beside_them(
    cli: Cli, tmp_path: Path
) -> None:
    model, _ = imported(cli, tmp_path, NORTHMOOR)
    assert set(model.people) == {"ada-fenwick", "basil-orme", "cora-lindqvist", "priya-kestrel"}
    assert model.people["basil-orme"].name == "Dr Basil Orme"  # from given/family names
    text = (tmp_path / "models" / "imported" / "people.yaml").read_text()
    assert "- id: ada-fenwick  # popolo id: person/1001" in text
    bodies = (tmp_path / "models" / "imported" / "bodies.yaml").read_text()
    assert "# popolo id: ocd-organization/country:gb/county:northmoor/council" in bodies


def test_what_could_not_be_mapped_is_listed_with_counts(cli: Cli, tmp_path: Path) -> None:
    _, result = imported(cli, tmp_path, NORTHMOOR)
    err = result.stderr
    assert "left out or changed on import:" in err
    assert "2 × role with no govgraph equivalent (kept as member, noted)" in err
    assert "Independent Person" in err and "Leader" in err
    assert "1 × date not understood (left out)" in err and "'spring 2020'" in err
    assert "1 × end date before start date (end left out)" in err
    assert "1 × membership of an organization that is not a body" in err
    assert "1 × membership of an organization not in the files" in err
    assert "persons.email ×2" in err and "organizations.identifiers ×1" in err


def test_the_written_yaml_is_tidy_and_says_where_it_came_from(cli: Cli, tmp_path: Path) -> None:
    imported(cli, tmp_path, NORTHMOOR)
    folder = tmp_path / "models" / "imported"
    assert sorted(p.name for p in folder.iterdir()) == [
        "bodies.yaml", "govgraph.yaml", "organisations.yaml", "people.yaml", "posts.yaml",
    ]  # fmt: skip
    bodies = (folder / "bodies.yaml").read_text()
    assert bodies.startswith("# Bodies, imported by govgraph from Popolo JSON: northmoor.json\n")
    assert "edit it by hand" in bodies
    assert "      - {member: ada-fenwick, role: chair, from: 2021-05-20}\n" in bodies
    assert "name: imported" in (folder / "govgraph.yaml").read_text()


def test_existing_files_are_kept_unless_force(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "council"
    out.mkdir()
    (out / "bodies.yaml").write_text("# mine\n", encoding="utf-8")
    result = cli("import", "popolo", NORTHMOOR, "-o", out)
    assert result.exit_code == 2
    assert "bodies.yaml already exists; add --force to overwrite" in result.stderr
    assert (out / "bodies.yaml").read_text() == "# mine\n"
    assert not (out / "people.yaml").exists()  # nothing written when anything is refused
    assert cli("import", "popolo", NORTHMOOR, "-o", out, "--force").exit_code == 0
    assert "Northmoor County Council" in (out / "bodies.yaml").read_text()
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".")]  # staging removed


def test_several_files_and_inline_memberships_merge(cli: Cli, tmp_path: Path) -> None:
    people = write_json(
        tmp_path,
        "people.json",
        {"persons": [{"id": "p1", "name": "Una Wick",
                      "memberships": [{"organization_id": "board", "role": "Chairwoman"}]}]},
    )  # fmt: skip
    orgs = write_json(
        tmp_path,
        "orgs.json",
        {
            "organizations": [
                {"id": "board", "name": "Parks Board",
                 "memberships": [{"person_id": "p1", "start_date": "2020-02"}]},
            ],
            "warnings": ["made by hand"],
        },
    )  # fmt: skip
    model, result = imported(cli, tmp_path, people, orgs)
    # The undated "Chairwoman" title and the seat from February 2020 are one membership.
    assert members(model, "board") == [("p1", "chair", date(2020, 2, 1), None)]
    assert "top-level section with no place in the model (e.g. orgs.json:warnings)" in result.stderr


def test_duplicate_names_get_unique_ids(cli: Cli, tmp_path: Path) -> None:
    path = write_json(
        tmp_path,
        "dupes.json",
        {
            "organizations": [
                {"id": "11", "name": "Planning", "classification": "committee"},
                {"id": "12", "name": "Planning", "classification": "committee"},
            ],
            "persons": [{"id": "planning", "name": "A Person Called Planning"}],
        },
    )
    model, _ = imported(cli, tmp_path, path)
    # the readable id written in the file keeps its name; the opaque ones make way
    assert set(model.people) == {"planning"}
    assert set(model.bodies) == {"planning-2", "planning-3"}


def test_invalid_extension_values_are_left_out_and_reported(cli: Cli, tmp_path: Path) -> None:
    path = write_json(
        tmp_path,
        "ext.json",
        {
            "organizations": [
                {"id": "b", "name": "Board", "+entity": "body", "+meets": "fortnightly",
                 "+ignore": [{"check": "no-such-check", "reason": "x"}]},
            ],
            "persons": [{"id": "p", "name": "P", "+left": "last year"}],
        },
    )  # fmt: skip
    model, result = imported(cli, tmp_path, path)
    assert model.bodies["b"].meets is None and model.people["p"].left is None
    assert "'+meets' value govgraph cannot use (left out)" in result.stderr
    assert "'+left' value govgraph cannot use (left out)" in result.stderr
    assert "'+ignore' naming a check govgraph does not have" in result.stderr


def test_a_body_listed_as_member_of_another_is_reported_not_dropped_silently(
    cli: Cli, tmp_path: Path
) -> None:
    path = write_json(
        tmp_path,
        "nested.json",
        {
            "organizations": [{"id": "top", "name": "Top"}, {"id": "sub", "name": "Sub"}],
            "persons": [{"id": "p", "name": "P"}],
            "memberships": [
                {"person_id": "p", "organization_id": "sub"},
                {"member": {"@type": "Organization", "id": "sub"}, "organization_id": "top"},
            ],
        },
    )
    model, result = imported(cli, tmp_path, path)
    assert model.bodies["top"].members == []
    assert "a body given as a member of another body" in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"persons": [\n  {"id": "a",}\n]}', "bad.json:2:14: not valid JSON"),
        ('[{"id": "a"}]', "bad.json: expected a Popolo JSON object"),
        ('{"people": []}', "bad.json: no organizations, persons, posts, memberships here"),
        ('{"persons": {"id": "a"}}', 'bad.json: "persons" must be a list of objects; found'),
        ('{"memberships": [42]}', "bad.json: memberships[0] must be an object"),
    ],
)
def test_malformed_files_are_refused_in_one_line(
    cli: Cli, tmp_path: Path, content: str, message: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    result = cli("import", "popolo", bad, "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_non_utf8_is_refused_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "latin.json"
    bad.write_bytes(b'{"persons": [\n{"name": "Zo\xe9"}]}')
    with pytest.raises(GovgraphError, match=r"latin.json:2: not UTF-8 text"):
        import_popolo([bad])


def test_a_missing_file_is_a_usage_error(cli: Cli, tmp_path: Path) -> None:
    result = cli("import", "popolo", tmp_path / "nope.json", "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
