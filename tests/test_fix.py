"""``govgraph fix``: the fixed text, byte for byte, for each kind of file (cases as data),
what each check's documentation says its fix writes, and the engine's safety rules."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from support import CliResult

from govgraph.audit import audit
from govgraph.checks import CHECKS
from govgraph.errors import GovgraphError
from govgraph.fix.changes import Applicability
from govgraph.fix.engine import fix_model
from govgraph.limits import Limits, limits_in_force
from govgraph.loader import load

CASES_FILE = Path(__file__).parent / "fixtures" / "fix" / "cases.yaml"
CASES: list[dict[str, Any]] = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
DEFAULT_ON = date(2023, 7, 7)


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_fixed_file_is_exactly_as_expected_and_a_second_run_changes_nothing(
    tmp_path: Path, case: dict[str, Any]
) -> None:
    model = tmp_path / "model.yaml"
    model.write_text(case["fail_str"], encoding="utf-8")
    on = date.fromisoformat(str(case.get("as_of", DEFAULT_ON)))
    unsafe = bool(case.get("unsafe", False))
    run = fix_model(tmp_path, on, [case["check"]], unsafe=unsafe)
    run.space.write()
    assert model.read_text(encoding="utf-8") == case["fix_str"]
    if "left" in case:
        assert [r for f, r in run.left if f.check == case["check"] and case["left"] in r]
    else:
        remaining = audit(load(tmp_path, cache=False), on=on, select=[case["check"]])
        assert remaining.findings == []
    again = fix_model(tmp_path, on, [case["check"]], unsafe=unsafe)
    assert again.changed == [] and again.fixed == []


# --- each check's documentation says what its fix writes --------------------------------

FAILS = re.compile(r"^Fails([^\n]*)::\n\n((?:(?:    [^\n]*)?\n)+)", re.MULTILINE)
ON = re.compile(r"^ \(on (\d{4}-\d{2}-\d{2})")
#: What a Fix paragraph says is written: ``to: 2023-05-04`` or ``{member: x, from: …}``.
WRITTEN = re.compile(r"``(\{[^`]+\}|[a-z_]+: \d{4}-\d{2}-\d{2})``")
FIXABLE = [slug for slug, module in CHECKS.items() if module.FIX is not Applicability.NONE]


@pytest.mark.parametrize("slug", FIXABLE)
def test_each_fix_writes_what_the_check_documents(tmp_path: Path, slug: str) -> None:
    doc = CHECKS[slug].__doc__ or ""
    example = FAILS.search(doc)
    assert example, f"{slug} documents a failing example"
    day = ON.search(example.group(1))
    on = date.fromisoformat(day.group(1)) if day else DEFAULT_ON
    model = tmp_path / "model.yaml"
    model.write_text(textwrap.dedent(example.group(2)), encoding="utf-8")
    fix_paragraph = doc[doc.index("Fix (") :]
    promised = WRITTEN.findall(fix_paragraph)
    assert promised, f"{slug}'s Fix paragraph quotes what it writes"

    run = fix_model(tmp_path, on, [slug], unsafe=True)
    run.space.write()

    fixed = model.read_text(encoding="utf-8")
    for text in promised:
        assert text in fixed, f"{slug}'s fix writes {text}, as its documentation says"
    assert audit(load(tmp_path, cache=False), on=on, select=[slug]).findings == []


def test_safe_fixes_are_those_of_checks_documented_safe(tmp_path: Path) -> None:
    worcestershire = Path(__file__).parent.parent / "models" / "worcestershire"
    result = audit(load(worcestershire), on=DEFAULT_ON)
    for finding in result.findings:
        if finding.fix is not None:
            documented = CHECKS[finding.check].FIX
            assert finding.fix.applicability is documented or (
                finding.check == "dissolved-member"  # a seat on behalf of one is unsafe
                and finding.fix.applicability is Applicability.UNSAFE
            )


# --- safety ------------------------------------------------------------------------------

DEPARTED = """\
people:
  - {id: jo-bloggs, name: Cllr Jo Bloggs, left: 2023-05-04}
organisations:
  - {id: wcc, name: Worcestershire County Council}
bodies:
  - id: cyp
    name: Children's Partnership
    root: true
    members:
      - {member: wcc, role: chair}
      - {member: jo-bloggs, from: 2021-05-10}
