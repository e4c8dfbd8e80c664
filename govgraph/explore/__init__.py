"""Answers to a member's or an auditor's questions about one body or member.

:mod:`~govgraph.explore.data` builds plain dicts (the same for text, JSON and
the static site); :mod:`~govgraph.explore.text` prints them for a terminal.
"""

from __future__ import annotations

from govgraph.explore.data import (
    members_of,
    members_report,
    path_report,
    seats_report,
    show_body,
    sub_body_tree,
)

__all__ = [
    "members_of",
    "members_report",
    "path_report",
    "seats_report",
    "show_body",
    "sub_body_tree",
]
