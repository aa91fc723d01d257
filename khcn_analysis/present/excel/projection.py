"""The Projection sheet: 2010–2030, one column per series, status by colour and as text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from xlsxwriter.utility import xl_col_to_name

from khcn_analysis.core.catalogue import t
from khcn_analysis.core.catalogue.status import VALUE_STATUS_LABELS, value_status_label
from khcn_analysis.core.formatting import format_number
from khcn_analysis.core.indicators import INDICATORS
from khcn_analysis.present.excel.formats import (
    PERCENT_FORMAT,
    STATUS_FILLS,
    Formats,
    finite,
    fit,
    num_format,
    page_setup,
    protect,
    write_title,
    write_value,
)
from khcn_analysis.present.excel.formulas import Formulas
from khcn_analysis.present.excel.grid import Grid
from khcn_analysis.present.excel.layout import (
    BASE_COLUMNS,
    DERIVED_COLUMNS,
    HEADER_ROW,
    PATH_COLUMNS,
    PATH_OF,
    WorkbookLayout,
    cell,
)

if TYPE_CHECKING:
    from khcn_analysis.pipeline import Results

__all__ = ["projection_formulas", "projection_sheet", "series_label"]


def series_label(sid: str, lang: str) -> str:
    """A column header: the indicator and its unit (a target path says so)."""
    if sid == "funding_sufficiency":
        return t("excel.sufficiency", lang)
    if sid in PATH_OF:
        ind = INDICATORS[PATH_OF[sid]]
        return t("excel.projection.target_path", lang, indicator=ind.label(lang), unit=ind.unit_label(lang))
    ind = INDICATORS[sid]
    return f"{ind.label(lang)} ({ind.unit_label(lang)})"


def _number_format(sid: str) -> str:
    if sid == "funding_sufficiency":
        return PERCENT_FORMAT
    return num_format(INDICATORS[PATH_OF.get(sid, sid)].decimals)


def projection_formulas(results: Results, data: Grid, names: set[str],
                        base_cells: dict[tuple[str, int], str],
                        anchor_cells: dict[tuple[str, int], str]) -> tuple[Formulas, dict[tuple[str, int], str]]:
    """Every Projection-sheet formula by (series, year); also tells which anchors it needs.

    ``base_cells``: assumed base values, which the sheet reads from their yellow cells.
    """
    series = [s for s in (*BASE_COLUMNS, *PATH_COLUMNS, *DERIVED_COLUMNS) if finite_any(data, s)]
    cols = {sid: 1 + k for k, sid in enumerate(series)}
    rows = {year: HEADER_ROW + 1 + k for k, year in enumerate(data.years)}
    formulas = Formulas(results, data, cols, rows, names, anchor_cells, base_cells)
    out: dict[tuple[str, int], str] = {}
    derived, paths = set(DERIVED_COLUMNS), set(PATH_COLUMNS)
    for i, year in enumerate(data.years):
        for sid in series:
            if not finite(data.values[sid][i]):
                continue
            if sid in derived:
                formula = formulas.derived(sid, i)
            elif sid in paths:
                formula = formulas.path_column(sid, i)
            else:
                formula = formulas.base(sid, i)
            if formula is not None:
                out[(sid, year)] = formula
    return formulas, out


def finite_any(data: Grid, sid: str) -> bool:
    return any(finite(v) for v in data.values[sid])


def projection_sheet(ws: Any, fmt: Formats, results: Results, data: Grid, lang: str, names: set[str],
                     base_cells: dict[tuple[str, int], str], anchor_cells: dict[tuple[str, int], str],
                     layout: WorkbookLayout) -> None:
    sc = results.scenario
    write_title(ws, fmt, t("excel.projection.title", lang, title=sc.title(lang)), sc.description(lang),
                t("excel.projection.note", lang))
    formulas, cell_formulas = projection_formulas(results, data, names, base_cells, anchor_cells)
    cols, rows = formulas.cols, formulas.rows
    layout.year_rows = dict(rows)
    layout.projection_columns = {sid: xl_col_to_name(c) for sid, c in cols.items()}
    head = fmt.head(align="center")
    ws.write_string(HEADER_ROW, 0, t("excel.year", lang), head)
    ws.set_row(HEADER_ROW, 66)
    for sid, col in cols.items():
        ws.write_string(HEADER_ROW, col, series_label(sid, lang), head)
    ws.set_column(0, 0, 7)
    for i, year in enumerate(data.years):
        row = rows[year]
        ws.write_number(row, 0, year, fmt(bold=True, num_format="0", border=1))
        for sid, col in cols.items():
            value, status = data.values[sid][i], data.status[sid][i]
            cell_fmt = fmt(num_format=_number_format(sid), bg_color=STATUS_FILLS.get(status),
                           border=1, border_color="#BBBBBB")
            formula = cell_formulas.get((sid, year))
            write_value(ws, row, col, value, cell_fmt, formula)
            if finite(value):
                layout.projection_cells[(sid, year)] = cell(row, col)
                if formula is not None:
                    layout.formula_cells[(sid, year)] = formula
    for sid, col in cols.items():
        decimals = INDICATORS[PATH_OF.get(sid, sid)].decimals
        texts = [format_number(v, decimals, "en") for v in data.values[sid] if finite(v)]
        ws.set_column(col, col, fit([*texts, *series_label(sid, lang).split()], 10, 16))
    _status_table(ws, fmt, data, lang, list(cols), rows)
    page_setup(ws, HEADER_ROW, repeat_first_col=True)
    protect(ws)


def _status_table(ws: Any, fmt: Formats, data: Grid, lang: str, series: list[str],
                  rows: dict[int, int]) -> None:
    """Status as text, beside the values (colour is never the only cue), and the legend."""
    start = 2 + len(series)
    head = fmt.head(align="center")
    ws.write_string(HEADER_ROW - 1, start, t("excel.status", lang), fmt(bold=True))
    for k, sid in enumerate(s for s in series if s not in PATH_OF):
        col = start + k
        ws.write_string(HEADER_ROW, col, t("excel.status_of", lang, series=series_label(sid, lang)), head)
        for i, year in enumerate(data.years):
            status = data.status[sid][i]
            ws.write_string(rows[year], col, value_status_label(status, lang) if status else "",
                            fmt(bg_color=STATUS_FILLS.get(status), border=1, border_color="#BBBBBB"))
        ws.set_column(col, col, 12)
    ws.set_column(start - 1, start - 1, 3)
    legend_row = rows[data.years[-1]] + 2
    ws.write_string(legend_row, 0, t("excel.legend", lang), fmt(bold=True))
    for k, status in enumerate(VALUE_STATUS_LABELS):
        ws.write_string(legend_row + 1 + k, 1, value_status_label(status, lang),
                        fmt(bg_color=STATUS_FILLS.get(status), border=1))
