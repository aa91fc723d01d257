"""The plan's budget by phase: one stacked bar per phase, the yearly average on top."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from khcn_analysis.core.errors import InputError
from khcn_analysis.core.formatting import check_lang, format_number
from khcn_analysis.present.charts.frame import new_frame, place_legend
from khcn_analysis.present.charts.inputs import chart_data, require_columns
from khcn_analysis.present.charts.style import PALETTE, house_style, number_formatter, text_on
from khcn_analysis.present.charts.text import dash, decimals_of, source_line, w

__all__ = ["BUDGET_COLUMNS", "budget_title", "plan_budget_chart"]

BUDGET_COLUMNS = (
    "phase", "start_year", "end_year", "line_id", "purpose_vi", "purpose_en",
    "source_of_money", "amount", "unit", "clause",
)


def _check(budget: pd.DataFrame) -> None:
    require_columns(budget, BUDGET_COLUMNS, "plan budget table")
    if budget.empty:
        raise InputError("plan budget table", "rows", "no rows", "at least one budget line")
    units = sorted(set(budget["unit"].astype(str)))
    if units != ["bn VND"]:
        raise InputError("plan budget table", "unit", ", ".join(units), "'bn VND' on every row")
    if budget["amount"].isna().any():
        bad = budget.loc[budget["amount"].isna(), "line_id"].tolist()
        raise InputError("plan budget table", f"amount of {bad}", "empty", "a number")


def budget_title(first: pd.Series, last: pd.Series, lang: str) -> str:
    """The plan's own "24 tỷ đồng per year" hides that the second phase gets half the first's rate."""
    a, b = float(first["yearly"]), float(last["yearly"])
    fields = {
        "a": format_number(a, 1, lang), "b": format_number(b, 1, lang),  # type: ignore[arg-type]
        "pa": dash(first["start"], first["end"]), "pb": dash(last["start"], last["end"]),
        "bn": w("bn", lang), "per_year": w("bn_per_year", lang),
    }
    if first.name == last.name:
        return w("budget.title.one", lang, **fields)
    if np.isclose(a, b, rtol=0.005):
        return w("budget.title.same", lang, **fields)
    if b < a:
        return w("budget.title.fall", lang, pct=format_number(b / a * 100, 0, lang) + "%", **fields)  # type: ignore[arg-type]
    return w("budget.title.rise", lang, **fields)


def plan_budget_chart(budget, *, lang: str = "vi", size: str = "slide") -> Figure:
    """The plan's budget (``Plan.budget_table()``, or a :class:`Results`) stacked by line, one bar per phase.

    Each bar is annotated with the phase's yearly average; the title states how the
    yearly rate changes from the first phase to the last, computed from the data.
    """
    lang = check_lang(lang)
    if not isinstance(budget, pd.DataFrame):
        budget = chart_data(budget).budget
    _check(budget)
    purpose_col = f"purpose_{lang}"
    phases = (
        budget.groupby("phase", sort=False)
        .agg(start=("start_year", "min"), end=("end_year", "max"), total=("amount", "sum"))
        .sort_values("start")
    )
    phases["years"] = phases["end"] - phases["start"] + 1
    phases["yearly"] = phases["total"] / phases["years"]
    purposes = list(dict.fromkeys(budget[purpose_col].astype(str)))
    grand = float(phases["total"].sum())
    span = (int(phases["start"].min()), int(phases["end"].max()))
    bn, per_year = w("bn", lang), w("bn_per_year", lang)
    subtitle = w("budget.subtitle", lang, bn=bn, per_year=per_year,
                 total=format_number(grand, decimals_of(grand), lang), span=dash(*span),
                 avg=format_number(grand / (span[1] - span[0] + 1), 1, lang))
    clauses = ", ".join(dict.fromkeys(budget["clause"].astype(str)))
    source = source_line(lang=lang, extra=[w("budget.source", lang, clauses=clauses)])
    frame = new_frame(title=budget_title(phases.iloc[0], phases.iloc[-1], lang), subtitle=subtitle,
                      source=source, lang=lang, size=size)
    ax, sz = frame.ax, frame.size
    with house_style():
        x = np.arange(len(phases))
        bottoms = np.zeros(len(phases))
        ymax = float(phases["total"].max())
        for i, purpose in enumerate(purposes):
            amounts = np.array([
                budget.loc[(budget["phase"] == ph) & (budget[purpose_col].astype(str) == purpose), "amount"].sum()
                for ph in phases.index], dtype=float)
            colour = PALETTE[i % len(PALETTE)]
            ax.bar(x, amounts, bottom=bottoms, width=0.55, color=colour, edgecolor="white",
                   linewidth=1.2, label=purpose)
            for xi, (amt, bot) in enumerate(zip(amounts, bottoms, strict=True)):
                if amt >= 0.06 * ymax:
                    ax.text(xi, bot + amt / 2, format_number(amt, decimals_of(amt), lang),
                            ha="center", va="center", fontsize=sz.body, color=text_on(colour))
            bottoms = bottoms + amounts
        for xi, (_, ph) in enumerate(phases.iterrows()):
            ax.text(xi, ph["total"] + 0.02 * ymax,
                    w("budget.bar", lang, total=format_number(ph["total"], decimals_of(ph["total"]), lang),
                      yearly=format_number(ph["yearly"], 1, lang), bn=bn, per_year=per_year),
                    ha="center", va="bottom", fontsize=sz.body, fontweight="bold")
        ax.set_xticks(x, [w("budget.phase", lang, span=dash(ph["start"], ph["end"]), n=int(ph["years"]))
                          for _, ph in phases.iterrows()])
        ax.set_xlim(-0.6, len(phases) - 0.4)
        ax.set_ylim(0, ymax * 1.25)
        ax.yaxis.set_major_formatter(number_formatter(lang))
        ax.set_ylabel(bn, fontsize=sz.body)
        ax.grid(axis="x", visible=False)
        ax.set_axisbelow(True)
    handles, labels = ax.get_legend_handles_labels()
    place_legend(frame, handles[::-1], labels[::-1], centre=True)
    return frame.fig
