"""Load a model folder: YAML files -> positioned data -> validated entities.

``load(path)`` reads every ``*.yaml``/``*.yml`` below the folder (hidden
folders skipped), merges the sections, validates each entity with the pydantic
models of :mod:`govgraph.schema`, checks every cross-reference, and returns a
:class:`~govgraph.model.Model`. Anything wrong anywhere raises one
:class:`~govgraph.errors.ModelLoadError` listing every problem with its file
and line, sorted, so a user fixes a model in one pass.
"""

from __future__ import annotations

import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from govgraph.errors import GovgraphError, LoadProblem, ModelLoadError
from govgraph.explain import explain, suggest
from govgraph.model import Model
from govgraph.references import check_references
from govgraph.schema import SECTIONS, Settings
from govgraph.yamlread import YAMLProblem, YMap, parse_yaml

SETTINGS_FILE = "govgraph.yaml"
YAML_SUFFIXES = (".yaml", ".yml")


def model_files(root: Path) -> list[Path]:
    """Every YAML file of a model, in a stable order (hidden folders skipped)."""
    if root.is_file():
        return [root]
    found = [
        path
        for path in root.rglob("*")
        if path.suffix in YAML_SUFFIXES
        and path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(root).parts)
    ]
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def load(path: str | Path) -> Model:
    """Load, validate and cross-check the model in folder (or file) ``path``.

    >>> model = load("models/worcestershire")          # doctest: +SKIP
    >>> model.bodies["hwb"].name                        # doctest: +SKIP
    'Worcestershire Health and Wellbeing Board'

    Raises :class:`ModelLoadError` (with every problem) when the model is not
    valid, and :class:`GovgraphError` when ``path`` is not a model at all.
    """
    root = Path(path)
    if not root.exists():
        raise GovgraphError(f"{root}: no such folder; give the folder that holds the model")
    files = model_files(root)
    if not files:
        raise GovgraphError(
            f"{root}: no *.yaml or *.yml files here; a model is a folder of YAML files"
        )
    model = Model(root=root)
    problems: list[LoadProblem] = []
    first_seen: dict[str, tuple[str, int]] = {}
    for file in files:
        rel = file.name if root.is_file() else file.relative_to(root).as_posix()
        shown = str(file)
        model.files.append(rel)
        data = _read(file, shown, problems)
        if data is None:
            continue
        if rel == SETTINGS_FILE and not root.is_file():
            model.settings = _settings(data, shown, rel, problems)
            continue
        _sections(data, model, shown, rel, problems, first_seen)
    problems.extend(check_references(model))
    if problems:
        raise ModelLoadError(problems)
    return model


def _read(file: Path, shown: str, problems: list[LoadProblem]) -> Any:
    raw = file.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.append(
            LoadProblem(
                shown, line, 0, "the file is not UTF-8 text; save it as UTF-8 and try again"
            )
        )
        return None
    try:
        return parse_yaml(text)
    except YAMLProblem as exc:
        problems.append(LoadProblem(shown, exc.line, exc.column, exc.message))
        return None


def _settings(data: Any, shown: str, rel: str, problems: list[LoadProblem]) -> Settings:
    if not isinstance(data, YMap):
        problems.append(
            LoadProblem(shown, 1, 0, "govgraph.yaml must be a mapping of settings (key: value)")
        )
        return Settings()
    try:
        settings = Settings.model_validate(data)
    except ValidationError as exc:
        problems.extend(_translate(exc, Settings, data, shown, ""))
        return Settings()
    settings.locate(rel, data.line, data.key_lines)
    return settings


