"""The engine's recorded series: the processed baseline on the year grid, checked.

What is read, and what is not, on purpose:

* rows of another basis (FTE researchers beside headcount) are another series;
* ``budget_expenditure`` takes the final accounts (``budget_expenditure_final``)
  where they exist and the budget estimate otherwise: the S&T share of the budget
  is measured against what was spent (2020: 11,177 bn VND, not the 8,551 planned);
  :attr:`BaselineSeries.final` marks those years, and trends skip them (a final
  account includes carry-overs, an estimate does not);
* assumption rows that an assumption range replaces are dropped: a ``share``
  range's rows (the engine applies the share itself, draw by draw) and, once the
  series has an observed value, the rows of a range ``superseded_by_observation``
  (the Department's researcher count replaces the national proxy).
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from khcn_analysis.core.config import REGION, YEARS
from khcn_analysis.core.errors import InputError
from khcn_analysis.core.indicators import INDICATORS, check_compatible
from khcn_analysis.core.provenance import assumption_ids
from khcn_analysis.data.assumption_ranges import AssumptionRange

__all__ = ["BASE_SERIES", "BaselineSeries", "extract_baseline"]

#: Series read from the processed baseline; the rest are computed.
BASE_SERIES = (
    "population", "grdp", "budget_expenditure", "budget_revenue_local",
    "st_budget", "st_investment", "researchers", "st_fund_contribution",
)
#: Final accounts that replace a series' budget estimates in the years they cover.
FINAL_ACCOUNTS = {"budget_expenditure": "budget_expenditure_final"}
_REQUIRED_COLUMNS = ("region", "variable", "unit", "basis", "year", "value", "status", "source")


@dataclass
class BaselineSeries:
    """One recorded series on the engine's year grid (NaN where nothing is recorded)."""

    id: str
    values: np.ndarray
    status: np.ndarray
    source: np.ndarray
    unit: str
    basis: str
    final: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))

    @property
    def recorded(self) -> np.ndarray:
        return ~np.isnan(self.values)


def _empty_series(sid: str, n: int) -> BaselineSeries:
    ind = INDICATORS[sid]
    return BaselineSeries(sid, np.full(n, np.nan), np.full(n, "", dtype=object),
                          np.full(n, "", dtype=object), ind.unit, ind.basis, np.zeros(n, dtype=bool))


def _rows(observations: pd.DataFrame, sid: str, variable: str, region: str, file: str,
          notes: list[str]) -> pd.DataFrame:
    ind = INDICATORS[sid]
    sel = observations[(observations["region"] == region) & (observations["variable"] == variable)]
    other_basis = sel[sel["basis"] != ind.basis]
    sel = sel[sel["basis"] == ind.basis]
    if not other_basis.empty and sel.empty:
        notes.append(
            f"{variable}: only basis {sorted(set(other_basis['basis']))} recorded; the engine uses "
            f"'{ind.basis}' and does not mix bases, so the series starts empty"
        )
    for unit in sorted(set(sel["unit"])):
        check_compatible([(f"{sid} (registry)", ind.unit, ind.basis), (f"{variable} ({file})", unit, ind.basis)],
                         what=f"reading {variable} from {file}")
    dup = sel[sel.duplicated("year", keep=False)]
    if not dup.empty:
        raise InputError(file, f"{region} / {variable} / year {int(dup['year'].iloc[0])}",
                         f"{len(dup)} rows", "one value per region, variable, basis and year")
    return sel


def _dropped(sel: pd.DataFrame, sid: str, ranges: tuple[AssumptionRange, ...], notes: list[str]) -> pd.Series:
    """Rows an assumption range replaces (see the module docstring)."""
    observed = (sel["status"] == "observed").any()
    drop = pd.Series(False, index=sel.index)
    for r in ranges:
        if r.variable != sid or not (r.kind == "share" or (r.superseded_by_observation and observed)):
            continue
        hit = sel["source"].map(lambda s, r=r: bool(set(assumption_ids(s)) & set(r.applies_to)))
        if hit.any() and r.kind != "share":
            notes.append(f"{sid}: observed values exist, so the assumption {', '.join(r.applies_to)} is dropped")
        drop |= hit.astype(bool)
    return drop


