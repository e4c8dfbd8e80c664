"""GetCouncillorsByWard: the councillors, their seats on the council, their key posts.

Rules (documented in docs/import-moderngov.md): one seat per term of office
(:func:`~govgraph.interop.moderngov_rules.seat_periods`); party and ward in the
note; ``representing`` as ``on_behalf_of`` only when it names an organisation;
key posts through the role vocabulary, put on the councillor's current term.
"""

from __future__ import annotations

from datetime import date

from govgraph.interop.draft import Draft
from govgraph.interop.moderngov_read import Councillor, Response
from govgraph.interop.moderngov_rules import (
    is_civic,
    names_organisation,
    seat_periods,
    split_keyposts,
)
from govgraph.interop.moderngov_state import ModernGovState, plural
from govgraph.names import fold_name


class CouncillorsState(ModernGovState):
    """:class:`ModernGovState` that also reads councillors and places key posts."""

    def __init__(self, draft: Draft) -> None:
        super().__init__(draft)
        self.keyposts: list[tuple[str, str]] = []  # person, key posts
        #: person -> (start of the current term, organisation sat for) of their council seat
        self.current_term: dict[str, tuple[date | None, str | None]] = {}

    # --- GetCouncillorsByWard -------------------------------------------------------------

    def read_councillors(self, response: Response) -> None:
        council = self.council_body()
        wards = {c.ward for c in response.councillors}
        for entry in response.councillors:
            person = self.person(entry.id, entry.name)
            if person is None:
                self.skipped.add("councillor without an id or a name", entry.where)
                continue
            for name in entry.unused:
                self.skipped.note_field(f"councillor.{name}")
            self._terms(entry, council, person)
            if entry.keyposts:
                self.keyposts.append((person, entry.keyposts))
        what = f"{plural(len(response.councillors), 'councillor')} in {plural(len(wards), 'ward')}"
        self.read(response, what)

    def _terms(self, entry: Councillor, council: str, person: str) -> None:
        terms = []
        for term in entry.terms:
            start, end = self.day(term.start, entry.where), self.day(term.end, entry.where)
            if start and end and end < start:
                self.skipped.add("term of office ending before it starts (end left out)", person)
                end = None
            terms.append((start, end))
        note, on_behalf_of = self._councillor_note(entry)
        seats = seat_periods(terms)
        for start, end, term_ends in seats:
            self.add(
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
                on_behalf_of = self.organisation(representing)
            else:
                parts.append(f"representing {representing}")
        return "; ".join(p for p in parts if p), on_behalf_of

    # --- key posts ------------------------------------------------------------------------

    def place_keyposts(self, person: str, text: str) -> None:
        """Place a councillor's key posts (once every body is known)."""
        for post, title, of in split_keyposts(text):
            self._keypost(person, post, title, of)

    def _keypost(self, person: str, post: str, title: str, of: str | None) -> None:
        found = self.draft.roles.lookup(title)
        target = self.body_titled(of) if of else self.council
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
        self.add(
            target,
            {"member": person, "role": role, "on_behalf_of": on_behalf_of, "from": start,
             "note": note},
        )  # fmt: skip
