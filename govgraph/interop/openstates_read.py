"""Reading Open States committee YAML: strict about shape, with file and line for every problem.

Open States keeps one committee a file (``openstates/people``,
``data/<state>/committees/*.yml``)::

    id: ocd-organization/0bdbf11d-d17f-4d76-afe4-16de7bc8a0c6
    jurisdiction: ocd-jurisdiction/country:us/state:va/government
    classification: subcommittee          # or committee (the default)
    name: 'Subcommittee #2'
    chamber: lower                        # upper | lower | legislature (joint)
    parent: ocd-organization/ed6a74ac-…   # a subcommittee's committee (an id, or a name)
    sources: [{url: …, note: homepage}]
    links: [{url: …}]
    other_names: [{name: …}]
    members:
    - {name: Amanda E. Batten, role: Chair, person_id: ocd-person/3978e9b7-…}

Files are read with govgraph's own YAML reader (positions kept; Python tags and
alias bombs refused). A file that is not a committee (a person's file, an empty
file) is returned as such for the summary; a committee file whose YAML or shape
is broken stops the import with its file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govgraph.errors import GovgraphError
from govgraph.limits import current, read_input
from govgraph.yamlread import YAMLProblem, YMap, parse_yaml

CHAMBERS = ("upper", "lower", "legislature")
SUFFIXES = (".yml", ".yaml")
#: Committee keys the import reads; any other is counted in the summary.
USED = frozenset(
    ("id", "jurisdiction", "classification", "name", "chamber", "parent", "sources", "links",
     "other_names", "members", "extras")
)  # fmt: skip
MEMBER_USED = frozenset(("name", "role", "person_id", "start_date", "end_date"))


@dataclass
class Member:
    """One entry of a committee's ``members``."""

    name: str
    role: str | None
    person_id: str | None
    start: str | None
    end: str | None
    line: int
    unused: list[str] = field(default_factory=list)


@dataclass
class Committee:
    """One committee file, as Open States wrote it (``where`` is ``file:line``)."""

    path: Path
    source_id: str | None
    jurisdiction: str | None
    name: str
    chamber: str | None
    subcommittee: bool
    parent: str | None
    urls: list[tuple[str, str | None]]
    other_names: list[str]
    members: list[Member]
    unused: list[str]

    @property
    def key(self) -> str:
        """The committee's identity: its Open States id, or its file."""
        return self.source_id or str(self.path)


@dataclass
class Reading:
    """Every committee read, and the files that held none (with why)."""

    committees: list[Committee] = field(default_factory=list)
    not_committees: list[tuple[Path, str]] = field(default_factory=list)


