"""The Assumptions sheet: the yellow cells a planner may edit, and nothing else.

Three blocks: what the scenario is (text, not edited: it decides the workbook's
structure), its parameters (named cells the formulas read) and the assumed base
values the projection starts from. Every yellow cell is unlocked and carries a
data validation with the range the scenario model allows and a message in the
reader's language; the sheet is protected without a password, so a typo cannot
overwrite a label or a formula.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import numpy as np

from khcn_analysis.core.catalogue import has, t
from khcn_analysis.core.formatting import format_number
from khcn_analysis.core.indicators import INDICATORS
from khcn_analysis.core.provenance import (
    assumption_ids,
    join_sources,
    plain_references,
    split_sources,
)
from khcn_analysis.present.excel.formats import (
    EDITABLE_FILL,
    Formats,
    RowFit,
    num_format,
    page_setup,
    protect,
    write_title,
)
from khcn_analysis.present.excel.grid import Grid
from khcn_analysis.present.excel.layout import BASE_COLUMNS, HEADER_ROW, WorkbookLayout, cell, xref
from khcn_analysis.present.excel.parameters import Bounds, Parameter, in_language

if TYPE_CHECKING:
    from khcn_analysis.pipeline import Results

__all__ = ["NON_NEGATIVE", "assumed_records", "assumption_reason", "assumption_rows", "assumptions_sheet",
           "validate_cell"]

#: Assumed base values (money, people) are never negative.
NON_NEGATIVE = Bounds(0.0, float("inf"))
_COLUMNS = ("id", "item", "value", "unit", "reason", "source")
_WIDTHS = (30.0, 40.0, 14.0, 16.0, 70.0, 40.0)


def _ids(source: str) -> str:
    """Source ids as a reader scans them: one space after each separator."""
    return "; ".join(split_sources(source))


def _num(x: float, lang: str) -> str:
    return format_number(x, 0 if float(x).is_integer() else 2, lang)


def _range_text(b: Bounds, lang: str) -> str:
    if b.hi == float("inf"):
        return t("excel.range.at_least", lang, lo=_num(b.lo, lang))
    key = "excel.range.below" if b.hi_strict else "excel.range.between"
    return t(key, lang, lo=_num(b.lo, lang), hi=_num(b.hi, lang))


def _plain(x: float) -> float | int:
    return int(x) if float(x).is_integer() else float(x)


def validate_cell(ws: Any, row: int, col: int, bounds: Bounds, unit: str, lang: str) -> None:
    """Excel's data validation on one input cell: the range, an input message, a stop error."""
    words = {"range": _range_text(bounds, lang), "unit": unit}
    options: dict[str, Any] = {
        "input_title": t("excel.validate.input_title", lang),
        "input_message": t("excel.validate.input_message", lang, **words),
        "error_title": t("excel.validate.error_title", lang),
        "error_message": t("excel.validate.error_message", lang, **words),
        "error_type": "stop",
    }
    ref = cell(row, col)
    if bounds.hi == float("inf"):
        options.update(validate="decimal", criteria=">" if bounds.lo_strict else ">=", value=_plain(bounds.lo))
    elif bounds.lo_strict or bounds.hi_strict:
        lo_op = ">" if bounds.lo_strict else ">="
        hi_op = "<" if bounds.hi_strict else "<="
        options.update(validate="custom",
                       value=f"=AND(ISNUMBER({ref}),{ref}{lo_op}{_plain(bounds.lo)},{ref}{hi_op}{_plain(bounds.hi)})")
    else:
        options.update(validate="decimal", criteria="between", minimum=_plain(bounds.lo), maximum=_plain(bounds.hi))
    ws.data_validation(row, col, row, col, options)


def assumption_reason(aid: str, rule: str, written: str, lang: str) -> str:
    """Why an assumed value is what it is: the reason as written (in English) for an English
    reader; else the catalogue's wording for this assumption, or for its rule."""
    if in_language(written, lang):
        return written
    for key in (f"excel.assumption.{aid}", f"excel.rule.{rule}"):
        if has(key):
            return t(key, lang)
    return t("excel.reason.assumed", lang)


def assumed_records(results: Results) -> list[tuple[str, int]]:
    """(series, year index) of the assumed records the Projection sheet shows (as the baseline states them).

    A record whose range sets its level (``researchers_2011``) is that parameter, not a cell of its own.
    """
    inputs = results.projection.inputs
    kinds = {r.parameter_key: r.kind for r in inputs.ranges}
    out = []
    for sid in BASE_COLUMNS:
        lay = inputs.layouts.get(sid)
        if lay is None:
            continue
        shown = lay.record & (lay.grades == "assumption")
        if sid in inputs.rule_start:
            shown &= ~inputs.counterfactual_mask(sid)
        for key, (mask, _ref) in lay.scales.items():
            if kinds.get(key) == "level":
                shown &= ~mask
        out += [(sid, int(i)) for i in np.flatnonzero(shown)]
    return out


