"""Saved ModernGov web-service responses -> a govgraph model (``govgraph import moderngov``).

ModernGov (``/mgWebService.asmx``) has no call that lists a committee's
members, so the model is pieced together from the responses councils save
(read by :mod:`govgraph.interop.moderngov_read`), in one call, in any order:

* ``GetCommittees`` gives the bodies. ``committeedeleted`` True: left out (a
  deleted entry is a mistake or a test, not history). ``committeeexpired``
  True: left out by default, because ModernGov gives no date and govgraph will
  not invent one; with ``include_expired`` it is imported, left current, with
  a comment above it asking for its ``dissolved`` date. A committee titled
  "Council" (or "Full Council", "County Council" …) is the council: it goes in
  ``draft.source_roots`` and the shared mapping makes the others report to it.
* ``GetMeetings`` lists the meetings of each committee: it is what links a
  ``GetMeeting`` response that names no committee to its committee.
* ``GetMeeting`` gives each meeting's attendees: everyone listed in a member
  role becomes a member of the meeting's committee, ``from`` the first and
  ``to`` the last meeting they were listed at (no ``to`` when listed at the
  latest meeting read). Roles go through the role vocabulary ("Chairman" ->
  chair, "Substitute"/"Alternate" -> substitute). Officers, clerks and guests
  are not members and are not imported. The committee is the meeting's own
  ``committeeid``; else the committee GetMeetings lists it under; else its own
  ``committeetitle``, or the one committee its documents name, matched to a
  GetCommittees title.
* ``GetCouncillorsByWard`` gives the people and each councillor's terms of
  office as memberships of the council (made if no response names one). A
  term ending on the day the next begins ends the day before, so the mapping
  joins re-elections into one seat; the last term's end is ``term_ends``.
  ``keyposts`` go through the vocabulary: "Lord Mayor", "Chairman of the
  Council" make the councillor the council's chair, "Deputy Mayor" its
  vice-chair, "Chair of X" the chair of committee X. ``representing`` that
  names an organisation (a council, an authority, an association …) other
  than the ward or party becomes ``on_behalf_of``; anything else stays a note.
  Contact details and addresses are not imported.

One ModernGov committee id is one body, whichever file it came through. A
file that holds no response govgraph reads is listed and skipped; a file that
is not well-formed XML stops the import before anything is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from govgraph.errors import GovgraphError
from govgraph.interop.draft import Draft, ordered
from govgraph.interop.moderngov_councillors import CouncillorsState
from govgraph.interop.moderngov_read import (
    READ,
    Attendee,
    Committee,
    Listed,
    Meeting,
    Response,
    read_response,
)
from govgraph.interop.moderngov_rules import (
    NON_VOTING,
    not_a_member,
)
from govgraph.interop.moderngov_state import plural
from govgraph.interop.roles import RoleMapper
from govgraph.interop.values import slugify, true_false


def import_moderngov(
    paths: Sequence[Path], include_expired: bool = False, roles: RoleMapper | None = None
) -> Draft:
    """Read saved ModernGov responses into a :class:`Draft` (rules in the module docstring)."""
    draft = Draft(source="ModernGov web-service responses", files=[p.name for p in paths])
    draft.roles = roles or RoleMapper()
    responses = [read_response(path) for path in paths]  # any broken file stops here
    if not any(r.kind for r in responses):
        names = ", ".join(f"{r.path.name} (<{r.root_name}>)" for r in responses)
        raise GovgraphError(
            f"none of the files is a ModernGov response govgraph reads: {names}; "
            f"give saved {READ} responses"
        )
    state = _ModernGov(draft, include_expired)
    for response in responses:
        if response.kind is None:
            draft.read.append(
                f"{response.path.name}: skipped: <{response.root_name}> is not a {READ} response"
            )
            draft.skipped.add("file that holds nothing govgraph reads", response.path.name)
    # Bodies first, then what links meetings to them, then people, then attendees.
    readers = {
        "committees": state.read_committees,
        "meetings": state.read_meetings,
        "councillors": state.read_councillors,
        "meeting": state.read_meeting,
    }
    for kind, read in readers.items():
        for response in responses:
            if response.kind == kind:
                state.counts(response)
                read(response)
    state.finish()
    if not draft.bodies and not draft.people:
        raise GovgraphError(
            f"{', '.join(r.path.name for r in responses)}: no committees, councillors or "
            "placed meetings in these responses, so there is nothing to import; "
            f"give saved {READ} responses that list them"
        )
    return draft


class _ModernGov(CouncillorsState):
    """Reads GetCommittees, GetMeetings and GetMeeting (and, through
    :class:`CouncillorsState`, GetCouncillorsByWard) into the draft."""

    def __init__(self, draft: Draft, include_expired: bool) -> None:
        super().__init__(draft)
        self.include_expired = include_expired
        self.listing: dict[str, tuple[Listed, str]] = {}  # meeting id -> listing, its file
        self.listed: dict[tuple[str, str, str, str], list[date | None]] = {}
        self.held: dict[str, list[date | None]] = {}  # our body id -> meeting days
        self.titles: dict[tuple[str, str, str], tuple[str, str]] = {}
        self.meeting_ids: set[str] = set()

    # --- GetCommittees --------------------------------------------------------------------

    def read_committees(self, response: Response) -> None:
        expired = deleted = 0
        for entry in response.committees:
            if entry.title is None:
                self.skipped.add("committee without a title", f"{entry.where}: id {entry.id}")
                continue
            key = entry.id or f"title:{slugify(entry.title)}"
            if key in self.by_committee or key in self.left_out:
                continue
            self.by_title.setdefault(slugify(entry.title), key)
            if self._flag(entry, entry.deleted, "committeedeleted"):
                deleted += 1
                self.left_out[key] = "deleted"
                self.skipped.add("deleted committee (committeedeleted True) left out", entry.title)
                continue
            is_expired = self._flag(entry, entry.expired, "committeeexpired")
            expired += is_expired
            if is_expired and not self.include_expired:
                self.left_out[key] = "expired"
                self.skipped.add(
                    "expired committee left out (no date given; --include-expired keeps it)",
                    entry.title,
                )
                continue
            ours = self.body(key, entry.title, entry.category, entry.id)
            if is_expired:
                self.draft.comment(
                    ours, "ModernGov marks this committee expired but gives no date:"
                )
                self.draft.comment(ours, "add `dissolved: YYYY-MM-DD` below (or delete the body)")
        extra = [f"{expired} expired", f"{deleted} deleted"]
        self.read(response, plural(len(response.committees), "committee"), extra)

    def _flag(self, entry: Committee, text: str | None, name: str) -> bool:
        try:
            return bool(true_false(text))
        except ValueError:
            self.skipped.add(
                f"{name} neither True nor False (read as False)", f"{entry.where}: {text}"
            )
            return False

    # --- GetMeetings ----------------------------------------------------------------------

    def read_meetings(self, response: Response) -> None:
        committees: set[str] = set()
        for entry in response.listed:
            key = self.committee_key(entry.committee_id, entry.committee_title)
            if key is None:
                self.skipped.add("listed meeting naming no committee", entry.where)
                continue
            committees.add(key)
            self.committee(key, entry.committee_title)  # a committee that meets is a body
            if entry.meeting_id is not None:
                self.listing.setdefault(entry.meeting_id, (entry, response.path.name))
        what = (
            f"{plural(len(response.listed), 'meeting')} of {plural(len(committees), 'committee')}"
        )
        self.read(response, what, ["links meetings to committees"] if response.listed else [])

    # --- GetMeeting -----------------------------------------------------------------------

    def read_meeting(self, response: Response) -> None:
        for meeting in response.meetings:
            self._meeting(response, meeting)

    def _meeting(self, response: Response, meeting: Meeting) -> None:
        found = self._meeting_committee(meeting)
        label = f"meeting {meeting.id}" if meeting.id else "meeting"
        if found is None:
            self.skipped.add(
                "meeting naming no committee (give the GetMeetings response that lists it)",
                f"{meeting.where}: {label}",
            )
            self.read(response, f"{label}, not placed: it names no committee")
            return
        key, title, how = found
        body = self.committee(key, title)
        if body is None:
            self.skipped.add(
                f"meeting of a committee left out ({self.left_out[key]})", meeting.where
            )
            self.read(response, f"{label}, of a committee left out ({self.left_out[key]})")
            return
        if meeting.id is not None and meeting.id in self.meeting_ids:
            self.skipped.add("the same meeting given twice (read once)", response.path.name)
            self.read(response, f"{label} again (read once)")
            return
        self.meeting_ids.add(meeting.id or meeting.where)
        day = self.day(meeting.date, meeting.where)
        self.held.setdefault(body, []).append(day)
        for attendee in meeting.attendees:
            self._attendee(body, day, attendee)
        when = f" on {day:%d/%m/%Y}" if day else ""
        what = f"{label} of {self.bodies[body]['name']}{when}, " + plural(
            len(meeting.attendees), "attendee"
        )
        self.read(response, what, [how] if how else [])

    def _meeting_committee(self, meeting: Meeting) -> tuple[str, str | None, str] | None:
        """(committee key, title, how it was found) for a meeting, or None."""
        if meeting.committee_id:
            return meeting.committee_id, meeting.committee_title, ""
        listed = self.listing.get(meeting.id or "")
        if listed is not None:
            entry, file = listed
            key = self.committee_key(entry.committee_id, entry.committee_title)
            if key is not None:
                return key, entry.committee_title, f"committee from {file}"
        if meeting.committee_title:
            key = self.committee_key(None, meeting.committee_title)
            assert key is not None
            return key, meeting.committee_title, "committee by its title"
        if len(meeting.document_committees) == 1:
            title = meeting.document_committees[0]
            key = self.committee_key(None, title)
            assert key is not None
            return key, title, "committee named on its documents"
        return None

    def _attendee(self, body: str, day: date | None, attendee: Attendee) -> None:
        name, description = attendee.name, attendee.role
        if description and not_a_member(description, self.draft.roles):
            self.skipped.add("attendee who is not a member (officer, clerk, guest)", name)
            return
        person = self.person(attendee.member_id, name)
        if person is None:
            self.skipped.add("attendee without an id or a name", attendee.where)
            return
        title_key = (body, person, description or "")
        if title_key not in self.titles:
            role, note = self.draft.roles.role(description)
            self.titles[title_key] = (role, note or "")
        role, note = self.titles[title_key]
        self.listed.setdefault((body, person, role, note), []).append(day)
        if attendee.keyposts:
            self.keyposts.append((person, attendee.keyposts))

    def finish(self) -> None:
        for (body, person, role, note), days in self.listed.items():
            known = sorted(d for d in days if d is not None)
            held = sorted(d for d in self.held[body] if d is not None)
            first, last = (known[0], known[-1]) if known else (None, None)
            listed = f"listed at {plural(len(days), 'meeting')}"
            self.add(
                body,
                {"member": person, "role": role, "voting": not NON_VOTING.search(note),
                 "from": first, "to": last if last and held and last < held[-1] else None,
                 "note": "; ".join(p for p in (note, listed) if p)},
            )  # fmt: skip
        for person, text in self.keyposts:
            self.place_keyposts(person, text)
        for body, days in self.held.items():
            known = sorted(d for d in days if d is not None)
            span = f" ({known[0]:%d/%m/%Y} to {known[-1]:%d/%m/%Y})" if known else ""
            self.draft.comment(
                body,
                f"Members from {plural(len(days), 'ModernGov meeting attendee list')}"
                f"{span}: `from`/`to` are the first/last meeting each was listed at",
            )
        self.draft.organisations.extend(
            ordered("organisation", o) for o in self.organisations.values()
        )
        self.draft.people.extend(self.people.values())
        for ours, values in self.bodies.items():
            self.draft.bodies.append(ordered("body", {**values, "members": self.members[ours]}))
        self.draft.section_notes["bodies"] = [
            "ModernGov does not record who reports to whom: the import puts every committee "
            "under the council; correct `reports_to` by hand where a committee reports "
            "elsewhere (sub-committees with no parent are left for you to place)."
        ]
