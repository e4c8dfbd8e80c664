"""The ``plans`` and ``plan-priorities`` tables -> the model's plans.

A model's plans (FORMAT.md, "plans and the priorities bodies deliver") travel in
two tables: one row per plan (id, name, owner, review …) and one row per
priority, naming its plan. They are written to ``plans.yaml``; the references
(an owner, a body's ``delivers``) are checked when the imported model is loaded.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from govgraph.errors import GovgraphError
from govgraph.interop.draft import Draft
from govgraph.interop.spreadsheet_cells import (
    TableSheet,
    cell_where,
    data_rows,
    row_values,
    rows_read,
)


def read_plans(draft: Draft, tables: Sequence[TableSheet]) -> None:
    """Read the plans tables into ``draft.plans``, each plan with its priorities."""
    plans: dict[str, dict[str, Any]] = {}
    for item in (t for t in tables if t.table.name == "plans"):
        rows = data_rows(item)
        for row in rows:
            values = row_values(item, row)
            if values.get("id") in plans:
                where = cell_where(item, row, "id")
                raise GovgraphError(f"{where}: the plan id {values['id']!r} is used twice")
            plans[str(values.get("id"))] = {**values, "priorities": []}
        if rows:
            draft.read.append(rows_read(item, len(rows)))
    for item in (t for t in tables if t.table.name == "plan-priorities"):
        rows = data_rows(item)
        for row in rows:
            values = row_values(item, row)
            plan_id = values.pop("plan", None)
            if plan_id not in plans:
                raise GovgraphError(
                    f"{cell_where(item, row, 'plan')}: no plan {plan_id!r} in the plans table"
                )
            plans[plan_id]["priorities"].append(values)
        if rows:
            draft.read.append(rows_read(item, len(rows)))
    draft.plans.extend(plans.values())
