"""Turning the values other systems write into the values of our format.

Shared by the importers: ids (slugs, made unique, with the mapping kept),
partial and British dates, ``True``/``False`` strings, membership roles and
body kinds guessed from words such as "Sub-Committee" or "Board".
"""

from __future__ import annotations

import html
import re
import unicodedata
from calendar import monthrange
from datetime import date

from govgraph.dates import EARLIEST, LATEST
from govgraph.schema import ID_PATTERN

_ID = re.compile(ID_PATTERN)
MAX_ID_LENGTH = 60

#: Titles stripped from the front of a person's name before it becomes an id,
#: so that "Councillor Jo Bloggs" and "Cllr Jo Bloggs" both become ``jo-bloggs``.
HONORIFICS = (
    "councillor", "cllr", "county councillor", "mr", "mrs", "ms", "miss", "mx", "dr",
    "doctor", "prof", "professor", "sir", "dame", "lord", "lady", "rev", "revd", "the",
)  # fmt: skip

# An id that carries no meaning a reader could use (a UUID, a number, a hash,
# a Wikidata Q-number): the importer names the thing by its name instead.
_OPAQUE = re.compile(
    r"^(?:[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}"
    r"|[0-9]+|q[0-9]+|[0-9a-f]{16,})$",
    re.IGNORECASE,
)


def slugify(text: str, fallback: str = "item") -> str:
    """A lowercase-hyphen id made from any text.

    >>> slugify("Health & Wellbeing Board (HWB)")
    'health-and-wellbeing-board-hwb'
    >>> slugify("Ærø Łódź Committee")
    'aero-lodz-committee'
    """
    folded = unicodedata.normalize("NFKD", text.replace("Æ", "Ae").replace("æ", "ae"))
    folded = folded.replace("Ł", "L").replace("ł", "l").replace("Ø", "O").replace("ø", "o")
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower().replace("&", " and ")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > MAX_ID_LENGTH:
        slug = slug[:MAX_ID_LENGTH].rsplit("-", 1)[0] or slug[:MAX_ID_LENGTH]
    return slug or fallback


def person_slug(name: str) -> str:
    """An id for a person: their name without a leading title.

    >>> person_slug("Councillor Dr Jo Bloggs")
    'jo-bloggs'
    """
    words = slugify(name, "person").split("-")
    while len(words) > 1 and words[0] in HONORIFICS:
        words.pop(0)
    return "-".join(words)


def is_opaque(source_id: str) -> bool:
    """True for ids such as ``42``, a UUID or ``ocd-person/1f9a…``: no use as a name."""
    return bool(_OPAQUE.match(last_segment(source_id)))


def last_segment(source_id: str) -> str:
    """``ocd-organization/country:gb/council:worcs`` -> ``worcs``."""
    return re.split(r"[/:#]", source_id.rstrip("/:#"))[-1] or source_id


class IdAllocator:
    """Hands out ids that are unique across the whole model, remembering the mapping.

    Ids in the format share one namespace, so a person ``planning`` and a body
    ``planning`` cannot both exist: the second gets ``planning-2``.
    """

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.mapping: dict[tuple[str, str], str] = {}

    def claim(self, kind: str, source_id: str, wanted: str) -> str:
        """The id for ``(kind, source_id)``, derived from ``wanted`` (a slug or text)."""
        key = (kind, source_id)
        if key in self.mapping:
            return self.mapping[key]
        base = wanted if _ID.match(wanted) and len(wanted) <= MAX_ID_LENGTH else slugify(wanted)
        candidate, n = base, 1
        while candidate in self.taken:
            n += 1
            candidate = f"{base}-{n}"
        self.taken.add(candidate)
        self.mapping[key] = candidate
        return candidate

    def get(self, kind: str, source_id: str) -> str | None:
        return self.mapping.get((kind, source_id))


# --- dates ------------------------------------------------------------------------------

_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?$")
_BRITISH = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:[T ].*)?$")
#: Words ModernGov and others write where a date is unknown or open.
NO_DATE = {"", "unspecified", "unknown", "n/a", "none", "null", "-", "present", "current"}


