"""The path the plan's targets trace: the smallest meeting level per year, and between.

The engine needs it (the ``meet_targets`` rule, ``funding_required``) and so does
the judge (what the targets need); it lives with the plan, below both, so neither
imports the other. Whether a value *meets* a target is the judge's alone
(:mod:`khcn_analysis.judge.compare`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from khcn_analysis.core.config import STRICT_MARGIN

__all__ = ["held_years", "minimal_level", "target_levels", "target_path"]


def minimal_level(comparator: str, lower: float | None, upper: float | None) -> float:
    """The smallest value that meets a target (NaN when any low value does, e.g. at_most)."""
    if comparator in ("at_least", "between", "equal"):
        return float(lower) if lower is not None else math.nan
    if comparator == "greater_than":
        return float(lower) * (1 + STRICT_MARGIN) + (STRICT_MARGIN if lower == 0 else 0.0)
    return math.nan


def target_levels(targets: Iterable[Any], indicator: str, years: Sequence[int]) -> np.ndarray:
    """Per year, the smallest value meeting every computable target of ``indicator`` (NaN where none)."""
    levels = np.full(len(years), np.nan)
    for target in targets:
        if target.indicator != indicator or not getattr(target, "computable", True):
            continue
        level = minimal_level(target.comparator, target.lower, target.upper)
        if math.isnan(level):
            continue
        for i, year in enumerate(years):
            if target.applies_to(int(year)):
                levels[i] = np.fmax(levels[i], level)
    return levels


def target_path(
    targets: Iterable[Any],
    indicator: str,
    years: Sequence[int],
    anchor_year: int,
    anchor_value: np.ndarray,
    *,
    keep_start: bool = True,
) -> np.ndarray:
    """The path of ``indicator`` that meets the targets, shape ``(draws, years)``.

    Years with a target take its smallest meeting level; years between target
    years are interpolated linearly; years after the anchor and before the next
    target year go linearly from ``anchor_value`` (the value in ``anchor_year``,
    one per draw) to that target; after the last target year the level is
    held. Years up to ``anchor_year`` are NaN: the targets say nothing about them.

    What it takes never goes backwards: the path never falls below
    ``anchor_value``. A level that already exceeds a target is held, not cut to
    land on it (a path that took researchers from 330 down to the floor of 5 per
    10,000 and back up was not "what it takes"); :func:`held_years` says where.
    """
    yrs = np.asarray(years, dtype=float)
    anchor = np.atleast_1d(np.asarray(anchor_value, dtype=float))
    levels = target_levels(targets, indicator, years)
    known = ~np.isnan(levels)
    out = np.full((anchor.shape[0], len(yrs)), np.nan)
    if not known.any():
        return out
    kx, ky = yrs[known], levels[known]
    after = yrs > anchor_year
    fixed = np.interp(yrs, kx, ky)  # holds the first/last level outside [kx[0], kx[-1]]
    weight = np.zeros_like(yrs)
    ahead = np.flatnonzero(kx > anchor_year)
    first = ahead[0] if ahead.size else len(kx) - 1
    if ahead.size:  # from the anchor, straight to the next target year
        lead = after & (yrs < kx[first])
        frac = (yrs - anchor_year) / (kx[first] - anchor_year)
        fixed = np.where(lead, ky[first] * frac, fixed)
        weight = np.where(lead, 1 - frac, 0.0)
    anchor_filled = np.where(np.isnan(anchor), ky[first], anchor)[:, None]
    path = fixed[None, :] + weight[None, :] * anchor_filled
    if not keep_start:
        return np.where(after[None, :], path, np.nan)
    path = np.fmax(path, anchor[:, None])  # NaN anchor: no floor
    return np.where(after[None, :], path, np.nan)


def held_years(
    targets: Iterable[Any],
    indicator: str,
    years: Sequence[int],
    anchor_year: int,
    anchor_value: float,
) -> list[int]:
    """Years in which :func:`target_path` holds ``anchor_value`` because it is above the targets' path."""
    if math.isnan(anchor_value):
        return []
    raw = target_path(targets, indicator, years, anchor_year, np.array([anchor_value]), keep_start=False)[0]
    return [int(y) for y, f in zip(years, raw, strict=True) if not math.isnan(f) and anchor_value > f]
