"""The result of a diff and its three printed forms: text, JSON and markdown."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from govgraph.diff.changes import AREAS, Change, escape_markdown
from govgraph.diff.leave_out import only_areas, without_fields
from govgraph.diff.shape import ShapeChange, shape_figures
from govgraph.diff.sources import open_model
from govgraph.diff.states import compare_states
from govgraph.diff.versions import compare_models
from govgraph.graph import build_graph
from govgraph.loader import load
from govgraph.safetext import json_text, visible


@dataclass
class DiffResult:
    """What changed from ``old`` to ``new`` (two versions, or two dates of one model)."""

    old: str
    new: str
    model: str
    changes: list[Change]
    dates: tuple[date, date] | None = None
    #: The change in the shape figures (None when only some areas were asked for).
    shape: ShapeChange | None = None

    @property
    def counts(self) -> dict[str, int]:
        return {area: sum(c.area == area for c in self.changes) for area in AREAS}

    def by_area(self) -> list[tuple[str, list[Change]]]:
        return [(a, [c for c in self.changes if c.area == a]) for a in AREAS if self.counts[a]]


def diff_versions(
    old: str,
    new: str,
    ignore_fields: frozenset[str] = frozenset(),
    areas: frozenset[str] = frozenset(),
) -> DiffResult:
    """Compare two model folders (or ``REV:path`` git revisions) as written down.

    ``ignore_fields`` (YAML names, see :data:`~govgraph.diff.leave_out.IGNORABLE`)
    are left out of the comparison; ``areas`` (of :data:`AREAS`), when given, are
    the only ones reported.
    """
    before, after = open_model(old), open_model(new)
    changes = compare_models(
        without_fields(before, ignore_fields), without_fields(after, ignore_fields)
    )
    today = date.today()
    shape = (
        None if areas else ShapeChange(shape_figures(before, today), shape_figures(after, today))
    )
    return DiffResult(old, new, after.name, only_areas(changes, areas), shape=shape)


def diff_dates(
    model_dir: str | Path, first: date, second: date, areas: frozenset[str] = frozenset()
) -> DiffResult:
    """Compare what was current in one model on two dates (earlier date first)."""
    a, b = sorted((first, second))
    model = load(model_dir)
    changes = only_areas(compare_states(build_graph(model), a, b), areas)
    shape = None if areas else ShapeChange(shape_figures(model, a), shape_figures(model, b))
    return DiffResult(a.isoformat(), b.isoformat(), model.name, changes, (a, b), shape)


def _heading(result: DiffResult) -> str:
    if result.dates:
        return f"{result.model}: changes from {result.old} to {result.new}"
    return f"Changes from {result.old} to {result.new}"


def _count(result: DiffResult) -> str:
    count = len(result.changes)
    return f"{count} change{'s' * (count != 1)}" if count else "No changes"


def to_text(result: DiffResult) -> str:
    lines = [visible(f"{_heading(result)}: {_count(result).lower()}.")]
    for area, changes in result.by_area():
        lines += ["", f"{area.capitalize()} ({len(changes)}):"]
        lines += [f"  {c.sign} {visible(c.text())}" for c in changes]
    if result.shape is not None and result.shape.changed:
        lines += ["", "Shape:"] + [f"  {visible(line)}" for line in result.shape.lines()]
    return "\n".join(lines) + "\n"


def to_json(result: DiffResult) -> str:
    data: dict[str, Any] = {
        "model": result.model,
        "old": result.old,
        "new": result.new,
        "compared": "dates" if result.dates else "versions",
        "changes": [c.as_dict() for c in result.changes],
        "counts": result.counts,
    }
    if result.shape is not None:
        data["shape"] = result.shape.as_dict()
    return json_text(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"


def to_markdown(result: DiffResult) -> str:
    """A changelog a committee report can paste in: a heading, a section per area."""
    if result.dates:
        intro = f"What changed in the structure between {result.old} and {result.new}."
    else:
        intro = (
            f"What changed between `{result.old}` and `{result.new}` (the model as written down)."
        )
    lines = [f"# Governance changes: {escape_markdown(result.model)}", "", intro, ""]
    if not result.changes:
        return "\n".join([*lines, "No changes."]) + "\n"
    summary = ", ".join(
        f"{n} {area if n != 1 else SINGULAR[area]}" for area, n in result.counts.items() if n
    )
    lines += [f"{_count(result)} ({summary}).", ""]
    for area, changes in result.by_area():
        lines += [f"## {area.capitalize()}", ""]
        lines += [f"- {visible(c.markdown())}." for c in changes]
        lines.append("")
    if result.shape is not None and result.shape.changed:
        lines += ["## Shape", ""]
        lines += [f"- {escape_markdown(line)}." for line in result.shape.lines()]
        lines.append("")
    return "\n".join(lines)


SINGULAR = {
    "bodies": "body",
    "reporting lines": "reporting line",
    "memberships": "membership",
    "organisations": "organisation",
    "posts": "post",
    "people": "person",
    "settings": "setting",
}

FORMATS = {"text": to_text, "json": to_json, "markdown": to_markdown}
