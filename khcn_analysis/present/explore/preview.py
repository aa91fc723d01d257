"""The live charts: screen-sized previews, redrawn only when the numbers they show change.

The house charts (:mod:`khcn_analysis.present.charts`, about half a second each)
are what an export writes; these previews draw the same targets and verdicts
in a tenth of that. Each value is drawn in the look of its status
(:func:`~.statuses.status_style`), so an assumed value looks and is labelled as an
assumption; every ✓/✗ and every finding is the judge's row.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from khcn_analysis.core.catalogue import t
from khcn_analysis.core.config import MILESTONES
from khcn_analysis.core.formatting import Lang, format_number
from khcn_analysis.core.indicators import get_indicator
from khcn_analysis.pipeline import Results
from khcn_analysis.present.explore.statuses import (
    NEUTRAL,
    VERDICT_STYLES,
    status_label,
    status_style,
)
from khcn_analysis.present.explore.targets import specs, target_text

__all__ = ["CHART_INDICATORS", "LivePanel"]

#: Charts of the live panel (and of the export), in display order.
CHART_INDICATORS = ("st_investment_share_grdp", "researcher_density", "funding_sufficiency")


@dataclass
class LivePanel:
    """Three preview charts; ``render`` returns PNG bytes per indicator.

    Each chart is a figure made once (``matplotlib.figure.Figure``, no pyplot state)
    and cleared and redrawn in place; a chart whose numbers, statuses, verdicts and
    language are unchanged keeps its previous bytes (``redrawn`` lists the others).
    """

    width_in: float = 5.4
    height_in: float = 3.5
    dpi: int = 96
    _figs: dict[str, Any] = field(default_factory=dict)
    _keys: dict[str, Any] = field(default_factory=dict)
    _png: dict[str, bytes] = field(default_factory=dict)
    redrawn: list[str] = field(default_factory=list)

    def render(self, result: Results, lang: Lang = "vi") -> dict[str, bytes]:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        from khcn_analysis.present.charts.style import house_style

        self.redrawn = []
        for ind in CHART_INDICATORS:
            rows = result.table.loc[result.table["variable"] == ind, ["year", "value", "status"]]
            verdicts = _verdicts(result, ind)
            key = (lang, rows["year"].to_numpy().tobytes(), rows["value"].to_numpy().tobytes(),
                   tuple(rows["status"]), tuple(verdicts.items()))
            if self._keys.get(ind) == key:
                continue
            with house_style():
                fig = self._figs.get(ind)
                if fig is None:
                    fig = Figure(figsize=(self.width_in, self.height_in), dpi=self.dpi)
                    FigureCanvasAgg(fig)
                    fig.add_axes((0.11, 0.13, 0.86, 0.66))
                    self._figs[ind] = fig
                ax = fig.axes[0]
                _empty(fig, ax)
                if ind == "funding_sufficiency":
                    _draw_sufficiency(fig, ax, result.sufficiency, lang)
                else:
                    _draw_indicator(fig, ax, ind, rows, result.attainment, verdicts, lang)
                buf = io.BytesIO()
                fig.savefig(buf, format="png", dpi=self.dpi, pil_kwargs={"compress_level": 1})  # fast, local
            self._png[ind] = buf.getvalue()
            self._keys[ind] = key
            self.redrawn.append(ind)
        return dict(self._png)


def _empty(fig: Any, ax: Any) -> None:
    """Remove what the last drawing added, keeping the axes: new axes (and their ticks) cost a third of a redraw."""
    for artist in [*ax.lines, *ax.collections, *ax.patches, *ax.texts, *fig.texts]:
        artist.remove()
    ax.containers.clear()
    if ax.get_legend() is not None:
        ax.get_legend().remove()
    ax.set_ylabel("")


def _verdicts(result: Results, indicator: str) -> dict[int, str]:
    """The judge's verdict per milestone year (the first province row, as the table shows)."""
    if indicator == "funding_sufficiency":
        frame = result.sufficiency if result.sufficiency is not None else pd.DataFrame(columns=["year", "status"])
    else:
        att = result.attainment
        frame = att.loc[(att["indicator"] == indicator) & (att["scope"] == "province")]
    out: dict[int, str] = {}
    for year, status in zip(frame["year"], frame["status"], strict=True):
        out.setdefault(int(year), str(status))
    return out


def _title(fig: Any, title: str, finding: str, colour: str) -> None:
    fig.text(0.02, 0.975, title, fontsize=10.5, fontweight="bold", ha="left", va="top")
    fig.text(0.02, 0.905, finding, fontsize=10, color=colour, ha="left", va="top")