def assumption_rows(results: Results, data: Grid, lang: str,
                    anchors: Iterable[tuple[str, int]] = ()) -> list[dict[str, Any]]:
    """The assumed records the projection rests on, with reason and source (yellow cells).

    Each holds the record as ``data/raw/assumptions.yaml`` gives it; the Projection sheet
    applies the assumption's range parameter to it. ``anchors`` adds records a formula
    reads that the Projection sheet does not show (a record the counterfactual replaced).
    """
    quotes = dict(zip(results.sources["id"].astype(str), results.sources["quote"].fillna("").astype(str),
                      strict=True))
    rules = dict(zip(results.inputs.assumptions["id"].astype(str),
                     results.inputs.assumptions["rule"].astype(str), strict=True))

    def reason(ids: list[str]) -> str:
        names = assumption_ids(ids)
        if not names:
            return t("excel.reason.recorded", lang)
        texts = [assumption_reason(n, rules.get(n, ""), quotes.get(f"assumption:{n}", ""), lang) for n in names]
        return " ".join(dict.fromkeys(texts))

    def row(sid: str, year: int, value: float, source: object, role: str) -> dict[str, Any]:
        ind = INDICATORS[sid]
        ids = split_sources(source)
        key = "excel.base.anchor" if role == "anchor" else "excel.base.value"
        return {
            "variable": sid, "year": year, "value": value, "role": role,
            "label": t(key, lang, indicator=ind.label(lang), year=year),
            "unit": ind.unit_label(lang), "decimals": ind.decimals,
            "reason": reason(ids), "source": join_sources(*ids),
        }

    out = []
    for sid, i in assumed_records(results):
        series = results.projection.inputs.baseline[sid]
        out.append(row(sid, data.years[i], float(series.values[i]), series.source[i], "base"))
    years = list(data.years)
    for sid, year in sorted(anchors):
        series = results.projection.inputs.baseline[sid]
        i = years.index(year)
        out.append(row(sid, year, float(series.values[i]), series.source[i], "anchor"))
    return out


def _info_rows(results: Results, lang: str) -> list[tuple[str, str]]:
    sc = results.scenario
    return [
        (t("excel.info.name", lang), sc.name),
        (t("excel.info.title", lang), sc.title(lang)),
        (t("excel.info.description", lang), sc.description(lang)),
        (t("param.base_year", lang), str(results.projection.inputs.base_year)),
        (t("param.st_budget_rule", lang), t(f"choice.st_budget_rule.{sc.st_budget_rule}", lang)),
        (t("param.after_plan", lang), t(f"choice.after_plan.{sc.after_plan}", lang)),
        (t("param.researcher_rule", lang), t(f"choice.researcher_rule.{sc.researcher_rule}", lang)),
    ]


def assumptions_sheet(wb: Any, ws: Any, fmt: Formats, results: Results, lang: str,
                      params: list[Parameter], base_rows: list[dict[str, Any]],
                      layout: WorkbookLayout) -> tuple[dict[tuple[str, int], str], dict[tuple[str, int], str]]:
    """Write the sheet; returns the cells of the assumed base values and of the projection anchors."""
    name = layout.sheets["assumptions"]
    write_title(ws, fmt, t("excel.assumptions.title", lang), results.scenario.description(lang),
                t("excel.assumptions.note", lang))
    head, wrap, plain = fmt.head(), fmt.text(), fmt.text(wrap=False)
    for col, key in enumerate(_COLUMNS):
        ws.write_string(HEADER_ROW, col, t(f"excel.assumptions.head.{key}", lang), head)
        ws.set_column(col, col, _WIDTHS[col])
    ws.set_row(HEADER_ROW, 30)
    fit = RowFit(dict(enumerate(_WIDTHS)))

    def write_text(row: int, col: int, text: str) -> None:
        ws.write_string(row, col, text, wrap)
        fit.note(row, col, text)

    row = HEADER_ROW + 1
    ws.write_string(row, 0, t("excel.assumptions.info", lang), fmt(bold=True))
    row += 1
    for label, value in _info_rows(results, lang):
        ws.write_blank(row, 0, None, plain)
        write_text(row, 1, label)
        ws.merge_range(row, 2, row, len(_COLUMNS) - 1, "", wrap)
        ws.write_string(row, 2, value, wrap)  # text, never a formula (merge_range would write any type)
        fit.note(row, 2, value, sum(_WIDTHS[2:]))
        row += 1
    row += 1

    ws.write_string(row, 0, t("excel.assumptions.params", lang), fmt(bold=True))
    row += 1
    editable = fmt(num_format=num_format(2), bg_color=EDITABLE_FILL, border=1, locked=False)
    for p in params:
        ws.write_string(row, 0, p.id, plain)
        write_text(row, 1, p.label)
        if p.formula:
            ws.write_formula(row, 2, p.formula, editable, float(p.value))
        else:
            ws.write_number(row, 2, float(p.value), editable)
        for col, text in ((3, p.unit), (4, plain_references(p.reason, lang, results.sources)), (5, _ids(p.source))):
            write_text(row, col, text)
        validate_cell(ws, row, 2, p.bounds, p.unit, lang)
        wb.define_name(p.id, f"={xref(name, row, 2)}")
        layout.parameter_cells[p.id] = cell(row, 2)
        row += 1
    row += 1

    cells: dict[tuple[str, int], str] = {}
    anchors: dict[tuple[str, int], str] = {}
    if base_rows:
        ws.write_string(row, 0, t("excel.assumptions.base", lang), fmt(bold=True))
        row += 1
    for a in base_rows:
        ws.write_blank(row, 0, None, plain)
        write_text(row, 1, a["label"])
        ws.write_number(row, 2, float(a["value"]),
                        fmt(num_format=num_format(a["decimals"]), bg_color=EDITABLE_FILL, border=1, locked=False))
        for col, text in ((3, a["unit"]), (4, plain_references(a["reason"], lang, results.sources)),
                          (5, _ids(a["source"]))):
            write_text(row, col, text)
        validate_cell(ws, row, 2, NON_NEGATIVE, a["unit"], lang)
        (anchors if a["role"] == "anchor" else cells)[(a["variable"], a["year"])] = xref(name, row, 2)
        layout.base_value_cells[(a["variable"], a["year"])] = cell(row, 2)
        row += 1
    fit.apply(ws)
    page_setup(ws, HEADER_ROW)
    protect(ws)
    return cells, anchors
