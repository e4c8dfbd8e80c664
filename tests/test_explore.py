"""govgraph show, path, seats and members: the answers a member or an auditor reads.

SAMPLE is a small model that the selection, diff and site tests share: a Full
Council with a board and a partnership below it, sub-groups two levels down
(one reporting two ways), a dissolved board, an orphaned panel, and one person
holding two posts.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from support import EXAMPLE, CliResult

ON = "2023-07-07"

SAMPLE = {
    "govgraph.yaml": """
        name: Sample County governance
        review_interval_months: 12
        """,
    "organisations.yaml": """
        organisations:
          - {id: scc, name: Sample County Council, kind: council, tags: [safeguarding-partner]}
          - {id: police, name: Sample Police, kind: police, tags: [safeguarding-partner]}
          - {id: ccg, name: Sample CCG, kind: nhs, dissolved: 2022-06-30, succeeded_by: icb}
          - {id: icb, name: Sample Integrated Care Board, kind: nhs, established: 2022-07-01}
        people:
          - {id: jo-bloggs, name: Jo Bloggs}
          - {id: sam-smith, name: Cllr Sam Smith}
        posts:
          - id: dcs
            title: Director of Children's Services
            organisation: scc
            holders: [{person: jo-bloggs, from: 2020-01-01}]
          - id: dass
            title: Director of Adult Social Services
            organisation: scc
            holders: [{person: jo-bloggs, from: 2021-01-01}]
        """,
    "bodies/top.yaml": """
        bodies:
          - id: council
            name: Full Council
            kind: council
            root: true
            members:
              - {member: sam-smith, role: chair, from: 2019-01-01}
          - id: hwb
            name: Health and Wellbeing Board
            short_name: HWB
            kind: board
            reports_to:
              - {body: council, frequency: annually, last_reported: 2023-03-01}
            members:
              - {member: sam-smith, role: chair, from: 2019-05-01, reviewed: 2023-01-10}
              - {member: dcs, from: 2019-05-01, reviewed: 2021-01-10}
              - {member: dass, from: 2019-05-01, reviewed: 2023-02-01}
              - {member: ccg, from: 2019-05-01, to: 2022-06-30}
              - {member: icb, from: 2022-07-01, reviewed: 2023-06-01}
          - id: csp
            name: Community Safety Partnership
            kind: partnership
            reports_to: [{body: council, frequency: annually}]
            members:
              - {member: police, role: chair}
              - {member: scc}
        """,
    "bodies/safeguarding.yaml": """
        bodies:
          - id: lscb
            name: Local Safeguarding Children Board
            kind: board
            dissolved: 2019-09-28
            reports_to: [{body: hwb}]
            members:
              - {member: scc, role: chair, from: 2015-01-01, to: 2019-09-28}
          - id: scp
            name: Sample Safeguarding Children Partnership
            short_name: SCP
            kind: partnership
            established: 2019-09-29
            predecessor: lscb
            reports_to: [{body: hwb, frequency: annually, last_reported: 2022-07-14}]
            members:
              - {member: scc, role: chair, from: 2019-09-29}
              - {member: police, from: 2019-09-29}
              - {member: icb, from: 2022-07-01}
              - {member: dcs, role: adviser, voting: false, from: 2019-09-29}
          - id: scp-learning
            name: Learning and Review Sub-group
            kind: sub-group
            reports_to: [{body: scp, frequency: quarterly}]
            members:
              - {member: dcs, role: chair}
          - id: exploitation
            name: Exploitation Sub-group
            kind: sub-group
            reports_to:
              - {body: scp, frequency: quarterly}
              - {body: csp, frequency: half-yearly, direction: up}
            members:
              - {member: police, role: chair}
              - {member: dcs}
          - id: youth-cabinet
            name: Youth Cabinet
            kind: panel
        """,
}

Cli = Callable[..., "CliResult"]


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read whole table rows; fitting tables to a width is tested on its own."""
    monkeypatch.setenv("COLUMNS", "250")


@pytest.fixture
def sample(model_dir: Callable[..., Path]) -> Path:
    return model_dir(SAMPLE)


def as_json(result: CliResult) -> dict:
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


