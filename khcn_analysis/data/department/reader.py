"""Read a filled template and check it whole (``khcn data import``, first half).

The file is bounded first (``limits.py``), then opened twice by openpyxl (formulas,
and the values a spreadsheet program saved for them), then every sheet is walked
row by row. Any problem anywhere makes the whole file fail, with every problem
listed by sheet and cell, so a half-checked file never becomes a source.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from khcn_analysis.core.errors import InputError, InputErrors
from khcn_analysis.data.department.checks import (
    CellReader,
    is_blank,
    read_date,
    read_number,
    read_text,
    read_year,
)
from khcn_analysis.data.department.limits import check_extent, read_bounded
from khcn_analysis.data.department.tables import (
    CODE_ROW,
    FIRST_DATA_ROW,
    FIRST_YEAR,
    LAST_YEAR,
    MARKER_SHEET,
    META_FIELDS,
    META_VALUE_COLUMN,
    TABLES,
    TEMPLATE_ID,
    TEMPLATE_VERSION,
    Column,
    Table,
    instructions_sheet,
)

__all__ = ["Figure", "FilledTemplate", "read_filled_template"]


@dataclass(frozen=True)
class Figure:
    """One value read from the filled template, with where it came from."""

    sheet: str
    cell: str
    variable: str
    unit: str
    basis: str
    year: int
    value: float
    source_ref: str
    note: str
    formula: str | None = None


@dataclass
class FilledTemplate:
    """What a valid filled template holds: the figures and who filled them in."""

    path: Path
    lang: str
    figures: list[Figure]
    filled_by: str
    organisation: str
    filled_on: date
    contact: str = ""
    sha256: str = ""


_NOT_A_WORKBOOK = "an Excel .xlsx workbook written by `khcn data template`"


def read_filled_template(path: str | Path, *, today: date | None = None) -> FilledTemplate:
    """Read and check a filled template; raise ``InputErrors`` listing every problem."""
    path = Path(path)
    today = today or date.today()
    wb_formulas, wb_values, digest = _open(path)
    r = CellReader(path, wb_formulas, wb_values)
    lang = _check_marker(r)
    _check_extents(r)
    figures: list[Figure] = []
    for table in TABLES:
        figures += _read_table(r, table, lang)
    meta = _read_meta(r, lang, today)
    if not r.any_value:
        r.errors.append(InputError(path, None, "no figures in any sheet (nothing to import)",
                                   "at least one figure with its year and source"))
    if r.errors:
        raise InputErrors(r.errors, what=str(path))
    return FilledTemplate(path, lang, figures, **meta, sha256=digest)


def _open(path: Path) -> tuple[Any, Any, str]:
    import hashlib

    if not path.is_file():
        raise InputErrors([InputError(path, None, "no such file", _NOT_A_WORKBOOK)], what=str(path))
    buffer = read_bounded(path)
    digest = hashlib.sha256(buffer.getvalue()).hexdigest()
    try:
        wb_formulas = load_workbook(buffer, data_only=False)
        buffer.seek(0)
        wb_values = load_workbook(buffer, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a non-xlsx file
        reason = f"{type(exc).__name__}: {exc}".strip()
        raise InputErrors(
            [InputError(path, None, f"a file that is not a readable .xlsx workbook ({reason[:160]})",
                        _NOT_A_WORKBOOK, "save the file from Excel as «Excel Workbook (*.xlsx)»")],
            what=str(path),
        ) from exc
    return wb_formulas, wb_values, digest


def _check_marker(r: CellReader) -> str:
    """The template's language; a workbook that is not our template stops here."""
    wb = r.wb_formulas
    hint = "write a fresh template with `khcn data template` and copy the figures into it"
    if MARKER_SHEET not in wb.sheetnames:
        names = wb.sheetnames if len(wb.sheetnames) <= 12 else [*wb.sheetnames[:12], "…"]
        r.errors.append(InputError(r.path, "workbook", f"sheets {names} and no '{MARKER_SHEET}' marker sheet",
                                   f"the department input template ({TEMPLATE_ID})", hint))
        raise InputErrors(r.errors, what=str(r.path))
    ws = wb[MARKER_SHEET]
    marker = {str(ws.cell(row, 1).value): ws.cell(row, 2).value for row in range(1, 4)}
    if marker.get("template") != TEMPLATE_ID:
        r.error(MARKER_SHEET, "B1", repr(marker.get("template")), repr(TEMPLATE_ID), hint)
    elif marker.get("version") != TEMPLATE_VERSION:
        r.error(MARKER_SHEET, "B2", f"template version {marker.get('version')!r}",
                f"template version {TEMPLATE_VERSION}", hint)
    elif marker.get("lang") not in ("vi", "en"):
        r.error(MARKER_SHEET, "B3", repr(marker.get("lang")), "'vi' or 'en'", hint)
    if r.errors:
        raise InputErrors(r.errors, what=str(r.path))
    return str(marker["lang"])


