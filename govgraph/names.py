"""Names as people compare them: the same person or committee written two ways.

>>> fold_name("  Cllr  Jo   BLOGGS "), fold_name("Health & Wellbeing Board")
('jo bloggs', 'health and wellbeing board')
"""

from __future__ import annotations

import re
import unicodedata

#: Words before a name that say how to address someone, not who they are.
HONORIFICS = (
    "councillor", "cllr", "county councillor", "mr", "mrs", "ms", "miss", "mx", "dr",
    "doctor", "prof", "professor", "sir", "dame", "lord", "lady", "rev", "revd", "the",
    "rt hon", "the rt hon", "baroness", "baron",
)  # fmt: skip

_NOT_WORD = re.compile(r"[^\w]+")
_HONORIFIC = re.compile(
    r"^(?:(?:"
    + "|".join(sorted((re.escape(h) for h in HONORIFICS), key=len, reverse=True))
    + r")\s+)+"
)


def fold_name(name: str) -> str:
    """``name`` lower-cased, without accents, punctuation, extra spaces or honorifics.

    Two names that fold alike are, to a reader, the same name.
    """
    text = unicodedata.normalize("NFKD", name.replace("&", " and "))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    words = " ".join(_NOT_WORD.sub(" ", text).split())
    folded = _HONORIFIC.sub("", words + " ").strip()
    return folded or words
