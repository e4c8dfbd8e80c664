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
    # on_behalf_of_id names the party, an organisation (it is sat for, not sat on)
    behalf = {m.member: (m.on_behalf_of, m.note) for m in model.bodies["council"].members}
    assert behalf["ada-fenwick"] == ("green", None)
    assert model.organisations["green"].name == "Green Party"


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
    assert "read northmoor.json: 7 organizations, 4 persons, 1 post, 12 memberships" in err
    assert "2 × role not in the vocabulary (kept as member, noted; map more with" in err
    assert "Independent Person, Leader" in err
    assert "merged 1 × title and seat of one person on one body" in err
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
    assert "bodies.yaml already exists and govgraph did not write it" in result.stderr
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
    assert set(model.bodies) == {"imported", "planning-2", "planning-3"}
    # no council in the file: the two committees report to a root named after the model
    assert model.bodies["imported"].root
    assert [line.body for line in model.bodies["planning-3"].reports_to] == ["imported"]


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
        ('"persons"', "bad.json: expected a Popolo JSON object"),
        ('[{"id": "a"}]', "bad.json: item 1 of the list has only an id and a name"),
        ('[{"name": "Ada"}, 7]', "bad.json: item 2 of the list must be an object"),
        ('{"persons": [\n  {"id": "a",\n   "id": "b"}]}', "bad.json:3: key 'id' is written twice"),
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


