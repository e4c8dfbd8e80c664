"""Advance widths of DejaVu Sans (Book, version 2.37), the font every chart label is drawn in.

The chart is laid out in Python before any browser or printer sees it, so
labels are measured here: each character's advance width, in units of
1/2048 em, read from ``DejaVuSans.ttf``'s ``hmtx`` table (DejaVu fonts are
free: Bitstream Vera licence, public domain changes). A character not in the
table is measured as wide as the widest capital, so a label is never
measured shorter than it draws.
"""

from __future__ import annotations

UNITS_PER_EM = 2048

# fmt: off
#: Printable ASCII, from the space (32) to the tilde (126).
_ASCII = (
    651, 821, 942, 1716, 1303, 1946, 1597, 563, 799, 799, 1024, 1716, 651, 739, 651, 690,
    1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 690, 690, 1716, 1716, 1716,
    1087, 2048, 1401, 1405, 1430, 1577, 1294, 1178, 1587, 1540, 604, 604, 1343, 1141, 1767,
    1532, 1612, 1235, 1612, 1423, 1300, 1251, 1499, 1401, 2025, 1403, 1251, 1403, 799, 690,
    799, 1716, 1024, 1024, 1255, 1300, 1126, 1300, 1260, 721, 1300, 1298, 569, 569, 1186,
    569, 1995, 1298, 1253, 1300, 1300, 842, 1067, 803, 1298, 1212, 1675, 1212, 1212, 1075,
    1303, 690, 1303, 1716,
)
#: Latin-1, from the no-break space (160) to ÿ (255).
_LATIN1 = (
    651, 821, 1303, 1303, 1303, 1303, 690, 1024, 1024, 2048, 965, 1253, 1716, 739, 2048,
    1024, 1024, 1716, 821, 821, 1024, 1303, 1303, 651, 1024, 821, 965, 1253, 1985, 1985,
    1985, 1087, 1401, 1401, 1401, 1401, 1401, 1401, 1995, 1430, 1294, 1294, 1294, 1294, 604,
    604, 604, 604, 1587, 1532, 1612, 1612, 1612, 1612, 1612, 1716, 1612, 1499, 1499, 1499,
    1499, 1251, 1239, 1290, 1255, 1255, 1255, 1255, 1255, 1255, 2011, 1126, 1260, 1260,
    1260, 1260, 569, 569, 569, 569, 1253, 1298, 1253, 1253, 1253, 1253, 1253, 1716, 1253,
    1298, 1298, 1298, 1298, 1212, 1300, 1212,
)
#: The few others the chart writes: quotes, dashes, the ellipsis, bullets, arrows, ⚠.
_OTHERS = {
    8216: 651, 8217: 651, 8220: 1061, 8221: 1061, 8211: 1024, 8212: 2048, 8230: 2048, 8226:
    1208, 9888: 1836, 8594: 1716, 8592: 1716, 8596: 1716, 8364: 1303,
}
# fmt: on

WIDTHS: dict[int, int] = {
    **{32 + i: width for i, width in enumerate(_ASCII)},
    **{160 + i: width for i, width in enumerate(_LATIN1)},
    **_OTHERS,
}
#: For anything else: as wide as "W", the widest capital.
FALLBACK = WIDTHS[ord("W")]


def text_width(text: str, size: float) -> float:
    """The width of ``text`` set in DejaVu Sans at ``size`` pixels (or points)."""
    get = WIDTHS.get
    return sum(get(ord(c), FALLBACK) for c in text) * size / UNITS_PER_EM
