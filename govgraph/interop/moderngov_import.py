"""Saved ModernGov web-service responses -> a govgraph model (``govgraph import moderngov``).

ModernGov (``/mgWebService.asmx``) has no call that lists a committee's
members, so the model is pieced together from three responses:

* ``GetCommittees`` gives the bodies. ``committeedeleted`` True: skipped (a
  deleted entry is a mistake or a test, not history). ``committeeexpired``
  True: skipped by default, because ModernGov gives no date and govgraph will
  not invent one; with ``include_expired`` it is imported, left current, with
  a comment above it asking for its ``dissolved`` date. A committee titled
  "Council" (or "Full Council", "County Council" …) is the root.
* ``GetCouncillorsByWard`` gives the people, and each councillor's terms of
  office as memberships of Full Council (made if ``GetCommittees`` has none):
  a term followed by a later one ends (``to``) on its end date; the last term's
  end date is ``term_ends``. Party, ward and ``representing`` (often the
  nominating body, i.e. on-behalf-of) go in the membership's note; ``keyposts``
  such as "Chairman of the Council" become chair / vice-chair memberships.
  Contact details and addresses are not imported.
* ``GetMeeting`` gives each meeting's attendees: everyone listed in a member
  role becomes a member of the meeting's committee, ``from`` the first and
  ``to`` the last meeting they were listed at (no ``to`` when listed at the
  committee's latest meeting). "Chairman"/"Chair" -> chair. Officers, clerks
  and guests are not members and are not imported.

Quirks handled: ``dd/mm/yyyy`` dates, ``unspecified`` end dates, counts padded
with spaces (and checked against the entries, to catch truncated responses),
whitespace-only elements, ``True``/``False`` strings, doubly encoded entities
(``&amp;amp;``), SOAP envelopes, and HTML error pages saved as ``.xml``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from govgraph.errors import GovgraphError
from govgraph.interop.draft import Draft, ordered
from govgraph.interop.roles import RoleMapper
from govgraph.interop.safexml import local_name, parse_xml
from govgraph.interop.values import (
    body_kind,
    british_date,
    clean_text,
    person_slug,
    role_of,
    slugify,
    true_false,
)

_COUNCIL_TITLE = re.compile(r"^(full |county |city |borough |district )?council( meeting)?$", re.I)
_NOT_MEMBER = re.compile(r"officer|clerk|in attendance|guest|democratic|visitor|speaker", re.I)
_KEYPOST_CHAIR = re.compile(
    r"^(vice[- ]?|deputy )?chair(man|woman|person)?\b(?: of (?:the )?(.+))?$", re.IGNORECASE
)
USED_COUNCILLOR_FIELDS = {
    "councillorid", "fullusername", "politicalpartytitle", "representing", "keyposts",
    "termsofoffice",
}  # fmt: skip
BODY, PERSON = "body", "person"


def import_moderngov(
    paths: Sequence[Path], include_expired: bool = False, roles: RoleMapper | None = None
) -> Draft:
    """Read saved ModernGov responses into a :class:`Draft` (rules in the module docstring)."""
    draft = Draft(source="ModernGov web-service responses", files=[p.name for p in paths])
    draft.roles = roles or RoleMapper()
    documents = [(path, _payload(parse_xml(path))) for path in paths]
    kinds = {path: _response_kind(root, path) for path, root in documents}
    state = _ModernGov(draft, include_expired)
    for wanted in ("committees", "councillors", "meeting"):  # bodies and names first
        for path, root in documents:
            if kinds[path] == wanted:
                getattr(state, wanted)(root, path)
    state.finish()
    return draft


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


def _response_kind(root: ET.Element, path: Path) -> str:
    name = local_name(root.tag)
    if name == "committees":
        return "committees"
    if name == "councillorsbyward":
        return "councillors"
    if name in ("getmeeting", "meeting") or _first(root, "attendees") is not None:
        return "meeting"
    if name == "getmeetings":
        raise GovgraphError(
            f"{path}: a GetMeetings response lists meetings but not who sits on them; "
            "save GetMeeting?lMeetingId=… for the meetings you want and import those"
        )
    raise GovgraphError(
        f"{path}: <{name}> is not a ModernGov response govgraph reads; give saved "
        "GetCommittees, GetCouncillorsByWard or GetMeeting responses"
    )


def _all(element: ET.Element, name: str) -> Iterator[ET.Element]:
    return (e for e in element.iter() if local_name(e.tag) == name)


def _first(element: ET.Element, name: str) -> ET.Element | None:
    return next(_all(element, name), None)


def _text(element: ET.Element, name: str) -> str | None:
    found = _first(element, name)
    return None if found is None else clean_text("".join(found.itertext()))


def _field(element: ET.Element, name: str) -> str | None:
    """An attribute or a child element's text (ModernGov versions use both)."""
    for key, value in element.attrib.items():
        if local_name(key) == name:
            return clean_text(value)
    return _text(element, name)