#: Recent extractions by the content of their inputs: the explorer re-projects on every
#: slider move from the same observations, and reading them costs more than hashing them.
_CACHE: OrderedDict[tuple, tuple[dict[str, BaselineSeries], list[str]]] = OrderedDict()
_CACHE_SIZE = 8


def extract_baseline(
    observations: pd.DataFrame, *, region: str = REGION, years: np.ndarray = YEARS,
    file: str = "observations", ranges: tuple[AssumptionRange, ...] = (),
) -> tuple[dict[str, BaselineSeries], list[str]]:
    """The engine's input series from the processed long table, checked against the registry.

    Rows of another basis (FTE researchers beside headcount) are a different
    series and are not used; a row in the registry's basis but another unit is
    an error, as is a duplicated (variable, year). The same content gives the same
    series (fresh copies: a caller may change them), read once.
    """
    years = np.asarray(years)
    try:
        key = (_fingerprint(observations), region, years.tobytes(), file, tuple(ranges))
    except TypeError:  # cells pandas cannot hash (a list in a cell): read without the cache
        return _extract(observations, region=region, years=years, file=file, ranges=ranges)
    hit = _CACHE.get(key)
    if hit is None:
        hit = _extract(observations, region=region, years=years, file=file, ranges=ranges)
        _CACHE[key] = hit
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    series, notes = hit
    return {sid: replace(s, values=s.values.copy(), status=s.status.copy(), source=s.source.copy(),
                         final=s.final.copy()) for sid, s in series.items()}, list(notes)


def _fingerprint(frame: pd.DataFrame) -> bytes:
    """The frame's content: columns, dtypes and every cell (index ignored, as the reader ignores it)."""
    digest = hashlib.sha256(repr([(str(c), str(t)) for c, t in frame.dtypes.items()]).encode())
    digest.update(pd.util.hash_pandas_object(frame, index=False).to_numpy().tobytes())
    return digest.digest()


def _extract(
    observations: pd.DataFrame, *, region: str, years: np.ndarray, file: str,
    ranges: tuple[AssumptionRange, ...],
) -> tuple[dict[str, BaselineSeries], list[str]]:
    missing = [c for c in _REQUIRED_COLUMNS if c not in observations.columns]
    if missing:
        raise InputError(file, "columns", ", ".join(missing) + " missing", ", ".join(_REQUIRED_COLUMNS))
    notes: list[str] = []
    index = {int(y): i for i, y in enumerate(years)}
    out: dict[str, BaselineSeries] = {}
    for sid in BASE_SERIES:
        series = _empty_series(sid, len(years))
        sel = _rows(observations, sid, sid, region, file, notes)
        sel = sel[~_dropped(sel, sid, ranges, notes)]
        for rec in sel.itertuples(index=False):
            i = index.get(int(rec.year))
            if i is None or pd.isna(rec.value):
                continue
            series.values[i] = float(rec.value)
            series.status[i] = str(rec.status)
            series.source[i] = "" if pd.isna(rec.source) else str(rec.source)
        final_id = FINAL_ACCOUNTS.get(sid)
        if final_id is not None:
            finals = _rows(observations, sid, final_id, region, file, notes)
            used = []
            for rec in finals.itertuples(index=False):
                i = index.get(int(rec.year))
                if i is None or pd.isna(rec.value) or series.status[i] == "observed" and "department." in str(series.source[i]):
                    continue
                series.values[i] = float(rec.value)
                series.status[i] = str(rec.status)
                series.source[i] = "" if pd.isna(rec.source) else str(rec.source)
                series.final[i] = True
                used.append(int(rec.year))
            if used:
                notes.append(f"{sid}: final accounts used for {', '.join(map(str, used))}; "
                             f"budget estimates in the other years")
        out[sid] = series
    return out, notes
