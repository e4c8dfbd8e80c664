"""Evidence for docs/fixing.md: ruamel.yaml round-trip against govgraph's text edits.

Run ``python benchmarks/fix_roundtrip.py`` (needs ``pip install ruamel.yaml``;
govgraph itself does not depend on it). For every file of the example models
and of the anchors fixture it reports how many lines a plain ruamel.yaml
round-trip (load and dump, nothing changed) alters, then makes the same edit
both ways (end one membership) and counts the lines each changes.
"""

from __future__ import annotations

import difflib
import io
import sys
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from govgraph.fix.changes import SetKey  # noqa: E402
from govgraph.fix.yamledit import Document, apply  # noqa: E402
from govgraph.loader import load  # noqa: E402

FOLDERS = [
    ROOT / "models/worcestershire",
    ROOT / "models/wychavon",
    ROOT / "tests/fixtures/fix/anchors",
]
#: One membership to end in each folder: (file, body, member, date).
EDITS = {
    "worcestershire": (
        "bodies/council.yaml",
        "corporate-parenting",
        "cllr-derek-lowe",
        "2025-05-01",
    ),
    "wychavon": ("bodies.yaml", "safer-wychavon", "south-worcs-ccg", "2022-06-30"),
    "anchors": ("model.yaml", "hwb", "jo-bloggs", "2023-05-04"),
}


def changed_lines(before: str, after: str) -> int:
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return sum(1 for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---"))


def ruamel() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # do not re-wrap long lines
    yaml.indent(mapping=2, sequence=4, offset=2)  # the example models' own indentation
    return yaml


def dumped(yaml: YAML, data: object) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def main() -> None:
    print("Round trip (load and dump, no change): lines altered")
    for folder in FOLDERS:
        for path in sorted(folder.rglob("*.yaml")):
            text = path.read_text(encoding="utf-8")
            yaml = ruamel()
            print(
                f"  {path.relative_to(ROOT)}: {changed_lines(text, dumped(yaml, yaml.load(text)))}"
            )
    print("One membership ended: lines changed (ruamel.yaml / text edit)")
    for folder in FOLDERS:
        file, body_id, member, day = EDITS[folder.name]
        text = (folder / file).read_text(encoding="utf-8")
        yaml = ruamel()
        data = yaml.load(text)
        body = next(b for b in data["bodies"] if b["id"] == body_id)
        seat = next(m for m in body["members"] if m["member"] == member)
        seat["to"] = day
        by_ruamel = dumped(yaml, data)
        model = load(folder, cache=False)
        membership = next(m for m in model.bodies[body_id].members if m.member == member)
        edit = Document(file, text).edits(SetKey(membership, "to", day, f"{body_id}/{member}"))
        by_text = apply(text, edit)
        print(f"  {folder.name}: {changed_lines(text, by_ruamel)} / {changed_lines(text, by_text)}")
        if folder.name == "anchors":
            print("  ruamel.yaml's result for the anchors file:")
            for line in difflib.unified_diff(
                text.splitlines(), by_ruamel.splitlines(), lineterm="", n=1
            ):
                print(f"    {line}")


if __name__ == "__main__":
    main()
