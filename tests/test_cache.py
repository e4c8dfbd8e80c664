"""The cache of read model files: used when a file is unchanged, never when it changed,
and invisible in results (the same model, errors and positions with or without it)."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from govgraph import loader
from govgraph.cache import FileCache
from govgraph.errors import ModelLoadError
from govgraph.loader import load

BODIES = """\
bodies:
  - id: council
    name: Full Council
    root: true
    members:
      - {member: jo, role: chair, from: 2021-05-06}
  - id: hwb
    name: Health and Wellbeing Board
    reports_to: [{body: council, frequency: annually, last_reported: 2023-07-14}]
    members:
      - member: jo
        role: chair
        reviewed: 2023-01-10
"""
PEOPLE = """\
people:
  - id: jo
    name: Cllr Jo Bloggs
"""
BROKEN = """\
bodies:
  - id: youth
    name: Youth Cabinet
    reports_to: [{body: nowhere}]
    established: 2023-02-30
    colour: red
"""


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("GOVGRAPH_CACHE_DIR", str(folder))
    monkeypatch.delenv("GOVGRAPH_NO_CACHE", raising=False)
    return folder


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The text of every file the loader actually parses (cache misses)."""
    seen: list[str] = []
    real = loader.parse_yaml  # type: ignore[attr-defined]

    def counting(text: str, max_expanded: int | None = None) -> object:
        seen.append(text)
        return real(text, max_expanded)

    monkeypatch.setattr(loader, "parse_yaml", counting)
    return seen


