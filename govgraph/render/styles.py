"""How each kind of node looks: one table, shared by the chart, its legend and the print view.

Colours are light fills with dark borders and black text (readable in print
and in greyscale); the shape differs too, so that colour is never the only
cue. Findings are marked with a thick border (red for errors, dashed amber for
warnings) *and* a text badge in the label.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Style:
    label: str  # plural, for the legend and the filter ("Boards")
    singular: str  # for a tooltip ("Board")
    shape: str  # a vis-network shape
    fill: str
    border: str
    rounded: bool = False

    def as_dict(self) -> dict[str, object]:
        return {
            "label": self.label,
            "singular": self.singular,
            "shape": self.shape,
            "fill": self.fill,
            "border": self.border,
            "rounded": self.rounded,
        }


BODY_STYLES: dict[str, Style] = {
    "council": Style("Councils", "Council", "box", "#c6dbef", "#08519c"),
    "cabinet": Style("Cabinets", "Cabinet", "box", "#dadaeb", "#54278f"),
    "committee": Style("Committees", "Committee", "box", "#c7e9c0", "#006d2c", rounded=True),
    "board": Style("Boards", "Board", "ellipse", "#fdd0a2", "#a63603"),
    "partnership": Style("Partnerships", "Partnership", "ellipse", "#d9f0d3", "#1b7837"),
    "sub-group": Style("Sub-groups", "Sub-group", "box", "#fff3b0", "#7f6000", rounded=True),
    "panel": Style("Panels", "Panel", "box", "#f2d7e6", "#8e0152", rounded=True),
    "forum": Style("Forums", "Forum", "ellipse", "#d1e5f0", "#2166ac"),
    "other": Style("Other bodies", "Other body", "box", "#eeeeee", "#525252", rounded=True),
}

MEMBER_STYLES: dict[str, Style] = {
    "organisation": Style("Organisations", "Organisation", "hexagon", "#9ecae1", "#3182bd"),
    "post": Style("Posts", "Post", "diamond", "#fdae6b", "#d94801"),
    "person": Style("People", "Person", "dot", "#bcbddc", "#6a51a3"),
}

#: How a node with findings is marked, by its worst severity (info is not marked).
MARKS: dict[str, dict[str, object]] = {
    "error": {"border": "#c00000", "width": 4, "dashes": False},
    "warning": {"border": "#b8860b", "width": 4, "dashes": [6, 4]},
}
#: The colour of each kind of link.
LINKS = {"reports": "#404040", "member": "#9a9a9a"}


def style_of(kind: str) -> Style:
    return BODY_STYLES.get(kind) or MEMBER_STYLES.get(kind) or BODY_STYLES["other"]


def look() -> dict[str, object]:
    """The style tables the page's script draws with (kinds, finding marks, link colours)."""
    kinds = {
        kind: style.as_dict() for kind, style in (*BODY_STYLES.items(), *MEMBER_STYLES.items())
    }
    return {"kinds": kinds, "marks": MARKS, "links": LINKS}
