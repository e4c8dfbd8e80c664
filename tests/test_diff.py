"""govgraph diff: two versions of a model (folders or git revisions), or two dates."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from support import CliResult, write_model
from test_explore import SAMPLE

from govgraph.diff.changes import escape_markdown

Cli = Callable[..., "CliResult"]


def edited(**replacements: tuple[str, str]) -> dict[str, str]:
    """SAMPLE with ``old -> new`` text replaced in the named files (``/`` written ``__``)."""
    files = dict(SAMPLE)
    for key, (old, new) in replacements.items():
        name = key.replace("__", "/").replace("_yaml", ".yaml")
        assert old in files[name], old
        files[name] = files[name].replace(old, new)
    return files


NEW = edited(
    bodies__top_yaml=(
        "name: Health and Wellbeing Board\n",
        "name: Sample Health and Wellbeing Board\n",
    ),
    organisations_yaml=(
        "holders: [{person: jo-bloggs, from: 2021-01-01}]",
        "holders: [{person: jo-bloggs, from: 2021-01-01, to: 2023-05-31},"
        " {person: sam-smith, from: 2023-06-01}]",
    ),
)
NEW["bodies/top.yaml"] = (
    NEW["bodies/top.yaml"]
    .replace(
        "- {member: icb, from: 2022-07-01, reviewed: 2023-06-01}",
        "- {member: icb, from: 2022-07-01, to: 2023-03-31}\n"
        "              - {member: icb, role: vice-chair, from: 2023-04-01}\n"
        "              - {member: police, from: 2023-05-01}",
    )
    .replace(
        "reports_to: [{body: council, frequency: annually}]",
        "reports_to: [{body: council, frequency: quarterly}]",
    )
)
NEW["bodies/safeguarding.yaml"] = (
    NEW["bodies/safeguarding.yaml"].replace("id: youth-cabinet", "id: youth-board")
    + """
          - id: mash
            name: Multi-Agency <b>Safeguarding</b> Hub
            kind: panel
            established: 2023-06-01
            reports_to: [{body: scp, frequency: quarterly}]
            members:
              - {member: police, role: chair, from: 2023-06-01}
          - id: gone
            name: Gone
            reports_to: [{body: council}]
        """
).replace("- {member: dcs, role: chair}\n", "- {member: dcs, role: chair, to: 2023-06-30}\n")
NEW["govgraph.yaml"] = """
    name: Sample County governance
    review_interval_months: 12
    large_membership: 20
    """


@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path]:
    return write_model(tmp_path / "old", SAMPLE), write_model(tmp_path / "new", NEW)


def changes_of(result: CliResult) -> list[dict]:
    assert result.exit_code == 0, result.stderr
    changes: list[dict] = json.loads(result.stdout)["changes"]
    return changes


def find(changes: list[dict], area: str, change: str, subject: str) -> dict:
    found = [
        c for c in changes if (c["area"], c["change"], c["subject"]) == (area, change, subject)
    ]
    assert len(found) == 1, (area, change, subject, changes)
    return found[0]


def test_diff_of_two_folders_as_json(cli: Cli, versions: tuple[Path, Path]) -> None:
    changes = changes_of(cli("diff", *versions, "--format", "json"))
    renamed = find(changes, "bodies", "renamed", "hwb")
    assert renamed["before"] == "Health and Wellbeing Board"
    assert renamed["after"] == "Sample Health and Wellbeing Board"
    added = find(changes, "bodies", "added", "mash")
    assert "established 2023-06-01" in added["message"] and "1 member" in added["message"]
    assert find(changes, "bodies", "renamed", "youth-board")["before"] == "youth-cabinet"
    assert find(changes, "bodies", "added", "gone")
    line = find(changes, "reporting lines", "changed", "csp->council")
    assert (line["before"], line["after"]) == ("annually", "quarterly")
    role = find(changes, "memberships", "role changed", "hwb/icb")
    assert (role["before"], role["after"]) == ("member", "vice-chair")
    assert "from 2023-04-01" in role["message"]
    assert find(changes, "memberships", "started", "hwb/police")["after"] == "member"
    ended = find(changes, "memberships", "ended", "scp-learning/dcs")
    assert ended["after"] == "2023-06-30"
    assert find(changes, "posts", "stood down", "dass")["after"] == "2023-05-31"
    assert find(changes, "posts", "took up", "dass")["after"] == "sam-smith"
    setting = find(changes, "settings", "changed", "large_membership")
    assert (setting["before"], setting["after"]) == (25, 20)
    # The members and lines of an added body are summed up in it, not listed again.
    assert not any(c["subject"].startswith("mash") for c in changes if c["area"] != "bodies")


def test_statutory_pack_roles_waivers_and_membership_fields_are_compared(
    cli: Cli, model_dir: Callable[..., Path]
) -> None:
    """What an auditor relies on changes visibly: a body's statutory pack, the
    offices that satisfy a pack, a finding waived, and a membership's dates."""
    new = edited(
        bodies__top_yaml=(
            "            short_name: HWB\n",
            "            short_name: HWB\n            statutory: health-and-wellbeing-board\n"
            "            ignore: [{check: no-chair, reason: chaired by rotation}]\n",
        ),
        organisations_yaml=(
            "- {id: sam-smith, name: Cllr Sam Smith}",
            "- {id: sam-smith, name: Cllr Sam Smith, roles: [councillor]}",
        ),
    )
    new["organisations.yaml"] = new["organisations.yaml"].replace(
        "title: Director of Children's Services\n",
        "title: Director of Children's Services\n            role: director-of-children-services\n",
    )
    new["bodies/top.yaml"] = new["bodies/top.yaml"].replace(
        "- {member: dass, from: 2019-05-01, reviewed: 2023-02-01}",
        "- {member: dass, from: 2019-05-01, reviewed: 2023-02-01, term_ends: 2025-05-01}",
    )
    result = cli("diff", model_dir(SAMPLE, name="a"), model_dir(new, name="b"))
    out = result.stdout
    assert result.exit_code == 0, result.stderr
    assert (
        "Health and Wellbeing Board (hwb)'s statutory pack changed from none to "
        "'health-and-wellbeing-board'"
    ) in out
    assert (
        "Health and Wellbeing Board (hwb): no-chair findings are now waived: 'chaired by rotation'"
        in out
    )
    assert "Cllr Sam Smith (sam-smith)'s roles changed from none to 'councillor'" in out
    assert (
        "Director of Children's Services (dcs)'s role changed from none to "
        "'director-of-children-services'"
    ) in out
    assert (
        "Director of Adult Social Services (dass)'s membership of Health and Wellbeing Board "
        "(hwb): term end changed from none to 2025-05-01"
    ) in out


