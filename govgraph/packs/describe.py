"""``govgraph checks --packs``: the packs, their dated provisions and the register."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from govgraph.packs import builtin_packs, resolve
from govgraph.packs.evaluate import describe
from govgraph.packs.models import Pack
from govgraph.reorganisations import REORGANISATIONS, long_date

if TYPE_CHECKING:
    from govgraph.model import Model

WIDTH = 100


def describe_packs(model: Model | None) -> str:
    """Every pack (built-in, then the model's own) with its provisions, and the register.

    >>> print(describe_packs(None).splitlines()[0])
    Built-in statutory packs (declare one on a body with statutory: ID):
    """
    parts = ["Built-in statutory packs (declare one on a body with statutory: ID):", ""]
    for pack in builtin_packs().values():
        parts.extend(_pack(pack, None))
    if model is not None and model.packs:
        parts.extend([f"Packs defined in {model.name}:", ""])
        for pack_id, pack in model.packs.items():
            parts.extend(_pack(resolve(model, pack_id) or pack, model))
    parts.append("National reorganisations (checked by abolished-organisation-kind):")
    parts.append("")
    for entry in REORGANISATIONS:
        parts.append(f"{entry.kind}: {entry.name}, last day {entry.last_day}")
        parts.extend(
            _wrap(
                f"abolished {long_date(entry.abolished_on)}, replaced by {entry.replaced_by} "
                f"({entry.confidence}: {entry.source})",
                "  ",
                "  ",
            )
        )
    return "\n".join(parts)


def _pack(pack: Pack, model: Model | None) -> list[str]:
    lines = [f"{pack.id}: {pack.name}"]
    source = pack.source + (f" <{pack.url}>" if pack.url else "")
    lines.append(f"  source: {source}")
    if model is not None:
        lines.append(f"  defined at {model.display_path(pack.file)}:{pack.line}")
    if pack.extends:
        lines.append(f"  extends: {pack.extends}")
    if pack.note:
        lines.extend(_wrap(pack.note, "  note: ", "        "))
    for provision in pack.provisions:
        source = f"{provision.source} " if provision.source else ""
        lines.append(f"  {source}{provision.cite} [{provision.id}, {provision.period}]")
        lines.extend(_wrap(provision.text, "      ", "      "))
        lines.extend(_wrap(describe(provision.requires), "      requires: ", "        "))
        if provision.note:
            lines.extend(_wrap(provision.note, "      note: ", "        "))
    lines.append("")
    return lines


def _wrap(text: str, first: str, rest: str) -> list[str]:
    return textwrap.wrap(
        " ".join(text.split()),
        WIDTH,
        initial_indent=first,
        subsequent_indent=rest,
        break_on_hyphens=False,  # ids such as metropolitan-borough-council stay whole
    )
