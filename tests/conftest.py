"""Shared test helpers: write small models to temporary folders and run the CLI."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from govgraph.cli import run

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "models" / "worcestershire"


def write_model(folder: Path, files: dict[str, str]) -> Path:
    """Write ``{relative path: YAML text}`` (dedented) into ``folder``; return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


@pytest.fixture
def model_dir(tmp_path: Path) -> Callable[..., Path]:
    """``model_dir({"bodies.yaml": "..."})`` writes a model and returns its folder."""

    def make(files: dict[str, str], name: str = "model") -> Path:
        return write_model(tmp_path / name, files)

    return make


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """``cli("validate", path)`` runs govgraph in-process, returning code and output."""

    def invoke(*args: object) -> CliResult:
        code = run([str(a) for a in args])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return invoke
