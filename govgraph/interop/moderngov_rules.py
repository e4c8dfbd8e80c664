"""The decisions the ModernGov import makes about single values, each one testable alone.

>>> is_council("Full Council"), is_council("Council Tax Panel")
(True, False)
>>> split_keyposts("Lord Mayor; Chair of the Audit Committee")
[('Lord Mayor', 'Lord Mayor', None), ('Chair of the Audit Committee', 'Chair', 'Audit Committee')]
>>> names_organisation("Trafford Council"), names_organisation("Residents of the city centre")
(True, False)
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from govgraph.interop.roles import RoleMapper, fold

_COUNCIL_TITLE = re.compile(
    r"^(the )?(full |county |city |borough |district |metropolitan )?council( meeting)?$", re.I
)
#: Attendees in these roles are not members of the committee.
_NOT_MEMBER = re.compile(r"officer|clerk|in attendance|guest|democratic|visitor|speaker", re.I)
NON_VOTING = re.compile(r"non-?voting", re.I)
#: Words that make a ``representing`` text the name of an organisation.
_ORGANISATION = re.compile(
    r"\b(council|councils|authority|association|trust|board|partnership|police|nhs|"
    r"commission|service|federation|union|college|university|school|society|agency|"
    r"company|ltd|limited|foundation|diocese|church|forum|network|alliance|charity|"
    r"chamber|group|ccg|icb)\b",
    re.I,
)
_KEYPOST_OF = re.compile(r"^(.+?)\s+(?:of|to)\s+(?:the\s+)?(.+)$", re.I)
_KEYPOST_SPLIT = re.compile(r"\s*(?:;|\n|<br\s*/?>)\s*")
ONE_DAY = timedelta(days=1)

Period = tuple[date | None, date | None]
Seat = tuple[date | None, date | None, date | None]


def is_council(title: str, category: str | None = None) -> bool:
    """Whether a committee is the council itself: titled "Council" ("Full Council",
    "County Council" …), or in the category "Council" with "council" in its title."""
    if _COUNCIL_TITLE.match(title):
        return True
    return fold(category or "") in ("council", "full council") and "council" in title.lower()


def not_a_member(role: str, roles: RoleMapper) -> bool:
    """Whether an attendee in ``role`` attends without being a member: an officer, a
    clerk, a guest, someone speaking at the meeting. A title the role vocabulary
    knows ("Presiding Officer") is a member's, except "Speaker", which on an
    attendee list is someone who addresses the meeting.

    >>> not_a_member("Democratic Services Officer", RoleMapper()), not_a_member(
    ...     "Presiding Officer", RoleMapper()), not_a_member("Public Speaker", RoleMapper())
    (True, False, True)
    """
    if not _NOT_MEMBER.search(role):
        return False
    return roles.lookup(role) is None or "speaker" in fold(role).split()


def names_organisation(text: str) -> bool:
    """Whether ``representing`` text names an organisation (a council, an authority,
    an association, a trust …) rather than a place or a group of people."""
    return bool(_ORGANISATION.search(text))


def is_civic(title: str) -> bool:
    """Mayor, Lord Mayor, Provost and their deputies: offices of the council itself."""
    return any(word in ("mayor", "provost") for word in fold(title).split())


def split_keyposts(text: str) -> list[tuple[str, str, str | None]]:
    """ModernGov ``keyposts`` as (post, title, body named or None), one per post."""
    found = []
    for post in _KEYPOST_SPLIT.split(text.strip()):
        if post:
            match = _KEYPOST_OF.match(post)
            found.append((post, match.group(1), match.group(2)) if match else (post, post, None))
    return found


def seat_periods(terms: list[Period]) -> list[Seat]:
    """Terms of office as seats: ``(from, to, term_ends)``, earliest first.

    A term followed by a later one ends (``to``) on its end date, the day before
    the next begins when ModernGov ends it on that very day (so the shared mapping
    joins a re-election into one seat); the last term's end is ``term_ends``.

    >>> seat_periods([(date(2021, 5, 6), None), (date(2017, 5, 4), date(2021, 5, 6))])
    [(datetime.date(2017, 5, 4), datetime.date(2021, 5, 5), None), \
(datetime.date(2021, 5, 6), None, None)]
    """
    ordered = sorted(terms, key=lambda t: t[0] or date.min) or [(None, None)]
    seats: list[Seat] = []
    for index, (start, end) in enumerate(ordered):
        if index == len(ordered) - 1:
            seats.append((start, None, end))
            continue
        following = ordered[index + 1][0]
        if end is not None and following is not None and end == following:
            end = following - ONE_DAY
        seats.append((start, end, None))
    return seats
