"""The benchmark's report: a table of stages per scale, then the speed and memory targets."""

from __future__ import annotations

import argparse
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Row:
    """One measured stage at one scale: its times in seconds (one per run)."""

    scale: str
    key: str
    label: str
    times: list[float] = field(default_factory=list)
    peak_mb: float = 0.0
    note: str = ""

    @property
    def median(self) -> float | None:
        return statistics.median(self.times) if self.times else None


def _seconds(value: float | None) -> str:
    if value is None:
        return "–"
    if value == float("inf"):
        return "timeout"
    return f"{value:.3f}" if value < 10 else f"{value:.1f}"


def print_report(
    rows: list[Row], extra: dict[str, Any], machine: str, args: argparse.Namespace
) -> None:
    print(f"\nMachine: {machine}. Median of {args.repeat} runs (peers: {args.peer_repeat}).")
    for scale in dict.fromkeys(r.scale for r in rows):
        counts = extra[scale]["manifest"]
        described = ", ".join(f"{n:,} {what}" for what, n in sorted(counts.items()))
        print(f"\n### {scale}: {described}\n")
        print("| stage | median s | runs | peak MB | note |")
        print("|---|---:|---:|---:|---|")
        for row in (r for r in rows if r.scale == scale):
            peak = f"{row.peak_mb:,.0f}" if row.peak_mb else "–"
            median = _seconds(row.median)
            print(f"| {row.label} | {median} | {len(row.times)} | {peak} | {row.note} |")
        _print_positions(scale, extra[scale])
    print("\n### Targets\n")
    print("| target | measured | result |")
    print("|---|---|---|")
    for target, measured, ok in targets(rows, extra):
        print(f"| {target} | {measured} | {'PASS' if ok else 'FAIL' if ok is False else 'n/a'} |")


def _print_positions(scale: str, extra: dict[str, Any]) -> None:
    found = extra.get("positions")
    if found and "error" not in found:
        print(
            f"\nPositions: {found['found']} of {found['checkable']} planted problems of "
            f"registered checks found at their file and line ({found['planted']} planted, "
            f"{found['findings']:,} findings in all)."
        )
        for missing in found["missing"]:
            print(f"  not found: {missing}")
    imports = extra.get("imports")
    if imports:
        listed = ", ".join(f"{name} {ms:.0f}" for name, ms in imports)
        print(f"\nStart-up (`python -X importtime`, cumulative ms): {listed}.")
    error = extra.get("load_error")
    if error:
        verdict = "named" if error["found"] else "NOT named"
        print(
            f"Load error at scale: a broken date at {error['expected']} was {verdict} "
            f"(exit {error['exit']}, {error['seconds']:.2f} s)."
        )
        if not error["found"]:
            print(f"  it said: {error.get('said', '')}")


def targets(rows: list[Row], extra: dict[str, Any]) -> list[tuple[str, str, bool | None]]:
    """(target, what was measured, met?) for every target that this run can judge."""
    table = {(r.scale, r.key): r for r in rows}

    def median(scale: str, key: str) -> float | None:
        row = table.get((scale, key))
        return row.median if row else None

    def peak(scale: str, *keys: str) -> float | None:
        peaks = [table[(scale, k)].peak_mb for k in keys if (scale, k) in table]
        return max(peaks) if peaks else None

    out: list[tuple[str, str, bool | None]] = []

    def ratio(scale: str, label: str, top: str, bottom: str, test: Callable[[float], bool]) -> None:
        a, b = median(scale, top), median(scale, bottom)
        if a is None or b is None or not b:
            return
        value = a / b
        measured = f"{_seconds(a)} s / {_seconds(b)} s = {value:.2f}"
        out.append((f"{scale}: {label}", measured, test(value)))

    for scale in ("fifty", "national"):
        ratio(scale, "check-jsonschema ÷ govgraph check (no cache) ≥ 20", "check-jsonschema",
              "check-cold", lambda v: v >= 20)  # fmt: skip
        ratio(scale, "govgraph check (no cache) ÷ PyYAML C parse ≤ 3", "check-cold", "parse-c",
              lambda v: v <= 3)  # fmt: skip
        ratio(scale, "govgraph check (no cache) ÷ C parse with GC paused (stricter)",
              "check-cold", "parse-c-nogc", lambda v: v <= 3)  # fmt: skip
        ratio(scale, "govgraph check (warm cache) ÷ PyYAML C parse ≤ 1", "check-warm", "parse-c",
              lambda v: v <= 1)  # fmt: skip
        ratio(scale, "govgraph check (no cache) ÷ govgraph's own parse (strictest) ≤ 3",
              "check-cold", "parse-govgraph", lambda v: v <= 3)  # fmt: skip
        ratio(scale, "govgraph check (warm cache) ÷ govgraph's own parse (strictest) ≤ 1",
              "check-warm", "parse-govgraph", lambda v: v <= 1)  # fmt: skip
        ratio(scale, "pyvis chart data ÷ govgraph chart data ≥ 50", "pyvis", "chart-data",
              lambda v: v >= 50)  # fmt: skip
    for scale in ("fifty", "national"):
        ratio(scale, "load + build_graph ÷ PyYAML C parse ≤ 2", "load+graph",
              "parse-c", lambda v: v <= 2)  # fmt: skip
        ratio(scale, "the same, GC paused as the command runs it", "load+graph-cmd",
              "parse-c", lambda v: v <= 2)  # fmt: skip
    audit = median("national", "audit-cmd")
    if audit is not None:
        out.append(("national: the checks after loading < 1 s", f"{audit:.2f} s",
                    audit < 1))  # fmt: skip
    found = median("national", "insights")
    if found is not None:
        out.append(("national: govgraph insights after loading < 5 s", f"{found:.2f} s",
                    found < 5))  # fmt: skip
    top = peak("national", "check-cold", "check-fill", "check-warm", "load", "load+graph-cmd")
    if top is not None:
        out.append(("national: peak memory < 2 GB", f"{top:,.0f} MB", top < 2048))
    drawn = median("fifty", "draw")
    if drawn is not None:
        out.append(("fifty: a 2,000-body chart first drawn in Chromium < 1 s", f"{drawn:.2f} s",
                    drawn < 1))  # fmt: skip
    for key, label in (("check-cold", "no cache"), ("check-warm", "warm cache")):
        value = median("council", key)
        if value is not None:
            out.append((f"council: whole `govgraph check` ({label}) < 0.5 s", f"{value:.3f} s",
                        value < 0.5))  # fmt: skip
    for scale, found in ((s, e.get("positions")) for s, e in extra.items()):
        if found and "error" not in found:
            ok = found["found"] == found["checkable"]
            out.append((f"{scale}: planted findings at their file and line",
                        f"{found['found']}/{found['checkable']}", ok))  # fmt: skip
    return out
