"""Load a model folder: YAML files -> positioned data -> validated entities.

``load(path)`` reads every ``*.yaml``/``*.yml`` below the folder (hidden
folders skipped), merges the sections, validates each entity with the pydantic
models of :mod:`govgraph.schema`, checks every cross-reference, and returns a
:class:`~govgraph.model.Model`. Anything wrong anywhere raises one
:class:`~govgraph.errors.ModelLoadError` listing every problem with its file
and line, sorted, so a user fixes a model in one pass.
"""

from __future__ import annotations

import dataclasses
import difflib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from govgraph.cache import FileCache, enabled
from govgraph.collector import collector_paused
from govgraph.errors import GovgraphError, LoadProblem, ModelLoadError
from govgraph.explain import explain, suggest
from govgraph.limits import InputProblem, current, read_input, too_large
from govgraph.model import Model
from govgraph.packs.user import PACKS_SECTION, read_packs
from govgraph.references import check_references
from govgraph.schema import SECTIONS, Settings, fields_of, validate
from govgraph.walk import YAML_SUFFIXES, find_model_files
from govgraph.yamlread import YAMLProblem, YMap, parse_yaml

SETTINGS_FILE = "govgraph.yaml"
__all__ = ["YAML_SUFFIXES", "load", "model_files"]
#: Stands for the file's path in problems found while reading one file on its own
#: (and perhaps cached); replaced by the path as the user gave it when merging.
_THIS_FILE = "\0this file"


def model_files(root: Path) -> list[Path]:
    """Every readable YAML file of a model, in a stable order (hidden folders skipped)."""
    return find_model_files(root, current().follow_links).files


def load(path: str | Path, cache: bool | None = None) -> Model:
    """Load, validate and cross-check the model in folder (or file) ``path``.

    >>> model = load("models/worcestershire")          # doctest: +SKIP
    >>> model.bodies["hwb"].name                        # doctest: +SKIP
    'Worcestershire Health and Wellbeing Board'

    ``cache=True`` reuses what an earlier load read from files that have not
    changed since (see :mod:`govgraph.cache`); the default leaves it to the
    ``govgraph`` command, which uses it unless ``--no-cache`` or
    ``GOVGRAPH_NO_CACHE`` says not to. The result is the same either way.

    Raises :class:`ModelLoadError` (with every problem) when the model is not
    valid, and :class:`GovgraphError` when ``path`` is not a model at all.
    """
    root = Path(path)
    _refuse_what_is_not_one_model(root)
    limits = current()
    found = find_model_files(root, limits.follow_links)
    files = found.files
    problems = [LoadProblem(str(path), 0, 0, cause) for path, cause in found.problems]
    if not files and not problems:
        raise GovgraphError(
            f"{root}: no *.yaml or *.yml files here; a model is a folder of YAML files"
        )
    if found.total_size > limits.model_size:
        message = "the model's files hold " + too_large(
            found.total_size, limits.model_size, "--max-model-size"
        )
        raise ModelLoadError([LoadProblem(str(root), 0, 0, message)])
    # What aliases may add on top of the files as written, so the model stays in its limit.
    spare = limits.model_size - found.total_size
    single = root.is_file()
    store = FileCache() if enabled(cache) else None
    model = Model(root=root)
    first_seen: dict[str, tuple[str, int]] = {}
    complete = not found.problems
    every_file_parsed = True
    with collector_paused():
        for file in files:
            rel = file.name if single else file.relative_to(root).as_posix()
            shown = str(file)
            model.files.append(rel)
            is_settings = rel == SETTINGS_FILE and not single
            prepared = _prepared(file, rel, is_settings, store, spare)
            complete = complete and not prepared.unread and not prepared.truncated
            problems.extend(dataclasses.replace(p, file=shown) for p in prepared.problems)
            data = prepared.data
            if data is None:
                every_file_parsed = False
                continue
            if is_settings:
                model.settings = _settings(data, shown, rel, problems)
                continue
            _sections(data, model, shown, rel, problems, first_seen)
        # With a file missing or unparsed, an id it defines would look unknown; every
        # other cross-file problem is still reported, so one run finds them all.
        problems.extend(check_references(model, every_id_known=complete and every_file_parsed))
    if store is not None:
        store.finish()
    if problems:
        raise ModelLoadError(problems)
    return model


