"""Safe YAML parsing that keeps positions.

``parse_yaml(text, file)`` returns plain Python data in which every mapping is a
:class:`YMap`: a ``dict`` that also knows the line of each of its keys, so that
a validation error deep in a model can still name the file and line.

Safety, because model files come from many hands:

* only YAML's standard tags are constructed (PyYAML's safe loader); a tag such
  as ``!!python/object`` is refused with its position;
* dates stay strings here: the schema parses them, so ``2023-02-30`` becomes a
  clear validation error rather than a crash in the YAML layer;
* aliases are allowed (officers use anchors and ``<<`` merges), but a document
  whose aliases expand past :data:`MAX_EXPANDED_NODES` values, or past the
  size the caller allows (a "billion laughs" bomb, or one long string aliased
  thousands of times), is refused before anything is built from it, and so is
  a document of that many values written out;
* a number too long for Python to convert (over 4,300 digits) is refused with
  its position;
* a key given twice in one mapping is an error, not a silent overwrite.

PyYAML's C parser is used when it is installed, its pure-Python one otherwise;
both give the same data and positions.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

try:  # the C parser is several times faster; the results are the same
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

#: How many nodes the aliases of one document may add before it is refused.
MAX_EXPANDED_NODES = 1_000_000

_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class YMap(dict[Any, Any]):
    """A mapping from YAML that remembers where it and each of its keys stand."""

    __slots__ = ("line", "column", "key_lines")

    def __init__(self) -> None:
        super().__init__()
        self.line = 0
        self.column = 0
        self.key_lines: dict[Any, int] = {}

    def line_of(self, key: Any) -> int:
        """The line of ``key`` if present, else the line of the mapping itself."""
        return self.key_lines.get(key, self.line)


class YAMLProblem(Exception):
    """A YAML file that cannot be read; ``line``/``column`` are 1-based."""

    def __init__(self, message: str, line: int = 0, column: int = 0, limit: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        #: The file was refused for a size limit the user may raise (not worth caching).
        self.limit = limit


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type,unused-ignore]
    """The safe loader, building YMaps and refusing duplicate keys."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
        for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
    }

    def construct_yaml_ymap(self, node: MappingNode) -> Any:
        data = YMap()
        data.line = node.start_mark.line + 1
        data.column = node.start_mark.column + 1
        yield data
        self.flatten_mapping(node)  # applies "<<" merge keys
        explicit: set[Any] = set()
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                hash(key)
            except TypeError:
                raise YAMLProblem(
                    "a mapping key must be a plain value, not a list or mapping",
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                ) from None
            from_merge = getattr(key_node, "_from_merge", False)
            if key in explicit and not from_merge:
                raise YAMLProblem(
                    f"the key {key!r} appears twice in this mapping "
                    f"(first on line {data.key_lines[key]}); keep one",
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                )
            if from_merge and key in explicit:
                continue  # an explicit key overrides a merged one
            if not from_merge:
                explicit.add(key)
            data[key] = self.construct_object(value_node, deep=True)
            data.key_lines[key] = key_node.start_mark.line + 1

    def flatten_mapping(self, node: MappingNode) -> None:
        # Merged keys come first in node.value after flattening; mark them so
        # that an explicit key of the same name may override them.
        before = list(node.value)
        super().flatten_mapping(node)
        explicit = {id(k) for k, _ in before}
        for key_node, _ in node.value:
            if id(key_node) not in explicit:
                key_node._from_merge = True  # type: ignore[attr-defined,unused-ignore]


_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_yaml_ymap)


def _construct_int(loader: _Loader, node: ScalarNode) -> int:
    try:
        return int(_SAFE_INT(loader, node))
    except ValueError:
        raise _too_long(node) from None


_SAFE_INT = yaml.constructor.SafeConstructor.construct_yaml_int
_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)


def _too_long(node: Node) -> YAMLProblem:
    return YAMLProblem(
        f"a number of {len(str(node.value)):,} digits is too long to read; "
        "put it in quotes if it is text",
        node.start_mark.line + 1,
        node.start_mark.column + 1,
    )


#: The implicit resolvers by a scalar's first character, wildcard ones appended, so that
#: resolving a plain scalar is one dict lookup and a regexp or two.
_RESOLVERS: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    first: [*resolvers, *_Loader.yaml_implicit_resolvers.get(None, [])]
    for first, resolvers in _Loader.yaml_implicit_resolvers.items()
    if first is not None
}
_WILDCARD: list[tuple[str, re.Pattern[str]]] = list(_Loader.yaml_implicit_resolvers.get(None, []))


def _resolve(self: _Loader, kind: type[Node], value: Any, implicit: tuple[bool, bool]) -> str:
    """PyYAML's ``resolve``, same answers, without rebuilding lists on every call.

    The C parser calls this back for every value of every file, which made it the
    hottest Python function of a load (profiled: a third of the time).
    """
    if kind is ScalarNode and implicit[0] and not self.yaml_path_resolvers:
        for tag, regexp in _RESOLVERS.get(value[:1], _WILDCARD):
            if regexp.match(value):
                return tag
        return str(self.DEFAULT_SCALAR_TAG)
    return str(_BaseLoader.resolve(self, kind, value, implicit))  # type: ignore[no-untyped-call]