def entries(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.pickle"))


def snapshot(path: Path) -> tuple[object, ...]:
    """Everything a user can see of a load: entities with positions, or the errors."""
    try:
        model = load(path, cache=True)
    except ModelLoadError as exc:
        return ("error", str(exc))
    return (
        "model",
        model.counts(),
        [(b.id, b.file, b.line, b.line_of("reports_to")) for b in model.bodies.values()],
        [(m.member, m.line, m.line_of("role"), m.reviewed) for _, m in model.memberships()],
        [(p.id, p.file, p.line) for p in model.people.values()],
    )


def test_an_unchanged_model_is_read_from_the_cache(
    model_dir: Callable[..., Path], cache_dir: Path, parses: list[str]
) -> None:
    folder = model_dir({"bodies.yaml": BODIES, "people.yaml": PEOPLE})
    first = load(folder, cache=True)
    assert len(parses) == 2 and len(entries(cache_dir)) == 2
    second = load(folder, cache=True)
    assert len(parses) == 2  # nothing parsed again
    assert second.bodies["hwb"].line == first.bodies["hwb"].line == 7
    assert second.bodies["hwb"].members[0].line_of("reviewed") == 13
    assert second.bodies["hwb"].file == "bodies.yaml"


def test_only_the_edited_file_is_read_again(
    model_dir: Callable[..., Path], cache_dir: Path, parses: list[str]
) -> None:
    folder = model_dir({"bodies.yaml": BODIES, "people.yaml": PEOPLE})
    load(folder, cache=True)
    parses.clear()
    (folder / "people.yaml").write_text(PEOPLE.replace("Jo Bloggs", "Jo Smith"))
    model = load(folder, cache=True)
    assert parses == [PEOPLE.replace("Jo Bloggs", "Jo Smith")]
    assert model.people["jo"].name == "Cllr Jo Smith"


def test_an_edit_that_keeps_size_and_time_is_still_seen(
    model_dir: Callable[..., Path], cache_dir: Path
) -> None:
    folder = model_dir({"bodies.yaml": BODIES, "people.yaml": PEOPLE})
    load(folder, cache=True)
    path = folder / "people.yaml"
    before = path.stat()
    path.write_text(PEOPLE.replace("Bloggs", "Blogga"))  # same length
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert load(folder, cache=True).people["jo"].name == "Cllr Jo Blogga"


def test_results_are_identical_with_and_without_the_cache(
    model_dir: Callable[..., Path], cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = model_dir({"bodies.yaml": BODIES, "people.yaml": PEOPLE}, name="good")
    bad = model_dir({"bodies.yaml": BROKEN, "people.yaml": PEOPLE + "  - id: jo\n"}, name="bad")
    for folder in (good, bad):
        cold = snapshot(folder)  # fills the cache
        warm = snapshot(folder)  # reads it
        monkeypatch.setenv("GOVGRAPH_NO_CACHE", "1")
        without = snapshot(folder)
        monkeypatch.delenv("GOVGRAPH_NO_CACHE")
        assert cold == warm == without
    errors = str(snapshot(bad)[1])
    assert f"{bad / 'bodies.yaml'}:5: error" in errors  # the impossible date, with its line
    assert "already used at" in errors and "colour" in errors


def test_errors_name_the_path_as_given_even_from_the_cache(
    model_dir: Callable[..., Path], cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = model_dir({"bodies.yaml": BROKEN})
    with pytest.raises(ModelLoadError):
        load(folder, cache=True)
    monkeypatch.chdir(folder.parent)
    with pytest.raises(ModelLoadError) as caught:
        load(Path(folder.name), cache=True)
    assert all(p.file == f"{folder.name}/bodies.yaml" for p in caught.value.problems)


def test_a_corrupt_entry_is_ignored_and_rewritten(
    model_dir: Callable[..., Path], cache_dir: Path, parses: list[str]
) -> None:
    folder = model_dir({"bodies.yaml": BODIES, "people.yaml": PEOPLE})
    load(folder, cache=True)
    for entry in entries(cache_dir):
        blob = entry.read_bytes()
        if b"Full Council" in blob:  # still a valid pickle, with a wrong value in it
            entry.write_bytes(blob.replace(b"Full Council", b"Full Cuoncil"))
        else:  # cut short
            entry.write_bytes(blob[: len(blob) // 2])
    parses.clear()
    model = load(folder, cache=True)
    assert len(parses) == 2
    assert model.bodies["council"].name == "Full Council"
    assert model.people["jo"].name == "Cllr Jo Bloggs"
    parses.clear()
    load(folder, cache=True)
    assert parses == []  # rewritten intact


def test_a_deleted_cache_is_rebuilt(
    model_dir: Callable[..., Path], cache_dir: Path, parses: list[str]
) -> None:
    import shutil

    folder = model_dir({"bodies.yaml": BODIES, "people.yaml": PEOPLE})
    load(folder, cache=True)
    shutil.rmtree(cache_dir)
    parses.clear()
    assert load(folder, cache=True).bodies["council"].root
    assert len(parses) == 2 and len(entries(cache_dir)) == 2


def test_a_cache_folder_others_may_write_to_is_not_used(
    model_dir: Callable[..., Path], cache_dir: Path, parses: list[str]
) -> None:
    folder = model_dir({"bodies.yaml": BODIES, "people.yaml": PEOPLE})
    load(folder, cache=True)
    cache_dir.chmod(cache_dir.stat().st_mode | stat.S_IWOTH)
    parses.clear()
    load(folder, cache=True)
    assert len(parses) == 2  # not trusted, so read afresh
    assert not FileCache(cache_dir).usable


def test_no_cache_by_flag_or_environment(
    model_dir: Callable[..., Path],
    cache_dir: Path,
    cli: Callable[..., object],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = model_dir({"bodies.yaml": BODIES, "people.yaml": PEOPLE})
    result = cli("--no-cache", "validate", folder)
    assert result.exit_code == 0  # type: ignore[attr-defined]
    assert not cache_dir.exists() or entries(cache_dir) == []
    monkeypatch.setenv("GOVGRAPH_NO_CACHE", "1")
    assert cli("validate", folder).exit_code == 0  # type: ignore[attr-defined]
    assert not cache_dir.exists() or entries(cache_dir) == []
    monkeypatch.delenv("GOVGRAPH_NO_CACHE")
    assert cli("validate", folder).exit_code == 0  # type: ignore[attr-defined]
    assert len(entries(cache_dir)) == 2  # the command uses the cache by default


def test_the_library_does_not_cache_unless_asked(
    model_dir: Callable[..., Path], cache_dir: Path
) -> None:
    folder = model_dir({"bodies.yaml": BODIES, "people.yaml": PEOPLE})
    load(folder)
    assert not cache_dir.exists() or entries(cache_dir) == []


def test_a_planted_entry_in_the_model_folder_is_never_read(
    model_dir: Callable[..., Path], cache_dir: Path, parses: list[str]
) -> None:
    folder = model_dir({"bodies.yaml": BODIES, "people.yaml": PEOPLE})
    load(folder, cache=True)
    planted = folder / ".govgraph-cache"
    for entry in entries(cache_dir):
        target = planted / entry.relative_to(cache_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(entry.read_bytes())
    import shutil

    shutil.rmtree(cache_dir)
    parses.clear()
    load(folder, cache=True)
    assert len(parses) == 2  # the model folder's copy was not used
