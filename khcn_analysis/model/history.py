"""History is one record: what every scenario shares about the past of a series.

Up to a series' last recorded year, every scenario sees the same values: the
records themselves, straight lines between two records, and (for the series
that need a value before their first record) a back-cast along the series' own
recorded trend. None of it depends on a scenario's growth rates, so two
scenarios never show two pasts; a scenario may rewrite the past only by
declaring it (``counterfactual``), and those values are graded so.

A :class:`SeriesLayout` says, year by year, which of these a value is
(``record``, ``gap`` between records, ``back`` before the first record, or
nothing: the scenario's to fill) and how to compute it. The engine fills the
layout draw by draw (:meth:`SeriesLayout.fill`), because the records of an
assumed series move with its plausible range.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from khcn_analysis.model.baseline import BaselineSeries

__all__ = ["BACKCAST_SERIES", "SeriesLayout", "layout", "recorded_trend", "trend_points"]

#: Series given a back-cast before their first record (graded ``back-cast``); the
#: others stay empty there. S&T spending and the budget need one: the 2015
#: verdicts rest on them (with the range of the assumptions they come from).
#: Researchers are back-cast only from two records or more.
BACKCAST_SERIES = frozenset({"population", "grdp", "budget_expenditure", "st_budget", "researchers"})


@dataclass
class SeriesLayout:
    """Where a series' history comes from, year by year."""

    id: str
    years: np.ndarray
    values: np.ndarray
    grades: np.ndarray
    sources: np.ndarray
    record: np.ndarray
    gap: np.ndarray
    back: np.ndarray
    left: np.ndarray
    right: np.ndarray
    weight: np.ndarray
    first: int
    last: int
    backcast_rate: float
    scales: dict[str, tuple[np.ndarray, float]] = field(default_factory=dict)
    #: The records the back-cast's trend runs between (indices), if any.
    trend: tuple[int, int] | None = None

    @property
    def history(self) -> np.ndarray:
        """Years that hold the shared past (records, gaps, back-casts)."""
        return self.record | self.gap | self.back

    @property
    def after(self) -> np.ndarray:
        """Years after the last record (all years if the series has none)."""
        if self.last < 0:
            return np.ones(len(self.years), dtype=bool)
        return np.arange(len(self.years)) > self.last

    @property
    def last_year(self) -> int | None:
        return int(self.years[self.last]) if self.last >= 0 else None

    def records(self, params: dict[str, np.ndarray], draws: int) -> np.ndarray:
        """The records, shape (draws, years), each assumed record moved by its range's draw."""
        rec = np.broadcast_to(self.values, (draws, len(self.years))).copy()
        for key, (mask, reference) in self.scales.items():
            if key in params and mask.any():
                rec[:, mask] *= (np.asarray(params[key], dtype=float) / reference)[:, None]
        return rec

    def fill(self, params: dict[str, np.ndarray], draws: int) -> np.ndarray:
        """The shared past for every draw (NaN where the scenario decides)."""
        rec = self.records(params, draws)
        out = np.where(self.record[None, :], rec, np.nan)
        if self.gap.any():
            g = np.flatnonzero(self.gap)
            w = self.weight[g]
            out[:, g] = rec[:, self.left[g]] * (1 - w) + rec[:, self.right[g]] * w
        if self.back.any():
            b = np.flatnonzero(self.back)
            steps = (self.years[b] - self.years[self.first]).astype(float)
            out[:, b] = rec[:, [self.first]] * (1 + self.backcast_rate / 100) ** steps[None, :]
        return out


def trend_points(series: BaselineSeries, years: np.ndarray, *, window: int | None = None,
                 start_year: int | None = None) -> tuple[int, int] | None:
    """Indices of the first and last record a trend runs between; None under two usable points.

    Only values of one statistical kind count: interpolated values (not evidence of
    growth), final accounts beside estimates (another concept) and years before
    ``start_year`` (another statistical basis, e.g. GRDP before the GSO revision)
    are left out. ``window``: only the last ``window`` years up to the last point.
    """
    usable = series.recorded & (series.status != "interpolated")
    if series.final.size:
        usable &= ~series.final
    if start_year is not None:
        usable &= years >= start_year
    idx = np.flatnonzero(usable)
    if window is not None and idx.size:
        idx = idx[years[idx] >= years[idx[-1]] - window]
    if idx.size < 2 or series.values[idx[0]] <= 0 or series.values[idx[-1]] <= 0:
        return None
    return int(idx[0]), int(idx[-1])


def recorded_trend(series: BaselineSeries, years: np.ndarray, *, window: int | None = None,
                   start_year: int | None = None) -> float:
    """Compound yearly growth (%) of a series' own records (:func:`trend_points`); NaN if none."""
    points = trend_points(series, years, window=window, start_year=start_year)
    if points is None:
        return math.nan
    a, b = points
    return float(((series.values[b] / series.values[a]) ** (1 / (years[b] - years[a])) - 1) * 100)


def layout(series: BaselineSeries, years: np.ndarray, *, scales: dict[str, tuple[np.ndarray, float]] | None = None,
           trend_from: int | None = None) -> SeriesLayout:
    """The history layout of one recorded series."""
    n = len(years)
    rec = series.recorded
    idx = np.flatnonzero(rec)
    first, last = (int(idx[0]), int(idx[-1])) if idx.size else (-1, -1)
    left = np.full(n, -1)
    right = np.full(n, -1)
    weight = np.zeros(n)
    gap = np.zeros(n, dtype=bool)
    for a, b in zip(idx[:-1], idx[1:], strict=True):
        if b - a > 1:
            inner = np.arange(a + 1, b)
            gap[inner] = True
            left[inner], right[inner] = a, b
            weight[inner] = (years[inner] - years[a]) / (years[b] - years[a])
    rate = math.nan
    back = np.zeros(n, dtype=bool)
    trend = None
    if series.id in BACKCAST_SERIES and first > 0:
        trend = trend_points(series, years, start_year=trend_from)
        rate = recorded_trend(series, years, start_year=trend_from)
        if not math.isnan(rate):
            back[:first] = True
    return SeriesLayout(series.id, years, series.values.copy(), series.status.copy(), series.source.copy(),
                        rec.copy(), gap, back, left, right, weight, first, last, rate, dict(scales or {}),
                        trend)
