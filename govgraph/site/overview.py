"""The pack's top pages: the summary with the findings report, and the membership matrix."""

from __future__ import annotations

from datetime import date
from typing import Any

import networkx as nx

from govgraph.audit import AuditResult
from govgraph.dates import is_current
from govgraph.explore import sub_body_tree
from govgraph.graph import current_members, current_roots, model_of, reporting_chains
from govgraph.render.svg import render_svg
from govgraph.render.view import choose_view
from govgraph.site.html import Html, join, link, tag
from govgraph.site.parts import findings_table, href, none, section, severity, table, tree

Data = dict[str, Any]
ROLE_MARK = {
    "chair": "C", "vice-chair": "VC", "member": "M", "adviser": "A",
    "observer": "O", "substitute": "S",
}  # fmt: skip


def index_page(
    graph: nx.MultiDiGraph, result: AuditResult, kinds: dict[str, str], names: dict[str, str]
) -> Html:
    """The summary: counts, the structure as a tree, every member, and the findings."""
    model, on = model_of(graph), result.as_of
    findings = [f.as_dict() for f in result.findings]
    parts = [
        tag("h1", model.name),
        tag(
            "p",
            join(
                [
                    f"The governance structure as it stood on {on}. ",
                    link("chart.html", "Open the interactive chart"),
                    " or scan the ",
                    link("matrix.html", "membership matrix"),
                    ".",
                ]
            ),
        ),
        section("Summary", _summary(graph, result)),
        section("Chart", _chart(graph, result), id_="chart"),
        section("Structure", _structure(graph, on)),
        section("Organisations, posts and people", _members_lists(graph)),
        section(f"Findings ({len(findings)})", _findings(result, kinds, names), id_="findings"),
    ]
    return join(parts, "\n")


def _chart(graph: nx.MultiDiGraph, result: AuditResult) -> Html:
    """The chart as inline SVG (it prints with the page); each body links to its page."""
    view = choose_view(graph)
    svg = render_svg(result, view.bodies, href=lambda body: href("body", body, ""))
    # The SVG is built from escaped parts by govgraph.render.svg; only its XML declaration
    # is dropped, which HTML does not allow.
    figure = Html(svg.split("\n", 1)[1])
    note = (
        "Each box is a body on this date, with its current members and the findings about "
        "it; select one for its page."
    )
    if view.partial:
        note += f" The chart shows {view.description}; the interactive chart shows more."
    return tag("figure", figure + tag("figcaption", note), class_="chart")


def _summary(graph: nx.MultiDiGraph, result: AuditResult) -> Html:
    model, on = model_of(graph), result.as_of
    current = [b for b in model.bodies.values() if is_current(b, on)]
    seats = sum(len(current_members(graph, b.id, on)) for b in current)
    rows = [
        ("Bodies", f"{len(current)} current of {len(model.bodies)} in the model"),
        ("Organisations", len(model.organisations)),
        ("Posts", len(model.posts)),
        ("People", len(model.people)),
        ("Current memberships", seats),
        (
            "Findings",
            join(
                (severity(s) + f" {n}" for s, n in result.counts.items()),
                " · ",
            ),
        ),
    ]
    return table(("", "On this date"), rows)


def _structure(graph: nx.MultiDiGraph, on: date) -> Html:
    model = model_of(graph)
    roots = sorted(current_roots(graph, on), key=model.name_of)
    rows: list[Data] = []
    for root in roots:
        rows.append({"id": root, "name": model.name_of(root), "kind": "body", "depth": 1})
        rows += [{**r, "depth": r["depth"] + 1} for r in sub_body_tree(graph, root, on)]
    parts = [tree(rows, "") or none("No current root body.")]
    unconnected = [
        b
        for b in model.bodies.values()
        if is_current(b, on) and not b.root and not reporting_chains(graph, b.id, on)
    ]
    if unconnected:
        parts.append(tag("h3", "Current bodies that reach no root"))
        parts.append(tag("ul", join(tag("li", _body_link(b.id, b.name)) for b in unconnected)))
    gone = [b for b in model.bodies.values() if not is_current(b, on)]
    if gone:
        parts.append(tag("h3", f"Bodies not current on {on}"))
        parts.append(tag("ul", join(tag("li", _body_link(b.id, b.name)) for b in gone)))
    return join(parts)


