"""What the ModernGov import has made so far: bodies by committee id, people by member
id, their memberships, and the helpers every response's reader shares.

One ModernGov committee id is one body and one member id one person, whichever
response names them: every reader asks :class:`ModernGovState` for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from govgraph.interop.draft import Draft, ordered
from govgraph.interop.moderngov_read import Response
from govgraph.interop.moderngov_rules import is_council
from govgraph.interop.values import body_kind, british_date, person_slug, slugify
from govgraph.names import fold_name

BODY, PERSON, ORGANISATION = "body", "person", "organisation"


class ModernGovState:
    """The bodies, people, organisations and memberships made so far, by source id."""

    def __init__(self, draft: Draft) -> None:
        self.draft = draft
        self.skipped = draft.skipped
        self.bodies: dict[str, dict[str, Any]] = {}  # our id -> body values
        self.by_committee: dict[str, str] = {}  # ModernGov committee id (or title:…) -> ours
        self.by_title: dict[str, str] = {}  # slug of a committee title -> committee key
        self.left_out: dict[str, str] = {}  # committee key -> why
        self.people: dict[str, dict[str, Any]] = {}
        self.organisations: dict[str, dict[str, Any]] = {}
        self.members: dict[str, list[dict[str, Any]]] = {}  # our body id -> memberships
        self.seen: set[tuple[str, str]] = set()
        self.council: str | None = None

    def body(self, key: str, title: str, category: str | None, committee_id: str | None) -> str:
        """Make the body for committee ``key``; the first council met is the source's root."""
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
        """Report the counts a response states that differ from its entries."""
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

    def read(self, response: Response, what: str, extra: Sequence[str] = ()) -> None:
        """The summary's line for one file: ``meetings.xml: 2 meetings of 1 committee``."""
        shown = [e for e in extra if not e.startswith("0 ")]
        self.draft.read.append(
            f"{response.path.name}: {what}" + (f" ({', '.join(shown)})" if shown else "")
        )

    def committee_key(self, committee_id: str | None, title: str | None) -> str | None:
        """The committee these name: its id, else the committee of that title if known."""
        if committee_id:
            return committee_id
        if title:
            return self.by_title.get(slugify(title), f"title:{slugify(title)}")
        return None

    def committee(self, key: str, title: str | None) -> str | None:
        """Our body for a committee key (made if new), or None if it was left out."""
        if key in self.left_out:
            return None
        found = self.by_committee.get(key)
        if found is not None:
            return found
        return self.body(
            key,
            title or f"ModernGov committee {key}",
            None,
            None if key.startswith("title:") else key,
        )

    def council_body(self) -> str:
        """The council's body, made ("Full Council") when no response named one."""
        if self.council is None:
            ours = self.body("full council", "Full Council", None, None)
            self.draft.comment(
                ours,
                "Made by govgraph to hold the councillors of GetCouncillorsByWard: "
                "no response named a committee titled Council",
            )
        assert self.council is not None
        return self.council

    def organisation(self, name: str) -> str:
        """The organisation of this name (one for names that differ only in case, spacing)."""
        ours = self.draft.ids.claim(ORGANISATION, fold_name(name), slugify(name, "organisation"))
        self.organisations.setdefault(ours, {"id": ours, "name": name})
        return ours

    def body_titled(self, title: str) -> str | None:
        """Our body for a committee title, if the files hold one of that title."""
        if is_council(title):
            return self.council
        key = self.by_title.get(slugify(title))
        return None if key is None else self.by_committee.get(key)

    def person(self, member_id: str | None, name: str | None) -> str | None:
        """The person with this ModernGov member id (or, without one, this name)."""
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

    def day(self, text: str | None, where: str) -> date | None:
        """A ``dd/mm/yyyy`` date; one that is not a date is left out and listed."""
        if text is None:
            return None
        try:
            return british_date(text)
        except ValueError:
            self.skipped.add("date not understood (left out)", f"{where}: {text!r}")
            return None

    def add(self, body: str, values: dict[str, Any]) -> None:
        """Add a membership to ``body``, once however many files repeat it."""
        membership = ordered("membership", values)
        key = (body, repr(membership))
        if key not in self.seen:  # the same councillor in two saved files
            self.seen.add(key)
            self.members[body].append(membership)


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"
