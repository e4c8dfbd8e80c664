"""Each finding with a fix carries what it writes and the one command that applies it:
in ``check --format json`` and in the audit pack's finding lists."""

from __future__ import annotations

import html
import json
import shlex
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from support import CliResult

from govgraph import build_graph, load
from govgraph.audit import audit
from govgraph.site import build_site

DEPARTED = """\
people:
  - {id: jo-bloggs, name: Cllr Jo Bloggs, left: 2023-05-04}
bodies:
  - id: cyp
    name: Children's Partnership
    root: true
    members:
      - {member: jo-bloggs, from: 2021-05-10}
      - {member: sam-patel, from: 2021-05-10, term_ends: 2023-03-31}
  - {id: other, name: Other Board, root: true}
"""
PEOPLE = "people:\n  - {id: sam-patel, name: Cllr Sam Patel}\n"


def _model(model_dir: Callable[..., Path]) -> Path:
    return model_dir({"model.yaml": DEPARTED, "more/people.yaml": PEOPLE})


def test_json_gives_each_fix_its_class_changes_and_command(
    model_dir: Callable[..., Path], cli: Callable[..., CliResult]
) -> None:
    folder = _model(model_dir)
    result = cli("check", folder, "--format", "json", "--as-of", "2023-07-07")
    findings = {f["check"]: f for f in json.loads(result.stdout)["findings"]}
    departed = findings["departed-member"]["fix"]
    assert departed == {
        "applicability": "safe",
        "description": "set to: 2023-05-04 on cyp/jo-bloggs",
        "command": f"govgraph fix {shlex.quote(str(folder))} --select departed-member "
        "--only cyp/jo-bloggs",
        "changes": [
            {
                "action": "set",
                "file": "model.yaml",
                "line": 8,
                "subject": "cyp/jo-bloggs",
                "key": "to",
                "value": "2023-05-04",
            }
        ],
    }
    assert findings["term-expired"]["fix"]["command"].endswith(" --unsafe-fixes")
    assert "fix" not in findings["empty-body"]


def test_the_command_shown_applies_that_fix_and_no_other(
    model_dir: Callable[..., Path], cli: Callable[..., CliResult]
) -> None:
    folder = _model(model_dir)
    result = cli("check", folder, "--format", "json", "--as-of", "2023-07-07")
    findings = {f["check"]: f for f in json.loads(result.stdout)["findings"]}
    words = shlex.split(findings["term-expired"]["fix"]["command"])
    assert words[:2] == ["govgraph", "fix"]
    ran = subprocess.run(
        [sys.executable, "-m", "govgraph", *words[1:], "--as-of", "2023-07-07"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Fixed 1 finding in 1 file (model.yaml):" in ran.stdout, ran.stderr
    text = (folder / "model.yaml").read_text(encoding="utf-8")
    assert "{member: sam-patel, from: 2021-05-10, to: 2023-03-31, term_ends: 2023-03-31}" in text
    assert "{member: jo-bloggs, from: 2021-05-10}" in text  # the other finding's fix: not run


def test_the_audit_pack_shows_the_command_beside_the_finding(
    model_dir: Callable[..., Path], tmp_path: Path
) -> None:
    model = load(_model(model_dir))
    graph = build_graph(model)
    result = audit(model, graph, date(2023, 7, 7))
    build_site(graph, result, tmp_path / "pack")
    page = html.unescape((tmp_path / "pack" / "index.html").read_text(encoding="utf-8"))
    departed = next(f for f in result.findings if f.check == "departed-member")
    assert departed.fix is not None
    shown = page.replace("</span> <span>", " ")
    assert f'Fix: <code class="fix-command"><span>{departed.fix.command}</span></code>' in shown
    assert "Fix (needs judgement): " in page
