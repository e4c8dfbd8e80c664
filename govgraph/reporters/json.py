"""``--format json``: the one object FORMAT.md specifies, plus the waived findings.

``{"model", "as_of", "findings": [{check, severity, subject, message, file,
line}], "counts": {error, warning, info}, "waived": [{…finding, reason}]}``;
``file`` is relative to the model folder. When the model cannot be loaded the
object carries ``errors`` ({file, line, column, message}) and no findings.
"""

from __future__ import annotations

import json

from govgraph.audit import AuditResult
from govgraph.findings import Severity
from govgraph.reporters.base import LoadFailure, ReportOptions
from govgraph.safetext import json_text


def report(result: AuditResult, options: ReportOptions) -> str:
    document = {
        "model": result.model.name,
        "as_of": result.as_of.isoformat(),
        "findings": [finding.as_dict() for finding in result.findings],
        "counts": result.counts,
        "waived": [{**w.finding.as_dict(), "reason": w.reason} for w in result.waived],
    }
    if result.scope:
        document["scope"] = result.scope
    return json_text(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"


def report_load_errors(failure: LoadFailure) -> str | None:
    document = {
        "model": failure.model,
        "as_of": failure.as_of.isoformat(),
        "errors": [
            {
                "file": failure.relative(problem),
                "line": problem.line,
                "column": problem.column,
                "message": problem.message,
            }
            for problem in failure.problems
        ],
        "findings": [],
        "counts": {severity.value: 0 for severity in Severity},
    }
    return json_text(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"
