"""The standard chart set, each a pure function from tidy tables to a matplotlib Figure.

Every chart states its finding in the title, computed from the data it is given, so a
chart can never claim something its numbers do not show. The frame (subtitle, source
line, sizes, number formats, palette) comes from :mod:`khcn_analysis.present.chart_style`.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from khcn_analysis.core.catalogue.status import VALUE_STATUS_LABELS, value_status_label
from khcn_analysis.core.errors import InputError
from khcn_analysis.core.formatting import check_lang, format_number
from khcn_analysis.present.chart_style import (
    GREY,
    PALETTE,
    TARGET_COLOUR,
    chart_texts,
    house_style,
    new_frame,
    number_formatter,
    save_figure,
    source_line,
)

__all__ = [
    "CHART_NAMES",
    "chart_texts",
    "charts_for_scenarios",
    "fan_chart",
    "funding_sufficiency_chart",
    "indicator_chart",
    "percentile_bands",
    "plan_budget_chart",
    "researcher_density_chart",
    "save_figure",
    "scenario_comparison_chart",
    "st_investment_share_chart",
    "standard_charts",
    "target_specs",
    "targets_table",
    "tornado_chart",
    "write_chart_set",
]

PLAN_CITATION = {
    "vi": "Kế hoạch ban hành kèm Quyết định 182/QĐ-UBND ngày 22/02/2013 của UBND tỉnh Lai Châu",
    "en": "Plan attached to Decision 182/QĐ-UBND of 22 Feb 2013, Lai Châu People's Committee",
}
CLAUSE_WORD = {"vi": "mục", "en": "clause"}
BN = {"vi": "tỷ đồng", "en": "bn VND"}
PER_YEAR = {"vi": "tỷ đồng/năm", "en": "bn VND/year"}

BUDGET_COLUMNS = (
    "phase", "start_year", "end_year", "line_id", "purpose_vi", "purpose_en",
    "source_of_money", "amount", "unit", "clause",
)


def _require_columns(df: pd.DataFrame, columns, what: str) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise InputError(
            what, "columns", ", ".join(missing) + " missing",
            f"a table with columns {', '.join(columns)}",
        )


def _dash(a: int, b: int) -> str:
    return f"{int(a)}–{int(b)}"


# ---------------------------------------------------------------- plan budget


def plan_budget_chart(budget: pd.DataFrame, *, lang: str = "vi", size: str = "slide") -> Figure:
    """The plan's budget (``Plan.budget_table()``) stacked by line, one bar per phase.

    Each bar is annotated with the phase's yearly average, because the plan's own
    "24 tỷ đồng per year" hides that the second phase gets half the yearly money of
    the first; the title states that comparison from the data.
    """
    lang = check_lang(lang)
    _require_columns(budget, BUDGET_COLUMNS, "plan budget table")
    if budget.empty:
        raise InputError("plan budget table", "rows", "no rows", "at least one budget line")
    units = sorted(set(budget["unit"].astype(str)))
    if units != ["bn VND"]:
        raise InputError("plan budget table", "unit", ", ".join(units), "'bn VND' on every row")
    if budget["amount"].isna().any():
        bad = budget.loc[budget["amount"].isna(), "line_id"].tolist()
        raise InputError("plan budget table", f"amount of {bad}", "empty", "a number")

    purpose_col = "purpose_vi" if lang == "vi" else "purpose_en"
    phases = (
        budget.groupby("phase", sort=False)
        .agg(start=("start_year", "min"), end=("end_year", "max"), total=("amount", "sum"))
        .sort_values("start")
    )
    phases["years"] = phases["end"] - phases["start"] + 1
    phases["yearly"] = phases["total"] / phases["years"]
    purposes = list(dict.fromkeys(budget[purpose_col].astype(str)))

    first, last = phases.iloc[0], phases.iloc[-1]
    title = _budget_title(first, last, lang)
    all_start, all_end = int(phases["start"].min()), int(phases["end"].max())
    grand = float(phases["total"].sum())
    n_years = all_end - all_start + 1
    if lang == "vi":
        subtitle = (
            f"Kinh phí theo giai đoạn và nguồn vốn, {BN[lang]} (kế hoạch, chưa phải thực chi). "
            f"Tổng {format_number(grand, _decimals(grand), lang)} {BN[lang]} cho {_dash(all_start, all_end)}, "
            f"bình quân {format_number(grand / n_years, 1, lang)} {PER_YEAR[lang]}."
        )
    else:
        subtitle = (
            f"Funding by phase and line, {BN[lang]} (as planned, not outturn). "
            f"Total {format_number(grand, _decimals(grand), lang)} {BN[lang]} for {_dash(all_start, all_end)}, "
            f"on average {format_number(grand / n_years, 1, lang)} {PER_YEAR[lang]}."
        )
    clauses = list(dict.fromkeys(budget["clause"].astype(str)))
    source = f"{PLAN_CITATION[lang]}, {CLAUSE_WORD[lang]} {', '.join(clauses)}"
    source = source_line(lang=lang, extra=[source])

    frame = new_frame(
        title=title, subtitle=subtitle, source=source, lang=lang, size=size,
        right_margin=min(5.2, frame_width(size) * 0.38),
    )
    fig, ax, sz = frame.fig, frame.ax, frame.size
    with house_style():
        x = np.arange(len(phases))
        bottoms = np.zeros(len(phases))
        ymax = float(phases["total"].max())
        for i, purpose in enumerate(purposes):
            amounts = np.array(
                [
                    budget.loc[
                        (budget["phase"] == ph) & (budget[purpose_col].astype(str) == purpose),
                        "amount",
                    ].sum()
                    for ph in phases.index
                ],
                dtype=float,
            )
            colour = PALETTE[i % len(PALETTE)]
            ax.bar(
                x, amounts, bottom=bottoms, width=0.55, color=colour, edgecolor="white",
                linewidth=1.2, label=textwrap.fill(purpose, 34),
            )
            for xi, (amt, bot) in enumerate(zip(amounts, bottoms, strict=True)):
                if amt >= 0.06 * ymax:
                    ax.text(
                        xi, bot + amt / 2, format_number(amt, _decimals(amt), lang),
                        ha="center", va="center", fontsize=sz.body,
                        color=_text_on(colour),
                    )
            bottoms = bottoms + amounts
        for xi, (_, ph) in enumerate(phases.iterrows()):
            ax.text(
                xi, ph["total"] + 0.02 * ymax,
                f"{format_number(ph['total'], _decimals(ph['total']), lang)} {BN[lang]}\n"
                f"= {format_number(ph['yearly'], 1, lang)} {PER_YEAR[lang]}",
                ha="center", va="bottom", fontsize=sz.body, fontweight="bold",
            )
        labels = [
            f"{_dash(ph['start'], ph['end'])}\n({int(ph['years'])} "
            + ("năm" if lang == "vi" else "years")
            + ")"
            for _, ph in phases.iterrows()
        ]
        ax.set_xticks(x, labels)
        ax.set_xlim(-0.6, len(phases) - 0.4)
        ax.set_ylim(0, ymax * 1.22)
        ax.yaxis.set_major_formatter(number_formatter(lang))
        ax.set_ylabel(BN[lang], fontsize=sz.body)
        ax.grid(axis="x", visible=False)
        ax.set_axisbelow(True)
        handles, leg_labels = ax.get_legend_handles_labels()
        ax.legend(
            handles[::-1], leg_labels[::-1], loc="center left", bbox_to_anchor=(1.02, 0.5),
            fontsize=sz.small + 1, labelspacing=0.9,
        )
    return fig


def frame_width(size: str) -> float:
    from khcn_analysis.present.chart_style import get_size

    return get_size(size).width


def _budget_title(first: pd.Series, last: pd.Series, lang: str) -> str:
    a, b = float(first["yearly"]), float(last["yearly"])
    pa = _dash(first["start"], first["end"])
    pb = _dash(last["start"], last["end"])
    fa, fb = format_number(a, 1, lang), format_number(b, 1, lang)
    if first.name == last.name:
        if lang == "vi":
            return f"Kế hoạch bố trí bình quân {fa} {PER_YEAR[lang]} cho {pa}"
        return f"The plan provides on average {fa} {PER_YEAR[lang]} for {pa}"
    ratio = b / a if a else np.nan
    if np.isclose(a, b, rtol=0.005):
        if lang == "vi":
            return f"Kinh phí bình quân mỗi năm giữ ở mức {fa} {BN[lang]} từ {pa} đến {pb}"
        return f"Yearly funding stays at {fa} {BN[lang]} from {pa} to {pb}"
    if lang == "vi":
        verb, prep = ("giảm", "xuống") if b < a else ("tăng", "lên")
        share = f", còn {format_number(ratio * 100, 0, lang)}%" if b < a else ""
        return (
            f"Kinh phí bình quân mỗi năm {verb} từ {fa} {BN[lang]} ({pa}) "
            f"{prep} {fb} {BN[lang]} ({pb}){share}"
        )
    verb = "falls" if b < a else "rises"
    share = f", {format_number(ratio * 100, 0, lang)}% of the earlier rate" if b < a else ""
    return f"Yearly funding {verb} from {fa} {BN[lang]} ({pa}) to {fb} {BN[lang]} ({pb}){share}"


def _decimals(value: float) -> int:
    return 0 if float(value).is_integer() else 1


def _text_on(colour: str) -> str:
    """Black or white text, whichever reads better on the given fill."""
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return "black" if 0.299 * r + 0.587 * g + 0.114 * b > 0.55 else "white"



# ---------------------------------------------------------------- indicator registry

_FALLBACK_LABELS: dict[str, tuple[str, str, str]] = {
    # Used only if khcn_analysis.core.indicators is unavailable (it is the authority).
    "st_investment_share_grdp": (
        "Đầu tư xã hội cho KH&CN so với GRDP", "Total social investment in S&T, % of GRDP", "%"
    ),
    "researcher_density": (
        "Số cán bộ nghiên cứu khoa học trên một vạn dân",
        "Scientific researchers per 10,000 people", "per 10,000 people",
    ),
    "funding_sufficiency": (
        "Mức đáp ứng kinh phí (đầu tư / nhu cầu)",
        "Funding sufficiency (investment / required)", "ratio",
    ),
}


def indicator_label(indicator: str, lang: str) -> str:
    try:
        from khcn_analysis.core.indicators import get_indicator
    except ImportError:  # pragma: no cover - the registry ships with the package
        vi, en, _ = _FALLBACK_LABELS.get(indicator, (indicator, indicator, ""))
        return vi if lang == "vi" else en
    return get_indicator(indicator).label(lang)


def indicator_unit_label(indicator: str, unit: str | None, lang: str) -> str:
    try:
        from khcn_analysis.core.indicators import get_indicator, unit_label
    except ImportError:  # pragma: no cover
        return unit or ""
    return unit_label(unit, lang) if unit else get_indicator(indicator).unit_label(lang)


def indicator_decimals(indicator: str) -> int:
    try:
        from khcn_analysis.core.indicators import get_indicator
    except ImportError:  # pragma: no cover
        return 1
    return get_indicator(indicator).decimals


def format_value(value: float, unit: str, lang: str, decimals: int) -> str:
    """A value with its unit as a reader writes it: 1,5% or 5,2 người/vạn dân."""
    text = format_number(value, decimals, lang)
    if unit == "%":
        return f"{text}%"
    label = indicator_unit_label("", unit, lang)
    return f"{text} {label}" if label else text


def _mid(label: str) -> str:
    """A label used mid-sentence: lower-case the first letter unless it is an acronym."""
    if len(label) > 1 and label[0].isupper() and label[1].islower():
        return label[0].lower() + label[1:]
    return label


# ---------------------------------------------------------------- tidy-table checks

PROJECTION_COLUMNS = ("scenario", "variable", "unit", "year", "value", "status", "source")
STATUSES = ("observed", "derived", "interpolated", "assumption", "projected")


def _series(table: pd.DataFrame, indicator: str, what: str = "projection table") -> pd.DataFrame:
    """The rows of one indicator, checked: known statuses, one unit, one row per year."""
    _require_columns(table, PROJECTION_COLUMNS, what)
    rows = table.loc[table["variable"] == indicator].copy()
    if rows.empty:
        found = ", ".join(sorted(map(str, table["variable"].unique()))[:12])
        raise InputError(what, "variable", f"no rows for {indicator!r} (has {found})",
                         f"rows with variable {indicator!r}")
    bad = sorted(set(rows["status"].astype(str)) - set(STATUSES))
    if bad:
        raise InputError(what, f"status of {indicator}", ", ".join(bad),
                         "one of " + ", ".join(STATUSES))
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
    return rows.sort_values(["scenario", "year"], kind="stable")


def _title(name: str, lang: str) -> str:
    """A scenario's title for readers (legend, subtitle); tables keep the id."""
    from khcn_analysis.model.scenarios import scenario_title

    return scenario_title(name, lang)