# --- show ---------------------------------------------------------------------------------


def test_show_text_tells_everything_about_a_body(cli: Cli, sample: Path) -> None:
    result = cli("show", sample, "hwb", "--as-of", ON)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("Health and Wellbeing Board (hwb)\n")
    assert "Kind:       board" in out
    assert "Chair:      Cllr Sam Smith (sam-smith)" in out
    # Members on the date only: the CCG left in 2022, the ICB joined after it.
    assert "Sample CCG" not in out.split("Reports to:")[0]
    assert "Sample Integrated Care Board (icb)" in out
    assert "Director of Children's Services (dcs), held by Jo Bloggs" in out
    assert "overdue (reviewed 2021-01-10, due 2022-01-10)" in out
    assert "up to date (reviewed 2023-01-10, due 2024-01-10)" in out
    assert "Full Council (council): annually; last reported 2023-03-01" in out
    # Reported to by: the dissolved LSCB is marked as such.
    assert "Local Safeguarding Children Board (lscb): " in out
    assert "[not current on this date]" in out
    assert "└─ Full Council (council)" in out
    sub_bodies = out.split("Sub-bodies:")[1].split("Findings")[0]
    assert "└─ Sample Safeguarding Children Partnership (scp)" in sub_bodies
    assert "   └─ Exploitation Sub-group (exploitation)" in sub_bodies
    assert "review-overdue" in out.split("Findings")[1]


def test_show_json_has_the_same_facts(cli: Cli, sample: Path) -> None:
    data = as_json(cli("show", sample, "HWB", "--as-of", ON, "--format", "json"))
    assert data["id"] == "hwb" and data["status"] == "current"
    assert [c["member"] for c in data["chairs"]] == ["sam-smith"]
    assert {m["member"] for m in data["members"]} == {"sam-smith", "dcs", "dass", "icb"}
    dcs = next(m for m in data["members"] if m["member"] == "dcs")
    assert dcs["review_status"] == "overdue" and dcs["review_due"] == "2022-01-10"
    assert dcs["people"] == [{"id": "jo-bloggs", "name": "Jo Bloggs", "kind": "person"}]
    assert [[b["id"] for b in chain] for chain in data["chains"]] == [["hwb", "council"]]
    assert [(r["id"], r["depth"]) for r in data["sub_bodies"]] == [
        ("scp", 1),
        ("exploitation", 2),
        ("scp-learning", 2),
    ]
    assert {line["body"]["id"] for line in data["reported_to_by"]} == {"lscb", "scp"}
    assert all(f["subject"].startswith("hwb") for f in data["findings"])
    assert any(f["check"] == "review-overdue" for f in data["findings"])


def test_show_a_dissolved_body_says_it_is_not_current(cli: Cli, sample: Path) -> None:
    result = cli("show", sample, "Local Safeguarding Children Board", "--as-of", ON)
    assert result.exit_code == 0
    assert "dissolved 2019-09-28: not current on 2023-07-07" in result.stdout
    assert "Replaced by: Sample Safeguarding Children Partnership (scp)" in result.stdout
    assert "none: the body is not current on 2023-07-07" in result.stdout
    # On a date when it still met, it had its chair.
    earlier = cli("show", sample, "lscb", "--as-of", "2018-01-01", "--format", "json")
    assert [c["member"] for c in as_json(earlier)["chairs"]] == ["scc"]


def test_show_unknown_body_suggests_the_nearest(cli: Cli, sample: Path) -> None:
    result = cli("show", sample, "hwbb")
    assert result.exit_code == 2
    assert "there is no body 'hwbb'" in result.stderr and "did you mean 'hwb'" in result.stderr
    wrong_kind = cli("show", sample, "scc")
    assert wrong_kind.exit_code == 2
    assert "'scc' is an organisation, not a body" in wrong_kind.stderr


# --- path ---------------------------------------------------------------------------------


