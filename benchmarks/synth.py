"""Building blocks of the synthetic models: files that know their line numbers, the
manifest of what was generated, and the records kept while a council is written."""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from catalogue import FIRST_NAMES, SURNAMES

#: The date the synthetic registers were "last updated": reviews and reports are recent to it.
AS_OF = date(2024, 3, 31)

_PLAIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ,.'()/&-]*$")


def q(text: str) -> str:
    """``text`` as a YAML scalar: plain where that reads back the same, else double-quoted."""
    if _PLAIN.match(text) and text.lower() not in {"yes", "no", "null", "true", "false", "on"}:
        return text
    return json.dumps(text, ensure_ascii=False)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def iso(day: date) -> str:
    return day.isoformat()


class YamlFile:
    """Lines of one YAML file being written, so the line of anything written is known."""

    def __init__(self, rel: str, comment: str) -> None:
        self.rel = rel
        self.lines = [f"# {comment}", "# Synthetic data written by benchmarks/generate.py", ""]

    @property
    def next_line(self) -> int:
        """The 1-based line number the next written line will have."""
        return len(self.lines) + 1

    def add(self, *lines: str) -> int:
        first = self.next_line
        self.lines.extend(lines)
        return first

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


@dataclass
class Manifest:
    """What was generated: counts and the deliberate problems with their positions."""

    seed: int
    councils: int
    counts: dict[str, int] = field(default_factory=dict)
    files: int = 0
    bytes: int = 0
    problems: list[dict[str, Any]] = field(default_factory=list)

    def count(self, what: str, n: int = 1) -> None:
        self.counts[what] = self.counts.get(what, 0) + n

    def problem(self, check: str, *at: tuple[str, str, int]) -> None:
        """Record a deliberate problem; a finding at any of ``at`` (subject, file, line) finds it.

        Several places are accepted because a check may point at a membership or
        at its body, and a cycle at any body on it.
        """
        self.problems.append({"check": check, "at": [list(place) for place in at]})


@dataclass
class Region:
    slug: str
    name: str

    def org(self, what: str) -> str:
        return f"{self.slug}-{what}"


@dataclass
class Member:
    """One membership about to be written."""

    member: str
    role: str = "member"
    start: date | None = None
    end: date | None = None
    voting: bool = True
    term_ends: date | None = None
    reviewed: date | None = None
    note: str | None = None
    problem: str | None = None  # the check this membership is written to trigger

    def lines(self, full: bool = False) -> list[str]:
        """The membership as YAML; ``full`` writes every field, nulls too, as in FORMAT.md."""
        out = [f"      - member: {self.member}", f"        role: {self.role}"]
        if full or not self.voting:
            out.append(f"        voting: {str(self.voting).lower()}")
        fields = (("from", self.start), ("to", self.end), ("term_ends", self.term_ends),
                  ("reviewed", self.reviewed))  # fmt: skip
        for name, day in fields:
            if day or full:
                out.append(f"        {name}: {iso(day) if day else 'null'}")
        if self.note:
            out.append(f"        note: {q(self.note)}")
        return out


@dataclass
class Council:
    """Everything generated for one council, kept while its files are written."""

    slug: str
    name: str
    place: str
    kind: str
    region: Region
    districts: list[tuple[str, str]] = field(default_factory=list)
    councillors: list[str] = field(default_factory=list)  # current, elected 2021
    former: list[str] = field(default_factory=list)  # left at the 2021 election
    orgs: list[str] = field(default_factory=list)
    posts: dict[str, str] = field(default_factory=dict)  # post key -> id
    vacant_post: str | None = None
    full: bool = False  # its officers copied FORMAT.md's template: every field, nulls too

    def id(self, key: str) -> str:
        return f"{self.slug}-{key}"


def day_between(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange(max(1, (end - start).days)))


def people_names(
    rng: random.Random, count: int, used: set[str], prefix: str
) -> list[tuple[str, str]]:
    """``count`` (unique id, name) pairs of new people, ids starting ``prefix``."""
    out: list[tuple[str, str]] = []
    while len(out) < count:
        first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
        base = f"{prefix}-{slug(first)}-{slug(last)}"
        pid, n = base, 2
        while pid in used:
            pid, n = f"{base}-{n}", n + 1
        used.add(pid)
        out.append((pid, f"{first} {last}"))
    return out
