"""Build the static audit pack: plan the pages, then write them into a folder.

The folder is only ever written when it is new, empty, or was made by an
earlier ``govgraph build`` (it holds :data:`MARKER`, which lists the files that
build wrote); ``force`` writes into any folder. Each file is written to a
temporary name and moved into place, and files an earlier build wrote that
this one does not (a body since removed) are deleted; nothing else is touched.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import networkx as nx

from govgraph.atomic import write_text
from govgraph.audit import AuditResult
from govgraph.errors import GovgraphError
from govgraph.explore import seats_report, show_body
from govgraph.graph import model_of
from govgraph.render import render_chart
from govgraph.site.entities import body_page, member_page
from govgraph.site.html import GENERATOR, Html, page
from govgraph.site.overview import index_page, matrix_page
from govgraph.site.parts import FOLDERS

MARKER = ".govgraph-site.json"


@dataclass(frozen=True)
class Page:
    """One file of the pack: its path inside the pack and how to make its text."""

    path: str
    render: Callable[[], str]


def plan_pages(graph: nx.MultiDiGraph, result: AuditResult) -> list[Page]:
    """Every page of the pack for ``result`` (the audit on its as-of date)."""
    model, on = model_of(graph), result.as_of
    kinds = {entity_id: model.kind_of(entity_id) or "" for entity_id in model.ids()}
    names = {entity_id: model.name_of(entity_id) for entity_id in model.ids()}
    iso_day = on.isoformat()

    def whole(title: str, root: str, content: Callable[[], Html]) -> Callable[[], str]:
        return lambda: page(title, content(), root=root, model=model.name, as_of=iso_day)

    pages = [
        Page("index.html", whole("Summary", "", lambda: index_page(graph, result, kinds, names))),
        Page("matrix.html", whole("Membership matrix", "", lambda: matrix_page(graph, on))),
    ]
    pages.append(Page("chart.html", lambda: render_chart(result, graph, title=model.name)))
    for body in model.bodies.values():
        pages.append(
            Page(
                f"{FOLDERS['body']}/{body.id}.html",
                whole(body.name, "../", _body(graph, body.id, on, result, kinds, names)),
            )
        )
    for kind, table in (
        ("organisation", model.organisations),
        ("post", model.posts),
        ("person", model.people),
    ):
        for entity_id, entity in table.items():
            pages.append(
                Page(
                    f"{FOLDERS[kind]}/{entity_id}.html",
                    whole(entity.name, "../", _member(graph, entity_id, on, result, kinds, names)),
                )
            )
    return pages


def _body(
    graph: nx.MultiDiGraph,
    body_id: str,
    on: date,
    result: AuditResult,
    kinds: dict[str, str],
    names: dict[str, str],
) -> Callable[[], Html]:
    return lambda: body_page(show_body(graph, body_id, on, result), kinds, names)


def _member(
    graph: nx.MultiDiGraph,
    member: str,
    on: date,
    result: AuditResult,
    kinds: dict[str, str],
    names: dict[str, str],
) -> Callable[[], Html]:
    def render() -> Html:
        about = [
            f.as_dict()
            for f in result.findings
            if f.subject == member or f.subject.endswith("/" + member)
        ]
        data = seats_report(graph, member, on)
        return member_page(model_of(graph), data, about, kinds, names)

    return render


# --- writing the folder ---------------------------------------------------------------------


class SiteFolder:
    """The output folder: refuses a folder it did not make, writes atomically, tidies up."""

    def __init__(self, root: Path, force: bool = False) -> None:
        self.root = root
        self.previous = self._check(force)
        self.written: list[str] = []

    def _check(self, force: bool) -> set[str]:
        root = self.root
        if root.exists() and not root.is_dir():
            raise GovgraphError(f"{root} is a file; give a folder for the site (-o FOLDER)")
        marker = root / MARKER
        if marker.is_file():
            try:
                return set(json.loads(marker.read_text(encoding="utf-8")).get("files", []))
            except (ValueError, AttributeError):
                return set()
        if root.exists() and any(root.iterdir()) and not force:
            raise GovgraphError(
                f"{root} is not empty and was not made by govgraph build; choose a new or "
                "empty folder, or add --force to write the site into it anyway"
            )
        return set()

    def write(self, path: str, text: str) -> None:
        write_text(self.root / path, text)
        self.written.append(path)

    def finish(self) -> list[str]:
        """Remove pages an earlier build wrote and this one did not; record this build."""
        stale = sorted(self.previous - set(self.written))
        for path in stale:
            target = (self.root / path).resolve()
            # Only files inside the pack, as listed by our own marker, are ever deleted.
            if self.root.resolve() in target.parents and target.is_file():
                target.unlink()
        record = {"generator": GENERATOR, "files": sorted(self.written)}
        self.write(MARKER, json.dumps(record, indent=1) + "\n")
        self.written.remove(MARKER)
        return stale


def build_site(
    graph: nx.MultiDiGraph,
    result: AuditResult,
    out: Path,
    *,
    force: bool = False,
    progress: Callable[[Iterable[Page]], Iterable[Page]] = lambda pages: pages,
) -> list[str]:
    """Write the pack for ``result`` into ``out``; return the files written (relative).

    ``progress`` wraps the list of pages (the CLI passes a progress bar).
    """
    folder = SiteFolder(out, force)
    for each in progress(plan_pages(graph, result)):
        folder.write(each.path, each.render())
    folder.finish()
    return folder.written
