"""The tiered layout: tiers, sizes, siblings under parents, wrapping, blocks, determinism."""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest
from support import EXAMPLE, model_of_bodies

from govgraph import load
from govgraph.render.labels import FONT_SIZE, MAX_LINES, TEXT_WIDTH, label, measure
from govgraph.render.screen import CHART_FIT
from govgraph.render.tiers import (
    MAX_RATIO,
    Box,
    Layout,
    chart_layout,
    overview_layout,
    pack,
    tiered_layout,
)

sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
from generate import generate  # noqa: E402

WORDS = ["Audit", "Scrutiny", "Health", "Partnership", "Board", "Licensing", "and", "Group"]


def names_for(bodies: list[str]) -> dict[str, tuple[str, str | None]]:
    """Names of varied lengths (one to five words), as councils' are."""
    return {b: (" ".join(WORDS[(i + j) % len(WORDS)] for j in range(1 + i % 5)), None)
            for i, b in enumerate(bodies)}  # fmt: skip


def tree(fanout: list[int]) -> dict[str, list[str]]:
    """A structure with ``fanout[d]`` children under each body at depth ``d``."""
    parents: dict[str, list[str]] = {"top": []}
    level = ["top"]
    for count in fanout:
        below = []
        for parent in level:
            for i in range(count):
                child = f"{parent}.{i}"
                parents[child] = [parent]
                below.append(child)
        level = below
    return parents


def boxes_of(layout: Layout) -> dict[str, Box]:
    return {box.id: box for box in layout.boxes()}


def overlaps(a: Box, b: Box) -> bool:
    return (
        a.x < b.x + b.width
        and b.x < a.x + a.width
        and a.y < b.y + b.height
        and b.y < a.y + a.height
    )


def test_a_flat_model_of_120_bodies_is_under_3_to_1() -> None:
    parents: dict[str, list[str]] = {f"c{i:03}": [] for i in range(120)}
    layout = tiered_layout(parents, names_for(list(parents)))
    assert len(list(layout.boxes())) == 120
    assert layout.width / layout.height < 3
    # ... and so is a flat family of 116 committees under one council.
    family = {"city": [], **{f"c{i:03}": ["city"] for i in range(116)}}
    layout = tiered_layout(family, names_for(list(family)))
    assert layout.width / layout.height < 3
    block = layout.blocks[0]
    assert block.width / block.height < 3


def test_no_subtree_block_is_wider_than_3_to_1() -> None:
    parents = tree([6, 8, 4])
    layout = tiered_layout(parents, names_for(list(parents)))
    placed = boxes_of(layout)
    children = defaultdict(list)
    for line in layout.connectors():
        children[line.parent].append(line.child)
    for parent in children:
        family = [parent]
        for body in family:
            family += children.get(body, [])
        left = min(placed[b].x for b in family)
        right = max(placed[b].x + placed[b].width for b in family)
        top = min(placed[b].y for b in family)
        bottom = max(placed[b].y + placed[b].height for b in family)
        assert (right - left) / (bottom - top) <= MAX_RATIO + 0.1, parent


def test_boxes_in_one_tier_have_one_size() -> None:
    for layout in (chart_layout(load(EXAMPLE), list(load(EXAMPLE).bodies)),
                   tiered_layout(tree([3, 5]), names_for(list(tree([3, 5]))))):  # fmt: skip
        sizes = defaultdict(set)
        for box in layout.boxes():
            sizes[box.tier].add((box.width, box.height))
        assert all(len(s) == 1 for s in sizes.values()), sizes
        assert [next(iter(sizes[t])) for t in sorted(sizes)] == list(layout.tiers)


def test_siblings_sit_under_their_parent_in_blocks_of_their_own() -> None:
    parents = tree([4, 5])
    layout = tiered_layout(parents, names_for(list(parents)))
    placed = boxes_of(layout)
    for body, above in parents.items():
        if above:
            assert placed[body].y >= placed[above[0]].y + placed[above[0]].height
            assert placed[body].tier == placed[above[0]].tier + 1
    # Each of the top's children's families occupies a region no other family enters.
    regions = []
    for i in range(4):
        family = [placed[f"top.{i}"]] + [placed[f"top.{i}.{j}"] for j in range(5)]
        regions.append((min(b.x for b in family), max(b.x + b.width for b in family),
                        min(b.y for b in family), max(b.y + b.height for b in family)))  # fmt: skip
    for i, (left, right, top, bottom) in enumerate(regions):
        for j in range(5):
            child = placed[f"top.{i}.{j}"]
            assert left <= child.x and child.x + child.width <= right
        for k, other in enumerate(regions):
            if k != i:
                assert (
                    other[1] <= left or right <= other[0] or other[3] <= top or bottom <= other[2]
                )


