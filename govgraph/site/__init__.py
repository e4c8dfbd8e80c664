"""The static audit pack ``govgraph build`` publishes: plain HTML pages that work offline.

``build_site(graph, audit_result, Path("output/site"))`` writes ``index.html``
(summary, structure, findings), ``chart.html`` (the interactive chart),
``matrix.html`` (bodies × organisations), and a page per body
(``bodies/ID.html``) and per organisation, post and person. Pages run no
script, load nothing from elsewhere (a strict Content-Security-Policy says
so), link to each other relatively and escape every piece of model text.
"""

from __future__ import annotations

from govgraph.site.build import MARKER, Page, build_site, plan_pages

__all__ = ["MARKER", "Page", "build_site", "plan_pages"]