def _scenarios(rows: pd.DataFrame, scenarios=None) -> list[str]:
    present = list(dict.fromkeys(rows["scenario"].astype(str)))
    if scenarios is None:
        return present
    missing = [s for s in scenarios if s not in present]
    if missing:
        raise InputError("projection table", "scenario", ", ".join(missing),
                         "one of " + ", ".join(present))
    return list(scenarios)


def _scenario_series(table: pd.DataFrame, indicator: str, scenarios=None) -> tuple[pd.DataFrame, list[str]]:
    """One indicator's checked rows for the chosen scenarios, and those scenarios in order."""
    rows = _series(table, indicator)
    names = _scenarios(rows, scenarios)
    return rows.loc[rows["scenario"].astype(str).isin(names)], names


# ---------------------------------------------------------------- targets


@dataclass(frozen=True)
class TargetSpec:
    """One target as a chart draws it: a level over a span of years, with its clause."""

    target_id: str
    comparator: str
    lower: float | None
    upper: float | None
    year_from: int | None
    year_to: int | None
    clause: str
    met: dict[int, bool]

    def value_text(self, lang: str, unit: str) -> str:
        """'5–7 người/vạn dân', 'trên 2%': levels as the plan writes them (1,5 not 1,50)."""
        lo, hi = self.lower, self.upper
        if self.comparator == "between" and lo is not None and hi is not None:
            unit_part = format_value(hi, unit, lang, _nd(hi))[len(format_number(hi, _nd(hi), lang)):]
            return f"{format_number(lo, _nd(lo), lang)}–{format_number(hi, _nd(hi), lang)}{unit_part}"
        level = lo if lo is not None else hi
        words = {
            "at_least": {"vi": "ít nhất ", "en": "at least "},
            "greater_than": {"vi": "trên ", "en": "above "},
            "at_most": {"vi": "không quá ", "en": "at most "},
        }
        prefix = words.get(self.comparator, {"vi": "", "en": ""})[lang]
        return prefix + format_value(level, unit, lang, _nd(level))

    def when_text(self, lang: str) -> str:
        if self.year_from is None and self.year_to is None:
            return "hằng năm" if lang == "vi" else "every year"
        if self.year_to is None:
            return f"từ {self.year_from}" if lang == "vi" else f"from {self.year_from}"
        if self.year_from == self.year_to or self.year_from is None:
            return f"{self.year_to}"
        return _dash(self.year_from, self.year_to)

    def label(self, lang: str, unit: str) -> str:
        word = "Mục tiêu" if lang == "vi" else "Target"
        return f"{word} {self.clause}: {self.value_text(lang, unit)} ({self.when_text(lang)})"

    def is_met(self, value: float) -> bool:
        lo, hi, c = self.lower, self.upper, self.comparator
        if c == "at_least":
            return value >= lo
        if c == "greater_than":
            return value > lo
        if c == "at_most":
            return value <= (hi if hi is not None else lo)
        if c == "between":
            return lo <= value <= hi
        if c == "equal":
            return bool(np.isclose(value, lo))
        raise InputError("targets table", "comparator", c,
                         "at_least, greater_than, between, at_most or equal")

    def covers(self, year: int) -> bool:
        lo = self.year_from if self.year_from is not None else -10**6
        hi = self.year_to if self.year_to is not None else 10**6
        return lo <= year <= hi


