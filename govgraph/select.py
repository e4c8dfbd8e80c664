"""Choose bodies with a short expression, in the style of dbt's node selection.

The syntax, shared by ``render``, ``check`` and ``export`` (``--bodies EXPR``):

=================  ==============================================================
``hwb``            that body (an id, or its name, short name or one of its
                   ``other_names``, any case)
``+hwb``           it and its whole chain upwards (everything it reports to)
``2+hwb``          it and two levels upwards
``hwb+``           it and everything below it
``hwb+1``          it and the bodies reporting directly to it
``kind:panel``     every current body of that kind
``member:wcc``     every current body where that organisation, post or person
                   sits (a person also through the posts they hold)
``a b``            a space: the union (bodies in either)
``a,b``            a comma: the intersection (bodies in both); binds tighter
                   than a space, so ``hwb+,kind:sub-group kind:panel`` is
                   (sub-groups below the HWB) or (panels)
=================  ==============================================================

A name with spaces is quoted: ``"Health and Wellbeing Board"+``. Only bodies
current on the as-of date are selected; naming one that is not current, an
unknown id, a syntax error or an expression that selects nothing raises
:class:`GovgraphError` with a message that says what to do.

>>> select_bodies(graph, "hwb+1,kind:sub-group", date(2023, 7, 7))  # doctest: +SKIP
{'hwb-prevention', 'hwb-data'}
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import networkx as nx

from govgraph.dates import is_current
from govgraph.errors import GovgraphError
from govgraph.explain import suggest
from govgraph.graph import hierarchy, model_of, seats_of, sub_bodies
from govgraph.model import Model
from govgraph.schema import BODY_KINDS

MEMBER_KINDS = ("organisation", "post", "person")
METHODS = ("kind", "member")

# [N]+ NAME +[N]  where NAME is a bare word (no '+') or a quoted string.
_GRAPH_ATOM = re.compile(
    r"""^(?:(?P<up>\d*)\+)?(?P<name>"[^"]*"|'[^']*'|[^+"']+)(?:\+(?P<down>\d*))?$"""
)


class UnknownEntity(GovgraphError):
    """No body (or member) has this id or name."""


@dataclass(frozen=True)
class Atom:
    """One selector between separators, e.g. ``2+hwb`` or ``kind:panel``."""

    text: str
    method: str | None  # "kind" / "member", or None for a body with optional +s
    value: str
    up: int | None = None  # None: no '+' before; -1: all the way up
    down: int | None = None


def select_bodies(graph: nx.MultiDiGraph, expression: str, on: date) -> set[str]:
    """The ids of the bodies that ``expression`` selects on ``on``.

    Raises :class:`GovgraphError` for an empty or malformed expression, an
    unknown body or member (with "did you mean"), and a selection that
    matches no body.
    """
    model = model_of(graph)
    whole = expression.strip().casefold()
    if " " in whole and any(
        whole in {name.casefold() for name in _names(model, b.id)} for b in model.bodies.values()
    ):
        # A whole name with spaces, unquoted (the shell took the quotes): that body.
        expression = f'"{expression.strip()}"'
    groups = parse(expression)
    chosen: set[str] = set()
    try:
        for group in groups:
            matched = _atom_bodies(graph, model, group[0], on)
            for atom in group[1:]:
                matched &= _atom_bodies(graph, model, atom, on)
            chosen |= matched
    except UnknownEntity as exc:
        if len(groups) > 1:
            raise GovgraphError(
                f"{exc} (a space separates selections: quote a name with spaces, "
                'e.g. "Full Council"+)'
            ) from None
        raise
    if not chosen:
        raise GovgraphError(
            f"the selection '{expression.strip()}' selects no body on {on}; "
            "loosen it (a space means 'or', a comma means 'and')"
        )
    return chosen


def parse(expression: str) -> list[list[Atom]]:
    """Split an expression into groups (the union) of atoms (each group's intersection)."""
    if not expression or not expression.strip():
        raise GovgraphError(
            "the selection is empty; give a body id or name, e.g. 'hwb+' or 'kind:partnership'"
        )
    groups: list[list[Atom]] = []
    for group_text in _split(expression):
        atoms = []
        for atom_text in group_text:
            if not atom_text:
                raise GovgraphError(
                    f"the selection '{expression.strip()}' has an empty part next to a comma; "
                    "write 'a,b' with something on both sides"
                )
            atoms.append(_parse_atom(atom_text, expression))
        groups.append(atoms)
    return groups


def _split(expression: str) -> list[list[str]]:
    """Whitespace separates groups, commas separate atoms; quotes protect both.

    Spaces next to a comma are ignored, so ``a , b`` reads as ``a,b``.
    """
    tokens: list[str] = []  # words, "," and " " (a run of whitespace)
    word = ""
    quote: str | None = None
    for char in expression:
        if quote:
            word += char
            quote = None if char == quote else quote
        elif char in "\"'":
            quote, word = char, word + char
        elif char == "," or char.isspace():
            if word:
                tokens.append(word)
            word = ""
            mark = "," if char == "," else " "
            if not (mark == " " and tokens and tokens[-1] == " "):
                tokens.append(mark)
        else:
            word += char
    if quote:
        raise GovgraphError(
            f"the selection '{expression.strip()}' has an unclosed {quote}; close the quote"
        )
    if word:
        tokens.append(word)
    tokens = [
        t for i, t in enumerate(tokens) if t != " " or "," not in tokens[max(i - 1, 0) : i + 2]
    ]
    while tokens and tokens[0] == " ":
        tokens.pop(0)
    while tokens and tokens[-1] == " ":
        tokens.pop()
    groups: list[list[str]] = [[""]]
    for token in tokens:
        if token == " ":
            groups.append([""])
        elif token == ",":
            groups[-1].append("")
        else:
            groups[-1][-1] = token
    return groups


