"""The real report notebooks (03, 04, 05) and ``khcn report`` on the real engine.

Everything runs in a private project root (``KHCN_ROOT`` = tmp_path with a copy of
data/raw, scenarios and notebooks), so data/processed and reports/ of the checkout
are never touched. The root holds one more scenario, ``hostile``, whose title and
description are script-injection payloads: one batch (``complete_run``) renders it
next to the plan as written, and the tests read its pages as a browser would.
Screenshots of the pages go to ``tests/artifacts/reports/`` (git-ignored).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import openpyxl
import papermill as pm
import pytest
import yaml
from html_safety import PAYLOADS, live_markup, visible_text

from khcn_analysis.cli import main

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts" / "reports"
HOSTILE_TITLE = PAYLOADS[0] + " " + PAYLOADS[3]  # within the 80 characters a title may have
HOSTILE_DESCRIPTION = " ".join(PAYLOADS)


def _write_hostile_scenario(scenarios: Path) -> None:
    data = yaml.safe_load((scenarios / "plan_as_written.yaml").read_text(encoding="utf-8"))
    data.update(name="hostile", title_vi=HOSTILE_TITLE, title_en=PAYLOADS[1] + " " + PAYLOADS[2],
                description_vi=HOSTILE_DESCRIPTION, description_en=HOSTILE_DESCRIPTION)
    (scenarios / "hostile.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


@pytest.fixture(scope="module")
def project(new_project, khcn_root):
    """A private project root with processed data built from a copy of data/raw."""
    root = new_project("project")
    _write_hostile_scenario(root / "scenarios")
    with khcn_root(root):
        yield root


def outputs(nb) -> tuple[str, int, list]:
    texts, images, errors = [], 0, []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                errors.append(out)
            data = out.get("data", {})
            images += "image/png" in data
            texts.append(out.get("text", "") + data.get("text/html", "") + data.get("text/markdown", ""))
    return "\n".join(texts), images, errors


#: A shipped scenario's titles as readers see them (they, not the id, appear on the pages).
MEET_TARGETS = yaml.safe_load((ROOT / "scenarios" / "meet_targets.yaml").read_text(encoding="utf-8"))

EXPECTED = {
    "03_scenario_report": (["khcn-headline", "khcn-attainment", "khcn-funding", "khcn-inverse",
                            "khcn-assumptions", "khcn-sources", "Các chỉ tiêu chính"], 4),
    "04_scenario_comparison": (["khcn-comparison-2030", "khcn-targets-met", MEET_TARGETS["title_vi"],
                                "So sánh các kịch bản"], 3),
    "05_uncertainty": (["khcn-probabilities", "Xác suất đạt mục tiêu", "20130222"], 3),
}


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_notebook_executes_with_its_default_parameters(project, stem, tmp_path):
    out = tmp_path / f"{stem}.ipynb"
    files = tmp_path / "files"
    pm.execute_notebook(
        str(project / "notebooks" / f"{stem}.ipynb"), str(out),
        parameters={"output_dir": str(files)}, kernel_name="python3", progress_bar=False,
        cwd=str(tmp_path),
    )
    text, images, errors = outputs(nbformat.read(out, as_version=4))
    assert not errors
    markers, min_images = EXPECTED[stem]
    for marker in markers:
        assert marker in text, marker
    assert images >= min_images
    assert any(p.suffix == ".png" for p in files.iterdir())
    assert any(p.suffix == ".csv" for p in files.iterdir())


def test_scenario_report_in_english(project, tmp_path):
    out = tmp_path / "03.ipynb"
    pm.execute_notebook(
        str(project / "notebooks" / "03_scenario_report.ipynb"), str(out),
        parameters={"lang": "en", "scenario": "meet_targets"}, kernel_name="python3",
        progress_bar=False, cwd=str(tmp_path),
    )
    text, _, errors = outputs(nbformat.read(out, as_version=4))
    assert not errors
    assert "Headline indicators in 2015, 2020 and 2030" in text
    assert "How to read a verdict and its evidence" in text and "Back-cast" in text
    assert MEET_TARGETS["title_en"] in text and "Các chỉ tiêu chính" not in text


def test_a_misspelt_parameter_fails_in_the_first_cell(project, tmp_path):
    with pytest.raises(pm.PapermillExecutionError, match="grdp_growht_pct"):
        pm.execute_notebook(
            str(project / "notebooks" / "03_scenario_report.ipynb"), str(tmp_path / "o.ipynb"),
            parameters={"grdp_growht_pct": 9.0}, kernel_name="python3", progress_bar=False,
            cwd=str(tmp_path),
        )


class _Tables(HTMLParser):
    """Cell texts of the table whose class contains ``khcn-headline``."""

    def __init__(self) -> None:
        super().__init__()
        self.inside, self.cells = False, []

    def handle_starttag(self, tag, attrs):
        if tag == "table" and "khcn-headline" in (dict(attrs).get("class") or ""):
            self.inside = True

    def handle_endtag(self, tag):
        if tag == "table":
            self.inside = False

    def handle_data(self, data):
        if self.inside and data.strip():
            self.cells.append(data.strip())


@pytest.fixture(scope="module")
def complete_run(project):
    reports = project / "reports"
    code = main(["report", "--scenario", "plan_as_written", "--scenario", "hostile", "--out", str(reports),
                 "--jobs", "2"])
    return code, reports


def test_khcn_report_writes_a_complete_run(complete_run):
    code, reports = complete_run
    assert code == 0
    latest = reports / "latest"
    assert latest.is_symlink() and os.readlink(latest).startswith("run-")
    manifest = json.loads((latest / "manifest.json").read_text(encoding="utf-8"))
    ids = [n["id"] for n in manifest["notebooks"]]
    assert ids == ["01_plan_audit", "02_baseline_data", "03_scenario_report--plan_as_written",
                   "03_scenario_report--hostile", "04_scenario_comparison",
                   "05_uncertainty--plan_as_written", "05_uncertainty--hostile"]
    assert all(n["status"] == "ok" for n in manifest["notebooks"])
    kinds = {i["kind"] for i in manifest["inputs"]}
    assert kinds == {"raw_data", "scenario", "notebook", "code"}
    assert any(i["path"] == "data/raw/sources.csv" for i in manifest["inputs"])
    assert manifest["scenarios"][0]["parameters"]["seed"] == 20130222
    assert manifest["seed"]["05_uncertainty--plan_as_written"] == 20130222
    index = (latest / "index.html").read_text(encoding="utf-8")
    assert 'href="03_scenario_report--plan_as_written.html"' in index
    assert "files/03_scenario_report--plan_as_written/dau-tu-khcn-grdp.png" in index
    # the batch leaves the scenario's recalculating workbook beside its report
    workbook = latest / "files" / "03_scenario_report--plan_as_written" / "plan_as_written.xlsx"
    assert openpyxl.load_workbook(workbook).sheetnames[:2] == ["Tổng hợp", "Dự báo"]
    assert "files/03_scenario_report--plan_as_written/plan_as_written.xlsx" in index


def test_khcn_report_puts_the_scenario_brief_beside_its_page(complete_run):
    """Notebook 03 leaves the scenario's briefing note (khcn brief) in its files; the index links it."""
    import docx

    _, reports = complete_run
    latest = reports / "latest"
    note = latest / "files" / "03_scenario_report--plan_as_written" / "plan_as_written.docx"
    document = docx.Document(str(note))
    assert [p.text for p in document.paragraphs if p.style.name == "Title"] == ["BÁO CÁO TÓM TẮT"]
    assert len(document.inline_shapes) >= 3
    index = (latest / "index.html").read_text(encoding="utf-8")
    assert 'href="files/03_scenario_report--plan_as_written/plan_as_written.docx"' in index


