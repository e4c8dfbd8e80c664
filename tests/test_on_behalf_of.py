"""``on_behalf_of``: a seat held for an organisation, in every consumer of the model.

One small district partnership, built in code, where each seat's organisation
is worked out by hand:

* Cllr Sam Patel sits for Wychavon (so Wychavon is present);
* Ann Lee sat for Malvern Hills but left on 2023-01-31 (Malvern Hills is not);
* the Director of Public Health, a county council post, sits for the ICB (the
  ICB is present, the county council is not: a seat is one organisation's);
* Jo Bloggs, who holds that post, also sits for Evesham, dissolved in 2020
  (the seat stands for no one, and ``dissolved-member`` says so);
* Kim Ng is Redditch's substitute.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
import yaml
from support import REPO, Cli, model_in_code

from govgraph.audit import audit
from govgraph.diff import compare_models, compare_states
from govgraph.explore import members_report, seats_report, show_body
from govgraph.graph import build_graph
from govgraph.model import Model
from govgraph.packs.evaluate import matches, sitters
from govgraph.packs.models import Rule
from govgraph.schema import validate
from govgraph.site.entities import body_page, member_page


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read whole table rows; fitting tables to a width is tested on its own."""
    monkeypatch.setenv("COLUMNS", "250")


ON = date(2023, 7, 7)

ORGANISATIONS = [
    {"id": "wcc", "name": "Worcestershire County Council", "kind": "county-council"},
    {"id": "wychavon", "name": "Wychavon District Council", "kind": "district-council",
     "tags": ["district"]},
    {"id": "malvern", "name": "Malvern Hills District Council", "kind": "district-council",
     "tags": ["district"]},
    {"id": "redditch", "name": "Redditch Borough Council", "kind": "district-council",
     "tags": ["district"]},
    {"id": "evesham", "name": "Evesham District Council", "kind": "district-council",
     "dissolved": "2020-03-31", "succeeded_by": "wychavon", "tags": ["district"]},
    {"id": "icb", "name": "NHS Herefordshire and Worcestershire ICB", "kind": "icb"},
]  # fmt: skip
PEOPLE = [
    {"id": "sam", "name": "Cllr Sam Patel", "roles": ["councillor"]},
    {"id": "ann", "name": "Cllr Ann Lee", "roles": ["councillor"], "left": "2023-01-31"},
    {"id": "jo", "name": "Jo Bloggs"},
    {"id": "kim", "name": "Cllr Kim Ng", "roles": ["councillor"]},
]
POSTS = [
    {"id": "dph", "title": "Director of Public Health", "organisation": "wcc",
     "role": "director-of-public-health", "holders": [{"person": "jo"}]},
]  # fmt: skip
MEMBERS = [
    {"member": "sam", "on_behalf_of": "wychavon", "role": "chair"},
    {"member": "ann", "on_behalf_of": "malvern"},
    {"member": "dph", "on_behalf_of": "icb"},
    {"member": "jo", "on_behalf_of": "evesham"},
    {"member": "kim", "on_behalf_of": "redditch", "role": "substitute"},
]


def district_model(members: list[dict[str, object]] = MEMBERS, **body: object) -> Model:
    partnership = {"id": "dp", "name": "District Partnership", "root": True, "members": members}
    return model_in_code(
        organisations=ORGANISATIONS,
        people=PEOPLE,
        posts=POSTS,
        bodies=[{**partnership, **body}],
    )


def subjects(model: Model, slug: str) -> list[str]:
    return [f.subject for f in audit(model, on=ON, select=[slug]).findings]


# --- requires ------------------------------------------------------------------------------


def test_a_seat_on_behalf_counts_for_a_tag_rule_unless_its_holder_has_left() -> None:
    # Wychavon (Sam) and Redditch (Kim, a substitute: requires counts every seat role)
    # are present; Malvern Hills' only seat is Ann's, and she has left. Evesham is
    # dissolved, so the rule does not require it.
    model = district_model(requires=[{"tag": "district"}])
    assert subjects(model, "missing-required-member") == ["dp/malvern"]


