"""The pydantic models of the governance model format (FORMAT.md, v1).

Each class here is one kind of mapping a model file may hold. Unknown fields
are refused (``extra="forbid"``) so that a misspelt field is an error, not a
silently ignored line. Positions (file and line) are attached by the loader as
private attributes and read through :attr:`Located.file` / :attr:`Located.line`.

Cross-references (``reports_to``, ``succeeded_by`` …) are checked by
:mod:`govgraph.references`, not here, because they need the whole model.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

BODY_KINDS = (
    "board", "partnership", "sub-group", "committee", "panel",
    "cabinet", "council", "forum", "other",
)  # fmt: skip
FREQUENCIES = (
    "weekly", "monthly", "bi-monthly", "quarterly", "half-yearly", "annually", "ad-hoc",
)  # fmt: skip
ROLES = ("chair", "vice-chair", "member", "adviser", "observer", "substitute")
DIRECTIONS = ("both", "up", "down")
SEVERITY_SETTINGS = ("error", "warning", "info", "off")

BodyKind = Literal[
    "board", "partnership", "sub-group", "committee", "panel",
    "cabinet", "council", "forum", "other",
]  # fmt: skip
Frequency = Literal[
    "weekly", "monthly", "bi-monthly", "quarterly", "half-yearly", "annually", "ad-hoc"
]
Role = Literal["chair", "vice-chair", "member", "adviser", "observer", "substitute"]
Direction = Literal["both", "up", "down"]
SeveritySetting = Literal["error", "warning", "info", "off"]


def _iso_date(value: Any) -> Any:
    """Accept only ``YYYY-MM-DD`` text (or a date); say so plainly otherwise."""
    if value is None or isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError(
                "impossible_date",
                "'{value}' is not a real date (check the day and month)",
                {"value": value},
            ) from None
    raise PydanticCustomError(
        "date_format",
        "'{value}' is not a date: write dates as YYYY-MM-DD, e.g. 2022-07-01",
        {"value": value},
    )


IsoDate = Annotated[date, BeforeValidator(_iso_date)]
Slug = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Text = Annotated[str, StringConstraints(min_length=1)]


class Located(BaseModel):
    """A mapping from a model file; the loader records where it was written."""

    model_config = ConfigDict(extra="forbid", populate_by_name=False)

    # Where the mapping was written lives in pydantic's private store, a dict set
    # whole by locate() and read directly. Declared as private attributes, pydantic
    # filled in their defaults for every object it validated (70k for 50 councils:
    # a fifth of the load) and set each through its own __setattr__, and reading
    # self._file went through a __getattr__ that raises and catches an error (6 µs)
    # when an audit reads file and line for each finding (25k nationally).
    @property
    def position(self) -> tuple[str, int]:
        """:attr:`file` and :attr:`line` together, read once (for each finding)."""
        private = self.__pydantic_private__
        return (private["_file"], private["_line"]) if private else ("", 0)

    @property
    def file(self) -> str:
        """The model file (relative to the model folder) this was written in."""
        return self.position[0]

    @property
    def line(self) -> int:
        """The 1-based line of this mapping in :attr:`file` (0 if built in code)."""
        return self.position[1]

    def line_of(self, key: str) -> int:
        """The line where field ``key`` was written (the mapping's line if unknown)."""
        private = self.__pydantic_private__
        if not private:
            return 0
        key_lines = private["_key_lines"]
        return int(private["_line"]) if key_lines is None else key_lines.get(key, private["_line"])

    def locate(self, file: str, line: int, key_lines: dict[str, int] | None = None) -> None:
        """Record where this mapping was written (``key_lines``: the line of each key)."""
        private = {"_file": file, "_line": line, "_key_lines": key_lines}
        object.__setattr__(self, "__pydantic_private__", private)


class Ignore(Located):
    """Accepts a known finding of one check on the thing that carries it."""

    check: Text
    reason: Text


class Ignorable(Located):
    ignore: list[Ignore] = Field(default_factory=list)

    def ignores(self, check: str) -> Ignore | None:
        """The ignore entry for ``check`` on this thing, if there is one."""
        return next((entry for entry in self.ignore if entry.check == check), None)


class Entity(Ignorable):
    """Something with a model-wide unique id: organisation, person, post or body."""

    id: Slug
    name: Text


class Organisation(Entity):
    kind: str | None = None
    tags: list[Text] = Field(default_factory=list)
    established: IsoDate | None = None
    dissolved: IsoDate | None = None
    succeeded_by: str | None = None

    @property
    def start(self) -> date | None:
        return self.established

    @property
    def end(self) -> date | None:
        return self.dissolved


class Person(Entity):
    left: IsoDate | None = None
    roles: list[Text] = Field(default_factory=list)  # offices, e.g. [councillor] (statutory packs)

    @property
    def start(self) -> date | None:
        return None

    @property
    def end(self) -> date | None:
        return self.left


class Holding(Located):
    """A person holding a post for a period."""

    person: str
    from_: IsoDate | None = Field(default=None, alias="from")
    to: IsoDate | None = None

    @property
    def start(self) -> date | None:
        return self.from_

    @property
    def end(self) -> date | None:
        return self.to


class Post(Ignorable):
    id: Slug
    title: Text
    organisation: str | None = None
    role: Text | None = None  # the office, e.g. director-of-public-health (statutory packs)
    holders: list[Holding] = Field(default_factory=list)

    @property
    def name(self) -> str:
        return self.title

    @property
    def start(self) -> date | None:
        return None

    @property
    def end(self) -> date | None:
        return None


class ReportingLine(Ignorable):
    """One ``reports_to`` entry: the body it is written on reports to ``body``."""

    body: str
    direction: Direction = "both"
    frequency: Frequency | None = None
    last_reported: IsoDate | None = None


class Requirement(Located):
    """A membership rule: every current organisation with ``tag``, or ``member``."""

    tag: Text | None = None
    member: str | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> Requirement:
        if (self.tag is None) == (self.member is None):
            raise PydanticCustomError(
                "requirement_shape",
                "a requires rule names exactly one of 'tag' or 'member'",
            )
        return self


class Membership(Ignorable):
    """A member (organisation, post or person) sitting on a body for a period."""

    member: str
    role: Role = "member"
    voting: bool = True
    from_: IsoDate | None = Field(default=None, alias="from")
    to: IsoDate | None = None
    term_ends: IsoDate | None = None
    reviewed: IsoDate | None = None
    note: str | None = None

    @property
    def start(self) -> date | None:
        return self.from_

    @property
    def end(self) -> date | None:
        return self.to


class Body(Entity):
    short_name: str | None = None
    kind: BodyKind = "other"
    root: bool = False
    established: IsoDate | None = None
    dissolved: IsoDate | None = None
    predecessor: str | None = None
    hosted_by: str | None = None
    statutory: str | None = None  # a statutory pack id, e.g. health-and-wellbeing-board
    meets: Frequency | None = None
    review_interval_months: Annotated[int, Field(ge=1)] | None = None
    reports_to: list[ReportingLine] = Field(default_factory=list)
    requires: list[Requirement] = Field(default_factory=list)
    members: list[Membership] = Field(default_factory=list)

    @property
    def start(self) -> date | None:
        return self.established

    @property
    def end(self) -> date | None:
        return self.dissolved

    @property
    def label(self) -> str:
        """The short name where there is one, else the full name."""
        return self.short_name or self.name


def _off_is_false(value: Any) -> Any:
    return "off" if value is False else value


class Settings(Located):
    """``govgraph.yaml`` at the root of a model folder."""

    name: str | None = None
    review_interval_months: Annotated[int, Field(ge=1)] = 12
    large_membership: Annotated[int, Field(ge=0)] = 25
    many_roles: Annotated[int, Field(ge=0)] = 5
    # YAML 1.1 reads an unquoted `off` as false; FORMAT.md writes `one-way-reporting: off`.
    checks: dict[str, Annotated[SeveritySetting, BeforeValidator(_off_is_false)]] = Field(
        default_factory=dict
    )


#: The top-level sections of a model file and the entity each list holds.
SECTIONS: dict[str, type[Entity] | type[Post]] = {
    "organisations": Organisation,
    "people": Person,
    "posts": Post,
    "bodies": Body,
}

#: The singular word for each section, for messages ("'x' is a body").
KIND_WORD = {"organisations": "organisation", "people": "person", "posts": "post", "bodies": "body"}
