"""Terminal text for the explore data: the dicts of :mod:`govgraph.explore.data`.

Only formatting lives here, so text, JSON and the static site never disagree
about what is true.
"""

from __future__ import annotations

import csv
import io
import textwrap
from collections.abc import Iterable, Sequence
from itertools import zip_longest
from typing import Any

from govgraph.terminal import output_width

Data = dict[str, Any]
BRANCH = "└─ "


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    indent: str = "  ",
    width: int | None = None,
) -> list[str]:
    """Left-aligned columns, two spaces apart, trailing spaces trimmed, fitted to
    ``width`` (default: the terminal's) by wrapping the widest columns' cells."""
    body = [list(map(str, row)) for row in rows]
    widths = [max(len(str(c)) for c in column) for column in zip(headers, *body, strict=False)]
    room = (width or output_width()) - len(indent) - 2 * (len(widths) - 1)
    widths = _shrunk(widths, [len(h) for h in headers], room)
    lines = []
    for row in [list(headers), *body]:
        cells = [_wrapped(cell, w) for cell, w in zip(row, widths, strict=False)]
        for parts in zip_longest(*cells, fillvalue=""):
            padded = [part.ljust(w) for part, w in zip(parts, widths, strict=False)]
            lines.append((indent + "  ".join(padded)).rstrip())
    return lines


def fit(lines: Iterable[str], width: int | None = None) -> list[str]:
    """Each line wrapped at ``width`` (default: the terminal's), going on two spaces in
    from where it began; tables (already fitted) pass unchanged."""
    width = width or output_width()
    out = []
    for line in lines:
        if len(line) <= width:
            out.append(line)
            continue
        start = next((i for i, c in enumerate(line) if c.isalnum()), 0)  # after "└─ "
        hang = " " * (start + 2)
        out.extend(textwrap.wrap(line, width, subsequent_indent=hang, break_on_hyphens=False))
    return out


#: The narrowest a wrapped column becomes (a header longer than this keeps its width);
#: a column no wider than SHORT_COLUMN (a date span, a role) is never wrapped.
MIN_COLUMN, SHORT_COLUMN = 12, 25


def _shrunk(widths: list[int], headers: list[int], room: int) -> list[int]:
    """Column widths that fit ``room``: each wide column gives up the same share of
    what it has beyond its floor, so a long name keeps more room than a short note."""
    floors = [
        w if w <= SHORT_COLUMN else max(h, MIN_COLUMN) for w, h in zip(widths, headers, strict=True)
    ]
    spare, excess = room - sum(floors), sum(widths) - sum(floors)
    if sum(widths) <= room or excess <= 0:
        return widths
    share = max(0.0, spare / excess)
    return [floor + int((w - floor) * share) for w, floor in zip(widths, floors, strict=True)]


def _wrapped(cell: str, width: int) -> list[str]:
    if len(cell) <= width:
        return [cell]
    return textwrap.wrap(cell, width, break_on_hyphens=False) or [""]


def label(entry: Data) -> str:
    """``Name (id)``."""
    return f"{entry['name']} ({entry['id']})"


def dates(entry: Data, start: str = "from", end: str = "to") -> str:
    begin, finish = entry.get(start), entry.get(end)
    if begin and finish:
        return f"{begin} to {finish}"
    if begin:
        return f"since {begin}"
    return f"until {finish}" if finish else ""


def _line_words(line: Data | None) -> str:
    if not line:
        return ""
    words = [line["frequency"] or "frequency not set"]
    if line["direction"] != "both":
        words.append(f"{line['direction']} only")
    if not line["last_reported"]:
        words.append("never reported")
    elif line.get("reported_after_as_of"):
        words.append(f"last reported {line['last_reported']}, after the as-of date")
    else:
        words.append(f"last reported {line['last_reported']}")
    return "; ".join(words)


# --- show -----------------------------------------------------------------------------------


def show_text(data: Data) -> list[str]:
    lines = [f"{data['name']} ({data['id']})", *_facts(data)]
    lines += ["", f"Members on {data['as_of']} ({len(data['members'])}):"]
    lines += members_table(data["members"]) if data["members"] else ["  none"]
    lines += ["", "Reports to:"]
    lines += [_reporting(line) for line in data["reports_to"]] or ["  no body"]
    lines += ["", "Reported to by:"]
    lines += [_reporting(line) for line in data["reported_to_by"]] or ["  no body"]
    lines += ["", "Chain to the top:"]
    lines += chains_text(data["chains"]) if data["chains"] else [_no_chain(data)]
    lines += ["", "Sub-bodies:"]
    lines += [
        "  " + "   " * (row["depth"] - 1) + BRANCH + label(row) for row in data["sub_bodies"]
    ] or ["  none"]
    lines += ["", f"Findings ({len(data['findings'])}):"]
    lines += [finding_line(f) for f in data["findings"]] or ["  none"]
    return lines


def _facts(data: Data) -> list[str]:
    kind = data["kind"] + (", root of the structure" if data["root"] else "")
    facts = [("Kind", kind), ("Status", _status(data))]
    if data["short_name"]:
        facts.insert(0, ("Short name", data["short_name"]))
    if data["hosted_by"]:
        facts.append(("Hosted by", label(data["hosted_by"])))
    if data["meets"]:
        facts.append(("Meets", data["meets"]))
    if data["predecessor"]:
        facts.append(("Replaced", label(data["predecessor"])))
    if data["successors"]:
        facts.append(("Replaced by", ", ".join(label(s) for s in data["successors"])))
    chairs = ", ".join(_member_name(c) for c in data["chairs"]) or "none on this date"
    facts.append(("Chair", chairs))
    facts.append(("Defined in", f"{data['file']}:{data['line']}"))
    width = max(len(name) for name, _ in facts)
    return [f"  {name + ':':<{width + 1}} {value}" for name, value in facts]


