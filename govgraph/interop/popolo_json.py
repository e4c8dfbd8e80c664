"""Reading a JSON file as strictly as the YAML loader reads YAML.

JSON allows a key to be written twice in one object and keeps the last value
silently; a Popolo file edited by hand that says ``"end_date"`` twice has lost
one of them without anyone noticing. Such a file is refused, naming the file,
the line of the second key and what to do, as a YAML model with a duplicated
key is.

The check costs nothing on a good file: ``json.loads`` (the C parser) reports
that some object has a repeated key, and only then is the text walked again to
find the line of the first one.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from govgraph.errors import GovgraphError
from govgraph.limits import read_input

#: A JSON string (with escapes) or one of the characters that give the nesting.
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]]')
_COLON = re.compile(r"\s*:")


class _DuplicateKey(Exception):
    """A key written twice in one object (the position is found afterwards)."""


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        raise _DuplicateKey
    return found


def load_json(path: Path) -> Any:
    """The JSON in ``path``; a one-line :class:`GovgraphError` when it is not JSON,
    or when an object has the same key twice."""
    raw = read_input(path)  # a regular file within the size limit, or a one-line error
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise GovgraphError(f"{path}:{line}: not UTF-8 text; Popolo JSON is UTF-8") from None
    try:
        return json.loads(text, object_pairs_hook=_refuse_duplicates)
    except json.JSONDecodeError as exc:
        raise GovgraphError(
            f"{path}:{exc.lineno}:{exc.colno}: not valid JSON ({exc.msg}); "
            "is this the Popolo file you meant?"
        ) from None
    except _DuplicateKey:
        key, offset = first_duplicate_key(text)
        line = text.count("\n", 0, offset) + 1
        raise GovgraphError(
            f"{path}:{line}: key {key!r} is written twice in one object; JSON keeps only "
            "the last, so keep the one you mean and delete the other"
        ) from None
    except RecursionError:
        raise GovgraphError(f"{path}: the JSON is nested too deeply to read") from None
    except ValueError:  # a number past Python's 4,300 digits
        raise GovgraphError(
            f"{path}{_line_of_long_number(text)}: a number too long to read (over 4,300 "
            "digits); put it in quotes if it is text"
        ) from None


def _line_of_long_number(text: str) -> str:
    """``:LINE`` of the first over-long number in ``text`` (json gives no position)."""
    found = re.search(r"\d{4301,}", text)
    return f":{text.count(chr(10), 0, found.start()) + 1}" if found else ""


def first_duplicate_key(text: str) -> tuple[str, int]:
    """The first key (in reading order) written again in its object, and where.

    ``text`` is valid JSON, so strings and brackets are all there is to follow.

    >>> first_duplicate_key('{"a": {"b": 1}, "c": [{"b": 2, "b": 3}]}')
    ('b', 31)
    """
    open_objects: list[set[str] | None] = []  # one entry per open {…} (a set) or […]
    for token in _TOKEN.finditer(text):
        value = token.group()
        if value == "{":
            open_objects.append(set())
        elif value == "[":
            open_objects.append(None)
        elif value in ("]", "}"):
            open_objects.pop()
        else:
            keys = open_objects[-1] if open_objects else None
            if keys is None or not _COLON.match(text, token.end()):
                continue
            key = json.loads(value)
            if key in keys:
                return key, token.start()
            keys.add(key)
    raise AssertionError("unreachable: the parser reported a repeated key")
