"""The pydantic models of a statutory pack: a pack, its dated provisions, their rules.

The same models validate the packs shipped with govgraph and the packs a
model defines under ``packs:``, so both are written the same way::

    packs:
      - id: scrutiny-panel
        name: Scrutiny panel (council constitution)
        source: Worcestershire County Council Constitution
        provisions:
          - id: councillors
            cite: Part 6 para 4
            text: seven councillors
            requires: {councillor: true, count: 7}

A rule (``requires``) is a set of filters that one member must meet
(``organisation_kind``, ``post_role``, ``councillor``, ``role``, ``voting``)
and how many members must meet them (``count``), or a choice between rules
(``any_of``) or a combination of them (``all_of``).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from govgraph.dates import is_current
from govgraph.schema import IsoDate, Located, Role, Slug, Text

EACH = "each"


def _count(value: Any) -> Any:
    """``each``, ``at-least-one`` (= 1) or a whole number from 1."""
    if value == "at-least-one":
        return 1
    if value == EACH:
        return EACH
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    raise PydanticCustomError(
        "count_value",
        "count must be 'each', 'at-least-one' or a whole number from 1, not {value}",
        {"value": repr(value)},
    )


def _one_or_many(value: Any) -> Any:
    """A single word or a list of words, always kept as a tuple of words."""
    if isinstance(value, str):
        value = [value]
    if isinstance(value, list) and value and all(isinstance(v, str) and v for v in value):
        return tuple(value)
    raise PydanticCustomError(
        "one_or_many",
        "expected a word or a list of words (e.g. icb or [icb, ccg]), found {value}",
        {"value": repr(value)},
    )


Count = Annotated[int | Literal["each"], BeforeValidator(_count)]
Words = Annotated[tuple[str, ...], BeforeValidator(_one_or_many)]

#: The filters a rule may combine; each narrows which members count.
FILTERS = ("organisation_kind", "post_role", "councillor", "role", "voting")


class Rule(Located):
    """What a provision requires of a body's current members."""

    organisation_kind: Words | None = None
    post_role: Words | None = None
    councillor: bool | None = None
    role: Role | None = None
    voting: bool | None = None
    count: Count = 1
    at_most: Annotated[int, Field(ge=1)] | None = None
    any_of: list[Rule] | None = None
    all_of: list[Rule] | None = None

    @model_validator(mode="after")
    def _shape(self) -> Rule:
        filters = [name for name in FILTERS if getattr(self, name) is not None]
        groups = [name for name in ("any_of", "all_of") if getattr(self, name) is not None]
        if len(groups) > 1 or (groups and filters):
            raise PydanticCustomError(
                "rule_shape",
                "a rule is either filters (organisation_kind, post_role, councillor, role, "
                "voting) or one of any_of / all_of, not a mix; nest the filters inside",
            )
        if groups and not getattr(self, groups[0]):
            raise PydanticCustomError(
                "rule_empty", "{name} needs at least one rule", {"name": groups[0]}
            )
        if not groups and not filters:
            raise PydanticCustomError(
                "rule_empty",
                "a rule needs at least one of organisation_kind, post_role, councillor, role, "
                "voting, any_of or all_of",
            )
        if self.councillor is False:
            raise PydanticCustomError(
                "rule_councillor", "councillor: false requires nothing; leave it out"
            )
        if self.count == EACH and self.organisation_kind is None:
            raise PydanticCustomError(
                "rule_each",
                "count: each means each current organisation of a kind, so it needs "
                "organisation_kind",
            )
        if self.at_most is not None and isinstance(self.count, int) and self.at_most < self.count:
            raise PydanticCustomError(
                "rule_at_most",
                "at_most ({at_most}) is less than count ({count})",
                {"at_most": self.at_most, "count": self.count},
            )
        return self

    def children(self) -> list[Rule]:
        return list(self.any_of or self.all_of or ())


class Provision(Located):
    """One dated requirement of a pack, citing the law (or constitution) behind it."""

    id: Slug
    cite: Text
    text: Text
    source: Text | None = None  # the pack's source unless this provision comes from another
    in_force_from: IsoDate | None = None
    in_force_to: IsoDate | None = None
    requires: Rule
    note: str | None = None

    @model_validator(mode="after")
    def _dates(self) -> Provision:
        if self.in_force_from and self.in_force_to and self.in_force_to < self.in_force_from:
            raise PydanticCustomError(
                "provision_dates",
                "in_force_to ({to}) is before in_force_from ({start}); in_force_to is the "
                "last day the provision was in force",
                {"to": str(self.in_force_to), "start": str(self.in_force_from)},
            )
        return self

    @property
    def start(self) -> date | None:
        return self.in_force_from

    @property
    def end(self) -> date | None:
        return self.in_force_to

    def in_force(self, on: date) -> bool:
        return is_current(self, on)

    @property
    def period(self) -> str:
        """``"from 2022-07-01"``, ``"2013-04-01 to 2022-06-30"`` or ``"in force"``."""
        if self.in_force_from and self.in_force_to:
            return f"{self.in_force_from} to {self.in_force_to}"
        if self.in_force_from:
            return f"from {self.in_force_from}"
        if self.in_force_to:
            return f"until {self.in_force_to}"
        return "in force"


class Pack(Located):
    """A named set of provisions a body can declare with ``statutory: ID``."""

    id: Slug
    name: Text
    source: Text
    url: str | None = None
    extends: str | None = None
    note: str | None = None
    provisions: list[Provision] = Field(default_factory=list)

    @model_validator(mode="after")
    def _provisions(self) -> Pack:
        if not self.provisions and self.extends is None:
            raise PydanticCustomError(
                "pack_empty", "a pack needs at least one provision (or extends: another pack)"
            )
        seen: set[str] = set()
        for provision in self.provisions:
            if provision.id in seen:
                raise PydanticCustomError(
                    "provision_id",
                    "two provisions have the id '{id}'; provision ids must be unique in a pack",
                    {"id": provision.id},
                )
            seen.add(provision.id)
        return self

    def in_force(self, on: date) -> list[Provision]:
        """The provisions in force on ``on``, in the pack's order."""
        return [p for p in self.provisions if p.in_force(on)]


def rules_of(rule: Rule) -> list[Rule]:
    """``rule`` and every rule nested in it, depth first."""
    found = [rule]
    for child in rule.children():
        found.extend(rules_of(child))
    return found
