"""The check slugs of FORMAT.md: the names findings, ignores and settings use.

Kept apart from the checks themselves so that the loader can validate
``ignore`` entries and ``checks:`` settings without importing every check;
a test asserts this list and the check registry agree.
"""

from __future__ import annotations

CHECK_SLUGS: tuple[str, ...] = (
    "reporting-cycle",
    "orphaned-body",
    "one-way-reporting",
    "report-overdue",
    "dissolved-member",
    "departed-member",
    "vacant-post",
    "term-expired",
    "review-overdue",
    "legacy-membership",
    "membership-of-dissolved-body",
    "missing-required-member",
    "no-chair",
    "empty-body",
    "large-membership",
    "many-roles",
    "statutory-composition",
    "abolished-organisation-kind",
    "duplicate-name",
    "undelivered-priority",
)
