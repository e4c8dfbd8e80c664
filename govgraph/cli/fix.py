"""``govgraph fix``: apply the fixes the audit's findings name (see docs/fixing.md).

Thin: parse options, call :func:`govgraph.fix.engine.fix_model`, print the diff
or the summary, write. The exit code: with ``--diff``, 1 when the fixes would
change something (for CI); otherwise 1 when a finding at error severity is
left, as ``govgraph check``.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import click

from govgraph.audit import parse_check_list
from govgraph.cli.options import as_of_option, model_argument, resolve_as_of
from govgraph.findings import Finding, Severity
from govgraph.fix.changes import AddItem, Applicability, Fix, SetKey
from govgraph.fix.engine import Decision, FixRun, fix_model

#: Keys whose values are dates: what --interactive's "edit the value" checks.
DATE_KEYS = ("from", "to", "dissolved", "established", "reviewed", "term_ends", "left")


@click.command()
@model_argument
@as_of_option
@click.option("--select", multiple=True, metavar="CHECK,…", help="Fix only these checks' findings.")
@click.option(
    "--only",
    multiple=True,
    metavar="SUBJECT",
    help="Fix only the findings about this subject: BODY/MEMBER, or a body (and its "
    "memberships); repeatable.",
)
@click.option("--unsafe-fixes", is_flag=True, help="Apply unsafe fixes too (they need judgement).")
@click.option(
    "--diff", "show_diff", is_flag=True, help="Print the changes as a diff; write nothing."
)
@click.option(
    "--interactive",
    "-i",
    is_flag=True,
    help="Show each fix (safe or unsafe) with its diff and ask: yes, no, edit the value, quit.",
)
def fix(
    model_dir: Path,
    as_of: date | None,
    select: tuple[str, ...],
    only: tuple[str, ...],
    unsafe_fixes: bool,
    show_diff: bool,
    interactive: bool,
) -> int:
    """Apply the fixes for what the audit finds, keeping the files as you wrote them.

    Safe fixes (they follow from dates the model already states: a person's
    left date, a body's or organisation's dissolved date) apply by default;
    unsafe ones (a lapsed term: ended or renewed?) only with --unsafe-fixes, or
    one by one with --interactive. Every result must load and add no error, or
    it is refused with the reason. 'govgraph checks CHECK' says what each
    check's fix writes and why it is safe or not.

    Example: govgraph fix models/worcestershire --diff
    """
    on = resolve_as_of(as_of)
    checks = parse_check_list(select)
    decide = _ask if interactive else None
    run = fix_model(model_dir, on, checks, only, unsafe_fixes, decide)
    if show_diff:
        click.echo(run.diff, nl=False)
        click.echo(_summary(run, model_dir, written=False), err=True)
        return 1 if run.changed else 0
    written = run.space.write() if run.changed else []
    click.echo(_summary(run, model_dir, written=bool(written)))
    return 1 if any(f.severity is Severity.ERROR for f, _ in run.left) else 0


def _summary(run: FixRun, model_dir: Path, written: bool) -> str:
    files = run.changed
    verb = "Fixed" if written else "Would fix"
    lines: list[str] = []
    if run.fixed:
        where = f" in {len(files)} file{'s' if len(files) != 1 else ''} ({', '.join(files)})"
        lines.append(f"{verb} {_count(len(run.fixed))}{where}:")
        for finding in run.fixed:
            assert finding.fix is not None
            lines.append(f"  {_where(finding)}: {finding.fix.description}")
    else:
        lines.append("Nothing to fix.")
    if run.left:
        lines.append(f"Left {_count(len(run.left))}:")
        lines.extend(f"  {_where(finding)}: {reason}" for finding, reason in run.left)
    lines.append(_next(run, model_dir, written))
    return "\n".join(lines)


def _next(run: FixRun, model_dir: Path, written: bool) -> str:
    model = str(model_dir)
    unsafe = [
        f for f, _ in run.left if f.fix is not None and f.fix.applicability is Applicability.UNSAFE
    ]
    steps = []
    if run.changed and not written:
        steps.append(f"'govgraph fix {model}' to write these changes")
    if unsafe:
        steps.append(f"'govgraph fix {model} --interactive' to decide the {len(unsafe)} unsafe")
    steps.append(f"'govgraph check {model}' to see what is left")
    return "Next: run " + "; ".join(steps) + "."


def _where(finding: Finding) -> str:
    return f"{finding.file}:{finding.line} [{finding.check}] {finding.subject}"


def _count(number: int) -> str:
    return f"{number} finding{'s' if number != 1 else ''}"


def _ask(finding: Finding, diff: str) -> Decision:
    """``--interactive``: show one finding and its diff, and ask what to do."""
    assert finding.fix is not None
    click.echo(
        f"\n{finding.file}:{finding.line}: {finding.severity.value} [{finding.check}] "
        f"{finding.subject}: {finding.message}"
    )
    click.echo(f"Fix ({finding.fix.applicability.value}): {finding.fix.description}")
    click.echo(diff, nl=False)
    answer = click.prompt(
        "Apply this fix? [y]es, [n]o, [e]dit the value, [q]uit",
        type=click.Choice(["y", "n", "e", "q"]),
        show_choices=False,
    )
    if answer == "e":
        return "edit", _edited(finding.fix)
    return {"y": "yes", "n": "no", "q": "quit"}[answer], None


def _edited(fix: Fix) -> Fix:
    """The fix with each value it writes as the user types it (Enter keeps it)."""
    changes: list[SetKey | AddItem] = []
    for change in fix.changes:
        if isinstance(change, SetKey):
            changes.append(dataclasses.replace(change, value=_value(change.key, change.value)))
        else:
            item = tuple((key, _value(key, value)) for key, value in change.item)
            changes.append(dataclasses.replace(change, item=item))
    return dataclasses.replace(fix, changes=tuple(changes))


def _value(key: str, current: str) -> str:
    while True:
        value: str = click.prompt(f"  {key}", default=current)
        if key not in DATE_KEYS:
            return value
        try:
            date.fromisoformat(value)
        except ValueError:
            click.echo(f"  '{value}' is not a date; write it as YYYY-MM-DD, e.g. {current}")
            continue
        return value
