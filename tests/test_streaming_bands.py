"""Exact percentiles over a stream of blocks: the same numbers as sorting every draw in memory."""

from __future__ import annotations

import numpy as np
import pytest

from khcn_analysis.model import streaming_bands
from khcn_analysis.model.streaming_bands import StreamingBands, key_value, ordered_keys

PCT = (5, 25, 50, 75, 95)


def in_memory(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """What the Monte Carlo computed when it kept every draw: sort, then numpy's linear interpolation."""
    values = values + 0.0
    n = values.shape[0]
    lo, hi = values.min(axis=0), values.max(axis=0)
    keep = ~np.isnan(lo)
    pct = np.repeat(lo[None, :], len(PCT), axis=0)
    spread = keep & (hi > lo)
    rows = np.sort(values[:, spread].T, axis=1)
    pos = np.asarray(PCT, dtype=float) / 100 * (n - 1)
    r_lo = np.floor(pos).astype(int)
    r_hi = np.minimum(r_lo + 1, n - 1)
    frac = pos - r_lo
    pct[:, spread] = (rows[:, r_lo] * (1 - frac) + rows[:, r_hi] * frac).T
    return keep, pct


def streamed(values: np.ndarray, block: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    stats = StreamingBands(values.shape[1], values.shape[0], PCT)
    more = True
    while more:
        for start in range(0, values.shape[0], block):
            part = values[start:start + block]
            stats.scan(part.copy() if stats.columns is None else part[:, stats.columns])
        more = stats.end_pass()
    keep, mean, pct = stats.result()
    return keep, mean, pct, stats.passes


def awkward_columns(rng: np.random.Generator, n: int, first_block: int) -> np.ndarray:
    """Columns that test every path: spread, skewed, constant, NaN, infinite, piled on a point,
    signed zeros, negative, and constant in the first block but not after it."""
    cols = [
        rng.normal(100, 10, n),
        np.exp(rng.normal(0, 2, n)),                     # long right tail
        np.full(n, 7.25),                                # constant
        np.where(rng.random(n) < 0.001, np.nan, 1.0 + rng.random(n)),  # NaN in some draws: dropped
        np.where(rng.random(n) < 0.02, np.inf, rng.random(n)),         # infinite values
        np.where(rng.random(n) < 0.6, 3.0, rng.uniform(0, 6, n)),      # 60 % of the draws on one point
        np.where(rng.random(n) < 0.5, -0.0, 0.0) * rng.integers(0, 2, n),  # signed zeros and ones of nothing
        rng.uniform(-5, 5, n),                            # negative and positive
        np.concatenate([np.full(first_block, 2.0), rng.uniform(0, 4, n - first_block)]),
        rng.integers(0, 3, n).astype(float),              # three values only
    ]
    return np.column_stack(cols)


@pytest.mark.parametrize("small", [False, True])
def test_streamed_percentiles_equal_the_in_memory_ones_bit_for_bit(monkeypatch, small: bool) -> None:
    if small:  # few bins and a tiny cap: every split path is taken, over several passes
        monkeypatch.setattr(streaming_bands, "BINS", 8)
        monkeypatch.setattr(streaming_bands, "CAP", 5)
    values = awkward_columns(np.random.default_rng(4), 3001, 250)
    keep, pct = in_memory(values)
    for block in (250, 1000, 3001):
        got_keep, mean, got, passes = streamed(values, block)
        np.testing.assert_array_equal(got_keep, keep)
        assert got[:, keep].tobytes() == pct[:, keep].tobytes()
        assert passes >= (4 if small else 2)
        # means: exact sums block by block; a constant column's mean is its value
        np.testing.assert_allclose(mean[keep], (values + 0.0)[:, keep].mean(axis=0), rtol=1e-12)
        assert mean[2] == 7.25


def test_the_blocks_decide_the_mean_not_their_grouping() -> None:
    values = awkward_columns(np.random.default_rng(5), 2000, 100)
    a = streamed(values, 100)
    b = streamed(values, 100)
    assert a[1].tobytes() == b[1].tobytes() and a[2].tobytes() == b[2].tobytes()


def test_a_single_draw_is_its_own_band() -> None:
    values = np.array([[1.5, np.nan, -2.0]])
    keep, mean, pct, _ = streamed(values, 1)
    assert keep.tolist() == [True, False, True]
    assert (pct[:, 0] == 1.5).all() and (pct[:, 2] == -2.0).all() and mean[0] == 1.5


def test_keys_order_floats_and_give_them_back() -> None:
    x = np.array([-np.inf, -1e300, -2.5, -1e-310, 0.0, 1e-310, 1.0, 2.5, 1e300, np.inf])
    keys = ordered_keys(x)
    assert (np.diff(keys.astype(object)) > 0).all()
    assert [key_value(int(k)) for k in keys] == x.tolist()


def test_draws_that_change_between_passes_are_refused() -> None:
    stats = StreamingBands(1, 100, PCT)
    stats.scan(np.arange(100, dtype=float)[:, None])
    assert stats.end_pass()
    assert stats.columns is not None and stats.columns.tolist() == [0]
    stats.scan(np.arange(100, dtype=float)[:, None] + 0.5)
    with pytest.raises(RuntimeError, match="changed between passes"):
        stats.end_pass()
