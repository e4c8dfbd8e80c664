"""Leave out of a comparison what one side cannot know.

A model imported from ModernGov today knows who sits where, but not the notes
an officer wrote, when a seat was last ``reviewed``, the findings waived with
``ignore:``, or (from attendee lists) the day each member was appointed.
Comparing it with the hand-kept model would list every one of those as a
change. :func:`without_fields` returns a copy of a model with the named fields
set to their defaults everywhere they occur, so the comparison of both copies
reports only the rest; :func:`only_areas` keeps the changes of some areas.

>>> sorted(parse_fields("note, reviewed,ignore"))
['ignore', 'note', 'reviewed']
"""

from __future__ import annotations

import copy
import dataclasses
import difflib
from collections.abc import Iterable
from typing import Any, TypeVar

from pydantic.fields import FieldInfo

from govgraph.diff.changes import AREAS, Change
from govgraph.errors import GovgraphError
from govgraph.model import Model
from govgraph.schema import Body, Post

#: The fields a comparison can leave out, as written in YAML, and what they are on.
IGNORABLE: dict[str, str] = {
    "note": "memberships",
    "reviewed": "memberships",
    "ignore": "anything that carries waivers",
    "from": "memberships and post holders (start dates)",
    "term_ends": "memberships",
    "voting": "memberships",
    "on_behalf_of": "memberships",
    "reports_to": "bodies (all their reporting lines)",
    "root": "bodies",
    "kind": "bodies and organisations",
    "short_name": "bodies",
    "established": "bodies and organisations",
    "meets": "bodies",
    "statutory": "bodies",
    "hosted_by": "bodies",
    "review_interval_months": "bodies",
    "predecessor": "bodies",
    "requires": "bodies",
    "tags": "organisations",
    "roles": "people",
    "direction": "reporting lines",
    "frequency": "reporting lines",
    "last_reported": "reporting lines",
}
#: ``--only`` names areas as a command line writes them: ``reporting-lines``.
AREA_NAMES = {area.replace(" ", "-"): area for area in AREAS}

T = TypeVar("T")


def parse_fields(text: str) -> frozenset[str]:
    """Comma-separated field names, checked against :data:`IGNORABLE`."""
    names = frozenset(word.strip() for word in text.split(",") if word.strip())
    for name in sorted(names):
        if name not in IGNORABLE:
            raise GovgraphError(
                f"--ignore-fields: {name!r} is not a field a diff can leave out"
                f"{_did_you_mean(name, IGNORABLE)}; choose from {', '.join(IGNORABLE)}"
            )
    return names


def parse_areas(text: str) -> frozenset[str]:
    """Comma-separated area names (``memberships,people``), as :data:`AREAS` holds them."""
    names = [word.strip() for word in text.split(",") if word.strip()]
    for name in names:
        if name not in AREA_NAMES:
            raise GovgraphError(
                f"--only: {name!r} is not an area of a diff{_did_you_mean(name, AREA_NAMES)}; "
                f"choose from {', '.join(AREA_NAMES)}"
            )
    return frozenset(AREA_NAMES[name] for name in names)


def only_areas(changes: Iterable[Change], areas: frozenset[str]) -> list[Change]:
    """The changes in ``areas`` (all of them when ``areas`` is empty)."""
    return [c for c in changes if not areas or c.area in areas]


def without_fields(model: Model, fields: frozenset[str]) -> Model:
    """A copy of ``model`` with ``fields`` at their defaults on every entity; ``model``
    itself is not changed."""
    if not fields:
        return model
    attributes = frozenset("from_" if name == "from" else name for name in fields)
    bodies: dict[str, Body] = {}
    for body_id, body in model.bodies.items():
        new_body = _blanked(body, attributes)
        members = [_blanked(m, attributes) for m in new_body.members]
        object.__setattr__(new_body, "members", members)
        lines = [_blanked(line, attributes) for line in new_body.reports_to]
        object.__setattr__(new_body, "reports_to", lines)
        bodies[body_id] = new_body
    posts: dict[str, Post] = {}
    for post_id, post in model.posts.items():
        new_post = _blanked(post, attributes)
        holders = [_blanked(h, attributes) for h in new_post.holders]
        object.__setattr__(new_post, "holders", holders)
        posts[post_id] = new_post
    return dataclasses.replace(
        model,
        organisations={k: _blanked(v, attributes) for k, v in model.organisations.items()},
        people={k: _blanked(v, attributes) for k, v in model.people.items()},
        posts=posts,
        bodies=bodies,
    )


def _blanked(entity: T, attributes: frozenset[str]) -> T:
    """A shallow copy of ``entity`` with each of ``attributes`` it has at its default."""
    copied = copy.copy(entity)
    for field in dataclasses.fields(entity):  # type: ignore[arg-type]
        if field.name in attributes:
            object.__setattr__(copied, field.name, _default(field))
    return copied


def _default(field: dataclasses.Field[Any]) -> Any:
    default: Any = field.default
    if isinstance(default, FieldInfo):
        factory: Any = default.default_factory
        return factory() if factory is not None else default.default
    if default is dataclasses.MISSING:
        factory = field.default_factory
        return None if factory is dataclasses.MISSING else factory()
    return default


def _did_you_mean(name: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""
