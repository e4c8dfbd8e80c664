"""Popolo JSON: the interchange format of civic-tech tools (popoloproject.com).

Organisations and bodies are both Popolo ``organizations``; a membership's
``on_behalf_of`` is Popolo's ``on_behalf_of_id`` and every entity's
``other_names`` are Popolo ``other_names`` objects. Memberships of a
person use ``person_id``, of an organisation ``"member": {"@type":
"Organization", "id": …}``, of a post ``post_id`` alone; a person holding a
post is a membership with ``person_id`` and ``post_id``. Popolo has no term
for reporting lines, so they travel as the documented ``+reports_to``
extension (and a body with exactly one reporting line also gets Popolo's
``parent_id``). Every other field of our format without a Popolo term is
written as ``+field`` (see :mod:`govgraph.interop.popolo_terms`), so that
``govgraph import popolo`` gives back an equivalent model.
"""

from __future__ import annotations

import json
from typing import Any

from govgraph.interop.draft import ORDER
from govgraph.interop.popolo_terms import ENTITY, EXTENSIONS, REPORTS_TO, ROLE_LABELS
from govgraph.interop.view import ExportView
from govgraph.safetext import json_text
from govgraph.schema import Body, Organisation, Person, Post, Slotted, dump


def to_popolo(view: ExportView) -> str:
    """The view as one Popolo JSON document (UTF-8 text, pretty-printed)."""
    ids = view.ids
    document = {
        "organizations": [
            *(_organisation(o, ids) for o in view.organisations),
            *(_body(b, view, ids) for b in view.bodies),
        ],
        "persons": [_person(p) for p in view.people],
        "posts": [_post(p, ids) for p in view.posts],
        "memberships": [
            *(_membership(body, m, view) for body, _, m in view.memberships),
            *(
                _drop_none(
                    {
                        "person_id": h.person,
                        "post_id": post.id,
                        "organization_id": post.organisation if post.organisation in ids else None,
                        "start_date": _iso(h.from_),
                        "end_date": _iso(h.to),
                    }
                )
                for post, _, h in view.holdings
            ),
        ],
    }
    return json_text(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"


def _iso(value: Any) -> str | None:
    return None if value is None else value.isoformat()


def _drop_none(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None}


def _extensions(kind: str, thing: Slotted, ids: frozenset[str]) -> dict[str, Any]:
    """``+field`` for each of our fields Popolo has no term for, when not left at its default."""
    dumped = dump(thing, mode="json", by_alias=True, exclude_defaults=True)
    out = {}
    for name in EXTENSIONS[kind]:
        value = dumped.get(name)
        if value is None or value == []:
            continue
        if name in ("succeeded_by", "predecessor", "hosted_by") and value not in ids:
            continue  # names something outside this export
        if name == "requires":
            value = [rule for rule in value if "member" not in rule or rule["member"] in ids]
        out[f"+{name}"] = value
    return out


def _organisation(org: Organisation, ids: frozenset[str]) -> dict[str, Any]:
    return _drop_none(
        {
            "id": org.id,
            "name": org.name,
            "other_names": _names(org.other_names),
            "classification": org.kind,
            "founding_date": _iso(org.established),
            "dissolution_date": _iso(org.dissolved),
            ENTITY: "organisation",
            **_extensions("organisation", org, ids),
        }
    )


def _body(body: Body, view: ExportView, ids: frozenset[str]) -> dict[str, Any]:
    lines = [line for b, _, line in view.reporting_lines if b.id == body.id]
    dumped = [dump(line, mode="json", by_alias=True, exclude_defaults=True) for line in lines]
    return _drop_none(
        {
            "id": body.id,
            "name": body.name,
            "classification": body.kind,
            "other_names": _names(
                body.other_names,
                [{"name": body.short_name, "note": "short name"}] if body.short_name else [],
            ),
            "founding_date": _iso(body.established),
            "dissolution_date": _iso(body.dissolved),
            "parent_id": lines[0].body if len(lines) == 1 else None,
            ENTITY: "body",
            REPORTS_TO: [
                {"id" if key == "body" else key: d[key] for key in ORDER["line"] if key in d}
                for d in dumped
            ]
            or None,
            "+root": body.root,
            **_extensions("body", body, ids),
        }
    )


def _person(person: Person) -> dict[str, Any]:
    return _drop_none(
        {
            "id": person.id,
            "name": person.name,
            "other_names": _names(person.other_names),
            **_extensions("person", person, frozenset()),
        }
    )


def _names(names: list[str], first: list[dict[str, str]] | None = None) -> Any:
    """Popolo ``other_names``: ``{"name": …}`` objects (None when there are none)."""
    entries = [*(first or []), *({"name": name} for name in names)]
    return entries or None


def _post(post: Post, ids: frozenset[str]) -> dict[str, Any]:
    return _drop_none(
        {
            "id": post.id,
            "label": post.title,
            "organization_id": post.organisation if post.organisation in ids else None,
            **_extensions("post", post, ids),
        }
    )


def _membership(body: Body, membership: Any, view: ExportView) -> dict[str, Any]:
    kind = view.kind_of(membership.member)
    member: dict[str, Any]
    if kind == "person":
        member = {"person_id": membership.member}
    elif kind == "post":
        member = {"post_id": membership.member}
    else:
        member = {"member": {"@type": "Organization", "id": membership.member}}
    return _drop_none(
        {
            **member,
            "organization_id": body.id,
            "role": ROLE_LABELS.get(membership.role),
            "on_behalf_of_id": membership.on_behalf_of
            if membership.on_behalf_of in view.ids
            else None,
            "start_date": _iso(membership.from_),
            "end_date": _iso(membership.to),
            **_extensions("membership", membership, view.ids),
        }
    )
