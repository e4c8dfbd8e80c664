"""``govgraph import moderngov``: saved ModernGov responses into a model folder."""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from support import CliResult

from govgraph.errors import GovgraphError
from govgraph.interop.mapping import finish
from govgraph.interop.moderngov_import import import_moderngov
from govgraph.interop.moderngov_rules import (
    is_council,
    not_a_member,
    seat_periods,
    split_keyposts,
)
from govgraph.interop.roles import RoleMapper
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
    # the one organisation: Nell Oakhurst's `representing` names an association
    assert "4 bodies, 1 organisation, 0 posts, 6 people" in result.stdout
    assert [b.name for b in model.bodies.values()] == [
        "Council",
        "Planning & Licensing Committee",  # &amp;amp; decoded twice
        "Cabinet",
        "Northmoor Health and Wellbeing Board",
    ]
    council = model.bodies["council"]
    assert council.root and council.kind == "council"
    # the council is the source's root: every committee reports to it
    assert all(
        [line.body for line in b.reports_to] == ["council"]
        for b in model.bodies.values()
        if b.id != "council"
    )
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
        # the first term ends on the day the second begins (re-election): it ends the day
        # before; the key post "Chairman of the Council" (undated) is put on the current term
        ("ada-fenwick", "member", date(2017, 5, 4), date(2021, 5, 5), None),
        ("ada-fenwick", "chair", date(2021, 5, 6), None, None),  # "unspecified" end
        # "Vice-Chairman of the Council": one seat carrying the role, not two
        ("tomasz-brierley", "vice-chair", date(2021, 5, 6), None, date(2025, 5, 1)),
        ("nell-oakhurst", "member", date(2025, 5, 1), None, None),
    ]
    members = {m.member: m for m in model.bodies["council"].members}
    assert members["nell-oakhurst"].note == "Labour; ward: Fenside & Marsh"
    # `representing` names an organisation: the seat is that organisation's
    assert members["nell-oakhurst"].on_behalf_of == "northmoor-association-of-parish-councils"
    assert model.organisations["northmoor-association-of-parish-councils"].name == (
        "Northmoor Association of Parish Councils"
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
    assert "key post that is not a role on a body (not imported) (e.g. Cabinet Member for" in (
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
    assert "GetCommittees.xml:1: committeescount 3, entries 1" in draft.skipped.lines()[0]


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
    assert "date not understood (left out) (e.g. m.xml:1: '31/13/2026')" in lines
    assert "1 × role not in the vocabulary (kept as member, noted" in "\n".join(
        draft.summary_lines()
    )


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
        ("<feed><entry/></feed>", "none of the files is a ModernGov response govgraph reads"),
        ("<getmeetings/>", "x.xml: no committees, councillors or placed meetings"),
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
    people = tmp_path / "northmoor" / "people.yaml"
    people.write_text(people.read_text() + "# edited by hand\n", encoding="utf-8")
    again = cli("import", "moderngov", *ALL, "-o", tmp_path / "northmoor")
    assert again.exit_code == 2 and "already exists" in again.stderr
    forced = cli("import", "moderngov", *ALL, "-o", tmp_path / "northmoor", "--force")
    assert forced.exit_code == 0


def test_a_meeting_saved_twice_counts_once(tmp_path: Path) -> None:
    draft = import_moderngov([*ALL, MODERNGOV / "GetMeeting-2041.xml"])
    planning = next(b for b in draft.bodies if b["id"] == "planning-and-licensing-committee")
    chair = next(m for m in planning["members"] if m["member"] == "ada-fenwick")
    assert chair["note"] == "listed at 2 meetings"
    assert draft.skipped.counts["the same meeting given twice (read once)"] == 1
    assert draft.read[-1] == "GetMeeting-2041.xml: meeting 2041 again (read once)"


# --- real responses: Manchester City Council's, as saved by Democracy Club's LGSF ---------

REAL = Path(__file__).parent / "fixtures" / "real" / "moderngov"


def _source(name: str) -> ET.Element:
    return ET.parse(REAL / name).getroot()


def test_real_responses_give_one_body_per_committee_id(cli: Cli, tmp_path: Path) -> None:
    model, result = imported(cli, tmp_path, *sorted(REAL.glob("*.xml")))
    committees = _source("committees.xml").findall("committee")
    current = [c for c in committees if c.findtext("committeeexpired", "").strip() == "False"]
    expired = [c for c in committees if c.findtext("committeeexpired", "").strip() == "True"]
    names = [b.name for b in model.bodies.values()]
    for committee in current:  # each current committee once, whichever file named it
        assert names.count(committee.findtext("committeetitle", "")) == 1
    for committee in expired:
        assert committee.findtext("committeetitle") not in names
    assert "1 × expired committee left out" in result.stderr


def test_real_meetings_without_a_committee_id_are_placed_through_getmeetings(
    cli: Cli, tmp_path: Path
) -> None:
    model, result = imported(cli, tmp_path, *sorted(REAL.glob("*.xml")))
    listing = _source("meetings.xml").find("committee")
    assert listing is not None
    audit = next(b for b in model.bodies.values() if b.name == listing.findtext("committeetitle"))
    # who the two attendee lists name, and the first meeting each is listed at
    first: dict[str, date] = {}
    for name in ("meeting_no_minutes.xml", "meeting_with_minutes.xml"):
        meeting = _source(name)
        assert meeting.find("committeeid") is None  # the meeting names no committee
        day = date(*reversed([int(p) for p in meeting.findtext("meetingdate", "").split("/")]))
        for attendee in meeting.iter("attendee"):
            who = attendee.get("name", "")
            first[who] = min(first.get(who, day), day)
    assert {model.people[m.member].name: m.from_ for m in audit.members} == first
    assert all(m.to is None and m.role == "member" for m in audit.members)
    assert (
        "read meeting_with_minutes.xml: meeting 4967 of Audit Committee on 10/02/2026, "
        "1 attendee (committee from meetings.xml)"
    ) in result.stderr
    assert "read meetings.xml: 2 meetings of 1 committee" in result.stderr


def test_getcommittees_with_one_real_meeting_makes_one_audit_committee(
    cli: Cli, tmp_path: Path
) -> None:
    """Without GetMeetings the committee is the one the meeting's documents name."""
    model, result = imported(
        cli, tmp_path, REAL / "committees.xml", REAL / "meeting_with_minutes.xml"
    )
    audits = [b for b in model.bodies.values() if b.name == "Audit Committee"]
    assert len(audits) == 1 and len(audits[0].members) == 1
    assert "(committee named on its documents)" in result.stderr


def test_a_meeting_naming_no_committee_is_listed_not_fatal(cli: Cli, tmp_path: Path) -> None:
    model, result = imported(
        cli, tmp_path, REAL / "committees.xml", REAL / "meeting_no_minutes.xml"
    )
    assert not model.people
    assert (
        "1 × meeting naming no committee (give the GetMeetings response that lists it) "
        "(e.g. meeting_no_minutes.xml:2: meeting 4966)"
    ) in result.stderr


def test_a_key_post_on_a_committee_in_the_files_makes_its_chair(cli: Cli, tmp_path: Path) -> None:
    """Manchester's attendee entries carry the councillor's key posts."""
    committees = tmp_path / "committees.xml"
    committees.write_text(
        (REAL / "committees.xml")
        .read_text(encoding="utf-8")
        .replace(
            "</committees>",
            "<committee><committeeid>150</committeeid><committeetitle>Health Scrutiny "
            "Committee</committeetitle><committeedeleted>False</committeedeleted>"
            "<committeeexpired>False</committeeexpired></committee></committees>",
        ),
        encoding="utf-8",
    )
    model, _ = imported(
        cli, tmp_path, committees, REAL / "meetings.xml", REAL / "meeting_no_minutes.xml"
    )
    scrutiny = model.bodies["health-scrutiny-committee"]
    assert [(m.member, m.role) for m in scrutiny.members] == [("basil-curley", "chair")]


# --- a folder of mixed files --------------------------------------------------------------


def test_a_folder_holding_a_response_govgraph_does_not_read_imports_the_rest(
    cli: Cli, tmp_path: Path
) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    for path in [*ALL, *REAL.glob("*.xml")]:
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "GetElectionResults.xml").write_text(
        "<electionresults><election><electionid>7</electionid></election></electionresults>",
        encoding="utf-8",
    )
    model, result = imported(cli, tmp_path, *sorted(folder.glob("*.xml")))
    assert (
        "read GetElectionResults.xml: skipped: <electionresults> is not a GetCommittees, "
        "GetMeetings, GetMeeting or GetCouncillorsByWard response"
    ) in result.stderr
    assert "1 × file that holds nothing govgraph reads (e.g. GetElectionResults.xml)" in (
        result.stderr
    )
    assert {"Audit Committee", "Planning & Licensing Committee"} <= {
        b.name for b in model.bodies.values()
    }


def test_one_broken_file_among_good_ones_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    broken = tmp_path / "GetMeeting-9.xml"
    broken.write_text("<meeting>\n  <meetingid>9</meetingid>\n  <attendees>\n</meeting>\n")
    out = tmp_path / "out"
    result = cli("import", "moderngov", *ALL, broken, "-o", out)
    assert result.exit_code == 2
    assert "GetMeeting-9.xml:4:3: not well-formed XML (mismatched tag)" in result.stderr
    assert not out.exists()


def test_getmeetings_links_a_meeting_that_names_no_committee(tmp_path: Path) -> None:
    meeting = tmp_path / "GetMeeting-2050.xml"
    meeting.write_text(
        "<meeting><meetingid>2050</meetingid><meetingdate>10/02/2026</meetingdate><attendees>"
        '<attendee memberid="192" name="Councillor Ada Fenwick" roledescription="Chairman"/>'
        "</attendees></meeting>",
        encoding="utf-8",
    )
    draft = import_moderngov(
        [MODERNGOV / "GetCommittees.xml", MODERNGOV / "GetMeetings-312.xml", meeting]
    )
    planning = [b for b in draft.bodies if b["name"] == "Planning & Licensing Committee"]
    assert len(planning) == 1
    assert [(m["member"], m["role"]) for m in planning[0]["members"]] == [("ada-fenwick", "chair")]


# --- roles and representing through the vocabulary ---------------------------------------


def _councillors(tmp_path: Path, *councillors: tuple[str, str, str, str]) -> Path:
    """A GetCouncillorsByWard response: (id, name, keyposts, representing) per councillor."""
    entries = "".join(
        f"<councillor><councillorid>{i}</councillorid><fullusername>{name}</fullusername>"
        f"<politicalpartytitle>Labour</politicalpartytitle><representing>{rep}</representing>"
        f"<keyposts>{posts}</keyposts><termsofoffice><termofoffice><startdate>05/05/2022"
        "</startdate><enddate>unspecified</enddate></termofoffice></termsofoffice></councillor>"
        for i, name, posts, rep in councillors
    )
    path = tmp_path / "GetCouncillorsByWard.xml"
    path.write_text(
        "<councillorsbyward><wards><ward><wardtitle>Deansgate</wardtitle><councillors>"
        f"{entries}</councillors></ward></wards></councillorsbyward>",
        encoding="utf-8",
    )
    return path


def test_lord_mayor_chairs_the_council_and_deputy_mayor_is_vice_chair(
    cli: Cli, tmp_path: Path
) -> None:
    path = _councillors(
        tmp_path,
        ("1", "Councillor Paul Andrews", "Lord Mayor", ""),
        ("2", "Councillor Carmine Grimshaw", "Deputy Lord Mayor; Leader of the Council", ""),
        ("3", "Councillor Dzidra Noor", "", ""),
    )
    model, result = imported(cli, tmp_path, path)
    council = model.bodies["full-council"]
    assert council.root
    assert [(m.member, m.role, m.note) for m in council.members] == [
        ("paul-andrews", "chair", "Labour; ward: Deansgate; Lord Mayor"),
        ("carmine-grimshaw", "vice-chair", "Labour; ward: Deansgate; Deputy Lord Mayor"),
        ("dzidra-noor", "member", "Labour; ward: Deansgate"),
    ]
    assert "roles mapped by the vocabulary: Deputy Lord Mayor → vice-chair, Lord Mayor → chair" in (
        result.stderr
    )
    assert "key post that is not a role on a body (not imported) (e.g. Leader of the Council)" in (
        result.stderr
    )
    checked = cli("check", tmp_path / "northmoor")
    assert "no-chair" not in checked.stdout


@pytest.mark.parametrize(
    ("representing", "on_behalf_of", "note"),
    [
        # the nominating council: the seat is that organisation's
        ("Trafford Council", "trafford-council", "Labour; ward: Deansgate"),
        # the ward again, or words that name no organisation: kept as a note or dropped
        ("Deansgate", None, "Labour; ward: Deansgate"),
        ("Residents of the city centre", None,
         "Labour; ward: Deansgate; representing Residents of the city centre"),
    ],
)  # fmt: skip
def test_representing_is_an_organisation_only_when_it_names_one(
    tmp_path: Path, representing: str, on_behalf_of: str | None, note: str
) -> None:
    draft = import_moderngov([_councillors(tmp_path, ("1", "Cllr A Person", "", representing))])
    (seat,) = draft.bodies[0]["members"]
    assert (seat.get("on_behalf_of"), seat.get("note")) == (on_behalf_of, note)
    assert [o["id"] for o in draft.organisations] == ([on_behalf_of] if on_behalf_of else [])


def test_attendance_roles_go_through_the_vocabulary(tmp_path: Path) -> None:
    meeting = tmp_path / "m.xml"
    meeting.write_text(
        "<meeting><committeeid>5</committeeid><committeetitle>Licensing Committee</committeetitle>"
        "<meetingdate>01/02/2026</meetingdate><attendees>"
        '<attendee memberid="1" name="Cllr A" roledescription="Alternate"/>'
        '<attendee memberid="2" name="Cllr B" roledescription="Vice-Chair"/>'
        '<attendee memberid="3" name="Cllr C" roledescription="Convenor"/>'
        "</attendees></meeting>",
        encoding="utf-8",
    )
    draft = import_moderngov([meeting])
    roles = {m["member"]: m.get("role", "member") for m in draft.bodies[0]["members"]}
    assert roles == {"a": "substitute", "b": "vice-chair", "c": "chair"}
    assert draft.roles.mapped == {"Alternate → substitute": 1, "Convenor → chair": 1}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lord Mayor", [("Lord Mayor", "Lord Mayor", None)]),
        ("Chairman of the Council;Vice-Chair to the Licensing Committee",
         [("Chairman of the Council", "Chairman", "Council"),
          ("Vice-Chair to the Licensing Committee", "Vice-Chair", "Licensing Committee")]),
        ("Leader<br/>Cabinet Member for Highways",
         [("Leader", "Leader", None),
          ("Cabinet Member for Highways", "Cabinet Member for Highways", None)]),
        ("   ", []),
    ],
)  # fmt: skip
def test_key_posts_are_split_into_title_and_body(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert split_keyposts(text) == expected


def test_terms_become_seats_that_the_mapping_can_join() -> None:
    may = date(2021, 5, 6)
    # ended on the day the next began (re-election): the day before; a gap stays a gap
    assert seat_periods([(may, None), (date(2017, 5, 4), may)]) == [
        (date(2017, 5, 4), date(2021, 5, 5), None),
        (may, None, None),
    ]
    assert seat_periods([(date(2014, 5, 22), date(2018, 5, 3)), (may, date(2025, 5, 1))]) == [
        (date(2014, 5, 22), date(2018, 5, 3), None),
        (may, None, date(2025, 5, 1)),  # the last term's end is when the term ends
    ]
    assert seat_periods([]) == [(None, None, None)]


@pytest.mark.parametrize(
    ("title", "category", "council"),
    [("Council", None, True), ("Full Council", None, True), ("County Council Meeting", None, True),
     ("Manchester City Council", "Council", True), ("Council Tax Panel", None, False),
     ("Youth Council", "Partnerships", False)],
)  # fmt: skip
def test_the_council_is_recognised_by_title_or_category(
    title: str, category: str | None, council: bool
) -> None:
    assert is_council(title, category) is council


def test_getmeetings_alone_gives_the_committees_that_meet(tmp_path: Path) -> None:
    draft = import_moderngov([REAL / "meetings.xml"])
    titles = {c.findtext("committeetitle") for c in _source("meetings.xml").iter("committee")}
    assert {b["name"] for b in draft.bodies} == titles


def test_a_key_post_folds_into_a_seat_held_on_behalf_of_an_organisation(tmp_path: Path) -> None:
    path = _councillors(tmp_path, ("1", "Cllr Pat Moss", "Chairman", "Salford City Council"))
    draft = import_moderngov([path])
    finish(draft, "Fire Authority")
    (seat,) = draft.bodies[0]["members"]
    assert (seat["role"], seat["on_behalf_of"]) == ("chair", "salford-city-council")


@pytest.mark.parametrize(
    ("role", "member"),
    [("Officer", False), ("Democratic Services Officer", False), ("In attendance", False),
     ("Speaker", False), ("Guest", False), ("Presiding Officer", True), ("Reserve", True),
     ("Committee Member", True)],
)  # fmt: skip
def test_who_on_an_attendee_list_is_a_member(role: str, member: bool) -> None:
    assert not_a_member(role, RoleMapper()) is not member
