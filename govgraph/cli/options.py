"""Options shared by many commands, so they read and behave the same everywhere."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

import click

from govgraph.dates import EARLIEST, LATEST

F = TypeVar("F", bound=Callable[..., Any])


class IsoDateType(click.ParamType):  # type: ignore[type-arg,unused-ignore]  # generic from click 8.2
    """A ``YYYY-MM-DD`` date on the command line."""

    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        day: date
        if isinstance(value, date):
            day = value
        else:
            try:
                day = datetime.strptime(value, "%Y-%m-%d").date()
            except ValueError:
                self.fail(
                    f"'{value}' is not a date; write it as YYYY-MM-DD, e.g. 2023-07-07", param, ctx
                )
            if not _ISO.fullmatch(value):  # as strict as model files: one way to write a day
                self.fail(
                    f"'{value}' is not written YYYY-MM-DD; write {day.isoformat()} (two-digit "
                    "month and day, as in model files)",
                    param,
                    ctx,
                )
        if not EARLIEST <= day <= LATEST:
            self.fail(
                f"'{day}' is outside the dates govgraph accepts ({EARLIEST} to {LATEST}); "
                "check the year",
                param,
                ctx,
            )
        return day


_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
ISO_DATE = IsoDateType()


def model_argument(function: F) -> F:
    """The MODEL_DIR argument: a model folder (or a single model file)."""
    return click.argument("model_dir", metavar="MODEL_DIR", type=click.Path(path_type=Path))(
        function
    )


def as_of_option(function: F) -> F:
    """``--as-of DATE``: judge the model as it stood on that day (default: today)."""
    return click.option(
        "--as-of",
        "as_of",
        type=ISO_DATE,
        default=None,
        help="Judge the model as it stood on this day (YYYY-MM-DD; default: today).",
    )(function)


def resolve_as_of(as_of: date | None) -> date:
    return as_of or date.today()
