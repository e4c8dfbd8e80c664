"""``govgraph import moderngov``: saved ModernGov responses into a model folder."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from support import CliResult

from govgraph.errors import GovgraphError
from govgraph.interop.moderngov_import import import_moderngov
from govgraph.loader import load
from govgraph.model import Model

Cli = Callable[..., CliResult]
FIXTURES = Path(__file__).parent / "fixtures" / "interop"
MODERNGOV = FIXTURES / "moderngov"
MALFORMED = FIXTURES / "malformed"
ALL = sorted(MODERNGOV.glob("*.xml"))


def imported(cli: Cli, tmp_path: Path, *args: object) -> tuple[Model, CliResult]:
    out = tmp_path / "northmoor"
    result = cli("import", "moderngov", *args, "-o", out)
    assert result.exit_code == 0, result.stderr
    return load(out), result


def test_the_saved_responses_become_a_valid_model(cli: Cli, tmp_path: Path) -> None:
    model, result = imported(cli, tmp_path, *ALL)
    assert "4 bodies, 0 organisations, 0 posts, 6 people" in result.stdout
    assert [b.name for b in model.bodies.values()] == [
        "Council",
        "Planning & Licensing Committee",  # &amp;amp; decoded twice
        "Cabinet",
        "Northmoor Health and Wellbeing Board",
    ]
    council = model.bodies["council"]
    assert council.root and council.kind == "council"
    assert model.bodies["cabinet"].kind == "cabinet"
    assert model.bodies["northmoor-health-and-wellbeing-board"].kind == "board"


def test_deleted_and_expired_committees_are_left_out_and_reported(cli: Cli, tmp_path: Path) -> None:
    model, result = imported(cli, tmp_path, *ALL)
    names = {b.name for b in model.bodies.values()}
    assert "TEST - do not use" not in names and "Scrutiny Task Group - Flooding" not in names
    assert "deleted committee (committeedeleted True) left out (e.g. TEST - do not use)" in (
        result.stderr
    )
    assert "expired committee left out" in result.stderr


def test_include_expired_keeps_it_current_with_a_comment_asking_for_the_date(
    cli: Cli, tmp_path: Path
) -> None:
    model, _ = imported(cli, tmp_path, MODERNGOV / "GetCommittees.xml", "--include-expired")
    expired = model.bodies["scrutiny-task-group-flooding"]
    assert expired.dissolved is None and expired.kind == "sub-group"
    text = (tmp_path / "northmoor" / "bodies.yaml").read_text()
    assert (
        "  # ModernGov marks this committee expired but gives no date:\n"
        "  # add `dissolved: YYYY-MM-DD` below (or delete the body)\n"
        "  - id: scrutiny-task-group-flooding  # ModernGov committee 205\n"
    ) in text


def test_councillors_terms_become_council_memberships(cli: Cli, tmp_path: Path) -> None:
    model, _ = imported(cli, tmp_path, *ALL)
    council = [
        (m.member, m.role, m.from_, m.to, m.term_ends) for m in model.bodies["council"].members
    ]
    assert council == [
        # two back-to-back terms (re-election) are one membership; "unspecified" end
        # keyposts "Chairman of the Council" and "Vice-Chairman": one seat carrying the role
        ("ada-fenwick", "chair", date(2017, 5, 4), None, None),
        ("tomasz-brierley", "vice-chair", date(2021, 5, 6), None, date(2025, 5, 1)),
        ("nell-oakhurst", "member", date(2025, 5, 1), None, None),
    ]
    notes = {m.member: m.note for m in model.bodies["council"].members}
    assert notes["nell-oakhurst"] == (
        "Labour; ward: Fenside & Marsh; representing Northmoor Association of Parish Councils"
    )
    assert model.people["ada-fenwick"].name == "Councillor Ada Fenwick"


def test_meeting_attendees_become_committee_members(cli: Cli, tmp_path: Path) -> None:
    model, _ = imported(cli, tmp_path, *ALL)
    planning = {
        m.member: (m.role, m.from_, m.to, m.voting)
        for m in model.bodies["planning-and-licensing-committee"].members
    }
    assert planning == {
        "ada-fenwick": ("chair", date(2026, 1, 13), None, True),  # "Chairman" at both
        "tomasz-brierley": ("vice-chair", date(2026, 1, 13), date(2026, 1, 13), True),
        "nell-oakhurst": ("member", date(2026, 1, 13), None, True),
        # not listed at the latest meeting: ends on the last one they were listed at
        "rufus-penhallow": ("member", date(2026, 1, 13), date(2026, 1, 13), True),
        "esme-varga": ("substitute", date(2026, 3, 10), None, True),
        "declan-shaw": ("member", date(2026, 3, 10), None, False),  # co-opted, non-voting
    }
    assert "ivo-thresh" not in model.people  # an officer, not a member


def test_the_unimported_are_listed(cli: Cli, tmp_path: Path) -> None:
    _, result = imported(cli, tmp_path, *ALL)
    assert "1 × attendee who is not a member (officer, clerk, guest) (e.g. Ivo Thresh)" in (
        result.stderr
    )
    assert "key post with no place in the model (not imported) (e.g. Cabinet Member for" in (
        result.stderr
    )
    # contact details are deliberately not imported, and said so
    assert "councillor.email ×2" in result.stderr
    assert "councillor.workaddress ×1" in result.stderr


def test_a_count_that_disagrees_with_the_entries_is_reported(tmp_path: Path) -> None:
    short = tmp_path / "GetCommittees.xml"
    short.write_text(
        "<committees><committeescount> 3</committeescount>"
        "<committee><committeeid>1</committeeid><committeetitle>Council</committeetitle>"
        "<committeedeleted>False</committeedeleted><committeeexpired>False</committeeexpired>"
        "</committee></committees>",
        encoding="utf-8",
    )
    draft = import_moderngov([short])
    assert draft.skipped.counts["response whose count differs from its entries (truncated?)"] == 1
    assert "GetCommittees.xml: committeescount 3, entries 1" in draft.skipped.lines()[0]


def test_a_soap_envelope_is_read_like_a_plain_response(tmp_path: Path) -> None:
    soap = tmp_path / "soap.xml"
    soap.write_text(
        '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>'
        '<GetCommitteesResponse xmlns="http://moderngov.co.uk/namespaces"><GetCommitteesResult>'
        "<committees><committee><committeeid>7</committeeid>"
        "<committeetitle>Licensing Sub-Committee</committeetitle></committee></committees>"
        "</GetCommitteesResult></GetCommitteesResponse></soap:Body></soap:Envelope>",
        encoding="utf-8",
    )
    draft = import_moderngov([soap])
    assert [(b["id"], b["kind"]) for b in draft.bodies] == [
        ("licensing-sub-committee", "sub-group")
    ]


def test_british_dates_and_bad_values_are_handled(tmp_path: Path) -> None:
    meeting = tmp_path / "m.xml"
    meeting.write_text(
        "<getmeeting><meeting><committeeid>9</committeeid><committeetitle>Panel</committeetitle>"
        "<meetingdate>31/13/2026</meetingdate><attendees>"
        '<attendee memberid="1" name="Cllr A" roledescription="Secretary"/>'
        "</attendees></meeting></getmeeting>",
        encoding="utf-8",
    )
    draft = import_moderngov([meeting])
    assert draft.bodies[0]["members"] == [
        {"member": "a", "note": "role: Secretary; listed at 1 meeting"}
    ]
    lines = "\n".join(draft.skipped.lines())
    assert "date not understood (left out) (e.g. m.xml: '31/13/2026')" in lines
    assert "role with no govgraph equivalent (kept as member, noted) (e.g. Secretary)" in lines


def test_html_error_page_is_refused_naming_the_file(cli: Cli, tmp_path: Path) -> None:
    result = cli("import", "moderngov", MALFORMED / "error-page.xml", "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert "error-page.xml: this is an HTML page titled 'Runtime Error', not an XML response" in (
        result.stderr
    )
    assert not (tmp_path / "out").exists()


def test_entity_declarations_are_refused_before_expansion(tmp_path: Path) -> None:
    with pytest.raises(GovgraphError, match=r"entity-bomb.xml:2: refused: .*DOCTYPE"):
        import_moderngov([MALFORMED / "entity-bomb.xml"])
    # a real bomb (10^9 expansions) is refused as fast as the small one
    bomb = tmp_path / "bomb.xml"
    entities = "".join(f'<!ENTITY e{i} "{("&e" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    bomb.write_text(
        f'<?xml version="1.0"?><!DOCTYPE c [<!ENTITY e0 "lol">{entities}]><c>&e9;</c>',
        encoding="utf-8",
    )
    started = time.monotonic()
    with pytest.raises(GovgraphError, match="refused"):
        import_moderngov([bomb])
    assert time.monotonic() - started < 5


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "<committees><committee></committees>",
            "x.xml:1:26: not well-formed XML (mismatched tag)",
        ),
        ("", "x.xml: the file is empty"),
        ("<getmeetings/>", "lists meetings but not who sits on them"),
        ("<feed><entry/></feed>", "<feed> is not a ModernGov response govgraph reads"),
        ("<meeting><attendees/></meeting>", "the meeting names no committee"),
        (
            '<?xml version="1.0"?>\n<html><head><title>Login</title></head><body><br></body></html>',
            "this is an HTML page titled 'Login'",
        ),
    ],
)
def test_malformed_responses_are_refused_clearly(
    cli: Cli, tmp_path: Path, content: str, message: str
) -> None:
    bad = tmp_path / "x.xml"
    bad.write_text(content, encoding="utf-8")
    result = cli("import", "moderngov", bad, "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_existing_model_is_not_overwritten_without_force(cli: Cli, tmp_path: Path) -> None:
    imported(cli, tmp_path, *ALL)
    again = cli("import", "moderngov", *ALL, "-o", tmp_path / "northmoor")
    assert again.exit_code == 2 and "already exist" in again.stderr
    forced = cli("import", "moderngov", *ALL, "-o", tmp_path / "northmoor", "--force")
    assert forced.exit_code == 0


def test_a_meeting_saved_twice_counts_once(tmp_path: Path) -> None:
    draft = import_moderngov([*ALL, MODERNGOV / "GetMeeting-2041.xml"])
    planning = next(b for b in draft.bodies if b["id"] == "planning-and-licensing-committee")
    chair = next(m for m in planning["members"] if m["member"] == "ada-fenwick")
    assert chair["note"] == "listed at 2 meetings"
    assert draft.skipped.counts["the same meeting given twice (read once)"] == 1
