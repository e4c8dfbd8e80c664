"""Popolo JSON -> a govgraph model (``govgraph import popolo``).

The mapping, as documented in docs/FORMAT.md ("Popolo"):

* An organization becomes a **body** or an **organisation**, decided in this order:
  its ``+entity`` extension (``body``/``organisation``) when given; a
  classification naming a political party -> organisation; something sits on
  it (a membership other than a post holding), it has a ``parent_id`` or
  ``+reports_to``, or another organization names it as parent -> body; it is
  itself a member of another organization -> organisation; its classification
  names a body kind (committee, board, …) -> body; otherwise organisation.
* ``parent_id`` and each ``+reports_to`` entry become reporting lines. An
  organization classified as a council or legislature is named as a root; the
  shared mapping (:mod:`govgraph.interop.mapping`) decides the rest, unless the
  file states ``+root`` itself (govgraph's own export), which is then kept.
* A membership of a person or of ``"member": {"@type": "Organization", "id": …}``
  becomes a body membership; ``{"@type": "Post"}`` (our extension) a post
  sitting on a body; ``person_id`` with ``post_id`` a holding of the post (and,
  when its organization is a body, the post sits on that body). Dates may be
  written inside the ``member`` object; a date a membership does not give is
  taken from its ``legislative_period_id``. ``on_behalf_of_id`` names the
  organisation the member sits for. A title in ``role``, ``label`` or ``note``
  goes through the role vocabulary; the shared mapping folds a title given as
  a second membership (how Popolo writes a chair or a mayor) into the seat.
* ``other_names`` (``{"name": …}`` objects or plain strings) are kept on the
  organisation, person or body; one noted as a short name, abbreviation or
  acronym is a body's ``short_name``.
* Reduced dates widen to the period they name: ``2019`` starts on 2019-01-01
  and ends on 2019-12-31, ``2019-07`` on the 1st / last day of July.
* Ids are slugs of the Popolo id (its last ``/`` segment); ids that mean
  nothing to a reader (numbers, UUIDs, hashes) are replaced by a slug of the
  name. Every id is unique; the Popolo id is kept as a comment beside it.
* Any field of our format that Popolo has no term for travels as ``+field``
  (``+voting``, ``+meets``, …) and is read back; an invalid value is left out
  and reported. Everything that could not be mapped is reported, with counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from govgraph.interop.draft import ORDER, Draft, ordered
from govgraph.interop.popolo_read import PopoloData, read_popolo
from govgraph.interop.popolo_rules import (
    ORG,
    PERSON,
    POST,
    allocate_ids,
    classify,
    extension_at,
    member_object,
    other_names,
    person_name,
    remove_at,
    short_name,
    text_of,
    title_of,
)
from govgraph.interop.popolo_terms import ENTITY, EXTENSIONS, REPORTS_TO
from govgraph.interop.roles import RoleMapper
from govgraph.interop.values import body_kind, clean_text
from govgraph.schema import Body, Organisation, Person, Post, validate
from govgraph.slugs import CHECK_SLUGS

#: Popolo keys each importer step reads (others are reported as not imported).
USED = {
    "organizations": {"id", "name", "classification", "parent_id", "founding_date",
                      "dissolution_date", "other_names", "memberships", "posts",
                      "legislative_periods", ENTITY,
                      REPORTS_TO, *(f"+{f}" for f in EXTENSIONS["organisation"]),
                      *(f"+{f}" for f in EXTENSIONS["body"])},
    "persons": {"id", "name", "given_name", "family_name", "honorific_prefix", "memberships",
                "other_names",
                *(f"+{f}" for f in EXTENSIONS["person"])},
    "posts": {"id", "label", "role", "organization_id", "start_date", "end_date",
              *(f"+{f}" for f in EXTENSIONS["post"])},
    "memberships": {"id", "label", "role", "person_id", "person", "member", "organization_id",
                    "organization", "post_id", "post", "on_behalf_of_id", "start_date",
                    "end_date", "legislative_period_id", "note",
                    *(f"+{f}" for f in EXTENSIONS["membership"])},
}  # fmt: skip
MAX_REPAIRS = 50


def import_popolo(paths: Sequence[Path], roles: RoleMapper | None = None) -> Draft:
    """Read Popolo JSON files into a :class:`Draft` (see the module docstring for the rules)."""
    draft = Draft(source="Popolo JSON", files=[p.name for p in paths])
    draft.roles = roles or RoleMapper()
    data = read_popolo(paths, draft.skipped)
    draft.read = data.read
    _PopoloImport(data, draft).run()
    return draft


class _PopoloImport:
    def __init__(self, data: PopoloData, draft: Draft) -> None:
        self.data = data
        self.draft = draft
        self.skipped = draft.skipped
        self.is_body: dict[str, bool] = {}
        self.members: dict[str, list[dict[str, Any]]] = {}  # our body id -> memberships
        self.holders: dict[str, list[dict[str, Any]]] = {}  # our post id -> holdings
        self.seen: set[tuple[str, str]] = set()  # memberships already added, by body
        self.extension_paths: dict[str, set[tuple[Any, ...]]] = {}

    def run(self) -> None:
        self._note_unused_fields()
        self.is_body = classify(self.data)
        allocate_ids(self.data, self.draft)
        # govgraph's own export says what each organization is (+entity) and states every
        # body's root: the mapping leaves it as written. Other files leave the roots to the
        # mapping, told which bodies the source itself calls its council or legislature.
        orgs = list(self.data.organizations.values())
        self.draft.roots_given = any("+root" in o for o in orgs)
        self.draft.as_written = bool(orgs) and all(
            ENTITY in o and (o[ENTITY] != "body" or "+root" in o) for o in orgs
        )
        self.draft.source_roots = [
            self._id(ORG, org_id)
            for org_id, org in self.data.organizations.items()
            if self.is_body[org_id] and body_kind(text_of(org.get("classification"))) == "council"
        ]
        for org_id in self.data.organizations:
            if self.is_body[org_id]:
                self.members[self._id(ORG, org_id)] = []
        for post_id in self.data.posts:
            self.holders[self._id(POST, post_id)] = []
        self._memberships()
        self._posts()
        for org_id, org in self.data.organizations.items():
            if self.is_body[org_id]:
                self._body(org_id, org)
            else:
                self._organisation(org_id, org)
        for person_id, person in self.data.persons.items():
            self._person(person_id, person)

    # --- deciding and naming ------------------------------------------------------------

    def _note_unused_fields(self) -> None:
        for section, used in USED.items():
            table: Any = getattr(self.data, section)
            items = table.values() if isinstance(table, dict) else table
            for item in items:
                for key in item:
                    if key not in used:
                        self.skipped.note_field(f"{section}.{key}")

    def _id(self, kind: str, source: Any) -> str:
        found = self.draft.ids.get(kind, str(source))
        assert found is not None, (kind, source)
        return found

    def _ref(self, kind: str, source: Any) -> str | None:
        text = text_of(source)
        return None if text is None else self.draft.ids.get(kind, text)

    def _body_ref(self, source: Any) -> str | None:
        text = text_of(source)
        if text is None or not self.is_body.get(text, False):
            return None
        return self.draft.ids.get(ORG, text)

    def _org_ref(self, source: Any) -> str | None:
        text = text_of(source)
        if text is None or self.is_body.get(text, True):
            return None
        return self.draft.ids.get(ORG, text)

    # --- dates ----------------------------------------------------------------------------

    def _date(self, value: Any, end: bool, where: str) -> date | None:
        return self.skipped.date(text_of(value), end, where)

    def _period(self, start: Any, end: Any, where: str) -> tuple[date | None, date | None]:
        first, last = self._date(start, False, where), self._date(end, True, where)
        if first and last and last < first:
            self.skipped.add("end date before start date (end left out)", where)
            last = None
        return first, last

    # --- entities -------------------------------------------------------------------------

    def _organisation(self, org_id: str, org: dict[str, Any]) -> None:
        ours = self._id(ORG, org_id)
        start, end = self._period(org.get("founding_date"), org.get("dissolution_date"), ours)
        values: dict[str, Any] = {
            "id": ours,
            "name": clean_text(text_of(org.get("name"))) or self._unnamed(ORG, ours),
            "kind": text_of(org.get("classification")),
            "established": start,
            "dissolved": end,
        }
        values["other_names"] = other_names(org.get("other_names"), values["name"])
        self._extensions("organisation", org, values, ours)
        if "succeeded_by" in values:
            values["succeeded_by"] = self._resolved(values["succeeded_by"], self._org_ref, ours)
        self.draft.organisations.append(
            self._checked(Organisation, ordered("organisation", values))
        )

    def _body(self, org_id: str, org: dict[str, Any]) -> None:
        ours = self._id(ORG, org_id)
        start, end = self._period(org.get("founding_date"), org.get("dissolution_date"), ours)
        name = clean_text(text_of(org.get("name"))) or self._unnamed(ORG, ours)
        short = short_name(org.get("other_names"))
        values: dict[str, Any] = {
            "id": ours,
            "name": name,
            "other_names": other_names(org.get("other_names"), name, short),
            "short_name": short,
            "kind": body_kind(text_of(org.get("classification")), name),
            "established": start,
            "dissolved": end,
            "reports_to": self._lines(org, ours),
            "members": self.members[ours],
        }
        self._extensions("body", org, values, ours)
        for key, resolve in (("predecessor", self._body_ref), ("hosted_by", self._org_ref)):
            if key in values:
                values[key] = self._resolved(values[key], resolve, ours)
        if "requires" in values:
            values["requires"] = self._requires(values["requires"], ours)
        for index, membership in enumerate(values["members"]):
            for key in membership.pop("_extensions", ()):
                self.extension_paths.setdefault(ours, set()).add(("members", index, key))
        self.draft.bodies.append(self._checked(Body, ordered("body", values)))

    def _person(self, person_id: str, person: dict[str, Any]) -> None:
        ours = self._id(PERSON, person_id)
        values: dict[str, Any] = {"id": ours, "name": person_name(person)}
        if not values["name"]:
            values["name"] = self._unnamed(PERSON, ours)
        values["other_names"] = other_names(person.get("other_names"), values["name"])
        self._extensions("person", person, values, ours)
        self.draft.people.append(self._checked(Person, ordered("person", values)))

    def _posts(self) -> None:
        for post_id, post in self.data.posts.items():
            ours = self._id(POST, post_id)
            label = clean_text(text_of(post.get("label")) or text_of(post.get("role")))
            title = label or self._unnamed(POST, ours)
            values: dict[str, Any] = {
                "id": ours,
                "title": title,
                "organisation": self._org_ref(post.get("organization_id")),
                "holders": self.holders[ours],
            }
            seat_body = self._body_ref(post.get("organization_id"))
            if seat_body is not None:
                start, end = self._period(post.get("start_date"), post.get("end_date"), ours)
                # A post's role says what the post is; only a committee role is its seat's.
                role = clean_text(text_of(post.get("role")))
                known = role is not None and self.draft.roles.lookup(role) is not None
                self._seat(seat_body, ours, role if known else None, start, end)
            self._extensions("post", post, values, ours)
            self.draft.posts.append(self._checked(Post, ordered("post", values)))

    def _unnamed(self, kind: str, ours: str) -> str:
        self.skipped.add(f"{kind} without a name (its id is used as the name)", ours)
        return ours

    # --- memberships ----------------------------------------------------------------------

    def _memberships(self) -> None:
        for index, m in enumerate(self.data.memberships):
            member = member_object(m)
            where = text_of(m.get("id")) or (
                f"membership {index + 1}: {text_of(m.get('person_id') or member.get('id')) or '?'}"
                f" in {text_of(m.get('organization_id')) or '?'}"
            )
            start, end = self._period(
                m.get("start_date", member.get("start_date")),
                m.get("end_date", member.get("end_date")),
                where,
            )
            start, end = self._in_period(m, start, end, where)
            kind = member.get("@type")
            person = text_of(m.get("person_id")) or (
                text_of(member.get("id")) if kind == "Person" else None
            )
            post = text_of(m.get("post_id")) or (
                text_of(member.get("id")) if kind == "Post" else None
            )
            org_member = text_of(member.get("id")) if kind == "Organization" else None
            target = text_of(m.get("organization_id"))
            body = self._body_ref(target)
            if person is not None and post is not None:
                self._holding(person, post, start, end, where)
                if body is not None and self._ref(POST, post) is not None:
                    self._seat(body, self._id(POST, post), title_of(m, self.draft.roles)[0])
                continue
            if body is None:
                reason = (
                    "membership with no organization_id" if target is None
                    else "membership of an organization that is not a body (e.g. a party)"
                    if target in self.is_body
                    else "membership of an organization not in the files"
                )  # fmt: skip
                self.skipped.add(reason, where)
                continue
            member_id = self._member(person, post, org_member, kind, where)
            if member_id is None:
                continue
            title, source_note = title_of(m, self.draft.roles)
            role, note = self.draft.roles.role(title)
            behalf, behalf_note = self._on_behalf_of(m.get("on_behalf_of_id"), where)
            values: dict[str, Any] = {
                "member": member_id,
                "role": role,
                "on_behalf_of": behalf,
                "from": start,
                "to": end,
            }
            self._extensions("membership", m, values, where)
            notes = [n for n in (values.get("note"), note, source_note, behalf_note) if n]
            values["note"] = "; ".join(dict.fromkeys(notes)) if notes else None
            self._add_member(body, values)

    def _member(
        self, person: str | None, post: str | None, org: str | None, kind: Any, where: str
    ) -> str | None:
        if person is not None:
            found = self._ref(PERSON, person)
            problem = "membership of a person not in the files"
        elif post is not None:
            found = self._ref(POST, post)
            problem = "membership of a post not in the files"
        elif org is not None:
            found = self._org_ref(org)
            problem = (
                "a body given as a member of another body (bodies cannot be members; "
                "add a reporting line by hand)"
                if self.is_body.get(org)
                else "membership of an organization not in the files"
            )
        else:
            found = None
            problem = (
                f"membership with no member (member @type {kind!r})"
                if kind
                else ("membership with no person_id or member")
            )
        if found is None:
            self.skipped.add(problem, where)
        return found

    def _in_period(
        self, m: dict[str, Any], start: date | None, end: date | None, where: str
    ) -> tuple[date | None, date | None]:
        """The membership's dates, each date it does not give taken from its legislative
        period (a member elected at a by-election keeps their own start)."""
        period_id = text_of(m.get("legislative_period_id"))
        if period_id is None or (start is not None and end is not None):
            return start, end
        period = self.data.periods.get(period_id)
        if period is None:
            self.skipped.add(
                "legislative_period_id naming no legislative period in the files "
                "(its dates are not known)",
                f"{where}: {period_id}",
            )
            return start, end
        first, last = self._period(period.get("start_date"), period.get("end_date"), period_id)
        return start or first, end or last

    def _on_behalf_of(self, value: Any, where: str) -> tuple[str | None, str | None]:
        """The organisation the member sits for, or (when it is not one) a note naming it."""
        text = text_of(value)
        if text is None:
            return None, None
        ours = self._org_ref(text)
        if ours is not None:
            return ours, None
        org = self.data.organizations.get(text)
        self.skipped.add(
            "on_behalf_of_id naming a body, not an organisation (kept as a note)"
            if org is not None
            else "on_behalf_of_id naming an organization not in the files (kept as a note)",
            where,
        )
        return None, f"on behalf of {(text_of(org.get('name')) if org else None) or text}"

    def _add_member(self, body: str, values: dict[str, Any]) -> None:
        extensions = values.pop("_extensions", [])
        membership = ordered("membership", values)
        key = (body, repr(membership))
        if key in self.seen:
            return  # the same membership in two files, or inline and at the top level
        self.seen.add(key)
        if extensions:
            membership["_extensions"] = [k for k in extensions if k in membership]
        self.members[body].append(membership)

    def _seat(
        self,
        body: str,
        post: str,
        title: str | None,
        start: date | None = None,
        end: date | None = None,
    ) -> None:
        role, note = self.draft.roles.role(title)
        if any(m["member"] == post and m.get("role", "member") == role for m in self.members[body]):
            return
        values = {"member": post, "role": role, "from": start, "to": end, "note": note}
        self._add_member(body, values)

    def _holding(
        self, person: str, post: str, start: date | None, end: date | None, where: str
    ) -> None:
        person_id, post_id = self._ref(PERSON, person), self._ref(POST, post)
        if person_id is None or post_id is None:
            self.skipped.add("post holding naming a person or post not in the files", where)
            return
        holding = ordered("holding", {"person": person_id, "from": start, "to": end})
        if holding not in self.holders[post_id]:
            self.holders[post_id].append(holding)

    # --- reporting lines, requirements and extensions -------------------------------------

    def _lines(self, org: dict[str, Any], ours: str) -> list[dict[str, Any]]:
        lines: list[dict[str, Any]] = []
        extension = org.get(REPORTS_TO) or []
        if not isinstance(extension, list):
            self.skipped.add("'+reports_to' that is not a list (left out)", ours)
            extension = []
        for entry in extension:
            item = entry if isinstance(entry, dict) else {"id": entry}
            target = item.get("id", item.get("organization_id", item.get("body")))
            parent = self._body_ref(target)
            if parent is None:
                self.skipped.add("reporting line to an organization that is not a body", ours)
                continue
            line = {"body": parent, **{k: item[k] for k in ORDER["line"][1:] if k in item}}
            if "ignore" in line:
                line["ignore"] = self._ignores(line["ignore"], ours)
            lines.append(ordered("line", line))
        parent = org.get("parent_id")
        if parent is not None:
            parent_id = self._body_ref(parent)
            if parent_id is None:
                self.skipped.add("parent_id naming no body in the files", ours)
            elif all(line["body"] != parent_id for line in lines):
                lines.insert(0, {"body": parent_id})
        for index, line in enumerate(lines):
            for key in line:
                if key != "body":
                    self.extension_paths.setdefault(ours, set()).add(("reports_to", index, key))
        return lines

    def _requires(self, rules: Any, ours: str) -> list[dict[str, Any]]:
        if not isinstance(rules, list):
            return rules  # type: ignore[no-any-return] # validation reports it
        kept = []
        for rule in rules:
            if isinstance(rule, dict) and "member" in rule:
                member = next(
                    (
                        found
                        for found in (
                            self._org_ref(rule["member"]),
                            self._ref(POST, rule["member"]),
                            self._ref(PERSON, rule["member"]),
                        )
                        if found
                    ),
                    None,
                )
                if member is None:
                    self.skipped.add("'+requires' rule naming a member not in the files", ours)
                    continue
                rule = {**rule, "member": member}
            kept.append(rule)
        return kept

    def _resolved(self, value: Any, resolve: Any, ours: str) -> str | None:
        found: str | None = resolve(value)
        if found is None:
            self.skipped.add("extension naming something not in the files (left out)", ours)
        return found

    def _ignores(self, entries: Any, ours: str) -> Any:
        if not isinstance(entries, list):
            return entries
        kept = [e for e in entries if not isinstance(e, dict) or e.get("check") in CHECK_SLUGS]
        if len(kept) < len(entries):
            self.skipped.add("'+ignore' naming a check govgraph does not have", ours)
        return kept

    def _extensions(
        self, kind: str, item: dict[str, Any], values: dict[str, Any], ours: str
    ) -> None:
        found = []
        for name in EXTENSIONS[kind]:
            key = f"+{name}"
            if key in item and item[key] is not None:
                value = item[key]
                values[name] = self._ignores(value, ours) if name == "ignore" else value
                found.append(name)
        if kind == "membership":
            values["_extensions"] = found
        else:
            self.extension_paths.setdefault(str(values["id"]), set()).update((n,) for n in found)

    def _checked(self, schema: type[Any], values: dict[str, Any]) -> dict[str, Any]:
        """``values`` once the schema accepts them, leaving out extension values it refuses."""
        paths = self.extension_paths.get(str(values["id"]), set())
        for _ in range(MAX_REPAIRS):
            try:
                validate(schema, values)
                return values
            except ValidationError as exc:
                bad = extension_at(exc, paths)
                if bad is None:
                    raise
                remove_at(values, bad)
                self.skipped.add(
                    f"'+{bad[-1]}' value govgraph cannot use (left out)", str(values["id"])
                )
        raise AssertionError("unreachable: each repair removes an extension value")
