"""How likely each target is: the share of Monte Carlo draws that meet it.

The draws come from the model (:mod:`khcn_analysis.model.uncertainty`); whether a
draw meets a target is the judge's :func:`~khcn_analysis.judge.compare.compare`,
the same comparator every other verdict uses.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from khcn_analysis.judge.attainment import evaluation_years
from khcn_analysis.judge.compare import compare

__all__ = ["target_probabilities"]


def target_probabilities(sims: dict[str, np.ndarray], years: np.ndarray, plan: Any) -> pd.DataFrame:
    """Share of draws meeting each computable plan target in each year it is judged."""
    rows = []
    year_list = [int(y) for y in years]
    for t in getattr(plan, "targets", []) or []:
        if not getattr(t, "computable", True) or t.indicator not in sims:
            continue
        eval_years = evaluation_years(t, year_list)
        if not eval_years:
            continue
        idx = np.searchsorted(years, eval_years)
        values = sims[t.indicator][:, idx]
        met = compare(t.comparator, t.lower, t.upper, values)
        known = ~np.isnan(values)
        prob = np.where(known.any(axis=0), met.mean(axis=0), np.nan)
        rows += [
            {"target_id": t.id, "indicator": t.indicator, "year": y, "comparator": t.comparator,
             "lower": t.lower, "upper": t.upper, "unit": t.unit, "probability": float(p), "clause": t.clause}
            for y, p in zip(eval_years, prob, strict=True)
        ]
    return pd.DataFrame(rows, columns=["target_id", "indicator", "year", "comparator", "lower", "upper", "unit",
                                       "probability", "clause"])