def short_clause(clause: object) -> str:
    """'B.II item 4' -> 'B.II.4', the way the plan's readers cite it."""
    return re.sub(r"\s+item\s+", ".", str(clause)).strip()


def _nd(v: float) -> int:
    return 0 if float(v).is_integer() else 1


def _opt(v) -> float | None:
    return None if v is None or pd.isna(v) else float(v)


def _opt_int(v) -> int | None:
    return None if v is None or pd.isna(v) else int(v)


def target_specs(targets: pd.DataFrame | None, indicator: str) -> list[TargetSpec]:
    """Targets for one indicator from an attainment table or a plan-targets table.

    An attainment table (contract item 4) has one row per target and year; a plan
    targets table (:func:`targets_table`) has ``year_from``/``year_to``. Either works.
    """
    if targets is None or len(targets) == 0:
        return []
    _require_columns(targets, ("target_id", "indicator", "comparator", "lower", "upper", "clause"),
                     "targets table")
    rows = targets.loc[targets["indicator"] == indicator]
    if "scope" in rows.columns:
        # The charts judge the province against its own plan; national targets are
        # other indicators (R&D/GDP, FTE) and belong to the national comparison.
        rows = rows.loc[rows["scope"] == "province"]
    last_year = int(targets["year"].max()) if "year" in targets.columns and len(targets) else None
    specs: list[TargetSpec] = []
    for tid, grp in rows.groupby("target_id", sort=False):
        first = grp.iloc[0]
        met: dict[int, bool] = {}
        if "year_from" in grp.columns:
            y_from, y_to = _opt_int(first["year_from"]), _opt_int(first.get("year_to"))
        else:
            years = sorted(int(y) for y in grp["year"])
            y_from, y_to = years[0], years[-1]
            if len(years) > 1 and y_to == last_year:
                y_to = None  # evaluated up to the horizon: a standing target ("từ 2020")
            if "status" in grp.columns:
                for y, st in zip(grp["year"], grp["status"], strict=True):
                    if st in ("met", "not_met"):
                        met[int(y)] = st == "met"
        specs.append(TargetSpec(
            str(tid), str(first["comparator"]), _opt(first["lower"]), _opt(first["upper"]),
            y_from, y_to, short_clause(first["clause"]), met,
        ))
    return specs


def targets_table(plan) -> pd.DataFrame:
    """A plan's targets (``Plan.targets``, contract item 1) as a table charts can draw."""
    rows = [
        {
            "target_id": tg.id, "indicator": tg.indicator, "comparator": tg.comparator,
            "lower": tg.lower, "upper": tg.upper, "unit": tg.unit, "year_from": tg.year_from,
            "year_to": tg.year_to, "clause": short_clause(tg.clause),
        }
        for tg in plan.targets
    ]
    return pd.DataFrame(rows, columns=["target_id", "indicator", "comparator", "lower", "upper",
                                       "unit", "year_from", "year_to", "clause"])


def _draw_targets(ax, specs: list[TargetSpec], years: list[int], *, lang, unit, decimals, sz):
    """Target levels: a band for a range, a line over the years it applies, a label with clause."""
    x_lo, x_hi = min(years) - 0.5, max(years) + 0.5
    for spec in specs:
        a = spec.year_from if spec.year_from is not None else x_lo
        b = spec.year_to if spec.year_to is not None else x_hi
        if spec.year_from is not None and spec.year_to is not None and a == b:
            a, b = a - 0.45, b + 0.45
        elif spec.year_to is None:
            b = x_hi
        label = spec.label(lang, unit)
        if spec.comparator == "between" and spec.lower is not None and spec.upper is not None:
            ax.fill_between([a, b], spec.lower, spec.upper, color=TARGET_COLOUR, alpha=0.18,
                            linewidth=0, zorder=1)
            ax.plot([a, b, b, a, a], [spec.lower, spec.lower, spec.upper, spec.upper, spec.lower],
                    color=TARGET_COLOUR, linewidth=1.2, zorder=2)
            y_text = spec.upper
        else:
            level = spec.lower if spec.lower is not None else spec.upper
            point = spec.year_from is not None and spec.year_from == spec.year_to
            # A target for one year is a solid tick at that year; a standing target is a
            # dashed level over every year it applies to.
            ax.plot([a, b], [level, level], color=TARGET_COLOUR, linewidth=3.6 if point else 2.2,
                    linestyle="-" if point else (0, (6, 3)), zorder=2,
                    solid_capstyle="butt")
            y_text = level
        ax.annotate(
            label, xy=(a, y_text), xytext=(0, 4), textcoords="offset points",
            ha="left" if a - x_lo < (x_hi - x_lo) * 0.7 else "right", va="bottom",
            fontsize=sz.small + 0.5, color=TARGET_COLOUR, fontweight="bold", zorder=5,
        )


# ---------------------------------------------------------------- observed vs projected

STATUS_MARKERS: dict[str, dict] = {
    "observed": {"marker": "o", "fill": True},
    "derived": {"marker": "D", "fill": True},
    "interpolated": {"marker": "o", "fill": False},
    "assumption": {"marker": "s", "fill": False},
}
#: Legend words: the shared value-status labels (core/catalogue/status.py), lower-case inside a legend.
STATUS_NAMES = {status: {lang: value_status_label(status, lang, lower=True) for lang in ("vi", "en")}
                for status in VALUE_STATUS_LABELS}
HISTORY_COLOUR = "#222222"


def _draw_series(ax, rows: pd.DataFrame, colour: str, label: str | None, sz) -> None:
    """One scenario's line: solid with markers where data exist, dashed where projected."""
    hist = rows.loc[rows["status"] != "projected"]
    proj = rows.loc[rows["status"] == "projected"]
    lw = 2.6
    if len(hist):
        ax.plot(hist["year"], hist["value"], color=colour, linewidth=lw, zorder=3,
                label=label if not len(proj) else None)
        for status, style in STATUS_MARKERS.items():
            pts = hist.loc[hist["status"] == status]
            if len(pts):
                ax.plot(pts["year"], pts["value"], linestyle="none", marker=style["marker"],
                        markersize=7.5, markeredgewidth=1.6, markeredgecolor=colour,
                        markerfacecolor=colour if style["fill"] else "white", zorder=4)
    if len(proj):
        joined = pd.concat([hist.tail(1), proj]) if len(hist) else proj
        ax.plot(joined["year"], joined["value"], color=colour, linewidth=lw,
                linestyle=(0, (5, 2.5)), zorder=3, label=label)


def _status_handles(statuses: set[str], lang: str) -> list:
    from matplotlib.lines import Line2D

    handles = []
    for status in ("observed", "derived", "interpolated", "assumption"):
        if status in statuses:
            st = STATUS_MARKERS[status]
            handles.append(Line2D([], [], color=GREY, linestyle="none", marker=st["marker"],
                                  markersize=7.5, markeredgecolor=GREY, markeredgewidth=1.6,
                                  markerfacecolor=GREY if st["fill"] else "white",
                                  label=STATUS_NAMES[status][lang]))
    if "projected" in statuses:
        handles.append(Line2D([], [], color=GREY, linewidth=2.4, linestyle=(0, (5, 2.5)),
                              label=STATUS_NAMES["projected"][lang]))
    return handles


