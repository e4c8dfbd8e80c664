"""Saved ModernGov web-service responses -> plain records that remember their line.

This module only reads: it recognises which response a file is, and turns it
into records (a committee, a councillor, a meeting and its attendees, a
meeting listed under its committee) that say where they were written
(``meetings.xml:12``). :mod:`govgraph.interop.moderngov_import` makes the model
from them. Text is tidied on the way (whitespace-only elements are empty,
doubly encoded entities such as ``&amp;amp;`` are decoded); values are not
interpreted here.

The responses read, by their root element (inside a SOAP envelope if saved with one):

* ``<committees>``: ``GetCommittees``;
* ``<councillorsbyward>``: ``GetCouncillorsByWard``;
* ``<meeting>`` or ``<getmeeting>``: ``GetMeeting`` (one meeting, its attendees);
* ``<getmeetings>``: ``GetMeetings`` (the meetings of each committee).

Any other well-formed XML holds nothing govgraph uses: its :class:`Response`
has no kind, and the importer lists it and goes on.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from govgraph.interop.safexml import XmlDocument, local_name, parse_xml
from govgraph.interop.values import clean_text

#: The councillor fields the import uses; the others are counted as left out.
USED_COUNCILLOR_FIELDS = frozenset(
    ("councillorid", "fullusername", "politicalpartytitle", "representing", "keyposts",
     "termsofoffice")
)  # fmt: skip
#: The responses govgraph reads, as the summary names them.
READ = "GetCommittees, GetMeetings, GetMeeting or GetCouncillorsByWard"


@dataclass(frozen=True)
class Committee:
    """A ``<committee>`` of GetCommittees. Flags are the text as written."""

    id: str | None
    title: str | None
    category: str | None
    deleted: str | None
    expired: str | None
    where: str


@dataclass(frozen=True)
class Term:
    start: str | None
    end: str | None


@dataclass(frozen=True)
class Councillor:
    """A ``<councillor>`` of GetCouncillorsByWard, with the ward it is listed under."""

    id: str | None
    name: str | None
    ward: str | None
    party: str | None
    representing: str | None
    keyposts: str | None
    terms: tuple[Term, ...]
    unused: tuple[str, ...]  # the names of fields not imported (email, addresses …)
    where: str


@dataclass(frozen=True)
class Attendee:
    member_id: str | None
    name: str | None
    role: str | None  # roledescription
    keyposts: str | None
    where: str


@dataclass(frozen=True)
class Meeting:
    """A GetMeeting response. ``committee_id``/``committee_title`` are the meeting's
    own fields; ``document_committees`` the committees its documents name."""

    id: str | None
    date: str | None
    status: str | None
    committee_id: str | None
    committee_title: str | None
    document_committees: tuple[str, ...]
    attendees: tuple[Attendee, ...]
    where: str


@dataclass(frozen=True)
class Listed:
    """A meeting as GetMeetings lists it, under its committee."""

    meeting_id: str | None
    date: str | None
    status: str | None
    committee_id: str | None
    committee_title: str | None
    where: str


@dataclass(frozen=True)
class Count:
    """A count the response states (``committeescount``) and the entries found."""

    name: str
    stated: str
    found: int
    where: str


@dataclass
class Response:
    """One saved file: which response it is (None: nothing govgraph uses) and its records."""

    path: Path
    kind: str | None
    root_name: str
    committees: list[Committee] = field(default_factory=list)
    councillors: list[Councillor] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    listed: list[Listed] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)


def read_response(path: Path) -> Response:
    """The records of one saved response (GovgraphError, naming file and line, if broken)."""
    document = parse_xml(path)
    root = _payload(document.root)
    name = local_name(root.tag)
    reader = _Reader(document)
    if name == "committees":
        response = Response(path, "committees", name, committees=reader.committees(root))
    elif name == "councillorsbyward":
        response = Response(path, "councillors", name, councillors=reader.councillors(root))
    elif name == "getmeetings":
        response = Response(path, "meetings", name, listed=reader.listed(root))
    elif name in ("getmeeting", "meeting") or _first(root, "attendees") is not None:
        meeting = root if name == "meeting" else _first(root, "meeting") or root
        response = Response(path, "meeting", name, meetings=[reader.meeting(meeting)])
    else:
        return Response(path, None, name)
    response.counts = reader.counts
    return response


def _payload(root: ET.Element) -> ET.Element:
    """The response element itself, inside a SOAP envelope if it was saved with one."""
    while local_name(root.tag) in ("envelope", "body") or re.search(
        r"(response|result)$", local_name(root.tag)
    ):
        children = list(root)
        if not children:
            break
        root = children[0]
    return root


def _all(element: ET.Element, name: str) -> Iterator[ET.Element]:
    return (e for e in element.iter() if local_name(e.tag) == name)


def _first(element: ET.Element, name: str) -> ET.Element | None:
    return next(_all(element, name), None)


def _child(element: ET.Element, name: str) -> str | None:
    """The text of a direct child (not of a nested element that has the same name)."""
    found = next((c for c in element if local_name(c.tag) == name), None)
    return None if found is None else clean_text("".join(found.itertext()))


def _text(element: ET.Element, name: str) -> str | None:
    found = _first(element, name)
    return None if found is None else clean_text("".join(found.itertext()))


def _field(element: ET.Element, name: str) -> str | None:
    """An attribute or a child element's text (ModernGov versions use both)."""
    for key, value in element.attrib.items():
        if local_name(key) == name:
            return clean_text(value)
    return _child(element, name)


