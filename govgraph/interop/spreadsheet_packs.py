"""The ``packs`` and ``pack-provisions`` tables -> the model's own statutory packs.

A model's packs (FORMAT.md, "A model's own packs") travel in two tables: one row
per pack (id, name, source …) and one row per provision, naming its pack, with
its rule written as one line of YAML (``{councillor: true, count: 5}``). Each
pack is checked as the loader checks a ``packs:`` entry, and a mistake stops the
import naming its cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from govgraph.errors import GovgraphError
from govgraph.interop.draft import Draft
from govgraph.interop.spreadsheet_cells import (
    TableSheet,
    cell_where,
    data_rows,
    row_values,
    rows_read,
)
from govgraph.interop.spreadsheet_read import Row
from govgraph.packs.builtin import builtin_packs
from govgraph.packs.models import Pack, Provision, rules_of
from govgraph.packs.vocabulary import ROLES
from govgraph.yamlread import YAMLProblem, parse_yaml


@dataclass
class KnownPacks:
    """The packs a body's ``statutory`` may name, and the roles a post may carry."""

    packs: set[str] = field(default_factory=lambda: set(builtin_packs()))
    post_roles: set[str] = field(default_factory=lambda: set(ROLES))


def read_packs(draft: Draft, tables: Sequence[TableSheet]) -> KnownPacks:
    """Read the packs tables into ``draft.packs``; returns what bodies and posts may name."""
    known = KnownPacks()
    for role in (r for pack in builtin_packs().values() for r in _post_roles(pack)):
        known.post_roles.add(role)
    packs: dict[str, tuple[dict[str, Any], str]] = {}  # id -> (pack, where)
    for item in (t for t in tables if t.table.name == "packs"):
        for row in data_rows(item):
            values = row_values(item, row)
            where = cell_where(item, row, "id")
            if values.get("id") in packs:
                raise GovgraphError(f"{where}: the pack id {values['id']!r} is used twice")
            packs[str(values.get("id"))] = ({**values, "provisions": []}, where)
        if data_rows(item):
            draft.read.append(rows_read(item, len(data_rows(item))))
    for item in (t for t in tables if t.table.name == "pack-provisions"):
        for row in data_rows(item):
            values = row_values(item, row)
            pack_id = values.pop("pack", None)
            if pack_id not in packs:
                raise GovgraphError(
                    f"{cell_where(item, row, 'pack')}: no pack {pack_id!r} in the packs table"
                )
            values["requires"] = _rule(item, row, values.get("requires"))
            _checked(Provision, values, item, row)
            packs[pack_id][0]["provisions"].append(values)
        if data_rows(item):
            draft.read.append(rows_read(item, len(data_rows(item))))
    for pack, where in packs.values():
        try:
            validated = Pack.model_validate(pack)
        except ValidationError as exc:
            raise GovgraphError(f"{where}: {exc.errors()[0]['msg']}") from None
        known.packs.add(validated.id)
        known.post_roles.update(_post_roles(validated))
        draft.packs.append(pack)
    return known


def _rule(item: TableSheet, row: Row, text: Any) -> Any:
    where = cell_where(item, row, "requires")
    if text is None:
        raise GovgraphError(f"{where}: empty; write the rule, e.g. {{councillor: true, count: 5}}")
    try:
        return _plain(parse_yaml(f"rule: {text}\n")["rule"])
    except (YAMLProblem, KeyError, TypeError):
        raise GovgraphError(
            f"{where}: {text!r} is not a rule written in YAML, e.g. {{councillor: true, count: 5}}"
        ) from None


def _plain(value: Any) -> Any:
    """Parsed YAML as plain dicts and lists (the reader's positioned types dropped)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _checked(model: type[BaseModel], values: dict[str, Any], item: TableSheet, row: Row) -> None:
    try:
        model.model_validate(values)
    except ValidationError as exc:
        error = exc.errors()[0]
        column = str(error["loc"][0]) if error["loc"] else "id"
        where = cell_where(item, row, column if column in item.columns else "id")
        raise GovgraphError(f"{where}: {error['msg']}") from None


def _post_roles(pack: Pack) -> set[str]:
    return {
        role
        for provision in pack.provisions
        for rule in rules_of(provision.requires)
        for role in rule.post_role or ()
    }
