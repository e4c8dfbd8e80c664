"""The decisions the Popolo importer makes, as pure functions over the Popolo data.

Kept apart from :mod:`govgraph.interop.popolo_import` (which builds the model)
so that each rule documented in docs/FORMAT.md ("Interchange: Popolo import
and export") can be read, and changed, in one place.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from govgraph.interop.draft import Draft
from govgraph.interop.popolo_read import PopoloData
from govgraph.interop.popolo_terms import ENTITY, REPORTS_TO
from govgraph.interop.values import (
    body_kind,
    clean_text,
    is_opaque,
    last_segment,
    person_slug,
    slugify,
)

ORG, PERSON, POST = "organization", "person", "post"


def classify(data: PopoloData) -> dict[str, bool]:
    """Popolo organization id -> True for a body, False for an organisation.

    In order: ``+entity`` when given; a classification naming a party ->
    organisation; something sits on it (a membership other than a post
    holding), it has a parent or +reports_to, or another names it as parent ->
    body; it is a member of another -> organisation; a classification naming a
    body kind -> body; else organisation.
    """
    sat_on: set[str] = set()
    member_orgs: set[str] = set()
    for m in data.memberships:
        target = text_of(m.get("organization_id"))
        member = member_object(m)
        if member.get("@type") == "Organization" and text_of(member.get("id")):
            member_orgs.add(str(text_of(member.get("id"))))
        holding = m.get("post_id") is not None and m.get("person_id") is not None
        if target and not holding:
            sat_on.add(target)
    parents = {text_of(o.get("parent_id")) for o in data.organizations.values()} - {None}
    is_body: dict[str, bool] = {}
    for org_id, org in data.organizations.items():
        entity = str(org.get(ENTITY, "")).lower()
        classification = text_of(org.get("classification")) or ""
        if entity in ("body", "organisation", "organization"):
            is_body[org_id] = entity == "body"
        elif "party" in classification.lower():
            is_body[org_id] = False
        elif org_id in sat_on or org_id in parents or org.get("parent_id") or org.get(REPORTS_TO):
            is_body[org_id] = True
        elif org_id in member_orgs:
            is_body[org_id] = False
        else:
            is_body[org_id] = body_kind(classification) != "other"
    return is_body


def allocate_ids(data: PopoloData, draft: Draft) -> None:
    """Give every organization, person and post an id, keeping the Popolo id beside it."""
    entries = [
        *((ORG, k, v.get("name")) for k, v in data.organizations.items()),
        *((PERSON, k, person_name(v)) for k, v in data.persons.items()),
        *((POST, k, v.get("label") or v.get("role")) for k, v in data.posts.items()),
    ]
    # Readable ids first, so that a name-made id never takes one a source wrote.
    for opaque_pass in (False, True):
        for kind, ident, name in entries:
            opaque = ident.startswith("name:") or is_opaque(ident)
            if opaque != opaque_pass:
                continue
            if not opaque:
                wanted = slugify(last_segment(ident), kind)
            elif isinstance(name, str) and name.strip():
                wanted = person_slug(name) if kind == PERSON else slugify(name, kind)
            else:
                wanted = slugify(ident, kind)
            ours = draft.ids.claim(kind, ident, wanted)
            if ours != ident:
                draft.origins[ours] = f"popolo id: {ident.removeprefix('name:')}"


def extension_at(exc: ValidationError, paths: set[tuple[Any, ...]]) -> tuple[Any, ...] | None:
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        for size in range(len(loc), 0, -1):
            if loc[:size] in paths:
                return loc[:size]
    return None


def remove_at(values: dict[str, Any], path: tuple[Any, ...]) -> None:
    node: Any = values
    for part in path[:-1]:
        node = node[part]
    node.pop(path[-1], None)


def fold_chairs(members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop a plain membership that a role membership of the same member and dates repeats."""
    roles = {
        (m["member"], m.get("from"), m.get("to"))
        for m in members
        if m.get("role", "member") != "member"
    }
    return [
        m
        for m in members
        if m.get("role", "member") != "member"
        or (m["member"], m.get("from"), m.get("to")) not in roles
        or m.get("note")
    ]


def text_of(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return value.strip() or None
    return None


def person_name(person: dict[str, Any]) -> str | None:
    name = text_of(person.get("name"))
    if name:
        return clean_text(name)
    parts = [text_of(person.get(k)) for k in ("honorific_prefix", "given_name", "family_name")]
    return clean_text(" ".join(p for p in parts if p))


def short_name(other_names: Any) -> str | None:
    if not isinstance(other_names, list):
        return None
    for entry in other_names:
        if isinstance(entry, dict) and str(entry.get("note", "")).lower() in (
            "short name", "abbreviation", "acronym", "short_name",
        ):  # fmt: skip
            return text_of(entry.get("name"))
    return None


def member_object(membership: dict[str, Any]) -> dict[str, Any]:
    """The inline ``member`` object of a membership (empty when there is none)."""
    member = membership.get("member")
    return member if isinstance(member, dict) else {}
