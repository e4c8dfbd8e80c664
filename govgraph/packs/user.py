"""A model's own packs (the top-level ``packs:`` section) and the load-time checks
that tie packs to the model.

:func:`read_packs` is called by the loader for each ``packs:`` section it
meets; :func:`pack_problems` runs with the other whole-model reference checks
once every file is read. Both report :class:`LoadProblem` values with the
file and line, so pack mistakes read like any other model mistake.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from pydantic import BaseModel, ValidationError

from govgraph.errors import LoadProblem
from govgraph.explain import suggest
from govgraph.model import Model
from govgraph.packs.builtin import builtin_packs, locate_pack
from govgraph.packs.models import Pack, rules_of
from govgraph.packs.vocabulary import KINDS, ROLES
from govgraph.schema import Placed
from govgraph.yamlread import YMap

#: The top-level section of a model file that holds packs.
PACKS_SECTION = "packs"

#: The loader's translation of a pydantic error into positioned problems.
Translate = Callable[[ValidationError, type[BaseModel], YMap, str, str], list[LoadProblem]]


def read_packs(
    items: Any,
    model: Model,
    shown: str,
    rel: str,
    section_line: int,
    problems: list[LoadProblem],
    translate: Translate,
) -> None:
    """Validate the entries of one ``packs:`` section and add them to ``model.packs``."""
    if items is None:
        return
    if not isinstance(items, list):
        problems.append(
            LoadProblem(
                shown, section_line, 0, "'packs' must be a list of packs, each starting '- '"
            )
        )
        return
    for index, raw in enumerate(items):
        if not isinstance(raw, YMap):
            problems.append(
                LoadProblem(
                    shown,
                    section_line,
                    0,
                    f"entry {index + 1} of 'packs' must be a mapping with an id, name, "
                    "source and provisions",
                    PACKS_SECTION,
                )
            )
            continue
        label = f"packs[{raw.get('id', index)}]"
        try:
            pack = Pack.model_validate(raw)
        except ValidationError as exc:
            problems.extend(translate(exc, Pack, raw, shown, label))
            continue
        locate_pack(pack, raw, rel)
        first = model.packs.get(pack.id)
        if first is not None:
            problems.append(
                LoadProblem(
                    shown,
                    raw.line_of("id"),
                    0,
                    f"the pack id '{pack.id}' is already used at "
                    f"{model.display_path(first.file)}:{first.line_of('id')}; rename one",
                    label,
                )
            )
            continue
        model.packs[pack.id] = pack


def pack_problems(model: Model) -> list[LoadProblem]:
    """Every problem tying packs to the model: unknown ids, clashes, unknown words."""
    return [*_user_packs(model), *_roles(model), *_statutory(model)]


def _user_packs(model: Model) -> Iterator[LoadProblem]:
    builtin = builtin_packs()
    kinds = set(KINDS) | {o.kind for o in model.organisations.values() if o.kind}
    roles = set(ROLES) | _model_roles(model)
    for pack in model.packs.values():
        if pack.id in builtin:
            yield _problem(
                model,
                pack,
                f"'{pack.id}' is a built-in pack; give your pack another id (to add "
                f"provisions to the built-in one, write extends: {pack.id})",
                "id",
            )
        if pack.extends is not None:
            base = builtin.get(pack.extends)
            if base is None:
                yield _problem(
                    model,
                    pack,
                    f"extends names '{pack.extends}', which is not a built-in pack"
                    f"{suggest(pack.extends, list(builtin))}; built-in packs: {', '.join(builtin)}",
                    "extends",
                )
            else:
                inherited = {p.id for p in base.provisions}
                for provision in pack.provisions:
                    if provision.id in inherited:
                        yield _problem(
                            model,
                            provision,
                            f"the provision id '{provision.id}' is already in '{base.id}', "
                            "which this pack extends; choose another id",
                            "id",
                        )
        for provision in pack.provisions:
            for rule in rules_of(provision.requires):
                for word in rule.organisation_kind or ():
                    if word not in kinds:
                        yield _problem(
                            model,
                            rule,
                            f"organisation_kind '{word}' is not one of govgraph's kinds and no "
                            f"organisation in the model has it{suggest(word, kinds)}; "
                            "see 'Statutory packs' in docs/FORMAT.md for the kinds",
                            "organisation_kind",
                        )
                for word in rule.post_role or ():
                    if word not in roles:
                        yield _problem(
                            model,
                            rule,
                            f"post_role '{word}' is not one of govgraph's roles and no post or "
                            f"person in the model has it{suggest(word, roles)}; "
                            "see 'Statutory packs' in docs/FORMAT.md for the roles",
                            "post_role",
                        )


def _model_roles(model: Model) -> set[str]:
    found = {post.role for post in model.posts.values() if post.role}
    for person in model.people.values():
        found.update(person.roles)
    return found


def _pack_roles(model: Model) -> set[str]:
    return {
        word
        for pack in model.packs.values()
        for provision in pack.provisions
        for rule in rules_of(provision.requires)
        for word in rule.post_role or ()
    }


def _roles(model: Model) -> Iterator[LoadProblem]:
    """A post's or person's role must be a known office: govgraph's, or one a pack names."""
    known = set(ROLES) | _pack_roles(model)
    hint = "see 'Statutory packs' in docs/FORMAT.md for the roles"
    for post in model.posts.values():
        if post.role is not None and post.role not in known:
            yield _problem(
                model,
                post,
                f"role '{post.role}' is not a role govgraph or the model's packs know"
                f"{suggest(post.role, known)}; {hint}",
                "role",
            )
    for person in model.people.values():
        for role in person.roles:
            if role not in known:
                yield _problem(
                    model,
                    person,
                    f"roles names '{role}', which is not a role govgraph or the model's packs "
                    f"know{suggest(role, known)}; {hint}",
                    "roles",
                )


def _statutory(model: Model) -> Iterator[LoadProblem]:
    packs = [*builtin_packs(), *model.packs]
    for body in model.bodies.values():
        if body.statutory is not None and body.statutory not in packs:
            yield _problem(
                model,
                body,
                f"statutory names '{body.statutory}', which is not a pack"
                f"{suggest(body.statutory, packs)}; packs: {', '.join(packs)} "
                "(run 'govgraph checks --packs' for what each requires)",
                "statutory",
            )


def _problem(model: Model, where: Placed, message: str, key: str) -> LoadProblem:
    return LoadProblem(model.display_path(where.file), where.line_of(key), 0, message)
