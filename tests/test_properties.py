"""Properties of the engine that hold for any valid parameters (hypothesis).

The examples are scenarios hypothesis builds inside the validated ranges of
:class:`~khcn_analysis.model.scenarios.Scenario`, run on the real baseline (built from
``data/raw`` into ``tmp_path``) and the real plan. What must hold for every one of them:
the accounting identities between series, monotonicity in the parameters that drive
them, finite outputs, one draw of a vectorized run equal to the same draw run alone,
and byte-identical exports for the same seed.
"""

from __future__ import annotations

import hashlib
import io
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khcn_analysis.core.grades import GRADES
from khcn_analysis.judge.probabilities import target_probabilities
from khcn_analysis.model.iamc import to_iamc, to_status_table
from khcn_analysis.model.projection import YEARS, prepare, project, simulate
from khcn_analysis.model.scenarios import UNCERTAIN_PARAMETERS, Scenario, load_scenario
from khcn_analysis.model.uncertainty import draw_parameters
from khcn_analysis.model.uncertainty import run_uncertainty as _run_uncertainty

PROPERTY = settings(max_examples=40, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
LEVELS = ("population", "grdp", "budget_expenditure", "budget_revenue_local", "st_budget", "st_investment",
          "researchers")
SHARES = ("st_investment_share_grdp", "st_budget_share_expenditure", "researcher_density")


@pytest.fixture(scope="module")
def world(processed_baseline: Path):
    from khcn_analysis.data.baseline import load_observations
    from khcn_analysis.plan.load import load_plan

    out = processed_baseline
    return {"observations": load_observations(out), "plan": load_plan(), "processed": out,
            "base": load_scenario("plan_as_written").as_parameters()}


RULES = ("plan_as_written", "gdp_linked", "fixed_share_expenditure", "meet_targets", "latest_trend")


@st.composite
def scenarios(draw: st.DrawFn) -> dict:
    """Valid scenario parameters (on top of plan_as_written's texts), across every rule and mode."""
    params = {
        "name": "prop",
        "base_year": draw(st.one_of(st.just("latest"), st.integers(2010, 2030))),
        "growth_basis": draw(st.sampled_from(["stated", "latest_trend"])),
        "grdp_growth_pct": draw(st.floats(-20, 40)),
        "population_growth_pct": draw(st.floats(-5, 10)),
        "budget_expenditure_growth_pct": draw(st.floats(-30, 50)),
        "budget_revenue_growth_pct": draw(st.one_of(st.none(), st.floats(-30, 50))),
        "st_budget_rule": draw(st.sampled_from(RULES)),
        "after_plan": draw(st.sampled_from(["hold", "grow_with_grdp", "grow_with_expenditure", "growth_pct"])),
        "after_plan_growth_pct": draw(st.floats(-50, 100)),
        "st_budget_share_expenditure_pct": draw(st.floats(0, 100)),
        "austerity_cut_pct": draw(st.floats(0, 99)),
        "nonstate_mode": draw(st.sampled_from(["share_of_total", "ratio_to_state"])),
        "researcher_rule": draw(st.sampled_from(["growth", "meet_targets"])),
        "researcher_growth_mode": draw(st.sampled_from(["persons", "percent"])),
        "st_fund_share_revenue_local_pct": draw(st.one_of(st.none(), st.just("plan_minimum"), st.floats(0, 100))),
        "counterfactual": draw(st.lists(st.sampled_from(["st_budget", "st_investment", "researchers"]),
                                        unique=True, max_size=3)),
        "uncertainty": {},
    }
    params["nonstate_value"] = draw(st.floats(0, 99) if params["nonstate_mode"] == "share_of_total"
                                    else st.floats(0, 1000))
    params["researcher_growth_value"] = draw(st.floats(-50, 100) if params["researcher_growth_mode"] == "percent"
                                             else st.floats(-1000, 10000))
    return params


def run_uncertainty(scenario, **kw):
    """The Monte Carlo with the judge's probabilities, as the pipeline runs it."""
    plan = kw["plan"]
    return _run_uncertainty(scenario, judge_draws=lambda sims, years: target_probabilities(sims, years, plan), **kw)


def _scenario(world, params: dict) -> Scenario:
    return Scenario.model_validate({**world["base"], **params})


def _project(world, sc: Scenario):
    return project(sc, observations=world["observations"], plan=world["plan"])


@PROPERTY
@given(params=scenarios())
def test_identities_and_finite_outputs_for_any_valid_scenario(world, params):
    proj = _project(world, _scenario(world, params))
    v = proj.values
    # Levels and shares are finite from the first year they exist: no inf, and NaN only before the
    # first record of a series that is not back-cast (nothing is invented there).
    for sid in LEVELS:
        lay, missing = proj.inputs.layouts[sid], ~np.isfinite(v[sid])
        assert not np.isinf(v[sid]).any(), (sid, v[sid])
        if missing.any():
            assert not lay.back.any() and np.flatnonzero(missing).max() < lay.first, (sid, v[sid])
    for sid, (num, den) in {"st_investment_share_grdp": ("st_investment", "grdp"),
                            "st_budget_share_expenditure": ("st_budget", "budget_expenditure"),
                            "researcher_density": ("researchers", "population")}.items():
        np.testing.assert_array_equal(np.isfinite(v[sid]), np.isfinite(v[num]) & np.isfinite(v[den]))
    for sid in ("population", "grdp", "budget_expenditure", "st_budget", "st_investment"):
        assert (v[sid] >= 0).all(), (sid, v[sid])
    # The shares are what their names say, every year.
    np.testing.assert_allclose(v["st_investment_share_grdp"], v["st_investment"] / v["grdp"] * 100, rtol=1e-12)
    np.testing.assert_allclose(v["st_budget_share_expenditure"], v["st_budget"] / v["budget_expenditure"] * 100,
                               rtol=1e-12)
    np.testing.assert_allclose(v["researcher_density"], v["researchers"] / v["population"] * 10, rtol=1e-12)
    # Where no recorded figure overrides it, total S&T investment is state money ÷ the state's share:
    # the assumed share (70 %, the range's central value) in the S&T budget's shared past, the scenario's after.
    sc = proj.scenario
    factor = (1 / (1 - min(sc.nonstate_value, 99.999) / 100) if sc.nonstate_mode == "share_of_total"
              else 1 + sc.nonstate_value)
    factor = np.where(proj.inputs.budget_past, 100 / 70, factor)
    free = ~proj.inputs.wins("st_investment")
    np.testing.assert_allclose(v["st_investment"][free], v["st_budget"][free] * factor[free], rtol=1e-12)
    # The long table carries exactly these numbers, each with a grade and a source.
    table = proj.table
    assert not table["value"].isna().any()
    assert set(table["status"]) <= set(GRADES)
    assert (table["source"].str.len() > 0).all()
    for sid in LEVELS:
        rows = table[table["variable"] == sid].sort_values("year")
        np.testing.assert_array_equal(rows["value"].to_numpy(), v[sid][np.isfinite(v[sid])])


def _two_draws(world, sc: Scenario, key: str, low: float, high: float) -> dict[str, np.ndarray]:
    inputs = prepare(sc, world["observations"], world["plan"])
    params = {k: np.full(2, inputs.central[k]) for k in UNCERTAIN_PARAMETERS}
    params[key] = np.array([low, high])
    return simulate(inputs, params), inputs


def _projected(inputs, sid: str) -> np.ndarray:
    return ~inputs.wins(sid)


@PROPERTY
@given(params=scenarios(), g=st.floats(-20, 39), dg=st.floats(0.01, 20))
def test_more_grdp_growth_never_lowers_grdp_nor_raises_a_fixed_budget_share(world, params, g, dg):
    params = {**params, "growth_basis": "stated", "st_budget_rule": "plan_as_written"}
    sc = _scenario(world, params)
    sims, inputs = _two_draws(world, sc, "grdp_growth_pct", g, min(g + dg, 40))
    grdp = sims["grdp"]
    assert (grdp[1] >= grdp[0] * (1 - 1e-12)).all()
    # Projected years after the latest record: strictly more GRDP.
    rec = inputs.baseline["grdp"].recorded
    after = YEARS[rec].max() < YEARS if rec.any() else np.ones(len(YEARS), bool)
    assert (grdp[1][after] > grdp[0][after]).all()
    # The plan's money does not depend on GRDP, so its share of a larger GRDP is smaller.
    free = _projected(inputs, "st_investment") & after
    share = sims["st_investment_share_grdp"]
    assert (share[1][free] <= share[0][free] * (1 + 1e-12)).all()


@PROPERTY
@given(params=scenarios(), a=st.floats(0, 98), da=st.floats(0.01, 1))
def test_more_non_state_money_never_lowers_total_investment(world, params, a, da):
    sc = _scenario(world, {**params, "nonstate_mode": "share_of_total", "nonstate_value": a})
    sims, inputs = _two_draws(world, sc, "nonstate_value", a, a + da)
    inv = sims["st_investment"]
    assert (inv[1] >= inv[0] * (1 - 1e-12)).all()
    if sc.st_budget_rule != "meet_targets":  # meet_targets lowers state money to keep the share on target
        # the scenario's share applies after the S&T budget's shared past (there, the assumed share)
        free = _projected(inputs, "st_investment") & ~inputs.budget_past & (sims["st_budget"][0] > 0)
        assert (inv[1][free] > inv[0][free]).all()


@PROPERTY
@given(params=scenarios(), cut=st.floats(0, 98), dc=st.floats(0.5, 1))
def test_a_deeper_austerity_cut_never_raises_state_spending(world, params, cut, dc):
    low = _project(world, _scenario(world, {**params, "austerity_cut_pct": cut}))
    high = _project(world, _scenario(world, {**params, "austerity_cut_pct": cut + dc}))
    assert (high.values["st_budget"] <= low.values["st_budget"] * (1 + 1e-12)).all()
    assert (high.values["st_investment"] <= low.values["st_investment"] * (1 + 1e-12)).all()


@PROPERTY
@given(params=scenarios(), draws=st.integers(2, 40), seed=st.integers(0, 2**32 - 1))
def test_each_draw_of_a_vectorized_run_equals_that_draw_run_alone(world, params, draws, seed):
    sc = _scenario(world, params)
    inputs = prepare(sc, world["observations"], world["plan"])
    sc2 = sc.model_copy(update={"uncertainty": load_scenario("plan_as_written").uncertainty})
    inputs.scenario = sc2
    params_all = draw_parameters(inputs, draws, seed)
    together = simulate(inputs, params_all)
    for i in (0, draws // 2, draws - 1):
        alone = simulate(inputs, {k: v[i:i + 1] for k, v in params_all.items()})
        for sid, arr in together.items():
            np.testing.assert_array_equal(np.broadcast_to(arr, (draws, arr.shape[-1]))[i], alone[sid][0], err_msg=sid)


@settings(max_examples=8, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1), draws=st.integers(1, 300),
       name=st.sampled_from(["plan_as_written", "meet_targets", "austerity"]))
def test_same_seed_gives_byte_identical_exports(world, seed, draws, name):
    def run() -> tuple[bytes, bytes, bytes]:
        result = run_uncertainty(name, draws=draws, seed=seed, observations=world["observations"],
                                 plan=world["plan"])
        proj = _project(world, load_scenario(name))
        return (result.bands.to_csv(index=False).encode(), result.probabilities.to_csv(index=False).encode(),
                to_iamc(proj.table).to_csv(index=False).encode()
                + to_status_table(proj.table).to_csv(index=False).encode())

    first, second = run(), run()
    assert first == second
    assert not pd.read_csv(io.BytesIO(first[0]))[["p5", "p50", "p95"]].isna().all().any()


def test_different_seeds_give_different_draws(world):
    a = run_uncertainty("plan_as_written", draws=200, seed=1, observations=world["observations"], plan=world["plan"])
    b = run_uncertainty("plan_as_written", draws=200, seed=2, observations=world["observations"], plan=world["plan"])
    assert not a.bands.equals(b.bands)  # the control: the byte-identity above is not a constant output


def test_the_xlsx_export_is_byte_identical_for_the_same_inputs(world, tmp_path: Path):
    from khcn_analysis import pipeline
    from khcn_analysis.present.excel import write_workbook

    inputs = pipeline.load_inputs(world["processed"])
    results = pipeline.run("plan_as_written", inputs=inputs, national=False)
    first = write_workbook(results, tmp_path / "a.xlsx").path
    time.sleep(1.1)  # a timestamp in the file would now differ
    second = write_workbook(pipeline.run("plan_as_written", inputs=inputs, national=False), tmp_path / "b.xlsx").path
    digest = [hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in (first, second)]
    assert digest[0] == digest[1]


@PROPERTY
@given(params=scenarios())
def test_what_it_takes_never_goes_below_where_it_starts(world, params):
    """Target-meeting paths start from the level reached and never cut it to land on a target."""
    from khcn_analysis.judge.requirements import required_paths

    sc = _scenario(world, {**params, "st_budget_rule": "meet_targets", "researcher_rule": "meet_targets"})
    proj = _project(world, sc)
    inputs, v = proj.inputs, proj.values
    for sid in ("st_budget", "researchers"):
        start = v[sid][inputs.rule_index(sid)]
        rule = inputs.rule_mask(sid)
        if np.isfinite(start) and rule.any():
            assert (v[sid][rule] >= start * (1 - 1e-12)).all(), (sid, start, v[sid][rule])
    # the inverse the judge reports: every required ratio path starts from the level reached
    req = required_paths(proj)
    i = int(np.searchsorted(proj.years, inputs.path_anchor_year))
    after = proj.years > inputs.path_anchor_year
    for need, (ratio, denominator, factor) in {
        "st_investment": ("st_investment_share_grdp", "grdp", 0.01),
        "st_budget": ("st_budget_share_expenditure", "budget_expenditure", 0.01),
        "researchers": ("researcher_density", "population", 0.1),
    }.items():
        start = v[ratio][i]
        if np.isfinite(start):
            path = req[need][after] / (v[denominator][after] * factor)
            assert (path >= start * (1 - 1e-9)).all(), (need, start, path)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(anchor_year=st.integers(2010, 2031), start=st.floats(0, 50), indicator=st.sampled_from(
    ["st_investment_share_grdp", "st_budget_share_expenditure", "researcher_density"]))
def test_a_target_path_reaches_at_least_the_target_and_never_falls_below_its_start(world, anchor_year, start,
                                                                                    indicator):
    from khcn_analysis.plan.target_path import held_years, target_levels, target_path

    plan = world["plan"]  # read once per module, not once per example
    path = target_path(plan.targets, indicator, YEARS, anchor_year, np.array([start]))[0]
    after = anchor_year < YEARS
    assert np.isnan(path[~after]).all()
    assert (path[after] >= start).all()
    levels = target_levels(plan.targets, indicator, YEARS)
    judged = after & ~np.isnan(levels)
    assert (path[judged] >= levels[judged] * (1 - 1e-12)).all()  # reaches at least the target
    held = held_years(plan.targets, indicator, YEARS, anchor_year, start)
    assert all(path[y == YEARS][0] == start for y in held)  # "held, not cut", and says where
