"""The scenario workbook, reopened with openpyxl: formulas where the identities are,
cached values equal to the library's, the judge's verdicts, user text that stays text,
sources, guarded inputs, print setup, an atomic write."""

from __future__ import annotations

import errno
import math
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from khcn_analysis import pipeline
from khcn_analysis.core.config import MILESTONES
from khcn_analysis.core.provenance import display_name, split_sources
from khcn_analysis.model.scenarios import validate_parameters
from khcn_analysis.present.excel import default_output, sheet_names, write_workbook
from khcn_analysis.present.excel.summary import clause_label


@pytest.fixture(scope="module")
def inputs(processed_baseline: Path) -> pipeline.Inputs:
    return pipeline.load_inputs(processed_baseline)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, inputs):
    results = pipeline.run("plan_as_written", inputs=inputs, national=False)
    layout = write_workbook(results, tmp_path_factory.mktemp("xlsx") / "plan.xlsx")
    return results, layout


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _judged(results: pipeline.Results):
    att = results.attainment
    return att[(att["scope"] == "province") & att["year"].isin(MILESTONES)]


def test_sheets_in_order_with_vietnamese_names(built) -> None:
    _, layout = built
    wb = openpyxl.load_workbook(layout.path)
    assert wb.sheetnames == ["Tổng hợp", "Dự báo", "Giả định", "Nguồn", "Biểu đồ"]
    assert wb.sheetnames == list(sheet_names("vi").values())
    assert layout.path.stat().st_size > 10_000


def test_derived_cells_are_formulas_over_the_inputs(built) -> None:
    results, layout = built
    ws = openpyxl.load_workbook(layout.path)[layout.sheets["projection"]]
    col = layout.projection_columns
    for year in range(2010, 2031):
        r = layout.year_rows[year] + 1  # 1-based Excel row
        cell = ws[f"{col['st_investment_share_grdp']}{r}"]
        assert cell.data_type == "f"
        assert cell.value == f"={col['st_investment']}{r}/{col['grdp']}{r}*100"
        if not math.isnan(results.value("researchers", year)):  # nothing before the first record (2011)
            assert ws[f"{col['researcher_density']}{r}"].value == (
                f"={col['researchers']}{r}/({col['population']}{r}*1000)*10000")
        assert ws[f"{col['st_budget_share_expenditure']}{r}"].value == (
            f"={col['st_budget']}{r}/{col['budget_expenditure']}{r}*100")
        if not math.isnan(results.value("funding_required", year)):
            assert ws[f"{col['funding_required']}{r}"].value == (
                f"={col['path_st_investment_share_grdp']}{r}*{col['grdp']}{r}/100")
            assert ws[f"{col['funding_sufficiency']}{r}"].value == (
                f"={col['st_investment']}{r}/{col['funding_required']}{r}")


def test_projected_base_series_follow_the_assumption_cells(built) -> None:
    results, layout = built
    ws = openpyxl.load_workbook(layout.path)[layout.sheets["projection"]]
    table = results.table
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
    # In the S&T budget's shared past, total investment uses the assumed state share.
    backcast = table[(table["variable"] == "st_investment") & (table["status"] == "back-cast")]
    for year in backcast["year"]:
        r = layout.year_rows[year] + 1
        assert ws[f"{col['st_investment']}{r}"].value == f"={col['st_budget']}{r}*(100/st_investment_state_share)"
    # Observed values are plain numbers, not formulas.
    observed = table[(table["variable"] == "population") & (table["status"] == "observed")]
    for year in observed["year"]:
        assert ws[f"{col['population']}{layout.year_rows[year] + 1}"].data_type == "n"


def test_cached_values_equal_the_library(built) -> None:
    results, layout = built
    ws = openpyxl.load_workbook(layout.path, data_only=True)[layout.sheets["projection"]]
    checked = 0
    for rec in results.table.itertuples(index=False):
        got = ws[layout.projection_cells[(rec.variable, int(rec.year))]].value
        assert got is not None and _close(got, rec.value), (rec.variable, rec.year, got, rec.value)
        checked += 1
    assert checked == len(results.table)
    assert len(layout.formula_cells) > 100


