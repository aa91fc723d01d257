"""The scenario workbook, reopened with openpyxl: formulas where the identities are,
cached values equal to the library's, user text that stays text, sources, print setup."""

from __future__ import annotations

import math
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from khcn_analysis.judge.attainment import attainment
from khcn_analysis.model.projection import project
from khcn_analysis.model.scenarios import validate_parameters
from khcn_analysis.present.excel import SHEET_NAMES, export_xlsx, write_workbook

DERIVED = ("st_investment_share_grdp", "st_budget_share_expenditure", "researcher_density",
           "funding_required", "funding_sufficiency")


@pytest.fixture(scope="module")
def processed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from khcn_analysis.data.build import build_processed

    out = tmp_path_factory.mktemp("processed")
    build_processed(processed_dir=out)
    return out


@pytest.fixture(scope="module")
def observations(processed: Path):
    from khcn_analysis.data.baseline import load_observations

    return load_observations(processed)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, processed: Path, observations, plan):
    projection = project("plan_as_written", observations=observations, plan=plan)
    out = tmp_path_factory.mktemp("xlsx") / "plan.xlsx"
    layout = write_workbook(projection, out, processed_dir=processed)
    return projection, layout


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def test_sheets_in_order_with_vietnamese_names(built) -> None:
    _, layout = built
    wb = openpyxl.load_workbook(layout.path)
    assert wb.sheetnames == [names["vi"] for names in SHEET_NAMES.values()]
    assert layout.path.stat().st_size > 10_000


def test_derived_cells_are_formulas_over_the_inputs(built) -> None:
    projection, layout = built
    ws = openpyxl.load_workbook(layout.path)[layout.sheets["projection"]]
    col = layout.projection_columns
    for year in range(2010, 2031):
        r = layout.year_rows[year] + 1  # 1-based Excel row
        cell = ws[f"{col['st_investment_share_grdp']}{r}"]
        assert cell.data_type == "f"
        assert cell.value == f"={col['st_investment']}{r}/{col['grdp']}{r}*100"
        assert ws[f"{col['researcher_density']}{r}"].value == (
            f"={col['researchers']}{r}/({col['population']}{r}*1000)*10000")
        assert ws[f"{col['st_budget_share_expenditure']}{r}"].value == (
            f"={col['st_budget']}{r}/{col['budget_expenditure']}{r}*100")
        if not math.isnan(projection.value("funding_required", year)):
            assert ws[f"{col['funding_required']}{r}"].value == (
                f"={col['path_st_investment_share_grdp']}{r}*{col['grdp']}{r}/100")
            assert ws[f"{col['funding_sufficiency']}{r}"].value == (
                f"={col['st_investment']}{r}/{col['funding_required']}{r}")


def test_projected_base_series_follow_the_assumption_cells(built) -> None:
    projection, layout = built
    ws = openpyxl.load_workbook(layout.path)[layout.sheets["projection"]]
    table = projection.table
    projected = table[(table["status"] == "projected")]
    col = layout.projection_columns
    grdp_years = projected[projected["variable"] == "grdp"]["year"].tolist()
    assert grdp_years, "the scenario projects GRDP"
    for year in grdp_years:
        formula = ws[f"{col['grdp']}{layout.year_rows[year] + 1}"].value
        assert formula.startswith("=") and "grdp_growth_pct" in formula
    for year in projected[projected["variable"] == "st_investment"]["year"]:
        r = layout.year_rows[year] + 1
        assert ws[f"{col['st_investment']}{r}"].value == f"={col['st_budget']}{r}*(1/(1-nonstate_value/100))"
    # Observed values are plain numbers, not formulas.
    observed = table[(table["variable"] == "population") & (table["status"] == "observed")]
    for year in observed["year"]:
        assert ws[f"{col['population']}{layout.year_rows[year] + 1}"].data_type == "n"


def test_cached_values_equal_the_library(built) -> None:
    projection, layout = built
    ws = openpyxl.load_workbook(layout.path, data_only=True)[layout.sheets["projection"]]
    table = projection.table
    checked = 0
    for rec in table.itertuples(index=False):
        got = ws[layout.projection_cells[(rec.variable, int(rec.year))]].value
        assert got is not None and _close(got, rec.value), (rec.variable, rec.year, got, rec.value)
        checked += 1
    assert checked == len(table)
    assert len(layout.formula_cells) > 100


