"""Verdicts that say how much they know (issue 13): grades, one history, robust verdicts.

Each test states a promise a planner relies on and would fail if it broke: no "met" rests
on an invented count; 2015 and 2020 S&T investment are not met under any plausible value;
no back-cast or counterfactual passes for history; every scenario shares one past; the
Department's own count decides the researcher verdicts; every shipped scenario's central
path lies inside its own uncertainty band; GRDP is on one basis.
"""

from __future__ import annotations

import math
import shutil
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from khcn_analysis import pipeline
from khcn_analysis.core.grades import GRADES, RECORD_GRADES, grade_rank, weakest
from khcn_analysis.model.scenarios import list_scenarios

SHIPPED = [s.name for s in list_scenarios()]
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def inputs(processed_baseline):
    return pipeline.load_inputs(processed_baseline)


@pytest.fixture(scope="module")
def results(inputs):
    return {name: pipeline.run(name, inputs=inputs) for name in SHIPPED}


def _row(results, name: str, target: str, year: int) -> pd.Series:
    a = results[name].attainment
    return a[(a["target_id"] == target) & (a["year"] == year)].iloc[0]


# --------------------------------------------------------------------------- grades


def test_grades_are_ordered_and_the_weakest_wins() -> None:
    assert GRADES[0] == "observed" and GRADES[-1] == "counterfactual"
    assert weakest("observed", "assumption", "derived") == "assumption"
    assert weakest("projected", "back-cast") == "back-cast"
    assert weakest("", None, "interpolated") == "interpolated" and weakest() == ""
    assert grade_rank("derived") < grade_rank("projected") < grade_rank("assumption")
    with pytest.raises(ValueError):
        grade_rank("guess")


def test_a_value_grown_from_an_assumed_count_is_assumption_graded(results) -> None:
    t = results["plan_as_written"].table.set_index(["variable", "year"])
    assert t.loc[("researchers", 2011), "status"] == "assumption"
    for year in (2012, 2020, 2030):  # grown from the assumed 2011 count: never "projected"
        assert t.loc[("researchers", year), "status"] == "assumption"
        assert t.loc[("researcher_density", year), "status"] == "assumption"
    assert t.loc[("grdp", 2030), "status"] == "projected"  # grown from a record: projected


def test_back_casts_and_counterfactuals_are_never_shown_as_history(results) -> None:
    for name, res in results.items():
        t = res.table
        for sid, rows in t.groupby("variable"):
            lay = res.projection.inputs.layouts.get(sid)
            if lay is not None and lay.first > 0:  # nothing before the first record is "recorded"
                before = rows[rows["year"] < int(lay.years[lay.first])]
                assert not before["recorded"].any(), (name, sid)
        assert not t.loc[t["recorded"], "status"].isin(["back-cast", "counterfactual", "projected"]).any(), name
    t = results["latest_trend"].table.set_index(["variable", "year"])
    assert t.loc[("budget_expenditure", 2015), "status"] == "back-cast"  # first record: the 2018 estimate
    assert t.loc[("st_budget", 2015), "status"] == "back-cast"
    assert t.loc[("st_investment_share_grdp", 2015), "status"] == "back-cast"
    cf = results["plan_as_written"].table.set_index(["variable", "year"])
    for year in (2013, 2015, 2020, 2023):  # "if the plan's money had been spent", labelled so
        assert cf.loc[("st_budget", year), "status"] == "counterfactual"
        assert cf.loc[("st_investment_share_grdp", year), "status"] == "counterfactual"


def test_every_scenario_shares_one_past(results) -> None:
    """Up to a series' last record every scenario shows the same value, unless it declares a counterfactual."""
    base = results["latest_trend"]
    for name, res in results.items():
        for sid, lay in res.projection.inputs.layouts.items():
            if lay.last < 0:
                continue
            past = res.projection.years <= lay.years[lay.last]
            if sid in res.scenario.counterfactual or (sid == "st_investment" and "st_budget" in res.scenario.counterfactual):
                past &= res.projection.years <= res.projection.inputs.base_year
            np.testing.assert_allclose(res.projection.values[sid][past], base.projection.values[sid][past],
                                       rtol=1e-12, err_msg=f"{name}/{sid}")


# --------------------------------------------------------------------------- robust verdicts


