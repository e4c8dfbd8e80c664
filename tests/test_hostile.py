"""The hostile corpus: every input gets exit 2 and one line naming the file, fast and small.

Every case of ``tests/hostile/cases.py`` is set up in a temporary folder of its
own, then ``tests/hostile/driver.py`` runs them all in one fresh process limited
to 1 GB of address space (a MemoryError would show as a wrong message), each in
an empty working folder with an empty home and under a 10 s hang guard.
Afterwards nothing may have changed in a case's folder but what it allowed.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

HOSTILE = Path(__file__).resolve().parent / "hostile"
sys.path.insert(0, str(HOSTILE))
from cases import CASES, Case, Setup  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SUMMARY = re.compile(r"^\d+ problems? in the model$")
Snapshot = dict[str, tuple[int, int, int]]


def snapshot(root: Path) -> Snapshot:
    """Every path below ``root`` (but the cache) with its type, size and modification time."""
    found = {}
    for folder, folders, files in os.walk(root):
        folders[:] = [name for name in folders if Path(folder, name) != root / "cache"]
        for name in folders + files:
            path = Path(folder, name)
            info = path.lstat()
            found[str(path.relative_to(root))] = (info.st_mode, info.st_size, info.st_mtime_ns)
    return found


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Each case's setup, snapshots before and after, and what the command gave."""
    prepared: dict[str, tuple[Path, Setup | None, Snapshot]] = {}
    jobs = []
    for case in CASES:
        tmp = tmp_path_factory.mktemp(case.name)
        (tmp / "work").mkdir()
        (tmp / "home").mkdir()
        try:
            setup: Setup | None = case.make(tmp)
        except PermissionError:  # e.g. no right to make a device node here
            prepared[case.name] = (tmp, None, {})
            continue
        assert setup is not None
        prepared[case.name] = (tmp, setup, snapshot(tmp))
        jobs.append(
            {
                "name": case.name,
                "args": setup.args,
                "cwd": str(tmp / "work"),
                "home": str(tmp / "home"),
                "cache": str(tmp / "cache"),
            }
        )
    env = dict(os.environ, PYTHONPATH=str(REPO))
    env.pop("GOVGRAPH_DEBUG", None)
    done = subprocess.run(
        [sys.executable, str(HOSTILE / "driver.py")],
        input=json.dumps(jobs),
        env=env,
        capture_output=True,
        text=True,
        timeout=len(jobs) * 12,
    )
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    return {
        name: (setup, before, snapshot(tmp) if setup else {}, results.get(name))
        for name, (tmp, setup, before) in prepared.items()
    }


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_input_is_refused_in_one_line(case: Case, outcomes: dict[str, Any]) -> None:
    setup, before, after, result = outcomes[case.name]
    if setup is None:
        pytest.skip("this machine does not let the test make the special file")
    stderr = result["stderr"]
    lines = stderr.splitlines()
    assert result["code"] == 2, stderr
    assert result["seconds"] < 10
    assert "Traceback" not in stderr
    if lines and lines[0].startswith("Usage: "):  # click's usage error: its last line says it
        assert len(lines) == 4 and lines[3].startswith("Error: "), stderr
        lines = lines[3:]
    assert lines, "no message at all"
    assert case.where in lines[0], lines[0]
    assert case.cause in lines[0], lines[0]
    if len(lines) > 1:  # a model's load problems: one line each, then the count
        assert SUMMARY.match(lines[-1]), stderr
        assert all(": error" in line for line in lines[:-1]), stderr
        assert len(lines) < 400, "a flood of problems: at most 100 entries a file are listed"
    allowed = setup.may_write or ("\0",)
    changed = {
        path
        for path in set(before) | set(after)
        if before.get(path) != after.get(path) and not path.startswith(allowed)
    }
    assert not changed, f"written outside what was asked: {sorted(changed)}"