def _runs(statuses: list[str]) -> list[tuple[int, int]]:
    """``(start, end)`` index ranges of consecutive equal statuses."""
    out, start = [], 0
    for i in range(1, len(statuses) + 1):
        if i == len(statuses) or statuses[i] != statuses[start]:
            out.append((start, i - 1))
            start = i
    return out


def _draw_series(ax: Any, rows: pd.DataFrame) -> list[str]:
    """Each run of one status in its look, joined to the point before it; returns the statuses drawn."""
    years = rows["year"].to_numpy()
    values = rows["value"].to_numpy()
    statuses = [str(s) for s in rows["status"]]
    for start, end in _runs(statuses):
        style = status_style(statuses[start])
        lo = max(start - 1, 0)
        ax.plot(years[lo:end + 1], values[lo:end + 1], color=style.colour, linewidth=2.3, linestyle=style.line,
                zorder=3)
        if style.marker:
            ax.plot(years[start:end + 1], values[start:end + 1], linestyle="none", marker=style.marker,
                    markersize=4.5, color=style.colour, markerfacecolor=style.colour if style.filled else "white",
                    markeredgewidth=1.4, zorder=4)
    return list(dict.fromkeys(statuses))


def _draw_targets(ax: Any, indicator: str, attainment: pd.DataFrame, unit: str, lang: str) -> float:
    from khcn_analysis.present.charts.style import TARGET_COLOUR

    top = 0.0
    for spec in specs(attainment, indicator):
        x0 = spec.year_from if spec.year_from is not None else MILESTONES[0]
        x1 = spec.year_to if spec.year_to is not None else MILESTONES[-1]
        lo = spec.lower if spec.lower is not None else spec.upper
        if spec.comparator == "between" and spec.lower is not None and spec.upper is not None:
            ax.fill_between([x0 - 0.6, x1 + 0.6], spec.lower, spec.upper, color=TARGET_COLOUR, alpha=0.25,
                            zorder=1, linewidth=0)
            top = max(top, spec.upper)
        elif x0 == x1:
            ax.plot([x0], [lo], marker="D", markersize=7, color=TARGET_COLOUR, zorder=4, linestyle="none")
        else:
            ax.plot([x0, x1], [lo, lo], color=TARGET_COLOUR, linewidth=2, linestyle=(0, (6, 3)), zorder=2)
        top = max(top, lo or 0)
        ax.annotate(f"{target_text(spec, lang, unit)} ({spec.clause})", xy=(x1 if x0 != x1 else x0, lo),
                    xytext=(-6, 5), textcoords="offset points", ha="right", va="bottom", fontsize=8.5,
                    color=TARGET_COLOUR, fontweight="bold")
    return top


def _finding(verdicts: dict[int, str], lang: str) -> tuple[str, str]:
    met = ", ".join(str(y) for y in MILESTONES if verdicts.get(y) == "met")
    missed = ", ".join(str(y) for y in MILESTONES if verdicts.get(y) == "not_met")
    open_ = ", ".join(str(y) for y in MILESTONES if verdicts.get(y) == "undetermined")
    if met and missed:
        text, colour = t("explore.chart.finding.both", lang, met=met, missed=missed), VERDICT_STYLES["not_met"].colour
    elif missed:
        text, colour = t("explore.chart.finding.missed", lang, years=missed), VERDICT_STYLES["not_met"].colour
    elif met:
        text, colour = t("explore.chart.finding.met", lang, years=met), VERDICT_STYLES["met"].colour
    else:
        text, colour = "", NEUTRAL
    if open_:  # the judge could not decide: said, never left out (the table says what decides it)
        more = t("explore.chart.finding.open", lang, years=open_)
        text = t("explore.chart.finding.and", lang, first=text, second=more[:1].lower() + more[1:]) if text else more
        colour = colour if missed else VERDICT_STYLES["undetermined"].colour
    return text, colour


def _draw_indicator(fig: Any, ax: Any, ind: str, rows: pd.DataFrame, attainment: pd.DataFrame,
                    verdicts: dict[int, str], lang: str) -> None:
    from khcn_analysis.present.charts.style import number_formatter, year_axis

    meta = get_indicator(ind)
    unit = meta.unit
    drawn = _draw_series(ax, rows)
    top = max(float(np.nanmax(rows["value"])) if len(rows) else 1.0, _draw_targets(ax, ind, attainment, unit, lang))
    by_year = dict(zip(rows["year"], rows["value"], strict=True))
    for year in MILESTONES:
        if year not in by_year:
            continue
        style = VERDICT_STYLES.get(verdicts.get(year, ""))
        colour = style.colour if style is not None else NEUTRAL
        text = format_number(by_year[year], meta.decimals, lang) + ("%" if unit == "%" else "")
        mark = style.symbol if style is not None else ""
        ax.annotate(f"{text} {mark}".strip(), xy=(year, by_year[year]), xytext=(0, 7), textcoords="offset points",
                    ha="right" if year == MILESTONES[-1] else "center", va="bottom", fontsize=9, color=colour,
                    fontweight="bold", zorder=5)
    ax.set_ylim(0, top * 1.3 if top > 0 else 1)
    year_axis(ax, list(range(int(rows["year"].min()), int(rows["year"].max()) + 1)) if len(rows) else None)
    _legend(ax, drawn, lang)
    ax.yaxis.set_major_formatter(number_formatter(lang, suffix="%" if unit == "%" else ""))
    ax.tick_params(labelsize=9)
    if unit != "%":
        ax.set_ylabel(meta.unit_label(lang), fontsize=9)
    finding, colour = _finding(verdicts, lang)
    _title(fig, meta.label(lang) + (" (%)" if unit == "%" else ""), finding, colour)


