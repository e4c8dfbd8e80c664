"""Plans and their priorities: who delivers what, and the load-time checks of ``plans:``.

A plan (``plans:`` in a model file) is overseen by its ``owner`` body and lists
priorities; a body delivers a priority by writing ``delivers: [PLAN/PRIORITY]``.
:func:`plan_problems` checks those references when the model loads (file, line,
"did you mean"); :func:`deliverers` answers "which current bodies deliver this
priority on a date" for the ``undelivered-priority`` check and the insights.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date

from govgraph.dates import is_current
from govgraph.errors import LoadProblem
from govgraph.explain import suggest
from govgraph.model import Model
from govgraph.schema import Body, Placed, Plan, Waivable
from govgraph.slugs import CHECK_SLUGS

#: How a delivered priority is written: ``PLAN/PRIORITY``.
SEPARATOR = "/"


def priority_key(plan: str, priority: str) -> str:
    """``"cypp/early-help"``: how a body names a priority in ``delivers``."""
    return f"{plan}{SEPARATOR}{priority}"


def deliverers(model: Model, on: date) -> dict[str, list[str]]:
    """``PLAN/PRIORITY`` -> ids of the bodies current on ``on`` that deliver it, in
    model order (priorities no current body delivers are absent)."""
    found: defaultdict[str, list[str]] = defaultdict(list)
    for body in model.bodies.values():
        if body.delivers and is_current(body, on):
            for key in dict.fromkeys(body.delivers):
                found[key].append(body.id)
    return dict(found)


def current_plans(model: Model, on: date) -> list[Plan]:
    """The plans in effect on ``on`` (a plan without ``from``/``to`` always is)."""
    return [plan for plan in model.plans.values() if is_current(plan, on)]


# --- load-time checks ---------------------------------------------------------------------


def plan_problems(model: Model, every_id_known: bool = True) -> Iterator[LoadProblem]:
    """Every wrong reference of ``plans:`` and ``delivers:``, with its file and line.

    ``every_id_known`` False: a file could not be read, so an owner or a plan that is
    not in the model may be written there; only the other problems are reported.
    """
    for plan in model.plans.values():
        yield from _plan(model, plan, every_id_known)
    for body in model.bodies.values():
        for written in body.delivers:
            yield from _delivered(model, body, written, every_id_known)


def _plan(model: Model, plan: Plan, known: bool) -> Iterator[LoadProblem]:
    kind = model.kind_of(plan.owner) if plan.owner is not None else None
    if plan.owner is not None and plan.owner not in model.bodies and (kind or known):
        why = (
            f"which is {_a(kind)}; the owner must be a body"
            if kind
            else f"which is not a body in the model{suggest(plan.owner, list(model.bodies))}"
        )
        yield _problem(model, plan, f"owner names '{plan.owner}', {why}", "owner")
    if plan.start is not None and plan.end is not None and plan.end < plan.start:
        yield _problem(
            model, plan, f"to ({plan.end}) is before from ({plan.start}); check both dates", "to"
        )
    seen: dict[str, int] = {}
    for priority in plan.priorities:
        if priority.id in seen:
            yield _problem(
                model,
                priority,
                f"plan '{plan.id}' already has a priority '{priority.id}' (line "
                f"{seen[priority.id]}); priority ids must be unique within a plan, rename one",
                "id",
            )
        else:
            seen[priority.id] = priority.line
    for thing in (plan, *plan.priorities):
        yield from _ignores(model, thing)


def _ignores(model: Model, thing: Waivable) -> Iterator[LoadProblem]:
    for entry in thing.ignore:
        if entry.check not in CHECK_SLUGS:
            yield _problem(
                model,
                entry,
                f"ignore names the check '{entry.check}', which does not exist"
                f"{suggest(entry.check, CHECK_SLUGS)}; run 'govgraph checks' for the list",
                "check",
            )


def _delivered(model: Model, body: Body, written: str, known: bool) -> Iterator[LoadProblem]:
    plan_id, separator, priority_id = written.partition(SEPARATOR)
    plan = model.plans.get(plan_id)
    if not separator or not priority_id:
        example = _example(model)
        message = (
            f"delivers names '{written}'; write each priority as PLAN/PRIORITY, e.g. {example}"
        )
    elif plan is None:
        if not known:
            return  # the plan may be in the file that could not be read
        hint = suggest(plan_id, list(model.plans))
        where = hint or (
            "; add it under plans:" if not model.plans else f"; the plans are {_ids(model.plans)}"
        )
        message = f"delivers names the plan '{plan_id}', which is not in the model{where}"
    else:
        ids = list(dict.fromkeys(priority.id for priority in plan.priorities))
        if priority_id in ids:
            return
        hint = suggest(priority_id, ids) or (
            f"; its priorities are {', '.join(ids)}" if ids else "; it lists no priorities"
        )
        message = (
            f"delivers names '{written}', but plan '{plan_id}' has no priority "
            f"'{priority_id}'{hint}"
        )
    yield _problem(model, body, message, "delivers")


def _example(model: Model) -> str:
    for plan in model.plans.values():
        if plan.priorities:
            return priority_key(plan.id, plan.priorities[0].id)
    return "cypp/early-help"


def _ids(table: dict[str, Plan]) -> str:
    return ", ".join(table)


def _problem(model: Model, where: Placed, message: str, key: str) -> LoadProblem:
    return LoadProblem(model.display_path(where.file), where.line_of(key), 0, message)


def _a(word: str) -> str:
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"
