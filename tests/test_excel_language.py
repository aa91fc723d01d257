"""Vietnamese means Vietnamese: every cell of the vi workbook a reader sees is in Vietnamese.

Exempt are the places where the text is the point and not ours to translate: the
source-id columns, URLs and file names, Excel cell names used in formulas, the
scenario's id, and the verbatim quotes of sourced figures (in the source's language).
The same holds the other way for the English workbook.
"""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from khcn_analysis import pipeline
from khcn_analysis.model.scenarios import scenario_names
from khcn_analysis.present.excel import write_workbook

#: Words of our own English prose that must not reach a Vietnamese reader.
ENGLISH_WORDS = (
    "the", "and", "of", "with", "for", "not", "no", "is", "from", "per", "year", "years", "item", "closing",
    "hand-tracked", "tracked", "series", "workbook", "assumption", "assumed", "observation", "observed",
    "scenario", "recorded", "projected", "projection", "target", "targets", "met", "source", "sources",
    "growth", "nominal", "real", "trend", "ratio", "official", "mirror", "press", "secondary", "aggregator",
    "quality", "hold", "persons", "bn", "VND", "department", "plan", "budget", "spending", "investment",
)
#: Words of the Vietnamese workbook that must not reach an English reader.
VIETNAMESE_WORDS = (
    "Đạt", "Chưa đạt", "Giả định", "Dự báo", "Nguồn", "Mục tiêu", "tỷ đồng", "người", "năm", "kịch bản",
    "Số liệu", "vừa đủ", "nhu cầu", "Trạng thái", "Chỉ tiêu", "Lý do", "Tổng hợp", "Biểu đồ",
)
NOT_A_VALUE = re.compile(r"\b(NaN|nan|None|True|False|inf)\b")
TEMP_PATH = re.compile(r"(/tmp/|/var/folders/|\\Temp\\|pytest-of-|\.tmp)")


def _english(text: str) -> list[str]:
    return [w for w in ENGLISH_WORDS if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text, re.I)]


def _exempt(role: str, ws, cell, lang: str, scenario_id: str) -> bool:
    """Cells whose text is an id, a URL or file name, a formula name or a verbatim quote."""
    col = cell.column
    if role == "sources":
        sourced = ws.cell(cell.row, 2).value in ("Số liệu có nguồn", "Sourced figure")
        return col in (1, 4) or (col == 5 and sourced)
    if role == "assumptions":
        return col in (1, 6) or cell.value == scenario_id
    return False


def _cells(path: Path, layout, lang: str, scenario_id: str):
    wb = openpyxl.load_workbook(path, data_only=True)
    for role, name in layout.sheets.items():
        ws = wb[name]
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value and not _exempt(role, ws, cell, lang, scenario_id):
                    yield role, cell.coordinate, cell.value
    yield "properties", "title", wb.properties.title or ""


@pytest.fixture(scope="module")
def inputs(processed_baseline: Path) -> pipeline.Inputs:
    return pipeline.load_inputs(processed_baseline)


def _problems(results, layout, lang: str, tmp: Path) -> list[str]:
    target_ids = {tg.id for tg in results.plan.targets}
    found = []
    for role, ref, text in _cells(layout.path, layout, lang, results.scenario.name):
        if lang == "vi" and _english(text):
            found.append(f"{role}!{ref}: English {_english(text)} in {text[:80]!r}")
        if lang == "en":
            vi = [w for w in VIETNAMESE_WORDS if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text)]
            if vi:
                found.append(f"{role}!{ref}: Vietnamese {vi} in {text[:80]!r}")
        ids = [i for i in target_ids if re.search(rf"(?<![\w:]){re.escape(i)}(?![\w])", text)]
        if ids:
            found.append(f"{role}!{ref}: raw target id {ids} in {text[:80]!r}")
        if NOT_A_VALUE.search(text) or TEMP_PATH.search(text) or str(tmp) in text or "['" in text:
            found.append(f"{role}!{ref}: not a reader's text: {text[:80]!r}")
    return found


@pytest.mark.parametrize("name", scenario_names())
def test_the_vietnamese_workbook_speaks_vietnamese(name: str, inputs, tmp_path: Path) -> None:
    results = pipeline.run(name, inputs=inputs, national=False)
    layout = write_workbook(results, tmp_path / f"{name}.xlsx", lang="vi")
    problems = _problems(results, layout, "vi", tmp_path)
    assert not problems, "\n".join(problems[:30])


@pytest.mark.parametrize("name", ["plan_as_written", "latest_trend"])
def test_the_english_workbook_speaks_english(name: str, inputs, tmp_path: Path) -> None:
    results = pipeline.run(name, inputs=inputs, national=False)
    layout = write_workbook(results, tmp_path / f"{name}.xlsx", lang="en")
    problems = _problems(results, layout, "en", tmp_path)
    assert not problems, "\n".join(problems[:30])


def test_the_check_finds_english_and_raw_values(inputs, tmp_path: Path) -> None:
    """The control: the checks above are not blind (a user's English title is flagged)."""
    from khcn_analysis.model.scenarios import validate_parameters

    scenario = validate_parameters({"scenario": "plan_as_written", "title_vi": "The plan None st_investment_2015"})
    results = pipeline.run(scenario, inputs=inputs, national=False)
    layout = write_workbook(results, tmp_path / "x.xlsx", lang="vi")
    problems = "\n".join(_problems(results, layout, "vi", tmp_path))
    assert "English ['the', 'plan']" in problems
    assert "raw target id ['st_investment_2015']" in problems
    assert "not a reader's text" in problems