def _refuse_what_is_not_one_model(root: Path) -> None:
    """A missing folder (with the nearest that exists), a folder of several models, or
    one file of a model folder: each named as such, with what to give instead."""
    if not root.exists():
        parent = root.parent if str(root.parent) else Path(".")
        names = [p.name for p in parent.iterdir() if p.is_dir()] if parent.is_dir() else []
        near = difflib.get_close_matches(root.name, names, n=1, cutoff=0.6)
        hint = f" (did you mean {parent / near[0]}?)" if near else ""
        raise GovgraphError(f"{root}: no such folder{hint}; give the folder that holds the model")
    if root.is_file():
        home = next((p for p in root.parents if (p / SETTINGS_FILE).is_file()), None)
        if home is not None:
            raise GovgraphError(
                f"{root} is one file of the model in {home} (the folder with its "
                f"{SETTINGS_FILE}); give the folder, e.g. govgraph validate {home}"
            )
        return
    if (root / SETTINGS_FILE).is_file():
        return
    models = sorted(p.parent for p in root.glob(f"*/{SETTINGS_FILE}"))
    if len(models) > 1:
        listed = ", ".join(str(m) for m in models)
        raise GovgraphError(
            f"{root} holds {len(models)} models, each with its own {SETTINGS_FILE} "
            f"({listed}); give one of them"
        )


# --- reading one file on its own: the part worth caching ---------------------------------


@dataclass
class Validated:
    """One entry of an entity section, validated on its own (before ids are merged)."""

    raw_id: Any
    id_line: int
    label: str
    entity: Any = None  # the schema object, or None when it was not valid
    problems: list[LoadProblem] = field(default_factory=list)


@dataclass
class Prepared:
    """What one file holds, read and validated without looking at any other file.

    ``data`` is the parsed YAML with each mapping in an entity section replaced
    by its :class:`Validated` entry (other sections stay as parsed); ``problems``
    are the file's own (its path written as :data:`_THIS_FILE`).
    """

    data: Any
    problems: list[LoadProblem] = field(default_factory=list)
    limited: bool = False  # refused for a size limit: not cached, the user may raise it
    unread: bool = False  # the file could not be read at all
    truncated: bool = False  # too many invalid entries: the rest were not checked


def _prepared(
    file: Path, rel: str, is_settings: bool, store: FileCache | None, spare: int
) -> Prepared:
    """The file read on its own, from the cache when it holds these exact bytes."""
    limit = current().file_size
    try:
        raw = read_input(file, limit)
    except InputProblem as exc:
        return Prepared(None, [LoadProblem(_THIS_FILE, 0, 0, exc.cause)], unread=True)
    expanded = min(limit, len(raw) + spare)
    if store is None:
        return _prepare(raw, rel, is_settings, expanded)
    key = store.key(rel, "settings" if is_settings else "model", raw)
    found = store.get(key)
    if isinstance(found, Prepared):
        return found
    prepared = _prepare(raw, rel, is_settings, expanded)
    if not prepared.limited:  # a larger limit next time may read it
        store.put(key, prepared)
    return prepared


def _prepare(raw: bytes, rel: str, is_settings: bool, expanded: int | None = None) -> Prepared:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = "the file is not UTF-8 text; save it as UTF-8 and try again"
        return Prepared(None, [LoadProblem(_THIS_FILE, line, 0, message)])
    try:
        data = parse_yaml(text, expanded)
    except YAMLProblem as exc:
        problem = LoadProblem(_THIS_FILE, exc.line, exc.column, exc.message)
        return Prepared(None, [problem], limited=exc.limit)
    prepared = Prepared(data)
    if not is_settings and isinstance(data, YMap):
        invalid = 0
        for section, items in data.items():
            if section in SECTIONS and isinstance(items, list):
                entries = []
                for index, item in enumerate(items):
                    if not isinstance(item, YMap):
                        entries.append(item)
                    elif invalid >= MAX_PROBLEMS_PER_FILE:  # not worth checking one by one
                        entries.append(Validated(item.get("id"), item.line_of("id"), section))
                        prepared.truncated = True
                    else:
                        entry = _validated(section, index, item, rel)
                        invalid += entry.entity is None
                        entries.append(entry)
                data[section] = entries
        if prepared.truncated:
            prepared.problems.append(_too_many(1))
    return prepared


#: Past this many invalid entries in one file, the rest are not checked one by one: a
#: file of a million bad entries must fail in seconds, and the first hundred show the way.
MAX_PROBLEMS_PER_FILE = 100


def _too_many(line: int) -> LoadProblem:
    return LoadProblem(
        _THIS_FILE,
        line,
        0,
        f"more than {MAX_PROBLEMS_PER_FILE} entries of this file are wrong; the rest were "
        "not checked (fix these and run again)",
    )


def _validated(section: str, index: int, raw: YMap, rel: str) -> Validated:
    schema = SECTIONS[section]
    raw_id = raw.get("id")
    label = f"{section}[{raw_id if raw_id is not None else index}]"
    entry = Validated(raw_id, raw.line_of("id"), label)
    try:
        entry.entity = validate(schema, raw)
    except ValidationError as exc:
        entry.problems = _translate(exc, schema, raw, _THIS_FILE, label)
        # Still cross-check what the rest of the entry says (its members' ids, its
        # dates' order), so that one run reports every problem; the load fails anyway.
        entry.entity = _salvaged(schema, raw, exc)
        if entry.entity is None:
            return entry
    _locate(entry.entity, raw, rel)
    return entry


#: How many rounds of leaving out wrong fields an entry gets before it is given up.
SALVAGE_ROUNDS = 20


