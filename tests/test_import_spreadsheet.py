"""`govgraph import spreadsheet` on a real committee roster, as CSV and as workbooks.

What the tests expect is computed from the source file itself: the seats of each
committee, who chairs in each session, who sat in only one session.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from support import Cli

from govgraph.dates import is_current
from govgraph.loader import load
from govgraph.model import Model
from govgraph.schema import dump

REAL = Path(__file__).parent / "fixtures" / "real" / "spreadsheets"
ROSTER = REAL / "virginia-committee-members.csv"
SESSIONS = ("--column", "from=Session", "--column", "to=Session")


def roster() -> list[dict[str, str]]:
    with ROSTER.open(newline="", encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


def imported(cli: Cli, tmp_path: Path, *files: Path, options: tuple[str, ...] = ()) -> Model:
    out = tmp_path / "model"
    result = cli("import", "spreadsheet", *files, "-o", out, *options)
    assert result.exit_code == 0, result.stderr
    return load(out)


def body_named(model: Model, name: str) -> Any:
    return next(b for b in model.bodies.values() if b.name == name)


def names_on(model: Model, committee: str, day: date, role: str | None = None) -> set[str]:
    body = body_named(model, committee)
    return {
        model.name_of(m.member)
        for m in body.members
        if is_current(m, day) and (role is None or m.role == role)
    }


def dumped(model: Model) -> dict[str, Any]:
    return {
        section: {i: dump(e, by_alias=True) for i, e in getattr(model, section).items()}
        for section in ("organisations", "people", "posts", "bodies")
    }


# --- the real roster ----------------------------------------------------------------------


def test_each_committee_of_the_roster_is_one_body_with_its_seats(cli: Cli, tmp_path: Path) -> None:
    rows = roster()
    model = imported(cli, tmp_path, ROSTER)
    seats: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for row in rows:
        seats[row["Committee"]].add((row["Name"], row["Position"]))
    for committee, expected in seats.items():
        body = body_named(model, committee)
        assert body.kind == "committee"  # "H-CL" says nothing; its column's header does
        # undated, a seat held in both sessions is one seat
        assert len(body.members) == len(expected)
        chairs = {model.name_of(m.member) for m in body.members if m.role == "chair"}
        assert chairs == {name for name, position in expected if position == "Chair"}
    people = {row["Name"] for row in rows}
    assert sorted(p.name for p in model.people.values()) == sorted(people)


@pytest.mark.parametrize("session", ["2020", "2021"])
def test_sessions_read_as_dates_keep_each_year_s_members_and_chairs(
    cli: Cli, tmp_path: Path, session: str
) -> None:
    rows = roster()
    model = imported(cli, tmp_path, ROSTER, options=SESSIONS)
    mid_year = date(int(session), 7, 1)
    for committee in {row["Committee"] for row in rows}:
        in_session = [r for r in rows if r["Committee"] == committee and r["Session"] == session]
        assert names_on(model, committee, mid_year) == {r["Name"] for r in in_session}
        for position, role in (("Chair", "chair"), ("Vice Chair", "vice-chair")):
            assert names_on(model, committee, mid_year, role) == {
                r["Name"] for r in in_session if r["Position"] == position
            }
    assert names_on(model, "H-ACNR", date(2022, 1, 1)) == set()  # the roster ends with 2021


def test_a_member_of_one_session_only_is_not_carried_into_the_other(
    cli: Cli, tmp_path: Path
) -> None:
    rows = roster()
    model = imported(cli, tmp_path, ROSTER, options=SESSIONS)
    body = body_named(model, "H-ACNR")
    sat = {s: {r["Name"] for r in rows if r["Committee"] == "H-ACNR" and r["Session"] == s}
           for s in ("2020", "2021")}  # fmt: skip
    left, joined = sat["2020"] - sat["2021"], sat["2021"] - sat["2020"]
    assert left and joined  # the source has both
    for m in body.members:
        name = model.name_of(m.member)
        if name in left:
            assert (m.from_, m.to) == (date(2020, 1, 1), date(2020, 12, 31))
        elif name in joined:
            assert (m.from_, m.to) == (date(2021, 1, 1), date(2021, 12, 31))
        else:  # the two yearly rows follow on day by day: one membership
            assert (m.from_, m.to) == (date(2020, 1, 1), date(2021, 12, 31))


def test_the_summary_says_what_was_read_merged_and_not_used(cli: Cli, tmp_path: Path) -> None:
    rows = roster()
    result = cli("import", "spreadsheet", ROSTER, "-o", tmp_path / "m", *SESSIONS)
    assert result.exit_code == 0, result.stderr
    committees = {row["Committee"] for row in rows}
    assert (
        f"read virginia-committee-members.csv: {len(rows)} seats on {len(committees)} bodies; "
        "columns not used: ID" in result.stderr
    )
    first = {(r["Committee"], r["Name"], r["Position"]) for r in rows if r["Session"] == "2020"}
    follow_on = [r for r in rows
                 if r["Session"] == "2021" and (r["Committee"], r["Name"], r["Position"]) in first]  # fmt: skip
    assert f"merged {len(follow_on)} × terms of one member that follow on" in result.stderr
    assert "roots: 2 bodies with no parent in the source report to 'm'" in result.stderr


# --- the same roster as councils save it -------------------------------------------------


def workbook_from_roster(path: Path) -> Path:
    """The roster as an officer keeps it in Excel: a title row, the committee merged
    down its block, a blank row between committees, real date cells."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Members"
    header = ["Committee", "Councillor", "Position", "Appointed", "Until"]
    lines: list[list[Any]] = [["Committee membership 2020-2021"], header]
    blocks: list[tuple[int, int]] = []  # first and last sheet row of each committee
    for row in roster():
        if not blocks or lines[-1][0] != row["Committee"]:
            if blocks:
                lines.append([])  # a blank row between committees
            blocks.append((len(lines) + 1, len(lines) + 1))
        year = int(row["Session"])
        lines.append([row["Committee"], row["Name"], row["Position"],
                      datetime(year, 1, 1), datetime(year, 12, 31)])  # fmt: skip
        blocks[-1] = (blocks[-1][0], len(lines))
    for number, values in enumerate(lines, 1):
        for column, value in enumerate(values, 1):
            sheet.cell(row=number, column=column, value=value)
    for first, last in blocks:
        sheet.merge_cells(start_row=first, end_row=last, start_column=1, end_column=1)
    book.save(path)
    return path


