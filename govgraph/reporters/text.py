"""``--format text``: one ``path:line: severity [check] subject: message`` line a finding.

The path is the one the user can open from where they ran govgraph, so editors
and terminals make it clickable. Findings come in file and line order; then a
summary line with the counts. Colour marks the severity only when printing to
a terminal and never when ``NO_COLOR`` is set (the CLI decides).
"""

from __future__ import annotations

import click

from govgraph.audit import AuditResult, Waived
from govgraph.findings import Finding, Severity
from govgraph.reporters.base import LoadFailure, ReportOptions, plural, tally
from govgraph.safetext import visible

COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def report(result: AuditResult, options: ReportOptions) -> str:
    lines = [_line(result, finding, options.color) for finding in result.findings]
    if options.show_ignored and result.waived:
        lines.append("Waived (accepted by an ignore entry in the model):")
        lines.extend(_waived(result, waived, options.color) for waived in result.waived)
    lines.append(_summary(result, options))
    return "\n".join(lines) + "\n"


def report_load_errors(failure: LoadFailure) -> str | None:
    return None  # the problems go to stderr, as with every other command


def _line(result: AuditResult, finding: Finding, color: bool) -> str:
    # Model text is made visible before any colour is added: only govgraph's own
    # escape sequences reach the terminal, and each finding stays on one line.
    where = f"{visible(result.model.display_path(finding.file))}:{finding.line}"
    severity = finding.severity.value
    if color:
        where = click.style(where, bold=True)
        severity = click.style(severity, fg=COLOURS[finding.severity], bold=True)
    subject, message = visible(finding.subject), visible(finding.message)
    return f"{where}: {severity} [{finding.check}] {subject}: {message}"


def _waived(result: AuditResult, waived: Waived, color: bool) -> str:
    finding = waived.finding
    where = f"{visible(result.model.display_path(finding.file))}:{finding.line}"
    label = f"waived {finding.severity.value}"
    if color:
        label = click.style(label, dim=True)
    return (
        f"{where}: {label} [{finding.check}] {visible(finding.subject)}: "
        f"{visible(finding.message)} (reason: {visible(waived.reason)})"
    )


def _summary(result: AuditResult, options: ReportOptions) -> str:
    scope = f" ({visible(result.scope)})" if result.scope else ""
    head = f"{visible(result.model.name)} on {result.as_of}{scope}: "
    ran = f"{plural(len(result.checks_run), 'check')} run"
    if not result.findings and not result.waived:
        return f"{head}no findings; {ran}"
    hint = " (--show-ignored lists them)" if result.waived and not options.show_ignored else ""
    return f"{head}{tally(result)}{hint}; {ran}"
