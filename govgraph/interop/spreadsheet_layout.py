"""govgraph's own table layout: one table per kind of thing, for spreadsheets.

``govgraph export --to csv`` writes these tables as CSV files, ``--to xlsx`` as
the sheets of one workbook, and ``govgraph import spreadsheet`` reads them back
into the same model. Every field of the model format has a column (the columns
come from the schema, so a new field travels without touching this module);
a few columns only help a reader (``body_name``, ``member_type``, a body's
``members`` count) and are not read back.

How a cell holds what is not a single value:

* lists (``other_names``, ``tags``, ``roles``): items separated by ``; `` (by
  line breaks when an item itself holds a ``;``);
* ``ignore``: one ``CHECK: reason`` per line;
* ``requires``: ``tag: TAG`` or ``member: ID``, separated by ``; ``;
* dates: ISO text in CSV, real date cells in a workbook; true/false for flags;
* a pack provision's rule (``requires``): as written in YAML, on one line
  (``{councillor: true, count: 5}``).

The model's own statutory packs (``packs:``) travel in two tables, ``packs``
and ``pack-provisions``, so that a body's ``statutory:`` naming one of them
comes back too; the packs shipped with govgraph are not written. Plans
(``plans:``) travel the same way, in ``plans`` and ``plan-priorities``, so that a
body's ``delivers`` comes back with the plans it names.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import yaml

from govgraph.interop.draft import ORDER
from govgraph.interop.view import ExportView
from govgraph.packs.models import Pack, Provision
from govgraph.schema import dump

#: Fields held by a table of their own, not in a column of their entity's table.
NESTED = frozenset(("holders", "reports_to", "members"))
LISTS = frozenset(("other_names", "tags", "roles", "delivers"))
DATES = frozenset(("established", "dissolved", "left", "from", "to", "term_ends", "reviewed",
                   "last_reported", "in_force_from", "in_force_to"))  # fmt: skip
#: Dates that end something: a reduced date (``2023``) means its last day.
END_DATES = frozenset(("dissolved", "left", "to", "term_ends", "in_force_to"))
FLAGS = frozenset(("root", "voting"))
NUMBERS = frozenset(("review_interval_months",))


@dataclass(frozen=True)
class Table:
    """One table: its name (CSV file stem, sheet name), columns, and the columns that
    only help a reader (not read back)."""

    name: str
    kind: str  # the ORDER key of what a row is
    columns: tuple[str, ...]
    shown_only: tuple[str, ...] = ()

    @property
    def file_name(self) -> str:
        return f"{self.name}.csv"


def _fields(kind: str, *leave_out: str) -> tuple[str, ...]:
    return tuple(k for k in ORDER[kind] if k not in NESTED and k not in leave_out)


#: A plan's columns; its priorities travel in a table of their own.
PLAN_COLUMNS = ("id", "name", "other_names", "owner", "review", "from", "to", "ignore")

TABLES: tuple[Table, ...] = (
    Table("organisations", "organisation", _fields("organisation")),
    Table("people", "person", _fields("person")),
    Table("posts", "post", _fields("post")),
    Table("post-holders", "holding",
          ("post", "post_title", "person", "person_name", *_fields("holding", "person")),
          ("post_title", "person_name")),
    Table("bodies", "body", (*_fields("body"), "members", "reports_to"), ("members",)),
    Table("memberships", "membership",
          ("body", "body_name", "member", "member_name", "member_type",
           *_fields("membership", "member")), ("body_name", "member_name", "member_type")),
    Table("reporting-lines", "line",
          ("body", "body_name", "reports_to", "reports_to_name", *_fields("line", "body")),
          ("body_name", "reports_to_name")),
    Table("packs", "pack", tuple(f for f in Pack.model_fields if f != "provisions")),
    Table("pack-provisions", "provision", ("pack", *Provision.model_fields)),
    Table("plans", "plan", PLAN_COLUMNS),
    Table("plan-priorities", "priority", ("plan", "id", "name", "ignore")),
)  # fmt: skip
BY_NAME = {table.name: table for table in TABLES}


def cell(key: str, value: Any) -> Any:
    """A field's value as one spreadsheet cell (see the module docstring)."""
    if value is None or value == []:
        return None
    if key == "ignore":
        return "\n".join(f"{entry['check']}: {entry['reason']}" for entry in value)
    if key == "requires":
        return "; ".join(f"{k}: {v}" for rule in value for k, v in rule.items() if v)
    if key in LISTS:
        return ("\n" if any(";" in item for item in value) else "; ").join(value)
    return value


