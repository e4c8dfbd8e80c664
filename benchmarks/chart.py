"""The interactive chart in headless Chromium: first draw and frame rates, against pyvis.

    python benchmarks/chart.py                     # 200, 2,000 and 20,000 bodies, 3 runs each
    python benchmarks/chart.py --scales 200 --repeat 1
    python benchmarks/chart.py --json chart.json   # keep every run's figures

For each scale (a synthetic register from ``generate.py``: 4, 35 and 350 councils,
about 230, 2,000 and 19,900 bodies), with and without members, it writes
govgraph's page (``govgraph render``) and pyvis's default output for the same
nodes and reporting lines (``pyvis.network.Network()`` with its defaults,
resources in line so that it runs offline), then opens each in a fresh headless
Chromium page, alternating the two (govgraph, pyvis, govgraph, pyvis ...), and
measures:

* **first draw**: milliseconds from navigation to vis-network's first
  ``afterDrawing`` (the same hook in both pages, set before any script runs);
* **pan, zoom**: frames a second over 60 frames, each moving or zooming the view
  and redrawing (after the page has finished loading);
* **expand** (govgraph): frames a second over 20 frames, each expanding or
  collapsing one block of the overview in place;
* **pan, all expanded** (govgraph): as pan, with every block expanded, and then
  with every member drawn too (on the page with members).

It prints medians with the min-max range. A run that does not draw within
``--timeout`` seconds is recorded as that (pyvis's physics does not settle on
large charts), and not repeated. Timings depend on the machine: compare the two
columns of one run, not runs on different machines.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))

from generate import generate  # noqa: E402

AS_OF = "2024-03-31"
COUNCILS = {200: 4, 2000: 35, 20000: 350}
CHROMIUM = "/usr/bin/chromium"

#: Runs before the page's scripts: notes when vis-network first draws, in either page.
FIRST_DRAW_HOOK = """
(() => {
  let vis, wrapped = false;
  Object.defineProperty(window, "vis", {
    configurable: true,
    set(value) { vis = value; },
    get() {
      // vis-network fills in its exports after it sets window.vis: wrap on first use.
      if (!wrapped && vis && vis.Network) {
        wrapped = true;
        const Network = vis.Network, emit = Network.prototype.emit;
        // The network is its own event emitter: its first "afterDrawing" may come
        // while it is being built, before a listener could be added.
        Network.prototype.emit = function (event, ...args) {
          if (event === "afterDrawing" && window.__firstDraw === undefined) {
            window.__firstDraw = performance.now();
          }
          return emit.call(this, event, ...args);
        };
        const Wrapped = function (...args) {
          const network = new Network(...args);
          window.__network = network;
          return network;
        };
        Wrapped.prototype = Network.prototype;
        vis.Network = Wrapped;
      }
      return vis;
    }
  });
})();
"""

#: Frames a second over ``frames`` frames, each changing the view with ``step(i)`` and
#: redrawing; run in the page.
FRAMES = """
async ([kind, frames]) => {
  const network = window.__network;
  const start = network.getViewPosition(), scale = network.getScale();
  const tops = window.govgraph ? govgraph.data.layout.blocks.map(b => b[0]) : [];
  const step = {
    pan: i => network.moveTo({
      position: { x: start.x + (i % 20) * 15, y: start.y }, animation: false
    }),
    zoom: i => network.moveTo({ scale: scale * (i % 2 ? 1.05 : 1 / 1.05), animation: false }),
    expand: i => govgraph.expand(tops[Math.floor(i / 2) % tops.length], i % 2 === 0),
  }[kind];
  await new Promise(requestAnimationFrame);
  const began = performance.now();
  for (let i = 0; i < frames; i++) {
    step(i);
    network.redraw();
    await new Promise(requestAnimationFrame);
  }
  return frames / ((performance.now() - began) / 1000);
}
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scales", default="200,2000,20000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=90.0, help="seconds to wait for a draw")
    parser.add_argument("--json", type=Path, help="write every run's figures here")
    parser.add_argument("--work", type=Path, help="folder for the data and pages (default: temp)")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="govgraph-chart-bench-"))
    results: dict[str, Any] = {}
    for scale in (int(s) for s in args.scales.split(",")):
        pages = write_pages(work, scale)
        for members in (False, True):
            key = f"{scale}{' with members' if members else ''}"
            results[key] = measure(pages[members], args.repeat, args.timeout)
            print_table(key, results[key])
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


def write_pages(work: Path, scale: int) -> dict[bool, dict[str, Path]]:
    """govgraph's and pyvis's pages for the register of ``scale`` bodies, with and without
    members."""
    model = work / f"register-{scale}"
    if not (model / "govgraph.yaml").exists():
        generate(model, COUNCILS[scale])
    pages: dict[bool, dict[str, Path]] = {}
    for members in (False, True):
        suffix = "-members" if members else ""
        ours = work / f"govgraph-{scale}{suffix}.html"
        flag = "--members" if members else "--no-members"
        command = [sys.executable, "-m", "govgraph", "render", str(model), "--as-of", AS_OF]
        subprocess.run([*command, flag, "--force", "-o", str(ours)], check=True, cwd=REPO)
        theirs = work / f"pyvis-{scale}{suffix}.html"
        write_pyvis(model, theirs, members)
        pages[members] = {"govgraph": ours, "pyvis": theirs}
    return pages


