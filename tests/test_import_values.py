"""The pieces importers share: ids, dates, roles, kinds and the YAML writer."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govgraph.interop.draft import Draft
from govgraph.interop.files import write_draft
from govgraph.interop.values import (
    IdAllocator,
    body_kind,
    british_date,
    clean_text,
    is_opaque,
    partial_date,
    person_slug,
    role_of,
    slugify,
    true_false,
)
from govgraph.interop.yaml_writer import render_section, scalar
from govgraph.schema import ID_PATTERN
from govgraph.yamlread import parse_yaml


@given(st.text())
def test_every_slug_is_a_valid_id(text: str) -> None:
    assert re.match(ID_PATTERN, slugify(text))
    assert re.match(ID_PATTERN, person_slug(text))


def test_ids_are_unique_and_the_mapping_is_kept() -> None:
    ids = IdAllocator()
    assert ids.claim("organization", "1", "planning") == "planning"
    assert ids.claim("person", "1", "Planning") == "planning-2"  # one namespace for all kinds
    assert ids.claim("organization", "1", "other") == "planning"  # same source, same id
    assert ids.get("person", "1") == "planning-2"
    assert person_slug("Cllr Dr Mary-Jane O'Neill") == "mary-jane-o-neill"


@pytest.mark.parametrize(
    ("source", "opaque"),
    [
        ("42", True),
        ("ocd-person/1f9a6c7e-1e8d-4d1e-9c55-0a6a2c3d4e5f", True),
        ("Q12345", True),
        ("person/abc123def4567890", True),
        ("hwb", False),
        ("ocd-organization/country:gb/council:worcs", False),
    ],
)
def test_opaque_ids(source: str, opaque: bool) -> None:
    assert is_opaque(source) is opaque


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2019", date(2019, 1, 1), date(2019, 12, 31)),
        ("2020-02", date(2020, 2, 1), date(2020, 2, 29)),
        ("2019-07-04", date(2019, 7, 4), date(2019, 7, 4)),
        ("2019-07-04T23:00:00+01:00", date(2019, 7, 4), date(2019, 7, 4)),
    ],
)
def test_partial_dates(text: str, start: date, end: date) -> None:
    assert partial_date(text) == start
    assert partial_date(text, end=True) == end


@pytest.mark.parametrize("text", ["spring 2020", "2019-13", "19/07/2019", ""])
def test_partial_dates_refuse_other_text(text: str) -> None:
    with pytest.raises(ValueError):
        partial_date(text)


def test_british_dates_booleans_and_text() -> None:
    assert british_date("09/05/2011") == date(2011, 5, 9)
    assert british_date("9/5/2011 18:30") == date(2011, 5, 9)
    assert british_date("Unspecified") is None
    with pytest.raises(ValueError):
        british_date("2011-05-09")
    assert (true_false(" True "), true_false("false"), true_false("  ")) == (True, False, None)
    with pytest.raises(ValueError):
        true_false("maybe")
    assert clean_text("Fish &amp;amp;amp; Chips") == "Fish & Chips"
    assert clean_text("R&D") == "R&D"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Chairman", "chair"),
        ("Chair", "chair"),
        ("Chairperson of the Board", "chair"),
        ("Vice-Chairman", "vice-chair"),
        ("Deputy Chair", "vice-chair"),
        ("Committee Member", "member"),
        ("Co-opted Member", "member"),
        ("Substitute Member", "substitute"),
        ("Advisor", "adviser"),
        ("Observer", "observer"),
        ("Treasurer", None),
        ("Chief Executive", None),
    ],
)
def test_roles(text: str, role: str | None) -> None:
    assert role_of(text) == role


def test_body_kinds_from_words() -> None:
    assert body_kind("Licensing Sub-Committee") == "sub-group"
    assert body_kind("Community Safety Partnership") == "partnership"
    assert body_kind("executive", "Anything") == "cabinet"
    assert body_kind("Youth Council") == "council"
    assert body_kind("Councillors' Forum") == "forum"
    assert body_kind(None, "Leaders Group") == "other"


# --- the YAML writer: anything it writes reads back as the same value ---------------------

_TEXT = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=40)


@settings(max_examples=300)
@given(_TEXT)
def test_scalars_read_back_unchanged(text: str) -> None:
    assert parse_yaml(f"k: {scalar(text)}\n")["k"] == text
    assert parse_yaml(f"k: {{a: {scalar(text, flow=True)}}}\n")["k"]["a"] == text


@settings(max_examples=100)
@given(name=_TEXT, note=_TEXT, origin=st.text(max_size=30))
def test_sections_read_back_unchanged(name: str, note: str, origin: str) -> None:
    draft = Draft(source="test", files=["a.json"])
    draft.bodies.append(
        {
            "id": "b",
            "name": name,
            "members": [{"member": "p", "note": note, "from": date(2020, 1, 1)}],
        }
    )
    draft.origins["b"] = origin
    draft.comments["b"] = [origin]
    data = parse_yaml(render_section(draft, "bodies"))
    assert data["bodies"][0]["name"] == name
    assert data["bodies"][0]["members"][0] == {"member": "p", "note": note, "from": "2020-01-01"}


def test_long_entries_are_written_as_blocks_and_short_ones_on_one_line() -> None:
    draft = Draft(source="test", files=["x"])
    draft.bodies.append(
        {
            "id": "b",
            "name": "B",
            "members": [{"member": "p", "role": "chair"}, {"member": "q", "note": "n" * 90}],
        }
    )
    text = render_section(draft, "bodies")
    assert "      - {member: p, role: chair}\n" in text
    assert "      - member: q\n        note: " + "n" * 90 + "\n" in text
    assert all(len(line) <= 100 for line in text.splitlines() if "n" * 90 not in line)


def test_a_draft_that_would_not_validate_is_never_written(tmp_path: Path) -> None:
    draft = Draft(source="test", files=["x"])
    draft.bodies.append({"id": "b", "name": "B", "reports_to": [{"body": "nowhere"}]})
    with pytest.raises(RuntimeError, match="does not validate"):
        write_draft(draft, tmp_path / "out")
    assert not (tmp_path / "out").exists()
    assert list(tmp_path.iterdir()) == []
