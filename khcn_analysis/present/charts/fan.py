"""Uncertainty: percentile bands of the Monte Carlo projection, the judge's chance of the target."""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd
from matplotlib.figure import Figure

from khcn_analysis.core.errors import InputError
from khcn_analysis.core.formatting import check_lang, format_number
from khcn_analysis.present.charts.frame import new_frame, place_legend
from khcn_analysis.present.charts.inputs import chart_data, older_names, require_columns
from khcn_analysis.present.charts.lines import draw_series, status_handles
from khcn_analysis.present.charts.placement import settle_labels
from khcn_analysis.present.charts.style import (
    HISTORY_COLOUR,
    PALETTE,
    house_style,
    number_formatter,
    year_axis,
)
from khcn_analysis.present.charts.targets import TargetSpec, draw_targets, target_specs
from khcn_analysis.present.charts.text import (
    chart_source,
    indicator_decimals,
    indicator_label,
    indicator_unit_label,
    mid,
    scenario_title,
    short_value,
    w,
)

__all__ = ["BAND_PAIRS", "fan_chart", "percentile_bands", "target_probability"]

BAND_PAIRS = ((5, 95), (25, 75))


def percentile_bands(draws: pd.DataFrame, percentiles=(5, 25, 50, 75, 95)) -> pd.DataFrame:
    """Monte Carlo draws (``year, draw, value``) → ``year, percentile, value``."""
    require_columns(draws, ("year", "value"), "uncertainty draws")
    q = draws.groupby("year")["value"].quantile([p / 100 for p in percentiles]).reset_index()
    q.columns = ["year", "percentile", "value"]
    q["percentile"] = (q["percentile"] * 100).round().astype(int)
    return q


def target_probability(probabilities: pd.DataFrame | None, spec: TargetSpec, indicator: str,
                       year: int) -> float | None:
    """The judge's share of draws meeting ``spec`` in ``year`` (``Results.uncertainty.probabilities``)."""
    if probabilities is None or not len(probabilities):
        return None
    rows = probabilities.loc[(probabilities["indicator"] == indicator) & (probabilities["year"] == year)]
    if "target_id" in rows.columns:
        rows = rows.loc[rows["target_id"].astype(str) == spec.target_id]
    vals = rows["probability"].dropna()
    return float(vals.iloc[0]) if len(vals) else None


def _long_bands(bands: pd.DataFrame, indicator: str) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """Bands as ``year, percentile, value`` from the wide ``p5 … p95`` table, long bands or raw draws."""
    draws = None
    wide_cols = [c for c in bands.columns if re.fullmatch(r"p\d{1,2}", str(c))]
    if "percentile" not in bands.columns and wide_cols:
        keep = [c for c in bands.columns if c not in wide_cols and c != "mean"]
        bands = bands.melt(id_vars=keep, value_vars=wide_cols, var_name="percentile", value_name="value")
        bands["percentile"] = bands["percentile"].str[1:].astype(int)
    if "variable" in bands.columns:
        bands = bands.loc[bands["variable"] == indicator]
    if "percentile" not in bands.columns:
        require_columns(bands, ("year", "draw", "value"), "uncertainty table")
        draws = bands
        bands = percentile_bands(draws)
    require_columns(bands, ("year", "percentile", "value"), "uncertainty table")
    need = {p for pair in BAND_PAIRS for p in pair} | {50}
    have = set(bands["percentile"].astype(int))
    if not need <= have:
        raise InputError("uncertainty table", "percentile", sorted(have),
                         "percentiles " + ", ".join(map(str, sorted(need))))
    return bands, draws


