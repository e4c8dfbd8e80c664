"""The mapping every importer shares, run on a :class:`Draft` before it is written.

Each source module only reads: it fills a draft with what its files say, asking
:class:`~govgraph.interop.roles.RoleMapper` (``draft.roles``) what each title means.
:func:`finish` then applies the rules that must be the same whatever the source,
so fixing one fixes every importer (documented in docs/importing.md):

1. **Titles and seats.** A person listed on a body with a title (Lord Mayor,
   Chair) and again with a plain seat is one member: the seat carries the role.
   A title that names no organisation folds into the seat whatever organisation
   the seat is for (a mayor's title rarely repeats the party); a title for one
   organisation never folds into a seat for another.
   A title held for part of a seat splits the seat around it (member, then chair
   for the year of office, then member again), so no one is counted twice. The
   same seat listed twice (same role and dates) is one membership.
2. **Terms.** Two memberships of one member in one body are merged only where
   one ends the day before the next starts, with the same role, vote, note and
   organisation behind it; every other term stays its own membership.
3. **Placeholders.** Organisations that stand for no organisation (a party
   called "unknown", "Independent", "none") are not modelled; seats on their
   behalf keep the name as a note. The summary lists them.
4. **Names.** Organisations whose names differ only in case, spacing or
   punctuation are one organisation. People and bodies are not merged (two
   councillors may share a name); the summary names them for a person to check,
   and ``govgraph check``'s ``duplicate-name`` reports them.
5. **Roots.** Parentless bodies are treated one way: a body the source names as
   its council or legislature is a root and the other parentless bodies report
   to it; a lone parentless body is the root itself; otherwise one root body
   named after the model is made for them. A
   parentless sub-committee is left unattached, so ``orphaned-body`` still finds
   it. A file that states its roots itself (govgraph's own Popolo export) is
   left as it is.

A draft marked ``as_written`` (a model govgraph itself exported) is left exactly
as it is: the rules above are for data other systems wrote.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from govgraph.interop.draft import Draft, ordered
from govgraph.interop.values import body_kind, slugify
from govgraph.names import fold_name

#: Organisation names (folded) that stand for no organisation.
PLACEHOLDERS = frozenset(
    ("unknown", "not known", "none", "n a", "na", "no party", "independent", "independents",
     "non party", "nonparty", "non aligned", "unaligned", "vacant", "tbc", "tba", "other", "")
)  # fmt: skip

Membership = dict[str, Any]
ONE_DAY = timedelta(days=1)


def finish(draft: Draft, root_name: str, root_name_given: bool = False) -> None:
    """Apply the shared rules (module docstring) to ``draft``, in place.

    ``root_name`` names a root body made for parentless bodies (``--root-name``, when
    ``root_name_given``; else the model's name).
    """
    if draft.as_written:
        return
    _placeholders(draft)
    _same_organisations(draft)
    for body in draft.bodies:
        members = body.get("members")
        if members:
            members = _fold_titles(draft, members)
            body["members"] = _merge_terms(draft, members)
    _same_names(draft, "people", "people")
    _same_names(draft, "bodies", "bodies")
    if not draft.roots_given:
        _roots(draft, root_name, root_name_given)


# --- titles and seats -------------------------------------------------------------------


def _fold_titles(draft: Draft, members: list[Membership]) -> list[Membership]:
    by_member: dict[str, list[int]] = defaultdict(list)
    for index, m in enumerate(members):
        by_member[str(m["member"])].append(index)
    replaced: dict[int, list[Membership]] = {}
    for indexes in by_member.values():
        if len(indexes) < 2:
            continue
        seats = [i for i in indexes if _role(members[i]) == "member"]
        titles = [i for i in indexes if _role(members[i]) != "member"]
        for t in titles:
            title = members[t]
            free = (s for s in seats if s not in replaced and _covers(members[s], title))
            seat = next(free, None)
            if seat is None:
                continue
            replaced[seat] = _split(members[seat], title)
            replaced[t] = []
            draft.merged.add(
                "title and seat of one person on one body (one membership carrying the role)",
                f"{title['member']}: {title.get('note') or title['role']}",
            )
        # The same seat listed twice (any role: a chair's row copied into each year's
        # sheet is still one chair) is one membership.
        remaining = [i for i in indexes if i not in replaced]
        for a, b in zip(remaining, remaining[1:], strict=False):
            if a in replaced or b in replaced:
                continue
            if _period(members[a]) == _period(members[b]) and _same_but_note(
                members[a], members[b]
            ):
                replaced[a] = [
                    ordered("membership", _with_note(members[a], members[b].get("note")))
                ]
                replaced[b] = []
                draft.merged.add("the same seat listed twice", str(members[a]["member"]))
    if not replaced:
        return members
    out: list[Membership] = []
    for index, m in enumerate(members):
        out.extend(replaced.get(index, [m]))
    return out


def _split(seat: Membership, title: Membership) -> list[Membership]:
    """The seat with the title's role for the title's period: one, two or three pieces."""
    start, end = title.get("from"), title.get("to")
    pieces = []
    if start is not None and start != seat.get("from"):
        pieces.append({**seat, "to": start - ONE_DAY, "term_ends": None})
    held = {**seat, "role": title["role"]}
    held["from"] = start if start is not None else seat.get("from")
    held["to"] = end if end is not None else seat.get("to")
    held = _with_note(held, title.get("note"))
    if end is not None and end != seat.get("to"):
        held["term_ends"] = None
    pieces.append(held)
    if end is not None and end != seat.get("to"):
        pieces.append({**seat, "from": end + ONE_DAY})
    return [ordered("membership", p) for p in pieces]


def _covers(seat: Membership, title: Membership) -> bool:
    """Whether the title's period lies within the seat's (an undated title: always)."""
    start, end = title.get("from"), title.get("to")
    seat_start, seat_end = seat.get("from"), seat.get("to")
    if title.get("on_behalf_of") not in (None, seat.get("on_behalf_of")):
        return False
    if start is not None and seat_start is not None and start < seat_start:
        return False
    if end is not None and seat_end is not None and end > seat_end:
        return False
    return not (end is None and seat_end is not None and start is not None)


# --- terms ------------------------------------------------------------------------------


def _merge_terms(draft: Draft, members: list[Membership]) -> list[Membership]:
    kept = {index: dict(m) for index, m in enumerate(members)}
    last: dict[tuple[Any, ...], int] = {}
    for index in sorted(kept, key=lambda i: _term_order(members[i])):
        m, key = members[index], _term_key(members[index])
        before = kept.get(last.get(key, -1))
        if (
            before is not None
            and before.get("to") is not None
            and m.get("from") is not None
            and before["to"] + ONE_DAY == m["from"]
        ):
            before["to"], before["term_ends"] = m.get("to"), m.get("term_ends")
            del kept[index]
            draft.merged.add(
                "terms of one member that follow on day by day (same role and organisation)",
                str(m["member"]),
            )
            continue
        last[key] = index
    if len(kept) == len(members):
        return members
    return [ordered("membership", kept[i]) for i in sorted(kept)]


def _term_key(m: Membership) -> tuple[Any, ...]:
    return (m["member"], _role(m), m.get("on_behalf_of"), m.get("voting", True), m.get("note"))


def _term_order(m: Membership) -> tuple[Any, ...]:
    start = m.get("from")
    return (repr(_term_key(m)), start is not None, start or date.min)


# --- placeholders and names -------------------------------------------------------------


def _placeholders(draft: Draft) -> None:
    gone = {
        org["id"]: org["name"]
        for org in draft.organisations
        if fold_name(org["name"]) in PLACEHOLDERS or not fold_name(org["name"]).strip("- ")
    }
    if not gone:
        return
    draft.organisations = [org for org in draft.organisations if org["id"] not in gone]
    uses: dict[str, int] = defaultdict(int)
    for membership in _memberships(draft):
        org = str(membership.get("on_behalf_of"))
        if org in gone:
            membership.pop("on_behalf_of")
            membership["note"] = _joined(membership.get("note"), f"on behalf of {gone[org]}")
            uses[org] += 1
    for body in draft.bodies:
        kept = [m for m in body.get("members", []) if m["member"] not in gone]
        for m in body.get("members", []):
            if m["member"] in gone:
                uses[m["member"]] += 1
        body["members"] = kept
    for post in draft.posts:
        if post.get("organisation") in gone:
            uses[str(post.pop("organisation"))] += 1
    listed = ", ".join(
        f"{name!r} ({uses[org]} use{'s' if uses[org] != 1 else ''})"
        for org, name in sorted(gone.items(), key=lambda item: item[1])
    )
    draft.remarks.append(
        f"placeholder organisations not modelled (kept as notes where used): {listed}"
    )


def _same_organisations(draft: Draft) -> None:
    first: dict[str, str] = {}
    alias: dict[str, str] = {}
    for org in draft.organisations:
        key = fold_name(org["name"])
        if key in first:
            alias[org["id"]] = first[key]
            draft.merged.add(
                "organisations whose names differ only in case, spacing or punctuation",
                f"{org['name'].strip()!r} into {first[key]}",
            )
        else:
            first[key] = org["id"]
    if not alias:
        return
    draft.organisations = [org for org in draft.organisations if org["id"] not in alias]
    for membership in _memberships(draft):
        for key in ("member", "on_behalf_of"):
            if membership.get(key) in alias:
                membership[key] = alias[membership[key]]
    for post in draft.posts:
        if post.get("organisation") in alias:
            post["organisation"] = alias[post["organisation"]]
    for body in draft.bodies:
        if body.get("hosted_by") in alias:
            body["hosted_by"] = alias[body["hosted_by"]]
        for rule in body.get("requires", []):
            if rule.get("member") in alias:
                rule["member"] = alias[rule["member"]]
    for org in draft.organisations:
        if org.get("succeeded_by") in alias:
            org["succeeded_by"] = alias[org["succeeded_by"]]


def _same_names(draft: Draft, section: str, what: str) -> None:
    names: dict[str, list[str]] = defaultdict(list)
    for entity in draft.section(section):
        names[fold_name(entity["name"])].append(entity["id"])
    shared = [ids for ids in names.values() if len(ids) > 1]
    if shared:
        shown = "; ".join(", ".join(ids) for ids in shared[:3])
        more = f" and {len(shared) - 3} more" if len(shared) > 3 else ""
        draft.remarks.append(
            f"{len(shared)} name{'s' if len(shared) > 1 else ''} shared by {what} with "
            f"different ids in the source (kept apart; check whether each is one): "
            f"{shown}{more}"
        )


# --- roots ------------------------------------------------------------------------------


def _roots(draft: Draft, root_name: str, root_name_given: bool) -> None:
    parentless = [b for b in draft.bodies if not b.get("reports_to") and not b.get("root")]
    if not parentless:
        return
    given = [b for b in draft.bodies if b.get("root")]
    named = set(draft.source_roots) or (
        set() if given else {b["id"] for b in parentless if b.get("kind") == "council"}
    )
    roots = given + [b for b in parentless if b["id"] in named]
    sub_groups = [b for b in parentless if b not in roots and b.get("kind") == "sub-group"]
    others = [b for b in parentless if b not in roots and b not in sub_groups]
    if not roots and len(others) == 1:
        roots, others = others, []  # a lone top is the root itself
    for body in roots:
        body["root"] = True
    if others:
        top = roots[0] if len(roots) == 1 else _made_root(draft, root_name)
        for body in others:
            body["reports_to"] = [{"body": top["id"]}]
        made = (
            ""
            if top in roots
            else " (made for them)"
            if root_name_given
            else (" (made for them; name it with --root-name)")
        )
        draft.remarks.append(
            f"roots: {len(others)} bod{'y' if len(others) == 1 else 'ies'} with no parent in "
            f"the source report to {top['name']!r}{made}"
        )
    elif roots:
        names = ", ".join(repr(b["name"]) for b in roots[:3])
        draft.remarks.append(f"roots: {names}{' and more' if len(roots) > 3 else ''}")
    if sub_groups:
        draft.remarks.append(
            f"{len(sub_groups)} sub-committee{'s' if len(sub_groups) > 1 else ''} with no "
            f"parent in the source left unattached (govgraph check reports them as "
            f"orphaned-body): {', '.join(b['id'] for b in sub_groups[:3])}"
        )
    draft.bodies = [ordered("body", body) for body in draft.bodies]


def _made_root(draft: Draft, name: str) -> dict[str, Any]:
    root_id = draft.ids.claim("root", name, slugify(name, "root"))
    body = ordered("body", {"id": root_id, "name": name, "kind": body_kind(name), "root": True})
    draft.bodies.insert(0, body)
    draft.comment(root_id, "made by the import: the bodies the source gave no parent report here")
    return body


# --- helpers ----------------------------------------------------------------------------


def _memberships(draft: Draft) -> Iterator[Membership]:
    for body in draft.bodies:
        yield from body.get("members", [])


def _role(m: Membership) -> str:
    return str(m.get("role", "member"))


def _period(m: Membership) -> tuple[Any, Any]:
    return m.get("from"), m.get("to")


def _same_but_note(a: Membership, b: Membership) -> bool:
    return {k: v for k, v in a.items() if k != "note"} == {
        k: v for k, v in b.items() if k != "note"
    }


def _with_note(m: Membership, note: str | None) -> Membership:
    return {**m, "note": _joined(m.get("note"), note)}


def _joined(a: str | None, b: str | None) -> str | None:
    if not b or b == a:
        return a
    if not a:
        return b
    return f"{a}; {b}"
