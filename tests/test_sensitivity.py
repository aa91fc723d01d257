"""One-at-a-time tornado: direction and size of each parameter's effect on 2030."""

from __future__ import annotations

import pytest

from khcn_analysis.model.projection import project
from khcn_analysis.model.scenarios import load_scenario, validate_parameters
from khcn_analysis.model.sensitivity import TORNADO_COLUMNS, tornado
from tests.test_projection import SMALL


def test_tornado_shape_and_base(plan) -> None:
    frame = tornado("plan_as_written", observations=SMALL, plan=plan)
    assert list(frame.columns) == TORNADO_COLUMNS
    assert set(frame["year"]) == {2030}
    base = project("plan_as_written", observations=SMALL, plan=plan)
    for row in frame.itertuples(index=False):
        assert row.base == pytest.approx(base.value(row.variable, 2030))


def test_directions_are_right_and_unrelated_parameters_do_not_move(plan) -> None:
    frame = tornado("plan_as_written", observations=SMALL, plan=plan).set_index(["variable", "parameter"])
    grdp = frame.loc[("grdp", "grdp_growth_pct")]
    assert grdp["value_high"] > grdp["base"] > grdp["value_low"]
    share = frame.loc[("st_investment_share_grdp", "grdp_growth_pct")]
    assert share["value_high"] < share["value_low"]  # a larger economy, the same plan money: a smaller share
    inv = frame.loc[("st_investment", "nonstate_value")]
    assert inv["value_high"] > inv["value_low"]
    assert frame.loc[("grdp", "researcher_growth_value"), "swing"] == 0
    assert frame.loc[("population", "grdp_growth_pct"), "swing"] == 0


def test_ranges_come_from_declared_distributions(plan) -> None:
    sc = load_scenario("plan_as_written")
    frame = tornado(sc, observations=SMALL, plan=plan)
    row = frame[(frame.variable == "grdp") & (frame.parameter == "grdp_growth_pct")].iloc[0]
    dist = sc.uncertainty["grdp_growth_pct"]
    assert (row["param_low"], row["param_high"]) == (dist.low, dist.high)
    assert row["value_high"] == pytest.approx(5000 * (1 + dist.high / 100) ** 18)
    no_dist = validate_parameters({"scenario": "plan_as_written", "uncertainty": {}})
    row = tornado(no_dist, observations=SMALL, plan=plan, default_swing=0.5)
    row = row[(row.variable == "grdp") & (row.parameter == "grdp_growth_pct")].iloc[0]
    assert (row["param_low"], row["param_high"]) == pytest.approx((6.0, 18.0))


def test_largest_swing_first(plan) -> None:
    frame = tornado("plan_as_written", observations=SMALL, plan=plan)
    for _, group in frame.groupby("variable"):
        assert list(group["swing"]) == sorted(group["swing"], reverse=True)
