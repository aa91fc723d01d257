"""Vietnamese means Vietnamese, English means English, in every output (issue 14.1).

For every shipped scenario and both languages this module renders the CLI tables
(``khcn targets``, ``project``, ``uncertainty``), the Excel workbook (every string cell
of every sheet), the standard chart set (the ``<text>`` of each SVG), the briefing note
and the half-year progress report (paragraphs, tables, headers and footers of the
.docx), and checks them with :func:`language_leaks.leaks`: no English working words in
Vietnamese, no Vietnamese words in English (names of places, publications and documents
excepted), no raw source or variable ids, no ``NaN``/``None``/``True``/``False``, no
temporary paths. The report pages are checked in ``test_language_pages.py`` (one batch).

The brief and the progress report of the plan as written are also turned into PDF by
LibreOffice and their pages into PNG at about 100 dpi in ``tests/artifacts/language/``
(git-ignored) for a person to look at, in both languages.
"""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest
from language_leaks import DOCUMENT_NUMBERS, VIETNAMESE_PROPER_NAMES, leaks

from khcn_analysis.cli import main
from khcn_analysis.core.catalogue.sources import SOURCE_NAMES

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts" / "language"
SCENARIOS = tuple(sorted(p.stem for p in (ROOT / "scenarios").glob("*.yaml")))
LANGS = ("vi", "en")
PERIOD = "2026-H1"
#: Publishers' names are proper names: an English text names "Báo Thanh tra" as it is.
PUBLISHERS_EN = tuple(en for _, en in SOURCE_NAMES.values())
#: An English text may quote the plan's own Vietnamese sentence, in quotation marks, before its gloss.
VERBATIM_QUOTE = re.compile(r"“[^”]*”")

#: Excel columns whose cells are references, not prose: a formula's cell name, a source id that
#: the sources sheet lists, a file or URL, and a quote kept verbatim in the source's language.
EXCEL_REFERENCE_HEADERS = {
    "vi": ("Tên ô (dùng trong công thức)", "Mã nguồn", "Mã nguồn (xem trang Nguồn)", "Đường dẫn (URL) hoặc tệp",
           "Trích dẫn nguyên văn / lý do"),
    "en": ("Cell name (used in formulas)", "Source id", "Source ids (see the Sources sheet)", "URL or file",
           "Verbatim quote / reason"),
}


def allowed(scenario: str, lang: str) -> list[str]:
    """What is legitimate in a text about ``scenario``: its id where a file name is the point
    (the CLI's header says which ``--scenario`` was run), and in English the proper names."""
    names = [f"({scenario})"]
    if lang == "en":
        names += [*PUBLISHERS_EN, *VIETNAMESE_PROPER_NAMES]
    return names


def check(texts: dict[str, str], lang: str, scenario: str) -> dict[str, list[str]]:
    found = {}
    for where, text in texts.items():
        text = DOCUMENT_NUMBERS.sub(" ", text)
        if lang == "en":
            text = VERBATIM_QUOTE.sub(" ", text)
        extra = [scenario] if where.startswith("xlsx") else []  # the workbook's "Scenario id" cell
        problems = leaks(text, lang, allow=[*allowed(scenario, lang), *extra])
        if problems:
            found[where] = sorted(set(problems))[:12]
    return found


# ---- the detector itself ----------------------------------------------------------------------


@pytest.mark.parametrize(("planted", "lang", "rule"), [
    ("Mức đáp ứng kinh phí: not met (2030)", "vi", "English word"),
    ("Theo kịch bản, projected 2030", "vi", "English word"),
    ("Nguồn: Source: MoF portal", "vi", "English word"),
    ("Giá trị nan năm 2020", "vi", "raw value"),
    ("Giá trị NaN năm 2020", "vi", "raw value"),
    ("Tính từ số liệu: True", "vi", "raw value"),
    ("Ô trống: None", "en", "raw value"),
    ("Nguồn: laichau.population.2015.a", "vi", "raw id"),
    ("Chi KH&CN (st_budget) tăng", "vi", "raw id"),
    ("Nguồn: gso_yearbook", "vi", "raw id"),
    ("Đã ghi /tmp/pytest-of-x/out.docx", "vi", "temporary path"),
    ("Wrote tmpab12cd_x", "en", "temporary path"),
    ("The target is chưa đạt in 2030", "en", "Vietnamese word"),
])
def test_the_detector_finds_a_planted_leak(planted, lang, rule):
    found = leaks(planted, lang)
    assert any(f.startswith(rule) for f in found), (planted, found)


