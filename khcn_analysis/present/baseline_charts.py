"""Page 02's charts: the main Lai Châu series with a mark per status, and the regional bars.

House style (``present.charts``), the shared status words (``status.*``) and marks, and
axes that span the data: a series with one point (researchers, 2011) used to get an
x axis from 1925 to 2100.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from khcn_analysis.core.catalogue import t
from khcn_analysis.core.formatting import format_number
from khcn_analysis.present.charts.lines import status_handles
from khcn_analysis.present.charts.style import (
    GREY,
    OKABE_ITO,
    SCREEN_DPI,
    house_style,
    number_formatter,
    status_style,
    year_axis,
)

__all__ = ["HISTORY_STATUSES", "MAIN_SERIES", "REGIONAL_ORDER", "main_series_chart", "region_name",
           "regional_chart", "series_chart"]

#: The main Lai Châu series of the page, in reading order (words: ``data.series.<id>``).
MAIN_SERIES = ("population", "grdp", "budget_expenditure", "budget_revenue_local", "st_budget",
               "st_investment", "researchers")
REGIONAL_ORDER = ("Lai Chau", "Dien Bien", "Lao Cai", "Son La", "Ha Giang", "Thai Nguyen",
                  "Northern midlands and mountain areas", "Vietnam")
HISTORY_STATUSES = ("observed", "derived", "interpolated", "assumption")
LINE_COLOUR = OKABE_ITO["blue"]
HIGHLIGHT = OKABE_ITO["vermillion"]


def region_name(region: str, lang: str = "vi") -> str:
    return t(f"data.region.{region}", lang)


def series_chart(data: pd.DataFrame, *, title: str, unit: str, lang: str = "vi",
                 ax: plt.Axes | None = None) -> plt.Figure:
    """A line through one series with a mark per status (the house marks), axes spanning the data."""
    with house_style():
        if ax is None:
            fig, ax = plt.subplots(figsize=(8, 3.6), dpi=SCREEN_DPI)
        else:
            fig = ax.figure
        years = data["year"].astype(int)
        # the line breaks over missing years: a gap is not bridged (e.g. across the GRDP revision)
        full = data.set_index("year")["value"].reindex(range(int(years.min()), int(years.max()) + 1))
        ax.plot(full.index, full.values, color=LINE_COLOUR, linewidth=1.4, zorder=1)
        for status in HISTORY_STATUSES:
            part = data[data.status == status]
            if part.empty:
                continue
            style = status_style(status)
            face = LINE_COLOUR if style.filled else "white"
            ax.plot(part.year, part.value, linestyle="none", markersize=7, zorder=2, marker=style.marker,
                    markeredgecolor=LINE_COLOUR, markerfacecolor=face, markeredgewidth=1.4)
        handles = status_handles(set(data["status"]), lang)
        ax.set_title(title, fontsize=11, loc="left")
        ax.set_ylabel(unit)
        year_axis(ax, years)
        first, last = int(years.min()), int(years.max())
        if last - first < 6:  # a short series: one tick per year, a year of room either side
            ax.set_xticks(range(first - 1, last + 2))
            ax.set_xlim(first - 1.2, last + 1.2)
        ax.yaxis.set_major_formatter(number_formatter(lang))
        low = min(0.0, float(data["value"].min()))
        ax.set_ylim(low, float(data["value"].max()) * 1.15 or 1.0)
        ax.legend(handles=handles, frameon=False, fontsize=8, loc="lower right")
        _fixed_layout(fig)
    return fig

def _fixed_layout(fig: plt.Figure) -> None:
    """Lay the figure out once, then keep it: ``tight_layout()`` leaves a placeholder layout
    engine behind, which makes every save draw the whole figure twice (same pixels)."""
    fig.tight_layout()
    fig.set_layout_engine(None)


def main_series_chart(obs: pd.DataFrame, variable: str, lang: str = "vi") -> plt.Figure:
    """Chart of one main Lai Châu series, statuses distinguished."""
    data = obs[(obs.region == "Lai Chau") & (obs.variable == variable)].sort_values("year")
    title = t("data.chart.series_title", lang, label=t(f"data.series.{variable}", lang))
    return series_chart(data, title=title, unit=t(f"data.unit.{variable}", lang), lang=lang)

def regional_chart(table: pd.DataFrame, variable: str, lang: str = "vi") -> plt.Figure:
    """Bars of the latest value per region for one indicator; Lai Châu highlighted."""
    latest = table[table.variable == variable].sort_values("year").groupby("region").tail(1)
    order = {r: i for i, r in enumerate(REGIONAL_ORDER)}
    latest = latest.sort_values("region", key=lambda s: s.map(order))
    with house_style():
        fig, ax = plt.subplots(figsize=(8, 3.8), dpi=SCREEN_DPI)
        colors = [HIGHLIGHT if r == "Lai Chau" else GREY for r in latest.region]
        labels = [f"{region_name(r, lang)}\n({y})" for r, y in zip(latest.region, latest.year, strict=True)]
        ax.barh(labels, latest.value, color=colors)
        for i, v in enumerate(latest.value):
            ax.text(v, i, " " + format_number(v, 2, lang), va="center", fontsize=8)
        ax.invert_yaxis()
        ax.grid(False)
        ax.set_xlim(0, float(latest.value.max()) * 1.18)
        ax.xaxis.set_major_formatter(number_formatter(lang))
        ax.set_title(t(f"data.regional.{variable}", lang), fontsize=10, loc="left")
        _fixed_layout(fig)
    return fig
