"""``--format sarif``: a SARIF 2.1.0 log, for code-scanning dashboards.

One run whose tool driver is govgraph, with a rule for every check (the rule
id is the check slug, stable across releases) and a result for every finding.
Locations are the model files as given on the command line (run govgraph from
the repository's root so they resolve). Waived findings are included as
results with an ``inSource`` suppression carrying the reason, as SARIF
intends. A model that cannot be loaded gives a log whose invocation failed,
with one notification per problem.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from govgraph import __version__
from govgraph.audit import AuditResult
from govgraph.checks import CHECKS
from govgraph.findings import Finding, Severity
from govgraph.reporters.base import LoadFailure, ReportOptions
from govgraph.safetext import json_text

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def report(result: AuditResult, options: ReportOptions) -> str:
    index = {slug: i for i, slug in enumerate(CHECKS)}
    results = [_result(result, f, index) for f in result.findings]
    for waived in result.waived:
        entry = _result(result, waived.finding, index)
        entry["suppressions"] = [{"kind": "inSource", "justification": waived.reason}]
        results.append(entry)
    run = {
        "tool": _tool(),
        "invocations": [{"executionSuccessful": True}],
        "results": results,
        "properties": {"model": result.model.name, "asOf": result.as_of.isoformat()},
    }
    return _log(run)


def report_load_errors(failure: LoadFailure) -> str | None:
    notifications = []
    for problem in failure.problems:
        notification: dict[str, Any] = {"level": "error", "message": {"text": problem.message}}
        if problem.file:
            notification["locations"] = [_location(problem.file, problem.line)]
        notifications.append(notification)
    run = {
        "tool": _tool(),
        "invocations": [
            {"executionSuccessful": False, "toolExecutionNotifications": notifications}
        ],
        "results": [],
        "properties": {"model": failure.model, "asOf": failure.as_of.isoformat()},
    }
    return _log(run)


def _log(run: dict[str, Any]) -> str:
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json_text(json.dumps(log, indent=2, ensure_ascii=False)) + "\n"


def _tool() -> dict[str, Any]:
    rules = [
        {
            "id": slug,
            "name": "".join(word.capitalize() for word in slug.split("-")),
            "shortDescription": {"text": module.SUMMARY},
            "fullDescription": {"text": _explanation(module.__doc__ or module.SUMMARY)},
            "help": {"text": module.__doc__ or module.SUMMARY},
            "defaultConfiguration": {"level": LEVELS[module.SEVERITY]},
        }
        for slug, module in CHECKS.items()
    ]
    return {"driver": {"name": "govgraph", "version": __version__, "rules": rules}}


def _result(result: AuditResult, finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    return {
        "ruleId": finding.check,
        "ruleIndex": index[finding.check],
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [_location(result.model.display_path(finding.file), finding.line)],
        # Stable across edits that move lines, so dashboards track one finding over time.
        "partialFingerprints": {"govgraphSubject/v1": f"{finding.check}:{finding.subject}"},
        "properties": {"subject": finding.subject},
    }


def _location(path: str, line: int) -> dict[str, Any]:
    file = Path(path)
    uri = file.as_uri() if file.is_absolute() else quote(file.as_posix())
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri}}
    if line > 0:
        physical["region"] = {"startLine": line}
    return {"physicalLocation": physical}


def _explanation(doc: str) -> str:
    """The paragraph after the docstring's title line (the title when there is none)."""
    paragraphs = doc.strip().split("\n\n")
    return " ".join(paragraphs[1 if len(paragraphs) > 1 else 0].split())
