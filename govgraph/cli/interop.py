"""``govgraph import``, ``govgraph export`` and ``govgraph schema``: a thin layer over
:mod:`govgraph.interop`."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import click

from govgraph.atomic import is_stdout, write_text
from govgraph.cli.options import ISO_DATE, model_argument
from govgraph.cli.selection import selection_option
from govgraph.errors import GovgraphError
from govgraph.graph import build_graph
from govgraph.interop.draft import Draft
from govgraph.interop.exporters import EXPORTERS
from govgraph.interop.files import refuse_existing, write_draft
from govgraph.interop.json_schema import model_file_schema, settings_schema
from govgraph.interop.moderngov_import import import_moderngov
from govgraph.interop.popolo_import import import_popolo
from govgraph.interop.view import make_view
from govgraph.loader import load
from govgraph.safetext import for_stdout, visible
from govgraph.select import select_bodies

_files = click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
_output = click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path),
    help="The model folder to write (created if missing).",
)
_force = click.option("--force", is_flag=True, help="Overwrite files that already exist.")
_name = click.option("--name", help="The model's name in govgraph.yaml (default: the folder's).")


@click.group("import")
def import_group() -> None:
    """Make a model folder from data a council already publishes.

    Example: govgraph import popolo council.json -o models/council
    """


@import_group.command("popolo")
@_files
@_output
@_force
@_name
def popolo(files: Sequence[Path], output: Path, force: bool, name: str | None) -> int:
    """Import Popolo JSON files (organizations, persons, posts, memberships).

    Organizations with members, a parent or children become bodies, the
    others organisations; parent_id and +reports_to become reporting lines.
    What could not be mapped is listed on standard error, with counts.

    Example: govgraph import popolo people.json committees.json -o models/northmoor
    """
    return _write(import_popolo(files), output, force, name)


@import_group.command("moderngov")
@_files
@_output
@_force
@_name
@click.option(
    "--include-expired",
    is_flag=True,
    help="Keep committees ModernGov marks expired (left current, with a comment asking for "
    "their dissolved date); by default they are left out.",
)
def moderngov(
    files: Sequence[Path], output: Path, force: bool, name: str | None, include_expired: bool
) -> int:
    """Import saved ModernGov web-service responses.

    Give GetCommittees (bodies), GetCouncillorsByWard (councillors and their
    terms on Full Council) and GetMeeting (each meeting's attendees: the
    committee's members) responses saved as XML files, in any order.

    Example: govgraph import moderngov GetCommittees.xml GetMeeting-*.xml -o models/northmoor
    """
    return _write(import_moderngov(files, include_expired), output, force, name)


def _write(draft: Draft, output: Path, force: bool, name: str | None) -> int:
    model = write_draft(draft, output, force, name)
    counts = model.summary()
    click.echo(f"wrote {output}/: {counts}")
    if draft.skipped:
        click.echo("left out or changed on import:", err=True)
        for line in draft.skipped.lines():
            click.echo(f"  {visible(line)}", err=True)  # names from the source file
    return 0


@click.command()
@model_argument
@click.option(
    "--to",
    "to",
    type=click.Choice(list(EXPORTERS)),
    required=True,
    help="The format to write.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="The file to write (for csv: a folder); standard output when not given or -.",
)
@click.option(
    "--as-of",
    "as_of",
    type=ISO_DATE,
    default=None,
    help="Only what was current on this day (YYYY-MM-DD); default: everything, all dates.",
)
@selection_option
@_force
def export(
    model_dir: Path,
    to: str,
    output: Path | None,
    as_of: date | None,
    bodies: str | None,
    force: bool,
) -> int:
    """Write a model for other tools: Popolo JSON, GraphML, GEXF, DOT, Mermaid or CSV.

    popolo: for civic-tech tools and `govgraph import popolo` (reporting lines
    as the +reports_to extension); graphml/gexf: yEd, Gephi; dot: Graphviz;
    mermaid: a flowchart GitHub draws (-o FILE.md wraps it in a ```mermaid
    block); csv: bodies.csv, memberships.csv and reporting-lines.csv in the
    folder given with -o (on standard output, one after another).

    Example: govgraph export models/worcestershire --to mermaid -o docs/structure.md
    """
    model = load(model_dir)
    chosen = None
    if bodies is not None:
        chosen = select_bodies(build_graph(model), bodies, as_of or date.today())
    written = EXPORTERS[to].write(make_view(model, as_of, chosen))
    if isinstance(written, dict):
        _write_many(written, output, force)
    else:
        if to == "mermaid" and output is not None and output.suffix.lower() == ".md":
            written = f"# {model.name}\n\n```mermaid\n{written}```\n"
        _write_one(written, output, force)
    return 0


def _write_one(text: str, output: Path | None, force: bool) -> None:
    if output is None or is_stdout(output):
        click.echo(for_stdout(text), nl=False)
        return
    if output.is_dir():
        raise GovgraphError(f"{output} is a folder; -o names the file to write")
    refuse_existing([output], force)
    write_text(output, text)
    click.echo(f"wrote {output}", err=True)


def _write_many(files: dict[str, str], output: Path | None, force: bool) -> None:
    if output is None or is_stdout(output):
        joined = "\n".join(f"# {name}\n{text}" for name, text in files.items())
        click.echo(for_stdout(joined), nl=False)
        return
    if output.exists() and not output.is_dir():
        raise GovgraphError(f"{output} is a file; for csv, -o names a folder for the three tables")
    refuse_existing((output / name for name in files), force)
    for name, text in files.items():
        write_text(output / name, text)
    click.echo(f"wrote {', '.join(str(output / name) for name in files)}", err=True)


@click.command()
@click.option("--settings", is_flag=True, help="The schema of govgraph.yaml instead.")
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), default=None, help="The file to write."
)
@_force
def schema(settings: bool, output: Path | None, force: bool) -> int:
    """Print the JSON Schema of model files, for editors to autocomplete and check YAML.

    Save it beside your model and start each model file with
    `# yaml-language-server: $schema=../govgraph-model.schema.json`.

    Example: govgraph schema -o models/govgraph-model.schema.json
    """
    make: Callable[[], dict[str, object]] = settings_schema if settings else model_file_schema
    _write_one(json.dumps(make(), indent=2, ensure_ascii=False) + "\n", output, force)
    return 0
