"""The export formats, registered by hand: the keys are ``govgraph export --to`` choices.

Each exporter turns an :class:`~govgraph.interop.view.ExportView` into text
(one file), into ``{file name: text}`` (several files, CSV), or into bytes (a
binary file, xlsx). Exporters only
format: choosing what to export is the view's job.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from govgraph.interop.exporters.csv_tables import to_csv
from govgraph.interop.exporters.dot import to_dot
from govgraph.interop.exporters.graphs import to_gexf, to_graphml
from govgraph.interop.exporters.mermaid import to_mermaid
from govgraph.interop.exporters.popolo import to_popolo
from govgraph.interop.exporters.xlsx import to_xlsx
from govgraph.interop.view import ExportView


@dataclass(frozen=True)
class Exporter:
    """One ``--to`` format: how to write it and what opens it."""

    write: Callable[[ExportView], str | dict[str, str] | bytes]
    suffix: str
    opens_with: str


EXPORTERS: dict[str, Exporter] = {
    "popolo": Exporter(to_popolo, ".json", "any Popolo tool; `govgraph import popolo`"),
    "graphml": Exporter(to_graphml, ".graphml", "yEd, Gephi, Cytoscape, networkx"),
    "gexf": Exporter(to_gexf, ".gexf", "Gephi, networkx"),
    "dot": Exporter(to_dot, ".dot", "Graphviz (`dot -Tsvg`)"),
    "mermaid": Exporter(to_mermaid, ".mmd", "GitHub/GitLab Markdown, mermaid.live"),
    "csv": Exporter(
        to_csv, "", "Excel, LibreOffice, any spreadsheet; `govgraph import spreadsheet`"
    ),
    "xlsx": Exporter(to_xlsx, ".xlsx", "Excel, LibreOffice; `govgraph import spreadsheet`"),
}
