"""LibreOffice recalculates the workbook: its formula results equal the library's and its
verdicts the judge's, also after a planner edits an assumption cell."""

from __future__ import annotations

import dataclasses
import math
import subprocess
from pathlib import Path

import numpy as np
import openpyxl
import pytest
import xlsxwriter

from khcn_analysis import pipeline
from khcn_analysis.core.config import MILESTONES
from khcn_analysis.judge.compare import COMPARATORS, compare
from khcn_analysis.model.scenarios import scenario_names, validate_parameters
from khcn_analysis.present.excel import write_workbook
from khcn_analysis.present.excel.summary import met_test

SCENARIOS = tuple(scenario_names())

# Force a full recalculation on load: by default LibreOffice trusts the cached values
# of a file that says it was written by Excel, which would make these tests vacuous.
_RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def recalculate(soffice: str, files: list[Path], out_dir: Path, profile: Path) -> list[Path]:
    """Open each file in headless LibreOffice (fresh profile), recalculate, save as xlsx."""
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(_RECALC_ALWAYS, encoding="utf-8")
    out_dir.mkdir(parents=True, exist_ok=True)
    cmd = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
           "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out_dir), *map(str, files)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    outputs = [out_dir / f.name for f in files]
    missing = [p for p in outputs if not p.exists()]
    assert not missing, f"LibreOffice wrote nothing for {missing}: {done.stdout} {done.stderr}"
    return outputs


def strip_cached_values(src: Path, dst: Path) -> Path:
    """Re-save with openpyxl, which keeps formulas but drops their cached values."""
    wb = openpyxl.load_workbook(src)
    wb.save(dst)
    formulas = openpyxl.load_workbook(dst).worksheets[1]
    cached = openpyxl.load_workbook(dst, data_only=True).worksheets[1]
    refs = [c.coordinate for row in formulas.iter_rows() for c in row if c.data_type == "f"]
    assert refs and all(cached[r].value is None for r in refs), "cached values are gone"
    return dst


def _close(a: float | None, b: float) -> bool:
    return a is not None and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


@pytest.fixture(scope="module")
def inputs(processed_baseline: Path) -> pipeline.Inputs:
    return pipeline.load_inputs(processed_baseline)


def _run(scenario, inputs) -> pipeline.Results:
    return pipeline.run(scenario, inputs=inputs, national=False)


def verdicts(results: pipeline.Results):
    att = results.attainment
    return att[(att["scope"] == "province") & att["year"].isin(MILESTONES)]


def assert_matches_library(path: Path, results: pipeline.Results, layout) -> int:
    """Every projected value equals the engine's; every verdict, value and gap the judge's."""
    wb = openpyxl.load_workbook(path, data_only=True)
    ws = wb[layout.sheets["projection"]]
    compared = 0
    for rec in results.table.itertuples(index=False):
        got = ws[layout.projection_cells[(rec.variable, int(rec.year))]].value
        assert _close(got, rec.value), (path.name, rec.variable, rec.year, got, rec.value)
        compared += 1
    summary = wb[layout.sheets["summary"]]
    att = verdicts(results)
    assert len(layout.summary_rows) == len(att)
    for row in layout.summary_rows:
        lib = att[(att["target_id"] == row["target_id"]) & (att["year"] == row["year"])].iloc[0]
        if "met_cell" not in row:
            assert lib["status"] == "not_computable", row
            continue
        assert _close(summary[row["value_cell"]].value, lib["value"])
        # the workbook recalculates the comparison at the values on its sheet: the central verdict
        assert summary[row["met_cell"]].value == ("Đạt" if lib["central_verdict"] == "met" else "Chưa đạt"), row
        if "gap_cell" in row:
            assert _close(summary[row["gap_cell"]].value, lib["gap"]), row
    return compared


def test_libreoffice_recalculates_every_scenario(soffice: str, tmp_path: Path, inputs) -> None:
    assert len(SCENARIOS) >= 5
    built = {}
    files = []
    for name in SCENARIOS:
        results = _run(name, inputs)
        layout = write_workbook(results, tmp_path / "src" / f"{name}.xlsx")
        # The cached values are the library's and the judge's before any recalculation.
        assert assert_matches_library(layout.path, results, layout) == len(results.table)
        built[name] = (results, layout)
        files.append(strip_cached_values(layout.path, tmp_path / f"{name}.xlsx"))
    # The untouched XlsxWriter file too (charts, protection, validation and all) must open and recalculate.
    files.append(built["plan_as_written"][1].path.rename(tmp_path / "src" / "original.xlsx"))
    outputs = recalculate(soffice, files, tmp_path / "out", tmp_path / "profile")
    for name, out in zip(SCENARIOS, outputs[:-1], strict=True):
        results, layout = built[name]
        assert assert_matches_library(out, results, layout) == len(results.table)
    results, layout = built["plan_as_written"]
    assert_matches_library(outputs[-1], results, layout)