def test_diff_text_groups_changes_by_area(cli: Cli, versions: tuple[Path, Path]) -> None:
    result = cli("diff", *versions)
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith(f"Changes from {versions[0]} to {versions[1]}: ")
    assert "\nBodies (4):\n" in out and "\nSettings (1):\n" in out
    assert (
        "  ~ Sample Integrated Care Board (icb) became vice-chair of "
        "Sample Health and Wellbeing Board (hwb) from 2023-04-01 (was member)"
    ) in out
    assert "  + Sample Police (police) joined Sample Health and Wellbeing Board (hwb)" in out
    assert out.index("Bodies") < out.index("Reporting lines") < out.index("Memberships")


def test_diff_markdown_is_a_changelog_with_names_escaped(
    cli: Cli, versions: tuple[Path, Path]
) -> None:
    result = cli("diff", *versions, "--format", "markdown")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("# Governance changes: Sample County governance\n")
    assert "\n## Memberships\n\n- " in out
    assert "Multi\\-Agency" not in out  # plain punctuation is left alone
    assert "Multi-Agency &lt;b>Safeguarding&lt;/b> Hub (`mash`)" in out
    assert "<b>" not in out


def test_escape_markdown_neutralises_markup() -> None:
    assert escape_markdown("*Board* [x](http://e) | # _y_ `z`") == (
        "\\*Board\\* \\[x\\](http://e) \\| \\# \\_y\\_ \\`z\\`"
    )
    assert escape_markdown("- list") == "\\- list"
    assert escape_markdown("1. first") == "1\\. first"


def test_no_changes_and_exit_code_option(cli: Cli, model_dir: Callable[..., Path]) -> None:
    old, new = model_dir(SAMPLE, name="a"), model_dir(SAMPLE, name="b")
    same = cli("diff", old, new)
    assert same.exit_code == 0 and ": no changes." in same.stdout
    assert cli("diff", old, new, "--exit-code").exit_code == 0
    changed = model_dir(NEW, name="c")
    assert cli("diff", old, changed).exit_code == 0
    assert cli("diff", old, changed, "--exit-code").exit_code == 1
    markdown = cli("diff", old, new, "--format", "markdown")
    assert markdown.stdout.rstrip().endswith("No changes.")


