"""The shipped example model finds what the Worcestershire minutes describe.

This is govgraph used on itself: if a check drifts, or someone edits the example,
the findings an officer would be shown change and this test says how.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from govgraph.audit import audit
from govgraph.loader import load

EXAMPLE = Path(__file__).resolve().parent.parent / "models" / "worcestershire"

#: On the day of writing: each problem the minutes record, as (check, subject).
TODAY = {
    # "an NHS body that was abolished years ago still listed"
    ("dissolved-member", "cyp-spb/hw-ccg"),
    # districts missing from a partnership that must include them all
    ("missing-required-member", "wscp/malvern-hills-dc"),
    ("missing-required-member", "wscp/wyre-forest-dc"),
    # hospices carried over from the old Safeguarding Children Board
    ("legacy-membership", "wscp/primrose-hospice"),
    ("legacy-membership", "wscp/st-richards-hospice"),
    ("review-overdue", "wscp/primrose-hospice"),
    ("review-overdue", "wscp/st-richards-hospice"),
    # the Youth Cabinet: no reporting line, no chair
    ("orphaned-body", "youth-cabinet"),
    ("no-chair", "youth-cabinet"),
    # scrutiny receives the Partnership's report but does not direct it
    ("one-way-reporting", "wscp"),
    # a councillor who lost their seat, a co-optee whose term ran out
    ("departed-member", "corporate-parenting/cllr-derek-lowe"),
    ("review-overdue", "corporate-parenting/cllr-derek-lowe"),
    ("term-expired", "cf-scrutiny/revd-anne-cole"),
    # the abolished improvement board and the wound-up programme
    ("membership-of-dissolved-body", "improvement-board/ofsted"),
    ("membership-of-dissolved-body", "improvement-board/cllr-kate-ellery"),
    ("membership-of-dissolved-body", "connecting-families/vcs"),
    # the Director of Early Help post, vacant since the restructure
    ("vacant-post", "cyp-spb/director-early-help"),
    ("vacant-post", "get-safe/director-early-help"),
    ("vacant-post", "wscp-qapp/director-early-help"),
    # the strategic board: too big, its annual report late
    ("large-membership", "cyp-spb"),
    ("report-overdue", "cyp-spb"),
    ("many-roles", "helen-ashdown"),
}

#: What the model accepts on purpose, each with its reason in the YAML.
WAIVED = {
    ("empty-body", "council"),
    ("many-roles", "hw-icb"),
    ("many-roles", "west-mercia-police"),
    ("many-roles", "schools"),
}


def test_the_example_loads_with_every_part_of_the_format() -> None:
    counts = load(EXAMPLE).counts()
    assert counts["bodies"] >= 15 and counts["memberships"] >= 100


def test_today_the_example_shows_the_problems_of_the_minutes() -> None:
    result = audit(load(EXAMPLE), on=date(2026, 11, 28))
    assert {(f.check, f.subject) for f in result.findings} == TODAY
    assert {(w.finding.check, w.finding.subject) for w in result.waived} == WAIVED
    assert result.exit_code(strict=False) == 1


def test_the_ccg_finding_reads_as_the_issue_asks() -> None:
    result = audit(load(EXAMPLE), on=date(2026, 11, 28))
    [ccg] = [f for f in result.findings if f.check == "dissolved-member"]
    assert ccg.message.startswith(
        "NHS Herefordshire and Worcestershire CCG was dissolved on 2022-06-30 and succeeded by "
        "NHS Herefordshire and Worcestershire Integrated Care Board; end its membership"
    )
    assert (ccg.file, ccg.line) == ("bodies/health-and-wellbeing.yaml", 48)


@pytest.mark.parametrize(
    ("on", "present", "absent"),
    [
        # Before the CCG was dissolved its seat was right, and the ICB not yet required.
        (
            date(2021, 6, 1),
            {("membership-of-dissolved-body", "improvement-board/ofsted")},
            {("dissolved-member", "cyp-spb/hw-ccg"), ("missing-required-member", "wscp/hw-icb")},
        ),
        # Before the Partnership existed (the old Board's time) nothing is said about it.
        (
            date(2019, 1, 1),
            set(),
            {("missing-required-member", "wscp/malvern-hills-dc"), ("one-way-reporting", "wscp")},
        ),
    ],
)
def test_the_as_of_date_changes_what_is_found(
    on: date, present: set[tuple[str, str]], absent: set[tuple[str, str]]
) -> None:
    found = {(f.check, f.subject) for f in audit(load(EXAMPLE), on=on).findings}
    assert present <= found
    assert not absent & found
