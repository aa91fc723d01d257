"""A run's projection on the year grid: value, status and source of every column.

The Projection sheet has one column per series. Besides the engine's series it
shows the targets' paths (the share or density each year needs), taken from the
judge's requirements in :class:`~khcn_analysis.pipeline.Results`, so that
``funding_required`` and a "meet the targets" rule can be written as formulas
over visible cells.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from khcn_analysis.core.indicators import PROJECTED_IDS
from khcn_analysis.present.excel.formats import finite
from khcn_analysis.present.excel.layout import PATH_COLUMNS

if TYPE_CHECKING:
    from khcn_analysis.pipeline import Results

__all__ = ["Grid", "grid"]


@dataclass
class Grid:
    """Per series: values (NaN where none), statuses and source cells ('' where none)."""

    years: list[int]
    values: dict[str, np.ndarray]
    status: dict[str, list[str]]
    sources: dict[str, list[str]]


def grid(results: Results) -> Grid:
    table = results.table
    years = [int(y) for y in results.projection.years]
    values: dict[str, np.ndarray] = {}
    status: dict[str, list[str]] = {}
    sources: dict[str, list[str]] = {}
    for sid in PROJECTED_IDS:
        rows = table[table["variable"] == sid].set_index("year")
        values[sid] = np.array([float(rows.at[y, "value"]) if y in rows.index else np.nan for y in years])
        status[sid] = [str(rows.at[y, "status"]) if y in rows.index else "" for y in years]
        sources[sid] = [str(rows.at[y, "source"]) if y in rows.index else "" for y in years]
    need = results.requirements.set_index("year").reindex(years)
    with np.errstate(divide="ignore", invalid="ignore"):
        values["path_st_investment_share_grdp"] = values["funding_required"] / values["grdp"] * 100
        values["path_st_budget_share_expenditure"] = (
            need["required_st_budget"].to_numpy(dtype=float) / values["budget_expenditure"] * 100)
        values["path_researcher_density"] = (
            need["required_researchers"].to_numpy(dtype=float) / values["population"] * 10)
    for pid in PATH_COLUMNS:
        status[pid] = ["derived" if finite(v) else "" for v in values[pid]]
        sources[pid] = ["" for _ in years]
    return Grid(years, values, status, sources)
