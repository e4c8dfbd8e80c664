"""Build the static audit pack: plan the pages, then write them into a folder.

The folder is only ever replaced when it is new, empty, or was made by an
earlier ``govgraph build`` (its :data:`MARKER` records each file that build
wrote, with a digest); ``force`` builds into any folder. The pages are written
beside the folder and swapped in whole (see :mod:`govgraph.site.folder`), and
only files the previous build wrote, unchanged since, are dropped; everything
else in the folder is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import networkx as nx

from govgraph.audit import AuditResult
from govgraph.explore import seats_report, show_body
from govgraph.graph import model_of
from govgraph.render import render_chart
from govgraph.site.entities import body_page, member_page
from govgraph.site.folder import MARKER, SiteFolder
from govgraph.site.html import Html, page
from govgraph.site.overview import index_page, matrix_page
from govgraph.site.parts import FOLDERS


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
    pages = plan_pages(graph, result)
    folder = SiteFolder(out, force, planned=(each.path for each in pages))
    try:
        for each in progress(pages):
            folder.write(each.path, each.render())
        folder.finish()
    except BaseException:
        folder.abandon()
        raise
    return list(folder.written)


__all__ = ["MARKER", "Page", "build_site", "plan_pages"]
