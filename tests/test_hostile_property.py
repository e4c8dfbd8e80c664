"""Property tests: random text, random YAML trees and random names through every output.

Whatever a model holds, govgraph never crashes (exit 3); every output parses as
what it claims to be (JSON, SARIF, GraphML, GEXF, DOT via Graphviz when it is
installed); no control or bidi character reaches a terminal unescaped or HTML
unisolated; and GitHub and Markdown reports have exactly one annotation or
bullet per finding. Example counts are kept small so the suite stays fast; set
GOVGRAPH_LONG_PROPERTIES=1 for a long run.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import networkx as nx
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govgraph.cli import run

LONG = bool(os.environ.get("GOVGRAPH_LONG_PROPERTIES"))
ON = "2023-07-07"
FORMATS = ("text", "json", "github", "markdown", "sarif")
EXPORTS = ("popolo", "graphml", "gexf", "dot", "mermaid", "csv")
#: What a terminal must never receive from a model: C0 (but the line break), DEL, C1,
#: and the bidi embeddings, overrides and isolates.
TERMINAL_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
OVERRIDES = re.compile("[\u202a-\u202e]")

#: Characters that have broken outputs before: controls, bidi, Markdown and workflow syntax.
NASTY = (
    "\n\r\t\x00\x07\x1b\x7f\x85\x9b\u2028\u2029\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069:%,#*_`[]<>|&\"'\\=-{}() aZ9é中ع"
)
names = st.text(alphabet=st.sampled_from(NASTY), min_size=1, max_size=40).filter(
    lambda text: "\x00" not in text  # YAML cannot hold NUL: a load error, tested elsewhere
)


def run_cli(*args: object) -> tuple[int, str, str]:
    """Run govgraph in-process; return exit code, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


def write_named_model(folder: Path, model_name: str, body: str, org: str, person: str) -> None:
    files = {
        "govgraph.yaml": {"name": model_name},
        "model.yaml": {
            "organisations": [{"id": "council", "name": org}],
            "people": [{"id": "jo", "name": person}],
            "bodies": [
                {
                    "id": "board",
                    "name": body,
                    "short_name": body[:5] or None,
                    "root": True,
                    "members": [{"member": "council", "from": "2020-01-01", "note": person}],
                },
                {"id": "sub", "name": org + body, "reports_to": [{"body": "board"}]},
                {"id": "empty", "name": person, "members": [{"member": "jo", "role": "chair"}]},
            ],
        },
    }
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def assert_terminal_safe(text: str) -> None:
    for line in text.splitlines():
        assert not TERMINAL_UNSAFE.search(line), repr(line)


def assert_html_isolated(html: str) -> None:
    """Every override in the page sits inside a directional isolate (as in ``<bdi>``)."""
    for match in OVERRIDES.finditer(html):
        before = html[: match.start()]
        inside = before.count("\u2068") > before.count("\u2069")
        assert inside, repr(html[max(0, match.start() - 60) : match.end() + 60])


def check_every_output(folder: Path, tmp: Path) -> None:
    code, out, err = run_cli("check", folder, "--as-of", ON, "--format", "json")
    assert code in (0, 1), err
    findings = json.loads(out)["findings"]
    for output_format in FORMATS:
        code, out, err = run_cli("check", folder, "--as-of", ON, "--format", output_format)
        assert code in (0, 1), err
        if output_format != "json":
            assert_terminal_safe(out)
        if output_format == "sarif":
            assert len(json.loads(out)["runs"][0]["results"]) == len(findings)
        if output_format == "github":
            lines = out.splitlines()
            assert len([line for line in lines if line.startswith("::")]) == len(findings)
            assert len(lines) == len(findings) + 1
        if output_format == "markdown":
            bullets = [line for line in out.splitlines() if line.startswith("- **")]
            assert len(bullets) == len(findings)
            assert len([line for line in out.splitlines() if line.startswith("# ")]) == 1
        if output_format == "text":
            assert len(out.splitlines()) == len(findings) + 1
    code, out, err = run_cli("validate", folder)
    assert code == 0, err
    assert_terminal_safe(out)
    for command, about in (("show", "board"), ("members", "board"), ("seats", "jo")):
        code, out, err = run_cli(command, folder, about, "--as-of", ON)
        assert code == 0, err
        assert_terminal_safe(out)
    chart = tmp / "chart.html"
    code, _, err = run_cli("render", folder, "--as-of", ON, "-o", chart, "--force")
    assert code == 0, err
    site = tmp / "site"
    code, _, err = run_cli("build", folder, "--as-of", ON, "-o", site)
    assert code == 0, err
    for page in site.rglob("*.html"):
        if page.name != "chart.html":  # the chart page isolates in its script
            assert_html_isolated(page.read_text(encoding="utf-8"))
    for kind in EXPORTS:
        target = tmp / f"export.{kind}"
        code, out, err = run_cli("export", folder, "--to", kind, "-o", target, "--force")
        assert code == 0, err
    json.loads((tmp / "export.popolo").read_text(encoding="utf-8"))
    assert nx.read_graphml(tmp / "export.graphml").number_of_nodes() == 5
    assert nx.read_gexf(tmp / "export.gexf").number_of_nodes() == 5
    if shutil.which("dot"):
        drawn = subprocess.run(["dot", "-Tsvg", str(tmp / "export.dot")], capture_output=True)
        assert drawn.returncode == 0, drawn.stderr.decode()


@settings(
    max_examples=200 if LONG else 8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(model_name=names, body=names, org=names, person=names)
def test_any_names_leave_every_output_inert(
    model_name: str, body: str, org: str, person: str
) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        tmp = Path(temporary)
        folder = tmp / "model"
        write_named_model(folder, model_name, body, org, person)
        check_every_output(folder, tmp)


yaml_values: st.SearchStrategy[Any] = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), names, st.sampled_from(["2020-01-01"])),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(
            st.sampled_from(["id", "name", "members", "member", "bodies", "reports_to", "from"]),
            inner,
            max_size=4,
        ),
    ),
    max_leaves=15,
)


@settings(max_examples=300 if LONG else 20, deadline=None)
@given(
    document=st.one_of(
        st.text(max_size=200),
        st.builds(lambda data: yaml.safe_dump(data, allow_unicode=True), yaml_values),
        st.builds(lambda data: yaml.safe_dump({"bodies": data}, allow_unicode=True), yaml_values),
    )
)
def test_any_file_is_audited_or_refused_never_a_crash(document: str) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "model"
        folder.mkdir()
        (folder / "model.yaml").write_text(document, encoding="utf-8")
        for output_format in FORMATS:
            code, out, err = run_cli("check", folder, "--as-of", ON, "--format", output_format)
            assert code in (0, 1, 2), err
            assert_terminal_safe(err)
            if output_format in ("json", "sarif"):
                json.loads(out)
            elif code == 2 and output_format != "github":
                assert err.splitlines()[-1].endswith("in the model") or err.startswith(
                    "govgraph: "
                ), err