def test_summary_shows_the_judges_rows_as_formulas(built) -> None:
    results, layout = built
    wb = openpyxl.load_workbook(layout.path)
    cached = openpyxl.load_workbook(layout.path, data_only=True)[layout.sheets["summary"]]
    ws = wb[layout.sheets["summary"]]
    att = _judged(results)
    assert len(layout.summary_rows) == len(att)
    assert {r["year"] for r in layout.summary_rows} == set(MILESTONES)
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
    # Clauses as the plan's readers cite them, never the encoding's English working labels.
    clauses = {ws.cell(r["row"] + 1, 2).value for r in layout.summary_rows}
    assert "B.II.3" in clauses and "D', đoạn cuối" in clauses
    assert not any("item" in c or "closing" in c for c in clauses)


def test_funding_sufficiency_is_a_percentage_of_the_need(built) -> None:
    results, layout = built
    wb = openpyxl.load_workbook(layout.path)
    summary, proj = wb[layout.sheets["summary"]], wb[layout.sheets["projection"]]
    rows = [r for r in layout.summary_rows if "sufficiency_cell" in r]
    assert rows, "the S&T investment rows show funding sufficiency"
    head = summary.cell(4, summary[rows[0]["sufficiency_cell"]].column).value
    assert "% nhu cầu" in head and "100% = vừa đủ" in head and "lần" not in head
    for r in rows:
        assert summary[r["sufficiency_cell"]].number_format == "0%"
    cell = proj[layout.projection_cells[("funding_sufficiency", 2020)]]
    assert cell.number_format == "0%"
    assert "100% = vừa đủ" in proj.cell(4, cell.column).value
    # The value stays the library's ratio: 100% is 1.0, shown as a percentage.
    cached = openpyxl.load_workbook(layout.path, data_only=True)[layout.sheets["projection"]]
    assert _close(cached[cell.coordinate].value, results.value("funding_sufficiency", 2020))


def test_assumptions_are_named_guarded_cells_with_reason_and_source(built) -> None:
    results, layout = built
    wb = openpyxl.load_workbook(layout.path)
    ws = wb[layout.sheets["assumptions"]]
    sc = results.scenario
    for key in ("grdp_growth_pct", "population_growth_pct", "budget_expenditure_growth_pct",
                "nonstate_value", "researcher_growth_value"):
        ref = layout.parameter_cells[key]
        assert _close(ws[ref].value, getattr(sc, key))
        assert ws[ref].protection.locked is False
        row = ws[ref].row
        assert ws.cell(row, 4).value, f"{key} has a unit"
        assert ws.cell(row, 5).value, f"{key} has a reason"
        assert split_sources(ws.cell(row, 6).value)[0] == f"scenario:{sc.name}"
        defined = wb.defined_names[key]
        assert defined.attr_text == f"'{layout.sheets['assumptions']}'!${ref[0]}${ref[1:]}"
    # The Vietnamese reason says what the value is; the sources its file comment cites are listed.
    grdp_row = ws[layout.parameter_cells["grdp_growth_pct"]].row
    assert ws.cell(grdp_row, 5).value.startswith("Giả định của kịch bản “Theo Kế hoạch 182”")
    assert "laichau.grdp_growth_real_avg.2021.d" in split_sources(ws.cell(grdp_row, 6).value)
    # An assumption's plausible range is a named cell at its central value (researchers in 2011:
    # 123 of 46–330), with its reason; the Projection sheet reads it.
    ref = layout.parameter_cells["researchers_2011"]
    assert ws[ref].value == 123 and ws[ref].protection.locked is False
    assert "46–330" in ws.cell(ws[ref].row, 5).value and "assumption-ranges.yaml" in ws.cell(ws[ref].row, 5).value
    proj = wb[layout.sheets["projection"]]
    assert proj[layout.projection_cells[("researchers", 2011)]].value == "=researchers_2011"
    # An assumed record the counterfactual replaced (the S&T budget line of 2018) still sits here:
    # the back-cast before it reads it, times the coverage of its range.
    ref = layout.base_value_cells[("st_budget", 2018)]
    assert ws[ref].protection.locked is False
    back = proj[layout.projection_cells[("st_budget", 2010)]].value
    assert f"${ref[0]}${ref[1:]}*st_budget_coverage" in back