def test_a_post_sitting_for_another_organisation_stands_for_that_one_only() -> None:
    model = district_model(requires=[{"member": "icb"}, {"member": "wcc"}])
    assert subjects(model, "missing-required-member") == ["dp/wcc"]
    # Without on_behalf_of the post stands for its own organisation again.
    plain = [{"member": "dph"}]
    model = district_model(plain, requires=[{"member": "icb"}, {"member": "wcc"}])
    assert subjects(model, "missing-required-member") == ["dp/icb"]


def test_a_seat_for_a_dissolved_organisation_is_reported_with_its_successor() -> None:
    found = audit(district_model(), on=ON, select=["dissolved-member"]).findings
    assert [f.subject for f in found] == ["dp/jo"]
    assert found[0].message == (
        "Jo Bloggs sits on District Partnership on behalf of Evesham District Council, "
        "which was dissolved on 2020-03-31 and succeeded by Wychavon District Council; "
        "end this membership (to: 2020-03-31) or, if Jo Bloggs now sits for Wychavon "
        "District Council, write on_behalf_of: wychavon"
    )


def test_a_seat_kept_for_an_organisation_of_an_abolished_kind_is_reported() -> None:
    # A CCG the model never marked dissolved: after 30 June 2022 the seat Sam keeps
    # for it is out of date, as the CCG's own seat would be.
    model = model_in_code(
        organisations=[{"id": "ccg", "name": "NHS Worcestershire CCG", "kind": "ccg"}],
        people=PEOPLE,
        bodies=[{"id": "dp", "name": "District Partnership", "root": True,
                 "members": [{"member": "sam", "on_behalf_of": "ccg"}]}],
    )  # fmt: skip
    found = audit(model, on=ON, select=["abolished-organisation-kind"]).findings
    assert [f.subject for f in found] == ["dp/sam"]
    assert found[0].message.startswith(
        "Cllr Sam Patel sits on District Partnership on behalf of NHS Worcestershire CCG "
        "(ccg), an organisation of kind 'ccg': clinical commissioning groups were abolished "
        "nationally on 1 July 2022"
    )
    assert audit(model, on=date(2022, 6, 30), select=["abolished-organisation-kind"]).findings == []


# --- statutory packs -----------------------------------------------------------------------


def test_the_packs_see_each_seat_as_the_organisation_it_sits_for() -> None:
    seats = {s.member: s for s in sitters(district_model(), district_model().bodies["dp"], ON)}
    orgs = {member: [o.id for o in seat.organisations] for member, seat in seats.items()}
    assert orgs == {"sam": ["wychavon"], "ann": [], "dph": ["icb"], "jo": [], "kim": ["redditch"]}
    # Roles are still the member's own: Jo holds the post, whoever she sits for.
    assert seats["jo"].roles == {"director-of-public-health"}
    assert seats["sam"].roles == {"councillor"}
    district = validate(Rule, {"organisation_kind": "district-council"})
    substitute = validate(Rule, {"organisation_kind": "district-council", "role": "substitute"})
    assert [m for m, s in seats.items() if matches(district, s)] == ["sam"]
    assert [m for m, s in seats.items() if matches(substitute, s)] == ["kim"]


def test_an_organisation_member_sitting_for_another_stands_for_both() -> None:
    model = district_model([{"member": "wychavon", "on_behalf_of": "malvern"}])
    (seat,) = sitters(model, model.bodies["dp"], ON)
    assert [o.id for o in seat.organisations] == ["wychavon", "malvern"]


def test_statutory_composition_does_not_count_a_county_post_sitting_for_the_icb() -> None:
    def council_findings(members: list[dict[str, object]]) -> list[str]:
        model = district_model(members, statutory="community-safety-partnership")
        found = audit(model, on=ON, select=["statutory-composition"]).findings
        return [f.message for f in found if "s5(1)(a)" in f.message]

    # s5(1)(a): a district and its county. Sam brings Wychavon; the county only
    # through its post, which counts for the county unless it sits for the ICB.
    assert council_findings([MEMBERS[0], {"member": "dph"}]) == []
    (message,) = council_findings([MEMBERS[0], MEMBERS[2]])
    assert "organisation of kind 'county-council'" in message


