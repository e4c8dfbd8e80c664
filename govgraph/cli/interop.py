"""``govgraph import``, ``govgraph export`` and ``govgraph schema``: a thin layer over
:mod:`govgraph.interop`."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import click

from govgraph.atomic import is_stdout, write_bytes, write_text
from govgraph.cli.options import ISO_DATE, model_argument
from govgraph.cli.selection import selection_option
from govgraph.errors import GovgraphError
from govgraph.graph import build_graph
from govgraph.interop.draft import Draft
from govgraph.interop.exporters import EXPORTERS
from govgraph.interop.files import refuse_existing, write_draft
from govgraph.interop.json_schema import model_file_schema, settings_schema
from govgraph.interop.mapping import finish
from govgraph.interop.moderngov_import import import_moderngov
from govgraph.interop.openstates_import import import_openstates
from govgraph.interop.popolo_import import import_popolo
from govgraph.interop.roles import RoleMapper
from govgraph.interop.spreadsheet_import import import_spreadsheet
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
_role = click.option(
    "--role",
    "roles",
    multiple=True,
    metavar="TITLE=ROLE",
    help="Map a title the role vocabulary does not know, e.g. --role 'Sheriff=member' "
    "(repeatable; ROLE: chair, vice-chair, member, adviser, observer or substitute).",
)
_root_name = click.option(
    "--root-name",
    help="The name of the root body made for bodies with no parent, when the source names "
    "no council or legislature (default: the model's name).",
)


def _options(files: Callable[..., Any]) -> Callable[[Callable[..., int]], Callable[..., int]]:
    """The options every importer takes: its files, -o, --force, --name, --role,
    --root-name."""

    def add(command: Callable[..., int]) -> Callable[..., int]:
        for option in reversed((files, _output, _force, _name, _role, _root_name)):
            command = option(command)
        return command

    return add


_shared = _options(_files)


@click.group("import")
def import_group() -> None:
    """Make a model folder from data a council already publishes.

    Example: govgraph import popolo council.json -o models/council
    """


@import_group.command("popolo")
@_shared
def popolo(
    files: Sequence[Path],
    output: Path,
    force: bool,
    name: str | None,
    roles: Sequence[str],
    root_name: str | None,
) -> int:
    """Import Popolo JSON files (organizations, persons, posts, memberships).

    Organizations with members, a parent or children become bodies, the
    others organisations; parent_id and +reports_to become reporting lines.
    What could not be mapped is listed on standard error, with counts.

    Example: govgraph import popolo people.json committees.json -o models/northmoor
    """
    mapper = RoleMapper.with_options(roles)
    return _write(import_popolo(files, mapper), output, force, name, root_name)


@import_group.command("moderngov")
@_shared
@click.option(
    "--include-expired",
    is_flag=True,
    help="Keep committees ModernGov marks expired (left current, with a comment asking for "
    "their dissolved date); by default they are left out.",
)
def moderngov(
    files: Sequence[Path],
    output: Path,
    force: bool,
    name: str | None,
    roles: Sequence[str],
    root_name: str | None,
    include_expired: bool,
) -> int:
    """Import saved ModernGov web-service responses.

    Give GetCommittees (bodies), GetMeetings (which committee each meeting
    belongs to), GetMeeting (each meeting's attendees: the committee's
    members) and GetCouncillorsByWard (councillors, their terms on the
    council, their key posts) responses saved as XML files, any mix, in any
    order; a file holding another response is listed and skipped. See
    docs/import-moderngov.md.

    Example: govgraph import moderngov saved/*.xml -o models/northmoor
    """
    mapper = RoleMapper.with_options(roles)
    return _write(import_moderngov(files, include_expired, mapper), output, force, name, root_name)


@import_group.command("spreadsheet")
@_shared
@click.option(
    "--column",
    "columns",
    multiple=True,
    metavar="FIELD=HEADER",
    help="Read the column headed HEADER as FIELD, for headers not recognised, e.g. "
    "--column member='Cllr name' (repeatable; FIELD: committee, member, role, organisation, "
    "from, to, term_ends, reviewed, parent, voting, note).",
)
def spreadsheet(
    files: Sequence[Path],
    output: Path,
    force: bool,
    name: str | None,
    roles: Sequence[str],
    root_name: str | None,
    columns: Sequence[str],
) -> int:
    """Import .xlsx workbooks and .csv files: sheets of seats, or govgraph's own tables.

    A sheet of seats has a row per member of a committee; its columns are
    recognised by their headers (Committee, Member, Role, Organisation, From,
    To, Term ends, Reviewed, Reports to, and common variants), in any order.
    Dates may be date cells, 2023-04-01, 01/04/2023 (day first) or 1 April
    2023. Sheets named bodies, memberships, people … (what `govgraph export
    --to xlsx` and `--to csv` write) are read back as the model they came from.

    Example: govgraph import spreadsheet committees.xlsx -o models/northmoor
    """
    mapper = RoleMapper.with_options(roles)
    return _write(import_spreadsheet(files, columns, mapper), output, force, name, root_name)


def _write(draft: Draft, output: Path, force: bool, name: str | None, root_name: str | None) -> int:
    """Apply the mapping every importer shares, write the model, then say what was done."""
    model_name = name or output.resolve().name
    finish(draft, root_name or model_name, root_name_given=root_name is not None)
    model = write_draft(draft, output, force, model_name)
    click.echo(f"wrote {output}/: {model.summary()}")
    for line in draft.summary_lines():
        click.echo(visible(line), err=True)  # names from the source files
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
    help="The file to write (for csv: a folder); standard output when not given or - "
    "(xlsx needs -o FILE).",
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
    """Write a model for other tools: Popolo JSON, GraphML, GEXF, DOT, Mermaid, CSV or xlsx.

    popolo: for civic-tech tools and `govgraph import popolo` (reporting lines
    as the +reports_to extension); graphml/gexf: yEd, Gephi; dot: Graphviz;
    mermaid: a flowchart GitHub draws (-o FILE.md wraps it in a ```mermaid
    block); csv: a table per kind of thing (organisations.csv, people.csv,
    posts.csv, post-holders.csv, bodies.csv, memberships.csv,
    reporting-lines.csv) in the folder given with -o (on standard output, one
    after another); xlsx: the same tables as the sheets of one workbook (-o
    FILE.xlsx). `govgraph import spreadsheet` reads csv and xlsx back.

    Example: govgraph export models/worcestershire --to mermaid -o docs/structure.md
    """
    model = load(model_dir)
    chosen = None
    if bodies is not None:
        chosen = select_bodies(build_graph(model), bodies, as_of or date.today())
    written = EXPORTERS[to].write(make_view(model, as_of, chosen))
    if isinstance(written, bytes):
        _write_binary(written, to, output, force)
    elif isinstance(written, dict):
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


def _write_binary(data: bytes, to: str, output: Path | None, force: bool) -> None:
    if output is None or is_stdout(output):
        raise GovgraphError(f"{to} is a binary file: give -o FILE{EXPORTERS[to].suffix}")
    if output.is_dir():
        raise GovgraphError(f"{output} is a folder; -o names the file to write")
    refuse_existing([output], force)
    write_bytes(output, data)
    click.echo(f"wrote {output}", err=True)


def _write_many(files: dict[str, str], output: Path | None, force: bool) -> None:
    if output is None or is_stdout(output):
        joined = "\n".join(f"# {name}\n{text}" for name, text in files.items())
        click.echo(for_stdout(joined), nl=False)
        return
    if output.exists() and not output.is_dir():
        raise GovgraphError(f"{output} is a file; for csv, -o names a folder for the tables")
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


# --- import openstates ------------------------------------------------------------------

_files_or_folders = click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path)
)


@import_group.command("openstates")
@_options(_files_or_folders)
def openstates(
    files: Sequence[Path],
    output: Path,
    force: bool,
    name: str | None,
    roles: Sequence[str],
    root_name: str | None,
) -> int:
    """Import Open States committee YAML (openstates/people data/<state>/committees/).

    Each committee becomes a body reporting to its chamber (a body made for each
    chamber: the roots), a subcommittee to its parent committee, a joint
    committee to both chambers; members become people, one per person_id. A
    folder is read with every .yml/.yaml file below it; files that are not
    committees are listed and skipped.

    Example: govgraph import openstates people/data/nc/committees/*.yml -o models/nc
    """
    mapper = RoleMapper.with_options(roles)
    return _write(import_openstates(files, mapper), output, force, name, root_name)