def _check_extents(r: CellReader) -> None:
    """Every sheet within the caps before any cell is read (bounded work, one message per sheet)."""
    for ws in r.wb_formulas.worksheets:
        problem = check_extent(r.path, ws.title, ws.max_row, ws.max_column)
        if problem:
            r.errors.append(problem)
    if r.errors:
        raise InputErrors(r.errors, what=str(r.path))


def _read_table(r: CellReader, table: Table, lang: str) -> list[Figure]:
    sheet = table.sheet(lang)
    if sheet not in r.wb_formulas.sheetnames:
        r.error(sheet, None, f"no such sheet (sheets: {r.wb_formulas.sheetnames})",
                f"the sheet '{sheet}' of the template", "do not rename or delete the template's sheets")
        return []
    ws = r.wb_formulas[sheet]
    codes = table.codes()
    header_ok = True
    for col, code in enumerate(codes, start=1):
        found = ws.cell(CODE_ROW, col).value
        if found != code:
            r.error(sheet, ws.cell(CODE_ROW, col).coordinate, f"column code {found!r}",
                    f"{code!r} (the template's column order)",
                    "do not insert, delete or move columns; copy the figures into a fresh template")
            header_ok = False
    if not header_ok:
        return []
    figures: list[Figure] = []
    seen_years: dict[int, str] = {}
    for row in range(FIRST_DATA_ROW, ws.max_row + 1):
        figures += _read_row(r, ws, table, row, seen_years)
    return figures


def _read_row(r: CellReader, ws: Any, table: Table, row: int, seen_years: dict[int, str]) -> list[Figure]:
    sheet = ws.title
    codes = table.codes()
    src_col, note_col = len(codes) - 1, len(codes)
    year_coord = f"A{row}"
    year, year_present = read_year(r, sheet, year_coord)
    values: list[tuple[Column, str, float, str | None]] = []
    any_value = False
    for col, column in enumerate(table.columns, start=2):
        coord = f"{get_column_letter(col)}{row}"
        value, formula, present = read_number(r, sheet, coord, column)
        any_value |= present
        r.any_value |= present
        if value is not None:
            values.append((column, coord, value, formula))
    source_coord = f"{get_column_letter(src_col)}{row}"
    source_ref = read_text(r, sheet, source_coord)
    note = read_text(r, sheet, f"{get_column_letter(note_col)}{row}")
    for col in range(note_col + 1, ws.max_column + 1):
        stray, _f, _ok = r.raw(sheet, f"{get_column_letter(col)}{row}")
        if not is_blank(stray):
            r.error(sheet, f"{get_column_letter(col)}{row}", repr(stray),
                    f"nothing right of the Note column (column {get_column_letter(note_col)})",
                    "values outside the template's columns would be lost; move them into a column")
    if year is not None:
        if year in seen_years:
            r.error(sheet, year_coord, f"year {year} again (already in {seen_years[year]})",
                    "each year once per sheet", "put all figures of one year on one row")
            return []
        seen_years[year] = year_coord
    if not any_value:
        return []
    if not year_present:
        r.error(sheet, year_coord, "an empty year cell on a row with values",
                f"the year ({FIRST_YEAR}–{LAST_YEAR}) the row's values belong to")
    if not source_ref:
        r.error(sheet, source_coord, "no source on a row with values",
                "the document the figures come from (title, number, date)", "every figure needs its source")
    if year is None or not source_ref:
        return []
    return [Figure(sheet, coord, column.variable, column.unit, column.basis, year, value, source_ref, note, formula)
            for column, coord, value, formula in values]


def _read_meta(r: CellReader, lang: str, today: date) -> dict[str, Any]:
    sheet = instructions_sheet(lang)
    if sheet not in r.wb_formulas.sheetnames:
        r.error(sheet, None, "no such sheet", f"the sheet '{sheet}' with who filled the template")
        return {"filled_by": "", "organisation": "", "filled_on": date.min}
    out: dict[str, Any] = {}
    for meta in META_FIELDS:
        coord = f"{META_VALUE_COLUMN}{meta.row}"
        label = meta.label(lang)
        if meta.key == "filled_on":
            out[meta.key] = filled_on = read_date(r, sheet, coord, label)
            if filled_on > today:
                r.error(sheet, coord, f"{filled_on:%d/%m/%Y}", f"a date no later than today ({today:%d/%m/%Y})")
            continue
        text = read_text(r, sheet, coord)
        if meta.required and not text:
            r.error(sheet, coord, f"an empty cell for «{label}»", "who filled the template (required)")
        out[meta.key] = text
    return out
