"""Reading Popolo JSON files: strict about shape, tolerant about content.

A file that is not JSON, has a key twice in one object, or whose sections are
not lists of objects, is refused with one line naming the file (and line, for
JSON syntax). Within the right shape anything goes: extra keys, members and
posts given inline inside their person or organization, the same entity in
several files, a file that is a bare list of organizations, persons or
memberships (each item's kind told by its keys, see :func:`kind_of_item`).

Legislative periods are read from EveryPolitician's top-level ``events`` (those
of classification "legislative period") and from an organization's own
``legislative_periods``: a membership that names one by ``legislative_period_id``
takes its dates from it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govgraph.errors import GovgraphError
from govgraph.interop.draft import Skipped
from govgraph.interop.popolo_json import load_json

SECTIONS = ("organizations", "persons", "posts", "memberships")
#: Top-level sections read besides :data:`SECTIONS` (for their legislative periods).
EVENTS = "events"
PERIOD = "legislative period"

#: Keys only a membership has, only a post has (``label`` without ``name``), only an
#: organization has, and only a person has: how an item of a bare list is told apart.
MEMBERSHIP_KEYS = frozenset(
    ("person_id", "person", "post_id", "post", "member", "on_behalf_of_id",
     "legislative_period_id")
)  # fmt: skip
ORGANIZATION_KEYS = frozenset(
    ("classification", "parent_id", "founding_date", "dissolution_date", "posts", "seats",
     "legislative_periods", "+entity", "+reports_to", "+root")
)  # fmt: skip
PERSON_KEYS = frozenset(
    ("given_name", "family_name", "additional_name", "patronymic_name", "sort_name",
     "honorific_prefix", "honorific_suffix", "birth_date", "death_date", "gender", "email",
     "national_identity", "biography", "+left", "+roles")
)  # fmt: skip


@dataclass
class PopoloData:
    """Every file's entities merged: entities by their Popolo id, memberships in order."""

    organizations: dict[str, dict[str, Any]] = field(default_factory=dict)
    persons: dict[str, dict[str, Any]] = field(default_factory=dict)
    posts: dict[str, dict[str, Any]] = field(default_factory=dict)
    memberships: list[dict[str, Any]] = field(default_factory=list)
    #: Legislative periods by id: ``start_date``, ``end_date``, ``organization_id``.
    periods: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: What each file held, for the import summary: ``"a.json: 2 organizations, …"``.
    read: list[str] = field(default_factory=list)


def read_popolo(paths: Iterable[Path], skipped: Skipped) -> PopoloData:
    """Read and merge Popolo files; what has no place in the model goes to ``skipped``."""
    data = PopoloData()
    empty: list[str] = []
    for path in paths:
        document = load_json(path)
        shape = ""
        if isinstance(document, list):
            document, shape = sections_of_list(document, path), " (a bare list)"
        if not isinstance(document, dict):
            raise GovgraphError(
                f"{path}: expected a Popolo JSON object with "
                f"{', '.join(SECTIONS)}, or a list of them; found {_kind(document)}"
            )
        if not any(key in document for key in SECTIONS):
            # Valid JSON with nothing of Popolo's in it: listed and skipped, so that one
            # stray file in `import popolo *.json` does not stop the others.
            keys = ", ".join(sorted(map(str, document))[:8]) or "none"
            empty.append(f"{path}: no {', '.join(SECTIONS)} here (its keys: {keys})")
            data.read.append(f"{path.name}: nothing govgraph uses (skipped; its keys: {keys})")
            continue
        for key in document:
            if key not in (*SECTIONS, EVENTS):
                skipped.add("top-level section with no place in the model", f"{path.name}:{key}")
        before = _sizes(data)
        _read_document(document, data, path, skipped)
        data.read.append(f"{path.name}{shape}: {_grown(before, _sizes(data))}")
    if empty and len(empty) == len(data.read):
        raise GovgraphError(f"{empty[0]}; is this a Popolo file?")
    return data


