"""How the rows of a sheet of seats become a model: names, organisations, roles, parents,
dates, and the sheets that hold nothing to import."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from support import Cli, CliResult

from govgraph.interop.spreadsheet_columns import field_of
from govgraph.interop.spreadsheet_dates import NotADate, sheet_date
from govgraph.loader import load
from govgraph.model import Model


def run(cli: Cli, tmp_path: Path, text: str, *options: str, name: str = "seats.csv") -> CliResult:
    tmp_path.mkdir(parents=True, exist_ok=True)
    sheet = tmp_path / name
    sheet.write_text(text, encoding="utf-8")
    return cli("import", "spreadsheet", sheet, "-o", tmp_path / "model", *options)


def model_of(cli: Cli, tmp_path: Path, text: str, *options: str) -> tuple[Model, str]:
    result = run(cli, tmp_path, text, *options)
    assert result.exit_code == 0, result.stderr
    return load(tmp_path / "model"), result.stderr


def test_names_that_differ_in_spacing_case_or_honorific_are_one_person(
    cli: Cli, tmp_path: Path
) -> None:
    model, stderr = model_of(cli, tmp_path, (
        "Committee,Member\n"
        "Audit Committee,Cllr Jo Bloggs\n"
        "Planning Committee,jo  bloggs\n"
        "Licensing Committee,COUNCILLOR JO BLOGGS\n"
        "audit committee,Sam Patel\n"
    ))  # fmt: skip
    assert list(model.people) == ["jo-bloggs", "sam-patel"]
    assert model.people["jo-bloggs"].name == "Cllr Jo Bloggs"  # as first written
    assert sum(1 for _, m in model.memberships() if m.member == "jo-bloggs") == 3
    assert [b.name for b in model.bodies.values() if not b.root] == [
        "Audit Committee", "Planning Committee", "Licensing Committee",
    ]  # fmt: skip
    assert (
        "merged 3 × names that differ only in case, spacing or honorifics (one entity) "
        "(e.g. 'jo bloggs' as jo-bloggs, 'COUNCILLOR JO BLOGGS' as jo-bloggs, "
        "'audit committee' as audit-committee)" in stderr
    )


def test_an_organisation_column_says_who_a_person_sits_for(cli: Cli, tmp_path: Path) -> None:
    model, stderr = model_of(cli, tmp_path, (
        "Partnership,Representative,Representing,Position\n"
        "Community Safety Partnership,Sam Patel,West Mercia Police,Vice-Chairman\n"
        "Community Safety Partnership,,Probation Service,\n"
        "Community Safety Partnership,West Mercia Police,,\n"
        "Community Safety Partnership,Ann Lee,Independent,\n"
    ))  # fmt: skip
    members = {m.member: m for m in body(model, "Community Safety Partnership").members}
    police = model.organisations["west-mercia-police"]
    assert members["sam-patel"].on_behalf_of == police.id
    assert members["sam-patel"].role == "vice-chair"
    assert "probation-service" in members  # no person named: the organisation sits
    assert police.id in members  # a member naming a known organisation is that organisation
    assert members["ann-lee"].on_behalf_of is None  # "Independent" is no organisation
    assert members["ann-lee"].note == "on behalf of Independent"
    assert "placeholder organisations not modelled" in stderr


def test_titles_go_through_the_role_vocabulary(cli: Cli, tmp_path: Path) -> None:
    text = ("Committee,Member,Role\n"
            "Full Council,Cllr Ann Lee,Lord Mayor\n"
            "Full Council,Cllr Bo Chan,Deputy Mayor\n"
            "Full Council,Cllr Cy Dow,Sheriff\n")  # fmt: skip
    model, stderr = model_of(cli, tmp_path, text)
    roles = {m.member: (m.role, m.note) for m in body(model, "Full Council").members}
    assert roles == {
        "ann-lee": ("chair", "Lord Mayor"),
        "bo-chan": ("vice-chair", "Deputy Mayor"),
        "cy-dow": ("member", "role: Sheriff"),
    }
    assert "roles mapped by the vocabulary: Deputy Mayor → vice-chair, Lord Mayor → chair" in stderr
    assert "1 × role not in the vocabulary" in stderr and "Sheriff" in stderr
    model, _ = model_of(cli, tmp_path / "again", text, "--role", "Sheriff=observer")
    assert body(model, "Full Council").members[2].role == "observer"


def test_a_reports_to_column_makes_reporting_lines_and_the_council_the_root(
    cli: Cli, tmp_path: Path
) -> None:
    model, stderr = model_of(cli, tmp_path, (
        "Committee,Member,Parent\n"
        "Full Council,Cllr Ann Lee,\n"
        "Cabinet,Cllr Ann Lee,Full Council\n"
        "Audit Sub-Committee,Cllr Bo Chan,Audit and Governance Committee\n"
        "Licensing Sub-Committee,Cllr Bo Chan,\n"
    ))  # fmt: skip
    council = body(model, "Full Council")
    assert council.root and [line.body for line in body(model, "Cabinet").reports_to] == [
        council.id
    ]
    # the parent named only as a parent is a body too, and the council's
    parent = body(model, "Audit and Governance Committee")
    assert [line.body for line in body(model, "Audit Sub-Committee").reports_to] == [parent.id]
    assert [line.body for line in parent.reports_to] == [council.id]
    # a sub-committee with no parent is left for orphaned-body to find
    assert body(model, "Licensing Sub-Committee").reports_to == []
    assert "1 sub-committee with no parent in the source left unattached" in stderr


def test_blank_committee_cells_take_the_committee_above_and_vacancies_are_counted(
    cli: Cli, tmp_path: Path
) -> None:
    model, stderr = model_of(cli, tmp_path, (
        "Seats 2024/25,,\n"
        ",,\n"
        "Committee Name,Member Name,Start Date,,\n"
        "Audit Committee,Cllr Jo Bloggs,1 April 2024,,\n"
        ",Cllr Sam Patel,1 Apr 2024,,\n"
        ",Vacancy,,,\n"
        ",,,,\n"
        "Planning Committee,Cllr Sam Patel,2024-04-01,,\n"
    ))  # fmt: skip
    assert [m.member for m in body(model, "Audit Committee").members] == ["jo-bloggs", "sam-patel"]
    assert {m.from_ for _, m in model.memberships()} == {date(2024, 4, 1)}
    assert "1 × vacant seat (not modelled) (e.g. seats.csv:6 (column 'Member Name'))" in stderr


def test_the_first_row_with_no_committee_is_refused(cli: Cli, tmp_path: Path) -> None:
    result = run(cli, tmp_path, "Committee,Member\n,Cllr Jo Bloggs\n")
    assert result.exit_code == 2
    assert "seats.csv:2 (column 'Committee'): this seat names no committee" in result.stderr


def test_column_option_names_a_header_the_recognition_does_not_know(
    cli: Cli, tmp_path: Path
) -> None:
    text = "Meeting of,Cllr,Capacity\nAudit Committee,Jo Bloggs,Chair\n"
    result = run(cli, tmp_path, text)
    assert result.exit_code == 2
    assert "seats.csv: no header row naming a committee and member" in result.stderr
    model, _ = model_of(cli, tmp_path / "named", text, "--column", "committee=Meeting of")
    assert [(m.member, m.role) for m in body(model, "Audit Committee").members] == [
        ("jo-bloggs", "chair")
    ]
    bad = run(cli, tmp_path / "bad", text, "--column", "comittee=Meeting of")
    assert bad.exit_code == 2 and "did you mean 'committee'?" in bad.stderr


def test_a_seat_that_ends_before_it_starts_is_refused(cli: Cli, tmp_path: Path) -> None:
    result = run(cli, tmp_path, "Committee,Member,From,To\nAudit,Jo Bloggs,01/05/2024,30/04/2024\n")
    assert result.exit_code == 2
    assert "seats.csv:2 (column 'To'): this seat ends (2024-04-30) before it starts" in (
        result.stderr
    )


def test_sheets_that_hold_nothing_are_listed_and_skipped(cli: Cli, tmp_path: Path) -> None:
    book = Workbook()
    notes = book.active
    assert notes is not None
    notes.title = "Notes"
    notes.append(["Updated after the annual meeting"])
    seats = book.create_sheet("Seats")
    seats.append(["Body", "Name", "Role"])
    seats.append(["Audit Committee", "Jo Bloggs", "Chairman"])
    book.create_sheet("Empty")
    book.save(tmp_path / "committees.xlsx")
    result = cli("import", "spreadsheet", tmp_path / "committees.xlsx", "-o", tmp_path / "m")
    assert result.exit_code == 0, result.stderr
    assert "read committees.xlsx, sheet 'Seats': 1 seat on 1 body" in result.stderr
    assert "read committees.xlsx, sheet 'Notes': no header row naming a committee" in result.stderr
    assert "read committees.xlsx, sheet 'Empty': empty (skipped)" in result.stderr


def test_a_file_with_nothing_to_import_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    result = run(cli, tmp_path, "Ward,Party\nAltrincham,Green Party\n")
    assert result.exit_code == 2
    assert "nothing to import: seats.csv: no header row naming a committee" in result.stderr
    assert not (tmp_path / "model").exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("seats.xls", b"\xd0\xcf\x11\xe0", "seats.xls: govgraph reads .xlsx and .csv"),
        ("seats.xlsx", b"not a zip", "seats.xlsx: not a readable Excel workbook"),
    ],
)
def test_files_that_are_not_workbooks_are_refused(
    cli: Cli, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    (tmp_path / name).write_bytes(content)
    result = cli("import", "spreadsheet", tmp_path / name, "-o", tmp_path / "m")
    assert result.exit_code == 2 and message in result.stderr
    assert "Traceback" not in result.stderr


# --- dates and headers ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "end", "expected"),
    [
        (date(2023, 4, 1), False, date(2023, 4, 1)),
        ("2023-04-01", False, date(2023, 4, 1)),
        ("01/04/2023", False, date(2023, 4, 1)),  # day first
        ("1/4/2023", False, date(2023, 4, 1)),
        ("01.04.2023", False, date(2023, 4, 1)),
        ("1 April 2023", False, date(2023, 4, 1)),
        ("1 Apr 2023", False, date(2023, 4, 1)),
        ("1st April, 2023", False, date(2023, 4, 1)),
        ("Saturday 1 April 2023", False, date(2023, 4, 1)),
        ("2023", True, date(2023, 12, 31)),
        ("2023-02", True, date(2023, 2, 28)),
        (2023, False, date(2023, 1, 1)),
        (45017, False, date(2023, 4, 1)),  # an Excel date serial
        ("", False, None),
        ("present", True, None),
        (None, False, None),
    ],
)
def test_dates_as_spreadsheets_hold_them(cell: object, end: bool, expected: date | None) -> None:
    assert sheet_date(cell, end=end) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("cell", "why"),
    [
        ("31/02/2023", "not a real date"),
        ("01/04/23", "two-digit year"),
        ("04/13/2023", "no month 13"),
        ("1 Aprill 2023", "'Aprill' is not the name of a month"),
        ("next May", "is not a date"),
        (12.5, "is not a date"),
    ],
)
def test_cells_that_are_not_dates_say_why(cell: object, why: str) -> None:
    with pytest.raises(NotADate, match=why):
        sheet_date(cell)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("COMMITTEE", "committee"), ("Board", "committee"), ("Partnership", "committee"),
        ("Member Name", "member"), ("Councillor", "member"), ("Representative", "member"),
        ("Position", "role"), ("Title", "role"), ("On behalf of", "organisation"),
        ("Representing", "organisation"), ("Date Appointed", "from"), ("Start", "from"),
        ("End date", "to"), ("Until", "to"), ("Term ends", "term_ends"),
        ("Reviewed", "reviewed"), ("Reports to", "parent"), ("Parent", "parent"),
        ("Ward", None), ("ID", None),
    ],
)  # fmt: skip
def test_headers_are_recognised_in_any_case(header: str, field: str | None) -> None:
    assert field_of(header) == field


def body(model: Model, name: str):  # type: ignore[no-untyped-def]
    return next(b for b in model.bodies.values() if b.name == name)


def test_term_ends_reviewed_voting_and_notes_columns(cli: Cli, tmp_path: Path) -> None:
    model, _ = model_of(cli, tmp_path, (
        "Board,Name,Appointed,Term expires,Last reviewed,Voting,Notes\n"
        "Health and Wellbeing Board,Dr Priya Lane,01/02/2021,31/01/2025,21 May 2024,No,"
        "\"co-opted, public health\"\n"
    ))  # fmt: skip
    (seat,) = body(model, "Health and Wellbeing Board").members
    assert (seat.from_, seat.term_ends, seat.reviewed) == (
        date(2021, 2, 1), date(2025, 1, 31), date(2024, 5, 21),
    )  # fmt: skip
    assert seat.voting is False and seat.note == "co-opted, public health"
    assert body(model, "Health and Wellbeing Board").kind == "board"
    bad = run(cli, tmp_path / "bad", "Board,Name,Voting\nHWB,Ann Lee,sometimes\n")
    assert bad.exit_code == 2 and "'sometimes' is neither yes nor no" in bad.stderr
