"""The Charts sheet: native Excel charts over the Projection sheet, with the targets.

The lines read the Projection sheet, so they follow an edited assumption; the
target markers come from a small block of target levels on this sheet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from khcn_analysis.core.catalogue import t
from khcn_analysis.core.indicators import INDICATORS
from khcn_analysis.present.excel.formats import Formats, protect
from khcn_analysis.present.excel.grid import Grid
from khcn_analysis.present.excel.layout import WorkbookLayout

if TYPE_CHECKING:
    from khcn_analysis.pipeline import Results

__all__ = ["CHARTS", "charts_sheet"]

#: (indicator, target bounds drawn as markers, where the chart goes).
CHARTS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("st_investment_share_grdp", ("lower",), "F3"),
    ("researcher_density", ("lower", "upper"), "F25"),
)
_LINE = "#0072B2"
_MARKERS = ("#D55E00", "#E69F00")
_HEAD_ROW, _FIRST_ROW = 2, 3


def _levels(results: Results, years: list[int], indicator: str, which: str) -> list[float | None]:
    """The target's bound in each year it applies (the highest if several apply)."""
    targets = [tg for tg in results.plan.targets if tg.computable and tg.indicator == indicator]
    out: list[float | None] = []
    for year in years:
        vals = [getattr(tg, which) for tg in targets if tg.applies_to(year) and getattr(tg, which) is not None]
        out.append(max(vals) if vals else None)
    return out


def charts_sheet(wb: Any, ws: Any, fmt: Formats, results: Results, data: Grid, lang: str,
                 layout: WorkbookLayout) -> None:
    name, proj = layout.sheets["charts"], layout.sheets["projection"]
    ws.write_string(0, 0, t("excel.charts.title", lang), fmt(bold=True, font_size=14))
    ws.write_string(_HEAD_ROW, 0, t("excel.year", lang), fmt(bold=True))
    ws.set_row(_HEAD_ROW, 54)  # the target headers wrap over up to four lines
    for i, year in enumerate(data.years):
        ws.write_number(_FIRST_ROW + i, 0, year, fmt(num_format="0"))
    last = _FIRST_ROW + len(data.years) - 1
    y0, y1 = layout.year_rows[data.years[0]], layout.year_rows[data.years[-1]]
    categories = [proj, y0, 0, y1, 0]
    col = 1
    for indicator, bounds, anchor in CHARTS:
        marker_cols = []
        label = INDICATORS[indicator].label(lang)
        for which in bounds:
            key = "excel.charts.target_upper" if which == "upper" else "excel.charts.target"
            ws.write_string(_HEAD_ROW, col, t(key, lang, indicator=label), fmt(bold=True, text_wrap=True))
            for i, value in enumerate(_levels(results, data.years, indicator, which)):
                if value is not None:
                    ws.write_number(_FIRST_ROW + i, col, float(value), fmt(num_format="0.0"))
            marker_cols.append(col)
            col += 1
        if indicator not in layout.projection_columns:
            continue
        series_col = list(layout.projection_columns).index(indicator) + 1
        chart = wb.add_chart({"type": "line"})
        chart.add_series({
            "name": label, "categories": categories, "values": [proj, y0, series_col, y1, series_col],
            "line": {"color": _LINE, "width": 2.25},
            "marker": {"type": "circle", "size": 4, "fill": {"color": _LINE}, "border": {"color": _LINE}},
        })
        for k, tcol in enumerate(marker_cols):
            colour = _MARKERS[k % 2]
            chart.add_series({
                "name": [name, _HEAD_ROW, tcol], "categories": categories,
                "values": [name, _FIRST_ROW, tcol, last, tcol], "line": {"none": True},
                "marker": {"type": "diamond", "size": 8, "fill": {"color": colour}, "border": {"color": colour}},
            })
        chart.set_title({"name": t("excel.charts.with_targets", lang, indicator=label), "name_font": {"size": 12}})
        chart.set_y_axis({"name": INDICATORS[indicator].unit_label(lang), "num_format": "#,##0.0",
                          "major_gridlines": {"visible": True, "line": {"color": "#DDDDDD"}}})
        chart.set_x_axis({"name": t("excel.year", lang), "interval_unit": 2})
        chart.set_legend({"position": "bottom"})
        chart.set_size({"width": 760, "height": 400})
        ws.insert_chart(anchor, chart)
    ws.set_column(0, 0, 7)
    ws.set_column(1, col - 1, 16)
    ws.set_paper(9)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    protect(ws)