def test_the_excel_comparator_is_the_judges(soffice: str, tmp_path: Path) -> None:
    """met_test in Excel against judge.compare, on the bounds and values where they could part:
    on a bound, a hair below it (inside and outside the tolerance), inside, above a range."""
    cases = []
    for comparator in COMPARATORS:
        lower, upper = {"between": (5.0, 7.0), "at_most": (None, 7.0)}.get(comparator, (5.0, None))
        bound = upper if comparator == "at_most" else lower
        for value in (7.5, 6.0, bound, bound * (1 - 1e-10), bound * (1 + 1e-10), bound * (1 - 1e-8),
                      bound * (1 + 1e-8), 4.0, 0.0, 100.0):
            cases.append((comparator, lower, upper, value))
    src = tmp_path / "cmp.xlsx"
    wb = xlsxwriter.Workbook(str(src))
    ws = wb.add_worksheet()
    for r, (comparator, lower, upper, value) in enumerate(cases):
        ws.write_number(r, 0, value)
        ws.write_number(r, 1, lower) if lower is not None else ws.write_blank(r, 1, None)
        ws.write_number(r, 2, upper) if upper is not None else ws.write_blank(r, 2, None)
        test = met_test(comparator, f"A{r + 1}", f"B{r + 1}", f"C{r + 1}", upper)
        ws.write_formula(r, 3, f"=IF({test},1,0)", None, -1)
    wb.close()
    (out,) = recalculate(soffice, [src], tmp_path / "out", tmp_path / "profile")
    got = openpyxl.load_workbook(out, data_only=True).active
    for r, (comparator, lower, upper, value) in enumerate(cases):
        judged = bool(compare(comparator, lower, upper, np.array([value]))[0])
        assert got.cell(r + 1, 4).value == int(judged), (comparator, lower, upper, value)
    # The case that used to split the charts from the judge: 7.5 against the range 5–7 is met.
    assert bool(compare("between", 5.0, 7.0, [7.5])[0])
    r = cases.index(("between", 5.0, 7.0, 7.5))
    assert got.cell(r + 1, 4).value == 1


def test_a_density_above_the_range_is_met_in_the_workbook(soffice: str, tmp_path: Path, inputs) -> None:
    """Researchers grown so that 2020 has 7.5 per 10,000, against the 5–7 target: met everywhere."""
    base = _run("plan_as_written", inputs)
    i2011, i2020 = (int(np.flatnonzero(base.projection.years == y)[0]) for y in (2011, 2020))
    r2011 = base.projection.values["researchers"][i2011]
    want = 7.5 * base.projection.values["population"][i2020] / 10
    scenario = validate_parameters({"scenario": "plan_as_written", "researcher_growth_mode": "persons",
                                    "researcher_growth_value": (want - r2011) / 9})
    results = _run(scenario, inputs)
    assert results.value("researcher_density", 2020) == pytest.approx(7.5, rel=1e-12)
    att = verdicts(results)
    row = att[(att["target_id"] == "researchers_2020") & (att["year"] == 2020)].iloc[0]
    assert row["central_verdict"] == "met" and row["gap"] == 0
    layout = write_workbook(results, tmp_path / "src" / "dense.xlsx")
    entry = next(r for r in layout.summary_rows if r["target_id"] == "researchers_2020" and r["year"] == 2020)
    cached = openpyxl.load_workbook(layout.path, data_only=True)[layout.sheets["summary"]]
    assert cached[entry["met_cell"]].value == "Đạt"
    stripped = strip_cached_values(layout.path, tmp_path / "dense.xlsx")
    (out,) = recalculate(soffice, [stripped], tmp_path / "out", tmp_path / "profile")
    assert assert_matches_library(out, results, layout) == len(results.table)
    recalculated = openpyxl.load_workbook(out, data_only=True)[layout.sheets["summary"]]
    assert recalculated[entry["met_cell"]].value == "Đạt"
    assert recalculated[entry["gap_cell"]].value == 0


def _set(wb: openpyxl.Workbook, sheet: str, ref: str, value: float) -> None:
    wb[sheet][ref].value = value


