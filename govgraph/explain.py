"""Turn pydantic validation errors into sentences an officer can act on.

A raw pydantic error is never shown: each is translated into "what is wrong
and what to do", with "did you mean" for misspelt field names and values.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from pydantic_core import ErrorDetails

from govgraph.schema import yaml_keys


def suggest(
    word: str, choices: list[str] | tuple[str, ...] | set[str], n: int = 3, cutoff: float = 0.6
) -> str:
    """``" (did you mean 'x'?)"`` for the nearest choices to ``word``, or ``""``.

    >>> suggest("membrs", ["members", "name"])
    " (did you mean 'members'?)"
    >>> suggest("boards", ["board", "boars", "hoards", "panel"])
    " (did you mean 'boars', 'board' or 'hoards'?)"
    """
    close = difflib.get_close_matches(str(word), sorted(choices), n=n, cutoff=cutoff)
    if not close:
        return ""
    quoted = [f"'{c}'" for c in close]
    listed = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
    return f" (did you mean {listed}?)"


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int | float):
        return f"a number ({value})"
    return f"'{value}'"


_EXPECTED = {
    "string_type": "text",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "list_type": "a list (lines starting with '- ')",
    "model_type": "a mapping (key: value lines)",
    "dataclass_type": "a mapping (key: value lines)",
    "dict_type": "a mapping (key: value lines)",
    "model_attributes_type": "a mapping (key: value lines)",
}


def explain(error: ErrorDetails, model: type[Any] | None) -> str:
    """One sentence for one pydantic error on an object of type ``model``."""
    kind = error["type"]
    loc = error["loc"]
    last = str(loc[-1]) if loc else ""
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):  # a model, a dataclass
        known = yaml_keys(model) if model is not None else []
        where = f" in {_article(model)}" if model is not None else ""
        fields = ", ".join(known)
        return f"unknown field '{last}'{where}{suggest(last, known)}; known fields: {fields}"
    if kind == "missing":
        return f"the required field '{last}' is missing; add it"
    if kind == "string_pattern_mismatch":
        return (
            f"'{value}' is not a valid id: use lowercase letters, digits and '-' only, "
            f"e.g. '{slugify(str(value))}'"
        )
    if kind == "string_too_short":
        return f"'{last}' must not be empty"
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return (
            f"{_describe(value)} is not allowed here{suggest(str(value), allowed)}; "
            f"use one of: {', '.join(allowed)}"
        )
    if kind in ("greater_than_equal", "greater_than"):
        return (
            f"{_describe(value)} is too small: it must be at least {ctx.get('ge', ctx.get('gt'))}"
        )
    if kind in _EXPECTED:
        return f"expected {_EXPECTED[kind]}, found {_describe(value)}"
    # Our own custom errors already speak plainly; anything else gets pydantic's
    # one-line message without its URL.
    return str(error["msg"])


def slugify(text: str) -> str:
    """A valid id made from any text: ``"Cllr Jo Bloggs"`` -> ``"cllr-jo-bloggs"``."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "my-id"


def _article(model: type[Any]) -> str:
    word = {
        "Organisation": "an organisation",
        "Person": "a person",
        "Post": "a post",
        "Body": "a body",
        "Membership": "a membership",
        "ReportingLine": "a reports_to entry",
        "Requirement": "a requires rule",
        "Holding": "a post holder",
        "Ignore": "an ignore entry",
        "Settings": "govgraph.yaml",
        "Pack": "a pack",
        "Provision": "a pack provision",
        "Rule": "a pack rule",
    }
    return word.get(model.__name__, model.__name__)
