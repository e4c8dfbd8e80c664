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
  whose aliases expand past :data:`MAX_EXPANDED_NODES` (a "billion laughs"
  bomb) is refused before anything is built from it;
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

    def __init__(self, message: str, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
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
                key_node._from_merge = True  # type: ignore[attr-defined]


_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_yaml_ymap)


def _expanded_size(root: Node) -> int:
    """Count nodes as if every alias were copied out, stopping at the limit.

    A shared (aliased) node is counted once per place it stands; sizes are
    memoised by node identity, so this is linear in the distinct nodes.
    """
    sizes: dict[int, int] = {}
    in_progress: set[int] = set()
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if key in sizes:
            continue
        if isinstance(node, ScalarNode):
            sizes[key] = 1
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
    return sizes[id(root)]


def parse_yaml(text: str) -> Any:
    """Parse one YAML document safely, keeping positions in :class:`YMap` values.

    >>> data = parse_yaml("bodies:\\n  - id: hwb\\n    name: Board\\n")
    >>> data["bodies"][0].line_of("name")
    3

    Raises :class:`YAMLProblem` with a position for anything that cannot be read.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _expanded_size(node)
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
            message = f"YAML syntax: {problem}"
        raise YAMLProblem(message, line, column) from None
    except yaml.YAMLError as exc:
        raise YAMLProblem(f"YAML syntax: {exc}") from None
    except RecursionError:
        raise YAMLProblem("the YAML is nested too deeply to read") from None
    finally:
        loader.dispose()