def _status(data: Data) -> str:
    span = dates(data, "established", "dissolved")
    if data["status"] == "current":
        return f"current ({span})" if span else "current"
    when = data["dissolved"] if data["status"] == "dissolved" else data["established"]
    verb = "dissolved" if data["status"] == "dissolved" else "established"
    return f"{verb} {when}: not current on {data['as_of']}"


def _member_name(entry: Data) -> str:
    name = f"{entry['name']} ({entry['member']})"
    if entry["kind"] == "post":
        held = ", ".join(p["name"] for p in entry["people"])
        name += f", held by {held}" if held else ", vacant"
    return name


def _reporting(line: Data) -> str:
    gone = "" if line["current"] else "  [not current on this date]"
    return f"  {label(line['body'])}: {_line_words(line)}{gone}"


def _no_chain(data: Data) -> str:
    if data["status"] != "current":
        return f"  none: the body is not current on {data['as_of']}"
    return "  none: its reporting lines reach no current root body"


def finding_line(finding: Data) -> str:
    where = f"{finding['file']}:{finding['line']}" if finding["file"] else ""
    return f"  {finding['severity']:<7} {finding['check']}: {finding['message']}  {where}".rstrip()


def members_table(members: list[Data]) -> list[str]:
    rows = [
        (
            m["role"] + ("" if m["voting"] else " (non-voting)"),
            _member_name(m),
            dates(m) or "-",
            m["term_ends"] or "-",
            _review(m),
        )
        for m in members
    ]
    return table(("ROLE", "MEMBER", "DATES", "TERM ENDS", "REVIEW"), rows)


def _review(member: Data) -> str:
    if member["review_status"] == "unknown":
        return "never reviewed (no start date)"
    last = f"reviewed {member['reviewed']}" if member["reviewed"] else "never reviewed"
    return f"{member['review_status']} ({last}, due {member['review_due']})"


# --- path -----------------------------------------------------------------------------------


def chains_text(chains: list[list[Data]]) -> list[str]:
    """Each chain drawn downwards-indented from the lower body to the top."""
    lines: list[str] = []
    for number, chain in enumerate(chains, start=1):
        margin = "  "
        if len(chains) > 1:
            lines.append(f"  Chain {number} of {len(chains)}:")
            margin = "    "
        for depth, step in enumerate(chain):
            root = "  [root]" if step.get("root") else ""
            via = f"  ({_line_words(step['via'])})" if step.get("via") else ""
            lead = margin + "   " * (depth - 1) + BRANCH if depth else margin
            lines.append(f"{lead}{label(step)}{root}{via}")
    return lines


def path_text(data: Data) -> list[str]:
    start, to = data["from"], data["to"]
    if to is None:
        if not data["chains"]:
            return [f"{label(start)} reaches no current root body on {data['as_of']}."]
        count = len(data["chains"])
        head = f"{label(start)} reports to the top through {count} chain{'s' * (count > 1)}"
        return [f"{head} on {data['as_of']}:", *chains_text(data["chains"])]
    if data["direction"] is None:
        return [
            f"No reporting chain joins {label(start)} and {label(to)} on {data['as_of']}: "
            "neither is above the other."
        ]
    upper, lower = (to, start) if data["direction"] == "up" else (start, to)
    return [
        f"{label(lower)} reports up to {label(upper)} on {data['as_of']}:",
        *chains_text(data["chains"]),
    ]


# --- seats ----------------------------------------------------------------------------------


def seats_text(data: Data) -> list[str]:
    member = data["member"]
    lines = [f"On {data['as_of']}, {data['summary']}."]
    if not data["seats"]:
        return lines
    rows = [
        (
            label(s["body"]),
            s["role"] + ("" if s["voting"] else " (non-voting)"),
            "direct" if s["through"]["id"] == member["id"] else s["through"]["name"],
            dates(s) or "-",
        )
        for s in data["seats"]
    ]
    return [*lines, "", *table(("BODY", "ROLE", "THROUGH", "DATES"), rows)]


# --- members --------------------------------------------------------------------------------


def members_text(data: Data) -> list[str]:
    body = data["body"]
    count = len(data["members"])
    if data["status"] != "current":
        return [f"{label(body)} is {data['status']} on {data['as_of']}: it has no members then."]
    head = f"{label(body)}: {count} member{'s' * (count != 1)} on {data['as_of']}"
    return [head, *members_table(data["members"])] if count else [head]


MEMBER_COLUMNS = (
    "member", "name", "kind", "role", "voting", "from", "to", "term_ends",
    "reviewed", "review_due", "review_status", "held_by", "note",
)  # fmt: skip


def members_csv(data: Data) -> str:
    """One row per current membership; a spreadsheet-friendly CSV with a header."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(MEMBER_COLUMNS)
    for m in data["members"]:
        row = {**m, "held_by": "; ".join(p["name"] for p in m["people"] if m["kind"] == "post")}
        row["voting"] = "yes" if m["voting"] else "no"
        writer.writerow([_csv_cell(row.get(c)) for c in MEMBER_COLUMNS])
    return out.getvalue()


def _csv_cell(value: Any) -> str:
    text = "" if value is None else str(value)
    # A cell starting with = + - @ is a formula to a spreadsheet: neutralise it.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
