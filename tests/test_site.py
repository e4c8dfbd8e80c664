"""govgraph build: the static audit pack, its pages, links, escaping and folder rules."""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag

import pytest
from support import CliResult
from test_explore import SAMPLE

from govgraph import build_graph, load
from govgraph.audit import audit
from govgraph.site import Page, build_site

Cli = Callable[..., "CliResult"]
ON = "2023-07-07"

HOSTILE = dict(SAMPLE)
HOSTILE["bodies/hostile.yaml"] = """
    bodies:
      - id: hostile
        name: "<script>alert('x')</script> Board"
        short_name: "<img src=x onerror=alert(1)>"
        reports_to: [{body: council}]
        members:
          - {member: scc, note: "</td><b>bold</b>", role: chair}
    """


class Links(HTMLParser):
    """Collects hrefs, element ids and the CSP meta of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()
        self.csp: str | None = None
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.hrefs.append(values["href"] or "")
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "meta" and values.get("http-equiv") == "Content-Security-Policy":
            self.csp = values.get("content")
        if tag == "script":
            self.scripts += 1


def parse(path: Path) -> Links:
    links = Links()
    links.feed(path.read_text(encoding="utf-8"))
    return links


@pytest.fixture
def site(cli: Cli, model_dir: Callable[..., Path], tmp_path: Path) -> Path:
    out = tmp_path / "site"
    result = cli("build", model_dir(HOSTILE), "-o", out, "--as-of", ON)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"{out}: wrote ")
    assert result.stderr == ""  # no progress bar when stderr is not a terminal
    return out


def pages_of(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_build_writes_a_page_for_everything(site: Path) -> None:
    names = {p.relative_to(site).as_posix() for p in pages_of(site)}
    assert {"index.html", "chart.html", "matrix.html"} <= names
    bodies = {"council", "hwb", "csp", "lscb", "scp", "scp-learning", "exploitation"}
    assert {f"bodies/{b}.html" for b in bodies} <= names
    assert {"organisations/scc.html", "posts/dcs.html", "people/jo-bloggs.html"} <= names
    marker = json.loads((site / ".govgraph-site.json").read_text())
    assert set(marker["files"]) == names


def test_every_link_between_pages_resolves(site: Path) -> None:
    for page in pages_of(site):
        if page.name == "chart.html":
            continue  # the chart is tested in its own browser tests
        parsed = parse(page)
        assert parsed.hrefs, page
        for href in parsed.hrefs:
            target, fragment = urldefrag(href)
            assert not re.match(r"^[a-z]+:", target), f"{page}: non-relative link {href}"
            resolved = (page.parent / target).resolve() if target else page
            assert resolved.is_file(), f"{page}: broken link {href}"
            if fragment:
                assert fragment in parse(resolved).ids, f"{page}: no #{fragment} in {target}"


def test_pages_are_locked_down_and_escaped(site: Path) -> None:
    for page in pages_of(site):
        if page.name == "chart.html":
            continue
        parsed = parse(page)
        assert parsed.csp is not None and "default-src 'none'" in parsed.csp
        assert "script-src" not in parsed.csp and parsed.scripts == 0
        text = page.read_text(encoding="utf-8")
        assert "<script>alert" not in text and "<img src=x" not in text
        assert "</td><b>bold" not in text
    body = (site / "bodies" / "hostile.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Board" in body


def test_body_page_says_what_show_says(site: Path) -> None:
    text = (site / "bodies" / "hwb.html").read_text(encoding="utf-8")
    assert 'href="../people/sam-smith.html">Cllr Sam Smith</a>' in text  # the chair
    assert 'href="../bodies/council.html">Full Council</a>' in text  # reports to / chain
    assert 'href="../bodies/scp.html"' in text and 'href="../bodies/exploitation.html"' in text
    assert 'href="../posts/dcs.html">Director of Children&#x27;s Services</a>' in text
    assert "overdue" in text and "review-overdue" in text  # review status and its finding
    assert "Sample CCG" not in text  # left before the as-of date


def test_member_page_lists_seats_and_their_findings(site: Path) -> None:
    text = (site / "posts" / "dcs.html").read_text(encoding="utf-8")
    assert "combines 2 posts and sits on 4 bodies" in text
    assert 'href="../organisations/scc.html">Sample County Council</a>' in text
    assert 'href="../people/jo-bloggs.html">Jo Bloggs</a>' in text
    assert "review-overdue" in text  # hwb/dcs was last reviewed in 2021


def test_matrix_has_a_row_per_current_body_and_roles(site: Path) -> None:
    text = (site / "matrix.html").read_text(encoding="utf-8")
    rows = re.findall(r'<th class="row" scope="row"><a href="bodies/([a-z0-9-]+)\.html"', text)
    assert sorted(rows) == sorted(
        ["council", "hwb", "csp", "scp", "scp-learning", "exploitation", "youth-cabinet", "hostile"]
    )
    assert "lscb" not in rows  # dissolved before the as-of date
    scp_row = text.split('href="bodies/scp.html"')[1].split("</tr>")[0]
    assert 'class="seat-chair"' in scp_row  # the council chairs the partnership
    assert "C, A" in scp_row  # its own chair and the DCS post's adviser seat
    assert 'title="C; A via Director of Children&#x27;s Services"' in scp_row


def test_index_has_the_summary_structure_and_findings(site: Path) -> None:
    text = (site / "index.html").read_text(encoding="utf-8")
    assert "<h1>Sample County governance</h1>" in text
    assert 'href="chart.html"' in text and 'href="matrix.html"' in text
    assert 'id="findings"' in text and "orphaned-body" in text  # the youth cabinet
    assert "Bodies not current on 2023-07-07" in text


def test_index_carries_the_svg_chart_linking_to_body_pages_and_back(site: Path) -> None:
    text = (site / "index.html").read_text(encoding="utf-8")
    chart = text[text.index('<figure class="chart">') : text.index("</figure>")]
    root = ET.fromstring(chart[chart.index("<svg") : chart.index("</svg>") + len("</svg>")])
    svg = "{http://www.w3.org/2000/svg}"
    links = {a.get("href"): a for a in root.iter(f"{svg}a")}
    bodies = sorted(p.stem for p in (site / "bodies").glob("*.html"))
    assert set(links) == {f"bodies/{b}.html" for b in bodies}  # every body, to its page
    for href, anchor in links.items():
        group = anchor.find(f"{svg}g")
        assert group is not None and group.get("id") == f"body-{href[7:-5]}"
        names = " ".join(t.text or "" for t in group.iter(f"{svg}text"))
        title = group.find(f"{svg}title")
        assert title is not None and title.text
        assert names.split(" ")[0] in title.text  # the label is the body's name
    for body in bodies:  # and each body page links back to its box in the chart
        page = parse(site / "bodies" / f"{body}.html")
        assert f"../index.html#body-{body}" in page.hrefs
    # The hostile name is text in the SVG too, never markup.
    assert "<script>alert" not in chart and "&lt;script&gt;alert" in chart


def test_build_refuses_a_folder_it_did_not_make(
    cli: Cli, model_dir: Callable[..., Path], tmp_path: Path
) -> None:
    model = model_dir(SAMPLE)
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me")
    refused = cli("build", model, "-o", out)
    assert refused.exit_code == 2
    assert "not empty and was not made by govgraph build" in refused.stderr
    assert "--force" in refused.stderr
    assert not (out / "index.html").exists()
    forced = cli("build", model, "-o", out, "--force")
    assert forced.exit_code == 0
    assert (out / "index.html").is_file() and (out / "notes.txt").read_text() == "keep me"
    file_out = tmp_path / "a-file"
    file_out.write_text("x")
    assert "is a file" in cli("build", model, "-o", file_out).stderr


def test_rebuild_replaces_its_own_pages_and_removes_stale_ones(
    cli: Cli, model_dir: Callable[..., Path], tmp_path: Path
) -> None:
    out = tmp_path / "site"
    assert cli("build", model_dir(HOSTILE, name="one"), "-o", out).exit_code == 0
    assert (out / "bodies" / "hostile.html").is_file()
    (out / "extra.txt").write_text("the user's own file")
    again = cli("build", model_dir(SAMPLE, name="two"), "-o", out)
    assert again.exit_code == 0, again.stderr
    assert not (out / "bodies" / "hostile.html").exists()
    assert (out / "bodies" / "hwb.html").is_file()
    assert (out / "extra.txt").read_text() == "the user's own file"
    assert not list(out.rglob("*.tmp"))


def test_progress_bar_only_for_a_terminal(
    cli: Cli, model_dir: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = model_dir(SAMPLE)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    result = cli("build", model, "-o", tmp_path / "site")
    assert result.exit_code == 0
    assert "Writing pages" in result.stderr and "100%" in result.stderr
    assert "Writing pages" not in result.stdout


def test_build_site_is_a_library_call(model_dir: Callable[..., Path], tmp_path: Path) -> None:
    model = load(model_dir(SAMPLE))
    graph = build_graph(model)
    result = audit(model, graph, date(2023, 7, 7))
    seen: list[str] = []

    def spy(pages: Iterable[Page]) -> Iterable[Page]:
        for page in pages:
            seen.append(page.path)
            yield page

    written = build_site(graph, result, tmp_path / "pack", progress=spy)
    assert seen == written and "index.html" in written
    assert (tmp_path / "pack" / "bodies" / "scp.html").is_file()
