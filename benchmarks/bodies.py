"""The bodies of one synthetic council: reporting lines, membership rules and members.

Each council draws the bodies of :data:`catalogue.BODIES` and a handful of
deliberate problems (decided up front, so each is written exactly once and
recorded in the manifest with its file and line).
"""

from __future__ import annotations

import random
from datetime import timedelta

from catalogue import BODIES, FILE_COMMENTS, BodySpec
from members import Plan, members_for
from synth import AS_OF, Council, Manifest, YamlFile, iso, q

PERIOD_DAYS = {"monthly": 30, "bi-monthly": 61, "quarterly": 91, "half-yearly": 182,
               "annually": 365}  # fmt: skip
FREQUENCY_OF_KIND = {"sub-group": "quarterly", "panel": "half-yearly", "forum": "half-yearly",
                     "committee": "annually", "board": "annually", "partnership": "annually",
                     "cabinet": "monthly", "council": "annually", "other": "annually"}  # fmt: skip


def _plan(rng: random.Random, c: Council) -> Plan:
    chance = rng.random
    return Plan(
        ccg_left_on=rng.choice(("sab", "csp")) if chance() < 0.5 else None,
        hospice_legacy=chance() < 0.5,
        district_missing=bool(c.districts) and chance() < 0.6,
        departed_on=rng.choice(("licensing-committee", "planning-committee", "audit-committee"))
        if chance() < 0.5
        else None,
        vacant_on=rng.choice(("practice-review-group", "learning-group", "performance-group"))
        if c.vacant_post
        else None,
        expired_term=chance() < 0.5,
        orphan=chance() < 0.3,
        cycle=chance() < 0.1,
        one_way=chance() < 0.5,
        lscb_open=chance() < 0.6,
        no_chair_on=rng.choice(("sar-group", "adults-quality-group", "bcf-group"))
        if chance() < 0.3
        else None,
        empty=chance() < 0.3,
        overdue_report=chance() < 0.5,
    )


def write_bodies(
    rng: random.Random, c: Council, base: str, manifest: Manifest
) -> list[tuple[str, str]]:
    """Write ``bodies/<area>.yaml`` for council ``c``; return (path, text) pairs."""
    specs = [s for s in BODIES if s.chance >= 1 or rng.random() < s.chance]
    plan = _plan(rng, c)
    specs += _extra_bodies(plan)
    files: dict[str, YamlFile] = {}
    for spec in specs:
        f = files.get(spec.file)
        if f is None:
            f = files[spec.file] = YamlFile(
                f"{base}/bodies/{spec.file}.yaml", f"{c.place}: {FILE_COMMENTS[spec.file]}"
            )
            f.add("bodies:")
        _body(rng, c, spec, plan, f, manifest)
        manifest.count("bodies")
    return [(f.rel, f.text()) for f in files.values()]


def _extra_bodies(plan: Plan) -> list[BodySpec]:
    extra = []
    if plan.orphan:
        extra.append(
            BodySpec(
                "cse-task-group",
                "Child Sexual Exploitation Task and Finish Group",
                "sub-group",
                "safeguarding",
                ("lscb",),
                "officers",
                size=(4, 6),
                meets="monthly",
                established="2018-03-01",
            )  # fmt: skip
        )
    if plan.empty:
        extra.append(
            BodySpec(
                "family-hubs-board",
                "Family Hubs Steering Group",
                "sub-group",
                "children",
                ("cyp-partnership",),
                "none",
                meets="monthly",
                established=iso(AS_OF - timedelta(days=60)),
            )  # fmt: skip
        )
    return extra


