"""Helpers that test modules import by name (``from support import ...``).

They live here rather than in conftest.py because tests/browser has a conftest.py
of its own, and two modules both called ``conftest`` shadow each other.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from govgraph.audit import audit
from govgraph.findings import Finding
from govgraph.loader import load
from govgraph.model import Model
from govgraph.schema import SECTIONS, Body, validate

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "models" / "worcestershire"


@dataclass
class CliResult:
    """What running the ``govgraph`` command in-process gave."""

    exit_code: int
    stdout: str
    stderr: str


Cli = Callable[..., CliResult]


def write_model(folder: Path, files: dict[str, str]) -> Path:
    """Write ``{relative path: YAML text}`` (dedented) into ``folder``; return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def findings_of(
    model_dir: Callable[..., Path], yaml_text: str, slug: str, on: date, settings: str = ""
) -> list[Finding]:
    """The findings of one check on a one-file model (plus optional govgraph.yaml)."""
    files = {"model.yaml": yaml_text}
    if settings:
        files["govgraph.yaml"] = settings
    return audit(load(model_dir(files)), on=on, select=[slug]).findings


def embedded(html: str, element: str) -> dict[str, Any]:
    """The JSON in a rendered chart's ``<script type="application/json" id=element>``."""
    found = re.search(rf'<script type="application/json" id="{element}">(.*?)</script>', html, re.S)
    assert found, f"the {element} element is missing"
    data: dict[str, Any] = json.loads(found.group(1))
    return data


def chart_file_data(path: Path) -> dict[str, Any]:
    """What the chart written at ``path`` draws (its ``govgraph-data``)."""
    return embedded(path.read_text(encoding="utf-8"), "govgraph-data")


def model_of_bodies(bodies: list[dict[str, object]]) -> Model:
    """A model built in code from raw body mappings (no files, no other sections)."""
    model = Model(root=Path("generated"))
    for raw in bodies:
        body = validate(Body, raw)
        model.bodies[body.id] = body
    return model


def model_in_code(**sections: list[dict[str, object]]) -> Model:
    """A model built in code from raw mappings by section (``organisations=[…]``,
    ``people``, ``posts``, ``bodies``), each validated as the loader would (no files,
    so no positions and no reference checks)."""
    model = Model(root=Path("generated"))
    for section, rows in sections.items():
        table = getattr(model, section)
        for raw in rows:
            entity = validate(SECTIONS[section], raw)
            table[entity.id] = entity
    return model
