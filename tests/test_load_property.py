"""Property tests: whatever text or structure a user writes, govgraph either loads it
or explains what is wrong. It never fails with an uncaught exception."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govgraph
from govgraph.errors import GovgraphError, ModelLoadError

FIELDS = [
    "id", "name", "kind", "root", "reports_to", "members", "body", "member", "from", "to",
    "role", "direction", "established", "dissolved", "tags", "requires", "tag", "holders",
    "person", "title", "ignore", "check", "reason", "succeeded_by", "predecessor", "bogus",
]  # fmt: skip
SECTIONS = ["bodies", "organisations", "people", "posts", "other"]
IDS = ["a", "b", "c", "council", "Bad Id", ""]
DATES = ["2020-01-01", "2023-02-30", "2021-12-31", "yesterday", "2019-07"]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 5),
    st.sampled_from(IDS + DATES + ["both", "up", "chair", "board"]),
    st.text(max_size=8),
)
values: st.SearchStrategy[Any] = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(FIELDS), inner, max_size=5),
    ),
    max_leaves=25,
)
documents = st.one_of(values, st.dictionaries(st.sampled_from(SECTIONS), values, max_size=4))


def _load_text(text: str | bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "model.yaml"
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        try:
            model = govgraph.load(folder)
        except ModelLoadError as exc:
            assert exc.problems, "a refused model names at least one problem"
            for problem in exc.problems:
                assert problem.file.endswith("model.yaml")
                assert problem.message and "pydantic" not in problem.message.lower()
        except GovgraphError:
            pass
        else:
            govgraph.build_graph(model)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_arbitrary_structures_load_or_explain(document: Any) -> None:
    _load_text(yaml.safe_dump(document, allow_unicode=True))


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("bodies:-{}[]&*!|>#'\" \n\tidname0a,") + ["\u2028"])))
def test_arbitrary_text_loads_or_explains(text: str) -> None:
    _load_text(text)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=64))
def test_arbitrary_bytes_load_or_explain(data: bytes) -> None:
    _load_text(data)
