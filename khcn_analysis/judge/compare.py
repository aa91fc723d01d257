"""The one definition of "met": a value against a target's comparator and bounds.

Every verdict the workbook shows (CLI, reports, charts, Excel, explorer, brief)
comes from the judge, and the judge decides with this function. It used to be
copied into the charts with a different idea of a range (7.5 against "5–7" was
"not met" on a chart and "met" in the table).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from khcn_analysis.core.config import COMPARE_RTOL, SUFFICIENCY_RTOL

__all__ = ["COMPARATORS", "above_range", "compare", "is_sufficient"]

COMPARATORS: tuple[str, ...] = ("at_least", "greater_than", "between", "at_most", "equal")


def compare(comparator: str, lower: float | None, upper: float | None, values: Any) -> np.ndarray:
    """Is the target met, for any array of values (NaN is never met).

    ``between`` is a range to *reach* ("đạt mức 5-7 người trên một vạn dân"): every
    range in the plan and the national documents is a level to attain, so a value
    above the range has met it (reports say it is above the range). ``at_most`` is
    the only comparator an excess can miss.
    """
    v = np.asarray(values, dtype=float)
    lo = np.nan if lower is None else float(lower)
    hi = np.nan if upper is None else float(upper)
    tol_lo = abs(lo) * COMPARE_RTOL if not np.isnan(lo) else 0.0
    tol_hi = abs(hi) * COMPARE_RTOL if not np.isnan(hi) else 0.0
    with np.errstate(invalid="ignore"):
        if comparator in ("at_least", "between"):
            result = v >= lo - tol_lo
        elif comparator == "greater_than":
            result = v > lo
        elif comparator == "at_most":
            bound, tol = (hi, tol_hi) if not np.isnan(hi) else (lo, tol_lo)
            result = v <= bound + tol
        elif comparator == "equal":
            result = np.isclose(v, lo, rtol=COMPARE_RTOL, atol=0.0)
        else:
            raise ValueError(f"unknown comparator {comparator!r}")
    return result & ~np.isnan(v)


def above_range(comparator: str, upper: float | None, value: float) -> bool:
    """A range target ("đạt mức 5-7") reached and passed: met, and worth saying so."""
    return comparator == "between" and upper is not None and value > float(upper)


def is_sufficient(ratio: Any) -> np.ndarray:
    """Funding sufficiency (investment / requirement) that covers the need (NaN is not)."""
    r = np.asarray(ratio, dtype=float)
    with np.errstate(invalid="ignore"):
        return (r >= 1 - SUFFICIENCY_RTOL) & ~np.isnan(r)