def _salvaged(schema: type[Any], raw: YMap, error: ValidationError) -> Any:
    """``raw`` validated without the fields that were wrong (a missing ``name`` or
    ``title`` stood in by the id), or None when what is wrong is not a field."""
    copy = _copied(raw)
    for _ in range(SALVAGE_ROUNDS):
        for problem in error.errors():
            *parents, last = problem["loc"] or ("",)
            holder: Any = copy
            for step in parents:
                if isinstance(holder, dict):
                    holder = holder.get(step)
                elif isinstance(holder, list) and isinstance(step, int):
                    holder = holder[step] if step < len(holder) else None
                else:
                    holder = None
                if holder is None:
                    return None
            if not isinstance(holder, dict) or not isinstance(last, str):
                return None  # a list item that is not a mapping, the entry itself …
            if problem["type"] == "missing":
                if last not in ("name", "title"):
                    return None
                holder[last] = str(holder.get("id") or "?")
            else:
                holder.pop(last, None)
        try:
            return validate(schema, copy)
        except ValidationError as again:
            error = again
    return None


def _copied(value: Any) -> Any:
    """A copy of parsed YAML that keeps the positions (the copy is what is validated)."""
    if isinstance(value, YMap):
        made = YMap()
        made.line, made.column, made.key_lines = value.line, value.column, value.key_lines
        made.update({key: _copied(item) for key, item in value.items()})
        return made
    if isinstance(value, list):
        return [_copied(item) for item in value]
    return value


# --- merging the files into one model ----------------------------------------------------


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
    key_lines = dict(data.key_lines)
    checks = data.get("checks")
    if isinstance(checks, YMap):  # where each check was named, for "not a check" errors
        key_lines.update({f"checks.{slug}": line for slug, line in checks.key_lines.items()})
    settings.locate(rel, data.line, key_lines)
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
        if section == PACKS_SECTION:  # statutory packs: their own namespace, not entities
            read_packs(items, model, shown, rel, line, problems, _translate)
            continue
        if section not in SECTIONS:
            hint = suggest(str(section), [*SECTIONS, PACKS_SECTION], n=1)  # the one meant
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
    table: dict[str, Any] = getattr(model, section)
    shapeless = 0
    for index, entry in enumerate(items):
        if not isinstance(entry, Validated):
            shapeless += 1
            if shapeless > MAX_PROBLEMS_PER_FILE:
                if shapeless == MAX_PROBLEMS_PER_FILE + 1:
                    problems.append(dataclasses.replace(_too_many(section_line), file=shown))
                continue
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
        raw_id, label = entry.raw_id, entry.label
        if isinstance(raw_id, str):
            where = first_seen.get(raw_id)
            if where is not None:
                problems.append(
                    LoadProblem(
                        shown,
                        entry.id_line,
                        0,
                        f"the id '{raw_id}' is already used at {where[0]}:{where[1]}; "
                        "ids must be unique across the whole model, rename one",
                        label,
                    )
                )
                continue
            first_seen[raw_id] = (shown, entry.id_line)
        problems.extend(dataclasses.replace(p, file=shown) for p in entry.problems)
        if entry.entity is not None:  # valid, or valid enough to cross-check
            table[entry.entity.id] = entry.entity


def _locate(entity: Any, raw: YMap, rel: str) -> None:
    """Record file and line on an entity and on each of its nested entries."""
    entity.locate(rel, raw.line, raw.key_lines)
    for name in _nested(type(entity)):
        children = getattr(entity, name)
        if children:
            _locate_each(children, raw.get(name), rel)


def _nested(schema: type[Any]) -> tuple[str, ...]:
    """The fields of ``schema`` that hold a list of mappings with positions of their own."""
    found = _NESTED.get(schema)
    if found is None:
        names = ("ignore", "members", "reports_to", "requires", "holders", "priorities")
        found = _NESTED[schema] = tuple(name for name in names if name in fields_of(schema))
    return found


_NESTED: dict[type[Any], tuple[str, ...]] = {}


def _locate_each(children: list[Any], raw: Any, rel: str) -> None:
    for child, child_raw in zip(children, raw or (), strict=False):
        if isinstance(child_raw, YMap):
            _locate(child, child_raw, rel)


def _translate(
    exc: ValidationError, schema: type[Any], raw: YMap, shown: str, label: str
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


def _model_at(schema: type[Any], loc: tuple[int | str, ...]) -> type[Any] | None:
    """The schema class (a model or a Slotted dataclass) whose field the error at ``loc``
    is about."""
    current: type[Any] = schema
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = next((f for n, f in fields_of(current).items() if (f.alias or n) == part), None)
        if field is None:
            return None
        inner = _model_in(field.annotation)
        if inner is None:
            return None
        current = inner
    return current


def _model_in(annotation: Any) -> type[Any] | None:
    if isinstance(annotation, type) and hasattr(annotation, "__pydantic_fields__"):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None
