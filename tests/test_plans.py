"""``plans:`` and ``delivers:``: references checked at load, the undelivered-priority
check, and ``govgraph insights`` on the command line."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

from support import EXAMPLE, Cli, findings_of

PLAN = """\
plans:
  - id: cypp
    name: Children and Young People's Plan
    owner: {owner}
    review: quarterly
    priorities:
      - {{id: early-help, name: Help families early}}
      - {{id: emotional-wellbeing, name: Emotional wellbeing}}
bodies:
  - {{id: cyp-board, name: CYP Partnership Board, root: true}}
  - id: ewb-group
    name: Emotional Wellbeing Group
    reports_to: [{{body: cyp-board}}]
    delivers: [{delivers}]
"""


def _plan(owner: str = "cyp-board", delivers: str = "cypp/emotional-wellbeing") -> str:
    return PLAN.format(owner=owner, delivers=delivers)


def test_a_misspelt_priority_is_refused_at_its_line_with_did_you_mean(
    model_dir: Callable[..., Path], cli: Cli
) -> None:
    folder = model_dir({"model.yaml": _plan(delivers="cypp/emotional-welbeing")})
    result = cli("validate", folder)
    assert result.exit_code == 2
    line = _plan().splitlines().index("    delivers: [cypp/emotional-wellbeing]") + 1
    assert (
        f"{folder / 'model.yaml'}:{line}: error: delivers names 'cypp/emotional-welbeing', but "
        "plan 'cypp' has no priority 'emotional-welbeing' (did you mean 'emotional-wellbeing'?)"
    ) in result.stderr


def test_an_unknown_plan_and_owner_are_refused_with_did_you_mean(
    model_dir: Callable[..., Path], cli: Cli
) -> None:
    folder = model_dir({"model.yaml": _plan(owner="cyp-bord", delivers="cyp/early-help")})
    result = cli("validate", folder)
    assert result.exit_code == 2
    assert (
        "owner names 'cyp-bord', which is not a body in the model (did you mean 'cyp-board'?)"
        in (result.stderr)
    )
    assert "delivers names the plan 'cyp', which is not in the model (did you mean 'cypp'?)" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr


def test_a_priority_written_without_its_plan_says_how_to_write_it(
    model_dir: Callable[..., Path], cli: Cli
) -> None:
    result = cli("validate", model_dir({"model.yaml": _plan(delivers="early-help")}))
    assert "write each priority as PLAN/PRIORITY, e.g. cypp/early-help" in result.stderr


def test_undelivered_priority_names_each_priority_no_current_body_delivers(
    model_dir: Callable[..., Path],
) -> None:
    found = findings_of(model_dir, _plan(), "undelivered-priority", date(2023, 7, 7))
    assert [f.subject for f in found] == ["cypp/early-help"]
    assert (
        found[0].line
        == _plan().splitlines().index("      - {id: early-help, name: Help families early}") + 1
    )
    assert "Help families early" in found[0].message and "CYP Partnership Board" in found[0].message


def test_a_plan_that_has_ended_is_not_judged(model_dir: Callable[..., Path]) -> None:
    ended = _plan().replace(
        "    review: quarterly\n", "    review: quarterly\n    to: 2022-03-31\n"
    )
    assert findings_of(model_dir, ended, "undelivered-priority", date(2023, 7, 7)) == []


def test_the_example_model_plan_is_delivered_by_the_four_sub_groups(cli: Cli) -> None:
    result = cli("insights", EXAMPLE, "--as-of", "2026-11-28", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    delivered = {p["priority"]: p["delivered_by"] for p in data["priorities"]}
    assert sorted(b for bodies in delivered.values() for b in bodies) == [
        "early-help-partnership", "emotional-wellbeing", "get-safe", "send-partnership"
    ]  # fmt: skip
    assert all(p["reaches_owner"] for p in data["priorities"])
    assert {"as_of", "tiers", "single_points", "key_members", "overlaps", "load"} <= set(data)
    # The minutes' worry: the partnership board is what all four sub-groups hang on.
    points = {p["body"]: p["cut_off"] for p in data["single_points"]}
    assert set(points["cyp-spb"]) == set(delivered_by_all(data))


def delivered_by_all(data: dict[str, list[dict[str, list[str]]]]) -> list[str]:
    return [b for p in data["priorities"] for b in p["delivered_by"]]


def test_insights_text_says_what_each_section_means(cli: Cli) -> None:
    result = cli("insights", EXAMPLE, "--as-of", "2026-11-28")
    assert result.exit_code == 0
    for heading in ("SHAPE", "SINGLE POINTS", "KEY PEOPLE AND POSTS", "OVERLAP", "LOAD"):
        assert f"\n{heading}\n" in result.stdout
    assert "top-heavy:" in result.stdout


def test_insights_bodies_reads_a_part_as_a_structure_of_its_own(cli: Cli) -> None:
    result = cli(
        "insights", EXAMPLE, "--as-of", "2026-11-28", "--bodies", "cyp-spb+", "--format", "json"
    )
    data = json.loads(result.stdout)
    assert data["tiers"][0] == ["cyp-spb"]
    assert sorted(data["tiers"][1]) == sorted(delivered_by_all(data))


def test_insights_on_a_broken_model_prints_the_problem_not_a_traceback(
    model_dir: Callable[..., Path], cli: Cli
) -> None:
    result = cli("insights", model_dir({"model.yaml": _plan(delivers="cyp/early-help")}))
    assert result.exit_code == 2
    assert "did you mean 'cypp'" in result.stderr and "Traceback" not in result.stderr


def test_insights_markdown_is_a_paper_with_a_section_per_insight(cli: Cli) -> None:
    result = cli("insights", EXAMPLE, "--as-of", "2026-11-28", "--format", "markdown")
    lines = result.stdout.splitlines()
    assert (
        lines[0] == "# Insights for Worcestershire children's partnerships governance on 2026-11-28"
    )
    assert "## Plans and priorities" in lines
    assert "- tier 1: 1 — Full Council" in lines
    assert "  - Help families early: Early Help Partnership" in lines


def test_insights_print_a_control_character_in_a_name_as_an_escape(
    model_dir: Callable[..., Path], cli: Cli
) -> None:
    yaml_text = 'bodies:\n  - {id: top, name: "Board\\e[2J", root: true}\n'
    result = cli("insights", model_dir({"model.yaml": yaml_text}))
    assert "tier 1: 1 — Board\\x1b[2J" in result.stdout and "\x1b" not in result.stdout


def test_a_plan_whose_owner_is_in_a_file_too_big_to_read_is_not_reported_missing(
    model_dir: Callable[..., Path], cli: Cli
) -> None:
    plan, bodies = _plan().split("bodies:\n")
    padding = "".join(f"# a note to make the file big, line {n}\n" for n in range(60))
    folder = model_dir({"plans.yaml": plan, "bodies.yaml": "bodies:\n" + bodies + padding})
    result = cli("validate", folder, "--max-file-size", "1K")
    assert result.exit_code == 2
    assert "bodies.yaml: error: is" in result.stderr
    assert "owner names" not in result.stderr and "1 problem in the model" in result.stderr
