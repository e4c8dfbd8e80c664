"""Names as a reader compares them: the same name however it was typed.

``Health & Well Being Board`` and ``health and well-being board`` are one name
to a council officer, and so are ``Cllr Dr Jo Bloggs MBE`` and ``Jo Bloggs``. The
``duplicate-name`` check folds every name with :func:`fold_name` and reports two
current entities of one kind whose folded names are equal once their spaces are
taken out too (so that ``Wellbeing`` is ``Well-being``).

Folding, in order: accents dropped (``é`` is ``e``), case ignored, apostrophes
dropped (``Children’s`` is ``Childrens``), ``&`` read as ``and``, every other
character that is not a letter or digit read as a space, spaces collapsed, and a
leading ``the`` dropped. For a person, the titles in :data:`HONORIFICS` are then
dropped from the front of the name and the letters in :data:`POST_NOMINALS`
from its end (``Cllr Dr Jo Bloggs MBE`` is ``jo bloggs``); titles are not
dropped from other names, where ``Lord Mayor's Charity Committee`` means what
it says.

>>> fold_name("The Health & Well-being Board"), fold_name("Children’s Trust")
('health and well being board', 'childrens trust')
>>> fold_name("Cllr. Dr Jo Bloggs MBE", person=True)
'jo bloggs'
"""

from __future__ import annotations

import unicodedata

#: Titles set before a person's name, folded (several may be written: "Cllr Dr").
HONORIFICS = frozenset(
    (
        "cllr", "councillor", "county councillor", "district councillor", "alderman",
        "mr", "mrs", "ms", "miss", "mx", "master", "dr", "doctor", "prof", "professor",
        "sir", "dame", "lord", "lady", "baroness", "baron", "viscount", "viscountess",
        "earl", "countess", "rt hon", "right honourable", "the rt hon", "hon", "honourable",
        "rev", "revd", "reverend", "canon", "father", "sister",
    )
)  # fmt: skip

#: Letters written after a person's name: honours, degrees that are styled, offices.
POST_NOMINALS = frozenset(
    ("mbe", "obe", "cbe", "kbe", "dbe", "bem", "jp", "dl", "mp", "mep", "ms", "kc", "qc")
)

#: The first word of each honorific -> the lengths (in words) of those it starts, longest
#: first: "rt" -> (2,), "the" -> (3,), "lord" -> (1,).
_SIZES: dict[str, tuple[int, ...]] = {}
for _title in sorted(HONORIFICS, key=lambda title: -len(title.split())):
    _SIZES[_title.split()[0]] = (*_SIZES.get(_title.split()[0], ()), len(_title.split()))

#: Each ASCII character folded in one C call (a national register folds 70,000 names):
#: capitals to small letters, anything else that is neither a letter nor a digit to a
#: space; apostrophes are deleted and ``&`` is "and" before it.
_ASCII = bytes(
    c + 32 if 65 <= c <= 90 else c if chr(c).isalnum() and c < 128 else 32 for c in range(256)
)
_APOSTROPHES = b"'`"
#: Apostrophes in other scripts' typography, deleted like ASCII ones.
_QUOTES = "'’‘`´"


def fold_name(name: str, person: bool = False) -> str:
    """``name`` as :mod:`govgraph.names` compares it (``person``: drop titles too)."""
    if "&" in name:
        name = name.replace("&", " and ")
    if name.isascii():
        folded = name.encode().translate(_ASCII, _APOSTROPHES).decode()
    else:
        decomposed = unicodedata.normalize("NFKD", name.casefold())
        folded = "".join(
            [
                char if char.isalnum() else " "
                for char in decomposed
                if not unicodedata.combining(char) and char not in _QUOTES
            ]
        )
    words = folded.split()
    if not words:
        return ""
    if person:
        words = _without_titles(words)
    elif words[0] == "the" and len(words) > 1:
        words = words[1:]
    return " ".join(words)


def _without_titles(words: list[str]) -> list[str]:
    """``words`` of a person's name without the titles before it and letters after it,
    keeping at least one word (a person called "Lord" is still called something)."""
    start, last = 0, len(words) - 1
    while start < last:
        sizes = _SIZES.get(words[start])  # None for most first names: one look-up
        if sizes is None:
            break
        size = next(
            (n for n in sizes if n == 1 or " ".join(words[start : start + n]) in HONORIFICS),
            0,
        )
        if not size or start + size > last:
            break
        start += size
    end = len(words)
    while end - start > 1 and words[end - 1] in POST_NOMINALS:
        end -= 1
    return words[start:end] if start or end < len(words) else words
