"""LibreOffice recalculates the workbook: its formula results equal the library's,
also after a planner edits an assumption cell."""

from __future__ import annotations

import math
import subprocess
from pathlib import Path

import openpyxl
import pytest

from khcn_analysis.judge.attainment import attainment
from khcn_analysis.model.projection import project
from khcn_analysis.model.scenarios import validate_parameters
from khcn_analysis.present.excel import write_workbook

SCENARIOS = ("plan_as_written", "gdp_linked", "meet_targets", "latest_trend", "austerity")

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
def processed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from khcn_analysis.data.build import build_processed

    out = tmp_path_factory.mktemp("processed")
    build_processed(processed_dir=out)
    return out


@pytest.fixture(scope="module")
def observations(processed: Path):
    from khcn_analysis.data.baseline import load_observations

    return load_observations(processed)


def assert_matches_library(path: Path, projection, layout) -> int:
    wb = openpyxl.load_workbook(path, data_only=True)
    ws = wb[layout.sheets["projection"]]
    compared = 0
    for rec in projection.table.itertuples(index=False):
        got = ws[layout.projection_cells[(rec.variable, int(rec.year))]].value
        assert _close(got, rec.value), (path.name, rec.variable, rec.year, got, rec.value)
        compared += 1
    summary = wb[layout.sheets["summary"]]
    att = attainment(projection, national=False)
    for row in layout.summary_rows:
        if "met_cell" not in row:
            continue
        lib = att[(att["target_id"] == row["target_id"]) & (att["year"] == row["year"])].iloc[0]
        assert _close(summary[row["value_cell"]].value, lib["value"])
        assert summary[row["met_cell"]].value == ("Đạt" if lib["status"] == "met" else "Chưa đạt"), row
        if "gap_cell" in row:
            assert _close(summary[row["gap_cell"]].value, lib["gap"]), row
    return compared


def test_libreoffice_recalculates_every_scenario(soffice: str, tmp_path: Path, processed: Path,
                                                 observations, plan) -> None:
    built = {}
    files = []
    for name in SCENARIOS:
        projection = project(name, observations=observations, plan=plan)
        layout = write_workbook(projection, tmp_path / "src" / f"{name}.xlsx", processed_dir=processed)
        built[name] = (projection, layout)
        files.append(strip_cached_values(layout.path, tmp_path / f"{name}.xlsx"))
    # The untouched XlsxWriter file too (charts and all) must open and recalculate.
    files.append(built["plan_as_written"][1].path.rename(tmp_path / "src" / "original.xlsx"))
    outputs = recalculate(soffice, files, tmp_path / "out", tmp_path / "profile")
    for name, out in zip(SCENARIOS, outputs[:-1], strict=True):
        projection, layout = built[name]
        assert assert_matches_library(out, projection, layout) == len(projection.table)
    projection, layout = built["plan_as_written"]
    assert_matches_library(outputs[-1], projection, layout)


def _set(wb: openpyxl.Workbook, sheet: str, ref: str, value: float) -> None:
    wb[sheet][ref].value = value


@pytest.mark.parametrize(
    ("name", "edits", "base_edit"),
    [
        ("plan_as_written", {"grdp_growth_pct": 15.0, "nonstate_value": 50.0}, ("researchers", 2011, 2.0)),
        ("gdp_linked", {"budget_expenditure_growth_pct": 10.0, "population_growth_pct": 1.0},
         ("st_budget", 2023, 1.5)),
    ],
)
def test_edited_assumptions_recalculate_like_the_library(
    soffice: str, tmp_path: Path, processed: Path, observations, plan, name: str,
    edits: dict[str, float], base_edit: tuple[str, int, float],
) -> None:
    projection = project(name, observations=observations, plan=plan)
    layout = write_workbook(projection, tmp_path / f"{name}.xlsx", processed_dir=processed)
    wb = openpyxl.load_workbook(layout.path)
    sheet = layout.sheets["assumptions"]
    for key, value in edits.items():
        _set(wb, sheet, layout.parameter_cells[key], value)
    variable, year, factor = base_edit
    ref = layout.base_value_cells[(variable, year)]
    old_base = wb[sheet][ref].value
    _set(wb, sheet, ref, old_base * factor)
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
        assert math.isclose(v("researcher_density", y),
                            v("researchers", y) / (v("population", y) * 1000) * 10000, rel_tol=1e-9)
        assert math.isclose(v("st_budget_share_expenditure", y),
                            v("st_budget", y) / v("budget_expenditure", y) * 100, rel_tol=1e-9)
        if ("funding_required", y) in layout.projection_cells:
            path = v("path_st_investment_share_grdp", y)
            assert math.isclose(v("funding_required", y), path * v("grdp", y) / 100, rel_tol=1e-9)
            assert math.isclose(v("funding_sufficiency", y), v("st_investment", y) / v("funding_required", y),
                                rel_tol=1e-9)
    table = projection.table.set_index(["variable", "year"])["value"]
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

    # 2. And the whole sheet equals the engine run on the same edited inputs.
    obs = observations.copy()
    sel = (obs["region"] == "Lai Chau") & (obs["variable"] == variable) & (obs["year"] == year)
    assert sel.sum() == 1
    obs.loc[sel, "value"] = old_base * factor
    expected = project(validate_parameters({"scenario": name, **edits}), observations=obs, plan=plan)
    compared = 0
    for rec in expected.table.itertuples(index=False):
        if rec.variable in ("funding_required", "funding_sufficiency") and rec.year < 2015:
            continue  # the path's lead-in to 2015 is a value column (from the plan), checked above
        got = ws[layout.projection_cells[(rec.variable, int(rec.year))]].value
        assert _close(got, rec.value), (rec.variable, rec.year, got, rec.value)
        compared += 1
    assert compared > 200


def test_user_text_stays_text_in_libreoffice(soffice: str, tmp_path: Path, processed: Path,
                                             observations, plan) -> None:
    text = "=1+1"
    scenario = validate_parameters({"scenario": "plan_as_written", "description_vi": text})
    layout = write_workbook(project(scenario, observations=observations, plan=plan), tmp_path / "inj.xlsx",
                            processed_dir=processed)
    (out,) = recalculate(soffice, [layout.path], tmp_path / "out", tmp_path / "profile")
    wb = openpyxl.load_workbook(out, data_only=True)
    for role in ("summary", "projection"):
        assert wb[layout.sheets[role]]["A2"].value == text
    formulas = openpyxl.load_workbook(out)
    assert formulas[layout.sheets["summary"]]["A2"].data_type == "s"