def test_summary_targets_met_as_formulas(built) -> None:
    projection, layout = built
    wb = openpyxl.load_workbook(layout.path)
    cached = openpyxl.load_workbook(layout.path, data_only=True)[layout.sheets["summary"]]
    ws = wb[layout.sheets["summary"]]
    att = attainment(projection, national=False)
    att = att[att["year"].isin([2015, 2020, 2030])]
    assert len(layout.summary_rows) == len(att)
    assert {r["year"] for r in layout.summary_rows} == {2015, 2020, 2030}
    computable = [r for r in layout.summary_rows if "met_cell" in r]
    assert {r["target_id"] for r in computable} >= {
        "st_investment_2015", "st_investment_2020_onward", "researchers_2020", "researchers_2030",
        "st_budget_share_every_year"}
    for r in computable:
        lib = att[(att["target_id"] == r["target_id"]) & (att["year"] == r["year"])].iloc[0]
        assert ws[r["met_cell"]].data_type == "f" and ws[r["met_cell"]].value.startswith("=IF(")
        assert ws[r["value_cell"]].value.startswith(f"='{layout.sheets['projection']}'!")
        assert cached[r["met_cell"]].value == ("Đạt" if lib["status"] == "met" else "Chưa đạt")
        assert _close(cached[r["value_cell"]].value, lib["value"])
        if "gap_cell" in r:
            assert _close(cached[r["gap_cell"]].value, lib["gap"])


def test_assumptions_are_editable_named_cells_with_reason_and_source(built) -> None:
    projection, layout = built
    wb = openpyxl.load_workbook(layout.path)
    ws = wb[layout.sheets["assumptions"]]
    sc = projection.scenario
    for key in ("grdp_growth_pct", "population_growth_pct", "budget_expenditure_growth_pct",
                "nonstate_value", "researcher_growth_value"):
        ref = layout.parameter_cells[key]
        assert _close(ws[ref].value, getattr(sc, key))
        assert ws[ref].protection.locked is False
        row = ws[ref].row
        assert ws.cell(row, 4).value, f"{key} has a unit"
        assert ws.cell(row, 5).value, f"{key} has a reason"
        assert ws.cell(row, 6).value == f"scenario:{sc.name}"
        defined = wb.defined_names[key]
        assert defined.attr_text == f"'{layout.sheets['assumptions']}'!${ref[0]}${ref[1:]}"
    # The scenario file's comment is the reason shown for the GRDP growth.
    reason = ws.cell(ws[layout.parameter_cells["grdp_growth_pct"]].row, 5).value
    assert "9 %" in reason and "nominal" in reason
    # Assumed base values (researchers 2011) sit here and the Projection sheet reads them.
    ref = layout.base_value_cells[("researchers", 2011)]
    assert ws.cell(ws[ref].row, 5).value.startswith("No researcher count")
    proj = wb[layout.sheets["projection"]]
    assert proj[layout.projection_cells[("researchers", 2011)]].value == (
        f"='{layout.sheets['assumptions']}'!${ref[0]}${ref[1:]}")


def test_sources_sheet_lists_every_source_used(built, processed: Path) -> None:
    from khcn_analysis.data.baseline import load_source_details

    projection, layout = built
    ws = openpyxl.load_workbook(layout.path)[layout.sheets["sources"]]
    rows = {r[0]: r for r in ws.iter_rows(min_row=5, values_only=True) if r[0]}
    used = {s for text in projection.table["source"] for s in str(text).split(";") if s}
    assert used <= set(rows)
    details = load_source_details(processed).set_index("id")
    for sid in used:
        kind, publisher, url, quote = rows[sid][1:5]
        if sid.startswith(("assumption:", "scenario:")):
            assert kind == "giả định", sid
        elif sid.startswith("plan:"):
            assert quote, sid
        else:
            assert publisher == details.at[sid, "name"] and url == details.at[sid, "url"]
            assert quote == details.at[sid, "quote"]