_Loader.resolve = _resolve  # type: ignore[method-assign,assignment]

_TAG = "tag:yaml.org,2002:"
_SAFE = yaml.constructor.SafeConstructor()
#: How each plain-data scalar tag is built: PyYAML's own constructors, so values match.
_SCALARS: dict[str, Any] = {
    _TAG + "null": _SAFE.construct_yaml_null,
    _TAG + "bool": _SAFE.construct_yaml_bool,
    _TAG + "int": _SAFE.construct_yaml_int,
    _TAG + "float": _SAFE.construct_yaml_float,
}


#: Strings longer than this are checked for aliases on the fast path.
_LONG_SCALAR = 64


class _Unusual(Exception):
    """The document uses something the fast builder leaves to PyYAML's constructor."""


def _build(node: Node, seen: set[int]) -> Any:
    """Plain data from a node tree: the fast path for documents of plain mappings,
    lists and scalars, which is nearly every model file.

    Anything else (an explicit tag, an alias, a ``<<`` merge, a non-scalar key, a
    duplicate key) raises :class:`_Unusual`, and the caller builds the document with
    PyYAML's constructor as before, so results and error messages are identical.
    """
    cls = node.__class__
    if cls is ScalarNode:
        if node.tag == _TAG + "str":
            value = node.value
            if len(value) > _LONG_SCALAR:
                # A long string seen twice is an alias: leave it to the full constructor,
                # which counts the size of what the aliases copy (short ones cannot add much).
                if id(node) in seen:
                    raise _Unusual
                seen.add(id(node))
            return value
        make = _SCALARS.get(node.tag)
        if make is None:
            raise _Unusual
        try:
            return make(node)
        except ValueError:  # an integer past Python's 4,300 digits
            raise _too_long(node) from None
    if id(node) in seen:  # an alias of a mapping or list: leave sharing to PyYAML
        raise _Unusual
    seen.add(id(node))
    if cls is SequenceNode and node.tag == _TAG + "seq":
        return [_build(child, seen) for child in node.value]
    if cls is not MappingNode or node.tag != _TAG + "map":
        raise _Unusual
    data = YMap()
    data.line = node.start_mark.line + 1
    data.column = node.start_mark.column + 1
    key_lines = data.key_lines
    for key_node, value_node in node.value:
        if key_node.__class__ is not ScalarNode:
            raise _Unusual
        key = _build(key_node, seen)
        if key in data or key_node.tag == _TAG + "merge":
            raise _Unusual
        data[key] = _build(value_node, seen)
        key_lines[key] = key_node.start_mark.line + 1
    return data


def _expanded_size(root: Node, max_chars: int | None = None) -> int:
    """Count nodes as if every alias were copied out, stopping at the limits.

    A shared (aliased) node is counted once per place it stands; sizes are
    memoised by node identity, so this is linear in the distinct nodes. Beside
    the count of values, the characters of the expanded text are counted (each
    scalar's length, plus one for every value) and held to ``max_chars``: one
    long string aliased a thousand times is as large in memory as a thousand
    copies written out.
    """
    sizes: dict[int, int] = {}
    chars: dict[int, int] = {}
    in_progress: set[int] = set()
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if key in sizes:
            continue
        if isinstance(node, ScalarNode):
            sizes[key] = 1
            chars[key] = 1 + len(node.value)
            continue
        children: list[Node] = []
        if isinstance(node, SequenceNode):
            children = list(node.value)
        elif isinstance(node, MappingNode):
            for k, v in node.value:
                children.extend((k, v))
        if not children_done:
            if key in in_progress:
                raise YAMLProblem(
                    "an alias refers to the mapping or list that contains it; "
                    "recursive structures are not allowed",
                    node.start_mark.line + 1,
                    node.start_mark.column + 1,
                )
            in_progress.add(key)
            stack.append((node, True))
            for child in children:
                if id(child) in in_progress:
                    raise YAMLProblem(
                        "an alias refers to the mapping or list that contains it; "
                        "recursive structures are not allowed",
                        child.start_mark.line + 1,
                        child.start_mark.column + 1,
                    )
                if id(child) not in sizes:
                    stack.append((child, False))
            continue
        in_progress.discard(key)
        total = 1 + sum(sizes[id(child)] for child in children)
        if total > MAX_EXPANDED_NODES:
            raise YAMLProblem(
                f"aliases in this file expand to more than {MAX_EXPANDED_NODES:,} values "
                "(an alias bomb?); write the data out instead of nesting aliases",
                node.start_mark.line + 1,
                node.start_mark.column + 1,
            )
        sizes[key] = total
        chars[key] = length = 1 + sum(chars[id(child)] for child in children)
        if max_chars is not None and length > max_chars:
            raise YAMLProblem(
                f"aliases in this file expand to more than {max_chars / 1024 / 1024:,.1f} MB "
                "of text, more than govgraph reads (an alias bomb?); write the data out, "
                "or raise the limit with govgraph --max-file-size SIZE",
                node.start_mark.line + 1,
                node.start_mark.column + 1,
                limit=True,
            )
    return sizes[id(root)]


