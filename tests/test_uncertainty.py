"""Monte Carlo: seeded, vectorized, bands ordered, probabilities consistent with the draws."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from khcn_analysis.judge.probabilities import target_probabilities
from khcn_analysis.model.projection import project
from khcn_analysis.model.scenarios import Distribution, validate_parameters
from khcn_analysis.model.uncertainty import PERCENTILES
from khcn_analysis.model.uncertainty import run_uncertainty as _run


def run_uncertainty(scenario, **kw):
    """The model's Monte Carlo with the judge's probabilities, as the pipeline runs it."""
    plan = kw["plan"]
    return _run(scenario, judge_draws=lambda sims, years: target_probabilities(sims, years, plan), **kw)


def test_same_seed_same_numbers_other_seed_other_numbers(observations, plan) -> None:
    a = run_uncertainty("plan_as_written", draws=500, seed=7, observations=observations, plan=plan)
    b = run_uncertainty("plan_as_written", draws=500, seed=7, observations=observations, plan=plan)
    c = run_uncertainty("plan_as_written", draws=500, seed=8, observations=observations, plan=plan)
    pd.testing.assert_frame_equal(a.bands, b.bands)
    pd.testing.assert_frame_equal(a.probabilities, b.probabilities)
    assert not a.bands["p50"].equals(c.bands["p50"])


def test_bands_are_ordered_and_match_numpy(observations, plan) -> None:
    res = run_uncertainty("plan_as_written", draws=2000, seed=1, observations=observations, plan=plan)
    cols = [f"p{q}" for q in PERCENTILES]
    values = res.bands[cols].to_numpy()
    assert (np.diff(values, axis=1) >= -1e-9).all()
    # GRDP in 2030 from the draws themselves, recomputed independently.
    base = project("plan_as_written", observations=observations, plan=plan)
    g = res.parameters()["grdp_growth_pct"]
    latest = int(base.table[(base.table.variable == "grdp") & (base.table.status != "projected")]["year"].max())
    grdp_2030 = base.value("grdp", latest) * (1 + g / 100) ** (2030 - latest)
    row = res.bands[(res.bands.variable == "grdp") & (res.bands.year == 2030)].iloc[0]
    np.testing.assert_allclose(row[cols].to_numpy(dtype=float), np.percentile(grdp_2030, PERCENTILES), rtol=1e-9)
    # Recorded years do not vary.
    obs = res.bands[(res.bands.variable == "population") & (res.bands.year == 2015)].iloc[0]
    assert obs["p5"] == obs["p95"] == base.value("population", 2015)


def test_every_indicator_has_bands_and_every_computable_target_a_probability(observations, plan) -> None:
    res = run_uncertainty("meet_targets", draws=300, seed=3, observations=observations, plan=plan)
    assert {"grdp", "st_investment_share_grdp", "researcher_density", "funding_sufficiency"} <= set(res.bands.variable)
    probs = res.probabilities
    assert set(probs["target_id"]) == {t.id for t in plan.targets if t.computable}
    # On the targets' path (after the latest record, 2023), every draw meets every target.
    assert (probs.loc[probs["year"] > 2023, "probability"] == 1.0).all()
    # Before it, the shared record: S&T investment never reached its targets in any draw.
    inv = probs[probs["target_id"].str.startswith("st_investment") & (probs["year"] <= 2020)]
    assert (inv["probability"] == 0.0).all()


def test_probability_is_the_share_of_draws_meeting_the_target(observations, plan) -> None:
    sc = validate_parameters({"scenario": "plan_as_written", "researcher_growth_mode": "percent",
                              "uncertainty": {"researcher_growth_value":
                                              {"kind": "uniform", "low": 0.0, "high": 6.0}}})
    res = run_uncertainty(sc, draws=4000, seed=11, observations=observations, plan=plan)
    g = res.parameters()["researcher_growth_value"]
    base = project(sc, observations=observations, plan=plan)
    res_2011 = res.parameters()["researchers_2011"]  # the starting level is drawn too (its plausible range)
    pop_2030 = base.value("population", 2022) * (1 + res.parameters()["population_growth_pct"] / 100) ** 8
    density_2030 = res_2011 * (1 + g / 100) ** 19 * 10 / pop_2030
    p = res.probabilities.set_index(["target_id", "year"]).loc[("researchers_2030", 2030), "probability"]
    assert p == pytest.approx((density_2030 >= 10).mean())
    assert 0 < p < 1


@pytest.mark.parametrize(
    "dist",
    [Distribution(kind="normal", mean=5, sd=3, low=2, high=6),
     Distribution(kind="triangular", low=1, mode=2, high=6),
     Distribution(kind="uniform", low=-1, high=1)],
)
def test_draws_stay_within_bounds(dist: Distribution) -> None:
    x = dist.sample(np.random.default_rng(0), 20_000)
    assert x.min() >= dist.low and x.max() <= dist.high
    assert x.std() > 0


def test_results_are_the_same_for_every_chunk_size(monkeypatch, observations, plan) -> None:
    """Streamed in chunks of 1, 7 or 100 draws or all at once: byte-equal bands and probabilities,
    equal to the percentiles and shares of all the draws held in memory."""
    from khcn_analysis.model import draws as draws_module
    from khcn_analysis.model.draws import simulated_blocks

    monkeypatch.setattr(draws_module, "BLOCK", 64)  # 300 draws span five random blocks
    runs = {chunk: run_uncertainty("latest_trend", draws=300, seed=5, observations=observations, plan=plan,
                                   chunk=chunk) for chunk in (1, 7, 100, 300)}
    for chunk in (1, 7, 100):
        pd.testing.assert_frame_equal(runs[chunk].bands, runs[300].bands, check_exact=True)
        pd.testing.assert_frame_equal(runs[chunk].probabilities, runs[300].probabilities, check_exact=True)
    res = runs[300]
    blocks = list(simulated_blocks(res.inputs, 300, 5, 300))
    assert [len(b["grdp"]) for b in blocks] == [64, 64, 64, 64, 44]
    sims = {k: np.concatenate([b[k] for b in blocks]) for k in blocks[0]}
    pd.testing.assert_frame_equal(res.probabilities, target_probabilities(sims, res.inputs.years, plan),
                                  check_exact=True)
    row = res.bands[(res.bands.variable == "grdp") & (res.bands.year == 2030)].iloc[0]
    grdp_2030 = sims["grdp"][:, list(res.inputs.years).index(2030)]
    np.testing.assert_allclose(row[[f"p{q}" for q in PERCENTILES]].to_numpy(dtype=float),
                               np.percentile(grdp_2030, PERCENTILES), rtol=1e-12)
    assert row["p5"] < row["p95"]


def test_a_longer_run_extends_a_shorter_one(observations, plan) -> None:
    """Draw i is the same in every run of the seed: the first 500 of 5,000 draws are the 500 draws."""
    from khcn_analysis.model.projection import prepare
    from khcn_analysis.model.uncertainty import draw_parameters

    inputs = prepare(validate_parameters({"scenario": "plan_as_written"}), observations, plan)
    short, long = draw_parameters(inputs, 500, 9), draw_parameters(inputs, 5000, 9)
    middle = draw_parameters(inputs, 100, 9, start=4050)  # across a block boundary
    for key in short:
        np.testing.assert_array_equal(short[key], long[key][:500])
        np.testing.assert_array_equal(middle[key], long[key][4050:4150])
    assert long["grdp_growth_pct"].std() > 0