def write_pyvis(model_dir: Path, out: Path, members: bool) -> None:
    """pyvis's default output for the model's bodies and reporting lines (and members).

    The nodes and edges are set directly: pyvis's add_node checks every node added
    against every other, which takes minutes for tens of thousands of nodes and is not
    what is measured here.
    """
    from pyvis.network import Network

    from govgraph import load

    model = load(model_dir)
    net = Network(cdn_resources="in_line")
    ids: list[str] = []
    for body in model.bodies.values():
        net.nodes.append({"id": body.id, "label": body.name, "shape": "dot", "size": 10})
        ids.append(body.id)
        for line in body.reports_to:
            net.edges.append({"from": body.id, "to": line.body})
    if members:
        seen: set[str] = set()
        for body in model.bodies.values():
            for m in body.members:
                if m.member not in seen:
                    seen.add(m.member)
                    entity = model.get(m.member)
                    name = entity.name if entity is not None else m.member
                    net.nodes.append({"id": m.member, "label": name, "shape": "dot", "size": 10})
                    ids.append(m.member)
                net.edges.append({"from": m.member, "to": body.id})
    net.node_ids = ids
    net.write_html(str(out))


def measure(pages: dict[str, Path], repeat: int, timeout: float) -> dict[str, Any]:
    """Every figure of every run, govgraph and pyvis alternated."""
    from playwright.sync_api import sync_playwright

    runs: dict[str, list[dict[str, float | None]]] = {"govgraph": [], "pyvis": []}
    timed_out: set[str] = set()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"], headless=True
        )
        try:
            for _ in range(repeat):
                for tool in ("govgraph", "pyvis"):
                    if tool in timed_out:
                        continue
                    figures = one_run(browser, pages[tool], tool == "govgraph", timeout)
                    runs[tool].append(figures)
                    if figures["first_draw_ms"] is None:
                        timed_out.add(tool)
        finally:
            browser.close()
    return {"runs": runs, "timeout_s": timeout}


def one_run(browser: Any, page_file: Path, ours: bool, timeout: float) -> dict[str, float | None]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    url = page_file.resolve().as_uri()
    page.route("**/*", lambda r: r.continue_() if r.request.url == url else r.abort())
    page.add_init_script(FIRST_DRAW_HOOK)
    figures: dict[str, float | None] = {"first_draw_ms": None}
    try:
        page.goto(url, wait_until="commit")
        figures["first_draw_ms"] = poll(page, "window.__firstDraw", timeout)
        poll(page, "document.readyState === 'complete' || undefined", timeout)
        figures["pan_fps"] = page.evaluate(FRAMES, ["pan", 60])
        figures["zoom_fps"] = page.evaluate(FRAMES, ["zoom", 60])
        if ours:
            figures["expand_fps"] = page.evaluate(FRAMES, ["expand", 20])
            page.evaluate("document.getElementById('expand-all').click()")
            figures["pan_expanded_fps"] = page.evaluate(FRAMES, ["pan", 60])
            if page.evaluate("govgraph.data.meta.members"):
                page.evaluate("govgraph.setMembers('all')")
                figures["pan_members_fps"] = page.evaluate(FRAMES, ["pan", 60])
    except Exception as error:  # a timeout: recorded as no figure
        print(f"  {page_file.name}: {str(error).splitlines()[0]}", file=sys.stderr)
    finally:
        context.close()
    return figures


def poll(page: Any, expression: str, timeout: float) -> Any:
    """The value of ``expression`` in the page once it is defined, asked every 50 ms.

    (Playwright's wait_for_function evaluates strings, which govgraph's page forbids.)
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = page.evaluate(expression)
        if value is not None:
            return value
        page.wait_for_timeout(50)
    raise TimeoutError(f"{expression} after {timeout:.0f} s")


def summary(values: list[float | None], unit: str, timeout: float) -> str:
    known = [v for v in values if v is not None]
    if not known:
        return f"no draw in {timeout:.0f} s" if values else "—"
    middle, low, high = statistics.median(known), min(known), max(known)
    if unit == "ms":
        return f"{middle:,.0f} ms ({low:,.0f}–{high:,.0f})"
    return f"{middle:.0f} fps ({low:.0f}–{high:.0f})"


ROWS = (
    ("first_draw_ms", "first draw", "ms"),
    ("pan_fps", "pan", "fps"),
    ("zoom_fps", "zoom", "fps"),
    ("expand_fps", "expand / collapse a block", "fps"),
    ("pan_expanded_fps", "pan, every block expanded", "fps"),
    ("pan_members_fps", "pan, every block expanded, all members drawn", "fps"),
)


def print_table(key: str, result: dict[str, Any]) -> None:
    runs, timeout = result["runs"], result["timeout_s"]
    print(f"\n{key} bodies ({len(runs['govgraph'])} runs each; median, min–max)\n")
    print("| | govgraph | pyvis default |\n|---|---:|---:|")
    for field, label, unit in ROWS:
        cells = []
        for tool in ("govgraph", "pyvis"):
            drew = any(run["first_draw_ms"] is not None for run in runs[tool])
            if tool == "pyvis" and field in ("expand_fps", "pan_expanded_fps", "pan_members_fps"):
                cells.append("n/a")
            elif field != "first_draw_ms" and not drew:
                cells.append("—")
            elif not any(field in run for run in runs[tool]) and field != "first_draw_ms":
                cells.append("—")  # not measured on this page (no members to draw)
            else:
                cells.append(summary([run.get(field) for run in runs[tool]], unit, timeout))
        print(f"| {label} | {cells[0]} | {cells[1]} |")
    sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
