"""Parse saved web-service XML safely, without a new dependency.

Python's own XML parsers expand entities declared in a DOCTYPE, which makes a
hostile file (a "billion laughs" bomb, or an external entity reading local
files) dangerous. ModernGov responses never declare a DOCTYPE, so instead of
adding defusedxml this module drives expat directly and refuses any DOCTYPE,
entity or external reference the moment expat meets it, before anything is
expanded; the tree is built with :class:`xml.etree.ElementTree.TreeBuilder`.

A saved ``.xml`` is often really an HTML error page (the service answered with
"Runtime Error" or a login page): that is recognised and named as such.

The line each element starts on is kept (:meth:`XmlDocument.line`), so what an
importer reports can name ``GetMeeting.xml:14`` rather than only the file.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn
from xml.parsers import expat

from govgraph.errors import GovgraphError
from govgraph.limits import read_input

_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
                         re.IGNORECASE | re.DOTALL)  # fmt: skip
_TITLE = re.compile(rb"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


class _Refused(Exception):
    def __init__(self, what: str, line: int) -> None:
        super().__init__(what)
        self.what = what
        self.line = line


@dataclass
class XmlDocument:
    """A parsed file: its root element and the line each element starts on."""

    path: Path
    root: ET.Element
    lines: dict[int, int] = field(default_factory=dict)  # id(element) -> line

    def line(self, element: ET.Element) -> int:
        """The 1-based line ``element`` starts on (0 for an element built in code)."""
        return self.lines.get(id(element), 0)

    def where(self, element: ET.Element) -> str:
        """``GetMeeting.xml:14``: the file's name and the element's line."""
        line = self.line(element)
        return f"{self.path.name}:{line}" if line else self.path.name


def local_name(tag: str) -> str:
    """``{namespace}committee`` or ``ns:committee`` -> ``committee`` (lowercased)."""
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower()


def parse_xml(path: Path) -> XmlDocument:
    """The XML file ``path``, parsed; a clear :class:`GovgraphError` otherwise."""
    raw = read_input(path)  # a regular file within the size limit, or a one-line error
    if not raw.strip():
        raise GovgraphError(f"{path}: the file is empty; save the web service's response again")
    if _HTML_START.match(raw[:4096]):
        _html_page(path, raw)
    builder = ET.TreeBuilder()
    parser = expat.ParserCreate()
    lines: dict[int, int] = {}

    def start(tag: str, attrs: dict[str, str]) -> None:
        lines[id(builder.start(tag, attrs))] = parser.CurrentLineNumber

    def refuse(what: str) -> Any:
        def handler(*_: Any) -> None:
            raise _Refused(what, parser.CurrentLineNumber)

        return handler

    parser.StartDoctypeDeclHandler = refuse("a DOCTYPE declaration")
    parser.EntityDeclHandler = refuse("an ENTITY declaration")
    parser.ExternalEntityRefHandler = refuse("an external entity reference")
    parser.StartElementHandler = start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.data
    parser.buffer_text = True
    try:
        parser.Parse(raw, True)
    except _Refused as exc:
        raise GovgraphError(
            f"{path}:{exc.line}: refused: the file contains {exc.what}, which web-service "
            "responses never have (entity declarations can expand without limit); "
            "save the response again from the service"
        ) from None
    except expat.ExpatError as exc:
        if b"<html" in raw[:4096].lower():
            _html_page(path, raw)
        raise GovgraphError(
            f"{path}:{exc.lineno}:{exc.offset + 1}: not well-formed XML "
            f"({expat.ErrorString(exc.code)}); is this a saved web-service response?"
        ) from None
    return XmlDocument(path, builder.close(), lines)


def _html_page(path: Path, raw: bytes) -> NoReturn:
    match = _TITLE.search(raw)
    title = " ".join(match.group(1).decode("utf-8", "replace").split()) if match else ""
    shown = f" titled '{title}'" if title else ""
    raise GovgraphError(
        f"{path}: this is an HTML page{shown}, not an XML response: the web service "
        "probably returned an error page; open the file to see why, then save the "
        "response again"
    )
