"""The engine's parameters: central values, plausible ranges and Monte Carlo distributions.

Two kinds of uncertain number feed a projection. A scenario declares its own
(growth rates, the non-state share, researcher growth: ``uncertainty`` in the
YAML). The data rest on assumptions whose plausible ranges are sourced in
``data/raw/assumption-ranges.yaml`` (how many researchers the province had, how
much of state S&T spending the recorded budget line covers, the state's share
of S&T investment). :func:`parameter_specs` puts both in one table, so that the
Monte Carlo, the tornado and the judge's robust verdicts vary the same things
over the same ranges.

Two rules keep the central path inside its own band:

* a range's central value lies inside it (``assumption-ranges.yaml`` says why);
* a growth rate a scenario takes from the latest trend is drawn around that
  trend: the declared distribution is moved so its centre is the trend (it
  used to run at 15.8 % while its draws came from 8–15 %).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from khcn_analysis.data.assumption_ranges import AssumptionRange
from khcn_analysis.model.scenarios import (
    PARAMETER_BOUNDS,
    UNCERTAIN_PARAMETERS,
    Distribution,
    Scenario,
)

if TYPE_CHECKING:
    from khcn_analysis.model.history import SeriesLayout

__all__ = ["ParameterSpec", "parameter_specs", "range_parameters"]


@dataclass(frozen=True)
class ParameterSpec:
    """One engine parameter.

    ``low``/``high``: the plausible range the judge evaluates verdicts over
    (``None`` when the value is fixed); ``distribution``: what the Monte Carlo
    draws (``None``: the central value in every draw); ``range_id``: the
    assumption range it comes from, if any.
    """

    key: str
    central: float
    low: float | None
    high: float | None
    distribution: Distribution | None
    unit: str
    range_id: str | None = None
    applies_to: tuple[str, ...] = ()

    @property
    def varies(self) -> bool:
        return self.low is not None and self.high is not None and self.high > self.low


def range_parameters(ranges: tuple[AssumptionRange, ...], layouts: dict[str, SeriesLayout]
                     ) -> dict[str, AssumptionRange]:
    """Ranges that move something in this run: an assumed record, or (a share) the S&T budget's past."""
    out = {}
    for r in ranges:
        if r.kind == "share":
            budget = layouts.get("st_budget")
            if budget is not None and budget.history.any():
                out[r.parameter_key] = r
            continue
        lay = layouts.get(r.variable)
        if lay is not None and r.parameter_key in lay.scales and lay.scales[r.parameter_key][0].any():
            out[r.parameter_key] = r
    return out


def _shifted(dist: Distribution, centre: float, bounds: tuple[float, float]) -> Distribution:
    """``dist`` moved so its centre is ``centre``, kept inside the parameter's bounds."""
    shift = centre - dist.central
    lo = max(bounds[0], dist.low + shift)
    hi = min(bounds[1], dist.high + shift)
    data = dist.model_dump()
    data.update(low=lo, high=hi)
    for key in ("mean", "mode"):
        if data.get(key) is not None:
            data[key] = min(max(data[key] + shift, lo), hi)
    return Distribution.model_validate(data)


def parameter_specs(scenario: Scenario, central: dict[str, float], trend_replaced: frozenset[str],
                    ranges: tuple[AssumptionRange, ...], layouts: dict[str, SeriesLayout]
                    ) -> dict[str, ParameterSpec]:
    """Every engine parameter with its central value, plausible range and distribution."""
    specs: dict[str, ParameterSpec] = {}
    for key in UNCERTAIN_PARAMETERS:
        dist = scenario.uncertainty.get(key)
        if dist is not None and key in trend_replaced:
            dist = _shifted(dist, central[key], PARAMETER_BOUNDS[key])
        low, high = (dist.low, dist.high) if dist is not None else (None, None)
        if key == "nonstate_value":
            unit = "% of total S&T investment" if scenario.nonstate_mode == "share_of_total" else "times state spending"
        elif key == "researcher_growth_value":
            unit = "% per year" if scenario.researcher_growth_mode == "percent" else "persons per year"
        else:
            unit = "% per year"
        specs[key] = ParameterSpec(key, float(central[key]), low, high, dist, unit)
    for key, r in range_parameters(ranges, layouts).items():
        dist = Distribution(kind="triangular", low=r.low, mode=r.central, high=r.high)
        specs[key] = ParameterSpec(key, float(central.get(key, r.central)), r.low, r.high, dist,
                                   r.unit, r.id, r.applies_to)
    return specs