def _sections(
    data: Any,
    model: Model,
    shown: str,
    rel: str,
    problems: list[LoadProblem],
    first_seen: dict[str, tuple[str, int]],
) -> None:
    if not isinstance(data, YMap):
        problems.append(
            LoadProblem(
                shown,
                1,
                0,
                "the top level of a model file must be a mapping of sections "
                f"({', '.join(SECTIONS)}), not {type(data).__name__}",
            )
        )
        return
    for section, items in data.items():
        line = data.line_of(section)
        if section not in SECTIONS:
            hint = suggest(str(section), list(SECTIONS))
            if section in Settings.model_fields and not hint:
                hint = f"; settings belong in {SETTINGS_FILE} at the model's root"
            problems.append(
                LoadProblem(
                    shown,
                    line,
                    0,
                    f"unknown section '{section}'{hint}; sections are: {', '.join(SECTIONS)}",
                )
            )
            continue
        if items is None:
            continue
        if not isinstance(items, list):
            problems.append(
                LoadProblem(
                    shown, line, 0, f"'{section}' must be a list of entries, each starting '- '"
                )
            )
            continue
        _entities(section, items, model, shown, rel, problems, first_seen, line)


def _entities(
    section: str,
    items: list[Any],
    model: Model,
    shown: str,
    rel: str,
    problems: list[LoadProblem],
    first_seen: dict[str, tuple[str, int]],
    section_line: int,
) -> None:
    schema = SECTIONS[section]
    table: dict[str, Any] = getattr(model, section)
    for index, raw in enumerate(items):
        if not isinstance(raw, YMap):
            problems.append(
                LoadProblem(
                    shown,
                    section_line,
                    0,
                    f"entry {index + 1} of '{section}' must be a mapping with at least an id",
                    section,
                )
            )
            continue
        raw_id = raw.get("id")
        label = f"{section}[{raw_id if raw_id is not None else index}]"
        if isinstance(raw_id, str):
            where = first_seen.get(raw_id)
            if where is not None:
                problems.append(
                    LoadProblem(
                        shown,
                        raw.line_of("id"),
                        0,
                        f"the id '{raw_id}' is already used at {where[0]}:{where[1]}; "
                        "ids must be unique across the whole model, rename one",
                        label,
                    )
                )
                continue
            first_seen[raw_id] = (shown, raw.line_of("id"))
        try:
            entity = schema.model_validate(raw)
        except ValidationError as exc:
            problems.extend(_translate(exc, schema, raw, shown, label))
            continue
        _locate(entity, raw, rel)
        table[entity.id] = entity


def _locate(entity: Any, raw: YMap, rel: str) -> None:
    """Record file and line on an entity and on each of its nested entries."""
    entity.locate(rel, raw.line, raw.key_lines)
    for name in ("ignore", "members", "reports_to", "requires", "holders"):
        children = getattr(entity, name, None)
        if not children:
            continue
        for child, child_raw in zip(children, raw.get(name) or (), strict=False):
            if isinstance(child_raw, YMap):
                _locate(child, child_raw, rel)


def _translate(
    exc: ValidationError, schema: type[BaseModel], raw: YMap, shown: str, label: str
) -> list[LoadProblem]:
    problems = []
    for error in exc.errors(include_url=False):
        loc = error["loc"]
        line = _line_at(raw, loc)
        path = label + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc)
        message = explain(error, _model_at(schema, loc))
        problems.append(LoadProblem(shown, line, 0, message, path.lstrip(".")))
    return problems


def _line_at(raw: YMap, loc: tuple[int | str, ...]) -> int:
    """The line of the deepest key of ``loc`` that exists in the raw data."""
    node: Any = raw
    line = raw.line
    for part in loc:
        if isinstance(node, YMap) and part in node:
            line = node.line_of(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
            if isinstance(node, YMap):
                line = node.line
        else:
            break
    return line


def _model_at(schema: type[BaseModel], loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    """The pydantic model class whose field the error at ``loc`` is about."""
    current: type[BaseModel] = schema
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = next((f for n, f in current.model_fields.items() if (f.alias or n) == part), None)
        if field is None:
            return None
        inner = _model_in(field.annotation)
        if inner is None:
            return None
        current = inner
    return current


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None