def _subtitle(indicator: str, unit: str, scenarios: list[str], rows: pd.DataFrame, lang: str,
              extra: str = "") -> str:
    unit_text = indicator_unit_label(indicator, unit, lang)
    hist = rows.loc[rows["status"].isin(["observed", "derived", "interpolated"]), "year"]
    proj = rows.loc[rows["status"] == "projected", "year"]
    scen_word = ("kịch bản" if lang == "vi" else "scenario") + ("" if len(scenarios) == 1 or lang == "vi" else "s")
    parts = [f"{'Đơn vị' if lang == 'vi' else 'Unit'}: {unit_text}",
             f"{scen_word}: {', '.join(_title(n, lang) for n in scenarios)}"]
    if len(hist):
        parts.append(("số liệu " if lang == "vi" else "data ") + _dash(hist.min(), hist.max()))
    if len(proj):
        parts.append(("dự báo " if lang == "vi" else "projected ") + _dash(proj.min(), proj.max()))
    if extra:
        parts.append(extra)
    return "; ".join(parts)


def _chart_source(rows: pd.DataFrame, specs: list[TargetSpec], lang: str,
                  details: pd.DataFrame | None = None) -> str:
    extra = []
    if specs:
        clauses = ", ".join(dict.fromkeys(s.clause for s in specs))
        extra.append(("Kế hoạch kèm QĐ 182/QĐ-UBND (mục tiêu " if lang == "vi"
                      else "Plan attached to Decision 182/QĐ-UBND (targets ") + clauses + ")")
    if (rows["status"] == "projected").any():
        extra.append("dự báo của khcn-workbook" if lang == "vi" else "khcn-workbook projection")
    return source_line(rows["source"], lang=lang, statuses=rows["status"], extra=extra,
                       details=details)


# ---------------------------------------------------------------- time series against targets


def indicator_chart(
    table: pd.DataFrame,
    indicator: str,
    *,
    targets: pd.DataFrame | None = None,
    scenarios: list[str] | None = None,
    lang: str = "vi",
    size: str = "slide",
    source_details: pd.DataFrame | None = None,
) -> Figure:
    """One indicator over the years, per scenario, against the plan's targets.

    The title reports the value in each target year and whether the target is met,
    for the first scenario (the one the reader asked for first).
    """
    lang = check_lang(lang)
    rows, names = _scenario_series(table, indicator, scenarios)
    unit = str(rows["unit"].iloc[0])
    decimals = indicator_decimals(indicator)
    specs = target_specs(targets, indicator)
    title = _target_title(rows.loc[rows["scenario"] == names[0]], indicator, specs, unit,
                          decimals, lang)
    if len(names) > 1:
        title += f" ({'kịch bản' if lang == 'vi' else 'scenario'}: {_title(names[0], lang)})"
    subtitle = _subtitle(indicator, unit, names, rows, lang)
    source = _chart_source(rows, specs, lang, source_details)
    frame = new_frame(title=title, subtitle=subtitle, source=source, lang=lang, size=size,
                      right_margin=LEGEND_MARGIN[size])
    _plot_lines(frame, rows, names, specs, unit, decimals, lang)
    return frame.fig


LEGEND_MARGIN = {"slide": 2.9, "a4": 2.6}  # inches right of the plot kept for the legend


def _plot_lines(frame, rows, names, specs, unit, decimals, lang):
    ax, sz = frame.ax, frame.size
    years = sorted(rows["year"].unique().tolist())
    with house_style():
        primary = rows.loc[rows["scenario"] == names[0]]
        prim_hist = primary.loc[primary["status"] != "projected", ["year", "value"]]
        for i, name in enumerate(names):
            sc = rows.loc[rows["scenario"] == name]
            hist = sc.loc[sc["status"] != "projected", ["year", "value"]]
            same_history = i > 0 and hist.reset_index(drop=True).equals(
                prim_hist.reset_index(drop=True))
            colour = PALETTE[i % len(PALETTE)]
            if len(names) == 1 or i == 0:
                # History once, in near-black; the first scenario's projection in colour.
                _draw_series(ax, sc.loc[sc["status"] != "projected"], HISTORY_COLOUR, None, sz)
                proj = sc.loc[sc["status"] == "projected"]
                if len(proj):
                    _draw_series(ax, pd.concat([sc.loc[sc["status"] != "projected"].tail(1)
                                                .assign(status="projected"), proj]),
                                 colour, _title(name, lang), sz)
            elif same_history:
                proj = sc.loc[sc["status"] == "projected"]
                _draw_series(ax, pd.concat([sc.loc[sc["status"] != "projected"].tail(1)
                                            .assign(status="projected"), proj]), colour,
                             _title(name, lang), sz)
            else:
                _draw_series(ax, sc, colour, _title(name, lang), sz)
        _draw_targets(ax, specs, years, lang=lang, unit=unit, decimals=decimals, sz=sz)
        ax.set_ylim(bottom=0)
        top = max([rows["value"].max()] + [s.upper or s.lower or 0 for s in specs])
        ax.set_ylim(0, top * 1.18 if top > 0 else 1)
        from khcn_analysis.present.chart_style import year_axis

        year_axis(ax, years)
        ax.yaxis.set_major_formatter(number_formatter(lang, suffix="%" if unit == "%" else ""))
        handles, labels = ax.get_legend_handles_labels()
        status_h = _status_handles(set(rows["status"]), lang)
        ax.legend(handles + status_h, labels + [h.get_label() for h in status_h],
                  loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=sz.small + 1, ncol=1)


def _target_title(rows, indicator, specs, unit, decimals, lang) -> str:
    label = indicator_label(indicator, lang)
    by_year = dict(zip(rows["year"], rows["value"], strict=True))
    checks: list[tuple[int, float, bool, TargetSpec]] = []
    for spec in specs:
        ys = [y for y in by_year if spec.covers(y)]
        if spec.year_from is not None and spec.year_to is not None:
            ys = [y for y in (spec.year_to,) if y in by_year]
        elif spec.year_from is not None:
            ys = [y for y in (spec.year_from, max(by_year)) if y in by_year]
        for y in dict.fromkeys(ys):
            v = by_year[y]
            met = spec.met.get(y, spec.is_met(v))
            checks.append((y, v, met, spec))
    if not checks:
        first_y, last_y = min(by_year), max(by_year)
        a, b = by_year[first_y], by_year[last_y]
        fa, fb = format_value(a, unit, lang, decimals), format_value(b, unit, lang, decimals)
        if lang == "vi":
            verb = "tăng" if b > a else "giảm" if b < a else "giữ"
            prep = "lên" if b > a else "xuống" if b < a else "ở"
            return f"{label} {verb} từ {fa} ({first_y}) {prep} {fb} ({last_y})"
        verb = "rises" if b > a else "falls" if b < a else "stays"
        return f"{label} {verb} from {fa} ({first_y}) to {fb} ({last_y})"
    checks.sort(key=lambda c: c[0])
    checks = list({c[0]: c for c in checks}.values())  # one statement per year
    def short(v: float) -> str:  # the unit is in the subtitle; keep only the % sign
        return format_number(v, decimals, lang) + ("%" if unit == "%" else "")

    vals = ", ".join(
        f"{short(v)} {'năm ' if lang == 'vi' else 'in '}{y}"
        for y, v, _, _ in checks
    )
    met_years = [y for y, _, m, _ in checks if m]
    miss_years = [y for y, _, m, _ in checks if not m]
    if not met_years:
        verdict = ("không đạt mục tiêu nào" if len(checks) > 1 else "không đạt mục tiêu") \
            if lang == "vi" else ("missing every target" if len(checks) > 1 else "missing the target")
    elif not miss_years:
        verdict = ("đạt mọi mục tiêu" if len(checks) > 1 else "đạt mục tiêu") \
            if lang == "vi" else ("meeting every target" if len(checks) > 1 else "meeting the target")
    else:
        ym = ", ".join(map(str, met_years))
        yn = ", ".join(map(str, miss_years))
        verdict = (f"đạt mục tiêu {ym}, không đạt {yn}" if lang == "vi"
                   else f"meeting the {ym} target, missing {yn}")
    return f"{label}: {vals}, {verdict}"


