"""A change between two versions of a model (or two dates), as a frozen value.

A change's message is kept as parts, not a finished string, so that names
written by users are shown as ``Name (id)`` in a terminal and escaped for
markdown in a changelog: the same sentence, safe in both.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from govgraph.model import Model

#: The sections of a changelog, in the order a committee reads them.
AREAS = (
    "bodies", "reporting lines", "memberships", "organisations", "posts", "people", "settings",
)  # fmt: skip

#: Whether a kind of change adds (+), takes away (-) or alters (~) something.
SIGNS = {
    "added": "+", "established": "+", "started": "+", "took up": "+",
    "removed": "-", "dissolved": "-", "ended": "-", "left": "-", "stood down": "-",
}  # fmt: skip


@dataclass(frozen=True)
class Named:
    """A reference to an entity inside a message: shown as ``Name (id)``."""

    name: str
    id: str


@dataclass(frozen=True)
class Quote:
    """Free text from the model (an old name, a setting) shown in quotes."""

    text: str


Part = str | Named | Quote


@dataclass(frozen=True)
class Change:
    """One difference: ``area`` (a section of :data:`AREAS`), what happened, to what."""

    area: str
    change: str
    subject: str
    parts: tuple[Part, ...]
    before: Any = field(default=None, compare=False)
    after: Any = field(default=None, compare=False)

    @property
    def sign(self) -> str:
        return SIGNS.get(self.change, "~")

    def text(self) -> str:
        """The message for a terminal or JSON: names as ``Name (id)``."""
        return "".join(_plain(part) for part in self.parts)

    def markdown(self) -> str:
        """The message for a markdown changelog: user text escaped, ids as code."""
        return "".join(_markdown(part) for part in self.parts)

    def as_dict(self) -> dict[str, Any]:
        return {
            "area": self.area,
            "change": self.change,
            "subject": self.subject,
            "message": self.text(),
            "before": self.before,
            "after": self.after,
        }


def sort_key(change: Change) -> tuple[int, str, str, str]:
    return (AREAS.index(change.area), change.subject, change.change, change.text())


def sorted_changes(changes: Iterable[Change]) -> list[Change]:
    return sorted(set(changes), key=sort_key)


def named(model: Model, entity_id: str) -> Named:
    return Named(model.name_of(entity_id), entity_id)


def _plain(part: Part) -> str:
    if isinstance(part, Named):
        return f"{part.name} ({part.id})"
    if isinstance(part, Quote):
        return f"'{part.text}'"
    return part


# Characters that would start emphasis, code, links, headings, tables or strikethrough.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|#~])")


def escape_markdown(text: str) -> str:
    """User text safe to drop into markdown: no emphasis, links, HTML or table breaks.

    >>> escape_markdown("<b>*Board*</b> [1]")
    '&lt;b>\\\\*Board\\\\*&lt;/b> \\\\[1\\\\]'
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace("\n", " ")
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    # A leading - + or "1." would turn the line into a list item.
    text = re.sub(r"^(\d+)\.", r"\1\\.", text)
    return re.sub(r"^([-+])", r"\\\1", text)


def _markdown(part: Part) -> str:
    if isinstance(part, Named):
        return f"{escape_markdown(part.name)} (`{part.id}`)"
    if isinstance(part, Quote):
        return f"“{escape_markdown(part.text)}”"
    return part  # govgraph's own words: dates, roles, frequencies