def test_user_text_can_never_run_as_a_formula(tmp_path: Path, processed: Path, observations, plan) -> None:
    texts = ['=HYPERLINK("http://example.invalid/x","bấm vào đây")', "=1+1"]
    for k, text in enumerate(texts):
        scenario = validate_parameters({"scenario": "plan_as_written", "description_vi": text})
        layout = write_workbook(project(scenario, observations=observations, plan=plan), tmp_path / f"inj{k}.xlsx",
                                processed_dir=processed)
        wb = openpyxl.load_workbook(layout.path)
        found = 0
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if cell.value == text:
                        assert cell.data_type == "s", (ws.title, cell.coordinate)
                        found += 1
                    if cell.data_type == "f":
                        assert "HYPERLINK" not in str(cell.value) and str(cell.value) != "=1+1"
        assert found >= 3, "description shown on Summary, Projection and Assumptions"
        cached = openpyxl.load_workbook(layout.path, data_only=True)
        assert cached[layout.sheets["summary"]]["A2"].value == text


def test_number_formats_print_setup_and_frozen_headers(built) -> None:
    _, layout = built
    wb = openpyxl.load_workbook(layout.path)
    proj = wb[layout.sheets["projection"]]
    col = layout.projection_columns
    r = layout.year_rows[2020] + 1
    assert proj[f"{col['grdp']}{r}"].number_format == "#,##0"
    assert proj[f"{col['st_investment_share_grdp']}{r}"].number_format == "#,##0.00"
    assert proj[f"{col['population']}{r}"].number_format == "#,##0.0"
    header = proj[f"{col['grdp']}4"].value
    assert "tỷ đồng" in header and "GRDP" in header
    for role in ("summary", "projection", "assumptions", "sources"):
        ws = wb[layout.sheets[role]]
        assert ws.page_setup.orientation == "landscape"
        assert int(ws.page_setup.paperSize) == 9
        # fit to one page wide (1 is the OOXML default, so it may be omitted), any number tall
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.page_setup.fitToWidth in (None, 1) and int(ws.page_setup.fitToHeight) == 0
        assert ws.print_title_rows == "$1:$4"
        assert ws.freeze_panes in ("A5", "B5")
        widths = [d.width for d in ws.column_dimensions.values() if d.width]
        assert widths and min(widths) >= 3
    assert proj.freeze_panes == "B5" and proj.print_title_cols == "$A:$A"


def test_native_charts_read_the_projection_sheet(built) -> None:
    _, layout = built
    with zipfile.ZipFile(layout.path) as z:
        charts = sorted(n for n in z.namelist() if re.match(r"xl/charts/chart\d+\.xml", n))
        assert len(charts) == 2
        xml = [z.read(n).decode("utf-8") for n in charts]
    col = layout.projection_columns
    proj = layout.sheets["projection"]
    assert f"'{proj}'!${col['st_investment_share_grdp']}$5:${col['st_investment_share_grdp']}$25" in xml[0]
    assert f"'{proj}'!${col['researcher_density']}$5:${col['researcher_density']}$25" in xml[1]
    assert "Biểu đồ" in xml[0], "target markers come from the Charts sheet"


def test_english_workbook(tmp_path: Path, processed: Path) -> None:
    layout = export_xlsx("gdp_linked", tmp_path / "en.xlsx", lang="en", processed_dir=processed)
    wb = openpyxl.load_workbook(layout.path)
    assert wb.sheetnames == ["Summary", "Projection", "Assumptions", "Sources", "Charts"]
    cached = openpyxl.load_workbook(layout.path, data_only=True)["Summary"]
    assert {cached[r["met_cell"]].value for r in layout.summary_rows if "met_cell" in r} <= {"Met", "Not met"}
    # Readers see the scenario's title; the id stays where a machine or a file name needs it.
    assert cached["A1"].value == "Lai Châu S&T plan: scenario S&T spending keeps its GRDP share"
    assert wb.properties.title == cached["A1"].value


def test_cli_export_xlsx(tmp_path: Path, processed: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    from khcn_analysis.cli import main

    monkeypatch.setattr("khcn_analysis.core.paths.processed_dir", lambda: processed)
    out = tmp_path / "cli.xlsx"
    assert main(["export-xlsx", "--scenario", "austerity", "--out", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    assert openpyxl.load_workbook(out).sheetnames[0] == "Tổng hợp"
    assert main(["export-xlsx", "--scenario", "austerity", "--out", str(tmp_path / "x.csv")]) == 2
    assert "--out" in capsys.readouterr().err
    assert main(["export-xlsx", "--scenario", "no_such_scenario", "--out", str(out)]) == 2
    assert "no_such_scenario" in capsys.readouterr().err
