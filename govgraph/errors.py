"""The few exception types a govgraph user can meet.

Every error a user can cause is a :class:`GovgraphError`; the CLI prints its
message and exits 2 without a traceback. A model that cannot be loaded raises
:class:`ModelLoadError`, which carries every problem found, not just the first.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class GovgraphError(Exception):
    """A mistake in what the user gave govgraph (a path, an option, a file)."""


@dataclass(frozen=True, order=True)
class LoadProblem:
    """One thing wrong with a model file, positioned for the user.

    ``line`` and ``column`` are 1-based; 0 means "the whole file".
    """

    file: str
    line: int
    column: int = 0
    message: str = field(default="", compare=True)
    path: str = ""

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        at = f" ({self.path})" if self.path else ""
        return f"{where}: error{at}: {self.message}"


class ModelLoadError(GovgraphError):
    """The model could not be loaded; ``problems`` lists everything wrong, sorted."""

    def __init__(self, problems: list[LoadProblem]) -> None:
        self.problems = sorted(set(problems))
        count = len(self.problems)
        summary = f"{count} problem{'s' if count != 1 else ''} in the model"
        super().__init__("\n".join([*map(str, self.problems), summary]))
