"""Shared test helpers: write small models to temporary folders and run the CLI."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from support import CliResult, write_model

from govgraph.cli import run


@pytest.fixture(autouse=True, scope="session")
def own_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The suite's cache and records of what govgraph wrote stay out of the user's own."""
    os.environ.setdefault("GOVGRAPH_CACHE_DIR", str(tmp_path_factory.mktemp("govgraph-cache")))


@pytest.fixture
def model_dir(tmp_path: Path) -> Callable[..., Path]:
    """``model_dir({"bodies.yaml": "..."})`` writes a model and returns its folder."""

    def make(files: dict[str, str], name: str = "model") -> Path:
        return write_model(tmp_path / name, files)

    return make


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """``cli("validate", path)`` runs govgraph in-process, returning code and output."""

    def invoke(*args: object) -> CliResult:
        code = run([str(a) for a in args])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return invoke