def test_the_detector_passes_clean_text_and_the_named_exceptions():
    assert leaks("Tổng đầu tư xã hội cho KH&CN so với GRDP năm 2030: 0,05% (chưa đạt; mục tiêu > 2%).", "vi") == []
    assert leaks("Total social investment in S&T as a share of GRDP in 2030: 0.05% (not met).", "en") == []
    # a file name where the file is the point, a web address, a proper name in English
    assert leaks("Lý do ghi trong tệp data/raw/assumptions.yaml; xem https://ckns.mof.gov.vn/report", "vi") == []
    assert leaks("Lai Châu, Decision 182", "en", allow=VIETNAMESE_PROPER_NAMES) == []


# ---- the outputs ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def project(new_project, khcn_root):
    """A private copy of the built project, so reports/progress of the checkout stay untouched."""
    with khcn_root(new_project("language")) as root:
        yield root


def run_cli(*args: str) -> str:
    """``khcn ARGS`` in this process (imports paid once), its stdout and stderr as one text."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    assert code == 0, (args, err.getvalue()[-2000:])
    return out.getvalue() + err.getvalue()


def docx_text(path: Path) -> str:
    """Every paragraph, table cell, header and footer of a Word file (captions are paragraphs)."""
    import docx

    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            parts += [p.text for p in part.paragraphs]
    return "\n".join(parts)


def excel_texts(path: Path, lang: str) -> dict[str, str]:
    """Every string cell of every sheet, but the reference columns (by their header)."""
    import openpyxl

    book = openpyxl.load_workbook(path)
    names = set(book.defined_names)
    texts = {}
    for sheet in book.worksheets:
        skip: set[int] = set()
        cells = []
        for row in sheet.iter_rows():
            for cell in row:
                value = cell.value
                if not isinstance(value, str) or value.startswith("="):
                    continue
                if value in EXCEL_REFERENCE_HEADERS[lang]:
                    skip.add(cell.column)
                    continue
                if cell.column in skip or value in names:
                    continue
                cells.append(re.sub(r"=[a-z_0-9]+", " ", value))  # "ô chứa công thức =grdp_growth_pct"
        texts[f"xlsx {sheet.title}"] = "\n".join(cells)
    return texts


def svg_texts(folder: Path) -> dict[str, str]:
    texts = {}
    for svg in sorted(folder.glob("*.svg")):
        tree = ElementTree.parse(svg)
        texts[f"chart {svg.stem}"] = "\n".join("".join(e.itertext()) for e in tree.iter() if e.tag.endswith("}text"))
    return texts


@pytest.fixture(scope="module")
def outputs(project, tmp_path_factory) -> dict[tuple[str, str], dict[str, str]]:
    """(scenario, lang) → {where: text} for every output but the report pages; made once."""
    from khcn_analysis import pipeline
    from khcn_analysis.model.scenarios import load_scenario
    from khcn_analysis.present.charts import save_figure, standard_charts

    out = tmp_path_factory.mktemp("language-outputs")
    inputs = pipeline.load_inputs()
    result: dict[tuple[str, str], dict[str, str]] = {}
    for scenario in SCENARIOS:
        first = pipeline.run(load_scenario(scenario), inputs=inputs, uncertainty=True, draws=200, tornado=True)
        others = pipeline.run_many([load_scenario(s) for s in SCENARIOS if s != scenario], inputs=inputs,
                                   national=False)
        for lang in LANGS:
            texts: dict[str, str] = {}
            for command in (("targets",), ("project",), ("uncertainty", "--draws", "200")):
                texts[f"khcn {command[0]}"] = run_cli(*command, "--scenario", scenario, "--lang", lang)
            book = out / f"{scenario}-{lang}.xlsx"
            run_cli("export-xlsx", "--scenario", scenario, "--lang", lang, "--out", str(book))
            texts.update(excel_texts(book, lang))
            charts = out / f"charts-{scenario}-{lang}"
            for stem, fig in standard_charts([first, *others], lang=lang).items():
                save_figure(fig, charts / stem, formats=("svg",))
            texts.update(svg_texts(charts))
            brief = out / f"brief-{scenario}-{lang}.docx"
            run_cli("brief", "--scenario", scenario, "--lang", lang, "--out", str(brief))
            texts["brief"] = docx_text(brief)
            progress = out / f"progress-{scenario}-{lang}.docx"
            run_cli("progress", "--period", PERIOD, "--scenario", scenario, "--lang", lang, "--replace",
                    "--out", str(progress))
            texts["progress report"] = docx_text(progress)
            result[scenario, lang] = texts
    import matplotlib.pyplot as plt

    plt.close("all")
    return result


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("scenario", SCENARIOS)
def test_every_output_speaks_one_language(outputs, scenario, lang):
    texts = outputs[scenario, lang]
    assert {"khcn targets", "khcn project", "khcn uncertainty", "brief", "progress report"} <= set(texts)
    assert sum(k.startswith("chart ") for k in texts) >= 6 and sum(k.startswith("xlsx ") for k in texts) >= 4
    assert all(texts.values()), [k for k, v in texts.items() if not v]
    assert check(texts, lang, scenario) == {}


def test_a_leak_put_back_into_an_output_fails(outputs):
    """The check on real outputs catches a planted English word, id, NaN and temporary path."""
    texts = dict(outputs["plan_as_written", "vi"])
    texts["brief"] += "\nMục tiêu 2030: not met"
    texts["xlsx Tổng hợp"] += "\nnan"
    texts["chart 02-dau-tu-khcn-grdp"] += "\nNguồn: laichau.population.2015.a"
    texts["khcn targets"] += "\nĐã ghi /tmp/abc/x.xlsx"
    found = check(texts, "vi", "plan_as_written")
    assert set(found) == {"brief", "xlsx Tổng hợp", "chart 02-dau-tu-khcn-grdp", "khcn targets"}


# ---- the Word files as pages: PDF through LibreOffice, PNG through poppler ------------------------


@pytest.fixture(scope="module")
def pdf_pages(project, soffice_writer, pdftoppm, tmp_path_factory) -> dict[str, list[Path]]:
    """The plan as written's brief and progress report, vi and en, as PDF pages rendered at 100 dpi."""
    from khcn_analysis.present.brief import to_pdf

    out = tmp_path_factory.mktemp("language-pdf")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pages: dict[str, list[Path]] = {}
    for lang in LANGS:
        for kind, args in (("brief", ("brief", "--scenario", "plan_as_written")),
                           ("progress", ("progress", "--period", PERIOD, "--replace", "--scenario",
                                         "plan_as_written"))):
            docx = out / f"{kind}-{lang}.docx"
            run_cli(*args, "--lang", lang, "--out", str(docx))
            pdf = to_pdf(docx, docx.with_suffix(".pdf"), lang=lang, soffice=soffice_writer)
            for old in ARTIFACTS.glob(f"{kind}-{lang}-*.png"):
                old.unlink()
            subprocess.run([pdftoppm, "-r", "100", "-png", str(pdf), str(ARTIFACTS / f"{kind}-{lang}")],
                           check=True, timeout=180)
            pages[f"{kind}-{lang}"] = sorted(ARTIFACTS.glob(f"{kind}-{lang}-*.png"))
    return pages


def test_the_word_files_become_a4_pages_to_look_at(pdf_pages):
    """2–4 pages of brief, a few of progress report, each an A4 portrait PNG (≈ 827 × 1169 px at 100 dpi)."""
    from PIL import Image

    for name, pages in pdf_pages.items():
        assert pages, name
        if name.startswith("brief"):
            assert 2 <= len(pages) <= 4, (name, len(pages))
        for png in pages:
            with Image.open(png) as image:
                width, height = image.size
            assert abs(width - 827) <= 3 and abs(height - 1169) <= 3, (png.name, image.size)