def _body(
    rng: random.Random,
    c: Council,
    spec: BodySpec,
    plan: Plan,
    f: YamlFile,
    manifest: Manifest,
) -> None:
    bid = c.id(spec.key)
    body_line = f.add(f"  - id: {bid}", f"    name: {q(_name(c, spec))}")
    plan.written[spec.key] = (bid, f.rel, body_line)
    if spec.short_name:
        f.add(f"    short_name: {spec.short_name}")
    f.add(f"    kind: {spec.kind}")
    if spec.key == "full-council":
        f.add("    root: true")
    if spec.established:
        f.add(f"    established: {spec.established}")
    if spec.dissolved:
        f.add(f"    dissolved: {spec.dissolved}")
    if spec.predecessor:
        f.add(f"    predecessor: {c.id(spec.predecessor)}")
    if spec.kind in ("partnership", "board") and spec.key != "pension-board":
        host = c.region.org("icb") if spec.key == "place-partnership" else c.id("council")
        f.add(f"    hosted_by: {host}")
    if spec.meets:
        f.add(f"    meets: {spec.meets}")
    if spec.key == "full-council":
        f.add("    ignore:", "      - check: large-membership",
              "        reason: Full Council has every elected member by law")  # fmt: skip
    _reporting(rng, c, spec, plan, f, manifest, bid, body_line)
    required, tag_line = _requires(c, spec, f)
    members = members_for(rng, c, spec, plan, required)
    if spec.key == "cse-task-group":
        manifest.problem("orphaned-body", (bid, f.rel, body_line))
    if spec.members == "none":
        manifest.problem("empty-body", (bid, f.rel, body_line))
    if members:
        f.add("    members:")
    for m in members:
        line = f.add(*m.lines(c.full))
        manifest.count("memberships")
        if m.problem:
            at = f"{bid}/{m.member}"
            manifest.problem(m.problem, (at, f.rel, line), (at, f.rel, body_line))
    if spec.key == plan.no_chair_on:
        manifest.problem("no-chair", (bid, f.rel, body_line))
    if spec.key == "csp" and plan.district_missing:
        manifest.problem("missing-required-member", (bid, f.rel, body_line), (bid, f.rel, tag_line))


def _name(c: Council, spec: BodySpec) -> str:
    return c.name if spec.key == "full-council" else f"{c.place} {spec.name}"


def _reporting(
    rng: random.Random,
    c: Council,
    spec: BodySpec,
    plan: Plan,
    f: YamlFile,
    manifest: Manifest,
    bid: str,
    body_line: int,
) -> None:
    parents = list(spec.parents)
    if plan.cycle and spec.key == "exploitation-group":
        parents.append("csp")
    if plan.cycle and spec.key == "csp":
        parents.append("exploitation-group")
    if not parents:
        return
    f.add("    reports_to:")
    frequency = FREQUENCY_OF_KIND[spec.kind]
    for parent in parents:
        line = f.add(f"      - body: {c.id(parent)}")
        plan.lines.setdefault(spec.key, []).append((bid, f.rel, line))
        if plan.one_way and spec.key == "youth-cabinet":
            f.add("        direction: up")
            manifest.problem("one-way-reporting", (bid, f.rel, line), (bid, f.rel, body_line))
        if spec.dissolved:
            continue  # the abolished board's reports are history
        f.add(f"        frequency: {frequency}")
        period = PERIOD_DAYS[frequency]
        last = AS_OF - timedelta(days=rng.randrange(5, int(period * 0.9)))
        if plan.overdue_report and spec.key == "cyp-partnership":
            last = AS_OF - timedelta(days=2 * 365 + rng.randrange(60))
            manifest.problem("report-overdue", (bid, f.rel, line), (bid, f.rel, body_line))
        f.add(f"        last_reported: {iso(last)}")
    if plan.cycle and spec.key == "csp":
        # a cycle may be reported at either body, or at any of their reporting lines
        places = [(bid, f.rel, body_line), plan.written["exploitation-group"]]
        places += plan.lines["csp"] + plan.lines["exploitation-group"]
        manifest.problem("reporting-cycle", *places)


def _requires(c: Council, spec: BodySpec, f: YamlFile) -> tuple[list[str], int]:
    """Write the membership rules of the statutory bodies: (member ids required, tag rule line)."""
    region = c.region
    rules: dict[str, list[str]] = {
        "hwb": [c.id("dcs"), c.id("dass"), c.id("dph"), c.id("healthwatch"), region.org("icb")],
        "scp": [c.id("council"), region.org("icb"), region.org("police")],
        "sab": [c.id("council"), region.org("icb"), region.org("police")],
        "csp": [c.id("council"), region.org("police"), region.org("fire"),
                region.org("probation"), region.org("icb")],
    }  # fmt: skip
    required = rules.get(spec.key, [])
    tag = spec.key == "csp" and bool(c.districts)
    if not required and not tag:
        return [], 0
    f.add("    requires:")
    # tags are model-wide, so a register of many councils tags each area's districts
    tag_line = f.add(f"      - tag: {c.slug}-district") if tag else 0
    for member in required:
        f.add(f"      - member: {member}")
    return required, tag_line
