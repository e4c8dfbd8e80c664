"""duplicate-name: two current entities of one kind with the same name.

A person added twice (once by hand, once by an import), or a committee written
into two files, splits its seats between two entries: each looks half as busy,
a rule may see the wrong one, and a search finds only one. This compares the
names of the current bodies, organisations, posts and people, each kind on its
own, after folding away case, spacing (``Well-being`` is ``Wellbeing``),
punctuation, accents, ``&``/``and``, a leading "The" and, for people, titles and
letters (``Cllr``, ``Councillor``,
``Mr``, ``Mrs``, ``Ms``, ``Dr``, ``Prof``, ``Sir``, ``Dame``, ``Lord``, ``Lady``,
``Baroness``, ``Rt Hon``, ``Rev`` …; ``MBE``, ``OBE``, ``JP``, ``MP`` …: the
full lists are in docs/FORMAT.md). So ``Cllr Jo Bloggs`` and ``jo bloggs MBE``
are one name, and so are ``Health & Well-being Board`` and ``The Health and
Wellbeing Board``.

Each kind is compared where a name has to be unique:

* people and organisations across the whole model;
* posts within their ``organisation`` (every council has a "Chief Executive");
* bodies with the same ``hosted_by`` (two councils' "Audit Committee"s are
  different bodies); bodies that name no host are compared with each other.

Current means on the as-of date: a body or organisation established and not
dissolved, a person who has not ``left``; posts have no dates. A successor
that took its predecessor's name is therefore not reported once the
predecessor is dissolved. Only ``name`` (a post's ``title``) is compared, not
``short_name`` or ``other_names``.

One finding is made for each name shared, pointing at its second entry (in
model order) and naming the first, and the others when there are more than
two. The subject is the second entry's id; an ``ignore`` on any of the entries
accepts the finding: two people who really share a name (a national register
has many) need it written once.

Passes::

    people:
      - {id: jo-bloggs, name: Cllr Jo Bloggs}
      - {id: joe-bloggs, name: Cllr Joe Bloggs}
      - {id: sam-patel, name: Sam Patel, left: 2021-05-06}
      - {id: sam-patel-2, name: Cllr Sam Patel}
    posts:
      - {id: wcc-chief-executive, title: Chief Executive, organisation: wcc}
      - {id: wdc-chief-executive, title: Chief Executive, organisation: wdc}
    organisations:
      - {id: wcc, name: Worcestershire County Council}
      - {id: wdc, name: Wychavon District Council}

Fails (the same councillor entered twice; one committee written twice)::

    people:
      - {id: jo-bloggs, name: Cllr Jo Bloggs}
      - {id: joanne-bloggs, name: "jo bloggs, MBE"}
    bodies:
      - {id: hwb, name: Health and Wellbeing Board}
      - {id: hwbb, name: "The Health & Wellbeing Board"}

Fix (none): keep one entry and point the other's memberships, holdings and
``requires`` rules at it (record the other spelling in ``other_names``); if the
two really are different, add ``ignore: [{check: duplicate-name, reason:
"…"}]`` to either of them. ``govgraph fix`` writes nothing for it: which entry
to keep, and whether they are one at all, is for a person to decide.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterator, Sequence

from govgraph.checks.base import Context, Problem
from govgraph.findings import Severity
from govgraph.fix.changes import Applicability
from govgraph.model import Entity
from govgraph.names import fold_name

SLUG = "duplicate-name"
SEVERITY = Severity.WARNING
SUMMARY = "two current entities of one kind whose names are the same once folded"
FIX = Applicability.NONE

#: Further entries of a name listed in a message before "and N more".
NAMED = 5


def check(context: Context) -> Iterator[Problem]:
    model, on = context.model, context.on
    bodies = context.current_bodies
    organisations = [
        org
        for org in model.organisations.values()
        if (org.established is None or org.established <= on)
        and (org.dissolved is None or org.dissolved >= on)
    ]
    posts = list(model.posts.values())
    people = [p for p in model.people.values() if p.left is None or p.left >= on]
    yield from _shared("body", bodies, [body.hosted_by for body in bodies])
    yield from _shared("organisation", organisations)
    yield from _shared("post", posts, [post.organisation for post in posts])
    yield from _shared("person", people, person=True)


def _shared(
    kind: str,
    entities: Sequence[Entity],
    scopes: list[str | None] | None = None,
    person: bool = False,
) -> Iterator[Problem]:
    """A problem for each folded name that two or more ``entities`` have in one scope
    (``scopes``, one per entity: a host or an organisation; None: the whole model).

    A national register has 160,000 entities and far fewer names: each name is folded
    once, the keys counted in C, and only entries of a shared name are gathered.
    """
    names = [entity.name for entity in entities]
    # Spaces ignored too: "Well-being", "Well being" and "Wellbeing" are one word.
    folded = {name: fold_name(name, person).replace(" ", "") for name in set(names)}
    keys: list[Hashable] = list(map(folded.__getitem__, names))
    if scopes is not None:
        keys = list(zip(scopes, keys, strict=True))
    shared = {key for key, count in Counter(keys).items() if count > 1}
    if not shared:
        return
    groups: dict[Hashable, list[Entity]] = defaultdict(list)
    for entity, key in zip(entities, keys, strict=True):
        if key in shared:
            groups[key].append(entity)  # in model order
    for group in groups.values():
        yield _problem(kind, group, person)


def _problem(kind: str, group: list[Entity], person: bool) -> Problem:
    """The finding about entries sharing a name: at the second, naming the first (with
    where it is) and any others."""
    first, later, *others = group
    file, line = first.position
    where = f", {file}:{line}" if file else ""
    also = ""
    if others:
        listed = ", ".join(entity.id for entity in others[:NAMED])
        more = f" and {len(others) - NAMED} more" if len(others) > NAMED else ""
        also = f" (and so {'does' if len(others) == 1 else 'do'} {listed}{more})"
    folding = " once titles are set aside" if person and later.name != first.name else ""
    one = "one person" if person else f"one {kind}"
    message = (
        f"{later.name} ({later.id}) has the same name as the {kind} {first.name} "
        f"({first.id}{where}){also}{folding}: if they are {one}, keep one entry and point "
        "the other's seats at it (the other spelling can go in other_names); if not, add "
        f"ignore: [{{check: {SLUG}, reason: …}}] to either"
    )
    return Problem(later.id, message, later, tuple(group))
