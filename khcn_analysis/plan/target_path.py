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

__all__ = ["minimal_level", "target_levels", "target_path"]


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
) -> np.ndarray:
    """The path of ``indicator`` that meets the targets, shape ``(draws, years)``.

    Years with a target take its smallest meeting level; years between target
    years are interpolated linearly; years after the anchor and before the first
    target year go linearly from ``anchor_value`` (the value in ``anchor_year``,
    one per draw) to the first target; after the last target year the level is
    held. Years up to ``anchor_year`` are NaN: the targets say nothing about them.
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
    lead = after & (yrs < kx[0])
    if kx[0] > anchor_year:
        frac = (yrs - anchor_year) / (kx[0] - anchor_year)
        fixed = np.where(lead, ky[0] * frac, fixed)
        weight = np.where(lead, 1 - frac, 0.0)
    anchor_filled = np.where(np.isnan(anchor), ky[0], anchor)[:, None]
    path = fixed[None, :] + weight[None, :] * anchor_filled
    return np.where(after[None, :], path, np.nan)
