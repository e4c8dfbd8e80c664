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
from govgraph.interop.roles import RoleMapper
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
    body; it is a member of another, or someone sits on its behalf ->
    organisation; a classification naming a body kind -> body; else organisation.
    """
    sat_on: set[str] = set()
    member_orgs: set[str] = set()  # members of another, or what someone sits on behalf of
    for m in data.memberships:
        target = text_of(m.get("organization_id"))
        member = member_object(m)
        if member.get("@type") == "Organization" and text_of(member.get("id")):
            member_orgs.add(str(text_of(member.get("id"))))
        behalf = text_of(m.get("on_behalf_of_id"))
        if behalf is not None:
            member_orgs.add(behalf)
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


#: Notes on an ``other_names`` entry that make it a body's ``short_name``.
SHORT_NAME_NOTES = ("short name", "abbreviation", "acronym", "short_name")


def other_names(entries: Any, name: str | None, short: str | None = None) -> list[str]:
    """Popolo ``other_names`` (``{"name": …}`` objects or plain strings) as a list of
    names, leaving out the entity's own name, its short name and repeats (names that
    differ only in case or spacing).

    >>> other_names([{"name": "HWBB"}, "health and wellbeing  board", {"name": "hwbb"}],
    ...             "Health and Wellbeing Board")
    ['HWBB']
    """
    if not isinstance(entries, list):
        return []
    seen = {_same(n) for n in (name, short) if n}
    names = []
    for entry in entries:
        text = clean_text(text_of(entry.get("name") if isinstance(entry, dict) else entry))
        if text and _same(text) not in seen:
            seen.add(_same(text))
            names.append(text)
    return names


def _same(name: str) -> str:
    return " ".join(name.casefold().split())


def title_of(membership: dict[str, Any], roles: RoleMapper) -> tuple[str | None, str | None]:
    """The title a membership gives and any other note it carries.

    Files put a title in ``role`` (Popolo's field), ``label`` or ``note``: the
    first that the role vocabulary knows as more than a plain seat is the title
    (``"role": "councillor", "note": "Mayor"`` is the Mayor); otherwise ``role``,
    else ``label``. A ``label`` or ``note`` that is not the title is kept as a note.
    """
    texts = {key: clean_text(text_of(membership.get(key))) for key in ("role", "label", "note")}
    title = next(
        (text for text in texts.values() if text and _is_title(roles.lookup(text))), None
    ) or (texts["role"] or texts["label"])
    notes = [t for key, t in texts.items() if key != "role" and t and t != title]
    return title, "; ".join(notes) or None


def _is_title(found: tuple[str, bool] | None) -> bool:
    return found is not None and (found[0] != "member" or found[1])


def short_name(other_names: Any) -> str | None:
    if not isinstance(other_names, list):
        return None
    for entry in other_names:
        if isinstance(entry, dict) and str(entry.get("note", "")).lower() in SHORT_NAME_NOTES:
            return text_of(entry.get("name"))
    return None


def member_object(membership: dict[str, Any]) -> dict[str, Any]:
    """The inline ``member`` object of a membership (empty when there is none)."""
    member = membership.get("member")
    return member if isinstance(member, dict) else {}
