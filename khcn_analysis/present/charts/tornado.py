"""One-at-a-time sensitivity: which parameter moves the indicator most, widest bar on top."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from khcn_analysis.core.catalogue import has, t
from khcn_analysis.core.errors import InputError
from khcn_analysis.core.formatting import check_lang, format_number
from khcn_analysis.present.charts.frame import MARGIN, new_frame, place_legend, wrap_to_width
from khcn_analysis.present.charts.inputs import chart_data, require_columns
from khcn_analysis.present.charts.style import (
    HISTORY_COLOUR,
    PALETTE,
    house_style,
    min_decimals,
    number_formatter,
)
from khcn_analysis.present.charts.text import (
    indicator_decimals,
    indicator_label,
    indicator_unit_label,
    mid,
    scenario_title,
    short_value,
    source_line,
    w,
)

__all__ = ["parameter_label", "tornado_chart"]

LABEL_WIDTH = {"slide": 3.0, "a4": 2.6}  # inches kept left of the bars for parameter names


def parameter_label(parameter: str, lang: str) -> str:
    """The shared wording of a scenario parameter (``param.<key>``); an unknown key as is."""
    key = f"param.{parameter}"
    return t(key, lang) if has(key) else parameter


def _effects(effects: pd.DataFrame, indicator: str, year: int, base: float | None) -> tuple[pd.DataFrame, float]:
    effects = effects.rename(columns={"value_low": "low", "value_high": "high"})
    if "variable" in effects.columns:
        effects = effects.loc[effects["variable"] == indicator]
    if "year" in effects.columns:
        effects = effects.loc[effects["year"] == year]
    require_columns(effects, ("parameter", "low", "high"), "sensitivity table")
    if effects.empty:
        raise InputError("sensitivity table", "rows", "no rows", "one row per parameter")
    if base is None:
        if "base" not in effects.columns:
            raise InputError("sensitivity table", "base", "missing", "a 'base' column or the base= argument")
        base = float(effects["base"].iloc[0])
    return effects, base


def tornado_chart(
    effects,
    *,
    indicator: str,
    year: int,
    base: float | None = None,
    unit: str | None = None,
    scenario: str | None = None,
    lang: str = "vi",
    size: str = "slide",
    max_bars: int = 12,
    titles=None,
) -> Figure:
    """The indicator's value at each parameter's low and high setting, sorted by swing.

    ``effects``: ``parameter, low, high`` (``sensitivity.tornado``'s ``value_low`` /
    ``value_high`` work too, or a :class:`Results` run with ``tornado=True``),
    optionally ``variable``/``year`` (filtered to this chart's), ``label_vi``/``label_en``,
    ``param_low``/``param_high`` and ``base``. Parameters that do not move the indicator
    are left out and counted in the subtitle.
    """
    lang = check_lang(lang)
    if not isinstance(effects, pd.DataFrame):
        cd = chart_data(effects)
        if cd.tornado is None:
            raise InputError(None, "sensitivity", "a run without the tornado", "pipeline.run(..., tornado=True)")
        scenario, titles, effects = scenario or cd.scenarios[0], titles or cd.titles, cd.tornado
    effects, base = _effects(effects, indicator, year, base)
    if unit is None:
        unit = str(effects["unit"].iloc[0]) if "unit" in effects.columns else ""
    df = effects.copy()
    df["swing"] = (df["high"] - df["low"]).abs()
    df = df.sort_values("swing", ascending=False, kind="stable")
    n_all = len(df)
    df = (df.loc[df["swing"] > 0] if (df["swing"] > 0).any() else df).head(max_bars)
    label_col = f"label_{lang}"
    df["name"] = df[label_col] if label_col in df.columns else [parameter_label(str(p), lang) for p in df["parameter"]]
    decimals = indicator_decimals(indicator)

    def short(v: float) -> str:
        return short_value(v, unit, lang, decimals)

    top = df.iloc[0]
    lo_v, hi_v = sorted((float(top["low"]), float(top["high"])))
    label = mid(indicator_label(indicator, lang))
    if top["swing"] > 0:
        title = w("tornado.title", lang, name=top["name"], label=label, year=year,
                  lo=short(lo_v), hi=short(hi_v), base=short(base))
    else:  # nothing moves it (a scenario that holds the indicator on its target)
        title = w("tornado.flat", lang, label=indicator_label(indicator, lang), year=year, base=short(base))
    parts = [w("unit", lang, unit=indicator_unit_label(indicator, unit, lang))]
    if scenario:
        parts.append(w("tornado.base_scenario", lang, name=scenario_title(scenario, lang, titles)))
    parts.append(w("tornado.method", lang))
    if n_all > len(df):
        parts.append(w("tornado.dropped", lang, n=n_all - len(df)))
    source = source_line(effects["source"] if "source" in effects.columns else [], lang=lang,
                         statuses=["assumption"],  # parameter ranges are assumptions by construction
                         extra=[w("source.calculation", lang)])
    label_width = LABEL_WIDTH.get(size, 3.0)
    frame = new_frame(title=title, subtitle="; ".join(parts), source=source, lang=lang, size=size,
                      left_margin=MARGIN + label_width + 0.2)
    ax, sz = frame.ax, frame.size
    with house_style():
        y = np.arange(len(df))[::-1]
        c_low, c_high = PALETTE[0], PALETTE[1]
        for yi, (_, r) in zip(y, df.iterrows(), strict=True):
            ends = ((r["low"], c_low, "param_low"), (r["high"], c_high, "param_high"))
            for value, colour, _key in ends:
                ax.barh(yi, value - base, left=base, height=0.6, color=colour, zorder=3)
            if r["swing"] == 0:  # one label, not two printed on each other
                params = [format_number(float(r[k]), min_decimals(float(r[k])), lang) for _, _, k in ends
                          if k in df.columns and not pd.isna(r[k])]
                text = short(r["low"]) + (f" ({'–'.join(params)})" if params else "")
                ax.annotate(text, xy=(base, yi), xytext=(5, 0), textcoords="offset points", va="center",
                            ha="left", fontsize=sz.small + 0.5)
                continue
            for value, _colour, key in ends:
                text = short(value)
                if key in df.columns and not pd.isna(r[key]):
                    text += f" ({format_number(float(r[key]), min_decimals(float(r[key])), lang)})"
                ax.annotate(text, xy=(value, yi), xytext=(5 if value >= base else -5, 0),
                            textcoords="offset points", va="center",
                            ha="left" if value >= base else "right", fontsize=sz.small + 0.5)
        ax.axvline(base, color=HISTORY_COLOUR, linewidth=1.4, zorder=4)
        ax.set_yticks(y, [wrap_to_width(frame.fig, str(n), sz.body, label_width) for n in df["name"]])
        lo_all = min(df["low"].min(), df["high"].min(), base)
        hi_all = max(df["low"].max(), df["high"].max(), base)
        span = float(hi_all - lo_all) or 1.0
        ax.set_xlim(lo_all - span * 0.35, hi_all + span * 0.35)
        ax.xaxis.set_major_formatter(number_formatter(lang, suffix="%" if unit == "%" else ""))
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", visible=True)
        ax.set_axisbelow(True)
        ax.spines["left"].set_visible(False)
        ax.tick_params(axis="y", length=0, labelsize=sz.body)
    handles = [Patch(color=c_low, label=w("tornado.low", lang)), Patch(color=c_high, label=w("tornado.high", lang))]
    place_legend(frame, handles, [h.get_label() for h in handles])
    return frame.fig
