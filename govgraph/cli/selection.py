"""``--bodies EXPR``: the body selection option that render, check and export share.

The expression syntax is :mod:`govgraph.select` (dbt-style: ``+hwb``, ``hwb+2``,
``kind:panel``, ``member:wcc``, spaces for "or", commas for "and"). The option
is called ``--bodies`` because ``check --select`` already chooses checks.

Use it as a decorator and turn the value into ids with :func:`selected_bodies`::

    @click.command()
    @model_argument
    @selection_option
    def render(model_dir, bodies): ...
        chosen = selected_bodies(graph, bodies, on)   # None when not given
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import click
import networkx as nx

from govgraph.select import select_bodies

F = TypeVar("F", bound=Callable[..., Any])

SELECTION_HELP = (
    "Only these bodies: an id or name (hwb), +hwb (it and its chain up), hwb+ "
    "(it and all below), hwb+2 / 2+hwb (two levels down / up), kind:KIND, "
    "member:ID (where it sits); a space means 'or', a comma 'and'. "
    "Example: --bodies 'hwb+,kind:sub-group'"
)


def selection_option(function: F) -> F:
    """Add ``--bodies EXPR`` (passed to the command as ``bodies: str | None``)."""
    return click.option(
        "--bodies",
        "bodies",
        metavar="EXPR",
        default=None,
        help=SELECTION_HELP,
    )(function)


def selected_bodies(graph: nx.MultiDiGraph, expression: str | None, on: date) -> set[str] | None:
    """The selected body ids, or None when no ``--bodies`` was given (meaning all)."""
    if expression is None:
        return None
    return select_bodies(graph, expression, on)
