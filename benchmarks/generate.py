"""Write synthetic governance models of the FORMAT.md shape, at any number of councils.

    python benchmarks/generate.py council            # 1 council: ~60 bodies, ~800 memberships
    python benchmarks/generate.py fifty              # 50 councils: ~10 MB of YAML
    python benchmarks/generate.py national           # 400 councils: ~24k bodies, ~300k memberships
    python benchmarks/generate.py --councils 3 --seed 7 --out /tmp/m

A model is laid out as officers would keep a register of many councils::

    govgraph.yaml
    shared/organisations.yaml                  # ICBs, CCGs, police, fire, probation by region
    councils/<council>/organisations.yaml      # the council, districts, local partners
    councils/<council>/people.yaml             # councillors and officers
    councils/<council>/posts.yaml              # officer and partner posts with holders
    councils/<council>/bodies/<area>.yaml      # council, scrutiny, health, children, ...

The same seed always gives byte-identical files. Each council carries a few
deliberate governance problems of the kinds FORMAT.md's checks find (a CCG
still sitting after 2022, a councillor who lost their seat, a sub-group
reporting to the abolished LSCB, ...); ``generated.json`` in the folder records
counts and where each deliberate problem was written (file and line), so the
benchmark can check that findings keep their positions at every scale.
The model is valid: it loads without errors.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

# These sit beside this script, which runs from anywhere; hence the path above.
from bodies import write_bodies  # noqa: E402
from catalogue import (  # noqa: E402
    DISTRICT_WORDS,
    FIRST_NAMES,
    OFFICER_POSTS,
    PARTNER_POSTS,
    PLACE_ENDS,
    PLACE_STARTS,
    PORTFOLIOS,
    SERVICES,
)
from synth import (  # noqa: E402
    AS_OF,
    Council,
    Manifest,
    Region,
    YamlFile,
    day_between,
    iso,
    people_names,
    q,
    slug,
)

SCALES = {"council": 1, "fifty": 50, "national": 400}
COUNCILS_PER_REGION = 9
MANIFEST = "generated.json"
GENERATOR_VERSION = 3


def place_names(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct place names, for councils, districts and regions."""
    names = [s + e for s in PLACE_STARTS for e in PLACE_ENDS]
    rng.shuffle(names)
    if count > len(names):
        names += [f"{w} {n}" for w in ("North", "South", "East", "West") for n in names]
    return names[:count]


