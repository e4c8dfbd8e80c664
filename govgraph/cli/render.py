"""``govgraph render``: write the interactive chart of a model, with its audit, to one HTML file."""

from __future__ import annotations

import webbrowser
from datetime import date
from pathlib import Path

import click

from govgraph.audit import audit
from govgraph.cli.options import as_of_option, model_argument, resolve_as_of
from govgraph.cli.selection import selected_bodies, selection_option
from govgraph.errors import GovgraphError
from govgraph.graph import build_graph
from govgraph.loader import load
from govgraph.render import render_chart, write_chart
from govgraph.render.view import choose_view, widen_hint

LEVELS = click.IntRange(min=0)


def default_output(model_dir: Path) -> Path:
    """``output/<model folder name>.html``, relative to where govgraph runs."""
    resolved = model_dir.resolve()
    name = resolved.stem if resolved.is_file() else resolved.name
    return Path("output") / f"{name or 'model'}.html"


@click.command()
@model_argument
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="The HTML file to write (default: output/<model folder name>.html).",
)
@as_of_option
@click.option("--focus", metavar="BODY", default=None, help="Draw this body and its surroundings.")
@click.option(
    "--up", type=LEVELS, default=None, help="With --focus: levels above it (default all)."
)
@click.option("--down", type=LEVELS, default=None, help="Levels below --focus (or below the tops).")
@click.option(
    "--members/--no-members",
    default=True,
    show_default=True,
    help="Draw organisations, posts and people linked to the bodies they sit on.",
)
@selection_option
@click.option(
    "--all",
    "whole",
    is_flag=True,
    help="Open the chart with every body shown, however large (not on its overview).",
)
@click.option(
    "--force", is_flag=True, help="Overwrite the output file even if govgraph did not write it."
)
@click.option("--open", "open_browser", is_flag=True, help="Open the chart in a web browser.")
def render(
    model_dir: Path,
    output: Path | None,
    as_of: date | None,
    focus: str | None,
    up: int | None,
    down: int | None,
    members: bool,
    bodies: str | None,
    whole: bool,
    force: bool,
    open_browser: bool,
) -> int:
    """Write an interactive chart of the model, marked with its findings, to one HTML file.

    The file works offline (nothing is fetched) and holds a date slider, a
    search box, a findings list, a details panel and a text view of every body.
    Every body is drawn; a chart of more than 60 bodies opens on its overview
    (a box per top body, expanded in place on a click) unless --all says to open
    it expanded. --focus and --down draw part of the model. Prints the path written.

    --bodies draws exactly the bodies an expression selects, instead of
    --focus or --all.

    Example: govgraph render models/worcestershire --focus hwb --up 1 --down 2
    """
    on = resolve_as_of(as_of)
    model = load(model_dir)
    graph = build_graph(model)
    chosen = selected_bodies(graph, bodies, on)
    if chosen is not None and not chosen:
        raise GovgraphError(f"--bodies '{bodies}' selects no body on {on}; nothing to draw")
    view = choose_view(graph, focus=focus, up=up, down=down, bodies=chosen, whole=whole)
    result = audit(model, graph, on=on)
    html = render_chart(
        result, graph, focus=focus, up=up, down=down, members=members, bodies=chosen, whole=whole
    )
    path = write_chart(output or default_output(model_dir), html, force=force)
    if view.partial:
        click.echo(f"note: showing {view.description}. {widen_hint(len(model.bodies))}", err=True)
    click.echo(str(path))
    if open_browser:
        webbrowser.open(path.resolve().as_uri())
    return 0