class _ModernGov:
    def __init__(self, draft: Draft, include_expired: bool) -> None:
        self.draft = draft
        self.skipped = draft.skipped
        self.include_expired = include_expired
        self.bodies: dict[str, dict[str, Any]] = {}  # our id -> body values
        self.by_committee: dict[str, str] = {}  # ModernGov committee id or title -> our id
        self.left_out: dict[str, str] = {}  # ModernGov committee id or title -> why
        self.people: dict[str, dict[str, Any]] = {}  # ModernGov member id -> person values
        self.members: dict[str, list[dict[str, Any]]] = {}  # our body id -> memberships
        self.listed: dict[tuple[str, str, str, str], list[date | None]] = {}
        self.meetings: dict[str, list[date | None]] = {}
        self.seen: set[tuple[str, str]] = set()
        self.meeting_ids: set[str] = set()
        self.council: str | None = None

    # --- GetCommittees --------------------------------------------------------------------

    def committees(self, root: ET.Element, path: Path) -> None:
        entries = list(_all(root, "committee"))
        self._check_count(root, "committeescount", len(entries), path)
        for entry in entries:
            committee_id = _text(entry, "committeeid")
            title = _text(entry, "committeetitle")
            if title is None:
                self.skipped.add("committee without a title", f"{path.name}: id {committee_id}")
                continue
            key = committee_id or title
            if key in self.by_committee or key in self.left_out:
                continue
            if self._flag(entry, "committeedeleted", path):
                self.left_out[key] = "deleted"
                self.skipped.add("deleted committee (committeedeleted True) left out", title)
                continue
            expired = self._flag(entry, "committeeexpired", path)
            if expired and not self.include_expired:
                self.left_out[key] = "expired"
                self.skipped.add(
                    "expired committee left out (no date given; --include-expired keeps it)",
                    title,
                )
                continue
            ours = self._body(key, title, _text(entry, "committeecategory"), committee_id)
            if expired:
                self.draft.comment(
                    ours, "ModernGov marks this committee expired but gives no date:"
                )
                self.draft.comment(ours, "add `dissolved: YYYY-MM-DD` below (or delete the body)")

    def _flag(self, entry: ET.Element, name: str, path: Path) -> bool:
        text = _text(entry, name)
        try:
            return bool(true_false(text))
        except ValueError:
            self.skipped.add(
                f"{name} neither True nor False (read as False)", f"{path.name}: {text}"
            )
            return False

    def _body(self, key: str, title: str, category: str | None, committee_id: str | None) -> str:
        council = bool(_COUNCIL_TITLE.match(title))
        kind = "council" if council else body_kind(title, category)
        ours = self.draft.ids.claim(BODY, key, slugify(title, "body"))
        self.bodies[ours] = {
            "id": ours,
            "name": title,
            "kind": "committee" if kind == "other" else kind,
            "root": council and self.council is None,
        }
        if council and self.council is None:
            self.council = ours
        self.members[ours] = []
        self.by_committee[key] = ours
        if committee_id:
            self.draft.origins[ours] = f"ModernGov committee {committee_id}"
        return ours

    def _check_count(self, root: ET.Element, name: str, found: int, path: Path) -> None:
        stated = _text(root, name)
        if stated is None:
            return
        try:
            count = int(stated)
        except ValueError:
            self.skipped.add(f"{name} that is not a number", f"{path.name}: {stated!r}")
            return
        if count != found:
            self.skipped.add(
                "response whose count differs from its entries (truncated?)",
                f"{path.name}: {name} {count}, entries {found}",
            )

    # --- GetCouncillorsByWard -------------------------------------------------------------

    def councillors(self, root: ET.Element, path: Path) -> None:
        council = self._council()
        for ward in _all(root, "ward"):
            ward_name = _text(ward, "wardtitle")
            entries = list(_all(ward, "councillor"))
            self._check_count(ward, "councillorcount", len(entries), path)
            for entry in entries:
                person = self._person(_text(entry, "councillorid"), _text(entry, "fullusername"))
                if person is None:
                    self.skipped.add("councillor without an id or a name", path.name)
                    continue
                for child in entry:
                    if local_name(child.tag) not in USED_COUNCILLOR_FIELDS:
                        self.skipped.note_field(f"councillor.{local_name(child.tag)}")
                note = self._councillor_note(entry, ward_name)
                self._terms(entry, council, person, note, path)
                self._keyposts(_text(entry, "keyposts"), council, person)

    def _council(self) -> str:
        if self.council is None:
            ours = self._body("full council", "Full Council", None, None)
            self.draft.comment(
                ours,
                "Made by govgraph to hold the councillors of GetCouncillorsByWard: "
                "GetCommittees had no committee titled Council",
            )
        assert self.council is not None
        return self.council

    def _councillor_note(self, entry: ET.Element, ward: str | None) -> str:
        party = _text(entry, "politicalpartytitle")
        representing = _text(entry, "representing")
        parts = [party, f"ward: {ward}" if ward else None]
        if representing and representing != ward:
            parts.append(f"representing {representing}")
        return "; ".join(p for p in parts if p)

    def _terms(self, entry: ET.Element, council: str, person: str, note: str, path: Path) -> None:
        terms = []
        for term in _all(entry, "termofoffice"):
            start = self._date(_text(term, "startdate"), path)
            end = self._date(_text(term, "enddate"), path)
            if start and end and end < start:
                self.skipped.add("term of office ending before it starts (end left out)", person)
                end = None
            terms.append((start, end))
        terms = _joined(sorted(terms, key=lambda t: t[0] or date.min)) or [(None, None)]
        for index, (start, end) in enumerate(terms):
            last = index == len(terms) - 1
            self._add(
                council,
                {"member": person, "from": start, "to": None if last else end,
                 "term_ends": end if last else None, "note": note or None},
            )  # fmt: skip

    def _keyposts(self, text: str | None, council: str, person: str) -> None:
        for post in re.split(r"\s*(?:;|\n|<br\s*/?>)\s*", text or ""):
            if not post:
                continue
            match = _KEYPOST_CHAIR.match(post)
            target = self._body_titled(match.group(3)) if match and match.group(3) else council
            if match is None or target is None:
                self.skipped.add("key post with no place in the model (not imported)", post)
                continue
            role = "vice-chair" if match.group(1) else "chair"
            self._add(target, {"member": person, "role": role, "note": f"key post: {post}"})

    def _body_titled(self, title: str) -> str | None:
        if _COUNCIL_TITLE.match(title):
            return self._council()
        wanted = slugify(title)
        return next((i for i, b in self.bodies.items() if slugify(b["name"]) == wanted), None)

    # --- GetMeeting -----------------------------------------------------------------------

    def meeting(self, root: ET.Element, path: Path) -> None:
        committee_id = _text(root, "committeeid")
        title = _text(root, "committeetitle")
        key = committee_id or title
        if key is None:
            raise GovgraphError(f"{path}: the meeting names no committee (no committeeid)")
        if key in self.left_out:
            self.skipped.add(f"meeting of a committee left out ({self.left_out[key]})", path.name)
            return
        meeting_id = _text(root, "meetingid")
        if meeting_id is not None and meeting_id in self.meeting_ids:
            self.skipped.add("the same meeting given twice (read once)", path.name)
            return
        self.meeting_ids.add(meeting_id or path.name)
        body = self.by_committee.get(key) or self._body(key, title or key, None, committee_id)
        day = self._date(_text(root, "meetingdate"), path)
        self.meetings.setdefault(body, []).append(day)
        for attendee in _all(root, "attendee"):
            name = _field(attendee, "name")
            description = _field(attendee, "roledescription")
            role = role_of(description)
            if role is None and description and _NOT_MEMBER.search(description):
                self.skipped.add("attendee who is not a member (officer, clerk, guest)", name)
                continue
            person = self._person(_field(attendee, "memberid"), name)
            if person is None:
                self.skipped.add("attendee without an id or a name", path.name)
                continue
            note = ""
            if role is None:
                self.skipped.add(
                    "role with no govgraph equivalent (kept as member, noted)", description
                )
                role, note = "member", f"role: {description}"
            elif description and re.search(r"co-?opt|non-?voting", description, re.I):
                note = description
            self.listed.setdefault((body, person, role, note), []).append(day)

    # --- shared ---------------------------------------------------------------------------

    def _person(self, member_id: str | None, name: str | None) -> str | None:
        key = member_id or name
        if key is None:
            return None
        found = self.draft.ids.get(PERSON, key)
        if found is not None:
            return found
        ours = self.draft.ids.claim(PERSON, key, person_slug(name or f"person {key}"))
        self.people[ours] = {"id": ours, "name": name or f"ModernGov member {key}"}
        if member_id:
            self.draft.origins[ours] = f"ModernGov member {member_id}"
        return ours

    def _date(self, text: str | None, path: Path) -> date | None:
        if text is None:
            return None
        try:
            return british_date(text)
        except ValueError:
            self.skipped.add("date not understood (left out)", f"{path.name}: {text!r}")
            return None

    def _add(self, body: str, values: dict[str, Any]) -> None:
        membership = ordered("membership", values)
        key = (body, repr(membership))
        if key not in self.seen:  # the same councillor in two saved files
            self.seen.add(key)
            self.members[body].append(membership)

    def finish(self) -> None:
        for (body, person, role, note), days in self.listed.items():
            known = sorted(d for d in days if d is not None)
            held = sorted(d for d in self.meetings[body] if d is not None)
            first, last = (known[0], known[-1]) if known else (None, None)
            count = len(days)
            listed = f"listed at {count} meeting{'s' if count != 1 else ''}"
            self._add(
                body,
                {"member": person, "role": role,
                 "voting": not re.search(r"non-?voting", note, re.I), "from": first,
                 "to": last if last and held and last < held[-1] else None,
                 "note": "; ".join(p for p in (note, listed) if p)},
            )  # fmt: skip
        for body, days in self.meetings.items():
            known = sorted(d for d in days if d is not None)
            span = f" ({known[0]:%d/%m/%Y} to {known[-1]:%d/%m/%Y})" if known else ""
            self.draft.comment(
                body,
                f"Members from {len(days)} ModernGov meeting attendee list"
                f"{'s' if len(days) != 1 else ''}{span}: `from`/`to` are the first/last "
                "meeting each was listed at",
            )
        self.draft.people.extend(self.people.values())
        for ours, values in self.bodies.items():
            self.draft.bodies.append(ordered("body", {**values, "members": self.members[ours]}))
        self.draft.section_notes["bodies"] = [
            "ModernGov does not record who reports to whom: add `reports_to` to each body "
            "by hand (until then `govgraph check` reports them as orphaned)."
        ]


def _joined(terms: list[tuple[date | None, date | None]]) -> list[tuple[date | None, date | None]]:
    """Terms of office with back-to-back ones (re-election) joined into one period."""
    joined: list[tuple[date | None, date | None]] = []
    for start, end in terms:
        if joined:
            previous_start, previous_end = joined[-1]
            if previous_end and start and (start - previous_end).days <= 1:
                joined[-1] = (previous_start, end)
                continue
        joined.append((start, end))
    return joined
