"""The chart on paper: ``govgraph render --to svg|pdf|png``, what each file holds and how."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from support import EXAMPLE, CliResult

from govgraph import build_graph, load
from govgraph.audit import audit
from govgraph.render.pdf import render_pdf
from govgraph.render.tiers import chart_layout

Cli = Callable[..., CliResult]
SVG = "{http://www.w3.org/2000/svg}"
ON = "2024-06-01"
needs_poppler = pytest.mark.skipif(
    shutil.which("pdfinfo") is None or shutil.which("pdftotext") is None,
    reason="poppler-utils (pdfinfo, pdftotext) are not installed",
)


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def pdf_text(path: Path) -> str:
    """The PDF's text in drawing order, each run of white space one space."""
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, check=True)
    return " ".join(out.stdout.decode().split())


def pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True)
    return dict(line.split(":", 1) for line in out.stdout.splitlines() if ":" in line)


def big_model(model_dir: Callable[..., Path]) -> Path:
    """A council with six boards of twelve sub-groups each: too big for one readable page."""
    lines = ["bodies:", "  - {id: council, name: Bigtown City Council, kind: council, root: true}"]
    for b in range(6):
        lines.append(f"  - {{id: b{b}, name: Bigtown Board Number {b}, kind: board, "
                     "reports_to: [{body: council}]}")  # fmt: skip
        for g in range(12):
            lines.append(f"  - {{id: b{b}g{g}, name: Task Group {g} of Board {b}, "
                         f"kind: sub-group, reports_to: [{{body: b{b}}}]}}")  # fmt: skip
    return model_dir({"bodies.yaml": "\n".join(lines) + "\n"}, name="bigtown")


def test_svg_is_xml_with_every_body_name_as_text_and_a_legend(cli: Cli, in_tmp: Path) -> None:
    result = cli("render", EXAMPLE, "--to", "svg", "--as-of", ON)
    assert result.exit_code == 0, result.stderr
    path = in_tmp / "output" / "worcestershire.svg"
    assert result.stdout.strip() == str(Path("output") / "worcestershire.svg")
    root = ET.parse(path).getroot()  # valid XML, or this raises
    assert root.tag == f"{SVG}svg"
    model = load(EXAMPLE)
    groups = {
        g.get("id"): g for g in root.iter(f"{SVG}g") if (g.get("id") or "").startswith("body-")
    }
    assert set(groups) == {f"body-{b}" for b in model.bodies}
    for body in model.bodies.values():
        group = groups[f"body-{body.id}"]
        title = group.find(f"{SVG}title")
        assert title is not None and (title.text or "").startswith(body.name)
        lines = [t.text or "" for t in group.iter(f"{SVG}text")]
        # The label's lines spell the full name (it fits in three lines); the last text is
        # the counts.
        assert " ".join(lines[:-1]) == body.name
        assert re.match(r"\d+ members?", lines[-1]) or lines[-1].startswith("dissolved")
    texts = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    for entry in ("Councils", "Boards", "Errors found", "Warnings found", "Reports one way"):
        assert entry in texts


def test_svg_marks_findings_as_the_page_does(cli: Cli, in_tmp: Path) -> None:
    cli("render", EXAMPLE, "--to", "svg", "--as-of", ON, "-o", "chart.svg")
    root = ET.parse(in_tmp / "chart.svg").getroot()
    result = audit(load(EXAMPLE), on=date.fromisoformat(ON))
    found = {(f.subject.split("/")[0], f.severity.value) for f in result.findings}
    assert any(s == "error" for _, s in found) and any(s == "warning" for _, s in found)
    for group in root.iter(f"{SVG}g"):
        body = (group.get("id") or "")[len("body-") :]
        rect = group.find(f"{SVG}rect")
        assert rect is not None
        if (body, "error") in found:
            assert rect.get("stroke") == "#c00000" and rect.get("stroke-dasharray") is None
        elif (body, "warning") in found:
            assert rect.get("stroke") == "#b8860b" and rect.get("stroke-dasharray") == "6 4"
        else:
            assert rect.get("stroke") not in ("#c00000", "#b8860b")


@needs_poppler
@pytest.mark.parametrize(
    ("paper", "points"), [("a4", "841.89 x 595.28"), ("a3", "1190.55 x 841.89")]
)
def test_pdf_is_landscape_paper_with_every_name_and_the_legend(
    cli: Cli, in_tmp: Path, paper: str, points: str
) -> None:
    args = ["render", EXAMPLE, "--to", "pdf", "--as-of", ON]
    result = cli(*args, *(["--paper", paper] if paper != "a4" else []))
    assert result.exit_code == 0, result.stderr
    path = in_tmp / "output" / "worcestershire.pdf"
    assert pdf_info(path)["Page size"].strip().startswith(points)
    text = pdf_text(path)
    model = load(EXAMPLE)
    assert model.name in text and f"as it stood on {ON}" in text
    for body in model.bodies.values():
        assert body.name in text, body.name
    for entry in ("Councils", "Boards", "Errors found", "Warnings found", "Reports both ways"):
        assert entry in text


@needs_poppler
def test_the_findings_summary_lists_severity_body_check_and_message(cli: Cli, in_tmp: Path) -> None:
    cli("render", EXAMPLE, "--to", "pdf", "--as-of", ON, "-o", "chart.pdf")
    text = pdf_text(in_tmp / "chart.pdf")
    model = load(EXAMPLE)
    result = audit(model, on=date.fromisoformat(ON))
    assert result.findings
    # A long check name is broken after a hyphen in its cell.
    summary = text[text.index("Severity Body or member Check Message") :].replace("- ", "-")
    for finding in result.findings:
        body = " / ".join(model.name_of(part) for part in finding.subject.split("/"))
        row = f"{finding.severity.value} {body} {finding.check} {finding.message}"
        assert " ".join(row.split()).replace("- ", "-") in summary, row


