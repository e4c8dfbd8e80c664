"""Reading Popolo JSON files: strict about shape, tolerant about content.

A file that is not JSON, or whose sections are not lists of objects, is
refused with one line naming the file (and line, for JSON syntax). Within the
right shape anything goes: extra keys, members and posts given inline inside
their person or organization, the same entity in several files.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govgraph.errors import GovgraphError
from govgraph.interop.draft import Skipped
from govgraph.limits import read_input

SECTIONS = ("organizations", "persons", "posts", "memberships")


@dataclass
class PopoloData:
    """Every file's entities merged: entities by their Popolo id, memberships in order."""

    organizations: dict[str, dict[str, Any]] = field(default_factory=dict)
    persons: dict[str, dict[str, Any]] = field(default_factory=dict)
    posts: dict[str, dict[str, Any]] = field(default_factory=dict)
    memberships: list[dict[str, Any]] = field(default_factory=list)


def load_json(path: Path) -> Any:
    """The JSON in ``path``; a one-line :class:`GovgraphError` when it is not JSON."""
    raw = read_input(path)  # a regular file within the size limit, or a one-line error
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise GovgraphError(f"{path}:{line}: not UTF-8 text; Popolo JSON is UTF-8") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise GovgraphError(
            f"{path}:{exc.lineno}:{exc.colno}: not valid JSON ({exc.msg}); "
            "is this the Popolo file you meant?"
        ) from None
    except RecursionError:
        raise GovgraphError(f"{path}: the JSON is nested too deeply to read") from None
    except ValueError:  # a number past Python's 4,300 digits
        raise GovgraphError(
            f"{path}{_line_of_long_number(text)}: a number too long to read (over 4,300 "
            "digits); put it in quotes if it is text"
        ) from None


def read_popolo(paths: Iterable[Path], skipped: Skipped) -> PopoloData:
    """Read and merge Popolo files; what has no place in the model goes to ``skipped``."""
    data = PopoloData()
    for path in paths:
        document = load_json(path)
        if not isinstance(document, dict):
            raise GovgraphError(
                f"{path}: expected a Popolo JSON object with "
                f"{', '.join(SECTIONS)}; found {_kind(document)}"
            )
        if not any(key in document for key in SECTIONS):
            raise GovgraphError(
                f"{path}: no {', '.join(SECTIONS)} here; is this a Popolo file? "
                f"(its keys: {', '.join(sorted(map(str, document))[:8]) or 'none'})"
            )
        for key in document:
            if key not in SECTIONS:
                skipped.add("top-level section with no place in the model", f"{path.name}:{key}")
        for org in _objects(document, "organizations", path):
            _inline(org, "memberships", "organization_id", data, path)
            for post in _nested(org, "posts", path):
                post.setdefault("organization_id", org.get("id"))
                _add(data.posts, post, "post", path, skipped)
            _add(data.organizations, org, "organization", path, skipped)
        for person in _objects(document, "persons", path):
            _inline(person, "memberships", "person_id", data, path)
            _add(data.persons, person, "person", path, skipped)
        for post in _objects(document, "posts", path):
            _add(data.posts, post, "post", path, skipped)
        for membership in _objects(document, "memberships", path):
            _membership(membership, data, path, skipped)
    return data


def _kind(value: Any) -> str:
    names = {list: "a list", str: "text", int: "a number", float: "a number", bool: "true/false"}
    return names.get(type(value), "nothing (null)" if value is None else type(value).__name__)


def _objects(document: dict[str, Any], key: str, path: Path) -> list[dict[str, Any]]:
    items = document.get(key)
    if items is None:
        return []
    if not isinstance(items, list):
        raise GovgraphError(f'{path}: "{key}" must be a list of objects; found {_kind(items)}')
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise GovgraphError(
                f"{path}: {key}[{index}] must be an object ({{…}}); found {_kind(item)}"
            )
    return items


def _nested(owner: dict[str, Any], key: str, path: Path) -> list[dict[str, Any]]:
    where = f"{key} inside {owner.get('id', '?')}"
    items = owner.get(key)
    if items is None:
        return []
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise GovgraphError(f"{path}: {where} must be a list of objects")
    return items


def _inline(owner: dict[str, Any], key: str, id_key: str, data: PopoloData, path: Path) -> None:
    """Memberships written inside their person or organization."""
    for membership in _nested(owner, key, path):
        membership.setdefault(id_key, owner.get("id"))
        data.memberships.append(membership)


def _membership(membership: dict[str, Any], data: PopoloData, path: Path, skipped: Skipped) -> None:
    """A membership, taking any person/organization/post objects written inline in it."""
    for key, table, kind in (
        ("person", data.persons, "person"),
        ("organization", data.organizations, "organization"),
        ("post", data.posts, "post"),
    ):
        inline = membership.get(key)
        if isinstance(inline, dict) and inline.get("id") is not None:
            membership.setdefault(f"{key}_id", str(inline["id"]))
            _add(table, inline, kind, path, skipped)
    data.memberships.append(membership)


def source_id(item: dict[str, Any]) -> str | None:
    """An entity's Popolo id as text (numbers allowed), else None."""
    value = item.get("id")
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def _add(
    table: dict[str, dict[str, Any]],
    item: dict[str, Any],
    kind: str,
    path: Path,
    skipped: Skipped,
) -> None:
    ident = source_id(item)
    if ident is None:
        name = item.get("name") or item.get("label")
        if not isinstance(name, str) or not name.strip():
            skipped.add(f"{kind} with neither an id nor a name", path.name)
            return
        ident = f"name:{name.strip()}"  # only inline references can reach it
    if ident in table:
        if table[ident] is not item and any(
            table[ident].get(k) != v for k, v in item.items() if k != "memberships"
        ):
            skipped.add(f"{kind} given twice with different details (first kept)", ident)
        return
    table[ident] = item


def _line_of_long_number(text: str) -> str:
    """``:LINE`` of the first over-long number in ``text`` (json gives no position)."""
    found = re.search(r"\d{4301,}", text)
    return f":{text.count(chr(10), 0, found.start()) + 1}" if found else ""
