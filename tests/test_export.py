"""Each export format, read back by the tool that consumes it."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest
from support import CliResult

from govgraph.interop.exporters import EXPORTERS
from govgraph.interop.exporters.dot import quote
from govgraph.interop.exporters.mermaid import label

Cli = Callable[..., CliResult]
WYVERN = Path(__file__).parent / "fixtures" / "interop" / "wyvern"
HWB_NAME = "Health & Wellbeing Board [HWB] #1"


def export(cli: Cli, *args: object) -> str:
    result = cli("export", WYVERN, *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_every_format_is_registered_with_what_opens_it() -> None:
    assert list(EXPORTERS) == ["popolo", "graphml", "gexf", "dot", "mermaid", "csv", "xlsx"]
    assert all(exporter.opens_with for exporter in EXPORTERS.values())


def test_popolo_is_json_with_reporting_lines_as_an_extension(cli: Cli) -> None:
    document = json.loads(export(cli, "--to", "popolo"))
    orgs = {o["id"]: o for o in document["organizations"]}
    assert orgs["hwb"]["+entity"] == "body" and orgs["wcc"]["+entity"] == "organisation"
    assert orgs["hwb"]["+reports_to"] == [
        {"id": "council", "frequency": "annually", "last_reported": "2022-07-14"}
    ]
    assert orgs["hwb"]["parent_id"] == "council"  # one line: Popolo's containment too
    assert "parent_id" not in orgs["wscp"]  # two lines: no single parent
    assert orgs["hwb"]["other_names"] == [{"name": "HWB", "note": "short name"}]
    memberships = document["memberships"]
    assert {
        "member": {"@type": "Organization", "id": "icb"},
        "organization_id": "hwb",
        "start_date": "2022-07-01",
        "+term_ends": "2025-06-30",
    } in memberships
    assert {
        "person_id": "jo-bloggs",
        "organization_id": "hwb",
        "role": "Chair",
        "start_date": "2019-05-01",
        "end_date": "2023-05-04",
        "+reviewed": "2022-01-10",
    } in memberships
    holding = {"person_id": "sam-okafor", "post_id": "dcs", "organization_id": "wcc",
               "start_date": "2019-01-01", "end_date": "2021-12-31"}  # fmt: skip
    assert holding in memberships


def test_graphml_is_read_by_networkx_with_flat_attributes(cli: Cli) -> None:
    graph = nx.read_graphml(io.BytesIO(export(cli, "--to", "graphml").encode()))
    assert graph.nodes["hwb"]["label"] == HWB_NAME
    assert graph.nodes["hwb"]["type"] == "body"
    assert graph.nodes["hwb"]["review_interval_months"] == 6
    assert graph.nodes["wcc"]["tags"] == "upper-tier; safeguarding-partner"
    assert graph.nodes["council"]["root"] is True
    edges = {(u, v, d["relation"]) for u, v, d in graph.edges(data=True)}
    assert ("wscp", "hwb", "reports_to") in edges
    assert ("icb", "hwb", "member") in edges
    assert ("jo-bloggs", "dcs", "holds") in edges
    assert ("old-ccg", "icb", "succeeded_by") in edges
    assert ("wscp", "wscb", "predecessor") in edges
    dcs_on_hwb = [d for u, v, d in graph.edges(data=True) if (u, v) == ("dcs", "hwb")]
    assert dcs_on_hwb[0]["voting"] is False
    for _, data in graph.nodes(data=True):
        assert all(isinstance(v, str | int | bool | float) for v in data.values())


def test_gexf_is_read_by_networkx(cli: Cli) -> None:
    graph = nx.read_gexf(io.BytesIO(export(cli, "--to", "gexf").encode()))
    assert graph.nodes["hwb"]["label"] == HWB_NAME
    assert graph.nodes["icb"]["label"] == "NHS Wyvern <ICB> & Partners"
    assert graph.number_of_nodes() == 11
    relations = sorted(d["relation"] for _, _, d in graph.edges(data=True))
    assert relations.count("member") == 7 and relations.count("reports_to") == 5
    assert relations.count("holds") == 2


def test_dot_quotes_ids_and_labels(cli: Cli) -> None:
    text = export(cli, "--to", "dot")
    assert '"hwb" [label="Health & Wellbeing Board [HWB] #1\\n(HWB)"' in text
    assert 'label="Cllr Jo \\"JB\\" Bloggs"' in text
    assert 'label="Sam Okafor \\\\ Interim"' in text
    assert '"wscp" -> "hwb" [dir=forward];' in text
    assert '"wscp" -> "council" [dir=back];' in text
    assert quote('a"b\\c\nd\x07') == '"a\\"b\\\\c\\nd "'


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_dot_is_rendered_by_graphviz(cli: Cli) -> None:
    svg = subprocess.run(
        ["dot", "-Tsvg"], input=export(cli, "--to", "dot"), capture_output=True, text=True,
        check=True, timeout=60,
    ).stdout  # fmt: skip
    assert "<svg" in svg
    # Graphviz drew each label as it is written, escapes undone
    assert "Health &amp; Wellbeing Board [HWB] #1" in svg
    assert "Cllr Jo &quot;JB&quot; Bloggs" in svg
    assert "Sam Okafor \\ Interim" in svg
    assert svg.count('class="node"') == 11


def test_mermaid_flowchart_escapes_labels_and_avoids_keywords(cli: Cli) -> None:
    text = export(cli, "--to", "mermaid")
    lines = text.splitlines()
    assert lines[:4] == ["---", 'title: "wyvern"', "---", "flowchart BT"]
    assert '  n_hwb["Health & Wellbeing Board #91;HWB#93; #35;1"]' in lines
    assert '  n_jo_bloggs("Cllr Jo #quot;JB#quot; Bloggs")' in lines
    assert '  n_icb(["NHS Wyvern #lt;ICB#gt; & Partners"])' in lines
    assert '  n_end["The End Panel"]' in lines  # "end" alone is a Mermaid keyword
    assert '  n_hwb <-->|"annually"| n_council' in lines
    assert "  n_wscp --> n_hwb" in lines and "  n_council --> n_wscp" in lines
    assert '  n_jo_bloggs -.->|"chair"| n_hwb' in lines
    # every label is quoted and holds no raw quote or bracket
    for line in lines[4:]:
        for inside in re.findall(r'"([^"]*)"', line):
            assert not set(inside) & set('"[]{}<>')
    assert label("a\nb  c") == "a b c"


def test_csv_tables_are_read_by_the_csv_module(cli: Cli, tmp_path: Path) -> None:
    result = cli("export", WYVERN, "--to", "csv", "-o", tmp_path / "tables")
    assert result.exit_code == 0, result.stderr
    folder = tmp_path / "tables"
    assert sorted(p.name for p in folder.iterdir()) == [
        "bodies.csv", "memberships.csv", "organisations.csv", "pack-provisions.csv", "packs.csv",
        "people.csv", "plan-priorities.csv", "plans.csv", "post-holders.csv", "posts.csv",
        "reporting-lines.csv",
    ]  # fmt: skip

    def rows(name: str) -> list[dict[str, str]]:
        with (folder / name).open(newline="", encoding="utf-8") as stream:
            return list(csv.DictReader(stream))

    bodies = {row["id"]: row for row in rows("bodies.csv")}
    assert bodies["hwb"]["name"] == HWB_NAME and bodies["hwb"]["members"] == "4"
    assert bodies["wscp"]["reports_to"] == "hwb; council"
    memberships = rows("memberships.csv")
    assert len(memberships) == 7
    dcs = next(r for r in memberships if (r["body"], r["member"]) == ("hwb", "dcs"))
    assert dcs["member_type"] == "post" and dcs["voting"] == "false"
    assert dcs["note"] == '\'=HYPERLINK("http://example.org")'  # not a formula any more
    lines = rows("reporting-lines.csv")
    assert {(r["body"], r["reports_to"], r["direction"]) for r in lines} >= {
        ("wscp", "hwb", "up"),
        ("wscp", "council", "down"),
    }


def test_csv_on_standard_output_gives_the_tables_in_turn(cli: Cli) -> None:
    text = export(cli, "--to", "csv")
    sections = re.split(r"^# (\S+\.csv)\n", text, flags=re.MULTILINE)[1:]
    names = sections[0::2]
    assert names == [
        "organisations.csv", "people.csv", "posts.csv", "post-holders.csv", "bodies.csv",
        "memberships.csv", "reporting-lines.csv", "packs.csv", "pack-provisions.csv",
        "plans.csv", "plan-priorities.csv",
    ]  # fmt: skip
    for body in sections[1::2]:
        assert list(csv.reader(io.StringIO(body.strip())))[0]
