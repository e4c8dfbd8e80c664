"""The hostile corpus: inputs an attacker or an unlucky user gives govgraph.

Each case is a small model under ``models/`` or a recipe that makes its input in a
temporary folder at test time (big files, pipes, devices and links are never
committed). A case gives the command to run and what its one-line message must
say; ``tests/test_hostile.py`` runs each in a fresh process with 1 GB of memory
and a 10 s ceiling, and checks that nothing was written but what was asked for.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
MODELS = HERE / "models"
MB = 1024 * 1024

#: A valid two-file model that recipes add their hostile part to.
BASE = {
    "organisations.yaml": "organisations:\n  - id: council\n    name: Council\n",
    "bodies.yaml": (
        "bodies:\n  - id: board\n    name: Board\n    root: true\n"
        "    members:\n      - {member: council, role: chair, from: 2020-01-01}\n"
    ),
}


@dataclass(frozen=True)
class Setup:
    """What a recipe made: the command's arguments and the paths it may write."""

    args: list[str]
    may_write: tuple[str, ...] = ()


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], Setup]
    #: Text the first line of the error must hold (the file, and the line where there is one).
    where: str
    #: Text naming the cause.
    cause: str


def base_model(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in BASE.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def committed(name: str, *extra: str) -> Callable[[Path], Setup]:
    """A case whose model is committed under ``models/NAME``."""
    return lambda tmp: Setup(["check", str(MODELS / name), *extra])


def _alias_string(tmp: Path) -> Setup:
    # One 100 KB string aliased 2,000 times: 213 KB on disk, 200 MB expanded.
    model = base_model(tmp / "model")
    refs = ", ".join(["*long"] * 2000)
    (model / "notes.yaml").write_text(f"x-long: &long '{'x' * 100_000}'\nx-copies: [{refs}]\n")
    return Setup(["check", str(model)])


def _huge_file(tmp: Path) -> Setup:
    # 200 MB on one line: a sparse file, so the test costs no disk.
    model = base_model(tmp / "model")
    with (model / "flow.yaml").open("wb") as handle:
        handle.truncate(200 * MB)
    return Setup(["check", str(model)])


def _dense_line(tmp: Path) -> Setup:
    # 2.5 million values on one 5 MB line: under the size limit, over the value limit.
    model = base_model(tmp / "model")
    (model / "dense.yaml").write_text("bodies: [" + ",".join(["a"] * 2_500_000) + "]\n")
    return Setup(["check", str(model)])


def _many_bad_entries(tmp: Path) -> Setup:
    model = base_model(tmp / "model")
    (model / "bad.yaml").write_text("bodies: [" + ",".join(["{x: 1}"] * 200_000) + "]\n")
    return Setup(["check", str(model)])


def _model_too_large(tmp: Path) -> Setup:
    model = base_model(tmp / "model")
    for number in range(3):
        (model / f"part{number}.yaml").write_text("# padding\n" + "#" * 400_000 + "\n")
    return Setup(["--max-model-size", "1M", "check", str(model)])


def _fifo(tmp: Path) -> Setup:
    model = base_model(tmp / "model")
    os.mkfifo(model / "x.yaml")
    return Setup(["check", str(model)])


def _dangling(tmp: Path) -> Setup:
    model = base_model(tmp / "model")
    (model / "x.yaml").symlink_to(tmp / "gone.yaml")
    return Setup(["check", str(model)])


def _loop(tmp: Path) -> Setup:
    model = base_model(tmp / "model")
    (model / "x.yaml").symlink_to(model / "y.yaml")
    (model / "y.yaml").symlink_to(model / "x.yaml")
    return Setup(["check", str(model)])


def _outside(tmp: Path) -> Setup:
    model = base_model(tmp / "model")
    secret = tmp / "elsewhere" / "secret.yaml"
    secret.parent.mkdir()
    secret.write_text("organisations:\n  - id: secret\n    name: Secret of this machine\n")
    (model / "x.yaml").symlink_to(secret)
    return Setup(["build", str(model), "-o", str(tmp / "site")], may_write=("site",))


def _device(tmp: Path) -> Setup:
    device = tmp / "null"
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    return Setup(["render", str(base_model(tmp / "model")), "--force", "-o", str(device)])


def _fifo_output(tmp: Path) -> Setup:
    os.mkfifo(tmp / "out.html")
    return Setup(["render", str(base_model(tmp / "model")), "-o", str(tmp / "out.html")])


def _dev_stdout(tmp: Path) -> Setup:
    return Setup(["export", str(base_model(tmp / "model")), "--to", "dot", "-o", "/dev/stdout"])


def _proc(tmp: Path) -> Setup:
    return Setup(["render", str(base_model(tmp / "model")), "-o", "/proc/x.html"])


def _popolo(tmp: Path) -> Path:
    document = {"organizations": [{"id": "board", "name": "Board"}], "persons": []}
    path = tmp / "in.json"
    path.write_text(json.dumps(document))
    return path


def _import_root(tmp: Path) -> Setup:
    return Setup(["import", "popolo", str(_popolo(tmp)), "-o", "/"])


def _import_home(tmp: Path) -> Setup:
    return Setup(["import", "popolo", str(_popolo(tmp)), "-o", str(tmp / "home")])


def _import_here(tmp: Path) -> Setup:
    (tmp / "work" / "src").mkdir(parents=True)
    return Setup(["import", "popolo", str(_popolo(tmp)), "--force", "-o", ""])


def _popolo_number(tmp: Path) -> Setup:
    path = tmp / "in.json"
    path.write_text('{"persons": [\n{"id": "p", "name": "P", "n": ' + "9" * 5000 + "}]}")
    return Setup(["import", "popolo", str(path), "-o", str(tmp / "out")])


def _popolo_huge(tmp: Path) -> Setup:
    path = tmp / "in.json"
    with path.open("wb") as handle:
        handle.truncate(200 * MB)
    return Setup(["import", "popolo", str(path), "-o", str(tmp / "out")])


def _moderngov_fifo(tmp: Path) -> Setup:
    os.mkfifo(tmp / "GetCommittees.xml")
    return Setup(["import", "moderngov", str(tmp / "GetCommittees.xml"), "-o", str(tmp / "out")])


def _spreadsheet_fifo(tmp: Path) -> Setup:
    os.mkfifo(tmp / "seats.csv")
    return Setup(["import", "spreadsheet", str(tmp / "seats.csv"), "-o", str(tmp / "out")])


def _openstates_alias_string(tmp: Path) -> Setup:
    path = tmp / "committee.yaml"
    refs = ", ".join(["*long"] * 2000)
    path.write_text(f"name: &long '{'x' * 100_000}'\nclassification: committee\nx: [{refs}]\n")
    return Setup(["import", "openstates", str(path), "-o", str(tmp / "out")])


def _planted_marker(tmp: Path) -> Setup:
    site = tmp / "site"
    site.mkdir()
    (site / "report.docx").write_text("the user's own file")
    (site / ".govgraph-site.json").write_text("[1, 2]")
    return Setup(["build", str(base_model(tmp / "model")), "-o", str(site)])


def _deep_selection(tmp: Path) -> Setup:
    return Setup(["check", str(base_model(tmp / "model")), "--bodies", "9" * 5000 + "+board"])


def _as_of(tmp: Path) -> Setup:
    return Setup(["check", str(base_model(tmp / "model")), "--as-of", "0001-01-01"])


CASES = [
    Case("alias-bomb", committed("alias-bomb"), "alias-bomb/bodies.yaml:", "alias bomb"),
    Case("alias-string", _alias_string, "notes.yaml:2:", "MB of text"),
    Case("huge-one-line-file", _huge_file, "flow.yaml", "--max-file-size"),
    Case("model-too-large", _model_too_large, "model", "--max-model-size"),
    Case("a-million-values-on-a-line", _dense_line, "dense.yaml:1:", "1,000,000 values"),
    Case("two-hundred-thousand-bad-entries", _many_bad_entries, "bad.yaml:1", "more than 100"),
    Case("fifo-named-yaml", _fifo, "x.yaml", "named pipe"),
    Case("dangling-link", _dangling, "x.yaml", "does not exist"),
    Case("link-loop", _loop, "x.yaml", "loops back"),
    Case("link-out-of-the-model", _outside, "x.yaml", "--follow-links"),
    Case("nul-byte", committed("nul-byte"), "nul-byte/bodies.yaml:3:", "U+0000"),
    Case("integer-of-5000-digits", committed("big-integer"), "bodies.yaml:4:", "5,000 digits"),
    Case("year-0001", committed("year-0001"), "year-0001/bodies.yaml:4", "1800-01-01"),
    Case("year-9999", committed("year-9999-reviewed"), "bodies.yaml:8", "1800-01-01"),
    Case("as-of-0001", _as_of, "--as-of", "outside the dates"),
    Case("selection-depth", _deep_selection, "depth of 5000 digits", "too deep"),
    Case("output-device", _device, "null", "a device"),
    Case("output-fifo", _fifo_output, "out.html", "named pipe"),
    Case("output-dev-stdout", _dev_stdout, "/dev/stdout", "-o -"),
    Case("output-in-proc", _proc, "/proc/x.html", "cannot write"),
    Case("import-into-root", _import_root, "/ is the root folder", "-o names"),
    Case("import-into-home", _import_home, "home is your home folder", "-o names"),
    Case("import-into-a-project", _import_here, ". holds more than a model", "src/"),
    Case("popolo-long-number", _popolo_number, "in.json:2", "4,300 digits"),
    Case("popolo-huge-file", _popolo_huge, "in.json", "--max-file-size"),
    Case("moderngov-fifo", _moderngov_fifo, "GetCommittees.xml", "named pipe"),
    Case("spreadsheet-fifo", _spreadsheet_fifo, "seats.csv", "named pipe"),
    Case("openstates-alias-string", _openstates_alias_string, "committee.yaml:3", "MB of text"),
    Case("planted-site-marker", _planted_marker, "site", "not one govgraph build wrote"),
]