def _parse_atom(text: str, expression: str) -> Atom:
    method, colon, value = text.partition(":")
    if colon and not method.startswith(("'", '"')):
        if method not in METHODS:
            raise GovgraphError(
                f"'{method}:' is not a selector{suggest(method, METHODS)}; "
                "use kind:KIND or member:ID, or a body id with + before/after it"
            )
        value = _unquote(value)
        if not value:
            raise GovgraphError(f"'{text}' needs a value after the colon, e.g. {method}:…")
        return Atom(text, method, value)
    found = _GRAPH_ATOM.match(text)
    if found is None or not _unquote(found["name"]).strip():
        raise GovgraphError(
            f"cannot read '{text}' in the selection '{expression.strip()}'; "
            "write BODY, +BODY, BODY+, 2+BODY or BODY+2 (quote a name with spaces)"
        )
    return Atom(
        text,
        None,
        _unquote(found["name"]),
        up=_depth(found["up"], text),
        down=_depth(found["down"], text),
    )


def _depth(digits: str | None, text: str) -> int | None:
    if digits is None:
        return None
    if digits == "":
        return -1
    if len(digits) > 6:  # deeper than any structure, and int() refuses 4,300 digits
        raise GovgraphError(f"a depth of {len(digits)} digits is too deep; write + for every level")
    if int(digits) == 0:
        raise GovgraphError(f"'{text}': a depth of 0 selects nothing more; leave out the +0")
    return int(digits)


def _unquote(text: str) -> str:
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    return text


def _atom_bodies(graph: nx.MultiDiGraph, model: Model, atom: Atom, on: date) -> set[str]:
    if atom.method == "kind":
        if atom.value not in BODY_KINDS:
            raise GovgraphError(
                f"'{atom.value}' is not a body kind{suggest(atom.value, BODY_KINDS)}; "
                f"kinds are: {', '.join(BODY_KINDS)}"
            )
        return {b.id for b in model.bodies.values() if b.kind == atom.value and is_current(b, on)}
    if atom.method == "member":
        member = find_entity(model, atom.value, MEMBER_KINDS)
        return {seat.body for seat in seats_of(graph, member, on)}
    body = find_entity(model, atom.value, ("body",))
    found = model.bodies[body]
    if not is_current(found, on):
        when = (
            f"was dissolved on {found.dissolved}"
            if found.dissolved and found.dissolved < on
            else f"is not established until {found.established}"
        )
        raise GovgraphError(
            f"'{atom.value}' ({found.name}) {when}, so it is not in the structure on {on}; "
            "choose another --as-of date"
        )
    chosen = {body}
    if atom.up is not None:
        tree = hierarchy(graph, on)
        cutoff = None if atom.up == -1 else atom.up
        chosen |= set(nx.single_source_shortest_path_length(tree, body, cutoff=cutoff))
    if atom.down is not None:
        chosen |= sub_bodies(graph, body, on, depth=None if atom.down == -1 else atom.down)
    return chosen


# --- finding an entity by id or name ------------------------------------------------------

_ARTICLE = {"body": "a body", "organisation": "an organisation", "post": "a post"}


def find_entity(model: Model, text: str, kinds: tuple[str, ...]) -> str:
    """The id of the entity of one of ``kinds`` that ``text`` names.

    ``text`` is an id, or (any case) a name, a body's short name, a post's
    title, or one of the entity's ``other_names``. Raises :class:`GovgraphError`
    with "did you mean" when there is none, and lists the ids when a name is shared.

    >>> find_entity(model, "health and wellbeing board", ("body",))  # doctest: +SKIP
    'hwb'
    """
    wanted = _either([_ARTICLE.get(k, f"a {k}") for k in kinds])
    actual = model.kind_of(text)
    if actual in kinds:
        return text
    if actual is not None:
        raise GovgraphError(f"'{text}' is {_ARTICLE.get(actual, 'a ' + actual)}, not {wanted}")
    folded = text.strip().casefold()
    candidates: list[str] = []
    names: dict[str, list[str]] = {}
    for entity_id in model.ids():
        kind = model.kind_of(entity_id)
        if kind not in kinds:
            continue
        candidates.append(entity_id)
        for name in _names(model, entity_id):
            names.setdefault(name.casefold(), []).append(entity_id)
    matches = sorted(set(names.get(folded, [])))
    if folded in candidates:  # an id typed in capitals
        return folded
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise GovgraphError(
            f"'{text}' is a name of {len(matches)} entries ({', '.join(matches)}); "
            "give the id instead"
        )
    choices = candidates + [n for entries in _all_names(model, candidates) for n in entries]
    what = _either(list(kinds))
    raise UnknownEntity(
        f"there is no {what} '{text}' in the model{suggest(text, choices)}; "
        "give an id or a full name"
    )


def _either(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


def _names(model: Model, entity_id: str) -> list[str]:
    entity = model.get(entity_id)
    if entity is None:
        return []
    names = [entity.name]
    short = getattr(entity, "short_name", None)
    if short:
        names.append(short)
    return names + entity.other_names


def _all_names(model: Model, ids: list[str]) -> list[list[str]]:
    return [_names(model, entity_id) for entity_id in ids]
