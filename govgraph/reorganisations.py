"""The register of national reorganisations: organisation kinds abolished in England.

When a whole kind of organisation was abolished nationally (clinical
commissioning groups on 1 July 2022, police authorities on 22 November 2012
…), a model that still shows one sitting on a board after that date is out of
date even if nobody marked the organisation dissolved. The
``abolished-organisation-kind`` check reads this register.

Each entry keeps its source and how firmly the date was established
(``confirmed`` against the legislation or official announcements, or
``from memory`` where the shared reference says so); where the reference was
unsure, the latest plausible date is used so the check never fires early.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

CONFIRMED = "confirmed"
FROM_MEMORY = "from memory"


@dataclass(frozen=True)
class Reorganisation:
    """One national abolition of an organisation kind."""

    kind: str
    name: str  # what the kind's organisations were called, as a plural noun phrase
    last_day: date  # the last day organisations of this kind existed
    successor: str  # what replaced them, in words
    successor_kinds: tuple[str, ...]
    source: str
    confidence: str
    note: str = ""
    plural: bool = True  # "clinical commissioning groups were", "NHS Digital was"

    @property
    def abolished_on(self) -> date:
        """The first day without organisations of this kind."""
        return self.last_day + timedelta(days=1)

    def abolished_by(self, on: date) -> bool:
        """True when organisations of this kind no longer existed on ``on``."""
        return on > self.last_day

    @property
    def were_abolished(self) -> str:
        """``"clinical commissioning groups were abolished"``."""
        return f"{self.name} {'were' if self.plural else 'was'} abolished"

    @property
    def replaced_by(self) -> str:
        """``"integrated care boards, kind 'icb'"``: the successor with its kind(s)."""
        if not self.successor_kinds:
            return self.successor
        kinds = " / ".join(f"'{kind}'" for kind in self.successor_kinds)
        word = "kind" if len(self.successor_kinds) == 1 else "kinds"
        return f"{self.successor}, {word} {kinds}"


def long_date(day: date) -> str:
    """``1 July 2022``."""
    return f"{day.day} {day:%B %Y}"


REORGANISATIONS: tuple[Reorganisation, ...] = (
    Reorganisation(
        kind="police-authority",
        name="police authorities",
        last_day=date(2012, 11, 21),
        successor="police and crime commissioners",
        successor_kinds=("pcc",),
        source="Police Reform and Social Responsibility Act 2011",
        note="police and crime commissioners took office on 22 November 2012",
        confidence=CONFIRMED,
    ),
    Reorganisation(
        kind="primary-care-trust",
        name="primary care trusts",
        last_day=date(2013, 3, 31),
        successor="clinical commissioning groups",
        successor_kinds=("ccg",),
        source="Health and Social Care Act 2012",
        confidence=CONFIRMED,
    ),
    Reorganisation(
        kind="link",
        name="Local Involvement Networks (LINks)",
        last_day=date(2013, 3, 31),
        successor="Local Healthwatch organisations",
        successor_kinds=("healthwatch",),
        source="Health and Social Care Act 2012",
        confidence=FROM_MEMORY,
        note="the shared reference confirms only the PCT to CCG change of that day",
    ),
    Reorganisation(
        kind="local-safeguarding-children-board",
        name="local safeguarding children boards",
        last_day=date(2019, 9, 29),
        successor="local safeguarding children arrangements made by the safeguarding "
        "partners (Children Act 2004 s16E)",
        successor_kinds=(),
        source="Children and Social Work Act 2017 and its transitional provisions",
        confidence=FROM_MEMORY,
        note="arrangements were due by 29 June 2019 (confirmed) and boards could continue "
        "until 29 September 2019 at the latest (from memory); the later date is used",
    ),
    Reorganisation(
        kind="community-rehabilitation-company",
        name="community rehabilitation companies",
        last_day=date(2021, 6, 25),
        successor="the Probation Service",
        successor_kinds=("probation",),
        source="probation unification, 26 June 2021",
        confidence=FROM_MEMORY,
    ),
    Reorganisation(
        kind="public-health-england",
        name="Public Health England",
        plural=False,
        last_day=date(2021, 9, 30),
        successor="the UK Health Security Agency and the Office for Health Improvement "
        "and Disparities",
        successor_kinds=("ukhsa", "ohid"),
        source="Public Health England ceased on 30 September 2021",
        confidence=CONFIRMED,
    ),
    Reorganisation(
        kind="ccg",
        name="clinical commissioning groups",
        last_day=date(2022, 6, 30),
        successor="integrated care boards",
        successor_kinds=("icb",),
        source="Health and Care Act 2022",
        confidence=CONFIRMED,
    ),
    Reorganisation(
        kind="nhs-digital",
        name="NHS Digital",
        plural=False,
        last_day=date(2023, 1, 31),
        successor="NHS England",
        successor_kinds=("nhs-england",),
        source="NHS Digital merged into NHS England on 1 February 2023",
        confidence=CONFIRMED,
    ),
    Reorganisation(
        kind="health-education-england",
        name="Health Education England",
        plural=False,
        last_day=date(2023, 3, 31),
        successor="NHS England",
        successor_kinds=("nhs-england",),
        source="Health Education England merged into NHS England on 1 April 2023",
        confidence=CONFIRMED,
    ),
)

BY_KIND: dict[str, Reorganisation] = {entry.kind: entry for entry in REORGANISATIONS}


def abolished(kind: str | None, on: date) -> Reorganisation | None:
    """The register entry when organisations of ``kind`` no longer existed on ``on``.

    >>> abolished("ccg", date(2022, 6, 30)) is None, abolished("ccg", date(2022, 7, 1)).kind
    (True, 'ccg')
    """
    entry = BY_KIND.get(kind or "")
    return entry if entry is not None and entry.abolished_by(on) else None
