"""Statutory packs: dated rules for what the law (or a constitution) requires of a body.

A body declares ``statutory: PACK``; the ``statutory-composition`` check then
tests its current members against the provisions of that pack in force on the
as-of date. Packs ship with govgraph (the YAML files in this folder) and a
model may add its own under a top-level ``packs:`` section.

>>> sorted(builtin_packs())
['community-safety-partnership', 'health-and-wellbeing-board', \
'safeguarding-adults-board', 'safeguarding-children-partners']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from govgraph.packs.builtin import builtin_packs
from govgraph.packs.models import EACH, Pack, Provision, Rule

if TYPE_CHECKING:
    from govgraph.model import Model


def all_packs(model: Model | None) -> dict[str, Pack]:
    """The built-in packs and the model's own packs, by id."""
    packs = dict(builtin_packs())
    if model is not None:
        packs.update(model.packs)
    return packs


def resolve(model: Model | None, pack_id: str) -> Pack | None:
    """The pack ``pack_id`` with the provisions of the pack it ``extends`` first."""
    packs = all_packs(model)
    pack = packs.get(pack_id)
    if pack is None or pack.extends is None:
        return pack
    base = builtin_packs().get(pack.extends)
    if base is None:  # refused at load; a model built in code may still say so
        return pack
    # Inherited provisions keep citing the law they come from, not the user's pack.
    inherited = [p.model_copy(update={"source": p.source or base.source}) for p in base.provisions]
    merged = pack.model_copy(update={"provisions": [*inherited, *pack.provisions]})
    merged.locate(pack.file, pack.line, None)
    return merged


__all__ = ["EACH", "Pack", "Provision", "Rule", "all_packs", "builtin_packs", "resolve"]
