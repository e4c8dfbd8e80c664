"""The chart page: govgraph's own template, filled with escaped values, scripts inlined.

Why not pyvis's template: it writes some values into the page unescaped and
loads Bootstrap and vis-network from CDNs. Here the page is one file that
fetches nothing:

* vis-network's JavaScript is inlined from the copy pyvis ships;
* the data is JSON inside ``<script type="application/json">`` with ``<``,
  ``>``, ``&`` and U+2028/2029 escaped, so no model text can close the element.
  It comes in two parts: what drawing the bodies needs (``govgraph-data``: meta,
  body nodes, reporting lines, blocks, fields, legend, look) before the scripts,
  and the rest (``govgraph-details``: member nodes, memberships, details,
  holders, names, findings) after them, so that the browser draws the chart before it has read
  the rest, which the page reads when first needed (see :func:`embedded_json`);
* every other piece of model text is HTML-escaped (:mod:`govgraph.render.fragments`);
* a Content-Security-Policy allows only the page's own two scripts (vis-network,
  and textwrap.js with chart.js) by their sha256 hashes, inline styles and
  ``data:``/``blob:`` images: nothing can be fetched and no injected script or
  event handler could run.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import json
import re
from datetime import date
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from govgraph.errors import GovgraphError
from govgraph.render.fragments import (
    findings_html,
    legend_html,
    members_control,
    names_of,
    table_html,
    text,
)
from govgraph.render.view import widen_hint

VIS_VERSION = "9.1.2"
#: Where pyvis keeps its copy of vis-network (it has moved between pyvis releases).
VIS_PLACES = (
    f"templates/lib/vis-{VIS_VERSION}/vis-network.min.js",
    f"lib/vis-{VIS_VERSION}/vis-network.min.js",
)
GENERATOR = '<meta name="generator" content="govgraph'

#: The parts of the chart data the page needs to draw (the rest is read later).
DRAWING = ("meta", "nodes", "edges", "layout", "fields", "legend", "look")

_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def page(data: dict[str, Any]) -> str:
    """The whole HTML page for ``data`` from :func:`govgraph.render.data.chart_data`."""
    meta = data["meta"]
    vis_js = inline_script(vis_network_js())
    chart_js = inline_script(
        "\n".join(_resource(name) for name in ("textwrap.js", "picture.js", "chart.js"))
    )
    first, as_of, last = (date.fromisoformat(meta[k]) for k in ("first_day", "as_of", "last_day"))
    bodies = [node for node in data["nodes"] if node["entity"] == "body"]
    names = names_of(data)
    drawing, details = embedded_json(data)
    values = {
        "csp": text(content_security_policy([vis_js, chart_js])),
        "generator": text(meta["generator"]),
        "title": text(meta["title"]),
        "css": _resource("chart.css"),
        "view": text(meta["view"]),
        "widen": text(widen_hint(meta["counts"]["model_bodies"]) if meta["partial"] else ""),
        "as_of": text(meta["as_of"]),
        "summary": text(_summary(meta, data["findings"])),
        "elsewhere": _elsewhere(meta["counts"]["findings_elsewhere"]),
        "first_day": text(meta["first_day"]),
        "last_day": text(meta["last_day"]),
        "days": str((last - first).days),
        "as_of_index": str((as_of - first).days),
        "legend": legend_html(data["legend"]),
        "members_control": members_control(meta["members"]),
        "finding_count": str(len(data["findings"])),
        "findings": findings_html(data["findings"], names, meta["as_of"]),
        "table": table_html(bodies, data, names, meta["as_of"]),
        "chart_label": text(_chart_label(meta)),
        "data": drawing,
        "details": details,
        "vis_js": vis_js,
        "chart_js": chart_js,
    }
    # One pass over the template only: text put in is never scanned for placeholders,
    # so a body called "{{chart_js}}" stays those characters.
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], _resource("chart.html"))


def embedded_json(data: dict[str, Any]) -> tuple[str, str]:
    """The chart data as the page embeds it: what drawing the bodies needs, then the rest
    (members are drawn only when asked for, after the page has been read)."""
    first = {key: data[key] for key in DRAWING}
    rest = {key: value for key, value in data.items() if key not in DRAWING}
    return json_for_script(first), json_for_script(rest)


def json_for_script(data: Any) -> str:
    """``data`` as JSON that is safe inside a ``<script>`` element, deterministic byte for byte.

    Keys keep the order they were built in (chart_data builds every mapping in a fixed
    order: never by walking a set), which saves sorting thousands of small mappings.

    >>> json_for_script({"name": "</script><b>"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    # No check for circular references either: chart_data builds a tree.
    dumped = json.dumps(data, ensure_ascii=False, separators=(",", ":"), check_circular=False)
    for character, escape in _JSON_ESCAPES.items():  # each a fast scan; most never occur
        dumped = dumped.replace(character, escape)
    return dumped


def inline_script(source: str) -> str:
    """JavaScript made safe to sit between ``<script>`` and ``</script>``.

    ``</script`` and ``<!--`` could end or confuse the element; both only occur
    inside JS strings, regexes or comments, where ``<\\/`` and ``<\\!`` mean the same.
    Line ends are normalised because the browser hashes the text after doing so.
    """
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    source = re.sub(r"</(script)", r"<\\/\1", source, flags=re.IGNORECASE)
    return source.replace("<!--", "<\\!--")


def content_security_policy(scripts: list[str]) -> str:
    """A policy that lets only ``scripts`` (by hash) run and lets nothing be fetched."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
        for s in scripts
    )
    return (
        "default-src 'none'; "
        f"script-src {hashes}; "
        "style-src 'unsafe-inline'; "
        "img-src data: blob:; "
        "base-uri 'none'; form-action 'none'"
    )


@cache
def vis_network_js() -> str:
    """The vis-network JavaScript that pyvis ships, read without importing pyvis (it is slow)."""
    spec = importlib.util.find_spec("pyvis")
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        for place in VIS_PLACES:
            path = Path(folder) / place
            if path.is_file():
                return path.read_text(encoding="utf-8")
    where = f"under {folders[0]}" if folders else "because pyvis is not installed"
    raise GovgraphError(
        f"cannot draw the chart: vis-network {VIS_VERSION}'s JavaScript was not found {where}; "
        "install the pyvis version govgraph needs: pip install --force-reinstall 'pyvis>=0.3.2'"
    )


@cache
def _resource(name: str) -> str:
    return files("govgraph.render").joinpath(name).read_text(encoding="utf-8")


def _summary(meta: dict[str, Any], findings: list[dict[str, Any]]) -> str:
    counts = meta["counts"]
    tally = {
        s: sum(1 for f in findings if f["severity"] == s) for s in ("error", "warning", "info")
    }
    problems = ", ".join(
        f"{n} {s}{'s' if n != 1 and s != 'info' else ''}" for s, n in tally.items()
    )
    members = f"{counts['members']} members" if meta["members"] else "members hidden"
    elsewhere = counts["findings_elsewhere"]
    rest = f" ({elsewhere} more about the rest of the model)" if elsewhere else ""
    return f"{counts['bodies']} bodies, {members}; findings: {problems}{rest}"


def _elsewhere(count: int) -> str:
    """A note under the findings list when the model has findings this chart leaves out."""
    if not count:
        return ""
    sentence = (
        f"{count} more finding{'' if count == 1 else 's'} in the model "
        f"{'is' if count == 1 else 'are'} about what this chart does not show; "
        "govgraph check lists every finding."
    )
    return f'<p class="elsewhere">{text(sentence)}</p>'


def _chart_label(meta: dict[str, Any]) -> str:
    counts = meta["counts"]
    return (
        f"Chart of {counts['bodies']} bodies and their reporting lines. "
        "The text view below lists the same bodies, lines and members."
    )