class _Reader:
    def __init__(self, document: XmlDocument) -> None:
        self.document = document
        self.counts: list[Count] = []

    def where(self, element: ET.Element) -> str:
        return self.document.where(element)

    def count(self, element: ET.Element, name: str, found: int) -> None:
        stated = next((c for c in element if local_name(c.tag) == name), None)
        text = None if stated is None else clean_text(stated.text)
        if stated is not None and text is not None:
            self.counts.append(Count(name, text, found, self.where(stated)))

    def committees(self, root: ET.Element) -> list[Committee]:
        entries = [
            Committee(
                _child(e, "committeeid"),
                _child(e, "committeetitle"),
                _child(e, "committeecategory"),
                _child(e, "committeedeleted"),
                _child(e, "committeeexpired"),
                self.where(e),
            )  # fmt: skip
            for e in _all(root, "committee")
        ]
        self.count(root, "committeescount", len(entries))
        return entries

    def councillors(self, root: ET.Element) -> list[Councillor]:
        found = []
        for ward in _all(root, "ward"):
            ward_name = _child(ward, "wardtitle")
            entries = list(_all(ward, "councillor"))
            for group in _all(ward, "councillors"):
                self.count(group, "councillorcount", len(list(_all(group, "councillor"))))
            for entry in entries:
                terms = tuple(
                    Term(_child(t, "startdate"), _child(t, "enddate"))
                    for t in _all(entry, "termofoffice")
                )
                unused = tuple(
                    local_name(c.tag)
                    for c in entry
                    if local_name(c.tag) not in USED_COUNCILLOR_FIELDS
                )
                found.append(
                    Councillor(
                        _child(entry, "councillorid"),
                        _child(entry, "fullusername"),
                        ward_name,
                        _child(entry, "politicalpartytitle"),
                        _child(entry, "representing"),
                        _child(entry, "keyposts"),
                        terms,
                        unused,
                        self.where(entry),
                    )  # fmt: skip
                )
        return found

    def meeting(self, element: ET.Element) -> Meeting:
        documents = {
            title
            for doc in _all(element, "linkeddoc")
            if (title := _child(doc, "committeetitle")) is not None
        }
        attendees = tuple(
            Attendee(
                _field(a, "memberid"),
                _field(a, "name"),
                _field(a, "roledescription"),
                _field(a, "keyposts"),
                self.where(a),
            )  # fmt: skip
            for a in _all(element, "attendee")
        )
        return Meeting(
            _child(element, "meetingid"), _child(element, "meetingdate"),
            _child(element, "meetingstatus"), _child(element, "committeeid"),
            _child(element, "committeetitle"), tuple(sorted(documents)), attendees,
            self.where(element),
        )  # fmt: skip

    def listed(self, root: ET.Element) -> list[Listed]:
        found: list[Listed] = []
        inside: set[int] = set()
        for committee in _all(root, "committee"):
            committee_id = _child(committee, "committeeid")
            title = _child(committee, "committeetitle")
            meetings = list(_all(committee, "meeting"))
            inside.update(id(m) for m in meetings)
            for group in _all(committee, "committeemeetings"):
                self.count(committee, "committeemeetingcount", len(list(_all(group, "meeting"))))
            found += [self._listed(m, committee_id, title) for m in meetings]
        # Some versions list meetings flat, each naming its committee.
        flat = [m for m in _all(root, "meeting") if id(m) not in inside]
        found += [self._listed(m, None, None) for m in flat]
        self.count(root, "meetingscount", len(found))
        return found

    def _listed(self, element: ET.Element, committee_id: str | None, title: str | None) -> Listed:
        return Listed(
            _child(element, "meetingid"), _child(element, "meetingdate"),
            _child(element, "meetingstatus"), _child(element, "committeeid") or committee_id,
            _child(element, "committeetitle") or title, self.where(element),
        )  # fmt: skip
