"""``govgraph init``: a new model folder to start from, blank or from a council's data."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from datetime import date
from importlib.resources import files as package_files
from pathlib import Path

import click

from govgraph.errors import GovgraphError, ModelLoadError
from govgraph.interop.json_schema import model_file_schema
from govgraph.interop.yaml_writer import scalar
from govgraph.loader import load

SCHEMA_FILE = "govgraph-model.schema.json"
TEMPLATE_FILES = ("govgraph.yaml", "organisations.yaml", "people.yaml", "posts.yaml", "bodies.yaml")
#: ``--from`` files by their ending: the ``govgraph import`` command that reads them.
IMPORT_COMMANDS = {
    ".csv": "spreadsheet",
    ".xlsx": "spreadsheet",
    ".xml": "moderngov",
    ".json": "popolo",
    ".yml": "openstates",
}


@click.command()
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--name", help="The model's name (default: made from the folder's name).")
@click.option(
    "--from",
    "sources",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Start from your council's data instead of the small example: a spreadsheet "
    "(.csv, .xlsx), saved ModernGov responses (.xml), Popolo JSON (.json) or Open States "
    "committee files (.yml); repeatable.",
)
@click.pass_context
def init(ctx: click.Context, folder: Path, name: str | None, sources: Sequence[Path]) -> int:
    """Start a new model in FOLDER (a new or empty folder).

    Without --from, writes a small commented model to edit: settings, one
    council, a partnership with a sub-group, a post and a person, with the
    optional fields shown commented out and a schema for editors; its dates are
    today's, so it starts with no findings. With --from,
    imports your council's data instead (as `govgraph import` does).

    Example: govgraph init models/northmoor --name "Northmoor"
    """
    _refuse_used(folder)
    title = name or _title_of(folder)
    if sources:
        _import(ctx, folder, title, sources)
    else:
        _write_template(folder, title)
        click.echo(
            f"wrote {folder}/: a small model to start from; edit it to describe your council"
        )
    click.echo("next:")
    for step in ("validate", "check", "render"):
        click.echo(f"  govgraph {step} {folder}")
    return 0


def _refuse_used(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise GovgraphError(f"{folder} is a file; give init a new or empty folder")
    if folder.is_dir() and any(folder.iterdir()):
        raise GovgraphError(
            f"{folder} already has files; init only writes into a new or empty folder "
            "(choose another folder, or edit the model that is there)"
        )


def _title_of(folder: Path) -> str:
    words = folder.resolve().name.replace("-", " ").replace("_", " ").split()
    return " ".join(word[:1].upper() + word[1:] for word in words) or "New model"


def _import(ctx: click.Context, folder: Path, title: str, sources: Sequence[Path]) -> None:
    kinds = {IMPORT_COMMANDS.get(path.suffix.lower()) for path in sources}
    if None in kinds or len(kinds) != 1:
        known = ", ".join(f"{ending} ({kind})" for ending, kind in IMPORT_COMMANDS.items())
        raise GovgraphError(
            f"--from takes files of one kind, by their ending: {known}; "
            "for anything else use 'govgraph import' (govgraph import --help)"
        )
    from govgraph.cli.interop import import_group

    (kind,) = kinds
    command = import_group.commands[str(kind)]
    ctx.invoke(command, files=tuple(sources), output=folder, name=title)


def _write_template(folder: Path, title: str) -> None:
    values = {
        "{today}": date.today().isoformat(),
        "{name}": scalar(title),
        "{name} Council": scalar(f"{title} Council"),
        "{name} Council (Full Council)": scalar(f"{title} Council (Full Council)"),
        "{name} Community Safety Partnership": scalar(f"{title} Community Safety Partnership"),
    }
    template = package_files("govgraph") / "templates" / "model"
    texts = {}
    for file in TEMPLATE_FILES:
        text = (template / file).read_text(encoding="utf-8")
        for placeholder in sorted(values, key=len, reverse=True):
            text = text.replace(placeholder, values[placeholder])
        texts[file] = text
    texts[SCHEMA_FILE] = json.dumps(model_file_schema(), indent=2) + "\n"
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}.init-"))
    try:
        for file, text in texts.items():
            (staging / file).write_text(text, encoding="utf-8", newline="\n")
            os.chmod(staging / file, 0o644)
        try:
            load(staging)
        except ModelLoadError as exc:
            raise RuntimeError(f"the starting model does not validate:\n{exc}") from exc
        os.chmod(staging, 0o755)
        if folder.is_dir():
            folder.rmdir()  # empty, as checked
        os.replace(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
