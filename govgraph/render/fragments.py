"""The parts of the page written as HTML in Python: the text view, findings list and legend.

They are in the page itself (not built by its script) so that they read, print
and work with a screen reader even with scripts off. Every piece of model text
goes through :func:`html.escape` with quotes escaped, attributes included.
"""

from __future__ import annotations

from html import escape
from typing import Any

from govgraph.render.rows import DEFAULT_ROLE, HOLDER, LINE, MEMBERSHIP, rows_as_dicts
from govgraph.render.styles import style_of

SEVERITY_WORD = {"error": "Error", "warning": "Warning", "info": "Info"}
#: How many bodies each table of a long text view holds (see :func:`table_html`).
ROWS_PER_TABLE = 100
DIRECTION_WORDS = {"both": "both ways", "up": "up only", "down": "down only"}


def text(value: object) -> str:
    """Model text made safe for HTML content and attribute values."""
    return escape(str(value), quote=True)


def legend_html(legend: list[dict[str, Any]]) -> str:
    """One checkbox per kind drawn, with a swatch in the kind's colours: the kind filter."""
    items = []
    for entry in legend:
        kind = text(entry["kind"])
        style = f"background:{entry['fill']};border-color:{entry['border']}"
        rounded = " rounded" if entry["rounded"] else ""
        items.append(
            f'<label class="kind"><input type="checkbox" checked data-kind="{kind}">'
            f'<span class="swatch {text(entry["shape"])}{rounded}" style="{text(style)}"></span>'
            f"{text(entry['label'])} ({entry['count']})</label>"
        )
    return "\n".join(items)


def members_control(members: bool) -> str:
    """The choice of member nodes: none (the default), the selected body's, or all."""
    if not members:
        return (
            '<p class="muted">Members are listed in the details (rendered with --no-members).</p>'
        )
    return (
        '<label for="members-view">Members on the chart</label> <select id="members-view">'
        '<option value="none" selected>none (counted on each box)</option>'
        '<option value="selected">of the selected body</option>'
        '<option value="all">all</option></select>'
    )


def names_of(data: dict[str, Any]) -> dict[str, str]:
    """Every name in the chart data, by id: drawn nodes name themselves, the rest are in names."""
    named = {entity_id: row[0] for entity_id, row in data["names"].items()}
    named.update((node["id"], node["name"]) for node in data["nodes"])
    named.update((node["id"], node["name"]) for node in data["member_nodes"])
    return named


def findings_html(findings: list[dict[str, Any]], names: dict[str, str], as_of: str) -> str:
    """The findings as a list of buttons that focus the body (or member) each is about."""
    if not findings:
        return f'<p class="none">No findings on {text(as_of)}.</p>'
    rows = []
    for index, finding in enumerate(findings):
        severity = text(finding["severity"])
        line = finding.get("line")
        where = f"{finding['file']}:{line}" if line else finding["file"]
        about = finding["subject"].split("/", 1)[0]
        rows.append(
            f'<li class="finding sev-{severity}">'
            f'<button type="button" data-node="{text(finding.get("node", ""))}" '
            f'data-finding="{index}">'
            f'<span class="sev">{text(SEVERITY_WORD.get(finding["severity"], severity))}</span> '
            f'<bdi class="name">{text(names[about])}</bdi> '
            f'<span class="check">{text(finding["check"])}</span></button>'
            f'<p class="message" dir="auto">{text(finding["message"])}</p>'
            f'<p class="where">{text(where)}</p>{_fix_html(finding)}</li>'
        )
    # In lists of ROWS_PER_TABLE that the browser lays out only near the screen, as the
    # text view's tables: the same on each of 40,000 items costs every frame of the chart.
    parts = [
        f'<ol class="findings part" start="{start + 1}">\n'
        + "\n".join(rows[start : start + ROWS_PER_TABLE])
        + "\n</ol>"
        for start in range(0, len(rows), ROWS_PER_TABLE)
    ]
    return "\n".join(parts)


def _fix_html(finding: dict[str, Any]) -> str:
    """The one command that applies a finding's fix, to copy (nothing when it has none)."""
    fix = finding.get("fix")
    if not isinstance(fix, dict) or not fix.get("command"):
        return ""
    label = "Fix" if fix.get("applicability") == "safe" else "Fix (needs judgement)"
    # Each word kept whole, so that a line never breaks inside "--unsafe-fixes" or a path.
    words = " ".join(f"<span>{text(word)}</span>" for word in str(fix["command"]).split(" "))
    return f'<p class="fix">{label}: <code class="fix-command">{words}</code></p>'