_NODE_EVENTS = (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent, yaml.AliasEvent)


def _count_values(text: str) -> None:
    """Refuse a document of more than :data:`MAX_EXPANDED_NODES` values before it is
    built: PyYAML's node tree costs about 350 bytes and 7 µs a value, so a dense 16 MB
    line of ``[a,a,a,…]`` would take 3 GB and a minute. The parser's events are counted
    as they stream past, in constant memory (a second per million values)."""
    count = 0
    try:
        for event in yaml.parse(text, Loader=_BaseLoader):
            if isinstance(event, _NODE_EVENTS):
                count += 1
                if count > MAX_EXPANDED_NODES:
                    mark = event.start_mark
                    raise YAMLProblem(
                        f"this file holds more than {MAX_EXPANDED_NODES:,} values; split it "
                        "into several files (a model is a folder of files)",
                        mark.line + 1 if mark else 0,
                        mark.column + 1 if mark else 0,
                    )
    except yaml.YAMLError:
        return  # a syntax error: the full parse reports it with its position


def parse_yaml(text: str, max_expanded: int | None = None) -> Any:
    """Parse one YAML document safely, keeping positions in :class:`YMap` values.

    ``max_expanded`` is the most characters the document may hold once its
    aliases are copied out (None: no limit but :data:`MAX_EXPANDED_NODES`).

    >>> data = parse_yaml("bodies:\\n  - id: hwb\\n    name: Board\\n")
    >>> data["bodies"][0].line_of("name")
    3

    Raises :class:`YAMLProblem` with a position for anything that cannot be read.
    """
    if len(text) > 2 * MAX_EXPANDED_NODES:  # only a file this long can hold that many values
        _count_values(text)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        try:
            return _build(node, set())
        except (_Unusual, RecursionError):
            pass  # the full constructor decides, with its checks and messages
        _expanded_size(node, max_expanded)
        return loader.construct_document(node)
    except YAMLProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        line = mark.line + 1 if mark else 0
        column = mark.column + 1 if mark else 0
        tag = re.search(r"for the tag '([^']*)'", str(problem))
        if isinstance(exc, yaml.constructor.ConstructorError) and tag:
            message = (
                f"the YAML tag '{tag.group(1)}' is not allowed: govgraph reads plain "
                "YAML data only; remove the tag"
            )
        else:
            message = explain_syntax(str(problem), text, line, column)
        raise YAMLProblem(message, line, column) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        character = exc.character if isinstance(exc.character, str) else chr(exc.character)
        raise YAMLProblem(
            f"the control character U+{ord(character):04X} is not allowed in YAML; "
            "delete it (it is invisible in most editors)",
            line,
            column,
        ) from None
    except yaml.YAMLError as exc:
        raise YAMLProblem(f"YAML syntax: {exc}") from None
    except RecursionError:
        raise YAMLProblem("the YAML is nested too deeply to read") from None
    finally:
        loader.dispose()


def explain_syntax(problem: str, text: str, line: int, column: int) -> str:
    """A YAML syntax error in an officer's words: what is wrong and how to fix it,
    with libyaml's own words after, and the line quoted where it helps.

    >>> explain_syntax("mapping values are not allowed in this context",
    ...                "name: Adults: the board", 1, 13)[:74]
    'a value that holds ": " must be in quotes: write name: "Adults: the board"'
    """
    lines = text.splitlines()
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in source[: max(column, 1)] or "cannot start any token" in problem and "\t" in source:
        advice = "tabs are not allowed in YAML: indent with spaces"
    elif "mapping values are not allowed" in problem:
        key, sep, value = source.strip().lstrip("- ").partition(": ")
        fixed = f'{key}: "{value.strip()}"' if sep and '"' not in value else ""
        advice = 'a value that holds ": " must be in quotes' + (
            f": write {fixed}" if fixed else " (or written after a line break with |)"
        )
    elif "expected '-' indicator" in problem or "expected <block end>" in problem:
        advice = (
            f"line {line} does not line up with the lines above it: the items of a list "
            "start with '-' at the same indent, and the keys of one mapping start at the "
            "same column; indent it like its neighbours, with spaces"
        )
    elif "expected ',' or '}'" in problem or "expected ',' or ']'" in problem:
        advice = (
            "a {…} or […] opened above is not closed: add the closing '}' or ']' "
            "(and a ',' between items)"
        )
    elif "unexpected end of stream" in problem or "quoted scalar" in problem:
        advice = "a quote opened above is not closed: end the value with the same quote"
    elif "undefined alias" in problem:
        advice = "this *alias names no &anchor above it: define the anchor first, or remove the *"
    elif "could not find expected ':'" in problem:
        advice = "a key is missing its ':' (write key: value)"
    else:
        advice = "check the indentation, the quotes and the ':' on this line and the one above"
    return f"{advice} (YAML: {problem})"