@pytest.mark.parametrize("name", SHIPPED)
def test_no_researcher_verdict_says_met_on_an_assumed_count(results, name: str) -> None:
    a = results[name].attainment
    res = a[a["indicator"] == "researcher_density"]
    met = res[res["verdict"] == "met"]
    # The only "met" is the scenario that rises to the target by construction (and says so).
    assert (met["sentence_en"].str.startswith("Met by construction")).all(), met
    row = _row(results, name, "researchers_2020", 2020)
    assert row["verdict"] == "undetermined" and row["grade"] == "assumption"
    assert row["deciding_assumption"] == "researchers_2011"
    assert row["breakpoint_unit"] == "persons"
    # 5 per 10,000 of the 2020 population (467.5 thousand): 233.7 researchers
    pop = results[name].value("population", 2020)
    assert row["breakpoint"] == pytest.approx(5 * pop / 10)
    assert "234" in row["sentence_en"] and "234" in row["sentence_vi"]
    assert row["value_low"] < 5 <= row["value_high"]


@pytest.mark.parametrize("name", SHIPPED)
def test_st_investment_2015_and_2020_are_not_met_under_any_plausible_value(results, name: str) -> None:
    for target, year in (("st_investment_2015", 2015), ("st_investment_2020_onward", 2020)):
        row = _row(results, name, target, year)
        assert row["verdict"] == "not_met", (name, target, row["sentence_en"])
        assert row["value_high"] < row["lower"]
        assert row["grade"] in ("assumption", "back-cast", "counterfactual")
        assert row["sentence_en"].startswith("Not met under any plausible value")


def test_a_met_verdict_holds_at_every_point_the_judge_tried(results) -> None:
    from khcn_analysis.judge.compare import compare
    from khcn_analysis.judge.verdicts import plausible_runs

    res = results["meet_targets"]
    runs = plausible_runs(res.projection)
    i = int(np.searchsorted(res.projection.years, 2030))
    target = next(t for t in res.plan.targets if t.id == "researchers_2030")
    values = runs.sims["researcher_density"][:, i]
    assert len(values) > 2 ** len(runs.keys)  # central, one-at-a-time ends and every corner
    assert compare(target.comparator, target.lower, target.upper, values).all()
    assert _row(results, "meet_targets", "researchers_2030", 2030)["verdict"] == "met"


def test_a_growth_rate_breakpoint_is_found_where_the_verdict_flips(inputs) -> None:
    from khcn_analysis.judge.verdicts import _crossing
    from khcn_analysis.model.projection import central_parameters, project, simulate

    proj = project("latest_trend", observations=inputs.observations, plan=inputs.plan)
    target = next(t for t in inputs.plan.targets if t.id == "researchers_2030")
    i = int(np.searchsorted(proj.years, 2030))
    cross = _crossing(proj, "researcher_growth_value", target, i)
    if math.isnan(cross):  # growth alone cannot reach 10 per 10,000 from the central count
        params = central_parameters(proj.inputs, 1)
        params["researcher_growth_value"] = np.array([proj.inputs.specs["researcher_growth_value"].high])
        assert simulate(proj.inputs, params)["researcher_density"][0, i] < 10
        return
    params = central_parameters(proj.inputs, 2)
    params["researcher_growth_value"] = np.array([cross - 0.01, cross + 0.01])
    density = simulate(proj.inputs, params)["researcher_density"][:, i]
    assert density[0] < 10 <= density[1]


def test_the_dateless_national_statement_gives_no_dated_verdict(results) -> None:
    a = results["plan_as_written"].attainment
    row = a[(a["target_id"] == "res31_rd_2021_2025") & (a["year"] == 2025)].iloc[0]
    assert row["verdict"] == "not_computable" and math.isnan(row["value"])
    assert "reference year" in row["reason"] and "2025" in row["sentence_en"]
    dated = a[(a["target_id"] == "res31_rd_2021_2025") & (a["year"] == 2023)].iloc[0]
    assert dated["verdict"] == "not_met" and dated["grade"] == "observed"  # 0.4 % in 2023, a dated figure


