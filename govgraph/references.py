"""Whole-model validation: every id a model refers to exists and is of the right kind,
and every period ends on or after the day it starts.

These need the whole merged model, so they run after each file's entities have
passed the schema. Each problem names the file and line of the reference.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from govgraph.errors import LoadProblem
from govgraph.explain import suggest
from govgraph.model import Model
from govgraph.packs.user import pack_problems
from govgraph.plans import plan_problems
from govgraph.schema import Placed
from govgraph.slugs import CHECK_SLUGS

MEMBER_KINDS = ("organisation", "post", "person")


def check_references(model: Model, every_id_known: bool = True) -> list[LoadProblem]:
    """Every reference and date-order problem in ``model``, unsorted.

    ``every_id_known`` False: a file of the model could not be read, so an id that
    is not in the model may be defined there; only the other problems are reported.
    """
    return [
        *_references(model, every_id_known),
        *_periods(model),
        *_ignores(model),
        *_settings(model),
        *pack_problems(model),  # statutory packs and roles
        *plan_problems(model, every_id_known),  # plans: owners, priorities, delivers
    ]


def _references(model: Model, known: bool) -> Iterator[LoadProblem]:
    for org in model.organisations.values():
        if org.succeeded_by is not None:
            yield from _expect(
                model, known, org, "succeeded_by", org.succeeded_by, ("organisation",)
            )
    for post in model.posts.values():
        if post.organisation is not None:
            yield from _expect(
                model, known, post, "organisation", post.organisation, ("organisation",)
            )
        for holding in post.holders:
            yield from _expect(model, known, holding, "person", holding.person, ("person",))
    for body in model.bodies.values():
        if body.predecessor is not None:
            yield from _expect(model, known, body, "predecessor", body.predecessor, ("body",))
        if body.hosted_by is not None:
            yield from _expect(model, known, body, "hosted_by", body.hosted_by, ("organisation",))
        for line in body.reports_to:
            yield from _expect(model, known, line, "reports_to", line.body, ("body",))
        for rule in body.requires:
            if rule.member is not None:
                yield from _expect(model, known, rule, "requires member", rule.member, MEMBER_KINDS)
        for membership in body.members:
            yield from _expect(model, known, membership, "member", membership.member, MEMBER_KINDS)
            if membership.on_behalf_of is not None:
                yield from _expect(
                    model,
                    known,
                    membership,
                    "on_behalf_of",
                    membership.on_behalf_of,
                    ("organisation",),
                )


def _expect(
    model: Model, known: bool, where: Placed, field: str, ref: str, kinds: tuple[str, ...]
) -> Iterator[LoadProblem]:
    actual = model.kind_of(ref)
    if actual in kinds or (actual is None and not known):
        return  # nearly every reference: say nothing, and build no words for it
    wanted = _either([_a(kind) for kind in kinds])
    key = field.split()[-1]
    if actual is None:
        candidates = [i for i in model.ids() if model.kind_of(i) in kinds]
        # Only a near id is a likely typo; a far one would send the officer astray.
        near = suggest(ref, candidates, cutoff=NEAR)
        if near:
            advice = f"{near}; it must name {wanted}"
        else:
            sections = _either([f"{SECTION_OF[kind]}:" for kind in kinds])
            advice = (
                f"; add {_a(kinds[0]) if len(kinds) == 1 else wanted} with id '{ref}' "
                f"(under {sections}), or correct the id"
            )
        yield _problem(model, where, f"{field} names '{ref}', which is not in the model{advice}")
    else:
        yield _problem(
            model,
            where,
            f"{field} names '{ref}', which is {_a(actual)}; it must name {wanted}",
            key,
        )


def _periods(model: Model) -> Iterator[LoadProblem]:
    for org in model.organisations.values():
        yield from _order(
            model, org, ("established", org.established), ("dissolved", org.dissolved)
        )
    for body in model.bodies.values():
        yield from _order(
            model, body, ("established", body.established), ("dissolved", body.dissolved)
        )
        for m in body.members:
            yield from _order(model, m, ("from", m.from_), ("to", m.to))
            yield from _order(model, m, ("from", m.from_), ("term_ends", m.term_ends))
    for post in model.posts.values():
        for h in post.holders:
            yield from _order(model, h, ("from", h.from_), ("to", h.to))


def _order(
    model: Model,
    where: Placed,
    start: tuple[str, date | None],
    end: tuple[str, date | None],
) -> Iterator[LoadProblem]:
    (start_name, start_day), (end_name, end_day) = start, end
    if start_day is not None and end_day is not None and end_day < start_day:
        yield _problem(
            model,
            where,
            f"{end_name} ({end_day}) is before {start_name} ({start_day}); "
            f"{end_name} is the last day in effect, so it cannot come first: check both dates",
            end_name,
        )


def _ignores(model: Model) -> Iterator[LoadProblem]:
    things: list[Placed] = []
    for table in (model.organisations, model.people, model.posts, model.bodies):
        things.extend(table.values())
    for body in model.bodies.values():
        things.extend(body.members)
        things.extend(body.reports_to)
    for thing in things:
        for entry in getattr(thing, "ignore", ()):
            if entry.check not in CHECK_SLUGS:
                yield _problem(
                    model,
                    entry,
                    f"ignore names the check '{entry.check}', which does not exist"
                    f"{suggest(entry.check, CHECK_SLUGS)}; run 'govgraph checks' for the list",
                    "check",
                )


def _settings(model: Model) -> Iterator[LoadProblem]:
    for slug in model.settings.checks:
        if slug not in CHECK_SLUGS:
            yield _problem(
                model,
                model.settings,
                f"checks: names '{slug}', which is not a check{suggest(slug, CHECK_SLUGS)}; "
                "run 'govgraph checks' for the list",
                key=f"checks.{slug}",
            )


def _problem(model: Model, where: Placed, message: str, key: str = "") -> LoadProblem:
    line = where.line_of(key) if key else where.line
    return LoadProblem(model.display_path(where.file), line, 0, message)


#: Where each kind of entity is written, for "add it under …".
SECTION_OF = {
    "organisation": "organisations",
    "post": "posts",
    "person": "people",
    "body": "bodies",
}


def _either(words: list[str]) -> str:
    return " or ".join(words) if len(words) < 3 else f"{', '.join(words[:-1])} or {words[-1]}"


#: How alike two ids must be for one to be suggested for the other.
NEAR = 0.75


def _a(word: str) -> str:
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"
