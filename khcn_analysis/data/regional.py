"""Lai Châu beside its neighbours, the Northern midlands and mountains region and Vietnam.

Why: the plan's general aim is to reach the region's average S&T level, so every
comparable figure the sources hold is put side by side, one tidy row per region,
indicator and year, each with its source. Only like is set beside like: the
S&T line share is computed from the same budget form (B50, provincial level) in
every province; the national recurrent S&T share uses total expenditure and is
kept under its own id.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["REGIONAL_VARIABLES", "REGIONS", "regional_table"]

REGIONS = ["Lai Chau", "Dien Bien", "Lao Cai", "Son La", "Ha Giang", "Thai Nguyen",
           "Northern midlands and mountain areas", "Vietnam"]
#: The indicators set side by side (words: ``data.regional.<id>`` in the catalogue).
REGIONAL_VARIABLES = ("population", "grdp_per_capita", "gdp_per_capita", "st_line_share_recurrent_provincial",
                      "st_budget_recurrent_share_expenditure", "pii_score")
COLUMNS = ["region", "variable", "unit", "basis", "year", "value", "status", "source", "note"]


def _line_shares(obs: pd.DataFrame) -> pd.DataFrame:
    line = obs[obs.variable == "st_budget_recurrent_provincial_level"]
    total = obs[obs.variable == "budget_expenditure_recurrent_provincial_level"]
    both = line.merge(total, on=["region", "year"], suffixes=("", "_total"))
    return pd.DataFrame({
        "region": both["region"], "variable": "st_line_share_recurrent_provincial",
        "unit": "%", "basis": "n/a", "year": both["year"],
        "value": both["value"] / both["value_total"] * 100, "status": "derived",
        "source": both["source"] + ";" + both["source_total"],
        "note": "S&T recurrent line ÷ provincial-level recurrent spending, both form-B50 plans",
    }, columns=COLUMNS)


def regional_table(obs: pd.DataFrame) -> pd.DataFrame:
    """The comparison, long and tidy: every region and year the sources have."""
    direct = obs[obs.region.isin(REGIONS) & obs.variable.isin(REGIONAL_VARIABLES)]
    table = pd.concat([direct[COLUMNS], _line_shares(obs)], ignore_index=True)
    order = {r: i for i, r in enumerate(REGIONS)}
    return table.sort_values(["variable", "region", "year"], key=lambda s: s.map(order)
                             if s.name == "region" else s).reset_index(drop=True)
