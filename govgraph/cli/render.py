"""``govgraph render``: write the interactive chart of a model, with its audit, to one HTML file."""

from __future__ import annotations

import webbrowser
from datetime import date
from pathlib import Path

import click

from govgraph.atomic import is_stdout
from govgraph.audit import audit
from govgraph.cli.options import as_of_option, model_argument, resolve_as_of
from govgraph.cli.selection import selected_bodies, selection_option
from govgraph.errors import GovgraphError
from govgraph.graph import build_graph
from govgraph.loader import load
from govgraph.render import render_chart, write_chart
from govgraph.render.view import choose_view, widen_hint
from govgraph.safetext import for_stdout, visible

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
    help="The HTML file to write (default: output/<model folder name>.html; - for "
    "standard output).",
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
@click.option("--all", "whole", is_flag=True, help="Draw every body, however large the model.")
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
    A model of more than 300 bodies is drawn as its tops and two levels below
    unless --focus, --down or --all says otherwise. Prints the path written.

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
    if view.partial:
        click.echo(f"note: showing {view.description}. {widen_hint(len(model.bodies))}", err=True)
    if is_stdout(output):
        if open_browser:
            raise GovgraphError("--open needs a file to open; give -o FILE instead of -o -")
        click.echo(for_stdout(html), nl=False)
        return 0
    path = write_chart(output or default_output(model_dir), html, force=force)
    click.echo(visible(str(path)))
    if open_browser:
        webbrowser.open(path.resolve().as_uri())
    return 0
