"""Mermaid flowchart: GitHub draws it inside a ```mermaid block in any Markdown file.

Node ids are made from model ids (``n_`` + the id with ``-`` as ``_``), which
keeps clear of Mermaid's keywords (``end``) and link syntax (``o``/``x``
after a dash). Labels are always quoted, and the characters Mermaid would
read as syntax are written as its entity codes (``#quot;``, ``#91;`` …).
"""

from __future__ import annotations

import json

from govgraph.interop.exporters.dot import LABEL_LIMIT, short
from govgraph.interop.view import ExportView
from govgraph.safetext import json_text, visible

SHAPES = {
    "body": ('["', '"]'),
    "organisation": ('(["', '"])'),
    "post": ('[["', '"]]'),
    "person": ('("', '")'),
}
STYLES = {
    "body": "fill:#dbeafe,stroke:#1e3a8a,color:#0f172a",
    "organisation": "fill:#fef3c7,stroke:#92400e,color:#0f172a",
    "post": "fill:#dcfce7,stroke:#166534,color:#0f172a",
    "person": "fill:#f1f5f9,stroke:#475569,color:#0f172a",
    "ended": "stroke-dasharray:4 3,color:#64748b",
}
#: Characters escaped in labels, ``#`` first so that codes are not escaped again.
_CODES = (
    ("#", "#35;"), ('"', "#quot;"), ("[", "#91;"), ("]", "#93;"), ("{", "#123;"),
    ("}", "#125;"), ("(", "#40;"), (")", "#41;"), ("<", "#lt;"), (">", "#gt;"),
    ("|", "#124;"), ("`", "#96;"),
)  # fmt: skip


def label(text: str) -> str:
    """``text`` made safe inside a quoted Mermaid label.

    >>> label('Board "A" [old] #2')
    'Board #quot;A#quot; #91;old#93; #35;2'
    """
    text = visible(" ".join(text.split()))
    for char, code in _CODES:
        text = text.replace(char, code)
    return text


def node_id(entity_id: str) -> str:
    return "n_" + entity_id.replace("-", "_")


def to_mermaid(view: ExportView) -> str:
    title = view.model.name + (f" on {view.as_of.isoformat()}" if view.as_of else "")
    lines = ["---", f"title: {json_text(json.dumps(title, ensure_ascii=False))}", "---"]
    lines.append("flowchart BT")
    classes: dict[str, list[str]] = {kind: [] for kind in STYLES}
    for kind, entity in view.entities():
        opening, closing = SHAPES[kind]
        name = label(entity.name)
        if len(name) > LABEL_LIMIT:  # cut short on the chart; the whole name in a comment
            lines.append(f"  %% {node_id(entity.id)}: {name}")
            name = short(name)
        lines.append(f"  {node_id(entity.id)}{opening}{name}{closing}")
        classes[kind].append(node_id(entity.id))
        if getattr(entity, "end", None) is not None:
            classes["ended"].append(node_id(entity.id))
    for body, _, line in view.reporting_lines:
        child, parent = node_id(body.id), node_id(line.body)
        text = f'|"{short(label(line.frequency))}"|' if line.frequency else ""
        if line.direction == "both":
            lines.append(f"  {child} <-->{text} {parent}")
        elif line.direction == "up":
            lines.append(f"  {child} -->{text} {parent}")
        else:
            lines.append(f"  {parent} -->{text} {child}")
    for body, _, membership in view.memberships:
        text = f'|"{short(label(membership.role))}"|' if membership.role != "member" else ""
        lines.append(f"  {node_id(membership.member)} -.->{text} {node_id(body.id)}")
    for post, _, holding in view.holdings:
        lines.append(f"  {node_id(holding.person)} --- {node_id(post.id)}")
    ids = view.ids
    for post in view.posts:  # a post belongs to its organisation: without this line it floats
        if post.organisation in ids:
            lines.append(f'  {node_id(post.id)} ---|"post of"| {node_id(post.organisation)}')
    for kind, style in STYLES.items():
        lines.append(f"  classDef {kind} {style}")
    for kind, members in classes.items():
        if members:
            lines.append(f"  class {','.join(members)} {kind}")
    return "\n".join(lines) + "\n"