def st_investment_share_chart(table, *, targets=None, scenarios=None, lang="vi", size="slide",
                              source_details=None) -> Figure:
    """Total social S&T investment as % of GRDP against 1,5% (2015) and above 2% (from 2020)."""
    return indicator_chart(table, "st_investment_share_grdp", targets=targets, scenarios=scenarios,
                           lang=lang, size=size, source_details=source_details)


def researcher_density_chart(table, *, targets=None, scenarios=None, lang="vi", size="slide",
                             source_details=None) -> Figure:
    """Researchers per 10,000 people against 5–7 (2020) and 10 (2030)."""
    return indicator_chart(table, "researcher_density", targets=targets, scenarios=scenarios,
                           lang=lang, size=size, source_details=source_details)


# ---------------------------------------------------------------- scenario comparison


def scenario_comparison_chart(
    table: pd.DataFrame,
    indicator: str,
    *,
    scenarios: list[str] | None = None,
    targets: pd.DataFrame | None = None,
    lang: str = "vi",
    size: str = "slide",
    source_details: pd.DataFrame | None = None,
) -> Figure:
    """Several scenarios, one indicator; the title gives the spread in the final year."""
    lang = check_lang(lang)
    rows, names = _scenario_series(table, indicator, scenarios)
    unit = str(rows["unit"].iloc[0])
    decimals = indicator_decimals(indicator)
    specs = target_specs(targets, indicator)
    last_year = int(rows["year"].max())
    final = rows.loc[rows["year"] == last_year].set_index("scenario")["value"]
    final = final.reindex([n for n in names if n in final.index])
    label = indicator_label(indicator, lang)

    def short(v: float) -> str:
        return format_number(v, decimals, lang) + ("%" if unit == "%" else "")

    lo_s, hi_s = final.idxmin(), final.idxmax()
    if len(final) < 2 or np.isclose(final.min(), final.max()):
        title = (f"Năm {last_year}, {_mid(label)} là {short(final.iloc[0])} ở mọi kịch bản"
                 if lang == "vi" else
                 f"In {last_year}, {_mid(label)} is {short(final.iloc[0])} in every scenario")
    elif lang == "vi":
        title = (f"Năm {last_year}, {_mid(label)} từ {short(final[lo_s])} (kịch bản "
                 f"{_title(lo_s, lang)}) đến {short(final[hi_s])} (kịch bản {_title(hi_s, lang)})")
    else:
        title = (f"In {last_year}, {_mid(label)} ranges from {short(final[lo_s])} "
                 f"({_title(lo_s, lang)}) to {short(final[hi_s])} ({_title(hi_s, lang)})")
    if specs:
        ok = [n for n in final.index
              if any(s.covers(last_year) and s.is_met(final[n]) for s in specs)]
        relevant = [s for s in specs if s.covers(last_year)]
        if relevant:
            if lang == "vi":
                title += (f"; {len(ok)}/{len(final)} kịch bản đạt mục tiêu" if ok
                          else "; không kịch bản nào đạt mục tiêu")
            else:
                title += (f"; {len(ok)} of {len(final)} scenarios meet the target" if ok
                          else "; no scenario meets the target")
    subtitle = _subtitle(indicator, unit, names, rows, lang)
    source = _chart_source(rows, specs, lang, source_details)
    frame = new_frame(title=title, subtitle=subtitle, source=source, lang=lang, size=size,
                      right_margin=LEGEND_MARGIN[size])
    _plot_lines(frame, rows, names, specs, unit, decimals, lang)
    ax = frame.ax
    with house_style():
        ax.set_xlim(right=last_year + 1.6)
        placed = _spread_labels(ax, [float(final[n]) for n in names if n in final.index],
                                min_gap_pt=(frame.size.small + 1) * 1.25)
        for (i, name), y_label in zip(
            [(i, n) for i, n in enumerate(names) if n in final.index], placed, strict=True
        ):
            ax.annotate(short(final[name]), xy=(last_year, final[name]),
                        xytext=(last_year + 0.25, y_label), textcoords="data", va="center",
                        ha="left", fontsize=frame.size.small + 1,
                        color=PALETTE[i % len(PALETTE)], fontweight="bold")
    return frame.fig


def _spread_labels(ax, values: list[float], min_gap_pt: float) -> list[float]:
    """End-of-line label positions pushed apart so close values do not print on each other."""
    if not values:
        return []
    y0, y1 = ax.get_ylim()
    height_pt = ax.get_window_extent().height * 72 / ax.figure.dpi
    gap = min_gap_pt * (y1 - y0) / height_pt
    order = np.argsort(values)
    out = np.array(values, dtype=float)
    for k in range(1, len(order)):
        prev, cur = order[k - 1], order[k]
        if out[cur] - out[prev] < gap:
            out[cur] = out[prev] + gap
    return out.tolist()



# ---------------------------------------------------------------- funding sufficiency

SUFFICIENCY_YEARS = (2015, 2020, 2030)


def funding_sufficiency_chart(
    table: pd.DataFrame,
    *,
    years: tuple[int, ...] = SUFFICIENCY_YEARS,
    scenarios: list[str] | None = None,
    lang: str = "vi",
    size: str = "slide",
    source_details: pd.DataFrame | None = None,
) -> Figure:
    """Investment as a share of what the target year needs (100% = just enough).

    Bars per target year and scenario; projected years are hatched so a reader sees
    which bars are measured and which are modelled.
    """
    lang = check_lang(lang)
    rows, names = _scenario_series(table, "funding_sufficiency", scenarios)
    rows = rows.loc[rows["year"].isin(years)]
    shown = [y for y in years if y in set(rows["year"])]
    if not shown:
        raise InputError("projection table", "funding_sufficiency years",
                         "none of " + ", ".join(map(str, years)),
                         "rows for at least one of those years")
    pct = rows.assign(pct=rows["value"] * 100)
    primary = pct.loc[pct["scenario"] == names[0]].set_index("year")["pct"]

    def p(v: float) -> str:
        return format_number(v, 0, lang) + "%"

    vals = ", ".join(f"{p(primary[y])} ({y})" for y in shown if y in primary.index)
    short = [y for y in shown if y in primary.index and primary[y] < 100]
    if lang == "vi":
        if len(short) == len(primary):
            title = f"Đầu tư cho KH&CN chỉ đáp ứng {vals} mức cần để đạt mục tiêu"
        elif not short:
            title = f"Đầu tư cho KH&CN đủ cho mục tiêu ở mọi năm mốc: {vals} mức cần"
        else:
            title = (f"Đầu tư cho KH&CN đáp ứng {vals} mức cần; thiếu kinh phí năm "
                     + ", ".join(map(str, short)))
    else:
        if len(short) == len(primary):
            title = f"S&T investment covers only {vals} of what the targets need"
        elif not short:
            title = f"S&T investment covers the targets in every milestone year: {vals}"
        else:
            title = (f"S&T investment covers {vals} of what the targets need; short in "
                     + ", ".join(map(str, short)))
    if len(names) > 1:
        title += f" ({'kịch bản' if lang == 'vi' else 'scenario'}: {_title(names[0], lang)})"
    if lang == "vi":
        subtitle = ("Tổng đầu tư xã hội cho KH&CN so với mức cần để đạt tỷ lệ mục tiêu trên GRDP "
                    "(mục B.II.4), %; 100% = vừa đủ; " + "kịch bản: "
                    + ", ".join(_title(n, "vi") for n in names))
    else:
        subtitle = ("Total social S&T investment as % of what the target share of GRDP needs "
                    "(clause B.II.4); 100% = just enough; scenarios: "
                    + ", ".join(_title(n, "en") for n in names))
    source = _chart_source(rows, [], lang, source_details)
    frame = new_frame(title=title, subtitle=subtitle, source=source, lang=lang, size=size,
                      right_margin=LEGEND_MARGIN[size])
    ax, sz = frame.ax, frame.size
    from matplotlib.patches import Patch

    with house_style():
        n = len(names)
        width = min(0.8 / n, 0.3)
        for i, name in enumerate(names):
            sc = pct.loc[pct["scenario"] == name].set_index("year")
            colour = PALETTE[i % len(PALETTE)]
            for j, y in enumerate(shown):
                if y not in sc.index:
                    continue
                v, status = float(sc.loc[y, "pct"]), str(sc.loc[y, "status"])
                x = j + (i - (n - 1) / 2) * width
                projected = status == "projected"
                ax.bar(x, v, width=width * 0.92, color="white" if projected else colour,
                       edgecolor=colour, hatch="///" if projected else None, linewidth=2,
                       label=_title(name, lang) if j == 0 else None, zorder=3)
                ax.text(x, v, p(v), ha="center", va="bottom", fontsize=sz.body,
                        fontweight="bold", zorder=4)
        ax.axhline(100, color=TARGET_COLOUR, linewidth=2.2, linestyle=(0, (6, 3)), zorder=2)
        ax.annotate("100% = vừa đủ cho mục tiêu" if lang == "vi" else "100% = just enough",
                    xy=(-0.5, 100), xytext=(2, 4), textcoords="offset points",
                    color=TARGET_COLOUR, fontsize=sz.small + 0.5, fontweight="bold", va="bottom")
        ax.set_xticks(range(len(shown)), [str(y) for y in shown])
        ax.set_xlim(-0.5, len(shown) - 0.5)
        ax.set_ylim(0, max(110.0, float(pct["pct"].max()) * 1.15))
        ax.yaxis.set_major_formatter(number_formatter(lang, decimals=0, suffix="%"))
        ax.grid(axis="x", visible=False)
        ax.set_axisbelow(True)
        handles, labels = ax.get_legend_handles_labels()
        status_h = []
        if (rows["status"] != "projected").any():
            status_h.append(Patch(facecolor=GREY, edgecolor=GREY,
                                  label=STATUS_NAMES["derived"][lang]))
        if (rows["status"] == "projected").any():
            status_h.append(Patch(facecolor="white", edgecolor=GREY, hatch="///",
                                  label=STATUS_NAMES["projected"][lang]))
        ax.legend(handles + status_h, labels + [h.get_label() for h in status_h],
                  loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=sz.small + 1)
    return frame.fig