def test_path_draws_every_chain_to_the_top(cli: Cli, sample: Path) -> None:
    result = cli("path", sample, "exploitation", "--as-of", ON)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Exploitation Sub-group (exploitation) reports to the top through 2 chains on 2023-07-07:",
        "  Chain 1 of 2:",
        "    Exploitation Sub-group (exploitation)",
        "    └─ Community Safety Partnership (csp)  (half-yearly; up only; never reported)",
        "       └─ Full Council (council)  [root]  (annually; never reported)",
        "  Chain 2 of 2:",
        "    Exploitation Sub-group (exploitation)",
        "    └─ Sample Safeguarding Children Partnership (scp)  (quarterly; never reported)",
        "       └─ Health and Wellbeing Board (hwb)  (annually; last reported 2022-07-14)",
        "          └─ Full Council (council)  [root]  (annually; last reported 2023-03-01)",
    ]


def test_path_between_two_bodies_either_way(cli: Cli, sample: Path) -> None:
    up = as_json(
        cli("path", sample, "scp-learning", "--to", "hwb", "--as-of", ON, "--format", "json")
    )
    down = as_json(
        cli("path", sample, "hwb", "--to", "scp-learning", "--as-of", ON, "--format", "json")
    )
    assert up["direction"] == "up" and down["direction"] == "down"
    chain = [["scp-learning", "scp", "hwb"]]
    assert [[s["id"] for s in c] for c in up["chains"]] == chain
    assert [[s["id"] for s in c] for c in down["chains"]] == chain
    text = cli("path", sample, "hwb", "--to", "Learning and Review Sub-group", "--as-of", ON)
    assert text.stdout.startswith(
        "Learning and Review Sub-group (scp-learning) reports up to Health and Wellbeing Board (hwb)"
    )


def test_path_exits_1_when_there_is_no_chain(cli: Cli, sample: Path) -> None:
    orphan = cli("path", sample, "youth-cabinet", "--as-of", ON)
    assert orphan.exit_code == 1
    assert "Youth Cabinet (youth-cabinet) reaches no current root body" in orphan.stdout
    siblings = cli("path", sample, "hwb", "--to", "csp", "--as-of", ON)
    assert siblings.exit_code == 1
    assert "neither is above the other" in siblings.stdout


def test_path_of_a_body_not_current_is_a_clear_error(cli: Cli, sample: Path) -> None:
    result = cli("path", sample, "lscb", "--as-of", ON)
    assert result.exit_code == 2
    assert "is dissolved on 2023-07-07" in result.stderr and "--as-of" in result.stderr


# --- seats --------------------------------------------------------------------------------


def test_seats_of_a_post_counts_what_its_holder_combines(cli: Cli, sample: Path) -> None:
    result = cli("seats", sample, "dcs", "--as-of", ON)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        "On 2023-07-07, Director of Children's Services (held by Jo Bloggs) "
        "combines 2 posts and sits on 4 bodies."
    )
    assert "adviser (non-voting)" in result.stdout
    # The HWB seat through the other post is listed, named by that post.
    assert any(
        "Health and Wellbeing Board (hwb)" in line and "Director of Adult Social Services" in line
        for line in result.stdout.splitlines()
    )


def test_seats_of_a_person_include_their_posts(cli: Cli, sample: Path) -> None:
    data = as_json(cli("seats", sample, "Jo Bloggs", "--as-of", ON, "--format", "json"))
    assert data["member"]["kind"] == "person"
    assert [p["id"] for p in data["posts"]] == ["dass", "dcs"]
    assert {s["body"]["id"] for s in data["seats"]} == {
        "hwb",
        "scp",
        "scp-learning",
        "exploitation",
    }
    assert data["bodies"] == 4
    assert data["summary"].startswith("Jo Bloggs holds 2 posts")
    # Before Jo took up either post, Jo sat nowhere.
    before = as_json(cli("seats", sample, "jo-bloggs", "--as-of", "2019-06-01", "--format", "json"))
    assert before["seats"] == [] and before["summary"] == "Jo Bloggs sits on 0 bodies"


def test_seats_of_an_organisation_separate_own_and_posts(cli: Cli, sample: Path) -> None:
    data = as_json(cli("seats", sample, "scc", "--as-of", ON, "--format", "json"))
    own = {s["body"]["id"] for s in data["seats"] if s["through"]["id"] == "scc"}
    assert own == {"csp", "scp"}
    assert data["summary"] == (
        "Sample County Council sits on 5 bodies: 2 in its own name and 4 through its posts"
    )


