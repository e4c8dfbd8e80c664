"""The packs shipped with govgraph: one YAML file per pack in this folder.

They are validated with the same models as a user's packs; a shipped pack
that fails to load is a bug in govgraph, so it raises rather than reporting
to the user. Loaded once per process.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from pydantic import ValidationError

from govgraph.packs.models import Pack, Rule
from govgraph.yamlread import YAMLProblem, YMap, parse_yaml

PACKAGE_FOLDER = "govgraph/packs"


@cache
def builtin_packs() -> dict[str, Pack]:
    """Every built-in pack by id, in file-name order."""
    packs: dict[str, Pack] = {}
    for resource in sorted(files("govgraph.packs").iterdir(), key=lambda r: r.name):
        if not resource.name.endswith(".yaml"):
            continue
        where = f"{PACKAGE_FOLDER}/{resource.name}"
        try:
            data = parse_yaml(resource.read_text(encoding="utf-8"))
            pack = Pack.model_validate(data)
        except (YAMLProblem, ValidationError) as exc:
            raise RuntimeError(f"the built-in pack {where} is broken: {exc}") from exc
        locate_pack(pack, data, where)
        packs[pack.id] = pack
    return packs


def locate_pack(pack: Pack, raw: YMap, file: str) -> None:
    """Record file and line on a pack, its provisions and their rules."""
    pack.locate(file, raw.line, raw.key_lines)
    for provision, raw_provision in zip(pack.provisions, raw.get("provisions") or (), strict=False):
        provision.locate(file, raw_provision.line, raw_provision.key_lines)
        raw_rule = raw_provision.get("requires")
        if isinstance(raw_rule, YMap):
            _locate_rule(provision.requires, raw_rule, file)


def _locate_rule(rule: Rule, raw: YMap, file: str) -> None:
    rule.locate(file, raw.line, raw.key_lines)
    raw_children = raw.get("any_of") or raw.get("all_of") or ()
    for child, raw_child in zip(rule.children(), raw_children, strict=False):
        if isinstance(raw_child, YMap):
            _locate_rule(child, raw_child, file)
