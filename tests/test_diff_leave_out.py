"""govgraph diff --ignore-fields / --only: leave out what one side cannot know."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from support import CliResult, write_model

from govgraph.diff.leave_out import without_fields
from govgraph.loader import load

Cli = Callable[..., CliResult]
REAL = Path(__file__).parent / "fixtures" / "real" / "moderngov"

HAND_KEPT = """
    people:
      - {id: ann-ray, name: Cllr Ann Ray}
      - {id: bo-lee, name: Cllr Bo Lee}
    organisations:
      - {id: parishes, name: Parish Councils Association}
    bodies:
      - id: council
        name: Council
        kind: council
        root: true
        ignore: [{check: empty-body, reason: "members kept in ModernGov"}]
      - id: audit
        name: Audit Committee
        reports_to: [{body: council}]
        members:
          - {member: ann-ray, role: chair, from: 2024-05-20, reviewed: 2025-05-01,
             note: elected chair at annual council}
          - {member: bo-lee, from: 2024-05-20}
    """


def _published(*, bo_lee_leaves: bool = False, on_behalf_of: bool = False) -> str:
    """What an import gives: no notes, review dates or waivers, start dates from meetings."""
    bo = "{member: bo-lee, from: 2025-01-13, to: 2025-03-10}" if bo_lee_leaves else (
        "{member: bo-lee, from: 2025-01-13" + (", on_behalf_of: parishes}" if on_behalf_of else "}")
    )  # fmt: skip
    return HAND_KEPT.replace(
        '        ignore: [{check: empty-body, reason: "members kept in ModernGov"}]\n', ""
    ).replace(
        """          - {member: ann-ray, role: chair, from: 2024-05-20, reviewed: 2025-05-01,
             note: elected chair at annual council}
          - {member: bo-lee, from: 2024-05-20}""",
        f"          - {{member: ann-ray, role: chair, from: 2025-01-13}}\n          - {bo}",
    )


def _diff(cli: Cli, tmp_path: Path, published: str, *options: str) -> list[dict[str, str]]:
    hand = write_model(tmp_path / "hand", {"model.yaml": HAND_KEPT})
    today = write_model(tmp_path / "today", {"model.yaml": published})
    result = cli("diff", hand, today, "--format", "json", *options)
    assert result.exit_code == 0, result.stderr
    changes: list[dict[str, str]] = json.loads(result.stdout)["changes"]
    return changes


def test_without_options_every_field_the_import_cannot_know_is_a_change(
    cli: Cli, tmp_path: Path
) -> None:
    changes = _diff(cli, tmp_path, _published())
    messages = " | ".join(c["message"] for c in changes)
    assert "empty-body findings are no longer waived" in messages
    assert "note changed from 'elected chair at annual council' to none" in messages
    assert "reviewed changed from 2025-05-01 to none" in messages
    assert "start date changed from 2024-05-20 to 2025-01-13" in messages


def test_ignored_fields_leave_only_the_real_change(cli: Cli, tmp_path: Path) -> None:
    published = _published(bo_lee_leaves=True)
    changes = _diff(cli, tmp_path, published, "--ignore-fields", "note,reviewed,ignore,from")
    assert [(c["area"], c["change"], c["message"]) for c in changes] == [
        ("memberships", "ended", "Cllr Bo Lee (bo-lee) left Audit Committee (audit) on 2025-03-10")
    ]
    # nothing changed but what an import cannot know: no changes at all
    assert _diff(cli, tmp_path, _published(), "--ignore-fields", "note,reviewed,ignore,from") == []


def test_the_organisation_a_seat_is_for_is_compared(cli: Cli, tmp_path: Path) -> None:
    changes = _diff(cli, tmp_path, _published(on_behalf_of=True), "--ignore-fields", "from")
    assert [c["message"] for c in changes if c["subject"] == "audit/bo-lee"] == [
        "Cllr Bo Lee (bo-lee)'s membership of Audit Committee (audit): organisation sat for "
        "changed from none to 'parishes'"
    ]


def test_only_reports_the_areas_named(cli: Cli, tmp_path: Path) -> None:
    changes = _diff(cli, tmp_path, _published(), "--only", "bodies")
    assert changes and {c["area"] for c in changes} == {"bodies"}
    assert _diff(cli, tmp_path, _published(), "--only", "reporting-lines,people") == []


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--ignore-fields", "notes"], "'notes' is not a field a diff can leave out (did you "
         "mean 'note'?)"),
        (["--only", "membership"], "'membership' is not an area of a diff (did you mean "
         "'memberships'?)"),
        (["--ignore-fields", "note", "--as-of", "2024-01-01", "--as-of", "2025-01-01"],
         "--ignore-fields compares two versions"),
    ],
)  # fmt: skip
def test_mistaken_options_are_explained(
    cli: Cli, tmp_path: Path, options: list[str], message: str
) -> None:
    hand = write_model(tmp_path / "hand", {"model.yaml": HAND_KEPT})
    sides = [hand] if "--as-of" in options else [hand, hand]
    result = cli("diff", *sides, *options)
    assert result.exit_code == 2
    assert message in result.stderr


def test_leaving_fields_out_does_not_change_the_model_given(tmp_path: Path) -> None:
    model = load(write_model(tmp_path / "hand", {"model.yaml": HAND_KEPT}))
    blank = without_fields(model, frozenset({"note", "ignore", "from"}))
    assert [m.note for m in blank.bodies["audit"].members] == [None, None]
    assert [m.from_ for m in blank.bodies["audit"].members] == [None, None]
    assert blank.bodies["council"].ignore == []
    assert model.bodies["audit"].members[0].note == "elected chair at annual council"
    assert model.bodies["council"].ignore[0].check == "empty-body"


def test_a_hand_kept_model_against_what_moderngov_publishes(cli: Cli, tmp_path: Path) -> None:
    """The reconcile an officer runs: import today's responses, then diff."""
    files = sorted(REAL.glob("*.xml"))
    hand, today = tmp_path / "manchester", tmp_path / "today"
    assert cli("import", "moderngov", *files, "-o", hand, "--root-name", "Council").exit_code == 0
    bodies = hand / "bodies.yaml"
    text = bodies.read_text(encoding="utf-8")
    seat = "- {member: basil-curley, from: 2026-01-13, note: listed at 2 meetings}"
    assert seat in text
    bodies.write_text(
        text.replace(
            seat,
            "- {member: basil-curley, from: 2025-05-21, reviewed: 2026-05-01, "
            "note: appointed at annual council}\n      - {member: ida-kay, from: 2025-05-21}",
        ),
        encoding="utf-8",
    )
    people = hand / "people.yaml"
    people.write_text(
        people.read_text(encoding="utf-8") + "  - {id: ida-kay, name: Councillor Ida Kay}\n",
        encoding="utf-8",
    )
    # --name: the same model name, or the diff reports the name as a changed setting
    imported = cli("import", "moderngov", *files, "-o", today, "--root-name", "Council",
                   "--name", "manchester")  # fmt: skip
    assert imported.exit_code == 0
    result = cli("diff", hand, today, "--ignore-fields", "note,reviewed,from")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0].endswith(": 2 changes.")
    assert (
        "  - Councillor Ida Kay (ida-kay)'s membership of Audit Committee (audit-committee), "
        "member, was removed from the model"
    ) in result.stdout
    assert "  - Councillor Ida Kay (ida-kay) was removed from the model" in result.stdout
