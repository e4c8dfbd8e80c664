"""The benchmark's synthetic models: valid, deterministic, shaped like FORMAT.md's registers,
and carrying their planted problems where the manifest says."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest

from govgraph import build_graph, load
from govgraph.audit import audit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from generate import MANIFEST, generate  # noqa: E402
from positions import check_findings  # noqa: E402
from synth import AS_OF  # noqa: E402


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("synthetic") / "three"
    generate(folder, councils=3, seed=5)
    return folder


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.*")}


def test_a_generated_model_loads_and_is_valid(three: Path) -> None:
    model = load(three)
    counts = model.counts()
    manifest = json.loads((three / MANIFEST).read_text())
    for what in ("bodies", "organisations", "people", "posts", "memberships"):
        assert counts[what] == manifest["counts"][what]
    assert 3 * 50 <= counts["bodies"] <= 3 * 66  # about 60 bodies a council
    assert 3 * 650 <= counts["memberships"] <= 3 * 900  # about 800 memberships a council
    assert model.settings.name == "Synthetic governance register (3 councils)"


def test_the_layout_is_a_folder_per_council(three: Path) -> None:
    councils = sorted(p.name for p in (three / "councils").iterdir())
    assert len(councils) == 3
    for council in councils:
        base = three / "councils" / council
        assert {p.name for p in base.glob("*.yaml")} == {
            "organisations.yaml",
            "people.yaml",
            "posts.yaml",
        }
        assert {p.stem for p in (base / "bodies").glob("*.yaml")} >= {"council", "health"}
    assert (three / "shared" / "organisations.yaml").exists()


def test_the_same_seed_gives_the_same_files(three: Path, tmp_path: Path) -> None:
    generate(tmp_path / "again", councils=3, seed=5)
    generate(tmp_path / "other", councils=3, seed=6)
    assert tree(tmp_path / "again") == tree(three)
    assert tree(tmp_path / "other") != tree(three)


def test_dates_are_realistic(three: Path) -> None:
    model = load(three)
    starts = [m.from_ for _, m in model.memberships() if m.from_]
    assert min(starts) >= date(2006, 1, 1) and max(starts) <= AS_OF
    ended = [m for _, m in model.memberships() if m.to]
    assert 0.05 < len(ended) / len(starts) < 0.6  # a register with history
    assert model.organisations[
        next(o for o in model.organisations if o.endswith("-ccg"))
    ].dissolved == date(2022, 6, 30)


def test_planted_problems_are_found_at_their_file_and_line(three: Path) -> None:
    model = load(three)
    result = audit(model, build_graph(model), on=AS_OF)
    output = json.dumps({"findings": [f.as_dict() for f in result.findings]})
    found = check_findings(three, output)
    assert found["checkable"] > 5
    assert found["found"] == found["checkable"], found["missing"]


def test_a_folder_that_was_not_generated_is_not_replaced(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text("bodies: []\n")
    with pytest.raises(SystemExit):
        generate(tmp_path, councils=1)
    assert (tmp_path / "mine.yaml").exists()
