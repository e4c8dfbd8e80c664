"""An imported model before it is written: entities as plain mappings, plus notes.

Importers fill a :class:`Draft`; :mod:`govgraph.interop.yaml_writer` turns it
into tidy YAML and :mod:`govgraph.interop.files` writes it. Keeping the draft
as plain data (keys exactly as they are written in YAML, in the order of
FORMAT.md) means the writer never needs to know where the data came from.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from govgraph.interop.roles import RoleMapper
from govgraph.interop.values import IdAllocator, partial_date
from govgraph.schema import (
    Body,
    Holding,
    Membership,
    Organisation,
    Person,
    Post,
    ReportingLine,
    yaml_keys,
)

SECTION_ORDER = ("organisations", "people", "posts", "bodies")
MAX_EXAMPLES = 3


#: The key order of each kind of mapping: the schema's field order (which is
#: FORMAT.md's), with ``ignore`` last. Derived, so a field added to the schema
#: is written (and carried through Popolo) without touching the interop code.
ORDER = {
    "organisation": tuple(yaml_keys(Organisation)),
    "person": tuple(yaml_keys(Person)),
    "post": tuple(yaml_keys(Post)),
    "body": tuple(yaml_keys(Body)),
    "membership": tuple(yaml_keys(Membership)),
    "holding": tuple(yaml_keys(Holding)),
    "line": tuple(yaml_keys(ReportingLine)),
}
#: Values not written because they are the format's defaults.
DEFAULTS = {"role": "member", "voting": True, "direction": "both", "root": False}


def ordered(kind: str, values: dict[str, Any]) -> dict[str, Any]:
    """``values`` in FORMAT.md's key order, without nulls, empty lists and defaults."""
    return {
        key: values[key]
        for key in ORDER[kind]
        if key in values
        and values[key] is not None
        and values[key] != []
        and not (key in DEFAULTS and values[key] == DEFAULTS[key])
    }


@dataclass
class Skipped:
    """What an importer could not bring in: a count per reason, with a few examples."""

    counts: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)
    #: Source fields the format has no place for (``persons.email``): count per field.
    fields: Counter[str] = field(default_factory=Counter)

    def add(self, reason: str, example: str | None = None) -> None:
        self.counts[reason] += 1
        if example is not None:
            shown = self.examples.setdefault(reason, [])
            if len(shown) < MAX_EXAMPLES and example not in shown:
                shown.append(example)

    def date(self, text: str | None, end: bool, where: str) -> date | None:
        """A source's date (a reduced one widened, see :func:`partial_date`), or None,
        counted as "date not understood" when it is not one."""
        if text is None:
            return None
        try:
            return partial_date(text, end=end)
        except ValueError:
            self.add("date not understood (left out)", f"{where}: {text!r}")
            return None

    def note_field(self, name: str) -> None:
        self.fields[name] += 1

    def __bool__(self) -> bool:
        return bool(self.counts or self.fields)

    def lines(self) -> list[str]:
        """One line per reason, most frequent first: ``3 × reason (e.g. a, b)``."""
        out = []
        for reason, count in sorted(self.counts.items(), key=lambda item: (-item[1], item[0])):
            shown = self.examples.get(reason)
            suffix = f" (e.g. {', '.join(shown)})" if shown else ""
            out.append(f"{count} × {reason}{suffix}")
        if self.fields:
            listed = ", ".join(f"{name} ×{n}" for name, n in sorted(self.fields.items()))
            out.append(f"fields with no place in the model: {listed}")
        return out


@dataclass
class Draft:
    """The model an importer made, ready to be written as YAML."""

    source: str
    files: list[str]
    organisations: list[dict[str, Any]] = field(default_factory=list)
    people: list[dict[str, Any]] = field(default_factory=list)
    posts: list[dict[str, Any]] = field(default_factory=list)
    bodies: list[dict[str, Any]] = field(default_factory=list)
    #: Comment lines written above an entity, by entity id.
    comments: dict[str, list[str]] = field(default_factory=dict)
    #: Where each entity came from (the source's own id), written beside its id.
    origins: dict[str, str] = field(default_factory=dict)
    #: Comment lines for the head of a section's file, by section.
    section_notes: dict[str, list[str]] = field(default_factory=dict)
    skipped: Skipped = field(default_factory=Skipped)
    ids: IdAllocator = field(default_factory=IdAllocator)
    #: What each title meant; importers ask it (``draft.roles.role(title)``).
    roles: RoleMapper = field(default_factory=RoleMapper)
    #: What was read, a line per file or table: ``GetCommittees.xml: 12 committees``.
    read: list[str] = field(default_factory=list)
    #: What the shared mapping folded together (terms, titles, names), with examples.
    merged: Skipped = field(default_factory=Skipped)
    #: One-off remarks for the summary (the roots chosen, placeholders left out).
    remarks: list[str] = field(default_factory=list)
    #: Bodies the source itself names as its council or legislature: the roots.
    source_roots: list[str] = field(default_factory=list)
    #: The source states every body's ``root`` itself (a file govgraph exported):
    #: the roots rule leaves the bodies as they are.
    roots_given: bool = False
    #: The source is a model govgraph itself wrote (its Popolo export): the mapping
    #: leaves it exactly as written, so that export then import gives the same model
    #: (a term renewed the day after the last ended stays two terms).
    as_written: bool = False
    #: The model's own statutory packs, when the source carries them (govgraph's own
    #: spreadsheet tables): written to ``packs.yaml``, in FORMAT.md's pack layout.
    packs: list[dict[str, Any]] = field(default_factory=list)
    #: The model's plans, when the source carries them: written to ``plans.yaml``.
    plans: list[dict[str, Any]] = field(default_factory=list)

    def section(self, name: str) -> list[dict[str, Any]]:
        entities: list[dict[str, Any]] = getattr(self, name)
        return entities

    def comment(self, entity_id: str, text: str) -> None:
        self.comments.setdefault(entity_id, []).append(text)

    def counts(self) -> dict[str, int]:
        return {name: len(self.section(name)) for name in SECTION_ORDER}

    def summary_lines(self) -> list[str]:
        """The import summary for standard error: what was read, merged, mapped by the
        role vocabulary, left as a note, and left out or changed (with why)."""
        lines = [f"read {line}" for line in self.read]
        lines += [f"merged {line}" for line in self.merged.lines()]
        lines += self.roles.lines()
        lines += self.remarks
        if self.skipped:
            lines.append("left out or changed on import:")
            lines += [f"  {line}" for line in self.skipped.lines()]
        return lines
