"""The pre-commit hooks govgraph ships, used the way pre-commit itself uses them.

The second test clones this repository, points a models repository's
``.pre-commit-config.yaml`` at the clone and lets pre-commit install govgraph
into its own environment (from PyPI, as a user's machine would), so it is
marked slow; ``.ci/run`` runs it like every other test.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from support import REPO

PRE_COMMIT = [sys.executable, "-m", "pre_commit"]
BROKEN = """\
bodies:
  - id: council
    name: Northmoor Council
    root: true
  - id: audit
    name: Audit Committee
    reports_to:
      - body: scrutiny
  - id: scrutiny
    name: Scrutiny Committee
    reports_to:
      - body: audit
"""


def run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


def test_the_hooks_manifest_is_valid_for_pre_commit() -> None:
    result = subprocess.run(
        [*PRE_COMMIT, "validate-manifest", str(REPO / ".pre-commit-hooks.yaml")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_the_check_hook_blocks_a_commit_until_the_finding_is_fixed(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("needs git")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}  # fmt: skip
    env.pop("PYTHONPATH", None)  # the hook runs the govgraph pre-commit installed, not ours
    source = tmp_path / "govgraph"
    assert run(["git", "clone", "-q", str(REPO), str(source)], tmp_path, env).returncode == 0
    rev = run(["git", "rev-parse", "HEAD"], source, env).stdout.strip()

    models = tmp_path / "models-repo"
    (models / "models" / "northmoor").mkdir(parents=True)
    model_file = models / "models" / "northmoor" / "bodies.yaml"
    model_file.write_text(BROKEN, encoding="utf-8")
    (models / ".pre-commit-config.yaml").write_text(
        textwrap.dedent(f"""\
            repos:
              - repo: {source}
                rev: {rev}
                hooks:
                  - id: govgraph-check
                    args: [models/northmoor]
            """),
        encoding="utf-8",
    )
    assert run(["git", "init", "-q"], models, env).returncode == 0
    assert run(["git", "add", "."], models, env).returncode == 0

    blocked = run([*PRE_COMMIT, "run", "--all-files"], models, env)
    assert blocked.returncode == 1, blocked.stdout + blocked.stderr
    assert "govgraph check" in blocked.stdout and "Failed" in blocked.stdout
    assert "reporting-cycle" in blocked.stdout

    model_file.write_text(BROKEN.replace("- body: audit", "- body: council"), encoding="utf-8")
    assert run(["git", "add", "."], models, env).returncode == 0
    passed = run([*PRE_COMMIT, "run", "--all-files"], models, env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
