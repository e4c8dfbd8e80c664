"""``--format github``: GitHub Actions workflow annotations, then a summary line.

Each finding becomes ``::error file=PATH,line=N,title=CHECK::MESSAGE`` (``warning``
for warnings, ``notice`` for info), which GitHub shows on the changed line of
a pull request. PATH is the path as given on the command line, so run
govgraph from the repository's root. Waived findings are shown as notices only
with ``--show-ignored``. For a job summary, append ``--format markdown`` output
to ``$GITHUB_STEP_SUMMARY``.
"""

from __future__ import annotations

from govgraph.audit import AuditResult
from govgraph.findings import Severity
from govgraph.reporters.base import LoadFailure, ReportOptions, plural, tally
from govgraph.safetext import visible, visible_lines

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def report(result: AuditResult, options: ReportOptions) -> str:
    model = result.model
    lines = [
        annotation(
            COMMANDS[f.severity], model.display_path(f.file), f.line, f.check, f.message
        )  # fmt: skip
        for f in result.findings
    ]
    if options.show_ignored:
        lines.extend(
            annotation(
                "notice",
                model.display_path(w.finding.file),
                w.finding.line,
                f"{w.finding.check} (waived)",
                f"{w.finding.message} (waived: {w.reason})",
            )  # fmt: skip
            for w in result.waived
        )
    # The summary is a plain log line: a newline in the model's name must not start a
    # second workflow command, so it is written on one line with escapes.
    lines.append(f"govgraph check: {_plain(model.name)} on {result.as_of}: {tally(result)}")
    return "\n".join(lines) + "\n"


def report_load_errors(failure: LoadFailure) -> str | None:
    lines = [
        annotation("error", problem.file, problem.line, "model cannot be loaded", problem.message)
        for problem in failure.problems
    ]
    lines.append(
        f"govgraph check: {_plain(str(failure.root))}: the model cannot be loaded "
        f"({plural(len(failure.problems), 'problem')})"
    )
    return "\n".join(lines) + "\n"


def annotation(command: str, file: str, line: int, title: str, message: str) -> str:
    """One workflow command, escaped as GitHub requires (``%``, newlines; ``:`` and ``,``
    in properties)."""
    properties = [f"file={_property(file)}"] if file else []
    if line:
        properties.append(f"line={line}")
    properties.append(f"title={_property(title)}")
    return f"::{command} {','.join(properties)}::{_data(visible_lines(message))}"


def _plain(text: str) -> str:
    """Model text in a log line: one line (GitHub reads a command only at a line's
    start, and this line starts with ``govgraph check:``), no escape sequences."""
    return visible(text)


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(visible_lines(text)).replace(":", "%3A").replace(",", "%2C")
