"""The library's way to build and dump entities (README, "The library")."""

from __future__ import annotations

import pickle
from datetime import date

import pytest
from pydantic import ValidationError
from support import EXAMPLE

from govgraph import load
from govgraph.schema import Body, dump, validate


def test_an_entity_is_built_from_a_mapping_and_dumped_back() -> None:
    raw = {
        "id": "hwb",
        "name": "Health and Wellbeing Board",
        "members": [{"member": "wcc", "from": "2023-01-01", "role": "chair"}],
        "reports_to": [{"body": "council", "frequency": "quarterly"}],
    }
    body = validate(Body, raw)
    assert body.members[0].from_ == date(2023, 1, 1)
    assert dump(body, mode="json", by_alias=True, exclude_defaults=True) == raw


def test_validate_refuses_what_the_loader_refuses() -> None:
    with pytest.raises(ValidationError):
        validate(Body, {"id": "hwb", "name": "HWB", "members": [{"member": "x", "bogus": 1}]})


def test_loaded_entities_keep_their_positions_through_a_pickle() -> None:
    model = load(EXAMPLE)
    body = model.bodies["hwb"]
    membership = body.members[0]
    assert body.position == ("bodies/health-and-wellbeing.yaml", 3)
    assert membership.file == body.file and membership.line > body.line
    copy = pickle.loads(pickle.dumps(body))  # as the cache keeps them
    assert copy.position == body.position
    assert copy.members[0].position == membership.position
    assert copy.line_of("members") == body.line_of("members") > body.line
