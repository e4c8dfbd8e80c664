"""A tiny, escaping-by-default HTML builder for the static audit pack.

Every string from a model (a name, a note, a message) is user text: it goes
through :func:`html.escape` unless it is already :class:`Html` that this
module built. Pages are put together with :func:`fmt`, which escapes each
argument, and :func:`tag`; nothing concatenates raw model text into markup.

>>> str(fmt("<td>{}</td>", "<script>"))
'<td>&lt;script&gt;</td>'
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections.abc import Iterable

from govgraph import __version__
from govgraph.safetext import html_text

GENERATOR = f"govgraph {__version__} build"


class Html(str):
    """Markup that is already safe: built here from escaped parts."""

    __slots__ = ()

    def __add__(self, other: str) -> Html:
        # Adding text to markup escapes the text, so ``Html + str`` stays safe.
        return Html(str.__add__(self, esc(other)))


def esc(value: object) -> Html:
    """``value`` as safe HTML: escaped text, or unchanged if it is already :class:`Html`."""
    if isinstance(value, Html):
        return value
    # A right-to-left override in a name must not reverse the rest of the page (isolated),
    # and control characters are shown as escapes rather than as boxes.
    return Html(html.escape(html_text("" if value is None else str(value)), quote=True))


def fmt(template: str, *values: object) -> Html:
    """``template`` (trusted, written in govgraph) with each ``{}`` filled by an escaped value."""
    return Html(template.format(*(esc(v) for v in values)))


def join(parts: Iterable[object], separator: str = "") -> Html:
    return Html(separator.join(esc(p) for p in parts))


def tag(name: str, content: object = "", **attrs: object) -> Html:
    """``<name attr="…">content</name>``; ``class_`` gives ``class``; None values are omitted."""
    rendered = "".join(
        fmt(' {}="{}"', key.rstrip("_").replace("_", "-"), value)
        for key, value in attrs.items()
        if value is not None
    )
    return Html(f"<{name}{rendered}>{esc(content)}</{name}>")


def link(href: str, text: object) -> Html:
    return tag("a", text, href=href)


STYLE = """
:root { color-scheme: light; --ink: #1b1f24; --muted: #57606a; --line: #d0d7de;
  --error: #b42318; --warning: #9a6700; --info: #0969da; --accent: #0b5394; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
  margin: 0; }
header.top { background: var(--accent); color: #fff; padding: .6rem 1.5rem; }
header.top a { color: #fff; margin-right: 1.2rem; }
main { padding: 1rem 1.5rem 3rem; max-width: 80rem; }
h1 { font-size: 1.6rem; margin: .6rem 0; } h2 { font-size: 1.2rem; margin-top: 2rem; }
a { color: var(--accent); }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { border: 1px solid var(--line); padding: .3rem .55rem; text-align: left;
  vertical-align: top; }
th { background: #f6f8fa; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; }
.muted { color: var(--muted); }
.sev-error { color: var(--error); font-weight: 600; }
.sev-warning { color: var(--warning); font-weight: 600; }
.sev-info { color: var(--info); }
.status-overdue { color: var(--error); }
ul.tree, ul.tree ul { list-style: none; padding-left: 1.2rem; margin: .2rem 0; }
ul.tree li::before { content: "└ "; color: var(--muted); }
ol.chain li { margin: .1rem 0; }
.matrix-wrap { overflow: auto; max-height: 80vh; border: 1px solid var(--line); }
table.matrix { margin: 0; font-size: 13px; }
table.matrix th.col { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap;
  position: sticky; top: 0; z-index: 1; }
table.matrix th.row { position: sticky; left: 0; background: #f6f8fa; white-space: nowrap; }
table.matrix td { text-align: center; min-width: 2.2rem; white-space: nowrap; }
td code { white-space: nowrap; }
td code.fix-command { white-space: normal; user-select: all; }
code.fix-command span { white-space: nowrap; }
table.matrix td.seat { background: #e7f0fb; }
table.matrix td.seat-chair { background: #c9dcf5; font-weight: 600; }
footer { color: var(--muted); font-size: 13px; margin-top: 3rem; }
@media (max-width: 40rem) { main { padding: .8rem; } table { display: block; overflow-x: auto; }
  th, td { min-width: 7.5rem; } }
figure.chart { margin: .5rem 0; overflow-x: auto; }
figure.chart svg { max-width: 100%; height: auto; }
figure.chart figcaption { color: var(--muted); font-size: 13px; }
@media print {
  header.top, footer { display: none; }
  main { padding: 0; max-width: none; }
  figure.chart { overflow: visible; break-inside: avoid; }
  h2 { break-after: avoid; }
}
"""

# The pages run no script and load nothing: only the one inline stylesheet,
# allowed by its hash, so even a page edited by hand cannot pull in anything.
_STYLE_HASH = base64.b64encode(hashlib.sha256(STYLE.encode()).digest()).decode()
CSP = (
    f"default-src 'none'; style-src 'sha256-{_STYLE_HASH}'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)


def page(title: str, body: Html, *, root: str, model: str, as_of: str) -> str:
    """A whole page: ``root`` is the relative way back to the pack's top (``""`` or ``"../"``)."""
    nav = join(
        [
            link(f"{root}index.html", "Summary"),
            link(f"{root}chart.html", "Interactive chart"),
            link(f"{root}matrix.html", "Membership matrix"),
            link(f"{root}index.html#findings", "Findings"),
        ]
    )
    return "<!DOCTYPE html>\n" + fmt(
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" content="{}">\n'
        '<meta name="generator" content="{}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>{} · {}</title>\n<style>{}</style>\n</head>\n<body>\n"
        '<header class="top">{}</header>\n<main>\n{}\n'
        "<footer>{} as it stood on {}. Made by {}.</footer>\n</main>\n</body>\n</html>\n",
        CSP,
        GENERATOR,
        title,
        model,
        Html(STYLE),
        nav,
        body,
        model,
        as_of,
        GENERATOR,
    )