# --- seats, members, show --------------------------------------------------------------------


def test_seats_of_an_organisation_lists_the_members_sitting_for_it() -> None:
    graph = build_graph(district_model())
    data = seats_report(graph, "wychavon", ON)
    assert [(r["through"]["id"], r["on_behalf_of"]["id"]) for r in data["seats"]] == [
        ("sam", "wychavon")
    ]
    assert data["summary"] == (
        "Wychavon District Council sits on 1 body: 0 in its own name and 1 through "
        "members sitting on its behalf"
    )
    # The county's post sits for the ICB: listed among the county's seats, marked.
    county = seats_report(graph, "wcc", ON)["seats"]
    assert [(r["through"]["id"], r["on_behalf_of"]["id"]) for r in county] == [("dph", "icb")]
    assert [r["through"]["id"] for r in seats_report(graph, "icb", ON)["seats"]] == ["dph"]


def test_members_and_show_name_the_organisation_each_seat_is_for() -> None:
    graph = build_graph(district_model())
    rows = members_report(graph, "dp", ON)["members"]
    behalf = {r["member"]: r["on_behalf_of"]["name"] if r["on_behalf_of"] else None for r in rows}
    assert behalf["sam"] == "Wychavon District Council"
    assert behalf["dph"] == "NHS Herefordshire and Worcestershire ICB"
    assert show_body(graph, "dp", ON)["chairs"][0]["on_behalf_of"]["id"] == "wychavon"


def test_members_text_and_csv_show_the_seat_holder_and_who_they_sit_for(
    cli: Cli, model_dir: Callable[..., Path]
) -> None:
    model = model_dir(
        {
            "model.yaml": """\
            organisations:
              - {id: wychavon, name: Wychavon District Council}
            people:
              - {id: sam, name: Cllr Sam Patel}
              - {id: jo, name: Jo Bloggs}
            bodies:
              - id: dp
                name: District Partnership
                root: true
                members:
                  - {member: sam, on_behalf_of: wychavon, from: 2023-05-18, reviewed: 2023-05-18}
                  - {member: jo, from: 2023-05-18, reviewed: 2023-05-18}
            """
        }
    )
    text = cli("members", model, "dp", "--as-of", "2023-07-07")
    assert text.stdout.splitlines()[1:] == [
        "  ROLE    MEMBER                ON BEHALF OF                          DATES"
        "             TERM ENDS  REVIEW",
        "  member  Cllr Sam Patel (sam)  Wychavon District Council (wychavon)  since 2023-05-18"
        "  -          up to date (reviewed 2023-05-18, due 2024-05-18)",
        "  member  Jo Bloggs (jo)        -                                     since 2023-05-18"
        "  -          up to date (reviewed 2023-05-18, due 2024-05-18)",
    ]
    csv_lines = cli("members", model, "dp", "--as-of", "2023-07-07", "--format", "csv").stdout
    header, sam, jo = csv_lines.splitlines()
    assert header.endswith(",note,on_behalf_of,on_behalf_of_name")
    assert sam.split(",")[-2:] == ["wychavon", "Wychavon District Council"]
    assert jo.split(",")[-2:] == ["", ""]
    seats = cli("seats", model, "wychavon", "--as-of", "2023-07-07").stdout.splitlines()
    assert seats[2].split() == ["BODY", "ROLE", "THROUGH", "ON", "BEHALF", "OF", "DATES"]
    assert "Cllr Sam Patel  Wychavon District Council (wychavon)" in seats[3]


