"""The audit engine: run the checks, stamp slug and severity, apply ignores.

``audit(model)`` is what ``govgraph check`` runs. Checks are pure functions
(:mod:`govgraph.checks`); only this module knows about settings (severity
overrides, ``off``), ``--select``/``--ignore`` and ``ignore:`` entries, so
every check behaves the same whatever the configuration.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter

import networkx as nx

from govgraph.checks import CHECKS, Context
from govgraph.collector import collector_paused
from govgraph.errors import GovgraphError
from govgraph.explain import suggest
from govgraph.findings import Finding, Severity
from govgraph.fix.changes import fix_command
from govgraph.model import Model
from govgraph.schema import Ignore, Waivable


@dataclass(frozen=True, order=True)
class Waived:
    """A finding accepted by an ``ignore`` entry, with the reason given."""

    finding: Finding
    reason: str


@dataclass
class AuditResult:
    """Everything the audit found; the one object every reporter and renderer reads."""

    model: Model
    as_of: date
    findings: list[Finding] = field(default_factory=list)
    waived: list[Waived] = field(default_factory=list)
    checks_run: tuple[str, ...] = ()
    #: How the findings were narrowed (e.g. "12 of 40 bodies selected"); empty for all.
    scope: str = ""

    @property
    def counts(self) -> dict[str, int]:
        """Findings per severity, every severity present (zero when none)."""
        tally = Counter(f.severity.value for f in self.findings)
        return {s.value: tally.get(s.value, 0) for s in Severity}

    def exit_code(self, strict: bool = False) -> int:
        """0 when clean enough, 1 when a finding is at error (or, if strict, warning)."""
        failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
        return 1 if any(f.severity in failing for f in self.findings) else 0

    def about(self, subject: str) -> list[Finding]:
        """Findings whose subject is ``subject`` or a membership of it (``subject/…``)."""
        prefix = subject + "/"
        return [f for f in self.findings if f.subject == subject or f.subject.startswith(prefix)]

    def within(self, bodies: Iterable[str], scope: str) -> AuditResult:
        """Only the findings (and waivers) about ``bodies`` and their memberships.

        Findings about an organisation, post or person as a whole (``many-roles``)
        are about no one body, so a selection leaves them out.
        """
        chosen = set(bodies)

        def kept(finding: Finding) -> bool:
            return finding.subject.split("/", 1)[0] in chosen

        return dataclasses.replace(
            self,
            findings=[f for f in self.findings if kept(f)],
            waived=[w for w in self.waived if kept(w.finding)],
            scope=scope,
        )


def parse_check_list(values: Iterable[str]) -> list[str]:
    """Split ``--select a,b --select c`` into slugs, refusing unknown ones with a hint."""
    slugs = [s.strip() for value in values for s in value.split(",") if s.strip()]
    for slug in slugs:
        if slug not in CHECKS:
            raise GovgraphError(
                f"there is no check '{slug}'{suggest(slug, list(CHECKS))}; "
                "run 'govgraph checks' for the list"
            )
    return slugs


def severity_of(model: Model, slug: str) -> Severity | None:
    """The severity ``slug`` runs at for ``model`` (None when switched ``off``)."""
    setting = model.settings.checks.get(slug)
    if setting == "off":
        return None
    return Severity(setting) if setting else CHECKS[slug].SEVERITY


def audit(
    model: Model,
    graph: nx.MultiDiGraph | None = None,
    on: date | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> AuditResult:
    """Run every enabled check on ``model`` as it stood on ``on`` (default today).

    ``select`` limits the run to those slugs, ``ignore`` leaves those out.
    ``graph`` is the model's graph if the caller has built it; the built-in
    checks do not need it, so none is built for them.

    >>> from govgraph import load
    >>> result = audit(load("models/worcestershire"), on=date(2023, 7, 7))  # doctest: +SKIP
    >>> result.counts                                                    # doctest: +SKIP
    {'error': 5, 'warning': 9, 'info': 2}
    """
    # The audit makes many short-lived objects and no cycles; with the collector on,
    # the full collection a fresh national model is due for landed in it (5 s).
    with collector_paused():
        return _audit(model, graph, on or date.today(), set(select), set(ignore))


def _audit(
    model: Model, graph: nx.MultiDiGraph | None, on: date, select: set[str], skipped: set[str]
) -> AuditResult:
    chosen = select or set(CHECKS)
    context = Context(model=model, on=on, built_graph=graph)
    result = AuditResult(model=model, as_of=on)
    ran = []
    folder = str(model.root)
    for slug, module in CHECKS.items():
        severity = severity_of(model, slug)
        if slug not in chosen or slug in skipped or severity is None:
            continue
        ran.append(slug)
        for subject, message, where, waivable, fix in module.check(context):
            if fix is not None:
                fix = dataclasses.replace(fix, command=fix_command(folder, slug, subject, fix))
            file, line = where.position
            finding = Finding(file, line, slug, subject, severity, message, fix)
            waiver = _waiver(waivable, slug)
            if waiver is not None:
                result.waived.append(Waived(finding, waiver.reason))
            else:
                result.findings.append(finding)
    # The same order as Finding's own, but with a key built once per finding: the
    # dataclass's comparisons build two tuples per comparison (200k findings at scale).
    result.findings.sort(key=_ORDER)
    result.waived.sort(key=lambda waived: (_ORDER(waived.finding), waived.reason))
    result.checks_run = tuple(ran)
    return result


#: Finding's own order (severity aside), as a key built in C.
_ORDER = attrgetter("file", "line", "check", "subject", "message")


def _waiver(things: tuple[Waivable, ...], slug: str) -> Ignore | None:
    """The first ``ignore`` entry for ``slug`` on ``things``, searched in order."""
    for thing in things:
        if thing.ignore:  # almost always empty: skip the search (25k findings at scale)
            entry = thing.ignores(slug)
            if entry is not None:
                return entry
    return None
