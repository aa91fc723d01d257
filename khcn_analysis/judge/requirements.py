"""What the targets need: the inverse of the projection.

For the projection's own GRDP, budget and population, the S&T investment, state
budget and researchers that the plan's targets require, year by year and per
plan phase, and the extra over the plan's money.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from khcn_analysis.plan.target_path import held_years, target_path

if TYPE_CHECKING:
    from khcn_analysis.model.projection import Projection

__all__ = ["required_paths", "requirements"]


def required_paths(projection: Projection, plan: Any = None) -> dict[str, np.ndarray]:
    """What the targets need, on the projection's GRDP, expenditure and population.

    ``st_investment``: the share path × GRDP; ``st_budget``: the budget-share
    path × expenditure; ``researchers``: the density path × population.
    """
    plan = plan if plan is not None else projection.plan
    inputs = projection.inputs
    targets = list(getattr(plan, "targets", []) or [])
    years, v = projection.years, projection.values
    i = min(int(np.searchsorted(years, inputs.path_anchor_year)), len(years) - 1)

    def path(ind: str) -> np.ndarray:
        # from the level reached in the anchor year: what it takes never goes below it
        return target_path(targets, ind, years, inputs.path_anchor_year, np.array([v[ind][i]]))[0]

    return {
        "st_investment": path("st_investment_share_grdp") * v["grdp"] / 100,
        "st_budget": path("st_budget_share_expenditure") * v["budget_expenditure"] / 100,
        "researchers": path("researcher_density") * v["population"] / 10,
    }


def requirements(projection: Projection, plan: Any = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """What the targets need, for the projection's GRDP, budget and population.

    Returns ``(yearly, phases)``. ``yearly``: year, required st_investment
    (share target path × GRDP), required st_budget (the budget-share target ×
    expenditure), required researchers and their yearly net growth, the plan's
    funding and the projection's own investment. ``phases``: per plan phase and
    for 2021–2030, the plan's budget, the money the targets need and the extra
    over the plan.
    """
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
    yearly["held"] = _held(projection, plan, years)
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


def _held(projection: Projection, plan: Any, years: np.ndarray) -> list[str]:
    """Per year, the indicators held at their starting level (``;``-joined, "" for none)."""
    inputs, v = projection.inputs, projection.values
    targets = list(getattr(plan, "targets", []) or [])
    i = min(int(np.searchsorted(years, inputs.path_anchor_year)), len(years) - 1)
    held: dict[int, list[str]] = {}
    for ind in ("st_investment_share_grdp", "st_budget_share_expenditure", "researcher_density"):
        for year in held_years(targets, ind, years, inputs.path_anchor_year, float(v[ind][i])):
            held.setdefault(year, []).append(ind)
    return [";".join(held.get(int(y), [])) for y in years]