def test_tables_without_a_seat_on_behalf_keep_their_columns(
    cli: Cli, model_dir: Callable[..., Path]
) -> None:
    model = model_dir(
        {
            "model.yaml": "bodies:\n  - {id: b, name: B, root: true, members: [{member: b2}]}\n"
            "  - {id: b2, name: B2, root: true}\n"
        }  # fmt: skip
    )
    result = cli("show", model, "b", "--as-of", "2023-07-07")
    assert "ON BEHALF OF" not in result.stdout


# --- the audit pack ----------------------------------------------------------------------------


def test_the_pack_shows_the_organisation_on_body_and_member_pages() -> None:
    graph = build_graph(district_model())
    page = body_page(show_body(graph, "dp", ON), {}, {})
    assert '<th scope="col">On behalf of</th>' in page
    assert '<a href="../organisations/wychavon.html">Wychavon District Council</a>' in page
    model = district_model()
    data = seats_report(build_graph(model), "wychavon", ON)
    member = member_page(model, data, [], {}, {})
    assert '<a href="../people/sam.html">Cllr Sam Patel</a>' in member
    assert "through members sitting on its behalf" in member


# --- diff --------------------------------------------------------------------------------------


def test_diff_reports_a_seat_moved_to_another_organisation() -> None:
    before = district_model([{"member": "sam", "on_behalf_of": "malvern"}, {"member": "jo"}])
    after = district_model(
        [
            {"member": "sam", "on_behalf_of": "wychavon"},
            {"member": "jo", "on_behalf_of": "icb"},
            {"member": "kim", "on_behalf_of": "redditch", "from": "2023-06-01"},
        ]
    )
    texts = [c.text() for c in compare_models(before, after) if c.area == "memberships"]
    assert texts == [
        "Jo Bloggs (jo)'s seat on District Partnership (dp) is now on behalf of "
        "NHS Herefordshire and Worcestershire ICB (icb)",
        "Cllr Kim Ng (kim) joined District Partnership (dp) as member on behalf of "
        "Redditch Borough Council (redditch) from 2023-06-01",
        "Cllr Sam Patel (sam)'s seat on District Partnership (dp) is now on behalf of "
        "Wychavon District Council (wychavon) (was Malvern Hills District Council (malvern))",
    ]
    back = [c.text() for c in compare_models(after, before) if c.subject == "dp/jo"]
    assert back == [
        "Jo Bloggs (jo)'s seat on District Partnership (dp) is no longer recorded as on "
        "behalf of NHS Herefordshire and Worcestershire ICB (icb)"
    ]


def test_diff_of_two_dates_reports_a_member_who_now_sits_for_another() -> None:
    model = district_model(
        [
            {"member": "sam", "on_behalf_of": "malvern", "to": "2023-05-17"},
            {"member": "sam", "on_behalf_of": "wychavon", "from": "2023-05-18"},
        ]
    )
    changes = compare_states(build_graph(model), date(2023, 1, 1), ON)
    assert [c.text() for c in changes] == [
        "Cllr Sam Patel (sam) sits on District Partnership (dp) on behalf of Wychavon "
        "District Council (wychavon) (was Malvern Hills District Council (malvern))",
        "Cllr Ann Lee (ann) left on 2023-01-31",
    ]


def test_the_fixture_partnership_lists_each_seat_for_the_council_its_file_names(
    cli: Cli,
) -> None:
    folder = REPO / "tests" / "fixtures" / "district-partnership"
    written = yaml.safe_load((folder / "model.yaml").read_text(encoding="utf-8"))
    (body,) = written["bodies"]
    expected = {m["member"]: m.get("on_behalf_of") for m in body["members"]}
    shown = json.loads(
        cli("members", folder, "SWCSP", "--as-of", "2023-07-07", "--format", "json").stdout
    )
    got = {
        m["member"]: m["on_behalf_of"]["id"] if m["on_behalf_of"] else None
        for m in shown["members"]
    }
    assert got == expected
    # Every district the rule requires sits through a councillor on its behalf.
    checked = cli("check", folder, "--as-of", "2023-07-07", "--select", "missing-required-member")
    assert checked.exit_code == 0
    assert "no findings" in checked.stdout
