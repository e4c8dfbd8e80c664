"""Box labels: a body's name wrapped to at most three lines of a measured width.

The full name is used wherever it fits; otherwise the body's ``short_name``,
otherwise the name shortened by the abbreviations councils themselves use
(:data:`ABBREVIATIONS`: "Committee" → "Cttee", "and" → "&", ...), and as a
last resort cut at the end of the third line with "…". A shortened label keeps
the full name beside it for hover and for the SVG's ``<title>``.

>>> label("Audit and Governance Committee", None).lines
('Audit and Governance', 'Committee')
"""

from __future__ import annotations

from dataclasses import dataclass

from govgraph.render.fontwidths import text_width

FONT_SIZE = 12  # CSS px: the label's size at 100 %
MAX_LINES = 3
#: The widest line of a label, in CSS px at FONT_SIZE.
TEXT_WIDTH = 136

#: Words councils abbreviate in their own papers, tried in this order (whole words only).
ABBREVIATIONS = {
    "and": "&",
    "Committee": "Cttee",
    "Sub-Committee": "Sub-Cttee",
    "Subcommittee": "Sub-Cttee",
    "Partnership": "P'ship",
    "Management": "Mgmt",
    "Development": "Dev't",
    "Services": "Svcs",
    "Association": "Assoc.",
    "Independent": "Indep.",
    "Authority": "Auth.",
    "Strategic": "Strat.",
    "Strategy": "Strat.",
    "Executive": "Exec.",
    "Operational": "Ops",
    "Improvement": "Impr.",
    "Transformation": "Transf.",
    "Commissioning": "Comm'g",
    "Programme": "Prog.",
    "Integrated": "Int.",
    "Community": "Cmty",
    "Communities": "Cmties",
    "Environment": "Env.",
    "Environmental": "Env.",
    "Children's": "Child.",
    "Children": "Child.",
    "County": "Cty",
    "District": "Dist.",
    "Borough": "Bor.",
    "the": "",
    "The": "",
    "of": "",
    "for": "",
}


@dataclass(frozen=True)
class Label:
    lines: tuple[str, ...]
    width: float  # of the widest line, in CSS px at FONT_SIZE
    shortened: bool  # True when the lines do not spell the full name


#: Widths already measured: the same words recur across thousands of names.
_measured: dict[str, float] = {}


def measure(text: str) -> float:
    """The width of ``text`` at :data:`FONT_SIZE`, in CSS px."""
    width = _measured.get(text)
    if width is None:
        if len(_measured) > 100_000:  # a bound, for a long-lived process
            _measured.clear()
        width = _measured[text] = text_width(text, FONT_SIZE)
    return width


def label(name: str, short_name: str | None, width: float = TEXT_WIDTH) -> Label:
    """The lines a box shows for a body called ``name`` (see the module docstring)."""
    lines = _wrap(name, width)
    if len(lines) <= MAX_LINES:
        return _label(lines, False)
    for candidate in (short_name, shorten(name)):
        if candidate:
            lines = _wrap(candidate, width)
            if len(lines) <= MAX_LINES:
                return _label(lines, True)
    lines = _wrap(short_name or shorten(name) or name, width)
    last = _cut(lines[MAX_LINES - 1][0], width)
    return _label([*lines[: MAX_LINES - 1], (last, measure(last))], True)


def wrap(text: str, width: float) -> list[str]:
    """``text`` in lines no wider than ``width``, broken at spaces (inside a word only when
    the word alone is wider)."""
    return [line for line, _ in _wrap(text, width)]


def _wrap(text: str, width: float) -> list[tuple[str, float]]:
    """:func:`wrap`'s lines, each with its width."""
    lines: list[tuple[str, float]] = []
    line, line_width = "", 0.0
    space = measure(" ")
    for word in text.split():
        word_width = measure(word)
        if line and line_width + space + word_width <= width:
            line, line_width = f"{line} {word}", line_width + space + word_width
            continue
        if line:
            lines.append((line, line_width))
        while word_width > width:  # a word wider than a line: as much of it as fits
            cut = _fitting(word, width)
            lines.append((word[:cut], measure(word[:cut])))
            word = word[cut:]
            word_width = measure(word)
        line, line_width = word, word_width
    if line or not lines:
        lines.append((line, line_width))
    return lines


def shorten(name: str) -> str:
    """``name`` with :data:`ABBREVIATIONS` applied word by word."""
    words = [ABBREVIATIONS.get(word, word) for word in name.split()]
    return " ".join(word for word in words if word)


def _label(lines: list[tuple[str, float]], shortened: bool) -> Label:
    return Label(tuple(line for line, _ in lines), max(w for _, w in lines), shortened)


def _fitting(word: str, width: float) -> int:
    """How many of ``word``'s first characters fit in ``width`` (at least one), ending at a
    hyphen when one fits ("membership-of-" / "dissolved-body")."""
    total = 0.0
    for i, char in enumerate(word):
        total += measure(char)
        if total > width:
            hyphen = word.rfind("-", 0, i)
            return hyphen + 1 if hyphen > 0 else max(i, 1)
    return len(word)


def _cut(line: str, width: float) -> str:
    """``line`` ending in "…" within ``width``."""
    while line and measure(line + "…") > width:
        line = line[:-1]
    return line.rstrip() + "…"
