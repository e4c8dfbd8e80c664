"""Every check is registered, documented, and its documented examples are true."""

from __future__ import annotations

import pkgutil
import re
import textwrap
from datetime import date
from pathlib import Path

import pytest

import govgraph.checks
from govgraph.audit import audit
from govgraph.checks import CHECKS
from govgraph.findings import Severity
from govgraph.loader import load
from govgraph.schema import Settings
from govgraph.slugs import CHECK_SLUGS

#: A docstring example: "Passes (on 2023-07-15, with ``many_roles: 2`` in govgraph.yaml)::".
#: "(on DATE" straight after Passes/Fails is the as-of date; ``setting: N`` a setting.
EXAMPLE = re.compile(r"^(Passes|Fails)([^\n]*)::\n\n((?:(?:    [^\n]*)?\n)+)", re.MULTILINE)
ON = re.compile(r"^ \(on (\d{4}-\d{2}-\d{2})")
SETTING = re.compile(r"``(\w+): (\d+)``")
#: The as-of date of an example that does not give one.
DEFAULT_ON = date(2023, 7, 7)

MODULES = sorted(
    info.name for info in pkgutil.iter_modules(govgraph.checks.__path__) if info.name != "base"
)


def test_every_module_is_registered_in_format_order() -> None:
    assert tuple(CHECKS) == CHECK_SLUGS
    registered = sorted(module.__name__.rsplit(".", 1)[1] for module in CHECKS.values())
    assert registered == MODULES
    for slug, module in CHECKS.items():
        assert module.__name__.endswith("." + slug.replace("-", "_"))


@pytest.mark.parametrize("slug", CHECK_SLUGS)
def test_every_check_is_documented(slug: str) -> None:
    module = CHECKS[slug]
    doc = module.__doc__ or ""
    assert doc.startswith(f"{slug}: "), "the docstring's first line names the slug"
    assert isinstance(module.SEVERITY, Severity)
    assert module.SUMMARY and "\n" not in module.SUMMARY and len(module.SUMMARY) < 90
    kinds = [m.group(1) for m in EXAMPLE.finditer(doc)]
    assert "Passes" in kinds and "Fails" in kinds, "a passing and a failing YAML example"
    fix = re.search(r"^Fix \((safe|unsafe|none)\): ", doc, re.MULTILINE)
    assert fix, "the docstring says how to fix it and how safe govgraph's fix is"
    assert fix.group(1) == module.FIX.value, "the docstring's fix class is the module's FIX"


def _examples() -> list[tuple[str, str, str, date, dict[str, str]]]:
    found = []
    for slug, module in CHECKS.items():
        for match in EXAMPLE.finditer(module.__doc__ or ""):
            intro = match.group(2)
            on = ON.search(intro)
            settings = {k: v for k, v in SETTING.findall(intro) if k in Settings.model_fields}
            day = date.fromisoformat(on.group(1)) if on else DEFAULT_ON
            found.append((slug, match.group(1), textwrap.dedent(match.group(3)), day, settings))
    return found


@pytest.mark.parametrize(
    ("slug", "kind", "yaml_text", "on", "settings"),
    _examples(),
    ids=lambda value: value if isinstance(value, str) and "\n" not in value else "",
)
def test_documented_examples_pass_and_fail_as_they_say(
    tmp_path: Path, slug: str, kind: str, yaml_text: str, on: date, settings: dict[str, str]
) -> None:
    (tmp_path / "model.yaml").write_text(yaml_text, encoding="utf-8")
    if settings:
        lines = [f"{key}: {value}" for key, value in settings.items()]
        (tmp_path / "govgraph.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = audit(load(tmp_path), on=on, select=[slug])
    found = [f.message for f in result.findings]
    if kind == "Passes":
        assert found == []
    else:
        assert found, f"the failing example of {slug} makes no finding"
