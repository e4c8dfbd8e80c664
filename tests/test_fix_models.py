"""``govgraph fix`` on copies of both example models, with comments added for the test:
what was fixed is no longer reported, the rest still is, only the fixed lines change
(comments and all) and a second run changes nothing."""

from __future__ import annotations

import difflib
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from support import CliResult

from govgraph.audit import audit
from govgraph.findings import Finding
from govgraph.fix.engine import fix_model
from govgraph.loader import load

MODELS = Path(__file__).parent.parent / "models"
ON = date(2026, 12, 4)
COMMENT = "   # checked by the clerk"


def _copy_with_comments(name: str, tmp_path: Path) -> Path:
    """The example model, every membership line given a trailing comment and every file
    a leading one (comments the fixes must keep)."""
    folder = tmp_path / name
    shutil.copytree(MODELS / name, folder)
    for path in folder.rglob("*.yaml"):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        lines = [
            line.rstrip("\n") + COMMENT + "\n" if line.lstrip().startswith("- {member:") else line
            for line in lines
        ]
        path.write_text("# A copy for the test.\n" + "".join(lines), encoding="utf-8")
    return folder


def _key(finding: Finding) -> tuple[str, str]:
    return finding.check, finding.subject


def _texts(folder: Path) -> dict[str, list[str]]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8").splitlines()
        for p in sorted(folder.rglob("*.yaml"))
    }


@pytest.mark.parametrize(("name", "unsafe"), [("worcestershire", False), ("wychavon", True)])
def test_fix_on_an_example_model(tmp_path: Path, name: str, unsafe: bool) -> None:
    folder = _copy_with_comments(name, tmp_path)
    before_texts = _texts(folder)
    before = audit(load(folder, cache=False), on=ON)

    run = fix_model(folder, ON, unsafe=unsafe)
    run.space.write()

    assert run.fixed, f"the {name} example has findings with a fix"
    after = audit(load(folder, cache=False), on=ON)
    fixed = {_key(f) for f in run.fixed}
    fixed_subjects = {f.subject for f in run.fixed}
    after_keys = {_key(f) for f in after.findings}
    # What was fixed is no longer reported …
    assert not fixed & after_keys
    # … and the rest still is (except findings about a seat the fix ended).
    for finding in before.findings:
        if _key(finding) not in fixed and finding.subject not in fixed_subjects:
            assert _key(finding) in after_keys, f"{finding.check} {finding.subject} is kept"

    # The byte diff is exactly the fixed lines: each one the old line with the key added.
    written: dict[tuple[str, int], list[str]] = {}
    for finding in run.fixed:
        assert finding.fix is not None
        for change in finding.fix.changes:
            where = change.as_dict()
            line = (str(where["file"]), int(str(where["line"])))
            written.setdefault(line, []).append(f", {where['key']}: {where['value']}")
    after_texts = _texts(folder)
    changed: set[tuple[str, int]] = set()
    for file, lines in before_texts.items():
        matcher = difflib.SequenceMatcher(a=lines, b=after_texts[file], autojunk=False)
        for op, a1, a2, b1, b2 in matcher.get_opcodes():
            if op == "equal":
                continue
            assert op == "replace" and a2 - a1 == b2 - b1, f"{file}: lines replaced one for one"
            for index, (old, new) in enumerate(
                zip(lines[a1:a2], after_texts[file][b1:b2], strict=True)
            ):
                line = (file, a1 + index + 1)
                changed.add(line)
                for added in written.get(line, []):
                    new = new.replace(added, "", 1)
                assert new == old, f"{file}:{line[1]}: only the fix's keys are added"
    assert changed == set(written)

    again = fix_model(folder, ON, unsafe=unsafe)
    assert again.changed == [] and again.fixed == []


def test_fix_on_worcestershire_says_what_it_fixed_left_and_what_to_run(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    folder = _copy_with_comments("worcestershire", tmp_path)
    result = cli("fix", folder, "--as-of", ON.isoformat())
    assert result.exit_code == 1  # errors are left (orphaned-body, missing-required-member)
    out = result.stdout
    assert out.startswith("Fixed 5 findings in 3 files (")
    assert (
        "bodies/council.yaml:81 [departed-member] corporate-parenting/cllr-derek-lowe: "
        "set to: 2025-05-01 on corporate-parenting/cllr-derek-lowe"
    ) in out
    assert (
        "[term-expired] cf-scrutiny/revd-anne-cole: its fix is unsafe (it needs judgement): "
        "run with --unsafe-fixes or --interactive"
    ) in out
    assert f"'govgraph edit reviewed {folder} wscp/st-richards-hospice --on DATE'" in out
    assert out.rstrip().endswith(f"'govgraph check {folder}' to see what is left.")
    assert "[missing-required-member] wscp/malvern-hills-dc: its fix is unsafe" in out