# --------------------------------------------------------------------------- uncertainty


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_scenarios_central_path_lies_inside_its_band(inputs, name: str) -> None:
    res = pipeline.run(name, inputs=inputs, national=False, uncertainty=True, draws=1000, seed=7)
    bands = res.uncertainty.bands.merge(res.table[["variable", "year", "value"]], on=["variable", "year"])
    tol = 1e-9 * np.maximum(1.0, bands["value"].abs())
    outside = bands[(bands["value"] < bands["p5"] - tol) | (bands["value"] > bands["p95"] + tol)]
    assert outside.empty, outside[["variable", "year", "value", "p5", "p95"]].head(10)
    # the starting level of the assumed researcher count is drawn, not fixed
    r2011 = res.uncertainty.bands.query("variable == 'researchers' and year == 2011").iloc[0]
    assert r2011["p5"] < r2011["p95"]


def test_draws_of_one_parameter_depend_only_on_the_seed_and_its_name(inputs) -> None:
    from khcn_analysis.model.projection import prepare
    from khcn_analysis.model.uncertainty import draw_parameters

    sc = next(s for s in list_scenarios() if s.name == "plan_as_written")
    full = draw_parameters(prepare(sc, inputs.observations, inputs.plan), 500, 3)
    fewer = sc.model_copy(update={"uncertainty": {k: v for k, v in sc.uncertainty.items() if k != "grdp_growth_pct"}})
    part = draw_parameters(prepare(fewer, inputs.observations, inputs.plan), 500, 3)
    np.testing.assert_array_equal(full["researchers_2011"], part["researchers_2011"])
    np.testing.assert_array_equal(full["population_growth_pct"], part["population_growth_pct"])
    assert not np.array_equal(full["grdp_growth_pct"], part["grdp_growth_pct"])


# --------------------------------------------------------------------------- GRDP basis


def test_grdp_is_one_basis_and_the_latest_trend_stays_within_it(results, inputs) -> None:
    proj = results["latest_trend"].projection
    g = dict(zip(proj.years.tolist(), proj.values["grdp"], strict=True))
    # 2015 on the revised basis: 20,486 ÷ 1.9572 (laichau.grdp.2020.a: +95.72 % on 2015)
    assert g[2015] == pytest.approx(20486 / 1.9572)
    # no 2019 -> 2020 jump: growth across the revision equals the constant growth of the bridge
    rates = [g[y] / g[y - 1] - 1 for y in (2018, 2019, 2020)]
    assert max(rates) - min(rates) < 1e-9 and max(rates) < 0.15
    # the trend is computed from 2020 on (the revised vintage only): 2020 -> 2022
    trend = ((g[2022] / g[2020]) ** 0.5 - 1) * 100
    assert proj.inputs.central["grdp_growth_pct"] == pytest.approx(trend)
    spec = proj.inputs.specs["grdp_growth_pct"]
    assert spec.low <= trend <= spec.high  # and the draws are centred on it
    obs = inputs.observations
    pre = obs[(obs["variable"] == "grdp_pre_revision") & (obs["year"] == 2015)]
    assert pre["value"].iloc[0] == pytest.approx(18.2 * 430.96)  # as published, kept for reference


def test_the_revision_bridge_is_cross_checked(processed_baseline) -> None:
    checks = pd.read_csv(processed_baseline / "crosschecks.csv").set_index("check")
    real = checks.loc["grdp_revision_factor_constant_prices"]
    assert real["ok"] and abs(real["recomputed"] - real["published"]) < 0.1  # 1.30 against 1.33
    assert checks.loc["price_rise_2016_2020_revised_basis", "ok"]
    assert not checks.loc["price_rise_2016_2020_mixed_bases", "ok"]  # the old mix implied 8.6 % inflation


def test_budget_share_uses_final_accounts_where_they_exist(results) -> None:
    t = results["latest_trend"].table.set_index(["variable", "year"])
    assert t.loc[("budget_expenditure", 2020), "value"] == pytest.approx(11177.174)
    assert t.loc[("budget_expenditure", 2020), "source"] == "laichau.budget_expenditure.2020.a"
    assert t.loc[("budget_expenditure", 2021), "value"] == pytest.approx(7649.72)  # the estimate


# --------------------------------------------------------------------------- the Department decides


