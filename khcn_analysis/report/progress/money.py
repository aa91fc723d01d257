"""The money: the plan's budget by phase and line, what the Department recorded as spent, the gap.

The plan's lines come from the plan file (D'.I); what was spent, only from the Department's
own imports (values whose source is a ``department.`` id), year by year; the money the
targets need and the workbook's estimate of what was invested come from the judge's
requirements (``Results.phases`` and ``Results.requirements``). This module adds them up
per period; it decides nothing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import pandas as pd

from khcn_analysis.core.config import REGION
from khcn_analysis.core.provenance import source_kind, split_sources

__all__ = ["PhaseMoney", "department_spending", "phase_money"]

#: The spending series the Department's template records.
SPENT = ("st_budget", "st_investment")


@dataclass
class PhaseMoney:
    """One plan phase (or the years after the plan) in money, bn VND."""

    phase: str
    start: int
    end: int
    after_plan: bool
    plan_budget: float
    recorded: dict[str, float]  # variable -> sum of the Department's figures over the years it gave
    recorded_years: dict[str, list[int]]
    estimated: float  # the workbook's total S&T investment over the phase (the scenario's view)
    needed: float  # total S&T investment the targets need over the phase
    years_judged: int  # years of the phase up to the last complete year

    @property
    def gap(self) -> float:
        """What the targets needed beyond the workbook's estimate of what was invested (≥ 0)."""
        if math.isnan(self.needed) or math.isnan(self.estimated):
            return math.nan
        return max(self.needed - self.estimated, 0.0)


def department_spending(observations: pd.DataFrame) -> dict[str, dict[int, float]]:
    """{variable: {year: bn VND}} of the Department's own figures in the processed record."""
    out: dict[str, dict[int, float]] = {v: {} for v in SPENT}
    rows = observations[(observations["region"] == REGION) & observations["variable"].isin(SPENT)]
    for r in rows.to_dict("records"):
        if any(source_kind(s) == "department" for s in split_sources(r["source"])):
            out[r["variable"]][int(r["year"])] = float(r["value"])
    return out


def phase_money(results: Any, last_year: int) -> list[PhaseMoney]:
    """Each plan phase and the years after it, up to ``last_year`` (the last complete year)."""
    spent = department_spending(results.inputs.observations)
    yearly = results.requirements
    out = []
    for r in results.phases.to_dict("records"):
        start, end = int(r["start_year"]), int(r["end_year"])
        stop = min(end, last_year)
        if stop < start:
            continue
        sel = yearly[(yearly["year"] >= start) & (yearly["year"] <= stop)]
        recorded_years = {v: sorted(y for y in spent[v] if start <= y <= stop) for v in SPENT}
        recorded = {v: float(sum(spent[v][y] for y in years)) for v, years in recorded_years.items()}
        estimated = float(sel["st_investment"].sum(min_count=1)) if sel["st_investment"].notna().any() else math.nan
        needed = float(sel["required_st_investment"].sum(min_count=1)) \
            if sel["required_st_investment"].notna().any() else math.nan
        out.append(PhaseMoney(str(r["phase"]), start, stop, str(r["phase"]).startswith("after_plan"),
                              float(sel["plan_funding"].sum()), recorded, recorded_years, estimated, needed,
                              stop - start + 1))
    return out
