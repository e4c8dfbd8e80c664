"""Property: ending a membership however it is written changes only that membership, and
the file then reads back as before with the one key set."""

from __future__ import annotations

import difflib
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from govgraph.fix.changes import SetKey
from govgraph.fix.yamledit import Document, apply
from govgraph.loader import load
from govgraph.schema import dump
from govgraph.yamlread import parse_yaml

OPTIONAL = {
    "role": st.sampled_from(["chair", "member", "vice-chair"]),
    "from": st.sampled_from(["2019-04-01", "'2019-04-01'", '"2020-01-31"']),
    "to": st.sampled_from(["2030-01-01", "'2031-12-31'"]),
    "reviewed": st.sampled_from(["2023-01-10"]),
    "note": st.sampled_from(["co-opted", '"ward councillor: north"', "'it''s kept'"]),
}


@st.composite
def memberships(draw: st.DrawFn) -> tuple[str, list[tuple[str, str]], bool, str]:
    keys = draw(st.lists(st.sampled_from(sorted(OPTIONAL)), unique=True))
    pairs = [("member", "jo-bloggs")] + [(key, draw(OPTIONAL[key])) for key in keys]
    order = draw(st.permutations(pairs[1:]))
    pairs = [pairs[0], *order]
    flow = draw(st.booleans())
    comment = draw(st.sampled_from(["", "   # kept by the clerk"]))
    return "", pairs, flow, comment


def _file(pairs: list[tuple[str, str]], flow: bool, comment: str) -> str:
    head = (
        "people:\n  - {id: jo-bloggs, name: Cllr Jo Bloggs}\n"
        "bodies:\n  - id: cyp\n    name: Children's Partnership\n    members:\n"
        "      - {member: jo-bloggs, role: chair}\n"
    )
    if flow:
        seat = "      - {" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}" + comment + "\n"
    else:
        lines = [f"{k}: {v}" for k, v in pairs]
        lines[-1] += comment
        seat = "      - " + "\n        ".join(lines) + "\n"
    return head + seat + "  - {id: other, name: Other Board}   # the next body\n"


@settings(max_examples=60, deadline=None)
@given(memberships(), st.dates(date(2020, 2, 1), date(2029, 12, 31)))
def test_setting_to_changes_only_the_membership(
    drawn: tuple[str, list[tuple[str, str]], bool, str], day: date
) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        _check(Path(scratch), *drawn[1:], day)


def _check(folder: Path, pairs: list[tuple[str, str]], flow: bool, comment: str, day: date) -> None:
    text = _file(pairs, flow, comment)
    (folder / "model.yaml").write_text(text, encoding="utf-8")
    model = load(folder, cache=False)
    membership = model.bodies["cyp"].members[1]
    edit = Document("model.yaml", text).edits(SetKey(membership, "to", str(day), "cyp/jo-bloggs"))
    after = apply(text, edit)

    before_seat = parse_yaml(text)["bodies"][0]["members"][1]
    after_data = parse_yaml(after)
    assert after_data["bodies"][0]["members"][1] == {**before_seat, "to": str(day)}
    assert after_data["bodies"][1] == parse_yaml(text)["bodies"][1]
    assert after_data["bodies"][0]["members"][0] == parse_yaml(text)["bodies"][0]["members"][0]
    # Only the membership's own lines differ, and its comment is kept.
    seat_start = text.index("      - {member: jo-bloggs, role: chair}\n") + 1
    unchanged_before = text[: text.index("\n", seat_start) + 1]
    assert after.startswith(unchanged_before)
    assert after.endswith("  - {id: other, name: Other Board}   # the next body\n")
    if comment:
        assert comment in after
    changed = [
        line for line in difflib.ndiff(text.splitlines(), after.splitlines()) if line[:1] in "+-"
    ]
    assert len(changed) == (2 if flow or "to" in dict(pairs) else 1)
    # What the loader makes of it: the same membership, ended on the day.
    (folder / "model.yaml").write_text(after, encoding="utf-8")
    ended = load(folder, cache=False).bodies["cyp"].members[1]
    assert dump(ended, by_alias=True) == {**dump(membership, by_alias=True), "to": day}
