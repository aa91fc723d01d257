"""Projected values far outside what is plausible, found and worded once for every output.

Why: every scenario key has a range, but ranges compound. 100 % researcher growth a
year is inside its key's range and gives 173 million researchers in 2030 for a province
of half a million. The engine computes such a path faithfully; this module says, next to
the number, that it cannot describe Lai Châu. Two kinds of limit:

- **ceilings** for shares and densities, set above anything recorded anywhere (with the
  reason beside each): a projected value above one is implausible in any scenario;
- **multiples** for levels: a projected level more than :data:`LEVEL_FACTOR` times its
  series' last recorded value (or less than its inverse) is out of range for 2030.

Only the scenario's own values are checked (not the shared record of the past, nor a
back-cast; levels: after their last recorded year): recorded history is what it is. One
warning per series: the first year out of range and the most extreme value.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from khcn_analysis.core.catalogue import t
from khcn_analysis.core.formatting import format_number
from khcn_analysis.core.indicators import INDICATORS

__all__ = ["CEILINGS", "LEVEL_FACTOR", "WARNING_COLUMNS", "plausibility_warnings"]


@dataclass(frozen=True)
class Ceiling:
    """The largest plausible value of a share or density, and why."""

    limit: float
    reason_key: str


#: Shares and densities: no projected value may exceed these.
CEILINGS: dict[str, Ceiling] = {
    # The highest national researcher densities (Israel, Korea) are below 100 per 10,000.
    "researcher_density": Ceiling(100.0, "plausibility.reason.researcher_density"),
    # The highest national R&D intensity is about 6 % of GDP; 10 % of GRDP has no precedent.
    "st_investment_share_grdp": Ceiling(10.0, "plausibility.reason.st_investment_share_grdp"),
    # The national norm is 2 % of the budget (3 % from Resolution 57); a quarter is unheard of.
    "st_budget_share_expenditure": Ceiling(25.0, "plausibility.reason.st_budget_share_expenditure"),
    "st_fund_share_revenue_local": Ceiling(25.0, "plausibility.reason.st_fund_share_revenue_local"),
}

#: Levels (money, people): a projection beyond this multiple of the last recorded value
#: (or below its inverse) by 2030 is not a path the province can take.
LEVEL_FACTOR = 10.0
LEVELS = ("population", "grdp", "budget_expenditure", "budget_revenue_local", "st_budget",
          "st_investment", "researchers")
RECORDED = ("observed", "interpolated", "derived")

WARNING_COLUMNS = ["variable", "unit", "first_year", "year", "value", "limit", "rule",
                   "message_vi", "message_en"]


def _number(value: float, lang: str) -> str:
    decimals = 0 if abs(value) >= 100 or float(value).is_integer() else 2
    return format_number(value, decimals, lang)  # type: ignore[arg-type]


def _messages(key: str, **fields: object) -> dict[str, str]:
    out = {}
    for lang in ("vi", "en"):
        values = {k: (_number(v, lang) if isinstance(v, float) else v) for k, v in fields.items()}
        values["indicator"] = INDICATORS[str(fields["variable"])].label(lang)  # type: ignore[arg-type]
        values["unit"] = INDICATORS[str(fields["variable"])].unit_label(lang)  # type: ignore[arg-type]
        if "reason" in fields:
            values["reason"] = t(str(fields["reason"]), lang)
        out[f"message_{lang}"] = t(key, lang, **values)
    return out


def _scenario_made(series: pd.DataFrame) -> pd.Series:
    """Rows the scenario computed: not the shared record (``recorded``), not a back-cast.

    A value's ``status`` is its evidence grade: a path grown from an assumed count is
    ``assumption``, a rewritten past ``counterfactual``; both are the scenario's own numbers.
    """
    if "recorded" not in series.columns:
        return series["status"] == "projected"
    return ~series["recorded"].astype(bool) & (series["status"] != "back-cast")


def _suspects(table: pd.DataFrame) -> set[str]:
    """The series that break a ceiling or a level multiple (the same tests as below, on arrays)."""
    var = table["variable"].to_numpy()
    val = table["value"].to_numpy(dtype=float)
    status = table["status"].to_numpy()
    year = table["year"].to_numpy()
    with np.errstate(invalid="ignore", divide="ignore"):
        projected = _scenario_made(table).to_numpy() & ~np.isnan(val)
        out = {v for v, c in CEILINGS.items() if (val[projected & (var == v)] > c.limit).any()}
        recorded = np.isin(status, RECORDED) & ~np.isnan(val)
        for v in LEVELS:
            mine = var == v
            rec = np.flatnonzero(mine & recorded)
            if not len(rec):
                continue
            last = rec[np.argmax(year[rec])]
            base = val[last]
            if not math.isfinite(base) or base <= 0:
                continue
            ratio = val[mine & projected & (year > year[last])] / base
            if ((ratio > LEVEL_FACTOR) | (ratio < 1 / LEVEL_FACTOR)).any():
                out.add(v)
    return out


def plausibility_warnings(table: pd.DataFrame) -> pd.DataFrame:
    """One row per projected series that leaves its plausible range (``WARNING_COLUMNS``)."""
    rows = []
    # The rules below, checked at once on arrays first: the explorer runs this on every slider
    # move, and a plausible projection (the usual case) then costs a fraction of a millisecond.
    table = table.loc[table["variable"].isin(_suspects(table))]
    for variable, series in table.groupby("variable", sort=False):
        series = series.sort_values("year")
        projected = series[_scenario_made(series) & series["value"].notna()]
        if projected.empty or variable not in INDICATORS:
            continue
        unit = str(series["unit"].iloc[0])
        if variable in CEILINGS:
            ceiling = CEILINGS[variable]
            out = projected[projected["value"] > ceiling.limit]
            if not out.empty:
                worst = out.loc[out["value"].idxmax()]
                rows.append({
                    "variable": variable, "unit": unit, "first_year": int(out["year"].iloc[0]),
                    "year": int(worst["year"]), "value": float(worst["value"]), "limit": ceiling.limit,
                    "rule": "ceiling",
                    **_messages("plausibility.ceiling", variable=variable, limit=ceiling.limit,
                                first_year=int(out["year"].iloc[0]), year=int(worst["year"]),
                                value=float(worst["value"]), reason=ceiling.reason_key),
                })
        if variable in LEVELS:
            recorded = series[series["status"].isin(RECORDED) & series["value"].notna()]
            if recorded.empty:
                continue
            last = recorded.iloc[-1]
            base = float(last["value"])
            if not math.isfinite(base) or base <= 0:
                continue
            ahead = projected[projected["year"] > last["year"]]  # back-casts are not checked here
            ratio = ahead["value"] / base
            out = ahead[(ratio > LEVEL_FACTOR) | (ratio < 1 / LEVEL_FACTOR)]
            if not out.empty:
                worst = out.loc[(out["value"] / base).map(lambda r: max(r, 1 / r if r > 0 else math.inf)).idxmax()]
                key = "plausibility.level_high" if float(worst["value"]) > base else "plausibility.level_low"
                rows.append({
                    "variable": variable, "unit": unit, "first_year": int(out["year"].iloc[0]),
                    "year": int(worst["year"]), "value": float(worst["value"]),
                    "limit": base * LEVEL_FACTOR if key.endswith("high") else base / LEVEL_FACTOR,
                    "rule": "level",
                    **_messages(key, variable=variable, factor=int(LEVEL_FACTOR), base=base,
                                base_year=int(last["year"]), first_year=int(out["year"].iloc[0]),
                                year=int(worst["year"]), value=float(worst["value"])),
                })
    return pd.DataFrame(rows, columns=WARNING_COLUMNS)