def table_html(
    bodies: list[dict[str, Any]], data: dict[str, Any], names: dict[str, str], as_of: str
) -> str:
    """The text view: a row per drawn body, its lines and its members current on ``as_of``.

    A long view is split into tables of :data:`ROWS_PER_TABLE` rows with the same
    fixed columns (they read as one), so that the browser lays out only the parts
    on screen (``content-visibility: auto``) instead of thousands of rows at once.
    """
    members = {body: rows for body, rows in data["memberships"]}
    rows = [_row(body, data, names, members.get(body["id"], []), as_of) for body in bodies]
    head = (
        '<colgroup><col class="c-body"><col class="c-kind"><col class="c-dates">'
        '<col class="c-lines"><col class="c-lines"><col class="c-members"><col class="c-count">'
        '</colgroup><thead><tr><th scope="col">Body</th><th scope="col">Kind</th>'
        '<th scope="col">Dates</th><th scope="col">Reports to</th>'
        '<th scope="col">Receives reports from</th>'
        f'<th scope="col">Members on {text(as_of)}</th><th scope="col">Findings</th></tr></thead>'
    )
    caption = (
        "<caption>Bodies in this chart with their reporting lines and the members current on "
        f"{text(as_of)}. Use “Show on chart” to select a body in the chart.</caption>"
    )
    parts = []
    for start in range(0, max(len(rows), 1), ROWS_PER_TABLE):
        part = rows[start : start + ROWS_PER_TABLE]
        label = "" if not start else f' aria-label="Bodies {start + 1} to {start + len(part)}"'
        parts.append(
            f'<div class="part"><table class="bodies"{label}>{caption if not start else ""}{head}'
            "<tbody>\n" + "\n".join(part) + "\n</tbody></table></div>"
        )
    return (
        '<div class="table-wrap" tabindex="0" role="region" aria-labelledby="text-heading">'
        + "\n".join(parts)
        + "</div>"
    )


def _row(
    node: dict[str, Any],
    data: dict[str, Any],
    names: dict[str, str],
    members: list[list[Any]],
    as_of: str,
) -> str:
    body_id = node["id"]
    body = data["details"][body_id]
    start, end = node.get("start", ""), node.get("end", "")
    dates = f"{start or '…'} to {end or 'now'}" if start or end else "—"
    name, node_id = text(node["name"]), text(body_id)
    current = "" if _current(start, end, as_of) else ' class="not-current"'
    # Open dates are left out: the page reads a missing data-start/-end as open.
    span = (f' data-start="{text(start)}"' if start else "") + (
        f' data-end="{text(end)}"' if end else ""
    )
    return (
        f'<tr data-node="{node_id}"{span}{current}>'
        f'<th scope="row"><bdi class="name">{name}</bdi> <span class="id">({node_id})</span> '
        f'<button type="button" class="show" data-node="{node_id}" '
        f'aria-label="Show {name} on the chart">Show on chart</button></th>'
        f'<td data-label="Kind">{text(style_of(node["kind"]).singular)}'
        f"{' (root)' if body.get('root') else ''}</td>"
        f'<td data-label="Dates">{text(dates)}</td>'
        f'<td data-label="Reports to">{_lines(body.get("reports_to", []), names)}</td>'
        f'<td data-label="Receives reports from">{_lines(body.get("reported_by", []), names)}</td>'
        f'<td data-label="Members on {text(as_of)}">'
        f"{_members(rows_as_dicts(members, MEMBERSHIP), data, names, as_of)}</td>"
        f'<td data-label="Findings">{len(body.get("findings", [])) or "—"}</td></tr>'
    )


def _lines(rows: list[list[Any]], names: dict[str, str]) -> str:
    if not rows:
        return "—"
    items = []
    for line in rows_as_dicts(rows, LINE):
        facts = [DIRECTION_WORDS[line.get("direction", "both")]]
        if line.get("frequency"):
            facts.append(line["frequency"])
        if line.get("last_reported"):
            facts.append(f"last reported {line['last_reported']}")
        items.append(f"<li><bdi>{text(names[line['body']])}</bdi> ({text(', '.join(facts))})</li>")
    return "<ul>" + "".join(items) + "</ul>"


def _members(
    members: list[dict[str, Any]], data: dict[str, Any], names: dict[str, str], as_of: str
) -> str:
    holders = data["holders"]
    current = [m for m in members if _current(m.get("from"), m.get("to"), as_of)]
    items = []
    for m in current:
        span = f"from {m['from']}" if m.get("from") else "no start date"
        if m.get("to"):
            span += f" to {m['to']}"
        held = [
            names[h["person"]]
            for h in rows_as_dicts(holders.get(m["member"], []), HOLDER)
            if _current(h.get("from"), h.get("to"), as_of)
        ]
        who = f"<bdi>{text(names[m['member']])}</bdi>"
        if held:
            who += f" (held by <bdi>{text(', '.join(held))}</bdi>)"
        if m.get("on_behalf_of"):
            who += f" on behalf of <bdi>{text(names[m['on_behalf_of']])}</bdi>"
        items.append(f"<li>{who}: {text(m.get('role', DEFAULT_ROLE))}, {text(span)}</li>")
    others = len(members) - len(current)
    listing = "<ul>" + "".join(items) + "</ul>" if items else "none"
    if others:
        listing += f'<p class="others">{others} other membership{"s" if others != 1 else ""} '
        listing += "not current on this date</p>"
    return listing


def _current(start: str | None, end: str | None, day: str) -> bool:
    # ISO dates compare as text; the same inclusive rule as govgraph.dates.is_current.
    return (not start or start <= day) and (not end or end >= day)