def test_diff_of_one_model_at_two_dates(cli: Cli, model_dir: Callable[..., Path]) -> None:
    folder = model_dir(NEW)
    result = cli(
        "diff", "--as-of", "2023-07-07", "--as-of", "2022-01-01", folder, "--format", "json"
    )
    data = json.loads(result.stdout)
    assert result.exit_code == 0 and data["compared"] == "dates"
    assert (data["old"], data["new"]) == ("2022-01-01", "2023-07-07")  # earlier date first
    changes = data["changes"]
    established = find(changes, "bodies", "established", "mash")
    assert "reporting to Sample Safeguarding Children Partnership (scp)" in established["message"]
    assert find(changes, "memberships", "ended", "hwb/ccg")
    assert find(changes, "memberships", "started", "hwb/icb")["after"] == "vice-chair"
    assert find(changes, "memberships", "ended", "scp-learning/dcs")
    dissolved = find(changes, "organisations", "dissolved", "ccg")
    assert "succeeded by Sample Integrated Care Board (icb)" in dissolved["message"]
    took_up = find(changes, "posts", "took up", "dass")
    assert took_up["after"] == "sam-smith" and took_up["message"].endswith("from 2023-06-01")
    stood_down = find(changes, "posts", "stood down", "dass")
    assert stood_down["message"].endswith("on 2023-05-31")
    # A role change within one model: a member on the first date, vice-chair on the second.
    later = cli(
        "diff", "--as-of", "2023-01-01", "--as-of", "2023-05-01", folder, "--format", "json"
    )
    role = find(json.loads(later.stdout)["changes"], "memberships", "role changed", "hwb/icb")
    assert (role["before"], role["after"]) == ("member", "vice-chair")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["a"], "give two models to compare"),
        (["a", "b", "c"], "give two models to compare"),
        (["--as-of", "2023-01-01", "a"], "give one MODEL and --as-of twice"),
        (["--as-of", "2023-01-01", "--as-of", "2023-02-01", "a", "b"], "give one MODEL"),
    ],
)
def test_diff_arguments_are_explained(cli: Cli, args: list[str], message: str) -> None:
    result = cli("diff", *args)
    assert result.exit_code == 2
    assert message in result.stderr


# --- git revisions --------------------------------------------------------------------------


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository whose models/sample went from SAMPLE (HEAD~1) to NEW (HEAD)."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q")
    write_model(root / "models" / "sample", SAMPLE)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "first")
    shutil.rmtree(root / "models" / "sample")
    write_model(root / "models" / "sample", NEW)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "second")
    return root


def test_diff_between_git_revisions(cli: Cli, repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    result = cli("diff", "HEAD~1:models/sample", "HEAD:models/sample", "--format", "json")
    changes = changes_of(result)
    assert find(changes, "bodies", "renamed", "hwb")
    assert find(changes, "memberships", "role changed", "hwb/icb")
    assert json.loads(result.stdout)["old"] == "HEAD~1:models/sample"
    # A revision against the working folder, with a path relative to where we stand.
    monkeypatch.chdir(repo / "models")
    same = cli("diff", "HEAD:./sample", "sample")
    assert same.exit_code == 0 and ": no changes." in same.stdout


def test_diff_of_a_single_file_at_a_revision(
    cli: Cli, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo)
    result = cli(
        "diff",
        "HEAD~1:models/sample/organisations.yaml",
        "HEAD:models/sample/organisations.yaml",
        "--format",
        "json",
    )
    assert find(changes_of(result), "posts", "took up", "dass")


@pytest.mark.parametrize(
    ("old", "message"),
    [
        ("HEAD~9:models/sample", "'HEAD~9' is not a revision of the repository"),
        ("HEAD:models/nowhere", "'models/nowhere' does not exist at revision HEAD"),
        (":models/sample", "give a revision before the colon"),
    ],
)
def test_git_side_mistakes_are_explained(
    cli: Cli, repo: Path, monkeypatch: pytest.MonkeyPatch, old: str, message: str
) -> None:
    monkeypatch.chdir(repo)
    result = cli("diff", old, "models/sample")
    assert result.exit_code == 2
    assert message in result.stderr


def test_git_side_outside_a_repository(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outside = tmp_path / "plain"
    outside.mkdir()
    monkeypatch.chdir(outside)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    result = cli("diff", "HEAD:models/sample", "models/sample")
    assert result.exit_code == 2
    assert "is not inside a git repository" in result.stderr


def test_a_broken_model_at_a_revision_names_the_revision(
    cli: Cli, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / "models" / "sample" / "broken.yaml").write_text("bodies:\n  - {id: Bad}\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "broken")
    monkeypatch.chdir(repo)
    result = cli("diff", "HEAD~1:models/sample", "HEAD:models/sample")
    assert result.exit_code == 2
    assert "HEAD:models/sample/broken.yaml:2:" in result.stderr
    assert "govgraph-diff-" not in result.stderr  # never the temporary copy's path


def test_a_revision_too_large_is_refused_before_git_hands_it_over(
    cli: Cli, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo)
    result = cli("--max-file-size", "1K", "diff", "HEAD~1:models/sample", "HEAD:models/sample")
    assert result.exit_code == 2
    assert result.stderr.startswith("govgraph: HEAD~1:models/sample/")
    assert "--max-file-size" in result.stderr
    whole = cli("--max-model-size", "1K", "diff", "HEAD~1:models/sample", "models/sample")
    assert whole.exit_code == 2 and "--max-model-size" in whole.stderr
