"""Which of our fields Popolo has a term for, and which travel as ``+field`` extensions.

Shared by the Popolo exporter and importer so that the two always agree: a
field with a Popolo term is written under that term (``established`` as
``founding_date``); every other field of our format is written as ``+field``
with its YAML value, and read back the same way. Popolo's convention for
non-standard properties is exactly this ``+`` prefix.
"""

from __future__ import annotations

from govgraph.interop.draft import ORDER

#: Our fields written with a Popolo term, per kind of thing.
MAPPED = {
    "organisation": {"id", "name", "other_names", "kind", "established", "dissolved"},
    "person": {"id", "name", "other_names"},
    "post": {"id", "title", "organisation", "holders"},
    "body": {"id", "name", "other_names", "short_name", "kind", "established", "dissolved",
             "reports_to", "members"},
    "membership": {"member", "role", "on_behalf_of", "from", "to"},
}  # fmt: skip

#: Our fields that Popolo has no term for, carried as ``+field`` (``+voting``, ``+meets`` …).
EXTENSIONS = {
    kind: tuple(name for name in ORDER[kind] if name not in mapped)
    for kind, mapped in MAPPED.items()
}

#: Our extension naming what an organization is in govgraph: ``body`` or ``organisation``.
ENTITY = "+entity"
#: Our extension for reporting lines: a list of ``{"id", "direction", "frequency", …}``.
REPORTS_TO = "+reports_to"

#: Roles as Popolo files usually write them (a plain member has no role).
ROLE_LABELS = {
    "chair": "Chair",
    "vice-chair": "Vice-Chair",
    "adviser": "Adviser",
    "observer": "Observer",
    "substitute": "Substitute",
}