def test_the_batch_brief_embeds_the_page_charts_which_are_what_khcn_brief_draws(complete_run, tmp_path):
    """Page 03's brief takes the page's renders instead of drawing them again: its figures are
    the page's PNG files byte for byte, and a note drawn from scratch (``khcn brief``) has the same."""
    import zipfile

    from khcn_analysis import pipeline
    from khcn_analysis.present.brief import write_brief

    def figures(note: Path) -> list[bytes]:
        with zipfile.ZipFile(note) as archive:
            names = sorted(n for n in archive.namelist() if n.startswith("word/media/") and n.endswith(".png"))
            return sorted(archive.read(n) for n in names)

    files = complete_run[1] / "latest" / "files" / "03_scenario_report--plan_as_written"
    in_batch = figures(files / "plan_as_written.docx")
    page = sorted((files / f"{stem}.png").read_bytes()
                  for stem in ("dau-tu-khcn-grdp", "can-bo-nghien-cuu", "muc-dap-ung-kinh-phi"))
    assert in_batch == page
    drawn = write_brief([pipeline.run("plan_as_written")], tmp_path / "brief.docx")[0]
    assert figures(drawn) == in_batch


def test_scenario_report_html_has_the_headline_table_and_no_code(complete_run):
    _, reports = complete_run
    page = (reports / "latest" / "03_scenario_report--plan_as_written.html").read_text(encoding="utf-8")
    parser = _Tables()
    parser.feed(page)
    for cell in ("2015", "2020", "2030", "Dân số trung bình"):
        assert cell in parser.cells, cell
    for words in ("Cách đọc kết luận và mức bằng chứng", "Đạt với mọi giá trị hợp lý", "Giả định phản thực"):
        assert words in page, words  # the reading guide: three verdicts and every grade
    assert "validate_namespace" not in page  # the code cells are hidden
    assert "output_dir" not in page  # and so is the note on parameters, tagged hide-in-report
    assert "<script" not in page  # nothing on a page runs, nothing is fetched


