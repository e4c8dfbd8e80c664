"""Changes -> text edits at the positions of the file's own YAML nodes.

Every byte the change does not concern stays as the officer wrote it: the file
is composed (not constructed) by PyYAML, which gives each node's exact span;
the mapping a change names is found again at the line the loader recorded
(and checked by its ``id`` / ``member`` / ``person`` / ``body``), and the edit
replaces one scalar, or inserts one key or one list item in the style of the
mapping or list it joins: ``, to: 2025-05-01`` inside a flow ``{…}``, a new
line at the keys' indentation in a block mapping. A key that only comes from
a ``<<`` merge is written explicitly in the mapping (which overrides the
merge) and the anchored mapping is never touched; a mapping that is itself
used again through an alias is refused, since editing it would change every
place it is used. docs/fixing.md explains the choice of text edits over a
round-trip YAML library.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from govgraph.errors import GovgraphError
from govgraph.fix.changes import AddItem, Change, SetKey
from govgraph.schema import Placed, yaml_keys

MERGE = "tag:yaml.org,2002:merge"
#: The key that names each kind of mapping, checked to be sure the right one is edited.
_IDENTITY = ("id", "member", "person", "body")
_PLAIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._/()-]*$")
#: Plain words YAML would read as something else (``true``/``false`` are written as booleans).
_SPECIAL = {"null", "~", "yes", "no", "on", "off", "y", "n"}


class EditRefused(GovgraphError):
    """A change that cannot be written safely into the file as it stands."""


@dataclass(frozen=True, order=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement`` (``start == end``: insert)."""

    start: int
    end: int
    replacement: str


class Document:
    """One model file's text, composed once, for finding the mappings to edit."""

    def __init__(self, file: str, text: str) -> None:
        self.file = file
        self.text = text
        self.newline = "\r\n" if "\r\n" in text else "\n"
        try:
            root = yaml.compose(text, Loader=yaml.SafeLoader)  # Python marks: character indices
        except yaml.YAMLError as exc:
            raise EditRefused(f"{file}: the file cannot be read as YAML ({exc})") from None
        self._at: dict[int, list[MappingNode]] = {}
        self._uses: dict[int, int] = {}
        if root is not None:
            self._index(root)

    def _index(self, root: Node) -> None:
        """Each line's mappings, outermost first, and how often each node is used (aliases)."""
        stack = [root]
        while stack:
            node = stack.pop()
            self._uses[id(node)] = self._uses.get(id(node), 0) + 1
            if self._uses[id(node)] > 1:
                continue  # an alias: its children are counted once, where it is written
            if isinstance(node, MappingNode):
                self._at.setdefault(node.start_mark.line + 1, []).append(node)
                children = [child for pair in node.value for child in pair]
            elif isinstance(node, SequenceNode):
                children = list(node.value)
            else:
                continue
            stack.extend(reversed(children))  # pre-order: the outermost first

    def mapping(self, thing: Placed, subject: str) -> MappingNode:
        """The mapping node ``thing`` was loaded from (refused when it is shared)."""
        line = thing.line
        node = next((n for n in self._at.get(line, ()) if _same_identity(n, thing)), None)
        if node is None:
            raise EditRefused(
                f"{self.file}:{line}: {subject} is not where govgraph read it; "
                "the file may have changed, run the command again"
            )
        if self._uses.get(id(node), 0) > 1:
            raise EditRefused(
                f"{self.file}:{line}: {subject} is written once and used again through an "
                "alias, so changing it would change every place it is used; write it out "
                "where it is used, then run the command again"
            )
        return node

    # --- the edits --------------------------------------------------------------------

    def edits(self, change: Change) -> list[Edit]:
        if isinstance(change, SetKey):
            return [self._set(change)]
        return [self._add(change)]

    def _set(self, change: SetKey) -> Edit:
        node = self.mapping(change.target, change.subject)
        pairs = _explicit(node)
        written = _format(change.value)
        if change.key in pairs:
            value = pairs[change.key][1]
            if not isinstance(value, ScalarNode) or self._uses.get(id(value), 0) > 1:
                raise EditRefused(
                    f"{self.file}:{value.start_mark.line + 1}: {change.key} of {change.subject} "
                    "is not a plain value here; change it by hand"
                )
            if value.style in ("'", '"'):
                written = _quote(change.value, value.style)
            return Edit(value.start_mark.index, value.end_mark.index, written)
        return self._insert(node, change.key, written, type(change.target))

    def _insert(self, node: MappingNode, key: str, written: str, schema: type) -> Edit:
        """``key: written`` added to ``node`` after the keys that come before it."""
        pairs = list(_explicit(node).items())
        if not pairs:
            raise EditRefused(f"{self.file}:{node.start_mark.line + 1}: the mapping is empty")
        order = yaml_keys(schema)
        rank = {name: index for index, name in enumerate(order)}
        mine = rank.get(key, len(order))
        before = [pair for pair in pairs if rank.get(pair[0], len(order)) < mine]
        if node.flow_style:
            if before:
                at = _end(before[-1][1][1]).index
                return Edit(at, at, f", {key}: {written}")
            first = pairs[0][1][0].start_mark.index
            return Edit(first, first, f"{key}: {written}, ")
        after_key, after_value = (before or pairs)[-1][1]
        indent = " " * after_key.start_mark.column
        first, *rest = written.split("\n")
        head = f"{indent}{key}:" + (f" {first}" if first else "")
        block = self.newline.join([head, *(f"{indent}{line}" for line in rest)])
        end = _end(after_value)
        if end.column == 0:  # a block scalar ends at the start of the next line
            return Edit(end.index, end.index, block + self.newline)
        at = self._line_end(end.index)
        return Edit(at, at, self.newline + block)

    def _add(self, change: AddItem) -> Edit:
        node = self.mapping(change.owner, change.subject)
        pairs = _explicit(node)
        item = change.item
        if change.key not in pairs:
            if node.flow_style:
                return self._insert(node, change.key, f"[{_flow(item)}]", type(change.owner))
            nested = f"\n  - {_flow(item)}"  # a new list under its key, items indented by two
            return self._insert(node, change.key, nested, type(change.owner))
        items = pairs[change.key][1]
        if not isinstance(items, SequenceNode):
            raise EditRefused(
                f"{self.file}:{items.start_mark.line + 1}: {change.key} of {change.subject} "
                f"is not a list; write it as {change.key}: [] and run the command again"
            )
        if items.flow_style:
            if not items.value:  # members: []
                return Edit(items.start_mark.index, items.end_mark.index, f"[{_flow(item)}]")
            last_end = _end(items.value[-1]).index
            return Edit(last_end, last_end, f", {_flow(item)}")
        last = items.value[-1]
        dash = " " * items.start_mark.column
        if isinstance(last, MappingNode) and not last.flow_style:
            key_indent = " " * (last.start_mark.column - items.start_mark.column - 2)
            lines = [f"{key}: {_format(value)}" for key, value in item]
            rendered = (self.newline + dash + "  " + key_indent).join(lines)
        else:
            rendered = _flow(item)
        end = _end(last)
        if end.column == 0:
            return Edit(end.index, end.index, f"{dash}- {rendered}{self.newline}")
        at = self._line_end(end.index)
        return Edit(at, at, f"{self.newline}{dash}- {rendered}")

    def _line_end(self, index: int) -> int:
        """Where the line holding ``index`` ends (before its newline), comments included."""
        at = self.text.find("\n", index)
        if at == -1:
            return len(self.text)
        return at - 1 if at > 0 and self.text[at - 1] == "\r" else at