@pytest.mark.parametrize(
    ("name", "edits", "base_edit"),
    [
        # researchers_2011: the assumed count's central value (its range parameter) doubled
        ("plan_as_written", {"grdp_growth_pct": 15.0, "nonstate_value": 50.0}, ("researchers_2011", 2011, 2.0)),
        ("gdp_linked", {"budget_expenditure_growth_pct": 10.0, "population_growth_pct": 1.0},
         ("st_budget", 2023, 1.5)),
    ],
)
def test_edited_assumptions_recalculate_like_the_library(
    soffice: str, tmp_path: Path, inputs, name: str,
    edits: dict[str, float], base_edit: tuple[str, int, float],
) -> None:
    results = _run(name, inputs)
    layout = write_workbook(results, tmp_path / f"{name}.xlsx")
    wb = openpyxl.load_workbook(layout.path)
    sheet = layout.sheets["assumptions"]
    for key, value in edits.items():
        _set(wb, sheet, layout.parameter_cells[key], value)
    variable, year, factor = base_edit
    ranged = variable in layout.parameter_cells  # an assumption's range parameter, not a record
    ref = layout.parameter_cells[variable] if ranged else layout.base_value_cells[(variable, year)]
    old_base = wb[sheet][ref].value
    _set(wb, sheet, ref, old_base * factor)
    if ranged:
        variable = next(r.variable for r in inputs.ranges if r.id == variable)
    edited = tmp_path / f"{name}-edited.xlsx"
    wb.save(edited)
    (out,) = recalculate(soffice, [edited], tmp_path / "out", tmp_path / "profile")

    # 1. The identities hold on the recalculated inputs.
    ws = openpyxl.load_workbook(out, data_only=True)[layout.sheets["projection"]]

    def v(sid: str, y: int) -> float:
        return ws[layout.projection_cells[(sid, y)]].value

    for y in range(2010, 2031):
        assert math.isclose(v("st_investment_share_grdp", y), v("st_investment", y) / v("grdp", y) * 100,
                            rel_tol=1e-9)
        if ("researchers", y) in layout.projection_cells:  # nothing before the first record (2011)
            assert math.isclose(v("researcher_density", y),
                                v("researchers", y) / (v("population", y) * 1000) * 10000, rel_tol=1e-9)
        assert math.isclose(v("st_budget_share_expenditure", y),
                            v("st_budget", y) / v("budget_expenditure", y) * 100, rel_tol=1e-9)
        if ("funding_required", y) in layout.projection_cells:
            path = v("path_st_investment_share_grdp", y)
            assert math.isclose(v("funding_required", y), path * v("grdp", y) / 100, rel_tol=1e-9)
            assert math.isclose(v("funding_sufficiency", y), v("st_investment", y) / v("funding_required", y),
                                rel_tol=1e-9)
    table = results.table.set_index(["variable", "year"])["value"]
    if "grdp_growth_pct" in edits:
        for y in range(2024, 2031):
            assert math.isclose(v("grdp", y), v("grdp", y - 1) * (1 + edits["grdp_growth_pct"] / 100), rel_tol=1e-9)
    for sid in ("st_investment_share_grdp", "researcher_density", "funding_sufficiency"):
        assert v(sid, 2030) != pytest.approx(table[(sid, 2030)], rel=1e-6), f"{sid} did not follow the edit"
    if "nonstate_value" in edits:
        for y in range(2013, 2031):
            assert math.isclose(v("st_investment", y), v("st_budget", y) / (1 - edits["nonstate_value"] / 100),
                                rel_tol=1e-9)
    assert v(variable, year) != pytest.approx(table[(variable, year)])

    # 2. And the whole sheet equals the engine run on the same edited inputs ...
    obs, ranges = inputs.observations.copy(), inputs.ranges
    if ranged:
        ranges = tuple(r.model_copy(update={"central": old_base * factor}) if r.id == base_edit[0] else r
                       for r in ranges)
    else:
        sel = (obs["region"] == "Lai Chau") & (obs["variable"] == variable) & (obs["year"] == year)
        assert sel.sum() == 1
        obs.loc[sel, "value"] = old_base * factor
    expected = _run(validate_parameters({"scenario": name, **edits}),
                    dataclasses.replace(inputs, observations=obs, ranges=ranges))
    compared = 0
    for rec in expected.table.itertuples(index=False):
        if rec.variable in ("funding_required", "funding_sufficiency") and rec.year < 2015:
            continue  # the path's lead-in to 2015 is a value column (from the plan), checked above
        got = ws[layout.projection_cells[(rec.variable, int(rec.year))]].value
        assert _close(got, rec.value), (rec.variable, rec.year, got, rec.value)
        compared += 1
    assert compared > 200

    # 3. ... and the Summary's recalculated verdicts and gaps are the judge's on that run.
    summary = openpyxl.load_workbook(out, data_only=True)[layout.sheets["summary"]]
    att = verdicts(expected)
    changed = 0
    for row in layout.summary_rows:
        if "met_cell" not in row:
            continue
        lib = att[(att["target_id"] == row["target_id"]) & (att["year"] == row["year"])].iloc[0]
        assert summary[row["met_cell"]].value == ("Đạt" if lib["central_verdict"] == "met" else "Chưa đạt"), row
        assert _close(summary[row["value_cell"]].value, lib["value"]), row
        if "gap_cell" in row:
            assert _close(summary[row["gap_cell"]].value, lib["gap"]), row
        changed += lib["central_verdict"] != row["central_verdict"] or not _close(lib["value"], row["value"])
    assert changed, "the edit moved some value or verdict on the Summary sheet"


def test_user_text_stays_text_in_libreoffice(soffice: str, tmp_path: Path, inputs) -> None:
    text = "=1+1"
    scenario = validate_parameters({"scenario": "plan_as_written", "description_vi": text})
    layout = write_workbook(_run(scenario, inputs), tmp_path / "inj.xlsx")
    (out,) = recalculate(soffice, [layout.path], tmp_path / "out", tmp_path / "profile")
    wb = openpyxl.load_workbook(out, data_only=True)
    for role in ("summary", "projection"):
        assert wb[layout.sheets[role]]["A2"].value == text
    formulas = openpyxl.load_workbook(out)
    assert formulas[layout.sheets["summary"]]["A2"].data_type == "s"
