"""An implausible projection is never shown without its warning, in every output.

The judge flags projections no province could follow (``judge/plausibility.py``);
the CLI and the explorer print the warning (tests/test_cli_shell.py,
tests/test_explore.py). Here: the Excel summary, the Word brief and the report
pages 03 and 05, for a scenario whose researchers double every year.
"""

from __future__ import annotations

from pathlib import Path

import docx
import nbformat
import openpyxl
import papermill as pm
import pytest

from khcn_analysis import pipeline
from khcn_analysis.model.scenarios import load_scenario
from khcn_analysis.present import narrative as nr
from khcn_analysis.present.brief import write_brief
from khcn_analysis.present.excel import write_workbook

ROOT = Path(__file__).resolve().parents[1]


def _wild(folder: Path) -> Path:
    text = (ROOT / "scenarios" / "plan_as_written.yaml").read_text(encoding="utf-8")
    old = "researcher_growth_mode: percent\nresearcher_growth_value: 2.17"
    assert old in text
    text = text.replace("name: plan_as_written", "name: wild").replace(
        old, "researcher_growth_mode: percent\nresearcher_growth_value: 100")
    path = folder / "wild.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def project(new_project, khcn_root):
    with khcn_root(new_project("warnings")) as root:
        yield root


@pytest.fixture(scope="module")
def wild(project, tmp_path_factory):
    path = _wild(tmp_path_factory.mktemp("wild"))
    return path, pipeline.run(load_scenario(path))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_run_has_reader_lines_for_its_warnings(wild, lang):
    _, results = wild
    lines = nr.warning_lines(results, lang)
    assert lines and all(line.startswith("Cảnh báo: " if lang == "vi" else "Warning: ") for line in lines)
    assert nr.warning_lines(pipeline.run("plan_as_written"), lang) == []  # a plausible run is quiet


def test_the_excel_summary_states_the_warning(wild, tmp_path):
    _, results = wild
    write_workbook(results, tmp_path / "wild.xlsx", lang="vi")
    summary = openpyxl.load_workbook(tmp_path / "wild.xlsx").worksheets[0]
    cells = [str(c.value) for row in summary.iter_rows() for c in row if c.value is not None]
    assert [c for c in cells if c in nr.warning_lines(results, "vi")] == nr.warning_lines(results, "vi")


def test_the_brief_states_the_warning(wild, tmp_path):
    _, results = wild
    write_brief([results], tmp_path / "wild.docx", lang="vi")
    paragraphs = [p.text for p in docx.Document(str(tmp_path / "wild.docx")).paragraphs]
    for line in nr.warning_lines(results, "vi"):
        assert line in paragraphs


@pytest.mark.slow
@pytest.mark.parametrize("stem", ["03_scenario_report", "05_uncertainty"])
def test_the_report_pages_state_the_warning(project, wild, stem, tmp_path):
    path, results = wild
    params = {"scenario": str(path), "lang": "vi"} | ({"draws": 200} if stem.startswith("05") else {})
    out = tmp_path / f"{stem}.ipynb"
    pm.execute_notebook(str(project / "notebooks" / f"{stem}.ipynb"), str(out), parameters=params,
                        kernel_name="python3", progress_bar=False, cwd=str(tmp_path))
    shown = "\n".join(o.get("data", {}).get("text/markdown", "") for c in nbformat.read(out, 4).cells
                      for o in c.get("outputs", []))
    for line in nr.warning_lines(results, "vi"):
        assert line in shown
