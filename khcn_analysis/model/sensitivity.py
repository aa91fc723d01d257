"""One-at-a-time sensitivity (tornado): how far each 2030 indicator moves per parameter.

Each uncertain parameter is set to its low and then its high value while the
others stay at their central values; all 2 × P + 1 parameter sets run as one
vectorized call. Low/high are the plausible range (a declared distribution's
bounds, or an assumption's range from ``data/raw/assumption-ranges.yaml``), or
the stated value ± ``default_swing`` (relative) when none is declared, so every
parameter appears in the chart.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from khcn_analysis.core.indicators import INDICATORS, PROJECTED_IDS
from khcn_analysis.model.projection import (
    YEARS,
    EngineInputs,
    central_parameters,
    prepare,
    simulate,
)
from khcn_analysis.model.scenarios import Scenario

__all__ = ["TORNADO_COLUMNS", "parameter_ranges", "tornado"]

TORNADO_COLUMNS = [
    "variable", "unit", "year", "parameter", "param_low", "param_high", "base",
    "value_low", "value_high", "swing",
]


def parameter_ranges(inputs: EngineInputs, default_swing: float = 0.25) -> dict[str, tuple[float, float]]:
    """(low, high) per engine parameter."""
    out = {}
    for key, spec in inputs.specs.items():
        if spec.varies:
            out[key] = (float(spec.low), float(spec.high))  # type: ignore[arg-type]
        else:
            c = spec.central
            width = abs(c) * default_swing or 1.0
            out[key] = (c - width, c + width)
    return out


def tornado(
    scenario: Scenario | str, *, observations: pd.DataFrame, plan: Any, year: int = 2030,
    default_swing: float = 0.25, ranges: tuple | None = None,
) -> pd.DataFrame:
    """Tidy tornado table for every indicator in ``year``, largest swing first per indicator."""
    if not isinstance(scenario, Scenario):
        from khcn_analysis.model.scenarios import load_scenario

        scenario = load_scenario(scenario)
    inputs = prepare(scenario, observations, plan, years=YEARS, ranges=ranges)
    keys = list(inputs.specs)
    bounds = parameter_ranges(inputs, default_swing)
    n = 1 + 2 * len(keys)
    params = central_parameters(inputs, n)
    for k, key in enumerate(keys):
        params[key][1 + 2 * k] = bounds[key][0]
        params[key][2 + 2 * k] = bounds[key][1]
    sims = simulate(inputs, params)
    col = int(np.searchsorted(inputs.years, year))
    rows = []
    for sid in PROJECTED_IDS:
        v = np.broadcast_to(sims[sid], (n, len(inputs.years)))[:, col]
        if np.isnan(v[0]):
            continue
        for k, key in enumerate(keys):
            lo, hi = float(v[1 + 2 * k]), float(v[2 + 2 * k])
            rows.append({
                "variable": sid, "unit": INDICATORS[sid].unit, "year": year, "parameter": key,
                "param_low": bounds[key][0], "param_high": bounds[key][1], "base": float(v[0]),
                "value_low": lo, "value_high": hi, "swing": abs(hi - lo),
            })
    frame = pd.DataFrame(rows, columns=TORNADO_COLUMNS)
    return frame.sort_values(["variable", "swing"], ascending=[True, False], kind="stable").reset_index(drop=True)