def test_report_pages_are_lean_and_readable_by_others(complete_run):
    """Charts are files beside the page, linked once (not a second, base64 copy in the page);
    pages keep the permissions the umask gives, so a web server may serve reports/."""
    _, reports = complete_run
    latest = reports / "latest"
    umask = os.umask(0)
    os.umask(umask)
    charts = {"01_plan_audit.html": 1, "02_baseline_data.html": 10, "03_scenario_report--plan_as_written.html": 4,
              "04_scenario_comparison.html": 3, "05_uncertainty--plan_as_written.html": 3}
    for name, count in charts.items():
        page = (latest / name).read_text(encoding="utf-8")
        linked = re.findall(r'<img[^>]*\ssrc="(files/[^"]+\.png)"', page)
        assert len(set(linked)) == count and all((latest / rel).is_file() for rel in linked), (name, linked)
        for tag in re.findall(r"<img[^>]*>", page):  # shown at its own width, named by its title
            alt = re.search(r'alt="([^"]*)"', tag)[1]
            assert re.search(r'\swidth="\d+"', tag) and alt and re.search(r"/([^/]+)\.png", tag)[1] != alt, tag
        assert "data:image/png" not in page and len(page) < 100_000, (name, len(page))
        assert (latest / name).stat().st_mode & 0o777 == 0o666 & ~umask


HOSTILE_PAGES = ("03_scenario_report--hostile.html", "04_scenario_comparison.html",
                 "05_uncertainty--hostile.html", "index.html")


@pytest.mark.parametrize("name", HOSTILE_PAGES)
def test_script_in_a_scenarios_title_and_description_is_shown_never_run(complete_run, name):
    """Stored script injection (issue 15.1): the payloads reach every page as text only."""
    _, reports = complete_run
    page = (reports / "latest" / name).read_text(encoding="utf-8")
    assert live_markup(page) == []
    assert "<script" not in page
    text = visible_text(page)
    assert HOSTILE_TITLE in text  # the reader sees exactly what was typed
    if name != "index.html":
        assert HOSTILE_DESCRIPTION in text


def test_report_pages_name_choices_and_sources_in_words_not_ids(complete_run):
    _, reports = complete_run
    text = visible_text((reports / "latest" / "03_scenario_report--plan_as_written.html").read_text(encoding="utf-8"))
    for raw in (r"\btriangular\b", r"\buniform\b", r"\bhold\b", r"\bplan_as_written\b", r"\bscenario:",
                r"\bassumption:", r"\bplan:", r"\b[a-z]+\.[a-z0-9_]+\.\d{4}\.[a-z]\b", r"\bitem \d", r"\bNaN\b",
                r"\bNone\b"):
        assert not re.search(raw, text), (raw, re.search(raw, text))
    assert "phân phối tam giác" in text and "Giữ mức bình quân năm của giai đoạn cuối" in text
    index = visible_text((reports / "latest" / "index.html").read_text(encoding="utf-8"))
    assert "Hoàn tất" in index and "đạt" not in index.lower()