# ---------------------------------------------------------------- uncertainty fan

BAND_PAIRS = ((5, 95), (25, 75))


def _probability(probabilities, spec: TargetSpec, indicator: str, year: int) -> float | None:
    if probabilities is None or not len(probabilities):
        return None
    rows = probabilities.loc[(probabilities["indicator"] == indicator)
                             & (probabilities["year"] == year)]
    if "target_id" in rows.columns:
        same = rows.loc[rows["target_id"] == spec.target_id]
        rows = same if len(same) else rows
    vals = rows["probability"].dropna()
    return float(vals.iloc[0]) if len(vals) else None


def percentile_bands(draws: pd.DataFrame, percentiles=(5, 25, 50, 75, 95)) -> pd.DataFrame:
    """Monte Carlo draws (``year, draw, value``) → ``year, percentile, value``."""
    _require_columns(draws, ("year", "value"), "uncertainty draws")
    q = draws.groupby("year")["value"].quantile([p / 100 for p in percentiles]).reset_index()
    q.columns = ["year", "percentile", "value"]
    q["percentile"] = (q["percentile"] * 100).round().astype(int)
    return q


def fan_chart(
    bands: pd.DataFrame,
    indicator: str,
    *,
    history: pd.DataFrame | None = None,
    targets: pd.DataFrame | None = None,
    probabilities: pd.DataFrame | None = None,
    scenario: str | None = None,
    unit: str | None = None,
    lang: str = "vi",
    size: str = "slide",
    source_details: pd.DataFrame | None = None,
) -> Figure:
    """Percentile bands of a Monte Carlo projection (90% and 50% ranges, median line).

    ``bands`` holds ``year, percentile, value`` (percentile 0–100), the wide bands of
    ``uncertainty.run_uncertainty`` (``variable, unit, year, p5 … p95``), or raw draws
    ``year, draw, value``. The title gives the chance of meeting the final-year target,
    from ``probabilities`` (``target_id, indicator, year, probability``) or the draws.
    """
    lang = check_lang(lang)
    draws = None
    wide_cols = [c for c in bands.columns if re.fullmatch(r"p\d{1,2}", str(c))]
    if "percentile" not in bands.columns and wide_cols:
        # uncertainty.run_uncertainty(...).bands: one row per variable and year, p5…p95.
        keep = [c for c in bands.columns if c not in wide_cols and c != "mean"]
        bands = bands.melt(id_vars=keep, value_vars=wide_cols, var_name="percentile",
                           value_name="value")
        bands["percentile"] = bands["percentile"].str[1:].astype(int)
    if "percentile" not in bands.columns:
        _require_columns(bands, ("year", "draw", "value"), "uncertainty table")
        draws = bands
        bands = percentile_bands(draws)
    _require_columns(bands, ("year", "percentile", "value"), "uncertainty table")
    if "variable" in bands.columns:
        bands = bands.loc[bands["variable"] == indicator]
        if draws is not None and "variable" in draws.columns:
            draws = draws.loc[draws["variable"] == indicator]
    if history is not None and "variable" in history.columns:
        history = history.loc[history["variable"] == indicator]
    need = {p for pair in BAND_PAIRS for p in pair} | {50}
    have = set(bands["percentile"].astype(int))
    if not need <= have:
        raise InputError("uncertainty table", "percentile", sorted(have),
                         "percentiles " + ", ".join(map(str, sorted(need))))
    if unit is None:
        unit = str(bands["unit"].iloc[0]) if "unit" in bands.columns else (
            str(history["unit"].iloc[0]) if history is not None else "")
    if scenario is None and "scenario" in bands.columns:
        scenario = str(bands["scenario"].iloc[0])
    wide = bands.pivot_table(index="year", columns="percentile", values="value").sort_index()
    wide.columns = [int(c) for c in wide.columns]
    decimals = indicator_decimals(indicator)
    specs = target_specs(targets, indicator)
    last = int(wide.index.max())
    label = indicator_label(indicator, lang)

    def short(v: float) -> str:
        return format_number(v, decimals, lang) + ("%" if unit == "%" else "")

    lo, hi, med = wide.loc[last, 5], wide.loc[last, 95], wide.loc[last, 50]
    if lang == "vi":
        title = (f"Năm {last}, {_mid(label)} có 90% khả năng nằm trong khoảng "
                 f"{short(lo)}–{short(hi)} (trung vị {short(med)})")
    else:
        title = (f"In {last}, {_mid(label)} lies between {short(lo)} and {short(hi)} "
                 f"with 90% probability (median {short(med)})")
    final_specs = [s for s in specs if s.covers(last)]
    if final_specs:
        spec = final_specs[-1]
        prob = _probability(probabilities, spec, indicator, last)
        if prob is not None or draws is not None:
            if prob is not None:
                share = prob * 100
            else:
                v = draws.loc[draws["year"] == last, "value"].to_numpy(dtype=float)
                share = float(np.mean([spec.is_met(x) for x in v])) * 100
            title += (f"; xác suất đạt mục tiêu: {format_number(share, 0, lang)}%" if lang == "vi"
                      else f"; chance of meeting the target: {format_number(share, 0, lang)}%")
        elif not spec.is_met(hi):
            title += ("; cả phân vị 95 cũng không đạt mục tiêu" if lang == "vi"
                      else "; even the 95th percentile misses the target")
        elif spec.is_met(lo):
            title += ("; cả phân vị 5 cũng đạt mục tiêu" if lang == "vi"
                      else "; even the 5th percentile meets the target")
    rows_for_source = history if history is not None else pd.DataFrame(
        {"source": [], "status": []})
    src_rows = pd.concat([
        rows_for_source[["source", "status"]] if len(rows_for_source) else rows_for_source,
        pd.DataFrame({"source": bands["source"] if "source" in bands.columns else [],
                      "status": "projected"}),
    ], ignore_index=True)
    if not (src_rows["status"] == "projected").any():
        src_rows = pd.concat([src_rows, pd.DataFrame({"source": [""], "status": ["projected"]})])
    source = _chart_source(src_rows, specs, lang, source_details)
    n_text = ""
    if draws is not None and "draw" in draws.columns:
        n_text = (f"{draws['draw'].nunique()} lần mô phỏng Monte Carlo" if lang == "vi"
                  else f"{draws['draw'].nunique()} Monte Carlo draws")
    unit_text = indicator_unit_label(indicator, unit, lang)
    parts = [f"{'Đơn vị' if lang == 'vi' else 'Unit'}: {unit_text}"]
    if scenario:
        parts.append(f"{'kịch bản' if lang == 'vi' else 'scenario'}: {_title(scenario, lang)}")
    parts.append("dải đậm: 50%, dải nhạt: 90% khả năng" if lang == "vi"
                 else "dark band: 50%, light band: 90% probability")
    if n_text:
        parts.append(n_text)
    subtitle = "; ".join(parts)
    frame = new_frame(title=title, subtitle=subtitle, source=source, lang=lang, size=size,
                      right_margin=LEGEND_MARGIN[size])
    ax, sz = frame.ax, frame.size
    colour = PALETTE[0]
    with house_style():
        years = wide.index.to_numpy()
        ax.fill_between(years, wide[5], wide[95], color=colour, alpha=0.18, linewidth=0,
                        label="90%", zorder=2)
        ax.fill_between(years, wide[25], wide[75], color=colour, alpha=0.38, linewidth=0,
                        label="50%", zorder=2)
        ax.plot(years, wide[50], color=colour, linewidth=2.6, linestyle=(0, (5, 2.5)),
                label="trung vị" if lang == "vi" else "median", zorder=3)
        all_years = list(years)
        history_statuses: set[str] = set()
        top = float(wide.to_numpy().max())
        if history is not None and len(history):
            hist = history.loc[history["status"] != "projected"]
            if scenario is not None and "scenario" in hist.columns:
                sel = hist.loc[hist["scenario"] == scenario]
                hist = sel if len(sel) else hist.drop_duplicates("year")
            hist = hist.sort_values("year")
            history_statuses = set(hist["status"])
            _draw_series(ax, hist, HISTORY_COLOUR, None, sz)
            all_years += hist["year"].astype(int).tolist()
            top = max(top, float(hist["value"].max()))
        _draw_targets(ax, specs, sorted(set(all_years)), lang=lang, unit=unit, decimals=decimals,
                      sz=sz)
        top = max([top] + [s.upper or s.lower or 0 for s in specs])
        ax.set_ylim(0, top * 1.18 if top > 0 else 1)
        from khcn_analysis.present.chart_style import year_axis

        year_axis(ax, sorted(set(all_years)))
        ax.yaxis.set_major_formatter(number_formatter(lang, suffix="%" if unit == "%" else ""))
        handles, labels = ax.get_legend_handles_labels()
        status_h = _status_handles(history_statuses, lang)
        ax.legend(handles + status_h, labels + [h.get_label() for h in status_h],
                  loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=sz.small + 1)
    return frame.fig


