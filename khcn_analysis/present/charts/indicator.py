"""One indicator over the years against the plan's targets, with the judge's verdict in the title."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
from matplotlib.figure import Figure

from khcn_analysis.core.formatting import check_lang
from khcn_analysis.present.charts.frame import new_frame, place_legend
from khcn_analysis.present.charts.inputs import chart_data, older_names, scenario_series
from khcn_analysis.present.charts.lines import draw_scenarios, draw_verdicts, verdict_handles
from khcn_analysis.present.charts.placement import settle_labels
from khcn_analysis.present.charts.targets import Verdict, milestone_verdicts, target_specs
from khcn_analysis.present.charts.text import (
    chart_source,
    format_value,
    indicator_decimals,
    indicator_label,
    scenario_title,
    short_value,
    subtitle,
    w,
)

__all__ = ["indicator_chart", "indicator_title", "researcher_density_chart", "st_investment_share_chart"]


def indicator_title(label: str, verdicts: list[Verdict], primary: pd.DataFrame, unit: str,
                    decimals: int, lang: str) -> str:
    """'<label>: 0,76% năm 2015 (chưa đạt), 8,57 năm 2020 (đạt, vượt khoảng mục tiêu)'.

    The verdict words are the judge's; without judged milestones the title states the
    change from the first to the last year instead.
    """
    if verdicts:
        items = ", ".join(
            w("title.item", lang, value=short_value(v.value, unit, lang, decimals), year=v.year,
              verdict=v.words(lang))
            for v in verdicts)
        return w("title.values", lang, label=label, items=items)
    by_year = dict(zip(primary["year"], primary["value"], strict=True))
    y0, y1 = min(by_year), max(by_year)
    a, b = by_year[y0], by_year[y1]
    key = "title.rise" if b > a else "title.fall" if b < a else "title.stay"
    return w(key, lang, label=label, a=format_value(a, unit, lang, decimals),
             b=format_value(b, unit, lang, decimals), y0=y0, y1=y1)


@older_names
def indicator_chart(
    data,
    indicator: str,
    *,
    attainment: pd.DataFrame | None = None,
    scenarios: Sequence[str] | None = None,
    lang: str = "vi",
    size: str = "slide",
    sources: pd.DataFrame | None = None,
    titles: Mapping[str, Mapping[str, str]] | None = None,
) -> Figure:
    """One indicator over the years, per scenario, against the plan's targets.

    ``data``: a projection table, or a pipeline :class:`Results` (or several), which
    supply ``attainment``, ``sources`` and ``titles`` themselves. ``attainment``: the
    judge's rows; the title reports the value in each milestone year with the judge's
    verdict, for the first scenario (a plan's targets table there draws the targets
    without verdicts).
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
    primary = rows.loc[rows["scenario"] == names[0]]
    verdicts = milestone_verdicts(attainment, indicator, scenario=names[0])
    title = indicator_title(indicator_label(indicator, lang), verdicts, primary, unit, decimals, lang)
    if len(names) > 1:
        title = w("for_scenario", lang, title=title, name=scenario_title(names[0], lang, titles))
    frame = new_frame(title=title, subtitle=subtitle(indicator, unit, names, rows, lang, titles),
                      source=chart_source(rows, [s.clause for s in specs], lang, sources),
                      lang=lang, size=size)
    handles, labels = draw_scenarios(frame, rows, names, specs, unit, lang, titles)
    draw_verdicts(frame.ax, verdicts)
    marks = verdict_handles(verdicts, lang)
    place_legend(frame, handles + marks, labels + [h.get_label() for h in marks])
    settle_labels(frame.ax)
    return frame.fig


def st_investment_share_chart(data, **options) -> Figure:
    """Total social S&T investment as % of GRDP against 1,5% (2015) and above 2% (from 2020)."""
    return indicator_chart(data, "st_investment_share_grdp", **options)


def researcher_density_chart(data, **options) -> Figure:
    """Researchers per 10,000 people against 5–7 (2020) and 10 (2030)."""
    return indicator_chart(data, "researcher_density", **options)