def apply(text: str, edits: list[Edit]) -> str:
    """``text`` with ``edits`` made (they must not overlap: see :func:`overlapping`)."""
    for edit in sorted(edits, reverse=True):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text


def overlapping(edits: list[Edit]) -> bool:
    """Whether any two edits touch the same text (two inserts at one place count)."""
    ordered = sorted(edits)
    return any(
        later.start < earlier.end or later.start == earlier.start
        for earlier, later in zip(ordered, ordered[1:], strict=False)
    )


def _explicit(node: MappingNode) -> dict[str, tuple[Node, Node]]:
    """The keys written in ``node`` itself (not those a ``<<`` merge brings in)."""
    return {
        str(key.value): (key, value)
        for key, value in node.value
        if isinstance(key, ScalarNode) and key.tag != MERGE
    }


def _merged(node: MappingNode) -> Iterator[MappingNode]:
    for key, value in node.value:
        if isinstance(key, ScalarNode) and key.tag == MERGE:
            yield from (value.value if isinstance(value, SequenceNode) else [value])


def _same_identity(node: MappingNode, thing: Placed) -> bool:
    """Whether ``node`` is ``thing``'s mapping: its identifying key has ``thing``'s value."""
    for key in _IDENTITY:
        expected = getattr(thing, key, None)
        if isinstance(expected, str):
            return _value_of(node, key) == expected
    return True


def _value_of(node: MappingNode, key: str) -> str | None:
    pair = _explicit(node).get(key)
    if pair is not None:
        return str(pair[1].value) if isinstance(pair[1], ScalarNode) else None
    for merged in _merged(node):
        if isinstance(merged, MappingNode) and (found := _value_of(merged, key)) is not None:
            return found
    return None


def _end(node: Node) -> yaml.Mark:
    """Where ``node``'s own text ends: a block collection ends with its last value."""
    if isinstance(node, ScalarNode) or getattr(node, "flow_style", False) or not node.value:
        return node.end_mark
    last = node.value[-1]
    return _end(last[1] if isinstance(last, tuple) else last)


def _format(value: str) -> str:
    """``value`` as YAML: plain when it reads back as the same string, else quoted."""
    if _PLAIN.match(value) and value.casefold() not in _SPECIAL and ": " not in value:
        return value
    return json.dumps(value, ensure_ascii=False)


def _quote(value: str, style: str) -> str:
    if style == "'":
        return "'" + value.replace("'", "''") + "'"
    return json.dumps(value, ensure_ascii=False)


def _flow(item: tuple[tuple[str, str], ...]) -> str:
    return "{" + ", ".join(f"{key}: {_format(value)}" for key, value in item) + "}"