def table_rows(view: ExportView) -> Iterator[tuple[Table, list[Sequence[Any]]]]:
    """Each table with its rows of cell values, in model order."""
    name = view.model.name_of
    yield BY_NAME["organisations"], [_row("organisations", o) for o in view.organisations]
    yield BY_NAME["people"], [_row("people", p) for p in view.people]
    yield BY_NAME["posts"], [_row("posts", p) for p in view.posts]
    yield (
        BY_NAME["post-holders"],
        [
            _row("post-holders", h, post=p.id, post_title=p.title, person_name=name(h.person))
            for p, _, h in view.holdings
        ],
    )
    yield BY_NAME["bodies"], [
        _row("bodies", b,
             members=sum(1 for body, _, _ in view.memberships if body is b),
             reports_to="; ".join(line.body for body, _, line in view.reporting_lines
                                  if body is b) or None)
        for b in view.bodies
    ]  # fmt: skip
    yield (
        BY_NAME["memberships"],
        [
            _row(
                "memberships",
                m,
                body=b.id,
                body_name=b.name,
                member_name=name(m.member),
                member_type=view.kind_of(m.member),
            )
            for b, _, m in view.memberships
        ],
    )
    yield (
        BY_NAME["reporting-lines"],
        [
            _row(
                "reporting-lines",
                line,
                body=b.id,
                body_name=b.name,
                reports_to=line.body,
                reports_to_name=name(line.body),
            )
            for b, _, line in view.reporting_lines
        ],
    )
    packs = list(view.model.packs.values())
    yield BY_NAME["packs"], [_pack_row("packs", p.model_dump(mode="json")) for p in packs]
    yield BY_NAME["pack-provisions"], [
        _pack_row("pack-provisions", {**p.model_dump(mode="json", exclude_defaults=True),
                                      "pack": pack.id})
        for pack in packs
        for p in pack.provisions
    ]  # fmt: skip
    plans = list(view.model.plans.values())
    exported = {body.id for body in view.bodies}  # --bodies may leave a plan's owner out
    yield (
        BY_NAME["plans"],
        [
            _row("plans", plan, owner=plan.owner if plan.owner in exported else None)
            for plan in plans
        ],
    )
    yield (
        BY_NAME["plan-priorities"],
        [
            _row("plan-priorities", priority, plan=plan.id)
            for plan in plans
            for priority in plan.priorities
        ],
    )


def rule_text(rule: dict[str, Any]) -> str:
    """A provision's rule as one line of YAML: ``{councillor: true, count: 5}``."""
    text: str = yaml.safe_dump(rule, default_flow_style=True, sort_keys=False, width=10**6)
    return text.strip()


def _pack_row(table: str, values: dict[str, Any]) -> list[Any]:
    if "requires" in values:
        values["requires"] = rule_text(values["requires"])
    for key in DATES & values.keys():
        if isinstance(values[key], str):
            values[key] = date.fromisoformat(values[key])
    return [values.get(column) for column in BY_NAME[table].columns]


def _row(table: str, thing: Any, **extra: Any) -> list[Any]:
    values = dump(thing, by_alias=True)
    values.update(extra)
    return [cell(column, values.get(column)) for column in BY_NAME[table].columns]
