"""``govgraph insights``: read the shape of the whole structure back to its people.

Thin: load the model, build its graph, resolve ``--bodies``, call
:func:`govgraph.insights.insights` and print the result in the chosen format.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from govgraph.cli.options import as_of_option, model_argument, resolve_as_of
from govgraph.cli.selection import selected_bodies, selection_option
from govgraph.graph import build_graph
from govgraph.insights import insights as read_insights
from govgraph.insights.report import REPORTS
from govgraph.loader import load


@click.command()
@model_argument
@as_of_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(list(REPORTS)),
    default="text",
    show_default=True,
    help="text for a terminal, json for dashboards, markdown for committee papers.",
)
@selection_option
@click.option(
    "--overlap-threshold",
    type=click.FloatRange(0, 1, min_open=True),
    default=None,
    metavar="SHARE",
    help="Pairs of bodies sharing more than this share of the smaller's members overlap "
    "(default: overlap_threshold in govgraph.yaml, else 0.6).",
)
def insights(
    model_dir: Path,
    as_of: date | None,
    output_format: str,
    bodies: str | None,
    overlap_threshold: float | None,
) -> int:
    """How the structure is shaped and where it is fragile: tiers and top-heaviness,
    single points, key people and combined posts, overlapping bodies, each member's
    meetings a year, and who delivers each plan priority. Each section says what it
    means and gives the numbers behind it.

    With --bodies, only those bodies are read, as a structure of their own (its top is
    where their reporting lines leave the choice).

    Example: govgraph insights models/worcestershire --bodies 'cyp-spb+'
    """
    on = resolve_as_of(as_of)
    model = load(model_dir)
    graph = build_graph(model)
    chosen = selected_bodies(graph, bodies, on)
    found = read_insights(model, graph, on, chosen, overlap_threshold)
    click.echo(REPORTS[output_format](found, model))
    return 0