def _body_link(body_id: str, name: str) -> Html:
    return link(href("body", body_id, ""), name)


def _members_lists(graph: nx.MultiDiGraph) -> Html:
    model = model_of(graph)
    groups: tuple[tuple[str, str, list[str]], ...] = (
        ("Organisations", "organisation", list(model.organisations)),
        ("Posts", "post", list(model.posts)),
        ("People", "person", list(model.people)),
    )
    parts = []
    for title, kind, ids in groups:
        if not ids:
            continue
        ids.sort(key=lambda i: model.name_of(i).casefold())
        parts.append(tag("h3", title))
        parts.append(
            tag("ul", join(tag("li", link(href(kind, i, ""), model.name_of(i))) for i in ids))
        )
    return join(parts) or none("The model has no organisations, posts or people.")


def _findings(result: AuditResult, kinds: dict[str, str], names: dict[str, str]) -> Html:
    parts = [findings_table([f.as_dict() for f in result.findings], "", kinds, names)]
    if result.waived:
        rows = [
            (w.finding.check, w.finding.subject, w.finding.message, w.reason) for w in result.waived
        ]
        parts.append(tag("h3", f"Accepted findings ({len(result.waived)})"))
        parts.append(table(("Check", "About", "Finding", "Reason given"), rows))
    return join(parts)


# --- the membership matrix -----------------------------------------------------------------


def matrix_page(graph: nx.MultiDiGraph, on: date) -> Html:
    """Bodies down, organisations across; a cell says who sits there and in what role.

    A post's seat is shown under the organisation the post belongs to (with the
    post named), so "where does the county council sit?" is one column. Members
    with no organisation (people, posts without one) get columns of their own.
    """
    model = model_of(graph)
    bodies = sorted((b for b in model.bodies.values() if is_current(b, on)), key=lambda b: b.name)
    cells: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for body in bodies:
        for seat in current_members(graph, body.id, on):
            column = _column_of(model, seat.member)
            mark = ROLE_MARK[seat.membership.role]
            via = "" if column == seat.member else f"via {model.name_of(seat.member)}"
            cells.setdefault((body.id, column), []).append((mark, via))
    columns = sorted(
        {c for _, c in cells},
        key=lambda c: (model.kind_of(c) != "organisation", model.name_of(c).casefold()),
    )
    if not bodies or not columns:
        return tag("h1", "Membership matrix") + none(f"No current memberships on {on}.")
    head = tag("th", "Body", class_="row") + join(
        tag("th", link(href(model.kind_of(c), c, ""), model.name_of(c)), class_="col", scope="col")
        for c in columns
    )
    rows = [tag("tr", _matrix_row(body.id, body.name, columns, cells)) for body in bodies]
    key = ", ".join(f"{mark} {role}" for role, mark in ROLE_MARK.items())
    return join(
        [
            tag("h1", "Membership matrix"),
            tag(
                "p",
                f"Who sits on which body on {on}. Key: {key}. A post's seat is counted under "
                "its organisation; point at a cell to see the posts.",
            ),
            tag(
                "div",
                tag(
                    "table",
                    Html(f"<thead><tr>{head}</tr></thead><tbody>{join(rows)}</tbody>"),
                    class_="matrix",
                ),
                class_="matrix-wrap",
            ),
        ],
        "\n",
    )


def _column_of(model: Any, member: str) -> str:
    post = model.posts.get(member)
    return post.organisation if post is not None and post.organisation else member


def _matrix_row(
    body_id: str,
    name: str,
    columns: list[str],
    cells: dict[tuple[str, str], list[tuple[str, str]]],
) -> Html:
    row = tag("th", link(href("body", body_id, ""), name), class_="row", scope="row")
    for column in columns:
        seats = cells.get((body_id, column), [])
        if not seats:
            row += tag("td", "")
            continue
        # Compact enough to scan ("C, 3 M"); the posts are in the tooltip and on the pages.
        marks = [mark for mark, _ in seats]
        counts = [(m, marks.count(m)) for m in ROLE_MARK.values() if m in marks]
        text = ", ".join(mark if n == 1 else f"{n} {mark}" for mark, n in counts)
        detail = "; ".join(f"{mark} {via}".strip() for mark, via in seats)
        chair = ROLE_MARK["chair"] in marks
        row += tag("td", text, class_="seat-chair" if chair else "seat", title=detail)
    return row
