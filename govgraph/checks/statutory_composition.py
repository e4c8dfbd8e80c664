"""statutory-composition: a body declaring ``statutory: PACK`` lacks what the pack requires.

A pack (``govgraph checks --packs`` lists them) holds dated provisions of the
law, or of a model's own rules, each saying which members a body must have.
Only the provisions in force on the as-of date apply, so a CCG meets the
Health and Wellbeing Board's s194(2)(f) on 30 June 2022 but not on 1 July,
when the provision asks for each integrated care board. Each finding cites the
provision. How members count (posts for their organisation and role, people
for their roles and the posts they hold, ``count: each`` as each current
organisation of the kind in the model) is described in
:mod:`govgraph.packs.evaluate`. Only bodies current on the date are judged.
An ``ignore`` on the body accepts its findings; an ``ignore`` on an
organisation accepts "each organisation of a kind" findings about it (for an
organisation outside the area).

Passes (on 2023-07-07)::

    organisations:
      - {id: hw-icb, name: NHS Herefordshire and Worcestershire ICB, kind: icb}
      - {id: healthwatch, name: Healthwatch Worcestershire, kind: healthwatch}
    posts:
      - {id: cmr-health, title: Cabinet Member for Health, role: cabinet-member}
      - {id: dass, title: Director of Adult Services, role: director-of-adult-social-services}
      - {id: dcs, title: Director of Children's Services, role: director-of-children-services}
      - {id: dph, title: Director of Public Health, role: director-of-public-health}
    bodies:
      - id: hwb
        name: Health and Wellbeing Board
        statutory: health-and-wellbeing-board
        members:
          - {member: cmr-health, role: chair}
          - {member: dass}
          - {member: dcs}
          - {member: dph}
          - {member: healthwatch}
          - {member: hw-icb}

Fails (on 2023-07-07: no Local Healthwatch representative)::

    organisations:
      - {id: hw-icb, name: NHS Herefordshire and Worcestershire ICB, kind: icb}
    posts:
      - {id: cmr-health, title: Cabinet Member for Health, role: cabinet-member}
      - {id: dass, title: Director of Adult Services, role: director-of-adult-social-services}
      - {id: dcs, title: Director of Children's Services, role: director-of-children-services}
      - {id: dph, title: Director of Public Health, role: director-of-public-health}
    bodies:
      - id: hwb
        name: Health and Wellbeing Board
        statutory: health-and-wellbeing-board
        members:
          - {member: cmr-health, role: chair}
          - {member: dass}
          - {member: dcs}
          - {member: dph}
          - {member: hw-icb}

Fix (none): add the member the provision names (an organisation of the kind, or
a post with the role), or give an existing member's organisation its ``kind``
or its post its ``role``. ``govgraph fix`` writes nothing for it: which
organisation or person is to sit is for the body to decide.
"""

from __future__ import annotations

from collections.abc import Iterator

from govgraph.checks.base import Context, Problem
from govgraph.dates import is_current
from govgraph.findings import Severity
from govgraph.fix.changes import Applicability
from govgraph.packs import resolve
from govgraph.packs.evaluate import shortfalls, sitters
from govgraph.schema import Waivable

SLUG = "statutory-composition"
SEVERITY = Severity.ERROR
SUMMARY = "a body declaring statutory: PACK lacks members its pack's provisions require"
FIX = Applicability.NONE


def check(context: Context) -> Iterator[Problem]:
    model, on = context.model, context.on
    for body in model.bodies.values():
        if body.statutory is None or not is_current(body, on):
            continue
        pack = resolve(model, body.statutory)
        if pack is None:  # refused at load; a model built in code may still say so
            continue
        seats = sitters(model, body, on)
        for provision in pack.in_force(on):
            for shortfall in shortfalls(provision.requires, seats, model, on):
                waivable: tuple[Waivable, ...] = (body,)
                if shortfall.organisation is not None:
                    waivable = (body, shortfall.organisation)
                source = provision.source or pack.source
                message = (
                    f"{source} {provision.cite}: requires {provision.text}; {shortfall.reason}"
                )
                yield Problem(body.id, message, body, waivable)