#: A 1,280 px window, and an A4 portrait page printed with 14 mm margins (182 mm ≈ 688 CSS px).
WIDTHS = (("screen", 1280), ("print", 688))
_OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth, wide = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.width > 0 && (box.right > width + 1 || box.left < -1))
      wide.push(`${el.tagName}.${String(el.className).slice(0, 40)} ${Math.round(box.left)}–${Math.round(box.right)}`);
  }
  return wide;
}"""


def test_every_page_fits_a_1280_px_window_and_an_a4_page(complete_run, chromium):
    """Wide tables wrap instead of running off the page (the sources table was 1,621 px wide)."""
    from playwright.sync_api import sync_playwright

    _, reports = complete_run
    pages = sorted((reports / "latest").glob("*.html"))
    assert len(pages) == 8
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    flags = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync"]
    too_wide = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, headless=True, args=flags)
        try:
            for media, width in WIDTHS:
                tab = browser.new_page(viewport={"width": width, "height": 1000})
                tab.emulate_media(media=media)
                for path in pages:
                    tab.goto(path.resolve().as_uri())
                    wide = tab.evaluate(_OVERFLOW_JS)
                    if wide:
                        too_wide[f"{path.name} ({media}, {width} px)"] = wide[:5]
                    tab.screenshot(path=str(ARTIFACTS / f"{path.stem}-{width}.png"), full_page=True)
                tab.close()
        finally:
            browser.close()
    assert not too_wide, too_wide


def test_scenario_report_html_opens_in_a_browser(complete_run, chromium, tmp_path):
    _, reports = complete_run
    page = (reports / "latest" / "03_scenario_report--plan_as_written.html").resolve()
    result = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "khcn-headline" in result.stdout and "Dân số trung bình" in result.stdout


def test_khcn_report_with_an_invalid_scenario_fails_and_keeps_latest(complete_run, project, capsys):
    _, reports = complete_run
    before = os.readlink(reports / "latest")
    text = (project / "scenarios" / "plan_as_written.yaml").read_text(encoding="utf-8")
    broken = project / "broken.yaml"
    broken.write_text(
        text.replace("name: plan_as_written", "name: broken").replace("grdp_growth_pct: 12.0", "grdp_growht_pct: 12.0"),
        encoding="utf-8",
    )
    code = main(["report", "--scenario", str(broken), "--out", str(reports)])
    err = capsys.readouterr().err
    assert code == 1
    assert "grdp_growht_pct" in err and "FAILED" in err
    assert "03_scenario_report--broken" in err and "05_uncertainty--broken" in err
    assert os.readlink(reports / "latest") == before
    failed = [p for p in reports.iterdir() if p.name.startswith("failed-")]
    assert len(failed) == 1
    manifest = json.loads((failed[0] / "manifest.json").read_text(encoding="utf-8"))
    status = {n["id"]: n["status"] for n in manifest["notebooks"]}
    assert status == {"01_plan_audit": "ok", "02_baseline_data": "ok",
                      "03_scenario_report--broken": "failed", "05_uncertainty--broken": "failed"}


def test_khcn_report_if_changed_skips(complete_run, capsys):
    _, reports = complete_run
    args = ["report", "--scenario", "plan_as_written", "--scenario", "hostile", "--out", str(reports),
            "--if-changed"]
    # In a shared checkout the library's code may change between runs (it is an input):
    # the first call brings the report up to date if so, the second must skip.
    assert main(args) == 0
    capsys.readouterr()
    entries = sorted(p.name for p in reports.iterdir())
    assert main(args) == 0
    assert "skipped" in capsys.readouterr().err
    assert sorted(p.name for p in reports.iterdir()) == entries
