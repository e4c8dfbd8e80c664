"""``govgraph check`` (audit a model) and ``govgraph checks`` (list the checks).

Thin: parse options, call :func:`govgraph.loader.load` and
:func:`govgraph.audit.audit`, hand the result to the reporter chosen by
``--format``. Imports nothing for charts, so it stays fast as a pre-commit hook.
"""

from __future__ import annotations

import inspect
import os
import sys
from datetime import date
from pathlib import Path

import click

from govgraph.audit import audit, parse_check_list, severity_of
from govgraph.checks import CHECKS
from govgraph.cli.options import as_of_option, model_argument, resolve_as_of
from govgraph.cli.selection import selected_bodies, selection_option
from govgraph.errors import GovgraphError, LoadProblem, ModelLoadError
from govgraph.explain import suggest
from govgraph.graph import build_graph
from govgraph.loader import load
from govgraph.model import Model
from govgraph.packs.describe import describe_packs
from govgraph.reporters import REPORTERS, LoadFailure, Reporter, ReportOptions
from govgraph.safetext import visible_lines

EXIT_INVALID = 2


@click.command()
@model_argument
@as_of_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(list(REPORTERS)),
    default="text",
    show_default=True,
    help="text for a terminal, json for tools, github for workflow annotations, "
    "sarif for code scanning, markdown for committee papers.",
)
@click.option("--strict", is_flag=True, help="Fail (exit 1) on warnings too, not only errors.")
@click.option(
    "--select",
    multiple=True,
    metavar="CHECK,…",
    help="Run only these checks (comma-separated or repeated).",
)
@click.option(
    "--ignore",
    "skip",
    multiple=True,
    metavar="CHECK,…",
    help="Do not run these checks (comma-separated or repeated).",
)
@selection_option
@click.option(
    "--show-ignored",
    is_flag=True,
    help="Also list findings accepted by ignore: entries in the model, with their reasons.",
)
def check(
    model_dir: Path,
    as_of: date | None,
    output_format: str,
    strict: bool,
    select: tuple[str, ...],
    skip: tuple[str, ...],
    bodies: str | None,
    show_ignored: bool,
) -> int:
    """Audit a model: run every check on it as it stood on a date.

    Findings are listed by file and line. Exit 0 when no finding is an error
    (with --strict, no warning either), 1 when there is one, 2 when the model
    cannot be loaded (the load errors are then the output). Settings in
    govgraph.yaml change severities (checks: {one-way-reporting: info}) and
    thresholds; ignore: entries in the model accept known findings.

    --bodies narrows the findings to some bodies and their memberships (the
    checks still see the whole model, so a missing member is still missing).

    Example: govgraph check models/worcestershire --as-of 2023-07-07
    """
    on = resolve_as_of(as_of)
    chosen, skipped = parse_check_list(select), parse_check_list(skip)
    reporter = REPORTERS[output_format]
    try:
        model = load(model_dir)
    except ModelLoadError as exc:
        return _cannot_load(reporter, LoadFailure(model_dir, on, tuple(exc.problems)), exc)
    except GovgraphError as exc:
        # Not a model at all (no such folder, no YAML): still answer in the chosen format.
        failure = LoadFailure(model_dir, on, (LoadProblem("", 0, 0, str(exc)),))
        return _cannot_load(reporter, failure, exc)
    result = audit(model, on=on, select=chosen, ignore=skipped)
    # The graph is only needed to resolve --bodies (4 s and 1 GB at national scale).
    selected = None if bodies is None else selected_bodies(build_graph(model), bodies, on)
    if selected is not None:
        result = result.within(selected, f"{len(selected)} of {len(model.bodies)} bodies selected")
    color = output_format == "text" and use_colour()
    options = ReportOptions(show_ignored=show_ignored, color=color)
    click.echo(reporter.report(result, options), nl=False, color=color)
    return result.exit_code(strict)


def _cannot_load(reporter: Reporter, failure: LoadFailure, exc: GovgraphError) -> int:
    output = reporter.report_load_errors(failure)
    if output is None:
        raise exc  # the CLI's one error handler prints it on stderr and exits 2
    click.echo(output, nl=False)
    return EXIT_INVALID


def use_colour() -> bool:
    """Colour only for a terminal, and never when NO_COLOR is set (no-color.org)."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


@click.command()
@click.argument("slug", metavar="[CHECK]", required=False)
@click.option(
    "--model",
    "model_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Also show the severity each check runs at in this model (from govgraph.yaml).",
)
@click.option(
    "--packs",
    "show_packs",
    is_flag=True,
    help="List the statutory packs and their dated provisions instead (with --model, "
    "the model's own packs too), and the register of national reorganisations.",
)
def checks(slug: str | None, model_dir: Path | None, show_packs: bool) -> int:
    """List every check: its slug, default severity and what it finds.

    Give a CHECK to read its full documentation, with a passing and a failing
    example and how to fix what it finds.

    Example: govgraph checks --model models/worcestershire
    """
    if slug is not None:
        if slug not in CHECKS:
            raise GovgraphError(
                f"there is no check '{slug}'{suggest(slug, list(CHECKS))}; "
                "run 'govgraph checks' for the list"
            )
        click.echo(inspect.cleandoc(CHECKS[slug].__doc__ or CHECKS[slug].SUMMARY))
        return 0
    model = load(model_dir) if model_dir is not None else None
    if show_packs:
        click.echo(visible_lines(describe_packs(model)))
        return 0
    click.echo(_table(model))
    return 0


def _table(model: Model | None) -> str:
    width = max(len(slug) for slug in CHECKS)
    header = ["CHECK".ljust(width), "DEFAULT".ljust(8)]
    if model is not None:
        header.append("IN MODEL".ljust(8))
    rows = ["  ".join([*header, "FINDS"])]
    for slug, module in CHECKS.items():
        cells = [slug.ljust(width), module.SEVERITY.value.ljust(8)]
        if model is not None:
            configured = severity_of(model, slug)
            cells.append((configured.value if configured else "off").ljust(8))
        rows.append("  ".join([*cells, module.SUMMARY]))
    rows.append("")
    rows.append("Run 'govgraph checks CHECK' to read a check's documentation and examples.")
    return "\n".join(rows)
