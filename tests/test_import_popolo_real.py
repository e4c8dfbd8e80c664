"""``govgraph import popolo`` on real published files (tests/fixtures/real/popolo/).

Every expectation is computed here from the source file itself, so the tests say
what the source says rather than what govgraph once printed.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from support import CliResult

from govgraph.loader import load

Cli = Callable[..., CliResult]
REAL = Path(__file__).parent / "fixtures" / "real" / "popolo"
TASMANIA = REAL / "tas_local_councillor_popolo.json"
ALDERNEY = REAL / "alderney-ep-popolo-v1.0.json"
TITLES = {"Mayor": "chair", "Lord Mayor": "chair", "Deputy Mayor": "vice-chair"}


def source(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def imported(cli: Cli, tmp_path: Path, path: Path) -> tuple[Path, CliResult]:
    out = tmp_path / "model"
    result = cli("import", "popolo", path, "-o", out)
    assert result.exit_code == 0, result.stderr
    return out, result


def members_on(cli: Cli, model: Path, body: str, day: date) -> list[dict[str, Any]]:
    result = cli("members", model, body, "--as-of", day.isoformat(), "--format", "json")
    assert result.exit_code == 0, result.stderr
    found: list[dict[str, Any]] = json.loads(result.stdout)["members"]
    return found


# --- a state's councillors: seats, and each mayor's title as a second membership ---------


@pytest.fixture(scope="module")
def tasmania() -> dict[str, Any]:
    return source(TASMANIA)


def test_each_councillor_is_one_member_and_the_mayor_chairs(
    cli: Cli, tmp_path: Path, tasmania: dict[str, Any]
) -> None:
    folder, _ = imported(cli, tmp_path, TASMANIA)
    model = load(folder)
    names = {p["id"]: p["name"] for p in tasmania["persons"]}
    for council in (o for o in tasmania["organizations"] if o["classification"] == "legislature"):
        rows = [m for m in tasmania["memberships"] if m["organization_id"] == council["id"]]
        seats = {m["person_id"] for m in rows if m["role"] == "councillor"}
        titles = {names[m["person_id"]]: TITLES[m["role"]] for m in rows if m["role"] in TITLES}
        [body] = [b for b in model.bodies.values() if b.name == council["name"]]
        assert body.root and body.kind == "council"
        sitting = members_on(cli, folder, body.id, date.today())
        assert len(sitting) == len(seats), body.name  # no one counted twice
        roles = {m["name"]: m["role"] for m in sitting if m["role"] != "member"}
        assert roles == titles, body.name
    # the vocabulary's reading of each title is kept beside the role
    hobart = model.bodies["hobart-city-council"]
    assert [(m.member, m.role) for m in hobart.members if m.note and "Lord Mayor" in m.note] == [
        ("sue-hickey", "chair")
    ]


def test_no_chair_is_reported_only_for_councils_the_source_gives_no_mayor(
    cli: Cli, tmp_path: Path, tasmania: dict[str, Any]
) -> None:
    folder, _ = imported(cli, tmp_path, TASMANIA)
    with_mayor = {
        m["organization_id"] for m in tasmania["memberships"] if TITLES.get(m["role"]) == "chair"
    }
    without = sorted(
        o["name"]
        for o in tasmania["organizations"]
        if o["classification"] == "legislature" and o["id"] not in with_mayor
    )
    result = cli("check", folder, "--format", "json")
    findings = json.loads(result.stdout)["findings"]
    no_chair = sorted(
        f["message"].split(" has no")[0] for f in findings if f["check"] == "no-chair"
    )
    assert no_chair == without and without  # Circular Head gives only a Deputy Mayor


def test_parties_are_organisations_and_placeholders_are_listed(
    cli: Cli, tmp_path: Path, tasmania: dict[str, Any]
) -> None:
    folder, result = imported(cli, tmp_path, TASMANIA)
    model = load(folder)
    parties = {
        o["id"]: o["name"] for o in tasmania["organizations"] if o["classification"] == "party"
    }
    behalf = {
        m["person_id"].split("/")[-1].replace("_", "-"): parties[m["on_behalf_of_id"]]
        for m in tasmania["memberships"]
        if "on_behalf_of_id" in m
    }
    # " Greens" and "Greens" are one organisation, which every Greens councillor sits for
    [greens] = [o for o in model.organisations.values() if o.name == "Greens"]
    assert set(model.organisations) == {greens.id}
    sat_for = {m.member: m.on_behalf_of for b in model.bodies.values() for m in b.members}
    green_seats = {p for p, name in behalf.items() if name.strip() == "Greens"}
    assert {p for p, org in sat_for.items() if org == greens.id} == green_seats
    # "unknown" and "Independent" stand for no organisation: listed, with how often used
    uses = Counter(name for name in behalf.values() if name.strip() not in ("Greens",))
    assert set(uses) == {"unknown", "Independent"}
    assert (
        "placeholder organisations not modelled (kept as notes where used): "
        f"'Independent' ({uses['Independent']} uses), 'unknown' ({uses['unknown']} uses)"
    ) in result.stderr
    assert "organisations whose names differ only in case, spacing or punctuation" in (
        result.stderr
    )
    mayors = sum(1 for m in tasmania["memberships"] if m["role"] in TITLES)
    assert f"merged {mayors} × title and seat of one person on one body" in result.stderr


# --- EveryPolitician: memberships dated only by their legislative period ----------------


@pytest.fixture(scope="module")
def alderney() -> dict[str, Any]:
    return source(ALDERNEY)


def periods(data: dict[str, Any]) -> dict[str, tuple[date, date]]:
    return {
        e["id"]: (date.fromisoformat(e["start_date"]), date.fromisoformat(e["end_date"]))
        for e in data["events"]
        if e["classification"] == "legislative period"
    }


@pytest.mark.parametrize(
    "day",
    [date(2014, 12, 31), date(2015, 1, 1), date(2016, 6, 1), date(2016, 12, 31),
     date(2017, 1, 1), date(2018, 6, 1), date(2019, 1, 1), date.today()],
)  # fmt: skip
def test_seats_on_a_date_are_the_memberships_whose_period_covers_it(
    cli: Cli, tmp_path: Path, alderney: dict[str, Any], day: date
) -> None:
    folder, _ = imported(cli, tmp_path, ALDERNEY)
    term = periods(alderney)
    expected = {
        m["person_id"]
        for m in alderney["memberships"]
        if term[m["legislative_period_id"]][0] <= day <= term[m["legislative_period_id"]][1]
    }
    uuid_of = {p["name"]: p["id"] for p in alderney["persons"]}
    sitting = members_on(cli, folder, "states", day)
    assert sorted(uuid_of[m["name"]] for m in sitting) == sorted(expected)


def test_a_member_whose_last_term_ended_is_not_current_and_terms_follow_on(
    cli: Cli, tmp_path: Path, alderney: dict[str, Any]
) -> None:
    folder, result = imported(cli, tmp_path, ALDERNEY)
    term = periods(alderney)
    terms_of: dict[str, list[str]] = {}
    for m in alderney["memberships"]:
        terms_of.setdefault(m["person_id"], []).append(m["legislative_period_id"])
    name = {p["id"]: p["name"] for p in alderney["persons"]}
    model = load(folder)
    seats = {model.people[m.member].name: m for m in model.bodies["states"].members}
    first_only = [p for p, t in terms_of.items() if t == ["term/2014"]]
    for person in first_only:  # left when the 2015-2016 States ended
        seat = seats[name[person]]
        assert (seat.from_, seat.to) == term["term/2014"]
    assert not {m["name"] for m in members_on(cli, folder, "states", date.today())} & {
        name[p] for p in first_only
    }
    # a member re-elected straight into the next period sits on, in one membership
    both = [p for p, t in terms_of.items() if len(t) == 2]
    for person in both:
        seat = seats[name[person]]
        assert (seat.from_, seat.to) == (term["term/2014"][0], term["term/2017"][1])
    assert f"merged {len(both)} × terms of one member that follow on day by day" in result.stderr
    assert len(model.bodies["states"].members) == len(alderney["memberships"]) - len(both)
    # the legislature is the root; the one party is "Independent", a placeholder
    assert model.bodies["states"].root and not model.organisations
    assert "memberships.legislative_period_id" not in result.stderr
