"""The projection engine: identities, the plan's own numbers, provenance, vectorization."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khcn_analysis.core.errors import InputError
from khcn_analysis.core.grades import GRADES
from khcn_analysis.core.indicators import UnitMismatchError
from khcn_analysis.model.projection import (
    TABLE_COLUMNS,
    YEARS,
    central_parameters,
    prepare,
    project,
    simulate,
)
from khcn_analysis.model.scenarios import list_scenarios, load_scenario, validate_parameters
from khcn_analysis.plan.load import load_plan

SHIPPED = ["plan_as_written", "gdp_linked", "meet_targets", "austerity", "latest_trend"]


def obs_rows(*rows: tuple) -> pd.DataFrame:
    """Hand-made processed observations: (variable, unit, basis, year, value, status, source)."""
    return pd.DataFrame(
        [dict(region="Lai Chau", variable=v, unit=u, basis=b, year=y, value=x, status=s, source=src, note="")
         for v, u, b, y, x, s, src in rows]
    )


SMALL = obs_rows(
    ("population", "thousand persons", "n/a", 2010, 400.0, "observed", "f.pop.2010"),
    ("population", "thousand persons", "n/a", 2012, 410.0, "observed", "f.pop.2012"),
    ("grdp", "bn VND", "current", 2010, 4000.0, "derived", "f.gpc.2010;f.pop.2010"),
    ("grdp", "bn VND", "current", 2012, 5000.0, "observed", "f.grdp.2012"),
    ("budget_expenditure", "bn VND", "current", 2012, 5000.0, "observed", "f.exp.2012"),
    ("budget_revenue_local", "bn VND", "current", 2012, 1000.0, "observed", "f.rev.2012"),
    ("st_budget", "bn VND", "current", 2012, 10.0, "observed", "f.stb.2012"),
    ("researchers", "persons", "headcount", 2012, 41.0, "assumption", "assumption:res"),
    ("researchers", "persons", "FTE", 2012, 20.0, "observed", "f.fte.2012"),
)


@pytest.fixture(scope="module")
def projections(observations, plan):
    return {s.name: project(s, observations=observations, plan=plan) for s in list_scenarios()}


def test_table_follows_the_contract(projections) -> None:
    for name, proj in projections.items():
        t = proj.table
        assert list(t.columns) == TABLE_COLUMNS
        assert set(t["model"]) == {"khcn-workbook"} and set(t["region"]) == {"Lai Chau"}
        assert set(t["scenario"]) == {name}
        assert set(t["status"]) <= set(GRADES)
        assert t["recorded"].dtype == bool
        assert not t.loc[t["recorded"], "status"].isin(["back-cast", "counterfactual", "projected"]).any()
        assert t["year"].between(2010, 2030).all()
        assert not t.duplicated(["variable", "year"]).any()
        assert (t["source"].str.len() > 0).all(), t[t["source"] == ""]


@pytest.mark.parametrize("name", SHIPPED)
def test_identities_hold_every_year(projections, name: str) -> None:
    v = projections[name].values
    ok = ~np.isnan(v["st_investment"]) & ~np.isnan(v["grdp"])
    np.testing.assert_allclose(v["st_investment_share_grdp"][ok], v["st_investment"][ok] / v["grdp"][ok] * 100)
    ok = ~np.isnan(v["researchers"]) & ~np.isnan(v["population"])
    np.testing.assert_allclose(v["researcher_density"][ok],
                               v["researchers"][ok] / (v["population"][ok] * 1000) * 10_000)
    ok = ~np.isnan(v["st_budget"]) & ~np.isnan(v["budget_expenditure"])
    np.testing.assert_allclose(v["st_budget_share_expenditure"][ok],
                               v["st_budget"][ok] / v["budget_expenditure"][ok] * 100)
    ok = ~np.isnan(v["funding_required"])
    np.testing.assert_allclose(v["funding_sufficiency"][ok], v["st_investment"][ok] / v["funding_required"][ok])
    assert ok[YEARS >= 2015].all()  # required money is known for every target year onward
    assert not np.isnan(v["st_investment_share_grdp"]).any()


def test_plan_as_written_spreads_each_phase_evenly(projections) -> None:
    # From the plan text (D'.I): 124,5 tỷ đồng for 2013–2015, 101,5 tỷ đồng for 2016–2020.
    proj = projections["plan_as_written"]
    funding = dict(zip(proj.years.tolist(), proj.series("plan_funding"), strict=True))
    for year in (2013, 2014, 2015):
        assert funding[year] == pytest.approx(41.5)
    for year in range(2016, 2021):
        assert funding[year] == pytest.approx(20.3)
    assert np.isnan(funding[2012]) and np.isnan(funding[2021])
    assert sum(funding[y] for y in range(2013, 2021)) == pytest.approx(226.0)
    rows = proj.table[(proj.table["variable"] == "plan_funding") & (proj.table["year"] == 2014)]
    assert rows["source"].item() == "plan:lai-chau-2013:p2013_2015"


def test_plan_as_written_budget_is_the_plans_state_money(observations, plan) -> None:
    # State money = each phase's total without the money "mobilised from other sources" (D'.I):
    # (124.5 − 2) / 3 and (101.5 − 2.5) / 5; the other money is non-state and counted once, in the share.
    proj = project("plan_as_written", observations=SMALL, plan=plan)
    assert proj.value("st_budget", 2014) == pytest.approx(122.5 / 3)
    assert proj.value("st_budget", 2018) == pytest.approx(99 / 5)
    assert proj.value("st_budget", 2030) == pytest.approx(99 / 5)  # after_plan: hold
    # Non-state money is 30 % of the total: investment = budget / 0.7.
    assert proj.value("st_investment", 2014) == pytest.approx(122.5 / 3 / 0.7)
    austerity = project("austerity", observations=SMALL, plan=plan)
    assert austerity.value("st_budget", 2014) == pytest.approx(122.5 / 3 * 0.7)


def test_recorded_values_win_and_growth_starts_from_them(plan) -> None:
    proj = project("plan_as_written", observations=SMALL, plan=plan)
    assert proj.value("grdp", 2012) == 5000.0
    assert proj.value("grdp", 2013) == pytest.approx(5000.0 * 1.12)
    assert proj.value("grdp", 2030) == pytest.approx(5000.0 * 1.12**18)
    # between two records: the one shared line, whatever the scenario's growth rate
    assert proj.value("population", 2011) == pytest.approx(405.0)
    assert proj.value("st_budget", 2012) == 10.0
    t = proj.table.set_index(["variable", "year"])
    assert t.loc[("population", 2011), "status"] == "interpolated" and t.loc[("population", 2011), "recorded"]
    assert t.loc[("grdp", 2012), "status"] == "observed"
    assert t.loc[("grdp", 2010), "status"] == "derived"
    assert t.loc[("grdp", 2013), "status"] == "projected"
    assert "scenario:plan_as_written" in t.loc[("grdp", 2013), "source"]
    assert "f.grdp.2012" in t.loc[("grdp", 2013), "source"]


def test_derived_values_carry_the_sources_of_all_inputs(plan) -> None:
    proj = project("plan_as_written", observations=SMALL, plan=plan)
    t = proj.table.set_index(["variable", "year"])
    src = t.loc[("st_budget_share_expenditure", 2012), "source"].split(";")
    assert {"f.stb.2012", "f.exp.2012"} <= set(src)
    assert t.loc[("st_budget_share_expenditure", 2012), "status"] == "derived"
    density = t.loc[("researcher_density", 2012)]
    assert {"assumption:res", "f.pop.2012"} <= set(density["source"].split(";"))
    assert density["status"] == "assumption"  # an input is an assumption, so the result is too


def test_fte_rows_are_never_mixed_into_headcount(plan) -> None:
    proj = project("plan_as_written", observations=SMALL, plan=plan)
    assert proj.value("researchers", 2012) == 41.0
    only_fte = SMALL[~((SMALL["variable"] == "researchers") & (SMALL["basis"] == "headcount"))]
    proj = project("plan_as_written", observations=only_fte, plan=plan)
    assert np.isnan(proj.series("researchers")).all()
    assert any("FTE" in note for note in proj.notes)


def test_a_baseline_row_in_another_unit_is_refused(plan) -> None:
    bad = pd.concat([SMALL, obs_rows(("grdp", "M VND", "current", 2011, 4.5e6, "observed", "x"))])
    with pytest.raises(UnitMismatchError, match="M VND"):
        project("plan_as_written", observations=bad, plan=plan)


def test_duplicate_baseline_values_are_refused(plan) -> None:
    bad = pd.concat([SMALL, SMALL.iloc[[3]]])
    with pytest.raises(InputError, match="grdp / year 2012"):
        project("plan_as_written", observations=bad, plan=plan)


def test_gdp_linked_keeps_the_base_year_share(plan) -> None:
    proj = project("gdp_linked", observations=SMALL, plan=plan)  # latest S&T record: 2012
    share = proj.series("st_investment_share_grdp")
    assert np.allclose(share[YEARS >= 2012], share[YEARS == 2012][0])


def test_many_draws_give_the_same_numbers_as_one(observations, plan) -> None:
    inputs = prepare(load_scenario("plan_as_written"), observations, plan)
    one = simulate(inputs, central_parameters(inputs, 1))
    params = central_parameters(inputs, 4)
    params["grdp_growth_pct"] = np.array([5.0, inputs.central["grdp_growth_pct"], 15.0, 20.0])
    many = simulate(inputs, params)
    for key, arr in one.items():
        np.testing.assert_allclose(np.broadcast_to(many[key], (4, len(YEARS)))[1], arr[0], equal_nan=True)
    assert many["grdp"].shape == (4, len(YEARS))
    assert (np.nan_to_num(many["grdp"][3]) >= np.nan_to_num(many["grdp"][0])).all()


def _with(name: str, **changes) -> object:
    return validate_parameters({"scenario": name, **changes})


@settings(max_examples=20, deadline=None)
@given(a=st.floats(0, 20), b=st.floats(0, 20))
def test_more_spending_never_lowers_a_share(a: float, b: float) -> None:
    low, high = sorted((a, b))
    plan = load_plan()
    p_low = project(_with("plan_as_written", st_budget_rule="fixed_share_expenditure",
                          st_budget_share_expenditure_pct=low), observations=SMALL, plan=plan)
    p_high = project(_with("plan_as_written", st_budget_rule="fixed_share_expenditure",
                           st_budget_share_expenditure_pct=high), observations=SMALL, plan=plan)
    for key in ("st_investment_share_grdp", "st_budget_share_expenditure", "funding_sufficiency"):
        lo, hi = p_low.series(key), p_high.series(key)
        ok = ~np.isnan(lo)
        assert (hi[ok] >= lo[ok] - 1e-12).all(), key


@settings(max_examples=20, deadline=None)
@given(a=st.floats(-20, 200), b=st.floats(-20, 200))
def test_more_researchers_never_lowers_density(a: float, b: float) -> None:
    low, high = sorted((a, b))
    plan = load_plan()
    p_low = project(_with("plan_as_written", researcher_growth_mode="persons", researcher_growth_value=low),
                    observations=SMALL, plan=plan)
    p_high = project(_with("plan_as_written", researcher_growth_mode="persons", researcher_growth_value=high),
                     observations=SMALL, plan=plan)
    lo, hi = p_low.series("researcher_density"), p_high.series("researcher_density")
    future = YEARS > 2012
    assert (hi[future] >= lo[future] - 1e-12).all()


def test_project_accepts_a_scenario_file_path(tmp_path: Path, plan) -> None:
    path = tmp_path / "my_austerity.yaml"
    text = Path(load_scenario("austerity").path).read_text(encoding="utf-8")
    path.write_text(text.replace("name: austerity", "name: my_austerity"), encoding="utf-8")
    proj = project(str(path), observations=SMALL, plan=plan)
    assert proj.scenario.name == "my_austerity"


def test_iamc_export_round_trips_through_csv_and_xlsx(tmp_path: Path, plan) -> None:
    from khcn_analysis.model.iamc import IAMC_INDEX, indicator_id, write_iamc

    proj = project("plan_as_written", observations=SMALL, plan=plan)
    csv = pd.read_csv(write_iamc(proj.table, tmp_path / "p.csv", layout="long"))
    assert list(csv.columns) == [*IAMC_INDEX, "year", "value"]
    assert len(csv) == len(proj.table)
    xlsx = pd.read_excel(write_iamc(proj.table, tmp_path / "p.xlsx"), sheet_name="data")
    assert list(xlsx.columns[:5]) == IAMC_INDEX
    csv["variable"] = csv["variable"].map(indicator_id)
    merged = csv.merge(proj.table, on=["variable", "year"], suffixes=("", "_orig"))
    np.testing.assert_allclose(merged["value"], merged["value_orig"])
    assert (write_iamc(proj.table, tmp_path / "q.csv", layout="long").read_bytes()
            == (tmp_path / "p.csv").read_bytes())


def test_the_baseline_is_read_once_per_content_and_handed_out_as_fresh_copies(observations) -> None:
    """The explorer re-projects on every slider move: the same observations are read once,
    but a changed cell is read again, and a caller changing its series changes nobody else's."""
    from khcn_analysis.model import baseline as bl

    first, _ = bl.extract_baseline(observations)
    first["grdp"].values[:] = -1.0  # a caller scribbles on its copy
    again, _ = bl.extract_baseline(observations)
    assert not (again["grdp"].values == -1.0).any()
    direct, _ = bl._extract(observations, region=bl.REGION, years=np.asarray(bl.YEARS), file="observations",
                            ranges=())
    for sid, series in direct.items():
        np.testing.assert_array_equal(again[sid].values, series.values)
        assert list(again[sid].status) == list(series.status)
    changed = observations.copy()
    row = changed.index[(changed["variable"] == "grdp") & (changed["region"] == bl.REGION)
                        & (changed["year"] == 2015)][0]
    changed.loc[row, "value"] = changed.loc[row, "value"] + 1000.0
    moved, _ = bl.extract_baseline(changed)
    i = list(bl.YEARS).index(2015)
    assert moved["grdp"].values[i] == again["grdp"].values[i] + 1000.0