def test_no_two_boxes_overlap_and_connectors_are_right_angled() -> None:
    model = load(EXAMPLE)
    for layout in (chart_layout(model, list(model.bodies)),
                   tiered_layout(tree([5, 4, 3]), names_for(list(tree([5, 4, 3]))))):  # fmt: skip
        placed = list(layout.boxes())
        for i, a in enumerate(placed):
            for b in placed[i + 1 :]:
                assert not overlaps(a, b), (a.id, b.id)
        by_id = {box.id: box for box in placed}
        for line in layout.connectors():
            for (x0, y0), (x1, y1) in zip(line.points, line.points[1:], strict=False):
                assert x0 == x1 or y0 == y1, line
            child, parent = by_id[line.child], by_id[line.parent]
            assert line.points[0][1] == child.y  # from the child's top
            if not line.second:
                assert line.points[-1][1] == parent.y + parent.height  # to the parent's bottom
                assert child.x <= line.points[0][0] <= child.x + child.width


def test_a_body_with_two_parents_sits_under_the_first_with_a_second_connector() -> None:
    parents = {"council": [], "hwb": ["council"], "csp": ["council"], "group": ["hwb", "csp"]}
    layout = tiered_layout(parents, names_for(list(parents)))
    lines = {(c.child, c.parent): c.second for c in layout.connectors()}
    assert lines == {("hwb", "council"): False, ("csp", "council"): False,
                     ("group", "hwb"): False, ("group", "csp"): True}  # fmt: skip
    placed = boxes_of(layout)
    assert placed["group"].tier == 2


def test_a_cycle_is_broken_for_layout_only() -> None:
    parents = {"a": ["c"], "b": ["a"], "c": ["b"], "d": ["c"]}
    layout = tiered_layout(parents, names_for(list(parents)))
    assert sorted(box.id for box in layout.boxes()) == ["a", "b", "c", "d"]
    drawn = {(c.child, c.parent) for c in layout.connectors()}
    assert len(drawn) == 3  # one line of the cycle left out
    assert ("d", "c") in drawn


def test_the_layout_is_deterministic() -> None:
    model = load(EXAMPLE)
    first = json.dumps(chart_layout(model, list(model.bodies)).as_dict())
    again = json.dumps(chart_layout(load(EXAMPLE), list(reversed(list(model.bodies)))).as_dict())
    assert first == again
    parents = tree([3, 4])
    shuffled = dict(reversed(list(parents.items())))
    assert tiered_layout(parents, names_for(list(parents))) == tiered_layout(
        shuffled, names_for(list(parents))
    )


def test_blocks_compose_the_chart_and_the_overview_has_one_box_per_top() -> None:
    parents = {**tree([3, 2]), "other": [], "other.1": ["other"], "lone": []}
    layout = tiered_layout(parents, names_for(list(parents)))
    assert [b.top for b in layout.blocks] == ["lone", "other", "top"]
    absolute = boxes_of(layout)
    for block in layout.blocks:
        for box in block.boxes:  # relative to the block's top-left
            assert box.x >= 0 and box.x + box.width <= block.width
            assert absolute[box.id] == box.moved(block.x, block.y)
    overview = overview_layout(layout)
    assert [box.id for box in overview.boxes()] == ["lone", "other", "top"]
    for box in overview.boxes():
        assert (box.width, box.height) == (absolute[box.id].width, absolute[box.id].height)
    json.dumps(layout.as_dict())  # plain values only


def test_pack_keeps_a_few_in_one_row_and_wraps_many() -> None:
    assert len(pack([(100, 50)] * 3).rows) == 1
    many = pack([(100, 50)] * 40)
    assert len(many.rows) > 1 and many.width <= MAX_RATIO * many.height


def test_labels_wrap_to_three_measured_lines_or_shorten() -> None:
    text = label("Worcestershire Safeguarding Children Partnership", None)
    assert " ".join(text.lines) == "Worcestershire Safeguarding Children Partnership"
    assert not text.shortened and len(text.lines) <= MAX_LINES
    assert all(measure(line) <= TEXT_WIDTH for line in text.lines)
    long = "Bromfield Adult Care and Well-being Overview and Scrutiny Panel Task and Finish Group"
    assert label(long, "Adult Care O&S T&F").lines == ("Adult Care O&S T&F",)
    shortened = label(long, None)
    assert shortened.shortened and len(shortened.lines) <= MAX_LINES
    assert all(measure(line) <= TEXT_WIDTH for line in shortened.lines)


