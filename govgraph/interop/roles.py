"""The titles found in real data, mapped onto the model's roles: one vocabulary for
every importer.

Councils write the same role many ways ("Chairman", "Chair of the Committee",
"Lord Mayor", "Convenor"), and a title often comes as a second membership of a
person who already has a seat. Every importer asks :class:`RoleMapper` what a
title means, so a title recognised from a spreadsheet is recognised from Popolo,
ModernGov and Open States too, and the import summary counts each mapping.

Titles are compared case- and punctuation-insensitively; a title matches an entry
when it is the entry or starts with it as whole words ("Vice-Chair (Planning)" is
vice-chair). The longest entry wins, so "Deputy Mayor" is never read as "Mayor".
The vocabulary is documented in docs/importing.md.

>>> mapper = RoleMapper()
>>> mapper.role("Lord Mayor"), mapper.role("vice chairman"), mapper.role("Sheriff")
(('chair', 'Lord Mayor'), ('vice-chair', None), ('member', 'role: Sheriff'))
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import get_args

from govgraph.errors import GovgraphError
from govgraph.schema import Role

ROLES: tuple[str, ...] = get_args(Role)

#: Each title (as folded by :func:`fold`) and the role it means. A title listed in
#: :data:`KEEP_TITLE` is also kept on the membership as a note, because it says more
#: than the role does (a Lord Mayor chairs the council, and is also the Lord Mayor).
VOCABULARY: dict[str, str] = {
    **dict.fromkeys(
        ("chair", "chairman", "chairwoman", "chairperson", "chair person",
         "co chair", "co chairman", "co chairperson", "joint chair",
         "mayor", "lord mayor", "provost", "lord provost", "civic mayor",
         "convenor", "convener", "presiding member", "presiding officer", "speaker"),
        "chair",
    ),
    **dict.fromkeys(
        ("vice chair", "vice chairman", "vice chairwoman", "vice chairperson",
         "deputy chair", "deputy chairman", "deputy chairperson", "deputy mayor",
         "deputy lord mayor", "deputy provost", "deputy convenor", "deputy convener",
         "vice convenor", "vice convener", "deputy presiding member", "deputy speaker"),
        "vice-chair",
    ),
    **dict.fromkeys(
        ("alternate", "alternate member", "deputy member", "substitute",
         "substitute member", "named substitute", "reserve", "reserve member"),
        "substitute",
    ),
    **dict.fromkeys(("adviser", "advisor", "advisory member", "professional adviser"),
                    "adviser"),
    **dict.fromkeys(("observer", "participating observer"), "observer"),
    **dict.fromkeys(
        ("member", "committee member", "board member", "panel member", "voting member",
         "full member", "ordinary member", "councillor", "cllr", "co opted member",
         "co optee", "co opted", "ex officio", "ex officio member", "representative",
         "elected member", "independent member", "lay member"),
        "member",
    ),
    # Legislatures (Open States): the senior of several chairs; the minority's senior member.
    **dict.fromkeys(("senior chair",), "chair"),
    **dict.fromkeys(("ranking member", "ranking minority member"), "member"),
}  # fmt: skip

#: Titles kept as a note beside the role they map to.
KEEP_TITLE = frozenset(
    ("mayor", "lord mayor", "provost", "lord provost", "civic mayor", "deputy mayor",
     "deputy lord mayor", "deputy provost", "co chair", "co chairman", "co chairperson",
     "joint chair", "ex officio", "ex officio member", "speaker", "deputy speaker",
     "presiding officer", "co opted member", "co optee", "co opted", "independent member",
     "lay member",
     "senior chair", "ranking member", "ranking minority member")
)  # fmt: skip

_NOT_WORD = re.compile(r"[^a-z0-9]+")


def fold(title: str) -> str:
    """A title as the vocabulary compares it: lower case, punctuation as spaces.

    >>> fold("  Vice-Chair (Planning) "), fold("Co-Chair"), fold("The Lord Mayor")
    ('vice chair planning', 'co chair', 'lord mayor')
    """
    words = _NOT_WORD.sub(" ", title.lower().replace("’", "").replace("'", "")).split()
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


@dataclass
class RoleMapper:
    """Maps source titles to roles and counts what it did, for the import summary."""

    #: More titles from the command line (``--role 'Sheriff=member'``), folded.
    extra: dict[str, str] = field(default_factory=dict)
    #: ``"Lord Mayor → chair"``: how often each title was mapped.
    mapped: Counter[str] = field(default_factory=Counter)
    #: Titles not in the vocabulary, kept as notes: how often each was seen.
    noted: Counter[str] = field(default_factory=Counter)

    @classmethod
    def with_options(cls, options: Iterable[str]) -> RoleMapper:
        """A mapper that also knows ``TITLE=ROLE`` pairs given with ``--role``."""
        extra: dict[str, str] = {}
        for option in options:
            title, sep, role = option.partition("=")
            role = role.strip().lower()
            if not sep or not fold(title) or role not in ROLES:
                raise GovgraphError(
                    f"--role {option!r}: write TITLE=ROLE, where ROLE is one of "
                    f"{', '.join(ROLES)} (for example --role 'Sheriff=member')"
                )
            extra[fold(title)] = role
        return cls(extra=extra)

    def lookup(self, title: str | None) -> tuple[str, bool] | None:
        """The role a title means and whether to keep the title, or None if unknown.

        An empty title is a plain seat (``member``).
        """
        folded = fold(title) if title else ""
        if not folded:
            return "member", False
        words = folded.split()
        for size in range(len(words), 0, -1):
            head = " ".join(words[:size])
            role = self.extra.get(head) or VOCABULARY.get(head)
            if role is not None:
                keep = head in KEEP_TITLE or head in self.extra or size < len(words)
                return role, keep and head not in _PLAIN
        return None

    def role(self, title: str | None) -> tuple[str, str | None]:
        """The role for ``title`` and the note to keep (the title, or ``role: TITLE``).

        A title outside the vocabulary is a member with the title as a note.
        """
        found = self.lookup(title)
        text = " ".join(title.split()) if title else ""
        if found is None:
            self.noted[text] += 1
            return "member", f"role: {text}"
        role, keep = found
        if text and fold(text) not in _PLAIN_OF[role]:
            self.mapped[f"{text} → {role}"] += 1
        return role, (text if keep else None)

    def lines(self) -> list[str]:
        """Summary lines: titles mapped by the vocabulary, titles left as notes."""
        out = []
        if self.mapped:
            out.append(f"roles mapped by the vocabulary: {_listed(self.mapped)}")
        if self.noted:
            out.append(
                f"{sum(self.noted.values())} × role not in the vocabulary (kept as member, "
                f"noted; map more with --role 'TITLE=ROLE'): {_listed(self.noted)}"
            )
        return out


#: Titles that are simply the role's own name: mapping them is not worth a line.
_PLAIN_OF: Mapping[str, frozenset[str]] = {
    "chair": frozenset(("chair", "chairman", "chairwoman", "chairperson")),
    "vice-chair": frozenset(("vice chair", "vice chairman", "vice chairwoman")),
    "member": frozenset(("member", "committee member", "board member", "councillor")),
    "substitute": frozenset(("substitute", "substitute member")),
    "adviser": frozenset(("adviser", "advisor")),
    "observer": frozenset(("observer",)),
}
_PLAIN = frozenset().union(*_PLAIN_OF.values())


def _listed(counts: Counter[str]) -> str:
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    shown = [f"{text} ×{n}" if n > 1 else text for text, n in ranked[:8]]
    more = f" and {len(ranked) - 8} more" if len(ranked) > 8 else ""
    return ", ".join(shown) + more
