"""Run every benchmark and print a table of stage times, ratios and peak memory.

    python benchmarks/run.py                         # council and fifty, 3 runs each
    python benchmarks/run.py --scales council,fifty,national
    python benchmarks/run.py --quick                 # council only, 1 run, no peers

Each measurement is a fresh process: Python stages through ``stages.py``
(time of the stage itself, imports excluded), commands such as ``govgraph
check`` and the peers timed from outside (wall clock, imports included). Peak
memory is each process's maximum resident set (``wait4``'s ``ru_maxrss``).
Times are medians of ``--repeat`` runs (peers: ``--peer-repeat``). The data is
written by ``generate.py`` under ``benchmarks/data/`` (git-ignored) when missing.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DATA = HERE / "data"
sys.path.insert(0, str(HERE))

from generate import GENERATOR_VERSION, MANIFEST, SCALES, generate  # noqa: E402
from positions import check_findings, check_load_error  # noqa: E402
from report import Row, print_report  # noqa: E402

AS_OF = "2024-03-31"
#: Modules whose start-up cost the report lists (with every govgraph.cli.* module).
NOTABLE_IMPORTS = {
    "govgraph", "govgraph.cli", "govgraph.graph", "govgraph.schema", "govgraph.packs",
    "govgraph.render", "networkx", "pydantic", "yaml", "click", "pyvis", "jinja2",
    "certifi", "requests", "asyncio",
}  # fmt: skip
PY = sys.executable


@dataclass
class Run:
    """One measured process."""

    seconds: float
    peak_mb: float
    code: int
    out: str = ""
    data: dict[str, Any] = field(default_factory=dict)


def wait_timed(command: list[str], env: dict[str, str], timeout: float) -> Run:
    """Run ``command``; its wall time, peak memory, exit code and output."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.DEVNULL, env=env)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
                os.wait4(process.pid, 0)
                return Run(float("inf"), 0.0, -9)
            time.sleep(0.005)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    return Run(seconds, usage.ru_maxrss / 1024, process.returncode, text)


class Bench:
    """Measures stages of one scale and collects the rows of the report."""

    def __init__(self, scale: str, root: Path, args: argparse.Namespace) -> None:
        self.scale, self.root, self.args = scale, root, args
        self.rows: list[Row] = []
        self.positions: dict[str, Any] | None = None
        self.load_error: dict[str, Any] | None = None
        self.imports: list[tuple[str, float]] | None = None
        self.cache = DATA / ".cache-bench"
        self.env = {**os.environ, "GOVGRAPH_CACHE_DIR": str(self.cache), "NO_COLOR": "1"}
        self.env.pop("GOVGRAPH_NO_CACHE", None)
        # The checkout's govgraph, whatever is installed: `pip install .` (as .ci/run
        # does) leaves a copy in site-packages that would otherwise be measured.
        self.env["PYTHONPATH"] = os.pathsep.join(
            filter(None, (str(REPO), os.environ.get("PYTHONPATH")))
        )
        # With its bytecode, as an installed govgraph (or a pre-commit hook) runs:
        # compiled once in main(), never per timed run.
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)

    def repeat(self, command: list[str], times: int, before: Any = None) -> list[Run]:
        runs = []
        for _ in range(times):
            if before is not None:
                before()
            run = wait_timed(command, self.env, self.args.timeout)
            if command[:2] == [PY, str(HERE / "stages.py")] and run.code == 0:
                run.data = json.loads(run.out.strip().splitlines()[-1])
            runs.append(run)
            if run.code == -9:
                break
        return runs

    def stage(
        self,
        key: str,
        label: str,
        stage: str,
        *extra: str,
        times: int = 0,
        root: Path | None = None,
    ) -> list[Run]:
        """A Python stage: its own time per run, measured inside the child."""
        model = str(root or self.root)
        command = [PY, str(HERE / "stages.py"), stage, model, "--as-of", AS_OF, *extra]
        runs = self.repeat(command, times or self.args.repeat)
        first = runs[0].data if runs else {}
        if first.get("skipped"):
            self.rows.append(Row(self.scale, key, label, [], note=first["skipped"]))
            return runs
        note = ""
        if "html_mb" in first:
            note = f"{first['html_mb']:.1f} MB of HTML"
        elif "nodes" in first:
            note = f"{first['nodes']:,} nodes"
        if any(r.code not in (0, -9) for r in runs):
            note = "failed: " + ", ".join(str(r.code) for r in runs)
        self.add(key, label, runs, "seconds", note)
        return runs

    def add(self, key: str, label: str, runs: list[Run], field_name: str, note: str = "") -> None:
        times = [r.data[field_name] if r.data else r.seconds for r in runs if r.code != -9]
        if any(r.code == -9 for r in runs):
            note = (note + "; " if note else "") + f"timed out after {self.args.timeout:.0f} s"
        peaks = [r.data.get("peak_mb", r.peak_mb) if r.data else r.peak_mb for r in runs]
        self.rows.append(Row(self.scale, key, label, times, max(peaks, default=0.0), note))

    def command(self, key: str, label: str, command: list[str], times: int = 0, **kw: Any) -> Run:
        runs = self.repeat(command, times or self.args.repeat, **kw)
        codes = sorted({r.code for r in runs})
        self.add(key, label, runs, "seconds", note=kw.get("note", "") or f"exit {codes}")
        return runs[0]


