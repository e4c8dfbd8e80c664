"""Hostile names in a valid model: every output stays what it claims to be.

A name may hold a newline and a GitHub workflow command, Markdown that would make
a heading, terminal escapes that clear the screen, control characters XML cannot
hold, a right-to-left override, or 20,000 characters. The model is valid; what
must hold is that no output lets any of that act.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest
from support import Cli

ON = "2023-07-07"
FORGED = "Audit\n::error file=README.md,line=1,title=forged::FORGED"
HEADING = "Scrutiny\n\n---\n\nAll checks passed\n===\n"
ESCAPES = "Council \x1b[2J\x1b]0;pwned\x07 \x9b31m"
OVERRIDE = "Board \u202e dlrow olleh"
MODEL = {
    "govgraph.yaml": f"name: {json.dumps(FORGED)}\n",
    "bodies.yaml": f"""
        organisations:
          - id: council
            name: {json.dumps(ESCAPES)}
        bodies:
          - id: board
            name: {json.dumps(HEADING)}
            root: true
            members:
              - {{member: council, from: 2020-01-01}}
          - id: sub
            name: {json.dumps(OVERRIDE)}
            reports_to: [{{body: board}}]
          - id: long
            name: {json.dumps("Long " * 4000)}
            reports_to: [{{body: board}}]
        """,
}
TERMINAL_CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def model(model_dir: Callable[..., Path]) -> Path:
    return model_dir(MODEL)


def findings(cli: Cli, model: Path) -> list[dict[str, object]]:
    result = cli("check", model, "--as-of", ON, "--format", "json")
    found: list[dict[str, object]] = json.loads(result.stdout)["findings"]
    assert found
    return found


def test_github_output_has_one_command_per_finding_and_no_forged_one(cli: Cli, model: Path) -> None:
    count = len(findings(cli, model))
    lines = cli("check", model, "--as-of", ON, "--format", "github").stdout.splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert len(commands) == count
    assert len(lines) == count + 1  # the summary line, on one line
    assert not [line for line in lines if "README.md" in line.split("::")[1:2]]
    assert lines[-1].startswith("govgraph check: Audit\\n::error")


def test_markdown_names_make_no_heading_or_rule(cli: Cli, model: Path) -> None:
    count = len(findings(cli, model))
    text = cli("check", model, "--as-of", ON, "--format", "markdown").stdout
    lines = text.splitlines()
    assert "All checks passed" not in [line.strip("# ") for line in lines]
    assert not [line for line in lines if line.strip() in ("---", "===")]
    assert [line for line in lines if line.startswith("# ")] == [
        line for line in lines if line.startswith("# Governance audit:")
    ]
    assert len([line for line in lines if line.startswith("- **")]) == count


@pytest.mark.parametrize(
    "args",
    [
        ("check", "{model}", "--as-of", ON),
        ("check", "{model}", "--as-of", ON, "--format", "markdown"),
        ("check", "{model}", "--as-of", ON, "--format", "github"),
        ("check", "{model}", "--as-of", ON, "--format", "json"),
        ("check", "{model}", "--as-of", ON, "--format", "sarif"),
        ("show", "{model}", "board", "--as-of", ON),
        ("show", "{model}", "board", "--as-of", ON, "--format", "json"),
        ("seats", "{model}", "council", "--as-of", ON),
        ("members", "{model}", "board", "--as-of", ON),
        ("path", "{model}", "sub", "--as-of", ON),
        ("validate", "{model}"),
        ("diff", "--as-of", "2019-01-01", "--as-of", ON, "{model}"),
    ],
)
def test_no_escape_sequence_reaches_the_terminal(
    cli: Cli, model: Path, args: tuple[str, ...]
) -> None:
    result = cli(*(str(model) if a == "{model}" else a for a in args))
    assert result.exit_code in (0, 1), result.stderr
    assert result.stdout
    for line in result.stdout.splitlines():
        assert not TERMINAL_CONTROLS.search(line), repr(line)


def test_text_report_has_one_line_per_finding(cli: Cli, model: Path) -> None:
    count = len(findings(cli, model))
    lines = cli("check", model, "--as-of", ON).stdout.splitlines()
    assert len(lines) == count + 1


def test_load_errors_quoting_names_stay_on_one_line(
    cli: Cli, model_dir: Callable[..., Path]
) -> None:
    broken = model_dir(
        {
            "bodies.yaml": 'bodies:\n  - id: b\n    name: B\n    reports_to: [{body: "x\\ny\\e[2J"}]\n'
        }
    )
    result = cli("validate", broken)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and "bodies.yaml:4" in lines[0]
    assert not TERMINAL_CONTROLS.search(result.stderr)


def test_graphml_and_gexf_read_back_with_control_characters(
    cli: Cli, model: Path, tmp_path: Path
) -> None:
    for kind, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        out = tmp_path / f"model.{kind}"
        assert cli("export", model, "--to", kind, "-o", out).exit_code == 0
        graph = read(out)
        label = graph.nodes["council"]["label"]
        assert label == "Council \\x1b[2J\\x1b]0;pwned\\x07 \x9b31m"


def test_dot_and_mermaid_cut_long_labels_and_keep_the_name(
    cli: Cli, model: Path, tmp_path: Path
) -> None:
    dot = cli("export", model, "--to", "dot").stdout
    node = next(line for line in dot.splitlines() if line.startswith('  "long"'))
    label = re.search(r'label="([^"]*)"', node)
    assert label and len(label.group(1)) <= 120 and label.group(1).endswith("…")
    assert node.count("Long") > 3000  # the whole name, in the tooltip
    if shutil.which("dot"):
        (tmp_path / "m.dot").write_text(dot, encoding="utf-8")
        drawn = subprocess.run(["dot", "-Tsvg", str(tmp_path / "m.dot")], capture_output=True)
        assert drawn.returncode == 0, drawn.stderr.decode()
    mermaid = cli("export", model, "--to", "mermaid").stdout
    node_line = next(line for line in mermaid.splitlines() if line.startswith("  n_long["))
    assert len(node_line) < 140
    assert any(line.startswith("  %% n_long: Long Long") for line in mermaid.splitlines())


def test_site_pages_isolate_a_right_to_left_override(cli: Cli, model: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert cli("build", model, "-o", site, "--as-of", ON).exit_code == 0
    pages = [page for page in site.rglob("*.html") if page.name != "chart.html"]
    seen = 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for match in re.finditer("\u202e", text):
            seen += 1
            before, after = text[: match.start()], text[match.end() :]
            assert before.rfind("\u2068") > before.rfind("\u2069"), page  # inside an isolate
            assert "\u2069" in after[:200], page
    assert seen >= 2  # the body's own page and the pages that name it


def test_an_import_of_hostile_names_and_dates_is_a_model_and_a_clean_summary(
    cli: Cli, tmp_path: Path
) -> None:
    document = {
        "organizations": [
            {"id": "b", "name": HEADING, "founding_date": "0001-01-01"},
            {"id": "c", "name": ESCAPES},
        ],
        "persons": [{"id": "p", "name": FORGED}],
        "memberships": [{"person_id": "p", "organization_id": "b", "start_date": "9999-12-31"}],
    }
    source = tmp_path / "in.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    result = cli("import", "popolo", source, "-o", tmp_path / "model")
    assert result.exit_code == 0, result.stderr
    assert "date not understood (left out)" in result.stderr
    assert not TERMINAL_CONTROLS.search(result.stderr.replace("\n", " "))
    check = cli("check", tmp_path / "model", "--as-of", ON, "--format", "github")
    assert check.exit_code in (0, 1)
    assert not [line for line in check.stdout.splitlines() if "README.md" in line[:40]]
