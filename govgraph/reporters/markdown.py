"""``--format markdown``: a report an officer can paste into committee papers.

A title and the as-of date, a table of counts, then one section per body (by
name, alphabetically) with its findings as bullets, most serious first; then
findings about members across bodies (``many-roles``); then every waived
finding with the reason it was accepted, so that the paper shows what was
waived and why. Each bullet ends with the model file and line, for the
officer who maintains the model.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

from govgraph.audit import AuditResult
from govgraph.findings import Finding, Severity
from govgraph.reporters.base import LoadFailure, ReportOptions, ordered, plural
from govgraph.safetext import visible

MEMBERS_HEADING = "Members across bodies"
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def report(result: AuditResult, options: ReportOptions) -> str:
    model = result.model
    lines = [
        f"# Governance audit: {escape(model.name)}",
        "",
        f"As of {long_date(result.as_of)}; {plural(len(result.checks_run), 'check')} run"
        + (f"; {escape(result.scope)}." if result.scope else "."),
        "",
        "| Severity | Findings |",
        "|---|---:|",
        *(f"| {s.value.capitalize()} | {result.counts[s.value]} |" for s in Severity),
        f"| Waived | {len(result.waived)} |",
        "",
    ]
    if not result.findings:
        lines += ["No findings: the model passed every check that was run.", ""]
    for heading, findings in _grouped(result):
        lines += [f"## {escape(heading)}", ""]
        lines += [_bullet(finding) for finding in ordered(findings)]
        lines.append("")
    if result.waived:
        lines += ["## Waived findings", ""]
        for waived in result.waived:
            finding = waived.finding
            lines.append(
                f"- **{escape(_subject_name(result, finding))}**, {_check_name(finding.check)}: "
                f"{escape(finding.message)}. *Accepted because:* {escape(waived.reason)}"
            )
        lines.append("")
    return "\n".join(lines)


def report_load_errors(failure: LoadFailure) -> str | None:
    return None  # the problems go to stderr: there is no report to paste


def escape(text: str) -> str:
    """``text`` with Markdown's special characters escaped, so names print as written,
    on one line: a newline in a name must not start a heading or a rule of its own."""
    return _SPECIAL.sub(r"\\\1", visible(text))


def long_date(day: date) -> str:
    """``7 July 2023``: how dates are written in committee papers."""
    return f"{day.day} {day:%B %Y}"


def _grouped(result: AuditResult) -> list[tuple[str, list[Finding]]]:
    bodies = result.model.bodies
    groups: dict[str, list[Finding]] = defaultdict(list)
    for finding in result.findings:
        body = bodies.get(finding.subject.split("/", 1)[0])
        groups[_body_heading(body.name, body.short_name) if body else MEMBERS_HEADING].append(
            finding
        )
    # Bodies alphabetically; findings about members across bodies last.
    return sorted(groups.items(), key=lambda item: (item[0] == MEMBERS_HEADING, item[0].lower()))


def _body_heading(name: str, short: str | None) -> str:
    return f"{name} ({short})" if short and short != name else name


def _bullet(finding: Finding) -> str:
    return (
        f"- **{finding.severity.value.capitalize()}** ({_check_name(finding.check)}): "
        f"{escape(finding.message)}. *{escape(finding.file)}, line {finding.line}*"
    )


def _check_name(slug: str) -> str:
    return slug.replace("-", " ")


def _subject_name(result: AuditResult, finding: Finding) -> str:
    model = result.model
    parts = finding.subject.split("/", 1)
    names = [model.name_of(part) for part in parts]
    return " / ".join(names)
