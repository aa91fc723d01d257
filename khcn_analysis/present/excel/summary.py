"""The Summary sheet: each plan target in 2015, 2020 and 2030, the judge's verdict, the gap.

The rows are the judge's (``Results.attainment``): which targets, their bounds,
whether they are computable. Value, verdict and gap are also formulas over the
Projection sheet so that an edited assumption updates them, and those formulas
are the judge's comparator written in Excel (:data:`MET_TESTS`, the same cases
and tolerance as :func:`khcn_analysis.judge.compare.compare`). Each formula is
stored with the judge's own result as its cached value, and the tests check
that LibreOffice's recalculation gives the judge's verdicts back.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from khcn_analysis.core.catalogue import t
from khcn_analysis.core.catalogue.status import attainment_label, value_status_label
from khcn_analysis.core.config import COMPARE_RTOL, MILESTONES
from khcn_analysis.core.indicators import INDICATORS, unit_label
from khcn_analysis.judge.compare import above_range
from khcn_analysis.present.excel.formats import (
    PERCENT_FORMAT,
    STATUS_FILLS,
    Formats,
    RowFit,
    finite,
    page_setup,
    protect,
    write_title,
)
from khcn_analysis.present.excel.layout import HEADER_ROW, WorkbookLayout, cell, on_sheet
from khcn_analysis.present.narrative.warnings import warning_lines

if TYPE_CHECKING:
    from khcn_analysis.pipeline import Results

__all__ = ["COLUMNS", "GAP_CARRIERS", "GAP_FORMULAS", "MET_TESTS", "clause_label", "met_test", "summary_sheet"]

#: The judge's comparator as an Excel condition on the value ``{v}``, the bounds ``{lo}``
#: and ``{hi}`` and the relative tolerance ``{tol}`` (``core.config.COMPARE_RTOL``).
#: "between" is a range to reach: a value above it has met it. "greater_than" is strict.
MET_TESTS: dict[str, str] = {
    "at_least": "{v}>={lo}-ABS({lo})*{tol}",
    "between": "{v}>={lo}-ABS({lo})*{tol}",
    "greater_than": "{v}>{lo}",
    "at_most": "{v}<={hi}+ABS({hi})*{tol}",
    "equal": "ABS({v}-{lo})<=ABS({lo})*{tol}",
}
#: The shortfall of a missed target, before conversion to natural units (binding bound − value).
GAP_FORMULAS: dict[str, str] = {
    "at_least": "({lo}-{v})",
    "between": "({lo}-{v})",
    "greater_than": "({lo}-{v})",
    "equal": "({lo}-{v})",
    "at_most": "({hi}-{v})",
}
#: How a shortfall converts to natural units, as the judge does (judge/attainment.py):
#: the series that carries it and the factor (a share of GRDP × GRDP / 100 → bn VND).
GAP_CARRIERS: dict[str, tuple[str, float]] = {
    "st_investment_share_grdp": ("grdp", 0.01),
    "st_budget_share_expenditure": ("budget_expenditure", 0.01),
    "st_fund_share_revenue_local": ("budget_revenue_local", 0.01),
    "researcher_density": ("population", 0.1),
}
#: Columns of the table, in order, with their widths.
COLUMNS: tuple[tuple[str, int], ...] = (
    ("target", 34), ("clause", 10), ("indicator", 30), ("year", 7), ("value", 12), ("target_text", 24),
    ("lower", 10), ("upper", 10), ("unit", 14), ("verdict", 16), ("grade", 16), ("met", 14), ("gap", 12),
    ("gap_unit", 12),
    ("sufficiency", 16), ("note", 34),
)
COL = {key: k for k, (key, _) in enumerate(COLUMNS)}


def met_test(comparator: str, v: str, lo: str, hi: str, upper: Any) -> str:
    """The Excel condition for "met" (``at_most`` without an upper bound uses the lower one)."""
    tol = repr(float(COMPARE_RTOL)).upper()
    return MET_TESTS[comparator].format(v=v, lo=lo, hi=hi if finite(upper) else lo, tol=tol)


def gap_formula(comparator: str, v: str, lo: str, hi: str, upper: Any) -> str | None:
    pattern = GAP_FORMULAS.get(comparator)
    return pattern.format(v=v, lo=lo, hi=hi if finite(upper) else lo) if pattern else None


def clause_label(clause: str, lang: str) -> str:
    """'B.II item 4' → 'B.II.4' (as the plan's readers cite it); "D' closing" in words."""
    text = re.sub(r"\s+item\s+", ".", str(clause)).strip()
    match = re.match(r"^(.*\S)\s+closing$", text)
    return t("excel.clause.closing", lang, section=match.group(1)) if match else text


def _note(rec: Any, target: Any, results: Results, lang: str) -> str:
    """Why a row is not computable, or where its value comes from (in the reader's words)."""
    indicator = INDICATORS.get(rec.indicator)
    name = indicator.label(lang) if indicator else rec.indicator
    if rec.status == "not_computable":
        if target is not None and not target.computable:
            return t("excel.note.hand_tracked", lang)
        if rec.indicator not in set(results.table["variable"]):
            return t("excel.note.no_series", lang, indicator=name)
        return t("excel.note.no_value", lang, indicator=name, year=int(rec.year))
    note = value_status_label(str(rec.value_status), lang)
    if rec.status == "met" and above_range(str(rec.comparator), rec.upper if finite(rec.upper) else None,
                                           float(rec.value)):
        note = f"{note}. {t('excel.note.above_range', lang)}"
    return note


#: The colour of a warning line (the house's dark red).
WARNING_COLOUR = "#A50F15"


def summary_sheet(ws: Any, fmt: Formats, results: Results, lang: str, layout: WorkbookLayout) -> None:
    sc = results.scenario
    write_title(ws, fmt, t("excel.title", lang, title=sc.title(lang)), sc.description(lang),
                t("excel.summary.note", lang))
    ws.write_string(HEADER_ROW - 1, 0, t("excel.summary.heading", lang), fmt(bold=True))
    for key, col in COL.items():
        ws.write_string(HEADER_ROW, col, t(f"excel.summary.head.{key}", lang), fmt.head())
    ws.set_row(HEADER_ROW, 40)
    att = results.attainment
    att = att[(att["scope"] == "province") & att["year"].isin(MILESTONES)].reset_index(drop=True)
    targets = {tg.id: tg for tg in results.plan.targets}
    fit = RowFit({col: width for col, (_, width) in enumerate(COLUMNS)})
    row = HEADER_ROW + 1
    for rec in att.itertuples(index=False):
        layout.summary_rows.append(_row(ws, fmt, fit, row, rec, targets.get(rec.target_id), results, lang, layout))
        row += 1
    for line in warning_lines(results, lang):  # an implausible projection is never shown without saying so
        row += 1
        ws.write_string(row, 0, line, fmt(bold=True, font_color=WARNING_COLOUR))
    fit.apply(ws)
    for col, (_, width) in enumerate(COLUMNS):
        ws.set_column(col, col, width)
    page_setup(ws, HEADER_ROW)
    protect(ws)


def _row(ws: Any, fmt: Formats, fit: RowFit, row: int, rec: Any, target: Any, results: Results, lang: str,
         layout: WorkbookLayout) -> dict[str, Any]:
    """One target and year: the judge's row, with formulas where the value is on the sheet."""
    ind = INDICATORS.get(rec.indicator)
    num = fmt.number(ind.decimals if ind else 2)
    text = fmt.text()

    def write_text(key: str, value: str) -> None:
        ws.write_string(row, COL[key], value, text)
        fit.note(row, COL[key], value)

    write_text("target", getattr(target, f"label_{lang}") if target else rec.target_id)
    write_text("clause", clause_label(rec.clause, lang))
    write_text("indicator", ind.label(lang) if ind else rec.indicator)
    ws.write_number(row, COL["year"], int(rec.year), fmt(num_format="0", border=1, border_color="#BBBBBB"))
    write_text("target_text", target.describe(lang) if target else "")
    for key, bound in (("lower", rec.lower), ("upper", rec.upper)):
        if finite(bound):
            ws.write_number(row, COL[key], float(bound), num)
        else:
            ws.write_blank(row, COL[key], None, num)
    write_text("unit", unit_label(str(rec.unit), lang))
    write_text("note", _note(rec, target, results, lang))
    # The judge's verdict over every plausible value and the evidence it rests on: words, never
    # recomputed here (a formula can only see the central values; the "met" column is that).
    write_text("verdict", attainment_label(str(rec.verdict), lang))
    grade = str(rec.grade) if isinstance(rec.grade, str) else ""
    grade_word = value_status_label(grade, lang) if grade else ""
    ws.write_string(row, COL["grade"], grade_word, fmt.text(bg_color=STATUS_FILLS.get(grade)))
    fit.note(row, COL["grade"], grade_word)
    central = getattr(rec, "central_verdict", rec.status)
    entry: dict[str, Any] = {"target_id": rec.target_id, "year": int(rec.year), "status": rec.status,
                             "central_verdict": central, "value": rec.value, "gap": rec.gap, "row": row,
                             "verdict_cell": cell(row, COL["verdict"]), "grade_cell": cell(row, COL["grade"])}
    value_cell = layout.projection_cells.get((rec.indicator, int(rec.year)))
    if rec.status == "not_computable" or value_cell is None:
        ws.write_blank(row, COL["value"], None, num)
        write_text("met", attainment_label("not_computable", lang))
        for key in ("gap", "gap_unit", "sufficiency"):
            ws.write_blank(row, COL[key], None, text)
        return entry
    proj = layout.sheets["projection"]
    v, lo, hi = cell(row, COL["value"]), cell(row, COL["lower"]), cell(row, COL["upper"])
    ws.write_formula(row, COL["value"], f"={on_sheet(proj, value_cell)}", num, float(rec.value))
    test = met_test(str(rec.comparator), v, lo, hi, rec.upper)
    yes, no = attainment_label("met", lang), attainment_label("not_met", lang)
    # The formula compares the value on the sheet (the central one, recalculated when an
    # assumption is edited); its cached result is the judge's verdict at the central values.
    ws.write_formula(row, COL["met"], f'=IF({test},"{yes}","{no}")', fmt.text(bold=True),
                     yes if central == "met" else no)
    ws.conditional_format(row, COL["met"], row, COL["met"], {
        "type": "cell", "criteria": "==", "value": f'"{no}"',
        "format": fmt(font_color="#9C0006", bg_color="#FBE3C4")})
    entry.update(value_cell=v, met_cell=cell(row, COL["met"]))
    _gap(ws, fmt, row, rec, test, v, lo, hi, layout, entry)
    write_text("gap_unit", unit_label(str(rec.gap_unit), lang))
    suff = layout.projection_cells.get(("funding_sufficiency", int(rec.year)))
    if rec.indicator == "st_investment_share_grdp" and suff and finite(rec.funding_sufficiency):
        ws.write_formula(row, COL["sufficiency"], f"={on_sheet(proj, suff)}",
                         fmt(num_format=PERCENT_FORMAT, border=1, border_color="#BBBBBB"),
                         float(rec.funding_sufficiency))
        entry["sufficiency_cell"] = cell(row, COL["sufficiency"])
    else:
        ws.write_blank(row, COL["sufficiency"], None, text)
    return entry


def _gap(ws: Any, fmt: Formats, row: int, rec: Any, test: str, v: str, lo: str, hi: str,
         layout: WorkbookLayout, entry: dict[str, Any]) -> None:
    """0 when met, else the shortfall in natural units (bn VND, persons) as the judge gives it."""
    gap_num = fmt.number(1)
    formula = gap_formula(str(rec.comparator), v, lo, hi, rec.upper)
    carrier = GAP_CARRIERS.get(rec.indicator)
    if formula and carrier:
        carrier_cell = layout.projection_cells.get((carrier[0], int(rec.year)))
        formula = (f"{formula}*{on_sheet(layout.sheets['projection'], carrier_cell)}*{carrier[1]!r}"
                   if carrier_cell else None)
    if formula and finite(rec.gap):
        ws.write_formula(row, COL["gap"], f"=IF({test},0,{formula})", gap_num, float(rec.gap))
        entry["gap_cell"] = cell(row, COL["gap"])
    else:
        ws.write_blank(row, COL["gap"], None, gap_num)