"""


def test_a_file_changed_on_disk_since_it_was_read_is_not_written(tmp_path: Path) -> None:
    model = tmp_path / "model.yaml"
    model.write_text(DEPARTED, encoding="utf-8")
    run = fix_model(tmp_path, DEFAULT_ON)
    someone_else = DEPARTED + "# an officer's edit meanwhile\n"
    model.write_text(someone_else, encoding="utf-8")
    with pytest.raises(GovgraphError, match="changed on disk since govgraph read it"):
        run.space.write()
    assert model.read_text(encoding="utf-8") == someone_else


def test_a_model_file_that_leads_outside_the_folder_is_not_written(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(DEPARTED, encoding="utf-8")
    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "model.yaml").symlink_to(outside)
    with pytest.raises(GovgraphError, match="outside the model folder"):
        fix_model(folder, DEFAULT_ON)  # the loader refuses to read it, by default
    with limits_in_force(Limits(follow_links=True)):  # --follow-links: read, never written
        run = fix_model(folder, DEFAULT_ON)
    with pytest.raises(GovgraphError, match="leads outside the model folder"):
        run.space.write()
    assert outside.read_text(encoding="utf-8") == DEPARTED


def test_a_fix_that_would_add_an_error_is_refused_with_the_reason(tmp_path: Path) -> None:
    # Ending the person's seat leaves the body without the member its rule requires.
    text = DEPARTED.replace(
        "    root: true\n", "    root: true\n    requires: [{member: jo-bloggs}]\n"
    )
    model = tmp_path / "model.yaml"
    model.write_text(text, encoding="utf-8")
    run = fix_model(tmp_path, DEFAULT_ON)
    assert run.fixed == []
    [(finding, reason)] = [(f, r) for f, r in run.left if f.check == "departed-member"]
    assert reason == (
        "refused: it would add an error: model.yaml:9 [missing-required-member] "
        "Children's Partnership requires Cllr Jo Bloggs as a member, but Cllr Jo Bloggs is not "
        "a current member (its membership ended on 2023-05-04); add Cllr Jo Bloggs to members"
    )
    assert model.read_text(encoding="utf-8") == text


def test_line_endings_and_a_byte_order_mark_are_kept(tmp_path: Path) -> None:
    model = tmp_path / "model.yaml"
    block = DEPARTED.replace(
        "      - {member: jo-bloggs, from: 2021-05-10}\n",
        "      - member: jo-bloggs\n        from: 2021-05-10\n",
    )
    model.write_bytes(b"\xef\xbb\xbf" + block.replace("\n", "\r\n").encode("utf-8"))
    fix_model(tmp_path, DEFAULT_ON).space.write()
    expected = block.replace("from: 2021-05-10\n", "from: 2021-05-10\n        to: 2023-05-04\n")
    assert model.read_bytes() == b"\xef\xbb\xbf" + expected.replace("\n", "\r\n").encode("utf-8")


# --- the command ---------------------------------------------------------------------------


def test_fix_diff_prints_the_change_writes_nothing_and_exits_1(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    model = tmp_path / "model.yaml"
    model.write_text(DEPARTED, encoding="utf-8")
    result = cli("fix", tmp_path, "--diff", "--as-of", "2023-07-07")
    assert result.exit_code == 1
    assert result.stdout == (
        "--- a/model.yaml\n"
        "+++ b/model.yaml\n"
        "@@ -8,4 +8,4 @@\n"
        "     root: true\n"
        "     members:\n"
        "       - {member: wcc, role: chair}\n"
        "-      - {member: jo-bloggs, from: 2021-05-10}\n"
        "+      - {member: jo-bloggs, from: 2021-05-10, to: 2023-05-04}\n"
    )
    assert "Would fix 1 finding in 1 file (model.yaml):" in result.stderr
    assert model.read_text(encoding="utf-8") == DEPARTED
    written = cli("fix", tmp_path, "--as-of", "2023-07-07")
    assert written.exit_code == 0
    assert written.stdout.startswith("Fixed 1 finding in 1 file (model.yaml):\n")
    assert cli("fix", tmp_path, "--diff", "--as-of", "2023-07-07").exit_code == 0


def test_interactive_asks_about_each_fix_and_can_edit_the_value(
    tmp_path: Path, cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    model = tmp_path / "model.yaml"
    model.write_text(DEPARTED, encoding="utf-8")
    answers = iter(["e", "2023-05-31", "y"])
    monkeypatch.setattr("click.prompt", lambda *args, **kwargs: next(answers))
    result = cli("fix", tmp_path, "--interactive", "--as-of", "2023-07-07")
    assert "Fix (safe): set to: 2023-05-04 on cyp/jo-bloggs" in result.stdout
    assert "+      - {member: jo-bloggs, from: 2021-05-10, to: 2023-05-31}" in result.stdout
    assert "{member: jo-bloggs, from: 2021-05-10, to: 2023-05-31}" in model.read_text("utf-8")


def test_interactive_no_leaves_the_file_as_it_was(
    tmp_path: Path, cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    model = tmp_path / "model.yaml"
    model.write_text(DEPARTED, encoding="utf-8")
    monkeypatch.setattr("click.prompt", lambda *args, **kwargs: "n")
    result = cli("fix", tmp_path, "--interactive", "--as-of", "2023-07-07")
    assert "you chose not to fix it" in result.stdout
    assert model.read_text(encoding="utf-8") == DEPARTED


def test_checks_command_shows_the_fix_and_its_class(cli: Callable[..., CliResult]) -> None:
    result = cli("checks", "departed-member")
    assert "Fix (safe): ``govgraph fix`` ends the membership on the day the person left" in (
        result.stdout
    )
    assert "Fix (unsafe)" in cli("checks", "term-expired").stdout
    assert "Fix (none)" in cli("checks", "orphaned-body").stdout


def test_only_limits_fix_to_a_subject_and_names_a_misspelt_one(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    two = (
        DEPARTED.replace(
            "people:\n", "people:\n  - {id: sam-patel, name: Cllr Sam Patel, left: 2023-01-31}\n"
        )
        + "      - {member: sam-patel, from: 2021-05-10}\n"
    )
    model = tmp_path / "model.yaml"
    model.write_text(two, encoding="utf-8")
    run = fix_model(tmp_path, DEFAULT_ON, only=["cyp/sam-patel"])
    assert [f.subject for f in run.fixed] == ["cyp/sam-patel"]
    assert [f.subject for f in fix_model(tmp_path, DEFAULT_ON, only=["cyp"]).fixed] == [
        "cyp/jo-bloggs",
        "cyp/sam-patel",
    ]
    result = cli("fix", tmp_path, "--only", "cyp/sam-patl", "--as-of", "2023-07-07")
    assert result.exit_code == 2
    assert result.stderr == (
        "govgraph: no finding is about 'cyp/sam-patl' (did you mean 'cyp/sam-patel'?); "
        "'govgraph check' lists the findings and their subjects (BODY or BODY/MEMBER)\n"
    )
    assert model.read_text(encoding="utf-8") == two
