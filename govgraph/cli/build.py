"""``govgraph build``: publish the static audit pack of a model."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import click

from govgraph.audit import audit
from govgraph.cli.options import as_of_option, model_argument, resolve_as_of
from govgraph.graph import build_graph
from govgraph.loader import load
from govgraph.safetext import visible
from govgraph.site import Page, build_site


@click.command()
@model_argument
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="The folder to write the site into (default: output/<model folder name>-site).",
)
@as_of_option
@click.option(
    "--force",
    is_flag=True,
    help="Write into a non-empty folder that an earlier govgraph build did not make.",
)
def build(model_dir: Path, output: Path | None, as_of: date | None, force: bool) -> int:
    """Publish a static audit pack: a folder of HTML pages that work offline.

    index.html has the model summary, its structure and the findings report;
    chart.html the interactive chart; matrix.html who sits on which body; and
    every body, organisation, post and person has a page of its own, linked
    to the others. Open index.html in a browser, or publish the folder as is.

    The folder must be new, empty, or made by an earlier govgraph build (its
    pages are then replaced and pages of removed bodies deleted); --force
    writes into any folder without deleting anything of yours.

    Example: govgraph build models/worcestershire --as-of 2023-07-07
    """
    on = resolve_as_of(as_of)
    if output is None:  # named after the model, so a second model never replaces the first
        resolved = model_dir.resolve()
        output = Path("output") / f"{(resolved.stem if resolved.is_file() else resolved.name)}-site"
    model = load(model_dir)
    graph = build_graph(model)
    result = audit(model, graph, on)
    # A bar only for a person watching: never in a pipe, a log or a test.
    progress = _progress_bar if sys.stderr.isatty() else _no_progress
    written = build_site(graph, result, output, force=force, progress=progress)
    click.echo(
        visible(
            f"{output}: wrote {len(written)} pages for '{model.name}' as of {on}; "
            f"open {output / 'index.html'}"
        )
    )
    return 0


def _progress_bar(pages: Iterable[Page]) -> Iterator[Page]:
    """Pages, with a progress bar on stderr while they are written."""
    items = list(pages)
    with click.progressbar(items, label="Writing pages", file=sys.stderr) as bar:
        yield from bar


def _no_progress(pages: Iterable[Page]) -> Iterable[Page]:
    return pages
