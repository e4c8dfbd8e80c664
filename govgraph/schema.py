"""The pydantic models of the governance model format (FORMAT.md, v1).

Each class here is one kind of mapping a model file may hold. Unknown fields
are refused (``extra="forbid"``) so that a misspelt field is an error, not a
silently ignored line. Positions (file and line) are attached by the loader
and read through :attr:`Located.file` / :attr:`Located.line` (any :class:`Placed`).

What a model file holds (organisations, people, posts, bodies, and their
memberships, post holders and reporting lines: 300k memberships in a national
register) are :class:`Slotted` dataclasses rather than models: validated in less
than half the time and read in about a third. ``govgraph.yaml``, ``ignore`` and
``requires`` entries, few in any model, are models (:class:`Located`).

Cross-references (``reports_to``, ``succeeded_by`` …) are checked by
:mod:`govgraph.references`, not here, because they need the whole model.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)
from pydantic.dataclasses import dataclass as pydantic_dataclass
from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError

from govgraph.dates import EARLIEST, LATEST

T = TypeVar("T")

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


#: Each day once: a national register writes a million dates but only a few thousand
#: distinct ones. Sharing them saves 32 MB and keeps the audit's reads of them in cache.
_DAYS: dict[date, date] = {}


def _iso_date(value: Any) -> Any:
    """Accept only ``YYYY-MM-DD`` text (or a date) within :data:`~govgraph.dates.EARLIEST`
    to :data:`~govgraph.dates.LATEST`; say so plainly otherwise."""
    if type(value) is date:
        return _DAYS.setdefault(_in_range(value, value), value)
    if value is None or isinstance(value, date):
        return value if value is None else _in_range(value, value)
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError(
                "impossible_date",
                "'{value}' is not a real date (check the day and month)",
                {"value": value},
            ) from None
        return _DAYS.setdefault(_in_range(day, value), day)
    loose = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", value) if isinstance(value, str) else None
    if loose:  # 2026-4-1: say the one way to write it, as --as-of does
        year, month, day_of_month = (int(part) for part in loose.groups())
        raise PydanticCustomError(
            "date_format",
            "'{value}' is not written YYYY-MM-DD; write {fixed} (two-digit month and day)",
            {"value": value, "fixed": f"{year:04d}-{month:02d}-{day_of_month:02d}"},
        )
    raise PydanticCustomError(
        "date_format",
        "'{value}' is not a date: write dates as YYYY-MM-DD, e.g. 2022-07-01",
        {"value": value},
    )


def _in_range(day: date, written: object) -> date:
    if not EARLIEST <= day <= LATEST:
        raise PydanticCustomError(
            "date_range",
            "'{value}' is outside the dates govgraph accepts ({earliest} to {latest}); "
            "check the year",
            {"value": str(written), "earliest": str(EARLIEST), "latest": str(LATEST)},
        )
    return day


IsoDate = Annotated[date, BeforeValidator(_iso_date)]
Slug = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Text = Annotated[str, StringConstraints(min_length=1)]


Where = dict[str, Any]
"""Where a mapping was written: ``_file``, ``_line`` and ``_key_lines`` (each key's line)."""


def fields_of(schema: type[Any]) -> dict[str, FieldInfo]:
    """The fields of ``schema``, a model or a :class:`Slotted` dataclass."""
    fields: dict[str, FieldInfo] = schema.__pydantic_fields__
    return fields


def validate(schema: type[T], data: Any) -> T:
    """``data`` validated as ``schema``: a model or a Slotted dataclass (raises
    pydantic's ValidationError)."""
    validated: T = schema.__pydantic_validator__.validate_python(data)  # type: ignore[attr-defined]
    return validated


def dump(thing: Any, **options: Any) -> dict[str, Any]:
    """``thing``, a model or a Slotted mapping, as plain data (``options`` as pydantic's
    ``model_dump``: ``mode``, ``by_alias``, ``exclude_defaults`` …)."""
    dumped: dict[str, Any] = thing.__pydantic_serializer__.to_python(thing, **options)
    return dumped


def yaml_keys(schema: type[Any]) -> list[str]:
    """The keys a user writes in YAML for ``schema`` (a model or a Slotted dataclass):
    its fields' names or aliases in declaration order, ``ignore`` last (rarely wanted)."""
    names = [info.alias or name for name, info in fields_of(schema).items()]
    return sorted(names, key=lambda name: name == "ignore")


class Placed:
    """The answers to "where was this written?", for models (:class:`Located`) and
    dataclasses (:class:`Slotted`) alike; each keeps a :data:`Where` in its own store."""

    __slots__ = ()

    def _where(self) -> Where | None:
        raise NotImplementedError

    def _keep(self, where: Where) -> None:
        raise NotImplementedError

    @property
    def position(self) -> tuple[str, int]:
        """:attr:`file` and :attr:`line` together, read once (for each finding)."""
        where = self._where()
        return (where["_file"], where["_line"]) if where else ("", 0)

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
        where = self._where()
        if not where:
            return 0
        key_lines = where["_key_lines"]
        return int(where["_line"]) if key_lines is None else key_lines.get(key, where["_line"])

    def locate(self, file: str, line: int, key_lines: dict[str, int] | None = None) -> None:
        """Record where this mapping was written (``key_lines``: the line of each key)."""
        self._keep({"_file": file, "_line": line, "_key_lines": key_lines})


class Located(Placed, BaseModel):
    """A mapping from a model file; the loader records where it was written."""

    model_config = ConfigDict(extra="forbid", populate_by_name=False)

    # Where the mapping was written lives in pydantic's private store, a dict set
    # whole by locate() and read directly. Declared as private attributes, pydantic
    # filled in their defaults for every object it validated (70k for 50 councils:
    # a fifth of the load) and set each through its own __setattr__, and reading
    # self._file went through a __getattr__ that raises and catches an error (6 µs)
    # when an audit reads file and line for each finding (25k nationally).
    def _where(self) -> Where | None:
        where: Where | None = self.__pydantic_private__
        return where

    def _keep(self, where: Where) -> None:
        object.__setattr__(self, "__pydantic_private__", where)


class Ignore(Located):
    """Accepts a known finding of one check on the thing that carries it."""

    check: Text
    reason: Text


class Slotted(Placed):
    """The base of what a model file holds, in their hundreds of thousands nationally
    (entities, memberships, post holders, reporting lines): slotted pydantic
    dataclasses, with room for where each was written and the same answers as
    :class:`Located`.

    Validated like the models (unknown fields refused, aliases), they take less than
    half the time to validate and a third of the time to read (a model's fields sit in
    a separate dict, and pydantic's ``__getattr__`` stops Python caching the lookup).
    """

    __slots__ = ("_where_written",)

    def _where(self) -> Where | None:
        return getattr(self, "_where_written", None)  # None until the loader locates it

    def _keep(self, where: Where) -> None:
        object.__setattr__(self, "_where_written", where)


#: How each :class:`Slotted` mapping is made: a slotted pydantic dataclass, configured
#: as the models are.
slotted = pydantic_dataclass(slots=True, config=ConfigDict(extra="forbid", populate_by_name=False))


class Waivable(Slotted):
    """A :class:`Slotted` mapping that may carry ``ignore:`` entries (each subclass
    declares the field with its default, after its required fields)."""

    __slots__ = ()
    ignore: list[Ignore]

    def ignores(self, check: str) -> Ignore | None:
        """The ignore entry for ``check`` on this thing, if there is one."""
        return next((entry for entry in self.ignore if entry.check == check), None)


@slotted
class Entity(Waivable):
    """Something with a model-wide unique id: organisation, person or body."""

    id: Slug
    name: Text
    #: Other names it is known by (former names, abbreviations): search and look-ups find them.
    other_names: list[Text] = Field(default_factory=list)
    ignore: list[Ignore] = Field(default_factory=list)


@slotted
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


@slotted
class Person(Entity):
    left: IsoDate | None = None
    roles: list[Text] = Field(default_factory=list)  # offices, e.g. [councillor] (statutory packs)

    @property
    def start(self) -> date | None:
        return None

    @property
    def end(self) -> date | None:
        return self.left


@slotted
class Holding(Slotted):
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


@slotted
class Post(Waivable):
    id: Slug
    title: Text
    other_names: list[Text] = Field(default_factory=list)
    organisation: str | None = None
    role: Text | None = None  # the office, e.g. director-of-public-health (statutory packs)
    holders: list[Holding] = Field(default_factory=list)
    ignore: list[Ignore] = Field(default_factory=list)

    @property
    def name(self) -> str:
        return self.title

    @property
    def start(self) -> date | None:
        return None

    @property
    def end(self) -> date | None:
        return None


@slotted
class ReportingLine(Waivable):
    """One ``reports_to`` entry: the body it is written on reports to ``body``."""

    body: str
    direction: Direction = "both"
    frequency: Frequency | None = None
    last_reported: IsoDate | None = None
    ignore: list[Ignore] = Field(default_factory=list)


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


@slotted
class Membership(Waivable):
    """A member (organisation, post or person) sitting on a body for a period."""

    member: str
    role: Role = "member"
    #: The organisation a person or post sits for: its seat for ``requires`` and packs.
    on_behalf_of: str | None = None
    voting: bool = True
    from_: IsoDate | None = Field(default=None, alias="from")
    to: IsoDate | None = None
    term_ends: IsoDate | None = None
    reviewed: IsoDate | None = None
    note: str | None = None
    ignore: list[Ignore] = Field(default_factory=list)

    @property
    def start(self) -> date | None:
        return self.from_

    @property
    def end(self) -> date | None:
        return self.to


@slotted
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
    #: The plan priorities this body delivers, each written ``PLAN/PRIORITY``.
    delivers: list[Text] = Field(default_factory=list)

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


@slotted
class Priority(Waivable):
    """One priority of a plan; bodies deliver it by naming ``PLAN/PRIORITY``."""

    id: Slug
    name: Text
    ignore: list[Ignore] = Field(default_factory=list)


@slotted
class Plan(Entity):
    """A plan a body oversees (``owner``), whose priorities bodies deliver."""

    owner: str | None = None  # a body id
    review: Frequency | None = None  # how often the owner reviews progress
    from_: IsoDate | None = Field(default=None, alias="from")
    to: IsoDate | None = None  # the last day the plan runs
    priorities: list[Priority] = Field(default_factory=list)

    @property
    def start(self) -> date | None:
        return self.from_

    @property
    def end(self) -> date | None:
        return self.to


def _off_is_false(value: Any) -> Any:
    return "off" if value is False else value


class Settings(Located):
    """``govgraph.yaml`` at the root of a model folder."""

    name: str | None = None
    review_interval_months: Annotated[int, Field(ge=1)] = 12
    large_membership: Annotated[int, Field(ge=0)] = 25
    many_roles: Annotated[int, Field(ge=0)] = 5
    #: Two bodies sharing more than this share of the smaller's members overlap (insights).
    overlap_threshold: Annotated[float, Field(gt=0, le=1)] = 0.6
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
    "plans": Plan,
}

#: The singular word for each section, for messages ("'x' is a body").
KIND_WORD = {
    "organisations": "organisation",
    "people": "person",
    "posts": "post",
    "bodies": "body",
    "plans": "plan",
}
