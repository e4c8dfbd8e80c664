"""A page per body (everything ``govgraph show`` says) and per member (``seats``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from govgraph.explore.data import iso
from govgraph.model import Model
from govgraph.site.html import Html, esc, fmt, join, link, tag
from govgraph.site.parts import (
    dates,
    facts,
    findings_table,
    href,
    none,
    ref_link,
    section,
    table,
    tree,
)

Data = dict[str, Any]
ROOT = "../"  # entity pages live one folder below the top of the pack


def body_page(data: Data, kinds: dict[str, str], names: dict[str, str]) -> Html:
    """The content of a body's page, from :func:`govgraph.explore.show_body` data."""
    title = data["name"] + (f" ({data['short_name']})" if data["short_name"] else "")
    parts = [
        tag("h1", title),
        tag("p", link(f"{ROOT}index.html#body-{data['id']}", "Find it in the chart")),
        _body_facts(data),
        section(f"Members on {data['as_of']} ({len(data['members'])})", _members(data)),
        section("Reports to", _lines(data["reports_to"])),
        section("Reported to by", _lines(data["reported_to_by"])),
        section("Chain to the top", _chains(data)),
        section("Sub-bodies", tree(data["sub_bodies"], ROOT) or none()),
        section(
            f"Findings ({len(data['findings'])})",
            findings_table(data["findings"], ROOT, kinds, names),
        ),
    ]
    return join(parts, "\n")


def _body_facts(data: Data) -> Html:
    status = data["status"]
    if status == "current":
        status_text: object = "current"
    else:
        status_text = tag("strong", f"{status} (not current on {data['as_of']})")
    chairs = join((_member_cell(c) for c in data["chairs"]), "; ") or "none on this date"
    return facts(
        [
            ("Id", tag("code", data["id"])),
            ("Kind", data["kind"] + (" (root of the structure)" if data["root"] else "")),
            ("Status", status_text),
            ("Established", data["established"]),
            ("Dissolved", data["dissolved"]),
            ("Hosted by", ref_link(data["hosted_by"], ROOT) if data["hosted_by"] else None),
            ("Meets", data["meets"]),
            ("Replaced", ref_link(data["predecessor"], ROOT) if data["predecessor"] else None),
            ("Replaced by", join((ref_link(s, ROOT) for s in data["successors"]), ", ")),
            ("Chair", chairs),
            ("Review interval", f"{data['review_interval_months']} months"),
            ("Defined in", fmt("<code>{}:{}</code>", data["file"], data["line"])),
        ]
    )


def _member_cell(member: Data) -> Html:
    cell = link(href(member["kind"], member["member"], ROOT), member["name"])
    if member["kind"] == "post":
        held = join((ref_link(p, ROOT) for p in member["people"]), ", ")
        cell += fmt(" (held by {})", held) if held else tag("span", " (vacant)", class_="muted")
    return cell


def _members(data: Data) -> Html:
    if not data["members"]:
        return none("No current members.")
    rows = [
        (
            m["role"],
            _member_cell(m),
            m["kind"],
            "yes" if m["voting"] else "no",
            dates(m),
            m["term_ends"] or "–",
            _review(m),
        )
        for m in data["members"]
    ]
    return table(("Role", "Member", "Kind", "Voting", "Dates", "Term ends", "Review"), rows)


def _review(member: Data) -> Html:
    if member["review_status"] == "unknown":
        return esc("never reviewed (no start date)")
    last = f"reviewed {member['reviewed']}" if member["reviewed"] else "never reviewed"
    word = tag("span", member["review_status"], class_=f"status-{member['review_status']}")
    return word + f" ({last}; due {member['review_due']})"


def _lines(lines: list[Data]) -> Html:
    if not lines:
        return none("No body.")
    rows = [
        (
            ref_link(line["body"], ROOT) + ("" if line["current"] else " (not current)"),
            line["frequency"] or "not set",
            line["direction"],
            _reported(line),
        )
        for line in lines
    ]
    return table(("Body", "Frequency", "Direction", "Last reported"), rows)


def _reported(line: Data) -> str:
    if not line["last_reported"]:
        return "never"
    after = " (after the as-of date)" if line["reported_after_as_of"] else ""
    return f"{line['last_reported']}{after}"


def _chains(data: Data) -> Html:
    if not data["chains"]:
        if data["status"] != "current":
            return none(f"None: the body is not current on {data['as_of']}.")
        return none("None: its reporting lines reach no current root body.")
    return join(
        (tag("ol", join(tag("li", ref_link(b, ROOT)) for b in chain), class_="chain"))
        for chain in data["chains"]
    )


# --- members --------------------------------------------------------------------------------


def member_page(
    model: Model, data: Data, findings: list[Data], kinds: dict[str, str], names: dict[str, str]
) -> Html:
    """The page of an organisation, post or person, from :func:`seats_report` data."""
    member = data["member"]
    parts = [
        tag("h1", member["name"]),
        tag("p", f"On {data['as_of']}, {data['summary']}."),
        _member_facts(model, member["kind"], member["id"]),
        section(f"Seats on {data['as_of']} ({len(data['seats'])})", _seats(data)),
        section(
            f"Findings about its seats ({len(findings)})",
            findings_table(findings, ROOT, kinds, names),
        ),
    ]
    return join(parts, "\n")


def _seats(data: Data) -> Html:
    if not data["seats"]:
        return none("It sits on no current body.")
    own = data["member"]["id"]
    rows = [
        (
            ref_link(s["body"], ROOT),
            s["role"],
            "direct" if s["through"]["id"] == own else ref_link(s["through"], ROOT),
            "yes" if s["voting"] else "no",
            dates(s),
        )
        for s in data["seats"]
    ]
    return table(("Body", "Role", "Through", "Voting", "Dates"), rows)


def _entity_link(model: Model, entity_id: str | None) -> Html | None:
    if not entity_id:
        return None
    return link(href(model.kind_of(entity_id), entity_id, ROOT), model.name_of(entity_id))


def _dated_link(model: Model, entity_id: str, start: date | None, end: date | None) -> Html:
    when = dates({"from": iso(start), "to": iso(end)})
    return link(href(model.kind_of(entity_id), entity_id, ROOT), model.name_of(entity_id)) + (
        f" ({when})"
    )


def _member_facts(model: Model, kind: str, entity_id: str) -> Html:
    pairs: list[tuple[str, object]] = [("Id", tag("code", entity_id)), ("Kind", kind)]
    if kind == "organisation":
        org = model.organisations[entity_id]
        posts = [p for p in model.posts.values() if p.organisation == entity_id]
        pairs += [
            ("Type", org.kind),
            ("Tags", ", ".join(org.tags)),
            ("Established", org.established),
            ("Dissolved", org.dissolved),
            ("Succeeded by", _entity_link(model, org.succeeded_by)),
            ("Its posts", join((_entity_link(model, p.id) for p in posts), ", ")),
        ]
    elif kind == "post":
        post = model.posts[entity_id]
        holders = [_dated_link(model, h.person, h.start, h.end) for h in post.holders]
        pairs += [
            ("Organisation", _entity_link(model, post.organisation)),
            ("Holders", join(tag("div", h) for h in holders)),
        ]
    else:
        person = model.people[entity_id]
        held = [
            _dated_link(model, post.id, h.start, h.end)
            for post in model.posts.values()
            for h in post.holders
            if h.person == entity_id
        ]
        pairs += [
            ("Posts held", join(tag("div", h) for h in held)),
            ("Left", person.left),
        ]
    return facts(pairs)
