"""`govgraph export --to xlsx` / `--to csv`, then `govgraph import spreadsheet`: the same model."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from support import REPO, Cli

from govgraph.loader import load
from govgraph.model import Model
from govgraph.schema import dump

MODELS = REPO / "models"
WYVERN = Path(__file__).parent / "fixtures" / "interop" / "wyvern"


def dumped(model: Model) -> dict[str, dict[str, Any]]:
    return {
        section: {i: dump(e, by_alias=True) for i, e in getattr(model, section).items()}
        for section in ("organisations", "people", "posts", "bodies")
    }


def exported(cli: Cli, source: Path, to: str, tmp_path: Path, *options: str) -> list[Path]:
    target = tmp_path / ("model.xlsx" if to == "xlsx" else "tables")
    result = cli("export", source, "--to", to, "-o", target, *options)
    assert result.exit_code == 0, result.stderr
    return [target] if to == "xlsx" else sorted(target.glob("*.csv"))


def back(cli: Cli, files: list[Path], tmp_path: Path) -> tuple[Model, str]:
    result = cli("import", "spreadsheet", *files, "-o", tmp_path / "back")
    assert result.exit_code == 0, result.stderr
    return load(tmp_path / "back"), result.stderr


@pytest.mark.parametrize("to", ["xlsx", "csv"])
@pytest.mark.parametrize("source", ["worcestershire", "wyvern"])
def test_an_export_imports_back_as_the_same_model(
    cli: Cli, tmp_path: Path, to: str, source: str
) -> None:
    folder = MODELS / source if source == "worcestershire" else WYVERN
    model, stderr = back(cli, exported(cli, folder, to, tmp_path), tmp_path)
    assert dumped(model) == dumped(load(folder))
    assert "left out" not in stderr


@pytest.mark.parametrize("to", ["xlsx", "csv"])
def test_a_model_s_own_packs_come_back_with_the_bodies_that_name_them(
    cli: Cli, tmp_path: Path, to: str
) -> None:
    original = load(MODELS / "wychavon")
    assert original.packs and original.bodies["cs-scrutiny"].statutory == "scrutiny-panel"
    model, stderr = back(cli, exported(cli, MODELS / "wychavon", to, tmp_path), tmp_path)
    assert dumped(model) == dumped(original)
    assert {i: p.model_dump() for i, p in model.packs.items()} == {
        i: p.model_dump() for i, p in original.packs.items()
    }
    assert "left out" not in stderr


def test_an_as_of_workbook_imports_as_the_structure_on_that_day(cli: Cli, tmp_path: Path) -> None:
    files = exported(cli, WYVERN, "xlsx", tmp_path, "--as-of", "2021-01-01")
    model, stderr = back(cli, files, tmp_path)
    assert set(model.bodies) == {"council", "hwb", "wscp", "end"}
    # the CCG's successor was not yet established on that day: the reference is listed
    assert "reference to something not in the tables (left out)" in stderr
    assert model.organisations["old-ccg"].succeeded_by is None
    assert [m.member for m in model.bodies["hwb"].members] == ["jo-bloggs", "dcs", "old-ccg"]


def test_the_workbook_holds_real_dates_and_no_formulas(cli: Cli, tmp_path: Path) -> None:
    (workbook,) = exported(cli, WYVERN, "xlsx", tmp_path)
    book = load_workbook(workbook)
    assert book.sheetnames == [
        "organisations", "people", "posts", "post-holders", "bodies", "memberships",
        "reporting-lines", "packs", "pack-provisions", "plans", "plan-priorities",
    ]  # fmt: skip
    sheet = book["memberships"]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, (c for c in row), strict=False)) for row in sheet.iter_rows(2)]
    dcs = next(r for r in rows if (r["body"].value, r["member"].value) == ("hwb", "dcs"))
    assert dcs["note"].data_type == "s" and dcs["note"].value.startswith("=HYPERLINK")
    dated = next(r for r in rows if r["from"].value is not None)
    assert dated["from"].is_date and dated["from"].number_format == "yyyy-mm-dd"
    assert sheet.freeze_panes == "A2"


def test_a_workbook_export_needs_a_file_to_write(cli: Cli, tmp_path: Path) -> None:
    result = cli("export", WYVERN, "--to", "xlsx")
    assert result.exit_code == 2
    assert "xlsx is a binary file: give -o FILE.xlsx" in result.stderr
    (tmp_path / "mine.xlsx").write_text("mine", encoding="utf-8")
    again = cli("export", WYVERN, "--to", "xlsx", "-o", tmp_path / "mine.xlsx")
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert (tmp_path / "mine.xlsx").read_text(encoding="utf-8") == "mine"


def test_tables_edited_by_hand_name_new_members_and_refuse_bad_values(
    cli: Cli, tmp_path: Path
) -> None:
    (workbook,) = exported(cli, WYVERN, "xlsx", tmp_path)
    book = load_workbook(workbook)
    memberships = book["memberships"]
    header = [c.value for c in memberships[1]]
    row: list[Any] = [None] * len(header)
    row[header.index("body")], row[header.index("member")] = "hwb", "Cllr Nia Patel"
    row[header.index("role")], row[header.index("from")] = "Vice-Chairman", date(2024, 5, 1)
    memberships.append(row)
    book.save(workbook)
    model, _ = back(cli, [workbook], tmp_path)
    added = model.bodies["hwb"].members[-1]
    assert (added.member, added.role, added.from_) == ("nia-patel", "vice-chair", date(2024, 5, 1))
    assert model.people["nia-patel"].name == "Cllr Nia Patel"

    bodies = book["bodies"]
    kind = [c.value for c in bodies[1]].index("kind")
    bodies.cell(row=3, column=kind + 1, value="commitee")
    book.save(workbook)
    result = cli("import", "spreadsheet", workbook, "-o", tmp_path / "bad")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"govgraph: {workbook}: bodies!E3: Input should be 'board'")
    assert not (tmp_path / "bad").exists()

    bodies.cell(row=3, column=kind + 1, value="committee")
    bodies.cell(row=4, column=1, value=bodies.cell(row=2, column=1).value)
    book.save(workbook)
    twice = cli("import", "spreadsheet", workbook, "-o", tmp_path / "bad")
    assert twice.exit_code == 2
    assert f"{workbook}: bodies!A4: the id 'council' is already used at {workbook}: bodies!A2" in (
        twice.stderr
    )


@pytest.mark.parametrize("to", ["xlsx", "csv"])
def test_a_term_renewed_the_next_day_stays_two_terms(cli: Cli, tmp_path: Path, to: str) -> None:
    folder = tmp_path / "renewed"
    folder.mkdir()
    (folder / "model.yaml").write_text(
        "people:\n  - {id: ann, name: Ann}\n"
        "bodies:\n  - id: panel\n    name: Panel\n    root: true\n    members:\n"
        "      - {member: ann, role: chair, from: 2019-05-02, to: 2023-05-03}\n"
        "      - {member: ann, role: chair, from: 2023-05-04}\n",
        encoding="utf-8",
    )
    model, stderr = back(cli, exported(cli, folder, to, tmp_path), tmp_path)
    assert dumped(model) == dumped(load(folder))
    assert "merged" not in stderr


@pytest.mark.parametrize("to", ["xlsx", "csv"])
def test_plans_come_back_with_the_bodies_that_deliver_them(
    cli: Cli, tmp_path: Path, to: str
) -> None:
    original = load(MODELS / "worcestershire")
    model, _ = back(cli, exported(cli, MODELS / "worcestershire", to, tmp_path), tmp_path)
    assert {i: dump(p, by_alias=True) for i, p in model.plans.items()} == {
        i: dump(p, by_alias=True) for i, p in original.plans.items()
    }
    assert model.bodies["get-safe"].delivers == ["cypp/get-safe"]


def test_a_plan_whose_owner_a_selection_leaves_out_comes_back_without_it(
    cli: Cli, tmp_path: Path
) -> None:
    files = exported(cli, MODELS / "worcestershire", "csv", tmp_path, "--bodies", "get-safe")
    model, _ = back(cli, files, tmp_path)
    assert model.plans["cypp"].owner is None  # cyp-spb was not exported
    assert model.bodies["get-safe"].delivers == ["cypp/get-safe"]
