"""Reporters: turn an audit result into text, one per ``--format`` choice.

Registered here by hand; the keys are the ``--format`` choices of
``govgraph check``. Every reporter is a module with ``report(result, options)``
and ``report_load_errors(failure)`` (see :mod:`govgraph.reporters.base`).
"""

from __future__ import annotations

from govgraph.reporters import github, json, markdown, sarif, text
from govgraph.reporters.base import LoadFailure, Reporter, ReportOptions

REPORTERS: dict[str, Reporter] = {
    "text": text,
    "json": json,
    "github": github,
    "sarif": sarif,
    "markdown": markdown,
}

__all__ = ["REPORTERS", "LoadFailure", "ReportOptions", "Reporter"]
