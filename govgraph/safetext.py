"""Make text from a model safe to print: no control or bidi character reaches a terminal.

Names, messages and reasons come from model files that may have been written by
someone else. Printed raw, an ESC sequence can clear a terminal or hide lines,
a newline can forge a second GitHub workflow command or a Markdown heading,
and a right-to-left override (U+202E) can reverse the rest of a line on
screen. :func:`visible` writes each such character as a visible escape
(``\\n``, ``\\x1b``, ``\\u202e``), so the text reads as what it holds and stays
on one line; :func:`visible_lines` does the same but keeps line breaks, for
output that is many lines already.

>>> visible("Audit\\n::error::forged")
'Audit\\\\n::error::forged'
>>> visible("Board\\x1b[2J")
'Board\\\\x1b[2J'
"""

from __future__ import annotations

import re
import sys

#: C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the
#: bidirectional formatting characters (embeddings, overrides, isolates, marks).
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_KEEPING_LINES = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
#: In JSON text the C0 controls outside strings are its own line breaks and indents.
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` on one line, every control and bidi character written as an escape."""
    return UNSAFE.sub(_escape, text) if UNSAFE.search(text) else text


def visible_lines(text: str) -> str:
    """Like :func:`visible`, but line breaks (``\\n``) are kept as they are."""
    return _UNSAFE_KEEPING_LINES.sub(_escape, text) if _UNSAFE_KEEPING_LINES.search(text) else text


def has_unsafe(text: str) -> bool:
    """True when ``text`` holds a character :func:`visible` would escape."""
    return UNSAFE.search(text) is not None


def json_text(text: str) -> str:
    """JSON text (from :func:`json.dumps`) with every bidi or separator character
    written as a ``\\uXXXX`` escape: the same data, but nothing that reorders or
    breaks a line when the JSON is shown in a terminal or an editor.

    (``json.dumps`` already escapes C0 controls; DEL and the C1 controls are escaped
    here too.)
    """
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


#: What XML 1.0 cannot hold at all, even escaped: C0 controls but tab and line breaks,
#: lone surrogates, U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` with every character XML 1.0 forbids written as a visible escape, so a
    GraphML or GEXF file stays well-formed whatever a name holds."""
    return _NOT_XML.sub(_escape, text) if _NOT_XML.search(text) else text


#: Characters that can change the direction of what follows them: the embedding,
#: override and isolate controls, and right-to-left letters (Hebrew, Arabic, Syriac …).
_DIRECTIONAL = re.compile(
    "[\u202a-\u202e\u2066-\u2069\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
    "\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
_ISOLATES = re.compile("[\u2066-\u2069]")
FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2068", "\u2069"


def isolate(text: str) -> str:
    """``text`` held apart from what surrounds it, as HTML's ``<bdi>`` does, when it
    holds anything that could change direction; other text is returned unchanged.

    An override in a name (U+202E) would otherwise reverse the rest of the line it
    is printed on. The text is wrapped in FIRST STRONG ISOLATE ... POP DIRECTIONAL
    ISOLATE, which ends every embedding and override opened inside it and works in
    text and in attribute values alike; isolate controls of the text's own are
    dropped first, so that none can close the wrapper early.

    >>> isolate("Board") == "Board"
    True
    >>> isolate("evil\\u202e!") == "\\u2068evil\\u202e!\\u2069"
    True
    """
    if not _DIRECTIONAL.search(text):
        return text
    return FIRST_STRONG_ISOLATE + _ISOLATES.sub("", text) + POP_DIRECTIONAL_ISOLATE


def for_stdout(text: str) -> str:
    """Data (an export, a CSV) for standard output: exact when it goes to a file or a
    pipe, with :func:`visible_lines` escapes when a terminal would show it."""
    stream = sys.stdout
    return visible_lines(text) if stream is not None and stream.isatty() else text


#: Controls HTML shows as boxes or drops (all but tab and the line breaks).
_HTML_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def html_text(text: str) -> str:
    """Model text for an HTML page, before escaping: control characters as visible
    escapes, and :func:`isolate`-d when it could change the direction of what follows."""
    if _HTML_CONTROLS.search(text):
        text = _HTML_CONTROLS.sub(_escape, text)
    return isolate(text)