def partial_date(text: str, end: bool = False) -> date | None:
    """A date from ISO text that may be reduced (``2019``, ``2019-07``) or a datetime.

    A reduced date is widened to the period it names: its first day when it
    starts something, its last day when it ends something (end dates are the
    last day in effect).

    >>> partial_date("2019"), partial_date("2019", end=True)
    (datetime.date(2019, 1, 1), datetime.date(2019, 12, 31))
    >>> partial_date("2019-02", end=True), partial_date("2019-07-01T10:00:00Z")
    (datetime.date(2019, 2, 28), datetime.date(2019, 7, 1))

    Raises ValueError for text that is not such a date.
    """
    match = _ISO_PARTIAL.match(text.strip())
    if not match:
        raise ValueError(text)
    year = int(match.group(1))
    if match.group(2) is None:
        return in_window(date(year, 12, 31) if end else date(year, 1, 1), text)
    month = int(match.group(2))
    if match.group(3) is None:
        return in_window(date(year, month, monthrange(year, month)[1] if end else 1), text)
    return in_window(date(year, month, int(match.group(3))), text)


def in_window(day: date, text: str) -> date:
    """``day``, if a model may hold it (1800 to 2200); ValueError otherwise, so that an
    importer leaves a date such as 0001-01-01 out and says so, as for any unreadable one.
    """
    if not EARLIEST <= day <= LATEST:
        raise ValueError(text)
    return day


def british_date(text: str) -> date | None:
    """``dd/mm/yyyy`` (optionally with a time) as ModernGov writes it; None for "unspecified".

    >>> british_date("09/05/2011"), british_date(" unspecified ")
    (datetime.date(2011, 5, 9), None)

    Raises ValueError for anything else.
    """
    cleaned = text.strip()
    if cleaned.lower() in NO_DATE:
        return None
    match = _BRITISH.match(cleaned)
    if not match:
        raise ValueError(text)
    day, month, year = (int(part) for part in match.groups())
    return in_window(date(year, month, day), text)


def true_false(text: str | None) -> bool | None:
    """``True``/``False`` strings (any case, padded) as booleans; None when blank.

    Raises ValueError for any other text.
    """
    if text is None or not text.strip():
        return None
    word = text.strip().lower()
    if word in ("true", "yes", "1"):
        return True
    if word in ("false", "no", "0"):
        return False
    raise ValueError(text)


def clean_text(text: str | None) -> str | None:
    """Text with entities decoded (even twice-encoded ``&amp;amp;``) and spaces tidied.

    >>> clean_text("  Audit &amp;amp; Governance\\n Committee "), clean_text("   ")
    ('Audit & Governance Committee', None)
    """
    if text is None:
        return None
    for _ in range(3):  # bounded: each pass removes one layer of encoding
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    tidy = " ".join(text.split())
    return tidy or None


# --- roles and kinds --------------------------------------------------------------------

_ROLE_WORDS: tuple[tuple[str, str], ...] = (
    (r"^(vice|deputy)[- ]?chair(man|woman|person)?\b", "vice-chair"),
    (r"^(co-)?chair(man|woman|person)?\b", "chair"),
    (r"^(presiding member|convenor|convener)\b", "chair"),
    (r"^(substitute|reserve|named substitute)\b", "substitute"),
    (r"^(adviser|advisor|advisory member)\b", "adviser"),
    (r"^observer\b", "observer"),
    (r"^co-?opted( member)?\b|^co-?optee\b", "member"),
    (r"^((committee |board |panel |voting |full |ordinary )?member|councillor|member)\b", "member"),
)


def role_of(text: str | None) -> str | None:
    """Our role for a role description, or None when it names no role we know.

    >>> role_of("Chairman"), role_of("Vice-Chair"), role_of("Committee Member"), role_of(None)
    ('chair', 'vice-chair', 'member', 'member')
    >>> role_of("Treasurer") is None
    True
    """
    if text is None or not text.strip():
        return "member"
    word = text.strip().lower()
    for pattern, role in _ROLE_WORDS:
        if re.match(pattern, word):
            return role
    return None


#: Words in a classification or name that say what kind of body something is.
#: Order matters: "sub-committee" must be seen before "committee".
_KIND_WORDS: tuple[tuple[str, str], ...] = (
    (r"sub-?committee|sub-?group|working group|task (and finish )?group|sub-?panel", "sub-group"),
    (r"partnership", "partnership"),
    (r"cabinet|executive", "cabinet"),
    (r"board", "board"),
    (r"committee", "committee"),
    (r"panel", "panel"),
    (r"forum", "forum"),
    (r"\bcouncil\b|legislature|assembly|chamber", "council"),
)


def body_kind(*texts: str | None) -> str:
    """The body kind named by the first text that names one, else ``other``.

    >>> body_kind("Audit Sub-Committee"), body_kind(None, "Health and Wellbeing Board")
    ('sub-group', 'board')
    """
    for text in texts:
        if not text:
            continue
        lowered = text.lower()
        for pattern, kind in _KIND_WORDS:
            if re.search(pattern, lowered):
                return kind
    return "other"