def ensure_data(scale: str, seed: int) -> Path:
    root = DATA / scale
    manifest = root / MANIFEST
    if manifest.exists():
        meta = json.loads(manifest.read_text())
        wanted = (GENERATOR_VERSION, seed, SCALES[scale])
        if (meta.get("generator"), meta.get("seed"), meta.get("councils")) == wanted:
            return root
    print(f"generating {scale} ...", file=sys.stderr)
    generate(root, SCALES[scale], seed)
    return root


def ensure_json(root: Path) -> Path:
    """The same data as JSON files (for the JSON reference), written once."""
    import yaml

    mirror = root.with_name(root.name + "-json")
    stamp = mirror / ".from"
    source = (root / MANIFEST).read_text()
    if stamp.exists() and stamp.read_text() == source:
        return mirror
    shutil.rmtree(mirror, ignore_errors=True)
    for path in sorted(root.rglob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        target = mirror / path.relative_to(root).with_suffix(".json")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(data, default=str), encoding="utf-8")
    stamp.write_text(source)
    return mirror


def has_module(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


def bench_parsers(b: Bench) -> None:
    b.stage("parse-c", "PyYAML C loader (CSafeLoader), results kept", "parse-pyyaml")
    b.stage("parse-c-nogc", "PyYAML C loader, cyclic GC paused", "parse-pyyaml", "--no-gc")
    if b.scale == "council":
        b.stage("parse-py", "PyYAML pure Python (SafeLoader)", "parse-pyyaml", "--variant=python")
    b.stage("parse-govgraph", "govgraph's parser (positions, safety checks)", "parse-govgraph")
    for module, key, label in (
        ("yaml_rs", "parse-yaml-rs", "yaml-rs (Rust; YAML 1.2, no positions)"),
        ("ryml", "parse-ryml", "rapidyaml, C++ tree only (no Python objects)"),
    ):
        if has_module(module):
            b.stage(key, label, key)
        else:
            b.rows.append(Row(b.scale, key, label, [], note="not installed"))
    mirror = ensure_json(b.root)
    b.stage("parse-json", "JSON of the same data (json.loads)", "parse-json", root=mirror)


def bench_library(b: Bench) -> None:
    runs = b.stage("pipeline", "(pipeline run)", "pipeline")
    b.rows.pop()  # reported as its three parts below
    for part, label in (
        ("load", "govgraph.load: parse + validate + references"),
        ("graph", "build_graph"),
        ("audit", "audit (every registered check)"),
    ):
        b.add(part, label, runs, part)
    b.add("load+graph", "load + build_graph", runs, "seconds")
    if runs and runs[0].data:
        b.rows[-1].note = f"{runs[0].data['nodes']:,} nodes, {runs[0].data['edges']:,} edges"
    runs = b.stage("(pipeline run)", "", "pipeline", "--as-command")
    b.rows.pop()
    b.add("load+graph-cmd", "load + build_graph, as the command runs them (GC paused)", runs,
          "seconds")  # fmt: skip
    runs = b.stage("(check run)", "", "check-path")
    b.rows.pop()  # load, then audit with no graph: what govgraph check does
    b.add("audit-cmd", "audit, as govgraph check runs it (after load, GC paused)", runs, "audit")
    runs = b.stage("insights", "insights, as govgraph insights runs them (after load + graph)",
                   "insights")  # fmt: skip
    if runs and runs[0].data:
        data = runs[0].data
        b.rows[-1].note = (f"{len(data['tiers'])} tiers, {data['single_points']:,} single points, "
                           f"{data['overlaps']:,} overlaps")  # fmt: skip


def bench_commands(b: Bench) -> None:
    gg = [PY, "-m", "govgraph"]
    check = ["check", "--as-of", AS_OF, "--format", "json", str(b.root)]
    b.command("import", "start-up: import govgraph.cli", [PY, "-c", "import govgraph.cli"])
    if b.scale == "council":
        b.imports = import_costs(b.env)
    cold = b.command("check-cold", "govgraph check, no cache", [*gg, "--no-cache", *check])
    b.positions = check_findings(b.root, cold.out)
    validate = [*gg, "--no-cache", "validate", str(b.root)]
    b.command("validate", "govgraph validate, no cache", validate)
    clear = lambda: shutil.rmtree(b.cache, ignore_errors=True)  # noqa: E731
    b.command("check-fill", "govgraph check, empty cache (fills it)", [*gg, *check], before=clear)
    b.command("check-warm", "govgraph check, warm cache", [*gg, *check])
    b.rows[-1].note = "unchanged model"
    edited = _edited_copy(b)
    b.command("check-1-edit", "govgraph check, warm, one file edited", [*gg, "check", "--as-of",
              AS_OF, "--format", "json", str(edited.root)], before=edited.edit)  # fmt: skip
    b.load_error = check_load_error(b.root, [*gg, "--no-cache", "validate"], b.env)


@dataclass
class _EditedCopy:
    root: Path
    file: Path
    count: int = 0

    def edit(self) -> None:
        """Change one file's content (a new comment line), leaving the model valid."""
        self.count += 1
        text = self.file.read_text(encoding="utf-8")
        temp = self.file.with_suffix(".tmp")
        temp.write_text(text + f"# edited {self.count} {time.time()}\n", encoding="utf-8")
        os.replace(temp, self.file)  # a new file: the hard-linked original is untouched


def _edited_copy(b: Bench) -> _EditedCopy:
    """A hard-linked copy of the model (cheap), warmed in the cache."""
    copy = DATA / f".edited-{b.scale}"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(b.root, copy, copy_function=os.link)
    files = sorted(copy.rglob("bodies/*.yaml"))
    wait_timed([PY, "-m", "govgraph", "check", "--as-of", AS_OF, str(copy)], b.env, 3600)
    return _EditedCopy(copy, files[len(files) // 2])


def _revision() -> str:
    """The checkout's commit (with ``+changes`` when it has uncommitted ones)."""
    git = ["git", "-C", str(REPO)]
    done = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    if done.returncode != 0:
        return "(not a git checkout)"
    dirty = subprocess.run([*git, "status", "--porcelain", "--", "govgraph"], capture_output=True,
                           text=True).stdout.strip()  # fmt: skip
    return done.stdout.strip() + (" +changes" if dirty else "")


def import_costs(env: dict[str, str]) -> list[tuple[str, float]]:
    """What ``import govgraph.cli`` spends its time on (``-X importtime``, cumulative ms).

    Lists the command modules and the largest libraries, so that a command that
    imports too much at start-up shows here.
    """
    done = subprocess.run([PY, "-X", "importtime", "-c", "import govgraph.cli"], env=env,
                          capture_output=True, text=True)  # fmt: skip
    costs: dict[str, float] = {}
    for line in done.stderr.splitlines():
        parts = line.split("|")
        if len(parts) != 3 or not parts[1].strip().isdigit():
            continue
        name = parts[2].strip()
        if name.startswith("govgraph.cli.") or name in NOTABLE_IMPORTS:
            costs[name] = max(costs.get(name, 0.0), int(parts[1]) / 1000)
    return sorted(costs.items(), key=lambda item: -item[1])[:16]


def bench_chart(b: Bench) -> None:
    b.stage("render", "render_chart, default (readable) view", "render", "--variant=view")
    b.stage("render-whole", "render_chart, whole model (every node)", "render", "--variant=whole")
    b.stage("chart-data", "govgraph chart data alone, all nodes (JSON)", "render", "--variant=data")
    if b.scale == "fifty":
        b.stage("draw", "chart of 2,000 bodies, first drawn in headless Chromium", "draw",
                "--limit", "2000")  # fmt: skip
    if b.scale == "national":
        return  # pyvis's quadratic path is measured at 50 councils, where the target is set
    limit = [] if b.scale == "council" else ["--limit", str(b.args.pyvis_nodes)]
    b.stage("pyvis", "pyvis Network.from_nx + get_network_data", "pyvis", *limit,
            times=b.args.peer_repeat)  # fmt: skip


def bench_peers(b: Bench) -> None:
    files = [str(p) for p in sorted(b.root.rglob("*.yaml")) if p.name != "govgraph.yaml"]
    if shutil.which("check-jsonschema"):
        schema = DATA / f"{b.scale}.schema.json"
        made = subprocess.run([PY, "-m", "govgraph", "schema"], capture_output=True, text=True)
        schema.write_text(made.stdout if made.returncode == 0 else _schema_from_models())
        b.command("check-jsonschema", "check-jsonschema against `govgraph schema`",
                  ["check-jsonschema", "--schemafile", str(schema), *files],
                  times=b.args.peer_repeat)  # fmt: skip
    else:
        b.rows.append(Row(b.scale, "check-jsonschema", "check-jsonschema", [], note="skipped: "
                          "pip install -r benchmarks/requirements.txt"))  # fmt: skip
    if shutil.which("yamllint"):
        sample = files
        if b.scale == "national" and not b.args.full_peers:
            sample = files[: len(files) // 8]
        run = b.command("yamllint", "yamllint, default config",
                        ["yamllint", "-d", "default", "-f", "parsable", *sample],
                        times=b.args.peer_repeat)  # fmt: skip
        if sample is not files:
            row = b.rows[-1]
            row.times = [t * len(files) / len(sample) for t in row.times]
            row.note = f"run on 1/8 of the files, time ×8 (linear per file); exit {run.code}"
    else:
        b.rows.append(Row(b.scale, "yamllint", "yamllint", [], note="skipped: not installed"))


def _schema_from_models() -> str:
    """A model-file schema built from govgraph.schema (when `govgraph schema` is missing)."""
    from govgraph.schema import SECTIONS

    properties = {
        name: {"type": ["array", "null"], "items": cls.model_json_schema(by_alias=True)}
        for name, cls in SECTIONS.items()
    }
    return json.dumps({"type": "object", "properties": properties, "additionalProperties": False})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scales", default="council,fifty")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--peer-repeat", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=900)
    parser.add_argument("--pyvis-nodes", type=int, default=20000)
    parser.add_argument("--skip", default="", help="comma-separated: parsers,library,commands,"
                        "chart,peers")  # fmt: skip
    parser.add_argument("--full-peers", action="store_true", help="yamllint on every national file")
    parser.add_argument("--quick", action="store_true", help="council only, 1 run, no peers")
    parser.add_argument("--json", type=Path, help="also write the rows as JSON here")
    args = parser.parse_args(argv)
    if args.quick:
        args.scales, args.repeat, args.skip = "council", 1, args.skip + ",peers"
    skip = set(args.skip.split(","))
    rows: list[Row] = []
    extra: dict[str, Any] = {}
    compileall.compile_dir(REPO / "govgraph", quiet=1)  # __pycache__ is git-ignored
    for scale in args.scales.split(","):
        root = ensure_data(scale, args.seed)
        b = Bench(scale, root, args)
        for name, step in (("parsers", bench_parsers), ("library", bench_library),
                           ("commands", bench_commands), ("chart", bench_chart),
                           ("peers", bench_peers)):  # fmt: skip
            if name not in skip:
                print(f"[{scale}] {name} ...", file=sys.stderr, flush=True)
                step(b)
        rows += b.rows
        extra[scale] = {
            "manifest": json.loads((root / MANIFEST).read_text())["counts"],
            "positions": b.positions,
            "load_error": b.load_error,
            "imports": b.imports,
        }
    machine = f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, " + (
        f"Python {platform.python_version()}; govgraph {_revision()} from {REPO}"
    )
    print_report(rows, extra, machine, args)
    if args.json:
        args.json.write_text(json.dumps({"machine": machine, "rows": [r.__dict__ for r in rows],
                                         "extra": extra}, indent=1, default=str))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
