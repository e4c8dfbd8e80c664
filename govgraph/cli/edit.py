"""``govgraph edit``: everyday changes to a model, checked before they are written.

Thin: each subcommand names what to change, :mod:`govgraph.fix.edits` builds
the changes and checks the result (it must load and add no error), and the
diff written is printed. ``--dry-run`` prints the diff and writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import click

from govgraph.cli.options import ISO_DATE, model_argument
from govgraph.fix import edits
from govgraph.fix.changes import Change
from govgraph.model import Model
from govgraph.schema import ROLES

_DRY_RUN = click.option("--dry-run", is_flag=True, help="Print the diff; write nothing.")


@click.group()
def edit() -> None:
    """Everyday edits: end, add, assign, dissolve, reviewed.

    Each edit is checked before it is written (the model must still load, and
    no new error may appear), keeps every other byte of the files as they
    were, and prints the diff it made. Members, bodies and posts are named by
    id, name or title.

    Example: govgraph edit end models/wychavon council/wychavon-dc --on 2026-03-31
    """


def _run(model_dir: Path, build: Callable[[Model], list[Change]], dry_run: bool) -> int:
    space = edits.apply_edit(model_dir, date.today(), build, write=not dry_run)
    shown = space.diff()
    click.echo(shown or "Nothing to change: the model already says so.", nl=not shown)
    if dry_run:
        click.echo("(dry run: nothing written)", err=True)
    return 0


@edit.command("end")
@model_argument
@click.argument("seat", metavar="BODY/MEMBER")
@click.option("--on", "on", type=ISO_DATE, required=True, help="The membership's last day.")
@_DRY_RUN
def end(model_dir: Path, seat: str, on: date, dry_run: bool) -> int:
    """End a membership: write its last day (to:).

    Example: govgraph edit end models/wychavon council/wychavon-dc --on 2026-03-31
    """
    return _run(model_dir, lambda model: edits.end(model, seat, on), dry_run)


@edit.command("add")
@model_argument
@click.argument("body")
@click.argument("member")
@click.option("--role", type=click.Choice(ROLES), default=None, help="The seat's role.")
@click.option("--from", "start", type=ISO_DATE, default=None, help="The first day of the seat.")
@click.option(
    "--on-behalf-of", "behalf", default=None, metavar="ORG", help="The organisation it sits for."
)
@_DRY_RUN
def add(
    model_dir: Path,
    body: str,
    member: str,
    role: str | None,
    start: date | None,
    behalf: str | None,
    dry_run: bool,
) -> int:
    """Add a membership, written in the style of the body's other members.

    Refused when the member already sits on the body on that day.

    Example: govgraph edit add models/wychavon council cllr-a-khan --role chair --from 2026-05-21
    """

    def build(model: Model) -> list[Change]:
        return edits.add(model, body, member, role, start, behalf, date.today())

    return _run(model_dir, build, dry_run)


@edit.command("assign")
@model_argument
@click.argument("post")
@click.argument("person")
@click.option("--from", "start", type=ISO_DATE, required=True, help="The new holder's first day.")
@_DRY_RUN
def assign(model_dir: Path, post: str, person: str, start: date, dry_run: bool) -> int:
    """A new holder of a post; the previous holder's tenure ends the day before.

    Example: govgraph edit assign models/worcestershire dcs helen-ashdown --from 2026-09-01
    """
    return _run(model_dir, lambda model: edits.assign(model, post, person, start), dry_run)


@edit.command("dissolve")
@model_argument
@click.argument("body")
@click.option("--on", "on", type=ISO_DATE, required=True, help="The body's last day.")
@click.option("--successor", default=None, metavar="BODY", help="The body that takes its place.")
@_DRY_RUN
def dissolve(model_dir: Path, body: str, on: date, successor: str | None, dry_run: bool) -> int:
    """Dissolve a body: end its open memberships, move the bodies reporting to it
    to the successor (which records it as its predecessor).

    Example: govgraph edit dissolve models/worcestershire get-safe --on 2026-03-31 --successor wscp
    """
    return _run(model_dir, lambda model: edits.dissolve(model, body, on, successor), dry_run)


@edit.command("reviewed")
@model_argument
@click.argument("seats", metavar="BODY/MEMBER…", nargs=-1, required=True)
@click.option("--on", "on", type=ISO_DATE, required=True, help="The day of the review.")
@_DRY_RUN
def reviewed(model_dir: Path, seats: tuple[str, ...], on: date, dry_run: bool) -> int:
    """Record that memberships were reviewed (govgraph fix never marks a review).

    Example: govgraph edit reviewed models/worcestershire wscp/st-richards-hospice --on 2026-11-20
    """
    return _run(model_dir, lambda model: edits.reviewed(model, list(seats), on), dry_run)
