"""``govgraph render``: where it writes, what it refuses, and what it prints."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from support import CliResult, chart_file_data

from govgraph.errors import GovgraphError
from govgraph.render import write_chart

MODEL = {
    "bodies.yaml": """
        organisations:
          - {id: wcc, name: Worcestershire County Council}
        bodies:
          - {id: council, name: Full Council, kind: council, root: true}
          - id: hwb
            name: Health and Wellbeing Board
            kind: board
            reports_to: [{body: council}]
            members: [{member: wcc, role: chair, from: 2019-01-01}]
        """
}

Cli = Callable[..., CliResult]


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


def test_writes_output_named_after_the_model_folder(
    cli: Cli, model_dir: Callable[..., Path], in_tmp: Path
) -> None:
    folder = model_dir(MODEL, name="herefordshire")
    result = cli("render", folder, "--as-of", "2023-07-07")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "output/herefordshire.html\n"
    written = in_tmp / "output" / "herefordshire.html"
    data = chart_file_data(written)
    assert data["meta"]["as_of"] == "2023-07-07"
    assert {n["id"] for n in data["nodes"]} == {"council", "hwb"}  # members come later
    assert [p.name for p in (in_tmp / "output").iterdir()] == ["herefordshire.html"]
    assert stat.S_IMODE(written.stat().st_mode) & 0o644 == 0o644  # readable, not a 0600 temp


def test_output_option_and_no_members(
    cli: Cli, model_dir: Callable[..., Path], in_tmp: Path
) -> None:
    target = in_tmp / "charts" / "hwb.html"
    result = cli("render", model_dir(MODEL), "-o", target, "--no-members", "--focus", "hwb")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == str(target)
    data = chart_file_data(target)
    assert [n["id"] for n in data["nodes"]] == ["council", "hwb"]
    assert data["meta"]["focus"] == "hwb"


def test_the_same_command_writes_the_same_bytes(
    cli: Cli, model_dir: Callable[..., Path], in_tmp: Path
) -> None:
    folder = model_dir(MODEL)
    cli("render", folder, "--as-of", "2023-07-07", "-o", "one.html")
    cli("render", folder, "--as-of", "2023-07-07", "-o", "two.html")
    assert (in_tmp / "one.html").read_bytes() == (in_tmp / "two.html").read_bytes()


def test_refuses_to_overwrite_a_file_govgraph_did_not_write(
    cli: Cli, model_dir: Callable[..., Path], in_tmp: Path
) -> None:
    mine = in_tmp / "notes.html"
    mine.write_text("<p>my notes</p>", encoding="utf-8")
    refused = cli("render", model_dir(MODEL), "-o", mine)
    assert refused.exit_code == 2
    assert "notes.html exists and was not written by govgraph" in refused.stderr
    assert "--force" in refused.stderr
    assert mine.read_text(encoding="utf-8") == "<p>my notes</p>"
    forced = cli("render", model_dir(MODEL), "-o", mine, "--force")
    assert forced.exit_code == 0 and "govgraph-data" in mine.read_text(encoding="utf-8")
    again = cli("render", model_dir(MODEL), "-o", mine)  # now it is govgraph's: fine
    assert again.exit_code == 0, again.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--focus", "hbw"], "--focus: there is no body 'hbw' (did you mean 'hwb'?)"),
        (["--focus", "wcc"], "'wcc' is an organisation, not a body"),
        (["--up", "1"], "--up needs --focus"),
        (["--down", "-1"], "-1 is not in the range x>=0"),
        (["--focus", "hwb", "--all"], "choose one"),
        (["--as-of", "2023-13-01"], "is not a date"),
    ],
)
def test_wrong_options_get_a_one_line_reason(
    cli: Cli, model_dir: Callable[..., Path], in_tmp: Path, args: list[str], message: str
) -> None:
    result = cli("render", model_dir(MODEL), *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (in_tmp / "output").exists()


def test_a_broken_model_is_reported_not_drawn(
    cli: Cli, model_dir: Callable[..., Path], in_tmp: Path
) -> None:
    result = cli("render", model_dir({"b.yaml": "bodies:\n  - {id: x, nmae: X}\n"}))
    assert result.exit_code == 2
    assert "b.yaml:2" in result.stderr and "did you mean 'name'" in result.stderr
    assert not (in_tmp / "output").exists()


def test_open_hands_the_file_to_the_browser(
    cli: Cli, model_dir: Callable[..., Path], in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []

    def fake_open(url: str) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr("webbrowser.open", fake_open)
    result = cli("render", model_dir(MODEL), "--open")
    assert result.exit_code == 0
    assert opened == [(in_tmp / "output" / "model.html").as_uri()]


def test_a_large_model_opens_on_its_overview_and_all_expands_it(
    cli: Cli, model_dir: Callable[..., Path], in_tmp: Path
) -> None:
    lines = ["bodies:", "  - {id: root, name: Root, root: true}"]
    lines += [f"  - {{id: a{i}, name: A{i}, reports_to: [{{body: root}}]}}" for i in range(10)]
    lines += [
        f"  - {{id: b{i}, name: B{i}, reports_to: [{{body: a{i % 10}}}]}}" for i in range(100)
    ]
    lines += [
        f"  - {{id: c{i}, name: C{i}, reports_to: [{{body: b{i % 100}}}]}}" for i in range(200)
    ]
    folder = model_dir({"b.yaml": "\n".join(lines) + "\n"})
    result = cli("render", folder)
    assert result.exit_code == 0 and result.stderr == ""
    data = chart_file_data(in_tmp / "output" / "model.html")
    assert data["meta"]["counts"]["bodies"] == 311  # every body: nothing is left out
    assert data["layout"]["overview"] is True
    everything = cli("render", folder, "--all", "-o", "all.html")
    assert everything.stderr == ""
    assert chart_file_data(in_tmp / "all.html")["layout"]["overview"] is False


def test_help_has_an_example(cli: Cli) -> None:
    result = cli("render", "-h")
    assert result.exit_code == 0
    assert "Examples: govgraph render" in result.stdout
    for option in ("--focus", "--up", "--down", "--no-members", "--all", "--force", "--open"):
        assert option in result.stdout


def test_write_chart_is_atomic_and_refuses_folders(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "er" / "chart.html"
    write_chart(target, '<meta name="generator" content="govgraph 0">first')
    write_chart(target, '<meta name="generator" content="govgraph 0">second')
    assert target.read_text(encoding="utf-8").endswith("second")
    assert os.listdir(target.parent) == ["chart.html"]  # no temporary file left behind
    with pytest.raises(GovgraphError, match="is a folder"):
        write_chart(tmp_path / "deep", "x")