def members_on(cli: Cli, model: Path, body: str, day: str) -> list[tuple[str, str]]:
    """``govgraph members MODEL BODY --as-of DAY``: (member, role) of each seat that day."""
    result = cli("members", model, body, "--as-of", day, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return [(m["member"], m["role"]) for m in json.loads(result.stdout)["members"]]


#: A parliament whose memberships carry only the legislative period they belong to:
#: two periods with a gap between them, a member re-elected across the gap, one who
#: left in 2000, one who came in at a by-election with their own start date.
PARLIAMENT = {
    "organizations": [
        {"id": "assembly", "name": "States Assembly", "classification": "legislature",
         "legislative_periods": [
             {"id": "term/1", "name": "First", "start_date": "1996-04-01",
              "end_date": "2000-03-31"},
             {"id": "term/2", "name": "Second", "start_date": "2003-04-01",
              "end_date": "2007-03-31"},
         ]},
        {"id": "party/blue", "name": "Blue Party", "classification": "party"},
    ],
    "persons": [{"id": "ann", "name": "Ann Ash"}, {"id": "bob", "name": "Bob Birch"},
                {"id": "cat", "name": "Cat Cedar"}],
    "memberships": [
        {"person_id": "ann", "organization_id": "assembly", "legislative_period_id": "term/1",
         "on_behalf_of_id": "party/blue"},
        {"person_id": "ann", "organization_id": "assembly", "legislative_period_id": "term/2",
         "on_behalf_of_id": "party/blue"},
        {"person_id": "bob", "organization_id": "assembly", "legislative_period_id": "term/1"},
        {"person_id": "cat", "organization_id": "assembly", "legislative_period_id": "term/2",
         "start_date": "2005-06-09"},
        {"person_id": "cat", "organization_id": "assembly", "legislative_period_id": "term/9"},
    ],
}  # fmt: skip


def test_memberships_take_their_dates_from_the_legislative_period(cli: Cli, tmp_path: Path) -> None:
    model, result = imported(cli, tmp_path, write_json(tmp_path, "p.json", PARLIAMENT))
    assert members(model, "assembly")[:4] == [
        ("ann", "member", date(1996, 4, 1), date(2000, 3, 31)),
        ("ann", "member", date(2003, 4, 1), date(2007, 3, 31)),  # each term its own
        ("bob", "member", date(1996, 4, 1), date(2000, 3, 31)),
        ("cat", "member", date(2005, 6, 9), date(2007, 3, 31)),  # by-election: own start
    ]
    assert [m.on_behalf_of for m in model.bodies["assembly"].members[:2]] == ["blue", "blue"]
    assert (
        "1 × legislative_period_id naming no legislative period in the files (its dates are "
        "not known) (e.g. membership 5: cat in assembly: term/9)"
    ) in result.stderr
    assert "memberships.legislative_period_id" not in result.stderr  # read, not "no place"
    folder = tmp_path / "models" / "imported"
    assert members_on(cli, folder, "assembly", "1999-01-01") == [
        ("ann", "member"), ("bob", "member"), ("cat", "member")  # cat's undated seat
    ]  # fmt: skip
    # between the two periods only the seat with no dates at all counts
    assert members_on(cli, folder, "assembly", "2001-06-01") == [("cat", "member")]
    assert ("bob", "member") not in members_on(cli, folder, "assembly", date.today().isoformat())


def test_a_bare_list_of_organizations_persons_or_memberships_is_read(
    cli: Cli, tmp_path: Path
) -> None:
    orgs = write_json(
        tmp_path,
        "orgs.json",
        [{"id": "c1", "name": "Licensing Committee", "classification": "committee"},
         {"id": "c2", "name": "Planning Committee"}],
    )  # fmt: skip
    people = write_json(
        tmp_path,
        "people.json",
        [{"id": "p1", "name": "Una Wick", "email": "una@example.org"},
         {"id": "p2", "name": "Vic Yew", "other_names": ["Victor Yew", {"name": "V. Yew"}]}],
    )  # fmt: skip
    seats = write_json(
        tmp_path,
        "seats.json",
        [{"person_id": "p1", "organization_id": "c1", "role": "Chairman"},
         {"person_id": "p2", "organization_id": "c2", "label": "Vice Chair"}],
    )  # fmt: skip
    model, result = imported(cli, tmp_path, orgs, people, seats)
    assert members(model, "c1") == [("p1", "chair", None, None)]
    assert members(model, "c2") == [("p2", "vice-chair", None, None)]
    assert model.people["p2"].other_names == ["Victor Yew", "V. Yew"]
    for line in (
        "read orgs.json (a bare list): 2 organizations",
        "read people.json (a bare list): 2 persons",
        "read seats.json (a bare list): 2 memberships",
    ):
        assert line in result.stderr


def test_a_title_in_a_note_or_label_is_the_role(cli: Cli, tmp_path: Path) -> None:
    path = write_json(
        tmp_path,
        "council.json",
        {
            "organizations": [{"id": "council", "name": "Kentish Council",
                               "classification": "council"}],
            "persons": [{"id": "don", "name": "Don Thwaites"}, {"id": "tim", "name": "Tim Wilson"}],
            "memberships": [
                {"person_id": "don", "organization_id": "council", "role": "councillor"},
                {"person_id": "don", "organization_id": "council", "role": "councillor",
                 "note": "Mayor"},
                {"person_id": "tim", "organization_id": "council", "role": "councillor",
                 "label": "Deputy Mayor", "note": "elected 2014"},
            ],
        },
    )  # fmt: skip
    model, result = imported(cli, tmp_path, path)
    assert [(m.member, m.role, m.note) for m in model.bodies["council"].members] == [
        ("don", "chair", "Mayor"),
        ("tim", "vice-chair", "Deputy Mayor; elected 2014"),
    ]
    assert "roles mapped by the vocabulary: Deputy Mayor → vice-chair, Mayor → chair" in (
        result.stderr
    )


def test_on_behalf_of_an_organization_not_in_the_files_is_kept_as_a_note(
    cli: Cli, tmp_path: Path
) -> None:
    path = write_json(
        tmp_path,
        "behalf.json",
        {
            "organizations": [{"id": "board", "name": "Parks Board"}],
            "persons": [{"id": "p", "name": "Pat Oak"}],
            "memberships": [{"person_id": "p", "organization_id": "board",
                             "on_behalf_of_id": "org/nowhere"}],
        },
    )  # fmt: skip
    model, result = imported(cli, tmp_path, path)
    [seat] = model.bodies["board"].members
    assert (seat.on_behalf_of, seat.note) == (None, "on behalf of org/nowhere")
    assert "1 × on_behalf_of_id naming an organization not in the files (kept as a note)" in (
        result.stderr
    )


def test_a_key_written_twice_is_refused_with_its_line_and_nothing_written(
    cli: Cli, tmp_path: Path
) -> None:
    bad = tmp_path / "twice.json"
    bad.write_text(
        '{"organizations": [{"id": "a", "name": "A"}],\n'
        ' "memberships": [\n'
        '   {"person_id": "p", "organization_id": "a",\n'
        '    "start_date": "2019-01-01",\n'
        '    "start_date": "2020-01-01"}]}\n',
        encoding="utf-8",
    )
    result = cli("import", "popolo", bad, "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"govgraph: {bad}:5: key 'start_date' is written twice in one object; JSON keeps only "
        "the last, so keep the one you mean and delete the other"
    )
    assert not (tmp_path / "out").exists()


def test_a_file_with_nothing_of_popolo_beside_others_is_listed_and_skipped(
    cli: Cli, tmp_path: Path
) -> None:
    stray = write_json(tmp_path, "package.json", {"name": "site", "version": "1.0.0"})
    model, result = imported(cli, tmp_path, NORTHMOOR, stray)
    assert "council" in model.bodies
    assert "read package.json: nothing govgraph uses (skipped; its keys: name, version)" in (
        result.stderr
    )
