"""The README's quick start and "Your first model", walked as a new user would: a fresh
clone, a new virtual environment, the README's own command lines.

Slow (it installs govgraph and its dependencies afresh); ``.ci/run`` runs it like
every other test.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from support import REPO


def quick_start_commands() -> list[str]:
    """The two ``sh`` blocks under "Quick start", in order."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_the_ci_script_runs_exactly_the_readme_test_command() -> None:
    install_and_run, install_and_test = quick_start_commands()
    assert install_and_run.endswith("govgraph render models/worcestershire")
    assert install_and_test.endswith("python -m pytest")
    assert install_and_test in (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()


@pytest.mark.slow
def test_a_new_user_follows_the_readme(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("needs git")
    clone = tmp_path / "govgraph"
    subprocess.run(["git", "clone", "-q", str(REPO), str(clone)], check=True, timeout=120)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    install_and_run = quick_start_commands()[0]
    done = subprocess.run(
        ["bash", "-c", install_and_run], cwd=clone, env=env, capture_output=True, text=True,
        timeout=900,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip().splitlines()[-1] == "output/worcestershire.html"
    assert (clone / "output" / "worcestershire.html").stat().st_size > 10_000

    govgraph = clone / ".venv" / "bin" / "govgraph"
    started = subprocess.run(
        [govgraph, "init", "models/northmoor", "--name", "Northmoor"], cwd=clone, env=env,
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert started.returncode == 0, started.stderr
    next_steps = [line.strip() for line in started.stdout.splitlines() if line.startswith("  ")]
    assert next_steps == [
        f"govgraph {step} models/northmoor" for step in ("validate", "check", "render")
    ]
    for step in next_steps:
        ran = subprocess.run(
            [clone / ".venv" / "bin" / step.split()[0], *step.split()[1:]], cwd=clone, env=env,
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert ran.returncode == 0, f"{step}: {ran.stdout}{ran.stderr}"
    assert (clone / "output" / "northmoor.html").is_file()
