"""Pieces every page of the audit pack uses: links to entities, tables, findings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from govgraph.explore.text import dates as date_span
from govgraph.site.html import Html, esc, fmt, join, link, tag

Data = dict[str, Any]

#: The folder of the pack holding each kind of entity's pages.
FOLDERS = {"body": "bodies", "organisation": "organisations", "post": "posts", "person": "people"}


def href(kind: str | None, entity_id: str, root: str) -> str:
    """The relative address of an entity's page from a page ``root`` below the top."""
    return f"{root}{FOLDERS[kind or 'body']}/{entity_id}.html"


def ref_link(entry: Data, root: str) -> Html:
    """A link to the page of an ``{"id", "name", "kind"}`` reference."""
    if entry.get("kind") not in FOLDERS:
        return esc(entry.get("name") or entry["id"])
    return link(href(entry["kind"], entry["id"], root), entry["name"])


def table(
    headers: Sequence[str], rows: Iterable[Sequence[object]], class_: str | None = None
) -> Html:
    head = tag("tr", join(tag("th", h, scope="col") for h in headers))
    body = join(tag("tr", join(tag("td", cell) for cell in row)) for row in rows)
    return tag("table", Html(f"<thead>{head}</thead><tbody>{body}</tbody>"), class_=class_)


def facts(pairs: Iterable[tuple[str, object]]) -> Html:
    """A definition list of the pairs whose value is not empty."""
    items = join(
        tag("dt", name) + tag("dd", value) for name, value in pairs if value not in (None, "", [])
    )
    return tag("dl", items, class_="facts")


def section(title: str, content: object, id_: str | None = None) -> Html:
    return tag("h2", title, id=id_) + esc(content)


def none(text: str = "None.") -> Html:
    return tag("p", text, class_="muted")


def dates(entry: Data, start: str = "from", end: str = "to") -> str:
    """As ``show`` words them (``since 2019-09-29``), or a dash in a table cell."""
    return date_span(entry, start, end) or "–"


def severity(value: str) -> Html:
    return tag("span", value, class_=f"sev-{value}")


def subject_links(
    subject: str, model_kinds: dict[str, str], root: str, names: dict[str, str]
) -> Html:
    """A finding's subject (``body`` or ``body/member``) as links to their pages."""
    parts = []
    for part in subject.split("/"):
        kind = model_kinds.get(part)
        if kind is None:
            parts.append(esc(part))
        else:
            parts.append(link(href(kind, part, root), names.get(part, part)))
    return join(parts, " / ")


def findings_table(
    findings: list[Data], root: str, kinds: dict[str, str], names: dict[str, str]
) -> Html:
    if not findings:
        return none("No findings.")
    rows = [
        (
            severity(f["severity"]),
            tag("code", f["check"]),
            subject_links(f["subject"], kinds, root, names),
            _with_fix(f),
            fmt("{}:{}", f["file"], f["line"]) if f["file"] else "",
        )
        for f in findings
    ]
    return table(("Severity", "Check", "About", "Finding", "Where"), rows)


def _with_fix(finding: Data) -> Html:
    """The finding's message and, when it has a fix, the one command that applies it."""
    fix = finding.get("fix")
    if not fix:
        return esc(finding["message"])
    label = "Fix" if fix["applicability"] == "safe" else "Fix (needs judgement)"
    # Each word kept whole, so that a line never breaks inside "--only" or a path.
    words = join([tag("span", word) for word in str(fix["command"]).split(" ")], " ")
    command = tag("code", words, class_="fix-command")
    return esc(finding["message"]) + tag("div", esc(f"{label}: ") + command, class_="muted")


def also_known(names: list[str] | None) -> Html:
    """`` (also: HWBB; Health & Wellbeing Board)`` after a name, so that a reader's
    find-in-page finds an entity by its other names; nothing when it has none."""
    if not names:
        return Html("")
    return Html(" ") + tag("span", f"(also: {'; '.join(names)})", class_="muted")


def on_behalf_cell(entry: Data, root: str) -> Html:
    """The organisation a seat is held for, linked, or a dash."""
    behalf = entry.get("on_behalf_of")
    return ref_link(behalf, root) if behalf else esc("–")


def tree(rows: list[Data], root: str) -> Html:
    """Nested lists from rows in reading order, each with a ``depth`` one more than its parent's."""
    if not rows:
        return Html("")

    def build(index: int, depth: int) -> tuple[Html, int]:
        items = []
        while index < len(rows) and rows[index]["depth"] == depth:
            row = rows[index]
            index += 1
            below = Html("")
            if index < len(rows) and rows[index]["depth"] > depth:
                below, index = build(index, depth + 1)
            items.append(
                tag("li", ref_link(row, root) + also_known(row.get("other_names")) + below)
            )
        return tag("ul", join(items), class_="tree"), index

    return build(0, rows[0]["depth"])[0]
