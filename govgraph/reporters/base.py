"""What every reporter receives, and the small helpers they share.

A reporter only formats: it turns an :class:`~govgraph.audit.AuditResult` (or,
when the model could not be loaded, a :class:`LoadFailure`) into text. The
``govgraph check`` command picks one from :data:`govgraph.reporters.REPORTERS`
by ``--format`` and prints what it returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol

from govgraph.audit import AuditResult
from govgraph.errors import LoadProblem
from govgraph.findings import Finding, Severity


@dataclass(frozen=True)
class ReportOptions:
    """How to present a result: list waived findings, use colour (text only)."""

    show_ignored: bool = False
    color: bool = False


@dataclass(frozen=True)
class LoadFailure:
    """A model that could not be loaded: what was asked for and every problem found.

    ``problems`` carry the paths as the user gave them; :meth:`relative` gives a
    problem's file relative to the model folder, like a finding's.
    """

    root: Path
    as_of: date
    problems: tuple[LoadProblem, ...]

    @property
    def model(self) -> str:
        """The model's name as far as it is known (its folder's name)."""
        return self.root.resolve().name

    def relative(self, problem: LoadProblem) -> str:
        """``problem``'s file relative to the model folder (unchanged when outside it)."""
        if not problem.file:
            return ""
        if self.root.is_file():
            return Path(problem.file).name
        try:
            return Path(problem.file).relative_to(self.root).as_posix()
        except ValueError:
            return problem.file


class Reporter(Protocol):
    """The shape of a reporter module (for typing the registry)."""

    def report(self, result: AuditResult, options: ReportOptions) -> str: ...

    def report_load_errors(self, failure: LoadFailure) -> str | None:
        """The output for a model that could not be loaded, or None to print the
        problems to stderr as every other command does."""


def plural(count: int, word: str) -> str:
    """``"1 error"``, ``"2 errors"``; ``info`` does not take an s."""
    if count == 1 or word == "info":
        return f"{count} {word}"
    return f"{count} {word}s"


def tally(result: AuditResult) -> str:
    """``"2 errors, 1 warning, 0 info; 1 waived"``: the counts every summary shows."""
    counts = result.counts
    text = ", ".join(plural(counts[s.value], s.value) for s in Severity)
    return f"{text}; {len(result.waived)} waived"


def ordered(findings: list[Finding]) -> list[Finding]:
    """Most serious first, then as a user reads the model (file and line)."""
    return sorted(findings, key=lambda f: (f.severity.rank, f))
