"""One benchmark stage, run in a fresh Python process by ``run.py``.

    python benchmarks/stages.py STAGE MODEL_DIR [--as-of DATE] [--limit N]

Prints one JSON object: the stage's own times in seconds (imports excluded),
the process's peak resident memory in MB, and anything else worth reporting.
A fresh process per measurement keeps stages from warming each other up.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

Result = dict[str, Any]

# The govgraph of this checkout, not a copy that `pip install .` left in site-packages.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def model_files(root: Path, suffix: str = ".yaml") -> list[Path]:
    """The model's files, as govgraph reads them (hidden folders skipped)."""
    return sorted(
        p for p in root.rglob(f"*{suffix}") if not any(part.startswith(".") for part in p.parts)
    )


def _texts(root: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in model_files(root)]


def _timed(function: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = function()
    return time.perf_counter() - start, value


def parse_pyyaml(root: Path, args: argparse.Namespace) -> Result:
    """PyYAML alone, every file, results kept (as any loader must keep them)."""
    import yaml

    loader: Any = {"c": yaml.CSafeLoader, "python": yaml.SafeLoader}[args.variant]
    texts = _texts(root)
    if args.no_gc:
        gc.disable()
    seconds, _ = _timed(lambda: [yaml.load(text, Loader=loader) for text in texts])
    return {"seconds": seconds}


def parse_json(root: Path, args: argparse.Namespace) -> Result:
    """The same data as JSON (written by run.py), parsed by the standard library."""
    texts = [p.read_text(encoding="utf-8") for p in model_files(root, ".json")]
    seconds, _ = _timed(lambda: [json.loads(text) for text in texts])
    return {"seconds": seconds}


def parse_yaml_rs(root: Path, args: argparse.Namespace) -> Result:
    """yaml-rs (Rust): YAML 1.2 data, no positions."""
    import yaml_rs

    texts = _texts(root)
    seconds, _ = _timed(lambda: [yaml_rs.loads(t, parse_datetime=False) for t in texts])
    return {"seconds": seconds}


def parse_ryml(root: Path, args: argparse.Namespace) -> Result:
    """rapidyaml: its C++ tree only; no Python objects are built."""
    import ryml

    blobs = [p.read_bytes() for p in model_files(root)]
    seconds, _ = _timed(lambda: [ryml.parse_in_arena(blob) for blob in blobs])
    return {"seconds": seconds}


def parse_govgraph(root: Path, args: argparse.Namespace) -> Result:
    """govgraph's positioned parser alone (YMaps with lines, safety checks)."""
    from govgraph.yamlread import parse_yaml

    texts = _texts(root)
    gc.disable()  # as the loader runs it
    seconds, _ = _timed(lambda: [parse_yaml(text) for text in texts])
    return {"seconds": seconds}


def pipeline(root: Path, args: argparse.Namespace) -> Result:
    """Library calls as a notebook user makes them: load, build_graph, audit."""
    from govgraph import build_graph, load
    from govgraph.audit import audit
    from govgraph.cache import command_session

    session = command_session(use_cache=args.cache)
    if args.as_command:  # the settings the govgraph command runs with (GC paused)
        session.__enter__()  # kept referenced: dropping it would end the session
    loaded, model = _timed(lambda: load(root, cache=args.cache))
    built, graph = _timed(lambda: build_graph(model))
    audited, result = _timed(lambda: audit(model, graph, on=args.as_of))
    return {
        "load": loaded,
        "graph": built,
        "audit": audited,
        "seconds": loaded + built,
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "findings": len(result.findings),
        "counts": model.counts(),
    }


def check_path(root: Path, args: argparse.Namespace) -> Result:
    """What ``govgraph check`` does, timed in its two parts: load the model, then
    audit it (no graph: the built-in checks do not need one), with the command's
    settings (GC paused)."""
    from govgraph import load
    from govgraph.audit import audit
    from govgraph.cache import command_session

    with command_session(use_cache=args.cache):
        loaded, model = _timed(lambda: load(root, cache=args.cache))
        audited, result = _timed(lambda: audit(model, on=args.as_of))
    return {"load": loaded, "audit": audited, "seconds": audited, "findings": len(result.findings)}


def insights_path(root: Path, args: argparse.Namespace) -> Result:
    """What ``govgraph insights`` does after loading: build the graph, then every
    insight (shape, single points, key people, overlap, load, plans), timed apart."""
    from govgraph import build_graph, load
    from govgraph.cache import command_session
    from govgraph.insights import insights

    with command_session(use_cache=args.cache):
        loaded, model = _timed(lambda: load(root, cache=args.cache))
        built, graph = _timed(lambda: build_graph(model))
        seconds, found = _timed(lambda: insights(model, graph, args.as_of))
    return {
        "load": loaded,
        "graph": built,
        "seconds": seconds,
        "tiers": [len(tier) for tier in found.shape.tiers],
        "single_points": len(found.single_points),
        "overlaps": len(found.overlaps),
        "key_members": len(found.key_members),
    }


def render(root: Path, args: argparse.Namespace) -> Result:
    """govgraph's chart: the whole model drawn (or the default readable view)."""
    from govgraph import build_graph, load
    from govgraph.audit import audit

    try:
        from govgraph.render import render_chart
    except ImportError:
        return {"skipped": "govgraph.render.render_chart is not there yet"}
    model = load(root)
    graph = build_graph(model)
    result = audit(model, graph, on=args.as_of)
    if args.variant == "data":  # the chart data alone, every node: what pyvis is timed on
        from govgraph.collector import collector_paused
        from govgraph.render.data import chart_data
        from govgraph.render.html import embedded_json
        from govgraph.render.view import choose_view

        def data() -> tuple[str, str]:
            view = choose_view(graph, whole=True)
            built = chart_data(result, graph, view, members=True, focus=None, title="x")
            return embedded_json(built)  # as the page embeds it

        with collector_paused():  # as the govgraph command runs (and render_chart builds)
            seconds, (drawing, details) = _timed(data)
        return {
            "seconds": seconds,
            "nodes": graph.number_of_nodes(),
            "json_mb": (len(drawing.encode()) + len(details.encode())) / 1e6,
        }
    whole = args.variant == "whole"
    seconds, html = _timed(lambda: render_chart(result, graph, whole=whole))
    return {"seconds": seconds, "html_mb": len(html.encode()) / 1e6}


def pyvis_path(root: Path, args: argparse.Namespace) -> Result:
    """pyvis's own path to chart data: ``Network.from_nx`` (``add_node`` per node)
    on the first ``--limit`` nodes of the model's graph, then its JSON."""
    import networkx as nx
    from pyvis.network import Network

    from govgraph import build_graph, load

    graph = build_graph(load(root))
    keep = list(graph.nodes)[: args.limit or None]
    simple = nx.DiGraph()
    for node in keep:
        simple.add_node(node, label=graph.nodes[node]["name"], title=graph.nodes[node]["type"])
    kept = set(keep)
    simple.add_edges_from(
        (u, v, {"title": d["relation"]})
        for u, v, d in graph.edges(data=True)
        if u in kept and v in kept
    )

    def chart_data() -> str:
        net = Network(directed=True)
        net.from_nx(simple)
        nodes, edges, _, _, _, _ = net.get_network_data()
        return json.dumps({"nodes": nodes, "edges": edges})

    seconds, _ = _timed(chart_data)
    return {"seconds": seconds, "nodes": simple.number_of_nodes()}


def draw(root: Path, args: argparse.Namespace) -> Result:
    """How long headless Chromium takes to first draw a chart of ``--limit`` bodies
    (members left out, so one node per body): from the start of navigation to
    vis-network's first ``afterDrawing``, which the page records on ``#network``."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {"skipped": "playwright is not installed (pip install playwright)"}
    import tempfile

    from govgraph import build_graph, load
    from govgraph.audit import audit
    from govgraph.render import render_chart

    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        return {"skipped": "no Chromium at /usr/bin/chromium (apt-get install chromium)"}
    model = load(root)
    graph = build_graph(model)
    result = audit(model, graph, on=args.as_of)
    bodies = list(model.bodies)[: args.limit or None]
    html = render_chart(result, graph, bodies=bodies, members=False, whole=False)
    with tempfile.TemporaryDirectory() as folder:
        page_file = Path(folder) / "chart.html"
        page_file.write_text(html, encoding="utf-8")
        url = page_file.as_uri()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(chromium),
                headless=True,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            try:
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                page.route("**/*", lambda r: r.continue_() if r.request.url == url else r.abort())
                page.goto(url)
                page.wait_for_selector("#network[data-ready=true]", timeout=120_000)
                drawn_ms = float(page.get_attribute("#network", "data-drawn-ms") or "nan")
                nodes = page.evaluate("govgraph.network.body.nodeIndices.length")
            finally:
                browser.close()
    return {"seconds": drawn_ms / 1000, "nodes": nodes, "html_mb": len(html.encode()) / 1e6}


STAGES: dict[str, Callable[[Path, argparse.Namespace], Result]] = {
    "parse-pyyaml": parse_pyyaml,
    "parse-json": parse_json,
    "parse-yaml-rs": parse_yaml_rs,
    "parse-ryml": parse_ryml,
    "parse-govgraph": parse_govgraph,
    "pipeline": pipeline,
    "check-path": check_path,
    "insights": insights_path,
    "render": render,
    "pyvis": pyvis_path,
    "draw": draw,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("stage", choices=sorted(STAGES))
    parser.add_argument("model", type=Path)
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2024, 3, 31))
    parser.add_argument("--variant", default="c")
    parser.add_argument("--no-gc", action="store_true")
    parser.add_argument("--cache", action="store_true")
    parser.add_argument("--as-command", action="store_true")
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args(argv)
    result = STAGES[args.stage](args.model, args)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    json.dump(result, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