def generate(out: Path, councils: int, seed: int = 1) -> Manifest:
    """Write a model of ``councils`` councils into ``out`` (replacing a generated one)."""
    if out.exists():
        if not (out / MANIFEST).exists() and any(out.iterdir()):
            raise SystemExit(f"{out}: not empty and not generated here; choose another --out")
        shutil.rmtree(out)
    out.mkdir(parents=True)
    rng = random.Random(seed)
    manifest = Manifest(seed=seed, councils=councils)
    names = place_names(rng, councils * 8 + 100)
    region_count = max(1, -(-councils // COUNCILS_PER_REGION))
    regions = [Region(slug(n) + "-area", n) for n in names[:region_count]]
    files = [_settings(councils), _shared(regions, manifest)]
    kinds = ("County Council", "City Council", "Borough Council", "Council")
    for index in range(councils):
        place = names[region_count + index]
        kind = rng.choices(kinds, weights=(2, 1, 2, 3))[0]
        council = Council(
            slug=slug(place), name=f"{place} {kind}", place=place, kind=kind,
            region=regions[index // COUNCILS_PER_REGION], full=rng.random() < 0.5,
        )  # fmt: skip
        files.extend(_council(rng, council, names, manifest))
    for rel, text in files:
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        manifest.files += 1
        manifest.bytes += len(data)
    (out / MANIFEST).write_text(
        json.dumps({"generator": GENERATOR_VERSION, **manifest.__dict__}, indent=1) + "\n"
    )
    return manifest


def _settings(councils: int) -> tuple[str, str]:
    text = (
        "# Settings for the synthetic register (benchmarks/generate.py)\n"
        f"name: Synthetic governance register ({councils} councils)\n"
        "review_interval_months: 12\n"
        "large_membership: 25\n"
        "many_roles: 5\n"
    )
    return "govgraph.yaml", text


def _shared(regions: list[Region], manifest: Manifest) -> tuple[str, str]:
    f = YamlFile("shared/organisations.yaml", "Agencies shared by the councils of each area")
    f.add("organisations:")
    national = (
        ("nhs-england", "NHS England", "nhs", None, None, None),
        ("phe", "Public Health England", "government", "2013-04-01", "2021-09-30", "ukhsa"),
        ("ukhsa", "UK Health Security Agency", "government", "2021-10-01", None, None),
        ("ofsted", "Ofsted", "regulator", None, None, None),
    )
    for oid, name, kind, est, dis, succ in national:
        _org(f, oid, name, kind, [], est, dis, succ)
        manifest.count("organisations")
    for r in regions:
        f.add("", f"  # --- {r.name} ---")
        rows = (
            ("ccg", f"NHS {r.name} Clinical Commissioning Group", "nhs", ["ccg"],
             "2013-04-01", "2022-06-30", r.org("icb")),
            ("icb", f"NHS {r.name} Integrated Care Board", "nhs",
             ["icb", "safeguarding-partner"], "2022-07-01", None, None),
            ("police", f"{r.name} Police", "police", ["police", "safeguarding-partner"],
             None, None, None),
            ("pcc", f"Office of the Police and Crime Commissioner for {r.name}", "police",
             ["pcc"], "2012-11-22", None, None),
            ("fire", f"{r.name} Fire and Rescue Service", "fire", ["fire"], None, None, None),
            ("crc", f"{r.name} Community Rehabilitation Company", "justice", ["probation"],
             "2015-02-01", "2021-06-25", r.org("probation")),
            ("probation", f"Probation Service, {r.name} Region", "justice", ["probation"],
             "2021-06-26", None, None),
            ("acute", f"{r.name} Acute Hospitals NHS Trust", "nhs", ["nhs-trust"],
             None, None, None),
            ("mh", f"{r.name} Health and Care NHS Trust", "nhs", ["nhs-trust"],
             None, None, None),
        )  # fmt: skip
        for key, name, kind, tags, est, dis, succ in rows:
            _org(f, r.org(key), name, kind, tags, est, dis, succ)
            manifest.count("organisations")
    return f.rel, f.text()


def _org(
    f: YamlFile,
    oid: str,
    name: str,
    kind: str,
    tags: list[str],
    established: str | None,
    dissolved: str | None,
    succeeded_by: str | None,
) -> None:
    f.add(f"  - id: {oid}", f"    name: {q(name)}", f"    kind: {kind}")
    if tags:
        f.add(f"    tags: [{', '.join(tags)}]")
    if established:
        f.add(f"    established: {established}")
    if dissolved:
        f.add(f"    dissolved: {dissolved}")
    if succeeded_by:
        f.add(f"    succeeded_by: {succeeded_by}")


def _council(
    rng: random.Random, c: Council, names: list[str], manifest: Manifest
) -> list[tuple[str, str]]:
    base = f"councils/{c.slug}"
    out = [_organisations(rng, c, names, base, manifest)]
    people, posts = _people_and_posts(rng, c, base, manifest)
    out += [people, posts]
    out += write_bodies(rng, c, base, manifest)
    return out


def _organisations(
    rng: random.Random, c: Council, names: list[str], base: str, manifest: Manifest
) -> tuple[str, str]:
    f = YamlFile(f"{base}/organisations.yaml", f"{c.name}: the council and its local partners")
    f.add("organisations:")
    rows: list[tuple[str, str, str, list[str], str | None, str | None, str | None]] = [
        ("council", c.name, "local-authority", ["local-authority", "safeguarding-partner"],
         None, None, None),
        ("link", f"{c.place} Local Involvement Network", "voluntary", ["healthwatch"],
         "2008-04-01", "2013-03-31", c.id("healthwatch")),
        ("healthwatch", f"Healthwatch {c.place}", "voluntary", ["healthwatch"],
         "2013-04-01", None, None),
        ("cvs", f"{c.place} Council for Voluntary Service", "voluntary", ["voluntary-sector"],
         None, None, None),
        ("hospice", f"St {rng.choice(FIRST_NAMES)}'s Hospice, {c.place}", "charity",
         ["voluntary-sector"], None, None, None),
        ("homes", f"{c.place} Homes", "housing", ["housing"], None, None, None),
        ("college", f"{c.place} College", "education", ["education"], None, None, None),
        ("chamber", f"{c.place} Chamber of Commerce", "business", ["business"], None, None,
         None),
        ("carers", f"Carers {c.place}", "charity", ["voluntary-sector"], None, None, None),
        ("mind", f"{c.place} Mind", "charity", ["voluntary-sector"], None, None, None),
    ]  # fmt: skip
    if c.kind == "County Council":
        for _ in range(rng.randint(4, 7)):
            district = f"{rng.choice(DISTRICT_WORDS)} {rng.choice(names[-100:])}"
            key = slug(district)
            if any(key == k for k, *_ in rows):
                continue
            rows.append((key, f"{district} District Council", "local-authority",
                         ["district-council", f"{c.slug}-district"], None, None,
                         None))  # fmt: skip
            c.districts.append((c.id(key), district))
    for key, name, kind, tags, est, dis, succ in rows:
        _org(f, c.id(key), name, kind, tags, est, dis, succ)
        c.orgs.append(c.id(key))
        manifest.count("organisations")
    return f.rel, f.text()


def _people_and_posts(
    rng: random.Random, c: Council, base: str, manifest: Manifest
) -> tuple[tuple[str, str], tuple[str, str]]:
    people = YamlFile(f"{base}/people.yaml", f"{c.name}: councillors and officers")
    people.add("people:", "  # Councillors (elections of 2017 and 2021)")
    used: set[str] = set()
    n_cllrs = rng.randint(50, 75)
    for pid, name in people_names(rng, n_cllrs, used, f"{c.slug}-cllr"):
        people.add(f"  - id: {pid}", f"    name: Cllr {name}")
        c.councillors.append(pid)
    for pid, name in people_names(rng, n_cllrs // 3, used, f"{c.slug}-cllr"):
        people.add(f"  - id: {pid}", f"    name: Cllr {name}", "    left: 2021-05-05")
        c.former.append(pid)
    manifest.count("people", len(c.councillors) + len(c.former))
    people.add("", "  # Officers of the council and its partners")
    posts = YamlFile(f"{base}/posts.yaml", f"{c.name}: portfolios, officer and partner posts")
    posts.add("posts:", "  # Cabinet portfolios, held by councillors")
    _portfolios(rng, c, posts, manifest)
    posts.add("", "  # Officers of the council and its partners")
    rows = _post_rows(c)
    vacant = rng.randrange(len(rows)) if rng.random() < 0.5 else -1
    for index, (key, title, org) in enumerate(rows):
        pid = c.id(key)
        c.posts[key] = pid
        posts.add(f"  - id: {pid}", f"    title: {q(title)}")
        if org:
            posts.add(f"    organisation: {org}")
        holders = _holders(rng, vacant=index == vacant)
        if index == vacant:
            c.vacant_post = pid
        if holders:
            posts.add("    holders:")
        named = people_names(rng, len(holders), used, c.slug)
        for (person, name), (start, end) in zip(named, holders, strict=True):
            people.add(f"  - id: {person}", f"    name: {q(name)}")
            manifest.count("people")
            span = f"from: {iso(start)}" + (f", to: {iso(end)}" if end else "")
            posts.add(f"      - {{person: {person}, {span}}}")
        manifest.count("posts")
    return (people.rel, people.text()), (posts.rel, posts.text())


def _post_rows(c: Council) -> list[tuple[str, str, str | None]]:
    """(key, title, organisation) of every officer and partner post of a council."""
    region = c.region
    partner_org = {
        "icb": region.org("icb"), "police": region.org("police"), "fire": region.org("fire"),
        "probation": region.org("probation"), "acute": region.org("acute"),
        "mh": region.org("mh"), "healthwatch": c.id("healthwatch"), "cvs": c.id("cvs"),
    }  # fmt: skip
    fill = {"c": c.name, "icb": f"NHS {region.name} ICB", "police": f"{region.name} Police",
            "fire": f"{region.name} Fire and Rescue Service",
            "acute": f"{region.name} Acute Hospitals NHS Trust",
            "mh": f"{region.name} Health and Care NHS Trust"}  # fmt: skip
    rows: list[tuple[str, str, str | None]] = [
        (k, t.format(**fill), c.id("council")) for k, t in OFFICER_POSTS
    ]
    rows += [(f"head-of-{slug(s)}", f"Head of {s}, {c.name}", c.id("council")) for s in SERVICES]
    rows += [
        (k, t.format(**{**fill, "c": c.place}), partner_org.get(o or ""))
        for k, t, o in PARTNER_POSTS
    ]
    return rows


def _portfolios(rng: random.Random, c: Council, posts: YamlFile, manifest: Manifest) -> None:
    """Cabinet posts: one holder for the 2017 term, one (or two after a reshuffle) since."""
    before = rng.sample(c.councillors[:20] + c.former, len(PORTFOLIOS))
    after = c.councillors[2 : 2 + len(PORTFOLIOS)]
    for (key, title), old, new in zip(PORTFOLIOS, before, after, strict=True):
        pid = c.id(key)
        c.posts[key] = pid
        posts.add(f"  - id: {pid}", f"    title: {q(f'{title}, {c.name}')}",
                  f"    organisation: {c.id('council')}", "    holders:",
                  f"      - {{person: {old}, from: 2017-05-25, to: 2021-05-05}}")  # fmt: skip
        if rng.random() < 0.3:
            posts.add(f"      - {{person: {new}, from: 2021-05-25, to: 2023-05-17}}")
            new = rng.choice(c.councillors[11:30])
            posts.add(f"      - {{person: {new}, from: 2023-05-18}}")
        else:
            posts.add(f"      - {{person: {new}, from: 2021-05-25}}")
        manifest.count("posts")


def _holders(rng: random.Random, vacant: bool) -> list[tuple[date, date | None]]:
    """The spans of a post's holders, oldest first; the last is open unless ``vacant``."""
    count = rng.choices((1, 2, 3), weights=(5, 4, 2))[0]
    start = day_between(rng, date(2010, 1, 1), date(2019, 1, 1))
    spans: list[tuple[date, date | None]] = []
    for i in range(count):
        end = day_between(rng, start + timedelta(days=300), start + timedelta(days=1500))
        if i == count - 1 or end >= AS_OF - timedelta(days=60):
            break
        spans.append((start, end))
        start = end + timedelta(days=rng.choice((1, 1, 14, 60)))
    # the last holder is still in post, or (vacant) left before the register's date
    last = min(start + timedelta(days=rng.randrange(20, 400)), AS_OF - timedelta(days=1))
    spans.append((start, last if vacant else None))
    return spans


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("scale", nargs="?", choices=sorted(SCALES), default="council")
    parser.add_argument("--councils", type=int, help="number of councils (overrides SCALE)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, help="folder to write (default benchmarks/data/SCALE)")
    args = parser.parse_args(argv)
    councils = args.councils or SCALES[args.scale]
    out = args.out or Path(__file__).resolve().parent / "data" / args.scale
    manifest = generate(out, councils, args.seed)
    counts = ", ".join(f"{n:,} {what}" for what, n in sorted(manifest.counts.items()))
    print(f"{out}: {manifest.files:,} files, {manifest.bytes / 1e6:.1f} MB; {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
