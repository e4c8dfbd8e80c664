"""Compare two versions of a model, or one model at two dates.

``compare_models(old, new)`` compares what is written down (a body added,
renamed, dissolved; a member who joined or changed role; a setting changed);
``compare_states(graph, a, b)`` compares what was current on two dates. Both
give sorted :class:`Change` values; :mod:`govgraph.diff.report` prints them as
text, JSON or a markdown changelog.
"""

from __future__ import annotations

from govgraph.diff.changes import AREAS, Change
from govgraph.diff.report import DiffResult, diff_dates, diff_versions
from govgraph.diff.sources import open_model
from govgraph.diff.states import compare_states
from govgraph.diff.versions import compare_models

__all__ = [
    "AREAS",
    "Change",
    "DiffResult",
    "compare_models",
    "compare_states",
    "diff_dates",
    "diff_versions",
    "open_model",
]