def committee_files(paths: Iterable[Path]) -> list[Path]:
    """The files to read: each file given, and every ``.yml``/``.yaml`` below a folder.

    Hidden files and folders (``.git``) are not read; a folder's files come in name order.
    """
    files: list[Path] = []
    for path in paths:
        if not path.is_dir():
            files.append(path)
            continue
        found = sorted(
            p
            for p in path.rglob("*")
            if p.suffix.lower() in SUFFIXES
            and p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
        if not found:
            raise GovgraphError(f"{path}: no .yml or .yaml files in this folder")
        files.extend(found)
    return files


def read_committees(paths: Iterable[Path]) -> Reading:
    """Read every committee file (folders expanded); raise on a broken one."""
    reading = Reading()
    for path in committee_files(paths):
        document = _load(path)
        why = _not_a_committee(document)
        if why is not None:
            reading.not_committees.append((path, why))
            continue
        assert isinstance(document, YMap)
        reading.committees.append(_committee(document, path))
    return reading


def _load(path: Path) -> Any:
    raw = read_input(path)  # a regular file within the size limit, or a one-line error
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise GovgraphError(
            f"{path}:{line}: not UTF-8 text; Open States files are UTF-8 (save it as UTF-8)"
        ) from None
    try:
        return parse_yaml(text, current().file_size)  # aliases held to the file limit
    except YAMLProblem as exc:
        where = (
            f"{path}:{exc.line}" + (f":{exc.column}" if exc.column else "") if exc.line else path
        )
        raise GovgraphError(
            f"{where}: {exc.message}; fix the file (or leave it out) and import again"
        ) from None


def _not_a_committee(document: Any) -> str | None:
    if document is None:
        return "empty"
    if not isinstance(document, YMap):
        return "not a mapping of committee fields"
    if "name" not in document:
        return "no name"
    if "members" not in document:
        if "roles" in document or "party" in document:
            return "a person's file (roles, no members)"
        return "no members"
    return None


def _committee(doc: YMap, path: Path) -> Committee:
    chamber = _text(doc, "chamber", path)
    parent = _text(doc, "parent", path)
    if chamber is None and parent in CHAMBERS:  # older files named the chamber as `parent`
        chamber, parent = parent, None
    if chamber is not None and chamber not in CHAMBERS:
        raise GovgraphError(
            f"{path}:{doc.line_of('chamber')}: chamber {chamber!r} is not one Open States "
            f"uses; write {', '.join(CHAMBERS)}"
        )
    classification = (_text(doc, "classification", path) or "committee").lower()
    name = _text(doc, "name", path)
    if not name:
        raise GovgraphError(f"{path}:{doc.line_of('name')}: the committee's name is empty")
    members = doc.get("members") or []
    if not isinstance(members, list):
        raise GovgraphError(
            f"{path}:{doc.line_of('members')}: members must be a list of "
            "{name: …, role: …} entries"
        )
    return Committee(
        path=path,
        source_id=_text(doc, "id", path),
        jurisdiction=_text(doc, "jurisdiction", path),
        name=name,
        chamber=chamber,
        subcommittee=classification == "subcommittee",
        parent=parent,
        urls=_urls(doc, path),
        other_names=_other_names(doc, path),
        members=[_member(entry, index, doc, path) for index, entry in enumerate(members)],
        unused=[key for key in doc if key not in USED]
        + [f"extras.{key}" for key in _mapping(doc, "extras", path)]
        + _dated_other_names(doc),
    )


def _member(entry: Any, index: int, doc: YMap, path: Path) -> Member:
    if not isinstance(entry, YMap):
        raise GovgraphError(
            f"{path}:{doc.line_of('members')}: members[{index}] must be a mapping "
            "such as {name: Jo Bloggs, role: member}"
        )
    name = _text(entry, "name", path)
    if not name:
        raise GovgraphError(
            f"{path}:{entry.line}: members[{index}] has no name; every member needs `name:`"
        )
    return Member(
        name=name,
        role=_text(entry, "role", path),
        person_id=_text(entry, "person_id", path),
        start=_text(entry, "start_date", path),
        end=_text(entry, "end_date", path),
        line=entry.line,
        unused=[key for key in entry if key not in MEMBER_USED],
    )


def _text(mapping: YMap, key: str, path: Path) -> str | None:
    """A scalar field as tidy text (None when absent or blank); a list or mapping is refused."""
    value = mapping.get(key)
    if value is None:
        return None
    if isinstance(value, dict | list):
        raise GovgraphError(f"{path}:{mapping.line_of(key)}: {key} must be text, not a list")
    text = " ".join(str(value).split())
    return text or None


def _mapping(doc: YMap, key: str, path: Path) -> dict[str, Any]:
    value = doc.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise GovgraphError(f"{path}:{doc.line_of(key)}: {key} must be a mapping")
    return value


def _entries(doc: YMap, key: str, path: Path) -> list[Any]:
    value = doc.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise GovgraphError(f"{path}:{doc.line_of(key)}: {key} must be a list")
    return value


def _urls(doc: YMap, path: Path) -> list[tuple[str, str | None]]:
    """Source and link URLs with their notes, in order, each URL once."""
    found: dict[str, str | None] = {}
    for key in ("sources", "links"):
        for entry in _entries(doc, key, path):
            url = _text(entry, "url", path) if isinstance(entry, YMap) else str(entry)
            note = _text(entry, "note", path) if isinstance(entry, YMap) else None
            if url and (url not in found or (note and not found[url])):
                found[url] = note
    return list(found.items())


def _other_names(doc: YMap, path: Path) -> list[str]:
    names = []
    for entry in _entries(doc, "other_names", path):
        name = _text(entry, "name", path) if isinstance(entry, YMap) else str(entry)
        if name and name not in names:
            names.append(name)
    return names


def _dated_other_names(doc: YMap) -> list[str]:
    """``other_names`` dates: govgraph keeps the names, not when they were used."""
    entries = doc.get("other_names")
    if not isinstance(entries, list):
        return []
    return [
        f"other_names.{key}"
        for entry in entries
        if isinstance(entry, dict)
        for key in entry
        if key != "name" and entry[key] not in (None, "")
    ]


# --- what a jurisdiction id names -------------------------------------------------------

#: Open States' states and territories: name, and the lower chamber's name when it is
#: not the House of Representatives. Nebraska and the District of Columbia have one.
STATES: dict[str, tuple[str, str]] = {
    "al": ("Alabama", ""), "ak": ("Alaska", ""), "az": ("Arizona", ""),
    "ar": ("Arkansas", ""), "ca": ("California", "Assembly"), "co": ("Colorado", ""),
    "ct": ("Connecticut", ""), "de": ("Delaware", ""), "fl": ("Florida", ""),
    "ga": ("Georgia", ""), "hi": ("Hawaii", ""), "id": ("Idaho", ""), "il": ("Illinois", ""),
    "in": ("Indiana", ""), "ia": ("Iowa", ""), "ks": ("Kansas", ""), "ky": ("Kentucky", ""),
    "la": ("Louisiana", ""), "me": ("Maine", ""), "md": ("Maryland", "House of Delegates"),
    "ma": ("Massachusetts", ""), "mi": ("Michigan", ""), "mn": ("Minnesota", ""),
    "ms": ("Mississippi", ""), "mo": ("Missouri", ""), "mt": ("Montana", ""),
    "ne": ("Nebraska", ""), "nv": ("Nevada", "Assembly"), "nh": ("New Hampshire", ""),
    "nj": ("New Jersey", "General Assembly"), "nm": ("New Mexico", ""),
    "ny": ("New York", "Assembly"), "nc": ("North Carolina", ""),
    "nd": ("North Dakota", ""), "oh": ("Ohio", ""), "ok": ("Oklahoma", ""),
    "or": ("Oregon", ""), "pa": ("Pennsylvania", ""), "ri": ("Rhode Island", ""),
    "sc": ("South Carolina", ""), "sd": ("South Dakota", ""), "tn": ("Tennessee", ""),
    "tx": ("Texas", ""), "ut": ("Utah", ""), "vt": ("Vermont", ""),
    "va": ("Virginia", "House of Delegates"), "wa": ("Washington", ""),
    "wv": ("West Virginia", "House of Delegates"), "wi": ("Wisconsin", "Assembly"),
    "wy": ("Wyoming", ""), "dc": ("District of Columbia", ""), "pr": ("Puerto Rico", ""),
    "us": ("United States", ""),
}  # fmt: skip
#: The one chamber of a unicameral legislature.
UNICAMERAL = {"ne": "Nebraska Legislature", "dc": "Council of the District of Columbia"}
_STATE = re.compile(r"/(?:state|district|territory):([a-z]{2})(?:/|$)")
_PLACE = re.compile(r"/place:([a-z_]+)(?:/|$)")


@dataclass(frozen=True)
class Place:
    """What a jurisdiction's chambers are called."""

    key: str
    name: str
    lower: str = "House of Representatives"
    #: The name of the one chamber, when there is only one.
    single: str | None = None

    def chamber_name(self, chamber: str) -> str:
        """``Virginia Senate``, ``Virginia House of Delegates``, ``Nebraska Legislature``."""
        if self.single:
            return self.single
        if chamber == "upper":
            return f"{self.name} Senate".strip()
        return f"{self.name} {self.lower}".strip()

    def chamber_label(self, chamber: str) -> str:
        """How a committee's name is qualified by its chamber: Senate, House, Joint."""
        if self.single:
            return ""
        if chamber == "legislature":
            return "Joint"
        if chamber == "upper":
            return "Senate"
        return "House" if "House" in self.lower else self.lower.split()[-1]


def place_of(jurisdiction: str | None) -> Place:
    """The place an ``ocd-jurisdiction`` id names.

    >>> place_of("ocd-jurisdiction/country:us/state:va/government").chamber_name("lower")
    'Virginia House of Delegates'
    >>> place_of("ocd-jurisdiction/country:us/government").chamber_name("upper")
    'United States Senate'
    """
    text = jurisdiction or ""
    state = _STATE.search(text)
    code = (
        state.group(1)
        if state
        else ("us" if text.rstrip("/").endswith("country:us/government") else "")
    )
    place = _PLACE.search(text)
    if place:
        name = place.group(1).replace("_", " ").title()
        return Place(text, name, single=f"{name} Council")
    if code in STATES:
        name, lower = STATES[code]
        return Place(code, name, lower or "House of Representatives", UNICAMERAL.get(code))
    return Place(text, "")
