"""Who sits on each synthetic body, over time, with the deliberate problems of the plan."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from catalogue import PORTFOLIOS, SERVICES, BodySpec
from synth import AS_OF, Council, Member, day_between, slug

ELECTION_2017, ELECTION_2021 = date(2017, 5, 4), date(2021, 5, 6)
ANNUAL_MEETING_2017, ANNUAL_MEETING_2021 = date(2017, 5, 25), date(2021, 5, 25)
LAST_DAY_OF_2017_TERM = date(2021, 5, 5)
CCG_START, CCG_END, ICB_START = date(2013, 4, 1), date(2022, 6, 30), date(2022, 7, 1)
PROBATION_START = date(2021, 6, 26)
NEXT_ELECTION = date(2025, 5, 1)
NOTES = (
    "appointed at the annual meeting", "nominated by the group leader",
    "political balance seat", "appointed to fill a vacancy", "re-appointed for the municipal year",
)  # fmt: skip
#: Posts that sit on officer working groups (sub-groups, forums).
OFFICER_POOL = (
    "assistant-director-safeguarding", "assistant-director-early-help",
    "assistant-director-education", "assistant-director-send", "assistant-director-adult-care",
    "assistant-director-commissioning", "principal-social-worker-children",
    "principal-social-worker-adults", "virtual-school-head", "designated-officer",
    "community-safety-manager", "consultant-public-health", "health-protection-lead",
    "safeguarding-business-manager", "adults-board-manager", "quality-assurance-lead",
    "learning-lead", "icb-designated-nurse", "icb-designated-doctor",
    "police-public-protection", "trust-safeguarding-lead", "mh-trust-director",
    "bcf-manager", "participation-officer", "youth-services-manager", "children-in-care-lead",
)  # fmt: skip
SERVICE_HEADS = tuple(f"head-of-{slug(s)}" for s in SERVICES)
PARTNER_ORGS = ("cvs", "hospice", "homes", "college", "chamber", "carers", "mind")
REGION_ORGS = ("police", "fire", "acute", "mh", "pcc")


@dataclass
class Plan:
    """The deliberate problems one council carries (each written once, then recorded)."""

    ccg_left_on: str | None = None  # dissolved-member: the CCG still sits on this body
    hospice_legacy: bool = False  # legacy-membership on the safeguarding partnership
    district_missing: bool = False  # missing-required-member on the CSP
    departed_on: str | None = None  # departed-member: a former councillor still sits here
    vacant_on: str | None = None  # vacant-post
    expired_term: bool = False  # term-expired on the children's scrutiny panel
    orphan: bool = False  # orphaned-body: a task group reporting to the abolished LSCB
    cycle: bool = False  # reporting-cycle between the CSP and the exploitation group
    one_way: bool = False  # one-way-reporting from the youth cabinet
    lscb_open: bool = False  # membership-of-dissolved-body
    no_chair_on: str | None = None  # no-chair
    empty: bool = False  # empty-body: a new steering group with no members yet
    overdue_report: bool = False  # report-overdue on the CYP partnership's line
    written: dict[str, tuple[str, str, int]] = field(default_factory=dict)
    lines: dict[str, list[tuple[str, str, int]]] = field(default_factory=dict)  # reports_to


def members_for(
    rng: random.Random, c: Council, spec: BodySpec, plan: Plan, required: list[str]
) -> list[Member]:
    """The memberships of one body, oldest first, with reviews on the current ones."""
    if spec.members == "none":
        return []
    opened = date.fromisoformat(spec.established) if spec.established else date(2010, 4, 1)
    draw: Callable[..., list[Member]] = STYLES[spec.members]
    members = draw(rng, c, spec, plan, required, opened)
    if spec.dissolved:
        _close(rng, members, opened, date.fromisoformat(spec.dissolved), plan.lscb_open)
    for m in members:
        if m.end is None and m.reviewed is None:
            m.reviewed = _reviewed(rng, m.start or opened)
    return members


def _close(
    rng: random.Random, members: list[Member], opened: date, dissolved: date, leave_one_open: bool
) -> None:
    """End every membership of an abolished body on its last day (but one, if planned)."""
    for m in members:
        if m.start and m.start > dissolved:
            m.start = day_between(rng, opened, dissolved)
        if m.end is None or m.end > dissolved:
            m.end = dissolved
    if leave_one_open:
        left = members[-1]
        left.end, left.problem = None, "membership-of-dissolved-body"
        left.note = "never formally ended when the board was abolished"


def _reviewed(rng: random.Random, start: date) -> date:
    """A recent review (one in twenty is overdue, as in real registers)."""
    if rng.random() < 0.05:
        return max(start, AS_OF - timedelta(days=rng.randrange(400, 900)))
    return max(start, AS_OF - timedelta(days=rng.randrange(0, 330)))


def _everyone(
    rng: random.Random, c: Council, spec: BodySpec, plan: Plan, required: list[str], opened: date
) -> list[Member]:
    members = [Member(p, start=ELECTION_2017, end=LAST_DAY_OF_2017_TERM) for p in c.former]
    for i, person in enumerate(c.councillors):
        role = "chair" if i == 0 else "vice-chair" if i == 1 else "member"
        start = ELECTION_2017 if rng.random() < 0.6 else ELECTION_2021
        members.append(Member(person, role=role, start=start))
    return members


def _cabinet(
    rng: random.Random, c: Council, spec: BodySpec, plan: Plan, required: list[str], opened: date
) -> list[Member]:
    """Cabinet sits through its portfolios: the posts stay while their holders change."""
    members = []
    for i, (key, _) in enumerate(PORTFOLIOS):
        role = "chair" if i == 0 else "vice-chair" if i == 1 else "member"
        members.append(Member(c.posts[key], role=role, start=ANNUAL_MEETING_2017))
    return members


def _committee(
    rng: random.Random, c: Council, spec: BodySpec, plan: Plan, required: list[str], opened: date
) -> list[Member]:
    start = max(opened, ANNUAL_MEETING_2021)
    members: list[Member] = []
    if opened < ANNUAL_MEETING_2017:  # the register keeps the last term's committee too
        past = rng.sample(c.former + c.councillors, rng.randint(*spec.size))
        members += [Member(p, start=ANNUAL_MEETING_2017, end=LAST_DAY_OF_2017_TERM) for p in past]
    seats = rng.sample(c.councillors[10:], rng.randint(*spec.size))
    for i, person in enumerate(seats):
        role = "chair" if i == 0 else "vice-chair" if i == 1 else "member"
        if i > 2 and rng.random() < 0.1:
            role = "substitute"
        members.append(
            Member(person, role=role, start=start, voting=role != "substitute",
                   term_ends=NEXT_ELECTION, note=rng.choice(NOTES) if rng.random() < 0.1 else None)
        )  # fmt: skip
    if spec.kind == "panel":
        for key in rng.sample(("diocese-rep", "primary-head-rep", "secondary-head-rep"), 2):
            members.append(
                Member(c.posts[key], role="member", start=date(2021, 6, 1),
                       term_ends=date(2025, 5, 31), note="co-opted education representative")
            )  # fmt: skip
    if plan.expired_term and spec.key == "children-scrutiny":
        members.append(
            Member(c.posts["special-head-rep"], start=date(2019, 6, 1),
                   term_ends=date(2023, 5, 31), problem="term-expired",
                   note="co-opted for four years")
        )  # fmt: skip
    if plan.departed_on == spec.key and c.former:
        members.append(Member(c.former[0], start=ANNUAL_MEETING_2017, problem="departed-member"))
    return members


def _partners(
    rng: random.Random, c: Council, spec: BodySpec, plan: Plan, required: list[str], opened: date
) -> list[Member]:
    region = c.region
    members: list[Member] = []
    chosen: set[str] = set()

    def seat(member: str, start: date, **more: object) -> None:
        chosen.add(member)
        members.append(Member(member, start=max(start, opened), **more))  # type: ignore[arg-type]

    if spec.key in ("scp", "sab"):
        seat(c.posts[f"independent-chair-{spec.key}"], opened, role="chair")
    else:  # chaired by the cabinet member whose portfolio it is
        portfolio = rng.choice(PORTFOLIOS[2:])[0]
        seat(c.posts[portfolio], max(opened, ANNUAL_MEETING_2017), role="chair")
    for member in required:
        _required(rng, c, spec, plan, member, opened, seat)
    if spec.key == "csp":
        missing = rng.randrange(len(c.districts)) if plan.district_missing else -1
        for i, (district, _) in enumerate(c.districts):
            if i != missing:
                seat(district, day_between(rng, opened, date(2015, 1, 1)))
    if plan.hospice_legacy and spec.key == "scp":
        members.append(
            Member(c.id("hospice"), start=date(2016, 5, 1), problem="legacy-membership",
                   note="carried over from the Local Safeguarding Children Board")
        )  # fmt: skip
        chosen.add(c.id("hospice"))
    if opened < date(2021, 6, 25) and rng.random() < 0.3:
        members.append(Member(region.org("crc"), start=opened, end=date(2021, 6, 25)))
    if opened < date(2013, 3, 31) and rng.random() < 0.3:
        members.append(Member(c.id("link"), start=opened, end=date(2013, 3, 31)))
    pool = [c.id(k) for k in PARTNER_ORGS] + [region.org(k) for k in REGION_ORGS]
    pool += [c.posts[k] for k in OFFICER_POOL + SERVICE_HEADS] + [c.posts["healthwatch-officer"]]
    rng.shuffle(pool)
    size = rng.randint(*spec.size)
    for member in pool:
        if len(chosen) >= size:
            break
        if member in chosen:
            continue
        start = day_between(rng, opened, AS_OF - timedelta(days=200))
        role = rng.choices(("member", "adviser", "observer", "vice-chair"), (12, 2, 1, 1))[0]
        if rng.random() < 0.15:  # someone who sat for a while and left
            seat(member, start, role=role, end=day_between(rng, start, AS_OF - timedelta(days=30)))
        else:
            seat(member, start, role=role, voting=role not in ("adviser", "observer"))
    return members


def _required(
    rng: random.Random,
    c: Council,
    spec: BodySpec,
    plan: Plan,
    member: str,
    opened: date,
    seat: Callable[..., None],
) -> None:
    """Seat a statutorily required member (the ICB after the CCG it replaced)."""
    region = c.region
    if member == region.org("icb"):
        if opened < CCG_END:
            if plan.ccg_left_on == spec.key:
                seat(region.org("ccg"), max(opened, CCG_START), problem="dissolved-member")
            else:
                seat(region.org("ccg"), max(opened, CCG_START), end=CCG_END)
        seat(member, ICB_START)
    elif member == region.org("probation"):
        seat(member, PROBATION_START)
    else:
        seat(member, day_between(rng, opened, opened + timedelta(days=90)))


def _officers(
    rng: random.Random, c: Council, spec: BodySpec, plan: Plan, required: list[str], opened: date
) -> list[Member]:
    posts = rng.sample(OFFICER_POOL + SERVICE_HEADS, rng.randint(*spec.size))
    members = []
    for i, key in enumerate(posts):
        role = "chair" if i == 0 and plan.no_chair_on != spec.key else "member"
        start = opened if rng.random() < 0.6 else day_between(rng, opened, AS_OF)
        members.append(Member(c.posts[key], role=role, start=start))
    seated = {c.posts[key] for key in posts}
    if plan.vacant_on == spec.key and c.vacant_post and c.vacant_post not in seated:
        members.append(Member(c.vacant_post, start=opened, problem="vacant-post"))
    return members


STYLES: dict[str, Callable[..., list[Member]]] = {
    "everyone": _everyone,
    "cabinet": _cabinet,
    "councillors": _committee,
    "partners": _partners,
    "officers": _officers,
}
