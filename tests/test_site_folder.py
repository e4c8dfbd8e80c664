"""govgraph build's folder: swapped in whole, and the marker trusted only as far as it proves.

A killed build must leave the old site (or none), never pages of two dates; a
marker in a received folder must not make govgraph delete or overwrite files it
did not write.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from support import Cli
from test_explore import SAMPLE

from govgraph.site import build as site_build
from govgraph.site.folder import MARKER


def contents(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def model(model_dir: Callable[..., Path]) -> Path:
    return model_dir(SAMPLE)


def test_marker_records_a_digest_of_every_page(cli: Cli, model: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert cli("build", model, "-o", site, "--as-of", "2023-07-07").exit_code == 0
    record = json.loads((site / MARKER).read_text())
    pages = {path for path in contents(site) if path != MARKER}
    assert set(record["files"]) == pages
    assert all(len(digest) == 64 for digest in record["files"].values())
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no staging left


def test_a_rebuild_that_fails_half_way_leaves_the_old_site_whole(
    cli: Cli, model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    assert cli("build", model, "-o", site, "--as-of", "2023-07-07").exit_code == 0
    before = contents(site)
    real = site_build.plan_pages

    def failing(*args: object, **kwargs: object) -> list[site_build.Page]:
        pages = real(*args, **kwargs)  # type: ignore[arg-type]

        def boom() -> str:
            raise KeyboardInterrupt  # as when the user presses Ctrl-C mid-build

        return [*pages[:5], site_build.Page("bodies/zz.html", boom), *pages[5:]]

    monkeypatch.setattr(site_build, "plan_pages", failing)
    assert cli("build", model, "-o", site, "--as-of", "2024-01-01").exit_code == 2
    assert contents(site) == before  # every page still of 2023-07-07
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_a_first_build_that_fails_leaves_nothing_to_refuse(
    cli: Cli, model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    real = site_build.plan_pages

    def failing(*args: object, **kwargs: object) -> list[site_build.Page]:
        def boom() -> str:
            raise KeyboardInterrupt

        return [*real(*args, **kwargs)[:3], site_build.Page("x.html", boom)]  # type: ignore[arg-type]

    monkeypatch.setattr(site_build, "plan_pages", failing)
    assert cli("build", model, "-o", site).exit_code == 2
    assert not site.exists()
    monkeypatch.setattr(site_build, "plan_pages", real)
    assert cli("build", model, "-o", site).exit_code == 0


def test_a_planted_list_cannot_delete_the_files_it_names(
    cli: Cli, model: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "budget.xlsx").write_bytes(b"the council's own")
    (site / "bodies").mkdir()
    (site / "bodies" / "minutes.pdf").write_bytes(b"minutes")
    planted = {"generator": "govgraph", "files": ["budget.xlsx", "bodies/minutes.pdf"]}
    (site / MARKER).write_text(json.dumps(planted))
    assert cli("build", model, "-o", site).exit_code == 0
    assert (site / "budget.xlsx").read_bytes() == b"the council's own"
    assert (site / "bodies" / "minutes.pdf").read_bytes() == b"minutes"
    assert (site / "index.html").is_file()


@pytest.mark.parametrize("marker", ["[1, 2]", "{", '{"generator": "me", "files": {}}', "\0"])
def test_a_marker_govgraph_did_not_write_makes_a_foreign_folder(
    cli: Cli, model: Path, tmp_path: Path, marker: str
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "notes.txt").write_text("mine")
    (site / MARKER).write_text(marker)
    refused = cli("build", model, "-o", site)
    assert refused.exit_code == 2
    assert f"its {MARKER} is not one govgraph build wrote" in refused.stderr
    assert sorted(p.name for p in site.iterdir()) == [MARKER, "notes.txt"]


def test_a_page_the_user_changed_is_not_replaced_without_force(
    cli: Cli, model: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    assert cli("build", model, "-o", site).exit_code == 0
    (site / "index.html").write_text("my own front page")
    refused = cli("build", model, "-o", site)
    assert refused.exit_code == 2
    assert "index.html would be replaced" in refused.stderr
    assert (site / "index.html").read_text() == "my own front page"
    assert cli("build", model, "-o", site, "--force").exit_code == 0
    assert "my own front page" not in (site / "index.html").read_text()


def test_stale_pages_go_only_when_unchanged(
    cli: Cli, model_dir: Callable[..., Path], tmp_path: Path
) -> None:
    site = tmp_path / "site"
    extra = dict(SAMPLE)
    extra["more.yaml"] = "bodies:\n  - id: gone\n    name: Gone\n    reports_to: [{body: hwb}]\n"
    extra["more2.yaml"] = "bodies:\n  - id: kept\n    name: Kept\n    reports_to: [{body: hwb}]\n"
    assert cli("build", model_dir(extra, name="m1"), "-o", site).exit_code == 0
    (site / "bodies" / "kept.html").write_text("annotated by the clerk")
    assert cli("build", model_dir(SAMPLE, name="m2"), "-o", site).exit_code == 0
    assert not (site / "bodies" / "gone.html").exists()
    assert (site / "bodies" / "kept.html").read_text() == "annotated by the clerk"


def test_a_build_killed_at_any_moment_leaves_one_site_of_one_date(tmp_path: Path) -> None:
    import os
    import re
    import signal
    import subprocess
    import sys
    import time

    from support import EXAMPLE, REPO

    site = tmp_path / "site"
    env = dict(os.environ, PYTHONPATH=str(REPO), GOVGRAPH_CACHE_DIR=str(tmp_path / "cache"))
    command = [sys.executable, "-m", "govgraph", "build", str(EXAMPLE), "-o", str(site)]
    subprocess.run([*command, "--as-of", "2023-07-07"], env=env, check=True, capture_output=True)
    for delay in (0.2, 0.6, 1.0):
        rebuild = subprocess.Popen(
            [*command, "--as-of", "2024-01-01"], env=env, stdout=subprocess.DEVNULL
        )
        time.sleep(delay)
        rebuild.send_signal(signal.SIGKILL)
        rebuild.wait()
        dates = {
            found.group(1)
            for page in site.rglob("*.html")
            if page.name != "chart.html"
            for found in [re.search(r"as it stood on (\d{4}-\d\d-\d\d)", page.read_text())]
            if found
        }
        assert len(dates) == 1, dates  # the old site or the new one, never a mixture
        subprocess.run(
            [*command, "--as-of", "2023-07-07"], env=env, check=True, capture_output=True
        )
        leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.")]
        assert not leftovers  # what the killed build left beside was tidied away


def test_a_folder_whose_parent_cannot_be_written_is_rebuilt_in_place(
    cli: Cli, model_dir: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from govgraph.site import folder as site_folder

    site = tmp_path / "www"
    extra = dict(SAMPLE)
    extra["more.yaml"] = "bodies:\n  - id: gone\n    name: Gone\n    reports_to: [{body: hwb}]\n"
    assert cli("build", model_dir(extra, name="m1"), "-o", site).exit_code == 0
    (site / "robots.txt").write_text("User-agent: *")

    def no_staging(*args: object, **kwargs: object) -> str:
        raise PermissionError(13, "Permission denied", str(tmp_path))

    monkeypatch.setattr(site_folder.tempfile, "mkdtemp", no_staging)
    rebuilt = cli("build", model_dir(SAMPLE, name="m2"), "-o", site, "--as-of", "2024-01-01")
    assert rebuilt.exit_code == 0, rebuilt.stderr
    assert not (site / "bodies" / "gone.html").exists()
    assert (site / "robots.txt").read_text() == "User-agent: *"
    assert "2024-01-01" in (site / "index.html").read_text()
    record = json.loads((site / MARKER).read_text())
    assert "bodies/gone.html" not in record["files"] and "index.html" in record["files"]
    assert cli("build", model_dir(SAMPLE, name="m2"), "-o", site).exit_code == 0
