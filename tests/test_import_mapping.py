"""The mapping every importer shares: the role vocabulary's entries, as users meet them."""

from __future__ import annotations

import pytest

from govgraph.interop.roles import RoleMapper


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # Legislatures' titles (Open States): the role, with the title kept as a note
        ("senior chair", ("chair", "senior chair")),
        ("Senior Chair", ("chair", "Senior Chair")),
        ("Ranking Member", ("member", "Ranking Member")),
        ("ranking minority member", ("member", "ranking minority member")),
        # ... and what they must not swallow
        ("Chair", ("chair", None)),
        ("Minority Chair", ("member", "role: Minority Chair")),
    ],
)
def test_legislature_titles_map_to_a_role_and_keep_the_title(
    title: str, expected: tuple[str, str | None]
) -> None:
    assert RoleMapper().role(title) == expected


def test_the_summary_counts_a_legislature_title_as_mapped() -> None:
    mapper = RoleMapper()
    for title in ("senior chair", "senior chair", "Ranking Member"):
        mapper.role(title)
    assert mapper.lines() == [
        "roles mapped by the vocabulary: senior chair → chair ×2, Ranking Member → member"
    ]
