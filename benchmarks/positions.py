"""Do findings and load errors keep their file and line at every scale?

The generator records where it wrote each deliberate problem (``generated.json``);
:func:`check_findings` looks for each in ``govgraph check --format json`` output.
:func:`check_load_error` breaks one date in a copy of the model and checks that
``govgraph validate`` names that file and line.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

from generate import MANIFEST


def _matches(finding: dict[str, Any], at: list[Any]) -> bool:
    subject, file, line = at
    found = str(finding["subject"])
    related = (
        found == subject or f"{subject}/".startswith(f"{found}/") or found.startswith(f"{subject}/")
    )
    return related and finding["file"] == file and int(finding["line"]) == line


def check_findings(root: Path, output: str) -> dict[str, Any]:
    """How many deliberate problems of registered checks were found where they were written."""
    from govgraph.checks import CHECKS

    try:
        findings = json.loads(output)["findings"]
    except (ValueError, KeyError, TypeError):
        return {"error": "govgraph check gave no JSON"}
    problems = json.loads((root / MANIFEST).read_text())["problems"]
    checkable = [p for p in problems if p["check"] in CHECKS]
    by_check: dict[str, list[dict[str, Any]]] = {}
    for finding in findings:
        by_check.setdefault(finding["check"], []).append(finding)
    missing = [
        p
        for p in checkable
        if not any(_matches(f, at) for f in by_check.get(p["check"], ()) for at in p["at"])
    ]
    return {
        "planted": len(problems),
        "checkable": len(checkable),
        "found": len(checkable) - len(missing),
        "missing": missing[:5],
        "findings": len(findings),
    }


def check_load_error(root: Path, validate: list[str], env: dict[str, str]) -> dict[str, Any]:
    """Break one date deep in a (hard-linked) copy of the model; is the error positioned?"""
    copy = root.with_name(f".broken-{root.name}")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(root, copy, copy_function=os.link)
    target = sorted(copy.rglob("bodies/*.yaml"))[-1]
    lines = target.read_text(encoding="utf-8").split("\n")
    index = max(i for i, text in enumerate(lines) if text.startswith("        from: "))
    lines[index] = "        from: 2023-02-30"
    temp = target.with_suffix(".tmp")
    temp.write_text("\n".join(lines), encoding="utf-8")
    os.replace(temp, target)  # a new file: the original keeps its content
    start = time.perf_counter()
    done = subprocess.run([*validate, str(copy)], capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    expected = f"{target}:{index + 1}:"
    shutil.rmtree(copy, ignore_errors=True)
    return {
        "expected": f"{target.relative_to(copy)}:{index + 1}",
        "found": expected in done.stderr and "not a real date" in done.stderr,
        "exit": done.returncode,
        "seconds": seconds,
        # What it said instead, when it did not name the date: enough to tell a crash
        # from a wrong position.
        "said": (done.stderr.strip().splitlines() or [""])[-1][:300],
    }
