"""The reference pages made from govgraph itself, so that they cannot drift:
docs/cli.md from every command's ``--help`` and docs/checks.md from each check's
documentation. A test compares both with what is on disk.

Regenerate them with ``python -m govgraph.cli.reference``.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from govgraph.checks import CHECKS

#: The width help is laid out at in the reference (a terminal's is used on screen).
WIDTH = 100
DOCS = Path(__file__).resolve().parent.parent.parent / "docs"
#: How help is laid out, whatever the terminal and whatever ran before.
_LAYOUT: dict[str, Any] = {
    "terminal_width": WIDTH,
    "max_content_width": WIDTH,
    "help_option_names": ["-h", "--help"],
}


def cli_reference() -> str:
    """Every command's help, in the order ``govgraph --help`` lists them."""
    from govgraph.cli import cli

    parts = [
        "# Command reference",
        "",
        "Every command's `--help`, as govgraph prints it. This page is generated "
        "(`python -m govgraph.cli.reference`), and a test fails when it differs from the "
        "commands.",
        "",
    ]
    root = click.Context(cli, info_name="govgraph", **_LAYOUT)
    for path, command in _commands(root, cli):
        ctx = click.Context(command, info_name=path, **_LAYOUT)
        parts += [f"## `{path}`", "", "```", command.get_help(ctx).rstrip(), "```", ""]
    return "\n".join(parts)


def _commands(ctx: click.Context, group: click.Command) -> Iterator[tuple[str, click.Command]]:
    yield ctx.command_path, group
    if isinstance(group, click.Group):
        for name in group.list_commands(ctx):
            sub = group.get_command(ctx, name)
            if sub is not None:
                child = click.Context(sub, info_name=name, parent=ctx)
                yield from _commands(child, sub)


def checks_reference() -> str:
    """Each check's documentation (what ``govgraph checks CHECK`` prints), as Markdown."""
    parts = [
        "# The checks",
        "",
        "What each check finds, its default severity, when it stays silent, examples that "
        "pass and fail, and how to fix what it finds. This page is generated from the checks "
        "themselves (`python -m govgraph.cli.reference`); `govgraph checks CHECK` prints the "
        "same text.",
        "",
        "| check | default | finds |",
        "|---|---|---|",
    ]
    parts += [
        f"| [`{slug}`](#{slug}) | {module.SEVERITY.value} | {module.SUMMARY} |"
        for slug, module in CHECKS.items()
    ]
    for slug, module in CHECKS.items():
        doc = inspect.cleandoc(module.__doc__ or module.SUMMARY)
        title, _, rest = doc.partition("\n")
        parts += ["", f"## {slug}", "", f"Default severity: {module.SEVERITY.value}.", ""]
        summary = title.split(":", 1)[-1].strip()
        parts.append(_markdown(summary[:1].upper() + summary[1:] + "\n" + rest))
    return "\n".join(parts) + "\n"


def _markdown(text: str) -> str:
    """The checks' reStructuredText-like docstrings as Markdown: ``code`` and ``::`` blocks."""
    out: list[str] = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.rstrip().endswith("::"):
            out.append(_inline(line.rstrip()[:-1]))
            block, index = [], index + 1
            while index < len(lines) and (not lines[index].strip() or lines[index][:1] == " "):
                block.append(lines[index][4:])
                index += 1
            while block and not block[-1].strip():
                block.pop()
            while block and not block[0].strip():
                block.pop(0)
            out += ["", "```yaml", *block, "```", ""]
            continue
        out.append(_inline(line))
        index += 1
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip()


def _inline(line: str) -> str:
    return re.sub(r"``([^`]+)``", r"`\1`", line)


def write() -> None:
    (DOCS / "cli.md").write_text(cli_reference(), encoding="utf-8")
    (DOCS / "checks.md").write_text(checks_reference(), encoding="utf-8")


if __name__ == "__main__":
    write()
