"""Open States committee YAML -> a govgraph model (``govgraph import openstates``).

Open States (``openstates/people``, ``data/<state>/committees/*.yml``) keeps one
committee a file; :mod:`~govgraph.interop.openstates_read` reads them. The rules
(documented in docs/import-openstates.md):

* **Bodies.** Each committee is a body: a ``subcommittee`` is a sub-group, any
  other a committee (or a board, panel, forum or partnership when its name says
  so). Its Open States id is written beside its id, each source and link URL as
  a comment above it, and its ``other_names`` are kept.
* **Chambers are the roots.** One body is made for each chamber the files name
  ("Virginia House of Delegates", "Virginia Senate"; "Nebraska Legislature"),
  listed as the source's roots. A committee reports to its chamber; a joint
  committee (chamber ``legislature``) to both chambers, which appoint it; a
  subcommittee to its parent, found by its ``ocd-organization`` id or (as the
  US Congress files write it) by name. A subcommittee whose parent is not among
  the files is left unattached, so ``govgraph check`` reports it.
* **Names.** Committees that share a name (the Senate's and the House's
  "Appropriations", five "Subcommittee #2") are named after what they report
  to: "House Appropriations", "Public Safety Subcommittee #2"; the source's
  name is kept in ``other_names``.
* **People.** Members become people: one person per ``person_id``, named by the
  fullest spelling the files use, the others kept as ``other_names``. A member
  without a ``person_id`` is the person of the same name (as
  :func:`~govgraph.names.fold_name` compares names) when exactly one has it,
  else a person of their own, one per name.
* **Roles** go through the shared vocabulary (``draft.roles``): "Chair",
  "vice chair", "co-chair", "Ranking Member" …; titles it does not know stay on
  the seat as a note and are counted in the summary.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from govgraph.errors import GovgraphError
from govgraph.interop.draft import Draft, ordered
from govgraph.interop.openstates_read import (
    CHAMBERS,
    Committee,
    Member,
    Place,
    Reading,
    place_of,
    read_committees,
)
from govgraph.interop.roles import RoleMapper
from govgraph.interop.values import body_kind, person_slug, slugify
from govgraph.names import fold_name

BODY, PERSON, CHAMBER = "body", "person", "chamber"
#: Kinds a committee's name may give it; any other name makes a plain committee.
_NAMED_KINDS = frozenset(("board", "panel", "forum", "partnership", "sub-group"))
_LISTED_FILES = 5


def import_openstates(paths: Sequence[Path], roles: RoleMapper | None = None) -> Draft:
    """Read Open States committee files (or folders of them) into a :class:`Draft`."""
    draft = Draft(source="Open States committee YAML", files=_file_names(paths))
    draft.roles = roles or RoleMapper()
    reading = read_committees(paths)
    if not reading.committees:
        shown = ", ".join(f"{p.name} ({why})" for p, why in reading.not_committees[:3])
        raise GovgraphError(
            f"no Open States committee in the files given ({shown}); give the files of "
            "data/<state>/committees/ from the openstates/people repository"
        )
    _OpenStates(draft, reading).run()
    return draft


class _OpenStates:
    def __init__(self, draft: Draft, reading: Reading) -> None:
        self.draft = draft
        self.skipped = draft.skipped
        self.reading = reading
        self.committees: list[Committee] = []
        self.place: dict[str, Place] = {}  # committee key -> its jurisdiction
        self.parent: dict[str, Committee | None] = {}  # committee key -> parent committee
        self.chambers: dict[tuple[str, str], dict[str, Any]] = {}  # (place, chamber) -> body
        self.person: dict[int, str] = {}  # id() of a Member -> our person id

    def run(self) -> None:
        self._distinct()
        self._parents()
        names = self._names()
        self._people()
        order = list(self._tree_order(names))
        for c in order:  # ids first, so that a reporting line may name any committee
            self.draft.ids.claim(BODY, c.key, slugify(names[c.key], "committee"))
        bodies = [self._body(c, names[c.key]) for c in order]
        self.draft.bodies = [*self.chambers.values(), *bodies]
        self.draft.source_roots = [body["id"] for body in self.chambers.values()]
        self._read_lines()

    # --- committees -----------------------------------------------------------------------

    def _distinct(self) -> None:
        """One committee per Open States id: a repeat (two copies of a file) is reported."""
        first: dict[str, Committee] = {}
        for committee in self.reading.committees:
            seen = first.get(committee.key)
            if seen is not None:
                self.skipped.add(
                    "the same committee (one Open States id) in two files: the first is read",
                    f"{committee.path.name} repeats {seen.path.name}",
                )
                continue
            first[committee.key] = committee
            self.committees.append(committee)
            self.place[committee.key] = place_of(committee.jurisdiction)

    def _parents(self) -> None:
        by_id = {c.source_id: c for c in self.committees if c.source_id}
        by_name: dict[tuple[str, str], list[Committee]] = defaultdict(list)
        for c in self.committees:
            for name in {fold_name(n) for n in (c.name, *c.other_names)}:
                by_name[(self.place[c.key].key, name)].append(c)
        for c in self.committees:
            found = None
            if c.parent:
                found = by_id.get(c.parent)
                named = by_name.get((self.place[c.key].key, fold_name(c.parent)), [])
                if found is None and len(named) == 1:
                    found = named[0]
                if found is None or found is c:
                    found = None
                    instead = (
                        "the subcommittee is left unattached; govgraph check reports it as "
                        "orphaned-body"
                        if c.subcommittee
                        else "the committee reports to its chamber"
                    )
                    self.skipped.add(
                        f"parent committee not among the files ({instead})",
                        f"{c.name}: {c.parent}",
                    )
            self.parent[c.key] = found

    def _names(self) -> dict[str, str]:
        """Each committee's name, qualified where committees share one (module docstring).

        Committees are qualified first, by their chamber; then subcommittees, by their
        parent's name as it now stands; then any name still shared, by the place.
        """
        names = {c.key: c.name for c in self.committees}

        def by_chamber(c: Committee) -> str | None:
            if self.parent[c.key] is not None or c.chamber is None:
                return None
            return self.place[c.key].chamber_label(c.chamber)

        def by_parent(c: Committee) -> str | None:
            parent = self.parent[c.key]
            return names[parent.key] if parent is not None else None

        def by_place(c: Committee) -> str | None:
            return self.place[c.key].name

        for qualify in (by_chamber, by_parent, by_place):
            shared: dict[str, list[Committee]] = defaultdict(list)
            for c in self.committees:
                shared[fold_name(names[c.key])].append(c)
            for group in shared.values():
                for c in group if len(group) > 1 else ():
                    names[c.key] = f"{qualify(c) or ''} {names[c.key]}".strip()
        return names

    def _tree_order(self, names: dict[str, str]) -> Iterator[Committee]:
        """Committees by chamber and name, each followed by its subcommittees."""
        children: dict[str | None, list[Committee]] = defaultdict(list)
        for c in self.committees:
            parent = self.parent[c.key]
            children[parent.key if parent else None].append(c)

        def sort_key(c: Committee) -> tuple[str, int, str]:
            chamber = CHAMBERS.index(c.chamber) if c.chamber else len(CHAMBERS)
            return (self.place[c.key].name, chamber, fold_name(names[c.key]))

        seen: set[str] = set()

        def below(key: str | None) -> Iterator[Committee]:
            for c in sorted(children.get(key, []), key=sort_key):
                if c.key not in seen:
                    seen.add(c.key)
                    yield c
                    yield from below(c.key)

        yield from below(None)
        for c in sorted(self.committees, key=sort_key):  # parents naming each other
            if c.key not in seen:
                seen.add(c.key)
                yield c
                yield from below(c.key)

    def _body(self, c: Committee, name: str) -> dict[str, Any]:
        ours = str(self.draft.ids.get(BODY, c.key))
        self.draft.origins[ours] = c.source_id or c.path.name
        for url, note in c.urls:
            self.draft.comment(ours, f"{note or 'source'}: {url}")
        for key in c.unused:
            self.skipped.note_field(f"committee.{key}")
        named = body_kind(c.name)
        parent = self.parent[c.key]
        if parent is not None:
            lines = [str(self.draft.ids.get(BODY, parent.key))]
        elif c.subcommittee:
            lines = []
        else:
            lines = self._chamber_lines(c)
        other_names = [n for n in dict.fromkeys((c.name, *c.other_names)) if n != name]
        values = {
            "id": ours,
            "name": name,
            "other_names": other_names,
            "kind": "sub-group"
            if c.subcommittee
            else named
            if named in _NAMED_KINDS
            else "committee",
            "reports_to": [{"body": line} for line in lines],
            "members": [self._membership(c, m) for m in c.members],
        }
        return ordered("body", values)

    def _chamber_lines(self, c: Committee) -> list[str]:
        place = self.place[c.key]
        if c.chamber is None:
            self.skipped.add("committee that names no chamber (reports to the root)", c.name)
            return []
        if place.single:
            return [self._chamber(place, "legislature")]
        if c.chamber == "legislature":
            return [self._chamber(place, "upper"), self._chamber(place, "lower")]
        return [self._chamber(place, c.chamber)]

    def _chamber(self, place: Place, chamber: str) -> str:
        found = self.chambers.get((place.key, chamber))
        if found is None:
            name = place.chamber_name(chamber)
            ours = self.draft.ids.claim(CHAMBER, f"{place.key}:{chamber}", slugify(name, chamber))
            found = {"id": ours, "name": name, "kind": "council"}
            self.chambers[(place.key, chamber)] = found
            self.draft.comment(
                ours,
                "made by the import for the chamber the Open States committee files name; "
                "its members are in Open States' people files (data/<state>/legislature/), "
                "which this import does not read",
            )
        return str(found["id"])

    # --- people and seats -----------------------------------------------------------------

    def _people(self) -> None:
        """One person per ``person_id``; members without one joined by name (docstring)."""
        spellings: dict[str, list[str]] = defaultdict(list)  # person key -> names used
        for m in self._members():
            if m.person_id and m.name not in spellings[m.person_id]:
                spellings[m.person_id].append(m.name)
        holders: dict[str, set[str]] = defaultdict(set)
        for person_id, names in spellings.items():
            for name in names:
                holders[fold_name(name, person=True)].add(person_id)
        for m in self._members():
            key = m.person_id or self._by_name(m, holders)
            if m.name not in spellings[key]:
                spellings[key].append(m.name)
            self.person[id(m)] = key
        ours = {}
        for key, names in spellings.items():
            ours[key] = self._person(key, names)
        self.person = {where: ours[key] for where, key in self.person.items()}

    def _by_name(self, m: Member, holders: dict[str, set[str]]) -> str:
        folded = fold_name(m.name, person=True)
        found = holders.get(folded, set())
        if len(found) == 1:
            (person_id,) = found
            self.draft.merged.add(
                "member without a person_id taken as the one person of that name", m.name
            )
            return person_id
        if found:
            self.skipped.add(
                "member without a person_id whose name several people have (a person of "
                "their own; check who it is)",
                m.name,
            )
        return f"name:{folded}"

    def _person(self, key: str, names: list[str]) -> str:
        name = max(names, key=lambda n: (len(n.split()), len(n)))
        other_names = [
            n for n in names if fold_name(n, person=True) != fold_name(name, person=True)
        ]
        ours = self.draft.ids.claim(PERSON, key, person_slug(name))
        if not key.startswith("name:"):
            self.draft.origins[ours] = key
        if other_names:
            self.draft.merged.add(
                "spellings of one person's name (one Open States person_id)",
                " = ".join([name, *other_names]),
            )
        self.draft.people.append(
            ordered("person", {"id": ours, "name": name, "other_names": other_names})
        )
        return ours

    def _members(self) -> Iterator[Member]:
        for c in self.committees:
            yield from c.members

    def _membership(self, c: Committee, m: Member) -> dict[str, Any]:
        role, note = self.draft.roles.role(m.role)
        where = f"{c.path.name}:{m.line}"
        start, end = self._date(m.start, False, where), self._date(m.end, True, where)
        if start and end and end < start:
            self.skipped.add("member's end date before its start date (end left out)", where)
            end = None
        for key in m.unused:
            self.skipped.note_field(f"members.{key}")
        values = {"member": self.person[id(m)], "role": role, "from": start,
                  "to": end, "note": note}  # fmt: skip
        return ordered("membership", values)

    def _date(self, text: str | None, end: bool, where: str) -> date | None:
        return self.skipped.date(text, end, where)

    # --- summary --------------------------------------------------------------------------

    def _read_lines(self) -> None:
        by_place: dict[str, list[Committee]] = defaultdict(list)
        for c in self.committees:
            by_place[self.place[c.key].name].append(c)
        for place_name, committees in by_place.items():
            place = self.place[committees[0].key]
            parts = []
            for chamber in (*CHAMBERS, None):
                here = [c for c in committees if c.chamber == chamber]
                if here:
                    subs = sum(c.subcommittee for c in here)
                    label = _chamber_word(place, chamber)
                    counts = [_count(len(here) - subs, "committee"), _count(subs, "subcommittee")]
                    listed = ", ".join(text for text in counts if not text.startswith("0 "))
                    parts.append(f"{label}: {listed}")
            seats = sum(len(c.members) for c in committees)
            self.draft.read.append(
                f"{place_name or 'Open States'}: {_count(len(committees), 'committee file')} "
                f"({'; '.join(parts)}), {_count(seats, 'seat')}"
            )
        skipped = self.reading.not_committees
        for path, why in skipped[:_LISTED_FILES]:
            self.draft.read.append(f"{path}: not an Open States committee ({why}); skipped")
        if len(skipped) > _LISTED_FILES:
            self.draft.read.append(
                f"{_count(len(skipped) - _LISTED_FILES, 'more file')} that are not Open "
                "States committees; skipped"
            )
        by_id = sum(1 for p in self.draft.people if p["id"] in self.draft.origins)
        self.draft.remarks.append(
            f"people: {by_id} by Open States person_id, {len(self.draft.people) - by_id} by "
            "name alone (no person_id in the files)"
        )


def _file_names(paths: Sequence[Path]) -> list[str]:
    """The files for the written files' header: a state's 170 files are named by their folder."""
    if len(paths) <= _LISTED_FILES:
        return [p.name for p in paths]
    folders = {p if p.is_dir() else p.parent for p in paths}
    where = f" in {folders.pop()}" if len(folders) == 1 else ""
    return [f"{len(paths)} files{where}"]


def _chamber_word(place: Place, chamber: str | None) -> str:
    if chamber is None:
        return "no chamber"
    if chamber == "legislature" and not place.single:
        return "joint"
    return place.chamber_name(chamber).removeprefix(place.name).strip()


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
