"""The body selection syntax (govgraph.select) and its --bodies option."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import click
import networkx as nx
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from support import write_model as write_files
from test_explore import SAMPLE

from govgraph import GovgraphError, build_graph, load
from govgraph.cli.selection import selected_bodies, selection_option
from govgraph.select import find_entity, parse, select_bodies

ON = date(2023, 7, 7)


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> nx.MultiDiGraph:
    return build_graph(load(write_files(tmp_path_factory.mktemp("select"), SAMPLE)))


def pick(graph: nx.MultiDiGraph, expression: str, on: date = ON) -> list[str]:
    return sorted(select_bodies(graph, expression, on))


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("hwb", ["hwb"]),
        ("HWB", ["hwb"]),  # a short name, any case
        ("health and wellbeing board", ["hwb"]),  # a whole name, unquoted
        ('"Health and Wellbeing Board"+1', ["hwb", "scp"]),
        ("hwb+", ["exploitation", "hwb", "scp", "scp-learning"]),
        ("hwb+1", ["hwb", "scp"]),
        ("+exploitation", ["council", "csp", "exploitation", "hwb", "scp"]),
        ("1+exploitation", ["csp", "exploitation", "scp"]),
        ("2+scp-learning", ["hwb", "scp", "scp-learning"]),
        ("+scp-learning+", ["council", "hwb", "scp", "scp-learning"]),
        ("kind:sub-group", ["exploitation", "scp-learning"]),
        ("kind:partnership", ["csp", "scp"]),
        ("member:police", ["csp", "exploitation", "scp"]),
        ("member:jo-bloggs", ["exploitation", "hwb", "scp", "scp-learning"]),  # through posts
        ("member:dass", ["hwb"]),
        ("member:'Sample County Council'", ["csp", "scp"]),
        ("hwb+,kind:sub-group", ["exploitation", "scp-learning"]),
        ("hwb+ , kind:sub-group", ["exploitation", "scp-learning"]),  # spaces around a comma
        ("hwb+,kind:sub-group kind:panel", ["exploitation", "scp-learning", "youth-cabinet"]),
        ("csp council", ["council", "csp"]),
        ("member:police,member:dcs", ["exploitation", "scp"]),
    ],
)
def test_selection(graph: nx.MultiDiGraph, expression: str, expected: list[str]) -> None:
    assert pick(graph, expression) == expected


def test_selection_follows_the_as_of_date(graph: nx.MultiDiGraph) -> None:
    # In 2018 the LSCB stood below the board and the partnership did not exist yet.
    early = date(2018, 1, 1)
    assert pick(graph, "hwb+", early) == ["hwb", "lscb"]
    assert pick(graph, "kind:partnership", early) == ["csp"]
    assert pick(graph, "member:ccg", date(2022, 1, 1)) == ["hwb"]
    with pytest.raises(GovgraphError, match="selects no body on 2022-01-01"):
        select_bodies(graph, "member:icb", date(2022, 1, 1))


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("", "the selection is empty"),
        ("   ", "the selection is empty"),
        ("hwbb", "there is no body 'hwbb' in the model (did you mean 'hwb'?)"),
        ("kind:partnershp", "'partnershp' is not a body kind (did you mean 'partnership'?)"),
        ("memb:police", "'memb:' is not a selector (did you mean 'member'?)"),
        ("member:polise", "there is no organisation, post or person 'polise'"),
        ("member:hwb", "'hwb' is a body, not an organisation, a post or a person"),
        ("member:", "'member:' needs a value after the colon"),
        ("hwb+x", "cannot read 'hwb+x'"),
        ("++hwb", "cannot read '++hwb'"),
        ("hwb,,csp", "has an empty part next to a comma"),
        (",hwb", "has an empty part next to a comma"),
        ('"Health and', 'has an unclosed "'),
        ("hwb+0", "a depth of 0 selects nothing more"),
        ("lscb", "was dissolved on 2019-09-28, so it is not in the structure on 2023-07-07"),
        ("kind:cabinet", "the selection 'kind:cabinet' selects no body on 2023-07-07"),
        ("hwb,csp", "the selection 'hwb,csp' selects no body"),
        ("full council+", "quote a name with spaces"),
    ],
)
def test_selection_errors_say_what_to_do(
    graph: nx.MultiDiGraph, expression: str, message: str
) -> None:
    with pytest.raises(GovgraphError) as caught:
        select_bodies(graph, expression, ON)
    assert message in str(caught.value)


def test_parse_groups_and_atoms() -> None:
    groups = parse("2+hwb,kind:board csp+1")
    assert [[a.text for a in g] for g in groups] == [["2+hwb", "kind:board"], ["csp+1"]]
    first = groups[0][0]
    assert (first.value, first.up, first.down) == ("hwb", 2, None)
    assert (groups[1][0].up, groups[1][0].down) == (None, 1)


def test_find_entity_by_name_and_ambiguity(graph: nx.MultiDiGraph) -> None:
    model = graph.graph["model"]
    assert find_entity(model, "director of children's services", ("post",)) == "dcs"
    assert find_entity(model, "SCP", ("body",)) == "scp"
    with pytest.raises(GovgraphError, match="did you mean 'jo-bloggs'"):
        find_entity(model, "jo-blogs", ("person",))


BODY_IDS = ["council", "hwb", "csp", "scp", "scp-learning", "exploitation", "youth-cabinet"]


@settings(max_examples=60, deadline=None)
@given(
    first=st.sampled_from(BODY_IDS),
    second=st.sampled_from(BODY_IDS),
    down=st.sampled_from(["", "+", "+1", "+2"]),
)
def test_space_is_union_and_comma_is_intersection(
    graph: nx.MultiDiGraph, first: str, second: str, down: str
) -> None:
    a = select_bodies(graph, first + down, ON)
    b = select_bodies(graph, second + down, ON)
    assert select_bodies(graph, f"{first}{down} {second}{down}", ON) == a | b
    if a & b:
        assert select_bodies(graph, f"{first}{down},{second}{down}", ON) == a & b
    # Going down further never selects fewer bodies.
    assert select_bodies(graph, first, ON) <= a <= select_bodies(graph, first + "+", ON)


def test_bodies_option_for_other_commands(sample_dir: Path) -> None:
    @click.command()
    @click.argument("model_dir")
    @selection_option
    def chart(model_dir: str, bodies: str | None) -> None:
        chosen = selected_bodies(build_graph(load(model_dir)), bodies, ON)
        click.echo("all" if chosen is None else " ".join(sorted(chosen)))

    runner = CliRunner()
    assert runner.invoke(chart, [str(sample_dir)]).output == "all\n"
    picked = runner.invoke(chart, [str(sample_dir), "--bodies", "scp+1,kind:sub-group"])
    assert picked.output == "exploitation scp-learning\n"
    help_text = runner.invoke(chart, ["--help"]).output
    assert "--bodies EXPR" in help_text and "kind:KIND" in help_text
    empty = runner.invoke(chart, [str(sample_dir), "--bodies", ""])
    assert isinstance(empty.exception, GovgraphError)
    assert "the selection is empty" in str(empty.exception)


@pytest.fixture
def sample_dir(model_dir: Callable[..., Path]) -> Path:
    return model_dir(SAMPLE)
