"""Export in the IAMC long format that pyam reads, written with pandas only.

pyam pins pandas<3 and pulls a server stack (STACK.md), so we write its
columns ourselves: ``model, scenario, region, variable, unit, year, value``
plus ``status`` (and ``source`` when asked). Rows are sorted so two exports
of the same projection are byte-identical.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

__all__ = ["IAMC_COLUMNS", "to_iamc", "write_iamc"]

IAMC_COLUMNS = ["model", "scenario", "region", "variable", "unit", "year", "value", "status"]


def to_iamc(table: pd.DataFrame, *, with_source: bool = False) -> pd.DataFrame:
    """The projection table (or several concatenated) in IAMC column order."""
    cols = IAMC_COLUMNS + (["source"] if with_source else [])
    missing = [c for c in cols if c not in table.columns]
    if missing:
        from khcn_analysis.core.errors import InputError

        raise InputError(None, "columns", ", ".join(missing) + " missing", "the projection table columns")
    out = table[cols].copy()
    out["year"] = out["year"].astype(int)
    return out.sort_values(["model", "scenario", "region", "variable", "year"], kind="stable").reset_index(drop=True)


def write_iamc(table: pd.DataFrame, path: str | Path, *, with_source: bool = False) -> Path:
    """Write CSV (UTF-8) or, for ``.xlsx``, a sheet named ``data`` as pyam expects."""
    path = Path(path)
    frame = to_iamc(table, with_source=with_source)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() == ".xlsx":
        frame.to_excel(path, sheet_name="data", index=False)
    else:
        frame.to_csv(path, index=False, encoding="utf-8")
    return path
