"""The registry of checks: one module per check, listed here by hand.

The order here is the order ``govgraph checks`` lists them (FORMAT.md's order).
A test asserts that every module in this package is registered and documented
and that the slugs match :data:`govgraph.slugs.CHECK_SLUGS`.
"""

from __future__ import annotations

from govgraph.checks import (
    abolished_organisation_kind,
    departed_member,
    dissolved_member,
    duplicate_name,
    empty_body,
    large_membership,
    legacy_membership,
    many_roles,
    membership_of_dissolved_body,
    missing_required_member,
    no_chair,
    one_way_reporting,
    orphaned_body,
    report_overdue,
    reporting_cycle,
    review_overdue,
    statutory_composition,
    term_expired,
    undelivered_priority,
    vacant_post,
)
from govgraph.checks.base import Check, Context, Problem

CHECKS: dict[str, Check] = {
    module.SLUG: module
    for module in (
        reporting_cycle,
        orphaned_body,
        one_way_reporting,
        report_overdue,
        dissolved_member,
        departed_member,
        vacant_post,
        term_expired,
        review_overdue,
        legacy_membership,
        membership_of_dissolved_body,
        missing_required_member,
        no_chair,
        empty_body,
        large_membership,
        many_roles,
        statutory_composition,
        abolished_organisation_kind,
        duplicate_name,
        undelivered_priority,
    )
}

__all__ = ["CHECKS", "Check", "Context", "Problem"]
