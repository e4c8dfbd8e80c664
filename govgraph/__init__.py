"""govgraph: declare a governance structure in YAML, audit it and chart it.

The library API, usable without the command line::

    import govgraph
    model = govgraph.load("models/worcestershire")
    graph = govgraph.build_graph(model)
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from govgraph.errors import GovgraphError, LoadProblem, ModelLoadError
from govgraph.graph import build_graph
from govgraph.loader import load
from govgraph.model import Model

try:
    __version__ = version("govgraph")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "GovgraphError",
    "LoadProblem",
    "Model",
    "ModelLoadError",
    "__version__",
    "build_graph",
    "load",
]
