"""Write model sections as tidy, commented YAML that an officer can maintain by hand.

PyYAML's dumper cannot write comments and orders keys alphabetically, so the
few shapes the format uses are written here by hand:

* a header comment saying where the file came from and that it may be edited;
* one entity per block, a blank line between entities, keys in FORMAT.md order;
* the source's own id as a comment beside each id, and notes above an entity;
* short nested entries (members, holders, reporting lines) as one-line
  ``{key: value}`` mappings when they fit in :data:`WIDTH` columns.

Every scalar is written plain when the govgraph loader reads it back as the
same value, and double-quoted otherwise (JSON escapes are valid YAML).
"""

from __future__ import annotations

import json
import re
import textwrap
from datetime import date
from functools import lru_cache
from typing import Any

from govgraph.interop.draft import Draft
from govgraph.yamlread import YAMLProblem, parse_yaml

WIDTH = 100
INDENT = "  "


@lru_cache(maxsize=8192)
def _plain_reads_back(text: str, flow: bool) -> bool:
    document = f"k: {{a: {text}}}\n" if flow else f"k: {text}\n"
    try:
        data = parse_yaml(document)
    except YAMLProblem:
        return False
    value = data.get("k") if isinstance(data, dict) else None
    if flow:
        value = value.get("a") if isinstance(value, dict) else None
    return value == text


def scalar(value: Any, flow: bool = False) -> str:
    """One YAML scalar, plain where that reads back the same, else double-quoted.

    >>> scalar("Health and Wellbeing Board"), scalar("yes"), scalar("a: b"), scalar(True)
    ('Health and Wellbeing Board', '"yes"', '"a: b"', 'true')
    >>> scalar("Audit, Risk", flow=True), scalar(date(2019, 1, 1))
    ('"Audit, Risk"', '2019-01-01')
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    if text and "\n" not in text and text == text.strip() and _plain_reads_back(text, flow):
        return text
    return _UNSAFE.sub(_escape, json.dumps(text, ensure_ascii=False))


# Characters YAML does not allow raw in a file, or reads as line breaks inside
# a quoted scalar (NEL, LS, PS), or may drop (a BOM): written as \u escapes.
_UNSAFE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\x85\u2028\u2029\ufeff]"
)


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def _flow_mapping(item: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{key}: {_flow_value(value)}" for key, value in item.items()) + "}"


def _flow_value(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_flow_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return _flow_mapping(value)
    return scalar(value, flow=True)


def _value_lines(key: str, value: Any, indent: str) -> list[str]:
    """``key: value`` at ``indent``, over as many lines as the value needs."""
    if isinstance(value, list) and not value:
        return [f"{indent}{key}: []"]
    if isinstance(value, list) and all(not isinstance(v, dict | list) for v in value):
        return [f"{indent}{key}: {_flow_value(value)}"]
    if isinstance(value, list):
        lines = [f"{indent}{key}:"]
        for item in value:
            lines.extend(_list_item(item, indent + INDENT))
        return lines
    if isinstance(value, dict):
        lines = [f"{indent}{key}:"]
        for sub_key, sub_value in value.items():
            lines.extend(_value_lines(sub_key, sub_value, indent + INDENT))
        return lines
    return [f"{indent}{key}: {scalar(value)}"]


def _list_item(item: Any, indent: str) -> list[str]:
    if not isinstance(item, dict):
        return [f"{indent}- {_flow_value(item)}"]
    one_line = f"{indent}- {_flow_mapping(item)}"
    if len(one_line) <= WIDTH:
        return [one_line]
    return _block_item(item, indent)


def _block_item(item: dict[str, Any], indent: str, id_comment: str | None = None) -> list[str]:
    """A mapping as a block list item: ``- key: value`` then aligned ``key: value`` lines."""
    inner = indent + INDENT
    lines: list[str] = []
    for position, (key, value) in enumerate(item.items()):
        first, *rest = _value_lines(key, value, inner)
        if position == 0:
            first = f"{indent}- {first[len(inner) :]}"
            if id_comment:
                first += f"  # {id_comment}"
        lines.append(first)
        lines.extend(rest)
    return lines


def _comment_text(text: str) -> str:
    """Text safe in a ``#`` comment: one line, only characters YAML allows."""
    return " ".join(_UNSAFE.sub(" ", text).split())


def _comment_lines(text: str, indent: str) -> list[str]:
    width = WIDTH - len(indent) - 2
    return [f"{indent}# {line}" for line in textwrap.wrap(_comment_text(text), width)]


def header_lines(draft: Draft, what: str) -> list[str]:
    first = f"{what}, imported by govgraph from {draft.source}: {', '.join(draft.files)}"
    return [
        *_comment_lines(first, ""),
        "# This file is yours now: edit it by hand (dates are YYYY-MM-DD; see docs/FORMAT.md)",
        "# and run `govgraph validate` on the folder after each change.",
    ]


def render_section(draft: Draft, section: str) -> str:
    """The text of one section's file: header, notes, then every entity."""
    lines = header_lines(draft, section.capitalize())
    for note in draft.section_notes.get(section, ()):
        lines.extend(_comment_lines(note, ""))
    entities = draft.section(section)
    if not entities:
        lines.append(f"{section}: []  # none found in the source")
        return "\n".join(lines) + "\n"
    lines.append("")
    lines.append(f"{section}:")
    for number, entity in enumerate(entities):
        if number:
            lines.append("")
        entity_id = str(entity.get("id", ""))
        for note in draft.comments.get(entity_id, ()):
            lines.extend(_comment_lines(note, INDENT))
        origin = draft.origins.get(entity_id)
        lines.extend(_block_item(entity, INDENT, _comment_text(origin) if origin else None))
    return "\n".join(lines) + "\n"


def render_settings(draft: Draft, name: str) -> str:
    """``govgraph.yaml``: the model's name, with the other settings shown commented out."""
    return "\n".join(
        [
            *header_lines(draft, "Settings"),
            "",
            f"name: {scalar(name)}",
            "# review_interval_months: 12   # how often memberships should be reviewed",
            "# large_membership: 25         # above this a body is flagged as unwieldy",
            "# many_roles: 5                # a member on more current bodies is flagged",
            "",
        ]
    )
