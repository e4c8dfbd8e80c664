"""Outputs: only regular files are written or replaced; ``-o -`` is standard output.

Renaming over a path replaces whatever is there, so a device, a named pipe or
a symbolic link given as ``-o`` is refused (with --force too) before anything
is written, and a file-system fault is a one-line error with the path.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from support import EXAMPLE, Cli

from govgraph.atomic import write_text
from govgraph.errors import GovgraphError

ON = "2023-07-07"


def test_render_and_export_write_to_standard_output_with_a_dash(cli: Cli, tmp_path: Path) -> None:
    chart = cli("render", EXAMPLE, "--as-of", ON, "-o", "-")
    assert chart.exit_code == 0
    assert chart.stdout.startswith("<!DOCTYPE html>")
    dot = cli("export", EXAMPLE, "--to", "dot", "-o", "-")
    assert dot.exit_code == 0 and dot.stdout.startswith("digraph ")
    assert not (Path.cwd() / "-").exists()


def test_a_symbolic_link_is_never_replaced(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "real.html"
    target.write_text("the user's page")
    link = tmp_path / "chart.html"
    link.symlink_to(target)
    refused = cli("render", EXAMPLE, "--as-of", ON, "--force", "-o", link)
    assert refused.exit_code == 2
    assert "is a symbolic link" in refused.stderr and "-o -" in refused.stderr
    assert link.is_symlink() and target.read_text() == "the user's page"


def test_a_dangling_link_is_not_replaced_either(tmp_path: Path) -> None:
    link = tmp_path / "out.dot"
    link.symlink_to(tmp_path / "nowhere")
    with pytest.raises(GovgraphError, match="symbolic link"):
        write_text(link, "digraph {}")
    assert link.is_symlink() and not (tmp_path / "nowhere").exists()


def test_a_device_is_never_replaced_even_with_force(cli: Cli, tmp_path: Path) -> None:
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("no right to make a device node here")
    for args in (
        ("render", EXAMPLE, "--as-of", ON, "--force", "-o", device),
        ("export", EXAMPLE, "--to", "graphml", "--force", "-o", device),
        ("schema", "--force", "-o", device),
    ):
        result = cli(*args)
        assert result.exit_code == 2, args
        assert f"{device} is a device" in result.stderr
        assert stat.S_ISCHR(device.lstat().st_mode)


def test_a_named_pipe_is_refused_without_opening_it(cli: Cli, tmp_path: Path) -> None:
    pipe = tmp_path / "out.csv"
    os.mkfifo(pipe)
    result = cli("export", EXAMPLE, "--to", "mermaid", "--force", "-o", pipe)
    assert result.exit_code == 2 and "named pipe" in result.stderr
    folder_pipe = tmp_path / "tables"
    folder_pipe.mkdir()
    os.mkfifo(folder_pipe / "bodies.csv")
    result = cli("export", EXAMPLE, "--to", "csv", "--force", "-o", folder_pipe)
    assert result.exit_code == 2 and "bodies.csv is a named pipe" in result.stderr
    assert not (folder_pipe / "memberships.csv").exists()  # refused before writing any


def test_a_path_the_system_will_not_write_is_a_one_line_error(cli: Cli) -> None:
    for args in (
        ("render", EXAMPLE, "--as-of", ON, "-o", "/proc/govgraph.html"),
        ("build", EXAMPLE, "--as-of", ON, "-o", "/proc/govgraph-site"),
        ("export", EXAMPLE, "--to", "dot", "-o", "/proc/govgraph.dot"),
    ):
        result = cli(*args)
        assert result.exit_code == 2, args
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("govgraph: /proc/govgraph"), lines
        assert "cannot write" in lines[0]


def test_an_import_into_a_folder_of_yaml_only_may_overwrite_with_force(
    cli: Cli, tmp_path: Path
) -> None:
    popolo = tmp_path / "in.json"
    popolo.write_text('{"organizations": [{"id": "b", "name": "Board"}]}')
    out = tmp_path / "model"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    refused = cli("import", "popolo", popolo, "-o", out, "--force")
    assert refused.exit_code == 2 and "holds more than a model (notes.txt)" in refused.stderr
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]
    (out / "notes.txt").unlink()
    assert cli("import", "popolo", popolo, "-o", out).exit_code == 0
    assert cli("import", "popolo", popolo, "-o", out, "--force").exit_code == 0


def test_an_import_too_large_to_read_back_is_refused_before_writing(
    cli: Cli, tmp_path: Path
) -> None:
    popolo = tmp_path / "in.json"
    assert cli("export", EXAMPLE, "--to", "popolo", "-o", popolo).exit_code == 0
    out = tmp_path / "model"
    refused = cli("--max-model-size", "15K", "import", "popolo", popolo, "-o", out)
    assert refused.exit_code == 2
    assert refused.stderr.startswith(f"govgraph: {out}: the model would hold ")
    assert "--max-model-size" in refused.stderr
    assert not out.exists()