def test_every_input_cell_is_validated_and_every_sheet_protected(built) -> None:
    from khcn_analysis.model.scenarios import Scenario

    results, layout = built
    wb = openpyxl.load_workbook(layout.path)
    ws = wb[layout.sheets["assumptions"]]
    rules = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    unlocked = {c.coordinate for row in ws.iter_rows() for c in row
                if c.protection.locked is False and c.value is not None}
    inputs = set(layout.parameter_cells.values()) | set(layout.base_value_cells.values())
    assert unlocked == inputs, "exactly the yellow cells are editable"
    assert set(rules) == inputs, "every yellow cell is validated"
    for key, ref in layout.parameter_cells.items():
        dv = rules[ref]
        assert dv.showInputMessage and dv.showErrorMessage and dv.errorStyle in (None, "stop")
        assert dv.promptTitle == "Giá trị được phép" and dv.prompt.startswith("Nhập một số từ ")
        assert dv.errorTitle == "Giá trị ngoài giới hạn"
        if key in ("grdp_growth_pct", "population_growth_pct", "budget_expenditure_growth_pct"):
            meta = {type(m).__name__: m for m in Scenario.model_fields[key].metadata}
            assert float(dv.formula1) == float(meta["Ge"].ge), key
            assert float(dv.formula2) == float(meta["Le"].le), key
    grdp = rules[layout.parameter_cells["grdp_growth_pct"]]
    assert (grdp.type, grdp.formula1, grdp.formula2) == ("decimal", "-20", "40")
    assert grdp.operator in (None, "between")  # "between" is the OOXML default, so it may be omitted
    assert "từ -20 đến 40 (%/năm)" in grdp.prompt
    # A strict bound ("below 100") is a custom rule with the strict comparison.
    cut = rules[layout.parameter_cells["austerity_cut_pct"]]
    assert cut.type == "custom" and "<100" in cut.formula1 and ">=0" in cut.formula1
    for ref in layout.base_value_cells.values():
        assert (rules[ref].type, rules[ref].operator, rules[ref].formula1) == ("decimal", "greaterThanOrEqual", "0")
    for sheet in wb.worksheets:
        assert sheet.protection.sheet, f"{sheet.title} is protected"
        assert not sheet.protection.password, f"{sheet.title} has no password"


def test_sources_sheet_lists_every_source_used_in_the_readers_words(built) -> None:
    results, layout = built
    ws = openpyxl.load_workbook(layout.path)[layout.sheets["sources"]]
    rows = {r[0]: r for r in ws.iter_rows(min_row=5, values_only=True) if r[0]}
    used = set(split_sources(results.table["source"].tolist()))
    assert used <= set(rows)
    details = results.sources.set_index("id")
    for sid in used:
        kind, publisher, url, quote, quality = rows[sid][1:6]
        if sid.startswith("assumption:"):
            assert kind == "Giả định" and quality == "Giả định", sid
        elif sid.startswith("plan:"):
            assert kind == "Kế hoạch" and quote.startswith(("B.II.4: ", "D'.I.")), (sid, quote)
        elif sid.startswith("scenario:"):
            assert kind == "Giả định của kịch bản" and quote == results.scenario.description("vi")
        else:
            assert publisher == display_name(details.at[sid, "name"], "vi")
            assert url == details.at[sid, "url"] and quote == details.at[sid, "quote"]
    assert rows["scenario:plan_as_written"][1] == "Giả định của kịch bản"
    assert rows["scenario:plan_as_written"][3] == "scenarios/plan_as_written.yaml"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_user_text_can_never_run_as_a_formula(tmp_path: Path, inputs, lang: str) -> None:
    texts = ['=HYPERLINK("http://example.invalid/x","bấm vào đây")', "=1+1"]
    for k, text in enumerate(texts):
        scenario = validate_parameters({"scenario": "plan_as_written", f"description_{lang}": text,
                                        f"title_{lang}": text})
        results = pipeline.run(scenario, inputs=inputs, national=False)
        layout = write_workbook(results, tmp_path / f"inj{k}.xlsx", lang=lang)
        wb = openpyxl.load_workbook(layout.path)
        found = 0
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str) and text in cell.value:
                        assert cell.data_type == "s", (ws.title, cell.coordinate)
                        found += 1
                    if cell.data_type == "f":
                        assert "HYPERLINK" not in str(cell.value) and str(cell.value) != "=1+1"
        assert found >= 6, "title and description on Summary, Projection and Assumptions"
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