@needs_poppler
def test_a_chart_too_big_for_one_page_is_split_by_subtree(
    cli: Cli, in_tmp: Path, model_dir: Callable[..., Path]
) -> None:
    folder = big_model(model_dir)
    result = cli("render", folder, "--to", "pdf", "-o", "big.pdf")
    assert result.exit_code == 0, result.stderr
    text = pdf_text(in_tmp / "big.pdf")
    pages = int(pdf_info(in_tmp / "big.pdf")["Pages"])
    assert pages >= 7  # the overview, then a page for each board
    assert text.index("Overview: the top 2 tiers") < text.index(
        "Bigtown Board Number 0 and the bodies under it"
    )
    for b in range(6):
        assert f"Bigtown Board Number {b} and the bodies under it" in text
        for g in range(12):
            assert f"Task Group {g} of Board {b}" in text
    assert "→ p. 2" in text  # the overview says where each board continues


def test_pdf_pages_print_labels_at_seven_points_or_more(model_dir: Callable[..., Path]) -> None:
    from govgraph.render.pages import MIN_SCALE, plan_pages, scale_to_fit
    from govgraph.render.pdf import PAPER

    model = load(big_model(model_dir))
    width, height = PAPER["a4"][0] - 72, PAPER["a4"][1] - 160
    pages = plan_pages(model, list(model.bodies),
                       lambda layout: scale_to_fit(layout, width, height) >= MIN_SCALE, width / height)  # fmt: skip
    assert len(pages) > 1
    assert chart_layout(model, list(model.bodies)).width > width / MIN_SCALE  # would not fit
    for page in pages:
        assert scale_to_fit(page.layout, width, height) * 12 >= 7


@pytest.mark.parametrize(
    ("paper", "dpi", "mm"), [("a4", None, (297, 210)), ("a3", 100, (420, 297))]
)
def test_png_matches_the_paper_at_the_dpi(
    cli: Cli, in_tmp: Path, paper: str, dpi: int | None, mm: tuple[int, int]
) -> None:
    args = ["render", EXAMPLE, "--to", "png", "--paper", paper, "-o", "chart.png"]
    result = cli(*args, *(["--dpi", dpi] if dpi else []))
    assert result.exit_code == 0, result.stderr
    data = (in_tmp / "chart.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    dots = dpi or 200
    assert abs(width - mm[0] / 25.4 * dots) <= 1 and abs(height - mm[1] / 25.4 * dots) <= 1
    assert b"pHYs" in data[:100]


def test_static_outputs_refuse_to_overwrite_a_users_file(cli: Cli, in_tmp: Path) -> None:
    mine = in_tmp / "notes.pdf"
    mine.write_bytes(b"%PDF-1.4 my own minutes")
    result = cli("render", EXAMPLE, "--to", "pdf", "-o", mine)
    assert result.exit_code != 0
    assert "was not written by govgraph" in result.stderr and "--force" in result.stderr
    assert mine.read_bytes() == b"%PDF-1.4 my own minutes"
    for to in ("svg", "png", "pdf"):  # its own file is replaced without asking
        assert cli("render", EXAMPLE, "--to", to, "-o", f"chart.{to}").exit_code == 0
        assert cli("render", EXAMPLE, "--to", to, "-o", f"chart.{to}").exit_code == 0
    # A govgraph SVG is not a govgraph PDF.
    shutil.copy(in_tmp / "chart.svg", in_tmp / "other.pdf")
    assert cli("render", EXAMPLE, "--to", "pdf", "-o", "other.pdf").exit_code != 0
    assert cli("render", EXAMPLE, "--to", "pdf", "-o", mine, "--force").exit_code == 0


def test_paper_options_need_a_paper_output(cli: Cli, in_tmp: Path) -> None:
    result = cli("render", EXAMPLE, "--paper", "a3")
    assert result.exit_code != 0 and "--paper applies to --to pdf or --to png" in result.stderr
    result = cli("render", EXAMPLE, "--to", "svg", "--dpi", "300")
    assert result.exit_code != 0 and "--dpi applies to --to png" in result.stderr
    assert not (in_tmp / "output").exists()


def test_the_static_chart_honours_focus_and_selection(cli: Cli, in_tmp: Path) -> None:
    assert (
        cli(
            "render", EXAMPLE, "--to", "svg", "--focus", "hwb", "--down", "1", "-o", "f.svg"
        ).exit_code
        == 0
    )
    root = ET.parse(in_tmp / "f.svg").getroot()
    drawn = {(g.get("id") or "")[5:] for g in root.iter(f"{SVG}g")}
    model = load(EXAMPLE)
    below = {b.id for b in model.bodies.values() if any(r.body == "hwb" for r in b.reports_to)}
    above = {line.body for line in model.bodies["hwb"].reports_to}
    assert drawn == {"hwb"} | below | above


def test_without_cairo_pdf_fails_with_one_line_saying_what_to_install(
    cli: Cli, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "cairocffi", None)  # import raises ImportError
    result = cli("render", EXAMPLE, "--to", "pdf")
    assert result.exit_code != 0
    assert len(result.stderr.strip().splitlines()) == 1
    assert "pip install cairocffi" in result.stderr and "libcairo2" in result.stderr
    assert "Traceback" not in result.stderr
    assert cli("render", EXAMPLE, "--to", "svg").exit_code == 0  # SVG needs no cairo


def test_render_pdf_is_a_library_call() -> None:
    model = load(EXAMPLE)
    result = audit(model, build_graph(model))
    data = render_pdf(result, list(model.bodies), paper="a3")
    assert data.startswith(b"%PDF") and b"/Creator (govgraph" in data[-8192:]
