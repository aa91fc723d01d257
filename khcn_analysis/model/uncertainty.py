"""Seeded Monte Carlo: percentile bands and the probability of meeting each target.

All draws go through :func:`khcn_analysis.model.projection.simulate` at once (arrays
of shape ``(draws, years)``), so 100,000 draws cost one vectorized pass rather
than 100,000 projections.

What is drawn (:func:`khcn_analysis.model.parameters.parameter_specs`): the
scenario's declared distributions (a growth rate taken from the latest trend is
drawn around that trend) and the plausible range of every assumption the run
rests on (triangular: low, central, high), so the starting level of an assumed
series varies as well as its growth. Each parameter has its own random stream,
derived from the seed and the parameter's name: the same seed gives the same
draws of a parameter whatever else is drawn, and in chunks as in one piece.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from khcn_analysis.core.config import MODEL, REGION, YEARS
from khcn_analysis.core.indicators import INDICATORS, PROJECTED_IDS
from khcn_analysis.model.projection import EngineInputs, central_parameters, prepare, simulate
from khcn_analysis.model.scenarios import Scenario

__all__ = ["PERCENTILES", "UncertaintyResult", "check_draws_and_seed", "draw_parameters", "parameter_stream",
           "run_uncertainty"]

PERCENTILES = (5, 25, 50, 75, 95)


@dataclass
class UncertaintyResult:
    """``bands``: variable, unit, year, mean, p5…p95; ``probabilities``: target, year, probability."""

    scenario: Scenario
    draws: int
    seed: int
    bands: pd.DataFrame
    probabilities: pd.DataFrame
    parameters: dict[str, np.ndarray]


def parameter_stream(seed: int, key: str) -> np.random.Generator:
    """The random stream of one parameter: a function of the seed and the parameter's name only."""
    return np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(zlib.crc32(key.encode("utf-8")),)))


def draw_parameters(inputs: EngineInputs, draws: int, seed: int) -> dict[str, np.ndarray]:
    """One ``(draws,)`` array per engine parameter; central values where nothing is uncertain."""
    params = central_parameters(inputs, draws)
    for key, spec in inputs.specs.items():
        if spec.distribution is not None:
            params[key] = spec.distribution.sample(parameter_stream(seed, key), draws)
    return params


def _linear_percentiles(sorted_rows: np.ndarray) -> np.ndarray:
    """Percentiles of each sorted row by linear interpolation (numpy's default method)."""
    n = sorted_rows.shape[1]
    pos = np.asarray(PERCENTILES, dtype=float) / 100 * (n - 1)
    lo = np.floor(pos).astype(int)
    hi = np.minimum(lo + 1, n - 1)
    frac = pos - lo
    return sorted_rows[:, lo] * (1 - frac) + sorted_rows[:, hi] * frac


def _band_one(sid: str, arr: np.ndarray, years: np.ndarray) -> pd.DataFrame | None:
    """Percentiles of one series; only columns that vary across draws are sorted."""
    arr = np.broadcast_to(arr, arr.shape)
    lo, hi = arr.min(axis=0), arr.max(axis=0)
    keep = ~np.isnan(lo)
    if not keep.any():
        return None
    spread = keep & (hi > lo)
    pct = np.repeat(lo[None, :], len(PERCENTILES), axis=0)
    mean = lo.copy()
    if spread.any():
        rows = np.sort(np.ascontiguousarray(arr[:, spread].T), axis=1)  # row sort: SIMD, fast
        pct[:, spread] = _linear_percentiles(rows).T
        mean[spread] = rows.mean(axis=1)
    frame = pd.DataFrame({"variable": sid, "unit": INDICATORS[sid].unit, "year": years[keep].astype(int),
                          "mean": mean[keep]})
    for q, row in zip(PERCENTILES, pct, strict=True):
        frame[f"p{q}"] = row[keep]
    return frame


def _bands(sims: dict[str, np.ndarray], years: np.ndarray) -> pd.DataFrame:
    """Bands for every indicator; numpy's sort releases the GIL, so two threads use two cores."""
    ids = [sid for sid in PROJECTED_IDS if sid in sims]
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        frames = list(pool.map(lambda sid: _band_one(sid, sims[sid], years), ids))
    return pd.concat([f for f in frames if f is not None], ignore_index=True)


#: The same bounds as a scenario file's ``draws`` and ``seed`` (scenarios.Scenario).
MAX_DRAWS = 1_000_000
MAX_SEED = 2**32 - 1


def check_draws_and_seed(draws: int | None, seed: int | None) -> None:
    """Overrides (``--draws``, ``--seed``) get the scenario file's checks: 0 draws or 10^11 are refused."""
    from khcn_analysis.core.errors import InputError

    if draws is not None and not (isinstance(draws, int | np.integer) and 1 <= draws <= MAX_DRAWS):
        raise InputError(None, "draws", draws, f"a whole number from 1 to {MAX_DRAWS:,}")
    if seed is not None and not (isinstance(seed, int | np.integer) and 0 <= seed <= MAX_SEED):
        raise InputError(None, "seed", seed, f"a whole number from 0 to {MAX_SEED:,}")


def run_uncertainty(
    scenario: Scenario | str, *, observations: pd.DataFrame, plan: Any, draws: int | None = None,
    seed: int | None = None, years: np.ndarray = YEARS,
    judge_draws: Callable[[dict[str, np.ndarray], np.ndarray], pd.DataFrame] | None = None,
    ranges: tuple | None = None,
) -> UncertaintyResult:
    """Monte Carlo of one scenario (``draws`` and ``seed`` default to the scenario's own).

    ``judge_draws(sims, years)`` turns the draws into target probabilities; the
    model does not decide "met" itself (the pipeline passes the judge's).
    """
    check_draws_and_seed(draws, seed)
    if not isinstance(scenario, Scenario):
        from khcn_analysis.model.scenarios import load_scenario

        scenario = load_scenario(scenario)
    inputs = prepare(scenario, observations, plan, years=years, ranges=ranges)
    n = int(draws if draws is not None else scenario.draws)
    s = int(seed if seed is not None else scenario.seed)
    params = draw_parameters(inputs, n, s)
    sims = simulate(inputs, params)
    bands = _bands(sims, inputs.years)
    bands.insert(0, "region", REGION)
    bands.insert(0, "scenario", scenario.name)
    bands.insert(0, "model", MODEL)
    probs = judge_draws(sims, inputs.years) if judge_draws is not None else pd.DataFrame()
    return UncertaintyResult(scenario, n, s, bands, probs, params)