def test_the_roster_as_a_workbook_reads_as_the_csv_does(cli: Cli, tmp_path: Path) -> None:
    workbook = workbook_from_roster(tmp_path / "committees.xlsx")
    from_csv = imported(cli, tmp_path / "a", ROSTER, options=SESSIONS)
    from_xlsx = imported(cli, tmp_path / "b", workbook)
    assert dumped(from_xlsx) == dumped(from_csv)


def test_a_semicolon_csv_with_a_byte_order_mark_reads_as_the_comma_one(
    cli: Cli, tmp_path: Path
) -> None:
    semicolons = tmp_path / "seats.csv"
    with semicolons.open("w", newline="", encoding="utf-8-sig") as stream:
        writer = csv.writer(stream, delimiter=";")
        writer.writerow(["Name", "ID", "Session", "Committee", "Position"])
        writer.writerows([[r["Name"], r["ID"], r["Session"], r["Committee"], r["Position"]]
                          for r in roster()])  # fmt: skip
    assert dumped(imported(cli, tmp_path / "a", semicolons, options=SESSIONS)) == dumped(
        imported(cli, tmp_path / "b", ROSTER, options=SESSIONS)
    )


# --- cells that are not dates --------------------------------------------------------------


def test_a_workbook_cell_that_is_not_a_date_is_refused_with_its_reference(
    cli: Cli, tmp_path: Path
) -> None:
    workbook = workbook_from_roster(tmp_path / "committees.xlsx")
    from openpyxl import load_workbook

    book = load_workbook(workbook)
    book["Members"]["D14"] = "next May"
    book.save(workbook)
    out = tmp_path / "model"
    result = cli("import", "spreadsheet", workbook, "-o", out)
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"govgraph: {workbook}: Members!D14: 'next May' is not a date; write 2023-04-01, "
        "01/04/2023 (day first) or 1 April 2023"
    )
    assert not out.exists()


def test_a_csv_cell_that_is_not_a_date_names_the_line_and_the_column(
    cli: Cli, tmp_path: Path
) -> None:
    seats = tmp_path / "seats.csv"
    seats.write_text(
        "Committee,Member,Role,From\n"
        "Audit Committee,Cllr Jo Bloggs,Chair,01/04/2023\n"
        "Audit Committee,Cllr Sam Patel,,04/13/2023\n",
        encoding="utf-8",
    )
    result = cli("import", "spreadsheet", seats, "-o", tmp_path / "model")
    assert result.exit_code == 2
    assert "seats.csv:3 (column 'From'): '04/13/2023' has no month 13" in result.stderr
    assert "read day first (UK order)" in result.stderr
    assert not (tmp_path / "model").exists()


def test_old_mac_line_ends_and_windows_1252_read_as_the_utf_8_file(
    cli: Cli, tmp_path: Path
) -> None:
    text = ROSTER.read_text(encoding="utf-8").replace("Kaye Kory", "Kaye Koryé")
    (tmp_path / "utf8.csv").write_text(text, encoding="utf-8")
    (tmp_path / "mac.csv").write_bytes(text.replace("\n", "\r").encode("cp1252"))
    from_mac = imported(cli, tmp_path / "a", tmp_path / "mac.csv", options=SESSIONS)
    assert dumped(from_mac) == dumped(
        imported(cli, tmp_path / "b", tmp_path / "utf8.csv", options=SESSIONS)
    )
    assert "Kaye Koryé" in {p.name for p in from_mac.people.values()}
