"""``other_names``: look-ups, selections, show, the audit pack and diff find and show them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from support import Cli, model_in_code

from govgraph.audit import AuditResult
from govgraph.diff import compare_models
from govgraph.errors import GovgraphError
from govgraph.explore import seats_report, show_body
from govgraph.graph import build_graph
from govgraph.model import Model
from govgraph.select import find_entity, select_bodies
from govgraph.site.entities import body_page, member_page
from govgraph.site.overview import index_page


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read whole table rows; fitting tables to a width is tested on its own."""
    monkeypatch.setenv("COLUMNS", "250")


ON = date(2023, 7, 7)


def named_model(**changes: list[str]) -> Model:
    """Full Council with the Health and Wellbeing Board below it, and a councillor."""
    return model_in_code(
        organisations=[
            {
                "id": "wdc",
                "name": "Wychavon District Council",
                "other_names": changes.get("wdc", ["Wychavon DC"]),
            },
        ],  # fmt: skip
        people=[
            {
                "id": "sam",
                "name": "Cllr Sam Patel",
                "other_names": changes.get("sam", ["Samir Patel"]),
            }
        ],
        posts=[
            {
                "id": "dph",
                "title": "Director of Public Health",
                "other_names": changes.get("dph", ["DPH"]),
            },
        ],  # fmt: skip
        bodies=[
            {"id": "council", "name": "Full Council", "root": True},
            {
                "id": "hwb",
                "name": "Health and Wellbeing Board",
                "other_names": changes.get("hwb", ["Health & Wellbeing Board", "HWBB"]),
                "reports_to": [{"body": "council"}],
                "members": [{"member": "sam"}, {"member": "dph"}, {"member": "wdc"}],
            },
        ],
    )


def test_find_entity_knows_every_kind_by_its_other_names() -> None:
    model = named_model()
    assert find_entity(model, "hwbb", ("body",)) == "hwb"
    assert find_entity(model, "health & WELLBEING board", ("body",)) == "hwb"
    members = ("organisation", "post", "person")
    assert [find_entity(model, n, members) for n in ("samir patel", "DPH", "Wychavon DC")] == [
        "sam",
        "dph",
        "wdc",
    ]


def test_a_misspelt_other_name_is_suggested() -> None:
    with pytest.raises(GovgraphError, match=r"did you mean 'Samir Patel' or 'Cllr Sam Patel'\?"):
        find_entity(named_model(), "Samir Patell", ("person",))


def test_an_other_name_two_entities_share_asks_for_the_id() -> None:
    model = named_model(dph=["HWBB lead"], hwb=["HWBB lead"])
    model.bodies["council"].other_names.append("HWBB lead")
    with pytest.raises(GovgraphError, match=r"'HWBB lead' is a name of 2 entries \(council, hwb\)"):
        find_entity(model, "HWBB lead", ("body",))


def test_bodies_selections_accept_other_names() -> None:
    graph = build_graph(named_model())
    assert select_bodies(graph, "+HWBB", ON) == {"hwb", "council"}
    # A whole other name with spaces, unquoted (the shell took the quotes).
    assert select_bodies(graph, "Health & Wellbeing Board", ON) == {"hwb"}
    assert select_bodies(graph, "member:'Samir Patel'", ON) == {"hwb"}


def test_show_and_seats_print_the_other_names(cli: Cli, model_dir: Callable[..., Path]) -> None:
    model = model_dir(
        {
            "model.yaml": """\
            people:
              - {id: sam, name: Cllr Sam Patel, other_names: [Samir Patel, "Patel, S."]}
            bodies:
              - id: hwb
                name: Health and Wellbeing Board
                short_name: HWB
                root: true
                other_names: [Health & Wellbeing Board]
                members: [{member: sam}]
            """
        }
    )
    shown = cli("show", model, "health & wellbeing board", "--as-of", "2023-07-07").stdout
    assert shown.splitlines()[1:3] == [
        "  Short name:    HWB",
        "  Also known as: Health & Wellbeing Board",
    ]
    seats = cli("seats", model, "samir patel", "--as-of", "2023-07-07").stdout
    assert seats.splitlines()[:2] == [
        "On 2023-07-07, Cllr Sam Patel sits on 1 body.",
        "Also known as Samir Patel; Patel, S..",
    ]
    members = cli("members", model, "Health & Wellbeing Board", "--as-of", "2023-07-07")
    assert members.exit_code == 0
    assert members.stdout.startswith("Health and Wellbeing Board (hwb): 1 member on 2023-07-07")


def test_the_pack_lists_other_names_where_find_in_page_reaches_them() -> None:
    model = named_model()
    graph = build_graph(model)
    index = index_page(graph, AuditResult(model=model, as_of=ON), {}, {})
    assert (
        'Health and Wellbeing Board</a> <span class="muted">(also: Health &amp; Wellbeing ' in index
    )
    assert 'Cllr Sam Patel</a> <span class="muted">(also: Samir Patel)</span>' in index
    body = body_page(show_body(graph, "hwb", ON), {}, {})
    assert "<dt>Also known as</dt><dd>Health &amp; Wellbeing Board; HWBB</dd>" in body
    person = member_page(model, seats_report(graph, "sam", ON), [], {}, {})
    assert "<dt>Also known as</dt><dd>Samir Patel</dd>" in person


def test_diff_reports_other_names_added_and_removed_for_every_kind() -> None:
    before = named_model()
    after = named_model(
        hwb=["HWBB", "Wellbeing Board"], sam=[], wdc=["Wychavon DC", "WDC"], dph=["DPH"]
    )
    assert [c.text() for c in compare_models(before, after)] == [
        "Health and Wellbeing Board (hwb) is no longer recorded as known as "
        "'Health & Wellbeing Board'",
        "Health and Wellbeing Board (hwb) is now also known as 'Wellbeing Board'",
        "Wychavon District Council (wdc) is now also known as 'WDC'",
        "Cllr Sam Patel (sam) is no longer recorded as known as 'Samir Patel'",
    ]