def _read_document(
    document: dict[str, Any], data: PopoloData, path: Path, skipped: Skipped
) -> None:
    for org in _objects(document, "organizations", path):
        _inline(org, "memberships", "organization_id", data, path)
        for post in _nested(org, "posts", path):
            post.setdefault("organization_id", org.get("id"))
            _add(data.posts, post, "post", path, skipped)
        for period in _nested(org, "legislative_periods", path):
            period.setdefault("organization_id", org.get("id"))
            _add(data.periods, period, "legislative period", path, skipped)
        _add(data.organizations, org, "organization", path, skipped)
    for person in _objects(document, "persons", path):
        _inline(person, "memberships", "person_id", data, path)
        _add(data.persons, person, "person", path, skipped)
    for post in _objects(document, "posts", path):
        _add(data.posts, post, "post", path, skipped)
    for membership in _objects(document, "memberships", path):
        _membership(membership, data, path, skipped)
    for event in _objects(document, EVENTS, path):
        if str(event.get("classification", "")).strip().lower() == PERIOD:
            _add(data.periods, event, "legislative period", path, skipped)
        else:
            skipped.add(
                "events other than legislative periods (elections, sittings) not used",
                f"{path.name}: {event.get('classification') or event.get('id') or '?'}",
            )


def sections_of_list(items: list[Any], path: Path) -> dict[str, list[Any]]:
    """A bare list of Popolo items as the sections its items belong to.

    Each item's kind is told by its keys (:func:`kind_of_item`); items with only
    an id and a name take the kind of the others when the others are all of one
    kind, and a list of nothing but ids and names is refused.
    """
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise GovgraphError(
                f"{path}: item {index + 1} of the list must be an object ({{…}}); "
                f"found {_kind(item)}"
            )
    kinds = [kind_of_item(item) for item in items]
    told = {kind for kind in kinds if kind in ("organizations", "persons")}
    for index, kind in enumerate(kinds):
        if kind is None:
            if len(told) != 1:
                raise GovgraphError(
                    f"{path}: item {index + 1} of the list has only an id and a name, so it "
                    'could be a person or an organization; write {"persons": [...]} or '
                    '{"organizations": [...]} around the list'
                )
            kinds[index] = next(iter(told))
    sections: dict[str, list[Any]] = {}
    for item, kind in zip(items, kinds, strict=True):
        sections.setdefault(str(kind), []).append(item)
    return sections


def kind_of_item(item: dict[str, Any]) -> str | None:
    """The Popolo section an item belongs to, told by its keys; None if it could be either
    a person or an organization.

    >>> kind_of_item({"person_id": "p1", "organization_id": "council"})
    'memberships'
    >>> kind_of_item({"id": "p1", "name": "Ada", "memberships": [{"organization_id": "c"}]})
    'persons'
    """
    keys = set(item)
    if keys & MEMBERSHIP_KEYS:
        return "memberships"
    if "label" in keys and "name" not in keys:
        return "posts"
    if keys & ORGANIZATION_KEYS:
        return "organizations"
    if keys & PERSON_KEYS:
        return "persons"
    inline = item.get("memberships")
    if isinstance(inline, list) and inline and all(isinstance(m, dict) for m in inline):
        if all("person_id" in m or "member" in m for m in inline):
            return "organizations"
        if all("organization_id" in m for m in inline):
            return "persons"
    return None


def _sizes(data: PopoloData) -> Counter[str]:
    return Counter(
        {
            "organization": len(data.organizations),
            "person": len(data.persons),
            "post": len(data.posts),
            "membership": len(data.memberships),
            "legislative period": len(data.periods),
        }
    )


def _grown(before: Counter[str], after: Counter[str]) -> str:
    parts = []
    for what, count in after.items():
        added = count - before[what]
        if added:
            parts.append(f"{added} {what}{'' if added == 1 else 's'}")
    return ", ".join(parts) or "nothing new (all given in the files before)"


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