def _legend(ax: Any, statuses: list[str], lang: str) -> None:
    """One entry per status drawn (projected last), then the target."""
    from matplotlib.lines import Line2D

    from khcn_analysis.present.charts.style import TARGET_COLOUR

    order = [s for s in statuses if s != "projected"] + (["projected"] if "projected" in statuses else [])
    handles = []
    for status in order:
        style = status_style(status)
        handles.append(Line2D([], [], color=style.colour, linewidth=2, linestyle=style.line, marker=style.marker or None,
                              markersize=4, markerfacecolor=style.colour if style.filled else "white",
                              label=status_label(status, lang, lower=True)))
    handles.append(Line2D([], [], color=TARGET_COLOUR, linewidth=2, linestyle=(0, (6, 3)), marker="D", markersize=5,
                          label=t("explore.chart.target", lang)))
    ax.legend(handles=handles, loc="upper left", ncol=min(len(handles), 3), fontsize=7.5, frameon=False,
              handlelength=2.2, borderaxespad=0.2, columnspacing=1.0)


def _draw_sufficiency(fig: Any, ax: Any, rows: pd.DataFrame | None, lang: str) -> None:
    from khcn_analysis.present.charts.style import GREY, PALETTE, TARGET_COLOUR, number_formatter

    rows = rows if rows is not None else pd.DataFrame(columns=["year", "value", "status", "value_status"])
    rows = rows.loc[~rows["value"].isna()]
    shown = [int(y) for y in rows["year"]]
    values = [float(v) * 100 for v in rows["value"]]
    hatched: list[str] = []
    for i, r in enumerate(rows.itertuples(index=False)):
        style = status_style(str(r.value_status))
        recorded = style.hatch is None
        ax.bar(i, values[i], width=0.6, color=PALETTE[0] if recorded else "white",
               edgecolor=PALETTE[0] if recorded or not style.assumed else style.colour,
               hatch=style.hatch, linewidth=1.8, zorder=3)
        if not recorded and r.value_status not in hatched:
            hatched.append(str(r.value_status))
        verdict = VERDICT_STYLES.get(str(r.status))
        ax.text(i, values[i], format_number(values[i], 0, lang) + "%", ha="center", va="bottom", fontsize=10,
                fontweight="bold", color=verdict.colour if verdict else NEUTRAL, zorder=4)
    ax.axhline(100, color=TARGET_COLOUR, linewidth=2, linestyle=(0, (6, 3)), zorder=2)
    # The key of the 100 % line sits under the axis: above it, it ran over the taller bars.
    ax.text(0.0, -0.12, "– – " + t("explore.table.sufficiency_target", lang), transform=ax.transAxes, ha="left",
            va="top", fontsize=8, color=TARGET_COLOUR, fontweight="bold")
    ax.set_xticks(range(len(shown)), [str(y) for y in shown])
    ax.set_xlim(-0.5, max(len(shown), 1) - 0.5)
    ax.set_ylim(0, max(115.0, max(values, default=0) * 1.18))
    ax.yaxis.set_major_formatter(number_formatter(lang, decimals=0, suffix="%"))
    ax.grid(axis="x", visible=False)
    ax.tick_params(labelsize=9)
    short = ", ".join(str(int(y)) for y, s in zip(rows["year"], rows["status"], strict=True) if s == "not_met")
    finding = (t("explore.chart.sufficiency.short", lang, years=short) if short
               else t("explore.chart.sufficiency.enough", lang))
    _title(fig, t("explore.chart.sufficiency.title", lang), finding,
           VERDICT_STYLES["not_met" if short else "met"].colour)
    note = "   ".join(f"{status_style(s).hatch}: {status_label(s, lang, lower=True)}" for s in hatched)
    ax.text(0.99, -0.12, note, transform=ax.transAxes, ha="right", va="top", fontsize=8, color=GREY)
