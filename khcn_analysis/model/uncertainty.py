"""Seeded Monte Carlo in constant memory: percentile bands and the probability of meeting each target.

What is drawn (:func:`khcn_analysis.model.parameters.parameter_specs`): the
scenario's declared distributions (a growth rate taken from the latest trend is
drawn around that trend) and the plausible range of every assumption the run
rests on (triangular: low, central, high), so the starting level of an assumed
series varies as well as its growth.

How (:mod:`khcn_analysis.model.draws`, :mod:`khcn_analysis.model.streaming_bands`):
the draws are simulated ``chunk`` at a time (vectorized over the chunk) and read
one block of 4,096 draws at a time; nothing keeps all the draws. A first pass
gives the means, the target probabilities and a histogram per indicator and
year; a second pass generates the same draws again and keeps only the values
near each wanted percentile, which are then exact. Memory depends on ``chunk``,
not on ``draws``; time grows linearly with ``draws``. Each parameter's values in
each block come from a random stream of the seed, the parameter's name and the
block's number: the results are identical for a given seed whatever the chunk
size.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from khcn_analysis.core.config import MODEL, REGION, YEARS
from khcn_analysis.core.indicators import INDICATORS, PROJECTED_IDS
from khcn_analysis.model.draws import (
    BLOCK,
    CHUNK,
    draw_parameters,
    parameter_stream,
    simulated_blocks,
)
from khcn_analysis.model.projection import EngineInputs, prepare
from khcn_analysis.model.scenarios import Scenario
from khcn_analysis.model.streaming_bands import StreamingBands

__all__ = ["BLOCK", "CHUNK", "PERCENTILES", "UncertaintyResult", "check_draws_and_seed", "draw_parameters",
           "parameter_stream", "run_uncertainty"]

PERCENTILES = (5, 25, 50, 75, 95)


@dataclass
class UncertaintyResult:
    """``bands``: variable, unit, year, mean, p5…p95; ``probabilities``: target, year, probability.

    The draws themselves are not kept (10^6 draws would not fit in memory);
    :meth:`parameters` generates the parameters' draws again from the seed.
    """

    scenario: Scenario
    draws: int
    seed: int
    bands: pd.DataFrame
    probabilities: pd.DataFrame
    inputs: EngineInputs
    chunk: int = CHUNK
    passes: int = 0

    def parameters(self) -> dict[str, np.ndarray]:
        """Every parameter's ``(draws,)`` values, the same as the run used."""
        return draw_parameters(self.inputs, self.draws, self.seed)


class _ShareTally:
    """The judge's share of draws meeting each target, summed over blocks as counts (exact).

    ``judge(sims, years)`` gives, per row, the ``probability`` (share of the block's
    draws that meet the target; NaN where no draw of the block has a value). The
    count of a block is that share times the block's draws, an integer recovered
    exactly; the share over all draws is the total count over all draws, NaN
    only where no draw of any block had a value.
    """

    def __init__(self) -> None:
        self.frame: pd.DataFrame | None = None
        self.met: np.ndarray | None = None
        self.known: np.ndarray | None = None
        self.draws = 0

    def add(self, frame: pd.DataFrame, draws: int) -> None:
        share = frame["probability"].to_numpy(dtype=float)
        count = np.where(np.isnan(share), 0.0, np.rint(np.nan_to_num(share) * draws))
        if self.frame is None:
            self.frame, self.met, self.known = frame, count, ~np.isnan(share)
        else:
            assert self.met is not None and self.known is not None
            if len(frame) != len(self.frame):
                raise RuntimeError("the judge gave other rows for another block of draws")
            self.met += count
            self.known |= ~np.isnan(share)
        self.draws += draws

    def result(self) -> pd.DataFrame:
        if self.frame is None:
            return pd.DataFrame()
        assert self.met is not None and self.known is not None
        out = self.frame.copy()
        out["probability"] = np.where(self.known, self.met / self.draws, np.nan)
        return out


def _band_frame(ids: list[str], years: np.ndarray, keep: np.ndarray, mean: np.ndarray,
                pct: np.ndarray) -> pd.DataFrame:
    """The long band table from per-cell results (cells: indicator-major, then year)."""
    frames = []
    n = len(years)
    for i, sid in enumerate(ids):
        cols = slice(i * n, (i + 1) * n)
        k = keep[cols]
        if not k.any():
            continue
        frame = pd.DataFrame({"variable": sid, "unit": INDICATORS[sid].unit, "year": years[k].astype(int),
                              "mean": mean[cols][k]})
        for q, row in zip(PERCENTILES, pct[:, cols], strict=True):
            frame[f"p{q}"] = row[k]
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


def _stacked(sims: dict[str, np.ndarray], ids: list[str], columns: np.ndarray | None) -> np.ndarray:
    """One block's cells side by side, ``(rows, indicators × years)``, or only ``columns`` of them."""
    if columns is None:
        return np.concatenate([sims[sid] for sid in ids], axis=1)
    n = sims[ids[0]].shape[1]
    series = columns // n  # columns are sorted: series by series
    return np.concatenate([sims[ids[int(i)]][:, columns[series == i] - int(i) * n] for i in np.unique(series)],
                          axis=1)


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
    ranges: tuple | None = None, chunk: int = CHUNK,
) -> UncertaintyResult:
    """Monte Carlo of one scenario (``draws`` and ``seed`` default to the scenario's own).

    ``judge_draws(sims, years)`` turns a block of draws into target probabilities
    (the share of the block's draws meeting each target); the model does not
    decide "met" itself (the pipeline passes the judge's). ``chunk``: draws
    simulated at once; it changes memory and speed, never the results.
    """
    check_draws_and_seed(draws, seed)
    if not isinstance(chunk, int | np.integer) or chunk < 1:
        raise ValueError(f"chunk must be a whole number of at least 1, not {chunk!r}")
    if not isinstance(scenario, Scenario):
        from khcn_analysis.model.scenarios import load_scenario

        scenario = load_scenario(scenario)
    inputs = prepare(scenario, observations, plan, years=years, ranges=ranges)
    n = int(draws if draws is not None else scenario.draws)
    s = int(seed if seed is not None else scenario.seed)
    ids: list[str] = []
    stats: StreamingBands | None = None
    tally = _ShareTally()
    more = True
    while more:
        for sims in simulated_blocks(inputs, n, s, int(chunk)):
            if stats is None:
                ids = [sid for sid in PROJECTED_IDS if sid in sims]
                stats = StreamingBands(len(ids) * len(inputs.years), n, PERCENTILES)
            if stats.passes == 0 and judge_draws is not None:
                tally.add(judge_draws(sims, inputs.years), next(iter(sims.values())).shape[0])
            stats.scan(_stacked(sims, ids, stats.columns))
        assert stats is not None
        more = stats.end_pass()
    assert stats is not None
    bands = _band_frame(ids, inputs.years, *stats.result())
    bands.insert(0, "region", REGION)
    bands.insert(0, "scenario", scenario.name)
    bands.insert(0, "model", MODEL)
    return UncertaintyResult(scenario, n, s, bands, tally.result(), inputs, int(chunk), stats.passes)
