"""Is the money enough? Funding sufficiency judged at the milestone years.

Sufficiency is ``st_investment / funding_required`` (1.0 = exactly what the
year's target share of GRDP needs). It was judged in three places with three
tolerances (the charts ``< 100``, the explorer ``1 - 1e-9`` and ``100 - 1e-7``);
now :func:`~khcn_analysis.judge.compare.is_sufficient` decides and this module
gives the rows everyone shows.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from khcn_analysis.core.config import MILESTONES
from khcn_analysis.judge.compare import is_sufficient

if TYPE_CHECKING:
    from khcn_analysis.model.projection import Projection

__all__ = ["SUFFICIENCY_COLUMNS", "sufficiency"]

SUFFICIENCY_COLUMNS = [
    "year", "value", "status", "value_status", "investment", "required", "gap", "gap_unit",
]


def sufficiency(projection: Projection, years: Sequence[int] | None = None) -> pd.DataFrame:
    """One row per year: the ratio, ``met`` (enough) / ``not_met`` / ``not_computable``, the gap.

    ``years`` defaults to the milestone years the projection covers. ``gap`` is the
    money short in bn VND (``required − investment``; 0 when enough, NaN when the
    ratio cannot be computed); ``value_status`` is the ratio's own status.
    """
    grid = [int(y) for y in projection.years]
    wanted = [int(y) for y in (MILESTONES if years is None else years) if int(y) in grid]
    table = projection.table
    sel = table.loc[table["variable"] == "funding_sufficiency"]
    statuses = dict(zip(sel["year"].astype(int), sel["status"].astype(str), strict=True))
    rows = []
    for year in wanted:
        i = grid.index(year)
        ratio = float(projection.values["funding_sufficiency"][i])
        invest = float(projection.values["st_investment"][i])
        need = float(projection.values["funding_required"][i])
        if math.isnan(ratio):
            status, gap = "not_computable", math.nan
        elif bool(is_sufficient(ratio)):
            status, gap = "met", 0.0
        else:
            status, gap = "not_met", need - invest
        rows.append({
            "year": year, "value": ratio, "status": status, "value_status": statuses.get(year, ""),
            "investment": invest, "required": need, "gap": gap, "gap_unit": "bn VND",
        })
    frame = pd.DataFrame(rows, columns=SUFFICIENCY_COLUMNS)
    return frame.astype({"year": np.int64})
