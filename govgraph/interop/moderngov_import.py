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
from typing import Any

from govgraph.errors import GovgraphError
from govgraph.interop.draft import Draft, ordered
from govgraph.interop.moderngov_read import (
    READ,
    Committee,
    Councillor,
    Listed,
    Meeting,
    Response,
    read_response,
)
from govgraph.interop.moderngov_rules import (
    NON_VOTING,
    is_civic,
    is_council,
    names_organisation,
    not_a_member,
    seat_periods,
    split_keyposts,
)
from govgraph.interop.roles import RoleMapper
from govgraph.interop.values import body_kind, british_date, person_slug, slugify, true_false
from govgraph.names import fold_name

BODY, PERSON, ORGANISATION = "body", "person", "organisation"


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


class _ModernGov:
    def __init__(self, draft: Draft, include_expired: bool) -> None:
        self.draft = draft
        self.skipped = draft.skipped
        self.include_expired = include_expired
        self.bodies: dict[str, dict[str, Any]] = {}  # our id -> body values
        self.by_committee: dict[str, str] = {}  # ModernGov committee id (or title:…) -> ours
        self.by_title: dict[str, str] = {}  # slug of a committee title -> committee key
        self.left_out: dict[str, str] = {}  # committee key -> why
        self.listing: dict[str, tuple[Listed, str]] = {}  # meeting id -> listing, its file
        self.people: dict[str, dict[str, Any]] = {}
        self.organisations: dict[str, dict[str, Any]] = {}
        self.members: dict[str, list[dict[str, Any]]] = {}  # our body id -> memberships
        self.listed: dict[tuple[str, str, str, str], list[date | None]] = {}
        self.held: dict[str, list[date | None]] = {}  # our body id -> meeting days
        self.titles: dict[tuple[str, str, str], tuple[str, str]] = {}
        self.keyposts: list[tuple[str, str]] = []  # person, key posts
        #: person -> (start of the current term, organisation sat for) of their council seat
        self.current_term: dict[str, tuple[date | None, str | None]] = {}
        self.seen: set[tuple[str, str]] = set()
        self.meeting_ids: set[str] = set()
        self.council: str | None = None

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
            ours = self._body(key, entry.title, entry.category, entry.id)
            if is_expired:
                self.draft.comment(
                    ours, "ModernGov marks this committee expired but gives no date:"
                )
                self.draft.comment(ours, "add `dissolved: YYYY-MM-DD` below (or delete the body)")
        extra = [f"{expired} expired", f"{deleted} deleted"]
        self._read(response, _plural(len(response.committees), "committee"), extra)

    def _flag(self, entry: Committee, text: str | None, name: str) -> bool:
        try:
            return bool(true_false(text))
        except ValueError:
            self.skipped.add(
                f"{name} neither True nor False (read as False)", f"{entry.where}: {text}"
            )
            return False

    def _body(self, key: str, title: str, category: str | None, committee_id: str | None) -> str:
        council = is_council(title, category)
        kind = "council" if council else body_kind(title, category)
        ours = self.draft.ids.claim(BODY, key, slugify(title, "body"))
        self.bodies[ours] = {
            "id": ours,
            "name": title,
            "kind": "committee" if kind == "other" else kind,
        }
        if council and self.council is None:
            self.council = ours
            self.draft.source_roots.append(ours)
        self.members[ours] = []
        self.by_committee[key] = ours
        self.by_title.setdefault(slugify(title), key)
        if committee_id:
            self.draft.origins[ours] = f"ModernGov committee {committee_id}"
        return ours

    def counts(self, response: Response) -> None:
        for count in response.counts:
            try:
                stated = int(count.stated)
            except ValueError:
                self.skipped.add(
                    f"{count.name} that is not a number", f"{count.where}: {count.stated!r}"
                )
                continue
            if stated != count.found:
                self.skipped.add(
                    "response whose count differs from its entries (truncated?)",
                    f"{count.where}: {count.name} {stated}, entries {count.found}",
                )

    def _read(self, response: Response, what: str, extra: Sequence[str] = ()) -> None:
        shown = [e for e in extra if not e.startswith("0 ")]
        self.draft.read.append(
            f"{response.path.name}: {what}" + (f" ({', '.join(shown)})" if shown else "")
        )

    # --- GetMeetings ----------------------------------------------------------------------

    def read_meetings(self, response: Response) -> None:
        committees: set[str] = set()
        for entry in response.listed:
            key = self._committee_key(entry.committee_id, entry.committee_title)
            if key is None:
                self.skipped.add("listed meeting naming no committee", entry.where)
                continue
            committees.add(key)
            self._committee(key, entry.committee_title)  # a committee that meets is a body
            if entry.meeting_id is not None:
                self.listing.setdefault(entry.meeting_id, (entry, response.path.name))
        what = (
            f"{_plural(len(response.listed), 'meeting')} of {_plural(len(committees), 'committee')}"
        )
        self._read(response, what, ["links meetings to committees"] if response.listed else [])

    def _committee_key(self, committee_id: str | None, title: str | None) -> str | None:
        """The committee these name: its id, else the committee of that title if known."""
        if committee_id:
            return committee_id
        if title:
            return self.by_title.get(slugify(title), f"title:{slugify(title)}")
        return None

    def _committee(self, key: str, title: str | None) -> str | None:
        """Our body for a committee key (made if new), or None if it was left out."""
        if key in self.left_out:
            return None
        found = self.by_committee.get(key)
        if found is not None:
            return found
        return self._body(
            key,
            title or f"ModernGov committee {key}",
            None,
            None if key.startswith("title:") else key,
        )

    # --- GetCouncillorsByWard -------------------------------------------------------------

    def read_councillors(self, response: Response) -> None:
        council = self._council()
        wards = {c.ward for c in response.councillors}
        for entry in response.councillors:
            person = self._person(entry.id, entry.name)
            if person is None:
                self.skipped.add("councillor without an id or a name", entry.where)
                continue
            for name in entry.unused:
                self.skipped.note_field(f"councillor.{name}")
            self._terms(entry, council, person)
            if entry.keyposts:
                self.keyposts.append((person, entry.keyposts))
        what = (
            f"{_plural(len(response.councillors), 'councillor')} in {_plural(len(wards), 'ward')}"
        )
        self._read(response, what)

    def _council(self) -> str:
        if self.council is None:
            ours = self._body("full council", "Full Council", None, None)
            self.draft.comment(
                ours,
                "Made by govgraph to hold the councillors of GetCouncillorsByWard: "
                "no response named a committee titled Council",
            )
        assert self.council is not None
        return self.council

    def _terms(self, entry: Councillor, council: str, person: str) -> None:
        terms = []
        for term in entry.terms:
            start, end = self._date(term.start, entry.where), self._date(term.end, entry.where)
            if start and end and end < start:
                self.skipped.add("term of office ending before it starts (end left out)", person)
                end = None
            terms.append((start, end))
        note, on_behalf_of = self._councillor_note(entry)
        seats = seat_periods(terms)
        for start, end, term_ends in seats:
            self._add(
                council,
                {"member": person, "on_behalf_of": on_behalf_of, "from": start, "to": end,
                 "term_ends": term_ends, "note": note or None},
            )  # fmt: skip
        self.current_term[person] = (seats[-1][0], on_behalf_of)

    def _councillor_note(self, entry: Councillor) -> tuple[str, str | None]:
        """The seat's note (party, ward) and the organisation it sits for, if any."""
        parts = [entry.party, f"ward: {entry.ward}" if entry.ward else None]
        representing, on_behalf_of = entry.representing, None
        known = {fold_name(t) for t in (entry.ward, entry.party) if t}
        known |= {fold_name(b["name"]) for b in self.bodies.values()}
        if representing and fold_name(representing) not in known:
            if names_organisation(representing):
                on_behalf_of = self._organisation(representing)
            else:
                parts.append(f"representing {representing}")
        return "; ".join(p for p in parts if p), on_behalf_of

    def _organisation(self, name: str) -> str:
        ours = self.draft.ids.claim(ORGANISATION, fold_name(name), slugify(name, "organisation"))
        self.organisations.setdefault(ours, {"id": ours, "name": name})
        return ours

    # --- key posts ------------------------------------------------------------------------

    def _keyposts(self, person: str, text: str) -> None:
        for post, title, of in split_keyposts(text):
            self._keypost(person, post, title, of)

    def _keypost(self, person: str, post: str, title: str, of: str | None) -> None:
        found = self.draft.roles.lookup(title)
        target = self._body_titled(of) if of else self.council
        if target is None and is_civic(title):
            target = self.council
        if found is None or target is None or (found[0] == "member" and target == self.council):
            reason = (
                "key post on a body not in the files (not imported)"
                if found is not None and target is None
                else "key post that is not a role on a body (not imported)"
            )
            self.skipped.add(reason, post)
            return
        role, note = self.draft.roles.role(title)
        if any(
            m["member"] == person and m.get("role", "member") == role for m in self.members[target]
        ):
            return  # the attendee lists say so already
        # Undated in ModernGov: held now, so put on the current term (the same seat).
        start, on_behalf_of = (
            self.current_term.get(person, (None, None)) if target == self.council else (None, None)
        )
        self._add(
            target,
            {"member": person, "role": role, "on_behalf_of": on_behalf_of, "from": start,
             "note": note},
        )  # fmt: skip

    def _body_titled(self, title: str) -> str | None:
        if is_council(title):
            return self.council
        key = self.by_title.get(slugify(title))
        return None if key is None else self.by_committee.get(key)

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
            self._read(response, f"{label}, not placed: it names no committee")
            return
        key, title, how = found
        body = self._committee(key, title)
        if body is None:
            self.skipped.add(
                f"meeting of a committee left out ({self.left_out[key]})", meeting.where
            )
            self._read(response, f"{label}, of a committee left out ({self.left_out[key]})")
            return
        if meeting.id is not None and meeting.id in self.meeting_ids:
            self.skipped.add("the same meeting given twice (read once)", response.path.name)
            return
        self.meeting_ids.add(meeting.id or meeting.where)
        day = self._date(meeting.date, meeting.where)
        self.held.setdefault(body, []).append(day)
        for attendee in meeting.attendees:
            self._attendee(body, day, attendee)
        when = f" on {day:%d/%m/%Y}" if day else ""
        what = f"{label} of {self.bodies[body]['name']}{when}, " + _plural(
            len(meeting.attendees), "attendee"
        )
        self._read(response, what, [how] if how else [])

    def _meeting_committee(self, meeting: Meeting) -> tuple[str, str | None, str] | None:
        """(committee key, title, how it was found) for a meeting, or None."""
        if meeting.committee_id:
            return meeting.committee_id, meeting.committee_title, ""
        listed = self.listing.get(meeting.id or "")
        if listed is not None:
            entry, file = listed
            key = self._committee_key(entry.committee_id, entry.committee_title)
            if key is not None:
                return key, entry.committee_title, f"committee from {file}"
        if meeting.committee_title:
            key = self._committee_key(None, meeting.committee_title)
            assert key is not None
            return key, meeting.committee_title, "committee by its title"
        if len(meeting.document_committees) == 1:
            title = meeting.document_committees[0]
            key = self._committee_key(None, title)
            assert key is not None
            return key, title, "committee named on its documents"
        return None

    def _attendee(self, body: str, day: date | None, attendee: Any) -> None:
        name, description = attendee.name, attendee.role
        if description and not_a_member(description, self.draft.roles):
            self.skipped.add("attendee who is not a member (officer, clerk, guest)", name)
            return
        person = self._person(attendee.member_id, name)
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

    def _date(self, text: str | None, where: str) -> date | None:
        if text is None:
            return None
        try:
            return british_date(text)
        except ValueError:
            self.skipped.add("date not understood (left out)", f"{where}: {text!r}")
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
            held = sorted(d for d in self.held[body] if d is not None)
            first, last = (known[0], known[-1]) if known else (None, None)
            listed = f"listed at {_plural(len(days), 'meeting')}"
            self._add(
                body,
                {"member": person, "role": role, "voting": not NON_VOTING.search(note),
                 "from": first, "to": last if last and held and last < held[-1] else None,
                 "note": "; ".join(p for p in (note, listed) if p)},
            )  # fmt: skip
        for person, text in self.keyposts:
            self._keyposts(person, text)
        for body, days in self.held.items():
            known = sorted(d for d in days if d is not None)
            span = f" ({known[0]:%d/%m/%Y} to {known[-1]:%d/%m/%Y})" if known else ""
            self.draft.comment(
                body,
                f"Members from {_plural(len(days), 'ModernGov meeting attendee list')}"
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


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"
