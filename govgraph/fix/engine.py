"""``govgraph fix``: apply the fixes the audit's findings carry, safely, to a fixed point.

Each pass audits the model as edited so far, takes the chosen findings' fixes,
turns them into text edits, sets aside a fix whose edits touch text another
fix of the pass already touches (it is tried again on the next pass, against
the text as it then stands), and checks the result (it must load and add no
error) before taking it. When the pass's fixes together are refused, each is
tried on its own, so that one bad fix does not hold back the others. Passes
stop when no fix is left to apply, so running ``fix`` twice changes nothing
the second time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from govgraph.errors import GovgraphError
from govgraph.explain import suggest
from govgraph.findings import Finding
from govgraph.fix.changes import Applicability, Fix
from govgraph.fix.workspace import Checked, Refused, Workspace
from govgraph.fix.yamledit import Edit, EditRefused, overlapping

#: More passes than any chain of reorganisations needs; a guard against a fix that
#: keeps coming back.
MAX_PASSES = 20

#: What ``--interactive`` answers for a finding: apply it (perhaps edited), skip it, stop.
Decision = tuple[str, Fix | None]
Decide = Callable[[Finding, str], Decision]


@dataclass
class FixRun:
    """What ``fix`` did: the findings fixed, and those left with the reason."""

    space: Workspace
    fixed: list[Finding] = field(default_factory=list)
    left: list[tuple[Finding, str]] = field(default_factory=list)

    @property
    def diff(self) -> str:
        return self.space.diff()

    @property
    def changed(self) -> list[str]:
        return self.space.changed()


def fix_model(
    root: str | Path,
    on: date,
    select: Iterable[str] = (),
    only: Iterable[str] = (),
    unsafe: bool = False,
    decide: Decide | None = None,
) -> FixRun:
    """The fixes for the model at ``root`` applied in memory (call ``run.space.write()``
    to write them). ``select`` limits them to some checks, ``only`` to some subjects
    (``BODY/MEMBER`` or a body id); ``unsafe`` applies unsafe fixes too; ``decide``
    asks about each fix, one at a time (``--interactive``)."""
    space = Workspace.open(Path(root), on)
    original = space.result
    run = FixRun(space)
    checks, subjects = set(select), set(only)
    about = {f.subject for f in original.findings} | {
        f.subject.split("/")[0] for f in original.findings
    }
    for subject in sorted(subjects - about):
        raise GovgraphError(
            f"no finding is about '{subject}'{suggest(subject, sorted(about))}; "
            "'govgraph check' lists the findings and their subjects (BODY or BODY/MEMBER)"
        )
    done: set[tuple[str, str]] = set()  # fixed once: back again means the fix did not fix it
    refused: dict[tuple[str, str], str] = {}
    declined: set[tuple[str, str]] = set()

    def wanted(finding: Finding) -> bool:
        return (
            finding.fix is not None
            and (not checks or finding.check in checks)
            and _about(finding, subjects)
            and _key(finding) not in refused
            and _key(finding) not in declined
            and (unsafe or decide is not None or finding.fix.applicability is Applicability.SAFE)
        )

    for _ in range(MAX_PASSES):
        candidates = [f for f in space.result.findings if wanted(f)]
        for finding in candidates:
            if _key(finding) in done:
                refused[_key(finding)] = "its fix was applied but the finding came back"
        candidates = [f for f in candidates if _key(f) not in done]
        if not candidates:
            break
        if decide is not None:
            if not _ask(space, run, candidates[0], decide, refused, declined, done):
                break
            continue
        _batch(space, run, candidates, refused, done, wanted)
    added = Workspace.new_errors(space.result, original)
    if added:
        first = added[0]
        raise Refused(
            f"govgraph fix stopped and wrote nothing: the fixes would add an error that a "
            f"later fix could not clear: {first.file}:{first.line} [{first.check}] {first.message}"
        )
    run.left = _left(space, run, checks, subjects, unsafe, refused, declined)
    return run


def _batch(
    space: Workspace,
    run: FixRun,
    candidates: list[Finding],
    refused: dict[tuple[str, str], str],
    done: set[tuple[str, str]],
    wanted: Callable[[Finding], bool],
) -> None:
    """One pass: every fix that does not collide with another, checked together."""
    planned: list[tuple[Finding, dict[str, list[Edit]]]] = []
    taken: dict[str, list[Edit]] = {}
    for finding in candidates:
        assert finding.fix is not None
        try:
            edits = space.edits(finding.fix.changes)
        except EditRefused as exc:
            refused[_key(finding)] = str(exc)
            continue
        if any(overlapping(taken.get(file, []) + more) for file, more in edits.items()):
            continue  # tried again on the next pass, against the text as it then is
        planned.append((finding, edits))
        for file, more in edits.items():
            taken.setdefault(file, []).extend(more)
    if not planned:
        return
    try:
        checked = space.check(space.edited(taken), wanted)
    except Refused:
        _one_by_one(space, run, planned, refused, done, wanted)
        return
    _take(space, run, checked, [finding for finding, _ in planned], done)


def _one_by_one(
    space: Workspace,
    run: FixRun,
    planned: list[tuple[Finding, dict[str, list[Edit]]]],
    refused: dict[tuple[str, str], str],
    done: set[tuple[str, str]],
    wanted: Callable[[Finding], bool],
) -> None:
    """Each fix of a refused pass on its own: the first that passes is taken (the
    others are planned again next pass), each refused one is left with its reason."""
    for finding, edits in planned:
        try:
            checked = space.check(space.edited(edits), wanted)
        except Refused as exc:
            refused[_key(finding)] = str(exc)
            continue
        _take(space, run, checked, [finding], done)
        return


def _ask(
    space: Workspace,
    run: FixRun,
    finding: Finding,
    decide: Decide,
    refused: dict[tuple[str, str], str],
    declined: set[tuple[str, str]],
    done: set[tuple[str, str]],
) -> bool:
    """Show one fix and apply it if the user says so; False when they quit."""
    fix = finding.fix
    while fix is not None:
        try:
            edits = space.edits(fix.changes)
            checked = space.check(space.edited(edits))
        except (EditRefused, Refused) as exc:
            refused[_key(finding)] = str(exc)
            return True
        answer, edited = decide(finding, space.diff(checked.texts, space.texts))
        if answer == "quit":
            return False
        if answer == "no":
            declined.add(_key(finding))
            return True
        if answer == "edit":
            fix = edited
            continue
        _take(space, run, checked, [finding], done)
        return True
    return True


def _take(
    space: Workspace,
    run: FixRun,
    checked: Checked,
    findings: list[Finding],
    done: set[tuple[str, str]],
) -> None:
    space.accept(checked)
    run.fixed.extend(findings)
    done.update(_key(finding) for finding in findings)


def _left(
    space: Workspace,
    run: FixRun,
    checks: set[str],
    subjects: set[str],
    unsafe: bool,
    refused: dict[tuple[str, str], str],
    declined: set[tuple[str, str]],
) -> list[tuple[Finding, str]]:
    """The findings still there, each with why it was not fixed."""
    left = []
    fixed = {_key(f) for f in run.fixed}
    for finding in space.result.findings:
        if (checks and finding.check not in checks) or not _about(finding, subjects):
            continue
        key = _key(finding)
        if key in refused:
            reason = f"refused: {refused[key]}"
        elif key in declined:
            reason = "you chose not to fix it"
        elif finding.fix is None:
            reason = _no_fix(space, finding)
        elif finding.fix.applicability is Applicability.UNSAFE and not unsafe:
            reason = (
                "its fix is unsafe (it needs judgement): run with --unsafe-fixes or --interactive"
            )
        elif key in fixed:
            reason = "fixed, but the finding is still there"
        else:
            reason = "its fix collided with another each pass; run fix again"
        left.append((finding, reason))
    return left


#: The edit that records what a check without a fix asks a person for.
_EDIT_HINTS = {
    "review-overdue": "a review is a claim only a person can make; once reviewed, run "
    "'govgraph edit reviewed {model} {subject} --on DATE'",
    "vacant-post": "record the new holder: "
    "'govgraph edit assign {model} {post} PERSON --from DATE'",
    "no-chair": "add the chair: 'govgraph edit add {model} {subject} MEMBER --role chair'",
}


def _no_fix(space: Workspace, finding: Finding) -> str:
    hint = _EDIT_HINTS.get(finding.check)
    if hint is None:
        return f"no automatic fix: it needs someone's knowledge ('govgraph checks {finding.check}')"
    post = finding.subject.rpartition("/")[2]
    return "no automatic fix: " + hint.format(model=space.root, subject=finding.subject, post=post)


def _about(finding: Finding, subjects: set[str]) -> bool:
    """Whether ``finding`` is about one of ``subjects`` (a body covers its memberships)."""
    return not subjects or bool({finding.subject, finding.subject.split("/")[0]} & subjects)


def _key(finding: Finding) -> tuple[str, str]:
    return finding.check, finding.subject
