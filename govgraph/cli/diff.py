"""``govgraph diff``: what changed between two versions of a model, or two dates."""

from __future__ import annotations

from datetime import date

import click

from govgraph.cli.options import ISO_DATE
from govgraph.diff import diff_dates, diff_versions
from govgraph.diff.leave_out import AREA_NAMES, parse_areas, parse_fields
from govgraph.diff.report import FORMATS
from govgraph.errors import GovgraphError


@click.command()
@click.argument("sides", nargs=-1, metavar="OLD NEW | MODEL")
@click.option(
    "--as-of",
    "dates",
    type=ISO_DATE,
    multiple=True,
    help="Give twice with one MODEL to compare what was current on the two dates.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(list(FORMATS)),
    default="text",
    show_default=True,
    help="text for a terminal, json for programs, markdown for a committee report.",
)
@click.option(
    "--ignore-fields",
    "ignore_fields",
    metavar="FIELDS",
    default="",
    help="Leave these fields out of the comparison, comma-separated, e.g. note,reviewed,ignore "
    "(what an import cannot know; see docs/import-moderngov.md).",
)
@click.option(
    "--only",
    "only",
    metavar="AREAS",
    default="",
    help=f"Report only these areas, comma-separated: {', '.join(AREA_NAMES)}.",
)
@click.option(
    "--exit-code",
    is_flag=True,
    help="Exit 1 when there are changes (as git diff --exit-code), 0 when there are none.",
)
def diff(
    sides: tuple[str, ...],
    dates: tuple[date, ...],
    output_format: str,
    ignore_fields: str,
    only: str,
    exit_code: bool,
) -> int:
    """Compare two versions of a model, or one model at two dates.

    Each of OLD and NEW is a model folder, or a git revision of one written
    REV:PATH (HEAD~3:models/worcestershire; PATH from the top of the
    repository, or ./PATH from the current folder). Reports bodies added,
    removed, renamed, established and dissolved; reporting lines added,
    removed and changed; memberships started, ended and changed role;
    organisations, posts, people and settings changed.

    With one MODEL and --as-of A --as-of B it compares what was current on
    the two dates instead.

    --ignore-fields leaves out what one side cannot know (a model imported
    from ModernGov has no notes, review dates or waivers); --only reports
    some areas (memberships,people).

    Exit 0 on success whatever the changes (1 with --exit-code when there
    are changes), 2 when a side cannot be read.

    Examples:

      govgraph diff HEAD~3:models/worcestershire models/worcestershire --format markdown

      govgraph diff --as-of 2022-04-01 --as-of 2023-04-01 models/worcestershire

      govgraph diff models/council /tmp/today --ignore-fields note,reviewed,ignore,from
    """
    fields, areas = parse_fields(ignore_fields), parse_areas(only)
    if dates:
        if len(dates) != 2 or len(sides) != 1:
            raise GovgraphError(
                "to compare two dates give one MODEL and --as-of twice, e.g. "
                "govgraph diff --as-of 2022-04-01 --as-of 2023-04-01 models/worcestershire"
            )
        if fields:
            raise GovgraphError(
                "--ignore-fields compares two versions; with --as-of the dates decide what "
                "was current and no field is compared (narrow the report with --only)"
            )
        result = diff_dates(sides[0], dates[0], dates[1], areas)
    elif len(sides) == 2:
        result = diff_versions(sides[0], sides[1], fields, areas)
    else:
        raise GovgraphError(
            "give two models to compare (OLD NEW: folders or REV:path), or one MODEL "
            "with --as-of twice; see govgraph diff -h"
        )
    click.echo(FORMATS[output_format](result), nl=False)
    return 1 if exit_code and result.changes else 0
