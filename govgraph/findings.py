"""Findings: what the audit says about a model, as frozen, ordered values."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govgraph.fix.changes import Fix


class Severity(StrEnum):
    """How serious a finding is; ``off`` is only a setting, never a finding's severity."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True, order=True)
class Finding:
    """One problem found in a model.

    Ordered by file and line so that any list of findings sorts the way a user
    reads a model. ``subject`` is a body id, or ``BODY/MEMBER`` for a membership.
    ``fix`` is what ``govgraph fix`` would write for it, if anything.
    """

    file: str
    line: int
    check: str
    subject: str
    severity: Severity = field(compare=False)
    message: str = field(compare=True)
    fix: Fix | None = field(default=None, compare=False, repr=False)

    def as_dict(self) -> dict[str, object]:
        """The finding as plain data; with a fix, what it writes, how sure it is and the
        command that applies it (``fix``: see :meth:`govgraph.fix.changes.Fix.as_dict`)."""
        entry: dict[str, object] = {
            "check": self.check,
            "severity": self.severity.value,
            "subject": self.subject,
            "message": self.message,
            "file": self.file,
            "line": self.line,
        }
        if self.fix is not None:
            entry["fix"] = self.fix.as_dict()
        return entry
