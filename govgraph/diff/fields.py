"""Small helpers that turn a changed field into a change sentence."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from govgraph.diff.changes import Change, Named, Part, Quote
from govgraph.schema import Waivable

FIELD_WORDS = {
    "from_": "start date",
    "on_behalf_of": "organisation sat for",
    "term_ends": "term end",
    "review interval months": "review interval (months)",
    "hosted by": "host",
    "succeeded by": "successor",
    "statutory": "statutory pack",
}


def show(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def json_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [json_value(v) for v in value]
    return value


def field_change(
    area: str, subject: Named, what: str, before: Any, after: Any, prefix: str = ""
) -> Change:
    parts: tuple[Part, ...] = (
        subject,
        f"'s {prefix}{FIELD_WORDS.get(what, what)} changed from ",
        *value_parts(before),
        " to ",
        *value_parts(after),
    )
    return Change(area, "changed", subject.id, parts, json_value(before), json_value(after))


def value_parts(value: Any) -> tuple[Part, ...]:
    # Free text (an organisation's kind, a note, tags) is quoted and escaped.
    if isinstance(value, str) and not isinstance(value, date):
        return (Quote(value),)
    if isinstance(value, list):
        return (Quote(", ".join(map(str, value))) if value else "none",)
    return (show(value),)


def dissolution(area: str, subject: Named, was: date | None, now: date | None) -> Change:
    if was is None:
        parts: tuple[Part, ...] = (subject, f" was dissolved on {now}")
        return Change(area, "dissolved", subject.id, parts, None, json_value(now))
    if now is None:
        parts = (subject, f" is no longer recorded as dissolved (was {was})")
    else:
        parts = (subject, f"'s dissolution date changed from {was} to {now}")
    return Change(area, "changed", subject.id, parts, json_value(was), json_value(now))


def entity_changes(
    area: str, subject: Named, before: Waivable, after: Waivable, names: tuple[str, ...]
) -> Iterator[Change]:
    """The named plain fields of an entity that changed, then its waivers."""
    for name in names:
        was, now = getattr(before, name), getattr(after, name)
        if was != now:
            yield field_change(area, subject, name.replace("_", " "), was, now)
    yield from waiver_changes(area, subject.id, (subject,), before, after)


def waiver_changes(
    area: str, subject: str, lead: tuple[Part, ...], before: Waivable, after: Waivable
) -> Iterator[Change]:
    """A finding waived (``ignore:``), no longer waived, or waived for another reason.

    ``lead`` names what carries the waiver (a body, or a membership of one). An
    auditor reading a diff needs to see a waiver appear as much as a new member.
    """
    was = {entry.check: entry.reason for entry in before.ignore}
    now = {entry.check: entry.reason for entry in after.ignore}
    for check in sorted(was.keys() | now.keys()):
        if check not in was:
            parts = (*lead, f": {check} findings are now waived: ", Quote(now[check]))
            yield Change(area, "waived", subject, parts, None, {check: now[check]})
        elif check not in now:
            parts = (
                *lead,
                f": {check} findings are no longer waived (were: ",
                Quote(was[check]),
                ")",
            )
            yield Change(area, "unwaived", subject, parts, {check: was[check]}, None)
        elif was[check] != now[check]:
            parts = (*lead, f": the reason {check} findings are waived changed from ",
                     Quote(was[check]), " to ", Quote(now[check]))  # fmt: skip
            yield Change(area, "changed", subject, parts, {check: was[check]}, {check: now[check]})
