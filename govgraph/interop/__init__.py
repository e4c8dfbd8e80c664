"""Interoperation: bring data in from what councils already have, hand it on to other tools.

The library calls behind ``govgraph import``, ``export`` and ``schema``::

    from govgraph.interop import import_popolo, write_draft, make_view, EXPORTERS
    draft = import_popolo([Path("council.json")])        # a Draft; draft.skipped lists the rest
    model = write_draft(draft, Path("models/council"))    # tidy YAML, validated, atomic
    text = EXPORTERS["mermaid"].write(make_view(model))   # or popolo, graphml, gexf, dot, csv

Pipeline: ``*_import`` -> :class:`~govgraph.interop.draft.Draft` ->
``yaml_writer`` -> ``files``; and model -> ``view`` -> ``exporters``.
"""

from __future__ import annotations

from govgraph.interop.draft import Draft, Skipped
from govgraph.interop.exporters import EXPORTERS, Exporter
from govgraph.interop.files import write_draft
from govgraph.interop.json_schema import model_file_schema, settings_schema
from govgraph.interop.moderngov_import import import_moderngov
from govgraph.interop.openstates_import import import_openstates
from govgraph.interop.popolo_import import import_popolo
from govgraph.interop.view import ExportView, make_view

__all__ = [
    "EXPORTERS",
    "Draft",
    "ExportView",
    "Exporter",
    "Skipped",
    "import_moderngov",
    "import_openstates",
    "import_popolo",
    "make_view",
    "model_file_schema",
    "settings_schema",
    "write_draft",
]
