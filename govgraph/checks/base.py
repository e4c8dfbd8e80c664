"""What a check receives and what it yields.

A check is a module with ``SLUG``, ``SEVERITY`` (the default), ``SUMMARY`` (one
line for ``govgraph checks``), a docstring that documents it with a passing
and a failing example, and a pure function ``check(context)`` that yields
:class:`Problem` values. The engine (:mod:`govgraph.audit`) turns problems into
findings: it stamps the slug and the configured severity and applies ignores.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Protocol

import networkx as nx

from govgraph.findings import Severity
from govgraph.graph import current_roots, hierarchy
from govgraph.model import Model
from govgraph.schema import Ignorable, Located, Settings


@dataclass(frozen=True)
class Problem:
    """One thing a check found, before the engine stamps it into a Finding.

    ``where`` is the mapping to point the user at (its file and line);
    ``waivable`` are the things whose ``ignore`` entries may accept it (the
    membership and its body, say), searched in order.
    """

    subject: str
    message: str
    where: Located
    waivable: tuple[Ignorable, ...] = field(default=())


@dataclass
class Context:
    """Everything a check may look at: the model, its graph and the as-of date."""

    model: Model
    graph: nx.MultiDiGraph
    on: date

    @property
    def settings(self) -> Settings:
        return self.model.settings

    @cached_property
    def hierarchy(self) -> nx.DiGraph:
        """Child -> parent reporting lines between bodies current on the date."""
        return hierarchy(self.graph, self.on)

    @cached_property
    def roots(self) -> set[str]:
        """Root bodies current on the date."""
        return current_roots(self.graph, self.on)


class Check(Protocol):
    """The shape of a check module (for typing the registry)."""

    SLUG: str
    SEVERITY: Severity
    SUMMARY: str
    __doc__: str | None

    def check(self, context: Context) -> Iterator[Problem]: ...