def test_english_workbook(tmp_path: Path, inputs) -> None:
    results = pipeline.run("gdp_linked", inputs=inputs, national=False)
    layout = write_workbook(results, tmp_path / "en.xlsx", lang="en")
    wb = openpyxl.load_workbook(layout.path)
    assert wb.sheetnames == ["Summary", "Projection", "Assumptions", "Sources", "Charts"]
    cached = openpyxl.load_workbook(layout.path, data_only=True)["Summary"]
    assert {cached[r["met_cell"]].value for r in layout.summary_rows if "met_cell" in r} <= {"Met", "Not met"}
    # Readers see the scenario's title; the id stays where a machine or a file name needs it.
    assert cached["A1"].value == "Lai Châu S&T plan: scenario S&T spending keeps its GRDP share"
    assert wb.properties.title == cached["A1"].value
    # The English workbook shows the scenario file's own comment as the reason.
    ws = wb["Assumptions"]
    reason = ws.cell(ws[layout.parameter_cells["grdp_growth_pct"]].row, 5).value
    assert "9 %" in reason and "nominal" in reason


def test_clause_labels() -> None:
    assert clause_label("B.II item 4", "vi") == "B.II.4"
    assert clause_label("D' closing", "vi") == "D', đoạn cuối"
    assert clause_label("D' closing", "en") == "D', closing paragraph"
    assert clause_label("D.IV", "en") == "D.IV"


def test_default_output_is_named_after_the_runs_scenario_only(inputs) -> None:
    # A run of plan_as_written's file under another validated name: the name decides, not the file.
    scenario = validate_parameters({"scenario": "plan_as_written", "name": "my_case"})
    assert scenario.path is not None and scenario.path.stem == "plan_as_written"
    results = pipeline.run(scenario, inputs=inputs, national=False)
    assert default_output(results).name == "my_case.xlsx"
    assert default_output(results, "en").name == "my_case-en.xlsx"
    assert default_output(results).parent.name == "excel"


def test_a_full_disk_keeps_the_previous_workbook(tmp_path: Path, inputs, monkeypatch, capsys) -> None:
    from khcn_analysis.cli import main
    from khcn_analysis.core import atomic
    from khcn_analysis.core.atomic import DiskFullError

    target = tmp_path / "plan.xlsx"
    results = pipeline.run("plan_as_written", inputs=inputs, national=False)
    write_workbook(results, target)
    good = target.read_bytes()

    real_open = open

    class Full:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, data):
            self.fh.write(data[: len(data) // 2])  # half the file reaches the disk, then ENOSPC
            raise OSError(errno.ENOSPC, "No space left on device")

        def flush(self):
            self.fh.flush()

    def full_open(file, mode="r", *args, **kwargs):
        fh = real_open(file, mode, *args, **kwargs)
        return Full(fh) if "w" in mode else fh

    monkeypatch.setattr(atomic, "open", full_open, raising=False)
    with pytest.raises(DiskFullError):
        write_workbook(pipeline.run("austerity", inputs=inputs, national=False), target)
    assert target.read_bytes() == good, "the previous workbook is untouched"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"], "no temporary file left"
    monkeypatch.setattr("khcn_analysis.core.paths.processed_dir", lambda: inputs.processed_dir)
    assert main(["export-xlsx", "--scenario", "austerity", "--out", str(target)]) == 2
    assert "disk is full" in capsys.readouterr().err
    assert target.read_bytes() == good


def test_cli_export_xlsx(tmp_path: Path, inputs, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    from khcn_analysis.cli import main

    monkeypatch.setattr("khcn_analysis.core.paths.processed_dir", lambda: inputs.processed_dir)
    out = tmp_path / "cli.xlsx"
    assert main(["export-xlsx", "--scenario", "austerity", "--out", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    assert openpyxl.load_workbook(out).sheetnames[0] == "Tổng hợp"
    assert main(["export-xlsx", "--scenario", "austerity", "--out", str(tmp_path / "x.csv")]) == 2
    assert "--out" in capsys.readouterr().err
    assert main(["export-xlsx", "--scenario", "no_such_scenario", "--out", str(out)]) == 2
    assert "no_such_scenario" in capsys.readouterr().err