@older_names
def fan_chart(
    data,
    indicator: str,
    *,
    history: pd.DataFrame | None = None,
    attainment: pd.DataFrame | None = None,
    probabilities: pd.DataFrame | None = None,
    scenario: str | None = None,
    unit: str | None = None,
    lang: str = "vi",
    size: str = "slide",
    sources: pd.DataFrame | None = None,
    titles: Mapping[str, Mapping[str, str]] | None = None,
) -> Figure:
    """Percentile bands of a Monte Carlo projection (90% and 50% ranges, median line).

    ``data``: the bands (``uncertainty`` wide ``p5 … p95``, long ``year, percentile,
    value``, or raw draws ``year, draw, value``) or a :class:`Results` run with
    uncertainty. The title gives the final-year range and, from the judge's
    ``probabilities`` (``target_id, indicator, year, probability``), the chance of
    meeting the target; without them it says nothing about the target.
    """
    lang = check_lang(lang)
    if not isinstance(data, pd.DataFrame):
        cd = chart_data(data)
        if cd.bands is None:
            raise InputError(None, "uncertainty", "a run without Monte Carlo", "pipeline.run(..., uncertainty=True)")
        history = history if history is not None else cd.table
        attainment = attainment if attainment is not None else cd.attainment
        probabilities = probabilities if probabilities is not None else cd.probabilities
        scenario = scenario or cd.scenarios[0]
        sources = sources if sources is not None else cd.sources
        titles = titles if titles is not None else cd.titles
        data = cd.bands
    bands, draws = _long_bands(data, indicator)
    if history is not None and "variable" in history.columns:
        history = history.loc[history["variable"] == indicator]
    if unit is None:
        unit = str(bands["unit"].iloc[0]) if "unit" in bands.columns else (
            str(history["unit"].iloc[0]) if history is not None else "")
    if scenario is None and "scenario" in bands.columns:
        scenario = str(bands["scenario"].iloc[0])
    wide = bands.pivot_table(index="year", columns="percentile", values="value").sort_index()
    wide.columns = [int(c) for c in wide.columns]
    decimals = indicator_decimals(indicator)
    specs = target_specs(attainment, indicator)
    last = int(wide.index.max())

    def short(v: float) -> str:
        return short_value(v, unit, lang, decimals)

    title = w("fan.title", lang, year=last, label=mid(indicator_label(indicator, lang)),
              lo=short(wide.loc[last, 5]), hi=short(wide.loc[last, 95]), med=short(wide.loc[last, 50]))
    final_specs = [s for s in specs if s.covers(last)]
    prob = target_probability(probabilities, final_specs[-1], indicator, last) if final_specs else None
    if prob is not None:
        title = w("fan.chance", lang, title=title, p=format_number(prob * 100, 0, lang) + "%")  # type: ignore[arg-type]
    hist = None
    if history is not None and len(history):
        hist = history.loc[history["status"] != "projected"]
        if scenario is not None and "scenario" in hist.columns:
            sel = hist.loc[hist["scenario"].astype(str) == scenario]
            hist = sel if len(sel) else hist.drop_duplicates("year")
        hist = hist.sort_values("year")
    src_rows = pd.concat([
        hist[["source", "status"]] if hist is not None else pd.DataFrame({"source": [], "status": []}),
        pd.DataFrame({"source": [""], "status": ["projected"]}),
    ], ignore_index=True)
    parts = [w("unit", lang, unit=indicator_unit_label(indicator, unit, lang))]
    if scenario:
        parts.append(w("scenario", lang, names=scenario_title(scenario, lang, titles)))
    parts.append(w("fan.bands", lang))
    if draws is not None and "draw" in draws.columns:
        parts.append(w("fan.draws", lang, n=draws["draw"].nunique()))
    frame = new_frame(title=title, subtitle="; ".join(parts),
                      source=chart_source(src_rows, [s.clause for s in specs], lang, sources),
                      lang=lang, size=size)
    ax, sz = frame.ax, frame.size
    colour = PALETTE[0]
    with house_style():
        years = wide.index.to_numpy()
        ax.fill_between(years, wide[5], wide[95], color=colour, alpha=0.18, linewidth=0,
                        label=w("fan.band90", lang), zorder=2)
        ax.fill_between(years, wide[25], wide[75], color=colour, alpha=0.38, linewidth=0,
                        label=w("fan.band50", lang), zorder=2)
        ax.plot(years, wide[50], color=colour, linewidth=2.6, linestyle=(0, (5, 2.5)),
                label=w("fan.median", lang), zorder=3)
        all_years = list(years)
        top = float(wide.to_numpy().max())
        if hist is not None and len(hist):
            draw_series(ax, hist, HISTORY_COLOUR, None)
            all_years += hist["year"].astype(int).tolist()
            top = max(top, float(hist["value"].max()))
        years_all = sorted(set(int(y) for y in all_years))
        draw_targets(ax, specs, years_all, lang=lang, unit=unit, sz=sz)
        top = max([top] + [s.upper or s.lower or 0 for s in specs])
        ax.set_ylim(0, top * 1.18 if top > 0 else 1)
        year_axis(ax, years_all)
        ax.yaxis.set_major_formatter(number_formatter(lang, suffix="%" if unit == "%" else ""))  # type: ignore[arg-type]
    handles, labels = ax.get_legend_handles_labels()
    status_h = status_handles(set(hist["status"].astype(str)) if hist is not None else set(), lang)
    place_legend(frame, handles + status_h, labels + [h.get_label() for h in status_h])
    settle_labels(frame.ax)
    return frame.fig