# ---------------------------------------------------------------- sensitivity tornado


#: Display labels of the scenario parameters the sensitivity analysis varies.
PARAMETER_LABELS: dict[str, dict[str, str]] = {
    "grdp_growth_pct": {"vi": "Tăng trưởng GRDP danh nghĩa (%/năm)",
                        "en": "Nominal GRDP growth (%/year)"},
    "population_growth_pct": {"vi": "Tăng dân số (%/năm)", "en": "Population growth (%/year)"},
    "budget_expenditure_growth_pct": {"vi": "Tăng chi ngân sách địa phương (%/năm)",
                                      "en": "Local budget expenditure growth (%/year)"},
    "nonstate_value": {"vi": "Đầu tư KH&CN ngoài nhà nước", "en": "Non-state S&T investment"},
    "researcher_growth_value": {"vi": "Tăng số cán bộ nghiên cứu",
                                "en": "Growth in researchers"},
}


def tornado_chart(
    effects: pd.DataFrame,
    *,
    indicator: str,
    year: int,
    base: float | None = None,
    unit: str | None = None,
    scenario: str | None = None,
    lang: str = "vi",
    size: str = "slide",
    max_bars: int = 12,
) -> Figure:
    """One-at-a-time sensitivity: the output at each parameter's low and high setting.

    ``effects`` has ``parameter, low, high`` (the indicator's value with the parameter at
    its low and at its high setting; ``sensitivity.tornado``'s ``value_low``/``value_high``
    work too), optionally ``variable``/``year`` (filtered to this chart's),
    ``label_vi``/``label_en``, ``param_low``/``param_high`` and ``base``. Parameters that
    do not move the indicator at all are left out and counted in the subtitle. Bars are sorted by swing, widest on top,
    so the parameter that matters most is read first.
    """
    lang = check_lang(lang)
    effects = effects.rename(columns={"value_low": "low", "value_high": "high"})
    if "variable" in effects.columns:
        effects = effects.loc[effects["variable"] == indicator]
    if "year" in effects.columns:
        effects = effects.loc[effects["year"] == year]
    _require_columns(effects, ("parameter", "low", "high"), "sensitivity table")
    if effects.empty:
        raise InputError("sensitivity table", "rows", "no rows", "one row per parameter")
    if base is None:
        if "base" not in effects.columns:
            raise InputError("sensitivity table", "base", "missing",
                             "a 'base' column or the base= argument")
        base = float(effects["base"].iloc[0])
    if unit is None:
        unit = str(effects["unit"].iloc[0]) if "unit" in effects.columns else ""
    df = effects.copy()
    df["swing"] = (df["high"] - df["low"]).abs()
    df = df.sort_values("swing", ascending=False, kind="stable")
    n_all = len(df)
    df = df.loc[df["swing"] > 0] if (df["swing"] > 0).any() else df
    df = df.head(max_bars)
    dropped = n_all - len(df)
    label_col = f"label_{lang}"
    df["name"] = df[label_col] if label_col in df.columns else [
        PARAMETER_LABELS.get(str(p), {}).get(lang, str(p)) for p in df["parameter"]]
    decimals = indicator_decimals(indicator)
    label = indicator_label(indicator, lang)

    def short(v: float) -> str:
        return format_number(v, decimals, lang) + ("%" if unit == "%" else "")

    top = df.iloc[0]
    lo_v, hi_v = sorted((float(top["low"]), float(top["high"])))
    if lang == "vi":
        title = (f"{top['name']} tác động mạnh nhất tới {_mid(label)} năm {year}: "
                 f"từ {short(lo_v)} đến {short(hi_v)} (cơ sở {short(base)})")
    else:
        title = (f"{top['name']} moves {_mid(label)} in {year} the most: "
                 f"{short(lo_v)} to {short(hi_v)} (base {short(base)})")
    unit_text = indicator_unit_label(indicator, unit, lang)
    parts = [f"{'Đơn vị' if lang == 'vi' else 'Unit'}: {unit_text}"]
    if scenario:
        parts.append(f"{'kịch bản cơ sở' if lang == 'vi' else 'base scenario'}: {_title(scenario, lang)}")
    parts.append("thay đổi từng tham số một, các tham số khác giữ ở mức cơ sở" if lang == "vi"
                 else "one parameter at a time, the others at their base values")
    if dropped:
        parts.append(f"{dropped} tham số ảnh hưởng ít hơn hoặc không ảnh hưởng không hiển thị"
                     if lang == "vi" else f"{dropped} smaller or zero effects not shown")
    statuses = ["assumption"]  # parameter ranges are assumptions by construction
    source = source_line(effects["source"] if "source" in effects.columns else [],
                         lang=lang, statuses=statuses,
                         extra=["tính toán của khcn-workbook" if lang == "vi"
                                else "khcn-workbook calculation"])
    frame = new_frame(title=title, subtitle="; ".join(parts), source=source, lang=lang,
                      size=size, right_margin=LEGEND_MARGIN[size], left_margin=3.3)
    ax, sz = frame.ax, frame.size
    from matplotlib.patches import Patch

    with house_style():
        y = np.arange(len(df))[::-1]
        c_low, c_high = PALETTE[0], PALETTE[1]
        for yi, (_, r) in zip(y, df.iterrows(), strict=True):
            for value, colour, key in ((r["low"], c_low, "param_low"),
                                       (r["high"], c_high, "param_high")):
                ax.barh(yi, value - base, left=base, height=0.6, color=colour, zorder=3)
                text = short(value)
                if key in df.columns and not pd.isna(r[key]):
                    text += f" ({format_number(float(r[key]), _auto(r[key]), lang)})"
                ax.annotate(text, xy=(value, yi), xytext=(5 if value >= base else -5, 0),
                            textcoords="offset points", va="center",
                            ha="left" if value >= base else "right", fontsize=sz.small + 0.5)
        ax.axvline(base, color=HISTORY_COLOUR, linewidth=1.4, zorder=4)
        ax.set_yticks(y, [textwrap.fill(str(n), 30) for n in df["name"]])
        span = float(max(df["high"].max(), df["low"].max(), base) -
                     min(df["high"].min(), df["low"].min(), base)) or 1.0
        ax.set_xlim(min(df["low"].min(), df["high"].min(), base) - span * 0.25,
                    max(df["low"].max(), df["high"].max(), base) + span * 0.25)
        ax.xaxis.set_major_formatter(number_formatter(lang, suffix="%" if unit == "%" else ""))
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", visible=True)
        ax.set_axisbelow(True)
        ax.spines["left"].set_visible(False)
        ax.tick_params(axis="y", length=0, labelsize=sz.body)
        ax.legend(handles=[
            Patch(color=c_low, label="tham số ở mức thấp" if lang == "vi" else "parameter low"),
            Patch(color=c_high, label="tham số ở mức cao" if lang == "vi" else "parameter high"),
        ], loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=sz.small + 1)
    return frame.fig


