"""Projections in the IAMC format that pyam reads, written with pandas only.

pyam pins pandas<3 and pulls a server stack (STACK.md), so we write its format
ourselves. What a pyam user expects, and what this module guarantees:

- the columns ``model, scenario, region, variable, unit`` then one column per
  year (the IAMC *wide* layout; ``layout="long"`` gives ``year, value`` instead);
- exactly one row per ``model, scenario, region, variable, unit``: an earlier
  export carried ``status`` as an extra column, which pyam takes for another
  index dimension and so split each variable into several timeseries;
- hierarchical variable names joined by ``|`` (``Investment|S&T|Share of GRDP``),
  mapped one to one from the indicator ids (:data:`VARIABLES`);
- units spelled as the indicator registry spells them, the same strings as every
  other ``--format csv/json`` output (:mod:`khcn_analysis.core.indicators`);
- status and source ids in a separate, opt-in long table
  (:func:`to_status_table`) with the same keys plus ``year``;
- several scenarios in one file: pass their projection tables concatenated.

Rows follow the registry's display order, so two exports of the same projection
are byte-identical.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import pandas as pd

from khcn_analysis.core.indicators import INDICATORS, PROJECTED_IDS

__all__ = [
    "IAMC_INDEX",
    "LONG_COLUMNS",
    "STATUS_COLUMNS",
    "VARIABLES",
    "Layout",
    "check_iamc",
    "iamc_variable",
    "indicator_id",
    "to_iamc",
    "to_status_table",
    "write_iamc",
    "write_status_table",
]

Layout = Literal["wide", "long"]

#: The IAMC index: one timeseries per distinct combination.
IAMC_INDEX = ["model", "scenario", "region", "variable", "unit"]
LONG_COLUMNS = [*IAMC_INDEX, "year", "value"]
#: The opt-in companion table: where each value comes from.
STATUS_COLUMNS = [*IAMC_INDEX, "year", "status", "source"]
#: Columns of the projection table that describe a value rather than measure it;
#: they go to the status table when present (``recorded``: the value is the shared
#: record of the past, not a back-cast, counterfactual or projection).
_PROVENANCE = ("status", "grade", "recorded", "source")

#: Indicator id -> IAMC variable name. Depth follows "part of": the S&T budget is a
#: part of budget expenditure, its share is an attribute of it. Shares, ratios and
#: densities sit under the quantity they describe; pyam checks aggregates only when
#: asked (``check_aggregate``), and these are not meant to sum.
VARIABLES: dict[str, str] = {
    "population": "Population",
    "grdp": "GRDP|Current Prices",
    "budget_expenditure": "Budget|Expenditure",
    "budget_revenue_local": "Budget|Revenue|Local Retained",
    "plan_funding": "Investment|S&T|Plan 182 Budget",
    "st_budget": "Budget|Expenditure|S&T",
    "st_investment": "Investment|S&T",
    "st_investment_share_grdp": "Investment|S&T|Share of GRDP",
    "st_budget_share_expenditure": "Budget|Expenditure|S&T|Share of Expenditure",
    "researchers": "Researchers",
    "researcher_density": "Researchers|Density",
    "funding_required": "Investment|S&T|Required",
    "funding_sufficiency": "Investment|S&T|Sufficiency",
    "st_fund_contribution": "Budget|S&T Fund|Contribution",
    "st_fund_share_revenue_local": "Budget|S&T Fund|Share of Local Revenue",
}
_IDS = {name: ind for ind, name in VARIABLES.items()}
_ORDER = {ind: i for i, ind in enumerate(PROJECTED_IDS)}


def iamc_variable(indicator: str) -> str:
    """The IAMC name of an indicator id (an id without one is kept as is)."""
    return VARIABLES.get(indicator, indicator)


def indicator_id(variable: str) -> str:
    """The indicator id of an IAMC variable name (the inverse of :func:`iamc_variable`)."""
    return _IDS.get(variable, variable)


def _checked(table: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        from khcn_analysis.core.errors import InputError

        raise InputError(None, "columns", ", ".join(missing) + " missing",
                         "the projection table's columns (model, scenario, region, variable, "
                         "unit, year, value, status, source)")
    out = table.copy()
    out["year"] = out["year"].astype(int)
    registry = out["variable"].map({k: ind.unit for k, ind in INDICATORS.items()})
    wrong = registry.notna() & (registry != out["unit"])
    if wrong.any():
        from khcn_analysis.core.indicators import UnitMismatchError

        row = out[wrong].iloc[0]
        raise UnitMismatchError(
            f"{row['variable']} in '{row['unit']}': the indicator registry spells its unit "
            f"'{INDICATORS[row['variable']].unit}' and every export uses that spelling")
    duplicated = out.duplicated([*IAMC_INDEX, "year"], keep=False)
    if duplicated.any():
        key = out.loc[duplicated, [*IAMC_INDEX, "year"]].iloc[0].tolist()
        raise ValueError(f"two values for one IAMC key and year: {key}")
    # Scenarios in the order given (the first is the main one), indicators in the
    # registry's display order, years ascending.
    scenarios = {name: i for i, name in enumerate(dict.fromkeys(out["scenario"]))}
    out = out.assign(_scenario=out["scenario"].map(scenarios),
                     _variable=out["variable"].map(_ORDER).fillna(len(_ORDER)))
    out = out.sort_values(["model", "_scenario", "region", "_variable", "variable", "year"], kind="stable")
    out["variable"] = out["variable"].map(iamc_variable)
    return out.drop(columns=["_scenario", "_variable"]).reset_index(drop=True)


def to_iamc(table: pd.DataFrame, *, layout: Layout = "wide") -> pd.DataFrame:
    """The projection table (one scenario or several concatenated) in the IAMC format.

    ``wide``: ``model, scenario, region, variable, unit`` and one column per year
    (empty where the series has no value that year). ``long``: the same index
    with ``year, value``. No status column: see :func:`to_status_table`.
    """
    long = _checked(table, LONG_COLUMNS)[LONG_COLUMNS]
    if layout == "long":
        return long
    if layout != "wide":
        raise ValueError(f"layout {layout!r}: expected 'wide' or 'long'")
    keys = long[IAMC_INDEX].drop_duplicates()
    wide = long.pivot(index=IAMC_INDEX, columns="year", values="value")
    wide = keys.merge(wide.reset_index(), on=IAMC_INDEX, how="left", sort=False)
    years = sorted(c for c in wide.columns if isinstance(c, int))
    return wide[[*IAMC_INDEX, *years]].reset_index(drop=True)


def to_status_table(table: pd.DataFrame) -> pd.DataFrame:
    """Where each value comes from: the IAMC keys, ``year``, ``status``, ``source`` (long).

    ``grade`` and ``recorded`` columns of the projection table are carried too when present.
    """
    out = _checked(table, STATUS_COLUMNS)
    extra = [c for c in _PROVENANCE if c in out.columns and c not in STATUS_COLUMNS]
    return out[[*IAMC_INDEX, "year", "status", *extra, "source"]]


def check_iamc(frame: pd.DataFrame) -> list[str]:
    """What keeps ``frame`` from being an IAMC wide table pyam reads without surprise.

    Returns the problems found (an empty list when there are none): index columns
    present and first, every other column a year holding numbers, one row per key.
    """
    problems = []
    head = [str(c).lower() for c in frame.columns[: len(IAMC_INDEX)]]
    if head != IAMC_INDEX:
        problems.append(f"first columns are {head}, expected {IAMC_INDEX}")
    for col in frame.columns[len(IAMC_INDEX):]:
        if not str(col).isdigit():
            problems.append(f"column {col!r} is not a year: pyam would read it as an extra index")
        elif not pd.api.types.is_numeric_dtype(frame[col]):
            problems.append(f"year column {col!r} holds non-numbers")
    if not problems and frame.duplicated(IAMC_INDEX).any():
        problems.append(f"{int(frame.duplicated(IAMC_INDEX).sum())} rows repeat a key")
    return problems


def _write(frame: pd.DataFrame, path: Path, sheet: str) -> Path:
    from khcn_analysis.core.atomic import atomic_path

    with atomic_path(path) as tmp:
        if path.suffix.lower() == ".xlsx":
            frame.to_excel(tmp, sheet_name=sheet, index=False)
        else:
            frame.to_csv(tmp, index=False, encoding="utf-8")
    return path


def write_iamc(table: pd.DataFrame, path: str | Path, *, layout: Layout = "wide") -> Path:
    """Write the IAMC table as UTF-8 CSV or, for ``.xlsx``, a sheet named ``data`` as pyam expects."""
    return _write(to_iamc(table, layout=layout), Path(path), "data")


def write_status_table(table: pd.DataFrame, path: str | Path) -> Path:
    """Write :func:`to_status_table` as UTF-8 CSV (or a ``status`` sheet for ``.xlsx``)."""
    return _write(to_status_table(table), Path(path), "status")
