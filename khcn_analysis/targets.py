"""Judging projections against the plan: attainment, gaps, and what the targets need.

Attainment is a tidy table (one row per target and year) rather than a boolean,
so "which target is missed, by how much, in which year" can be read, charted
and exported. Gaps are in natural units (bn VND short, researchers short)
because "0,3 percentage points" means nothing to a budget officer.

The inverse problem (what spending path and researcher growth the targets
need) lives here too; the ``meet_targets`` scenario and ``funding_required``
use :func:`target_path`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from khcn_analysis.plan import compare

if TYPE_CHECKING:
    from khcn_analysis.projection import Projection

__all__ = [
    "ATTAINMENT_COLUMNS",
    "EVALUATION_YEARS",
    "STRICT_MARGIN",
    "attainment",
    "compare",
    "evaluation_years",
    "minimal_level",
    "requirements",
    "target_path",
]

#: The plan's milestone years; yearly targets are judged every year they apply.
EVALUATION_YEARS = (2015, 2020, 2030)

#: A strict target ("above 2 %") is met by the smallest value one millionth above it.
STRICT_MARGIN = 1e-6
ATTAINMENT_COLUMNS = [
    "target_id", "scope", "indicator", "year", "comparator", "lower", "upper", "unit",
    "value", "status", "gap", "gap_unit", "clause",
    "funding_sufficiency", "value_status", "reason",
]

#: How a shortfall in each target indicator converts to natural units:
#: (series that carries the gap, its unit, factor applied to (level − value) × series).
_GAP_BASES = {
    "st_investment_share_grdp": ("grdp", "bn VND", 0.01),
    "st_budget_share_expenditure": ("budget_expenditure", "bn VND", 0.01),
    "st_fund_share_revenue_local": ("budget_revenue_local", "bn VND", 0.01),
    "researcher_density": ("population", "persons", 0.1),  # thousand persons × density / 10
}


def minimal_level(comparator: str, lower: float | None, upper: float | None) -> float:
    """The smallest value that meets a target (NaN when any low value does, e.g. at_most)."""
    if comparator in ("at_least", "between", "equal"):
        return float(lower) if lower is not None else math.nan
    if comparator == "greater_than":
        return float(lower) * (1 + STRICT_MARGIN) + (STRICT_MARGIN if lower == 0 else 0.0)
    return math.nan


def _binding_target(target: Any, which: str) -> float:
    """The bound a value is compared with when it misses (for the gap)."""
    lower = target.lower
    upper = target.upper
    if which == "upper":
        return float(upper if upper is not None else lower)
    return float(lower) if lower is not None else math.nan


def evaluation_years(target: Any, years: Sequence[int]) -> list[int]:
    """The years a target is judged in: milestones, or every year for yearly targets."""
    candidates = years if getattr(target, "every_year", False) else EVALUATION_YEARS
    return [int(y) for y in candidates if y in years and target.applies_to(int(y))]


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


# --------------------------------------------------------------------------- attainment


def _value_at(table: pd.DataFrame, variable: str, year: int) -> tuple[float, str, str]:
    rows = table[(table["variable"] == variable) & (table["year"] == year)]
    if rows.empty:
        return math.nan, "", ""
    row = rows.iloc[0]
    return float(row["value"]), str(row["status"]), str(row.get("source", ""))


def _gap(indicator: str, target: Any, value: float, met: bool, table: pd.DataFrame, year: int,
         unit: str) -> tuple[float, str]:
    """Signed shortfall in natural units: > 0 short of the target, < 0 above an upper bound."""
    base = _GAP_BASES.get(indicator)
    gap_unit = base[1] if base else unit
    if met or math.isnan(value):
        return (0.0 if met else math.nan), gap_unit
    lo = target.lower
    below = lo is not None and not compare("at_least", lo, None, [value])[0]
    if target.comparator == "greater_than" and lo is not None and value <= lo:
        below = True
    if target.comparator == "at_most":
        below = False
    bound = _binding_target(target, "lower" if below else "upper")
    diff = bound - value
    if base is None:
        return diff, gap_unit
    carrier, _, factor = base
    size, _, _ = _value_at(table, carrier, year)
    return diff * size * factor, gap_unit


def _province_row(target: Any, year: int, projection: Projection, scope: str) -> dict[str, Any]:
    from khcn_analysis.indicators import INDICATORS

    table = projection.table
    row: dict[str, Any] = {
        "target_id": target.id, "scope": scope, "indicator": target.indicator, "year": year,
        "comparator": target.comparator, "lower": target.lower, "upper": target.upper,
        "unit": target.unit, "value": math.nan, "status": "not_computable", "gap": math.nan,
        "gap_unit": _GAP_BASES.get(target.indicator, (None, target.unit))[1],
        "clause": target.clause, "funding_sufficiency": math.nan, "value_status": "", "reason": "",
    }
    if not getattr(target, "computable", True):
        row["reason"] = "hand-tracked: no series in the workbook (entered by the department)"
        return row
    indicator = INDICATORS.get(target.indicator)
    if indicator is None:
        row["reason"] = f"no series '{target.indicator}' in the indicator registry"
        return row
    if target.indicator not in set(table["variable"]):
        row["reason"] = f"no data for {target.indicator}: nothing recorded and the scenario assumes nothing"
        return row
    if indicator.unit != target.unit:
        row["reason"] = (
            f"unit mismatch: target in '{target.unit}', series '{target.indicator}' in '{indicator.unit}'"
        )
        return row
    value, status, _ = _value_at(table, target.indicator, year)
    if math.isnan(value):
        row["reason"] = f"no data for {target.indicator} in {year}"
        return row
    met = bool(compare(target.comparator, target.lower, target.upper, [value])[0])
    row.update(value=value, value_status=status, status="met" if met else "not_met")
    if met and target.comparator == "between" and target.upper is not None and value > target.upper:
        row["reason"] = "above the target range: the level to reach is passed"
    row["gap"], row["gap_unit"] = _gap(target.indicator, target, value, met, table, year, target.unit)
    if target.indicator == "st_investment_share_grdp":
        row["funding_sufficiency"] = _value_at(table, "funding_sufficiency", year)[0]
    return row


def _national_row(target: Any, year: int, observations: pd.DataFrame | None) -> dict[str, Any]:
    """A national target judged only against a national series of the same indicator."""
    row: dict[str, Any] = {
        "target_id": target.id, "scope": "national", "indicator": target.indicator, "year": year,
        "comparator": target.comparator, "lower": target.lower, "upper": target.upper,
        "unit": target.unit, "value": math.nan, "status": "not_computable", "gap": math.nan,
        "gap_unit": target.unit, "clause": target.clause, "funding_sufficiency": math.nan,
        "value_status": "", "reason": "",
    }
    comparable = getattr(target, "comparable_to", None)
    note = ""
    if comparable is not None:
        other = getattr(comparable, "indicator", None) or (comparable.get("indicator") if isinstance(comparable, dict) else None)
        if other:
            note = f"; not compared with the province's '{other}' (different concept or base)"
    if observations is None:
        row["reason"] = "no observations given for national series" + note
        return row
    rows = observations[
        (observations["region"] == "Vietnam")
        & (observations["variable"] == target.indicator)
        & (observations["year"] == year)
        & (observations["unit"] == target.unit)
    ]
    if rows.empty:
        row["reason"] = f"no national series '{target.indicator}' [{target.unit}] for {year}" + note
        return row
    value = float(rows.iloc[0]["value"])
    met = bool(compare(target.comparator, target.lower, target.upper, [value])[0])
    row.update(value=value, value_status=str(rows.iloc[0]["status"]), status="met" if met else "not_met")
    if met and target.comparator == "between" and target.upper is not None and value > target.upper:
        row["reason"] = "above the target range: the level to reach is passed"
    if not met:
        below = target.comparator != "at_most" and target.lower is not None and value < float(target.lower)
        row["gap"] = _binding_target(target, "lower" if below else "upper") - value
    else:
        row["gap"] = 0.0
    return row


def attainment(projection: Projection, plan: Any = None, national: Any = None) -> pd.DataFrame:
    """Every plan target at 2015, 2020 and 2030 (every year for yearly targets), then national ones.

    ``plan`` defaults to the projection's plan; ``national`` to
    :func:`khcn_analysis.plan.load_national_targets` when that file exists
    (pass ``False`` to leave national targets out).
    """
    plan = plan if plan is not None else projection.plan
    years = [int(y) for y in projection.years]
    rows = [
        _province_row(t, y, projection, "province") for t in plan.targets for y in evaluation_years(t, years)
    ]
    if national is None:
        national = _default_national()
    if national:
        for t in national.targets:
            rows += [_national_row(t, y, projection.observations) for y in evaluation_years(t, years)]
    frame = pd.DataFrame(rows, columns=ATTAINMENT_COLUMNS)
    return frame.astype({"year": int})


def _default_national() -> Any:
    try:
        from khcn_analysis.plan import load_national_targets
    except ImportError:
        return None
    try:
        return load_national_targets()
    except FileNotFoundError:
        return None


# --------------------------------------------------------------------------- the inverse


def requirements(projection: Projection, plan: Any = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """What the targets need, for the projection's GRDP, budget and population.

    Returns ``(yearly, phases)``. ``yearly``: year, required st_investment
    (share target path × GRDP), required st_budget (the budget-share target ×
    expenditure), required researchers and their yearly net growth, the plan's
    funding and the projection's own investment. ``phases``: per plan phase and
    for 2021–2030, the plan's budget, the money the targets need and the extra
    over the plan.
    """
    from khcn_analysis.projection import required_paths

    plan = plan if plan is not None else projection.plan
    req = required_paths(projection, plan)
    years = projection.years
    yearly = pd.DataFrame(
        {
            "year": years.astype(int),
            "required_st_investment": req["st_investment"],
            "required_st_budget": req["st_budget"],
            "required_researchers": req["researchers"],
            "required_researcher_growth": np.concatenate([[np.nan], np.diff(req["researchers"])]),
            "plan_funding": projection.series("plan_funding"),
            "st_investment": projection.series("st_investment"),
            "researchers": projection.series("researchers"),
        }
    )
    yearly["extra_over_plan"] = yearly["required_st_investment"] - yearly["plan_funding"]
    periods = [(p.id, int(p.start_year), int(p.end_year)) for p in plan.phases]
    if periods:
        last = max(end for _, _, end in periods)
        if last < int(years[-1]):
            periods.append((f"after_plan_{last + 1}_{int(years[-1])}", last + 1, int(years[-1])))
    phase_rows = []
    for pid, start, end in periods:
        sel = yearly[(yearly["year"] >= start) & (yearly["year"] <= end)]
        plan_money = float(sel["plan_funding"].sum(min_count=1)) if sel["plan_funding"].notna().any() else 0.0
        need = float(sel["required_st_investment"].sum(min_count=1))
        phase_rows.append(
            {
                "phase": pid, "start_year": start, "end_year": end, "plan_budget": plan_money,
                "required_st_investment": need,
                "required_st_budget": float(sel["required_st_budget"].sum(min_count=1)),
                "extra_over_plan": need - plan_money,
                "researchers_needed_at_end": float(sel["required_researchers"].iloc[-1]) if len(sel) else math.nan,
                "unit": "bn VND",
            }
        )
    return yearly, pd.DataFrame(phase_rows)
