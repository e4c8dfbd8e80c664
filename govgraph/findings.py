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

    def as_dict(self, model_dir: str | None = None) -> dict[str, object]:
        """The finding as plain data; with a fix, its description, and the command
        that applies it when ``model_dir`` (the model as the user names it) is given."""
        entry: dict[str, object] = {
            "check": self.check,
            "severity": self.severity.value,
            "subject": self.subject,
            "message": self.message,
            "file": self.file,
            "line": self.line,
        }
        if self.fix is not None:
            fix = self.fix.as_dict()
            if model_dir is not None:
                fix["command"] = self.fix_command(model_dir)
            entry["fix"] = fix
        return entry

    def fix_command(self, model_dir: str) -> str | None:
        """The one command line that applies this finding's fix, if it has one."""
        if self.fix is None:
            return None
        from govgraph.fix.changes import fix_command  # noqa: PLC0415 - findings stay light

        return fix_command(model_dir, self.check, self.subject, self.fix)
