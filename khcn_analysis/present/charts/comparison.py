"""Several scenarios, one indicator: the spread in the final year and how many meet the target."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from khcn_analysis.core.formatting import check_lang
from khcn_analysis.present.charts.frame import new_frame, place_legend
from khcn_analysis.present.charts.inputs import chart_data, older_names, scenario_series
from khcn_analysis.present.charts.lines import draw_scenarios, spread_labels
from khcn_analysis.present.charts.placement import settle_labels
from khcn_analysis.present.charts.style import PALETTE, house_style
from khcn_analysis.present.charts.targets import milestone_verdicts, target_specs
from khcn_analysis.present.charts.text import (
    chart_source,
    indicator_decimals,
    indicator_label,
    mid,
    scenario_title,
    short_value,
    subtitle,
    w,
)

__all__ = ["comparison_title", "scenario_comparison_chart", "scenarios_meeting"]

END_ROOM = 1.6  # years of space right of the last year for the end-of-line values


def scenarios_meeting(attainment: pd.DataFrame | None, indicator: str, names: Sequence[str],
                      year: int) -> int | None:
    """How many of ``names`` the judge rules met in ``year`` (None: the rows do not say per scenario)."""
    if attainment is None or "scenario" not in attainment.columns or "status" not in attainment.columns:
        return None
    judged = {}
    for name in names:
        found = [v for v in milestone_verdicts(attainment, indicator, scenario=name) if v.year == year]
        if found:
            judged[name] = found[0].status == "met"
    return sum(judged.values()) if len(judged) == len(names) else None


def comparison_title(final: pd.Series, label: str, year: int, unit: str, decimals: int, lang: str,
                     titles, met: int | None) -> str:
    """'Năm 2030, <label> từ 0,4% (kịch bản A) đến 2,1% (kịch bản B); 1/5 kịch bản đạt mục tiêu năm 2030'."""
    def short(v: float) -> str:
        return short_value(v, unit, lang, decimals)

    if len(final) < 2 or np.isclose(final.min(), final.max()):
        title = w("comparison.same", lang, year=year, label=mid(label), value=short(final.iloc[0]))
    else:
        lo, hi = final.idxmin(), final.idxmax()
        title = w("comparison.range", lang, year=year, label=mid(label), lo=short(final[lo]),
                  hi=short(final[hi]), lo_name=scenario_title(lo, lang, titles),
                  hi_name=scenario_title(hi, lang, titles))
    if met is not None:
        title = w("comparison.count", lang, title=title, k=met, n=len(final), year=year)
    return title


@older_names
def scenario_comparison_chart(
    data,
    indicator: str,
    *,
    scenarios: Sequence[str] | None = None,
    attainment: pd.DataFrame | None = None,
    lang: str = "vi",
    size: str = "slide",
    sources: pd.DataFrame | None = None,
    titles: Mapping[str, Mapping[str, str]] | None = None,
) -> Figure:
    """Several scenarios, one indicator; the title gives the spread in the final year.

    ``data``: a projection table or several :class:`Results`. With the judge's rows of
    every scenario (``attainment`` with a ``scenario`` column, as :class:`Results`
    give), the title also says how many scenarios the judge rules met in that year.
    """
    lang = check_lang(lang)
    cd = chart_data(data)
    attainment = attainment if attainment is not None else cd.attainment
    sources = sources if sources is not None else cd.sources
    titles = titles if titles is not None else cd.titles
    rows, names = scenario_series(cd.table, indicator, scenarios)
    unit = str(rows["unit"].iloc[0])
    decimals = indicator_decimals(indicator)
    specs = target_specs(attainment, indicator)
    last_year = int(rows["year"].max())
    final = rows.loc[rows["year"] == last_year].set_index("scenario")["value"]
    final = final.reindex([n for n in names if n in final.index])
    met = scenarios_meeting(attainment, indicator, list(final.index), last_year) if specs else None
    title = comparison_title(final, indicator_label(indicator, lang), last_year, unit, decimals, lang,
                             titles, met)
    frame = new_frame(title=title, subtitle=subtitle(indicator, unit, names, rows, lang, titles),
                      source=chart_source(rows, [s.clause for s in specs], lang, sources),
                      lang=lang, size=size)
    handles, labels = draw_scenarios(frame, rows, names, specs, unit, lang, titles, end_room=END_ROOM)
    place_legend(frame, handles, labels)
    ax, sz = frame.ax, frame.size
    with house_style():
        shown = [(i, n) for i, n in enumerate(names) if n in final.index]
        placed = spread_labels(ax, [float(final[n]) for _, n in shown], min_gap_pt=(sz.small + 1) * 1.3)
        for (i, name), y_label in zip(shown, placed, strict=True):
            ax.annotate(short_value(final[name], unit, lang, decimals), xy=(last_year, final[name]),
                        xytext=(last_year + 0.6, y_label), textcoords="data", va="center", ha="left",
                        fontsize=sz.small + 1, color=PALETTE[i % len(PALETTE)], fontweight="bold")
    settle_labels(ax)
    return frame.fig
