"""Fixes as data: what a check proposes to change, before anything is written.

A :class:`Fix` is a few structured changes (set a key of a mapping, add an item
to a list) with an :class:`Applicability`, as ruff's fixes carry theirs:

* ``safe``: follows only from facts the model already states (a person's
  ``left`` date ends their open memberships); ``govgraph fix`` applies it;
* ``unsafe``: needs someone's judgement (was a lapsed term ended or renewed?);
  applied only with ``--unsafe-fixes`` or when accepted in ``--interactive``.

A check with no fix at all documents its class as ``none``. The changes name
the mappings they touch (a membership, a body) by the schema objects the loader
positioned; :mod:`govgraph.fix.yamledit` finds them again in the file's text.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field
from enum import StrEnum

from govgraph.schema import Placed


class Applicability(StrEnum):
    """How sure a fix is: ``safe`` applies by default, ``unsafe`` only when asked."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    NONE = "none"


@dataclass(frozen=True)
class SetKey:
    """Write ``key: value`` in the mapping ``target`` (replacing the value if the key
    is written there, else adding the key in its place in the format's key order)."""

    target: Placed = field(compare=False, repr=False)
    key: str
    value: str
    #: What the change is about, for messages: ``BODY/MEMBER``, a body id …
    subject: str = ""

    def describe(self) -> str:
        return f"set {self.key}: {self.value}" + (f" on {self.subject}" if self.subject else "")

    def as_dict(self) -> dict[str, object]:
        file, line = self.target.position
        return {
            "action": "set",
            "file": file,
            "line": line,
            "subject": self.subject,
            "key": self.key,
            "value": self.value,
        }


@dataclass(frozen=True)
class AddItem:
    """Append the mapping ``item`` to the list ``key`` of ``owner`` (a body's
    ``members``, a post's ``holders``), written in the style of its neighbours."""

    owner: Placed = field(compare=False, repr=False)
    key: str
    item: tuple[tuple[str, str], ...]
    subject: str = ""

    def describe(self) -> str:
        shown = ", ".join(f"{key}: {value}" for key, value in self.item)
        return f"add {{{shown}}} to {self.subject}'s {self.key}"

    def as_dict(self) -> dict[str, object]:
        file, line = self.owner.position
        return {
            "action": "add",
            "file": file,
            "line": line,
            "subject": self.subject,
            "key": self.key,
            "item": dict(self.item),
        }


Change = SetKey | AddItem


@dataclass(frozen=True)
class Fix:
    """What applying a finding's fix writes, and how sure it is."""

    applicability: Applicability
    changes: tuple[Change, ...]
    #: The one command line that applies it, stamped by the audit (which knows the model).
    command: str = field(default="", compare=False)

    @property
    def description(self) -> str:
        return "; ".join(change.describe() for change in self.changes)

    def as_dict(self) -> dict[str, object]:
        return {
            "applicability": self.applicability.value,
            "description": self.description,
            "command": self.command,
            "changes": [change.as_dict() for change in self.changes],
        }


def end_membership(target: Placed, subject: str, on: object) -> SetKey:
    """The change that ends a membership (or a holding) on ``on``: ``to: ON``."""
    return SetKey(target, "to", str(on), subject)


def fix_command(model_dir: str, check: str, subject: str, fix: Fix) -> str:
    """The one command line that applies ``fix`` (for reports, the chart and the site)."""
    unsafe = " --unsafe-fixes" if fix.applicability is Applicability.UNSAFE else ""
    words = ["govgraph", "fix", model_dir, "--select", check, "--only", subject]
    return shlex.join(words) + unsafe
