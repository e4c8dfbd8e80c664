"""Every command the README and the docs show gives the output they show.

A README whose examples have drifted teaches officers the wrong thing, so each
``$ govgraph …`` line in a fenced block is run (in a copy of the repository's
models and fixtures) and the lines printed below it must appear in its real
output, in order. ``…`` stands for lines (or, inside a line, text) left out.
"""

from __future__ import annotations

import glob
import re
import shlex
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from support import REPO, Cli

README = REPO / "README.md"
#: The pages whose examples are run: the README and the guides (the generated
#: references are compared whole, in test_docs.py).
PAGES = [README, *sorted(p for p in (REPO / "docs").glob("*.md")
                         if p.name not in ("cli.md", "checks.md"))]  # fmt: skip
ELLIPSIS = "…"


@dataclass(frozen=True)
class Example:
    page: str  # README.md or docs/….md
    line: int  # of the command there
    command: str
    expected: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: $ {self.command}"


def examples() -> list[Example]:
    found: list[Example] = []
    for page in PAGES:
        block: list[tuple[int, str]] | None = None
        name = page.relative_to(REPO).as_posix()
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
            if line.startswith("```"):
                if block is not None:
                    found += _commands(name, block)
                block = [] if block is None else None
            elif block is not None:
                block.append((number, line))
    return found


def _commands(page: str, block: list[tuple[int, str]]) -> list[Example]:
    out: list[Example] = []
    for i, (number, line) in enumerate(block):
        if not line.startswith("$ "):
            continue
        expected = []
        for _, following in block[i + 1 :]:
            if following.startswith("$ "):
                break
            expected.append(following.rstrip())
        out.append(Example(page, number, line[2:], tuple(expected)))
    return out


def matches(expected: str, actual: str) -> bool:
    """``actual`` holds the fragments of ``expected`` between ellipses, in order."""
    if ELLIPSIS not in expected:
        return expected == actual.rstrip()
    pattern = ".*?".join(re.escape(part) for part in expected.split(ELLIPSIS))
    return re.fullmatch(pattern, actual.rstrip()) is not None


def unmatched(expected: tuple[str, ...], actual: list[str]) -> list[str]:
    """The expected lines (ellipsis lines aside) not found in order in ``actual``."""
    missing, at = [], 0
    for want in expected:
        if want.strip() == ELLIPSIS:
            continue
        found = next((i for i in range(at, len(actual)) if matches(want, actual[i])), None)
        if found is None:
            missing.append(want)
        else:
            at = found + 1
    return missing


EXAMPLES = examples()


def test_the_readme_has_examples_to_check() -> None:
    commands = [
        example.command.split()[1] for example in EXAMPLES if example.command.startswith("govgraph")
    ]
    assert {"validate", "check", "render", "show", "path", "seats", "members", "diff", "build",
            "import", "export", "schema"} <= set(commands)  # fmt: skip


@pytest.fixture(scope="module")
def workspaces(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """A copy of what the examples read for each page, so that what one page's examples
    write lands in a scratch folder of its own (pages may use the same output names)."""
    made: dict[str, Path] = {}

    def workspace(page: str) -> Path:
        if page not in made:
            root = tmp_path_factory.mktemp("docs")
            for name in shipped("models", "tests/fixtures"):
                (root / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(REPO / name, root / name)
            made[page] = root
        return made[page]

    return workspace


def shipped(*folders: str) -> list[str]:
    """The files git tracks under ``folders``: what the repository ships, never what a
    user has added beside it by following the README (a schema, a model of their own)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", *folders], cwd=REPO, capture_output=True, text=True
    )
    if listed.returncode != 0:  # not a git checkout: everything there is shipped
        return [p.relative_to(REPO).as_posix() for f in folders for p in (REPO / f).rglob("*")
                if p.is_file()]  # fmt: skip
    return [name for name in listed.stdout.split("\0") if name]


@pytest.mark.parametrize("example", EXAMPLES, ids=str)
def test_readme_example_prints_what_the_readme_says(
    example: Example, workspaces: Callable[[str], Path], cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspaces(example.page))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")  # as output is when not a terminal
    command = example.command.split(" | ")[0]  # `| tail -1`: the lines shown are still in order
    # The shell would expand `*.xml`; so does the test (sorted, as bash does).
    args = [
        expanded
        for arg in shlex.split(command)
        for expanded in (sorted(glob.glob(arg)) if "*" in arg else [arg]) or [arg]
    ]
    if args[0] == "govgraph":
        result = cli(*args[1:])
        output = (result.stdout + result.stderr).splitlines()
        assert result.exit_code != 3, f"{example} crashed:\n{result.stderr}"
    else:
        done = subprocess.run(args, capture_output=True, text=True, check=True, timeout=60)
        output = done.stdout.splitlines()
    missing = unmatched(example.expected, output)
    assert not missing, (
        f"{example}: not in the output:\n"
        + "\n".join(missing)
        + ("\n--- the output was:\n" + "\n".join(output))
    )
