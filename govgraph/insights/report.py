"""The insights as text for a terminal and as markdown for a committee paper.

Only formatting lives here: every figure comes from :class:`~govgraph.insights.Insights`.
Each section opens with a line saying what it means, then the numbers behind it.
Long lists stop at :data:`LIMIT` rows in text and markdown ("… and N more");
``--format json`` lists everything.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator

from govgraph.explore.text import fit
from govgraph.insights import Insights
from govgraph.model import Model
from govgraph.safetext import json_text, visible

#: Rows shown of a long list (load, overlaps, key members).
LIMIT = 10

Section = tuple[str, str, list[str]]
"""A heading, its one-line meaning, and its lines (empty: nothing to report)."""


def sections(found: Insights, model: Model) -> Iterator[Section]:
    """The report's sections, in order; each line is plain text."""

    def name(thing: str | None) -> str:
        if thing is None:
            return "(none)"
        body = model.bodies.get(thing)
        if body is not None:
            return body.label
        # A post is a member in its own right only while nobody holds it.
        return f"{model.name_of(thing)} (vacant)" if thing in model.posts else model.name_of(thing)

    def names(things: list[str]) -> str:
        return ", ".join(name(thing) for thing in things) or "none"

    shape = found.shape
    tiers = [
        f"tier {i}: {len(tier)} — {names(tier)}" for i, tier in enumerate(found.shape.tiers, 1)
    ]
    chain = " → ".join(name(body) for body in shape.longest_chain)
    figures = [
        f"depth: {shape.depth} tiers; longest chain: {chain}",
        f"top-heavy: {shape.top_bodies} of {shape.bodies} bodies ({shape.top_body_share:.0%}) "
        f"and {shape.top_seats} of {shape.seats} seats ({shape.top_seat_share:.0%}) are in the "
        "top two tiers",
        "span: " + (", ".join(f"{name(b)} {n}" for b, n in shape.spans.items()) or "none"),
    ]
    if shape.unreached:
        figures.append(f"reaching no top (see orphaned-body): {names(shape.unreached)}")
    yield (
        "Shape",
        "Bodies at each reporting depth from the top, and the share of bodies and seats in the "
        "top two tiers.",
        [*tiers, *figures],
    )
    yield (
        "Single points",
        "Bodies every route to the top passes through (what would be cut off if each stopped "
        "meeting), and lines that alone join a part to the rest.",
        [
            *(
                f"{name(p.body)} — cuts off {len(p.cut_off)}: {names(p.cut_off)}"
                for p in found.single_points
            ),
            *(
                f"only link: {name(link.child)} → {name(link.parent)} joins {len(link.cut_off)} "
                f"bodies: {names(link.cut_off)}"
                for link in found.only_links
            ),
        ],
    )
    yield (
        "Key people and posts",
        "Members whose departure would leave bodies without a chair, a statutory member or a "
        "quorum; people combining posts, with the seats each post brings.",
        [
            *_limited(
                [
                    f"{name(key.member)} — "
                    + "; ".join(
                        part
                        for part in (
                            key.chairs and f"only chair of {names(key.chairs)}",
                            key.statutory_for and f"statutory member of {names(key.statutory_for)}",
                            key.quorum_for and f"quorum of {names(key.quorum_for)}",
                        )
                        if part
                    )
                    for key in found.key_members
                ]
            ),
            *(
                f"{name(person.person)} combines {len(person.posts)} posts: "
                + "; ".join(
                    f"{model.name_of(post.post)} "
                    f"({_count(len(post.bodies), 'seat')}: {names(post.bodies)})"
                    for post in person.posts
                )
                + (f"; in own name: {names(person.direct)}" if person.direct else "")
                for person in found.combined_roles
            ),
        ],
    )
    yield (
        "Overlap",
        f"Pairs of bodies sharing more than {found.overlap_threshold:.0%} of the smaller's "
        f"members (candidates to streamline), and bodies of more than {found.large_membership} "
        "members by kind of organisation.",
        [
            *_limited(
                [
                    f"{name(o.bodies[0])} & {name(o.bodies[1])}: {o.shared} shared ({o.ratio:.0%})"
                    for o in found.overlaps
                ]
            ),
            *(
                f"{name(large.body)}: {large.seats} seats, {large.members} different members — "
                + ", ".join(f"{kind} {n}" for kind, n in large.by_kind.items())
                for large in found.large_bodies
            ),
        ],
    )
    yield (
        "Load",
        "Meetings each member is expected at in a year, from each body's meets: and their seats "
        "(directly and through posts).",
        _limited(
            [
                f"{name(item.member)}: {item.meetings_per_year} a year on {len(item.seats)} bodies"
                + (
                    f" (not counted, no schedule: {names(item.unscheduled)})"
                    if item.unscheduled
                    else ""
                )
                for item in found.load
            ]
        ),
    )
    plan_lines: list[str] = []
    for plan in found.plans:
        review = f", reviewed {plan.review}" if plan.review else ""
        plan_lines.append(f"{model.plans[plan.plan].name} — owner {name(plan.owner)}{review}")
        for priority in plan.priorities:
            if not priority.delivered_by:
                plan_lines.append(f"  {priority.name}: delivered by no current body")
                continue
            apart = [b for b in priority.delivered_by if not priority.chains[b]]
            reach = f"; does not report to {name(plan.owner)}: {names(apart)}" if apart else ""
            plan_lines.append(f"  {priority.name}: {names(priority.delivered_by)}{reach}")
        if plan.delivering_nothing:
            plan_lines.append(
                f"  below the owner, delivering none: {names(plan.delivering_nothing)}"
            )
    yield (
        "Plans and priorities",
        "Who delivers each priority of a current plan, and whether it reports to the plan's owner.",
        plan_lines,
    )


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _limited(lines: list[str]) -> list[str]:
    if len(lines) <= LIMIT:
        return lines
    return [*lines[:LIMIT], f"… and {len(lines) - LIMIT} more (--format json lists all)"]


def text_report(found: Insights, model: Model) -> str:
    out = [f"Insights for {model.name} on {found.as_of}"]
    if found.selection is not None:
        out.append(f"({len(found.selection)} bodies chosen with --bodies)")
    for heading, meaning, lines in sections(found, model):
        out += ["", heading.upper(), f"  {meaning}"]
        out += [f"  {line}" for line in lines] or ["  none"]
    return "\n".join(fit(visible(line) for line in out))


def markdown_report(found: Insights, model: Model) -> str:
    out = [f"# Insights for {visible(_escaped(model.name))} on {found.as_of}"]
    for heading, meaning, lines in sections(found, model):
        out += ["", f"## {heading}", "", f"*{meaning}*", ""]
        out += [
            f"{'  ' if line.startswith('  ') else ''}- {visible(_escaped(line.strip()))}"
            for line in lines
        ] or ["None."]
    return "\n".join(out) + "\n"


def _escaped(text: str) -> str:
    """Names as written, not as markdown: no emphasis, links or HTML from them."""
    return re.sub(r"([\\`*_\[\]<>])", r"\\\1", text)


def json_report(found: Insights, model: Model) -> str:
    return json_text(json.dumps(found.to_json(), indent=2, ensure_ascii=False))


#: The ``--format`` choices, the first the default.
REPORTS: dict[str, Callable[[Insights, Model], str]] = {
    "text": text_report,
    "json": json_report,
    "markdown": markdown_report,
}
