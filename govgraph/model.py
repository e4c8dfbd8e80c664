"""The loaded model: every entity of a model folder, by id, with its settings."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from govgraph.packs.models import Pack
from govgraph.schema import (
    Body,
    Membership,
    Organisation,
    Person,
    Plan,
    Post,
    ReportingLine,
    Settings,
)

Entity = Organisation | Person | Post | Body


@dataclass
class Model:
    """A whole governance model, merged from every file of its folder.

    Entities are kept in dicts by id, in the order they were read (files in
    sorted path order), so everything built from a model is deterministic.
    """

    root: Path
    settings: Settings = field(default_factory=Settings)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    posts: dict[str, Post] = field(default_factory=dict)
    bodies: dict[str, Body] = field(default_factory=dict)
    plans: dict[str, Plan] = field(default_factory=dict)  # plans and their priorities
    files: list[str] = field(default_factory=list)
    packs: dict[str, Pack] = field(default_factory=dict)  # the model's own statutory packs

    @property
    def name(self) -> str:
        """The model's name from its settings, else its folder's name."""
        return self.settings.name or self.root.resolve().name

    def get(self, entity_id: str) -> Entity | None:
        """The organisation, person, post or body with this id, if any."""
        for table in (self.bodies, self.organisations, self.posts, self.people):
            found = table.get(entity_id)
            if found is not None:
                return found
        return None

    def kind_of(self, entity_id: str) -> str | None:
        """``"body"``, ``"organisation"``, ``"post"``, ``"person"`` or None."""
        # Written out: a load asks this for every reference (300k nationally).
        if entity_id in self.bodies:
            return "body"
        if entity_id in self.organisations:
            return "organisation"
        if entity_id in self.posts:
            return "post"
        if entity_id in self.people:
            return "person"
        return None

    def name_of(self, entity_id: str) -> str:
        """A readable name for an id (the id itself when it is unknown)."""
        found = self.get(entity_id)
        return found.name if found is not None else entity_id

    def ids(self) -> Iterator[str]:
        for _, table in self._tables():
            yield from table

    def memberships(self) -> Iterator[tuple[Body, Membership]]:
        """Every membership of every body, with its body."""
        for body in self.bodies.values():
            for membership in body.members:
                yield body, membership

    def reporting_lines(self) -> Iterator[tuple[Body, ReportingLine]]:
        """Every ``reports_to`` entry, with the body that reports."""
        for body in self.bodies.values():
            for line in body.reports_to:
                yield body, line

    def display_path(self, file: str) -> str:
        """A model file's path as the user can open it from where they ran govgraph."""
        if self.root.is_file():
            return str(self.root)
        return str(self.root / file) if file else str(self.root)

    def counts(self) -> dict[str, int]:
        return {
            "bodies": len(self.bodies),
            "organisations": len(self.organisations),
            "posts": len(self.posts),
            "people": len(self.people),
            "memberships": sum(len(b.members) for b in self.bodies.values()),
            "reporting lines": sum(len(b.reports_to) for b in self.bodies.values()),
        }

    def summary(self) -> str:
        """``"3 bodies, 1 organisation, …"``: the counts validate and import print."""
        return ", ".join(
            f"{n} {what if n != 1 else _ONE[what]}" for what, n in self.counts().items()
        )

    def _tables(self) -> Iterator[tuple[str, dict[str, Entity]]]:
        yield "body", self.bodies  # type: ignore[misc]
        yield "organisation", self.organisations  # type: ignore[misc]
        yield "post", self.posts  # type: ignore[misc]
        yield "person", self.people  # type: ignore[misc]


#: The singular of each word in :meth:`Model.counts`.
_ONE = {
    "bodies": "body",
    "organisations": "organisation",
    "posts": "post",
    "people": "person",
    "memberships": "membership",
    "reporting lines": "reporting line",
}
