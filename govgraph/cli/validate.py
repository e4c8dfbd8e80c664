"""``govgraph validate``: load a model and say whether it is valid."""

from __future__ import annotations

from pathlib import Path

import click

from govgraph.cli.options import model_argument
from govgraph.loader import load
from govgraph.safetext import visible


@click.command()
@model_argument
def validate(model_dir: Path) -> int:
    """Load and validate a model folder; print a one-line summary.

    Every YAML file below MODEL_DIR is read, merged and checked against the
    format; every problem is listed with its file and line. Exit 0 when the
    model is valid, 2 when it is not.

    Example: govgraph validate models/worcestershire
    """
    model = load(model_dir)
    counts = model.summary()
    click.echo(visible(f"{model_dir}: valid model '{model.name}': {counts}"))
    return 0