def _import_researchers(tmp_path: Path, count: float) -> Path:
    from openpyxl import load_workbook

    from khcn_analysis.data import department as dep
    from khcn_analysis.data.build import build_processed

    raw = shutil.copytree(ROOT / "data" / "raw", tmp_path / "raw")
    shutil.rmtree(raw / "department", ignore_errors=True)
    template = dep.write_template(tmp_path / "mau.xlsx")
    wb = load_workbook(template)
    guide, people = "Hướng dẫn", "Nhân lực KH&CN"  # as tests/test_department.py fills them
    wb[guide]["B4"], wb[guide]["B5"], wb[guide]["B6"] = "Nguyễn Văn A", "Sở KH&CN Lai Châu", datetime(2025, 3, 15)
    wb[people][f"B{dep.FIRST_DATA_ROW + 2020 - dep.FIRST_YEAR}"] = count
    wb[people][f"D{dep.FIRST_DATA_ROW + 2020 - dep.FIRST_YEAR}"] = "Thống kê KH&CN 2020"
    filled = tmp_path / "filled.xlsx"
    wb.save(filled)
    dep.import_filled_template(filled, raw_dir=raw, today=date(2025, 3, 20))
    out = tmp_path / "processed"
    build_processed(raw_dir=raw, processed_dir=out)
    return out


@pytest.mark.parametrize("count, verdict", [(120, "not_met"), (300, "met")])
def test_the_departments_count_decides_the_researcher_verdicts(tmp_path: Path, count: int, verdict: str) -> None:
    inputs = pipeline.load_inputs(_import_researchers(tmp_path, count))
    for name in ("plan_as_written", "latest_trend"):
        res = pipeline.run(name, inputs=inputs, national=False)
        row = _row({name: res}, name, "researchers_2020", 2020)
        assert row["verdict"] == verdict, row["sentence_en"]
        assert row["grade"] in RECORD_GRADES  # the count over the (interpolated) population: no assumption
        assert row["value"] == pytest.approx(count / res.value("population", 2020) * 10)
        t = res.table.set_index(["variable", "year"])
        assert t.loc[("researchers", 2020), "status"] == "observed"
        assert "department." in t.loc[("researchers", 2020), "source"]
        assert not res.table["source"].str.contains("researchers_national_density_scaled").any()


# --------------------------------------------------------------------------- outputs show constructions as such


def test_report_tables_mark_back_casts_and_counterfactuals(results) -> None:
    from khcn_analysis.present import narrative as nr

    latest = nr.headline_table(results["latest_trend"].table, "vi")
    assert latest.iloc[:, 2].str.contains("(ngoại suy ngược)", regex=False).any()  # 2015: before the first record
    plan = nr.headline_table(results["plan_as_written"].table, "en")
    assert plan.iloc[:, 3].str.contains("(counterfactual)", regex=False).any()  # 2020: the plan's money "as if spent"
    table = nr.attainment_table(results["plan_as_written"].attainment, "en")
    assert {"Evidence", "Plausible values"} <= set(table.columns)
    row = table[(table.iloc[:, 1] == 2020) & table.iloc[:, 0].str.contains("researchers")].iloc[0]
    assert row["Evidence"] == "assumption" and row.iloc[4] == "Undetermined"
    sentence = nr.attainment_sentence(results["plan_as_written"].attainment, "plan_as_written", "en", year=2020)
    assert "at least 234 researchers" in sentence


def test_the_workbook_marks_back_casts_and_counterfactuals(results, tmp_path: Path) -> None:
    import openpyxl

    from khcn_analysis.present.excel import write_workbook
    from khcn_analysis.present.excel.formats import STATUS_FILLS

    fills = [STATUS_FILLS[g] for g in GRADES]
    assert len(set(fills)) == len(fills)  # every grade its own colour (observed: none)
    for name, status, word in (("latest_trend", "back-cast", "Ngoại suy ngược"),
                               ("plan_as_written", "counterfactual", "Giả định phản thực")):
        layout = write_workbook(results[name], tmp_path / f"{name}.xlsx")
        ws = openpyxl.load_workbook(layout.path)[layout.sheets["projection"]]
        ref = layout.projection_cells[("st_budget", 2015)]
        assert results[name].table.set_index(["variable", "year"]).loc[("st_budget", 2015), "status"] == status
        assert ws[ref].fill.fgColor.rgb.endswith(STATUS_FILLS[status].lstrip("#"))
        texts = {c.value for row in ws.iter_rows(min_row=ws[ref].row, max_row=ws[ref].row) for c in row}
        assert word in texts  # the status as text beside the value: colour is never the only cue