def test_short_names_are_used_only_where_the_name_does_not_fit() -> None:
    model = model_of_bodies([
        {"id": "c", "name": "Council", "short_name": "C", "kind": "council", "root": True},
        {"id": "long", "name": "The Joint Strategic Commissioning and Integrated Care Partnership "
         "Executive Board for Adults", "short_name": "JSCICPEB", "reports_to": [{"body": "c"}]},
    ])  # fmt: skip
    placed = boxes_of(chart_layout(model, ["c", "long"]))
    assert placed["c"].lines == ("Council",) and not placed["c"].shortened
    assert placed["long"].lines == ("JSCICPEB",) and placed["long"].shortened


@pytest.mark.parametrize("count", [20_000])
def test_twenty_thousand_bodies_lay_out_quickly(count: int) -> None:
    parents: dict[str, list[str]] = {}
    for c in range(count // 50):  # councils of 50 bodies, three tiers deep
        parents[f"k{c}"] = []
        for i in range(7):
            parents[f"k{c}.{i}"] = [f"k{c}"]
            for j in range(6):
                parents[f"k{c}.{i}.{j}"] = [f"k{c}.{i}"]
        parents[f"k{c}.x"] = [f"k{c}.0", f"k{c}.1"]
    names = {b: (f"{b} Health and Wellbeing Partnership Board", None) for b in parents}
    started = time.perf_counter()
    layout = tiered_layout(parents, names)
    elapsed = time.perf_counter() - started
    assert sum(len(b.boxes) for b in layout.blocks) == len(parents)
    # Well under a second on a quiet machine; the bound leaves room for a busy one and
    # still fails for anything quadratic.
    assert elapsed < 6, elapsed


def test_a_chain_thousands_deep_lays_out_without_recursion() -> None:
    parents = {"b0": [], **{f"b{i}": [f"b{i - 1}"] for i in range(1, 3000)}}
    layout = tiered_layout(parents, names_for(list(parents)))
    placed = boxes_of(layout)
    assert placed["b2999"].tier == 2999
    assert placed["b2999"].y > placed["b2998"].y


def test_nothing_to_draw_is_an_empty_layout() -> None:
    layout = tiered_layout({}, {})
    assert (layout.width, layout.height, layout.blocks) == (0, 0, ())
    assert overview_layout(layout).blocks == ()


def test_the_width_table_matches_the_font_cairo_draws_with() -> None:
    # DejaVu Sans must be installed (.ci/run installs fonts-dejavu-core when it is not).
    cairo = pytest.importorskip("cairocffi")
    from govgraph.render.fontwidths import text_width

    surface = cairo.RecordingSurface(cairo.CONTENT_COLOR_ALPHA, None)
    ctx = cairo.Context(surface)
    options = cairo.FontOptions()
    options.set_hint_metrics(cairo.HINT_METRICS_OFF)
    ctx.set_font_options(options)
    ctx.select_font_face("DejaVu Sans")
    ctx.set_font_size(12)
    for text in ("Worcestershire Health and Wellbeing Board", "Cyngor Sir Ynys Môn — Pwyllgor Ŵyr",
                 "Children's Services (0–25) £ & @ %"):  # fmt: skip
        assert text_width(text, 12) == pytest.approx(ctx.text_extents(text)[4], abs=0.05)


def test_a_council_four_tiers_deep_fits_1400_by_900_with_12_px_labels(tmp_path: Path) -> None:
    """Wrapped families of different sizes fill each other's gaps: at Fit on a 1400 × 900
    screen the labels (12 px at 100 %) of a 57-body council stay at least 12 px."""
    generate(tmp_path / "council", councils=1)
    model = load(tmp_path / "council")
    layout = chart_layout(model, list(model.bodies), fit=CHART_FIT)
    assert len(model.bodies) == 57 and len(layout.tiers) == 4
    scale = min(1400 / layout.width, 900 / layout.height)
    assert FONT_SIZE * scale >= 12, (layout.width, layout.height)
    # the page's own chart area (below its controls) gains as much as the screen does
    chart = min((1382 - 16) / (layout.width + 8), (724 - 16) / (layout.height + 8))
    assert FONT_SIZE * chart >= 9.9, (layout.width, layout.height)
