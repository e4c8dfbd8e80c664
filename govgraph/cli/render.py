"""``govgraph render``: write the chart of a model, with its audit (HTML, SVG, PDF or PNG)."""

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
from govgraph.render.paper import FORMATS, render_static, write_static
from govgraph.render.pdf import PAPER
from govgraph.render.png import DEFAULT_DPI
from govgraph.render.view import choose_view, widen_hint
from govgraph.safetext import for_stdout, visible

LEVELS = click.IntRange(min=0)


def default_output(model_dir: Path, to: str = "html") -> Path:
    """``output/<model folder name>.<to>``, relative to where govgraph runs."""
    resolved = model_dir.resolve()
    name = resolved.stem if resolved.is_file() else resolved.name
    return Path("output") / f"{name or 'model'}.{to}"


@click.command()
@model_argument
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="The file to write (default: output/<model folder name>.<html, svg, pdf or png>; "
    "- for standard output).",
)
@click.option(
    "--to",
    "to",
    type=click.Choice(["html", *FORMATS]),
    default="html",
    show_default=True,
    help="html: the interactive page; svg, pdf, png: the chart on paper.",
)
@click.option(
    "--paper",
    type=click.Choice(list(PAPER)),
    default=None,
    help="With --to pdf or png: landscape A4 (the default) or A3.",
)
@click.option(
    "--dpi",
    type=click.IntRange(min=50, max=1200),
    default=None,
    help=f"With --to png: dots per inch (default {DEFAULT_DPI}).",
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
    help="Draw organisations, posts and people linked to the bodies they sit on (html; "
    "the other outputs count them on each body).",
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
    to: str,
    paper: str | None,
    dpi: int | None,
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
    """Write a chart of the model, marked with its findings: an HTML page, SVG, PDF or PNG.

    The HTML file works offline (nothing is fetched) and holds a date slider, a
    search box, a findings list, a details panel and a text view of every body.
    --to svg, pdf or png draw the structure on the as-of date for print: the
    PDF (A4 landscape, or --paper a3) has a title, the date, a legend, the chart
    split by subtree when it would print too small, and a table of findings.
    Every body is drawn; an HTML chart of more than 60 bodies opens on its
    overview (a box per top body, expanded in place on a click) unless --all
    says to open it expanded. --focus and --down draw part of the model.
    Prints the path written.

    --bodies draws exactly the bodies an expression selects, instead of
    --focus or --all.

    Examples: govgraph render models/worcestershire --focus hwb --up 1 --down 2;
    govgraph render models/worcestershire --to pdf --paper a3
    """
    if paper is not None and to not in ("pdf", "png"):
        raise GovgraphError("--paper applies to --to pdf or --to png")
    if dpi is not None and to != "png":
        raise GovgraphError("--dpi applies to --to png")
    on = resolve_as_of(as_of)
    model = load(model_dir)
    graph = build_graph(model)
    chosen = selected_bodies(graph, bodies, on)
    if chosen is not None and not chosen:
        raise GovgraphError(f"--bodies '{bodies}' selects no body on {on}; nothing to draw")
    view = choose_view(graph, focus=focus, up=up, down=down, bodies=chosen, whole=whole)
    result = audit(model, graph, on=on)
    if is_stdout(output) and open_browser:
        raise GovgraphError("--open needs a file to open; give -o FILE instead of -o -")
    target = output or default_output(model_dir, to)
    if to == "html":
        html = render_chart(
            result, graph, focus=focus, up=up, down=down, members=members, bodies=chosen,
            whole=whole,
        )  # fmt: skip
        data = html.encode("utf-8")
    else:
        drawn = render_static(
            result, graph, to, focus=focus, up=up, down=down, bodies=chosen, whole=whole,
            paper=paper or "a4", dpi=dpi or DEFAULT_DPI,
        )  # fmt: skip
        data = drawn.data
        if not drawn.readable:
            click.echo(
                f"note: {view.description} print smaller than 7 pt on one sheet; "
                "--to pdf splits the chart into readable pages",
                err=True,
            )
    if view.partial:
        click.echo(f"note: showing {view.description}. {widen_hint(len(model.bodies))}", err=True)
    if is_stdout(output):
        if to in ("html", "svg"):
            click.echo(for_stdout(data.decode("utf-8")), nl=False)
        else:
            click.get_binary_stream("stdout").write(data)
        return 0
    if to == "html":
        path = write_chart(target, html, force=force)
    else:
        path = write_static(target, data, to, force=force)
    click.echo(visible(str(path)))
    if open_browser and not webbrowser.open(path.resolve().as_uri()):
        click.echo(
            f"govgraph: no browser could be opened here; open {visible(str(path))} yourself",
            err=True,
        )
    return 0
