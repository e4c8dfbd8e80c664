"""Graphviz DOT: ``dot -Tsvg chart.dot > chart.svg`` draws the structure.

Every id and label is a quoted DOT string with ``\\`` and ``"`` escaped and
line breaks written as ``\\n``, so any name (quotes, backslashes, braces,
non-ASCII) is safe. Bodies are boxes (a root has a double border), organisations
ellipses, posts notes, people plain text; reporting lines run child -> parent
with arrows both ways unless the line is one-way, memberships are dashed grey
arrows labelled with the role. Ended things (dissolved bodies, memberships
with an end date) are dotted.
"""

from __future__ import annotations

from govgraph.interop.view import ExportView

SHAPES = {
    "body": 'shape=box, style="rounded,filled", fillcolor="#dbeafe"',
    "organisation": 'shape=ellipse, style=filled, fillcolor="#fef3c7"',
    "post": 'shape=note, style=filled, fillcolor="#dcfce7"',
    "person": "shape=plaintext",
}


#: Graphviz refuses a quoted string longer than 16,384 bytes: longer text is written as
#: pieces joined with DOT's ``+`` (at most 1,000 characters, 8,000 bytes escaped, each).
_PIECE = 1000
#: Labels longer than this are cut short (with …); the full text goes in the tooltip.
LABEL_LIMIT = 120


def quote(text: str) -> str:
    r"""``text`` as a DOT quoted string, safe in ids and labels, however long.

    >>> print(quote('Say "hi" \\ bye\nnow'))
    "Say \"hi\" \\ bye\nnow"
    """
    cleaned = "".join(ch if ch >= " " or ch == "\n" else " " for ch in text)
    pieces = [cleaned[i : i + _PIECE] for i in range(0, len(cleaned), _PIECE)] or [""]
    return " + ".join(f'"{_escape(piece)}"' for piece in pieces)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def short(text: str, limit: int = LABEL_LIMIT) -> str:
    """``text`` cut to ``limit`` characters, ending with … when it was longer.

    >>> short("Health and Wellbeing Board", 12)
    'Health and…'
    """
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def to_dot(view: ExportView) -> str:
    title = view.model.name + (f" on {view.as_of.isoformat()}" if view.as_of else "")
    lines = [
        f"digraph {quote(view.model.name)} {{",
        f"  graph [rankdir=BT, label={quote(short(title))}, labelloc=t, fontname=Helvetica];",
        "  node [fontname=Helvetica, fontsize=11];",
        "  edge [fontname=Helvetica, fontsize=9];",
    ]
    for kind, entity in view.entities():
        label = entity.name
        short_name = getattr(entity, "short_name", None)
        if short_name:
            label = f"{entity.name}\n({short_name})"
        attributes = [f"label={quote(short(label))}", SHAPES[kind]]
        if len(label) > LABEL_LIMIT:
            attributes.append(f"tooltip={quote(label)}")
        if kind == "body" and getattr(entity, "root", False):
            attributes.append("peripheries=2")
        if getattr(entity, "end", None) is not None:
            attributes.append("color=gray50, fontcolor=gray30, penwidth=1, style=dotted")
        lines.append(f"  {quote(entity.id)} [{', '.join(attributes)}];")
    for body, _, line in view.reporting_lines:
        attributes = [{"both": "dir=both", "up": "dir=forward", "down": "dir=back"}[line.direction]]
        if line.frequency:
            attributes.append(f"label={quote(short(line.frequency))}")
        lines.append(f"  {quote(body.id)} -> {quote(line.body)} [{', '.join(attributes)}];")
    for body, _, membership in view.memberships:
        attributes = ["style=dashed", "color=gray40", "arrowsize=0.6"]
        if membership.role != "member":
            attributes.append(f"label={quote(short(membership.role))}")
        if membership.end is not None:
            attributes[0] = "style=dotted"
        lines.append(f"  {quote(membership.member)} -> {quote(body.id)} [{', '.join(attributes)}];")
    for post, _, holding in view.holdings:
        lines.append(
            f"  {quote(holding.person)} -> {quote(post.id)} [style=dotted, arrowhead=none];"
        )
    ids = view.ids
    for post in view.posts:  # a post belongs to its organisation: without this line it floats
        if post.organisation in ids:
            link = 'style=dotted, arrowhead=none, label="post of"'
            lines.append(f"  {quote(post.id)} -> {quote(post.organisation)} [{link}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
