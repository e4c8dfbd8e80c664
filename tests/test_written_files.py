"""Files govgraph writes are shareable: the mode a normal new file gets, not 0600.

A chart emailed round, an export published on the intranet or a site copied to a
web server is read by other accounts; a file only its owner can read fails there
in a way the officer who made it cannot see.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import EXAMPLE, Cli

from govgraph.atomic import write_text


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.usefixtures("umask_022")
def test_chart_export_and_site_pages_are_readable_by_others(cli: Cli, tmp_path: Path) -> None:
    chart, export, site = tmp_path / "chart.html", tmp_path / "model.dot", tmp_path / "site"
    assert cli("render", EXAMPLE, "-o", chart, "--as-of", "2023-07-07").exit_code == 0
    assert cli("export", EXAMPLE, "--to", "dot", "-o", export).exit_code == 0
    assert cli("build", EXAMPLE, "-o", site, "--as-of", "2023-07-07").exit_code == 0

    assert mode(chart) == 0o644
    assert mode(export) == 0o644
    pages = [path for path in site.rglob("*") if path.is_file()]
    assert pages and {mode(page) for page in pages} == {0o644}


@pytest.mark.usefixtures("umask_022")
def test_rewriting_a_file_keeps_the_mode_its_owner_gave_it(tmp_path: Path) -> None:
    target = tmp_path / "chart.html"
    write_text(target, "first")
    target.chmod(0o600)  # the officer made it private on purpose

    write_text(target, "second")

    assert target.read_text(encoding="utf-8") == "second"
    assert mode(target) == 0o600
    assert [path.name for path in tmp_path.iterdir()] == ["chart.html"]  # no temporary left
