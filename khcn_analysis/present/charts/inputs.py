"""What a chart receives: tidy tables, checked, or a pipeline run's :class:`Results`.

Every chart takes the projection table and the judge's rows as frames, so a test can
hand it a small table. Notebooks and the command pass :class:`Results` (one, or
several for a comparison); :func:`chart_data` unpacks them into the same frames,
with a ``scenario`` column on the judge's rows so a comparison can count verdicts
per scenario. Nothing here reads a file or runs the engine.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from khcn_analysis.core.catalogue import LANGS
from khcn_analysis.core.errors import InputError
from khcn_analysis.present.charts.style import STATUS_STYLES

__all__ = ["PROJECTION_COLUMNS", "ChartData", "chart_data", "older_names", "require_columns",
           "scenario_series", "series_rows"]

PROJECTION_COLUMNS = ("scenario", "variable", "unit", "year", "value", "status", "source")


def require_columns(df: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    columns = list(columns)
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise InputError(what, "columns", ", ".join(missing) + " missing",
                         f"a table with columns {', '.join(columns)}")


def series_rows(table: pd.DataFrame, indicator: str, what: str = "projection table") -> pd.DataFrame:
    """The rows of one indicator, checked: known statuses, one unit, one row per year."""
    require_columns(table, PROJECTION_COLUMNS, what)
    rows = table.loc[table["variable"] == indicator].copy()
    if rows.empty:
        found = ", ".join(sorted(map(str, table["variable"].unique()))[:12])
        raise InputError(what, "variable", f"no rows for {indicator!r} (has {found})",
                         f"rows with variable {indicator!r}")
    bad = sorted(set(rows["status"].astype(str)) - set(STATUS_STYLES))
    if bad:
        raise InputError(what, f"status of {indicator}", ", ".join(bad),
                         "one of " + ", ".join(STATUS_STYLES))
    units = sorted(set(rows["unit"].astype(str)))
    if len(units) != 1:
        raise InputError(what, f"unit of {indicator}", ", ".join(units), "one unit per indicator")
    dup = rows.duplicated(["scenario", "year"], keep=False)
    if dup.any():
        first = rows.loc[dup].iloc[0]
        raise InputError(what, f"{indicator}, scenario {first['scenario']}, year {first['year']}",
                         "several rows", "one row per scenario and year")
    rows["year"] = rows["year"].astype(int)
    rows["value"] = rows["value"].astype(float)
    rows["scenario"] = rows["scenario"].astype(str)
    return rows.sort_values(["scenario", "year"], kind="stable")


def scenario_series(table: pd.DataFrame, indicator: str,
                    scenarios: Sequence[str] | None = None) -> tuple[pd.DataFrame, list[str]]:
    """One indicator's checked rows for the chosen scenarios, and those scenarios in order."""
    rows = series_rows(table, indicator)
    present = list(dict.fromkeys(table.loc[table["variable"] == indicator, "scenario"].astype(str)))
    if scenarios is None:
        names = present
    else:
        missing = [s for s in scenarios if s not in present]
        if missing:
            raise InputError("projection table", "scenario", ", ".join(missing),
                             "one of " + ", ".join(present))
        names = list(scenarios)
    return rows.loc[rows["scenario"].isin(names)], names


@dataclass(frozen=True)
class ChartData:
    """The frames the charts draw, from one or several runs (the first is the primary one).

    ``attainment`` and ``sufficiency`` are the judge's rows with a ``scenario`` column;
    ``titles`` maps each scenario id to its title per language; ``uncertainty`` and
    ``tornado`` are the primary run's, when it computed them.
    """

    table: pd.DataFrame
    attainment: pd.DataFrame | None = None
    sufficiency: pd.DataFrame | None = None
    sources: pd.DataFrame | None = None
    titles: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    budget: pd.DataFrame | None = None
    bands: pd.DataFrame | None = None
    probabilities: pd.DataFrame | None = None
    draws: int | None = None
    tornado: pd.DataFrame | None = None

    @property
    def scenarios(self) -> list[str]:
        return list(dict.fromkeys(self.table["scenario"].astype(str)))


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame | None:
    return pd.concat(frames, ignore_index=True) if frames else None


def _is_results(obj: Any) -> bool:
    return hasattr(obj, "projection") and hasattr(obj, "attainment") and hasattr(obj, "scenario")


def chart_data(data: Any) -> ChartData:
    """:class:`ChartData` from a :class:`Results`, several of them, or a projection table."""
    if isinstance(data, ChartData):
        return data
    if isinstance(data, pd.DataFrame):
        return ChartData(table=data)
    runs = [data] if _is_results(data) else list(data.values() if isinstance(data, Mapping) else data)
    if not runs or not all(_is_results(r) for r in runs):
        raise InputError(None, "chart data", type(data).__name__,
                         "a pipeline Results, a list of them or a projection table")
    first = runs[0]

    def tagged(frame: pd.DataFrame, name: str) -> pd.DataFrame:
        return frame.assign(scenario=name) if "scenario" not in frame.columns else frame

    mc = first.uncertainty
    return ChartData(
        table=pd.concat([r.table for r in runs], ignore_index=True),
        attainment=pd.concat([tagged(r.attainment, r.scenario.name) for r in runs], ignore_index=True),
        sufficiency=_concat([tagged(r.sufficiency, r.scenario.name) for r in runs if r.sufficiency is not None]),
        sources=first.sources,
        titles={r.scenario.name: {lang: r.scenario.title(lang) for lang in LANGS} for r in runs},
        budget=first.plan.budget_table(),
        bands=mc.bands if mc is not None else None,
        probabilities=mc.probabilities if mc is not None else None,
        draws=mc.draws if mc is not None else None,
        tornado=first.tornado,
    )


#: Keyword names the charts had before they received the judge's rows and the run's sources.
OLDER_NAMES = {"targets": "attainment", "source_details": "sources"}


def older_names(chart: Callable) -> Callable:
    """Accept a chart's older keyword names (``targets=``, ``source_details=``) while callers move."""
    @functools.wraps(chart)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        for old, new in OLDER_NAMES.items():
            if old in kwargs:
                value = kwargs.pop(old)
                if kwargs.get(new) is None:
                    kwargs[new] = value
        return chart(*args, **kwargs)
    return wrapper