def test_seats_of_a_vacant_post(cli: Cli, sample: Path) -> None:
    result = cli("seats", sample, "dcs", "--as-of", "2019-10-01")
    assert result.exit_code == 0
    first = result.stdout.splitlines()[0]
    assert first == "On 2019-10-01, Director of Children's Services is vacant and sits on 4 bodies."
    assert "held by" not in result.stdout


def test_seats_refuses_a_body(cli: Cli, sample: Path) -> None:
    result = cli("seats", sample, "hwb")
    assert result.exit_code == 2
    assert "'hwb' is a body, not an organisation, a post or a person" in result.stderr


# --- members ------------------------------------------------------------------------------


def test_members_table_on_a_date(cli: Cli, sample: Path) -> None:
    result = cli("members", sample, "hwb", "--as-of", "2022-01-01")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Health and Wellbeing Board (hwb): 4 members on 2022-01-01"
    assert lines[1].split() == ["ROLE", "MEMBER", "DATES", "TERM", "ENDS", "REVIEW"]
    assert lines[2].lstrip().startswith("chair ")  # chairs first
    assert "Sample CCG (ccg)" in result.stdout  # still a member then
    assert "Sample Integrated Care Board" not in result.stdout


def test_members_csv_is_a_spreadsheet_table(cli: Cli, model_dir: Callable[..., Path]) -> None:
    files = dict(SAMPLE)
    files["bodies/extra.yaml"] = """
        bodies:
          - id: forum
            name: Forum
            reports_to: [{body: council}]
            members:
              - {member: scc, note: "=HYPERLINK(\\"http://x\\")", from: 2020-01-01}
        """
    result = cli("members", model_dir(files), "forum", "--format", "csv", "--as-of", ON)
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 1
    assert rows[0]["member"] == "scc" and rows[0]["voting"] == "yes"
    assert rows[0]["from"] == "2020-01-01"
    # A formula in a note must not run when the CSV is opened in a spreadsheet.
    assert rows[0]["note"].startswith("'=")


def test_members_json_and_a_dissolved_body(cli: Cli, sample: Path) -> None:
    data = as_json(cli("members", sample, "scp", "--as-of", ON, "--format", "json"))
    assert [m["member"] for m in data["members"]] == ["scc", "icb", "police", "dcs"]
    gone = cli("members", sample, "lscb", "--as-of", ON)
    assert gone.exit_code == 0
    assert "is dissolved on 2023-07-07: it has no members then" in gone.stdout


@pytest.mark.parametrize("command", ["show", "path", "seats", "members", "diff", "build"])
def test_every_explore_command_has_help_with_an_example(cli: Cli, command: str) -> None:
    result = cli(command, "-h")
    assert result.exit_code == 0
    assert "Example" in result.stdout


def test_a_report_dated_after_the_as_of_date_is_marked(cli: Cli, sample: Path) -> None:
    result = cli("show", sample, "hwb", "--as-of", "2023-01-01")
    assert "last reported 2023-03-01, after the as-of date" in result.stdout
    data = as_json(cli("path", sample, "hwb", "--as-of", "2023-01-01", "--format", "json"))
    assert data["chains"][0][1]["via"]["reported_after_as_of"] is True


def test_tables_and_facts_fit_the_terminal(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = cli("show", EXAMPLE, "wscp", "--as-of", "2026-11-28")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    # A wrapped cell goes on under its own column; the words are all still there.
    header = next(line for line in lines if line.startswith("  ROLE"))
    member_column = header.index("MEMBER")
    assert any(line[:member_column].strip() == "" and line[member_column:].startswith("Worcestershire")
               for line in lines)  # fmt: skip
    assert "Independent Chair" in result.stdout and "Graham Holt" in result.stdout
    monkeypatch.setenv("COLUMNS", "250")
    assert (
        max(
            len(line)
            for line in cli("show", EXAMPLE, "wscp", "--as-of", "2026-11-28").stdout.splitlines()
        )
        > 100
    )
