"""``govgraph import openstates``: Open States committee YAML into a model folder.

The real files (tests/fixtures/real/openstates/, see its README) are read here with
PyYAML itself, so what each test expects comes from the source, not from govgraph.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from support import CliResult

from govgraph.loader import load
from govgraph.model import Model
from govgraph.names import fold_name

Cli = Callable[..., CliResult]
REAL = Path(__file__).parent / "fixtures" / "real" / "openstates"
VA, NC, US = REAL / "va", REAL / "nc", REAL / "us"


def source(folder: Path) -> dict[str, dict[str, Any]]:
    """Each committee file of a folder, as PyYAML reads it, by its Open States id."""
    files = sorted(folder.glob("*.yml"))
    return {doc["id"]: doc for doc in (yaml.safe_load(f.read_text("utf-8")) for f in files)}


def imported(cli: Cli, tmp_path: Path, *args: object) -> tuple[Model, CliResult, Path]:
    out = tmp_path / "legislature"
    result = cli("import", "openstates", *args, "-o", out)
    assert result.exit_code == 0, result.stderr
    return load(out), result, out


def body_of(out: Path) -> dict[str, str]:
    """Open States id -> body id, from the comment the import writes beside each id."""
    text = (out / "bodies.yaml").read_text("utf-8")
    return {m[2]: m[1] for m in re.finditer(r"- id: (\S+)  # (ocd-organization/\S+)", text)}


def names_of(model: Model, person: str) -> set[str]:
    entity = model.people[person]
    return {entity.name, *entity.other_names}


# --- real files -------------------------------------------------------------------------


def test_each_committee_has_the_members_and_chairs_its_file_lists(cli: Cli, tmp_path: Path) -> None:
    committees = source(VA)
    model, _, out = imported(cli, tmp_path, VA)
    ids = body_of(out)
    assert set(ids) == set(committees)
    for ocd_id, doc in committees.items():
        body = model.bodies[ids[ocd_id]]
        assert len(body.members) == len(doc["members"]), doc["name"]
        chairs = {m["name"] for m in doc["members"] if m["role"].lower() == "chair"}
        held = [m for m in body.members if m.role == "chair"]
        assert len(held) == len(chairs)
        assert all(names_of(model, m.member) & chairs for m in held), doc["name"]
        vice = {m["name"] for m in doc["members"] if m["role"].lower() == "vice chair"}
        assert {
            n for m in body.members if m.role == "vice-chair" for n in names_of(model, m.member)
        } >= vice


def test_subcommittees_report_to_their_parent_and_committees_to_their_chamber(
    cli: Cli, tmp_path: Path
) -> None:
    committees = source(VA)
    model, _, out = imported(cli, tmp_path, VA)
    ids = body_of(out)
    house, senate = model.bodies["virginia-house-of-delegates"], model.bodies["virginia-senate"]
    assert house.root and senate.root and house.kind == "council"
    subcommittees = 0
    for ocd_id, doc in committees.items():
        body = model.bodies[ids[ocd_id]]
        lines = [line.body for line in body.reports_to]
        if doc.get("parent"):
            subcommittees += 1
            assert lines == [ids[doc["parent"]]] and body.kind == "sub-group"
        elif doc["chamber"] == "lower":
            assert lines == [house.id] and body.kind == "committee"
        else:  # joint: appointed by both chambers
            assert doc["chamber"] == "legislature" and lines == [senate.id, house.id]
    assert subcommittees == 4


def test_a_fresh_import_of_a_whole_structure_has_no_orphans(cli: Cli, tmp_path: Path) -> None:
    _, _, out = imported(cli, tmp_path, VA)
    check = cli("check", out, "--format", "json")
    assert check.exit_code == 0, check.stdout
    assert '"orphaned-body"' not in check.stdout


def test_one_person_per_person_id_whatever_the_spelling(cli: Cli, tmp_path: Path) -> None:
    members = [m for doc in source(VA).values() for m in doc["members"]]
    spellings: dict[str, set[str]] = {}
    for m in members:
        if "person_id" in m:
            spellings.setdefault(m["person_id"], set()).add(m["name"])
    assert {"Cliff Hayes", "C.E. Cliff Hayes, Jr."} in spellings.values()  # the case at hand
    model, result, out = imported(cli, tmp_path, VA)
    origins = dict(
        re.findall(r"- id: (\S+)  # (ocd-person/\S+)", (out / "people.yaml").read_text("utf-8"))
    )
    assert sorted(origins.values()) == sorted(spellings)  # one person per person_id
    for person, person_id in origins.items():
        assert names_of(model, person) == spellings[person_id]
    assert model.people["c-e-cliff-hayes-jr"].name == "C.E. Cliff Hayes, Jr."  # the fullest
    assert "spellings of one person's name (one Open States person_id)" in result.stderr


def test_members_without_a_person_id_are_one_person_per_name(cli: Cli, tmp_path: Path) -> None:
    unnamed = {
        fold_name(m["name"], person=True)
        for doc in source(VA).values()
        for m in doc["members"]
        if "person_id" not in m
    }
    model, result, _ = imported(cli, tmp_path, VA)
    by_name = [p for p in model.people.values() if fold_name(p.name, person=True) in unnamed]
    assert len(by_name) == len(unnamed) == 3
    campbell = [
        b.id for b in model.bodies.values() for m in b.members if m.member == "ellen-h-campbell"
    ]
    assert campbell == ["privileges-and-elections", "privileges-and-elections-subcommittee-3"]
    assert "by name alone (no person_id in the files)" in result.stderr


def test_committees_that_share_a_name_are_named_after_their_parent(
    cli: Cli, tmp_path: Path
) -> None:
    committees = source(VA)
    model, _, out = imported(cli, tmp_path, VA)
    ids = body_of(out)
    shared = [
        d
        for d in committees.values()
        if [e["name"] for e in committees.values()].count(d["name"]) > 1
    ]
    assert len(shared) == 4  # two "Subcommittee #2", two "Subcommittee #3"
    for doc in shared:
        body = model.bodies[ids[doc["id"]]]
        assert body.name == f"{committees[doc['parent']]['name']} {doc['name']}"
        assert doc["name"] in body.other_names
    rules = model.bodies[ids[next(i for i, d in committees.items() if d["name"] == "Rules")]]
    assert rules.name == "Rules" and rules.other_names == []


def test_other_names_and_every_source_url_are_kept(cli: Cli, tmp_path: Path) -> None:
    committees = source(VA)
    model, _, out = imported(cli, tmp_path, VA)
    ids, text = body_of(out), (out / "bodies.yaml").read_text("utf-8")
    for ocd_id, doc in committees.items():
        body = model.bodies[ids[ocd_id]]
        assert set(body.other_names) >= {n["name"] for n in doc.get("other_names", [])}
        block = text[: text.index(f"- id: {body.id}  #")].rsplit("\n\n", 1)[-1]
        for link in doc.get("sources", []) + doc.get("links", []):
            assert link["url"] in block, (body.id, link["url"])


def test_legislature_titles_go_through_the_vocabulary(cli: Cli, tmp_path: Path) -> None:
    (appropriations,) = (d for d in source(NC).values() if d["name"] == "Appropriations")
    roles = [m["role"] for m in appropriations["members"]]
    model, result, out = imported(cli, tmp_path, NC)
    body = model.bodies[body_of(out)[appropriations["id"]]]
    chairs = [m for m in body.members if m.role == "chair"]
    assert len(chairs) == roles.count("senior chair") + roles.count("chair") == 9
    assert [m.note for m in chairs].count("senior chair") == roles.count("senior chair") == 3
    assert len([m for m in body.members if m.role == "vice-chair"]) == roles.count("vice chair")
    assert "senior chair → chair ×3" in result.stderr
    assert "Par\xe9" in {model.people[m.member].name for m in body.members}  # a YAML escape


def test_surnames_and_full_names_of_one_person_id_are_one_person(cli: Cli, tmp_path: Path) -> None:
    committees = source(NC)
    ids_in = [{m["person_id"] for m in d["members"]} for d in committees.values()]
    model, _, _ = imported(cli, tmp_path, NC)
    assert len(model.people) == len(set().union(*ids_in))
    assert model.people["charlie-miller"].other_names == ["Miller"]


def test_a_subcommittee_whose_parent_is_missing_is_found_by_check(cli: Cli, tmp_path: Path) -> None:
    (airland,) = source(US).values()
    model, result, out = imported(cli, tmp_path, US)
    body = model.bodies["airland"]
    assert body.reports_to == [] and not body.root and body.kind == "sub-group"
    assert f"Airland: {airland['parent']}" in result.stderr
    notes = {m.note for m in body.members if m.note}
    assert notes == {
        m["role"] for m in airland["members"] if m["role"] in ("Ex Officio", "Ranking Member")
    }
    assert "committee.extras.type ×1" in result.stderr
    check = cli("check", out)
    assert check.exit_code == 1 and "[orphaned-body] airland" in check.stdout


def test_the_summary_says_what_was_read(cli: Cli, tmp_path: Path) -> None:
    _, result, _ = imported(cli, tmp_path, *sorted(VA.glob("*.yml")))
    seats = sum(len(d["members"]) for d in source(VA).values())
    assert (
        f"read Virginia: 10 committee files (House of Delegates: 5 committees, "
        f"4 subcommittees; joint: 1 committee), {seats} seats"
    ) in result.stderr
    assert "roots: 'Virginia House of Delegates', 'Virginia Senate'" in result.stderr


# --- choices on small hand-written files ------------------------------------------------


def committee(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


JURISDICTION = "ocd-jurisdiction/country:us/state:ne/government"


def test_a_unicameral_legislature_is_one_root(cli: Cli, tmp_path: Path) -> None:
    path = committee(
        tmp_path,
        "legislature-Rules.yml",
        f"""\
        id: ocd-organization/00000000-0000-4000-8000-000000000001
        jurisdiction: {JURISDICTION}
        name: Rules
        chamber: legislature
        members: [{{name: Jo Bloggs, role: chair}}, {{name: Sam Patel, role: member}}]
        """,
    )
    model, _, _ = imported(cli, tmp_path, path)
    assert [b.name for b in model.bodies.values() if b.root] == ["Nebraska Legislature"]
    assert [line.body for line in model.bodies["rules"].reports_to] == ["nebraska-legislature"]


def test_a_parent_named_rather_than_given_by_id_is_found(cli: Cli, tmp_path: Path) -> None:
    files = [
        committee(
            tmp_path,
            "a.yml",
            """\
            jurisdiction: ocd-jurisdiction/country:us/government
            name: Senate Committee on Armed Services
            chamber: upper
            members: [{name: Jack Reed, role: Chairman}]
            """,
        ),
        committee(
            tmp_path,
            "b.yml",
            """\
            jurisdiction: ocd-jurisdiction/country:us/government
            name: Airland
            chamber: upper
            classification: subcommittee
            parent: Senate Committee on Armed Services
            members: [{name: Jack Reed, role: Ex Officio}]
            """,
        ),
    ]
    model, _, _ = imported(cli, tmp_path, *files)
    assert [line.body for line in model.bodies["airland"].reports_to] == [
        "senate-committee-on-armed-services"
    ]
    assert model.bodies["senate-committee-on-armed-services"].reports_to[0].body == (
        "united-states-senate"
    )
    assert len(model.people) == 1


def test_a_member_without_person_id_joins_the_one_person_of_that_name(
    cli: Cli, tmp_path: Path
) -> None:
    files = [
        committee(
            tmp_path,
            "a.yml",
            f"""\
            jurisdiction: {JURISDICTION}
            name: Rules
            chamber: legislature
            members:
            - {{name: Jo Bloggs, role: member, person_id: ocd-person/1}}
            - {{name: "  SAM  patel", role: member}}
            """,
        ),
        committee(
            tmp_path,
            "b.yml",
            f"""\
            jurisdiction: {JURISDICTION}
            name: Budget
            chamber: legislature
            members:
            - {{name: jo bloggs, role: vice chair}}
            - {{name: Sam Patel, role: member}}
            """,
        ),
    ]
    model, result, _ = imported(cli, tmp_path, *files)
    assert sorted(model.people) == ["jo-bloggs", "sam-patel"]
    assert "member without a person_id taken as the one person of that name" in result.stderr


def test_member_dates_other_fields_and_unknown_titles(cli: Cli, tmp_path: Path) -> None:
    path = committee(
        tmp_path,
        "a.yml",
        f"""\
        jurisdiction: {JURISDICTION}
        name: Rules
        chamber: legislature
        members:
        - {{name: Jo Bloggs, role: Minority Chair, start_date: 2023-01, end_date: '2024', party: D}}
        - {{name: Sam Patel, role: member, start_date: soon}}
        """,
    )
    model, result, _ = imported(cli, tmp_path, path, "--role", "Minority Chair=member")
    jo, sam = model.bodies["rules"].members
    assert (jo.role, str(jo.from_), str(jo.to), jo.note) == (
        "member",
        "2023-01-01",
        "2024-12-31",
        "Minority Chair",
    )
    assert sam.from_ is None
    assert "date not understood (left out) (e.g. a.yml:6: 'soon')" in result.stderr
    assert "members.party ×1" in result.stderr


def test_a_folder_is_read_and_files_that_are_not_committees_are_listed(
    cli: Cli, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    (folder / "committees").mkdir(parents=True)
    (folder / "legislature").mkdir()
    committee(
        folder / "committees",
        "a.yml",
        f"""\
        jurisdiction: {JURISDICTION}
        name: Rules
        chamber: legislature
        members: [{{name: Jo Bloggs, role: member}}]
        """,
    )
    person = committee(
        folder / "legislature",
        "Jo-Bloggs.yml",
        """\
        id: ocd-person/1
        name: Jo Bloggs
        party: [{name: Nonpartisan}]
        roles: [{type: legislature, district: '1'}]
        """,
    )
    model, result, _ = imported(cli, tmp_path, folder)
    assert list(model.bodies) == ["nebraska-legislature", "rules"]
    assert f"read {person}: not an Open States committee (a person's file" in result.stderr


def test_the_same_committee_twice_is_one_body(cli: Cli, tmp_path: Path) -> None:
    text = f"""\
        id: ocd-organization/00000000-0000-4000-8000-000000000001
        jurisdiction: {JURISDICTION}
        name: Rules
        chamber: legislature
        members: [{{name: Jo Bloggs, role: member}}]
        """
    files = [committee(tmp_path, "Rules.yml", text), committee(tmp_path, "Rules-old.yml", text)]
    model, result, _ = imported(cli, tmp_path, *files)
    assert [b.id for b in model.bodies.values()] == ["nebraska-legislature", "rules"]
    assert "Rules-old.yml repeats Rules.yml" in result.stderr


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        ("name: Rules\nmembers:\n- name: Jo: Bloggs\n  role: chair\n", 3, "must be in quotes"),
        ("name: Rules\nname: Rules\nmembers: []\n", 2, "appears twice"),
        ("name: !!python/object/apply:os.system [ls]\nmembers: []\n", 1, "not allowed"),
        ("name: Rules\nchamber: joint\nmembers: []\n", 2, "upper, lower, legislature"),
        ("name: Rules\nmembers:\n- role: chair\n", 3, "has no name"),
        ("name: Rules\nmembers: Jo Bloggs\n", 2, "must be a list"),
    ],
)
def test_a_broken_file_stops_the_import_naming_file_and_line(
    cli: Cli, tmp_path: Path, text: str, line: int, says: str
) -> None:
    good = committee(tmp_path, "good.yml", "name: Budget\nmembers: [{name: Jo, role: chair}]\n")
    bad = tmp_path / "bad.yml"
    bad.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = cli("import", "openstates", good, bad, "-o", out)
    assert result.exit_code == 2 and not out.exists()
    assert result.stderr.startswith(f"govgraph: {bad}:{line}") and says in result.stderr
    assert "Traceback" not in result.stderr


def test_files_with_no_committee_at_all_are_refused(cli: Cli, tmp_path: Path) -> None:
    path = committee(tmp_path, "person.yml", "name: Jo Bloggs\nroles: []\n")
    out = tmp_path / "out"
    result = cli("import", "openstates", path, "-o", out)
    assert result.exit_code == 2 and not out.exists()
    assert "no Open States committee in the files given (person.yml" in result.stderr


def test_names_both_chambers_use_are_told_apart_down_the_tree(cli: Cli, tmp_path: Path) -> None:
    jurisdiction = "ocd-jurisdiction/country:us/state:nc/government"
    files = []
    for chamber in ("upper", "lower"):
        files.append(
            committee(
                tmp_path,
                f"{chamber}-a.yml",
                f"""\
                id: ocd-organization/{chamber}
                jurisdiction: {jurisdiction}
                name: Appropriations
                chamber: {chamber}
                members: [{{name: Jo Bloggs, role: chair}}]
                """,
            )
        )
        files.append(
            committee(
                tmp_path,
                f"{chamber}-b.yml",
                f"""\
                jurisdiction: {jurisdiction}
                name: Education
                classification: subcommittee
                parent: ocd-organization/{chamber}
                chamber: {chamber}
                members: [{{name: Jo Bloggs, role: member}}]
                """,
            )
        )
    model, _, _ = imported(cli, tmp_path, *files)
    named = {
        b.name: ([line.body for line in b.reports_to], b.other_names) for b in model.bodies.values()
    }
    assert named == {
        "North Carolina Senate": ([], []),
        "North Carolina House of Representatives": ([], []),
        "Senate Appropriations": (["north-carolina-senate"], ["Appropriations"]),
        "Senate Appropriations Education": (["senate-appropriations"], ["Education"]),
        "House Appropriations": (["north-carolina-house-of-representatives"], ["Appropriations"]),
        "House Appropriations Education": (["house-appropriations"], ["Education"]),
    }


def test_parents_naming_each_other_are_both_imported_and_the_cycle_found(
    cli: Cli, tmp_path: Path
) -> None:
    files = [
        committee(
            tmp_path,
            f"{me}.yml",
            f"""\
            id: ocd-organization/{me}
            jurisdiction: {JURISDICTION}
            name: {me.title()}
            classification: subcommittee
            parent: ocd-organization/{other}
            chamber: legislature
            members: [{{name: Jo Bloggs, role: chair}}]
            """,
        )
        for me, other in (("alpha", "beta"), ("beta", "alpha"))
    ]
    model, _, out = imported(cli, tmp_path, *files)
    assert {b: [line.body for line in model.bodies[b].reports_to] for b in ("alpha", "beta")} == {
        "alpha": ["beta"],
        "beta": ["alpha"],
    }
    check = cli("check", out)
    assert check.exit_code == 1 and "[reporting-cycle]" in check.stdout


def test_many_files_that_are_not_committees_are_summed_up(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "nc"
    folder.mkdir()
    for n in range(7):
        committee(folder, f"person-{n}.yml", f"name: Person {n}\nroles: []\n")
    committee(folder, "z.yml", "name: Rules\nchamber: upper\nmembers: [{name: Jo, role: chair}]\n")
    _, result, out = imported(cli, tmp_path, *sorted(folder.iterdir()))
    listed = [line for line in result.stderr.splitlines() if "not an Open States committee" in line]
    assert (
        len(listed) == 5
        and "read 2 more files that are not Open States committees" in result.stderr
    )
    lines = (out / "bodies.yaml").read_text("utf-8").splitlines()[:3]
    header = "".join("".join(line.lstrip("# ") for line in lines).split())  # wrapped anywhere
    assert f"YAML:8filesin{folder}This" in header