def _auto(v) -> int:
    from khcn_analysis.present.chart_style import min_decimals

    return min_decimals(float(v))


# ---------------------------------------------------------------- the standard set

#: File stems of the standard set, in the order of the multi-page PDF.
CHART_NAMES = (
    "01-ngan-sach-ke-hoach",
    "02-dau-tu-khcn-grdp",
    "03-can-bo-nghien-cuu",
    "04-muc-dap-ung-kinh-phi",
    "05-so-sanh-kich-ban",
    "06-bat-dinh",
    "07-do-nhay",
)
SET_PDF = "bo-bieu-do"


def standard_charts(
    table: pd.DataFrame,
    *,
    budget: pd.DataFrame | None = None,
    targets: pd.DataFrame | None = None,
    uncertainty: pd.DataFrame | None = None,
    probabilities: pd.DataFrame | None = None,
    sensitivity: pd.DataFrame | None = None,
    sensitivity_year: int | None = None,
    comparison_indicator: str = "st_investment_share_grdp",
    scenarios: list[str] | None = None,
    lang: str = "vi",
    size: str = "slide",
    source_details: pd.DataFrame | None = None,
) -> dict[str, Figure]:
    """The standard chart set from engine outputs, keyed by file stem.

    ``table`` is the projection table (one or several scenarios); the first scenario is
    the one single-scenario charts describe. Charts whose input is not given
    (budget, uncertainty, sensitivity) are left out rather than drawn empty.
    """
    names = scenarios or list(dict.fromkeys(table["scenario"].astype(str)))
    kw = {"lang": lang, "size": size}
    figs: dict[str, Figure] = {}
    if budget is not None:
        figs[CHART_NAMES[0]] = plan_budget_chart(budget, **kw)
    first = [names[0]]
    figs[CHART_NAMES[1]] = st_investment_share_chart(
        table, targets=targets, scenarios=first, source_details=source_details, **kw)
    figs[CHART_NAMES[2]] = researcher_density_chart(
        table, targets=targets, scenarios=first, source_details=source_details, **kw)
    figs[CHART_NAMES[3]] = funding_sufficiency_chart(
        table, scenarios=names, source_details=source_details, **kw)
    figs[CHART_NAMES[4]] = scenario_comparison_chart(
        table, comparison_indicator, scenarios=names, targets=targets,
        source_details=source_details, **kw)
    if uncertainty is not None:
        figs[CHART_NAMES[5]] = fan_chart(
            uncertainty, comparison_indicator, history=table.loc[table["scenario"] == names[0]],
            targets=targets, probabilities=probabilities, scenario=names[0],
            source_details=source_details, **kw)
    if sensitivity is not None:
        year = sensitivity_year or (int(sensitivity["year"].max())
                                    if "year" in sensitivity.columns else int(table["year"].max()))
        figs[CHART_NAMES[6]] = tornado_chart(
            sensitivity, indicator=comparison_indicator, year=year, scenario=names[0], **kw)
    return figs


def write_chart_set(
    figures: dict[str, Figure],
    out_dir: str | Path,
    *,
    formats: tuple[str, ...] = ("png", "svg", "pdf"),
    dpi: int = 300,
    set_name: str = SET_PDF,
) -> list[Path]:
    """Each chart in every format, plus one multi-page PDF of the whole set (one chart a page)."""
    from matplotlib.backends.backend_pdf import PdfPages

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for stem, fig in figures.items():
        written += save_figure(fig, out_dir / stem, formats=formats, dpi=dpi)
    combined = out_dir / f"{set_name}.pdf"
    with house_style(), PdfPages(combined, metadata={
        "CreationDate": None, "ModDate": None, "Producer": "khcn-workbook",
        "Title": "Bộ biểu đồ KH&CN Lai Châu",
    }) as pdf:
        for fig in figures.values():
            pdf.savefig(fig)
    written.append(combined)
    return written


def charts_for_scenarios(
    scenarios: list[str] | None = None,
    *,
    lang: str = "vi",
    size: str = "slide",
    draws: int | None = None,
) -> dict[str, Figure]:
    """Run the engine for the named scenarios and draw the standard set.

    The first scenario is the one the single-scenario charts (targets, fan, tornado)
    describe; with none named, every shipped scenario is compared, the plan as
    written first.
    """
    from khcn_analysis import pipeline
    from khcn_analysis.model.scenarios import list_scenarios, load_scenario

    check_lang(lang)
    if scenarios:
        loaded = [load_scenario(name) for name in scenarios]
    else:
        loaded = sorted(list_scenarios(), key=lambda sc: sc.name != "plan_as_written")
    inputs = pipeline.load_inputs()
    first = pipeline.run(loaded[0], inputs=inputs, uncertainty=True, draws=draws, tornado=True)
    rest = pipeline.run_many(loaded[1:], inputs=inputs, national=False)
    table = pd.concat([r.table for r in [first, *rest]], ignore_index=True)
    mc = first.uncertainty
    return standard_charts(
        table,
        budget=inputs.plan.budget_table(),
        targets=first.attainment,
        uncertainty=mc.bands,
        probabilities=mc.probabilities,
        sensitivity=first.tornado,
        scenarios=[sc.name for sc in loaded],
        lang=lang,
        size=size,
        source_details=inputs.sources,
    )
