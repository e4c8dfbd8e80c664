"""The registry of checks: one module per check, listed here by hand.

The order here is the order ``govgraph checks`` lists them (FORMAT.md's order).
A test asserts that every module in this package is registered and documented
and that the slugs match :data:`govgraph.slugs.CHECK_SLUGS`.
"""

from __future__ import annotations

from govgraph.checks import orphaned_body
from govgraph.checks.base import Check, Context, Problem

CHECKS: dict[str, Check] = {
    module.SLUG: module  # type: ignore[misc]
    for module in (orphaned_body,)
}

__all__ = ["CHECKS", "Check", "Context", "Problem"]
