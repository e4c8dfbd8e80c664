"""``govgraph show | path | seats | members``: answer questions about one body or member.

Each command loads the model, finds the body or member by id or name ("did you
mean" on a near miss), asks :mod:`govgraph.explore` for plain data and prints
it as text or JSON (``members`` also as CSV).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from govgraph.audit import audit
from govgraph.cli.options import as_of_option, model_argument, resolve_as_of
from govgraph.explore import members_report, path_report, seats_report, show_body
from govgraph.explore.text import fit, members_csv, members_text, path_text, seats_text, show_text
from govgraph.graph import build_graph
from govgraph.loader import load
from govgraph.safetext import for_stdout, json_text, visible
from govgraph.select import MEMBER_KINDS, find_entity

F = TypeVar("F", bound=Callable[..., Any])


def format_option(*choices: str) -> Callable[[F], F]:
    """``--format`` with these choices, the first the default."""

    def decorate(function: F) -> F:
        return click.option(
            "--format",
            "output_format",
            type=click.Choice(choices),
            default=choices[0],
            show_default=True,
            help="How to print the answer.",
        )(function)

    return decorate


def echo_json(data: Any) -> None:
    click.echo(json_text(json.dumps(data, indent=2, ensure_ascii=False)))


def _echo_lines(lines: list[str]) -> None:
    # Each line may hold names from the model: nothing in them may reach the terminal raw
    # (escaped before wrapping, so the wrapped lines are as wide as what is shown).
    click.echo("\n".join(fit(visible(line) for line in lines)))


@click.command()
@model_argument
@click.argument("body")
@as_of_option
@format_option("text", "json")
def show(model_dir: Path, body: str, as_of: date | None, output_format: str) -> int:
    """Everything about one BODY on a date: kind, dates, chair, members with role,
    dates and review status, reporting lines both ways, its chain to the top, its
    sub-bodies and its findings.

    BODY is an id or a name (any case).

    Example: govgraph show models/worcestershire hwb --as-of 2023-07-07
    """
    on = resolve_as_of(as_of)
    model = load(model_dir)
    graph = build_graph(model)
    body_id = find_entity(model, body, ("body",))
    data = show_body(graph, body_id, on, audit(model, graph, on))
    if output_format == "json":
        echo_json(data)
    else:
        # Paths as `check` prints them: from where govgraph ran, so they open in an editor.
        data["file"] = model.display_path(data["file"])
        for finding in data["findings"]:
            finding["file"] = finding["file"] and model.display_path(finding["file"])
        _echo_lines(show_text(data))
    return 0


@click.command()
@model_argument
@click.argument("body")
@click.option(
    "--to",
    "other",
    metavar="OTHER",
    default=None,
    help="Show the chain(s) between BODY and this body instead (either may be the higher).",
)
@as_of_option
@format_option("text", "json")
def path(
    model_dir: Path, body: str, other: str | None, as_of: date | None, output_format: str
) -> int:
    """Every reporting chain from BODY up to the root(s), or between BODY and OTHER.

    Exit 0 when there is a chain, 1 when there is none (BODY reaches no root,
    or neither body is above the other), 2 on a mistake.

    Example: govgraph path models/worcestershire wscp-learning --to council
    """
    on = resolve_as_of(as_of)
    model = load(model_dir)
    graph = build_graph(model)
    body_id = find_entity(model, body, ("body",))
    other_id = find_entity(model, other, ("body",)) if other is not None else None
    data = path_report(graph, body_id, on, other_id)
    if output_format == "json":
        echo_json(data)
    else:
        _echo_lines(path_text(data))
    return 0 if data["chains"] else 1


@click.command()
@model_argument
@click.argument("member")
@as_of_option
@format_option("text", "json")
def seats(model_dir: Path, member: str, as_of: date | None, output_format: str) -> int:
    """Every body an organisation, post or person sits on, with role and dates.

    A person sits through the posts they hold too; a post is counted with the
    other posts its holder combines; an organisation's list adds its posts'
    seats. MEMBER is an id, a name or a post title (any case).

    Example: govgraph seats models/worcestershire dcs
    """
    on = resolve_as_of(as_of)
    model = load(model_dir)
    graph = build_graph(model)
    member_id = find_entity(model, member, MEMBER_KINDS)
    data = seats_report(graph, member_id, on)
    if output_format == "json":
        echo_json(data)
    else:
        _echo_lines(seats_text(data))
    return 0


@click.command()
@model_argument
@click.argument("body")
@as_of_option
@format_option("text", "json", "csv")
def members(model_dir: Path, body: str, as_of: date | None, output_format: str) -> int:
    """The membership list of BODY on a date, as a table, JSON or CSV.

    Example: govgraph members models/worcestershire hwb --format csv > hwb.csv
    """
    on = resolve_as_of(as_of)
    model = load(model_dir)
    graph = build_graph(model)
    body_id = find_entity(model, body, ("body",))
    data = members_report(graph, body_id, on)
    if output_format == "json":
        echo_json(data)
    elif output_format == "csv":
        click.echo(for_stdout(members_csv(data)), nl=False)
    else:
        _echo_lines(members_text(data))
    return 0
