"""Popolo export followed by import gives back an equivalent model."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from support import CliResult

from govgraph.loader import load
from govgraph.model import Model
from govgraph.schema import dump

Cli = Callable[..., CliResult]
FIXTURES = Path(__file__).parent / "fixtures" / "interop"


def dumped(model: Model) -> dict[str, dict[str, Any]]:
    """Every entity of the model as plain data (positions left out), by section and id."""
    return {
        section: {
            entity_id: dump(entity, by_alias=True)
            for entity_id, entity in getattr(model, section).items()
        }
        for section in ("organisations", "people", "posts", "bodies")
    }


def round_trip(cli: Cli, source: Path, tmp_path: Path, *options: object) -> Model:
    exported = tmp_path / "export.json"
    result = cli("export", source, "--to", "popolo", "-o", exported, *options)
    assert result.exit_code == 0, result.stderr
    back = cli("import", "popolo", exported, "-o", tmp_path / "back")
    assert back.exit_code == 0, back.stderr
    # what was read, and nothing merged, mapped, noted, left out or changed
    said = back.stderr.splitlines()
    assert said and all(line.startswith("read ") for line in said), back.stderr
    return load(tmp_path / "back")


def imported_from(cli: Cli, tmp_path: Path, command: str, files: list[Path]) -> Path:
    out = tmp_path / "source"
    assert cli("import", command, *files, "-o", out).exit_code == 0
    return out


def test_the_wyvern_model_survives_the_round_trip_exactly(cli: Cli, tmp_path: Path) -> None:
    original = load(FIXTURES / "wyvern")
    back = round_trip(cli, FIXTURES / "wyvern", tmp_path)
    assert dumped(back) == dumped(original)
    # the things the issue names, spelt out
    assert [(b.id, line.body, line.direction) for b, line in back.reporting_lines()] == [
        (b.id, line.body, line.direction) for b, line in original.reporting_lines()
    ]
    assert back.bodies["hwb"].members[0].to == date(2023, 5, 4)


@pytest.mark.parametrize(
    ("command", "files"),
    [
        ("popolo", [FIXTURES / "popolo" / "northmoor.json"]),
        ("moderngov", sorted((FIXTURES / "moderngov").glob("*.xml"))),
    ],
)
def test_imported_models_survive_the_round_trip(
    cli: Cli, tmp_path: Path, command: str, files: list[Path]
) -> None:
    source = imported_from(cli, tmp_path, command, files)
    assert dumped(round_trip(cli, source, tmp_path)) == dumped(load(source))


def test_an_as_of_export_round_trips_to_the_structure_on_that_day(cli: Cli, tmp_path: Path) -> None:
    back = round_trip(cli, FIXTURES / "wyvern", tmp_path, "--as-of", "2021-01-01")
    assert set(back.bodies) == {"council", "hwb", "wscp", "end"}  # wscb dissolved in 2019
    assert [m.member for m in back.bodies["hwb"].members] == ["jo-bloggs", "dcs", "old-ccg"]
    assert [h.person for h in back.posts["dcs"].holders] == ["sam-okafor"]
    assert "icb" not in back.organisations  # not yet established


def test_on_behalf_of_other_names_and_renewed_terms_survive_the_round_trip(
    cli: Cli, tmp_path: Path
) -> None:
    source = tmp_path / "hobart"
    source.mkdir()
    (source / "model.yaml").write_text(
        """\
organisations:
  - {id: greens, name: Tasmanian Greens, other_names: [Greens, The Greens]}
people:
  - {id: sue-hickey, name: Sue Hickey, other_names: [Susan Hickey]}
posts:
  - {id: gm, title: General Manager, other_names: [Chief Executive]}
bodies:
  - id: council
    name: Hobart City Council
    other_names: [City of Hobart]
    short_name: HCC
    kind: council
    members:
      - {member: sue-hickey, role: chair, on_behalf_of: greens, from: 2014-11-01, to: 2018-10-31,
         note: Lord Mayor}
      - {member: sue-hickey, role: chair, on_behalf_of: greens, from: 2018-11-01,
         note: Lord Mayor}
  - id: finance
    name: Finance Committee
    kind: committee
    members:
      - {member: sue-hickey}
      - {member: gm, voting: false}
""",
        encoding="utf-8",
    )
    exported = cli("export", source, "--to", "popolo")
    assert exported.exit_code == 0, exported.stderr
    text = exported.stdout
    assert '"on_behalf_of_id": "greens"' in text
    assert '{\n          "name": "Susan Hickey"\n        }' in text
    back = round_trip(cli, source, tmp_path)
    assert dumped(back) == dumped(load(source))
    # a term renewed the day after the last one ended is still two terms, as written
    assert len(back.bodies["council"].members) == 2
    # the parentless committee is still unattached: the export said which bodies are roots
    assert not back.bodies["finance"].root and not back.bodies["finance"].reports_to
